/*
 * People who receive milestone reminders: name, address, language and
 * what they follow ("milestones" for every milestone anniversary, or
 * kind:K and country:CC filters).  Also the address check every module
 * that takes an email address uses.
 */
#ifndef KYNIEM_RECIPIENT_H
#define KYNIEM_RECIPIENT_H

#include <stddef.h>

#include "rules.h"

struct store;

struct recipient {
	char *email, *name;
	enum lang lang;
	char *follows;		/* "milestones" or "kind:K,country:CC,..." */
};

struct recipient_list {
	struct recipient *v;
	size_t n;
};

/*
 * 1 if s is a plain addr-spec we are willing to send to: ASCII
 * local@domain.tld, dot-atom local part, hostname labels, no spaces or
 * control characters, at most 254 bytes.
 */
int recipient_email_valid(const char *s);

/* Check a follows list; 0, or -1 with a reason in err. */
int recipient_follows_check(const char *s, char *err, size_t errlen);
/* 1 if r follows the observance (its milestones are reminded). */
int recipient_follows(const struct recipient *r,
    const struct observance *o);

/* Add, or update the name, language and follows of an address; 0 / -1. */
int recipient_put(struct store *st, const struct recipient *r, long now);
/* Remove by address: 0, 1 if there was none, -1 on error. */
int recipient_remove(struct store *st, const char *email);
/* Every recipient, sorted by address; 0 or -1. */
int recipient_load(struct store *st, struct recipient_list *out);
void recipient_list_release(struct recipient_list *l);

#endif

/*
 * People who receive milestone reminders: name, address, language and
 * what they follow ("milestones" for every milestone anniversary, or
 * kind:K and country:CC filters).  Also the address check every module
 * that takes an email address uses.
 */
#ifndef KYNIEM_RECIPIENT_H
#define KYNIEM_RECIPIENT_H

#include <stddef.h>
#include <time.h>

#include "field.h"
#include "rules.h"
#include "select.h"

struct buf;
struct store;

struct recipient {
	char *email, *name;
	enum lang lang;
	char *follows;		/* a selector: "milestones", "kind:K,..." */
	struct selector sel;	/* follows, compiled (on load) */
};

struct recipient_list {
	struct recipient *v;
	size_t n;
};


/* A recipient as typed: the form's fields, `kyniem recipient add`'s
 * options (--follow once per item, joined with ","). */
struct recipient_input {
	const char *email, *name, *lang, *follows;
};

/* The fields of a recipient_input: the address, the name, the mail's
 * language (vi or en) and what the recipient follows. */
extern const struct field recipient_fields[];

/*
 * Check in (recipient_fields, and the follows list as a selector) and
 * fill r from it, borrowing in's strings (r->sel is left empty).  0, or
 * -1 with the refusals added to errs.
 */
int recipient_from_input(const struct recipient_input *in,
    struct recipient *r, struct field_errs *errs);

/* The follows list of a recipient who gets no digest, only the reminders
 * of the activities they own. */
#define RECIPIENT_FOLLOWS_NONE	"none"

/* Check a follows list (a selector, or "none"); 0, or -1 with a reason
 * in err. */
int recipient_follows_check(const char *s, char *err, size_t errlen);

/*
 * Add, or update the name, language and follows of an address, by who:
 * with its audit row ("recipient.add" or "recipient.edit" on
 * "recipient:EMAIL", before and after) in one transaction.  0, or -1
 * (logged) with nothing written.
 */
int recipient_put(struct store *st, const struct recipient *r,
    const char *who, time_t now);
/* Remove by address, by who, with its audit row ("recipient.remove"):
 * 0, 1 if there was none, -1 on error (nothing removed). */
int recipient_remove(struct store *st, const char *email, const char *who,
    time_t now);
/* The recipient of an address into *out (release it with
 * recipient_release()): 0, 1 if none, -1 on error. */
int recipient_get(struct store *st, const char *email,
    struct recipient *out);
void recipient_release(struct recipient *r);
/* The recipient as a JSON object for the audit trail: email, name, lang,
 * follows, appended to out. */
void recipient_json(const struct recipient *r, struct buf *out);
/* Every recipient, sorted by address; 0 or -1. */
int recipient_load(struct store *st, struct recipient_list *out);
/* A page of recipient_load()'s list: offset rows skipped, at most limit;
 * *total is the whole list's length.  0 or -1. */
int recipient_page(struct store *st, long offset, long limit,
    struct recipient_list *out, long *total);
void recipient_list_release(struct recipient_list *l);

#endif

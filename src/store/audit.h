/*
 * The audit trail: every change made through the web application (and
 * the account commands) as who, when, what, on which object, and the
 * object before and after, in a table admins read on a page and with
 * `kyniem audit`.
 */
#ifndef KYNIEM_AUDIT_H
#define KYNIEM_AUDIT_H

#include <stddef.h>
#include <time.h>

struct store;

struct audit_entry {
	long id;
	time_t at;
	char *who;		/* an account's address, or "cli:USER" */
	char *action;		/* "activity.create", "user.disable" */
	char *object;		/* "activity:12", "relation:TH" */
	char *before, *after;	/* JSON objects, NULL when none */
};

struct audit_list {
	struct audit_entry *v;
	size_t n;
};

/* Record one change; 0 or -1 (logged).  before/after may be NULL. */
int audit_add(struct store *st, const char *who, const char *action,
    const char *object, const char *before, const char *after, time_t now);

/* The newest entries first, at most limit; 0 or -1. */
int audit_load(struct store *st, long limit, struct audit_list *out);
/* The newest entries of one object ("activity:12", "observance:KEY"),
 * at most limit: its own history; 0 or -1. */
int audit_object(struct store *st, const char *object, long limit,
    struct audit_list *out);
/* A page of entries, newest first: ids below before (0: from the
 * newest), at most limit; 0 or -1. */
int audit_page(struct store *st, long before, long limit,
    struct audit_list *out);
void audit_list_release(struct audit_list *l);

#endif

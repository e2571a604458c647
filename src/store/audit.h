/*
 * The audit trail: every change, from the web application or the command
 * line, as who, when, what, on which object, and the object before and
 * after, in a table admins read on a page and with `kyniem audit`.  A
 * module's write records its row itself, in the transaction of the
 * change (audit_add()), so that the two are written together or not at
 * all: a trail that cannot be written refuses the change.
 */
#ifndef KYNIEM_AUDIT_H
#define KYNIEM_AUDIT_H

#include <sqlite3.h>
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

/*
 * Record one change by who (required) as a statement of the caller's
 * transaction: a module's write calls it between store_begin() and
 * store_commit() and rolls back when it fails.  object, before and after
 * (JSON objects) may be NULL.  Outside a transaction it writes nothing
 * and fails: a row that could commit apart from its change is the bug
 * this rules out.  0, or -1 (logged, naming the action).
 */
int audit_add(struct store *st, const char *who, const char *action,
    const char *object, const char *before, const char *after, time_t now);

/*
 * Record an event that changes no data (a backup downloaded), a write
 * of its own; 0 or -1 (logged).
 */
int audit_event(struct store *st, const char *who, const char *action,
    const char *object, const char *before, const char *after, time_t now);

/*
 * audit_add() on a connection of a store module's own (the copy that
 * backup_restore() puts in place, whose rows go in with it at once);
 * name is what a message calls the database.  0 or -1 (logged).
 */
int audit_add_db(sqlite3 *db, const char *name, const char *who,
    const char *action, const char *object, const char *before,
    const char *after, time_t now);

/* The newest entries first, at most limit; 0 or -1. */
int audit_load(struct store *st, long limit, struct audit_list *out);
/* A page of entries, newest first: ids below before (0: from the
 * newest), at most limit; 0 or -1. */
int audit_page(struct store *st, long before, long limit,
    struct audit_list *out);
void audit_list_release(struct audit_list *l);

#endif

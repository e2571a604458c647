/*
 * What staff deleted, restorable for TRASH_DAYS days ("Đã xóa"): an
 * activity stays in its table, left out by every reader (activity_db.c),
 * until then, when the next deletion or restoration removes it for good;
 * a contact stays hidden for good (a re-import of calendars/ must not
 * bring it back), restorable until then.  Each deletion and restoration
 * writes its audit row in its own transaction.
 */
#ifndef KYNIEM_TRASH_H
#define KYNIEM_TRASH_H

#include <stddef.h>
#include <time.h>

#include "util.h"

struct store;

#define TRASH_DAYS	30

enum trash_kind { TRASH_ACTIVITY, TRASH_CONTACT };

/* One thing deleted. */
struct trash_entry {
	enum trash_kind kind;
	long id;		/* an activity's */
	char *key;		/* a contact's */
	char *label;		/* the title; the contact's Vietnamese name */
	char *label_en;		/* the contact's English name; NULL */
	struct ymd start;	/* an activity's first day */
	char *who;		/* who deleted it */
	time_t at;		/* and when */
};

struct trash_list {
	struct trash_entry *v;
	size_t n;
};

/*
 * Delete activity id (or contact key) as who at now, with the audit row
 * "activity.delete" ("contact.delete") holding it as it was.  Returns 0,
 * 1 when there is no such live row, -1 on error (logged).
 */
int trash_activity(struct store *st, long id, const char *who, time_t now);
int trash_contact(struct store *st, const char *key, const char *who,
    time_t now);

/*
 * Put back what was deleted less than TRASH_DAYS days before now, with
 * the audit row "activity.restore" ("contact.restore").  Returns 0, 1
 * when it is not (or no longer) restorable, -1 on error (logged).
 */
int trash_activity_restore(struct store *st, long id, const char *who,
    time_t now);
int trash_contact_restore(struct store *st, const char *key,
    const char *who, time_t now);

/* 1 if activity id is deleted (*who and *at, who's memory the caller's
 * to free, when not NULL), 0 if not, -1 on error. */
int trash_activity_state(struct store *st, long id, char **who,
    time_t *at);

/* A page of what is restorable at now, the newest deletion first, and
 * *total; 0 or -1 (logged).  Release with trash_list_release(). */
int trash_page(struct store *st, time_t now, long offset, long limit,
    struct trash_list *out, long *total);
void trash_list_release(struct trash_list *l);

#endif

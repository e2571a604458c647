/*
 * The deleted activities and contacts (activity_trash, contact_trash):
 * deleting and restoring, each with its audit row in one transaction,
 * the list staff restore from, and the purge of activities deleted more
 * than TRASH_DAYS days ago.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "audit.h"
#include "contact.h"
#include "store.h"
#include "trash.h"
#include "util.h"

/* The oldest deletion still restorable at now. */
static sqlite3_int64
cutoff(time_t now)
{
	return (sqlite3_int64)now - (sqlite3_int64)TRASH_DAYS * 86400;
}

/* Remove for good the activities deleted before the cutoff (their
 * owners and trash rows go with them, ON DELETE CASCADE). */
static int
purge(struct store *st, time_t now)
{
	return store_exec(st, "DELETE FROM activities WHERE"
	    " id IN (SELECT id FROM activity_trash WHERE at < ?1)",
	    STORE_INT(cutoff(now)));
}

/* Run one statement of an id or key and tell how many rows changed. */
static int
run(struct store *st, const char *sql, long id, const char *key,
    const char *a, const char *b, time_t now, int *changes)
{
	sqlite3_stmt *stmt = store_prepare(st, sql);

	if (stmt == NULL)
		return -1;
	if (key != NULL)
		store_bind_text(stmt, 1, key);
	else
		sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, a);
	store_bind_text(stmt, 3, b);
	sqlite3_bind_int64(stmt, 4, (sqlite3_int64)now);
	if (store_step_done(st, stmt) == -1)
		return -1;
	*changes = sqlite3_changes(store_db(st));
	return 0;
}

static int
activity_gone(struct store *st, long id, const char *who, time_t now)
{
	struct activity a;
	struct buf before;
	char obj[40];
	int rc, n = 0;

	if ((rc = trash_activity_state(st, id, NULL, NULL)) != 0)
		return rc == 1 ? 1 : -1;
	if ((rc = activity_get(st, id, &a)) != 0)
		return rc;
	buf_init(&before);
	activity_json(&a, &before);
	snprintf(obj, sizeof(obj), "activity:%ld", id);
	rc = run(st, "INSERT INTO activity_trash (id, who, at)"
	    " VALUES (?1, ?2, ?4)", id, NULL, who, NULL, now, &n) == -1 ||
	    audit_add(st, who, "activity.delete", obj, before.data, NULL,
	    now) == -1 || purge(st, now) == -1 ? -1 : 0;
	buf_release(&before);
	activity_release(&a);
	return rc;
}

int
trash_activity(struct store *st, long id, const char *who, time_t now)
{
	if (store_begin(st) == -1)
		return -1;
	return store_finish(st, activity_gone(st, id, who, now));
}

static int
activity_back(struct store *st, long id, const char *who, time_t now)
{
	struct activity a;
	struct buf after;
	char obj[40];
	int rc, n = 0;

	if (purge(st, now) == -1 || run(st, "DELETE FROM activity_trash"
	    " WHERE id = ?1", id, NULL, NULL, NULL, now, &n) == -1)
		return -1;
	if (n == 0)
		return 1;
	if ((rc = activity_get(st, id, &a)) != 0)
		return rc;
	buf_init(&after);
	activity_json(&a, &after);
	snprintf(obj, sizeof(obj), "activity:%ld", id);
	rc = audit_add(st, who, "activity.restore", obj, NULL, after.data,
	    now);
	buf_release(&after);
	activity_release(&a);
	return rc;
}

int
trash_activity_restore(struct store *st, long id, const char *who,
    time_t now)
{
	if (store_begin(st) == -1)
		return -1;
	return store_finish(st, activity_back(st, id, who, now));
}

static int
put_contact(struct store *st, const struct contact *c, const char *who,
    time_t now)
{
	return store_exec(st, "INSERT OR REPLACE INTO"
	    " contact_trash (key, name_vi, name_en, who, at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	    STORE_TEXT(c->key), STORE_TEXT(c->name_vi), STORE_TEXT(c->name_en),
	    STORE_TEXT(who), STORE_INT(now));
}

static int
contact_gone(struct store *st, const char *key, const char *who,
    time_t now)
{
	struct contact c;
	struct buf before, obj;
	int rc;

	/* contact_get() knows only live contacts. */
	if ((rc = contact_get(st, key, &c)) != 0)
		return rc;
	buf_init(&before);
	buf_init(&obj);
	contact_json(&c, 0, &before);
	buf_printf(&obj, "contact:%s", key);
	rc = put_contact(st, &c, who, now) == -1 || audit_add(st, who,
	    "contact.delete", obj.data, before.data, NULL, now) == -1 ? -1 : 0;
	contact_release(&c);
	buf_release(&before);
	buf_release(&obj);
	return rc;
}

int
trash_contact(struct store *st, const char *key, const char *who,
    time_t now)
{
	if (store_begin(st) == -1)
		return -1;
	return store_finish(st, contact_gone(st, key, who, now));
}

static int
contact_back(struct store *st, const char *key, const char *who,
    time_t now)
{
	struct contact c;
	struct buf after, obj;
	int rc, n = 0;

	if (run(st, "DELETE FROM contact_trash WHERE key = ?1 AND at >= ?4",
	    0, key, NULL, NULL, (time_t)cutoff(now), &n) == -1)
		return -1;
	if (n == 0)
		return 1;
	if ((rc = contact_get(st, key, &c)) != 0)
		return rc;
	buf_init(&after);
	buf_init(&obj);
	contact_json(&c, 0, &after);
	buf_printf(&obj, "contact:%s", key);
	rc = audit_add(st, who, "contact.restore", obj.data, NULL, after.data,
	    now);
	contact_release(&c);
	buf_release(&after);
	buf_release(&obj);
	return rc;
}

int
trash_contact_restore(struct store *st, const char *key, const char *who,
    time_t now)
{
	if (store_begin(st) == -1)
		return -1;
	return store_finish(st, contact_back(st, key, who, now));
}

int
trash_activity_state(struct store *st, long id, char **who, time_t *at)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT who, at FROM"
	    " activity_trash WHERE id = ?1");
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (who != NULL)
			*who = store_column_dup(stmt, 0);
		if (at != NULL)
			*at = (time_t)sqlite3_column_int64(stmt, 1);
		sqlite3_finalize(stmt);
		return 1;
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return 0;
	store_warn(st);
	return -1;
}

/* Both kinds in one list: kind, id, key, label, label_en, start, who,
 * at; ?1 the cutoff. */
#define TRASH_SQL \
    " FROM (SELECT 0 AS kind, t.id AS id, NULL AS key, a.title AS label," \
    "  NULL AS label_en, a.start_date AS start, t.who AS who, t.at AS at" \
    "  FROM activity_trash t JOIN activities a ON a.id = t.id" \
    " UNION ALL SELECT 1, 0, key, name_vi, name_en, NULL, who, at" \
    "  FROM contact_trash) WHERE at >= ?1"

/* The columns of TRASH_SQL read as they are; row_entry() reads the kind
 * (0) and the start (5). */
static const struct store_col entry_cols[] = {
	STORE_COL_LONG(1, struct trash_entry, id),
	STORE_COL_TEXT(2, struct trash_entry, key),
	STORE_COL_TEXT(3, struct trash_entry, label),
	STORE_COL_TEXT(4, struct trash_entry, label_en),
	STORE_COL_TEXT(6, struct trash_entry, who),
	STORE_COL_TIME(7, struct trash_entry, at),
};

static void
row_entry(sqlite3_stmt *stmt, void *elem)
{
	struct trash_entry *e = elem;
	const char *d;

	store_columns(stmt, entry_cols, NELEM(entry_cols), e);
	e->kind = sqlite3_column_int(stmt, 0) == 1 ? TRASH_CONTACT :
	    TRASH_ACTIVITY;
	if ((d = (const char *)sqlite3_column_text(stmt, 5)) != NULL)
		util_parse_ymd(d, &e->start);
}

int
trash_page(struct store *st, time_t now, long offset, long limit,
    struct trash_list *out, long *total)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT count(*)" TRASH_SQL);

	memset(out, 0, sizeof(*out));
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, cutoff(now));
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_warn(st);
		sqlite3_finalize(stmt);
		return -1;
	}
	*total = (long)sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	stmt = store_stmt(st, "SELECT kind, id, key, label, label_en,"
	    " start, who, at" TRASH_SQL " ORDER BY at DESC, kind, id, key"
	    " LIMIT ?2 OFFSET ?3",
	    STORE_INT(cutoff(now)), STORE_INT(limit), STORE_INT(offset));
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_entry) == -1) {
		trash_list_release(out);
		return -1;
	}
	return 0;
}

void
trash_list_release(struct trash_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].label);
		free(l->v[i].label_en);
		free(l->v[i].who);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

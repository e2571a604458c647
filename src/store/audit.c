/*
 * Audit rows: one INSERT (insert()), which the modules' writes
 * run inside their transactions.  Rows are only ever inserted: nothing
 * in kyniem updates or deletes them.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "log.h"
#include "store.h"
#include "util.h"

/* The one INSERT of the trail; a failure logged naming the database
 * and the action, and ending with then. */
static int
insert(sqlite3 *db, const char *name, const char *then, const char *who,
    const char *action, const char *object, const char *before,
    const char *after, time_t now)
{
	sqlite3_stmt *stmt = NULL;
	int rc = SQLITE_ERROR;

	if (sqlite3_prepare_v2(db, "INSERT INTO audit (at, who, action,"
	    " object, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1,
	    &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, (sqlite3_int64)now);
		store_bind_text(stmt, 2, who);
		store_bind_text(stmt, 3, action);
		store_bind_text(stmt, 4, object);
		store_bind_text(stmt, 5, before);
		store_bind_text(stmt, 6, after);
		rc = sqlite3_step(stmt);
	}
	if (rc != SQLITE_DONE)
		log_warnx("%s: cannot write '%s' to the audit trail: %s%s",
		    name, action, sqlite3_errmsg(db), then);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Said when the row belongs to a change: the caller rolls it back. */
#define UNDONE	"; nothing was changed"

int
audit_add_db(sqlite3 *db, const char *name, const char *who,
    const char *action, const char *object, const char *before,
    const char *after, time_t now)
{
	return insert(db, name, UNDONE, who, action, object, before, after,
	    now);
}

int
audit_add(struct store *st, const char *who, const char *action,
    const char *object, const char *before, const char *after, time_t now)
{
	if (sqlite3_get_autocommit(store_db(st))) {
		log_warnx("%s: '%s' written to the audit trail outside the "
		    "change's transaction: refused", store_path(st), action);
		return -1;
	}
	return insert(store_db(st), store_path(st), UNDONE, who, action,
	    object, before, after, now);
}

int
audit_event(struct store *st, const char *who, const char *action,
    const char *object, const char *before, const char *after, time_t now)
{
	return insert(store_db(st), store_path(st), "", who, action, object,
	    before, after, now);
}

/* The columns of SELECT_ENTRIES. */
static const struct store_col entry_cols[] = {
	STORE_COL_LONG(0, struct audit_entry, id),
	STORE_COL_TIME(1, struct audit_entry, at),
	STORE_COL_TEXT(2, struct audit_entry, who),
	STORE_COL_TEXT(3, struct audit_entry, action),
	STORE_COL_TEXT(4, struct audit_entry, object),
	STORE_COL_TEXT(5, struct audit_entry, before),
	STORE_COL_TEXT(6, struct audit_entry, after),
};

static void
row_entry(sqlite3_stmt *stmt, void *elem)
{
	store_columns(stmt, entry_cols, NELEM(entry_cols), elem);
}

/* The rows of stmt (NULL: a failed prepare) into out: 0, or -1 (logged)
 * with out empty. */
static int
collect(struct store *st, sqlite3_stmt *stmt, struct audit_list *out)
{
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_entry) == -1) {
		audit_list_release(out);
		return -1;
	}
	return 0;
}

#define SELECT_ENTRIES "SELECT id, at, who, action, object, before, after" \
	" FROM audit"

int
audit_load(struct store *st, long limit, struct audit_list *out)
{
	return audit_page(st, 0, limit, out);
}

int
audit_object(struct store *st, const char *object, long limit,
    struct audit_list *out)
{
	return collect(st, store_stmt(st, SELECT_ENTRIES " WHERE object = ?1"
	    " ORDER BY id DESC LIMIT ?2", STORE_TEXT(object),
	    STORE_INT(limit)), out);
}

int
audit_page(struct store *st, long before, long limit,
    struct audit_list *out)
{
	return collect(st, store_stmt(st, SELECT_ENTRIES " WHERE ?1 = 0"
	    " OR id < ?1 ORDER BY id DESC LIMIT ?2", STORE_INT(before),
	    STORE_INT(limit)), out);
}

void
audit_list_release(struct audit_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].who);
		free(l->v[i].action);
		free(l->v[i].object);
		free(l->v[i].before);
		free(l->v[i].after);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/*
 * The activities and activity_owners tables: loading, one activity by id,
 * and the upsert that bumps a revision only when something changed.
 * Validation is activity.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "audit.h"
#include "log.h"
#include "store.h"
#include "util.h"

#define ACTIVITY_COLUMNS "id, uid, title, all_day, start_date, start_min," \
	" end_date, end_min, location, organiser, observance, notes, remind," \
	" status, revision, created, modified, result, participants," \
	" category, countries, partner, public, member, amount, currency," \
	" budget, report_text"

/* The columns of ACTIVITY_COLUMNS read as they are; row_activity()
 * reads the dates (4, 6), the status (13) and public (22). */
static const struct store_col activity_cols[] = {
	STORE_COL_LONG(0, struct activity, id),
	STORE_COL_TEXT(1, struct activity, uid),
	STORE_COL_TEXT(2, struct activity, title),
	STORE_COL_INT(3, struct activity, all_day),
	STORE_COL_INT(5, struct activity, start_min),
	STORE_COL_INT(7, struct activity, end_min),
	STORE_COL_TEXT(8, struct activity, location),
	STORE_COL_TEXT(9, struct activity, organiser),
	STORE_COL_TEXT(10, struct activity, observance),
	STORE_COL_TEXT(11, struct activity, notes),
	STORE_COL_TEXT(12, struct activity, remind),
	STORE_COL_LONG(14, struct activity, revision),
	STORE_COL_TIME(15, struct activity, created),
	STORE_COL_TIME(16, struct activity, modified),
	STORE_COL_TEXT(17, struct activity, result),
	STORE_COL_INT(18, struct activity, participants),
	STORE_COL_TEXT(19, struct activity, category),
	STORE_COL_TEXT(20, struct activity, countries),
	STORE_COL_TEXT(21, struct activity, partner),
	STORE_COL_TEXT(23, struct activity, member),
	STORE_COL_LONG(24, struct activity, amount),
	STORE_COL_TEXT(25, struct activity, currency),
	STORE_COL_LONG(26, struct activity, budget),
	STORE_COL_TEXT(27, struct activity, report_text),
};

static void
row_activity(sqlite3_stmt *stmt, void *elem)
{
	struct activity *a = elem;
	const char *s;

	memset(a, 0, sizeof(*a));
	store_columns(stmt, activity_cols, NELEM(activity_cols), a);
	s = (const char *)sqlite3_column_text(stmt, 4);
	if (s == NULL || util_parse_ymd(s, &a->start) == -1)
		a->start = (struct ymd){ 1970, 1, 1 };
	s = (const char *)sqlite3_column_text(stmt, 6);
	if (s == NULL || util_parse_ymd(s, &a->end) == -1)
		a->end = a->start;
	a->status = (enum activity_status)activity_status_parse((const char *)
	    sqlite3_column_text(stmt, 13));
	if ((int)a->status < 0)
		a->status = ACTIVITY_PLANNED;
	a->public = sqlite3_column_int(stmt, 22) != 0;
}

/* An activity's position in a loaded list, by id. */
struct id_index {
	long id;
	size_t i;
};

static int
id_cmp(const void *a, const void *b)
{
	const struct id_index *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static void
owner_row(sqlite3_stmt *stmt, struct activity *a)
{
	a->owners = xrealloc(a->owners, (a->nowners + 1) *
	    sizeof(*a->owners));
	a->owners[a->nowners++] = store_column_dup(stmt, 1);
}

/*
 * The owners of the n activities of v: one query over the table, each row
 * found by binary search (a large import loads every owner at once), or,
 * for one activity, its rows through the primary key.
 */
static int
load_owners(struct store *st, struct activity *v, size_t n)
{
	sqlite3_stmt *stmt = store_prepare(st, n == 1 ?
	    "SELECT activity, email FROM activity_owners WHERE activity = ?1"
	    " ORDER BY pos" :
	    "SELECT activity, email FROM activity_owners ORDER BY activity,"
	    " pos");
	struct id_index *idx = NULL, key, *hit;
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	if (n == 1)
		sqlite3_bind_int64(stmt, 1, v[0].id);
	else {
		idx = xcalloc(n, sizeof(*idx));
		for (i = 0; i < n; i++)
			idx[i] = (struct id_index){ v[i].id, i };
		qsort(idx, n, sizeof(*idx), id_cmp);
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == 1) {
			owner_row(stmt, &v[0]);
			continue;
		}
		key.id = (long)sqlite3_column_int64(stmt, 0);
		if ((hit = bsearch(&key, idx, n, sizeof(*idx), id_cmp)) !=
		    NULL)
			owner_row(stmt, &v[hit->i]);
	}
	free(idx);
	return store_rows_done(st, stmt, rc);
}

int
activity_load(struct store *st, int owners, struct activity_list *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT " ACTIVITY_COLUMNS
	    " FROM activities WHERE id NOT IN (SELECT id FROM activity_trash)"
	    " ORDER BY start_date, all_day DESC, start_min, id");

	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_activity) == -1 || (owners && out->n > 0 &&
	    load_owners(st, out->v, out->n) == -1)) {
		activity_list_release(out);
		return -1;
	}
	return 0;
}

int
activity_owner_allowed(struct store *st, const char *uid, const char *email)
{
	/* Addresses are ASCII (text_email_valid()): lower() is
	 * enough to compare them. */
	return store_exists(st,
	    "SELECT 1 FROM users WHERE lower(email) = lower(?1)"
	    " AND NOT disabled"
	    " UNION ALL SELECT 1 FROM recipients"
	    " WHERE lower(email) = lower(?1)"
	    " UNION ALL SELECT 1 FROM activity_owners o"
	    " JOIN activities a ON a.id = o.activity"
	    " WHERE a.uid = ?2 AND o.email = ?1 LIMIT 1", email,
	    uid != NULL ? uid : "");
}

int
activity_get(struct store *st, long id, struct activity *out)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT " ACTIVITY_COLUMNS
	    " FROM activities WHERE id = ?1",
	    STORE_INT(id));
	int rc;

	if ((rc = store_get_one(st, stmt, out, sizeof(*out),
	    row_activity)) != 0)
		return rc;
	if (load_owners(st, out, 1) == -1) {
		activity_release(out);
		return -1;
	}
	return 0;
}

/*
 * Upsert the activity row itself; *changed when inserted or differing.
 * When merge is set (an import) an empty record field (?15-?19: result,
 * participants, category, countries, partner; ?22-?26: member, amount,
 * currency, budget, report text) keeps the value the application
 * recorded; otherwise it clears it.  The public flag (?21) is NULL when
 * the import does not say: the stored one stays, a new row is internal.
 */
static int
put_row(struct store *st, const struct activity *a, long now, int merge,
    int *changed)
{
	char s[16], e[16];
#define KEEP(n, col) "CASE WHEN ?20 THEN coalesce(" n ", " col ") ELSE " \
	n " END"
#define PUBLIC "coalesce(?21, CASE WHEN ?20 THEN public ELSE 0 END)"
#define RECORD KEEP("?15", "result") ", " KEEP("?16", "participants") ", " \
	KEEP("?17", "category") ", " KEEP("?18", "countries") ", " \
	KEEP("?19", "partner") ", " PUBLIC ", " KEEP("?22", "member") ", " \
	KEEP("?23", "amount") ", " KEEP("?24", "currency") ", " \
	KEEP("?25", "budget") ", " KEEP("?26", "report_text")
	sqlite3_stmt *stmt = store_prepare(st,
	    "INSERT INTO activities (uid, title, all_day, start_date,"
	    " start_min, end_date, end_min, location, organiser, observance,"
	    " notes, remind, status, created, modified, result, participants,"
	    " category, countries, partner, public, member, amount, currency,"
	    " budget, report_text)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?14, ?15, ?16, ?17, ?18, ?19, coalesce(?21, 0), ?22, ?23,"
	    " ?24, ?25, ?26)"
	    " ON CONFLICT (uid) DO UPDATE SET title = ?2, all_day = ?3,"
	    " start_date = ?4, start_min = ?5, end_date = ?6, end_min = ?7,"
	    " location = ?8, organiser = ?9, observance = ?10, notes = ?11,"
	    " remind = ?12, status = ?13, modified = ?14,"
	    " (result, participants, category, countries, partner, public,"
	    " member, amount, currency, budget, report_text) = (" RECORD "),"
	    " revision = revision + 1"
	    " WHERE (title, all_day, start_date, start_min, end_date, end_min,"
	    " location, organiser, observance, notes, remind, status, result,"
	    " participants, category, countries, partner, public, member,"
	    " amount, currency, budget, report_text) IS NOT (?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " RECORD ")");
#undef KEEP
#undef PUBLIC
#undef RECORD
	int ret;

	if (stmt == NULL)
		return -1;
	util_format_ymd(a->start, s, sizeof(s));
	util_format_ymd(a->end, e, sizeof(e));
	store_bind_text(stmt, 1, a->uid);
	store_bind_text(stmt, 2, a->title);
	sqlite3_bind_int(stmt, 3, a->all_day);
	store_bind_text(stmt, 4, s);
	sqlite3_bind_int(stmt, 5, a->all_day ? 0 : a->start_min);
	store_bind_text(stmt, 6, e);
	sqlite3_bind_int(stmt, 7, a->all_day ? 0 : a->end_min);
	store_bind_text(stmt, 8, a->location);
	store_bind_text(stmt, 9, a->organiser);
	store_bind_text(stmt, 10, a->observance);
	store_bind_text(stmt, 11, a->notes);
	store_bind_text(stmt, 12, a->remind);
	store_bind_text(stmt, 13, activity_status_name(a->status));
	sqlite3_bind_int64(stmt, 14, now);
	store_bind_text(stmt, 15, a->result);
	if (a->participants > 0)
		sqlite3_bind_int(stmt, 16, a->participants);
	store_bind_text(stmt, 17, a->category);
	store_bind_text(stmt, 18, a->countries);
	store_bind_text(stmt, 19, a->partner);
	sqlite3_bind_int(stmt, 20, merge);
	if (a->public >= 0)
		sqlite3_bind_int(stmt, 21, a->public != 0);
	store_bind_text(stmt, 22, a->member);
	if (a->amount > 0)
		sqlite3_bind_int64(stmt, 23, a->amount);
	store_bind_text(stmt, 24, a->currency);
	if (a->budget > 0)
		sqlite3_bind_int64(stmt, 25, a->budget);
	store_bind_text(stmt, 26, a->report_text);
	ret = store_step_done(st, stmt);
	*changed = ret == 0 && sqlite3_changes(store_db(st)) > 0;
	return ret;
}

/* The id of the activity of uid: 0 when there is none, -1 on error
 * (logged). */
static long
lookup_id(struct store *st, const char *uid)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "SELECT id FROM activities WHERE uid = ?1");
	long id = 0;
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, uid);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = (long)sqlite3_column_int64(stmt, 0);
		rc = SQLITE_DONE;
	}
	return store_rows_done(st, stmt, rc) == 0 ? id : -1;
}

int
activity_get_uid(struct store *st, const char *uid, struct activity *out)
{
	long id;

	if ((id = lookup_id(st, uid)) == -1)
		return -1;
	return id == 0 ? 1 : activity_get(st, id, out);
}

/* 1 if the stored owners of id differ from a's, 0 if equal, -1. */
static int
owners_differ(struct store *st, long id, const struct activity *a)
{
	struct activity old = { 0 };
	size_t i;
	int differ;

	old.id = id;
	if (load_owners(st, &old, 1) == -1)
		return -1;
	differ = old.nowners != a->nowners;
	for (i = 0; !differ && i < a->nowners; i++)
		differ = strcmp(old.owners[i], a->owners[i]) != 0;
	activity_release(&old);
	return differ;
}

static int
put_owners(struct store *st, long id, const struct activity *a)
{
	sqlite3_stmt *stmt = store_stmt(st,
	    "DELETE FROM activity_owners WHERE activity = ?1",
	    STORE_INT(id));
	size_t i;

	if (store_step_done(st, stmt) == -1)
		return -1;
	for (i = 0; i < a->nowners; i++) {
		stmt = store_stmt(st, "INSERT OR IGNORE INTO"
		    " activity_owners (activity, pos, email) VALUES (?1, ?2,"
		    " ?3)",
		    STORE_INT(id), STORE_INT(i), STORE_TEXT(a->owners[i]));
		if (store_step_done(st, stmt) == -1)
			return -1;
	}
	return 0;
}

static int
put(struct store *st, struct activity *a, long now, int merge, int *changed)
{
	sqlite3_stmt *stmt;
	int differ;

	if (put_row(st, a, now, merge, changed) == -1 ||
	    (a->id = lookup_id(st, a->uid)) <= 0)
		return -1;
	if ((differ = owners_differ(st, a->id, a)) == -1)
		return -1;
	if (!differ)
		return 0;
	if (put_owners(st, a->id, a) == -1)
		return -1;
	if (!*changed) {
		/* Only the owners changed: still a new revision. */
		stmt = store_stmt(st, "UPDATE activities SET revision ="
		    " revision + 1, modified = ?2 WHERE id = ?1",
		    STORE_INT(a->id), STORE_INT(now));
		if (store_step_done(st, stmt) == -1)
			return -1;
	}
	*changed = 1;
	return 0;
}

int
activity_put(struct store *st, struct activity *a, long now, int *changed)
{
	return put(st, a, now, 1, changed);
}


/* The change of activity_save() inside its transaction: the row as it
 * was (by uid: a letter marked sent twice is one activity), the write,
 * and its audit row when something changed. */
static int
save_in_tx(struct store *st, struct activity *a, const char *who,
    const char *action, time_t now, int *changed)
{
	struct activity before = { 0 };
	struct buf b, after;
	char obj[40];
	long id;
	int was = 0, ret = -1;

	buf_init(&b);
	buf_init(&after);
	if ((id = lookup_id(st, a->uid)) == -1 || (id > 0 &&
	    (was = activity_get(st, id, &before)) == -1))
		goto done;
	/* The form and the command line say every field: an empty one
	 * clears what was recorded. */
	if (put(st, a, (long)now, 0, changed) == -1)
		goto done;
	if (!*changed) {
		ret = 0;
		goto done;
	}
	if (id > 0 && was == 0)
		activity_json(&before, &b);
	activity_json(a, &after);
	snprintf(obj, sizeof(obj), "activity:%ld", a->id);
	ret = audit_add(st, who, action, obj, b.data, after.data, now);
done:
	if (id > 0 && was == 0)
		activity_release(&before);
	buf_release(&b);
	buf_release(&after);
	return ret;
}

int
activity_save(struct store *st, struct activity *a, const char *who,
    const char *action, time_t now, int *changed)
{
	if (store_begin(st) == -1)
		return -1;
	if (save_in_tx(st, a, who, action, now, changed) == -1) {
		store_rollback(st);
		*changed = 0;
		return -1;
	}
	return store_commit(st);
}

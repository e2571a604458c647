/*
 * The outbox table.  Each state change is its own statement, committed
 * at once, so a run killed between two messages has recorded every
 * outcome it saw; only the message in flight can be sent again.  A row
 * with an expiry carries a one-time link: every statement that ends it
 * wipes its text.  A retry asked for by a person is audited with its
 * change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "jsonw.h"
#include "log.h"
#include "outbox.h"
#include "store.h"
#include "util.h"

static const char *const state_names[] = { "pending", "sent", "failed" };

const char *
outbox_state_name(enum outbox_state s)
{
	return (size_t)s < NELEM(state_names) ? state_names[s] : "pending";
}

int
outbox_exists(struct store *st, const char *reminder, const char *recipient)
{
	return store_exists(st, "SELECT 1 FROM outbox WHERE reminder = ?1"
	    " AND recipient = ?2", reminder, recipient);
}

/* A message's text once its secret is of no more use. */
#define WIPE_SECRET "message = CASE WHEN expires IS NULL THEN message" \
	" ELSE X'' END"

int
outbox_add_expiring(struct store *st, const char *reminder,
    const char *recipient, const char *message_id, const char *subject,
    const char *msg, size_t len, long now, long expires)
{
	sqlite3_stmt *stmt = store_prepare(st, "INSERT INTO outbox (reminder,"
	    " recipient, message_id, subject, message, next_try, created,"
	    " expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)"
	    " ON CONFLICT (reminder, recipient) DO NOTHING");

	if (stmt != NULL) {
		sqlite3_bind_text(stmt, 1, reminder, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 2, recipient, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 3, message_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 4, subject, -1, SQLITE_TRANSIENT);
		sqlite3_bind_blob(stmt, 5, msg, (int)len, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 6, now);
		if (expires > 0)
			sqlite3_bind_int64(stmt, 7, expires);
	}
	return store_step_done(st, stmt);
}

int
outbox_add(struct store *st, const char *reminder, const char *recipient,
    const char *message_id, const char *subject, const char *msg,
    size_t len, long now)
{
	return outbox_add_expiring(st, reminder, recipient, message_id,
	    subject, msg, len, now, 0);
}

int
outbox_forget(struct store *st, const char *prefix, const char *reason,
    long now)
{
	return store_exec(st, "UPDATE outbox SET state ="
	    " 'failed', done = ?2, last_error = ?3, " WIPE_SECRET
	    " WHERE state = 'pending' AND substr(reminder, 1, length(?1)) ="
	    " ?1",
	    STORE_STR(prefix), STORE_INT(now), STORE_STR(reason));
}

int
outbox_expire(struct store *st, long now)
{
	return store_exec(st, "UPDATE outbox SET state ="
	    " 'failed', done = ?1, message = X'', last_error = 'the link"
	    " expired before it could be sent' WHERE state = 'pending'"
	    " AND expires IS NOT NULL AND expires <= ?1",
	    STORE_INT(now));
}

static void
row_item(sqlite3_stmt *stmt, void *elem)
{
	struct outbox_item *it = elem;
	const char *state = (const char *)sqlite3_column_text(stmt, 6);
	size_t i;

	it->id = (long)sqlite3_column_int64(stmt, 0);
	it->reminder = store_column_dup(stmt, 1);
	it->recipient = store_column_dup(stmt, 2);
	it->message_id = store_column_dup(stmt, 3);
	it->subject = store_column_dup(stmt, 4);
	it->len = (size_t)sqlite3_column_bytes(stmt, 5);
	it->message = xmalloc(it->len + 1);
	if (it->len > 0)
		memcpy(it->message, sqlite3_column_blob(stmt, 5), it->len);
	it->message[it->len] = '\0';
	for (i = 0; i < NELEM(state_names); i++)
		if (state != NULL && strcmp(state, state_names[i]) == 0)
			it->state = (enum outbox_state)i;
	it->attempts = sqlite3_column_int(stmt, 7);
	it->next_try = (long)sqlite3_column_int64(stmt, 8);
	it->last_error = store_column_dup(stmt, 9);
	it->created = (long)sqlite3_column_int64(stmt, 10);
	it->done = (long)sqlite3_column_int64(stmt, 11);
}

#define OUTBOX_COLUMNS(message) "id, reminder, recipient, message_id," \
	" subject, " message ", state, attempts, next_try, last_error," \
	" created, done"

/* The rows of stmt into out: 0, or -1 with out released. */
static int
collect(struct store *st, sqlite3_stmt *stmt, struct outbox_list *out)
{
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_item) == 0)
		return 0;
	outbox_list_release(out);
	return -1;
}

/* The statements of outbox_load(), oldest first; ?1 is now. */
#define LOAD(where) "SELECT " OUTBOX_COLUMNS("message") " FROM outbox" \
	where " ORDER BY id"
static const char *const load_sql[] = {
	[OUTBOX_LOAD_ALL] = LOAD(""),
	[OUTBOX_LOAD_FAILED] = LOAD(" WHERE state = 'failed'"),
	[OUTBOX_LOAD_DUE] = LOAD(" WHERE state = 'pending'"
	    " AND next_try <= ?1"),
	[OUTBOX_LOAD_SECRETS] = LOAD(" WHERE state = 'pending'"
	    " AND next_try <= ?1 AND expires IS NOT NULL AND expires > ?1"),
};
#undef LOAD

int
outbox_load(struct store *st, enum outbox_which which, long now,
    struct outbox_list *out)
{
	sqlite3_stmt *stmt = store_prepare(st, load_sql[which]);

	if (stmt != NULL && sqlite3_bind_parameter_count(stmt) > 0)
		sqlite3_bind_int64(stmt, 1, now);
	return collect(st, stmt, out);
}

int
outbox_query(struct store *st, int state, long before, long limit,
    struct outbox_list *out)
{
	/* The messages stay in the database: a listing needs none of
	 * their bytes. */
	sqlite3_stmt *stmt = store_prepare(st, "SELECT " OUTBOX_COLUMNS("X''")
	    " FROM outbox WHERE (?1 IS NULL OR state = ?1)"
	    " AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3");

	if (stmt != NULL) {
		if (state >= 0)
			sqlite3_bind_text(stmt, 1, outbox_state_name(
			    (enum outbox_state)state), -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, before);
		sqlite3_bind_int64(stmt, 3, limit);
	}
	return collect(st, stmt, out);
}

int
outbox_get(struct store *st, long id, struct outbox_item *out)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT "
	    OUTBOX_COLUMNS("message") " FROM outbox WHERE id = ?1",
	    STORE_INT(id));

	return store_get_one(st, stmt, out, sizeof(*out), row_item);
}

/* The write of outbox_retry() inside its transaction: 0, 1, -1. */
static int
retry_in_tx(struct store *st, long id, const char *who, long now)
{
	sqlite3_stmt *stmt;
	struct outbox_item it;
	struct buf before;
	char obj[40];
	int rc;

	if ((rc = outbox_get(st, id, &it)) != 0)
		return rc;
	buf_init(&before);
	outbox_item_json(&it, &before);
	outbox_item_release(&it);
	stmt = store_stmt(st, "UPDATE outbox SET state = 'pending',"
	    " attempts = 0, next_try = ?2, done = NULL WHERE id = ?1"
	    " AND state IN ('pending', 'failed') AND length(message) > 0",
	    STORE_INT(id), STORE_INT(now));
	snprintf(obj, sizeof(obj), "outbox:%ld", id);
	if ((rc = store_step_done(st, stmt)) == 0 &&
	    sqlite3_changes(store_db(st)) == 0)
		rc = 1;
	else if (rc == 0)
		rc = audit_add(st, who, "outbox.retry", obj, before.data,
		    "{\"state\":\"pending\",\"attempts\":0}", (time_t)now);
	buf_release(&before);
	return rc;
}

int
outbox_retry(struct store *st, long id, const char *who, long now)
{
	int rc;

	if (store_begin(st) == -1)
		return -1;
	if ((rc = retry_in_tx(st, id, who, now)) != 0) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

void
outbox_item_json(const struct outbox_item *it, struct buf *out)
{
	struct jsonw j;

	jsonw_init(&j, out, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "state", outbox_state_name(it->state));
	jsonw_int(&j, "attempts", it->attempts);
	jsonw_str(&j, "recipient", it->recipient);
	jsonw_str(&j, "subject", it->subject);
	jsonw_str(&j, "last_error", it->last_error);
	jsonw_end(&j);
}

void
outbox_item_release(struct outbox_item *it)
{
	free(it->reminder);
	free(it->recipient);
	free(it->message_id);
	free(it->subject);
	free(it->message);
	free(it->last_error);
	memset(it, 0, sizeof(*it));
}

void
outbox_list_release(struct outbox_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		outbox_item_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* The pending item id done at now: sent, or failed with error (NULL
 * when sent); its secret is wiped either way. */
static int
mark_done(struct store *st, long id, long now, enum outbox_state state,
    const char *error)
{
	return store_exec(st, "UPDATE outbox SET state = ?4,"
	    " attempts = attempts + 1, done = ?2, last_error = ?3, "
	    WIPE_SECRET " WHERE id = ?1 AND state = 'pending'",
	    STORE_INT(id), STORE_INT(now), STORE_STR(error),
	    STORE_STR(outbox_state_name(state)));
}

int
outbox_mark_sent(struct store *st, long id, long now)
{
	return mark_done(st, id, now, OUTBOX_SENT, NULL);
}

int
outbox_mark_failed(struct store *st, long id, long now, const char *error)
{
	return mark_done(st, id, now, OUTBOX_FAILED, error);
}

long
outbox_backoff(int attempts)
{
	long s = 15 * 60L;

	/* 15 min, 30 min, 1 h ... capped at 12 h. */
	while (--attempts > 0 && s < 12 * 3600L)
		s *= 2;
	return s < 12 * 3600L ? s : 12 * 3600L;
}

int
outbox_mark_retry(struct store *st, long id, long now, const char *error)
{
	sqlite3_stmt *stmt = store_prepare(st, "UPDATE outbox SET"
	    " attempts = attempts + 1, last_error = ?3,"
	    " next_try = ?2 + CASE attempts + 1"
	    "  WHEN 1 THEN ?4 WHEN 2 THEN ?5 WHEN 3 THEN ?6 WHEN 4 THEN ?7"
	    "  WHEN 5 THEN ?8 WHEN 6 THEN ?9 ELSE ?10 END,"
	    " state = CASE WHEN attempts + 1 >= ?11 THEN 'failed'"
	    "  ELSE 'pending' END,"
	    " done = CASE WHEN attempts + 1 >= ?11 THEN ?2 ELSE NULL END,"
	    " message = CASE WHEN attempts + 1 >= ?11 AND expires IS NOT NULL"
	    "  THEN X'' ELSE message END"
	    " WHERE id = ?1 AND state = 'pending'");
	int i;

	if (stmt != NULL) {
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, now);
		sqlite3_bind_text(stmt, 3, error, -1, SQLITE_TRANSIENT);
		for (i = 1; i <= 7; i++)
			sqlite3_bind_int64(stmt, 3 + i, outbox_backoff(i));
		sqlite3_bind_int(stmt, 11, OUTBOX_MAX_ATTEMPTS);
	}
	return store_step_done(st, stmt);
}

/*
 * Session storage.  Only the token's hash is stored, so reading the
 * database (a backup, a copy) opens no session; the CSRF token is stored
 * as it is, since it is no credential without the cookie.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "log.h"
#include "session.h"
#include "store.h"
#include "util.h"

/* How stale the stored last-seen time may get before it is written. */
#define SEEN_SLACK	60

/* The write of session_new() inside its transaction: the session of
 * hash h and its audit row, by the account; 0 or -1. */
static int
new_in_tx(struct store *st, long id, const char *h, const char *csrf,
    time_t now)
{
	sqlite3_stmt *stmt;
	struct user u;
	int ret = -1;

	if (user_get_id(st, id, &u) != 0)
		return -1;
	stmt = store_stmt(st, "INSERT INTO sessions (hash, user, csrf,"
	    " created, seen) VALUES (?1, ?2, ?3, ?4, ?4)",
	    STORE_TEXT(h), STORE_INT(id), STORE_TEXT(csrf), STORE_INT(now));
	if (store_step_done(st, stmt) == 0)
		ret = audit_add(st, u.email, "session.login", NULL, NULL, NULL,
		    now);
	user_release(&u);
	return ret;
}

char *
session_new(struct store *st, long id, time_t now)
{
	char h[TOKEN_HASH_LEN + 1], *tok = token_new(), *csrf = token_new();
	int ret = -1;

	token_hash(tok, h);
	if (store_begin(st) == 0) {
		if ((ret = new_in_tx(st, id, h, csrf, now)) == 0)
			ret = store_commit(st);
		else
			store_rollback(st);
	}
	free(csrf);
	if (ret == -1) {
		free(tok);
		return NULL;
	}
	return tok;
}

/* Delete the session of hash h; 0 or -1. */
static int
delete(struct store *st, const char *h)
{
	return store_exec(st,
	    "DELETE FROM sessions WHERE hash = ?1",
	    STORE_TEXT(h));
}

static int
touch(struct store *st, const char *h, time_t now)
{
	return store_exec(st,
	    "UPDATE sessions SET seen = ?2 WHERE hash = ?1",
	    STORE_TEXT(h), STORE_INT(now));
}

int
session_get(struct store *st, const char *token,
    const struct session_limits *lim, time_t now, struct session *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT s.user, s.csrf,"
	    " s.created, s.seen FROM sessions s JOIN users u ON u.id = s.user"
	    " WHERE s.hash = ?1 AND u.disabled = 0");
	char h[TOKEN_HASH_LEN + 1];
	long id = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (stmt == NULL)
		return -1;
	token_hash(token, h);
	store_bind_text(stmt, 1, h);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = (long)sqlite3_column_int64(stmt, 0);
		snprintf(out->csrf, sizeof(out->csrf), "%s",
		    (const char *)sqlite3_column_text(stmt, 1));
		out->created = (time_t)sqlite3_column_int64(stmt, 2);
		out->seen = (time_t)sqlite3_column_int64(stmt, 3);
	}
	if (store_rows_done(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc) ==
	    -1)
		return -1;
	if (rc != SQLITE_ROW)
		return 1;
	if (now - out->seen > lim->idle || now - out->created > lim->max)
		return delete(st, h) == -1 ? -1 : 1;
	if (now - out->seen > SEEN_SLACK && touch(st, h, now) == -1)
		return -1;
	if ((rc = user_get_id(st, id, &out->user)) != 0)
		return rc;
	return 0;
}

void
session_copy(struct session *dst, const struct session *src)
{
	*dst = *src;
	dst->user.email = xstrdup(src->user.email);
	dst->user.name = xstrdup(src->user.name);
}

void
session_release(struct session *s)
{
	user_release(&s->user);
	memset(s, 0, sizeof(*s));
}

/* The write of session_end() inside its transaction. */
static int
end_in_tx(struct store *st, const char *h, time_t now)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT u.email FROM sessions"
	    " s JOIN users u ON u.id = s.user WHERE s.hash = ?1");
	char *who = NULL;
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, h);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		who = store_column_dup(stmt, 0);
		rc = SQLITE_DONE;
	}
	if (store_rows_done(st, stmt, rc) == -1)
		rc = -1;
	else if (who == NULL)
		rc = 0;		/* ended already */
	else
		rc = delete(st, h) == 0 ? audit_add(st, who,
		    "session.logout", NULL, NULL, NULL, now) : -1;
	free(who);
	return rc;
}

int
session_end(struct store *st, const char *token, time_t now)
{
	char h[TOKEN_HASH_LEN + 1];

	token_hash(token, h);
	if (store_begin(st) == -1)
		return -1;
	if (end_in_tx(st, h, now) == -1) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

int
session_flash_set(struct store *st, const char *token, const char *code,
    const char *detail)
{
	char h[TOKEN_HASH_LEN + 1];

	token_hash(token, h);
	return store_exec(st, "UPDATE sessions SET flash = ?2,"
	    " flash_detail = ?3 WHERE hash = ?1",
	    STORE_TEXT(h), STORE_TEXT(code), STORE_TEXT(detail));
}

/* Clear the flash of hash h: 1 if this call cleared it (two requests at
 * once show it once), 0 if another did, -1. */
static int
flash_clear(struct store *st, const char *h)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE sessions SET flash ="
	    " NULL, flash_detail = NULL WHERE hash = ?1 AND flash IS NOT NULL",
	    STORE_TEXT(h));

	if (store_step_done(st, stmt) == -1)
		return -1;
	return sqlite3_changes(store_db(st)) > 0;
}

int
session_flash_take(struct store *st, const char *token, char *code,
    size_t codelen, char *detail, size_t detaillen)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT flash, flash_detail"
	    " FROM sessions WHERE hash = ?1 AND flash IS NOT NULL");
	char h[TOKEN_HASH_LEN + 1];
	const char *c, *d;
	int rc;

	code[0] = '\0';
	detail[0] = '\0';
	if (stmt == NULL)
		return -1;
	token_hash(token, h);
	store_bind_text(stmt, 1, h);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c = (const char *)sqlite3_column_text(stmt, 0);
		d = (const char *)sqlite3_column_text(stmt, 1);
		snprintf(code, codelen, "%s", c != NULL ? c : "");
		snprintf(detail, detaillen, "%s", d != NULL ? d : "");
	}
	if (store_rows_done(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc) ==
	    -1)
		return -1;
	if (rc != SQLITE_ROW)
		return 0;
	if ((rc = flash_clear(st, h)) != 1) {
		code[0] = '\0';
		detail[0] = '\0';
	}
	return rc == -1 ? -1 : 0;
}

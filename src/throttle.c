/*
 * Login failures.  Counting uses the (email, at) and (addr, at) indexes;
 * rows older than the window are deleted as failures are added, so the
 * table stays small.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "throttle.h"
#include "util.h"

/* How many failures of column (email or addr) = value are in the window
 * and when the oldest of them was; 0 or -1. */
static int
count(struct store *st, const char *sql, const char *value, time_t now,
    long *n, time_t *oldest)
{
	sqlite3_stmt *stmt = store_prepare(st, sql);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, value);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)(now - THROTTLE_WINDOW));
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*n = (long)sqlite3_column_int64(stmt, 0);
		*oldest = (time_t)sqlite3_column_int64(stmt, 1);
	}
	return store_rows_done(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc);
}

long
throttle_wait(struct store *st, const char *email, const char *client,
    time_t now)
{
	char *addr = xstrlower(email);
	time_t oldest = 0;
	long n = 0, wait = 0;
	int ret;

	ret = count(st, "SELECT count(*), min(at) FROM login_failures"
	    " WHERE email = ?1 AND at > ?2", addr, now, &n, &oldest);
	if (ret == 0 && n >= THROTTLE_ACCOUNT)
		wait = (long)(oldest + THROTTLE_WINDOW - now);
	if (ret == 0)
		ret = count(st, "SELECT count(*), min(at) FROM login_failures"
		    " WHERE addr = ?1 AND at > ?2", client, now, &n, &oldest);
	if (ret == 0 && n >= THROTTLE_CLIENT &&
	    (long)(oldest + THROTTLE_WINDOW - now) > wait)
		wait = (long)(oldest + THROTTLE_WINDOW - now);
	free(addr);
	if (ret == -1)
		return -1;
	return wait > 0 ? wait : 0;
}

int
throttle_fail(struct store *st, const char *email, const char *client,
    time_t now)
{
	sqlite3_stmt *stmt = store_prepare(st, "INSERT INTO login_failures"
	    " (email, addr, at) VALUES (?1, ?2, ?3)");
	char *addr = xstrlower(email);
	int ret;

	if (stmt != NULL) {
		store_bind_text(stmt, 1, addr);
		store_bind_text(stmt, 2, client);
		sqlite3_bind_int64(stmt, 3, (sqlite3_int64)now);
	}
	ret = store_step_done(st, stmt);
	free(addr);
	if (ret == -1)
		return -1;
	stmt = store_prepare(st, "DELETE FROM login_failures WHERE at <= ?1");
	if (stmt != NULL)
		sqlite3_bind_int64(stmt, 1, (sqlite3_int64)(now -
		    THROTTLE_WINDOW));
	return store_step_done(st, stmt);
}

int
throttle_clear(struct store *st, const char *email)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "DELETE FROM login_failures WHERE email = ?1");
	char *addr = xstrlower(email);
	int ret;

	if (stmt != NULL)
		store_bind_text(stmt, 1, addr);
	ret = store_step_done(st, stmt);
	free(addr);
	return ret;
}

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

/* The failures within the window of one query: how many, and when the
 * oldest of them was. */
struct tally {
	long n;
	time_t oldest;
};

/* Count the failures of sql (?1 and ?2 bound to a and b, b NULL when sql
 * has no ?2; ?3 the window's start) into *t; 0 or -1. */
static int
count(struct store *st, const char *sql, const char *a, const char *b,
    time_t now, struct tally *t)
{
	sqlite3_stmt *stmt = store_prepare(st, sql);
	int rc;

	memset(t, 0, sizeof(*t));
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, a);
	store_bind_text(stmt, 2, b);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)(now - THROTTLE_WINDOW));
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		t->n = (long)sqlite3_column_int64(stmt, 0);
		t->oldest = (time_t)sqlite3_column_int64(stmt, 1);
	}
	return store_rows_done(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc);
}

/* The longer of wait and the time until t's oldest failure leaves the
 * window, when t has reached limit. */
static long
longer(long wait, const struct tally *t, long limit, time_t now)
{
	long w = (long)(t->oldest + THROTTLE_WINDOW - now);

	return t->n >= limit && w > wait ? w : wait;
}

long
throttle_wait(struct store *st, const char *email, const char *client,
    time_t now)
{
	char *addr = xstrlower(email);
	struct tally pair, from, account;
	long wait = 0;
	int ret;

	ret = count(st, "SELECT count(*), min(at) FROM login_failures"
	    " WHERE email = ?1 AND addr = ?2 AND at > ?3", addr, client, now,
	    &pair);
	if (ret == 0)
		ret = count(st, "SELECT count(*), min(at) FROM login_failures"
		    " WHERE addr = ?1 AND at > ?3", client, NULL, now, &from);
	if (ret == 0)
		ret = count(st, "SELECT count(*), min(at) FROM login_failures"
		    " WHERE email = ?1 AND at > ?3", addr, NULL, now, &account);
	free(addr);
	if (ret == -1)
		return -1;
	wait = longer(wait, &pair, THROTTLE_PAIR, now);
	wait = longer(wait, &from, THROTTLE_CLIENT, now);
	/* Guessing from many addresses: those that failed for the account
	 * wait until their failures leave the window; the others may try. */
	if (account.n >= THROTTLE_ACCOUNT)
		wait = longer(wait, &pair, 1, now);
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
throttle_clear(struct store *st, const char *email, const char *client)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "DELETE FROM login_failures WHERE email = ?1 AND addr = ?2");
	char *addr = xstrlower(email);
	int ret;

	if (stmt != NULL) {
		store_bind_text(stmt, 1, addr);
		store_bind_text(stmt, 2, client);
	}
	ret = store_step_done(st, stmt);
	free(addr);
	return ret;
}

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

/*
 * sql prepared with its parameters, the same in every statement here:
 * ?1 the account's address in lower case (NULL when email is), ?2 the
 * client's address and ?3 the time at (when sql has a ?3).  NULL on
 * error (logged).
 */
static sqlite3_stmt *
prepare(struct store *st, const char *sql, const char *email,
    const char *client, time_t at)
{
	sqlite3_stmt *stmt = store_prepare(st, sql);
	char *addr;

	if (stmt == NULL)
		return NULL;
	addr = email != NULL ? xstrlower(email) : NULL;
	store_bind_text(stmt, 1, addr);
	store_bind_text(stmt, 2, client);
	if (sqlite3_bind_parameter_count(stmt) >= 3)
		sqlite3_bind_int64(stmt, 3, (sqlite3_int64)at);
	free(addr);
	return stmt;
}

/* Count the failures of sql (prepare()'s parameters, ?3 the window's
 * start) into *t; 0 or -1. */
static int
count(struct store *st, const char *sql, const char *email,
    const char *client, time_t now, struct tally *t)
{
	sqlite3_stmt *stmt = prepare(st, sql, email, client,
	    now - THROTTLE_WINDOW);
	int rc;

	memset(t, 0, sizeof(*t));
	if (stmt == NULL)
		return -1;
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
	struct tally pair, from, account;
	long wait = 0;
	int ret;

	ret = count(st, "SELECT count(*), min(at) FROM login_failures"
	    " WHERE email = ?1 AND addr = ?2 AND at > ?3", email, client, now,
	    &pair);
	if (ret == 0)
		ret = count(st, "SELECT count(*), min(at) FROM login_failures"
		    " WHERE addr = ?2 AND at > ?3", NULL, client, now, &from);
	if (ret == 0)
		ret = count(st, "SELECT count(*), min(at) FROM login_failures"
		    " WHERE email = ?1 AND at > ?3", email, NULL, now, &account);
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
	sqlite3_stmt *add = prepare(st, "INSERT INTO login_failures"
	    " (email, addr, at) VALUES (?1, ?2, ?3)", email, client, now);

	if (store_step_done(st, add) == -1)
		return -1;
	/* What left the window goes. */
	return store_step_done(st, prepare(st, "DELETE FROM login_failures"
	    " WHERE at <= ?3", NULL, NULL, now - THROTTLE_WINDOW));
}

int
throttle_clear(struct store *st, const char *email, const char *client)
{
	return store_step_done(st, prepare(st, "DELETE FROM login_failures"
	    " WHERE email = ?1 AND addr = ?2", email, client, 0));
}

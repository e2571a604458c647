/*
 * Sessions of the web application: a random token in the browser's
 * cookie, its hash in the sessions table with the account and the
 * session's CSRF token.  A session ends at logout, after the idle limit
 * or the absolute one, and when its account is disabled or its password
 * changes (user.c deletes the rows).
 */
#ifndef KYNIEM_SESSION_H
#define KYNIEM_SESSION_H

#include <stddef.h>
#include <time.h>

#include "token.h"
#include "user.h"

struct store;

struct session {
	struct user user;		/* the account, enabled */
	char csrf[TOKEN_LEN + 1];	/* the token every POST must carry */
	time_t created, seen;
};

/* Limits of a session, in seconds. */
struct session_limits {
	long idle;		/* since the last request (default 8 h) */
	long max;		/* since the login (default 7 days) */
};

/*
 * A new session for account id (a fresh token at every login: a token
 * set before the login is never reused), with its audit row
 * ("session.login" by the account) in the same transaction.  Returns the
 * cookie's token (caller frees), or NULL (logged; nothing written).
 */
char *session_new(struct store *st, long id, time_t now);

/*
 * The session of a cookie's token, if it has not expired: 0 and *out
 * (release with session_release()), 1 when there is none (an expired
 * one is deleted), -1 on error.  The last-seen time is written at most
 * once a minute.
 */
int session_get(struct store *st, const char *token,
    const struct session_limits *lim, time_t now, struct session *out);
void session_release(struct session *s);
/* A copy of src into dst (release both). */
void session_copy(struct session *dst, const struct session *src);

/* End the session of a token (logout) with its audit row
 * ("session.logout" by the session's account) in one transaction; a
 * session ended already is 0 too.  0 or -1 (nothing written). */
int session_end(struct store *st, const char *token, time_t now);

/*
 * The flash message of a session: what the answer to a POST did, kept
 * server-side with the session for the page after the redirect (never in
 * the URL, where anyone could forge one).  code names a message of the
 * application's table; detail (may be NULL) is what the page adds.
 * Set: 0 or -1.
 */
int session_flash_set(struct store *st, const char *token, const char *code,
    const char *detail);
/*
 * Take the session's flash message, once: code and detail into the
 * buffers ("" when none), and the session keeps none.  0 or -1.
 */
int session_flash_take(struct store *st, const char *token, char *code,
    size_t codelen, char *detail, size_t detaillen);

#endif

/*
 * Login throttling, so that guessing costs an attacker time but no one
 * can lock another person out.  Within THROTTLE_WINDOW seconds, logins
 * wait after THROTTLE_PAIR failures for one account from one address
 * (that address may not try that account), after THROTTLE_CLIENT
 * failures from one address (on any accounts), and, against guessing
 * from many addresses, after THROTTLE_ACCOUNT failures for one account
 * from any addresses, but then only for the addresses that failed for
 * it: a correct password from an address that has not failed always
 * logs in.  Failures are rows of the login_failures table, so a restart
 * forgets nothing.
 */
#ifndef KYNIEM_THROTTLE_H
#define KYNIEM_THROTTLE_H

#include <time.h>

struct store;

#define THROTTLE_WINDOW		(15 * 60)
#define THROTTLE_PAIR		5
#define THROTTLE_CLIENT		20
#define THROTTLE_ACCOUNT	100

/*
 * 0 when a login for email from client may be tried now, else the
 * seconds to wait (for Retry-After); -1 on error.
 */
long throttle_wait(struct store *st, const char *email, const char *client,
    time_t now);
/* Record a failed login; 0 or -1. */
int throttle_fail(struct store *st, const char *email, const char *client,
    time_t now);
/* A successful login clears the failures for email from client (not the
 * account's from elsewhere, which an attacker would otherwise reset by
 * waiting for its owner to log in); 0 or -1. */
int throttle_clear(struct store *st, const char *email, const char *client);

#endif

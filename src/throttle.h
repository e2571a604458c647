/*
 * Login throttling: after THROTTLE_ACCOUNT failures for one address or
 * THROTTLE_CLIENT from one client within THROTTLE_WINDOW seconds, logins
 * are refused until the oldest failure leaves the window.  Failures are
 * rows of the login_failures table, so a restart forgets nothing.
 */
#ifndef KYNIEM_THROTTLE_H
#define KYNIEM_THROTTLE_H

#include <time.h>

struct store;

#define THROTTLE_WINDOW		(15 * 60)
#define THROTTLE_ACCOUNT	5
#define THROTTLE_CLIENT		20

/*
 * 0 when a login for email from client may be tried now, else the
 * seconds to wait (for Retry-After); -1 on error.
 */
long throttle_wait(struct store *st, const char *email, const char *client,
    time_t now);
/* Record a failed login; 0 or -1. */
int throttle_fail(struct store *st, const char *email, const char *client,
    time_t now);
/* A successful login clears the account's failures; 0 or -1. */
int throttle_clear(struct store *st, const char *email);

#endif

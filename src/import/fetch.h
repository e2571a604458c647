/*
 * Fetching a cluster member's year record from its server (libcurl): the
 * member's [cluster-member] url with its token, TLS verified, within the
 * cluster's time and size limits, then received_import() as for a file.
 * The command line's `cluster fetch` and the web's "fetch now" call it.
 */
#ifndef KYNIEM_FETCH_H
#define KYNIEM_FETCH_H

#include <stddef.h>
#include <time.h>

#include "received.h"
#include "util.h"

struct config;
struct config_member;
struct store;

/*
 * GET url, sending token (NULL: none) as "Authorization: Bearer", into
 * body: https with the certificate and host verified (http only as the
 * config allows it: to this machine), no redirect followed (the token
 * would go along), at most max_bytes (a longer body is cut off and
 * refused), timeout seconds in all.  A status other than 200 is a
 * failure.  0, or -1 with why (no token in it).
 */
int fetch_get(const char *url, const char *token, long max_bytes,
    long timeout, struct buf *body, char *why, size_t whylen);

/* The url of member m's record of year: its url with "{year}" replaced
 * (caller frees); NULL when m has no url. */
char *fetch_url(const struct config_member *m, int year);

/*
 * Fetch member m's record of year and keep it (received_import(), source
 * "fetch URL").  Returns 0 with *outcome, 1 with the refusal or the
 * failure in why (nothing written), -1 on a database error (logged).
 */
int fetch_member(struct store *st, const struct config *cfg,
    const struct config_member *m, int year, int today_year,
    const char *who, time_t now, enum received_outcome *outcome, char *why,
    size_t whylen);

#endif

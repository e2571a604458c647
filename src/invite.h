/*
 * The one-time link that lets a new or reset account choose its password:
 * its address ({base}/app/password?token=...), and a message carrying it
 * sent at once through a mail backend.  The message is never queued in
 * the outbox: the token would then lie in the database in clear.
 */
#ifndef KYNIEM_INVITE_H
#define KYNIEM_INVITE_H

#include <time.h>

struct config;
struct mail_backend;
struct user;

/* The link for token under base (no final slash); caller frees. */
char *invite_url(const char *base, const char *token);

/*
 * The base of a link that may be mailed: [server] base_url without its
 * final slash (caller frees), or NULL when it is not set.  Never the
 * request's Host, which whoever sends the request chooses: without
 * base_url no link is mailed.
 */
char *invite_mail_base(const struct config *cfg);

/*
 * Mail the link to the account through be (Vietnamese unless lang says
 * otherwise).  Returns 0 when the relay accepted it, -1 (logged).
 */
int invite_send(const struct config *cfg, const struct mail_backend *be,
    const struct user *u, const char *url, time_t now);

#endif

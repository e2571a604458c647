/*
 * The one-time link that lets a new or reset account choose its password:
 * its address ({base}/app/password?token=...), and a message carrying it
 * queued in the outbox, so that no request waits for the mail relay.
 * The row expires with the link and its text is wiped once it is sent
 * (outbox_add_expiring()): the link lies in the database only while it
 * waits to go.
 */
#ifndef KYNIEM_INVITE_H
#define KYNIEM_INVITE_H

#include <time.h>

struct config;
struct store;
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
 * Queue the message with the link to the account (in Vietnamese), good
 * until the link's expiry, in place of any earlier link's message still
 * waiting.  The server's sender (sender.c) or `kyniem remind` sends it.
 * Returns 0, or -1 (logged).
 */
int invite_queue(struct store *st, const struct config *cfg,
    const struct user *u, const char *url, time_t now);

#endif

/*
 * The server's mail sender: a thread that sends the messages a person
 * waits for (an account's password link, queued by a page through
 * invite.c) as soon as the page says so, so that no request waits for
 * the mail relay.  It has its own database connection and its own copy
 * of the settings it needs, which the server replaces after a reload.
 * Reminders and digests stay `kyniem remind`'s.
 */
#ifndef KYNIEM_SENDER_H
#define KYNIEM_SENDER_H

#include <time.h>

#include "util.h"

struct config;
struct sender;

/* The server's clock (cmd_serve.c's, moved on from --now). */
typedef void (*sender_clock)(void *cls, time_t *now, struct ymd *today);

/* Start the thread with cfg's [database] path and [smtp] settings (it
 * sends nothing while [smtp] url or from is unset); never NULL. */
struct sender *sender_start(const struct config *cfg, sender_clock clock,
    void *cls);
/* Take the settings of a new config (after a reload). */
void sender_config(struct sender *s, const struct config *cfg);
/* Something was queued: look at the outbox now. */
void sender_wake(struct sender *s);
/* Stop the thread (after the message in flight, if any) and free s;
 * NULL is fine. */
void sender_stop(struct sender *s);

#endif

/*
 * What reminders are due and getting them out: each activity offset that
 * has come due goes to the activity's owners; each milestone anniversary
 * within [reminders] milestone_days with no activity linked goes to each
 * recipient following it.  Every (reminder, recipient) is written to the
 * outbox first, then the outbox is sent.
 */
#ifndef KYNIEM_REMIND_H
#define KYNIEM_REMIND_H

#include <stdio.h>
#include <time.h>

#include "util.h"

struct config;
struct lunar_cal;
struct mail_backend;
struct store;

/* What a run works from; every pointer borrowed. */
struct remind_in {
	const struct config *cfg;
	struct store *store;
	struct lunar_cal *lunar;
	time_t now;
	struct ymd today;	/* the Vietnam day of now */
};

struct remind_stats {
	long queued;		/* new outbox rows (would-be, on a dry run) */
	long sent, retry, failed;
	long waiting;		/* pending rows not yet due or not tried */
	int unreachable;	/* the relay could not be reached */
};

/*
 * Compute due reminders at in->now and queue the new ones in the outbox
 * (dry_run: print them to out instead).  Returns 0 or -1.
 */
int remind_queue(const struct remind_in *in, int dry_run, FILE *out,
    struct remind_stats *stats);

/*
 * Send the pending outbox rows due at in->now through the backend, one
 * session for the batch, recording each outcome as soon as it is known;
 * dry_run lists them instead.  A transport failure (server down) ends the
 * batch, leaving the rest pending.  Returns 0, or -1 when the backend
 * could not be set up or the database failed.
 */
int remind_send(const struct remind_in *in, const struct mail_backend *be,
    int dry_run, FILE *out, struct remind_stats *stats);

/*
 * The same for the messages carrying a one-time link only (invite.c),
 * which a person is waiting for: the server sends them as soon as a page
 * queued them.  wait is how many seconds to wait for another sender;
 * in->lunar may be NULL, and out when nothing is to be printed.
 * Returns 0 or -1.
 */
int remind_send_links(const struct remind_in *in,
    const struct mail_backend *be, int wait, FILE *out,
    struct remind_stats *stats);

#endif

/*
 * kyniem remind [--dry-run]: queue what is due in the outbox, then send
 * the outbox (run daily by kyniem-remind.timer).  The global --now sets
 * the moment of the run.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "mail.h"
#include "remind.h"
#include "store.h"
#include "vntime.h"

/* Tries of the queueing, each waiting up to the store's busy timeout. */
#define QUEUE_TRIES	4

/*
 * Queue what is due, trying again while another process (a long import)
 * holds the database: a run that gives up would lose a reminder whose
 * time comes before the next run.
 */
static int
queue(const struct remind_in *in, int dry_run, struct remind_stats *st)
{
	int i;

	for (i = 0; i < QUEUE_TRIES; i++) {
		if (remind_queue(in, dry_run, stdout, st) == 0)
			return 0;
		if (!store_busy(in->store))
			return -1;
		log_info("the database is busy; trying again");
	}
	return -1;
}

int
cmd_remind(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct remind_stats st = { 0 };
	struct remind_in in;
	int ch, dry_run = 0, ret;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			dry_run = 1;
			break;
		default:
			cmd_usage("remind");
			return ch == 'h' ? 0 : 2;
		}
	}
	if (optind != argc)
		return cmd_usage("remind");
	if (!dry_run && (app->cfg->smtp_url == NULL ||
	    app->cfg->smtp_from == NULL)) {
		log_warnx("[smtp] url and from must be set to send reminders");
		return 1;
	}
	in.cfg = app->cfg;
	in.store = app->store;
	in.lunar = app->lunar;
	in.now = app->now;
	in.today = vntime_day(app->now, NULL);
	/* Queue first: what is in the outbox survives any sending failure. */
	ret = queue(&in, dry_run, &st) == 0 &&
	    remind_send(&in, &mail_smtp, dry_run, stdout, &st) == 0 ? 0 : 1;
	printf("%s%ld queued, %ld sent, %ld to retry, %ld failed, %ld "
	    "waiting\n", dry_run ? "dry run: " : "", st.queued, st.sent,
	    st.retry, st.failed, st.waiting);
	/* Messages left waiting because the relay could not be reached are
	 * a failure a monitoring check must see. */
	if (ret == 0 && st.unreachable) {
		log_warnx("the mail relay could not be reached or used; %ld "
		    "message%s left for the next run", st.retry + st.waiting,
		    st.retry + st.waiting == 1 ? "" : "s");
		ret = 1;
	}
	return ret;
}

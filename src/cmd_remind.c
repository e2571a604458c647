/*
 * kyniem remind [--dry-run] [--now YYYY-MM-DDTHH:MM]: queue what is due
 * in the outbox, then send the outbox (run daily by kyniem-remind.timer).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "mail.h"
#include "remind.h"

#define VN_OFFSET (7 * 3600L)

/* "YYYY-MM-DDTHH:MM" in Vietnam's time; 0 or -1. */
static int
parse_now(const char *s, struct app *app)
{
	struct ymd d;
	char day[11];
	long h, m;

	if (strlen(s) != 16 || s[10] != 'T' || s[13] != ':' ||
	    s[11] < '0' || s[11] > '9')
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (util_parse_ymd(day, &d) == -1 ||
	    util_parse_int((char[]){ s[11], s[12], 0 }, 0, 23, &h) == -1 ||
	    util_parse_int(s + 14, 0, 59, &m) == -1)
		return -1;
	app->now = (time_t)(util_days_from_civil(d.y, d.m, d.d) * 86400L +
	    h * 3600 + m * 60 - VN_OFFSET);
	app->today = d;
	return 0;
}

int
cmd_remind(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "now", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct remind_stats st = { 0 };
	int ch, dry_run = 0, ret;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			dry_run = 1;
			break;
		case 'n':
			if (parse_now(optarg, app) == 0)
				break;
			log_warnx("--now: '%s' is not YYYY-MM-DDTHH:MM", optarg);
			return 2;
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
	/* Queue first: what is in the outbox survives any sending failure. */
	ret = remind_queue(app, dry_run, stdout, &st) == 0 &&
	    remind_send(app, &mail_smtp, dry_run, stdout, &st) == 0 ? 0 : 1;
	printf("%s%ld queued, %ld sent, %ld to retry, %ld failed, %ld "
	    "waiting\n", dry_run ? "dry run: " : "", st.queued, st.sent,
	    st.retry, st.failed, st.waiting);
	return ret;
}

/*
 * kyniem upcoming: occurrences in the next N days (from today by default).
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "query.h"

int
cmd_upcoming(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		QUERY_OPTIONS,
		{ "days", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct query q;
	struct ymd from = app->today;
	long days = 90;
	int ch, rc;

	query_init(&q, app->cfg->lang);
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'd') {
			if (util_parse_int(optarg, 1, 3660, &days) == -1) {
				log_warnx("--days: '%s' is not 1-3660", optarg);
				query_release(&q);
				return 2;
			}
			continue;
		}
		if (ch == 'F') {
			if (util_parse_ymd(optarg, &from) == -1) {
				log_warnx("--from: '%s' is not a date "
				    "(YYYY-MM-DD)", optarg);
				query_release(&q);
				return 2;
			}
			continue;
		}
		if ((rc = query_option(&q, ch, optarg)) == 0)
			continue;
		query_release(&q);
		if (rc == -1)
			return 2;
		cmd_usage("upcoming");
		return ch == 'h' ? 0 : 2;
	}
	if (optind != argc) {
		query_release(&q);
		return cmd_usage("upcoming");
	}
	rc = query_compile(&q) == -1 ? 2 : query_print(app->store, app->cfg,
	    app->lunar, &q, from, util_ymd_add_days(from, days - 1), stdout)
	    == 0 ? 0 : 1;
	query_release(&q);
	return rc;
}

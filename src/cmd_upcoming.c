/*
 * kyniem upcoming: occurrences in the next N days (from today by default).
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
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

	query_init(&q, app);
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'd') {
			if (util_parse_int(optarg, 1, 3660, &days) == -1) {
				log_warnx("--days: '%s' is not 1-3660", optarg);
				return 2;
			}
			continue;
		}
		if (ch == 'F') {
			if (util_parse_ymd(optarg, &from) == -1) {
				log_warnx("--from: '%s' is not a date "
				    "(YYYY-MM-DD)", optarg);
				return 2;
			}
			continue;
		}
		if ((rc = query_option(&q, ch, optarg)) == -1)
			return 2;
		if (rc == 1) {
			cmd_usage("upcoming");
			return ch == 'h' ? 0 : 2;
		}
	}
	if (optind != argc)
		return cmd_usage("upcoming");
	return query_print(app, &q, from, util_ymd_add_days(from, days - 1))
	    == 0 ? 0 : 1;
}

/*
 * kyniem anniversaries YEAR: every occurrence in a Gregorian year.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "log.h"
#include "query.h"

int
cmd_anniversaries(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		QUERY_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct query q;
	long year;
	int ch, rc;

	query_init(&q, app);
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if ((rc = query_option(&q, ch, optarg)) == -1)
			return 2;
		if (rc == 1) {
			cmd_usage("anniversaries");
			return ch == 'h' ? 0 : 2;
		}
	}
	if (argc - optind != 1)
		return cmd_usage("anniversaries");
	if (util_parse_int(argv[optind], 1, 9998, &year) == -1) {
		log_warnx("'%s' is not a year", argv[optind]);
		return 2;
	}
	return query_print(app, &q, (struct ymd){ (int)year, 1, 1 },
	    (struct ymd){ (int)year, 12, 31 }) == 0 ? 0 : 1;
}

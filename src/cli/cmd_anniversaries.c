/*
 * kyniem anniversaries YEAR: every occurrence in a Gregorian year.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
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

	query_init(&q, app->cfg->lang);
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if ((rc = query_option(&q, ch, optarg)) == 0)
			continue;
		query_release(&q);
		if (rc == -1)
			return 2;
		cmd_usage("anniversaries");
		return ch == 'h' ? 0 : 2;
	}
	if (argc - optind != 1) {
		query_release(&q);
		return cmd_usage("anniversaries");
	}
	if (util_parse_int(argv[optind], 1, 9998, &year) == -1) {
		log_warnx("'%s' is not a year", argv[optind]);
		query_release(&q);
		return 2;
	}
	rc = query_compile(&q) == -1 ? 2 : query_print(app->store, app->cfg,
	    app->lunar, &q, (struct ymd){ (int)year, 1, 1 },
	    (struct ymd){ (int)year, 12, 31 }, stdout) == 0 ? 0 : 1;
	query_release(&q);
	return rc;
}

/*
 * kyniem import [--attendees-as-owners] FILE...: load or update rows;
 * each file all or nothing; the occurrences of a recurring event within
 * the activities feed's window, each an activity.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "import.h"
#include "log.h"

int
cmd_import(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "attendees-as-owners", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_stats stats = { .cfg = app->cfg };
	struct ymd from, to;
	int ch, i, failed = 0, flags = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'a') {
			flags |= IMPORT_ATTENDEES;
			continue;
		}
		cmd_usage("import");
		return ch == 'h' ? 0 : 2;
	}
	if (optind >= argc)
		return cmd_usage("import");
	for (i = optind; i < argc; i++)
		if (import_file(app->store, app->lunar, argv[i], app->who,
		    (long)app->now, flags, &stats) == -1)
			failed++;
	printf("%ld rows read, %ld added or changed, %ld with errors\n",
	    stats.rows, stats.changed, stats.errors);
	if (stats.series > 0) {
		import_window(app->cfg, (long)app->now, &from, &to);
		printf("%ld recurring events: %ld occurrences from "
		    "%04d-%02d-%02d to %04d-%02d-%02d, each an activity\n",
		    stats.series, stats.occurrences, from.y, from.m, from.d,
		    to.y, to.m, to.d);
	}
	if (stats.undated > 0)
		printf("%ld rows have no exact day ('kyniem list' shows "
		    "them): those known to the month are listed at their "
		    "month, the others in the plans' days to confirm\n",
		    stats.undated);
	return failed ? 1 : 0;
}

/*
 * kyniem init: load the calendars/ directory into the database.  A new
 * database is built beside its path (store_open() staged and migrated it)
 * and put in place only when every file is in, so a failed init leaves
 * none for later commands and the server to use.
 */
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "import.h"
#include "log.h"
#include "store.h"

#ifndef KYNIEM_DATADIR
#define KYNIEM_DATADIR "/usr/local/share/kyniem"
#endif

int
cmd_init(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "calendars", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_stats stats = { .cfg = app->cfg };
	const char *dir = NULL;
	int ch;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'd') {
			dir = optarg;
			continue;
		}
		cmd_usage("init");
		return ch == 'h' ? 0 : 2;
	}
	if (optind != argc)
		return cmd_usage("init");
	/* The source tree's calendars/, else the installed copy. */
	if (dir == NULL)
		dir = access("calendars/countries.csv", R_OK) == 0 ?
		    "calendars" : KYNIEM_DATADIR "/calendars";
	if (import_calendars(app->store, app->lunar, dir, app->who,
	    (long)app->now, &stats) == -1 || store_publish(app->store) == -1)
		return 1;
	printf("%s: %ld rows from '%s', %ld added or changed\n",
	    store_path(app->store), stats.rows, dir, stats.changed);
	if (stats.undated > 0)
		printf("%ld rows have no exact day ('kyniem list' shows "
		    "them): those known to the month are listed at their "
		    "month, the others in the plans' days to confirm\n",
		    stats.undated);
	return 0;
}

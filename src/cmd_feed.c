/*
 * kyniem feed NAME: write one feed ("all", "country/JP") to stdout, the
 * same bytes the server sends.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "feed.h"
#include "log.h"

static int
write_feed(struct app *app, const char *name)
{
	struct dataset d;
	struct feed_defs defs;
	struct feed_ctx ctx;
	struct feed_out fo = { 0 };
	const struct feed_def *def;
	int ret = 1;

	if (dataset_load(app->store, DATASET_ACTIVITIES, &d) == -1)
		return 1;
	feed_ctx_init(&ctx, &d, app->cfg, app->lunar, app->today);
	feed_defs_init(&defs, app->cfg, d.set.v, d.set.n);
	if ((def = feed_defs_find(&defs, name)) == NULL) {
		log_warnx("no feed '%s' (see 'kyniem export' or the index "
		    "page for the list)", name);
		goto done;
	}
	if (feed_render(&ctx, def->conf, &fo) == -1)
		goto done;
	if (fwrite(fo.text, 1, fo.len, stdout) != fo.len ||
	    fflush(stdout) != 0) {
		log_warn("cannot write feed '%s'", name);
		goto done;
	}
	ret = 0;
done:
	feed_out_release(&fo);
	feed_defs_release(&defs);
	feed_ctx_release(&ctx);
	dataset_release(&d);
	return ret;
}

int
cmd_feed(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *name;
	size_t n;
	int ch;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1)
		return cmd_usage("feed");
	if (argc - optind != 1)
		return cmd_usage("feed");
	name = argv[optind];
	/* Accept the URL form too: "all.ics", "country/JP.ics". */
	n = strlen(name);
	if (n > 4 && strcmp(name + n - 4, ".ics") == 0) {
		char *base = xstrndup(name, n - 4);
		int ret = write_feed(app, base);

		free(base);
		return ret;
	}
	return write_feed(app, name);
}

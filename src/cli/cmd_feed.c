/*
 * kyniem feed NAME: write one feed ("all", "country/JP", "en/all") to
 * stdout, the same bytes the server sends; kyniem feed --check: every
 * feed's size and events against its byte budget.
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

/* One line of --check: 1 when events were left out, -1 on failure. */
static int
check_one(const struct feed_ctx *ctx, const struct config_feed *f,
    const char *prefix, const char *name)
{
	struct feed_out fo;
	char *full;

	if (feed_render(ctx, f, &fo) == -1)
		return -1;
	full = xasprintf("%s%s", prefix, name);
	printf("%-31s %7zu %9zu %9d %9zu\n", full, fo.nevents, fo.len,
	    f->max_bytes, fo.dropped);
	free(full);
	feed_out_release(&fo);
	return fo.dropped > 0;
}

/* Every feed, in its language and in English (en/NAME); exit 1 when any
 * left events out or failed. */
static int
check_feeds(const struct feed_ctx *ctx, const struct feed_defs *defs)
{
	struct config_feed en;
	size_t i;
	int ret = 0, rc;

	printf("%-31s %7s %9s %9s %9s\n", "feed", "events", "bytes",
	    "budget", "left out");
	for (i = 0; i < defs->n; i++) {
		feed_in_lang(defs->v[i].conf, LANG_EN, &en);
		if ((rc = check_one(ctx, defs->v[i].conf, "", defs->v[i].name))
		    != 0 || (rc = check_one(ctx, &en, "en/",
		    defs->v[i].name)) != 0)
			ret = 1;
	}
	return fflush(stdout) == 0 ? ret : 1;
}

static int
write_feed(struct app *app, const char *name, int check)
{
	struct dataset d;
	struct feed_defs defs;
	struct feed_ctx ctx;
	struct feed_out fo = { 0 };
	struct config_feed en;
	const struct feed_def *def;
	int ret = 1, english = name != NULL && strncmp(name, "en/", 3) == 0;

	if (dataset_load(app->store, DATASET_ACTIVITIES, &d) == -1)
		return 1;
	feed_ctx_init(&ctx, &d, app->cfg, app->lunar, app->today);
	feed_defs_init(&defs, app->cfg, d.set.v, d.set.n);
	if (check) {
		feed_ctx_cover(&ctx, &defs);
		ret = check_feeds(&ctx, &defs);
		goto done;
	}
	if ((def = feed_defs_find(&defs, name + (english ? 3 : 0))) == NULL) {
		log_warnx("no feed '%s' (see 'kyniem feed --check' for the "
		    "list)", name);
		goto done;
	}
	feed_in_lang(def->conf, english ? LANG_EN : def->conf->lang, &en);
	if (feed_render(&ctx, &en, &fo) == -1)
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
		{ "check", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *name;
	size_t n;
	int ch, check = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'c') {
			check = 1;
			continue;
		}
		cmd_usage("feed");
		return ch == 'h' ? 0 : 2;
	}
	if (argc - optind != !check)
		return cmd_usage("feed");
	if (check)
		return write_feed(app, NULL, 1);
	name = argv[optind];
	/* Accept the URL form too: "all.ics", "country/JP.ics". */
	n = strlen(name);
	if (n > 4 && strcmp(name + n - 4, ".ics") == 0) {
		char *base = xstrndup(name, n - 4);
		int ret = write_feed(app, base, 0);

		free(base);
		return ret;
	}
	return write_feed(app, name, 0);
}

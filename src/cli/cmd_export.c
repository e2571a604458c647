/*
 * kyniem export --out DIR: write the site (every public feed under
 * DIR/calendars/, the index pages) as static files, laid out like the
 * server's URLs, for deployments that serve them with another web server.
 * Each file is written to a temporary name and renamed, so a web server
 * never sends half a feed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "file.h"
#include "log.h"
#include "site.h"

static int
export(struct app *app, const char *dir)
{
	struct dataset d;
	struct site_input in;
	struct site site = { NULL, 0 };
	char *base, *path;
	size_t i;
	int ret = 1;

	if (dataset_load(app->store, DATASET_ACTIVITIES, &d) == -1)
		return 1;
	base = site_base_url(app->cfg, NULL);
	in.data = &d;
	in.cfg = app->cfg;
	in.lunar = app->lunar;
	in.today = app->today;
	in.now = app->now;
	in.version = app->version;
	in.base_url = base;
	if (site_build(&in, &site) == -1)
		goto done;
	for (i = 0; i < site.n; i++) {
		if (site.v[i].token != NULL) {
			log_info("'%s' with its token (private) not exported",
			    site.v[i].path);
			continue;
		}
		path = xasprintf("%s%s", dir, site.v[i].path);
		if (file_write_atomic(path, site.v[i].body, site.v[i].len) ==
		    -1) {
			free(path);
			goto done;
		}
		printf("%s\t%zu bytes\n", path, site.v[i].len);
		free(path);
	}
	ret = fflush(stdout) == 0 ? 0 : 1;
done:
	site_release(&site);
	free(base);
	dataset_release(&d);
	return ret;
}

int
cmd_export(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL;
	int ch;

	while ((ch = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		if (ch != 'o')
			return cmd_usage("export");
		out = optarg;
	}
	if (out == NULL || *out == '\0' || optind != argc)
		return cmd_usage("export");
	if (mkdir(out, 0755) == -1 && errno != EEXIST) {
		log_warn("cannot create '%s'", out);
		return 1;
	}
	return export(app, out);
}

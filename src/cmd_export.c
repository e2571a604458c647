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
#include "log.h"
#include "site.h"

/* mkdir -p for the directories of path (not its last component). */
static int
make_dirs(const char *path)
{
	char *p = xstrdup(path), *s;
	int ret = 0;

	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			log_warn("cannot create '%s'", p);
			ret = -1;
			break;
		}
		*s = '/';
	}
	free(p);
	return ret;
}

static int
write_file(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = NULL;
	int ret = -1;

	if (make_dirs(path) == -1)
		goto done;
	if ((f = fopen(tmp, "wb")) == NULL) {
		log_warn("cannot create '%s'", tmp);
		goto done;
	}
	if (fwrite(data, 1, len, f) != len || fflush(f) != 0 ||
	    fsync(fileno(f)) != 0) {
		log_warn("cannot write '%s'", tmp);
		goto done;
	}
	if (fclose(f) != 0) {
		f = NULL;
		log_warn("cannot write '%s'", tmp);
		goto done;
	}
	f = NULL;
	if (rename(tmp, path) == -1) {
		log_warn("cannot rename '%s' to '%s'", tmp, path);
		goto done;
	}
	ret = 0;
done:
	if (f != NULL)
		fclose(f);
	if (ret == -1)
		unlink(tmp);
	free(tmp);
	return ret;
}

static int
export(struct app *app, const char *dir)
{
	struct site_data d;
	struct site site;
	char *base, *path;
	size_t i;
	int ret = 1;

	if (site_load(app->store, &d) == -1)
		return 1;
	base = site_base_url(app->cfg, NULL);
	if (site_build(&d, app->cfg, app->today, base, &site) == -1)
		goto done;
	for (i = 0; i < site.n; i++) {
		if (site.v[i].token != NULL) {
			log_info("private feed '%s' not exported",
			    site.v[i].path);
			continue;
		}
		path = xasprintf("%s%s", dir, site.v[i].path);
		if (write_file(path, site.v[i].body, site.v[i].len) == -1) {
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
	site_data_release(&d);
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

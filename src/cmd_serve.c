/*
 * kyniem serve [--listen ADDR:PORT]: build the site, serve it, and rebuild
 * it when the database changes (another process imported rows or added an
 * activity: SQLite's data_version moves) or the day turns.  A failed
 * rebuild is logged and the previous site keeps being served.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "http.h"
#include "log.h"
#include "site.h"
#include "store.h"

#define VN_OFFSET	(7 * 3600L)

struct serve {
	struct app *app;
	struct http_server *srv;
	char *base;
	long long version;	/* PRAGMA data_version at the last build */
	struct ymd built_for;	/* the day the site was built for */
	struct timespec t0;	/* monotonic time at start */
};

static int
data_version(struct store *st, long long *v)
{
	sqlite3_stmt *stmt = store_prepare(st, "PRAGMA data_version");
	int ret = -1;

	if (stmt == NULL)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*v = sqlite3_column_int64(stmt, 0);
		ret = 0;
	} else
		log_warnx("cannot read the database version: %s",
		    sqlite3_errmsg(store_db(st)));
	sqlite3_finalize(stmt);
	return ret;
}

/*
 * Today for a server that runs for weeks: the day main.c gave (the clock
 * or --today) moved on by the time elapsed since start, so a pinned
 * --today still behaves the same in tests.
 */
static struct ymd
serve_today(const struct serve *s)
{
	struct timespec now;
	long long start, later;

	clock_gettime(CLOCK_MONOTONIC, &now);
	start = (long long)s->app->now + VN_OFFSET;
	later = start + (long long)(now.tv_sec - s->t0.tv_sec);
	return util_ymd_add_days(s->app->today, (long)(later / 86400 -
	    start / 86400));
}

static void
print_urls(const struct serve *s, const struct site *site)
{
	size_t i, countries = 0;
	const char *tok;

	printf("kyniem: serving %s/ (port %u)\n", s->base,
	    http_port(s->srv));
	for (i = 0; i < site->n; i++) {
		if (strncmp(site->v[i].path, "/calendars/country/", 19) == 0) {
			if (countries++ == 0)
				printf("  %s%s (%zu events) and the other "
				    "country feeds on the page\n", s->base,
				    site->v[i].path, site->v[i].nevents);
			continue;
		}
		if (strncmp(site->v[i].path, "/calendars/", 11) != 0)
			continue;
		tok = site->v[i].token != NULL ? "?token=SECRET" : "";
		printf("  %s%s%s (%zu events)\n", s->base, site->v[i].path, tok,
		    site->v[i].nevents);
	}
	fflush(stdout);
}

/* Load and render everything, then publish it; 0 or -1 (logged). */
static int
rebuild(struct serve *s, int first)
{
	struct site_data d;
	struct site site;
	struct ymd today = serve_today(s);
	long long version;
	int ret;

	if (data_version(s->app->store, &version) == -1)
		return -1;
	if (site_load(s->app->store, &d) == -1)
		return -1;
	ret = site_build(&d, s->app->cfg, today, s->base, &site);
	site_data_release(&d);
	if (ret == -1) {
		log_warnx("rebuilding the feeds failed; still serving the "
		    "previous ones");
		return -1;
	}
	if (first)
		print_urls(s, &site);
	http_publish(s->srv, &site);
	s->version = version;
	s->built_for = today;
	if (!first)
		log_info("feeds rebuilt");
	return 0;
}

static int
changed(struct serve *s)
{
	long long v;
	struct ymd today = serve_today(s);

	if (util_ymd_cmp(today, s->built_for) != 0)
		return 1;
	return data_version(s->app->store, &v) == 0 && v != s->version;
}

static void
run(struct serve *s)
{
	unsigned poll = (unsigned)s->app->cfg->poll_seconds;

	for (;;) {
		sleep(poll > 0 ? poll : 1);
		if (changed(s))
			(void)rebuild(s, 0);
	}
}

int
cmd_serve(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "listen", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct serve s = { 0 };
	struct http_opts ho;
	int ch;

	http_opts_init(&ho);
	ho.listen = app->cfg->listen;
	ho.max_connections = (unsigned)app->cfg->max_connections;
	ho.timeout = (unsigned)app->cfg->connection_timeout;
	while ((ch = getopt_long(argc, argv, "hl:", opts, NULL)) != -1) {
		if (ch != 'l')
			return cmd_usage("serve");
		ho.listen = optarg;
	}
	if (optind != argc)
		return cmd_usage("serve");
	s.app = app;
	clock_gettime(CLOCK_MONOTONIC, &s.t0);
	if (http_start(&ho, &s.srv) == -1)
		return 1;
	s.base = site_base_url(app->cfg, ho.listen);
	if (rebuild(&s, 1) == -1) {
		http_stop(s.srv);
		free(s.base);
		return 1;
	}
	run(&s);
	return 0;
}

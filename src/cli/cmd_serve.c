/*
 * kyniem serve [--listen ADDR:PORT]: build the site, serve it, and rebuild
 * it when the database changes (another process imported rows or added an
 * activity: store_data_rev() moves; a page of the web application that
 * wrote says so at once) or the day turns.  A failed
 * rebuild is logged and the previous site keeps being served.  The
 * password links the pages queue are mailed by the sender's thread
 * (sender.c).
 * Under systemd: takes the listening socket it is passed (sd_listen_fds),
 * reports readiness (sd_notify), reloads on SIGHUP and drains on SIGTERM.
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <systemd/sd-daemon.h>

#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "http.h"
#include "log.h"
#include "sender.h"
#include "site.h"
#include "store.h"
#include "user.h"
#include "vntime.h"
#include "web.h"
/* How long SIGTERM waits for requests in flight; below the unit's
 * TimeoutStopSec=30s so that systemd never has to SIGKILL. */
#define DRAIN_SECONDS	25

struct serve {
	struct app *app;
	struct http_server *srv;
	char *listen;		/* --listen, or [server] listen at start */
	int listen_opt;		/* 1: listen came from --listen */
	char *base;
	long long version;	/* store_data_rev() at the last build */
	struct ymd built_for;	/* the day the site was built for */
	struct timespec t0;	/* monotonic time at start */
	struct web *web;	/* the staff application at /app */
	struct sender *sender;	/* mail the application queued */
	pthread_t main;		/* the thread in run() */
	struct http_app apps[1];
};

/*
 * Now for a server that runs for weeks: the instant main.c gave (the
 * clock, or --now/--today) moved on by the time elapsed since start, so a
 * pinned --today still behaves the same in tests.
 */
static time_t
serve_now(const struct serve *s)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return s->app->now + (now.tv_sec - s->t0.tv_sec);
}

/* Today in Vietnam for the server: a pinned --today moves on with the
 * days elapsed since start. */
static struct ymd
serve_today(const struct serve *s)
{
	return util_ymd_add_days(s->app->today, vntime_days_between(
	    vntime_day(s->app->now, NULL), vntime_day(serve_now(s), NULL)));
}

/* The application's clock: the server's. */
static void
web_clock(void *cls, time_t *now, struct ymd *today)
{
	const struct serve *s = cls;

	*now = serve_now(s);
	*today = serve_today(s);
}

/* A page queued a password link: the sender mails it now. */
static void
web_mail(void *cls)
{
	const struct serve *s = cls;

	sender_wake(s->sender);
}

/* A page wrote: wake run() (SIGUSR1), which rebuilds at once. */
static void
web_changed(void *cls)
{
	const struct serve *s = cls;

	pthread_kill(s->main, SIGUSR1);
}

static void
url_lines(const struct serve *s, const struct site *site, struct buf *b)
{
	size_t i, countries = 0;
	const char *tok;

	for (i = 0; i < site->n; i++) {
		if (strncmp(site->v[i].path, "/calendars/country/", 19) == 0) {
			if (countries++ == 0)
				buf_printf(b, "  %s%s (%zu events) and the other "
				    "country feeds on the page\n", s->base,
				    site->v[i].path, site->v[i].nevents);
			continue;
		}
		if (strncmp(site->v[i].path, "/calendars/", 11) != 0)
			continue;
		tok = site->v[i].token != NULL ? "?token=SECRET" : "";
		buf_printf(b, "  %s%s%s (%zu events)\n", s->base,
		    site->v[i].path, tok, site->v[i].nevents);
	}
}

/*
 * Start the server with site already published, so that no connection
 * ever finds it empty, and print the URLs; 0 or -1 (logged).
 */
static int
start(struct serve *s, const struct http_opts *ho, struct site *site)
{
	struct http_opts o = *ho;
	struct buf b;

	buf_init(&b);
	url_lines(s, site, &b);
	o.site = site;
	o.now = serve_now(s);
	o.apps = s->apps;
	o.napps = NELEM(s->apps);
	if (http_start(&o, &s->srv) == -1) {
		site_release(site);
		buf_release(&b);
		return -1;
	}
	printf("kyniem: serving %s/ (port %u)\n%s", s->base,
	    http_port(s->srv), b.data != NULL ? b.data : "");
	fflush(stdout);
	buf_release(&b);
	return 0;
}

/*
 * Load and render everything, then publish it; 0 or -1 (logged).  The
 * first time (no server yet), start the server with ho only once the site
 * is built and published: until then connections wait in the listen queue
 * rather than get a 503, which calendar clients take as a broken
 * subscription (with socket activation the first connection is what
 * starts us).
 */
static int
rebuild(struct serve *s, const struct http_opts *ho)
{
	int first = s->srv == NULL;
	struct dataset d;
	struct site_input in;
	struct site site;
	struct ymd today = serve_today(s);
	long long version;
	int ret;

	if (store_data_rev(s->app->store, &version) == -1)
		return -1;
	if (dataset_load(s->app->store, DATASET_ACTIVITIES,
	    &d) == -1)
		return -1;
	in.data = &d;
	in.cfg = s->app->cfg;
	in.lunar = s->app->lunar;
	in.today = today;
	in.now = serve_now(s);
	in.version = s->app->version;
	in.base_url = s->base;
	ret = site_build(&in, &site);
	dataset_release(&d);
	/* The dataset was the largest thing in memory: give it back to the
	 * system rather than keep the peak for the weeks the server runs. */
	malloc_trim(0);
	if (ret == -1) {
		log_warnx("rebuilding the feeds failed; still serving the "
		    "previous ones");
		return -1;
	}
	if (first) {
		if (start(s, ho, &site) == -1)
			return -1;
	} else
		http_publish(s->srv, &site, serve_now(s));
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
	return store_data_rev(s->app->store, &v) == 0 && v != s->version;
}

/*
 * SIGHUP: read the config file again, then rebuild every feed from the
 * database with it.  A config with errors is reported and the running one
 * kept.  The listening socket stays: a new [server] listen takes effect at
 * the next start.
 */
static void
reload(struct serve *s)
{
	struct app *app = s->app;
	struct config cfg;
	struct store *st = NULL;

	sd_notify(0, "RELOADING=1\nSTATUS=reloading");
	if (config_load(&cfg, app->cfg->path) == -1) {
		config_release(&cfg);
		log_warnx("reload: keeping the previous configuration");
		goto rebuild;
	}
	if (strcmp(cfg.db_path, app->cfg->db_path) != 0 &&
	    store_open(cfg.db_path, 0, &st) == -1) {
		config_release(&cfg);
		log_warnx("reload: keeping the previous configuration");
		goto rebuild;
	}
	if (st != NULL) {
		store_close(app->store);
		app->store = st;
	}
	if (cfg.meridian != app->cfg->meridian) {
		lunar_free(app->lunar);
		app->lunar = lunar_new(cfg.meridian);
	}
	if (!s->listen_opt && strcmp(cfg.listen, app->cfg->listen) != 0)
		log_warnx("reload: [server] listen '%s' takes effect at the "
		    "next start", cfg.listen);
	/* The pages read the config from other threads: none is in a
	 * request while it is replaced. */
	web_config_lock(s->web);
	config_release(app->cfg);
	*app->cfg = cfg;
	web_config_unlock(s->web);
	sender_config(s->sender, app->cfg);
	free(s->base);
	s->base = site_base_url(app->cfg, s->listen);
	log_info("configuration reloaded from '%s'", app->cfg->path != NULL ?
	    app->cfg->path : "(defaults)");
rebuild:
	(void)rebuild(s, NULL);
	sd_notifyf(0, "READY=1\nSTATUS=serving %s/", s->base);
}

/*
 * SIGTERM: stop accepting connections, let the requests in flight finish
 * (a calendar client cut off mid-feed may count it as an error), stop.
 */
static void
drain(struct serve *s)
{
	struct timespec t0, now, pause = { 0, 20 * 1000 * 1000 };
	unsigned n;

	sd_notify(0, "STOPPING=1\nSTATUS=finishing the requests in flight");
	http_quiesce(s->srv);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while ((n = http_inflight(s->srv)) > 0) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - t0.tv_sec >= DRAIN_SECONDS) {
			log_warnx("stopping with %u requests unfinished", n);
			break;
		}
		nanosleep(&pause, NULL);
	}
	http_stop(s->srv);
	s->srv = NULL;
}

/* Rebuild when the data changes; reload on SIGHUP; return on SIGTERM. */
static void
run(struct serve *s, const sigset_t *set)
{
	struct timespec ts;
	int sig, poll;

	for (;;) {
		poll = s->app->cfg->poll_seconds;
		ts.tv_sec = poll > 0 ? poll : 1;
		ts.tv_nsec = 0;
		sig = sigtimedwait(set, NULL, &ts);
		if (sig == SIGHUP)
			reload(s);
		else if (sig == SIGTERM || sig == SIGINT)
			return;
		else if (changed(s))
			(void)rebuild(s, NULL);
	}
}

/*
 * The listening socket systemd passed (kyniem.socket, LISTEN_FDS), or -1
 * when there is none and the server binds its own; -2 (logged) when what
 * was passed is not one listening stream socket.
 */
static int
passed_socket(void)
{
	int n = sd_listen_fds(1);

	if (n == 0)
		return -1;
	if (n < 0) {
		errno = -n;
		log_warn("cannot take the sockets passed by systemd");
		return -2;
	}
	if (n > 1) {
		log_warnx("%d sockets passed; kyniem.socket must have one "
		    "ListenStream=", n);
		return -2;
	}
	if (sd_is_socket(SD_LISTEN_FDS_START, AF_UNSPEC, SOCK_STREAM, 1) <=
	    0) {
		log_warnx("the socket passed is not a listening stream socket");
		return -2;
	}
	return SD_LISTEN_FDS_START;
}

/*
 * Every connection is a descriptor: raise the soft limit to the hard one
 * (the unit sets LimitNOFILE) and, when even that is short, serve fewer
 * connections than configured rather than fail to accept.  Returns the
 * connections to allow.
 */
static unsigned
enough_files(unsigned want)
{
	struct rlimit rl;
	rlim_t need = (rlim_t)want + 64 + 128;	/* backstop, database, logs */

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1)
		return want;
	if (rl.rlim_cur < need && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max < need ? rl.rlim_max : need;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
		(void)getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur >= need)
		return want;
	log_warnx("only %llu file descriptors allowed: serving %llu "
	    "connections at once instead of %u (raise LimitNOFILE)",
	    (unsigned long long)rl.rlim_cur, (unsigned long long)(rl.rlim_cur
	    > 256 ? rl.rlim_cur - 192 : 64), want);
	return rl.rlim_cur > 256 ? (unsigned)(rl.rlim_cur - 192) : 64;
}

/* "ADDR:PORT" or "[ADDR]:PORT" of a bound socket, for the URLs shown. */
static char *
socket_name(int fd, const char *fallback)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char a[INET6_ADDRSTRLEN];
	const struct sockaddr_in *sin = (const void *)&ss;
	const struct sockaddr_in6 *sin6 = (const void *)&ss;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) == -1)
		return xstrdup(fallback);
	if (ss.ss_family == AF_INET &&
	    inet_ntop(AF_INET, &sin->sin_addr, a, sizeof(a)) != NULL)
		return xasprintf("%s:%u", a, ntohs(sin->sin_port));
	if (ss.ss_family == AF_INET6 &&
	    inet_ntop(AF_INET6, &sin6->sin6_addr, a, sizeof(a)) != NULL)
		return xasprintf("[%s]:%u", a, ntohs(sin6->sin6_port));
	return xstrdup(fallback);
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
	struct web_opts wo = { 0 };
	struct http_opts ho;
	sigset_t set;
	int ch;

	http_opts_init(&ho);
	ho.listen = app->cfg->listen;
	ho.max_connections = (unsigned)app->cfg->max_connections;
	ho.per_addr = (unsigned)app->cfg->max_per_address;
	ho.header_seconds = (unsigned)app->cfg->header_timeout;
	ho.body_seconds = (unsigned)app->cfg->body_timeout;
	ho.body_min_rate = (unsigned)app->cfg->body_min_rate;
	ho.trusted = app->cfg->trusted;
	ho.timeout = (unsigned)app->cfg->connection_timeout;
	ho.max_connections = enough_files(ho.max_connections);
	while ((ch = getopt_long(argc, argv, "hl:", opts, NULL)) != -1) {
		if (ch != 'l')
			return cmd_usage("serve");
		ho.listen = optarg;
		s.listen_opt = 1;
	}
	if (optind != argc)
		return cmd_usage("serve");
	s.app = app;
	clock_gettime(CLOCK_MONOTONIC, &s.t0);
	user_init();
	wo.cfg = app->cfg;
	wo.clock = web_clock;
	wo.changed = web_changed;
	wo.mail = web_mail;
	s.main = pthread_self();
	wo.clock_cls = &s;
	wo.version = app->version;
	if ((ho.listen_fd = passed_socket()) == -2)
		return 1;
	s.web = web_new(&wo);
	web_app(s.web, &s.apps[0]);
	s.listen = ho.listen_fd >= 0 ? socket_name(ho.listen_fd, ho.listen) :
	    xstrdup(ho.listen);
	/* Blocked before the server's threads exist, so they inherit the
	 * mask and only run() takes these signals. */
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	s.sender = sender_start(app->cfg, web_clock, &s);
	s.base = site_base_url(app->cfg, s.listen);
	if (app->cfg->base_url == NULL)
		log_warnx("[server] base_url is not set: the page links to "
		    "%s, which only this machine may reach, and no mail "
		    "carries a link to the application", s.base);
	if (rebuild(&s, &ho) == -1)
		goto fail;
	sd_notifyf(0, "READY=1\nSTATUS=serving %s/", s.base);
	run(&s, &set);
	drain(&s);
	sender_stop(s.sender);
	log_info("stopped");
	web_free(s.web);
	free(s.base);
	free(s.listen);
	return 0;
fail:
	sender_stop(s.sender);
	web_free(s.web);
	free(s.base);
	free(s.listen);
	return 1;
}

/*
 * The sender thread.  It sleeps until a page wakes it, sends what is due
 * through remind_send_links() (the outbox rows that carry a link, with
 * the reminders' lock, so that it never sends alongside `kyniem remind`),
 * and while a message waits for a retry looks again every SENDER_TICK
 * seconds.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "mail.h"
#include "remind.h"
#include "sender.h"
#include "store.h"

/* Seconds between looks while a message waits for its retry. */
#define SENDER_TICK	60
/* Seconds to wait for another sender (`kyniem remind`) to finish; the
 * next look tries again. */
#define SENDER_WAIT	2

struct sender {
	pthread_t thread;
	pthread_mutex_t lock;	/* the fields below */
	pthread_cond_t cond;
	int woken, stop;
	struct config cfg;	/* the settings it needs, its own copies */
	sender_clock clock;
	void *cls;
};

static char *
dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* The settings a sending run reads, copied from src into a zeroed dst. */
static void
settings_copy(struct config *dst, const struct config *src)
{
	memset(dst, 0, sizeof(*dst));
	dst->db_path = dup(src->db_path);
	dst->domain = dup(src->domain);
	dst->smtp_url = dup(src->smtp_url);
	dst->smtp_from = dup(src->smtp_from);
	dst->smtp_starttls = src->smtp_starttls;
	dst->smtp_username = dup(src->smtp_username);
	dst->smtp_password_file = dup(src->smtp_password_file);
	dst->smtp_timeout = src->smtp_timeout;
	dst->smtp_cafile = dup(src->smtp_cafile);
	dst->smtp_reuse = src->smtp_reuse;
}

static void
settings_release(struct config *c)
{
	free(c->db_path);
	free(c->domain);
	free(c->smtp_url);
	free(c->smtp_from);
	free(c->smtp_username);
	free(c->smtp_password_file);
	free(c->smtp_cafile);
	memset(c, 0, sizeof(*c));
}

/* One sending run with cfg; 1 when a message still waits (a retry). */
static int
send_due(struct sender *s, const struct config *cfg, struct store **st)
{
	struct remind_stats stats = { 0 };
	struct remind_in in;

	if (cfg->smtp_url == NULL || cfg->smtp_from == NULL)
		return 0;
	if (*st != NULL && strcmp(store_path(*st), cfg->db_path) != 0) {
		store_close(*st);
		*st = NULL;
	}
	if (*st == NULL && store_open(cfg->db_path, 0, st) == -1) {
		*st = NULL;
		return 1;
	}
	memset(&in, 0, sizeof(in));
	in.cfg = cfg;
	in.store = *st;
	s->clock(s->cls, &in.now, &in.today);
	if (remind_send_links(&in, &mail_smtp, SENDER_WAIT, NULL,
	    &stats) == -1)
		return 1;
	if (stats.sent > 0)
		log_info("%ld password link message%s sent", stats.sent,
		    stats.sent == 1 ? "" : "s");
	return stats.retry > 0 || stats.waiting > 0;
}

/* Until woken, or SENDER_TICK seconds when pending; 0, or -1 to stop.
 * Called and returns with s->lock held. */
static int
sleep_until_woken(struct sender *s, int pending)
{
	struct timespec until;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += SENDER_TICK;
	while (!s->woken && !s->stop)
		if (!pending)
			pthread_cond_wait(&s->cond, &s->lock);
		else if (pthread_cond_timedwait(&s->cond, &s->lock, &until) ==
		    ETIMEDOUT)
			break;
	s->woken = 0;
	return s->stop ? -1 : 0;
}

static void *
run(void *arg)
{
	struct sender *s = arg;
	struct store *st = NULL;
	struct config cfg;
	int pending = 1;	/* a message may wait from before the start */

	pthread_mutex_lock(&s->lock);
	for (;;) {
		settings_copy(&cfg, &s->cfg);
		pthread_mutex_unlock(&s->lock);
		pending = send_due(s, &cfg, &st);
		settings_release(&cfg);
		pthread_mutex_lock(&s->lock);
		if (sleep_until_woken(s, pending) == -1)
			break;
	}
	pthread_mutex_unlock(&s->lock);
	store_close(st);
	return NULL;
}

struct sender *
sender_start(const struct config *cfg, sender_clock clock, void *cls)
{
	struct sender *s = xcalloc(1, sizeof(*s));

	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->cond, NULL);
	settings_copy(&s->cfg, cfg);
	s->clock = clock;
	s->cls = cls;
	if (pthread_create(&s->thread, NULL, run, s) != 0)
		fatal("cannot start the mail sender thread");
	return s;
}

void
sender_config(struct sender *s, const struct config *cfg)
{
	pthread_mutex_lock(&s->lock);
	settings_release(&s->cfg);
	settings_copy(&s->cfg, cfg);
	pthread_mutex_unlock(&s->lock);
}

void
sender_wake(struct sender *s)
{
	pthread_mutex_lock(&s->lock);
	s->woken = 1;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

void
sender_stop(struct sender *s)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&s->lock);
	s->stop = 1;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	settings_release(&s->cfg);
	pthread_cond_destroy(&s->cond);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

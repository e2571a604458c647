/*
 * Per-thread state of the web application.  The threads are
 * libmicrohttpd's pool, which lives as long as the server, so each
 * thread's state is made once and freed with the server.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dataset.h"
#include "log.h"
#include "lunar.h"
#include "store.h"
#include "token.h"
#include "search.h"
#include "web_thread.h"

/* Parts of pages a thread keeps. */
#define CACHE_SLOTS	16
/* Sessions a thread keeps while the database does not change. */
#define SESSION_SLOTS	32
/* The database is read at least this often even when its files look
 * unchanged (a write within the clock's granularity can hide). */
#define RECHECK_MS	2000
/* A kept session this close to its limits is read again. */
#define SESSION_MARGIN	60

struct session_slot {
	char hash[TOKEN_HASH_LEN + 1];	/* "" = empty */
	struct session s;
	unsigned long gen;
};

struct cache_slot {
	char *key;
	long long rev;		/* store_data_rev() it was made at */
	struct ymd day;
	unsigned gen;		/* of the config */
	char *part;
	size_t len;
	unsigned long used;	/* for replacing the least recently used */
};

struct web_thread {
	struct web_thread *next;
	struct store *st;
	struct lunar_cal *lunar;
	enum lunar_meridian meridian;
	struct dataset data;
	int loaded;
	struct search_index ix;	/* of data, once searched */
	int ix_built;
	long long rev;		/* store_data_rev() of data */
	unsigned long rev_gen;	/* gen when rev was read */
	/* gen moves when the database may have changed: everything read
	 * from it before is read again. */
	struct store_sig sig;
	int sig_ok;
	struct timespec checked;
	unsigned long gen;
	struct session_slot sessions[SESSION_SLOTS];
	size_t next_session;
	struct cache_slot cache[CACHE_SLOTS];
	unsigned long clock;	/* cache uses */
};

struct web_threads {
	pthread_key_t key;
	pthread_mutex_t lock;	/* list */
	struct web_thread *list;
};

struct web_threads *
web_threads_new(void)
{
	struct web_threads *ts = xcalloc(1, sizeof(*ts));

	if (pthread_key_create(&ts->key, NULL) != 0)
		fatal("pthread_key_create failed");
	pthread_mutex_init(&ts->lock, NULL);
	return ts;
}

static void
forget_data(struct web_thread *t)
{
	if (t->loaded)
		dataset_release(&t->data);
	t->loaded = 0;
	if (t->ix_built)
		search_index_release(&t->ix);
	t->ix_built = 0;
}

static void
forget_all(struct web_thread *t)
{
	size_t i;

	for (i = 0; i < SESSION_SLOTS; i++)
		if (t->sessions[i].hash[0] != '\0')
			session_release(&t->sessions[i].s);
	for (i = 0; i < CACHE_SLOTS; i++) {
		free(t->cache[i].key);
		free(t->cache[i].part);
	}
	forget_data(t);
}

void
web_threads_free(struct web_threads *ts)
{
	struct web_thread *t, *next;

	if (ts == NULL)
		return;
	for (t = ts->list; t != NULL; t = next) {
		next = t->next;
		forget_all(t);
		store_close(t->st);
		lunar_free(t->lunar);
		free(t);
	}
	pthread_key_delete(ts->key);
	pthread_mutex_destroy(&ts->lock);
	free(ts);
}

struct web_thread *
web_thread(struct web_threads *ts)
{
	struct web_thread *t = pthread_getspecific(ts->key);

	if (t != NULL)
		return t;
	t = xcalloc(1, sizeof(*t));
	pthread_mutex_lock(&ts->lock);
	t->next = ts->list;
	ts->list = t;
	pthread_mutex_unlock(&ts->lock);
	pthread_setspecific(ts->key, t);
	return t;
}

/* The connection and the calendar the config asks for; 0 or -1. */
static int
open_for(struct web_thread *t, const struct config *cfg)
{
	if (t->st != NULL && strcmp(store_path(t->st), cfg->db_path) != 0) {
		forget_data(t);
		store_close(t->st);
		t->st = NULL;
	}
	if (t->st == NULL && store_open(cfg->db_path, 0, &t->st) == -1) {
		t->st = NULL;
		return -1;
	}
	if (t->lunar != NULL && t->meridian != cfg->meridian) {
		lunar_free(t->lunar);
		t->lunar = NULL;
	}
	if (t->lunar == NULL) {
		t->lunar = lunar_new(cfg->meridian);
		t->meridian = cfg->meridian;
	}
	return 0;
}

/*
 * Move gen when the database may have changed since the last request
 * (or RECHECK_MS passed).  The signature is taken before anything is
 * read, so a write after it shows at the next request.
 */
static void
watch(struct web_thread *t)
{
	struct store_sig sig;
	struct timespec now;
	long ms;
	int ok = store_signature(t->st, &sig) == 0;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - t->checked.tv_sec) * 1000 +
	    (now.tv_nsec - t->checked.tv_nsec) / 1000000;
	if (ok && t->sig_ok && store_sig_equal(&sig, &t->sig) &&
	    ms < RECHECK_MS)
		return;
	t->gen++;
	t->sig = sig;
	t->sig_ok = ok;
	t->checked = now;
}

int
web_thread_begin(struct web_thread *t, const struct config *cfg)
{
	if (open_for(t, cfg) == -1)
		return -1;
	watch(t);
	return 0;
}

struct store *
web_thread_store(struct web_thread *t)
{
	return t->st;
}

struct lunar_cal *
web_thread_lunar(struct web_thread *t)
{
	return t->lunar;
}

const struct dataset *
web_thread_data(struct web_thread *t)
{
	long long rev = 0;

	if (t->loaded && t->rev_gen == t->gen)
		return &t->data;
	if (store_data_rev(t->st, &rev) == -1)
		return NULL;
	t->rev_gen = t->gen;
	if (t->loaded && rev == t->rev)
		return &t->data;
	forget_data(t);
	if (dataset_load(t->st, DATASET_ACTIVITIES | DATASET_OWNERS,
	    &t->data) == -1)
		return NULL;
	t->loaded = 1;
	t->rev = rev;
	return &t->data;
}

const struct search_index *
web_thread_index(struct web_thread *t)
{
	if (web_thread_data(t) == NULL)
		return NULL;
	if (!t->ix_built) {
		if (search_index_build(&t->data, t->st, &t->ix) == -1) {
			search_index_release(&t->ix);
			return NULL;
		}
		t->ix_built = 1;
	}
	return &t->ix;
}

/* 1 if a kept session is within its limits with a margin. */
static int
session_live(const struct session *s, const struct session_limits *lim,
    time_t now)
{
	now += SESSION_MARGIN;
	return now - s->seen <= lim->idle && now - s->created <= lim->max;
}

int
web_thread_session(struct web_thread *t, const char *token,
    const struct session_limits *lim, time_t now, struct session *out)
{
	struct session_slot *slot;
	char h[TOKEN_HASH_LEN + 1];
	size_t i;
	int rc;

	token_hash(token, h);
	for (i = 0; i < SESSION_SLOTS; i++) {
		slot = &t->sessions[i];
		if (slot->gen == t->gen && strcmp(slot->hash, h) == 0 &&
		    session_live(&slot->s, lim, now)) {
			session_copy(out, &slot->s);
			return 0;
		}
	}
	/* session_get() also notes the request (the idle limit). */
	if ((rc = session_get(t->st, token, lim, now, out)) != 0)
		return rc;
	slot = &t->sessions[t->next_session++ % SESSION_SLOTS];
	if (slot->hash[0] != '\0')
		session_release(&slot->s);
	session_copy(&slot->s, out);
	snprintf(slot->hash, sizeof(slot->hash), "%s", h);
	slot->gen = t->gen;
	return 0;
}

static int
cache_fresh(const struct web_thread *t, const struct cache_slot *c,
    struct ymd day, unsigned gen)
{
	return c->key != NULL && c->rev == t->rev && c->gen == gen &&
	    util_ymd_cmp(c->day, day) == 0;
}

int
web_thread_cache_get(struct web_thread *t, const char *key, struct ymd day,
    unsigned gen, struct buf *out)
{
	struct cache_slot *c;
	size_t i;

	for (i = 0; i < CACHE_SLOTS; i++) {
		c = &t->cache[i];
		if (cache_fresh(t, c, day, gen) && strcmp(c->key, key) == 0) {
			buf_add(out, c->part, c->len);
			c->used = ++t->clock;
			return 1;
		}
	}
	return 0;
}

void
web_thread_cache_put(struct web_thread *t, const char *key, struct ymd day,
    unsigned gen, const char *part, size_t len)
{
	struct cache_slot *c = &t->cache[0];
	size_t i;

	/* The slot of the same key, else an empty one, else the least
	 * recently used. */
	for (i = 0; i < CACHE_SLOTS; i++) {
		if (t->cache[i].key != NULL && strcmp(t->cache[i].key,
		    key) == 0) {
			c = &t->cache[i];
			break;
		}
		if (c->key != NULL && (t->cache[i].key == NULL ||
		    t->cache[i].used < c->used))
			c = &t->cache[i];
	}
	free(c->key);
	free(c->part);
	c->key = xstrdup(key);
	c->rev = t->rev;
	c->gen = gen;
	c->day = day;
	c->len = len;
	c->part = xmalloc(len + 1);
	memcpy(c->part, part, len);
	c->used = ++t->clock;
}

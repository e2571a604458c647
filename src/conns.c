/*
 * The connection table.  A connection is closed from here with
 * shutdown(2), never close(2): libmicrohttpd owns the descriptor, sees the
 * shutdown as the peer going away and cleans up, telling us through
 * conns_close() while the descriptor is still open (libmicrohttpd 0.9.75
 * notifies before it closes the socket, and the table's lock is held on
 * both sides), so a shutdown never reaches a reused descriptor.
 *
 * Linear scans are fine: the table holds a few thousand entries at most
 * and is touched once per connection, and by the sweep a few times a
 * second.
 */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conns.h"
#include "util.h"

/* How long a new connection may wait for its request before it can be
 * taken for an idle one and closed to make room. */
#define GRACE_MS	200

struct entry {
	const void *key;
	int fd;
	char addr[48];		/* numeric peer address */
	int busy;		/* a request is running */
	int closing;		/* shut down, waiting for libmicrohttpd */
	int exempt;		/* a trusted proxy: no per-address limit */
	long long since;	/* ms: when it started waiting */
};

struct conns {
	pthread_mutex_t lock;
	struct conns_limits lim;
	char *trusted;
	struct entry *v;
	size_t n, cap;
};

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct conns *
conns_new(const struct conns_limits *limits)
{
	struct conns *t = xcalloc(1, sizeof(*t));

	pthread_mutex_init(&t->lock, NULL);
	t->lim = *limits;
	t->trusted = xstrdup(limits->trusted ? limits->trusted : ",");
	t->lim.trusted = t->trusted;
	return t;
}

void
conns_free(struct conns *t)
{
	if (t == NULL)
		return;
	pthread_mutex_destroy(&t->lock);
	free(t->trusted);
	free(t->v);
	free(t);
}

void
conns_addr_str(const struct sockaddr *addr, char *buf, size_t len)
{
	const void *a = NULL;

	snprintf(buf, len, "-");
	if (addr == NULL)
		return;
	if (addr->sa_family == AF_INET)
		a = &((const struct sockaddr_in *)(const void *)addr)->sin_addr;
	else if (addr->sa_family == AF_INET6)
		a = &((const struct sockaddr_in6 *)(const void *)addr)->
		    sin6_addr;
	if (a == NULL || inet_ntop(addr->sa_family, a, buf,
	    (socklen_t)len) == NULL)
		snprintf(buf, len, "-");
}

int
conns_trusted(const struct conns *t, const char *addr)
{
	char needle[56];

	snprintf(needle, sizeof(needle), ",%s,", addr);
	return strstr(t->trusted, needle) != NULL;
}

static struct entry *
find(struct conns *t, const void *key)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].key == key)
			return &t->v[i];
	return NULL;
}

static void
shut(struct entry *e)
{
	if (!e->closing)
		shutdown(e->fd, SHUT_RDWR);
	e->closing = 1;
}

/*
 * The oldest waiting (not busy, not closing) connection of addr (any when
 * NULL) that has waited longer than the grace a new connection gets to
 * send its request: a client that sends its request at once is never
 * taken for an idle one, even when a burst of new connections arrives
 * before its headers are read.  NULL when there is none.
 */
static struct entry *
oldest_idle(struct conns *t, const char *addr, long long now)
{
	struct entry *best = NULL;
	size_t i;

	for (i = 0; i < t->n; i++) {
		struct entry *e = &t->v[i];

		if (e->busy || e->closing || now - e->since < GRACE_MS)
			continue;
		if (addr != NULL && strcmp(e->addr, addr) != 0)
			continue;
		if (best == NULL || e->since < best->since)
			best = e;
	}
	return best;
}

/* Live connections, all or of one address. */
static unsigned
live(struct conns *t, const char *addr)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!t->v[i].closing && (addr == NULL ||
		    strcmp(t->v[i].addr, addr) == 0))
			n++;
	return n;
}

/*
 * Bring a count over its limit back by closing the oldest idle ones.
 * When none has waited past its grace, the count stays over for now (the
 * sweep comes back to it; libmicrohttpd's own limit, above ours, bounds
 * it), rather than close a new connection that may be a real request.
 */
static void
make_room(struct conns *t, const char *addr, unsigned limit, long long now)
{
	struct entry *victim;

	while (live(t, addr) > limit &&
	    (victim = oldest_idle(t, addr, now)) != NULL)
		shut(victim);
}

void
conns_open(struct conns *t, const void *key, int fd,
    const struct sockaddr *addr)
{
	struct entry *e;

	pthread_mutex_lock(&t->lock);
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	e = &t->v[t->n++];
	memset(e, 0, sizeof(*e));
	e->key = key;
	e->fd = fd;
	e->since = now_ms();
	conns_addr_str(addr, e->addr, sizeof(e->addr));
	e->exempt = conns_trusted(t, e->addr);
	if (!e->exempt)
		make_room(t, e->addr, t->lim.per_addr, e->since);
	make_room(t, NULL, t->lim.total, e->since);
	pthread_mutex_unlock(&t->lock);
}

void
conns_busy(struct conns *t, const void *key)
{
	struct entry *e;

	pthread_mutex_lock(&t->lock);
	if ((e = find(t, key)) != NULL)
		e->busy = 1;
	pthread_mutex_unlock(&t->lock);
}

void
conns_idle(struct conns *t, const void *key)
{
	struct entry *e;

	pthread_mutex_lock(&t->lock);
	if ((e = find(t, key)) != NULL) {
		e->busy = 0;
		e->since = now_ms();
	}
	pthread_mutex_unlock(&t->lock);
}

void
conns_close(struct conns *t, const void *key)
{
	struct entry *e;

	pthread_mutex_lock(&t->lock);
	if ((e = find(t, key)) != NULL)
		*e = t->v[--t->n];
	pthread_mutex_unlock(&t->lock);
}

static int
addr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* make_room() for every address over the per-address limit: the live
 * connections' addresses sorted, so each address is one run. */
static void
per_addr_room(struct conns *t, long long now)
{
	const char **v = xcalloc(t->n + 1, sizeof(*v));
	size_t i, j, n = 0;

	for (i = 0; i < t->n; i++)
		if (!t->v[i].exempt && !t->v[i].closing)
			v[n++] = t->v[i].addr;
	if (n > 1)
		qsort(v, n, sizeof(*v), addr_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j], v[i]) == 0; j++)
			;
		if (j - i > t->lim.per_addr) {
			char addr[48];

			/* v[i] points into the table, which shut() does
			 * not move; copied all the same for clarity. */
			snprintf(addr, sizeof(addr), "%s", v[i]);
			make_room(t, addr, t->lim.per_addr, now);
		}
	}
	free(v);
}

unsigned
conns_sweep(struct conns *t)
{
	long long now = now_ms(), limit = now - (long long)t->lim.header_ms;
	unsigned n = 0;
	size_t i;

	pthread_mutex_lock(&t->lock);
	for (i = 0; i < t->n; i++)
		if (!t->v[i].busy && !t->v[i].closing &&
		    t->v[i].since < limit) {
			shut(&t->v[i]);
			n++;
		}
	/* What conns_open() had to leave over a limit. */
	if (live(t, NULL) > t->lim.per_addr)
		per_addr_room(t, now);
	make_room(t, NULL, t->lim.total, now);
	pthread_mutex_unlock(&t->lock);
	return n;
}

unsigned
conns_count(struct conns *t)
{
	unsigned n;

	pthread_mutex_lock(&t->lock);
	n = live(t, NULL);
	pthread_mutex_unlock(&t->lock);
	return n;
}

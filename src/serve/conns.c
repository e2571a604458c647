/*
 * The connection table.  A connection is closed from here with
 * shutdown(2), never close(2): libmicrohttpd owns the descriptor, sees the
 * shutdown as the peer going away and cleans up, telling us through
 * conns_close() while the descriptor is still open (libmicrohttpd 0.9.75
 * notifies before it closes the socket, and the table's lock is held on
 * both sides), so a shutdown never reaches a reused descriptor.
 *
 * Every operation is cheap with thousands of connections, as a flood
 * makes it run thousands of times a second: a connection is its own
 * allocation (libmicrohttpd keeps the handle), addresses are found in a
 * tree (tsearch), and the connections waiting for their clients are kept
 * on lists in the order they started waiting, so the oldest is the
 * first, and the sweep stops at the first one whose deadline is ahead.
 */
#include <sys/queue.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <pthread.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conns.h"
#include "util.h"

/* How long a new connection may wait for its request before it can be
 * taken for a slow one and closed to make room. */
#define GRACE_MS	200

enum conn_state {
	CONN_WAIT,		/* for its request's headers (or idle) */
	CONN_BODY,		/* for the rest of its request's body */
	CONN_RUN,		/* the request runs or is being answered */
	CONN_CLOSING		/* shut down, waiting for libmicrohttpd */
};

TAILQ_HEAD(conn_list, conn);

struct addr {
	char name[48];		/* numeric, as conns_addr_str() writes */
	unsigned live;		/* connections not closing */
	unsigned refs;		/* connections, closing ones too */
	int over;		/* on the table's list of addresses over */
	struct conn_list slow;	/* its waiting ones, oldest first */
	TAILQ_ENTRY(addr) over_link;
};

struct conn {
	int fd;
	enum conn_state state;
	int exempt;		/* a trusted proxy: no per-address limit */
	struct addr *a;
	long long since;	/* ms: when it started waiting */
	long long body_start;	/* ms: when its headers were complete */
	unsigned long long got;	/* body bytes since */
	TAILQ_ENTRY(conn) slow;		/* the table's waiting ones */
	TAILQ_ENTRY(conn) aslow;	/* its address's */
	TAILQ_ENTRY(conn) phase;	/* the table's wait or body list */
};

struct conns {
	pthread_mutex_t lock;
	struct conns_limits lim;
	char *trusted;
	void *addrs;		/* tsearch tree of struct addr */
	unsigned live;
	unsigned shut;		/* closed by the table, ever */
	unsigned taken;		/* of which conns_take_shut() told */
	struct conn_list slow;	/* waits and bodies, oldest first */
	struct conn_list wait;	/* CONN_WAIT, by since */
	struct conn_list body;	/* CONN_BODY, by body_start */
	TAILQ_HEAD(, addr) over;	/* addresses left over their limit */
};

static int addr_cmp(const void *, const void *);

static long long
system_ms(void)
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
	if (t->lim.clock == NULL)
		t->lim.clock = system_ms;
	if (t->lim.body_rate == 0)
		t->lim.body_rate = 1;
	TAILQ_INIT(&t->slow);
	TAILQ_INIT(&t->wait);
	TAILQ_INIT(&t->body);
	TAILQ_INIT(&t->over);
	return t;
}

void
conns_free(struct conns *t)
{
	if (t == NULL)
		return;
	pthread_mutex_destroy(&t->lock);
	/* Empty when every connection is closed; the root of a tsearch
	 * tree points to its key, as every node does. */
	while (t->addrs != NULL) {
		struct addr *a = *(struct addr **)t->addrs;

		tdelete(a, &t->addrs, addr_cmp);
		free(a);
	}
	free(t->trusted);
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

static int
addr_cmp(const void *a, const void *b)
{
	return strcmp(((const struct addr *)a)->name,
	    ((const struct addr *)b)->name);
}

/* The address of that name, made when new. */
static struct addr *
addr_get(struct conns *t, const char *name)
{
	struct addr key, *a, **node;

	snprintf(key.name, sizeof(key.name), "%s", name);
	if ((node = tfind(&key, &t->addrs, addr_cmp)) != NULL)
		return *node;
	a = xcalloc(1, sizeof(*a));
	memcpy(a->name, key.name, sizeof(a->name));
	TAILQ_INIT(&a->slow);
	if (tsearch(a, &t->addrs, addr_cmp) == NULL)
		fatal("out of memory");
	return a;
}

static void
addr_put(struct conns *t, struct addr *a)
{
	if (--a->refs > 0)
		return;
	if (a->over)
		TAILQ_REMOVE(&t->over, a, over_link);
	tdelete(a, &t->addrs, addr_cmp);
	free(a);
}

/* Take c off the lists of its state. */
static void
unlink_conn(struct conns *t, struct conn *c)
{
	if (c->state != CONN_WAIT && c->state != CONN_BODY)
		return;
	TAILQ_REMOVE(&t->slow, c, slow);
	TAILQ_REMOVE(&c->a->slow, c, aslow);
	TAILQ_REMOVE(c->state == CONN_WAIT ? &t->wait : &t->body, c, phase);
}

/* c starts waiting for a request, now: the newest of every list. */
static void
link_wait(struct conns *t, struct conn *c, long long now)
{
	c->state = CONN_WAIT;
	c->since = now;
	TAILQ_INSERT_TAIL(&t->slow, c, slow);
	TAILQ_INSERT_TAIL(&c->a->slow, c, aslow);
	TAILQ_INSERT_TAIL(&t->wait, c, phase);
}

static void
shut(struct conns *t, struct conn *c)
{
	if (c->state == CONN_CLOSING)
		return;
	unlink_conn(t, c);
	shutdown(c->fd, SHUT_RDWR);
	c->state = CONN_CLOSING;
	t->shut++;
	t->live--;
	c->a->live--;
}

/* The oldest of a slow list, if it has waited past the grace. */
static struct conn *
victim(struct conn *oldest, long long now)
{
	return oldest != NULL && now - oldest->since >= GRACE_MS ? oldest :
	    NULL;
}

/* Bring the address back to its limit, as far as its slow connections
 * past the grace allow; 1 if it is still over. */
static int
addr_room(struct conns *t, struct addr *a, long long now)
{
	struct conn *v;

	while (a->live > t->lim.per_addr &&
	    (v = victim(TAILQ_FIRST(&a->slow), now)) != NULL)
		shut(t, v);
	return a->live > t->lim.per_addr;
}

static void
total_room(struct conns *t, long long now)
{
	struct conn *v;

	while (t->live > t->lim.total &&
	    (v = victim(TAILQ_FIRST(&t->slow), now)) != NULL)
		shut(t, v);
}

/*
 * The limits at accept.  c is the newest of its lists: when it is the
 * only slow connection of its address (or of all), every other one runs
 * a request and no room can be made, so c goes.  Otherwise the oldest
 * past the grace goes; when none has waited that long yet, the sweep
 * comes back to it, rather than close a new connection that may be a
 * real request.
 */
static void
limit_new(struct conns *t, struct conn *c, long long now)
{
	struct addr *a = c->a;

	if (!c->exempt && a->live > t->lim.per_addr) {
		if (TAILQ_FIRST(&a->slow) == c)
			shut(t, c);
		else if (addr_room(t, a, now) && !a->over) {
			a->over = 1;
			TAILQ_INSERT_TAIL(&t->over, a, over_link);
		}
	}
	if (c->state != CONN_CLOSING && t->live > t->lim.total) {
		if (TAILQ_FIRST(&t->slow) == c)
			shut(t, c);
		else
			total_room(t, now);
	}
}

struct conn *
conns_open(struct conns *t, int fd, const struct sockaddr *addr)
{
	struct conn *c = xcalloc(1, sizeof(*c));
	char name[48];
	long long now;

	conns_addr_str(addr, name, sizeof(name));
	pthread_mutex_lock(&t->lock);
	now = t->lim.clock();
	c->fd = fd;
	c->a = addr_get(t, name);
	c->a->refs++;
	c->a->live++;
	c->exempt = conns_trusted(t, name);
	t->live++;
	link_wait(t, c, now);
	limit_new(t, c, now);
	pthread_mutex_unlock(&t->lock);
	return c;
}

void
conns_request(struct conns *t, struct conn *c)
{
	pthread_mutex_lock(&t->lock);
	if (c->state == CONN_WAIT) {
		/* Still the same wait on the slow lists: a request that
		 * began long ago is no younger for having sent its
		 * headers. */
		TAILQ_REMOVE(&t->wait, c, phase);
		c->state = CONN_BODY;
		c->body_start = t->lim.clock();
		c->got = 0;
		TAILQ_INSERT_TAIL(&t->body, c, phase);
	}
	pthread_mutex_unlock(&t->lock);
}

void
conns_received(struct conns *t, struct conn *c, size_t n)
{
	pthread_mutex_lock(&t->lock);
	if (c->state == CONN_BODY)
		c->got += n;
	pthread_mutex_unlock(&t->lock);
}

void
conns_run(struct conns *t, struct conn *c)
{
	pthread_mutex_lock(&t->lock);
	if (c->state == CONN_WAIT || c->state == CONN_BODY) {
		unlink_conn(t, c);
		c->state = CONN_RUN;
	}
	pthread_mutex_unlock(&t->lock);
}

void
conns_idle(struct conns *t, struct conn *c)
{
	pthread_mutex_lock(&t->lock);
	if (c->state != CONN_CLOSING) {
		unlink_conn(t, c);
		link_wait(t, c, t->lim.clock());
	}
	pthread_mutex_unlock(&t->lock);
}

void
conns_close(struct conns *t, struct conn *c)
{
	pthread_mutex_lock(&t->lock);
	if (c->state != CONN_CLOSING) {
		unlink_conn(t, c);
		t->live--;
		c->a->live--;
	}
	addr_put(t, c->a);
	pthread_mutex_unlock(&t->lock);
	free(c);
}

/* When a body must be complete: its deadline, and a second more for
 * every body_rate bytes it sent. */
static long long
body_deadline(const struct conns *t, const struct conn *c)
{
	return c->body_start + t->lim.body_ms +
	    (long long)(c->got * 1000 / t->lim.body_rate);
}

/* Past their deadline: waits from the oldest until the first in time;
 * bodies from the oldest until the first that started too recently to
 * be late, each checked, as each has its own deadline. */
static void
deadlines(struct conns *t, long long now)
{
	struct conn *c, *next;

	while ((c = TAILQ_FIRST(&t->wait)) != NULL &&
	    now - c->since >= t->lim.header_ms)
		shut(t, c);
	for (c = TAILQ_FIRST(&t->body); c != NULL &&
	    now - c->body_start >= t->lim.body_ms; c = next) {
		next = TAILQ_NEXT(c, phase);
		if (now >= body_deadline(t, c))
			shut(t, c);
	}
}

unsigned
conns_sweep(struct conns *t)
{
	struct addr *a, *next;
	unsigned n, before;
	long long now;

	pthread_mutex_lock(&t->lock);
	now = t->lim.clock();
	before = t->shut;
	deadlines(t, now);
	/* What conns_open() had to leave over a limit. */
	for (a = TAILQ_FIRST(&t->over); a != NULL; a = next) {
		next = TAILQ_NEXT(a, over_link);
		if (!addr_room(t, a, now)) {
			TAILQ_REMOVE(&t->over, a, over_link);
			a->over = 0;
		}
	}
	total_room(t, now);
	n = t->shut - before;
	pthread_mutex_unlock(&t->lock);
	return n;
}

unsigned
conns_count(struct conns *t)
{
	unsigned n;

	pthread_mutex_lock(&t->lock);
	n = t->live;
	pthread_mutex_unlock(&t->lock);
	return n;
}

int
conns_was_shut(struct conns *t, struct conn *c)
{
	int shut;

	pthread_mutex_lock(&t->lock);
	shut = c->state == CONN_CLOSING;
	pthread_mutex_unlock(&t->lock);
	return shut;
}

unsigned
conns_take_shut(struct conns *t)
{
	unsigned n;

	pthread_mutex_lock(&t->lock);
	n = t->shut - t->taken;
	t->taken = t->shut;
	pthread_mutex_unlock(&t->lock);
	return n;
}

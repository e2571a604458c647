/*
 * The server's connection table: who is connected, from where, and in
 * which phase of a request.  It enforces what libmicrohttpd cannot: a
 * deadline for a request's headers and one for its body that grows with
 * what arrives (an idle timeout alone lets a client trickle a byte every
 * few seconds forever), a per-address limit that counts every phase and
 * that proxies are exempt from, and a total limit; a new connection over
 * a limit closes the oldest slow one (waiting for its headers or its
 * body) rather than being refused.  No HTTP here: http.c reports
 * connections, requests, body bytes and their ends.
 */
#ifndef KYNIEM_CONNS_H
#define KYNIEM_CONNS_H

#include <sys/socket.h>

#include <stddef.h>

struct conns;
struct conn;

struct conns_limits {
	unsigned total;		/* connections at once */
	unsigned per_addr;	/* from one address (proxies exempt) */
	unsigned header_ms;	/* from waiting to headers complete */
	unsigned body_ms;	/* from headers complete to the body's end, */
	unsigned body_rate;	/* plus a second per body_rate bytes read */
	const char *trusted;	/* proxies' addresses, ",127.0.0.1,::1," */
	long long (*clock)(void);	/* ms, monotonic; NULL: the system's */
};

/* A new table; never NULL.  limits->trusted is copied. */
struct conns *conns_new(const struct conns_limits *limits);
/* Free the table, once every connection is closed. */
void conns_free(struct conns *t);

/*
 * A connection was accepted on socket fd from addr: count it, waiting for
 * its request.  Over the address's limit, it closes the address's oldest
 * slow connection (one that has waited past a short grace); when every
 * other connection of the address is running a request, it closes the
 * new one instead.  The total limit likewise.  Returns the connection's
 * handle, valid until conns_close().
 */
struct conn *conns_open(struct conns *t, int fd, const struct sockaddr *addr);
/* Its request's headers are complete: the body, if any, is awaited. */
void conns_request(struct conns *t, struct conn *c);
/* n more bytes of the body arrived. */
void conns_received(struct conns *t, struct conn *c, size_t n);
/* The whole request is in: it runs, and no deadline applies. */
void conns_run(struct conns *t, struct conn *c);
/* The request is answered; the connection waits for the next one. */
void conns_idle(struct conns *t, struct conn *c);
/* The connection is gone (its socket is about to be closed); c is
 * freed. */
void conns_close(struct conns *t, struct conn *c);

/* Close every connection past its header or body deadline, and those a
 * limit still has too many of; returns how many. */
unsigned conns_sweep(struct conns *t);

/* Connections counted now (not closing). */
unsigned conns_count(struct conns *t);

/* 1 if the table closed c (a deadline or a limit), which is on its way
 * out. */
int conns_was_shut(struct conns *t, struct conn *c);
/* How many connections the table closed since the last call. */
unsigned conns_take_shut(struct conns *t);

/* 1 if the address (numeric, "127.0.0.1") is a trusted proxy's. */
int conns_trusted(const struct conns *t, const char *addr);

/* The numeric form of addr into buf ("-" when unknown). */
void conns_addr_str(const struct sockaddr *addr, char *buf, size_t len);

#endif

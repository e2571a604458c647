/*
 * The server's connection table: who is connected, from where, and
 * whether a request is running.  It enforces what libmicrohttpd cannot:
 * a deadline for a whole request's headers (an idle timeout alone lets a
 * client trickle a header line every few seconds forever), a per-address
 * limit that proxies are exempt from, and a total limit that closes the
 * oldest idle connection rather than refusing a new one.  No HTTP here:
 * http.c reports connections, requests and their ends.
 */
#ifndef KYNIEM_CONNS_H
#define KYNIEM_CONNS_H

#include <sys/socket.h>

#include <stddef.h>

struct conns;

struct conns_limits {
	unsigned total;		/* connections at once */
	unsigned per_addr;	/* from one address (proxies exempt) */
	unsigned header_ms;	/* from waiting to headers complete */
	const char *trusted;	/* proxies' addresses, ",127.0.0.1,::1," */
};

/* A new table; never NULL.  limits->trusted is copied. */
struct conns *conns_new(const struct conns_limits *limits);
void conns_free(struct conns *t);

/*
 * A connection was accepted on socket fd from addr: count it, and make
 * room within the limits by closing the oldest idle connection (of the
 * same address for the per-address limit); when no connection is idle,
 * the new one is closed instead.  key identifies the connection.
 */
void conns_open(struct conns *t, const void *key, int fd,
    const struct sockaddr *addr);
/* Its headers are complete: a request is running. */
void conns_busy(struct conns *t, const void *key);
/* The request is answered; the connection waits for the next one. */
void conns_idle(struct conns *t, const void *key);
/* The connection is gone (its socket is about to be closed). */
void conns_close(struct conns *t, const void *key);

/* Close every connection waiting longer than the header deadline;
 * returns how many. */
unsigned conns_sweep(struct conns *t);

/* Connections counted now. */
unsigned conns_count(struct conns *t);

/* 1 if the address (numeric, "127.0.0.1") is a trusted proxy's. */
int conns_trusted(const struct conns *t, const char *addr);

/* The numeric form of addr into buf ("-" when unknown). */
void conns_addr_str(const struct sockaddr *addr, char *buf, size_t len);

#endif

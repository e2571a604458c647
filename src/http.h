/*
 * The HTTP server (libmicrohttpd): serves a published site from memory
 * with ETag, Last-Modified, 304s and gzip compressed once per publish,
 * routes requests through a small table, and logs one line per request.
 * Building the site is site.c's job; when to rebuild is cmd_serve.c's.
 */
#ifndef KYNIEM_HTTP_H
#define KYNIEM_HTTP_H

#include <stddef.h>
#include <time.h>

struct site;
struct http_server;

struct http_opts {
	const char *listen;	/* "ADDR:PORT", "[V6]:PORT"; port 0 = any */
	int listen_fd;		/* a listening socket passed in, or -1 */
	unsigned max_connections;	/* at once; the oldest idle goes */
	unsigned per_addr;	/* connections from one address */
	unsigned header_seconds;	/* to send a request's headers */
	const char *trusted;	/* proxies' addresses, ",127.0.0.1,", or
				   NULL: their X-Real-IP is believed */
	unsigned timeout;	/* idle seconds before a connection is closed */
	size_t memory_limit;	/* per connection; bounds URL and headers */
	unsigned threads;	/* worker threads, 0 = one per CPU */
	struct site *site;	/* published before the first accept, or NULL */
	time_t now;		/* when site was built */
};

/* Defaults: 127.0.0.1:8080, 4096 connections, 64 per address, 10 s for
 * headers, 15 s idle, 32 KiB, a thread per CPU. */
void http_opts_init(struct http_opts *o);

/*
 * Bind (unless listen_fd is given) and start serving o->site, taken over
 * as by http_publish(), or else an empty site: every feed is a 404 and /
 * says it is starting, until http_publish().  Returns 0 and *out, or -1
 * (logged).
 */
int http_start(const struct http_opts *o, struct http_server **out);

/* The port actually bound (useful with port 0). */
unsigned http_port(const struct http_server *srv);

/*
 * Serve site from now on; srv takes it over (site is left empty).  The
 * previous site keeps serving requests already under way and is freed when
 * they finish.  Compression and hashing happen here, outside any lock.
 * now is the build time, the Last-Modified of a document whose bytes
 * changed without its rows saying so.
 */
void http_publish(struct http_server *srv, struct site *site, time_t now);

/* Requests received and not yet fully answered (or aborted). */
unsigned http_inflight(struct http_server *srv);

/* Stop accepting new connections; those open are still served. */
void http_quiesce(struct http_server *srv);
/* Close every connection, join the threads and free srv (NULL is fine). */
void http_stop(struct http_server *srv);

#endif

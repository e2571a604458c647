/*
 * The HTTP server (libmicrohttpd): serves a published site from memory
 * with ETag, Last-Modified, 304s and gzip compressed once per publish,
 * hands the paths of an application (the staff web application) to its
 * handler with the request's form already collected, and logs one line
 * per request.  Building the site is site.c's job; when to rebuild is
 * cmd_serve.c's; the application's pages are web.c's.
 */
#ifndef KYNIEM_HTTP_H
#define KYNIEM_HTTP_H

#include <stddef.h>
#include <time.h>

#include "util.h"

struct site;
struct http_server;
struct http_req;

/* What an application's handler reads of a request (all borrowed). */
const char *http_req_method(const struct http_req *rq);
const char *http_req_path(const struct http_req *rq);
/* The client: the peer, or a trusted proxy's X-Real-IP. */
const char *http_req_client(const struct http_req *rq);
const char *http_req_header(const struct http_req *rq, const char *name);
const char *http_req_query(const struct http_req *rq, const char *name);
const char *http_req_cookie(const struct http_req *rq, const char *name);
/* A field of a POSTed form, or NULL. */
const char *http_req_field(const struct http_req *rq, const char *name);
/* The nth field called name (from 0), or NULL past the last. */
const char *http_req_field_nth(const struct http_req *rq, const char *name,
    size_t nth);
/* A file of a multipart form: 0 and its bytes, or -1. */
int http_req_file(const struct http_req *rq, const char *name,
    const char **data, size_t *len, const char **filename);
/* 1 when the body passed a limit (answer 413), 2 when it was no form or
 * held a NUL in a text field (answer 400), else 0. */
int http_req_body_problem(const struct http_req *rq);

/* What a handler answers; http.c sends it. */
struct http_resp {
	unsigned status;
	const char *ctype;	/* static string */
	struct buf body;
	struct buf headers;	/* "Name: value\n" lines */
};

/* Add a header; a value with CR or LF is a bug of ours (fatal). */
void http_resp_header(struct http_resp *rs, const char *name,
    const char *value);

/* A part of the site answered per request: every path under prefix. */
struct http_app {
	const char *prefix;	/* "/app": that path and what is below it */
	/* Fill rs (status 200 and text/html set before); 0, or -1 for a
	 * 500 the handler has logged. */
	int (*handle)(void *cls, const struct http_req *rq,
	    struct http_resp *rs);
	void *cls;
	size_t max_body;	/* bytes of a POST body (an upload) */
};

struct http_opts {
	const char *listen;	/* "ADDR:PORT", "[V6]:PORT"; port 0 = any */
	int listen_fd;		/* a listening socket passed in, or -1 */
	unsigned max_connections;	/* at once; the oldest idle goes */
	unsigned per_addr;	/* connections from one address */
	unsigned header_seconds;	/* to send a request's headers */
	unsigned body_seconds;	/* to send a request's body, and */
	unsigned body_min_rate;	/* a second more per this many bytes */
	const char *trusted;	/* proxies' addresses, ",127.0.0.1,", or
				   NULL: their X-Real-IP is believed */
	unsigned timeout;	/* idle seconds before a connection is closed */
	size_t memory_limit;	/* per connection; bounds URL and headers */
	unsigned threads;	/* worker threads, 0 = one per CPU */
	struct site *site;	/* published before the first accept, or NULL */
	time_t now;		/* when site was built */
	const struct http_app *apps;	/* borrowed for the server's life */
	size_t napps;
};

/* Defaults: 127.0.0.1:8080, 4096 connections, 64 per address, 10 s for
 * headers, 20 s and 500 bytes a second for a body, 15 s idle, 32 KiB, a
 * thread per CPU. */
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

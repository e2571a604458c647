/*
 * The feed server on libmicrohttpd.  A published site becomes a snapshot
 * of prebuilt responses (plain, gzip, 304) that any number of connections
 * share; a new snapshot replaces the old one under a write lock, and the
 * old bodies are freed by libmicrohttpd when the last response using them
 * is done, so no request ever sees a half-built or freed feed.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "conns.h"
#include "escape.h"
#include "form.h"
#include "http.h"
#include "httpreq.h"
#include "log.h"
#include "site.h"
#include "snap.h"
#include "util.h"

#define LOG_URL_MAX	160

struct http_server {
	struct MHD_Daemon *d;
	int fd;
	unsigned port;
	pthread_rwlock_t lock;	/* guards cur */
	struct snap *cur;
	atomic_uint inflight;	/* requests from headers to completion */
	struct conns *conns;	/* limits and the header deadline */
	pthread_t sweeper;
	atomic_int stopping;
	const struct http_app *apps;
	size_t napps;
};

/* Per-request state, for the access log. */
struct http_req {
	struct timespec start;
	unsigned status;
	const char *enc;
	char method[16];
	char url[LOG_URL_MAX];
	char client[48];	/* the peer, or a trusted proxy's client */
	struct conn *conn;	/* in the connection table, or NULL */
	/* For an application's path: */
	struct MHD_Connection *c;
	const struct http_app *app;
	char *path;		/* the whole path (url is cut for the log) */
	int post, noform;	/* a POST; whose body is not a form */
	struct form form;
};

struct route;
typedef enum MHD_Result (*route_fn)(struct http_server *, struct
    MHD_Connection *, const char *, struct http_req *);

/* The router: one row per path or path prefix. */
struct route {
	const char *path;
	int prefix;		/* 1: path is a prefix */
	route_fn fn;
};

void
http_opts_init(struct http_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->listen = "127.0.0.1:8080";
	o->listen_fd = -1;
	o->max_connections = 4096;
	o->per_addr = 64;
	o->header_seconds = 10;
	o->body_seconds = 20;
	o->body_min_rate = 500;
	o->timeout = 15;
	o->memory_limit = 32 * 1024;
}

void
http_publish(struct http_server *srv, struct site *site, time_t now)
{
	struct snap *s, *old;

	/* The previous snapshot only lends validators: it is read, under
	 * the read lock, while the new one is built. */
	pthread_rwlock_rdlock(&srv->lock);
	s = snap_build(site, srv->cur, now);
	pthread_rwlock_unlock(&srv->lock);
	pthread_rwlock_wrlock(&srv->lock);
	old = srv->cur;
	srv->cur = s;
	pthread_rwlock_unlock(&srv->lock);
	snap_free(old);
}

/* Requests. */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static enum MHD_Result
reply(struct MHD_Connection *c, struct http_req *rq, unsigned status,
    struct MHD_Response *r)
{
	rq->status = status;
	return MHD_queue_response(c, status, r);
}

/* A short text/plain answer, built per request (errors, health); with
 * close, the connection is closed after it. */
static enum MHD_Result
answer_text(struct MHD_Connection *c, struct http_req *rq, unsigned status,
    const char *text, int close)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(strlen(text), (void *)(uintptr_t)
	    text, MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/plain; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW,
		    rq->app != NULL ? "GET, HEAD, POST" : "GET, HEAD");
	if (close)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION,
		    "close");
	ret = reply(c, rq, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
reply_text(struct MHD_Connection *c, struct http_req *rq, unsigned status,
    const char *text)
{
	return answer_text(c, rq, status, text, 0);
}

static enum MHD_Result
not_found(struct MHD_Connection *c, struct http_req *rq)
{
	return reply_text(c, rq, MHD_HTTP_NOT_FOUND, "not found\n");
}

/* The condition of RFC 9110 13.2.2 on this request's headers. */
static int
not_modified(struct MHD_Connection *c, const char *etag, time_t lastmod)
{
	return httpreq_not_modified(MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH),
	    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_IF_MODIFIED_SINCE), etag, lastmod);
}

/* Queue the snapshot's document at path; the caller holds the lock. */
static enum MHD_Result
serve_doc(struct http_server *srv, struct MHD_Connection *c,
    const char *path, const char *token, struct http_req *rq)
{
	const struct res *r = snap_find_for(srv->cur, path, token);
	const char *ae;
	int gz;

	if (r == NULL)
		return not_found(c, rq);
	ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_ACCEPT_ENCODING);
	gz = r->gz != NULL && httpreq_accepts_gzip(ae);
	if (not_modified(c, gz ? r->etag_gz : r->etag, r->lastmod))
		return reply(c, rq, MHD_HTTP_NOT_MODIFIED, gz ? r->nm_gz :
		    r->nm_plain);
	rq->enc = gz ? "gzip" : NULL;
	return reply(c, rq, MHD_HTTP_OK, gz ? r->gz : r->plain);
}

/* The document at path for the request's ?token=, or for the token
 * given (the Bearer credentials of /records/). */
static enum MHD_Result
locked_doc_token(struct http_server *srv, struct MHD_Connection *c,
    const char *path, const char *token, struct http_req *rq)
{
	enum MHD_Result ret;

	pthread_rwlock_rdlock(&srv->lock);
	if (srv->cur == NULL)
		ret = reply_text(c, rq, MHD_HTTP_SERVICE_UNAVAILABLE,
		    "starting\n");
	else
		ret = serve_doc(srv, c, path, token, rq);
	pthread_rwlock_unlock(&srv->lock);
	return ret;
}

static enum MHD_Result
locked_doc(struct http_server *srv, struct MHD_Connection *c,
    const char *path, struct http_req *rq)
{
	return locked_doc_token(srv, c, path, MHD_lookup_connection_value(c,
	    MHD_GET_ARGUMENT_KIND, "token"), rq);
}

static enum MHD_Result
route_index(struct http_server *srv, struct MHD_Connection *c,
    const char *url, struct http_req *rq)
{
	const char *lang = MHD_lookup_connection_value(c,
	    MHD_GET_ARGUMENT_KIND, "lang");

	if (strcmp(url, "/") != 0)
		return locked_doc(srv, c, url, rq);	/* /index*.html */
	return locked_doc(srv, c, lang != NULL && strcmp(lang, "en") == 0 ?
	    "/index.en.html" : "/index.html", rq);
}

static enum MHD_Result
route_health(struct http_server *srv, struct MHD_Connection *c,
    const char *url, struct http_req *rq)
{
	int ready;

	(void)url;
	pthread_rwlock_rdlock(&srv->lock);
	ready = srv->cur != NULL;
	pthread_rwlock_unlock(&srv->lock);
	return ready ? reply_text(c, rq, MHD_HTTP_OK, "ok\n") :
	    reply_text(c, rq, MHD_HTTP_SERVICE_UNAVAILABLE, "starting\n");
}

static enum MHD_Result
route_calendar(struct http_server *srv, struct MHD_Connection *c,
    const char *url, struct http_req *rq)
{
	size_t n = strlen(url);

	if (n < 5 || strcmp(url + n - 4, ".ics") != 0)
		return not_found(c, rq);
	return locked_doc(srv, c, url, rq);
}

/* /plan/YEAR.docx, .html and .md: prebuilt by site.c from plan.c. */
static enum MHD_Result
route_plan(struct http_server *srv, struct MHD_Connection *c,
    const char *url, struct http_req *rq)
{
	const char *dot = strrchr(url, '.');

	if (dot == NULL || (strcmp(dot, ".docx") != 0 &&
	    strcmp(dot, ".html") != 0 && strcmp(dot, ".md") != 0))
		return not_found(c, rq);
	return locked_doc(srv, c, url, rq);
}

/*
 * /records/YEAR.json: the union's year record, built by site.c only with
 * [records] token and served only for it, as "Authorization: Bearer" or
 * ?token= (a wrong one is the same 404 as none: snap_find_for()).
 */
static enum MHD_Result
route_records(struct http_server *srv, struct MHD_Connection *c,
    const char *url, struct http_req *rq)
{
	const char *token = httpreq_bearer(MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION));
	size_t n = strlen(url);

	if (n < 6 || strcmp(url + n - 5, ".json") != 0)
		return not_found(c, rq);
	if (token == NULL)
		token = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND,
		    "token");
	if (token == NULL)
		return not_found(c, rq);
	return locked_doc_token(srv, c, url, token, rq);
}

static const struct route routes[] = {
	{ "/", 0, route_index },
	{ "/calendars/", 1, route_calendar },
	{ "/en/calendars/", 1, route_calendar },	/* English feeds */
	{ "/healthz", 0, route_health },
	{ "/index.en.html", 0, route_index },
	{ "/index.html", 0, route_index },
	{ "/plan/", 1, route_plan },
	{ "/records/", 1, route_records },
};

/*
 * Who the request is from: the peer, or for a trusted proxy (nginx in
 * front) the client it names in X-Real-IP or as the last X-Forwarded-For
 * hop; headers from anyone else are ignored, since anyone can send them.
 */
static void
client_of(struct http_server *srv, struct MHD_Connection *c, char *buf,
    size_t len)
{
	const union MHD_ConnectionInfo *ci;
	const char *h, *last;

	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	conns_addr_str(ci != NULL ? ci->client_addr : NULL, buf, len);
	if (!conns_trusted(srv->conns, buf))
		return;
	if ((h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "X-Real-IP")) == NULL && (h = MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, "X-Forwarded-For")) == NULL)
		return;
	last = strrchr(h, ',');
	last = last != NULL ? last + 1 : h;
	while (*last == ' ')
		last++;
	snprintf(buf, len, "%s", last);
}

/* The application whose prefix the path is under, or NULL. */
static const struct http_app *
app_of(struct http_server *srv, const char *url)
{
	size_t i, n;

	for (i = 0; i < srv->napps; i++) {
		n = strlen(srv->apps[i].prefix);
		if (strncmp(url, srv->apps[i].prefix, n) == 0 &&
		    (url[n] == '\0' || url[n] == '/'))
			return &srv->apps[i];
	}
	return NULL;
}

/* Pages and text downloads go out gzipped to a client that takes it, at
 * zlib's fastest level (made per request; a page is mostly markup, a
 * fifth of its size even so).  Their CSRF tokens are masked per
 * response (ui_csrf), so compression reveals nothing of them. */
#define APP_GZIP_MIN	1024

static struct MHD_Response *
app_body(struct http_req *rq, struct http_resp *rs)
{
	struct MHD_Response *r;
	size_t len = rs->body.len, gzlen;
	char *gz = NULL;

	if (len >= APP_GZIP_MIN && strncmp(rs->ctype, "text/", 5) == 0 &&
	    httpreq_accepts_gzip(MHD_lookup_connection_value(rq->c,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING)))
		gz = snap_gzip(rs->body.data, len, 1, &gzlen);
	if (gz == NULL) {
		r = snap_body_response(buf_detach(&rs->body), len);
	} else {
		buf_release(&rs->body);
		r = snap_body_response(gz, gzlen);
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING,
		    "gzip");
		rq->enc = "gzip";
	}
	if (strncmp(rs->ctype, "text/", 5) == 0)
		MHD_add_response_header(r, MHD_HTTP_HEADER_VARY,
		    "Accept-Encoding");
	return r;
}

/* Hand the request to its application and send what it answers; with
 * close, the connection is closed after it. */
static enum MHD_Result
answer_app(struct http_req *rq, const char *url, int close)
{
	struct http_resp rs;
	struct MHD_Response *r;
	enum MHD_Result ret;
	char *line, *save = NULL, *colon;

	rq->path = xstrdup(url);
	memset(&rs, 0, sizeof(rs));
	rs.status = MHD_HTTP_OK;
	rs.ctype = "text/html; charset=utf-8";
	buf_init(&rs.body);
	buf_init(&rs.headers);
	/* A C string even when the handler adds no header. */
	buf_add(&rs.headers, "", 0);
	if (rq->app->handle(rq->app->cls, rq, &rs) == -1) {
		buf_release(&rs.body);
		buf_release(&rs.headers);
		return reply_text(rq->c, rq, MHD_HTTP_INTERNAL_SERVER_ERROR,
		    "internal error\n");
	}
	r = app_body(rq, &rs);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs.ctype);
	for (line = strtok_r(rs.headers.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		if ((colon = strchr(line, ':')) != NULL) {
			*colon = '\0';
			MHD_add_response_header(r, line, colon + 2);
		}
	if (close)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION,
		    "close");
	buf_release(&rs.headers);
	ret = reply(rq->c, rq, rs.status, r);
	MHD_destroy_response(r);
	return ret;
}

const char *
http_req_method(const struct http_req *rq)
{
	return rq->method;
}

const char *
http_req_path(const struct http_req *rq)
{
	return rq->path;
}

const char *
http_req_client(const struct http_req *rq)
{
	return rq->client;
}

const char *
http_req_header(const struct http_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->c, MHD_HEADER_KIND, name);
}

const char *
http_req_query(const struct http_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->c, MHD_GET_ARGUMENT_KIND,
	    name);
}

const char *
http_req_cookie(const struct http_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->c, MHD_COOKIE_KIND, name);
}

const char *
http_req_field(const struct http_req *rq, const char *name)
{
	return rq->post ? form_get(&rq->form, name) : NULL;
}

int
http_req_file(const struct http_req *rq, const char *name,
    const char **data, size_t *len, const char **filename)
{
	return rq->post ? form_file(&rq->form, name, data, len, filename) :
	    -1;
}

int
http_req_body_problem(const struct http_req *rq)
{
	if (!rq->post)
		return 0;
	if (rq->form.too_big)
		return 1;
	return rq->noform || rq->form.bad ? 2 : 0;
}

void
http_resp_header(struct http_resp *rs, const char *name, const char *value)
{
	if (strpbrk(name, ":\r\n") != NULL || strpbrk(value, "\r\n") != NULL)
		fatal("a response header with a line break: %s", name);
	buf_printf(&rs->headers, "%s: %s\n", name, value);
}

/*
 * The header fields libmicrohttpd 0.9.75 takes as they come: each one's
 * syntax (a bare CR stays inside a value, a space before the colon in the
 * name), and those that frame the body, counted, since it reads only the
 * first of each and prefers Transfer-Encoding to Content-Length where a
 * proxy in front may do otherwise.
 */
struct fields {
	struct httpreq_framing f;
	int bad;
};

static enum MHD_Result
scan_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct fields *s = cls;

	(void)kind;
	if (value == NULL)
		value = "";
	if (!httpreq_field_ok(key, value))
		s->bad = 1;
	if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
		if (s->f.n_te++ == 0)
			s->f.te = value;
	} else if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
		if (s->f.n_cl++ == 0)
			s->f.cl = value;
	} else if (strcasecmp(key, MHD_HTTP_HEADER_EXPECT) == 0 &&
	    s->f.expect == NULL)
		s->f.expect = value;
	return MHD_YES;
}

/* A body nobody reads (a GET's) may be this long when the client asks
 * before sending it. */
#define IGNORED_BODY_MAX	(64 * 1024)

/* Whether the request's header must be refused before its body, and
 * with what; 0 if not. */
static unsigned
check_header(struct http_req *rq, const char *version, const char **why)
{
	struct fields s;

	memset(&s, 0, sizeof(s));
	s.f.http10 = strcmp(version, MHD_HTTP_VERSION_1_0) == 0;
	s.f.max_body = rq->post ? rq->app->max_body : IGNORED_BODY_MAX;
	MHD_get_connection_values(rq->c, MHD_HEADER_KIND, scan_field, &s);
	if (s.bad) {
		*why = "a malformed header field";
		return MHD_HTTP_BAD_REQUEST;
	}
	return httpreq_framing_refusal(&s.f, why);
}

/* The trailer fields after a chunked body: the same syntax. */
static int
trailer_ok(struct MHD_Connection *c)
{
	struct fields s;

	memset(&s, 0, sizeof(s));
	MHD_get_connection_values(c, MHD_FOOTER_KIND, scan_field, &s);
	return !s.bad;
}

/* Refuse the request before its body and close the connection:
 * libmicrohttpd reads none of the body and sends no "100 Continue". */
static enum MHD_Result
refuse(struct http_server *srv, struct http_req *rq, unsigned status,
    const char *why)
{
	char text[128];

	if (rq->conn != NULL)
		conns_run(srv->conns, rq->conn);
	snprintf(text, sizeof(text), "%s\n", why);
	return answer_text(rq->c, rq, status, text, 1);
}

/* The first call for a request, once its headers are in. */
static enum MHD_Result
begin(struct http_server *srv, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, void **con_cls)
{
	struct http_req *rq = xcalloc(1, sizeof(*rq));
	const union MHD_ConnectionInfo *ci;
	const char *why = NULL;
	unsigned status;

	clock_gettime(CLOCK_MONOTONIC, &rq->start);
	snprintf(rq->method, sizeof(rq->method), "%s", method);
	snprintf(rq->url, sizeof(rq->url), "%s", url);
	client_of(srv, c, rq->client, sizeof(rq->client));
	rq->c = c;
	rq->app = app_of(srv, url);
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	rq->conn = ci != NULL ? ci->socket_context : NULL;
	*con_cls = rq;
	atomic_fetch_add(&srv->inflight, 1);
	if (rq->conn != NULL)
		conns_request(srv->conns, rq->conn);
	rq->post = rq->app != NULL && strcmp(method, "POST") == 0;
	if ((status = check_header(rq, version, &why)) != 0 && rq->post &&
	    status == MHD_HTTP_CONTENT_TOO_LARGE) {
		/* In the application's words, as when a body turns out too
		 * large while it is read. */
		rq->form.too_big = 1;
		if (rq->conn != NULL)
			conns_run(srv->conns, rq->conn);
		return answer_app(rq, url, 1);
	}
	if (status != 0) {
		rq->post = 0;
		return refuse(srv, rq, status, why);
	}
	if (rq->post) {
		rq->noform = form_begin(&rq->form, c, rq->app->max_body) ==
		    -1;
		return MHD_YES;
	}
	/* Refused at once: libmicrohttpd then skips any body and closes
	 * the connection. */
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		if (rq->conn != NULL)
			conns_run(srv->conns, rq->conn);
		return reply_text(c, rq, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "method not allowed\n");
	}
	/* Answering a GET in this first call would make libmicrohttpd close
	 * the connection; the next call comes at once. */
	return MHD_YES;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct http_server *srv = cls;
	struct http_req *rq = *con_cls;
	size_t i, n;

	if (rq == NULL)
		return begin(srv, c, url, method, version, con_cls);
	/* A form is collected; any other body (on a GET, or after a
	 * refusal) is read and ignored.  The answer comes with the last
	 * call. */
	if (*upload_size != 0) {
		if (rq->conn != NULL)
			conns_received(srv->conns, rq->conn, *upload_size);
		if (rq->post && !rq->noform)
			form_feed(&rq->form, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->status != 0)
		return MHD_YES;
	/* The whole request is in: no deadline while it runs. */
	if (rq->conn != NULL)
		conns_run(srv->conns, rq->conn);
	/* RFC 9112 3.2: an HTTP/1.1 request without Host is a 400. */
	if (strcmp(version, MHD_HTTP_VERSION_1_1) == 0 &&
	    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST) == NULL)
		return reply_text(c, rq, MHD_HTTP_BAD_REQUEST, "no Host\n");
	if (!trailer_ok(c))
		return answer_text(c, rq, MHD_HTTP_BAD_REQUEST,
		    "a malformed trailer field\n", 1);
	if (!httpreq_path_ok(url, strlen(url)) || strchr(url, '%') != NULL)
		return reply_text(c, rq, MHD_HTTP_BAD_REQUEST, "bad path\n");
	if (rq->app != NULL)
		return answer_app(rq, url, 0);
	for (i = 0; i < NELEM(routes); i++) {
		n = strlen(routes[i].path);
		if (routes[i].prefix ? strncmp(url, routes[i].path, n) == 0 :
		    strcmp(url, routes[i].path) == 0)
			return routes[i].fn(srv, c, url, rq);
	}
	return not_found(c, rq);
}

/*
 * Decode %XX in a path or query value, except control characters and
 * DEL, which stay escaped: a decoded "%00" would cut the path short (and
 * serve another document), a "%0a" would reach the log as a new line.
 * What stays escaped keeps its '%', which the router refuses.
 */
static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char *r = s, *w = s;
	int hi, lo;

	(void)cls, (void)c;
	while (*r != '\0') {
		if (*r == '%' && (hi = hexval(r[1])) >= 0 &&
		    (lo = hexval(r[2])) >= 0 && hi * 16 + lo >= 0x20 &&
		    hi * 16 + lo != 0x7f) {
			*w++ = (char)(hi * 16 + lo);
			r += 3;
		} else
			*w++ = *r++;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* A request path for the log: every secret after "token=" hidden (a
 * token can come as a query string, which is never logged, but also as
 * ";token=" or a decoded "%3Ftoken=" inside the path), then escaped. */
static void
log_path(struct buf *b, const char *url)
{
	struct buf masked;
	const char *p = url, *t;

	buf_init(&masked);
	while ((t = strstr(p, "token=")) != NULL) {
		buf_add(&masked, p, (size_t)(t - p) + 6);
		buf_puts(&masked, "***");
		for (p = t + 6; *p != '\0' && strchr(";&/?", *p) == NULL; p++)
			;
	}
	buf_puts(&masked, p);
	esc_log(b, masked.data, LOG_URL_MAX);
	buf_release(&masked);
}

/* The access log: one line per request, escaped so that no request can
 * forge a line; query strings (tokens) left out.  A request whose
 * connection the table closed (a slow client, a limit) is only counted,
 * in the sweep's line a minute: a flood of them would flood the log. */
static void
completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct http_req *rq = *con_cls;
	struct http_server *srv = cls;
	struct timespec end;
	struct buf who, what, path;
	double ms;

	(void)c;
	if (rq == NULL)
		return;
	atomic_fetch_sub(&srv->inflight, 1);
	if (rq->conn != NULL && conns_was_shut(srv->conns, rq->conn))
		goto done;
	if (rq->conn != NULL)
		conns_idle(srv->conns, rq->conn);
	clock_gettime(CLOCK_MONOTONIC, &end);
	ms = (double)(end.tv_sec - rq->start.tv_sec) * 1e3 +
	    (double)(end.tv_nsec - rq->start.tv_nsec) / 1e6;
	buf_init(&who);
	buf_init(&what);
	buf_init(&path);
	esc_log(&who, rq->client, sizeof(rq->client));
	esc_log(&what, rq->method, sizeof(rq->method));
	log_path(&path, rq->url);
	log_info("%s \"%s %s\" %u %s %.1fms%s", who.data, what.data,
	    path.data, rq->status, rq->enc != NULL ? rq->enc : "-", ms,
	    toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted");
	buf_release(&who);
	buf_release(&what);
	buf_release(&path);
done:
	form_release(&rq->form);
	free(rq->path);
	free(rq);
	*con_cls = NULL;
}

/* libmicrohttpd's own complaints (malformed or oversized requests),
 * which may quote the request: escaped like the access log.  That a
 * client went away mid-request is no complaint (the access log says
 * "aborted"), and would be a line for every connection of a flood. */
static void mhd_log(void *, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

static void
mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct buf b, e;

	(void)cls;
	if (strncmp(fmt, "Socket has been disconnected", 28) == 0 ||
	    strncmp(fmt, "Connection socket is closed when reading", 40) ==
	    0 || strncmp(fmt, "Connection was closed by remote side", 36) == 0)
		return;
	buf_init(&b);
	buf_init(&e);
	buf_vprintf(&b, fmt, ap);
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	esc_log(&e, b.data, 1024);
	log_info("http: %s", e.data != NULL ? e.data : "");
	buf_release(&b);
	buf_release(&e);
}

/* Connections come and go: the table of conns.c keeps the limits. */
static void
notify(void *cls, struct MHD_Connection *c, void **socket_ctx,
    enum MHD_ConnectionNotificationCode code)
{
	struct http_server *srv = cls;
	const union MHD_ConnectionInfo *fd, *addr;

	if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
		if (*socket_ctx != NULL)
			conns_close(srv->conns, *socket_ctx);
		*socket_ctx = NULL;
		return;
	}
	fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	addr = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	*socket_ctx = fd == NULL ? NULL : conns_open(srv->conns,
	    fd->connect_fd, addr != NULL ? addr->client_addr : NULL);
}

/* Ten times a second, close the connections past their deadline or over
 * a limit; once a minute, say how many were closed and how many are left
 * (a flood's size, for whoever reads the log). */
static void *
sweep(void *arg)
{
	struct http_server *srv = arg;
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	unsigned i, n;

	for (i = 1; !atomic_load(&srv->stopping); i++) {
		conns_sweep(srv->conns);
		if (i % 600 == 0 && (n = conns_take_shut(srv->conns)) > 0)
			log_info("http: closed %u connection%s of slow clients "
			    "or over the limits in the last minute, %u open",
			    n, n == 1 ? "" : "s", conns_count(srv->conns));
		nanosleep(&pause, NULL);
	}
	return NULL;
}

/* Listening. */

/* Bind "ADDR:PORT" or "[V6]:PORT"; the listening socket, or -1.  The
 * backlog leaves room for a burst of connections while the server sheds
 * a flood: a full queue drops new ones, which retry only a second
 * later. */
static int
bind_listen(const char *listen_addr)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)(void *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)(void *)&ss;
	const char *colon = strrchr(listen_addr, ':');
	char host[INET6_ADDRSTRLEN + 2];
	size_t hl;
	long port;
	int fd = -1, one = 1;

	memset(&ss, 0, sizeof(ss));
	if (colon == NULL || util_parse_int(colon + 1, 0, 65535, &port) == -1 ||
	    (hl = (size_t)(colon - listen_addr)) >= sizeof(host))
		goto bad;
	memcpy(host, listen_addr, hl);
	host[hl] = '\0';
	if (hl > 2 && host[0] == '[' && host[hl - 1] == ']') {
		host[hl - 1] = '\0';
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host + 1, &sin6->sin6_addr) != 1)
			goto bad;
	} else {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, host, &sin->sin_addr) != 1)
			goto bad;
	}
	if ((fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == -1 ||
	    bind(fd, (struct sockaddr *)&ss, ss.ss_family == AF_INET6 ?
	    sizeof(*sin6) : sizeof(*sin)) == -1 || listen(fd, 4096) == -1) {
		log_warn("cannot listen on '%s'", listen_addr);
		if (fd != -1)
			close(fd);
		return -1;
	}
	return fd;
bad:
	log_warnx("listen address '%s' is not ADDR:PORT or [ADDR]:PORT",
	    listen_addr);
	return -1;
}

static unsigned
bound_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) == -1)
		return 0;
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)(void *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)(void *)&ss)->sin_port);
}

int
http_start(const struct http_opts *o, struct http_server **out)
{
	struct http_server *srv = xcalloc(1, sizeof(*srv));
	struct conns_limits lim = { 0 };
	unsigned threads = o->threads;
	long ncpu;

	if (threads == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		threads = ncpu > 0 && ncpu < 64 ? (unsigned)ncpu : 2;
	}
	srv->fd = o->listen_fd >= 0 ? o->listen_fd : bind_listen(o->listen);
	if (srv->fd == -1) {
		free(srv);
		return -1;
	}
	srv->port = bound_port(srv->fd);
	pthread_rwlock_init(&srv->lock, NULL);
	lim.total = o->max_connections;
	lim.per_addr = o->per_addr;
	lim.header_ms = o->header_seconds * 1000;
	lim.body_ms = o->body_seconds * 1000;
	lim.body_rate = o->body_min_rate;
	lim.trusted = o->trusted;
	srv->conns = conns_new(&lim);
	srv->apps = o->apps;
	srv->napps = o->napps;
	if (o->site != NULL)
		http_publish(srv, o->site, o->now);
	/* libmicrohttpd's own limit is a backstop above ours, so that a new
	 * connection reaches conns_open(), which closes an idle one for
	 * it. */
	srv->d = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD |
	    MHD_USE_ERROR_LOG | MHD_USE_ITC | MHD_USE_TURBO, 0, NULL, NULL,
	    handle, srv,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_log, srv,
	    MHD_OPTION_LISTEN_SOCKET, (MHD_socket)srv->fd,
	    MHD_OPTION_THREAD_POOL_SIZE, threads,
	    MHD_OPTION_CONNECTION_LIMIT, o->max_connections + 64,
	    MHD_OPTION_CONNECTION_TIMEOUT, o->timeout,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, o->memory_limit,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, srv,
	    MHD_OPTION_NOTIFY_CONNECTION, notify, srv,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, srv,
	    MHD_OPTION_END);
	if (srv->d == NULL || pthread_create(&srv->sweeper, NULL, sweep,
	    srv) != 0) {
		log_warnx("cannot start the http server on port %u",
		    srv->port);
		if (srv->d != NULL)
			MHD_stop_daemon(srv->d);
		else
			close(srv->fd);
		snap_free(srv->cur);
		conns_free(srv->conns);
		pthread_rwlock_destroy(&srv->lock);
		free(srv);
		return -1;
	}
	*out = srv;
	return 0;
}

unsigned
http_port(const struct http_server *srv)
{
	return srv->port;
}

unsigned
http_inflight(struct http_server *srv)
{
	return atomic_load(&srv->inflight);
}

void
http_quiesce(struct http_server *srv)
{
	MHD_socket fd = MHD_quiesce_daemon(srv->d);

	if (fd != MHD_INVALID_SOCKET)
		close(fd);
}

void
http_stop(struct http_server *srv)
{
	if (srv == NULL)
		return;
	atomic_store(&srv->stopping, 1);
	pthread_join(srv->sweeper, NULL);
	MHD_stop_daemon(srv->d);
	conns_free(srv->conns);
	snap_free(srv->cur);
	pthread_rwlock_destroy(&srv->lock);
	free(srv);
}

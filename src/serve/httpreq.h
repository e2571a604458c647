/*
 * The decisions the server makes about a request, as pure functions of
 * its strings (no libmicrohttpd, no clock), so each can be unit-tested:
 * HTTP dates, content coding, conditional requests and path safety.
 * http.c applies them.
 */
#ifndef KYNIEM_HTTPREQ_H
#define KYNIEM_HTTPREQ_H

#include <stddef.h>
#include <time.h>

/* Write t as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); len >= 30. */
void httpreq_date(time_t t, char *buf, size_t len);

/*
 * Parse an HTTP date in any of RFC 9110's three formats: IMF-fixdate,
 * RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6
 * 08:49:37 1994").  Returns 0 and *out, or -1.
 */
int httpreq_parse_date(const char *s, time_t *out);

/* 1 if an Accept-Encoding value takes gzip (gzip or '*' with q > 0). */
int httpreq_accepts_gzip(const char *ae);

/*
 * The credentials of an Authorization value of the Bearer scheme (RFC
 * 6750: "Bearer", case aside, one or more spaces, the token), borrowed
 * from it; NULL for any other value or none.
 */
const char *httpreq_bearer(const char *authorization);

/* 1 if an If-None-Match value lists tag (weak comparison) or is "*". */
int httpreq_etag_match(const char *inm, const char *tag);

/*
 * RFC 9110 13.2.2: whether a GET may be answered 304.  If-None-Match
 * (inm, may be NULL) decides when present; otherwise If-Modified-Since
 * (ims, may be NULL) when it parses and lastmod is not newer.
 */
int httpreq_not_modified(const char *inm, const char *ims, const char *etag,
    time_t lastmod);

/*
 * 1 if a request path is safe to route: absolute, no "." or ".."
 * segments, no empty segment, no backslash, no control byte (a decoded
 * %00 or %0a).  len is the path's length as decoded, which may hold NULs.
 */
int httpreq_path_ok(const char *path, size_t len);

/*
 * 1 if a header field is well formed as far as libmicrohttpd 0.9.75 does
 * not check it: its name is a token (no space before the colon, RFC 9112
 * 5.1) and its value holds no CR (a bare CR, which that version keeps
 * inside the value: RFC 9112 2.2).
 */
int httpreq_field_ok(const char *name, const char *value);

/* What a request's header says about its body, for
 * httpreq_framing_refusal(). */
struct httpreq_framing {
	int http10;		/* an HTTP/1.0 request */
	unsigned n_te;		/* Transfer-Encoding fields */
	const char *te;		/* the first one's value, or NULL */
	unsigned n_cl;		/* Content-Length fields */
	const char *cl;		/* the first one's value, or NULL */
	const char *expect;	/* the first Expect's value, or NULL */
	unsigned long long max_body;	/* bytes its body may have */
};

/*
 * The status to refuse a request with at once, before any of its body is
 * read, and then close its connection; 0 if none.  400: the body's length
 * is ambiguous (Transfer-Encoding with Content-Length, either of them
 * twice, Transfer-Encoding in HTTP/1.0 or not ending in chunked: RFC 9112
 * 6.1 and 6.3).  501: a transfer coding other than chunked alone, which
 * libmicrohttpd does not decode.  417: an expectation other than
 * 100-continue (RFC 9110 10.1.1).  413: a Content-Length over max_body
 * on a request that waits for "100 Continue" before sending it.  *why
 * (may be NULL) gets the reason, a static English line.
 */
unsigned httpreq_framing_refusal(const struct httpreq_framing *f,
    const char **why);

#endif

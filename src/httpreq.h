/*
 * The decisions the server makes about a request, as pure functions of
 * its strings (no libmicrohttpd, no clock), so each can be unit-tested:
 * HTTP dates, content coding, conditional requests, secret tokens and
 * path safety.  http.c applies them.
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

/* 1 if an If-None-Match value lists tag (weak comparison) or is "*". */
int httpreq_etag_match(const char *inm, const char *tag);

/*
 * RFC 9110 13.2.2: whether a GET may be answered 304.  If-None-Match
 * (inm, may be NULL) decides when present; otherwise If-Modified-Since
 * (ims, may be NULL) when it parses and lastmod is not newer.
 */
int httpreq_not_modified(const char *inm, const char *ims, const char *etag,
    time_t lastmod);

/* 1 if the two strings are equal, in a time that depends only on the
 * secret's length. */
int httpreq_token_equal(const char *given, const char *secret);

/*
 * 1 if a request path is safe to route: absolute, no "." or ".."
 * segments, no empty segment, no backslash, no control byte (a decoded
 * %00 or %0a).  len is the path's length as decoded, which may hold NULs.
 */
int httpreq_path_ok(const char *path, size_t len);

#endif

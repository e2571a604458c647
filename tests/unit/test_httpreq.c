/*
 * The server's request decisions: HTTP dates in RFC 9110's three formats,
 * Accept-Encoding, If-None-Match and If-Modified-Since (the 304 rule),
 * the path check (traversal, NUL, controls), the header field check
 * (bare CR, space before the colon) and the framing refusals
 * (Transfer-Encoding with Content-Length, codings, Expect).
 */
#include <check.h>
#include <string.h>

#include "httpreq.h"
#include "util.h"

/* 784111777 = Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example). */
static const struct {
	const char *s;
	long t;		/* -1: must not parse */
} dates[] = {
	{ "Sun, 06 Nov 1994 08:49:37 GMT", 784111777L },
	{ "Sunday, 06-Nov-94 08:49:37 GMT", 784111777L },
	{ "Sun Nov  6 08:49:37 1994", 784111777L },
	{ "Thu, 01 Jan 1970 00:00:00 GMT", 0 },
	{ "Wed, 29 Feb 2024 23:59:60 GMT", 1709251200L },
	{ "Sun, 06 Nov 1994 08:49:37 UTC", -1 },
	{ "Sun, 31 Nov 1994 08:49:37 GMT", -1 },
	{ "Sun, 06 Xyz 1994 08:49:37 GMT", -1 },
	{ "Sun, 06 Nov 1994 24:49:37 GMT", -1 },
	{ "Sun, 6 Nov 1994 08:49:37 GMT", -1 },
	{ "Sunday, 06-Nov-1994 08:49:37 GMT", -1 },
	{ "Sun Nov 06 08:49:37 94", -1 },
	{ "", -1 },
	{ "garbage", -1 },
};

START_TEST(parse_date)
{
	time_t t;
	int rc = httpreq_parse_date(dates[_i].s, &t);

	if (dates[_i].t < 0)
		ck_assert_msg(rc == -1, "'%s' parsed", dates[_i].s);
	else {
		ck_assert_msg(rc == 0, "'%s' not parsed", dates[_i].s);
		ck_assert_int_eq((long)t, dates[_i].t);
	}
}
END_TEST

START_TEST(format_date)
{
	char buf[40];
	time_t t;

	httpreq_date(784111777L, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Sun, 06 Nov 1994 08:49:37 GMT");
	httpreq_date(4102444799L, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Thu, 31 Dec 2099 23:59:59 GMT");
	ck_assert_int_eq(httpreq_parse_date(buf, &t), 0);
	ck_assert_int_eq((long)t, 4102444799L);
}
END_TEST

static const struct {
	const char *ae;
	int gz;
} encodings[] = {
	{ "gzip", 1 }, { "gzip, deflate, br", 1 }, { "deflate, GZIP;q=0.5", 1 },
	{ "gzip;q=0", 0 }, { "gzip;q=0.000", 0 }, { "*", 1 }, { "*;q=0", 0 },
	{ "identity", 0 }, { "x-gzip", 0 }, { "gzipx", 0 }, { "", 0 },
	{ NULL, 0 },
};

START_TEST(gzip)
{
	ck_assert_int_eq(httpreq_accepts_gzip(encodings[_i].ae),
	    encodings[_i].gz);
}
END_TEST

START_TEST(conditional)
{
	const char *tag = "\"0123456789abcdef-1f\"";

	ck_assert(httpreq_etag_match(tag, tag));
	ck_assert(httpreq_etag_match("W/\"0123456789abcdef-1f\"", tag));
	ck_assert(httpreq_etag_match("\"x\", \"0123456789abcdef-1f\"", tag));
	ck_assert(httpreq_etag_match("*", tag));
	ck_assert(!httpreq_etag_match("\"0123456789abcdef-1f-gz\"", tag));
	ck_assert(!httpreq_etag_match("\"0123456789abcdef\"", tag));
	ck_assert(!httpreq_etag_match("", tag));
	/* If-None-Match decides when present, even against a newer date. */
	ck_assert(!httpreq_not_modified("\"other\"",
	    "Sun, 06 Nov 2094 08:49:37 GMT", tag, 1000));
	ck_assert(httpreq_not_modified(tag, NULL, tag, 1000));
	ck_assert(httpreq_not_modified(NULL, "Sun, 06 Nov 1994 08:49:37 GMT",
	    tag, 784111777L));
	ck_assert(!httpreq_not_modified(NULL, "Sun, 06 Nov 1994 08:49:37 GMT",
	    tag, 784111778L));
	ck_assert(!httpreq_not_modified(NULL, "yesterday", tag, 0));
	ck_assert(!httpreq_not_modified(NULL, NULL, tag, 0));
}
END_TEST

static const struct {
	const char *p;
	size_t len;	/* 0: strlen */
	int ok;
} paths[] = {
	{ "/", 0, 1 }, { "/calendars/all.ics", 0, 1 },
	{ "/calendars/country/JP.ics", 0, 1 }, { "/a/.hidden", 0, 1 },
	{ "/a..b", 0, 1 },
	{ "", 0, 0 }, { "calendars", 0, 0 }, { "/..", 0, 0 }, { "/../etc", 0, 0 },
	{ "/a/../b", 0, 0 }, { "/a/./b", 0, 0 }, { "/a/.", 0, 0 },
	{ "//etc/passwd", 0, 0 }, { "/a//b", 0, 0 }, { "/a\\b", 0, 0 },
	{ "/x\ny", 0, 0 }, { "/x\x1b[31m", 0, 0 }, { "/x\x7f", 0, 0 },
	{ "/calendars/all.ics\0.html", 24, 0 },	/* a decoded %00 */
};

START_TEST(path)
{
	size_t len = paths[_i].len ? paths[_i].len : strlen(paths[_i].p);

	ck_assert_msg(httpreq_path_ok(paths[_i].p, len) == paths[_i].ok,
	    "case %d", _i);
}
END_TEST

static const struct {
	const char *name, *value;
	int ok;
} fields[] = {
	{ "Host", "example.org", 1 }, { "X-A_b.c~1", "", 1 },
	{ "Accept", "text/html, */*;q=0.8", 1 },
	{ "User-Agent", "Mozilla/5.0 (X11; Linux x86_64)", 1 },
	{ "X-Tab", "a\tb", 1 }, { "X-Utf8", "Vi\xe1\xbb\x87t", 1 },
	{ "X", "a\rb", 0 }, { "X", "a\r", 0 }, { "X", "\r", 0 },
	{ "X\rY", "v", 0 }, { "Host ", "x", 0 }, { "Host\t", "x", 0 },
	{ "", "v", 0 }, { "X(Y)", "v", 0 }, { "X\"", "v", 0 },
	{ "\xc3\xa1", "v", 0 },
};

START_TEST(field)
{
	ck_assert_msg(httpreq_field_ok(fields[_i].name, fields[_i].value) ==
	    fields[_i].ok, "case %d", _i);
}
END_TEST

/* http10, TE fields, first TE, CL fields, first CL, Expect, limit:
 * status. */
static const struct {
	struct httpreq_framing f;
	unsigned status;
} framings[] = {
	{ { 0, 0, NULL, 0, NULL, NULL, 100 }, 0 },
	{ { 0, 0, NULL, 1, "100", NULL, 100 }, 0 },
	{ { 0, 0, NULL, 1, "101", NULL, 100 }, 0 },	/* read, then 413 */
	{ { 0, 1, "chunked", 0, NULL, NULL, 100 }, 0 },
	{ { 0, 1, "Chunked", 0, NULL, NULL, 100 }, 0 },
	{ { 1, 0, NULL, 1, "5", NULL, 100 }, 0 },
	/* Transfer-Encoding with Content-Length, in any form. */
	{ { 0, 1, "chunked", 1, "5", NULL, 100 }, 400 },
	{ { 0, 1, "chunked", 1, "0", NULL, 100 }, 400 },
	{ { 0, 1, "gzip", 1, "5", NULL, 100 }, 400 },
	{ { 0, 1, "chunked", 2, "5", "100-continue", 100 }, 400 },
	{ { 1, 1, "chunked", 1, "5", NULL, 100 }, 400 },
	/* Twice. */
	{ { 0, 2, "chunked", 0, NULL, NULL, 100 }, 400 },
	{ { 0, 0, NULL, 2, "5", NULL, 100 }, 400 },
	/* HTTP/1.0 has no chunked. */
	{ { 1, 1, "chunked", 0, NULL, NULL, 100 }, 400 },
	/* Codings. */
	{ { 0, 1, "gzip", 0, NULL, NULL, 100 }, 400 },
	{ { 0, 1, "chunked, gzip", 0, NULL, NULL, 100 }, 400 },
	{ { 0, 1, "", 0, NULL, NULL, 100 }, 400 },
	{ { 0, 1, "chunkedx", 0, NULL, NULL, 100 }, 400 },
	{ { 0, 1, "gzip, chunked", 0, NULL, NULL, 100 }, 501 },
	{ { 0, 1, "gzip,CHUNKED ", 0, NULL, NULL, 100 }, 501 },
	{ { 0, 1, "chunked ", 0, NULL, NULL, 100 }, 501 },
	/* Expect. */
	{ { 0, 0, NULL, 1, "100", "100-continue", 100 }, 0 },
	{ { 0, 0, NULL, 1, "101", "100-continue", 100 }, 413 },
	{ { 0, 0, NULL, 1, "101", "100-Continue ", 100 }, 413 },
	{ { 0, 0, NULL, 1, "99999999999999999999", "100-continue", 100 },
	    413 },
	{ { 0, 0, NULL, 1, "101", "", 100 }, 0 },
	{ { 0, 1, "chunked", 0, NULL, "100-continue", 100 }, 0 },
	{ { 0, 0, NULL, 1, "5", "something", 100 }, 417 },
	{ { 0, 0, NULL, 1, "5", "100-continue, x=1", 100 }, 417 },
	{ { 0, 0, NULL, 1, "5", "100-continuex", 100 }, 417 },
	/* HTTP/1.0 ignores Expect. */
	{ { 1, 0, NULL, 1, "101", "100-continue", 100 }, 0 },
	{ { 1, 0, NULL, 1, "5", "something", 100 }, 0 },
};

START_TEST(framing)
{
	const char *why = NULL;
	unsigned st = httpreq_framing_refusal(&framings[_i].f, &why);

	ck_assert_msg(st == framings[_i].status, "case %d: %u", _i, st);
	ck_assert_msg((st == 0) == (why == NULL), "case %d: why", _i);
}
END_TEST

static const struct {
	const char *v, *token;
} bearers[] = {
	{ "Bearer s3cret", "s3cret" },
	{ "bearer s3cret", "s3cret" },
	{ "BEARER   a.b-c_d~e+f/g=", "a.b-c_d~e+f/g=" },
	{ "Bearer", NULL },
	{ "Bearer ", NULL },
	{ "Bearers3cret", NULL },
	{ "Basic dXNlcjpwYXNz", NULL },
	{ "Bearer two words", NULL },
	{ "Bearer tab\there", NULL },
	{ "", NULL },
	{ NULL, NULL },
};

START_TEST(bearer)
{
	const char *t = httpreq_bearer(bearers[_i].v);

	if (bearers[_i].token == NULL)
		ck_assert_msg(t == NULL, "case %d gave '%s'", _i, t);
	else
		ck_assert_str_eq(t, bearers[_i].token);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("httpreq");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, parse_date, 0, NELEM(dates));
	tcase_add_test(tc, format_date);
	tcase_add_loop_test(tc, gzip, 0, NELEM(encodings));
	tcase_add_test(tc, conditional);
	tcase_add_loop_test(tc, path, 0, NELEM(paths));
	tcase_add_loop_test(tc, field, 0, NELEM(fields));
	tcase_add_loop_test(tc, framing, 0, NELEM(framings));
	tcase_add_loop_test(tc, bearer, 0, NELEM(bearers));
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

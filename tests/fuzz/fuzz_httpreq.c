/*
 * libFuzzer target: the server's request decisions (httpreq.c) on
 * arbitrary header values and paths, and the escapers that write them
 * into logs and pages.  The input is split at NUL bytes into the strings
 * each function takes; what must hold: a date that parses formats back
 * to the same instant, no path with a control byte passes, an escaped log
 * line is printable ASCII only, a JSON string is valid UTF-8 with every
 * control and quote escaped, no header field with a CR or a name that
 * is no token passes, and a request passes the framing check only when
 * its body's length is unambiguous to libmicrohttpd (no Transfer-Encoding
 * but "chunked" alone, never with Content-Length, one of each at most)
 * and it expects nothing but 100-continue within the limit.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "escape.h"
#include "httpreq.h"
#include "jsonw.h"
#include "token.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The nth NUL-separated piece of the input, copied (caller frees). */
static char *
piece(const uint8_t *data, size_t size, int n, size_t *len)
{
	size_t i = 0, start;

	while (n-- > 0) {
		while (i < size && data[i] != 0)
			i++;
		if (i < size)
			i++;
	}
	start = i;
	while (i < size && data[i] != 0)
		i++;
	*len = i - start;
	return xstrndup((const char *)data + start, *len);
}

static void
dates(const char *s)
{
	char buf[64];
	time_t t, back;

	if (httpreq_parse_date(s, &t) == -1)
		return;
	httpreq_date(t, buf, sizeof(buf));
	if (httpreq_parse_date(buf, &back) == -1 || back != t)
		abort();
}

static void
paths(const uint8_t *data, size_t size)
{
	size_t i;

	if (!httpreq_path_ok((const char *)data, size))
		return;
	for (i = 0; i < size; i++)
		if (data[i] < 0x20 || data[i] == 0x7f || data[i] == '\\')
			abort();
}

/* A JSON string of any bytes is valid UTF-8, quoted, with no raw control
 * byte and no quote that is not escaped inside. */
static void
jsonw_checked(const char *s)
{
	struct jsonw j;
	struct buf b;
	size_t i;

	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_str(&j, NULL, s);
	if (b.len < 2 || b.data[0] != '"' || b.data[b.len - 1] != '"' ||
	    !util_utf8_valid(b.data, b.len))
		abort();
	for (i = 1; i + 1 < b.len; i++) {
		if ((unsigned char)b.data[i] < 0x20 || b.data[i] == '"')
			abort();
		if (b.data[i] == '\\')
			i++;
	}
	buf_release(&b);
}

static void
escapes(const char *s)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	esc_log(&b, s, 512);
	for (i = 0; i < b.len; i++)
		if ((unsigned char)b.data[i] < 0x20 ||
		    (unsigned char)b.data[i] >= 0x7f)
			abort();
	b.len = 0;
	esc_html(&b, s);
	if (b.data != NULL && strpbrk(b.data, "<>\"'") != NULL)
		abort();
	b.len = 0;
	esc_csv(&b, s);
	if (b.len > 0 && strchr("=+-@\t\r", b.data[0]) != NULL)
		abort();
	b.len = 0;
	esc_md(&b, s);
	esc_xml(&b, s);
	esc_url(&b, s);
	buf_release(&b);
	jsonw_checked(s);
}

static void
fields(const char *name, const char *value)
{
	const char *p;

	if (!httpreq_field_ok(name, value))
		return;
	if (*name == '\0' || strchr(value, '\r') != NULL)
		abort();
	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f ||
		    strchr("\"(),/:;<=>?@[\\]{}", *p) != NULL)
			abort();
}

/* The framing check over the three strings as Transfer-Encoding,
 * Content-Length and Expect, with the counts and flags from the first
 * byte. */
static void
framing(uint8_t bits, const char *te, const char *cl, const char *expect)
{
	struct httpreq_framing f;
	const char *why = NULL;
	unsigned st;

	memset(&f, 0, sizeof(f));
	f.http10 = bits & 1;
	f.n_te = (bits >> 1) & 3;
	f.n_cl = (bits >> 3) & 3;
	f.te = f.n_te ? te : NULL;
	f.cl = f.n_cl ? cl : NULL;
	f.expect = bits & 0x20 ? expect : NULL;
	f.max_body = bits & 0x40 ? 100 : 0;
	st = httpreq_framing_refusal(&f, &why);
	if ((st == 0) != (why == NULL))
		abort();
	if (st != 0 && st != 400 && st != 413 && st != 417 && st != 501)
		abort();
	if (st != 0)
		return;
	if ((f.n_te && f.n_cl) || f.n_te > 1 || f.n_cl > 1 ||
	    (f.n_te && (f.http10 || strcasecmp(te, "chunked") != 0)))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *a, *b, *c;
	size_t la, lb, lc;

	a = piece(data, size, 0, &la);
	b = piece(data, size, 1, &lb);
	c = piece(data, size, 2, &lc);
	dates(a);
	(void)httpreq_accepts_gzip(a);
	(void)httpreq_etag_match(a, b);
	(void)httpreq_not_modified(la ? a : NULL, lb ? b : NULL, c, 0);
	(void)token_equal(a, b);
	paths(data, size);
	escapes(c);
	fields(a, b);
	if (size > 0)
		framing(data[0], a, b, c);
	free(a);
	free(b);
	free(c);
	return 0;
}

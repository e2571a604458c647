/*
 * libFuzzer target: the server's request decisions (httpreq.c) on
 * arbitrary header values and paths, and the escapers that write them
 * into logs and pages.  The input is split at NUL bytes into the strings
 * each function takes; what must hold: a date that parses formats back
 * to the same instant, no path with a control byte passes, an escaped log
 * line is printable ASCII only.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "httpreq.h"
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
	esc_json(&b, s);
	esc_url(&b, s);
	buf_release(&b);
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
	(void)httpreq_token_equal(a, b);
	paths(data, size);
	escapes(c);
	free(a);
	free(b);
	free(c);
	return 0;
}

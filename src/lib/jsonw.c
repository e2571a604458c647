/*
 * The JSON writer: commas, keys, line breaks and string escaping for
 * every JSON kyniem writes.  What a record holds is its module's; how it
 * is spelt is decided here only (jsonw.h says how, and why it is
 * deterministic).
 */
#include <stdint.h>
#include <string.h>

#include <unicode/utf8.h>

#include "jsonw.h"

static const char hex[] = "0123456789abcdef";

/* The controls with a two-character escape; the others are \u00xx. */
static const char short_escape[0x20] = {
	['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r',
};

void
jsonw_init(struct jsonw *j, struct buf *out, int lines)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->lines = lines;
}

/* In a level broken into lines, a line break and an indent of d. */
static void
newline(struct jsonw *j, int d)
{
	if (j->depth <= j->lines) {
		buf_putc(j->out, '\n');
		while (d-- > 0)
			buf_putc(j->out, ' ');
	}
}

/* The string literal of s as jsonw.h describes it. */
static void
escape(struct buf *b, const char *s)
{
	int32_t i = 0, start, len;
	UChar32 c;

	len = s != NULL ? (int32_t)strnlen(s, INT32_MAX) : 0;
	buf_putc(b, '"');
	while (i < len) {
		start = i;
		U8_NEXT(s, i, len, c);
		if (c < 0)
			buf_puts(b, "\xef\xbf\xbd");	/* U+FFFD */
		else if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", (int)c);
		else if (c >= 0x20)
			buf_add(b, s + start, (size_t)(i - start));
		else if (short_escape[c] != 0)
			buf_printf(b, "\\%c", short_escape[c]);
		else
			buf_printf(b, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
	}
	buf_putc(b, '"');
}

/* Before any value: the comma, the line break and the key. */
static void
member(struct jsonw *j, const char *key)
{
	int d = j->depth;

	if (d == 0 && j->any[0])
		fatal("json: a second outermost value");
	if (j->open[d] == '{' && key == NULL)
		fatal("json: a member of an object without a key");
	if (j->open[d] != '{' && key != NULL)
		fatal("json: key '%s' outside an object", key);
	if (d > 0 && j->any[d])
		buf_putc(j->out, ',');
	j->any[d] = 1;
	if (d > 0)
		newline(j, d);
	if (key != NULL) {
		escape(j->out, key);
		buf_putc(j->out, ':');
	}
}

static void
open_level(struct jsonw *j, const char *key, char c)
{
	member(j, key);
	if (j->depth == JSONW_DEPTH)
		fatal("json: more than %d levels", JSONW_DEPTH);
	buf_putc(j->out, c);
	j->depth++;
	j->open[j->depth] = c;
	j->any[j->depth] = 0;
}

void
jsonw_object(struct jsonw *j, const char *key)
{
	open_level(j, key, '{');
}

void
jsonw_array(struct jsonw *j, const char *key)
{
	open_level(j, key, '[');
}

void
jsonw_end(struct jsonw *j)
{
	int d = j->depth;

	if (d == 0)
		fatal("json: end with nothing open");
	if (j->any[d])
		newline(j, d - 1);
	buf_putc(j->out, j->open[d] == '{' ? '}' : ']');
	j->depth--;
}

void
jsonw_str(struct jsonw *j, const char *key, const char *s)
{
	member(j, key);
	escape(j->out, s);
}

void
jsonw_int(struct jsonw *j, const char *key, long long v)
{
	member(j, key);
	buf_printf(j->out, "%lld", v);
}

void
jsonw_bool(struct jsonw *j, const char *key, int v)
{
	member(j, key);
	buf_puts(j->out, v ? "true" : "false");
}

void
jsonw_null(struct jsonw *j, const char *key)
{
	member(j, key);
	buf_puts(j->out, "null");
}

int
jsonw_object_or_null(struct jsonw *j, const char *key, int present)
{
	if (present)
		jsonw_object(j, key);
	else
		jsonw_null(j, key);
	return present;
}

/*
 * RFC 8785 over jansson's tree.  jansson has already refused what JSON
 * does not allow (invalid UTF-8, NUL in strings when not asked for), so
 * strings here are whole UTF-8 C strings; the sort compares UTF-16 code
 * units, which differs from byte order only between characters above
 * U+FFFF (surrogates, 0xD800...) and U+E000-U+FFFF.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jcs.h"
#include "util.h"

/* The next UTF-16 code unit of the UTF-8 string at *s (advancing it);
 * *pending holds the low surrogate of a character above U+FFFF. */
static unsigned
next_unit(const unsigned char **s, unsigned *pending)
{
	const unsigned char *p = *s;
	unsigned long c;

	if (*pending != 0) {
		c = *pending;
		*pending = 0;
		return (unsigned)c;
	}
	if (p[0] < 0x80) {
		c = p[0];
		*s = p + 1;
	} else if ((p[0] & 0xe0) == 0xc0) {
		c = (p[0] & 0x1fUL) << 6 | (p[1] & 0x3f);
		*s = p + 2;
	} else if ((p[0] & 0xf0) == 0xe0) {
		c = (p[0] & 0x0fUL) << 12 | (p[1] & 0x3fUL) << 6 | (p[2] & 0x3f);
		*s = p + 3;
	} else {
		c = (p[0] & 0x07UL) << 18 | (p[1] & 0x3fUL) << 12 |
		    (p[2] & 0x3fUL) << 6 | (p[3] & 0x3f);
		*s = p + 4;
		c -= 0x10000;
		*pending = 0xdc00 + (unsigned)(c & 0x3ff);
		return 0xd800 + (unsigned)(c >> 10);
	}
	return (unsigned)c;
}

static int
cmp_names(const void *a, const void *b)
{
	const unsigned char *x = *(const unsigned char *const *)a;
	const unsigned char *y = *(const unsigned char *const *)b;
	unsigned px = 0, py = 0, ux, uy;

	for (;;) {
		if ((*x == '\0' && px == 0) || (*y == '\0' && py == 0))
			return (*x != '\0' || px != 0) - (*y != '\0' || py != 0);
		ux = next_unit(&x, &px);
		uy = next_unit(&y, &py);
		if (ux != uy)
			return ux < uy ? -1 : 1;
	}
}

static void
put_string(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p;

	buf_putc(out, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\b': buf_puts(out, "\\b"); break;
		case '\f': buf_puts(out, "\\f"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case '\t': buf_puts(out, "\\t"); break;
		default:
			if (*p < 0x20) {
				buf_puts(out, "\\u00");
				buf_putc(out, hex[*p >> 4]);
				buf_putc(out, hex[*p & 0xf]);
			} else
				buf_putc(out, *p);
		}
	}
	buf_putc(out, '"');
}

static int
put_object(const json_t *v, struct buf *out)
{
	const char **names, *name;
	size_t n = json_object_size(v), i = 0;
	json_t *member;
	int ret = 0;

	names = xcalloc(n > 0 ? n : 1, sizeof(*names));
	json_object_foreach((json_t *)v, name, member)
		names[i++] = name;
	qsort(names, n, sizeof(*names), cmp_names);
	buf_putc(out, '{');
	for (i = 0; i < n && ret == 0; i++) {
		if (i > 0)
			buf_putc(out, ',');
		put_string(out, names[i]);
		buf_putc(out, ':');
		ret = jcs_write(json_object_get(v, names[i]), out);
	}
	buf_putc(out, '}');
	free(names);
	return ret;
}

int
jcs_write(const json_t *v, struct buf *out)
{
	size_t i;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return put_object(v, out);
	case JSON_ARRAY:
		buf_putc(out, '[');
		for (i = 0; i < json_array_size(v); i++) {
			if (i > 0)
				buf_putc(out, ',');
			if (jcs_write(json_array_get(v, i), out) == -1)
				return -1;
		}
		buf_putc(out, ']');
		return 0;
	case JSON_STRING:
		put_string(out, json_string_value(v));
		return 0;
	case JSON_INTEGER:
		buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 0;
	case JSON_TRUE:
		buf_puts(out, "true");
		return 0;
	case JSON_FALSE:
		buf_puts(out, "false");
		return 0;
	case JSON_NULL:
		buf_puts(out, "null");
		return 0;
	default:
		return -1;	/* a real */
	}
}

/*
 * RFC 4180 parsing: fields separated by commas, records by LF or CRLF,
 * double-quoted fields may hold commas, line breaks and doubled quotes.
 * Fields are unescaped into one scratch buffer per record.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "util.h"

void
csv_init(struct csv *c, const char *data, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->p = data;
	c->end = data + len;
	c->line = 1;
	/* A UTF-8 byte order mark is allowed before the header. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		c->p += 3;
}

void
csv_release(struct csv *c)
{
	free(c->fields);
	free(c->scratch);
	memset(c, 0, sizeof(*c));
}

static void
skip_line(struct csv *c)
{
	while (c->p < c->end && *c->p != '\n')
		c->p++;
	if (c->p < c->end) {
		c->p++;
		c->line++;
	}
}

/* Unescape one field into scratch at *off; returns 0 or -1 with *err. */
static int
field(struct csv *c, size_t *off, const char **err)
{
	int quoted = c->p < c->end && *c->p == '"';

	if (quoted)
		c->p++;
	for (;;) {
		char ch;

		if (c->p >= c->end) {
			if (quoted) {
				*err = "unterminated quoted field";
				return -1;
			}
			break;
		}
		ch = *c->p;
		if (quoted && ch == '"') {
			if (c->p + 1 < c->end && c->p[1] == '"') {
				c->p += 2;
				c->scratch[(*off)++] = '"';
				continue;
			}
			c->p++;
			if (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    *c->p != '\r') {
				*err = "text after closing quote";
				return -1;
			}
			quoted = 0;
			continue;
		}
		if (!quoted && (ch == ',' || ch == '\n' ||
		    (ch == '\r' && c->p + 1 < c->end && c->p[1] == '\n')))
			break;
		if (!quoted && (ch == '"' || ch == '\r')) {
			*err = ch == '"' ? "quote inside unquoted field" :
			    "bare carriage return";
			return -1;
		}
		if (ch == '\0') {
			*err = "NUL byte in field";
			return -1;
		}
		if (ch == '\n')
			c->line++;
		c->scratch[(*off)++] = ch;
		c->p++;
	}
	c->scratch[(*off)++] = '\0';
	return 0;
}

static void
add_field(struct csv *c, size_t off)
{
	if (c->nfields == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->fields = xrealloc(c->fields, c->cap * sizeof(*c->fields));
	}
	/* Offsets now; turned into pointers once scratch stops moving. */
	c->fields[c->nfields++] = (char *)(uintptr_t)off;
}

int
csv_read(struct csv *c, long *line, const char **err)
{
	const char *start;
	size_t off = 0, i, need;

	/* Blank lines between records are ignored. */
	while (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
		if (*c->p == '\n')
			c->line++;
		c->p++;
	}
	if (c->p >= c->end)
		return 0;
	*line = c->line;
	start = c->p;
	need = (size_t)(c->end - c->p) + 1;
	if (need > c->scap) {
		c->scap = need;
		c->scratch = xrealloc(c->scratch, c->scap * 2);
	}
	c->nfields = 0;
	for (;;) {
		add_field(c, off);
		if (field(c, &off, err) == -1)
			goto bad;
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		break;
	}
	if (c->p < c->end && *c->p == '\r')
		c->p++;
	if (c->p < c->end) {
		c->p++;
		c->line++;
	}
	if (!util_utf8_valid(start, (size_t)(c->p - start))) {
		*err = "invalid UTF-8";
		return -1;
	}
	for (i = 0; i < c->nfields; i++)
		c->fields[i] = c->scratch + (uintptr_t)c->fields[i];
	return 1;
bad:
	/* Resynchronise at the line after the one where the record began. */
	c->p = start;
	c->line = *line;
	skip_line(c);
	return -1;
}

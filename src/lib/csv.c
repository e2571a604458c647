/*
 * RFC 4180 parsing: fields separated by commas, records by LF or CRLF,
 * double-quoted fields may hold commas, line breaks and doubled quotes.
 * A record's extent is found first, by the same grammar, reading more
 * of the input as needed; then its fields are unescaped into one
 * scratch buffer the size of the record.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "util.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

void
csv_init_input(struct csv *c, struct input *in)
{
	memset(c, 0, sizeof(*c));
	c->in = in;
	c->line = 1;
}

void
csv_init(struct csv *c, const char *data, size_t len)
{
	csv_init_input(c, NULL);
	input_init_mem(&c->mem, data, len);
	c->in = &c->mem;
}

void
csv_release(struct csv *c)
{
	free(c->fields);
	free(c->scratch);
	memset(c, 0, sizeof(*c));
}

/* A UTF-8 byte order mark is allowed before the header. */
static int
skip_bom(struct csv *c)
{
	struct input *in = c->in;

	c->started = 1;
	while (in->end - in->p < 3)
		if (input_more(in) <= 0)
			break;
	if (!in->eof && in->end - in->p < 3)
		return -1;
	if (in->end - in->p >= 3 && memcmp(in->p, "\xef\xbb\xbf", 3) == 0)
		in->p += 3;
	return 0;
}

/* On to the line after the one the current record began on. */
static void
skip_line(struct csv *c)
{
	struct input *in = c->in;
	const char *nl;

	while ((nl = memchr(in->p, '\n', (size_t)(in->end - in->p))) ==
	    NULL) {
		in->p = in->end;
		if (input_more(in) <= 0)
			return;
	}
	in->p = nl + 1;
	c->line++;
}

/*
 * The length of the record at the input's position: up to and with the
 * line break that ends it outside quotes, or to the end of the input,
 * read as far as needed.  0 with *len, 1 when it is longer than
 * CSV_RECORD_MAX, -1 on a read error.  A malformed record ends where the
 * parser will find it malformed or later.
 */
static int
extent(struct csv *c, size_t *len)
{
	struct input *in = c->in;
	enum { START, PLAIN, QUOTED, CLOSED } s = START;
	size_t i = 0;
	char ch;
	int rc;

	for (;;) {
		for (; i < (size_t)(in->end - in->p); i++) {
			ch = in->p[i];
			if (ch == '\n' && s != QUOTED) {
				*len = i + 1;
				return *len > CSV_RECORD_MAX;
			}
			if (s == QUOTED)
				s = ch == '"' ? CLOSED : QUOTED;
			else if (ch == ',')
				s = START;
			else if (s == START && ch == '"')
				s = QUOTED;
			else if (s == CLOSED && ch == '"')
				s = QUOTED;	/* a doubled quote */
			else
				s = PLAIN;
		}
		if (i > CSV_RECORD_MAX)
			return 1;
		if ((rc = input_more(in)) <= 0) {
			*len = i;
			return rc;
		}
	}
}

/* Unescape one field into scratch at *off; returns 0 or -1 with *err. */
static int
field(struct csv *c, size_t *off, const char **err)
{
	struct input *in = c->in;
	int quoted = in->p < c->stop && *in->p == '"';

	if (quoted)
		in->p++;
	for (;;) {
		char ch;

		if (in->p >= c->stop) {
			if (quoted) {
				*err = "unterminated quoted field";
				return -1;
			}
			break;
		}
		ch = *in->p;
		if (quoted && ch == '"') {
			if (in->p + 1 < c->stop && in->p[1] == '"') {
				in->p += 2;
				c->scratch[(*off)++] = '"';
				continue;
			}
			in->p++;
			if (in->p < c->stop && *in->p != ',' &&
			    *in->p != '\n' && *in->p != '\r') {
				*err = "text after closing quote";
				return -1;
			}
			quoted = 0;
			continue;
		}
		if (!quoted && (ch == ',' || ch == '\n' ||
		    (ch == '\r' && in->p + 1 < c->stop && in->p[1] == '\n')))
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
		in->p++;
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

/* Skip blank lines between records; 1 at a record, 0 at the end, -1 on
 * a read error. */
static int
skip_blank(struct csv *c)
{
	struct input *in = c->in;
	int rc;

	for (;;) {
		while (in->p < in->end && (*in->p == '\n' || *in->p == '\r')) {
			if (*in->p == '\n')
				c->line++;
			in->p++;
		}
		if (in->p < in->end)
			return 1;
		if ((rc = input_more(in)) <= 0)
			return rc;
	}
}

/* Parse the record of len bytes at the input's position. */
static int
record(struct csv *c, size_t len, const char **err)
{
	struct input *in = c->in;
	const char *start = in->p;
	size_t off = 0, i;

	c->stop = in->p + len;
	if (len + 1 > c->scap) {
		c->scap = len + 1;
		c->scratch = xrealloc(c->scratch, c->scap);
	}
	c->nfields = 0;
	for (;;) {
		add_field(c, off);
		if (field(c, &off, err) == -1)
			return -1;
		if (in->p < c->stop && *in->p == ',') {
			in->p++;
			continue;
		}
		break;
	}
	if (in->p < c->stop && *in->p == '\r')
		in->p++;
	if (in->p < c->stop) {
		in->p++;
		c->line++;
	}
	if (!util_utf8_valid(start, (size_t)(in->p - start))) {
		*err = "invalid UTF-8";
		return -1;
	}
	for (i = 0; i < c->nfields; i++)
		c->fields[i] = c->scratch + (uintptr_t)c->fields[i];
	return 1;
}

int
csv_read(struct csv *c, long *line, const char **err)
{
	struct input *in = c->in;
	const char *start;
	size_t len;
	int rc;

	if ((!c->started && skip_bom(c) == -1) || (rc = skip_blank(c)) == -1)
		goto ioerr;
	if (rc == 0)
		return 0;
	*line = c->line;
	if ((rc = extent(c, &len)) == -1)
		goto ioerr;
	if (rc == 1) {
		*err = "record longer than " STR(CSV_RECORD_MAX) " bytes";
		skip_line(c);
		return -1;
	}
	start = in->p;
	if (record(c, len, err) == 1)
		return 1;
	/* Resynchronise at the line after the one where the record began. */
	in->p = start;
	c->line = *line;
	skip_line(c);
	return -1;
ioerr:
	*err = strerror(errno);
	in->p = in->end;
	in->eof = 1;		/* nothing more from this input */
	return -1;
}

const char *
csv_reason_vi(const char *err)
{
	static const struct {
		const char *en, *vi;
	} reasons[] = {
		{ "unterminated quoted field", "ô mở bằng dấu ngoặc kép nhưng "
		    "không đóng lại" },
		{ "text after closing quote", "có chữ sau dấu ngoặc kép đóng "
		    "ô" },
		{ "quote inside unquoted field", "dấu ngoặc kép nằm giữa một ô "
		    "không mở bằng dấu ngoặc kép" },
		{ "bare carriage return", "ký tự xuống dòng CR đứng một mình" },
		{ "NUL byte in field", "ô có ký tự NUL" },
		{ "invalid UTF-8", "không phải văn bản UTF-8 (hãy lưu tệp với "
		    "bảng mã UTF-8)" },
		{ "record longer than " STR(CSV_RECORD_MAX) " bytes",
		    "dòng dài quá " STR(CSV_RECORD_MAX) " byte" },
	};
	size_t i;

	for (i = 0; err != NULL && i < NELEM(reasons); i++)
		if (strcmp(err, reasons[i].en) == 0)
			return reasons[i].vi;
	return err;
}

/*
 * Unfolding by scanning for line breaks with memchr() over the input's
 * window: each byte is looked at a bounded number of times however long
 * the line, unlike libical's string reader, which searches the rest of
 * the text for the next line break once per 80 bytes it copies (a 7 MB
 * line took seconds, and four times as long for twice the length).
 */
#include <string.h>

#include "icsline.h"
#include "input.h"

void
icsline_init(struct icsline *l, struct input *in, size_t max)
{
	memset(l, 0, sizeof(*l));
	l->in = in;
	l->max = max;
	buf_init(&l->text);
	icsline_rewind(l);
}

void
icsline_release(struct icsline *l)
{
	buf_release(&l->text);
}

void
icsline_rewind(struct icsline *l)
{
	l->line = 0;		/* 0: the byte order mark is to check */
}

/* Add n bytes to the content line, as many as max allows. */
static void
add(struct icsline *l, const char *s, size_t n)
{
	size_t room = l->max - l->text.len;

	if (n > room) {
		l->over = 1;
		n = room;
	}
	if (n > 0)
		buf_add(&l->text, s, n);
}

/*
 * Keep the n bytes at s, which end the physical line when eol.  The CR
 * of a CRLF is not part of the line: a CR ending a window's bytes waits
 * until the byte after it is known.
 */
static void
keep(struct icsline *l, const char *s, size_t n, int eol)
{
	if (l->cr) {
		l->cr = 0;
		if (!eol || n > 0)
			add(l, "\r", 1);
	}
	if (n > 0 && s[n - 1] == '\r') {
		n--;
		l->cr = !eol;
	}
	add(l, s, n);
}

/* Skip a UTF-8 byte order mark at the start; 0 or -1. */
static int
skip_bom(struct icsline *l)
{
	struct input *in = l->in;

	l->line = 1;
	while (in->end - in->p < 3)
		if (input_more(in) <= 0)
			break;
	if (in->eof == 0 && in->end - in->p < 3)
		return -1;
	if (in->end - in->p >= 3 && memcmp(in->p, "\xef\xbb\xbf", 3) == 0)
		in->p += 3;
	return 0;
}

/* The rest of one physical line; 1 at its line break, 0 at the end of
 * the input, -1 on a read error. */
static int
physical(struct icsline *l)
{
	struct input *in = l->in;
	const char *nl;
	int rc;

	for (;;) {
		nl = memchr(in->p, '\n', (size_t)(in->end - in->p));
		keep(l, in->p, (size_t)((nl != NULL ? nl : in->end) - in->p),
		    nl != NULL);
		if (nl != NULL) {
			in->p = nl + 1;
			l->line++;
			return 1;
		}
		in->p = in->end;
		if ((rc = input_more(in)) <= 0) {
			keep(l, "", 0, 0);	/* a CR at the very end */
			return rc;
		}
	}
}

int
icsline_next(struct icsline *l, long *line)
{
	struct input *in = l->in;
	int rc;

	if (l->line == 0 && skip_bom(l) == -1)
		return -1;
	l->text.len = 0;
	l->over = 0;
	l->cr = 0;
	if (in->p == in->end && (rc = input_more(in)) <= 0)
		return rc;
	*line = l->line;
	for (;;) {
		if ((rc = physical(l)) == -1)
			return -1;
		if (rc == 0)
			break;
		/* A space or tab after the line break continues the line. */
		if (in->p == in->end && input_more(in) == -1)
			return -1;
		if (in->p == in->end || (*in->p != ' ' && *in->p != '\t'))
			break;
		in->p++;
	}
	while (!l->over && l->text.len > 0 && strchr(" \t\r\n\v\f",
	    l->text.data[l->text.len - 1]) != NULL)
		l->text.len--;
	buf_add(&l->text, "", 0);	/* the NUL after the new length */
	return l->over ? ICSLINE_LONG : ICSLINE_OK;
}

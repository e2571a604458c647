/*
 * The content lines of an iCalendar file (RFC 5545 3.1), read from an
 * input a window at a time: unfolded, without their line break, each
 * with the physical line it starts on, in time linear in the input.
 * What the lines mean is libical's business (import_ics.c feeds them).
 */
#ifndef KYNIEM_ICSLINE_H
#define KYNIEM_ICSLINE_H

#include <stddef.h>

#include "util.h"

struct input;

struct icsline {
	struct input *in;
	size_t max;		/* a longer content line is cut */
	long line;		/* the physical line of the next byte */
	struct buf text;	/* the content line read, NUL-terminated */
	int over;		/* it was longer than max */
	int cr;			/* a CR is held back (icsline.c) */
};

/* Results of icsline_next(). */
#define ICSLINE_END	0
#define ICSLINE_OK	1
#define ICSLINE_LONG	2

/* Read in's content lines, keeping at most max bytes of each. */
void icsline_init(struct icsline *l, struct input *in, size_t max);
void icsline_release(struct icsline *l);
/* After input_rewind(): from the first line again. */
void icsline_rewind(struct icsline *l);

/*
 * The next content line into l->text: its physical lines joined (a line
 * break followed by a space or tab goes with them), the CRLF or LF that
 * ends it and trailing white space removed, as libical's own reader does;
 * a UTF-8 byte order mark before the first line is skipped.  *line is the
 * physical line it starts on.  Returns ICSLINE_OK, ICSLINE_LONG when it
 * was longer than max bytes (l->text holds the first max, the rest was
 * read and dropped), ICSLINE_END at the end of the input, or -1 on a
 * read error (errno set).
 */
int icsline_next(struct icsline *l, long *line);

#endif

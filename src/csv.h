/*
 * An RFC 4180 CSV reader over a memory buffer, tracking line numbers so
 * callers can report FILE:LINE.  It checks structure and UTF-8; what the
 * fields mean is the caller's business.
 */
#ifndef KYNIEM_CSV_H
#define KYNIEM_CSV_H

#include <stddef.h>

struct csv {
	const char *p, *end;
	long line;		/* line where the next record starts */
	char **fields;		/* current record, valid until next read */
	size_t nfields, cap;
	char *scratch;		/* unescaped field text */
	size_t scap;
};

/* Read records from data[0..len) (not copied: keep it alive). */
void csv_init(struct csv *c, const char *data, size_t len);
void csv_release(struct csv *c);

/*
 * Read the next record.  Returns 1 with c->fields set and *line the line it
 * started on, 0 at the end, or -1 for a malformed record (*err says why;
 * the reader has skipped to the next line, so reading may go on).
 */
int csv_read(struct csv *c, long *line, const char **err);

#endif

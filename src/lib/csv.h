/*
 * An RFC 4180 CSV reader over an input (input.h: a file read a window at
 * a time, or memory), tracking line numbers so callers can report
 * FILE:LINE.  It holds one record at a time, never the file, and checks
 * structure and UTF-8; what the fields mean is the caller's business.
 */
#ifndef KYNIEM_CSV_H
#define KYNIEM_CSV_H

#include <stddef.h>

#include "input.h"

/* A longer record is refused (and skipped to its next line): the
 * longest a kyniem file can hold is a tenth of this. */
#define CSV_RECORD_MAX	1048576		/* 1 MiB */

struct csv {
	struct input *in;	/* where the records come from */
	struct input mem;	/* csv_init()'s */
	const char *stop;	/* the end of the current record */
	long line;		/* line where the next record starts */
	int started;		/* the byte order mark was looked for */
	char **fields;		/* current record, valid until next read */
	size_t nfields, cap;
	char *scratch;		/* unescaped field text */
	size_t scap;
};

/* Read records from data[0..len) (not copied: keep it alive). */
void csv_init(struct csv *c, const char *data, size_t len);
/* Read records from in, which the caller opens and closes. */
void csv_init_input(struct csv *c, struct input *in);
void csv_release(struct csv *c);

/*
 * Read the next record.  Returns 1 with c->fields set and *line the line it
 * started on, 0 at the end, or -1 for a malformed record (*err says why;
 * the reader has skipped to the next line, so reading may go on).  A read
 * error of the input is -1 with *err saying so, and the end after it.
 */
int csv_read(struct csv *c, long *line, const char **err);

/* A reason csv_read() gave, in Vietnamese ("dấu ngoặc kép nằm trong ô
 * không mở bằng dấu ngoặc kép"); err itself when it has none. */
const char *csv_reason_vi(const char *err);

#endif

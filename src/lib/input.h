/*
 * Input read a window at a time: a file through read(2), or bytes already
 * in memory, behind one interface, so that the CSV and iCalendar readers
 * (csv.c, icsline.c) hold one record or line of a file, never all of it.
 */
#ifndef KYNIEM_INPUT_H
#define KYNIEM_INPUT_H

#include <stddef.h>

struct input {
	const char *p, *end;	/* read and not yet consumed */
	int fd;			/* -1: reading memory */
	int eof;		/* nothing more to read */
	char *buf;		/* a file's window: p and end point into it */
	size_t cap;
	const char *data;	/* memory: the whole input (not owned) */
	size_t len;
};

/* Read data[0..len), which must outlive the input (it is not copied). */
void input_init_mem(struct input *in, const char *data, size_t len);

/*
 * Open the file at path for reading.  Returns 0, or -1 with errno set
 * (EISDIR for a directory) and nothing to release.
 */
int input_open(struct input *in, const char *path);

/* Close the file and free the window (safe on memory inputs). */
void input_close(struct input *in);

/*
 * Read more of the input: the unconsumed bytes [p, end) are kept (they
 * may move) and at least one byte is added after them.  Returns 1, 0 at
 * the end of the input, or -1 on a read error (errno set).
 */
int input_more(struct input *in);

/* Back to the first byte, for a second pass; 0, or -1 (errno set). */
int input_rewind(struct input *in);

#endif

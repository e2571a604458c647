/*
 * The one JSON writer: every JSON kyniem writes (the CLI's --format json,
 * the audit trail's before and after objects) is built through it over a
 * struct buf, so escaping and commas are written once.  It writes, it does
 * not read.
 *
 * The output is deterministic: the same calls give the same bytes.  Keys
 * come in the order they are written (not sorted), nothing is added but
 * the optional line breaks below, integers are plain decimal, there are
 * no floating-point numbers, and strings are escaped as RFC 8785 (JCS)
 * does: \" \\ \b \f \n \r \t, the other C0 controls as \u00xx (lower-case
 * hex), everything else (DEL, non-ASCII) as its UTF-8 bytes.  A byte
 * sequence that is not UTF-8 becomes U+FFFD, one for each maximal
 * ill-formed part (Unicode's practice, as ICU's U8_NEXT reads it): the
 * output is always valid UTF-8 and valid JSON, and a record with a stray
 * byte is still written rather than lost.  So a record written twice is
 * byte for byte the same, and a signature over those bytes holds.
 *
 * The prefix is jsonw_, not json_: Jansson (libjansson, the reader) owns
 * json_object(), json_array(), json_null() and the rest of json_*, and a
 * definition of ours under one of those names would silently replace
 * Jansson's in the linked program.
 */
#ifndef KYNIEM_JSONW_H
#define KYNIEM_JSONW_H

#include "util.h"

/* Nesting levels a writer can hold. */
#define JSONW_DEPTH	16

struct jsonw {
	struct buf *out;
	int lines;			/* levels broken into lines */
	int depth;			/* open arrays and objects */
	/* Level 0 is the document, 1.. the open arrays and objects. */
	char open[JSONW_DEPTH + 1];	/* '{' or '[' (0 at level 0) */
	unsigned char any[JSONW_DEPTH + 1]; /* a member written yet */
};

/*
 * Start writing one JSON value at the end of out.  lines 0 writes it on
 * one line, with no white space at all.  lines N puts each member of the
 * N outermost arrays and objects on a line of its own, indented one space
 * a level, and the closing bracket of a non-empty one on its own line:
 * the CLI's lists use 1, one record a line ("[\n {...},\n {...}\n]").
 * No final newline is written.
 */
void jsonw_init(struct jsonw *j, struct buf *out, int lines);

/*
 * Each function writes one value: key is its name inside an object, and
 * must be NULL inside an array and for the outermost value.  A key where
 * none belongs, a missing one, a second outermost value, more than
 * JSONW_DEPTH levels, or jsonw_end() with nothing open is a broken
 * invariant (fatal()).
 */
void jsonw_object(struct jsonw *j, const char *key);	/* opens { */
void jsonw_array(struct jsonw *j, const char *key);	/* opens [ */
void jsonw_end(struct jsonw *j);		/* closes the innermost one */
/* A string; NULL writes "" (every text field absent or empty alike). */
void jsonw_str(struct jsonw *j, const char *key, const char *s);
void jsonw_int(struct jsonw *j, const char *key, long long v);
void jsonw_bool(struct jsonw *j, const char *key, int v);
void jsonw_null(struct jsonw *j, const char *key);
/* An object when present (opened: the caller fills it and closes it
 * with jsonw_end()), else null, for a member that may be absent; returns
 * present. */
int jsonw_object_or_null(struct jsonw *j, const char *key, int present);

#endif

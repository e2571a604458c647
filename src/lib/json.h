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
 */
#ifndef KYNIEM_JSON_H
#define KYNIEM_JSON_H

#include "util.h"

/* Nesting levels a writer can hold. */
#define JSON_DEPTH	16

struct json {
	struct buf *out;
	int lines;			/* levels broken into lines */
	int depth;			/* open arrays and objects */
	/* Level 0 is the document, 1.. the open arrays and objects. */
	char open[JSON_DEPTH + 1];	/* '{' or '[' (0 at level 0) */
	unsigned char any[JSON_DEPTH + 1]; /* a member written yet */
};

/*
 * Start writing one JSON value at the end of out.  lines 0 writes it on
 * one line, with no white space at all.  lines N puts each member of the
 * N outermost arrays and objects on a line of its own, indented one space
 * a level, and the closing bracket of a non-empty one on its own line:
 * the CLI's lists use 1, one record a line ("[\n {...},\n {...}\n]").
 * No final newline is written.
 */
void json_init(struct json *j, struct buf *out, int lines);

/*
 * Each function writes one value: key is its name inside an object, and
 * must be NULL inside an array and for the outermost value.  A key where
 * none belongs, a missing one, a second outermost value, more than
 * JSON_DEPTH levels, or json_end() with nothing open is a broken
 * invariant (fatal()).
 */
void json_object(struct json *j, const char *key);	/* opens { */
void json_array(struct json *j, const char *key);	/* opens [ */
void json_end(struct json *j);		/* closes the innermost one */
/* A string; NULL writes "" (every text field absent or empty alike). */
void json_str(struct json *j, const char *key, const char *s);
void json_int(struct json *j, const char *key, long long v);
void json_bool(struct json *j, const char *key, int v);
void json_null(struct json *j, const char *key);

#endif

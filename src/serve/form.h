/*
 * The fields of a POST body, urlencoded or multipart (a file upload),
 * collected through libmicrohttpd's post processor with limits on each
 * field, on the number of fields and on the whole body.  What the fields
 * mean is the web application's business.
 */
#ifndef KYNIEM_FORM_H
#define KYNIEM_FORM_H

#include <stddef.h>

#include "util.h"

struct MHD_Connection;
struct MHD_PostProcessor;

/* Bytes of one text field and fields of one form at most. */
#define FORM_FIELD_MAX	(256 * 1024)
#define FORM_FIELDS_MAX	200

struct form_field {
	char *name;
	char *filename;		/* a file part's name; NULL for text */
	struct buf value;
};

struct form {
	struct MHD_PostProcessor *pp;
	struct form_field *v;
	size_t n;
	size_t total, max_total;	/* body bytes read; allowed */
	int too_big;			/* a limit was passed: refuse */
	int bad;			/* not a well-formed form, or a NUL
					   byte in a text field */
};

/*
 * Start collecting the body of connection c (up to max_total bytes).
 * Returns 0, or -1 when the body is not a form (its Content-Type is
 * neither urlencoded nor multipart).
 */
int form_begin(struct form *f, struct MHD_Connection *c, size_t max_total);
/* Feed a chunk of the body. */
void form_feed(struct form *f, const char *data, size_t len);
void form_release(struct form *f);

/* The text of field name (the first of that name), or NULL. */
const char *form_get(const struct form *f, const char *name);
/* The text of the nth field called name (from 0: checkboxes and
 * multiple selects send one field per choice), or NULL past the last. */
const char *form_get_nth(const struct form *f, const char *name, size_t nth);
/* The file of field name: 0 and its bytes, length and file name, or -1
 * when the form has none. */
int form_file(const struct form *f, const char *name, const char **data,
    size_t *len, const char **filename);

/* Characters of form_file_name() at most. */
#define FORM_NAME_MAX	100
/*
 * The name of an uploaded file as messages say it, into out (len bytes):
 * the last segment of what the browser sent (NULL: none), with controls
 * and the characters that would confuse "NAME:LINE" or a path replaced
 * by '_', cut to whole UTF-8 characters; "upload" when nothing is left
 * or it is longer than FORM_NAME_MAX characters.
 */
void form_file_name(const char *sent, char *out, size_t len);

#endif

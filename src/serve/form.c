/*
 * Form collection.  libmicrohttpd's post processor hands the values over
 * in pieces (a large upload in many calls); each piece is appended to its
 * field unless a limit would be passed, in which case the form is marked
 * too big and the rest of the body is read and dropped, so the client
 * still gets its answer (a 413) instead of a reset connection.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "form.h"
#include "text.h"
#include "util.h"

static struct form_field *
field(struct form *f, const char *name, const char *filename, uint64_t off)
{
	struct form_field *ff;

	/* A continued value: the last field, same name, later offset. */
	if (f->n > 0 && off > 0 && strcmp(f->v[f->n - 1].name, name) == 0)
		return &f->v[f->n - 1];
	if (f->n == FORM_FIELDS_MAX)
		return NULL;
	f->v = xrealloc(f->v, (f->n + 1) * sizeof(*f->v));
	ff = &f->v[f->n++];
	ff->name = xstrdup(name);
	ff->filename = filename != NULL ? xstrdup(filename) : NULL;
	buf_init(&ff->value);
	buf_add(&ff->value, "", 0);
	return ff;
}

static enum MHD_Result
iterate(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *ctype, const char *encoding,
    const char *data, uint64_t off, size_t size)
{
	struct form *f = cls;
	struct form_field *ff;

	(void)kind, (void)ctype, (void)encoding;
	if (f->too_big || key == NULL)
		return MHD_YES;
	if ((ff = field(f, key, filename, off)) == NULL ||
	    (ff->filename == NULL && ff->value.len + size > FORM_FIELD_MAX)) {
		f->too_big = 1;
		return MHD_YES;
	}
	/* A text value is a C string to everyone after us: a decoded NUL
	 * would hide what follows it from the validator. */
	if (ff->filename == NULL && memchr(data, '\0', size) != NULL)
		f->bad = 1;
	buf_add(&ff->value, data, size);
	return MHD_YES;
}

int
form_begin(struct form *f, struct MHD_Connection *c, size_t max_total)
{
	memset(f, 0, sizeof(*f));
	f->max_total = max_total;
	f->pp = MHD_create_post_processor(c, 16 * 1024, iterate, f);
	return f->pp != NULL ? 0 : -1;
}

void
form_feed(struct form *f, const char *data, size_t len)
{
	if (f->pp == NULL || f->too_big || f->bad)
		return;
	if (f->total + len > f->max_total) {
		f->too_big = 1;
		return;
	}
	f->total += len;
	/* The post processor refuses a body it cannot parse: a bad form,
	 * not a big one (the limits set too_big in iterate()). */
	if (MHD_post_process(f->pp, data, len) != MHD_YES && !f->too_big)
		f->bad = 1;
}

void
form_release(struct form *f)
{
	size_t i;

	if (f->pp != NULL)
		MHD_destroy_post_processor(f->pp);
	for (i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].filename);
		buf_release(&f->v[i].value);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

const char *
form_get(const struct form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->v[i].filename == NULL && strcmp(f->v[i].name, name) == 0)
			return f->v[i].value.data;
	return NULL;
}

const char *
form_get_nth(const struct form *f, const char *name, size_t nth)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->v[i].filename == NULL && strcmp(f->v[i].name, name) ==
		    0 && nth-- == 0)
			return f->v[i].value.data;
	return NULL;
}

int
form_file(const struct form *f, const char *name, const char **data,
    size_t *len, const char **filename)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->v[i].filename != NULL && strcmp(f->v[i].name, name) ==
		    0) {
			*data = f->v[i].value.data;
			*len = f->v[i].value.len;
			*filename = f->v[i].filename;
			return 0;
		}
	return -1;
}

void
form_file_name(const char *sent, char *out, size_t len)
{
	const char *base = sent != NULL ? sent : "", *p;
	unsigned char c;
	size_t n = 0;

	for (p = base; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	for (p = base; *p != '\0' && n + 1 < len; p++) {
		c = (unsigned char)*p;
		out[n++] = c < 0x20 || c == 0x7f || strchr(":\"<>|*?", c) !=
		    NULL ? '_' : (char)c;
	}
	while (n > 0 && !util_utf8_valid(out, n))
		n--;
	out[n] = '\0';
	if (n == 0 || text_check(out, FORM_NAME_MAX, 0, NULL) == -1)
		snprintf(out, len, "upload");
}

/*
 * The mechanism of the declared fields: checking values against their
 * rows, carrying values between an input struct and its model, and the
 * words of text_check()'s reasons, said once here for every form, option
 * and CSV column.  The tables are the models'.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "field.h"
#include "text.h"
#include "util.h"

/* Bytes of a value quoted in a message at most ("..." marks a cut). */
#define QUOTE_MAX	80

/* text_check()'s reasons, said for a page; "%zu" is the limit. */
static const struct {
	const char *why, *vi, *en;
} reasons[] = {
	{ "is required", "Chưa điền mục này.", "A value is required." },
	{ "has no visible character", "Phải có ít nhất một chữ nhìn thấy "
	    "được (không chỉ dấu cách hay ký tự ẩn).", "Needs at least one "
	    "visible character (not only spaces or invisible characters)." },
	{ "contains a bidirectional control character", "Có ký tự điều khiển "
	    "hướng chữ (như U+202E), làm chữ hiển thị khác với nội dung "
	    "thật; hãy xóa ký tự đó.", "Contains a bidirectional control "
	    "character (such as U+202E), which makes the text show other "
	    "than it is." },
	{ "contains a control character", "Có ký tự điều khiển không được "
	    "phép ở mục này.", "Contains a control character." },
	{ "is not valid UTF-8", "Có ký tự không hợp lệ (không phải UTF-8).",
	    "Holds bytes that are not valid UTF-8." },
};

size_t
field_count(const struct field *t)
{
	size_t n = 0;

	while (t[n].name != NULL)
		n++;
	return n;
}

const struct field *
field_find(const struct field *t, const char *name)
{
	for (; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

const char **
field_slot(const struct field *f, void *in)
{
	return (const char **)(void *)((char *)in + f->off);
}

const char *
field_value(const struct field *f, const void *in)
{
	return *(const char *const *)(const void *)((const char *)in +
	    f->off);
}

void
field_errs_init(struct field_errs *es)
{
	es->v = NULL;
	es->n = 0;
}

void
field_errs_release(struct field_errs *es)
{
	free(es->v);
	field_errs_init(es);
}

struct field_err *
field_errs_add(struct field_errs *es, const char *field)
{
	struct field_err *e;

	es->v = xrealloc(es->v, (es->n + 1) * sizeof(*es->v));
	e = &es->v[es->n++];
	e->field = field;
	e->vi[0] = e->en[0] = '\0';
	return e;
}

const struct field_err *
field_errs_find(const struct field_errs *es, const char *field)
{
	size_t i;

	for (i = 0; i < es->n; i++)
		if (strcmp(es->v[i].field, field) == 0)
			return &es->v[i];
	return NULL;
}

/* Copy src into dst (FIELD_MSG_MAX bytes), cut at a character. */
static void
put_msg(char *dst, const char *src, size_t n)
{
	if (n >= FIELD_MSG_MAX) {
		n = FIELD_MSG_MAX - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* msg with its first "%s" replaced by the value v, into dst. */
static void
fill(char *dst, const char *msg, const char *v)
{
	const char *at = strstr(msg, "%s");
	struct buf b;

	buf_init(&b);
	if (at == NULL)
		buf_puts(&b, msg);
	else {
		buf_add(&b, msg, (size_t)(at - msg));
		esc_term(&b, v != NULL ? v : "", QUOTE_MAX);
		buf_puts(&b, at + 2);
	}
	put_msg(dst, b.data != NULL ? b.data : "", b.len);
	buf_release(&b);
}

void
field_fail(struct field_errs *es, const struct field *f, const char *v)
{
	struct field_err *e = field_errs_add(es, f->name);

	fill(e->vi, f->vi != NULL ? f->vi : "Giá trị không hợp lệ.", v);
	fill(e->en, f->en != NULL ? f->en : "Not a valid value.", v);
}

/* text_check()'s reason why for row f, said in both languages. */
static void
text_fail(struct field_errs *es, const struct field *f, const char *why)
{
	struct field_err *e = field_errs_add(es, f->name);
	size_t i;

	if (strcmp(why, "is longer than the limit") == 0) {
		snprintf(e->vi, sizeof(e->vi), "Dài quá giới hạn %zu ký tự.",
		    f->max);
		snprintf(e->en, sizeof(e->en), "Longer than the limit of %zu "
		    "characters.", f->max);
		return;
	}
	for (i = 0; i < NELEM(reasons); i++)
		if (strcmp(why, reasons[i].why) == 0) {
			fill(e->vi, reasons[i].vi, NULL);
			fill(e->en, reasons[i].en, NULL);
			return;
		}
	fill(e->vi, why, NULL);
	fill(e->en, why, NULL);
}

static int
one_of(const char *const *choices, const char *v)
{
	for (; *choices != NULL; choices++)
		if (strcmp(*choices, v) == 0)
			return 1;
	return 0;
}

int
field_check_value(const struct field *f, const char *v,
    struct field_errs *es)
{
	const char *why;

	if (text_check(v, f->max, f->flags & (TEXT_MULTILINE |
	    TEXT_REQUIRED), &why) == -1) {
		text_fail(es, f, why);
		return -1;
	}
	if (v == NULL || *v == '\0')
		return 0;
	if ((f->choices != NULL && !one_of(f->choices, v)) ||
	    (f->valid != NULL && !f->valid(v))) {
		field_fail(es, f, v);
		return -1;
	}
	return 0;
}

int
field_check(const struct field *t, const void *in, int flags,
    struct field_errs *es)
{
	const char *v;
	int ret = 0;

	for (; t->name != NULL; t++) {
		v = field_value(t, in);
		if (v == NULL && (flags & FIELD_GIVEN))
			continue;
		if (field_check_value(t, v, es) == -1)
			ret = -1;
	}
	return ret;
}

static char **
obj_slot(const struct field *f, void *obj)
{
	return (char **)(void *)((char *)obj + f->obj);
}

static char *
obj_value(const struct field *f, const void *obj)
{
	return *(char *const *)(const void *)((const char *)obj + f->obj);
}

void
field_copy(const struct field *t, const void *in, void *obj)
{
	const char *v;
	char **dst;

	for (; t->name != NULL; t++) {
		if (!(t->flags & FIELD_COPY) || (v = field_value(t, in)) ==
		    NULL)
			continue;
		dst = obj_slot(t, obj);
		free(*dst);
		*dst = *v != '\0' ? xstrdup(v) : NULL;
	}
}

void
field_view(const struct field *t, const void *obj, void *in)
{
	for (; t->name != NULL; t++)
		if (t->flags & FIELD_COPY)
			*field_slot(t, in) = obj_value(t, obj);
}

void
field_err_line(const struct field_err *e, char *buf, size_t len)
{
	const char *m = e->en;
	size_t n = strlen(m);
	int lower;

	/* "A value is required." reads "title: a value is required"; an
	 * acronym at the start ("UTF-8") keeps its capitals. */
	lower = isupper((unsigned char)m[0]) && (m[1] == ' ' ||
	    islower((unsigned char)m[1]));
	if (n > 0 && m[n - 1] == '.')
		n--;
	if (n == 0)
		snprintf(buf, len, "%s: not a valid value", e->field);
	else
		snprintf(buf, len, "%s: %c%.*s", e->field, lower ?
		    tolower((unsigned char)m[0]) : m[0], (int)n - 1, m + 1);
}

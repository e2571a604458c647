/*
 * Declared fields: an input (an activity, a contact, a recipient, an
 * account, a correction) is described once, as a table of rows, in the
 * spirit of kcgi's struct kvalid and git's struct option: the field's
 * name, where its value goes, its limit and flags, the rule the value
 * follows and what to say, in Vietnamese and English, when it does not.
 * The command line's options (cli/options.c), the web forms and the CSV
 * import read the same table, and every refusal comes back as one
 * struct field_err.  Each model's table lives beside the model.
 */
#ifndef KYNIEM_FIELD_H
#define KYNIEM_FIELD_H

#include <stddef.h>

#include "text.h"

/* Flags of a row. */
#define FIELD_MULTILINE	TEXT_MULTILINE	/* line breaks and tabs allowed */
#define FIELD_REQUIRED	TEXT_REQUIRED	/* empty is refused */
#define FIELD_LIST	0x10	/* an option given once per item, the items
				 * joined with "," */
#define FIELD_SWITCH	0x20	/* options --NAME and --no-NAME: "yes", "no" */
#define FIELD_NOOPT	0x40	/* not a command-line option */
#define FIELD_COPY	0x80	/* the model keeps the value as it is typed,
				 * at obj (field_copy(), field_view()) */

/*
 * One field.  The value is a string (const char *, NULL: not given) at
 * off in the caller's input struct; it passes text_check() with max and
 * the flags, and when not empty it is one of choices and valid() accepts
 * it.  vi and en say what the rule wants, as sentences for a page: "%s"
 * stands for the value as typed.
 */
struct field {
	const char *name;	/* the form field, the CSV column, the option */
	const char *opt;	/* the option when it is not --name: "owner" */
	size_t off;		/* offsetof the value in the input struct */
	size_t obj;		/* FIELD_COPY: offsetof the model's char * */
	size_t max;		/* characters at most */
	int flags;
	int (*valid)(const char *s);	/* 1 if s follows the rule; or NULL */
	const char *const *choices;	/* NULL-terminated, or NULL */
	const char *vi, *en;	/* the rule, said when it is broken */
};

/* The row of an email address field named name at offset off: the rule
 * of text_email_valid() and its words, the same in every input. */
#define FIELD_EMAIL(name, off, flags) \
	{ name, NULL, off, 0, 254, flags, text_email_valid, NULL, \
	    "Địa chỉ email không hợp lệ.", "'%s' is not an email address." }

/* Bytes of a message, NUL included. */
#define FIELD_MSG_MAX	512

/*
 * Why one field was refused: a sentence for a page in each language
 * ("Chưa điền mục này.", "A value is required.").  The command line and
 * the import say it as field_err_line() writes it.
 */
struct field_err {
	const char *field;	/* the field's name (static) */
	char vi[FIELD_MSG_MAX];
	char en[FIELD_MSG_MAX];
};

/* The refusals of one input, in the order they were found. */
struct field_errs {
	struct field_err *v;
	size_t n;
};

/* The rows of a table end with a row whose name is NULL. */
size_t field_count(const struct field *t);
/* The row named name, or NULL. */
const struct field *field_find(const struct field *t, const char *name);
/* Where the value of row f is in the input struct in. */
const char **field_slot(const struct field *f, void *in);
const char *field_value(const struct field *f, const void *in);

/*
 * Check value v against row f: text_check(), then the choices and the
 * rule when v is not empty.  Returns 0, or -1 with one error added to es.
 */
int field_check_value(const struct field *f, const char *v,
    struct field_errs *es);

/* Flags of field_check(). */
#define FIELD_GIVEN	0x1	/* NULL values were not given: pass them */

/*
 * Check every value of the input struct in against its row of t (a NULL
 * value is empty, or passes with FIELD_GIVEN).  Returns 0, or -1 with an
 * error added to es for each field refused.
 */
int field_check(const struct field *t, const void *in, int flags,
    struct field_errs *es);

/*
 * The FIELD_COPY rows of t from in into the model obj: each value given
 * replaces the model's string (freed), "" clears it to NULL.
 */
void field_copy(const struct field *t, const void *in, void *obj);
/* The model's strings of the FIELD_COPY rows into in (borrowed). */
void field_view(const struct field *t, const void *obj, void *in);

void field_errs_init(struct field_errs *es);
void field_errs_release(struct field_errs *es);
/* A new, empty error of field (its messages "") at the end of es. */
struct field_err *field_errs_add(struct field_errs *es, const char *field);
/* The first error of field in es, or NULL. */
const struct field_err *field_errs_find(const struct field_errs *es,
    const char *field);

/*
 * The refusal of value v by row f's rule, its "%s" replaced by v (cut
 * and escaped for a terminal), added to es.
 */
void field_fail(struct field_errs *es, const struct field *f,
    const char *v);

/*
 * e as one English line, "FIELD: message" in lower case without the
 * final period: what the command line prints and the import writes
 * after FILE:LINE.
 */
void field_err_line(const struct field_err *e, char *buf, size_t len);

#endif

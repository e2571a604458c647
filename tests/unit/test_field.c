/*
 * The declared fields' mechanism on a table of its own: text limits and
 * flags, choices and rules checked only on a value, given-only checks,
 * the one shape of an error (both languages, the value quoted, escaped
 * and cut), the command line's "field: message", and carrying values
 * between an input struct and its model.
 */
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "util.h"

struct in {
	const char *title, *notes, *status, *n;
};

struct model {
	long id;
	char *title, *notes;
};

static const char *const statuses[] = { "planned", "done", NULL };

static int
small_number(const char *s)
{
	long n;

	return util_parse_int(s, 0, 9, &n) == 0;
}

static const struct field rows[] = {
	{ "title", NULL, offsetof(struct in, title),
	    offsetof(struct model, title), 5, FIELD_REQUIRED | FIELD_COPY,
	    NULL, NULL, NULL, NULL },
	{ "notes", NULL, offsetof(struct in, notes),
	    offsetof(struct model, notes), 20, FIELD_MULTILINE | FIELD_COPY,
	    NULL, NULL, NULL, NULL },
	{ "status", NULL, offsetof(struct in, status), 0, 16, 0, NULL,
	    statuses, "Trạng thái không hợp lệ.",
	    "Must be planned or done, not '%s'." },
	{ "n", NULL, offsetof(struct in, n), 0, 16, 0, small_number, NULL,
	    "Phải là một số từ 0 đến 9.", "Must be a number from 0 to 9." },
	{ NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* One input, the flags of field_check(), and the lines it gives. */
static const struct {
	struct in in;
	int flags;
	const char *lines;	/* "" when accepted */
	const char *vi;		/* the first error's Vietnamese, or NULL */
} cases[] = {
	{ { "Họp", NULL, NULL, NULL }, 0, "", NULL },
	{ { NULL, NULL, NULL, NULL }, 0, "title: a value is required",
	    "Chưa điền mục này." },
	{ { NULL, NULL, NULL, NULL }, FIELD_GIVEN, "", NULL },
	{ { "", NULL, NULL, NULL }, FIELD_GIVEN,
	    "title: a value is required", NULL },
	{ { " \xe2\x80\x8b ", NULL, NULL, NULL }, 0,
	    "title: needs at least one visible character (not only spaces "
	    "or invisible characters)", NULL },
	/* Six characters (twelve bytes) over a limit of five. */
	{ { "ệệệệệệ", NULL, NULL, NULL }, 0,
	    "title: longer than the limit of 5 characters",
	    "Dài quá giới hạn 5 ký tự." },
	{ { "ệệệệệ", NULL, NULL, NULL }, 0, "", NULL },
	{ { "a\nb", "a\nb", NULL, NULL }, 0,
	    "title: contains a control character", NULL },
	{ { "a\xe2\x80\xae" "b", "a\xe2\x80\xae" "b", NULL, NULL }, 0,
	    "title: contains a bidirectional control character (such as "
	    "U+202E), which makes the text show other than it is", NULL },
	{ { "\xff", NULL, NULL, NULL }, 0,
	    "title: holds bytes that are not valid UTF-8", NULL },
	/* Choices and rules apply to a value, not to an empty field. */
	{ { "x", NULL, "", "" }, 0, "", NULL },
	{ { "x", NULL, "done", "7" }, 0, "", NULL },
	{ { "x", NULL, "maybe", "10" }, 0,
	    "status: must be planned or done, not 'maybe'\n"
	    "n: must be a number from 0 to 9", "Trạng thái không hợp lệ." },
	/* Every field refused is said, in the table's order. */
	{ { "", "\x01", "Done", "x" }, 0,
	    "title: a value is required\n"
	    "notes: contains a control character\n"
	    "status: must be planned or done, not 'Done'\n"
	    "n: must be a number from 0 to 9", NULL },
	/* The value in a message is escaped for a terminal and cut. */
	{ { "x", NULL, "a\\b", NULL }, 0,
	    "status: must be planned or done, not 'a\\\\b'", NULL },
	{ { "x", NULL, "xxxxxxxxxxxxxxxx", NULL }, 0,
	    "status: must be planned or done, not 'xxxxxxxxxxxxxxxx'", NULL },
};

START_TEST(check)
{
	struct field_errs es;
	struct buf got;
	char line[FIELD_MSG_MAX + 64];
	size_t i;
	int rc;

	field_errs_init(&es);
	buf_init(&got);
	buf_puts(&got, "");
	rc = field_check(rows, &cases[_i].in, cases[_i].flags, &es);
	for (i = 0; i < es.n; i++) {
		field_err_line(&es.v[i], line, sizeof(line));
		buf_printf(&got, "%s%s", i > 0 ? "\n" : "", line);
		/* Both languages, always: a page shows one or the other. */
		ck_assert_uint_gt(strlen(es.v[i].vi), 0);
		ck_assert_uint_gt(strlen(es.v[i].en), 0);
	}
	ck_assert_msg(strcmp(got.data, cases[_i].lines) == 0,
	    "case %d: got '%s', want '%s'", _i, got.data, cases[_i].lines);
	ck_assert_int_eq(rc, es.n > 0 ? -1 : 0);
	if (cases[_i].vi != NULL)
		ck_assert_str_eq(es.v[0].vi, cases[_i].vi);
	buf_release(&got);
	field_errs_release(&es);
}
END_TEST

/* A value longer than a message quotes is cut, and the message stays
 * whole UTF-8 within its size whatever the table says. */
START_TEST(cut)
{
	static const char *const none[] = { NULL };
	struct field f = { "k", NULL, 0, 0, 1000, 0, NULL, none, NULL,
	    "Not '%s'." };
	struct field_errs es;
	char big[300], vi[1200];
	size_t i;

	memset(big, 'v', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (i = 0; i + 3 < sizeof(vi); i += 3)
		memcpy(vi + i, "ệ", 3);
	vi[i] = '\0';
	f.vi = vi;
	field_errs_init(&es);
	ck_assert_int_eq(field_check_value(&f, big, &es), -1);
	ck_assert_uint_eq(es.n, 1);
	ck_assert_ptr_nonnull(strstr(es.v[0].en, "v...'."));
	ck_assert_uint_lt(strlen(es.v[0].en), 100);
	ck_assert_uint_lt(strlen(es.v[0].vi), FIELD_MSG_MAX);
	ck_assert_uint_eq(strlen(es.v[0].vi) % 3, 0);
	ck_assert(util_utf8_valid(es.v[0].vi, strlen(es.v[0].vi)));
	field_errs_release(&es);
}
END_TEST

/* field_err_line(): lower case, no final period, acronyms kept. */
static const struct {
	const char *en, *line;
} lines[] = {
	{ "A value is required.", "f: a value is required" },
	{ "'x' is not an email address.", "f: 'x' is not an email address" },
	{ "UTF-8 only.", "f: UTF-8 only" },
	{ "ISO codes.", "f: ISO codes" },
	{ "At most 3.", "f: at most 3" },
	{ "", "f: not a valid value" },
};

START_TEST(line)
{
	struct field_err e;
	char buf[128];

	e.field = "f";
	snprintf(e.en, sizeof(e.en), "%s", lines[_i].en);
	field_err_line(&e, buf, sizeof(buf));
	ck_assert_str_eq(buf, lines[_i].line);
}
END_TEST

/* Values given replace the model's, "" clears, NULL keeps; the view
 * lends the model's strings back. */
START_TEST(copy_view)
{
	struct model m = { 7, xstrdup("old"), xstrdup("kept") };
	struct in in = { "new", NULL, "done", NULL }, back = { 0 };

	field_copy(rows, &in, &m);
	ck_assert_str_eq(m.title, "new");
	ck_assert_str_eq(m.notes, "kept");
	in.notes = "";
	field_copy(rows, &in, &m);
	ck_assert_ptr_null(m.notes);
	field_view(rows, &m, &back);
	ck_assert_ptr_eq(back.title, m.title);
	ck_assert_ptr_null(back.notes);
	ck_assert_ptr_null(back.status);	/* not a copied field */
	ck_assert_int_eq(m.id, 7);
	ck_assert_uint_eq(field_count(rows), 4);
	ck_assert_ptr_eq(field_find(rows, "status"), &rows[2]);
	ck_assert_ptr_null(field_find(rows, "nope"));
	*field_slot(&rows[3], &in) = "5";
	ck_assert_str_eq(in.n, "5");
	free(m.title);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("field");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, check, 0, NELEM(cases));
	tcase_add_test(tc, cut);
	tcase_add_loop_test(tc, line, 0, NELEM(lines));
	tcase_add_test(tc, copy_view);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

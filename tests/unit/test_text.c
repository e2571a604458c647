/*
 * The text validator: UTF-8, control characters (C0, DEL, C1, the Unicode
 * line separators), line breaks only where allowed, limits counted in
 * characters, required fields, and the message naming the field.
 */
#include <check.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const struct {
	const char *s;
	size_t max;
	int flags, ok;
} cases[] = {
	{ "Giao lưu hữu nghị", 300, 0, 1 },
	{ "", 300, 0, 1 },
	{ "", 300, TEXT_REQUIRED, 0 },
	{ "a\nb", 300, 0, 0 },
	{ "a\nb\tc\r\n", 300, TEXT_MULTILINE, 1 },
	{ "a\tb", 300, 0, 0 },
	{ "a\x1b[31m", 300, TEXT_MULTILINE, 0 },
	{ "a\x7f", 300, 0, 0 },
	{ "a\xc2\x85" "b", 300, 0, 0 },		/* NEL, C1 */
	{ "a\xe2\x80\xa8" "b", 300, 0, 0 },	/* LINE SEPARATOR */
	{ "a\xff", 300, 0, 0 },
	{ "\xc0\xaf", 300, 0, 0 },		/* overlong '/' */
	{ "ệệệ", 3, 0, 1 },			/* 3 characters, 9 bytes */
	{ "ệệệệ", 3, 0, 0 },
};

START_TEST(check)
{
	const char *why = NULL;

	ck_assert_msg((text_check(cases[_i].s, cases[_i].max, cases[_i].flags,
	    &why) == 0) == cases[_i].ok, "case %d", _i);
	if (!cases[_i].ok)
		ck_assert_ptr_nonnull(why);
	/* The verdict alone, without a reason: the login form's call. */
	ck_assert_msg((text_check(cases[_i].s, cases[_i].max, cases[_i].flags,
	    NULL) == 0) == cases[_i].ok, "case %d without why", _i);
}
END_TEST

START_TEST(field_message)
{
	char err[128];

	ck_assert_int_eq(text_check_field("title", "ệệệệ", 3, 0, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "title is longer than 3 characters");
	ck_assert_int_eq(text_check_field("location", "\xff", 3, 0, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "location is not valid UTF-8");
	ck_assert_int_eq(text_check_field("title", NULL, 3, TEXT_REQUIRED,
	    err, sizeof(err)), -1);
	ck_assert_str_eq(err, "title is required");
	ck_assert_uint_eq(text_chars("Việt Nam"), 8);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, check, 0, NELEM(cases));
	tcase_add_test(tc, field_message);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

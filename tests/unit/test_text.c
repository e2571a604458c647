/*
 * The text validator: UTF-8, control characters (C0, DEL, C1, the Unicode
 * line separators), line breaks only where allowed, limits counted in
 * characters, required fields.
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
	/* Nothing visible in a required field (issue 21). */
	{ "   ", 300, TEXT_REQUIRED, 0 },
	{ "   ", 300, 0, 1 },
	{ "\xe2\x80\x8b\xe2\x80\x8b", 300, TEXT_REQUIRED, 0 },	/* ZWSP */
	{ "\xe3\x85\xa4", 300, TEXT_REQUIRED, 0 },	/* HANGUL FILLER */
	{ "\xc2\xa0 \xe2\x80\x83", 300, TEXT_REQUIRED, 0 },	/* NBSP, EMSP */
	{ " a ", 300, TEXT_REQUIRED, 1 },
	{ "\xe1\xbb\x87", 300, TEXT_REQUIRED, 1 },	/* ệ */
	/* Bidirectional controls on one line, not in notes. */
	{ "abc\xe2\x80\xaegpj.exe", 300, 0, 0 },	/* U+202E */
	{ "abc\xe2\x80\xaegpj.exe", 300, TEXT_MULTILINE, 1 },
	{ "a\xe2\x80\xaa" "b", 300, 0, 0 },	/* U+202A */
	{ "a\xe2\x81\xa6" "b", 300, 0, 0 },	/* U+2066 */
	{ "a\xe2\x81\xa9" "b", 300, 0, 0 },	/* U+2069 */
	{ "a\xe2\x80\x8e" "b", 300, 0, 0 },	/* U+200E */
	{ "a\xe2\x80\x8f" "b", 300, 0, 0 },	/* U+200F */
	{ "a\xd8\x9c" "b", 300, 0, 0 },	/* U+061C */
	{ "a\xe2\x80\x8d" "b", 300, 0, 1 },	/* ZWJ: emoji need it */
	{ "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", 300, TEXT_REQUIRED, 1 },
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

/* The refused characters and the count of characters (field.c says the
 * reasons, test_field.c checks the words). */
START_TEST(chars)
{
	ck_assert_int_eq(text_char_refused(0x202e, 0), 1);
	ck_assert_int_eq(text_char_refused(0x202e, TEXT_MULTILINE), 0);
	ck_assert_int_eq(text_char_refused(0x85, TEXT_MULTILINE), 1);
	ck_assert_int_eq(text_char_refused('\n', 0), 1);
	ck_assert_int_eq(text_char_refused(0x1ec7, 0), 0);
	ck_assert_uint_eq(text_chars("Việt Nam"), 8);
}
END_TEST

/* Slugs: the names of unions and clusters in records and configs. */
static const struct {
	const char *s;
	int ok;
} slugs[] = {
	{ "khanh-hoa", 1 },
	{ "cum-3", 1 },
	{ "a", 1 },
	{ "abcdefghijklmnopqrstuvwxyz012345", 1 },	/* 32 */
	{ "abcdefghijklmnopqrstuvwxyz0123456", 0 },	/* 33 */
	{ "", 0 },
	{ "-khanh", 0 },
	{ "khanh-", 0 },
	{ "Khanh-hoa", 0 },
	{ "khanh hoa", 0 },
	{ "khánh-hòa", 0 },
	{ "khanh_hoa", 0 },
	{ "../x", 0 },
};

START_TEST(slug)
{
	ck_assert_msg(text_slug_valid(slugs[_i].s) == slugs[_i].ok,
	    "slug '%s'", slugs[_i].s);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, check, 0, NELEM(cases));
	tcase_add_test(tc, chars);
	tcase_add_loop_test(tc, slug, 0, NELEM(slugs));
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

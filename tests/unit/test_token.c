/*
 * token: the comparison of a given string with a secret (equal only when
 * both the bytes and the lengths are), and a masked CSRF token matching
 * the token it masks and no other.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"
#include "util.h"

static const struct {
	const char *given, *secret;
	int equal;
} pairs[] = {
	{ "s3cret", "s3cret", 1 },
	{ "", "", 1 },
	{ "s3cre", "s3cret", 0 },	/* a prefix */
	{ "s3cretX", "s3cret", 0 },	/* longer */
	{ "S3cret", "s3cret", 0 },	/* case */
	{ "s3creu", "s3cret", 0 },	/* the last byte */
	{ "", "s3cret", 0 },
	{ "s3cret", "", 0 },
};

START_TEST(equal)
{
	ck_assert_msg(token_equal(pairs[_i].given, pairs[_i].secret) ==
	    pairs[_i].equal, "case %d: '%s' and '%s'", _i, pairs[_i].given,
	    pairs[_i].secret);
}
END_TEST

START_TEST(masked)
{
	char *a, *b, *m1, *m2;

	token_init();
	a = token_new();
	b = token_new();
	ck_assert_uint_eq(strlen(a), TOKEN_LEN);
	ck_assert_str_ne(a, b);
	m1 = token_mask(a);
	m2 = token_mask(a);
	ck_assert_uint_eq(strlen(m1), TOKEN_MASKED_LEN);
	/* A fresh pad each time, and both unmask to a only. */
	ck_assert_str_ne(m1, m2);
	ck_assert(token_masked_equal(m1, a));
	ck_assert(token_masked_equal(m2, a));
	ck_assert(!token_masked_equal(m1, b));
	ck_assert(!token_masked_equal(a, a));
	m1[0] = m1[0] == 'A' ? 'B' : 'A';
	ck_assert(!token_masked_equal(m1, a));
	free(a);
	free(b);
	free(m1);
	free(m2);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("token");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, equal, 0, NELEM(pairs));
	tcase_add_test(tc, masked);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

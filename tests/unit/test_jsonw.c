/*
 * The JSON writer: every control character's escape, UTF-8 passed
 * through and broken UTF-8 replaced, commas and keys at every nesting
 * level, the CLI's one-record-a-line layout, and misuse stopping the
 * program instead of writing broken JSON.
 */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "util.h"

/* One string value written alone, and its literal. */
static const struct {
	const char *name, *in, *want;
} strings[] = {
	{ "NULL", NULL, "\"\"" },
	{ "empty", "", "\"\"" },
	{ "plain", "abc 123", "\"abc 123\"" },
	{ "quote", "a\"b", "\"a\\\"b\"" },
	{ "backslash", "a\\b", "\"a\\\\b\"" },
	{ "slash kept", "a/b</script>", "\"a/b</script>\"" },
	{ "DEL kept", "a\x7f" "b", "\"a\x7f" "b\"" },
	{ "Vietnamese", "Hội hữu nghị Việt – Lào", "\"Hội hữu nghị Việt – Lào\"" },
	{ "4-byte", "a\xf0\x9f\x8e\x89" "b", "\"a\xf0\x9f\x8e\x89" "b\"" },
	{ "C1 NEL kept", "a\xc2\x85" "b", "\"a\xc2\x85" "b\"" },
	{ "U+2028 kept", "a\xe2\x80\xa8" "b", "\"a\xe2\x80\xa8" "b\"" },
	{ "U+FFFE kept", "a\xef\xbf\xbe", "\"a\xef\xbf\xbe\"" },
	/* Not UTF-8: U+FFFD for each maximal ill-formed part. */
	{ "lone trail", "a\x80" "b", "\"a\xef\xbf\xbd" "b\"" },
	{ "0xff", "\xff", "\"\xef\xbf\xbd\"" },
	{ "cut at end", "a\xe1\xba", "\"a\xef\xbf\xbd\"" },
	{ "cut before ASCII", "\xe1\xba\"", "\"\xef\xbf\xbd\\\"\"" },
	{ "overlong", "\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"" },
	{ "surrogate", "\xed\xa0\x80",
	    "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
	{ "above U+10FFFF", "\xf4\x90\x80\x80",
	    "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
	{ "all escapes", "\"\\\b\f\n\r\t\x01",
	    "\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\"" },
};

/* Every C0 control but NUL (which ends a C string), as RFC 8785 writes
 * it: the five short escapes, the others \u00xx in lower case. */
static const char *const controls[0x20] = {
	NULL, "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005",
	"\\u0006", "\\u0007", "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r",
	"\\u000e", "\\u000f", "\\u0010", "\\u0011", "\\u0012", "\\u0013",
	"\\u0014", "\\u0015", "\\u0016", "\\u0017", "\\u0018", "\\u0019",
	"\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
};

START_TEST(string_escapes)
{
	struct buf b;
	struct jsonw j;

	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_str(&j, NULL, strings[_i].in);
	ck_assert_msg(strcmp(b.data, strings[_i].want) == 0,
	    "%s: got '%s'", strings[_i].name, b.data);
	buf_release(&b);
}
END_TEST

START_TEST(control_escapes)
{
	char in[4] = { 'x', (char)_i, 'y', '\0' }, want[16];
	struct buf b;
	struct jsonw j;

	snprintf(want, sizeof(want), "\"x%sy\"", controls[_i]);
	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_str(&j, NULL, in);
	ck_assert_msg(strcmp(b.data, want) == 0, "control 0x%02x: got '%s'",
	    _i, b.data);
	buf_release(&b);
}
END_TEST

/* Every kind of value, nested, with the commas where they belong and
 * nothing else between; keys are escaped like values. */
START_TEST(nesting)
{
	struct buf b;
	struct jsonw j;

	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "title", "Tết");
	jsonw_str(&j, "a\"b\n", "v");
	jsonw_int(&j, "n", -42);
	jsonw_int(&j, "min", LLONG_MIN);
	jsonw_int(&j, "max", LLONG_MAX);
	jsonw_bool(&j, "t", 1);
	jsonw_bool(&j, "f", 0);
	jsonw_null(&j, "none");
	jsonw_array(&j, "empty");
	jsonw_end(&j);
	jsonw_object(&j, "o");
	jsonw_end(&j);
	jsonw_array(&j, "list");
	jsonw_str(&j, NULL, "a");
	jsonw_array(&j, NULL);
	jsonw_int(&j, NULL, 1);
	jsonw_object(&j, NULL);
	jsonw_bool(&j, "deep", 7);
	jsonw_end(&j);
	jsonw_end(&j);
	jsonw_null(&j, NULL);
	jsonw_end(&j);
	jsonw_end(&j);
	ck_assert_int_eq(j.depth, 0);
	ck_assert_str_eq(b.data, "{\"title\":\"Tết\",\"a\\\"b\\n\":\"v\","
	    "\"n\":-42,"
	    "\"min\":-9223372036854775808,\"max\":9223372036854775807,"
	    "\"t\":true,\"f\":false,\"none\":null,\"empty\":[],\"o\":{},"
	    "\"list\":[\"a\",[1,{\"deep\":true}],null]}");
	buf_release(&b);
}
END_TEST

/* The writer appends: what the buffer held stays. */
START_TEST(appends)
{
	struct buf b;
	struct jsonw j;

	buf_init(&b);
	buf_puts(&b, "x=");
	jsonw_init(&j, &b, 0);
	jsonw_int(&j, NULL, 5);
	ck_assert_str_eq(b.data, "x=5");
	buf_release(&b);
}
END_TEST

/* lines 1: the CLI's lists, one record a line, as they were written
 * before the writer existed; an empty list stays "[]". */
START_TEST(lines_layout)
{
	struct buf b;
	struct jsonw j;
	int i;

	buf_init(&b);
	jsonw_init(&j, &b, 1);
	jsonw_array(&j, NULL);
	for (i = 1; i <= 2; i++) {
		jsonw_object(&j, NULL);
		jsonw_int(&j, "n", i);
		jsonw_array(&j, "v");
		jsonw_int(&j, NULL, i);
		jsonw_int(&j, NULL, i);
		jsonw_end(&j);
		jsonw_end(&j);
	}
	jsonw_end(&j);
	ck_assert_str_eq(b.data,
	    "[\n {\"n\":1,\"v\":[1,1]},\n {\"n\":2,\"v\":[2,2]}\n]");
	b.len = 0;
	jsonw_init(&j, &b, 1);
	jsonw_array(&j, NULL);
	jsonw_end(&j);
	ck_assert_str_eq(b.data, "[]");
	b.len = 0;
	jsonw_init(&j, &b, 2);
	jsonw_object(&j, NULL);
	jsonw_array(&j, "a");
	jsonw_int(&j, NULL, 1);
	jsonw_end(&j);
	jsonw_array(&j, "b");
	jsonw_end(&j);
	jsonw_end(&j);
	ck_assert_str_eq(b.data, "{\n \"a\":[\n  1\n ],\n \"b\":[]\n}");
	buf_release(&b);
}
END_TEST

/* Misuse would write JSON that does not parse: it stops the program
 * (fatal(), exit status 1) rather than write it. */
static void
misuse_key_in_array(struct jsonw *j)
{
	jsonw_array(j, NULL);
	jsonw_int(j, "k", 1);
}

static void
misuse_no_key(struct jsonw *j)
{
	jsonw_object(j, NULL);
	jsonw_int(j, NULL, 1);
}

static void
misuse_key_outermost(struct jsonw *j)
{
	jsonw_int(j, "k", 1);
}

static void
misuse_two_values(struct jsonw *j)
{
	jsonw_int(j, NULL, 1);
	jsonw_int(j, NULL, 2);
}

static void
misuse_end(struct jsonw *j)
{
	jsonw_array(j, NULL);
	jsonw_end(j);
	jsonw_end(j);
}

static void
misuse_deep(struct jsonw *j)
{
	int i;

	for (i = 0; i <= JSONW_DEPTH; i++)
		jsonw_array(j, NULL);
}

static void (*const misuses[])(struct jsonw *) = {
	misuse_key_in_array, misuse_no_key, misuse_key_outermost,
	misuse_two_values, misuse_end, misuse_deep,
};

START_TEST(misuse)
{
	struct buf b;
	struct jsonw j;

	buf_init(&b);
	jsonw_init(&j, &b, 0);
	misuses[_i](&j);
	buf_release(&b);
}
END_TEST

/* JSONW_DEPTH levels are fine. */
START_TEST(deepest)
{
	struct buf b;
	struct jsonw j;
	int i;

	buf_init(&b);
	jsonw_init(&j, &b, 0);
	for (i = 0; i < JSONW_DEPTH; i++)
		jsonw_array(&j, NULL);
	for (i = 0; i < JSONW_DEPTH; i++)
		jsonw_end(&j);
	ck_assert_uint_eq(b.len, 2 * JSONW_DEPTH);
	ck_assert_int_eq(b.data[JSONW_DEPTH - 1], '[');
	ck_assert_int_eq(b.data[JSONW_DEPTH], ']');
	buf_release(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("jsonw");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, string_escapes, 0, NELEM(strings));
	tcase_add_loop_test(tc, control_escapes, 1, 0x20);
	tcase_add_test(tc, nesting);
	tcase_add_test(tc, appends);
	tcase_add_test(tc, lines_layout);
	tcase_add_loop_exit_test(tc, misuse, 1, 0, NELEM(misuses));
	tcase_add_test(tc, deepest);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

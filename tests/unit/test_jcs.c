/*
 * jcs: RFC 8785's canonical form of what the year records hold: members
 * sorted by UTF-16 code units (RFC 8785 3.2.3's example among them), the
 * string escapes of ECMAScript, integers, literals and nesting; a real
 * number refused.
 */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "jcs.h"
#include "util.h"

static const struct {
	const char *in, *out;
} cases[] = {
	{ "{\"b\": 1, \"a\": [true, false, null]}",
	    "{\"a\":[true,false,null],\"b\":1}" },
	{ "  [ ]  ", "[]" },
	{ "{}", "{}" },
	{ "-0", "0" },
	{ "[-12, 9007199254740991]", "[-12,9007199254740991]" },
	/* Escapes: short forms, other controls as lower-case \u00xx, the
	 * rest (DEL, U+2028, "/", non-ASCII) as it is. */
	{ "\"\\u0008\\t\\n\\f\\r\\u0001\\u001f\\\"\\\\/\\u007f\\u2028é\"",
	    "\"\\b\\t\\n\\f\\r\\u0001\\u001f\\\"\\\\/\x7f\xe2\x80\xa8\xc3\xa9\"" },
	{ "\"Vi\\u1ec7t Nam\"", "\"Việt Nam\"" },
	/* RFC 8785 3.2.3: U+1F600 (surrogates D83D DE00) sorts before
	 * U+FB33 although its UTF-8 bytes sort after. */
	{ "{\"\\ufb33\": 3, \"\\ud83d\\ude00\": 2, \"\\u20ac\": 1,"
	    " \"\\u00e9\": 4, \"\\r\": 5, \"1\": 6, \"\\u0080\": 7}",
	    "{\"\\r\":5,\"1\":6,\"\xc2\x80\":7,\"\xc3\xa9\":4,"
	    "\"\xe2\x82\xac\":1,\"\xf0\x9f\x98\x80\":2,\"\xef\xac\xb3\":3}" },
	{ "{\"ab\": 1, \"a\": 2, \"\": 3}", "{\"\":3,\"a\":2,\"ab\":1}" },
	{ "{\"x\": {\"z\": [1, {\"d\": 1, \"c\": 2}], \"y\": \"\"}}",
	    "{\"x\":{\"y\":\"\",\"z\":[1,{\"c\":2,\"d\":1}]}}" },
};

START_TEST(canonical)
{
	json_error_t err;
	json_t *v = json_loads(cases[_i].in, JSON_DECODE_ANY, &err);
	struct buf b;

	ck_assert_msg(v != NULL, "case %d: %s", _i, err.text);
	buf_init(&b);
	ck_assert_int_eq(jcs_write(v, &b), 0);
	ck_assert_str_eq(b.data, cases[_i].out);
	buf_release(&b);
	json_decref(v);
}
END_TEST

START_TEST(real_refused)
{
	json_t *v = json_loads("{\"a\": [1.5]}", 0, NULL);
	struct buf b;

	buf_init(&b);
	ck_assert_int_eq(jcs_write(v, &b), -1);
	buf_release(&b);
	json_decref(v);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("jcs");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, canonical, 0, NELEM(cases));
	tcase_add_test(tc, real_refused);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

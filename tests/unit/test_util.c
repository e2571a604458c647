/*
 * util (civil-day arithmetic, strict parsing, UTF-8) and csv (RFC 4180
 * records, line numbers, resynchronising after a bad record).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "util.h"

START_TEST(days_roundtrip)
{
	long z;

	/* Every day from 1600 to 2400 maps back to itself. */
	for (z = util_days_from_civil(1600, 1, 1);
	    z <= util_days_from_civil(2400, 12, 31); z++) {
		struct ymd t = util_civil_from_days(z);

		ck_assert(util_valid_date(t.y, t.m, t.d));
		ck_assert_int_eq(util_days_from_civil(t.y, t.m, t.d), z);
	}
	ck_assert_int_eq(util_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(util_weekday(2022, 6, 11), 6);	/* Saturday */
	ck_assert_int_eq(util_weekday(1969, 12, 31), 3);
}
END_TEST

static const struct {
	const char *s;
	int ok;
} dates[] = {
	{ "2024-02-29", 1 }, { "2023-02-29", 0 }, { "1973-02-31", 0 },
	{ "2023-13-01", 0 }, { "2023-1-01", 0 }, { "2023-01-01x", 0 },
	{ "", 0 }, { "1992-02-29", 1 }, { "2100-02-29", 0 },
	{ "2000-02-29", 1 },
};

START_TEST(parse_dates)
{
	struct ymd t;

	ck_assert_int_eq(util_parse_ymd(dates[_i].s, &t) == 0, dates[_i].ok);
}
END_TEST

START_TEST(parse_int)
{
	long v;

	ck_assert_int_eq(util_parse_int("42", 0, 100, &v), 0);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(util_parse_int("101", 0, 100, &v), -1);
	ck_assert_int_eq(util_parse_int(" 1", 0, 100, &v), -1);
	ck_assert_int_eq(util_parse_int("1x", 0, 100, &v), -1);
	ck_assert_int_eq(util_parse_int("", 0, 100, &v), -1);
	ck_assert_int_eq(util_parse_int("99999999999999999999", 0, 100, &v),
	    -1);
}
END_TEST

/* Thousands grouped as the report writes money: 149.814 USD. */
static const struct {
	long n;
	int sep;
	const char *out;
} groups[] = {
	{ 0, '.', "0" },
	{ 999, '.', "999" },
	{ 1000, '.', "1.000" },
	{ 149814, '.', "149.814" },
	{ 3400000000L, '.', "3.400.000.000" },
	{ 25000000, ',', "25,000,000" },
	{ -5, '.', "0" },
};

START_TEST(grouped)
{
	struct buf b;

	buf_init(&b);
	buf_put_grouped(&b, groups[_i].n, groups[_i].sep);
	ck_assert_str_eq(b.data, groups[_i].out);
	buf_release(&b);
}
END_TEST

START_TEST(utf8)
{
	ck_assert(util_utf8_valid("Nhật Bản", strlen("Nhật Bản")));
	ck_assert(!util_utf8_valid("\xff", 1));
	ck_assert(!util_utf8_valid("\xc0\xaf", 2));	/* overlong */
	ck_assert(!util_utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
	ck_assert(!util_utf8_valid("\xe1\xba", 2));	/* truncated */
}
END_TEST

START_TEST(csv_records)
{
	static const char data[] = "a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n"
	    "bad\"quote,z\nlast,row";
	struct csv c;
	const char *err;
	long line;

	csv_init(&c, data, strlen(data));
	ck_assert_int_eq(csv_read(&c, &line, &err), 1);
	ck_assert_int_eq(line, 1);
	ck_assert_uint_eq(c.nfields, 2);
	ck_assert_int_eq(csv_read(&c, &line, &err), 1);
	ck_assert_int_eq(line, 2);
	ck_assert_str_eq(c.fields[0], "x, \"y\"");
	ck_assert_str_eq(c.fields[1], "two\nlines");
	ck_assert_int_eq(csv_read(&c, &line, &err), -1);
	ck_assert_int_eq(line, 4);
	ck_assert_str_eq(err, "quote inside unquoted field");
	ck_assert_int_eq(csv_read(&c, &line, &err), 1);
	ck_assert_int_eq(line, 5);
	ck_assert_str_eq(c.fields[1], "row");
	ck_assert_int_eq(csv_read(&c, &line, &err), 0);
	csv_release(&c);
}
END_TEST

/* A secret is freed whole (the sanitizer build sees a leak or a bad
 * free), NULL included; xvasprintf through xasprintf formats. */
START_TEST(secrets_and_formats)
{
	char *s = xasprintf("tok-%d-%s", 42, "abc");

	ck_assert_str_eq(s, "tok-42-abc");
	util_free_secret(s);
	util_free_secret(NULL);
	s = xasprintf("%s", "");
	ck_assert_str_eq(s, "");
	util_free_secret(s);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, days_roundtrip);
	tcase_add_loop_test(tc, parse_dates, 0, NELEM(dates));
	tcase_add_test(tc, parse_int);
	tcase_add_test(tc, utf8);
	tcase_add_loop_test(tc, grouped, 0, NELEM(groups));
	tcase_add_test(tc, csv_records);
	tcase_add_test(tc, secrets_and_formats);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

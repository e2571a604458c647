/*
 * Vietnam time: parsing local dates and times, instants, calendar day
 * counts across midnight (the "còn N ngày" of reminders), d/m/yyyy and
 * reminder offsets.
 */
#include <check.h>
#include <string.h>

#include "util.h"
#include "vntime.h"

static const struct {
	const char *s;
	int ok, min;
} whens[] = {
	{ "2024-11-09", 1, -1 }, { "2024-11-09T08:30", 1, 510 },
	{ "2024-11-09T23:59", 1, 1439 }, { "2024-11-09T24:00", 0, 0 },
	{ "2024-02-30", 0, 0 }, { "2024-11-09T8:30", 0, 0 },
	{ "2024-11-09 08:30", 0, 0 }, { "", 0, 0 }, { "2024-11-09T08:60", 0, 0 },
	{ "2024-11-09T08:3x", 0, 0 }, { "2024-11-09T-1:30", 0, 0 },
};

START_TEST(parse)
{
	struct ymd d;
	int min;

	ck_assert_int_eq(vntime_parse(whens[_i].s, &d, &min) == 0,
	    whens[_i].ok);
	if (whens[_i].ok)
		ck_assert_int_eq(min, whens[_i].min);
}
END_TEST

START_TEST(instants)
{
	struct ymd d = { 2024, 11, 9 }, back;
	int min;

	/* 2024-11-09 00:00 in Vietnam is 2024-11-08 17:00 UTC. */
	ck_assert_int_eq((long)vntime_make(d, -1), 1731085200L);
	ck_assert_int_eq((long)vntime_make(d, 90), 1731085200L + 5400);
	back = vntime_day(1731085200L - 1, &min);
	ck_assert_int_eq(back.d, 8);
	ck_assert_int_eq(min, 1439);
	back = vntime_day(-1, &min);	/* 1970-01-01 06:59:59 in Vietnam */
	ck_assert_int_eq(back.y, 1970);
	ck_assert_int_eq(min, 7 * 60 - 1);
}
END_TEST

/* Regression: the 7-day reminder of a 09:00 activity said "còn 8 ngày".
 * Days left are calendar days in Vietnam, whatever the hour. */
START_TEST(days_left)
{
	struct ymd start = { 2023, 7, 8 };
	time_t run = vntime_make((struct ymd){ 2023, 7, 1 }, 7 * 60);

	ck_assert_int_eq(vntime_days_between(vntime_day(run, NULL), start),
	    7);
	run = vntime_make((struct ymd){ 2023, 7, 7 }, 23 * 60 + 59);
	ck_assert_int_eq(vntime_days_between(vntime_day(run, NULL), start),
	    1);
	ck_assert_int_eq(vntime_days_between((struct ymd){ 2023, 12, 31 },
	    (struct ymd){ 2024, 3, 1 }), 61);
}
END_TEST

START_TEST(formats)
{
	struct buf b;

	buf_init(&b);
	vntime_format_date((struct ymd){ 1973, 9, 21 }, LANG_VI, &b);
	ck_assert_str_eq(b.data, "21/9/1973");
	b.len = 0;
	vntime_format_date((struct ymd){ 1973, 9, 21 }, LANG_EN, &b);
	ck_assert_str_eq(b.data, "21 Sep 1973");
	b.len = 0;
	vntime_format_when((struct ymd){ 2023, 7, 8 }, 9 * 60 + 5, LANG_VI, &b);
	ck_assert_str_eq(b.data, "8/7/2023 09:05");
	b.len = 0;
	vntime_format_iso((struct ymd){ 2023, 7, 8 }, 9 * 60 + 5, &b);
	ck_assert_str_eq(b.data, "2023-07-08T09:05");
	buf_release(&b);
}
END_TEST

/* One form of a span for the report, the plan and the titles. */
static const struct {
	struct ymd a, b;
	enum lang lang;
	const char *want;
} ranges[] = {
	{ { 2024, 4, 13 }, { 2024, 4, 16 }, LANG_VI, "13 – 16/4/2024" },
	{ { 2024, 2, 28 }, { 2024, 3, 2 }, LANG_VI, "28/2 – 2/3/2024" },
	{ { 2023, 12, 30 }, { 2024, 1, 2 }, LANG_VI,
	    "30/12/2023 – 2/1/2024" },
	{ { 2024, 4, 13 }, { 2024, 4, 13 }, LANG_VI, "13/4/2024" },
	{ { 2024, 4, 13 }, { 2024, 4, 10 }, LANG_VI, "13/4/2024" },
	{ { 2024, 4, 13 }, { 2024, 4, 16 }, LANG_EN,
	    "13 Apr 2024 – 16 Apr 2024" },
};

START_TEST(range)
{
	struct buf b;

	buf_init(&b);
	vntime_format_range(ranges[_i].a, ranges[_i].b, ranges[_i].lang, &b);
	ck_assert_str_eq(b.data, ranges[_i].want);
	buf_release(&b);
}
END_TEST

START_TEST(offsets)
{
	long s[VNTIME_MAX_OFFSETS];

	ck_assert_int_eq(vntime_parse_offsets("30d,7d,1d", s), 3);
	ck_assert_int_eq(s[0], 30 * 86400L);
	ck_assert_int_eq(s[2], 86400L);
	ck_assert_int_eq(vntime_parse_offsets("2w, 12h ", s), 2);
	ck_assert_int_eq(s[0], 14 * 86400L);
	ck_assert_int_eq(s[1], 12 * 3600L);
	ck_assert_int_eq(vntime_parse_offsets("7d,,1d", s), 2);
	ck_assert_int_eq(vntime_parse_offsets("", s), -1);
	ck_assert_int_eq(vntime_parse_offsets("soon", s), -1);
	ck_assert_int_eq(vntime_parse_offsets("7", s), -1);
	ck_assert_int_eq(vntime_parse_offsets("-1d", s), -1);
	ck_assert_int_eq(vntime_parse_offsets("xd", s), -1);
	ck_assert_int_eq(vntime_parse_offsets("9999d", s), -1);
	ck_assert_int_eq(vntime_parse_offsets(
	    "1d,2d,3d,4d,5d,6d,7d,8d,9d,10d,11d,12d,13d,14d,15d,16d,17d", s),
	    -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("vntime");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, parse, 0, NELEM(whens));
	tcase_add_test(tc, instants);
	tcase_add_test(tc, days_left);
	tcase_add_test(tc, formats);
	tcase_add_loop_test(tc, range, 0, NELEM(ranges));
	tcase_add_test(tc, offsets);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

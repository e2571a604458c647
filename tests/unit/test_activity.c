/*
 * activity, recipient and outbox pure functions: start/end parsing,
 * reminder offsets, address validation, follow lists and the backoff.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "outbox.h"
#include "recipient.h"
#include "util.h"

static const struct {
	const char *s;
	int ok, min;
} whens[] = {
	{ "2024-11-09", 1, -1 }, { "2024-11-09T08:30", 1, 510 },
	{ "2024-11-09T23:59", 1, 1439 }, { "2024-11-09T24:00", 0, 0 },
	{ "2024-02-30", 0, 0 }, { "2024-11-09T8:30", 0, 0 },
	{ "2024-11-09 08:30", 0, 0 }, { "", 0, 0 }, { "2024-11-09T08:60", 0, 0 },
};

START_TEST(parse_when)
{
	struct ymd d;
	int min;

	ck_assert_int_eq(activity_parse_when(whens[_i].s, &d, &min) == 0,
	    whens[_i].ok);
	if (whens[_i].ok)
		ck_assert_int_eq(min, whens[_i].min);
}
END_TEST

START_TEST(offsets)
{
	long s[16];
	size_t n;

	ck_assert_int_eq(activity_parse_offsets("30d,7d,1d", s, 16, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(s[0], 30 * 86400L);
	ck_assert_int_eq(s[2], 86400L);
	ck_assert_int_eq(activity_parse_offsets("2w, 12h", s, 16, &n), 0);
	ck_assert_int_eq(s[0], 14 * 86400L);
	ck_assert_int_eq(s[1], 12 * 3600L);
	ck_assert_int_eq(activity_parse_offsets("", s, 16, &n), -1);
	ck_assert_int_eq(activity_parse_offsets("7", s, 16, &n), -1);
	ck_assert_int_eq(activity_parse_offsets("7d,,1d", s, 16, &n), 0);
	ck_assert_int_eq(activity_parse_offsets("-1d", s, 16, &n), -1);
	ck_assert_int_eq(activity_parse_offsets("xd", s, 16, &n), -1);
	ck_assert_int_eq(activity_parse_offsets("1d,2d,3d", s, 2, &n), -1);
}
END_TEST

START_TEST(times)
{
	struct activity a = { 0 };

	ck_assert_ptr_null(activity_set_times(&a, "2024-11-09T23:30", NULL));
	ck_assert_int_eq(a.all_day, 0);
	ck_assert_int_eq(a.end.d, 10);		/* an hour, past midnight */
	ck_assert_int_eq(a.end_min, 30);
	ck_assert_ptr_nonnull(activity_set_times(&a, "2024-11-09",
	    "2024-11-09T10:00"));
	ck_assert_ptr_nonnull(activity_set_times(&a, "2024-11-09",
	    "2024-11-08"));
	ck_assert_ptr_null(activity_set_times(&a, "2024-11-09",
	    "2024-11-11"));
	ck_assert_int_eq(a.all_day, 1);
	/* 2024-11-09 00:00 in Vietnam is 2024-11-08 17:00 UTC. */
	ck_assert_int_eq((long)activity_start(&a), 1731085200L);
}
END_TEST

static const struct {
	const char *s;
	int ok;
} emails[] = {
	{ "an@example.org", 1 }, { "nguyen.van-an+kyniem@hcm.gov.vn", 1 },
	{ "an@localhost", 0 }, { "an@", 0 }, { "@example.org", 0 },
	{ "a n@example.org", 0 }, { "an@example.org\r\nBcc: x@y.z", 0 },
	{ "an.@example.org", 0 }, { "a..n@example.org", 0 },
	{ "an@-example.org", 0 }, { "an@example-.org", 0 },
	{ "an@exa_mple.org", 0 }, { "\"an\"@example.org", 0 },
	{ "an@example..org", 0 }, { "nguyễn@example.org", 0 }, { "", 0 },
};

START_TEST(email_valid)
{
	ck_assert_int_eq(recipient_email_valid(emails[_i].s), emails[_i].ok);
}
END_TEST

START_TEST(follows)
{
	struct observance o = { 0 };
	struct recipient r = { NULL, NULL, LANG_VI, NULL };
	char err[160], f1[] = "country:LA,kind:national-day",
	    f2[] = "country:LA,country:JP", f3[] = "kind:relation",
	    f4[] = "milestones";

	ck_assert_int_eq(recipient_follows_check("milestones", err,
	    sizeof(err)), 0);
	ck_assert_int_eq(recipient_follows_check("kind:relation,country:JP",
	    err, sizeof(err)), 0);
	ck_assert_int_eq(recipient_follows_check("kind:nope", err,
	    sizeof(err)), -1);
	ck_assert_int_eq(recipient_follows_check("country:jp", err,
	    sizeof(err)), -1);
	o.kind = KIND_RELATION;
	memcpy(o.country, "JP", 3);
	r.follows = f1;
	ck_assert_int_eq(recipient_follows(&r, &o), 0);
	r.follows = f2;
	ck_assert_int_eq(recipient_follows(&r, &o), 1);
	r.follows = f3;
	ck_assert_int_eq(recipient_follows(&r, &o), 1);
	r.follows = f4;
	ck_assert_int_eq(recipient_follows(&r, &o), 1);
}
END_TEST

START_TEST(backoff)
{
	ck_assert_int_eq(outbox_backoff(1), 15 * 60);
	ck_assert_int_eq(outbox_backoff(2), 30 * 60);
	ck_assert_int_eq(outbox_backoff(3), 60 * 60);
	ck_assert_int_eq(outbox_backoff(7), 12 * 3600);
	ck_assert_int_eq(outbox_backoff(50), 12 * 3600);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("activity");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, parse_when, 0, NELEM(whens));
	tcase_add_test(tc, offsets);
	tcase_add_test(tc, times);
	tcase_add_loop_test(tc, email_valid, 0, NELEM(emails));
	tcase_add_test(tc, follows);
	tcase_add_test(tc, backoff);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

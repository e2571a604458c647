/*
 * activity, recipient and outbox pure functions: start and end, field
 * validation, owners, address validation, follow lists and the backoff.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "outbox.h"
#include "recipient.h"
#include "text.h"
#include "util.h"

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
	ck_assert_int_eq(text_email_valid(emails[_i].s), emails[_i].ok);
}
END_TEST

START_TEST(follows_check)
{
	char err[160];

	ck_assert_int_eq(recipient_follows_check("milestones", err,
	    sizeof(err)), 0);
	ck_assert_int_eq(recipient_follows_check("kind:relation,country:JP",
	    err, sizeof(err)), 0);
	ck_assert_int_eq(recipient_follows_check("country:jp", err,
	    sizeof(err)), 0);
	ck_assert_int_eq(recipient_follows_check("kind:nope", err,
	    sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "kind:nope"));
	ck_assert_int_eq(recipient_follows_check("country:JPN", err,
	    sizeof(err)), -1);
	ck_assert_int_eq(recipient_follows_check(" , ", err, sizeof(err)),
	    -1);
	ck_assert_str_eq(err, "nothing to follow");
}
END_TEST

/* Regression: owners "a@x;a@x" made every re-import report a change. */
START_TEST(owners_normalised)
{
	struct activity a = { 0 };

	activity_add_owner(&a, "An@Example.ORG");
	activity_add_owner(&a, "An@example.org");
	activity_add_owner(&a, "an@example.org");
	ck_assert_uint_eq(a.nowners, 2);
	ck_assert_str_eq(a.owners[0], "An@example.org");
	ck_assert_str_eq(a.owners[1], "an@example.org");
	activity_release(&a);
}
END_TEST

START_TEST(check_fields)
{
	struct activity a = { 0 };
	char err[256], *big = malloc(400);

	a.title = xstrdup("Hội thao");
	ck_assert_int_eq(activity_check(NULL, NULL, &a, err, sizeof(err)), 0);
	a.location = xstrdup("Nha Trang\xff");
	ck_assert_int_eq(activity_check(NULL, NULL, &a, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "location is not valid UTF-8");
	free(a.location);
	a.location = xstrdup("Nha\x1b[31mTrang");
	ck_assert_int_eq(activity_check(NULL, NULL, &a, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "location contains a control character");
	free(a.location);
	a.location = NULL;
	a.notes = xstrdup("line one\nline two");
	ck_assert_int_eq(activity_check(NULL, NULL, &a, err, sizeof(err)), 0);
	memset(big, 'x', 399);
	big[399] = '\0';
	free(a.title);
	a.title = big;
	ck_assert_int_eq(activity_check(NULL, NULL, &a, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "title is longer than 300 characters");
	activity_release(&a);
}
END_TEST

/* Partner countries: upper-cased, each once, any separator in. */
static const struct {
	const char *in, *out;
} countries[] = {
	{ "jp", "JP" },
	{ "JP us", "JP US" },
	{ "la; KH,la  kh", "LA KH" },
	{ " ; , ", NULL },
	{ "", NULL },
	{ "JPN JP", "JPN JP" },	/* a bad code stays for the check */
};

START_TEST(countries_norm)
{
	char *got = activity_countries_norm(countries[_i].in);

	if (countries[_i].out == NULL)
		ck_assert_ptr_null(got);
	else
		ck_assert_str_eq(got, countries[_i].out);
	free(got);
}
END_TEST

/* Dates within [activities] first_year and last_year, at most
 * max_owners owners, each message naming the field (issue 21). */
START_TEST(years_and_owners)
{
	struct config cfg;
	struct activity a = { 0 };
	char err[512], addr[32];
	int i;

	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	a.title = xstrdup("Họp");
	ck_assert_ptr_null(activity_set_times(&a, "9999-12-31", NULL));
	ck_assert_int_eq(activity_check(NULL, &cfg, &a, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "start 9999-12-31 is outside the years "
	    "1945-2100 ([activities] first_year, last_year)");
	ck_assert_ptr_null(activity_set_times(&a, "2100-12-31", "2101-01-01"));
	ck_assert_int_eq(activity_check(NULL, &cfg, &a, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "end 2101-01-01 is outside the years "
	    "1945-2100 ([activities] first_year, last_year)");
	ck_assert_ptr_null(activity_set_times(&a, "1945-01-01", "2100-12-31"));
	ck_assert_int_eq(activity_check(NULL, &cfg, &a, err, sizeof(err)), 0);
	for (i = 0; i < 21; i++) {
		snprintf(addr, sizeof(addr), "o%d@example.org", i);
		activity_add_owner(&a, addr);
		if (i == 19)
			ck_assert_int_eq(activity_check(NULL, &cfg, &a, err,
			    sizeof(err)), 0);
	}
	ck_assert_int_eq(activity_check(NULL, &cfg, &a, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "owners: at most 20 addresses get an "
	    "activity's reminders, not 21 ([activities] max_owners)");
	activity_release(&a);
	config_release(&cfg);
}
END_TEST

/* The category must be a configured one when a config is given. */
START_TEST(category_check)
{
	struct config cfg;
	struct activity a = { 0 };
	char err[512];

	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	a.title = xstrdup("Đoàn ra");
	ck_assert_ptr_null(activity_set_times(&a, "2023-12-01", NULL));
	a.category = xstrdup("delegation-out");
	ck_assert_int_eq(activity_check(NULL, &cfg, &a, err, sizeof(err)), 0);
	free(a.category);
	a.category = xstrdup("gala");
	ck_assert_int_eq(activity_check(NULL, NULL, &a, err, sizeof(err)), 0);
	ck_assert_int_eq(activity_check(NULL, &cfg, &a, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "unknown category 'gala' (one of: "
	    "delegation-out, delegation-in, anniversary, annual, letter, ngo, "
	    "overseas, information, other)");
	activity_release(&a);
	config_release(&cfg);
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

	tcase_add_test(tc, times);
	tcase_add_loop_test(tc, email_valid, 0, NELEM(emails));
	tcase_add_test(tc, follows_check);
	tcase_add_test(tc, owners_normalised);
	tcase_add_test(tc, years_and_owners);
	tcase_add_test(tc, check_fields);
	tcase_add_test(tc, backoff);
	tcase_add_loop_test(tc, countries_norm, 0, NELEM(countries));
	tcase_add_test(tc, category_check);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

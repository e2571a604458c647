/*
 * activity, recipient and outbox pure functions: start and end, field
 * validation through the activity's field table (values applied as the
 * command line, the web form and the CSV import apply them), owners,
 * address validation, follow lists and the backoff.
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

/* Known only to its year: 1/1 to 31/12 of one year, nothing else. */
static const struct {
	struct ymd start, end;
	int undated;
} spans[] = {
	{ { 2023, 1, 1 }, { 2023, 12, 31 }, 1 },
	{ { 2023, 1, 1 }, { 2023, 1, 1 }, 0 },
	{ { 2023, 1, 2 }, { 2023, 12, 31 }, 0 },
	{ { 2023, 1, 1 }, { 2024, 12, 31 }, 0 },
	{ { 2023, 1, 1 }, { 2023, 12, 30 }, 0 },
};

START_TEST(undated)
{
	struct activity a;

	memset(&a, 0, sizeof(a));
	a.all_day = 1;
	a.start = spans[_i].start;
	a.end = spans[_i].end;
	ck_assert_int_eq(activity_undated(&a), spans[_i].undated);
}
END_TEST

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

/* The first refusal of an activity_check() as the command line says
 * it, "" when it passes. */
static const char *
check_line(const struct config *cfg, const struct activity *a)
{
	static char line[FIELD_MSG_MAX + 64];
	struct field_errs errs;
	int rc;

	field_errs_init(&errs);
	rc = activity_check(NULL, cfg, a, &errs);
	ck_assert_int_eq(rc, errs.n > 0 ? 1 : 0);
	line[0] = '\0';
	if (errs.n > 0)
		field_err_line(&errs.v[0], line, sizeof(line));
	field_errs_release(&errs);
	return line;
}

START_TEST(check_fields)
{
	struct activity a = { 0 };
	char *big = malloc(400);

	a.title = xstrdup("Hội thao");
	ck_assert_str_eq(check_line(NULL, &a), "start: a value is required");
	ck_assert_ptr_null(activity_set_times(&a, "2023-06-01", NULL));
	ck_assert_str_eq(check_line(NULL, &a), "");
	a.location = xstrdup("Nha Trang\xff");
	ck_assert_str_eq(check_line(NULL, &a),
	    "location: holds bytes that are not valid UTF-8");
	free(a.location);
	a.location = xstrdup("Nha\x1b[31mTrang");
	ck_assert_str_eq(check_line(NULL, &a),
	    "location: contains a control character");
	free(a.location);
	a.location = NULL;
	a.notes = xstrdup("line one\nline two");
	ck_assert_str_eq(check_line(NULL, &a), "");
	memset(big, 'x', 399);
	big[399] = '\0';
	free(a.title);
	a.title = big;
	ck_assert_str_eq(check_line(NULL, &a),
	    "title: longer than the limit of 300 characters");
	activity_release(&a);
}
END_TEST

/* The table's fields are the CSV's columns after the key, in order: the
 * import reads a row through it. */
START_TEST(fields_are_columns)
{
	const struct field *f;
	struct buf h;

	buf_init(&h);
	buf_puts(&h, "key");
	for (f = activity_fields; f->name != NULL; f++)
		buf_printf(&h, ",%s", f->name);
	ck_assert_str_eq(h.data, ACTIVITY_CSV_HEADER);
	ck_assert_uint_eq(field_count(activity_fields) + 1,
	    ACTIVITY_CSV_FIELDS);
	buf_release(&h);
}
END_TEST

/* Values as typed, applied to a new activity: the first refusal, by
 * field, as the command line and the import say it. */
static const struct {
	struct activity_input in;
	const char *line;	/* "" when accepted */
} applies[] = {
	{ { .title = "Họp", .start = "2023-09-01" }, "" },
	{ { .start = "2023-09-01" }, "title: a value is required" },
	{ { .title = "Họp" }, "start: a value is required" },
	{ { .title = "   ", .start = "2023-09-01" }, "title: needs at least "
	    "one visible character (not only spaces or invisible "
	    "characters)" },
	{ { .title = "Họp", .start = "2023-02-30" }, "start: must be "
	    "YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time), not '2023-02-30'" },
	{ { .title = "Họp", .start = "2023-02-01T10:00", .end = "2023-02-01" },
	    "end: start and end must both be dates or both have times" },
	{ { .title = "Họp", .start = "2023-02-01T10:00",
	    .end = "2023-02-01T09:00" }, "end: must not be before the start" },
	{ { .title = "Họp", .start = "2023-02-01", .remind = "soon" },
	    "remind: must be like 30d,7d,1d (w: weeks, d: days, h: hours), "
	    "not 'soon'" },
	{ { .title = "Họp", .start = "2023-02-01", .status = "finished" },
	    "status: must be planned, confirmed, done or cancelled, not "
	    "'finished'" },
	{ { .title = "Họp", .start = "2023-02-01", .participants = "-3" },
	    "participants: must be a number from 0 to 1000000, not '-3'" },
	{ { .title = "Họp", .start = "2023-02-01", .participants = "12" },
	    "" },
	{ { .title = "Họp", .start = "2023-02-01", .public = "maybe" },
	    "public: must be yes or no, not 'maybe'" },
	{ { .title = "Họp", .start = "2023-02-01", .owners = "an@localhost" },
	    "owners: 'an@localhost' is not an email address" },
	{ { .title = "Họp", .start = "2023-02-01",
	    .owners = "an@example.org, b@example.org" }, "" },
	{ { .title = "Họp", .start = "2023-02-01", .location = "a\nb" },
	    "location: contains a control character" },
	{ { .title = "Họp", .start = "2023-02-01", .notes = "a\nb",
	    .result = "c\td" }, "" },
	/* Aid: an amount in a currency, of NGO work only. */
	{ { .title = "Vận động", .start = "2023-02-01", .category = "ngo",
	    .amount = "149814", .currency = "usd" }, "" },
	{ { .title = "Vận động", .start = "2023-02-01", .category = "ngo",
	    .amount = "149.814", .currency = "USD" }, "amount: must be a "
	    "whole number of units without separators, like 149814, not "
	    "'149.814'" },
	{ { .title = "Vận động", .start = "2023-02-01", .category = "ngo",
	    .amount = "149814" }, "currency: an amount needs its currency "
	    "and a currency its amount: give both or neither" },
	{ { .title = "Vận động", .start = "2023-02-01", .category = "ngo",
	    .amount = "1", .currency = "US$" }, "currency: must be a "
	    "three-letter ISO 4217 code like USD, EUR or VND, not 'US$'" },
	{ { .title = "Họp", .start = "2023-02-01", .category = "other",
	    .amount = "5", .currency = "EUR" }, "amount: only an activity of "
	    "category ngo records the aid it mobilised" },
	{ { .title = "Họp", .start = "2023-02-01", .budget = "25000000" },
	    "" },
	{ { .title = "Họp", .start = "2023-02-01", .budget = "-1" },
	    "budget: must be a whole number of đồng without separators, like "
	    "25000000, not '-1'" },
	{ { .title = "Họp", .start = "2023-02-01", .report_text = "a\nb" },
	    "report_text: contains a control character" },
};

START_TEST(apply)
{
	struct activity a = { 0 };
	struct field_errs errs;
	char line[FIELD_MSG_MAX + 64] = "";
	int rc;

	field_errs_init(&errs);
	rc = activity_apply(NULL, NULL, &applies[_i].in, &a, &errs);
	if (errs.n > 0)
		field_err_line(&errs.v[0], line, sizeof(line));
	ck_assert_msg(strcmp(line, applies[_i].line) == 0,
	    "case %d: got '%s'", _i, line);
	ck_assert_int_eq(rc, applies[_i].line[0] != '\0');
	if (rc == 0 && applies[_i].in.participants != NULL)
		ck_assert_int_eq(a.participants, 12);
	if (rc == 0 && applies[_i].in.owners != NULL)
		ck_assert_uint_eq(a.nowners, 2);
	if (rc == 0 && applies[_i].in.amount != NULL) {
		ck_assert_int_eq(a.amount, 149814);
		ck_assert_str_eq(a.currency, "USD");
	}
	if (rc == 0 && applies[_i].in.budget != NULL)
		ck_assert_int_eq(a.budget, 25000000);
	field_errs_release(&errs);
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
	char addr[32];
	int i;

	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	a.title = xstrdup("Họp");
	ck_assert_ptr_null(activity_set_times(&a, "9999-12-31", NULL));
	ck_assert_str_eq(check_line(&cfg, &a), "start: must be within the "
	    "years 1945 to 2100 ([activities] first_year, last_year), not "
	    "9999-12-31");
	ck_assert_ptr_null(activity_set_times(&a, "2100-12-31", "2101-01-01"));
	ck_assert_str_eq(check_line(&cfg, &a), "end: must be within the "
	    "years 1945 to 2100 ([activities] first_year, last_year), not "
	    "2101-01-01");
	ck_assert_ptr_null(activity_set_times(&a, "1945-01-01", "2100-12-31"));
	ck_assert_str_eq(check_line(&cfg, &a), "");
	for (i = 0; i < 21; i++) {
		snprintf(addr, sizeof(addr), "o%d@example.org", i);
		activity_add_owner(&a, addr);
		if (i == 19)
			ck_assert_str_eq(check_line(&cfg, &a), "");
	}
	ck_assert_str_eq(check_line(&cfg, &a), "owners: at most 20 addresses "
	    "get an activity's reminders, not 21 ([activities] max_owners)");
	activity_release(&a);
	config_release(&cfg);
}
END_TEST

/* The category must be a configured one when a config is given. */
START_TEST(category_check)
{
	struct config cfg;
	struct activity a = { 0 };

	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	a.title = xstrdup("Đoàn ra");
	ck_assert_ptr_null(activity_set_times(&a, "2023-12-01", NULL));
	a.category = xstrdup("delegation-out");
	ck_assert_str_eq(check_line(&cfg, &a), "");
	free(a.category);
	a.category = xstrdup("gala");
	ck_assert_str_eq(check_line(NULL, &a), "");
	ck_assert_str_eq(check_line(&cfg, &a), "category: unknown category "
	    "'gala' (one of: delegation-out, delegation-in, anniversary, "
	    "annual, letter, ngo, overseas, information, conference, other)");
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

/* The audit trail's shape of an activity: every field in its order,
 * text escaped, the times as vntime writes them. */
START_TEST(json_shape)
{
	char title[] = "Gặp mặt \"Lào\"", place[] = "Hà Nội";
	char notes[] = "a\nb\\c\t", cc[] = "LA";
	char o1[] = "an@example.org", o2[] = "binh@example.org";
	char *owners[] = { o1, o2 };
	struct activity a = { 0 };
	struct buf b;

	a.title = title;
	a.start = (struct ymd){ 2024, 11, 9 };
	a.end = (struct ymd){ 2024, 11, 10 };
	a.start_min = 23 * 60 + 30;
	a.end_min = 30;
	a.location = place;
	a.notes = notes;
	a.owners = owners;
	a.nowners = 2;
	a.status = ACTIVITY_DONE;
	a.participants = 40;
	a.countries = cc;
	a.public = 1;
	buf_init(&b);
	activity_json(&a, &b);
	ck_assert_str_eq(b.data, "{\"title\":\"Gặp mặt \\\"Lào\\\"\","
	    "\"start\":\"2024-11-09T23:30\",\"end\":\"2024-11-10T00:30\","
	    "\"location\":\"Hà Nội\",\"organiser\":\"\",\"observance\":\"\","
	    "\"owners\":[\"an@example.org\",\"binh@example.org\"],"
	    "\"remind\":\"\",\"status\":\"done\",\"notes\":\"a\\nb\\\\c\\t\","
	    "\"result\":\"\",\"participants\":40,\"category\":\"\","
	    "\"countries\":\"LA\",\"partner\":\"\",\"member\":\"\","
	    "\"amount\":0,\"currency\":\"\",\"budget\":0,"
	    "\"report_text\":\"\",\"public\":true}");
	/* All day, no owners, an import that did not say public. */
	a.all_day = 1;
	a.nowners = 0;
	a.public = -1;
	a.status = ACTIVITY_PLANNED;
	b.len = 0;
	activity_json(&a, &b);
	ck_assert_ptr_nonnull(strstr(b.data, "\"start\":\"2024-11-09\","
	    "\"end\":\"2024-11-10\","));
	ck_assert_ptr_nonnull(strstr(b.data, "\"owners\":[],"));
	ck_assert_ptr_nonnull(strstr(b.data, "\"status\":\"planned\""));
	ck_assert_ptr_nonnull(strstr(b.data, ",\"public\":false}"));
	buf_release(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("activity");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, times);
	tcase_add_loop_test(tc, undated, 0, NELEM(spans));
	tcase_add_loop_test(tc, email_valid, 0, NELEM(emails));
	tcase_add_test(tc, follows_check);
	tcase_add_test(tc, owners_normalised);
	tcase_add_test(tc, years_and_owners);
	tcase_add_test(tc, check_fields);
	tcase_add_test(tc, fields_are_columns);
	tcase_add_loop_test(tc, apply, 0, NELEM(applies));
	tcase_add_test(tc, backoff);
	tcase_add_loop_test(tc, countries_norm, 0, NELEM(countries));
	tcase_add_test(tc, category_check);
	tcase_add_test(tc, json_shape);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * Corrections: the checks an editor's date goes through (per kind, the
 * base year kept or taken from the date, lunar dates in their year, the
 * required source, confidence and note, the text validator), and the
 * life of a correction in the store: applied by store_load(), kept by a
 * re-import of the same row, superseded when the shipped row changes.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "correction.h"
#include "fixture.h"
#include "rules.h"
#include "lunar.h"
#include "store.h"
#include "util.h"

static const struct {
	enum kind kind;
	int obs_base;		/* the row's base year */
	const char *date, *source, *confidence, *note;
	const char *errs;	/* the fields refused, "" when accepted */
	int base_year;		/* when accepted */
} cases[] = {
	{ KIND_RELATION, 1994, "1994-03-14", "s", "confirmed", "", "", 1994 },
	{ KIND_RELATION, 1994, "1995-03", "s", "confirmed", NULL, "", 1995 },
	{ KIND_RELATION, 0, "1994", "s", "single-source", "", "", 1994 },
	{ KIND_RELATION, 1994, "03-14", "s", "confirmed", "", "date", 0 },
	{ KIND_RELATION, 1994, "lunar 1994-02-01", "s", "confirmed", "",
	    "date", 0 },
	{ KIND_RELATION, 1994, "1994-13-01", "s", "confirmed", "", "date", 0 },
	{ KIND_RELATION, 1994, "1994-02-30", "s", "confirmed", "", "date", 0 },
	{ KIND_RELATION, 1994, "", "s", "confirmed", "", "date", 0 },
	{ KIND_RELATION, 1994, NULL, "s", "confirmed", "", "date", 0 },
	{ KIND_RELATION, 1994, " 1994-03-14", "s", "confirmed", "", "date",
	    0 },
	{ KIND_RELATION, 1994, "1994-03-14", "", "confirmed", "", "source",
	    0 },
	{ KIND_RELATION, 1994, "1994-03-14", NULL, "confirmed", "", "source",
	    0 },
	{ KIND_RELATION, 1994, "1994-03-14", "a\x01z", "confirmed", "",
	    "source", 0 },
	{ KIND_RELATION, 1994, "1994-03-14", "s", "recalled", "", "note", 0 },
	{ KIND_RELATION, 1994, "1994-03-14", "s", "recalled", "why", "",
	    1994 },
	{ KIND_RELATION, 1994, "1994-03-14", "s", "sure", "", "confidence",
	    0 },
	{ KIND_RELATION, 1994, "1994-03-14", "s", NULL, "", "confidence", 0 },
	{ KIND_RELATION, 1994, "1994-03-14", "s", "confirmed", "two\nlines",
	    "note", 0 },
	{ KIND_RELATION, 1994, "1994-03-14", "s", "confirmed", "\xff", "note",
	    0 },
	{ KIND_RELATION, 1994, "", "", "", "", "date,source,confidence", 0 },
	{ KIND_PARTNERSHIP, 2013, "2013-09-14", "s", "confirmed", "", "",
	    2013 },
	{ KIND_PARTNERSHIP, 2013, "09-14", "s", "confirmed", "", "date", 0 },
	/* A national day written without a year keeps the row's. */
	{ KIND_NATIONAL_DAY, 1776, "07-05", "s", "confirmed", "", "", 1776 },
	{ KIND_NATIONAL_DAY, 1776, "1777-07-04", "s", "confirmed", "", "",
	    1777 },
	{ KIND_NATIONAL_DAY, 0, "06 sat#2", "s", "confirmed", "", "", 0 },
	{ KIND_NATIONAL_DAY, 1776, "1776-07", "s", "confirmed", "", "date",
	    0 },
	{ KIND_FESTIVAL, 0, "lunar 08-15", "s", "confirmed", "", "", 0 },
	/* 2023 has a leap second month; 2024 has none. */
	{ KIND_FESTIVAL, 0, "lunar 2023-02-10 leap", "s", "confirmed", "", "",
	    2023 },
	{ KIND_FESTIVAL, 0, "lunar 2024-02-10 leap", "s", "confirmed", "",
	    "date", 0 },
	{ KIND_COMMEMORATION, 1863, "09-23", "s", "confirmed", "", "", 1863 },
	{ KIND_COMMEMORATION, 1863, "1863-09", "s", "confirmed", "", "",
	    1863 },
	{ KIND_COMMEMORATION, 0, "lunar 01-01 x", "s", "confirmed", "",
	    "date", 0 },
	{ KIND_COMMEMORATION, 0, "12345678901234567890123456789012345678901",
	    "s", "confirmed", "", "date", 0 },
};

START_TEST(check)
{
	struct lunar_cal *cal = lunar_new(LUNAR_HISTORICAL);
	struct observance o = { 0 };
	struct correction_input in = { cases[_i].date, cases[_i].source,
	    cases[_i].confidence, cases[_i].note };
	struct field_errs errs;
	struct buf got;
	size_t n, i;
	int base = -1, rc;

	o.kind = cases[_i].kind;
	o.rule.base_year = cases[_i].obs_base;
	field_errs_init(&errs);
	rc = correction_check(&o, cal, &in, &base, &errs);
	n = errs.n;
	buf_init(&got);
	buf_puts(&got, "");
	for (i = 0; i < n; i++) {
		buf_printf(&got, "%s%s", i > 0 ? "," : "", errs.v[i].field);
		ck_assert_uint_gt(strlen(errs.v[i].vi), 0);
		ck_assert_uint_gt(strlen(errs.v[i].en), 0);
	}
	field_errs_release(&errs);
	ck_assert_msg(strcmp(got.data, cases[_i].errs) == 0,
	    "case %d: refused '%s', want '%s'", _i, got.data, cases[_i].errs);
	ck_assert_int_eq(rc, n == 0 ? 0 : -1);
	if (rc == 0)
		ck_assert_int_eq(base, cases[_i].base_year);
	buf_release(&got);
	lunar_free(cal);
}
END_TEST

static struct store *st;
static struct lunar_cal *cal;
static char dir[FIXTURE_DIR];

/* The shipped relation:JP row as `kyniem init` stores it: known to the
 * month, from source. */
static void
put_jp(const char *source, long now)
{
	fixture_country(st, "JP", "Japan", "Nhật Bản", now);
	fixture_relation(st, "JP", "1973-09", "confirmed", source,
	    "month only", now);
}

static void
setup(void)
{
	st = fixture_store_open(dir);
	cal = lunar_new(LUNAR_HISTORICAL);
	put_jp("a", 1);
}

static void
teardown(void)
{
	lunar_free(cal);
	fixture_store_close(st, dir);
}

/* The loaded relation:JP: its rule text and source. */
static void
expect_loaded(const char *spec, const char *source, enum rule_type type)
{
	struct obs_set set;

	ck_assert_int_eq(store_load(st, -1, &set), 0);
	ck_assert_uint_eq(set.n, 1);
	ck_assert_str_eq(set.v[0]->spec, spec);
	ck_assert_str_eq(set.v[0]->source, source);
	ck_assert_int_eq(set.v[0]->rule.type, type);
	ck_assert_int_eq(set.v[0]->rule.base_year, 1973);
	obs_set_release(&set);
}

static void
expect_active(int active)
{
	struct correction c;

	ck_assert_int_eq(correction_get(st, "relation:JP", &c), 0);
	ck_assert_int_eq(c.active, active);
	ck_assert_str_eq(c.rule, "1973-09-21");
	ck_assert_str_eq(c.shipped_rule, "1973-09");
	ck_assert_str_eq(c.who, "editor@example.org");
	correction_release(&c);
}

START_TEST(life)
{
	struct correction_input in = { "1973-09-21", "mofa.gov.vn 1",
	    "confirmed", NULL };
	struct observance jp = { .key = (char *)"relation:JP" };
	struct correction_list l;
	struct correction c;

	ck_assert_int_eq(correction_get(st, "relation:JP", &c), 1);
	ck_assert_int_eq(correction_save(st, &jp, &in, 1973,
	    "editor@example.org", 100), 0);
	expect_loaded("1973-09-21", "mofa.gov.vn 1", RULE_FIXED);
	expect_active(1);
	/* kyniem init again: the same shipped row, the correction stays. */
	put_jp("a", 200);
	expect_loaded("1973-09-21", "mofa.gov.vn 1", RULE_FIXED);
	expect_active(1);
	/* The shipped row changed: it wins again. */
	put_jp("b", 300);
	expect_loaded("1973-09", "b", RULE_UNDATED);
	expect_active(0);
	ck_assert_int_eq(correction_load(st, &l), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.v[0].active, 0);
	correction_list_release(&l);
}
END_TEST

START_TEST(no_such_row)
{
	struct correction_input in = { "1973-09-21", "s", "confirmed", NULL };
	struct observance xx = { .key = (char *)"relation:XX" };
	struct correction_list l;

	ck_assert_int_eq(correction_save(st, &xx, &in, 1973, "e", 100), -1);
	ck_assert_int_eq(correction_load(st, &l), 0);
	ck_assert_uint_eq(l.n, 0);
	correction_list_release(&l);
}
END_TEST

/* The audit trail's shape of a correction, before (the row) and after
 * (the form). */
START_TEST(json_shape)
{
	struct correction_input in = { "1994-03-15", "Công văn \"số 12\"",
	    "recalled", NULL };
	struct buf b;

	buf_init(&b);
	correction_input_json(&in, 1994, &b);
	ck_assert_str_eq(b.data, "{\"date\":\"1994-03-15\",\"base_year\":1994,"
	    "\"source\":\"Công văn \\\"số 12\\\"\",\"confidence\":\"recalled\","
	    "\"note\":\"\"}");
	buf_release(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("correction");
	TCase *tc = tcase_create("check");
	TCase *db = tcase_create("store");

	tcase_add_loop_test(tc, check, 0, NELEM(cases));
	tcase_add_test(tc, json_shape);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(db, setup, teardown);
	tcase_add_test(db, life);
	tcase_add_test(db, no_such_row);
	suite_add_tcase(s, db);
	return s;
}

#include "check_main.h"

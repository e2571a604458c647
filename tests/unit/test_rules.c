/*
 * Rules engine: date rule parsing, every date kind, 29 February, milestone
 * classes and titles in both languages (the reports' phrasing).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lunar.h"
#include "rules.h"
#include "util.h"

static struct lunar_cal *cal;

static void
setup(void)
{
	cal = lunar_new(LUNAR_HISTORICAL);
}

static void
teardown(void)
{
	lunar_free(cal);
}

static struct observance
obs(const char *key, enum kind kind, const char *spec)
{
	struct observance o;
	const char *err;

	memset(&o, 0, sizeof(o));
	o.key = (char *)key;
	o.kind = kind;
	o.days = 1;
	ck_assert_msg(rules_parse(spec, &o.rule, &err) == 0, "%s", spec);
	return o;
}

/* The single occurrence of o in year y (fails unless exactly one). */
static struct occurrence
one_in(struct observance *o, int y, const struct rules_opts *opts)
{
	struct occ_list l = { 0 };
	struct occurrence oc;

	ck_assert_int_eq(rules_occurrences(opts, cal, &o, 1,
	    (struct ymd){ y, 1, 1 }, (struct ymd){ y, 12, 31 }, &l), 0);
	ck_assert_uint_eq(l.n, 1);
	oc = l.v[0];
	occ_list_release(&l);
	return oc;
}

/* fn's words for oc are vi in Vietnamese and en in English. */
static void
expect_words(const struct occurrence *oc, void (*fn)(const struct occurrence *,
    enum lang, struct buf *), const char *vi, const char *en)
{
	struct buf b;

	buf_init(&b);
	fn(oc, LANG_VI, &b);
	ck_assert_str_eq(b.data, vi);
	b.len = 0;
	fn(oc, LANG_EN, &b);
	ck_assert_str_eq(b.data, en);
	buf_release(&b);
}

static const struct {
	const char *spec;
	enum rule_type type;
	int base, month, day;
} good[] = {
	{ "1973-09-21", RULE_FIXED, 1973, 9, 21 },
	{ "09-22", RULE_FIXED, 0, 9, 22 },
	{ "02-29", RULE_FIXED, 0, 2, 29 },
	{ "lunar 01-01", RULE_LUNAR, 0, 1, 1 },
	{ "lunar 1943-03-10", RULE_LUNAR, 1943, 3, 10 },
	{ "06 sat#2", RULE_WEEKDAY, 0, 6, 0 },
	{ "1995", RULE_UNDATED, 1995, 0, 0 },
	{ "1995-07", RULE_UNDATED, 1995, 7, 0 },
	{ "", RULE_UNDATED, 0, 0, 0 },
};

static const char *const bad[] = {
	"1973-02-31", "02-30", "13-01", "lunar 13-01", "lunar 01-31",
	"lunar 01-01 leep", "06 sat#0", "06 xyz#1", "06 sat#6", "21/9/1973",
	"1973-9-21", "lunar", "abc",
};

START_TEST(parse_good)
{
	struct rule r;
	const char *err;

	ck_assert_int_eq(rules_parse(good[_i].spec, &r, &err), 0);
	ck_assert_int_eq(r.type, good[_i].type);
	ck_assert_int_eq(r.base_year, good[_i].base);
	if (good[_i].month)
		ck_assert_int_eq(r.month, good[_i].month);
	if (good[_i].day)
		ck_assert_int_eq(r.day, good[_i].day);
}
END_TEST

START_TEST(parse_bad)
{
	struct rule r;
	const char *err = NULL;

	ck_assert_int_eq(rules_parse(bad[_i], &r, &err), -1);
	ck_assert_ptr_nonnull(err);
}
END_TEST

static const struct {
	int n;
	enum milestone m;
} classes[] = {
	{ 0, MILESTONE_NONE }, { 1, MILESTONE_NONE }, { 5, MILESTONE_ROUND },
	{ 10, MILESTONE_DECADE }, { 25, MILESTONE_JUBILEE },
	{ 35, MILESTONE_ROUND }, { 48, MILESTONE_NONE },
	{ 50, MILESTONE_JUBILEE }, { 55, MILESTONE_ROUND },
	{ 60, MILESTONE_DECADE }, { 70, MILESTONE_DECADE },
	{ 75, MILESTONE_JUBILEE }, { 100, MILESTONE_JUBILEE },
	{ 160, MILESTONE_DECADE },
};

START_TEST(milestone_classes)
{
	ck_assert_int_eq(rules_milestone(classes[_i].n), classes[_i].m);
}
END_TEST

START_TEST(fixed_based)
{
	struct rules_opts o;
	struct observance j = obs("relation:JP", KIND_RELATION, "1973-09-21");
	struct occurrence oc;
	struct occ_list l = { 0 };
	struct observance *p = &j;

	rules_opts_init(&o);
	oc = one_in(&j, 2023, &o);
	ck_assert_int_eq(oc.date.m, 9);
	ck_assert_int_eq(oc.date.d, 21);
	ck_assert_int_eq(oc.n, 50);
	ck_assert_int_eq(oc.milestone, MILESTONE_JUBILEE);
	/* No occurrence in or before the base year. */
	ck_assert_int_eq(rules_occurrences(&o, cal, &p, 1,
	    (struct ymd){ 1900, 1, 1 }, (struct ymd){ 1973, 12, 31 }, &l), 0);
	ck_assert_uint_eq(l.n, 0);
	occ_list_release(&l);
}
END_TEST

START_TEST(feb29)
{
	struct rules_opts o;
	struct observance b = obs("relation:BN", KIND_RELATION, "1992-02-29");
	struct occurrence oc;

	rules_opts_init(&o);
	oc = one_in(&b, 2023, &o);
	ck_assert(oc.date.m == 2 && oc.date.d == 28);
	oc = one_in(&b, 2024, &o);
	ck_assert(oc.date.m == 2 && oc.date.d == 29);
	ck_assert_int_eq(oc.n, 32);
	o.feb29_mar1 = 1;
	oc = one_in(&b, 2022, &o);
	ck_assert(oc.date.m == 3 && oc.date.d == 1);
	ck_assert_int_eq(oc.n, 30);
	ck_assert_int_eq(oc.milestone, MILESTONE_DECADE);
}
END_TEST

START_TEST(weekday)
{
	struct rules_opts o;
	struct observance g = obs("national-day:GB", KIND_NATIONAL_DAY,
	    "06 sat#2");
	struct observance l = obs("x", KIND_LOCAL, "05 mon#-1");

	rules_opts_init(&o);
	/* VN greeted the UK on 11 June 2022. */
	ck_assert_int_eq(one_in(&g, 2022, &o).date.d, 11);
	ck_assert_int_eq(one_in(&g, 2024, &o).date.d, 8);
	ck_assert_int_eq(one_in(&l, 2024, &o).date.d, 27);
	ck_assert_int_eq(one_in(&l, 2023, &o).date.d, 29);
}
END_TEST

START_TEST(lunar_kind)
{
	struct rules_opts o;
	struct observance t = obs("tet", KIND_FESTIVAL, "lunar 01-01");
	struct observance h = obs("hung_kings", KIND_FESTIVAL, "lunar 03-10");
	struct observance m = obs("mid_autumn", KIND_FESTIVAL, "lunar 08-15");
	struct occurrence oc;

	rules_opts_init(&o);
	oc = one_in(&t, 2024, &o);
	ck_assert(oc.date.m == 2 && oc.date.d == 10);
	oc = one_in(&t, 1985, &o);
	ck_assert(oc.date.m == 1 && oc.date.d == 21);
	oc = one_in(&h, 2024, &o);
	ck_assert(oc.date.m == 4 && oc.date.d == 18);
	oc = one_in(&m, 2023, &o);
	ck_assert(oc.date.m == 9 && oc.date.d == 29);
	ck_assert_int_eq(oc.n, 0);
}
END_TEST

START_TEST(per_year_dates)
{
	struct rules_opts o;
	struct observance n = obs("lao_new_year", KIND_NEW_YEAR, "04-14");
	struct dated d = { 2024, { 2024, 4, 14 }, { 2024, 4, 17 } };
	struct occurrence oc;

	rules_opts_init(&o);
	n.days = 3;
	n.dates = &d;
	n.ndates = 1;
	oc = one_in(&n, 2024, &o);
	ck_assert_int_eq(oc.days, 4);
	oc = one_in(&n, 2025, &o);	/* fallback rule */
	ck_assert(oc.date.m == 4 && oc.date.d == 14 && oc.days == 3);
}
END_TEST

START_TEST(milestone_config)
{
	struct rules_opts o;
	struct observance s = obs("relation:SE", KIND_RELATION, "1969-01-11");
	struct occurrence oc;

	rules_opts_init(&o);
	oc = one_in(&s, 2024, &o);
	ck_assert_int_eq(oc.milestone, MILESTONE_ROUND);
	ck_assert(rules_is_milestone(&o, &oc));
	o.milestones[KIND_RELATION] = 1u << MILESTONE_DECADE;
	ck_assert(!rules_is_milestone(&o, &oc));
}
END_TEST

static const struct {
	const char *key, *spec, *country_en, *country_vi, *formal_vi;
	enum kind kind;
	int year;
	const char *vi, *en;
} titles[] = {
	{ "relation:JP", "1973-09-21", "Japan", "Nhật Bản", NULL,
	    KIND_RELATION, 2023,
	    "Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản "
	    "(21/9/1973 – 21/9/2023)",
	    "50th anniversary of Vietnam–Japan diplomatic relations "
	    "(21 Sep 1973 – 21 Sep 2023)" },
	{ "national-day:KH", "1953-11-09", "Cambodia", "Campuchia",
	    "Vương quốc Campuchia", KIND_NATIONAL_DAY, 2023,
	    "Kỷ niệm 70 năm Quốc khánh Vương quốc Campuchia "
	    "(9/11/1953 – 9/11/2023)",
	    "70th anniversary of the National Day of Cambodia "
	    "(9 Nov 1953 – 9 Nov 2023)" },
	/* English gives some countries an article, as letters say them. */
	{ "national-day:US", "1776-07-04", "United States", "Hoa Kỳ", NULL,
	    KIND_NATIONAL_DAY, 2026,
	    "Kỷ niệm 250 năm Quốc khánh Hoa Kỳ (4/7/1776 – 4/7/2026)",
	    "250th anniversary of the National Day of the United States "
	    "(4 Jul 1776 – 4 Jul 2026)" },
	{ "national-day:PH", "1898-06-12", "Philippines", "Philippines", NULL,
	    KIND_NATIONAL_DAY, 2023,
	    "Kỷ niệm 125 năm Quốc khánh Philippines (12/6/1898 – 12/6/2023)",
	    "125th anniversary of the National Day of the Philippines "
	    "(12 Jun 1898 – 12 Jun 2023)" },
	{ "relation:SE", "1969-01-11", "Sweden", "Thụy Điển", NULL,
	    KIND_RELATION, 2024,
	    "Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển "
	    "(11/1/1969 – 11/1/2024)",
	    "55th anniversary of Vietnam–Sweden diplomatic relations "
	    "(11 Jan 1969 – 11 Jan 2024)" },
	{ "relation:LA", "1962-09-05", "Laos", "Lào", NULL, KIND_RELATION,
	    2023,
	    "Kỷ niệm 61 năm thiết lập quan hệ ngoại giao Việt Nam – Lào "
	    "(5/9/1962 – 5/9/2023)",
	    "61st anniversary of Vietnam–Laos diplomatic relations "
	    "(5 Sep 1962 – 5 Sep 2023)" },
};

START_TEST(title_phrasing)
{
	struct rules_opts o;
	struct observance x = obs(titles[_i].key, titles[_i].kind,
	    titles[_i].spec);
	struct occurrence oc;

	rules_opts_init(&o);
	x.country_en = (char *)titles[_i].country_en;
	x.country_vi = (char *)titles[_i].country_vi;
	x.formal_vi = (char *)titles[_i].formal_vi;
	oc = one_in(&x, titles[_i].year, &o);
	expect_words(&oc, rules_title, titles[_i].vi, titles[_i].en);
}
END_TEST

START_TEST(title_commemoration)
{
	struct rules_opts o;
	struct observance y = obs("yersin_birth", KIND_COMMEMORATION, "09-22");
	struct occurrence oc;

	rules_opts_init(&o);
	y.rule.base_year = 1863;
	y.name_vi = (char *)"ngày sinh bác sĩ Alexandre Yersin";
	y.name_en = (char *)"the birth of Dr Alexandre Yersin";
	oc = one_in(&y, 2023, &o);
	expect_words(&oc, rules_title, "Kỷ niệm 160 năm ngày sinh bác sĩ "
	    "Alexandre Yersin (22/9/1863 – 22/9/2023)", "160th anniversary of "
	    "the birth of Dr Alexandre Yersin (22 Sep 1863 – 22 Sep 2023)");
}
END_TEST

/* A row known to the month occurs on the 1st, flagged, counted and titled
 * with the month ("10 năm ... (6/2013 – 6/2023)"); feeds can drop it. */
START_TEST(month_precision)
{
	struct rules_opts o;
	struct observance p = obs("partnership:TH:strategic", KIND_PARTNERSHIP,
	    "2013-06");
	struct occ_list l = { 0 };
	struct occurrence oc;

	rules_opts_init(&o);
	p.level = (char *)"strategic";
	p.country_vi = (char *)"Thái Lan";
	p.country_en = (char *)"Thailand";
	memcpy(p.country, "TH", 3);
	oc = one_in(&p, 2023, &o);
	ck_assert(oc.date.y == 2023 && oc.date.m == 6 && oc.date.d == 1);
	ck_assert_int_eq(oc.precision, PREC_MONTH);
	ck_assert_int_eq(oc.n, 10);
	ck_assert_int_eq(oc.milestone, MILESTONE_DECADE);
	expect_words(&oc, rules_title, "Kỷ niệm 10 năm quan hệ Đối tác Chiến "
	    "lược Việt Nam – Thái Lan (6/2013 – 6/2023)", "10th anniversary of "
	    "the Vietnam–Thailand Strategic Partnership (Jun 2013 – Jun 2023)");
	expect_words(&oc, rules_format_date, "6/2023", "Jun 2023");
	expect_words(&oc, rules_short_title, "Thái Lan: 10 năm Đối tác Chiến "
	    "lược", "Thailand: 10 years of Strategic Partnership");
	ck_assert_int_eq(rules_occurrences(&o, cal, (struct observance *[]){
	    &p }, 1, (struct ymd){ 2023, 1, 1 }, (struct ymd){ 2023, 12, 31 },
	    &l), 0);
	ck_assert_uint_eq(l.n, 1);
	occ_list_drop_partial(&l);
	ck_assert_uint_eq(l.n, 0);
	occ_list_release(&l);
}
END_TEST

/* A row known to the year has no occurrence, only an undated one. */
START_TEST(year_precision)
{
	struct rules_opts o;
	struct observance r = obs("relation:BJ", KIND_RELATION, "1973");
	struct observance *v[] = { &r };
	struct occ_list l = { 0 };
	struct buf b;

	rules_opts_init(&o);
	r.country_vi = (char *)"Bénin";
	ck_assert_int_eq(rules_occurrences(&o, cal, v, 1,
	    (struct ymd){ 2023, 1, 1 }, (struct ymd){ 2023, 12, 31 }, &l), 0);
	ck_assert_uint_eq(l.n, 0);
	rules_undated(v, 1, 1973, &l);
	ck_assert_uint_eq(l.n, 0);
	rules_undated(v, 1, 2023, &l);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.v[0].precision, PREC_YEAR);
	ck_assert_int_eq(l.v[0].n, 50);
	ck_assert_int_eq(l.v[0].milestone, MILESTONE_JUBILEE);
	buf_init(&b);
	rules_title(&l.v[0], LANG_VI, &b);
	ck_assert_str_eq(b.data, "Kỷ niệm 50 năm thiết lập quan hệ ngoại giao "
	    "Việt Nam – Bénin (1973 – 2023)");
	buf_release(&b);
	occ_list_release(&l);
}
END_TEST

/* Tết with its year's name; a name with a bracket takes the dates in it. */
START_TEST(title_names)
{
	struct rules_opts o;
	struct observance t = obs("tet", KIND_FESTIVAL, "lunar 01-01");
	struct observance n = obs("lao_new_year", KIND_NEW_YEAR, "04-14");
	struct dated d = { 2024, { 2024, 4, 14 }, { 2024, 4, 17 } };
	struct occurrence oc;

	rules_opts_init(&o);
	t.name_vi = (char *)"Tết Nguyên đán";
	t.name_en = (char *)"Vietnamese Lunar New Year (Tết)";
	n.name_vi = (char *)"Tết cổ truyền Bunpimay (Lào)";
	n.name_en = (char *)"Lao New Year (Bunpimay)";
	n.country_vi = (char *)"Lào";
	n.country_en = (char *)"Laos";
	memcpy(n.country, "LA", 3);
	n.dates = &d;
	n.ndates = 1;
	oc = one_in(&t, 2024, &o);
	expect_words(&oc, rules_title, "Tết Nguyên đán Giáp Thìn 2024 "
	    "(10/2/2024, 1/1 âm lịch)", "Vietnamese Lunar New Year (Tết Giáp "
	    "Thìn, 10 Feb 2024, lunar 1/1)");
	oc = one_in(&n, 2024, &o);
	/* The span as the report writes it (vntime_format_range()). */
	expect_words(&oc, rules_title, "Tết cổ truyền Bunpimay (Lào, "
	    "14 – 17/4/2024)", "Lao New Year (Bunpimay, 14 Apr 2024 – 17 Apr "
	    "2024)");
	expect_words(&oc, rules_short_title, "Lào: Tết cổ truyền Bunpimay",
	    "Laos: Lao New Year (Bunpimay)");
}
END_TEST

/* Feed SUMMARYs: what tells events apart first. */
static const struct {
	const char *key, *spec, *cc, *country_vi, *country_en, *name_vi,
	    *name_en;
	enum kind kind;
	int year;
	const char *vi, *en;
} shorts[] = {
	{ "relation:JP", "1968-09-21", "JP", "Nhật Bản", "Japan", NULL, NULL,
	    KIND_RELATION, 2023, "Nhật Bản: 55 năm quan hệ ngoại giao",
	    "Japan: 55 years of diplomatic relations" },
	{ "national-day:LA", "1975-12-02", "LA", "Lào", "Laos", NULL, NULL,
	    KIND_NATIONAL_DAY, 2024, "Lào: Quốc khánh, 49 năm",
	    "Laos: National Day, 49 years" },
	{ "national-day:JP", "02-23", "JP", "Nhật Bản", "Japan", NULL, NULL,
	    KIND_NATIONAL_DAY, 2024, "Nhật Bản: Quốc khánh",
	    "Japan: National Day" },
	{ "tet", "lunar 01-01", "", NULL, NULL, "Tết Nguyên đán",
	    "Vietnamese Lunar New Year (Tết)", KIND_FESTIVAL, 2026,
	    "Tết Nguyên đán Bính Ngọ",
	    "Vietnamese Lunar New Year (Tết Bính Ngọ)" },
	{ "yersin_birth", "1863-09-22", "", NULL, NULL,
	    "ngày sinh bác sĩ Alexandre Yersin",
	    "the birth of Dr Alexandre Yersin", KIND_COMMEMORATION, 2023,
	    "Bác sĩ Alexandre Yersin: 160 năm ngày sinh",
	    "Dr Alexandre Yersin: birth, 160 years" },
	{ "vn_national_day", "1945-09-02", "", NULL, NULL,
	    "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
	    "the National Day of Vietnam", KIND_COMMEMORATION, 2026,
	    "Quốc khánh: 81 năm", "National Day: 81 years" },
	{ "cpv_founding", "1930-02-03", "", NULL, NULL,
	    "ngày thành lập Đảng Cộng sản Việt Nam",
	    "the founding of the Communist Party of Vietnam",
	    KIND_COMMEMORATION, 2025,
	    "Ngày thành lập Đảng Cộng sản Việt Nam: 95 năm",
	    "Founding of the Communist Party of Vietnam: 95 years" },
	{ "new_year_day", "01-01", "", NULL, NULL, "Tết Dương lịch",
	    "New Year's Day", KIND_COMMEMORATION, 2025, "Tết Dương lịch",
	    "New Year's Day" },
	{ "victory_genocide", "1979-01-07", "KH", "Campuchia", "Cambodia",
	    "chiến thắng chế độ diệt chủng Pol Pot",
	    "the victory over the Pol Pot genocidal regime",
	    KIND_COMMEMORATION, 2024,
	    "Campuchia: 45 năm chiến thắng chế độ diệt chủng Pol Pot",
	    "Cambodia: Victory over the Pol Pot genocidal regime, 45 years" },
};

START_TEST(short_titles)
{
	struct rules_opts o;
	struct observance x = obs(shorts[_i].key, shorts[_i].kind,
	    shorts[_i].spec);
	struct occurrence oc;

	rules_opts_init(&o);
	memcpy(x.country, shorts[_i].cc, strlen(shorts[_i].cc) + 1);
	x.country_vi = (char *)shorts[_i].country_vi;
	x.country_en = (char *)shorts[_i].country_en;
	x.name_vi = (char *)shorts[_i].name_vi;
	x.name_en = (char *)shorts[_i].name_en;
	oc = one_in(&x, shorts[_i].year, &o);
	expect_words(&oc, rules_short_title, shorts[_i].vi, shorts[_i].en);
}
END_TEST

/* The marker goes after anything not confirmed, and only there. */
START_TEST(unverified)
{
	static const struct {
		const char *confidence, *vi, *en;
	} v[] = {
		{ NULL, "", "" },
		{ "confirmed", "", "" },
		{ "single-source", " (chưa xác minh)", " (unverified)" },
		{ "recalled", " (chưa xác minh)", " (unverified)" },
	};
	struct observance x = obs("relation:GE", KIND_RELATION, "1994-06-30");
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < NELEM(v); i++) {
		x.confidence = (char *)v[i].confidence;
		b.len = 0;
		buf_puts(&b, "");
		rules_unverified(&x, LANG_VI, &b);
		ck_assert_str_eq(b.data, v[i].vi);
		b.len = 0;
		rules_unverified(&x, LANG_EN, &b);
		buf_puts(&b, "");
		ck_assert_str_eq(b.data, v[i].en);
	}
	buf_release(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, parse_good, 0, NELEM(good));
	tcase_add_loop_test(tc, parse_bad, 0, NELEM(bad));
	tcase_add_loop_test(tc, milestone_classes, 0, NELEM(classes));
	tcase_add_test(tc, fixed_based);
	tcase_add_test(tc, feb29);
	tcase_add_test(tc, weekday);
	tcase_add_test(tc, lunar_kind);
	tcase_add_test(tc, per_year_dates);
	tcase_add_test(tc, milestone_config);
	tcase_add_loop_test(tc, title_phrasing, 0, NELEM(titles));
	tcase_add_test(tc, title_commemoration);
	tcase_add_test(tc, month_precision);
	tcase_add_test(tc, year_precision);
	tcase_add_test(tc, title_names);
	tcase_add_loop_test(tc, short_titles, 0, NELEM(shorts));
	tcase_add_test(tc, unverified);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

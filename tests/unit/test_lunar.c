/*
 * Unit tests for lunar.c: known dates, leap months, impossible dates, a
 * round trip of every day 1900-2199 and a comparison with the reference
 * vectors of tests/lunar/ (months.txt, disagree.txt, ref-faults.txt).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lunar.h"
#include "util.h"

#define MAXLINE	1024
#define FIRST	1900
#define LAST	2199

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
	cal = NULL;
}

/* Known pairs: Gregorian date and lunar date, in Vietnam. */
static const struct {
	int y, m, d;
	struct lunar_date l;
} known[] = {
	{ 1985, 1, 21, { 1, 1, 1985, 0 } },	/* China: 1985-02-20 */
	{ 2007, 2, 17, { 1, 1, 2007, 0 } },	/* China: 2007-02-18 */
	{ 2023, 1, 22, { 1, 1, 2023, 0 } },
	{ 2024, 2, 10, { 1, 1, 2024, 0 } },
	{ 2025, 1, 29, { 1, 1, 2025, 0 } },
	{ 2024, 2, 9, { 30, 12, 2023, 0 } },
	{ 2024, 4, 18, { 10, 3, 2024, 0 } },	/* Giỗ Tổ Hùng Vương */
	{ 2024, 9, 17, { 15, 8, 2024, 0 } },	/* Tết Trung thu */
	{ 2023, 3, 22, { 1, 2, 2023, 1 } },
	{ 2020, 5, 23, { 1, 4, 2020, 1 } },
	{ 2025, 7, 25, { 1, 6, 2025, 1 } },
	{ 2033, 12, 22, { 1, 11, 2033, 1 } },
	{ 1800, 1, 1, { 7, 12, 1799, 0 } },
	{ 1968, 1, 29, { 1, 1, 1968, 0 } },	/* North: UTC+7 */
	{ 2199, 12, 31, { 14, 11, 2199, 0 } },
};

START_TEST(test_known_from_solar)
{
	struct lunar_date l;

	ck_assert_int_eq(lunar_from_solar(cal, known[_i].y, known[_i].m,
	    known[_i].d, &l), 0);
	ck_assert_int_eq(l.day, known[_i].l.day);
	ck_assert_int_eq(l.month, known[_i].l.month);
	ck_assert_int_eq(l.year, known[_i].l.year);
	ck_assert_int_eq(l.leap, known[_i].l.leap);
}
END_TEST

START_TEST(test_known_to_solar)
{
	int y, m, d;

	ck_assert_int_eq(lunar_to_solar(cal, &known[_i].l, &y, &m, &d), 0);
	ck_assert_int_eq(y, known[_i].y);
	ck_assert_int_eq(m, known[_i].m);
	ck_assert_int_eq(d, known[_i].d);
}
END_TEST

static const struct {
	int year, leap;
} leaps[] = {
	{ 1985, 2 }, { 2020, 4 }, { 2023, 2 }, { 2024, 0 }, { 2025, 6 },
	{ 2028, 5 }, { 2033, 11 }, { 2034, 0 }, { 1799, 0 }, { 1798, -1 },
	{ 2200, -1 }
};

START_TEST(test_leap_month)
{
	ck_assert_int_eq(lunar_leap_month(cal, leaps[_i].year),
	    leaps[_i].leap);
}
END_TEST

/* Dates that do not exist or lie outside the range. */
static const struct lunar_date bad_lunar[] = {
	{ 1, 4, 2024, 1 },	/* 2024 has no leap month */
	{ 1, 3, 2023, 1 },	/* 2023 has a leap 2, not 3 */
	{ 30, 12, 2024, 0 },	/* 29 days */
	{ 30, 1, 2024, 0 },	/* 29 days */
	{ 0, 1, 2024, 0 },
	{ 31, 1, 2024, 0 },
	{ 1, 0, 2024, 0 },
	{ 1, 13, 2024, 0 },
	{ 1, 1, 1798, 0 },
	{ 1, 1, 2200, 0 },
	{ 1, 12, 2199, 0 },	/* 2200-01-16, past the range */
};

START_TEST(test_bad_lunar)
{
	int y = 0, m = 0, d = 0;

	ck_assert_int_eq(lunar_to_solar(cal, &bad_lunar[_i], &y, &m, &d), -1);
}
END_TEST

static const struct ymd bad_solar[] = {
	{ 2023, 2, 29 }, { 2024, 13, 1 }, { 2024, 4, 31 }, { 1799, 12, 31 },
	{ 2200, 1, 1 }, { 2024, 0, 10 }
};

START_TEST(test_bad_solar)
{
	struct lunar_date l;

	ck_assert_int_eq(lunar_from_solar(cal, bad_solar[_i].y,
	    bad_solar[_i].m, bad_solar[_i].d, &l), -1);
}
END_TEST

/* Day 30 exists exactly in the 30-day months; no other day 30. */
START_TEST(test_month_days)
{
	struct lunar_date l;
	int y, m, d, ly, mo, leap, n;

	for (ly = FIRST; ly < LAST; ly++) {
		for (mo = 1; mo <= 12; mo++) {
			for (leap = 0; leap <= 1; leap++) {
				n = lunar_month_days(cal, ly, mo, leap);
				if (leap && lunar_leap_month(cal, ly) != mo) {
					ck_assert_int_eq(n, 0);
					continue;
				}
				ck_assert(n == 29 || n == 30);
				l = (struct lunar_date){ n, mo, ly, leap };
				ck_assert_int_eq(lunar_to_solar(cal, &l, &y,
				    &m, &d), 0);
				l.day = n + 1;
				ck_assert_int_eq(lunar_to_solar(cal, &l, &y,
				    &m, &d), -1);
			}
		}
	}
}
END_TEST

static const struct {
	int year;
	const char *name;
} canchi[] = {
	{ 2024, "Giáp Thìn" }, { 2025, "Ất Tỵ" }, { 1985, "Ất Sửu" },
	{ 1900, "Canh Tý" }, { 2000, "Canh Thìn" }, { 2023, "Quý Mão" },
	{ 1968, "Mậu Thân" }, { 1945, "Ất Dậu" }, { 2043, "Quý Hợi" }
};

START_TEST(test_can_chi)
{
	char buf[32];

	ck_assert_int_eq(lunar_can_chi(canchi[_i].year, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, canchi[_i].name);
}
END_TEST

START_TEST(test_can_chi_short)
{
	char buf[8];

	ck_assert_int_eq(lunar_can_chi(2024, buf, sizeof(buf)), -1);
}
END_TEST

/* Every day 1900-2199 converts, converts back, and follows the day before. */
START_TEST(test_round_trip)
{
	struct lunar_date l, prev = { 0, 0, 0, 0 };
	struct ymd t;
	long n, first, last;
	int y, m, d;

	first = util_days_from_civil(FIRST, 1, 1);
	last = util_days_from_civil(LAST, 12, 31);
	for (n = first; n <= last; n++) {
		t = util_civil_from_days(n);
		ck_assert_int_eq(lunar_from_solar(cal, t.y, t.m, t.d, &l), 0);
		ck_assert_int_eq(lunar_to_solar(cal, &l, &y, &m, &d), 0);
		ck_assert_msg(y == t.y && m == t.m && d == t.d,
		    "%d-%d-%d came back as %d-%d-%d", t.y, t.m, t.d, y, m, d);
		if (n > first && l.day != 1)
			ck_assert(l.day == prev.day + 1 &&
			    l.month == prev.month && l.leap == prev.leap);
		if (n > first && l.day == 1)
			ck_assert(prev.day == 29 || prev.day == 30);
		prev = l;
	}
}
END_TEST

/* Before 1968 the historical rule is China's meridian; 1985 differs. */
START_TEST(test_meridian)
{
	struct lunar_cal *c8, *c7;
	struct lunar_date a, b;
	struct ymd t;
	long n;

	c8 = lunar_new(LUNAR_UTC8);
	c7 = lunar_new(LUNAR_UTC7);
	for (n = util_days_from_civil(1900, 1, 1);
	    n < util_days_from_civil(1967, 12, 1); n++) {
		t = util_civil_from_days(n);
		ck_assert_int_eq(lunar_from_solar(cal, t.y, t.m, t.d, &a), 0);
		ck_assert_int_eq(lunar_from_solar(c8, t.y, t.m, t.d, &b), 0);
		ck_assert(memcmp(&a, &b, sizeof(a)) == 0);
	}
	ck_assert_int_eq(lunar_from_solar(c8, 1985, 2, 20, &a), 0);
	ck_assert(a.day == 1 && a.month == 1 && a.year == 1985);
	ck_assert_int_eq(lunar_from_solar(c8, 2007, 2, 18, &a), 0);
	ck_assert(a.day == 1 && a.month == 1 && a.year == 2007);
	ck_assert_int_eq(lunar_from_solar(c7, 1985, 1, 21, &a), 0);
	ck_assert(a.day == 1 && a.month == 1 && a.year == 1985);
	lunar_free(c8);
	lunar_free(c7);
}
END_TEST

/* Opens tests/lunar/NAME from the cwd, else from $KYNIEM_SRC. */
static FILE *
open_vector(const char *name)
{
	char path[4096];
	const char *src;
	FILE *fp;
	int n;

	n = snprintf(path, sizeof(path), "tests/lunar/%s", name);
	ck_assert(n > 0 && (size_t)n < sizeof(path));
	if ((fp = fopen(path, "r")) != NULL)
		return fp;
	if ((src = getenv("KYNIEM_SRC")) == NULL)
		src = ".";
	n = snprintf(path, sizeof(path), "%s/tests/lunar/%s", src, name);
	ck_assert(n > 0 && (size_t)n < sizeof(path));
	fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "cannot open '%s'", path);
	return fp;
}

/* Lunar years in which date-chinese mislabels months (ref-faults.txt). */
static int faults[LAST - FIRST + 1];

static void
load_faults(void)
{
	char line[MAXLINE], *sp;
	long y;
	FILE *fp;

	fp = open_vector("ref-faults.txt");
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if ((sp = strchr(line, ' ')) != NULL)
			*sp = '\0';
		ck_assert_int_eq(util_parse_int(line, FIRST, LAST, &y), 0);
		faults[y - FIRST] = 1;
	}
	fclose(fp);
}

/* "8L=2033-09-23" into month, leap and date; 0 or -1. */
static int
parse_start(char *tok, int *month, int *leap, struct ymd *t)
{
	char *eq, *l;
	long v;

	if ((eq = strchr(tok, '=')) == NULL)
		return -1;
	*eq = '\0';
	*leap = 0;
	if ((l = strchr(tok, 'L')) != NULL) {
		*l = '\0';
		*leap = 1;
	}
	if (util_parse_int(tok, 1, 12, &v) == -1)
		return -1;
	*month = (int)v;
	return util_parse_ymd(eq + 1, t);
}

/*
 * One line of months.txt: every month start must match; the labels too,
 * except in the years of ref-faults.txt.
 */
static void
check_year_line(char *line)
{
	char *tok, *save;
	struct lunar_date l = { 1, 0, 0, 0 };
	struct ymd t, want;
	long ly;
	int mo, leap, y, m, d;

	tok = strtok_r(line, " \n", &save);
	ck_assert_int_eq(util_parse_int(tok, FIRST, LAST, &ly), 0);
	tok = strtok_r(NULL, " \n", &save);	/* leap list */
	if (!faults[ly - FIRST] && strchr(tok, ',') == NULL)
		ck_assert_int_eq(lunar_leap_month(cal, (int)ly),
		    (int)strtol(tok, NULL, 10));
	while ((tok = strtok_r(NULL, " \n", &save)) != NULL) {
		if (strncmp(tok, "end=", 4) == 0)
			break;
		ck_assert_int_eq(parse_start(tok, &mo, &leap, &want), 0);
		if (want.y > LAST)
			continue;
		ck_assert_int_eq(lunar_from_solar(cal, want.y, want.m,
		    want.d, &l), 0);
		ck_assert_msg(l.day == 1, "%s: day %d", tok, l.day);
		if (faults[ly - FIRST])
			continue;
		ck_assert_msg(l.month == mo && l.leap == leap &&
		    l.year == ly, "%ld %d%s: got %d/%d/%d%s", ly, mo,
		    leap ? "L" : "", l.day, l.month, l.year,
		    l.leap ? " leap" : "");
		ck_assert_int_eq(lunar_to_solar(cal, &l, &y, &m, &d), 0);
		t = (struct ymd){ y, m, d };
		ck_assert_int_eq(util_ymd_cmp(t, want), 0);
	}
	ck_assert_msg(tok != NULL, "%ld: no end", ly);
	ck_assert_int_eq(util_parse_ymd(tok + 4, &want), 0);
	if (want.y <= LAST) {
		ck_assert_int_eq(lunar_from_solar(cal, want.y, want.m,
		    want.d, &l), 0);
		ck_assert(l.day == 1 && l.month == 1 && !l.leap &&
		    l.year == ly + 1);
	}
}

START_TEST(test_vectors_months)
{
	char line[MAXLINE];
	int n = 0;
	FILE *fp;

	load_faults();
	fp = open_vector("months.txt");
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (line[0] == '#')
			continue;
		check_year_line(line);
		n++;
	}
	fclose(fp);
	ck_assert_int_eq(n, LAST - FIRST + 1);
}
END_TEST

/* "15/8/2024[/leap]" into a lunar date; 0 or -1. */
static int
parse_lunar(char *s, struct lunar_date *l)
{
	char *f[4], *save;
	long v[3];
	int n = 0, i;

	for (s = strtok_r(s, "/", &save); s != NULL && n < 4;
	    s = strtok_r(NULL, "/", &save))
		f[n++] = s;
	if (n < 3)
		return -1;
	for (i = 0; i < 3; i++)
		if (util_parse_int(f[i], 0, 9999, &v[i]) == -1)
			return -1;
	l->day = (int)v[0];
	l->month = (int)v[1];
	l->year = (int)v[2];
	l->leap = n == 4 && strcmp(f[3], "leap") == 0;
	return 0;
}

/*
 * Each day on which the references disagree: ours follows date-chinese,
 * except in the years where date-chinese breaks the month rules; there
 * amlich has the right labels.
 */
START_TEST(test_vectors_disagree)
{
	char line[MAXLINE], *f[4], *save;
	struct lunar_date ref, alt, got, *want;
	struct ymd t;
	int n = 0;
	FILE *fp;

	load_faults();
	fp = open_vector("disagree.txt");
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (line[0] == '#')
			continue;
		f[0] = strtok_r(line, " ", &save);
		f[1] = strtok_r(NULL, " ", &save);
		f[2] = strtok_r(NULL, " ", &save);
		ck_assert(f[2] != NULL);
		ck_assert_int_eq(util_parse_ymd(f[0], &t), 0);
		ck_assert_int_eq(parse_lunar(f[1], &ref), 0);
		ck_assert_int_eq(parse_lunar(f[2], &alt), 0);
		ck_assert(ref.year >= FIRST && ref.year <= LAST);
		want = faults[ref.year - FIRST] ? &alt : &ref;
		ck_assert_int_eq(lunar_from_solar(cal, t.y, t.m, t.d, &got),
		    0);
		ck_assert_msg(memcmp(&got, want, sizeof(got)) == 0,
		    "%s: got %d/%d/%d%s", f[0], got.day, got.month, got.year,
		    got.leap ? "/leap" : "");
		n++;
	}
	fclose(fp);
	ck_assert(n > 0);
}
END_TEST

/* Tết, Giỗ Tổ (10/3) and Trung thu (15/8) of every year, from month starts. */
START_TEST(test_festivals)
{
	static const struct {
		int day, month;
	} fest[] = { { 1, 1 }, { 10, 3 }, { 15, 8 } };
	struct lunar_date l, first;
	struct ymd a, b;
	int ly, i;

	for (ly = FIRST; ly <= LAST; ly++) {
		for (i = 0; i < (int)NELEM(fest); i++) {
			first = (struct lunar_date){ 1, fest[i].month, ly, 0 };
			ck_assert_int_eq(lunar_to_solar(cal, &first, &a.y,
			    &a.m, &a.d), 0);
			l = first;
			l.day = fest[i].day;
			ck_assert_int_eq(lunar_to_solar(cal, &l, &b.y, &b.m,
			    &b.d), 0);
			a = util_ymd_add_days(a, fest[i].day - 1);
			ck_assert_int_eq(util_ymd_cmp(a, b), 0);
		}
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s;
	TCase *tc;

	s = suite_create("lunar");
	tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_known_from_solar, 0, NELEM(known));
	tcase_add_loop_test(tc, test_known_to_solar, 0, NELEM(known));
	tcase_add_loop_test(tc, test_leap_month, 0, NELEM(leaps));
	tcase_add_loop_test(tc, test_bad_lunar, 0, NELEM(bad_lunar));
	tcase_add_loop_test(tc, test_bad_solar, 0, NELEM(bad_solar));
	tcase_add_test(tc, test_month_days);
	tcase_add_loop_test(tc, test_can_chi, 0, NELEM(canchi));
	tcase_add_test(tc, test_can_chi_short);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_meridian);
	tcase_add_test(tc, test_vectors_months);
	tcase_add_test(tc, test_vectors_disagree);
	tcase_add_test(tc, test_festivals);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

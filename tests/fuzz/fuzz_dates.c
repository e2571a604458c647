/*
 * libFuzzer target: every date parser and the lunar conversions.  The
 * input, as a string, goes through rules_parse() (then the engine places a
 * parsed rule over two years and titles it), util_parse_ymd() and `kyniem
 * lunar` itself (both directions); its first bytes, as numbers, drive
 * lunar_from_solar / lunar_to_solar round trips, which must agree.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "lunar.h"
#include "rules.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern int optind;
static struct lunar_cal *cals[3];

/* cmd_lunar prints its usage through main.c's table; not linked here. */
int
cmd_usage(const char *name)
{
	(void)name;
	return 2;
}

static void
engine(const struct rule *r, const char *spec, int year)
{
	struct observance o;
	struct rules_opts opts;
	struct observance *v[1] = { &o };
	struct occ_list l = { NULL, 0, 0 };
	struct ymd from = { year, 1, 1 }, to = { year + 1, 12, 31 };
	struct buf b;
	size_t i;

	memset(&o, 0, sizeof(o));
	o.key = (char *)"fuzz";
	o.kind = (enum kind)(year % KIND_COUNT);
	o.rule = *r;
	o.spec = (char *)spec;
	o.days = 1 + year % 3;
	o.name_en = (char *)"Fuzz Day";
	o.name_vi = (char *)"Ngày fuzz";
	o.country_en = (char *)"Laos";
	o.country_vi = (char *)"Lào";
	memcpy(o.country, "LA", 3);
	rules_opts_init(&opts);
	opts.feb29_mar1 = year & 1;
	if (rules_occurrences(&opts, cals[year % 3], v, 1, from, to, &l) ==
	    0) {
		buf_init(&b);
		for (i = 0; i < l.n; i++) {
			if (!util_valid_date(l.v[i].date.y, l.v[i].date.m,
			    l.v[i].date.d))
				abort();
			rules_title(&l.v[i], LANG_VI, &b);
			rules_title(&l.v[i], LANG_EN, &b);
			(void)rules_is_milestone(&opts, &l.v[i]);
		}
		buf_release(&b);
	}
	occ_list_release(&l);
}

static void
lunar_cmd(const char *s, struct lunar_cal *cal)
{
	struct app app;
	char *a1[] = { (char *)"lunar", (char *)"--to-solar", (char *)s, NULL };
	char *a2[] = { (char *)"lunar", (char *)"--json", (char *)s, NULL };
	char *a3[] = { (char *)"lunar", (char *)s, NULL };

	memset(&app, 0, sizeof(app));
	app.lunar = cal;
	app.today.y = 2024, app.today.m = 1, app.today.d = 1;
	optind = 0;
	(void)cmd_lunar(3, a1, &app);
	optind = 0;
	(void)cmd_lunar(3, a2, &app);
	optind = 0;
	(void)cmd_lunar(2, a3, &app);
	optind = 0;
}

/* Solar -> lunar -> solar, and lunar -> solar -> lunar, must agree. */
static void
round_trips(const uint8_t *p, struct lunar_cal *cal)
{
	struct lunar_date ld, back;
	char name[64];
	int y, m, d, y2, m2, d2, big;

	y = LUNAR_MIN_YEAR - 5 + (p[0] << 8 | p[1]) % 410;
	m = p[2] % 14;
	d = p[3] % 33;
	if (lunar_from_solar(cal, y, m, d, &ld) == 0) {
		if (lunar_to_solar(cal, &ld, &y2, &m2, &d2) == -1 ||
		    y2 != y || m2 != m || d2 != d)
			abort();
	}
	ld.year = y, ld.month = m, ld.day = d, ld.leap = p[4] & 1;
	if (lunar_to_solar(cal, &ld, &y2, &m2, &d2) == 0) {
		if (lunar_from_solar(cal, y2, m2, d2, &back) == -1 ||
		    back.year != ld.year || back.month != ld.month ||
		    back.day != ld.day || back.leap != ld.leap)
			abort();
	}
	(void)lunar_leap_month(cal, y);
	(void)lunar_month_days(cal, y, m, p[4] & 1);
	memcpy(&big, p, sizeof(big));
	(void)lunar_can_chi(big, name, sizeof(name));
	(void)lunar_can_chi(y, name, (size_t)(p[5] % 24));
	(void)lunar_leap_month(cal, big);
	(void)lunar_month_days(cal, big, m, p[4] & 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rule r;
	struct ymd t;
	const char *err;
	char *s;
	int i, year = 2024;

	if (cals[0] == NULL)
		for (i = 0; i < 3; i++)
			cals[i] = lunar_new((enum lunar_meridian)i);
	if (size > 4096)
		return 0;
	s = xstrndup((const char *)data, size);
	if (size >= 2)
		year = LUNAR_MIN_YEAR - 2 + (data[0] << 8 | data[1]) % 405;
	if (rules_parse(s, &r, &err) == 0)
		engine(&r, s, year);
	else if (err == NULL)
		abort();
	(void)util_parse_ymd(s, &t);
	lunar_cmd(s, cals[year % 3]);
	if (size >= 6)
		round_trips(data, cals[size % 3]);
	free(s);
	return 0;
}

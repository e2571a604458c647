/*
 * Rules engine benchmark: every occurrence of N generated observances
 * (fixed Gregorian dates with base years, like the relations table) over
 * 100 years, timed on one core.  Writes the same observances as a remind(1)
 * file so bench/rules.sh can time Debian's remind on identical work.
 * Usage: rules_bench N FIRST_YEAR YEARS REMINDERS_FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lunar.h"
#include "rules.h"
#include "util.h"

static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct rules_opts o;
	struct observance *v, **p;
	struct occ_list l = { 0 };
	struct lunar_cal *cal;
	long n, first, years, i, milestones = 0;
	unsigned seed = 1;
	double t0, t1;
	FILE *rem;

	if (argc != 5 || util_parse_int(argv[1], 1, 10000000, &n) ||
	    util_parse_int(argv[2], 1800, 2100, &first) ||
	    util_parse_int(argv[3], 1, 300, &years) ||
	    (rem = fopen(argv[4], "w")) == NULL) {
		fprintf(stderr, "usage: rules_bench N FIRST_YEAR YEARS FILE\n");
		return 2;
	}
	cal = lunar_new(LUNAR_HISTORICAL);
	rules_opts_init(&o);
	v = xcalloc((size_t)n, sizeof(*v));
	p = xcalloc((size_t)n, sizeof(*p));
	for (i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		v[i].key = xasprintf("k%ld", i);
		v[i].kind = KIND_RELATION;
		v[i].rule.type = RULE_FIXED;
		v[i].rule.month = (int)(seed >> 8) % 12 + 1;
		v[i].rule.day = (int)(seed >> 16) % 28 + 1;
		v[i].rule.base_year = 1900 + (int)(seed >> 4) % 100;
		v[i].days = 1;
		p[i] = &v[i];
		/* The same anniversary in remind's language: the number of
		 * years is computed by remind for each trigger. */
		fprintf(rem, "REM %d %s MSG k%ld [year(trigdate()) - %d]\n",
		    v[i].rule.day, mon[v[i].rule.month - 1], i,
		    v[i].rule.base_year);
	}
	fclose(rem);
	t0 = now();
	if (rules_occurrences(&o, cal, p, (size_t)n,
	    (struct ymd){ (int)first, 1, 1 },
	    (struct ymd){ (int)(first + years - 1), 12, 31 }, &l) == -1)
		return 1;
	for (i = 0; i < (long)l.n; i++)
		milestones += l.v[i].milestone != MILESTONE_NONE;
	t1 = now();
	printf("kyniem: %zu occurrences (%ld milestones) of %ld observances "
	    "over %ld years in %.3f s\n", l.n, milestones, n, years, t1 - t0);
	printf("%zu %.6f\n", l.n, t1 - t0);
	return 0;
}

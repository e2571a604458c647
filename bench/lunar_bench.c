/*
 * Times lunar_from_solar() over every day 1900-01-01..2199-12-31 on one
 * core: once with a new calendar (month starts computed on the way), then
 * again with the cache warm.  Prints "NAME DAYS MILLISECONDS" lines for
 * bench/lunar.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "lunar.h"
#include "util.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Converts every date; returns a checksum so nothing is optimised away. */
static long
run(struct lunar_cal *cal, const struct ymd *t, long n)
{
	struct lunar_date l;
	long i, sum = 0;

	for (i = 0; i < n; i++) {
		if (lunar_from_solar(cal, t[i].y, t[i].m, t[i].d, &l) == -1)
			fatal("cannot convert %d-%d-%d", t[i].y, t[i].m,
			    t[i].d);
		sum += l.day + l.month + l.leap;
	}
	return sum;
}

int
main(void)
{
	struct lunar_cal *cal;
	struct ymd *t;
	long first, n, i, s1, s2;
	double t0, t1, t2;

	first = util_days_from_civil(1900, 1, 1);
	n = util_days_from_civil(2199, 12, 31) - first + 1;
	t = xcalloc((size_t)n, sizeof(*t));
	for (i = 0; i < n; i++)
		t[i] = util_civil_from_days(first + i);
	t0 = now_ms();
	cal = lunar_new(LUNAR_HISTORICAL);
	s1 = run(cal, t, n);
	t1 = now_ms();
	s2 = run(cal, t, n);
	t2 = now_ms();
	if (s1 != s2)
		fatal("checksums differ");
	printf("kyniem %ld %.3f\n", n, t1 - t0);
	printf("kyniem-cached %ld %.3f\n", n, t2 - t1);
	lunar_free(cal);
	free(t);
	return 0;
}

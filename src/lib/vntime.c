/*
 * Vietnam's local time.  Asia/Ho_Chi_Minh has been UTC+7 without daylight
 * saving since 13 June 1975, which covers every instant kyniem handles
 * (activities, reminders, feed stamps), so a fixed offset is exact and no
 * tz database or locale is involved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "vntime.h"

static const char *const month_abbr[] = { "Jan", "Feb", "Mar", "Apr",
	"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Two decimal digits at s in [0, max]; -1 otherwise. */
static int
two_digits(const char *s, int max)
{
	int v;

	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	v = (s[0] - '0') * 10 + (s[1] - '0');
	return v <= max ? v : -1;
}

int
vntime_parse(const char *s, struct ymd *day, int *min)
{
	char d[11];
	int h, m;

	if (s == NULL)
		return -1;
	if (strlen(s) == 10) {
		*min = -1;
		return util_parse_ymd(s, day);
	}
	if (strlen(s) != 16 || s[10] != 'T' || s[13] != ':')
		return -1;
	memcpy(d, s, 10);
	d[10] = '\0';
	if (util_parse_ymd(d, day) == -1 || (h = two_digits(s + 11, 23)) < 0 ||
	    (m = two_digits(s + 14, 59)) < 0)
		return -1;
	*min = h * 60 + m;
	return 0;
}

time_t
vntime_make(struct ymd day, int min)
{
	return (time_t)(util_days_from_civil(day.y, day.m, day.d) * 86400L +
	    (min > 0 ? min : 0) * 60L - VNTIME_OFFSET);
}

struct ymd
vntime_day(time_t t, int *min)
{
	long long s = (long long)t + VNTIME_OFFSET;
	long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);

	if (min != NULL)
		*min = (int)((s - days * 86400) / 60);
	return util_civil_from_days((long)days);
}

long
vntime_days_between(struct ymd a, struct ymd b)
{
	return util_days_from_civil(b.y, b.m, b.d) -
	    util_days_from_civil(a.y, a.m, a.d);
}

int
vntime_parse_offsets(const char *s, long *secs)
{
	char *copy = xstrdup(s), *save = NULL, *tok, *unit;
	long v, mul;
	int n = 0;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		unit = tok + strlen(tok);
		while (unit > tok && unit[-1] == ' ')
			*--unit = '\0';
		if (*tok == '\0' || n == VNTIME_MAX_OFFSETS)
			goto bad;
		switch (*--unit) {
		case 'w': mul = 7 * 86400L; break;
		case 'd': mul = 86400L; break;
		case 'h': mul = 3600L; break;
		default: goto bad;
		}
		*unit = '\0';
		if (util_parse_int(tok, 0, 3660, &v) == -1)
			goto bad;
		secs[n++] = v * mul;
	}
	free(copy);
	return n > 0 ? n : -1;
bad:
	free(copy);
	return -1;
}

void
vntime_format_date(struct ymd d, enum lang lang, struct buf *out)
{
	if (lang == LANG_EN)
		buf_printf(out, "%d %s %d", d.d, month_abbr[d.m - 1], d.y);
	else
		buf_printf(out, "%d/%d/%d", d.d, d.m, d.y);
}

void
vntime_format_day_month(int day, int month, enum lang lang,
    struct buf *out)
{
	if (month < 1 || month > 12)
		return;
	if (lang == LANG_EN)
		buf_printf(out, "%d %s", day, month_abbr[month - 1]);
	else
		buf_printf(out, "%d/%d", day, month);
}

void
vntime_format_month(int y, int m, enum lang lang, struct buf *out)
{
	if (lang == LANG_EN)
		buf_printf(out, "%s %d", month_abbr[m - 1], y);
	else
		buf_printf(out, "%d/%d", m, y);
}

void
vntime_format_when(struct ymd d, int min, enum lang lang, struct buf *out)
{
	vntime_format_date(d, lang, out);
	if (min >= 0)
		buf_printf(out, " %02d:%02d", min / 60, min % 60);
}

void
vntime_format_range(struct ymd a, struct ymd b, enum lang lang,
    struct buf *out)
{
	if (util_ymd_cmp(b, a) <= 0) {
		vntime_format_date(a, lang, out);
		return;
	}
	/* The reports give the month and year once when the days share
	 * them. */
	if (lang == LANG_VI && a.y == b.y && a.m == b.m)
		buf_printf(out, "%d – ", a.d);
	else if (lang == LANG_VI && a.y == b.y)
		buf_printf(out, "%d/%d – ", a.d, a.m);
	else {
		vntime_format_date(a, lang, out);
		buf_puts(out, " – ");
	}
	vntime_format_date(b, lang, out);
}

void
vntime_format_dateline(const char *place, struct ymd d, enum lang lang,
    struct buf *out)
{
	static const char *const month_en[] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int has_place = place != NULL && *place != '\0';

	if (has_place)
		buf_printf(out, "%s, ", place);
	if (lang == LANG_EN) {
		/* An English letter leaves the day and month blank and keeps
		 * the year it is known to go out in: "Khanh Hoa, … 2024". */
		if (d.y == 0)
			buf_puts(out, "… … …");
		else if (d.m < 1 || d.m > 12)
			buf_printf(out, "… %d", d.y);
		else
			buf_printf(out, "%d %s %d", d.d, month_en[d.m - 1], d.y);
		return;
	}
	buf_puts(out, has_place ? "ngày " : "Ngày ");
	/* The Vietnamese form staff fill by hand, year included. */
	if (d.y == 0 || d.m < 1 || d.m > 12) {
		buf_puts(out, "… tháng … năm …");
		return;
	}
	/* Zeros where a later hand could add a digit ("tháng 1" to "11"). */
	buf_printf(out, "%s%d tháng %s%d năm %d", d.d < 10 ? "0" : "", d.d,
	    d.m < 3 ? "0" : "", d.m, d.y);
}

void
vntime_format_iso(struct ymd d, int min, struct buf *out)
{
	buf_printf(out, "%04d-%02d-%02d", d.y, d.m, d.d);
	if (min >= 0)
		buf_printf(out, "T%02d:%02d", min / 60, min % 60);
}

void
vntime_format_time(time_t t, struct buf *out)
{
	struct ymd d;
	int min;

	d = vntime_day(t, &min);
	vntime_format_iso(d, min, out);
}

void
vntime_format_rfc3339(time_t t, struct buf *out)
{
	struct ymd d = vntime_day(t, NULL);
	long s = (long)((t + VNTIME_OFFSET) % 86400);

	if (s < 0)
		s += 86400;
	buf_printf(out, "%04d-%02d-%02dT%02ld:%02ld:%02ld+07:00", d.y, d.m,
	    d.d, s / 3600, s / 60 % 60, s % 60);
}

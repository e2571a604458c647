/*
 * Tháng MM/YYYY: the month as a wall calendar, weeks as rows from Monday,
 * each day with its anniversaries (as the year page finds them) and
 * activities; app.css prints it on one A4 landscape page and stacks the
 * days as a list on a phone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "escape.h"
#include "log.h"
#include "lunar.h"
#include "ui.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"

/* The activities a day shows at most; the month's list has the rest. */
#define DAY_ACTIVITIES	6

static const char *const dow_vi[7] = { "Thứ Hai", "Thứ Ba", "Thứ Tư",
	"Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật" };
static const char *const dow_en[7] = { "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday", "Sunday" };

/* The activities of a day of the month. */
struct day_acts {
	const struct activity **v;
	size_t n, cap;
};

struct month_view {
	int y, m, ndays;
	struct occ_list ol;		/* the month's anniversaries */
	struct day_acts day[32];	/* by day of the month */
};

/* "YYYY-MM" into y and m; 0, or -1 when it is not a month we have. */
static int
month_parse(const char *s, int *y, int *m)
{
	if (strlen(s) != 7 || strspn(s, "0123456789") != 4 || s[4] != '-' ||
	    strspn(s + 5, "0123456789") != 2)
		return -1;
	*y = atoi(s);
	*m = atoi(s + 5);
	if (*m < 1 || *m > 12 || *y < LUNAR_MIN_YEAR || *y >= LUNAR_MAX_YEAR)
		return -1;
	return 0;
}

static void
day_add(struct day_acts *d, const struct activity *a)
{
	if (d->n == d->cap) {
		d->cap = d->cap > 0 ? 2 * d->cap : 4;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	d->v[d->n++] = a;
}

/* Every activity onto each day of the month it covers. */
static void
activities_place(struct web_req *r, struct month_view *v)
{
	const struct activity_list *al = &r->data->acts;
	struct ymd first = { v->y, v->m, 1 }, last = { v->y, v->m, v->ndays };
	const struct activity *a;
	struct ymd from, to;
	size_t i;
	int d;

	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		to = util_ymd_cmp(a->end, a->start) < 0 ? a->start : a->end;
		if (util_ymd_cmp(a->start, last) > 0 ||
		    util_ymd_cmp(to, first) < 0)
			continue;
		from = util_ymd_cmp(a->start, first) < 0 ? first : a->start;
		if (util_ymd_cmp(to, last) > 0)
			to = last;
		for (d = from.d; d <= to.d; d++)
			day_add(&v->day[d], a);
	}
}

static void
view_release(struct month_view *v)
{
	int d;

	for (d = 0; d < 32; d++)
		free(v->day[d].v);
	occ_list_release(&v->ol);
}

/* Monday 0 … Sunday 6 of a date. */
static int
weekday_mon0(struct ymd d)
{
	return (util_weekday(d.y, d.m, d.d) + 6) % 7;
}

static void
month_nav(struct web_req *r, const struct month_view *v)
{
	int py = v->m == 1 ? v->y - 1 : v->y, pm = v->m == 1 ? 12 : v->m - 1;
	int ny = v->m == 12 ? v->y + 1 : v->y, nm = v->m == 12 ? 1 : v->m + 1;

	html_printf(r->out, "<nav class=\"actions\" aria-label=\"%s\">",
	    L(r, "Các tháng", "Months"));
	if (py >= LUNAR_MIN_YEAR)
		html_printf(r->out, "<a class=\"button secondary\" rel=\"prev\""
		    " href=\"%s/app/month/%04d-%02d\">← %s %d/%d</a> ", r->root,
		    py, pm, L(r, "Tháng", "Month"), pm, py);
	html_printf(r->out, "<a class=\"button secondary\" href=\"%s/app/year/"
	    "%d\">%s %d</a> ", r->root, v->y, L(r, "Năm", "Year"), v->y);
	if (ny < LUNAR_MAX_YEAR)
		html_printf(r->out, "<a class=\"button secondary\" rel=\"next\""
		    " href=\"%s/app/month/%04d-%02d\">%s %d/%d →</a>", r->root,
		    ny, nm, L(r, "Tháng", "Month"), nm, ny);
	html_raw(r->out, "</nav>\n");
}

/* The lunar date of a day, small: the month too on its first day. */
static void
lunar_small(struct web_req *r, struct ymd d)
{
	struct lunar_date ld;

	if (lunar_from_solar(r->lunar, d.y, d.m, d.d, &ld) == -1)
		return;
	html_printf(r->out, " <small class=\"lunar\" title=\"%s\">%d/%d%s"
	    "</small>", L(r, "Âm lịch", "Lunar calendar"), ld.day, ld.month,
	    ld.leap ? L(r, " nhuận", " leap") : "");
}

/* One day's cell: its number, lunar date, anniversaries, activities. */
static void
day_cell(struct web_req *r, const struct month_view *v, int d, size_t *i)
{
	struct ymd day = { v->y, v->m, d };
	const struct day_acts *da = &v->day[d];
	const struct activity *a;
	size_t k, n = 0;

	html_printf(r->out, "<td%s><div class=\"dn\"><b>%d</b> <span "
	    "class=\"dow\">%s</span>", util_ymd_cmp(day, r->today) == 0 ?
	    " class=\"today\" aria-current=\"date\"" : "", d,
	    L(r, dow_vi[weekday_mon0(day)], dow_en[weekday_mon0(day)]));
	lunar_small(r, day);
	html_raw(r->out, "</div>");
	for (; *i < v->ol.n && v->ol.v[*i].date.d == d; (*i)++) {
		if (v->ol.v[*i].precision != PREC_DAY)
			continue;	/* under the grid */
		html_raw(r->out, n++ == 0 ? "<ul>\n<li>" : "<li>");
		ui_occurrence_short(r, &v->ol.v[*i]);
		html_raw(r->out, "</li>\n");
	}
	for (k = 0; k < da->n && k < DAY_ACTIVITIES; k++) {
		a = da->v[k];
		html_raw(r->out, n++ == 0 ? "<ul>\n" : "");
		html_printf(r->out, "<li class=\"activity%s\"><a href=\"%s/app/"
		    "activities/%ld\">%s</a> <span class=\"badge\">%s</span>"
		    "</li>\n", a->status == ACTIVITY_CANCELLED ?
		    " status-cancelled" : "", r->root, a->id, a->title,
		    ui_status(r, a->status));
	}
	if (n > 0)
		html_raw(r->out, "</ul>");
	if (da->n > DAY_ACTIVITIES) {
		html_printf(r->out, "<p class=\"more\"><a href=\"%s/app/"
		    "activities?year=%d&amp;month=%d\">", r->root, v->y, v->m);
		html_printf(r->out, L(r, "và %zu hoạt động khác",
		    "and %zu more activities"), da->n - DAY_ACTIVITIES);
		html_raw(r->out, "</a></p>");
	}
	html_raw(r->out, "</td>");
}

static void
grid(struct web_req *r, const struct month_view *v)
{
	struct ymd first = { v->y, v->m, 1 };
	size_t i = 0;
	int d, c, lead = weekday_mon0(first);

	/* Anniversaries of no known day are told under the grid. */
	while (i < v->ol.n && v->ol.v[i].precision != PREC_DAY)
		i++;
	html_printf(r->out, "<table class=\"month\"><caption>%s %d/%d"
	    "</caption>\n<thead><tr>", L(r, "Tháng", "Month"), v->m, v->y);
	for (c = 0; c < 7; c++)
		html_printf(r->out, "<th scope=\"col\">%s</th>",
		    L(r, dow_vi[c], dow_en[c]));
	html_raw(r->out, "</tr></thead>\n<tbody><tr>");
	for (c = 0; c < lead; c++)
		html_raw(r->out, "<td class=\"out\"></td>");
	for (d = 1; d <= v->ndays; d++, c++) {
		if (c > 0 && c % 7 == 0)
			html_raw(r->out, "</tr>\n<tr>");
		while (i < v->ol.n && (v->ol.v[i].precision != PREC_DAY ||
		    v->ol.v[i].date.d < d))
			i++;
		day_cell(r, v, d, &i);
	}
	for (; c % 7 != 0; c++)
		html_raw(r->out, "<td class=\"out\"></td>");
	html_raw(r->out, "</tr></tbody></table>\n");
}

/* The month's anniversaries whose day is not known. */
static void
undated(struct web_req *r, const struct month_view *v)
{
	size_t i, n = 0;

	for (i = 0; i < v->ol.n; i++) {
		if (v->ol.v[i].precision == PREC_DAY)
			continue;
		if (n++ == 0)
			html_printf(r->out, "<h2>%s</h2><ul>\n",
			    L(r, "Chưa rõ ngày", "Day unknown"));
		html_raw(r->out, "<li>");
		ui_occurrence_short(r, &v->ol.v[i]);
		html_raw(r->out, "</li>\n");
	}
	if (n > 0)
		html_raw(r->out, "</ul>\n");
}

int
web_month_now(struct web_req *r)
{
	char path[32];

	snprintf(path, sizeof(path), "/app/month/%04d-%02d", r->today.y,
	    r->today.m);
	return web_redirect(r, path);
}

int
web_month(struct web_req *r)
{
	struct month_view v;
	struct ymd from, to;
	char title[48], key[32];
	size_t start;

	memset(&v, 0, sizeof(v));
	if (month_parse(r->arg, &v.y, &v.m) == -1)
		return web_error(r, 404, "Không có tháng này: hãy ghi tháng "
		    "theo dạng NNNN-TT, ví dụ 2026-09.", "There is no such "
		    "month: write it as YYYY-MM, for example 2026-09.");
	v.ndays = util_month_days(v.y, v.m);
	from = (struct ymd){ v.y, v.m, 1 };
	to = (struct ymd){ v.y, v.m, v.ndays };
	snprintf(title, sizeof(title), "%s %d/%d", L(r, "Tháng", "Month"),
	    v.m, v.y);
	ui_begin(r, title, NULL);
	/* The same for every account of a role: kept per thread. */
	snprintf(key, sizeof(key), "month/%04d-%02d", v.y, v.m);
	start = r->out->len;
	if (!web_cache_get(r, key)) {
		if (rules_occurrences(&r->cfg->rules, r->lunar,
		    r->data->set.v, r->data->set.n, from, to, &v.ol) == -1) {
			log_warnx("the month page: a date of %d-%02d could "
			    "not be computed", v.y, v.m);
			view_release(&v);
			return -1;
		}
		activities_place(r, &v);
		month_nav(r, &v);
		grid(r, &v);
		undated(r, &v);
		web_cache_put(r, key, start);
	}
	ui_end(r);
	view_release(&v);
	return 0;
}

/*
 * Tổng quan: what needs planning (milestones within milestone_days with
 * no activity yet, best first by the plan's ranking, rank.c, the top
 * [web] dashboard_items of them unless all are asked for, each with a
 * button that opens the activity form filled in) and the next 90 days in
 * date order, anniversaries and activities together: the milestones and
 * the union's own dates and countries, every other date behind a filter.
 * Each list a page at a time.
 */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "activity.h"
#include "backup.h"
#include "config.h"
#include "escape.h"
#include "log.h"
#include "rank.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"

#define HOME_DAYS	90

/* "còn N ngày" / "in N days" after a date. */
static void
days_left(struct web_req *r, struct ymd d)
{
	long n = vntime_days_between(r->today, d);

	if (n == 0)
		html_printf(r->out, " <span class=\"muted\">(%s)</span>",
		    L(r, "hôm nay", "today"));
	else if (n > 0)
		html_printf(r->out, r->lang == LANG_EN ?
		    " <span class=\"muted\">(in %ld day%s)</span>" :
		    " <span class=\"muted\">(còn %ld ngày%s)</span>", n,
		    r->lang == LANG_EN && n != 1 ? "s" : "");
}

/* 1 if oc needs planning: a milestone by last with no activity yet. */
static int
unplanned(struct web_req *r, const struct occurrence *oc, struct ymd last)
{
	return util_ymd_cmp(oc->date, last) <= 0 && oc->n > 0 &&
	    rules_is_milestone(&r->cfg->rules, oc) &&
	    !activity_planned(&r->data->acts, oc->obs->key, oc->date);
}

static void
plan_item(struct web_req *r, const struct occurrence *oc)
{
	html_raw(r->out, "<li>");
	ui_occurrence_date(r, oc);
	if (oc->precision == PREC_DAY)
		days_left(r, oc->date);
	html_raw(r->out, " ");
	ui_occurrence_short(r, oc);
	if (r->s.user.role >= ROLE_EDITOR)
		ui_plan_button(r, oc, "button");
	html_raw(r->out, "</li>\n");
}

/* One milestone to plan with its score. */
struct ranked {
	const struct occurrence *oc;
	struct rank rank;
};

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	return rank_cmp(&x->rank, x->oc, &y->rank, y->oc);
}

/* The milestones to plan, best first; *n of them (the caller frees). */
static struct ranked *
rank_unplanned(struct web_req *r, const struct occ_list *ol, size_t *n)
{
	struct ymd last = util_ymd_add_days(r->today, r->cfg->milestone_days);
	struct rank_union who = { r->cfg->focus, r->cfg->org_tag };
	struct ranked *v = xcalloc(ol->n + 1, sizeof(*v));
	size_t i, k = 0;

	for (i = 0; i < ol->n; i++)
		if (unplanned(r, &ol->v[i], last)) {
			v[k].oc = &ol->v[i];
			rank_score(r->data, &who, ol->v[i].date.y, v[k].oc,
			    &v[k].rank);
			k++;
		}
	if (k > 0)
		qsort(v, k, sizeof(*v), ranked_cmp);
	*n = k;
	return v;
}

/* 1 when the page asks for a whole list (?all=1, ?show=all). */
static int
asked(struct web_req *r, const char *param, const char *value)
{
	const char *q = http_req_query(r->hr, param);

	return q != NULL && strcmp(q, value) == 0;
}

/*
 * The milestones to plan: the top dashboard_items, or with ?all=1 all of
 * them a page (?plan=N) at a time.
 */
static void
to_plan(struct web_req *r, const struct occ_list *ol)
{
	static const char *const keep[] = { "all", "page", "show", NULL };
	struct ui_page pg;
	struct ranked *v;
	size_t i, n;
	int all = asked(r, "all", "1");

	v = rank_unplanned(r, ol, &n);
	ui_page_read(r, "plan", &pg);
	if (!all && pg.limit > r->cfg->web_dashboard_items)
		pg.limit = r->cfg->web_dashboard_items;
	if (!all)
		pg.page = 1, pg.offset = 0;
	ui_page_total(&pg, (long)n);
	html_printf(r->out, "<section class=\"card\" aria-labelledby=\"plan\">"
	    "<h2 id=\"plan\">%s</h2>\n", L(r, "Cần lên kế hoạch",
	    "To be planned"));
	if (n == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Mọi năm chẵn, năm tròn "
		    "sắp tới đều đã có hoạt động.", "Every coming round "
		    "anniversary has an activity."));
	else
		html_raw(r->out, "<ul class=\"plan\">\n");
	for (i = (size_t)pg.offset; i < n && i < (size_t)(pg.offset +
	    pg.limit); i++)
		plan_item(r, v[i].oc);
	if (n > 0)
		html_raw(r->out, "</ul>\n");
	if (all)
		ui_pager(r, "/app/", keep, &pg);
	else if ((long)n > pg.limit)
		html_printf(r->out, "<p><a href=\"%s/app/?all=1\">%s (%zu)"
		    "</a></p>\n", r->root, L(r, "Xem tất cả", "See all"), n);
	html_raw(r->out, "</section>\n");
	free(v);
}

static void
activity_row(struct web_req *r, const struct activity *a)
{
	ui_activity_row(r, a);
	html_printf(r->out, " <span class=\"badge\">%s</span>",
	    ui_status(r, a->status));
	if (a->nowners > 0)
		html_raw(r->out, " <span class=\"muted\">");
	ui_owners(r, a);
	html_raw(r->out, a->nowners > 0 ? "</span></td></tr>\n" :
	    "</td></tr>\n");
}

static void
occurrence_row(struct web_req *r, const struct occurrence *oc)
{
	html_raw(r->out, "<tr><td class=\"date\">");
	ui_occurrence_date(r, oc);
	html_raw(r->out, "</td><td>");
	ui_occurrence_short(r, oc);
	html_raw(r->out, "</td></tr>\n");
}

/*
 * The next HOME_DAYS days, anniversaries and activities merged by date
 * (an activity of a day after the anniversaries of that day): rows
 * [first, first + n) are written.  Returns how many rows there are.
 */
static long
merged(struct web_req *r, const struct occ_list *ol, struct ymd to,
    long first, long n)
{
	const struct activity_list *al = &r->data->acts;
	const struct activity *a;
	size_t i = 0, j = 0;
	long k = 0;

	while (j < al->n && util_ymd_cmp(al->v[j].end, r->today) < 0)
		j++;
	for (;;) {
		a = j < al->n && util_ymd_cmp(al->v[j].start, to) <= 0 &&
		    (i == ol->n || util_ymd_cmp(al->v[j].start,
		    ol->v[i].date) < 0) ? &al->v[j++] : NULL;
		if (a != NULL && (a->status == ACTIVITY_CANCELLED ||
		    util_ymd_cmp(a->end, r->today) < 0))
			continue;
		if (a == NULL && i == ol->n)
			break;
		if (k >= first && k < first + n) {
			if (a != NULL)
				activity_row(r, a);
			else
				occurrence_row(r, &ol->v[i]);
		}
		i += a == NULL;
		k++;
	}
	return k;
}

/* 1 if the 90 days show oc without ?show=all: a milestone, a focus
 * country's date or one of the union's own. */
static int
notable(struct web_req *r, const struct occurrence *oc)
{
	return rules_is_milestone(&r->cfg->rules, oc) ||
	    ui_is_focus(r, oc->obs->country) || ui_is_own(r, oc->obs);
}

/* The filter of the 90 days: a link to the other view. */
static void
upcoming_filter(struct web_req *r, int all, size_t hidden)
{
	html_raw(r->out, "<p class=\"filters\">");
	if (all)
		html_printf(r->out, "<a href=\"%s/app/\">%s</a>", r->root,
		    L(r, "Chỉ hiện năm chẵn, năm tròn, nước trọng điểm và ngày "
		    "của địa phương", "Only milestones, focus countries and "
		    "the union's own dates"));
	else if (hidden > 0)
		html_printf(r->out, r->lang == LANG_EN ? "<a href=\"%s/app/?"
		    "show=all\">Show every date (%zu more national days and "
		    "holidays)</a>" : "<a href=\"%s/app/?show=all\">Hiện mọi "
		    "ngày (thêm %zu ngày quốc khánh, lễ khác)</a>", r->root,
		    hidden);
	html_raw(r->out, "</p>\n");
}

/* The next HOME_DAYS days, a page (?page=N) at a time: with ?show=all
 * every date, else those notable() keeps. */
static void
upcoming(struct web_req *r, struct occ_list *ol, struct ymd to)
{
	static const char *const keep[] = { "plan", "all", "show", NULL };
	struct ui_page pg;
	int all = asked(r, "show", "all");
	size_t i, k;

	for (i = k = 0; i < ol->n; i++)
		if (all || notable(r, &ol->v[i]))
			ol->v[k++] = ol->v[i];
	ui_page_read(r, "page", &pg);
	html_printf(r->out, "<section aria-labelledby=\"next\"><h2 id=\"next\">"
	    "%s</h2>\n", L(r, "90 ngày tới", "The next 90 days"));
	upcoming_filter(r, all, ol->n - k);
	ol->n = k;
	ui_page_total(&pg, merged(r, ol, to, 0, 0));
	ui_table_begin(r, 1 << 0, L(r, "Ngày", "Date"), L(r, "Sự kiện",
	    "Event"), NULL);
	merged(r, ol, to, pg.offset, pg.limit);
	html_raw(r->out, "</tbody></table>\n");
	ui_pager(r, "/app/", keep, &pg);
	html_raw(r->out, "</section>\n");
}

static int
home(struct web_req *r)
{
	struct occ_list ol = { 0 };
	int days = r->cfg->milestone_days > HOME_DAYS ?
	    r->cfg->milestone_days : HOME_DAYS;
	struct ymd to = util_ymd_add_days(r->today, HOME_DAYS - 1);
	size_t i, n;

	if (rules_occurrences(&r->cfg->rules, r->lunar, r->data->set.v,
	    r->data->set.n, r->today, util_ymd_add_days(r->today, days),
	    &ol) == -1) {
		log_warnx("the dashboard: a date could not be computed");
		occ_list_release(&ol);
		return -1;
	}
	to_plan(r, &ol);
	/* The list below stops at HOME_DAYS even when milestone_days looks
	 * further ahead. */
	for (i = n = 0; i < ol.n; i++)
		if (util_ymd_cmp(ol.v[i].date, to) <= 0)
			n++;
	ol.n = n;
	upcoming(r, &ol, to);
	occ_list_release(&ol);
	return 0;
}

/* Admins are told when the newest backup is missing or more than two
 * days old.  Not in the cached part: backups move without the data. */
static void
backup_warning(struct web_req *r)
{
	struct backup_list l;

	if (r->s.user.role < ROLE_ADMIN ||
	    backup_list(r->cfg->backup_dir, &l) == -1)
		return;
	if (l.n > 0 && !backup_stale(&l.v[0], r->now))
		goto done;
	html_raw(r->out, "<div class=\"errors\" role=\"alert\"><p>");
	if (l.n == 0)
		html_printf(r->out, "%s", L(r, "Chưa có bản sao lưu nào của "
		    "cơ sở dữ liệu.", "The database has no backup yet."));
	else {
		html_printf(r->out, "%s ", L(r, "Bản sao lưu mới nhất đã cũ "
		    "hơn hai ngày:", "The newest backup is more than two days "
		    "old:"));
		ui_time(r, l.v[0].created);
		html_raw(r->out, ".");
	}
	html_printf(r->out, " <a href=\"%s/app/backup\">%s</a></p></div>\n",
	    r->root, L(r, "Xem trang Sao lưu", "See the Backups page"));
done:
	backup_list_release(&l);
}

/* The dashboard is the same for every account of a role: made once per
 * thread and data revision, for each pair of pages of its lists. */
int
web_home(struct web_req *r)
{
	struct ui_page plan, next;
	char key[64];
	size_t start;

	ui_page_read(r, "plan", &plan);
	ui_page_read(r, "page", &next);
	snprintf(key, sizeof(key), "home?plan=%ld&page=%ld&all=%d&show=%d",
	    plan.page, next.page, asked(r, "all", "1"),
	    asked(r, "show", "all"));
	ui_begin(r, L(r, "Tổng quan", "Overview"), "home");
	backup_warning(r);
	html_printf(r->out, "<nav class=\"actions\" aria-label=\"%s\"><a "
	    "class=\"button secondary\" href=\"%s/app/month/%04d-%02d\">%s "
	    "%d/%d</a> <a class=\"button secondary\" href=\"%s/app/year/%d\">"
	    "%s %d</a> <a class=\"button secondary\" href=\"%s/%s\">%s</a>"
	    "</nav>\n", L(r, "Lịch", "Calendars"), r->root,
	    r->today.y, r->today.m, L(r, "Lịch tháng", "Calendar of"),
	    r->today.m, r->today.y, r->root, r->today.y,
	    L(r, "Lịch năm", "Calendar of"), r->today.y, r->root,
	    L(r, "", "index.en.html"), L(r, "Đăng ký lịch vào Outlook, "
	    "Thunderbird…", "Subscribe in Outlook, Thunderbird…"));
	start = r->out->len;
	if (!web_cache_get(r, key)) {
		if (home(r) == -1)
			return -1;
		web_cache_put(r, key, start);
	}
	ui_end(r);
	return 0;
}

/*
 * Năm YYYY: the year at a glance, month by month, every anniversary and
 * up to 50 activities a month (a link to the month's list for the rest),
 * for the office's wall calendar (app.css prints it on A4 landscape).
 * The filters are GET parameters turned into one selector (select.h),
 * matched as the feeds match theirs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "escape.h"
#include "log.h"
#include "lunar.h"
#include "select.h"
#include "ui.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"

/* One choice of a filter: its value in the query and its selector term.
 * The classes' words begin as rules_milestone_label() says them (the
 * badges, the plan and the digest say the same). */
struct choice {
	const char *value, *term, *vi, *en;
};

static const struct choice classes[] = {
	{ "milestone", "milestone", "Năm chẵn, năm tròn",
	    "Round anniversaries" },
	{ "round", "class:round", "Năm chẵn (5, 15, 35… năm)",
	    "Round (5, 15, 35… years)" },
	{ "decade", "class:decade", "Năm tròn (10, 20, 30… năm)",
	    "Decade (10, 20, 30… years)" },
	{ "jubilee", "class:jubilee", "Đại lễ (25, 50, 75, 100… năm)",
	    "Jubilee (25, 50, 75, 100… years)" },
	{ NULL, NULL, NULL, NULL }
};

static const struct choice focuses[] = {
	{ "yes", "focus", "Các nước trọng điểm", "Focus countries" },
	{ "no", "!focus", "Các nước khác", "Other countries" },
	{ NULL, NULL, NULL, NULL }
};

static const struct choice confidences[] = {
	{ "confirmed", "confidence:confirmed", "Đã xác nhận", "Confirmed" },
	{ "unconfirmed", "confidence:single-source|recalled",
	    "Chưa xác nhận đầy đủ", "Not fully confirmed" },
	{ "recalled", "confidence:recalled", "Theo trí nhớ", "Recalled" },
	{ NULL, NULL, NULL, NULL }
};

enum { F_KIND, F_COUNTRY, F_CLASS, F_FOCUS, F_CONFIDENCE, F_COUNT };

static const char *const fnames[F_COUNT] = { "kind", "country", "class",
	"focus", "confidence" };

struct year_view {
	int year;
	const char *val[F_COUNT];	/* a valid value of each, or NULL */
	int filtered;
	struct selector sel;
	struct buf qs;			/* the filters as a query string */
	struct occ_list ol;		/* the year's, filtered */
};

static const struct choice *
choice_find(const struct choice *c, const char *value)
{
	for (; value != NULL && c->value != NULL; c++)
		if (strcmp(c->value, value) == 0)
			return c;
	return NULL;
}

static const struct choice *const tables[F_COUNT] = { NULL, NULL,
	classes, focuses, confidences };

/* The selector term of filter f's value, into term; 0, or -1 when the
 * value is not one the form offers (the filter is then ignored). */
static int
term_of(int f, const char *v, char *term, size_t len)
{
	const struct choice *c;

	if (f == F_KIND) {
		if (rules_kind_parse(v) < 0)
			return -1;
		snprintf(term, len, "kind:%s", v);
		return 0;
	}
	if (f == F_COUNTRY) {
		if (strlen(v) != 2 || strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
		    != 2)
			return -1;
		snprintf(term, len, "country:%s", v);
		return 0;
	}
	if ((c = choice_find(tables[f], v)) == NULL)
		return -1;
	snprintf(term, len, "%s", c->term);
	return 0;
}

/* Read the filters of the query into v: the selector and the query
 * string that keeps them on the links; 0 or -1 (logged). */
static int
filters_read(struct web_req *r, struct year_view *v)
{
	char term[64], err[128];
	const char *q;
	int f;

	select_everything(&v->sel);
	for (f = 0; f < F_COUNT; f++) {
		q = http_req_query(r->hr, fnames[f]);
		if (q == NULL || term_of(f, q, term, sizeof(term)) == -1)
			continue;
		if (select_and(&v->sel, term, err, sizeof(err)) == -1) {
			log_warnx("the year page's filter: %s", err);
			return -1;
		}
		v->val[f] = q;
		v->filtered = 1;
		buf_printf(&v->qs, "%s%s=", v->qs.len > 0 ? "&" : "?",
		    fnames[f]);
		esc_url(&v->qs, q);
	}
	return 0;
}

/* The year's occurrences that pass the filters, into v->ol. */
static int
occurrences(struct web_req *r, struct year_view *v)
{
	struct ymd from = { v->year, 1, 1 }, to = { v->year, 12, 31 };
	struct select_env env;
	size_t i, n;

	if (rules_occurrences(&r->cfg->rules, r->lunar, r->data->set.v,
	    r->data->set.n, from, to, &v->ol) == -1) {
		log_warnx("the year page: a date of %d could not be computed",
		    v->year);
		return -1;
	}
	dataset_env(r->data, r->cfg, v->year, &env);
	for (i = n = 0; i < v->ol.n; i++)
		if (select_match(&v->sel, &env, &v->ol.v[i]) >= 0)
			v->ol.v[n++] = v->ol.v[i];
	v->ol.n = n;
	dataset_env_release(&env);
	return 0;
}

static int
code_cmp(const void *a, const void *b)
{
	const struct observance *const *x = a, *const *y = b;

	return strcmp((*x)->country, (*y)->country);
}

/* Pairs of a select compared by their label. */
static int
label_cmp(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return strcmp(x[1], y[1]);
}

/* The countries of the dataset as value/label pairs for ui_select, in
 * the order of their names (an array to free; the strings are the
 * dataset's). */
static const char **
country_pairs(struct web_req *r)
{
	const struct obs_set *s = &r->data->set;
	const struct observance **o = xcalloc(s->n + 1, sizeof(*o));
	const char **pairs;
	size_t i, n = 0, k = 2;

	for (i = 0; i < s->n; i++)
		if (s->v[i]->country[0] != '\0')
			o[n++] = s->v[i];
	qsort(o, n, sizeof(*o), code_cmp);
	pairs = xcalloc(2 * n + 3, sizeof(*pairs));
	pairs[0] = "";
	pairs[1] = L(r, "Tất cả", "All");
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(o[i]->country, o[i - 1]->country) == 0)
			continue;
		pairs[k] = o[i]->country;
		pairs[k + 1] = L(r, o[i]->country_vi, o[i]->country_en);
		if (pairs[k + 1] == NULL)
			pairs[k + 1] = o[i]->country;
		k += 2;
	}
	qsort(pairs + 2, k / 2 - 1, 2 * sizeof(*pairs), label_cmp);
	free(o);
	return pairs;
}

/* A select of a choice table (with "all" first). */
static void
choice_select(struct web_req *r, const struct year_view *v, int f,
    const char *label, const struct choice *c)
{
	const char *pairs[2 * 8 + 3];
	size_t k = 0;

	pairs[k++] = "";
	pairs[k++] = L(r, "Tất cả", "All");
	for (; c->value != NULL && k < NELEM(pairs) - 3; c++) {
		pairs[k++] = c->value;
		pairs[k++] = L(r, c->vi, c->en);
	}
	pairs[k] = NULL;
	ui_select(r, fnames[f], label, pairs, v->val[f]);
}

static void
filters_form(struct web_req *r, const struct year_view *v)
{
	const char *kinds[2 * KIND_COUNT + 3], **countries;
	size_t k = 0;
	int i;

	/* Folded unless in use: on a phone the five selects are a screen. */
	html_printf(r->out, "<details class=\"filters-box\"%s><summary>%s"
	    "</summary>", v->filtered ? " open" : "", L(r, "Bộ lọc: loại, "
	    "nước, năm chẵn, tròn…", "Filters: kind, country, milestone…"));
	html_printf(r->out, "<form class=\"filters\" method=\"get\" "
	    "action=\"%s/app/year/%d\" aria-label=\"%s\">\n", r->root, v->year,
	    L(r, "Bộ lọc", "Filters"));
	kinds[k++] = "";
	kinds[k++] = L(r, "Tất cả", "All");
	for (i = 0; i < KIND_COUNT; i++) {
		kinds[k++] = rules_kind_name((enum kind)i);
		kinds[k++] = ui_kind(r, (enum kind)i);
	}
	kinds[k] = NULL;
	ui_select(r, "kind", L(r, "Loại", "Kind"), kinds, v->val[F_KIND]);
	countries = country_pairs(r);
	ui_select(r, "country", L(r, "Quốc gia", "Country"), countries,
	    v->val[F_COUNTRY]);
	free(countries);
	choice_select(r, v, F_CLASS, L(r, "Năm chẵn, tròn", "Milestone"),
	    classes);
	choice_select(r, v, F_FOCUS, L(r, "Trọng điểm", "Focus"), focuses);
	choice_select(r, v, F_CONFIDENCE, L(r, "Độ tin cậy", "Confidence"),
	    confidences);
	html_printf(r->out, "<button type=\"submit\">%s</button>",
	    L(r, "Lọc", "Filter"));
	if (v->filtered)
		html_printf(r->out, " <a href=\"%s/app/year/%d\">%s</a>",
		    r->root, v->year, L(r, "Bỏ lọc", "Clear the filters"));
	html_raw(r->out, "\n</form></details>\n");
}

/* Previous and next year, the filters kept. */
static void
year_nav(struct web_req *r, const struct year_view *v)
{
	html_printf(r->out, "<nav class=\"actions\" aria-label=\"%s\">",
	    L(r, "Các năm", "Years"));
	if (v->year > LUNAR_MIN_YEAR)
		html_printf(r->out, "<a class=\"button secondary\" "
		    "rel=\"prev\" href=\"%s/app/year/%d%s\">← %s %d</a> ",
		    r->root, v->year - 1, v->qs.len > 0 ? v->qs.data : "",
		    L(r, "Năm", "Year"), v->year - 1);
	if (v->year + 1 < LUNAR_MAX_YEAR)
		html_printf(r->out, "<a class=\"button secondary\" "
		    "rel=\"next\" href=\"%s/app/year/%d%s\">%s %d →</a>",
		    r->root, v->year + 1, v->qs.len > 0 ? v->qs.data : "",
		    L(r, "Năm", "Year"), v->year + 1);
	html_raw(r->out, "</nav>\n");
}

/* 1 if activity a belongs on the page: every activity when nothing is
 * filtered, else those of an anniversary shown. */
static int
activity_shown(const struct year_view *v, const struct activity *a)
{
	size_t i;

	if (a->start.y != v->year)
		return 0;
	if (!v->filtered)
		return 1;
	for (i = 0; a->observance != NULL && i < v->ol.n; i++)
		if (strcmp(v->ol.v[i].obs->key, a->observance) == 0)
			return 1;
	return 0;
}

/* The day of an item (b: the markup of ~400 items counts). */
static void
day_of(struct web_req *r, struct ymd from, int days)
{
	struct ymd to = util_ymd_add_days(from, days - 1);

	if (days > 1 && to.m == from.m)
		html_printf(r->out, "<b>%d–%d</b> ", from.d, to.d);
	else
		html_printf(r->out, "<b>%d</b> ", from.d);
}

static void
activity_item(struct web_req *r, const struct activity *a)
{
	int days = (int)vntime_days_between(a->start, a->end) + 1;

	day_of(r, a->start, days > 0 ? days : 1);
	html_printf(r->out, "<a href=\"%s/app/activities/%ld\">%s</a> "
	    "<span class=\"badge\">%s</span></li>\n", r->root, a->id,
	    a->title, ui_status(r, a->status));
}

/* The list of a month is opened at its first item. */
static void
item_open(struct web_req *r, size_t *n, const char *cls)
{
	if ((*n)++ == 0)
		html_raw(r->out, "<ul>\n");
	if (cls != NULL)
		html_printf(r->out, "<li class=\"%s\">", cls);
	else
		html_raw(r->out, "<li>");
}

/* The activities a month's list shows at most; the others are on the
 * activities list, a page at a time. */
#define MONTH_ACTIVITIES	UI_PAGE_ROWS

/* The line under a month whose activities did not all fit. */
static void
more_activities(struct web_req *r, const struct year_view *v, int m,
    size_t more)
{
	html_printf(r->out, "<p class=\"more\">");
	html_printf(r->out, L(r, "Và %zu hoạt động khác trong tháng:",
	    "And %zu more activities this month:"), more);
	html_printf(r->out, " <a href=\"%s/app/activities?year=%d&amp;month="
	    "%d\">%s</a></p>", r->root, v->year, m, L(r, "danh sách hoạt "
	    "động của tháng", "the month's list of activities"));
}

/*
 * 1 if month m shows its list open: every month of a filtered page (it is
 * short) or when ?open=all asks (to print the year); otherwise this
 * month and the next of this year, so that a phone shows months, not
 * 400 lines.
 */
static int
month_open(struct web_req *r, const struct year_view *v, int m)
{
	const char *q = http_req_query(r->hr, "open");
	int k = (v->year - r->today.y) * 12 + m - r->today.m;

	return v->filtered || (q != NULL && strcmp(q, "all") == 0) ||
	    (k >= 0 && k <= 1);
}

/* Month m: the anniversaries and activities from *i and *j on; nocc
 * and nacts of them, told in the summary that opens and closes it. */
static void
month(struct web_req *r, const struct year_view *v, int m, size_t *i,
    size_t *j, const size_t counts[2])
{
	const struct activity_list *al = &r->data->acts;
	const struct activity *a;
	size_t n = 0, acts = 0, more = 0;

	html_printf(r->out, "<section aria-labelledby=\"m%d\"><details%s>"
	    "<summary><h2 id=\"m%d\">%s %d</h2>", m, month_open(r, v, m) ?
	    " open" : "", m, L(r, "Tháng", "Month"), m);
	html_printf(r->out, r->lang == LANG_EN ? " <span class=\"muted\">"
	    "%zu anniversaries, %zu activities</span></summary>" : " <span "
	    "class=\"muted\">%zu ngày kỷ niệm, %zu hoạt động</span>"
	    "</summary>", counts[0], counts[1]);
	html_printf(r->out, "<p class=\"calendar-link\"><a href=\"%s/app/"
	    "month/%04d-%02d\">%s %d/%d</a></p>\n", r->root, v->year, m,
	    L(r, "Lịch tháng", "Calendar of"), m, v->year);
	for (;;) {
		while (*j < al->n && (!activity_shown(v, &al->v[*j]) ||
		    al->v[*j].start.m < m))
			(*j)++;
		a = *j < al->n && al->v[*j].start.m == m ? &al->v[*j] : NULL;
		if (a != NULL && (*i == v->ol.n || v->ol.v[*i].date.m != m ||
		    util_ymd_cmp(a->start, v->ol.v[*i].date) < 0)) {
			(*j)++;
			if (acts++ >= MONTH_ACTIVITIES) {
				more++;
				continue;
			}
			item_open(r, &n, a->status == ACTIVITY_CANCELLED ?
			    "activity status-cancelled" : "activity");
			activity_item(r, a);
		} else if (*i < v->ol.n && v->ol.v[*i].date.m == m) {
			item_open(r, &n, NULL);
			if (v->ol.v[*i].precision == PREC_DAY)
				day_of(r, v->ol.v[*i].date, v->ol.v[*i].days);
			else
				html_printf(r->out, "<b>%s</b> ", L(r,
				    "chưa rõ ngày", "day unknown"));
			ui_occurrence_short(r, &v->ol.v[(*i)++]);
			html_raw(r->out, "</li>\n");
		} else
			break;
	}
	if (n == 0)
		html_printf(r->out, "<p class=\"muted\">%s</p>",
		    L(r, "Không có sự kiện.", "Nothing this month."));
	else
		html_raw(r->out, "</ul>");
	if (more > 0)
		more_activities(r, v, m, more);
	html_raw(r->out, "</details></section>\n");
}

static void
months(struct web_req *r, const struct year_view *v)
{
	const struct activity_list *al = &r->data->acts;
	size_t i = 0, j = 0, nacts = 0, counts[13][2];
	int m;

	memset(counts, 0, sizeof(counts));
	for (j = 0; j < al->n; j++)
		if (activity_shown(v, &al->v[j])) {
			nacts++;
			counts[al->v[j].start.m][1]++;
		}
	for (i = 0; i < v->ol.n; i++)
		counts[v->ol.v[i].date.m][0]++;
	html_printf(r->out, "<p>%zu %s, %zu %s.</p>\n", v->ol.n,
	    L(r, "ngày kỷ niệm", "anniversaries"), nacts,
	    L(r, "hoạt động", "activities"));
	if (!v->filtered)
		html_printf(r->out, "<p class=\"muted\">%s <a href=\"%s/app/"
		    "year/%d?open=all\">%s</a></p>\n", L(r, "Bấm tên tháng để "
		    "mở hoặc đóng danh sách của tháng.", "Select a month to "
		    "open or close its list."), r->root, v->year, L(r, "Mở tất "
		    "cả các tháng (để in)", "Open every month (to print)"));
	html_raw(r->out, "<div class=\"months\">\n");
	for (i = 0, j = 0, m = 1; m <= 12; m++)
		month(r, v, m, &i, &j, counts[m]);
	html_raw(r->out, "</div>\n");
}

int
web_year_now(struct web_req *r)
{
	char path[32];

	snprintf(path, sizeof(path), "/app/year/%d", r->today.y);
	return web_redirect(r, path);
}

int
web_year(struct web_req *r)
{
	struct year_view v;
	char title[32], *key = NULL;
	size_t start;
	int ret = -1;

	if (r->id < LUNAR_MIN_YEAR || r->id >= LUNAR_MAX_YEAR)
		return web_error(r, 404, "Không có lịch của năm này.",
		    "There is no calendar for this year.");
	memset(&v, 0, sizeof(v));
	v.year = (int)r->id;
	buf_init(&v.qs);
	if (filters_read(r, &v) == -1)
		goto done;
	snprintf(title, sizeof(title), "%s %d", L(r, "Năm", "Year"), v.year);
	ui_begin(r, title, v.year == r->today.y ? "year" : NULL);
	/* The same for every account of a role: kept per thread. */
	key = xasprintf("year/%d?%s&open=%s", v.year, v.qs.data != NULL ?
	    v.qs.data : "", http_req_query(r->hr, "open") != NULL &&
	    strcmp(http_req_query(r->hr, "open"), "all") == 0 ? "all" : "");
	start = r->out->len;
	if (!web_cache_get(r, key)) {
		if (occurrences(r, &v) == -1)
			goto done;
		year_nav(r, &v);
		filters_form(r, &v);
		months(r, &v);
		web_cache_put(r, key, start);
	}
	ui_end(r);
	ret = 0;
done:
	free(key);
	occ_list_release(&v.ol);
	select_release(&v.sel);
	buf_release(&v.qs);
	return ret;
}

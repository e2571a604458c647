/*
 * Dữ liệu cần xác minh: the rows whose date is known only to the month or
 * year, or whose source is not confirmed (one selector, written as a feed
 * would write it), nearest milestone first, a page at a time, each
 * linking to its occasion page, where an editor corrects it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "escape.h"
#include "log.h"
#include "select.h"
#include "ui.h"
#include "vntime.h"
#include "web_pages.h"

#define VERIFY_SELECT \
	"precision:month|year, confidence:single-source|recalled"
/* How many years ahead a milestone is looked for. */
#define VERIFY_YEARS	100

struct verify_row {
	struct observance *o;
	int has;		/* a milestone ahead was found */
	struct ymd when;	/* its day, or the first of its month or year */
	int n;			/* its anniversary number */
	int precision;		/* of when: 0 day, 1 month, 2 year */
};

/* The month of a rule known to the month ("1994-03"), else 0. */
static int
partial_month(const struct observance *o)
{
	long m = 0;

	if (o->rule.type == RULE_UNDATED && o->rule.precision == 2 &&
	    o->spec != NULL && strlen(o->spec) == 7)
		util_parse_int(o->spec + 5, 1, 12, &m);
	return (int)m;
}

/* A dated row: its first milestone from today on; 0 or -1. */
static int
next_dated(struct web_req *r, struct verify_row *v)
{
	struct ymd to = { r->today.y + VERIFY_YEARS, 12, 31 };
	struct occ_list ol = { 0 };
	size_t i;

	if (rules_occurrences(&r->cfg->rules, r->lunar, &v->o, 1, r->today,
	    to, &ol) == -1) {
		log_warnx("the verify page: a date of '%s' could not be "
		    "computed", v->o->key);
		occ_list_release(&ol);
		return -1;
	}
	for (i = 0; i < ol.n && !v->has; i++)
		if (rules_is_milestone(&r->cfg->rules, &ol.v[i])) {
			v->has = 1;
			v->when = ol.v[i].date;
			v->n = ol.v[i].n;
		}
	occ_list_release(&ol);
	return 0;
}

/* A row known to the month or year: the first year from this one whose
 * number is a milestone, unless its month has already passed. */
static void
next_partial(struct web_req *r, struct verify_row *v)
{
	struct occurrence oc = { 0 };
	int y, m = partial_month(v->o);

	oc.obs = v->o;
	for (y = r->today.y; v->o->rule.base_year > 0 &&
	    y <= r->today.y + VERIFY_YEARS; y++) {
		oc.n = y - v->o->rule.base_year;
		oc.milestone = rules_milestone(oc.n);
		if (oc.n <= 0 || !rules_is_milestone(&r->cfg->rules, &oc) ||
		    (y == r->today.y && m > 0 && m < r->today.m))
			continue;
		v->has = 1;
		v->n = oc.n;
		v->when.y = y;
		v->when.m = m > 0 ? m : 1;
		v->when.d = 1;
		v->precision = m > 0 ? 1 : 2;
		return;
	}
}

static int
row_cmp(const void *a, const void *b)
{
	const struct verify_row *x = a, *y = b;
	int c;

	if (x->has != y->has)
		return y->has - x->has;
	if (x->has && (c = util_ymd_cmp(x->when, y->when)) != 0)
		return c;
	return strcmp(x->o->key, y->o->key);
}

/* The rows to verify, sorted; *n of them (free the array). */
static struct verify_row *
rows(struct web_req *r, size_t *n)
{
	const struct obs_set *s = &r->data->set;
	struct verify_row *v = xcalloc(s->n + 1, sizeof(*v));
	struct selector sel;
	struct select_env env;
	char err[128];
	size_t i;

	*n = 0;
	if (select_parse(VERIFY_SELECT, &sel, err, sizeof(err)) == -1)
		fatal("the verify page's selector: %s", err);
	dataset_env(r->data, r->cfg, r->today.y, &env);
	for (i = 0; i < s->n; i++) {
		if (select_match_obs(&sel, &env, s->v[i]) < 0)
			continue;
		v[*n].o = s->v[i];
		if (s->v[i]->rule.type == RULE_UNDATED)
			next_partial(r, &v[*n]);
		else if (next_dated(r, &v[*n]) == -1) {
			free(v);
			v = NULL;
			break;
		}
		(*n)++;
	}
	dataset_env_release(&env);
	select_release(&sel);
	if (v != NULL && *n > 0)
		qsort(v, *n, sizeof(*v), row_cmp);
	return v;
}

static void
milestone_cell(struct web_req *r, const struct verify_row *v)
{
	const struct rule *u = &v->o->rule;

	if (!v->has) {
		html_printf(r->out, "<td>%s</td>", u->base_year > 0 ? "—" :
		    u->type == RULE_UNDATED ? L(r, "Chưa biết năm",
		    "Year unknown") : L(r, "Không tính số năm", "Not counted"));
		return;
	}
	html_printf(r->out, r->lang == LANG_EN ? "<td>%d years (" :
	    "<td>Kỷ niệm %d năm (", v->n);
	if (v->precision == 0)
		ui_date(r, v->when);
	else if (v->precision == 1)
		html_printf(r->out, L(r, "tháng %d/%d", "month %d of %d"),
		    v->when.m, v->when.y);
	else
		html_printf(r->out, L(r, "năm %d", "in %d"), v->when.y);
	html_raw(r->out, ")</td>");
}

static void
row(struct web_req *r, const struct verify_row *v)
{
	struct buf s;
	enum confidence c = rules_confidence(v->o);

	buf_init(&s);
	rules_subject(v->o, r->lang, &s);
	html_raw(r->out, "<tr>");
	milestone_cell(r, v);
	html_printf(r->out, "<td><a href=\"%s/app/occasions/%s\">%s</a></td>"
	    "<td>", r->root, v->o->key, s.data);
	ui_rule(r, v->o);
	html_printf(r->out, "</td><td><span class=\"badge%s\">%s</span></td>"
	    "<td>%s</td></tr>\n", c != CONF_CONFIRMED ? " unconfirmed" : "",
	    ui_confidence(r, c), v->o->note != NULL ? v->o->note : "");
	buf_release(&s);
}

int
web_verify(struct web_req *r)
{
	struct verify_row *v;
	struct ui_page pg;
	size_t i, n;

	if ((v = rows(r, &n)) == NULL)
		return -1;
	ui_page_read(r, "page", &pg);
	ui_page_total(&pg, (long)n);
	ui_begin(r, L(r, "Dữ liệu cần xác minh", "Data to verify"), "verify");
	html_printf(r->out, "<p>%zu %s</p>\n", n, L(r, "dòng dữ liệu chỉ biết "
	    "đến tháng hoặc năm, hoặc chưa được xác nhận đầy đủ (một nguồn, "
	    "theo trí nhớ). Cần kiểm tra trước khi đưa vào kế hoạch; mốc "
	    "kỷ niệm gần nhất xếp trước.", "rows known only to the month or "
	    "year, or not fully confirmed (a single source, recalled). Check "
	    "them before they go into a plan; the nearest milestone comes "
	    "first."));
	ui_table_begin(r, 0, L(r, "Mốc gần nhất", "Next milestone"),
	    L(r, "Dữ liệu", "Row"), L(r, "Ngày hiện có", "Date known"),
	    L(r, "Độ tin cậy", "Confidence"), L(r, "Ghi chú", "Note"), NULL);
	for (i = (size_t)pg.offset; i < n && i < (size_t)(pg.offset +
	    pg.limit); i++)
		row(r, &v[i]);
	html_raw(r->out, "</tbody></table>\n");
	ui_pager(r, "/app/verify", NULL, &pg);
	ui_end(r);
	free(v);
	return 0;
}

/*
 * The plan's appendix, a document of its own: the calendar of the year's
 * milestones and of its focus countries' days, month by month, with the
 * activities planned for them.  And the CSV rows: every anniversary and
 * planned activity of the year, read from the placement (plan_place.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "escape.h"
#include "plan_int.h"
#include "rules.h"
#include "util.h"
#include "vntime.h"

/* One row of the CSV. */
struct row {
	struct ymd date;
	int days;
	enum precision precision;	/* of date; PREC_YEAR rows come last */
	const char *confidence;		/* static: "confirmed", ... */
	char *key;
	const char *kind, *country;
	int n;			/* 0 = not counted */
	enum milestone milestone;
	char *section;		/* "1.1", "1.1, 3", "" when in none */
	char *title;		/* the occurrence's title */
	const char *note;	/* the row's note, "" when none */
	char *activities;	/* planned activities, "; "-separated */
};

struct rows {
	struct row *v;
	size_t n;
};

/* "1.1, 3", or "PL" for a milestone of 1.1 left to the appendix. */
static char *
label(const struct plan *p, const struct plan_place *pl)
{
	const char *s = "";

	if (pl->section == S_1_1 && !pl->chosen)
		s = plan_word(p->in->lang, PW_LABEL_OTHER);
	else if (pl->section >= 0)
		s = plan_section_label[pl->section];
	return xasprintf("%s%s%s", s, *s && pl->group3 >= 0 ? ", " : "",
	    pl->group3 >= 0 ? "3" : "");
}

static void
row_place(const struct plan *p, const struct plan_place *pl, struct row *r)
{
	const struct occurrence *oc = pl->oc;
	struct buf t;

	r->date = oc->date;
	r->days = oc->days;
	r->precision = oc->precision;
	r->confidence = rules_confidence_name(rules_confidence(oc->obs));
	r->key = xstrdup(oc->obs->key);
	r->kind = rules_kind_name(oc->obs->kind);
	r->country = oc->obs->country;
	r->n = oc->n;
	r->milestone = oc->milestone;
	r->section = label(p, pl);
	buf_init(&t);
	rules_title(oc, p->in->lang, &t);
	r->title = buf_detach(&t);
	r->note = oc->obs->note ? oc->obs->note : "";
	buf_init(&t);
	plan_acts_text(p, pl, &t);
	r->activities = buf_detach(&t);
}

static void
row_activity(const struct plan *p, const struct activity *a, struct row *r)
{
	struct buf t;

	r->date = a->start;
	r->days = a->all_day && util_ymd_cmp(a->end, a->start) > 0 ?
	    (int)(util_days_from_civil(a->end.y, a->end.m, a->end.d) -
	    util_days_from_civil(a->start.y, a->start.m, a->start.d) + 1) : 1;
	r->key = xasprintf("activity:%ld", a->id);
	r->kind = "activity";
	r->country = "";
	r->section = xstrdup("");
	r->title = xstrdup(a->title);
	r->note = "";
	r->confidence = "";
	buf_init(&t);
	plan_activity_text(p, a, &t);
	r->activities = buf_detach(&t);
}

static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int r = (x->precision == PREC_YEAR) - (y->precision == PREC_YEAR);

	/* The rows known only to the year come last, on their own. */
	if (r == 0)
		r = util_ymd_cmp(x->date, y->date);
	return r ? r : strcmp(x->key, y->key);
}

/* The rows of the year: its occurrences and the activities that start
 * in it and belong to none, sorted. */
static void
rows_make(const struct plan *p, struct rows *out)
{
	size_t i;

	out->v = xcalloc(p->n + p->nloose + 1, sizeof(*out->v));
	out->n = 0;
	for (i = 0; i < p->n; i++)
		row_place(p, &p->v[i], &out->v[out->n++]);
	for (i = 0; i < p->nloose; i++)
		if (p->loose[i]->start.y == p->in->year)
			row_activity(p, p->loose[i], &out->v[out->n++]);
	if (out->n > 0)
		qsort(out->v, out->n, sizeof(*out->v), row_cmp);
}

static void
rows_release(struct rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].key);
		free(r->v[i].section);
		free(r->v[i].title);
		free(r->v[i].activities);
	}
	free(r->v);
}

void
plan_csv(const struct plan *p, struct buf *b)
{
	const struct row *r;
	struct rows rows;
	char date[11];
	size_t i;

	rows_make(p, &rows);
	buf_puts(b, "date,key,kind,country,n,milestone,precision,confidence,"
	    "section,title,note,activities\r\n");
	for (i = 0; i < rows.n; i++) {
		r = &rows.v[i];
		util_format_ymd(r->date, date, sizeof(date));
		buf_printf(b, "%s,", date);
		esc_csv(b, r->key);
		buf_putc(b, ',');
		esc_csv(b, r->kind);
		buf_printf(b, ",%s,", r->country);
		if (r->n > 0)
			buf_printf(b, "%d", r->n);
		buf_printf(b, ",%s,%s,%s,", rules_milestone_name(r->milestone),
		    strcmp(r->kind, "activity") ? rules_precision_name(
		    r->precision) : "", r->confidence);
		esc_csv(b, r->section);
		buf_putc(b, ',');
		esc_csv(b, r->title);
		buf_putc(b, ',');
		esc_csv(b, r->note);
		buf_putc(b, ',');
		esc_csv(b, r->activities);
		buf_puts(b, "\r\n");
	}
	rows_release(&rows);
}

/* --- the calendar -------------------------------------------------------- */

/* "14/4" or "14/4 – 16/4"; "14 Apr" in English. */
static void
short_date(struct ymd d, int days, enum lang lang, struct buf *out)
{
	struct ymd e = util_ymd_add_days(d, days - 1);

	if (lang == LANG_EN)
		buf_printf(out, "%d %.3s", d.d,
		    plan_word(LANG_EN, PW_JANUARY + d.m - 1));
	else
		buf_printf(out, "%d/%d", d.d, d.m);
	if (days <= 1)
		return;
	if (lang == LANG_EN)
		buf_printf(out, " – %d %.3s", e.d,
		    plan_word(LANG_EN, PW_JANUARY + e.m - 1));
	else
		buf_printf(out, " – %d/%d", e.d, e.m);
}

/* 1 if the calendar lists pl: a milestone, or a day of a focus
 * country. */
static int
listed(const struct plan *p, const struct plan_place *pl)
{
	const struct config *cfg = p->in->cfg;
	const char *cc = pl->oc->obs->country;
	char want[8];

	if (rules_is_milestone(&cfg->rules, pl->oc))
		return 1;
	snprintf(want, sizeof(want), ",%s,", cc);
	return *cc != '\0' && cfg->focus != NULL && strstr(cfg->focus,
	    want) != NULL;
}

/* Its month; 13 for a row known only to the year. */
static int
month_of(const struct plan_place *pl)
{
	return pl->oc->precision == PREC_YEAR ? 13 : pl->oc->date.m;
}

/* By month, a month's days before those known only to the month. */
static int
place_cmp(const void *a, const void *b)
{
	const struct plan_place *x = *(const struct plan_place *const *)a;
	const struct plan_place *y = *(const struct plan_place *const *)b;
	int r = month_of(x) - month_of(y);

	if (r == 0)
		r = (int)x->oc->precision - (int)y->oc->precision;
	if (r == 0)
		r = util_ymd_cmp(x->oc->date, y->oc->date);
	return r ? r : strcmp(x->oc->obs->key, y->oc->obs->key);
}

/* "Ngày" / "Date" wide enough for "14/4 – 17/4" on one line. */
static const int widths[] = { 12, 52, 11, 25 };

/* The table of v[0..n-1]. */
static void
table(const struct plan *p, const struct plan_place *const *v, size_t n,
    struct doc *d)
{
	enum lang lang = p->in->lang;
	const struct plan_place *pl;
	char **cells;
	struct buf t;
	size_t i, k, nc = (n + 1) * 4;

	cells = xcalloc(nc, sizeof(*cells));
	for (k = 0; k < 4; k++)
		cells[k] = xstrdup(plan_word(lang, PW_COL_DATE + k));
	for (i = 0; i < n; i++) {
		pl = v[i];
		k = (i + 1) * 4;
		buf_init(&t);
		if (pl->oc->precision == PREC_DAY)
			short_date(pl->oc->date, pl->oc->days, lang, &t);
		else if (pl->oc->precision == PREC_MONTH)
			buf_puts(&t, plan_word(lang, PW_IN_MONTH));
		else
			buf_printf(&t, "%d", p->in->year);
		cells[k] = buf_detach(&t);
		/* Every anniversary with its years: "Kỷ niệm 74 năm thiết
		 * lập quan hệ ngoại giao ..." even when no milestone. */
		buf_init(&t);
		rules_title(pl->oc, lang, &t);
		cells[k + 1] = buf_detach(&t);
		cells[k + 2] = xstrdup(rules_is_milestone(&p->in->cfg->rules,
		    pl->oc) ? rules_milestone_label(pl->oc->milestone, lang,
		    0) : "");
		buf_init(&t);
		plan_acts_text(p, pl, &t);
		cells[k + 3] = buf_detach(&t);
	}
	doc_table(d, 4, n + 1, cells, widths);
	for (k = 0; k < nc; k++)
		free(cells[k]);
	free(cells);
}

struct doc *
plan_appendix_doc(const struct plan *p)
{
	const struct plan_input *in = p->in;
	const struct plan_place **v;
	struct doc *d;
	char *title;
	size_t i, j, n = 0;
	int m;

	title = xasprintf("%s%d", plan_word(in->lang, PW_APPENDIX), in->year);
	d = plan_doc_new(p, title);
	free(title);
	v = xcalloc(p->n + 1, sizeof(*v));
	for (i = 0; i < p->n; i++)
		if (listed(p, &p->v[i]))
			v[n++] = &p->v[i];
	if (n > 0)
		qsort(v, n, sizeof(*v), place_cmp);
	/* A month's table, then the rows known only to the year. */
	for (i = 0; i < n; i = j) {
		m = month_of(v[i]);
		for (j = i; j < n && month_of(v[j]) == m; j++)
			;
		if (m == 13) {
			title = xasprintf("%s%d",
			    plan_word(in->lang, PW_IN_YEAR), in->year);
			doc_heading(d, 2, title);
			free(title);
		} else
			doc_heading(d, 2, plan_word(in->lang,
			    PW_JANUARY + m - 1));
		table(p, v + i, j - i, d);
	}
	free(v);
	return d;
}

/*
 * The plan's calendar: every anniversary and planned activity of the
 * year as rows, read from the placement (plan_place.c), written as the
 * CSV format and as the month tables of an appendix, then the rows whose
 * day is not known yet.
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

/* One dated row of the calendar (and of the CSV). */
struct row {
	struct ymd date;
	int days;
	enum precision precision;	/* of date; PREC_YEAR rows come last */
	const char *confidence;		/* static: "confirmed", ... */
	char *key;
	const char *kind, *country;
	int n;			/* 0 = not counted */
	enum milestone milestone;
	int counts;		/* the class counts as a milestone for the kind */
	char *section;		/* "1.1", "1.1, 3", "" when in none */
	char *title;		/* the occurrence's title (CSV) */
	char *text;		/* the calendar's: title, marker, note */
	const char *note;	/* the row's note, "" when none */
	char *activities;	/* planned activities, "; "-separated */
};

struct rows {
	struct row *v;
	size_t n;
};

/* The calendar's words for oc: its title, the unverified marker and its
 * note in brackets. */
static char *
row_text(enum lang lang, const struct occurrence *oc)
{
	struct buf t;

	buf_init(&t);
	rules_title(oc, lang, &t);
	rules_unverified(oc->obs, lang, &t);
	if (oc->obs->note != NULL && oc->obs->note[0] != '\0') {
		buf_puts(&t, " (");
		plan_note_text(lang, oc->obs, &t);
		buf_puts(&t, ")");
	}
	return buf_detach(&t);
}

/* "1.1, 3", or "PL" for a milestone of 1.1 left to the appendix. */
static char *
label(const struct plan *p, const struct plan_place *pl)
{
	const char *s = "";

	if (pl->section == S_1_1 && !pl->chosen)
		s = plan_words(p->in->lang)->label_other;
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
	r->counts = rules_is_milestone(&p->in->cfg->rules, oc);
	r->section = label(p, pl);
	buf_init(&t);
	rules_title(oc, p->in->lang, &t);
	r->title = buf_detach(&t);
	r->text = row_text(p->in->lang, oc);
	r->note = oc->obs->note ? oc->obs->note : "";
	buf_init(&t);
	plan_acts_text(pl, p->in->lang, &t);
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
	r->text = xstrdup(a->title);
	r->note = "";
	r->confidence = "";
	buf_init(&t);
	plan_activity_text(a, p->in->lang, &t);
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
		free(r->v[i].text);
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

/* "14/4" or "14/4 – 16/4"; "14 Apr" in English. */
static void
short_date(struct ymd d, int days, enum lang lang, struct buf *out)
{
	const char *const *month = plan_words(LANG_EN)->month;
	struct ymd e = util_ymd_add_days(d, days - 1);

	if (lang == LANG_EN)
		buf_printf(out, "%d %.3s", d.d, month[d.m - 1]);
	else
		buf_printf(out, "%d/%d", d.d, d.m);
	if (days <= 1)
		return;
	if (lang == LANG_EN)
		buf_printf(out, " – %d %.3s", e.d, month[e.m - 1]);
	else
		buf_printf(out, " – %d/%d", e.d, e.m);
}

/* "Mục" / "Section" and "1.1, 3" on one line at 11 points. */
static const int widths_vi[] = { 11, 39, 11, 9, 30 };
static const int widths_en[] = { 11, 36, 11, 12, 30 };

/* The table of rows from..to-1. */
static void
month_table(const struct plan *p, const struct rows *rows, size_t from,
    size_t to, struct doc *d)
{
	enum lang lang = p->in->lang;
	const struct plan_words *w = plan_words(lang);
	const struct row *r;
	char **cells;
	struct buf t;
	size_t i, k, n = (to - from + 1) * 5;

	cells = xcalloc(n, sizeof(*cells));
	for (k = 0; k < 5; k++)
		cells[k] = xstrdup(w->cols[k]);
	for (i = from; i < to; i++) {
		r = &rows->v[i];
		k = (i - from + 1) * 5;
		buf_init(&t);
		if (r->precision == PREC_DAY)
			short_date(r->date, r->days, lang, &t);
		else
			buf_puts(&t, w->day_unknown);
		cells[k] = buf_detach(&t);
		cells[k + 1] = xstrdup(r->text);
		cells[k + 2] = xstrdup(r->counts ?
		    rules_milestone_label(r->milestone, lang, 0) : "");
		cells[k + 3] = xstrdup(r->section);
		cells[k + 4] = xstrdup(r->activities);
	}
	doc_table(d, 5, to - from + 1, cells, lang == LANG_EN ? widths_en :
	    widths_vi);
	for (k = 0; k < n; k++)
		free(cells[k]);
	free(cells);
}

void
plan_calendar(const struct plan *p, struct doc *d)
{
	const struct plan_words *w = plan_words(p->in->lang);
	struct rows rows;
	char *title;
	size_t i = 0, j;
	int m;

	rows_make(p, &rows);
	title = xasprintf("%s%d", w->appendix, p->in->year);
	doc_appendix(d, title);
	free(title);
	for (m = 1; m <= 12; m++) {
		doc_heading(d, 2, w->month[m - 1]);
		while (i < rows.n && rows.v[i].date.m < m)
			i++;
		for (j = i; j < rows.n && rows.v[j].date.m == m &&
		    rows.v[j].precision != PREC_YEAR; j++)
			;
		if (j == i)
			doc_para(d, w->no_dates);
		else
			month_table(p, &rows, i, j, d);
		i = j;
	}
	/* Then the rows known only to the year, sorted last. */
	while (i < rows.n && rows.v[i].precision != PREC_YEAR)
		i++;
	if (i < rows.n) {
		doc_heading(d, 2, w->undated_h);
		month_table(p, &rows, i, rows.n, d);
	}
	rows_release(&rows);
}

/*
 * The plan's appendix: every anniversary and planned activity of the year
 * as rows (the csv format and the month tables of md, html and docx),
 * then the rows whose day is not known yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "plan_int.h"
#include "rules.h"
#include "util.h"
#include "vntime.h"

static struct plan_row *
row_add(struct plan_doc *d)
{
	struct plan_row *r;

	if (d->nrows == d->rows_cap) {
		d->rows_cap = d->rows_cap ? d->rows_cap * 2 : 256;
		d->rows = xrealloc(d->rows, d->rows_cap * sizeof(*d->rows));
	}
	r = &d->rows[d->nrows++];
	memset(r, 0, sizeof(*r));
	return r;
}

/* The appendix's words for oc: its title, the unverified marker and its
 * note in brackets. */
static char *
row_text(const struct ctx *c, const struct occurrence *oc)
{
	struct buf t;

	buf_init(&t);
	rules_title(oc, c->in->lang, &t);
	rules_unverified(oc->obs, c->in->lang, &t);
	if (oc->obs->note != NULL && oc->obs->note[0] != '\0') {
		buf_puts(&t, " (");
		plan_note_text(c, oc->obs, &t);
		buf_puts(&t, ")");
	}
	return buf_detach(&t);
}

static void
row_occurrence(struct ctx *c, const struct occurrence *oc, char *section,
    const char *activities)
{
	struct plan_row *r = row_add(c->doc);
	struct buf t;

	r->date = oc->date;
	r->days = oc->days;
	r->precision = oc->precision;
	r->confidence = rules_confidence_name(rules_confidence(oc->obs));
	r->key = xstrdup(oc->obs->key);
	r->kind = xstrdup(rules_kind_name(oc->obs->kind));
	r->country = xstrdup(oc->obs->country);
	r->n = oc->n;
	r->milestone = oc->milestone;
	r->counts = rules_is_milestone(&c->in->cfg->rules, oc);
	r->section = section;
	buf_init(&t);
	rules_title(oc, c->in->lang, &t);
	r->title = buf_detach(&t);
	r->text = row_text(c, oc);
	r->note = xstrdup(oc->obs->note ? oc->obs->note : "");
	r->activities = xstrdup(activities);
}

/* "1.1", or "PL" for a milestone of 1.1 left to the appendix. */
static const char *
label(const struct ctx *c, int section, int in11)
{
	if (section == S_1_1 && !in11)
		return plan_words(c->in->lang)->label_other;
	return section >= 0 ? plan_section_label[section] : "";
}

static void
row_placed(struct ctx *c, const struct placed *p)
{
	row_occurrence(c, p->oc, xasprintf("%s%s%s", label(c, p->section,
	    p->in11), p->section >= 0 && p->in3 ? ", " : "", p->in3 ? "3" :
	    ""), p->nacts ? p->acts.data : "");
}

static void
row_activity(struct ctx *c, const struct activity *a)
{
	struct plan_row *r = row_add(c->doc);
	struct buf t;

	r->date = a->start;
	r->days = a->all_day && util_ymd_cmp(a->end, a->start) > 0 ?
	    (int)(util_days_from_civil(a->end.y, a->end.m, a->end.d) -
	    util_days_from_civil(a->start.y, a->start.m, a->start.d) + 1) : 1;
	r->key = xasprintf("activity:%ld", a->id);
	r->kind = xstrdup("activity");
	r->country = xstrdup("");
	r->section = xstrdup("");
	r->title = xstrdup(a->title);
	r->text = xstrdup(a->title);
	r->note = xstrdup("");
	r->confidence = "";
	buf_init(&t);
	plan_activity_text(a, c->in->lang, &t);
	r->activities = buf_detach(&t);
}

static int
row_cmp(const void *a, const void *b)
{
	const struct plan_row *x = a, *y = b;
	int r = (x->precision == PREC_YEAR) - (y->precision == PREC_YEAR);

	/* The rows known only to the year come last, on their own. */
	if (r == 0)
		r = util_ymd_cmp(x->date, y->date);
	return r ? r : strcmp(x->key, y->key);
}

void
plan_add_rows(struct ctx *c)
{
	const struct activity_list *al = &c->in->data->acts;
	size_t i;

	for (i = 0; i < c->occ.n; i++)
		row_placed(c, &c->pl[i]);
	for (i = 0; i < c->undated.n; i++)
		row_occurrence(c, &c->undated.v[i], xstrdup(c->uncand[i] ?
		    label(c, S_1_1, c->un11[i]) : ""), "");
	for (i = 0; i < al->n; i++)
		if (plan_activity_in_year(&al->v[i], c->in->year) &&
		    al->v[i].start.y == c->in->year &&
		    !plan_linked(c, &al->v[i]))
			row_activity(c, &al->v[i]);
	if (c->doc->nrows > 0)
		qsort(c->doc->rows, c->doc->nrows, sizeof(*c->doc->rows),
		    row_cmp);
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

static void
month_table(struct ctx *c, size_t from, size_t to)
{
	const struct words *w = plan_words(c->in->lang);
	struct plan_block *b = plan_block_add(c->doc, PB_TABLE, 0, NULL);
	const struct plan_row *r;
	struct buf t;
	size_t i, k;

	b->ncols = 5;
	b->nrows = to - from + 1;
	b->cells = xcalloc(b->ncols * b->nrows, sizeof(*b->cells));
	for (k = 0; k < 5; k++)
		b->cells[k] = xstrdup(w->cols[k]);
	for (i = from; i < to; i++) {
		r = &c->doc->rows[i];
		k = (i - from + 1) * 5;
		buf_init(&t);
		if (r->precision == PREC_DAY)
			short_date(r->date, r->days, c->in->lang, &t);
		else
			buf_puts(&t, w->day_unknown);
		b->cells[k] = buf_detach(&t);
		b->cells[k + 1] = xstrdup(r->text);
		b->cells[k + 2] = xstrdup(r->counts ?
		    rules_milestone_label(r->milestone, c->in->lang, 0) : "");
		b->cells[k + 3] = xstrdup(r->section);
		b->cells[k + 4] = xstrdup(r->activities);
	}
}

void
plan_build_appendix(struct ctx *c)
{
	const struct words *w = plan_words(c->in->lang);
	size_t i = 0, j;
	int m;

	plan_block_cat(c->doc, PB_H1, 0, w->appendix, c->year, (char *)NULL);
	for (m = 1; m <= 12; m++) {
		plan_block_add(c->doc, PB_H2, 0, w->month[m - 1]);
		while (i < c->doc->nrows && c->doc->rows[i].date.m < m)
			i++;
		for (j = i; j < c->doc->nrows && c->doc->rows[j].date.m == m &&
		    c->doc->rows[j].precision != PREC_YEAR; j++)
			;
		if (j == i)
			plan_block_add(c->doc, PB_PARA, 0, w->no_dates);
		else
			month_table(c, i, j);
		i = j;
	}
	/* Then the rows known only to the year, sorted last. */
	while (i < c->doc->nrows && c->doc->rows[i].precision != PREC_YEAR)
		i++;
	if (i == c->doc->nrows)
		return;
	plan_block_add(c->doc, PB_H2, 0, w->undated_h);
	month_table(c, i, c->doc->nrows);
}

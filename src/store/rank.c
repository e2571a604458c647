/*
 * The score of a milestone for section 1.1.  The parts add up, so staff
 * can read why one occasion ranks above another (rank_explain); the
 * weights are the defaults that give the reports' three to six
 * occasions a year with the shipped calendars.
 */
#include <stdio.h>
#include <string.h>

#include "dataset.h"
#include "rank.h"
#include "rules.h"
#include "util.h"

/* The country's highest partnership level established before year. */
static int
level_points(const struct dataset *d, const char *cc, int year,
    const char **name)
{
	static const struct {
		const char *level;
		int points;
	} levels[] = {
		{ "comprehensive", RANK_COMPREHENSIVE },
		{ "strategic", RANK_STRATEGIC },
		{ "comprehensive-strategic", RANK_COMP_STRATEGIC },
	};
	const struct observance *o;
	size_t i, k;
	int best = 0;

	*name = NULL;
	for (i = 0; i < d->set.n; i++) {
		o = d->set.v[i];
		if (o->kind != KIND_PARTNERSHIP || o->level == NULL ||
		    strcmp(o->country, cc) != 0 || o->rule.base_year == 0 ||
		    o->rule.base_year >= year)
			continue;
		for (k = 0; k < NELEM(levels); k++)
			if (strcmp(o->level, levels[k].level) == 0 &&
			    levels[k].points > best) {
				best = levels[k].points;
				*name = levels[k].level;
			}
	}
	return best;
}

/* Live activities for this observance, with its country as a partner, or
 * for another observance of its country. */
static int
record_count(const struct dataset *d, const struct observance *obs)
{
	const struct activity *a;
	const struct observance *o;
	const char *cc = obs->country;
	size_t i;
	int n = 0;

	for (i = 0; i < d->acts.n; i++) {
		a = &d->acts.v[i];
		if (a->status == ACTIVITY_CANCELLED)
			continue;
		if (a->observance != NULL && strcmp(a->observance, obs->key) == 0)
			n++;
		else if (cc[0] != '\0' && activity_has_country(a, cc))
			n++;
		else if (cc[0] != '\0' && a->observance != NULL &&
		    (o = obs_set_find(&d->set, a->observance)) != NULL &&
		    strcmp(o->country, cc) == 0)
			n++;
	}
	return n;
}

/* 1 if obs is the union's own date: a local one, or one with its
 * province's tag. */
static int
own_date(const struct rank_union *u, const struct observance *obs)
{
	return obs->kind == KIND_LOCAL || (u->tag != NULL && u->tag[0] !=
	    '\0' && rules_has_tag(obs, u->tag));
}

void
rank_score(const struct dataset *d, const struct rank_union *u, int year,
    const struct occurrence *oc, struct rank *out)
{
	const char *cc = oc->obs->country;
	char needle[6];

	memset(out, 0, sizeof(*out));
	out->cls = oc->milestone == MILESTONE_JUBILEE ? RANK_JUBILEE :
	    oc->milestone == MILESTONE_DECADE ? RANK_DECADE :
	    oc->milestone == MILESTONE_ROUND ? RANK_ROUND : 0;
	if (cc[0] != '\0') {
		snprintf(needle, sizeof(needle), ",%s,", cc);
		if (u->focus != NULL && strstr(u->focus, needle) != NULL)
			out->focus = RANK_FOCUS;
		out->level = level_points(d, cc, year, &out->level_name);
	}
	if (own_date(u, oc->obs))
		out->own = RANK_OWN;
	out->nacts = record_count(d, oc->obs);
	out->record = out->nacts * RANK_ACTIVITY > RANK_RECORD_MAX ?
	    RANK_RECORD_MAX : out->nacts * RANK_ACTIVITY;
	out->score = out->cls + out->focus + out->own + out->level +
	    out->record;
}

int
rank_cmp(const struct rank *ra, const struct occurrence *a,
    const struct rank *rb, const struct occurrence *b)
{
	int r;

	if ((r = rb->score - ra->score) != 0)
		return r;
	if ((r = (rb->score - rb->cls) - (ra->score - ra->cls)) != 0)
		return r;
	if ((r = b->n - a->n) != 0)
		return r;
	if ((r = util_ymd_cmp(a->date, b->date)) != 0)
		return r;
	return strcmp(a->obs->key, b->obs->key);
}

void
rank_explain(const struct rank *r, enum lang lang, struct buf *out)
{
	const int en = lang == LANG_EN;
	const char *sep = " (";

	buf_printf(out, en ? "%d points" : "%d điểm", r->score);
	if (r->cls > 0) {
		buf_printf(out, "%s%s %d", sep, rules_milestone_label(
		    r->cls == RANK_JUBILEE ? MILESTONE_JUBILEE : r->cls ==
		    RANK_DECADE ? MILESTONE_DECADE : MILESTONE_ROUND, lang, 0),
		    r->cls);
		sep = ", ";
	}
	if (r->focus > 0) {
		buf_printf(out, "%s%s %d", sep, en ? "focus country" :
		    "nước trọng điểm", r->focus);
		sep = ", ";
	}
	if (r->own > 0) {
		buf_printf(out, "%s%s %d", sep, en ? "the union's own date" :
		    "ngày của địa phương", r->own);
		sep = ", ";
	}
	if (r->level > 0) {
		buf_printf(out, "%s%s %d", sep, r->level == RANK_COMP_STRATEGIC ?
		    (en ? "comprehensive strategic partner" : "đối tác chiến "
		    "lược toàn diện") : r->level == RANK_STRATEGIC ? (en ?
		    "strategic partner" : "đối tác chiến lược") : (en ?
		    "comprehensive partner" : "đối tác toàn diện"), r->level);
		sep = ", ";
	}
	if (r->record > 0) {
		buf_printf(out, en ? "%s%d activities on record %d" :
		    "%s%d hoạt động đã có %d", sep, r->nacts, r->record);
		sep = ", ";
	}
	if (sep[0] == ',')
		buf_putc(out, ')');
}

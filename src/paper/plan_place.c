/*
 * Where everything of a year's plan goes, worked out once: each
 * occurrence's section by the [plan] mapping (compiled selectors), the
 * year's activities under the occurrences they are for, and the
 * milestones named in 1.1, ranked (rank.h) and as staff chose
 * (plan_choice.h).  The writers (plan.c, plan_appendix.c) only read the
 * result.
 */
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "log.h"
#include "plan.h"
#include "plan_int.h"
#include "rank.h"
#include "select.h"
#include "util.h"

/* The special blocks 1.2-1.4 claim an occurrence before 1.1 does. */
static const int claim_order[] = { S_1_2, S_1_3, S_1_4, S_1_1 };

/* What placing needs besides the result. */
struct placer {
	const struct plan_input *in;
	const struct selector *map;	/* cfg->plan_sel */
	struct select_env env;
	struct plan *p;
};

/* The section of a dated occurrence, and section 3's selector. */
static void
place_dated(struct placer *pr, struct plan_place *pl)
{
	size_t k;
	int g;

	for (k = 0; k < NELEM(claim_order); k++) {
		g = select_match(&pr->map[claim_order[k]], &pr->env, pl->oc);
		if (g >= 0) {
			pl->section = claim_order[k];
			pl->group = g;
			break;
		}
	}
	pl->group3 = select_match(&pr->map[S_3], &pr->env, pl->oc);
}

/* Staff's additions: an occurrence another section (or none) took moves
 * to 1.1, after what 1.1's selectors take. */
static void
apply_include(struct placer *pr, struct plan_place *pl)
{
	int g;

	if (pl->section == S_1_1 || pl->choice != PLAN_CHOICE_INCLUDE)
		return;
	g = select_match(&pr->map[S_1_1], &pr->env, pl->oc);
	pl->section = S_1_1;
	pl->group = g >= 0 ? g : (int)pr->map[S_1_1].n;
}

/* A row known only to the year is a candidate of 1.1 when 1.1 would
 * take its milestone or staff put it there; it is in no section
 * otherwise, and never in section 3. */
static void
place_undated(struct placer *pr, struct plan_place *pl)
{
	pl->group3 = -1;
	if ((rules_is_milestone(&pr->in->cfg->rules, pl->oc) &&
	    select_match(&pr->map[S_1_1], &pr->env, pl->oc) >= 0) ||
	    pl->choice == PLAN_CHOICE_INCLUDE)
		pl->section = S_1_1;
}

/* Attach the year's activities to the (first) dated occurrence of the
 * observance they are for; the others are loose. */
static void
link_activities(struct placer *pr)
{
	const struct activity_list *al = &pr->in->data->acts;
	const struct activity *a;
	struct plan *p = pr->p;
	struct plan_place *pl;
	size_t i, j;

	p->loose = xcalloc(al->n + 1, sizeof(*p->loose));
	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		if (!plan_activity_in_year(a, pr->in->year))
			continue;
		for (j = 0; a->observance != NULL && j < p->occ.n; j++)
			if (strcmp(p->v[j].oc->obs->key, a->observance) == 0)
				break;
		if (a->observance == NULL || j == p->occ.n) {
			p->loose[p->nloose++] = a;
			continue;
		}
		pl = &p->v[j];
		pl->acts = xrealloc(pl->acts, (pl->nacts + 1) *
		    sizeof(*pl->acts));
		pl->acts[pl->nacts++] = a;
	}
}

/* 1 if a is one of pl's activities. */
static int
pl_has(const struct plan_place *pl, const struct activity *a)
{
	size_t i;

	for (i = 0; i < pl->nacts; i++)
		if (pl->acts[i] == a)
			return 1;
	return 0;
}

/* Best first, by rank.c's order (the dashboard's too). */
static int
cand_cmp(const void *a, const void *b)
{
	const struct plan_place *x = *(const struct plan_place *const *)a;
	const struct plan_place *y = *(const struct plan_place *const *)b;

	return rank_cmp(&x->rank, x->oc, &y->rank, y->oc);
}

/*
 * Name in 1.1 what staff added, what has an activity this year, and the
 * best of the rest up to [plan] top scoring at least min_score; what
 * staff took out never.  The others are left to the appendix.
 */
static void
choose(struct placer *pr)
{
	const struct plan_input *in = pr->in;
	struct plan *p = pr->p;
	struct rank_union who = { in->cfg->focus, in->cfg->org_tag };
	struct plan_place *pl;
	size_t i;
	int ranked = 0;

	p->ranked = xcalloc(p->n + 1, sizeof(*p->ranked));
	for (i = 0; i < p->n; i++) {
		pl = &p->v[i];
		if (pl->section != S_1_1)
			continue;
		pl->candidate = 1;
		rank_score(in->data, &who, in->year, pl->oc, &pl->rank);
		p->ranked[p->nranked++] = pl;
	}
	if (p->nranked > 0)
		qsort(p->ranked, p->nranked, sizeof(*p->ranked), cand_cmp);
	for (i = 0; i < p->nranked; i++) {
		pl = (struct plan_place *)p->ranked[i];
		if (pl->choice == PLAN_CHOICE_EXCLUDE)
			pl->chosen = 0;
		else if (pl->choice == PLAN_CHOICE_INCLUDE || pl->nacts > 0)
			pl->chosen = 1;
		else if (ranked < in->cfg->plan_top &&
		    pl->rank.score >= in->cfg->plan_min_score)
			pl->chosen = ++ranked > 0;
	}
}

/* The slot of part II an activity's category puts it in. */
static enum plan_slot
category_slot(const struct activity *a)
{
	static const struct {
		const char *category;
		enum plan_slot slot;
	} map[] = {
		{ "anniversary", PLAN_SLOT_MILESTONES },
		{ "overseas", PLAN_SLOT_OVERSEAS },
		{ "annual", PLAN_SLOT_ANNUAL },
		{ "letter", PLAN_SLOT_LETTERS },
		{ "delegation-out", PLAN_SLOT_DELEGATIONS },
		{ "delegation-in", PLAN_SLOT_DELEGATIONS },
		{ "ngo", PLAN_SLOT_NGO },
		{ "information", PLAN_SLOT_INFO },
	};
	size_t i;

	for (i = 0; a->category != NULL && i < NELEM(map); i++)
		if (strcmp(a->category, map[i].category) == 0)
			return map[i].slot;
	return PLAN_SLOT_OTHER;
}

/*
 * What part II names: the occurrences of 1.1 it names, those of 1.2 and
 * 1.3, those of 1.4 but the greetings without activities (1.5 lists
 * them); the activities of any other occurrence, and those for none, on
 * their own by category, a member organisation's under it in part III.
 */
static void
show(struct placer *pr)
{
	const struct activity_list *al = &pr->in->data->acts;
	struct plan *p = pr->p;
	struct plan_place *pl;
	size_t i, j;

	for (i = 0; i < p->n; i++) {
		pl = &p->v[i];
		pl->greeting = pl->section == S_1_4 && pl->oc->obs->kind ==
		    KIND_NATIONAL_DAY &&
		    !rules_is_milestone(&pr->in->cfg->rules, pl->oc);
		pl->shown = pl->section == S_1_1 ? pl->chosen :
		    pl->section == S_1_2 || pl->section == S_1_3 ||
		    (pl->section == S_1_4 && (!pl->greeting || pl->nacts > 0));
	}
	p->items = xcalloc(al->n + 1, sizeof(*p->items));
	for (i = 0; i < al->n; i++) {
		if (!plan_activity_in_year(&al->v[i], pr->in->year))
			continue;
		for (j = 0; j < p->n; j++)
			if (p->v[j].shown && pl_has(&p->v[j], &al->v[i]))
				break;
		if (j < p->n)
			continue;
		p->items[p->nitems].a = &al->v[i];
		p->items[p->nitems++].slot = al->v[i].member != NULL ?
		    PLAN_SLOT_MEMBERS : category_slot(&al->v[i]);
	}
}

static void
place_all(struct placer *pr)
{
	struct plan *p = pr->p;
	const struct plan_choice_list *ch = &pr->in->data->choices;
	struct plan_place *pl;
	size_t i;

	p->n = p->occ.n + p->undated.n;
	p->v = xcalloc(p->n + 1, sizeof(*p->v));
	for (i = 0; i < p->n; i++) {
		pl = &p->v[i];
		pl->dated = i < p->occ.n;
		pl->oc = pl->dated ? &p->occ.v[i] :
		    &p->undated.v[i - p->occ.n];
		pl->section = -1;
		pl->choice = plan_choice_find(ch, pr->in->year,
		    pl->oc->obs->key);
		if (pl->dated) {
			place_dated(pr, pl);
			apply_include(pr, pl);
		} else
			place_undated(pr, pl);
	}
}

int
plan_place(const struct plan_input *in, struct plan **out)
{
	struct placer pr;
	struct plan *p = xcalloc(1, sizeof(*p));

	*out = NULL;
	memset(&pr, 0, sizeof(pr));
	pr.in = in;
	pr.map = in->cfg->plan_sel;
	pr.p = p;
	p->in = in;
	if (rules_occurrences(&in->cfg->rules, in->lunar, in->data->set.v,
	    in->data->set.n, (struct ymd){ in->year, 1, 1 },
	    (struct ymd){ in->year, 12, 31 }, &p->occ) == -1) {
		log_warnx("cannot compute the dates of %d", in->year);
		plan_free(p);
		return -1;
	}
	rules_undated(in->data->set.v, in->data->set.n, in->year,
	    &p->undated);
	dataset_env(in->data, in->cfg, in->year, &pr.env);
	place_all(&pr);
	link_activities(&pr);
	choose(&pr);
	show(&pr);
	dataset_env_release(&pr.env);
	*out = p;
	return 0;
}

void
plan_free(struct plan *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++)
		free(p->v[i].acts);
	free(p->v);
	free(p->ranked);
	free(p->loose);
	free(p->items);
	occ_list_release(&p->occ);
	occ_list_release(&p->undated);
	free(p);
}

int
plan_activity_in_year(const struct activity *a, int year)
{
	return a->status != ACTIVITY_CANCELLED && a->start.y <= year &&
	    (a->end.y >= year || a->start.y == year);
}

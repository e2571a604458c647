/*
 * Loading the dataset.  Each part is one query (owners and per-year dates
 * are joined in memory), so a rebuild of the site costs a handful of
 * statements whatever the number of rows.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "dataset.h"
#include "lunar.h"
#include "recipient.h"
#include "user.h"

/* The person of address email (any case) in l, or NULL. */
static const struct person *
person_find(const struct person_list *l, const char *email)
{
	size_t i;

	for (i = 0; email != NULL && i < l->n; i++)
		if (strcasecmp(l->v[i].email, email) == 0)
			return &l->v[i];
	return NULL;
}

static void
person_add(struct person_list *l, const char *email, const char *name)
{
	if (person_find(l, email) != NULL)
		return;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n].email = xstrdup(email);
	l->v[l->n++].name = xstrdup(name != NULL ? name : "");
}

/* Who the owners are: the accounts, then the recipients that are not
 * also accounts, each with the name it was given. */
static int
people_load(struct store *st, struct person_list *out)
{
	struct user_list u;
	struct recipient_list r;
	size_t i;

	if (user_load(st, &u) == -1)
		return -1;
	if (recipient_load(st, &r) == -1) {
		user_list_release(&u);
		return -1;
	}
	for (i = 0; i < u.n; i++)
		person_add(out, u.v[i].email, u.v[i].name);
	for (i = 0; i < r.n; i++)
		person_add(out, r.v[i].email, r.v[i].name);
	user_list_release(&u);
	recipient_list_release(&r);
	return 0;
}

static void
people_release(struct person_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].email);
		free(l->v[i].name);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const char *
dataset_person(const struct dataset *d, const char *email)
{
	const struct person *p = person_find(&d->people, email);

	return p != NULL && *p->name != '\0' ? p->name : NULL;
}

/* The first activity of d starting on or after day (d->acts.n if none). */
static size_t
first_from(const struct dataset *d, struct ymd day)
{
	size_t lo = 0, hi = d->acts.n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (util_ymd_cmp(d->acts.v[mid].start, day) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The range [*lo, *hi) of d's activities starting in f's year and month
 * (all of them when f has no year). */
static void
date_range(const struct dataset *d, const struct activity_filter *f,
    size_t *lo, size_t *hi)
{
	struct ymd from, to;

	*lo = 0;
	*hi = d->acts.n;
	if (f->year <= 0)
		return;
	from.y = f->year;
	from.m = f->month > 0 ? f->month : 1;
	from.d = 1;
	to = from;
	if (f->month > 0 && f->month < 12)
		to.m = f->month + 1;
	else {
		to.y = f->year + 1;
		to.m = 1;
	}
	*lo = first_from(d, from);
	*hi = first_from(d, to);
}

/* A filter's text is set when it has any (an empty one matches all). */
static int
set(const char *s)
{
	return s != NULL && *s != '\0';
}

/* 1 if f filters on more than the start's year and month. */
static int
filters_rows(const struct activity_filter *f)
{
	return f->status >= 0 || set(f->owner) || set(f->category) ||
	    set(f->country) || set(f->observance);
}

static int
has_owner(const struct activity *a, const char *email)
{
	size_t i;

	/* Addresses are ASCII (text_email_valid()). */
	for (i = 0; i < a->nowners; i++)
		if (strcasecmp(a->owners[i], email) == 0)
			return 1;
	return 0;
}

/* 1 if a matches f's filters other than the dates. */
static int
matches(const struct dataset *d, const struct activity_filter *f,
    const struct activity *a)
{
	const struct observance *o;

	if (f->status >= 0 && a->status != (enum activity_status)f->status)
		return 0;
	if (set(f->owner) && !has_owner(a, f->owner))
		return 0;
	if (set(f->category) && (a->category == NULL ||
	    strcmp(a->category, f->category) != 0))
		return 0;
	if (set(f->observance) && (a->observance == NULL ||
	    strcmp(a->observance, f->observance) != 0))
		return 0;
	/* The country: a partner, or the country of the occasion. */
	if (set(f->country) && !activity_has_country(a, f->country) &&
	    (a->observance == NULL || (o = obs_set_find(&d->set,
	    a->observance)) == NULL || strcmp(o->country, f->country) != 0))
		return 0;
	return 1;
}

size_t
dataset_activities(const struct dataset *d, const struct activity_filter *f,
    long offset, long limit, const struct activity **page, long *total)
{
	size_t i, lo, hi, n = 0;
	long k = 0;

	date_range(d, f, &lo, &hi);
	if (!filters_rows(f)) {
		*total = (long)(hi - lo);
		for (i = lo + (size_t)offset; i < hi && n < (size_t)limit; i++)
			page[n++] = &d->acts.v[i];
		return n;
	}
	for (i = lo; i < hi; i++) {
		if (!matches(d, f, &d->acts.v[i]))
			continue;
		if (k >= offset && n < (size_t)limit)
			page[n++] = &d->acts.v[i];
		k++;
	}
	*total = k;
	return n;
}

int
dataset_load(struct store *st, int what, struct dataset *d)
{
	memset(d, 0, sizeof(*d));
	if (store_load(st, -1, &d->set) == -1)
		return -1;
	if (((what & DATASET_ACTIVITIES) && activity_load(st,
	    what & DATASET_OWNERS, &d->acts) == -1) ||
	    store_load_groups(st, &d->groups) == -1 ||
	    plan_choice_load(st, &d->choices) == -1 ||
	    member_load(st, &d->members) == -1 ||
	    text_load(st, &d->texts) == -1 ||
	    ((what & DATASET_OWNERS) && people_load(st, &d->people) == -1)) {
		dataset_release(d);
		return -1;
	}
	return 0;
}

void
dataset_release(struct dataset *d)
{
	obs_set_release(&d->set);
	activity_list_release(&d->acts);
	group_set_release(&d->groups);
	plan_choice_list_release(&d->choices);
	member_list_release(&d->members);
	text_list_release(&d->texts);
	people_release(&d->people);
}

int
dataset_public_view(const struct dataset *d, struct dataset *view)
{
	size_t i;

	*view = *d;
	view->acts.v = xcalloc(d->acts.n + 1, sizeof(*view->acts.v));
	view->acts.n = 0;
	memset(&view->texts, 0, sizeof(view->texts));
	/* Who the owners are is the union's own business. */
	memset(&view->people, 0, sizeof(view->people));
	/* Shallow copies: the view owns only its array. */
	for (i = 0; i < d->acts.n; i++)
		if (d->acts.v[i].public == 1)
			view->acts.v[view->acts.n++] = d->acts.v[i];
	return view->acts.n < d->acts.n || d->texts.n > 0;
}

void
dataset_view_release(struct dataset *view)
{
	free(view->acts.v);
	memset(view, 0, sizeof(*view));
}

void
dataset_env(const struct dataset *d, const struct config *cfg, int year,
    struct select_env *env)
{
	struct buf b;

	memset(env, 0, sizeof(*env));
	env->rules = &cfg->rules;
	env->focus = cfg->focus;
	env->groups = &d->groups;
	env->year = year;
	buf_init(&b);
	select_partners(d->set.v, d->set.n, year, &b);
	env->partners = buf_detach(&b);
}

void
dataset_env_release(struct select_env *env)
{
	free(env->partners);
	env->partners = NULL;
}

int
dataset_occasion(const struct dataset *d, const struct config *cfg,
    struct lunar_cal *lunar, const char *key, struct ymd date,
    enum lang lang, struct buf *out)
{
	struct observance *o = obs_set_find(&d->set, key);
	struct occ_list l = { 0 };
	const struct occurrence *best = NULL;
	long day = util_days_from_civil(date.y, date.m, date.d), dist, bd = 0;
	size_t i;

	if (o == NULL)
		return -1;
	/* Half a year either side finds the one occurrence an activity is
	 * planned around; a row known only to the year has its own. */
	if (rules_occurrences(&cfg->rules, lunar, &o, 1, util_ymd_add_days(
	    date, -183), util_ymd_add_days(date, 183), &l) == -1)
		l.n = 0;
	if (l.n == 0)
		rules_undated(&o, 1, date.y, &l);
	for (i = 0; i < l.n; i++) {
		dist = labs(util_days_from_civil(l.v[i].date.y, l.v[i].date.m,
		    l.v[i].date.d) - day);
		if (best == NULL || dist < bd)
			best = &l.v[i], bd = dist;
	}
	if (best != NULL)
		rules_title(best, lang, out);
	occ_list_release(&l);
	return best != NULL ? 0 : -1;
}

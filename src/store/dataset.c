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

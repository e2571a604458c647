/*
 * Loading the dataset.  Each part is one query (owners and per-year dates
 * are joined in memory), so a rebuild of the site costs a handful of
 * statements whatever the number of rows.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dataset.h"

int
dataset_load(struct store *st, int what, struct dataset *d)
{
	memset(d, 0, sizeof(*d));
	if (store_load(st, -1, &d->set) == -1)
		return -1;
	if (((what & DATASET_ACTIVITIES) && activity_load(st,
	    what & DATASET_OWNERS, &d->acts) == -1) ||
	    store_load_groups(st, &d->groups) == -1) {
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

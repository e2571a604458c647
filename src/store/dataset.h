/*
 * The dataset: what every document, feed and page is built from, loaded
 * from the store in one go (observances with their per-year dates,
 * activities with their owners, group memberships, member organisations,
 * narrative sections), and the selector environment of a year.  The CLI, the server and the reminders all load
 * it this one way.
 */
#ifndef KYNIEM_DATASET_H
#define KYNIEM_DATASET_H

#include "activity.h"
#include "member.h"
#include "plan_choice.h"
#include "rules.h"
#include "select.h"
#include "store.h"
#include "texts.h"

struct config;

/* Someone an activity's owners name: an account's or a recipient's
 * address and name. */
struct person {
	char *email, *name;
};

struct person_list {
	struct person *v;
	size_t n;
};

struct dataset {
	struct obs_set set;		/* sorted by key */
	struct activity_list acts;	/* sorted by start */
	struct group_set groups;
	struct plan_choice_list choices;	/* staff's for the plans' 1.1 */
	struct member_list members;	/* in the union's order */
	struct text_list texts;		/* the narrative sections' current
					   versions (texts.h) */
	struct person_list people;	/* DATASET_OWNERS: the accounts, then
					   the other recipients */
};

/* What dataset_load() loads besides observances and groups. */
#define DATASET_ACTIVITIES	0x1
#define DATASET_OWNERS		0x2	/* and the activities' owners, and
					   who they are (people) */

/* Load it; 0, or -1 (logged) with d empty. */
int dataset_load(struct store *st, int what, struct dataset *d);
void dataset_release(struct dataset *d);

/* The name of the owner email (any case) in d's people, or NULL (none
 * loaded, or no one has the address).  Borrowed. */
const char *dataset_person(const struct dataset *d, const char *email);

/*
 * A page of the activities of d (loaded with DATASET_ACTIVITIES) that f
 * matches, in d's order (by start): offset of them skipped, at most limit
 * pointed to from page (borrowed from d); returns how many, and *total
 * how many match in all.  The web application's lists are pages of the
 * dataset its thread keeps: a year's range is found by bisection, so a
 * page deep in 100,000 activities reads only its own rows; the other
 * filters look at the rows of that range.
 */
size_t dataset_activities(const struct dataset *d,
    const struct activity_filter *f, long offset, long limit,
    const struct activity **page, long *total);

/*
 * Fill view with d as anyone may see it: only the activities marked
 * public (the public feeds and documents are made of it) and none of
 * the narrative texts (staff write them for the signed document).  The
 * view borrows everything from d: release it with
 * dataset_view_release(), never dataset_release().  Returns 1 if d has
 * an internal activity or a text (the view differs), else 0.
 */
int dataset_public_view(const struct dataset *d, struct dataset *view);
void dataset_view_release(struct dataset *view);

/*
 * Fill env for matching selectors in year: the config's milestone rules
 * and focus countries, the dataset's groups and the partners established
 * before year.  env borrows d and cfg and owns its partner list: release
 * it with dataset_env_release().
 */
void dataset_env(const struct dataset *d, const struct config *cfg,
    int year, struct select_env *env);
void dataset_env_release(struct select_env *env);

/*
 * Append the title of the occasion an activity is for, in lang: the
 * occurrence of observance key nearest to date ("Kỷ niệm 49 năm Quốc
 * khánh ... (2/12/1975 – 2/12/2024)"), so people read the occasion, never
 * its key.  Returns 0, or -1 (nothing appended) when no observance has
 * the key or it has no date near then.
 */
int dataset_occasion(const struct dataset *d, const struct config *cfg,
    struct lunar_cal *lunar, const char *key, struct ymd date,
    enum lang lang, struct buf *out);

#endif

/*
 * Staff's choices for section 1.1 of a year's plan: an occasion named in
 * it whatever its rank ("include"), or left to the appendix ("exclude"),
 * kept per year in the plan_choice table.  plan.c reads them from the
 * dataset (which loads them here); the CLI and the web application
 * write them here, checked against the observances alone.
 */
#ifndef KYNIEM_PLAN_CHOICE_H
#define KYNIEM_PLAN_CHOICE_H

#include <stddef.h>
#include <time.h>

struct store;

enum plan_choice { PLAN_CHOICE_NONE, PLAN_CHOICE_INCLUDE, PLAN_CHOICE_EXCLUDE };

struct plan_choice_row {
	int year;
	char *key;		/* an observance's key */
	enum plan_choice choice;
	char *who;		/* "cli:USER" or an account's address */
	time_t at;
};

struct plan_choice_list {
	struct plan_choice_row *v;
	size_t n;
};

/* Every choice of every year; 0, or -1 (logged) with *out empty. */
int plan_choice_load(struct store *st, struct plan_choice_list *out);
void plan_choice_list_release(struct plan_choice_list *l);

/* The choice for key in year, PLAN_CHOICE_NONE when there is none. */
enum plan_choice plan_choice_find(const struct plan_choice_list *l, int year,
    const char *key);

struct config;
struct lunar_cal;
struct obs_set;

/* 0 if key is an observance of set with a date in year, else 1 with
 * the reason in err. */
int plan_choice_check(const struct obs_set *set, const struct config *cfg,
    struct lunar_cal *lunar, int year, const char *key, char *err,
    size_t errlen);

/*
 * What the CLI and the web application call: check that key is an
 * observance of set with a date in year, then record choice c for it (or
 * forget it, c == PLAN_CHOICE_NONE) with an audit entry ("plan.include",
 * "plan.exclude", "plan.reset" on "plan:YEAR:KEY", the choice before it
 * as the table had it), in one transaction.  Returns 0; 1 with the
 * reason in err for a key that is not an observance or has no date in
 * year; -1 (logged).
 */
int plan_choice_apply(struct store *st, const struct obs_set *set,
    const struct config *cfg, struct lunar_cal *lunar, int year,
    const char *key, enum plan_choice c, const char *who, time_t now,
    char *err, size_t errlen);

#endif

/*
 * The plan_choice table: one row per year and observance that staff put
 * in section 1.1 or took out of it.  A handful of rows a year, so the
 * whole table is loaded with the dataset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "jsonw.h"
#include "plan_choice.h"
#include "store.h"
#include "util.h"

static const char *const names[] = { "", "include", "exclude" };

/* The choice's word in the table and the audit trail ("" for none). */
static const char *
plan_choice_name(enum plan_choice c)
{
	return (size_t)c < NELEM(names) ? names[c] : "";
}

static int
plan_choice_parse(const char *s, enum plan_choice *out)
{
	if (strcmp(s, "include") == 0)
		*out = PLAN_CHOICE_INCLUDE;
	else if (strcmp(s, "exclude") == 0)
		*out = PLAN_CHOICE_EXCLUDE;
	else
		return -1;
	return 0;
}

static void
row(sqlite3_stmt *stmt, void *elem)
{
	struct plan_choice_row *c = elem;
	const char *s = (const char *)sqlite3_column_text(stmt, 2);

	c->year = sqlite3_column_int(stmt, 0);
	c->key = store_column_dup(stmt, 1);
	if (s == NULL || plan_choice_parse(s, &c->choice) == -1)
		c->choice = PLAN_CHOICE_NONE;	/* the CHECK forbids it */
	c->who = store_column_dup(stmt, 3);
	c->at = (time_t)sqlite3_column_int64(stmt, 4);
}

int
plan_choice_load(struct store *st, struct plan_choice_list *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT year, observance_key,"
	    " choice, who, at FROM plan_choice ORDER BY year, observance_key");

	memset(out, 0, sizeof(*out));
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row) == -1) {
		plan_choice_list_release(out);
		return -1;
	}
	return 0;
}

void
plan_choice_list_release(struct plan_choice_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].who);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

enum plan_choice
plan_choice_find(const struct plan_choice_list *l, int year, const char *key)
{
	size_t i;

	for (i = 0; l != NULL && i < l->n; i++)
		if (l->v[i].year == year && strcmp(l->v[i].key, key) == 0)
			return l->v[i].choice;
	return PLAN_CHOICE_NONE;
}

/* Record (or replace) the choice for key in year. */
static int
plan_choice_set(struct store *st, int year, const char *key,
    enum plan_choice c, const char *who, time_t now)
{
	return store_exec(st, "INSERT INTO plan_choice"
	    " (year, observance_key, choice, who, at) VALUES (?1, ?2, ?3, ?4,"
	    " ?5) ON CONFLICT (year, observance_key) DO UPDATE SET"
	    " choice = excluded.choice, who = excluded.who, at = excluded.at",
	    STORE_INT(year), STORE_TEXT(key), STORE_TEXT(plan_choice_name(c)),
	    STORE_TEXT(who), STORE_INT(now));
}

/* Forget it: 1 when there was one, 0 when not, -1. */
static int
plan_choice_reset(struct store *st, int year, const char *key)
{
	sqlite3_stmt *stmt = store_stmt(st, "DELETE FROM plan_choice"
	    " WHERE year = ?1 AND observance_key = ?2",
	    STORE_INT(year), STORE_TEXT(key));

	if (store_step_done(st, stmt) == -1)
		return -1;
	return sqlite3_changes(store_db(st)) > 0;
}

/* 1 if obs has a date in year (or is known only to that year). */
static int
dated_in(const struct config *cfg, struct lunar_cal *lunar,
    struct observance *obs, int year)
{
	struct occ_list l = { 0 };
	int ret;

	if (rules_occurrences(&cfg->rules, lunar, &obs, 1,
	    (struct ymd){ year, 1, 1 }, (struct ymd){ year, 12, 31 }, &l) == -1)
		l.n = 0;
	if (l.n == 0)
		rules_undated(&obs, 1, year, &l);
	ret = l.n > 0;
	occ_list_release(&l);
	return ret;
}

/* {"choice":"include"}, or NULL for none. */
static char *
choice_json(enum plan_choice c)
{
	struct jsonw j;
	struct buf b;

	if (c == PLAN_CHOICE_NONE)
		return NULL;
	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "choice", plan_choice_name(c));
	jsonw_end(&j);
	return buf_detach(&b);
}

int
plan_choice_check(const struct obs_set *set, const struct config *cfg,
    struct lunar_cal *lunar, int year, const char *key, char *err,
    size_t errlen)
{
	struct observance *obs = obs_set_find(set, key);

	if (obs == NULL) {
		snprintf(err, errlen, "no observance has the key '%s'", key);
		return 1;
	}
	if (!dated_in(cfg, lunar, obs, year)) {
		snprintf(err, errlen, "'%s' has no date in %d", key, year);
		return 1;
	}
	return 0;
}

/* The choice the table holds for key in year: 0 and *c, or -1 (logged). */
static int
choice_get(struct store *st, int year, const char *key, enum plan_choice *c)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT choice FROM plan_choice"
	    " WHERE year = ?1 AND observance_key = ?2");
	const char *s;
	int rc;

	*c = PLAN_CHOICE_NONE;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 1, year);
	store_bind_text(stmt, 2, key);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(stmt, 0);
		if (s == NULL || plan_choice_parse(s, c) == -1)
			*c = PLAN_CHOICE_NONE;	/* the CHECK forbids it */
		rc = sqlite3_step(stmt);	/* one row: the key's */
	}
	return store_rows_done(st, stmt, rc);
}

int
plan_choice_apply(struct store *st, const struct obs_set *set,
    const struct config *cfg, struct lunar_cal *lunar, int year,
    const char *key, enum plan_choice c, const char *who, time_t now,
    char *err, size_t errlen)
{
	char *before = NULL, *after = NULL, *obj = NULL;
	enum plan_choice was;
	int ret = -1;

	if (plan_choice_check(set, cfg, lunar, year, key, err, errlen) != 0)
		return 1;
	after = choice_json(c);
	obj = xasprintf("plan:%d:%s", year, key);
	if (store_begin(st) == -1)
		goto done;
	if (choice_get(st, year, key, &was) == -1) {
		store_rollback(st);
		goto done;
	}
	before = choice_json(was);
	if ((c == PLAN_CHOICE_NONE ? plan_choice_reset(st, year, key) :
	    plan_choice_set(st, year, key, c, who, now)) == -1 ||
	    audit_add(st, who, c == PLAN_CHOICE_INCLUDE ? "plan.include" :
	    c == PLAN_CHOICE_EXCLUDE ? "plan.exclude" : "plan.reset", obj,
	    before, after, now) == -1) {
		store_rollback(st);
		goto done;
	}
	if (store_commit(st) == -1)
		goto done;
	ret = 0;
done:
	free(before);
	free(after);
	free(obj);
	return ret;
}

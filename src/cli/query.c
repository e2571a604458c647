/*
 * Listing queries: load the dataset, compute occurrences in a range, keep
 * the ones the selector matches, print them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dataset.h"
#include "log.h"
#include "lunar.h"
#include "query.h"

void
query_init(struct query *q, enum lang lang)
{
	memset(q, 0, sizeof(*q));
	buf_init(&q->terms);
	q->lang = lang;
	q->fmt = OUT_TEXT;
}

void
query_release(struct query *q)
{
	free(q->expr);
	buf_release(&q->terms);
	select_release(&q->sel);
}

/* Check one term now, so the error names the option. */
static int
add_term(struct query *q, const char *opt, const char *term)
{
	struct selector one;
	char err[200];

	if (select_parse(term, &one, err, sizeof(err)) == -1) {
		log_warnx("%s: %s", opt, err);
		return -1;
	}
	select_release(&one);
	buf_printf(&q->terms, "+%s", term);
	return 0;
}

int
query_option(struct query *q, int ch, const char *arg)
{
	char term[96];

	switch (ch) {
	case 'C':
		snprintf(term, sizeof(term), "country:%.80s", arg);
		return add_term(q, "--country", term);
	case 'f':
		if (output_parse_format(arg, &q->fmt) == -1) {
			log_warnx("--format must be text, csv or json, not "
			    "'%s'", arg);
			return -1;
		}
		return 0;
	case 'k':
		if (rules_kind_parse(arg) < 0) {
			log_warnx("--kind: unknown kind '%s' (relation, "
			    "partnership, national-day, commemoration, "
			    "festival, new-year, local)", arg);
			return -1;
		}
		snprintf(term, sizeof(term), "kind:%.80s", arg);
		return add_term(q, "--kind", term);
	case 'l':
		if (output_parse_lang(arg, &q->lang) == -1) {
			log_warnx("--lang must be vi or en, not '%s'", arg);
			return -1;
		}
		return 0;
	case 'm':
		return add_term(q, "--milestones", "milestone");
	case 'S':
		free(q->expr);
		q->expr = xstrdup(arg);
		return 0;
	}
	return 1;
}

int
query_compile(struct query *q)
{
	char err[200], *term, *save = NULL, *copy;

	select_release(&q->sel);
	if (q->expr == NULL)
		select_everything(&q->sel);
	else if (select_parse(q->expr, &q->sel, err, sizeof(err)) == -1) {
		log_warnx("--select: %s", err);
		return -1;
	}
	if (q->terms.len == 0)
		return 0;
	copy = xstrdup(q->terms.data);
	for (term = strtok_r(copy, "+", &save); term != NULL;
	    term = strtok_r(NULL, "+", &save))
		if (select_and(&q->sel, term, err, sizeof(err)) == -1)
			fatal("query term '%s': %s", term, err);
	free(copy);
	return 0;
}

int
query_print(struct store *st, const struct config *cfg,
    struct lunar_cal *lunar, const struct query *q, struct ymd from,
    struct ymd to, FILE *out)
{
	struct dataset d;
	struct select_env env;
	struct occ_list all = { 0 };
	size_t i, keep = 0;
	int ret = -1;

	if (dataset_load(st, 0, &d) == -1)
		return -1;
	dataset_env(&d, cfg, from.y, &env);
	/* From a month back: a row known to the month is listed while its
	 * month lasts, though its 1st has passed. */
	if (rules_occurrences(&cfg->rules, lunar, d.set.v, d.set.n,
	    util_ymd_add_days(from, -31), to, &all) == -1) {
		log_warnx("a lunar date is outside %d-%d", LUNAR_MIN_YEAR,
		    LUNAR_MAX_YEAR);
		goto done;
	}
	for (i = 0; i < all.n; i++) {
		env.year = all.v[i].date.y;
		if (util_ymd_cmp(rules_last_day(&all.v[i]), from) >= 0 &&
		    select_match(&q->sel, &env, &all.v[i]) >= 0)
			all.v[keep++] = all.v[i];
	}
	all.n = keep;
	output_occurrences(out, &all, q->lang, q->fmt);
	ret = fflush(out) == 0 ? 0 : -1;
	if (ret == -1)
		log_warn("cannot write output");
done:
	occ_list_release(&all);
	dataset_env_release(&env);
	dataset_release(&d);
	return ret;
}

/*
 * Listing queries: load observances, compute occurrences in a range, keep
 * the ones the options ask for, print them.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "lunar.h"
#include "query.h"
#include "store.h"

void
query_init(struct query *q, const struct app *app)
{
	memset(q, 0, sizeof(*q));
	q->kind = -1;
	q->lang = app->cfg->lang;
	q->fmt = OUT_TEXT;
}

int
query_option(struct query *q, int ch, const char *arg)
{
	switch (ch) {
	case 'C':
		if (strlen(arg) != 2) {
			log_warnx("--country: '%s' is not an ISO code like JP",
			    arg);
			return -1;
		}
		q->country = arg;
		return 0;
	case 'f':
		if (output_parse_format(arg, &q->fmt) == -1) {
			log_warnx("--format must be text, csv or json, not "
			    "'%s'", arg);
			return -1;
		}
		return 0;
	case 'k':
		if ((q->kind = rules_kind_parse(arg)) < 0) {
			log_warnx("--kind: unknown kind '%s' (relation, "
			    "partnership, national-day, commemoration, "
			    "festival, new-year, local)", arg);
			return -1;
		}
		return 0;
	case 'l':
		if (output_parse_lang(arg, &q->lang) == -1) {
			log_warnx("--lang must be vi or en, not '%s'", arg);
			return -1;
		}
		return 0;
	case 'm':
		q->milestones = 1;
		return 0;
	}
	return 1;
}

static int
wanted(const struct app *app, const struct query *q,
    const struct occurrence *oc)
{
	if (q->country != NULL && strcmp(oc->obs->country, q->country) != 0)
		return 0;
	if (q->milestones && !rules_is_milestone(&app->cfg->rules, oc))
		return 0;
	return 1;
}

int
query_print(struct app *app, const struct query *q, struct ymd from,
    struct ymd to)
{
	struct obs_set set;
	struct occ_list all = { 0 }, keep = { 0 };
	size_t i;
	int ret = -1;

	if (store_load(app->store, q->kind, &set) == -1)
		return -1;
	if (rules_occurrences(&app->cfg->rules, set.v, set.n, from, to,
	    &all) == -1) {
		log_warnx("a lunar date is outside %d-%d", LUNAR_MIN_YEAR,
		    LUNAR_MAX_YEAR);
		goto done;
	}
	keep.v = all.v;
	for (i = 0; i < all.n; i++)
		if (wanted(app, q, &all.v[i]))
			all.v[keep.n++] = all.v[i];
	output_occurrences(stdout, &keep, q->lang, q->fmt);
	ret = fflush(stdout) == 0 ? 0 : -1;
	if (ret == -1)
		log_warn("cannot write output");
done:
	occ_list_release(&all);
	obs_set_release(&set);
	return ret;
}

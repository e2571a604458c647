/*
 * A listing query: which occurrences a command asks for (kind, country,
 * milestones only) and how to print them.  Shared by `anniversaries` and
 * `upcoming` so their options mean the same.
 */
#ifndef KYNIEM_QUERY_H
#define KYNIEM_QUERY_H

#include "output.h"
#include "rules.h"

struct app;

struct query {
	int kind;		/* -1 = every kind */
	const char *country;	/* NULL = any */
	int milestones;		/* only classes that count for their kind */
	enum lang lang;
	enum out_format fmt;
};

/* Defaults from the app's config. */
void query_init(struct query *q, const struct app *app);

/*
 * Apply one getopt_long result (the options named in QUERY_OPTIONS);
 * returns 0, 1 if ch is not a query option, or -1 (logged) for a bad value.
 */
int query_option(struct query *q, int ch, const char *arg);

/* getopt_long entries for --milestones --kind --country --lang --format. */
#define QUERY_OPTIONS \
	{ "country", required_argument, NULL, 'C' }, \
	{ "format", required_argument, NULL, 'f' }, \
	{ "kind", required_argument, NULL, 'k' }, \
	{ "lang", required_argument, NULL, 'l' }, \
	{ "milestones", no_argument, NULL, 'm' }

/* Compute, filter and print the occurrences in [from, to]; 0 or -1. */
int query_print(struct app *app, const struct query *q, struct ymd from,
    struct ymd to);

#endif

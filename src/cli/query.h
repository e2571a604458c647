/*
 * A listing query: which occurrences a command asks for (a selector built
 * from --kind, --country, --milestones and --select) and how to print
 * them.  Shared by `anniversaries` and `upcoming` so their options mean
 * the same.
 */
#ifndef KYNIEM_QUERY_H
#define KYNIEM_QUERY_H

#include <stdio.h>

#include "output.h"
#include "rules.h"
#include "select.h"
#include "util.h"

struct config;
struct lunar_cal;
struct store;

struct query {
	char *expr;		/* --select, NULL = everything */
	struct buf terms;	/* the other options as "+term" */
	struct selector sel;	/* compiled by query_compile() */
	enum lang lang;
	enum out_format fmt;
};

/* Defaults: every occurrence, text in lang. */
void query_init(struct query *q, enum lang lang);
void query_release(struct query *q);

/*
 * Apply one getopt_long result (the options named in QUERY_OPTIONS);
 * returns 0, 1 if ch is not a query option, or -1 (logged) for a bad value.
 */
int query_option(struct query *q, int ch, const char *arg);
/* Compile the options into q->sel once they are all read; 0 or -1. */
int query_compile(struct query *q);

/* getopt_long entries for --milestones --kind --country --lang --format
 * --select. */
#define QUERY_OPTIONS \
	{ "country", required_argument, NULL, 'C' }, \
	{ "format", required_argument, NULL, 'f' }, \
	{ "kind", required_argument, NULL, 'k' }, \
	{ "lang", required_argument, NULL, 'l' }, \
	{ "milestones", no_argument, NULL, 'm' }, \
	{ "select", required_argument, NULL, 'S' }

/* Compute, filter and print to out the occurrences in [from, to]; 0 or
 * -1 (logged). */
int query_print(struct store *st, const struct config *cfg,
    struct lunar_cal *lunar, const struct query *q, struct ymd from,
    struct ymd to, FILE *out);

#endif

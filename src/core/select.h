/*
 * Selectors: which observances (and which of their yearly occurrences) a
 * feed, a plan section, a recipient, a listing or a page means.  A
 * selector is parsed once (at config load, from an option or a form) into
 * a compiled form that every user matches the same way.
 *
 * Syntax: a comma list of alternatives; an alternative is terms joined by
 * '+', all of which must hold; '!' before a term negates it; a term's
 * values are joined by '|' (any of them):
 *   kind:K        relation, partnership, national-day, commemoration,
 *                 festival, new-year, local
 *   country:CC    ISO 3166-1 alpha-2
 *   tag:T         a tag of the row
 *   key:KEY       one observance
 *   group:G       the country belongs to group G (asean) in the year
 *   asean         group:asean
 *   focus         a focus country of the union ([organisation])
 *   partner       a strategic or comprehensive strategic partner before
 *                 the year
 *   milestone     the year is a milestone for its kind ([milestones])
 *   class:C       the milestone class: round, decade, jubilee
 *   confidence:C  confirmed, single-source, recalled
 *   precision:P   how well the date is known: day, month, year
 *   all           every observance
 * "milestones" is accepted for "milestone" (recipients' follows lists).
 */
#ifndef KYNIEM_SELECT_H
#define KYNIEM_SELECT_H

#include <stddef.h>

#include "rules.h"

struct group_set;

enum sel_type {
	SEL_ALL, SEL_KIND, SEL_COUNTRY, SEL_TAG, SEL_KEY, SEL_GROUP,
	SEL_FOCUS, SEL_PARTNER, SEL_MILESTONE, SEL_CLASS, SEL_CONFIDENCE,
	SEL_PRECISION
};

struct sel_term {
	enum sel_type type;
	int neg;
	unsigned mask;		/* kind, class, confidence, precision */
	char **vals;		/* country, tag, key, group */
	size_t nvals;
};

struct sel_alt {
	struct sel_term *t;
	size_t n;		/* 0 terms: the alternative always holds */
};

/* No alternative matches nothing; see select_everything(). */
struct selector {
	struct sel_alt *v;
	size_t n;
};

/* What matching needs besides the occurrence; every pointer borrowed. */
struct select_env {
	const struct rules_opts *rules;	/* which classes count per kind */
	const char *focus;		/* ",LA,KH," or NULL: none */
	char *partners;			/* ",CN,JP," or NULL: none */
	const struct group_set *groups;	/* NULL: none */
	int year;			/* for group and partner */
};

/*
 * Parse text into *out (initialised here).  "" gives a selector that
 * matches nothing.  Returns 0, or -1 with a reason in err (naming the
 * bad term) and *out empty.
 */
int select_parse(const char *text, struct selector *out, char *err,
    size_t errlen);
void select_release(struct selector *s);

/* A selector with one empty alternative: matches everything. */
void select_everything(struct selector *s);

/*
 * Add the term text ("kind:relation|national-day", "!focus") to every
 * alternative of s: "and also".  Returns 0, or -1 with a reason in err.
 */
int select_and(struct selector *s, const char *term, char *err,
    size_t errlen);

/*
 * The index of the first alternative of s that oc satisfies, or -1.
 * Occurrence terms (milestone, class) see oc->n; with oc->n == 0 they do
 * not hold.
 */
int select_match(const struct selector *s, const struct select_env *env,
    const struct occurrence *oc);

/* The same for an observance without a year (milestone terms fail). */
int select_match_obs(const struct selector *s, const struct select_env *env,
    const struct observance *obs);

/*
 * The strategic and comprehensive strategic partners established before
 * year, as ",CN,JP," appended to out (plans are written in December for
 * the year ahead).
 */
void select_partners(struct observance *const *obs, size_t nobs, int year,
    struct buf *out);

#endif

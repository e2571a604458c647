/*
 * How much a year's milestone matters to the union, for section 1.1 of
 * the plan: points for the milestone's class (decade above round,
 * jubilee above both), for a focus country of the config, for the
 * country's partnership with Vietnam and for the union's own record (its
 * activities for that occasion or country in any year).  plan.c puts the
 * best ones in 1.1 and the rest in an appendix.
 */
#ifndef KYNIEM_RANK_H
#define KYNIEM_RANK_H

#include "util.h"

struct buf;
struct dataset;
struct occurrence;

/* Points of each part, as shipped (documented in kyniem.conf(5)). */
#define RANK_ROUND		10
#define RANK_DECADE		20
#define RANK_JUBILEE		30
#define RANK_FOCUS		30
#define RANK_COMPREHENSIVE	10
#define RANK_STRATEGIC		15
#define RANK_COMP_STRATEGIC	20
#define RANK_ACTIVITY		10	/* per activity of the record */
#define RANK_RECORD_MAX		30

/* One milestone's score and its parts. */
struct rank {
	int score;
	int cls, focus, level, record;
	const char *level_name;	/* "strategic"..., NULL when none */
	int nacts;		/* activities of the record */
};

/*
 * Score oc for the plan of year: focus is the config's ",LA,KH," list
 * (NULL: none); the partnership levels and the record come from d
 * (partnerships established before year; activities not cancelled).
 */
void rank_score(const struct dataset *d, const char *focus, int year,
    const struct occurrence *oc, struct rank *out);

/* Append why, in lang: "25 điểm: năm chẵn 10, đối tác chiến lược 15". */
void rank_explain(const struct rank *r, enum lang lang, struct buf *out);

#endif

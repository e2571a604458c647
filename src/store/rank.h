/*
 * How much a year's milestone matters to the union, for section 1.1 of
 * the plan and the web dashboard: points for the milestone's class
 * (decade above round, jubilee above both), for a focus country of the
 * config, for a date of the union's own (a local one, or one tagged with
 * its province: Yersin for Khánh Hòa), for the country's partnership with
 * Vietnam and for the union's own record (its activities for that
 * occasion or country in any year).  plan.c puts the best ones in 1.1 and
 * the rest in an appendix; the dashboard lists them best first; the
 * union's feed keeps the best of a crowded day.  In store/ (it needs the
 * dataset only) so that feed/ and paper/ share it.
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
#define RANK_OWN		30
#define RANK_COMPREHENSIVE	10
#define RANK_STRATEGIC		15
#define RANK_COMP_STRATEGIC	20
#define RANK_ACTIVITY		10	/* per activity of the record */
#define RANK_RECORD_MAX		30

/* One milestone's score and its parts. */
struct rank {
	int score;
	int cls, focus, own, level, record;
	const char *level_name;	/* "strategic"..., NULL when none */
	int nacts;		/* activities of the record */
};

/* Who ranks: the union's focus countries and its own dates. */
struct rank_union {
	const char *focus;	/* the config's ",LA,KH,"; NULL: none */
	const char *tag;	/* the province as the calendars tag it
				   ("khanh-hoa"); NULL or "": none */
};

/*
 * Score oc for the plan of year as u ranks it; the partnership levels
 * and the record come from d (partnerships established before year;
 * activities not cancelled).
 */
void rank_score(const struct dataset *d, const struct rank_union *u,
    int year, const struct occurrence *oc, struct rank *out);

/*
 * Order two scored milestones best first: the score, then what is the
 * union's own (focus, own date, partner, record) over the class, then
 * the bigger anniversary, then the date, then the key.  qsort-like.
 */
int rank_cmp(const struct rank *ra, const struct occurrence *a,
    const struct rank *rb, const struct occurrence *b);

/* Append why, in lang: "25 điểm: năm chẵn 10, đối tác chiến lược 15". */
void rank_explain(const struct rank *r, enum lang lang, struct buf *out);

#endif

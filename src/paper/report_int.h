/*
 * What the report's files share: the words of each language, where each
 * activity of the year goes, and the sentence one activity makes
 * (report_line.c).  report.c writes the sections, report_check.c the
 * list of what staff look at before printing.
 */
#ifndef KYNIEM_REPORT_INT_H
#define KYNIEM_REPORT_INT_H

#include "activity.h"
#include "report.h"
#include "rules.h"

/* Where an activity of the year goes in section II. */
enum slot {
	SLOT_OUT,		/* the union's delegations abroad */
	SLOT_IN,		/* and received */
	SLOT_MILESTONE,		/* 2.1, under its milestone */
	SLOT_ANNIV,		/* 2.1, other anniversaries */
	SLOT_ANNUAL,		/* 2.2 */
	SLOT_LETTER,		/* 2.3 */
	SLOT_CATEGORY,		/* its category's section */
	SLOT_MEMBER,		/* the members' section */
	SLOT_OTHER		/* no category: with "other", or on its own */
};

struct report_item {
	const struct activity *a;
	enum slot slot;
	size_t milestone;	/* SLOT_MILESTONE: index into ms */
	int planned;		/* still to come: said as planned */
};

/* A milestone of the year and how many activities it has. */
struct report_ms {
	const struct occurrence *oc;
	int score;		/* rank.c's: the order of 2.1 */
	int own;		/* the union's activities in 2.1 */
	int any;		/* any live activity, members' and planned too */
};

/* The year's figures, done activities only. */
struct report_tally {
	int own, members;	/* done, by the union and by members */
	int out, in, letters;	/* the union's own */
	long people;		/* summed over those that say */
	int with_people;	/* how many say */
	int countries;
};

/* One currency's aid. */
struct report_aid {
	char currency[8];
	long amount;
	int n;			/* activities that carry it */
};

/* The report being made. */
struct report_ctx {
	const struct plan_input *in;
	struct doc *doc;
	const char *who;	/* the union in sentences */
	struct occ_list occ, undated;
	struct report_ms *ms;
	size_t nms;
	struct report_item *items;
	size_t nitems;
	struct report_tally n;
	struct report_aid *aid;
	size_t naid;
	struct buf countries;	/* ",JP,US," */
	int h1;			/* first-level headings so far */
};

/* The report's terms, each once in report.c's table: Vietnamese as the
 * reports write it, then English.  The headings of the narrative
 * sections are texts.c's. */
enum report_word {
	RW_KIND, RW_TITLE, RW_AND_PLAN, RW_H1_RESULTS, RW_H1_ASSESSMENT,
	RW_DIRECTION, RW_UNION_DEFAULT,
	RW_DELEG_H, RW_DELEG_OUT, RW_DELEG_IN, RW_DELEG_BOTH, RW_OUT, RW_IN,
	RW_UNIT, RW_PEACE_H, RW_MILESTONES_H, RW_ON_OCCASION, RW_DID,
	RW_OTHER_ANNIV, RW_ANNUAL_H, RW_LETTERS_H, RW_LETTERS_SUM,
	RW_LETTER_UNIT, RW_MEMBERS_H, RW_ASSOC_H, RW_UNITS_H, RW_OTHER_H,
	RW_AID_ONE, RW_AID_SUM, RW_AID_AND,
	RW_RESULTS_SUM, RW_RESULTS_MEMBERS, RW_RESULTS_PEOPLE,
	RW_RESULTS_SOME, RW_RESULTS_COUNTRIES,
	RW_ENDING,
	/* The sentence of an activity. */
	RW_AT, RW_BY, RW_WITH, RW_PEOPLE, RW_PLANNED, RW_PLANNED_UNDATED,
	RW_VND,
	/* The leading verbs a list's lead already says, longest first;
	 * NULL where the language has no more. */
	RW_VERB1, RW_VERB2,
	RW_COUNT
};

/* Term id in the report's language. */
const char *report_word(const struct report_ctx *c, enum report_word id);

/* Flags of report_line(). */
#define LINE_NO_STOP	0x1	/* no final period: an item of a list */
#define LINE_NO_VERB	0x2	/* drop a leading "Tham dự": the list's lead
				 * says it */

/*
 * The sentence of activity a (planned: still to come) into out: staff's
 * report_text as written, or its title with the place, the organiser,
 * the partners and the number of people where the title does not say
 * them already, the date when the activity has one (not a year's span),
 * and the result unless it repeats the title.  No labels.
 */
void report_line(const struct report_ctx *c, const struct activity *a,
    int planned, int flags, struct buf *out);

/* n as the reports count: "01" (two digits at least) in Vietnamese,
 * "1" in English, into s. */
const char *report_num(const struct report_ctx *c, char *s, size_t len,
    long n);

/* Append an amount of money: "149.814 USD", "1.060.000.000 đồng". */
void report_money(const struct report_ctx *c, long amount,
    const char *currency, struct buf *out);

/* The letters one letter activity stands for: one to each organisation
 * among its partners, one when it names none. */
int report_letters_in(const struct activity *a);

/*
 * Gather what the report of in->year is made of into c (zeroed first):
 * the year's milestones ranked as the plan ranks them, every live
 * activity of the year in its slot (done ones, and planned ones still to
 * come), the figures and the aid.  0, or -1 (logged); release c with
 * report_ctx_release() in both cases.
 */
int report_collect(struct report_ctx *c, const struct plan_input *in);
void report_ctx_release(struct report_ctx *c);

#endif

/*
 * What plan.c shares with plan_appendix.c (the month-by-month appendix):
 * the build context, the texts and the block helpers.  Private to the
 * plan service; other modules include plan.h.
 */
#ifndef KYNIEM_PLAN_INT_H
#define KYNIEM_PLAN_INT_H

#include "config.h"
#include "dataset.h"
#include "plan.h"
#include "rank.h"
#include "select.h"
#include "util.h"

/* Sections with a mapping, in the order of config.plan_sel. */
enum { S_1_1 = PLAN_S_1_1, S_1_2 = PLAN_S_1_2, S_1_3 = PLAN_S_1_3,
    S_1_4 = PLAN_S_1_4, S_3 = PLAN_S_3, S_COUNT = PLAN_S_COUNT };

extern const char *const plan_section_label[S_COUNT];

/* One occurrence and where it goes. */
struct placed {
	const struct occurrence *oc;
	int section;		/* S_1_1..S_1_4, -1 = appendix only */
	int group;		/* selector that matched */
	int in3, group3;	/* also named in section 3 */
	struct buf acts;	/* planned activities, "; "-separated */
	int nacts;
	int in11;		/* S_1_1: named in 1.1, else the appendix */
};

struct ctx {
	const struct plan_input *in;
	struct plan_doc *doc;
	const struct selector *map;	/* cfg->plan_sel */
	struct select_env env;
	struct rank_union who;	/* the union, as rank.c scores for it */
	struct occ_list occ;
	struct placed *pl;
	struct occ_list undated;	/* rows known only to the year */
	int *un11;		/* per undated row: named in 1.1 */
	int *uncand;		/* per undated row: a candidate of 1.1 */
	char year[8];		/* the year as text */
};

/* The texts of the document in each language. */
struct words {
	const char *kind, *title, *others_h, *others_intro, *why,
	    *label_other, *draft[2], *h1[4], *h2[4], *empty, *activity,
	    *blank, *letters, *ngo[3], *info_rel, *info_other, *info_news,
	    *other[2], *appendix, *cols[5], *no_dates, *month[12],
	    *undated_intro, *undated_h, *day_unknown;
};

/* The texts of lang. */
const struct words *plan_words(enum lang lang);

/* A block of type at level with a copy of text (may be NULL). */
struct plan_block *plan_block_add(struct plan_doc *d,
    enum plan_block_type type, int level, const char *text);
/* A block whose text is the strings given, up to a NULL, joined. */
void plan_block_cat(struct plan_doc *d, enum plan_block_type type,
    int level, ...);

/* An activity as the plan names it, its note, and whether it belongs to
 * one of the occurrences placed. */
void plan_activity_text(const struct activity *a, enum lang lang,
    struct buf *out);
void plan_note_text(const struct ctx *c, const struct observance *o,
    struct buf *out);
int plan_linked(const struct ctx *c, const struct activity *a);

/* 1 if a takes place (in part) in year. */
int plan_activity_in_year(const struct activity *a, int year);

/* The rows of the year's occurrences and activities, then the appendix:
 * every row of the year by month and those whose day is not known
 * (plan_appendix.c). */
void plan_add_rows(struct ctx *c);
void plan_build_appendix(struct ctx *c);

#endif

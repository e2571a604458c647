/*
 * The year-end report ("Báo cáo kết quả công tác đối ngoại nhân dân năm
 * YYYY"): report.c reads the year's recorded activities, the year's
 * milestones from the rules engine and next year's plan, and writes them
 * as a document (doc.h) in the reports' structure: I. the context, II.
 * the results by category, III. the assessment with the year's counts,
 * IV. next year's plan; the narrative sections are staff's (texts.h),
 * each left out with its heading while it is not written.  doc.c
 * renders it.
 */
#ifndef KYNIEM_REPORT_H
#define KYNIEM_REPORT_H

#include <time.h>

#include "doc.h"
#include "plan.h"
#include "util.h"

struct plan_input;

/* The year's figures, as section III states them: done activities. */
struct report_counts {
	int done;		/* the union's and its members' */
	int own, members;	/* of them, the union's and the members' */
	int out, in;		/* the union's delegations abroad, received */
	int letters;		/* letters sent (category letter, done) */
	long participants;	/* people, over the activities that say */
	int with_participants;	/* how many say */
	int countries;		/* distinct partner countries */
};

/*
 * Build the report of in->year into *out (free with doc_free()) and its
 * figures into *counts (may be NULL).  It is made from what the year's
 * plan is (plan.h): the dataset loaded with its activities and members,
 * and today for the date line and next year's draft.  The done
 * activities, and those planned after today said as planned; cancelled
 * ones and milestones without activity are left out (report_check()
 * lists the latter for staff).  The caller checks the year first
 * (report_year_ok()).  Returns 0, or -1 (logged).
 */
int report_build(const struct plan_input *in, struct doc **out,
    struct report_counts *counts);

/*
 * 1 if a report of in->year can be made on in->today: not for a year
 * still to come, nor for one before the first year of the recorded
 * activities (*first; today's year when there is none).  0 if not.
 */
int report_year_ok(const struct plan_input *in, int *first);

/* What the checklist "Trước khi in báo cáo" names, kind by kind. */
enum report_gap_kind {
	REPORT_GAP_MILESTONE,	/* a milestone of the year, no activity */
	REPORT_GAP_RESULT,	/* a done activity without a result */
	REPORT_GAP_DATE,	/* a done activity without a day */
	REPORT_GAP_STALE,	/* planned, its day passed, still planned */
	REPORT_GAP_SECTION	/* a narrative section not written */
};

struct report_gap {
	enum report_gap_kind kind;
	long activity;		/* its id (RESULT, DATE, STALE), else 0 */
	char *key;		/* the observance's or the section's, or NULL */
	char *text;		/* what the line says */
};

struct report_gaps {
	struct report_gap *v;	/* by kind, then in the report's order */
	size_t n;
};

/*
 * What staff look at before the report of in->year is printed, kind by
 * kind.  0, or -1 (logged); release out with report_gaps_release()
 * either way.
 */
int report_check(const struct plan_input *in, struct report_gaps *out);
void report_gaps_release(struct report_gaps *l);
/* The heading of a kind's list, in lang. */
const char *report_gap_heading(enum report_gap_kind kind, enum lang lang);

struct sign_key;

/*
 * The union's year record of in->year (doc/record-format.md) into out:
 * the done activities with the report's sentence for each, the figures
 * as the report counts them, the milestones marked and next year's as
 * the plan names them; in Vietnamese, made at now by kyniem version.
 * Signed over its canonical bytes with key, unless key is NULL.  0, or
 * -1 (logged: no [organisation] id, or a failure).
 */
int report_record(const struct plan_input *in, const struct sign_key *key,
    time_t now, const char *version, struct buf *out);

/* The file name a person saves: "bao-cao-2023.docx" ("report-2023.docx"
 * in English); the caller frees. */
char *report_filename(int year, enum doc_format fmt, enum lang lang);

#endif

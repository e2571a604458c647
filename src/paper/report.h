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

#include "doc.h"
#include "plan.h"
#include "util.h"

struct plan_input;

/* The year's figures, as section III states them. */
struct report_counts {
	int done;		/* activities done in the year, letters too */
	int out, in;		/* delegations abroad and received */
	int letters;		/* letters sent (category letter, done) */
	long participants;	/* people, summed over the done activities */
	int countries;		/* distinct partner countries */
	int milestones;		/* milestones of the year */
	int unmarked;		/* of them, with no done activity */
};

/*
 * Build the report of in->year into *out (free with doc_free()) and its
 * figures into *counts (may be NULL).  It is made from what the year's
 * plan is (plan.h): the dataset loaded with its activities, and today for
 * the date line and next year's draft.  Done activities only: planned
 * ones are not results, cancelled ones are left out; a milestone of the
 * year with no done activity is listed for staff to decide on.  Returns
 * 0, or -1 (logged).
 */
int report_build(const struct plan_input *in, struct doc **out,
    struct report_counts *counts);

/* The file name a person saves: "bao-cao-2023.docx" ("report-2023.docx"
 * in English); the caller frees. */
char *report_filename(int year, enum doc_format fmt, enum lang lang);

#endif

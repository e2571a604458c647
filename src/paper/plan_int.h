/*
 * What the plan's files share: its words and the few texts the sections
 * (plan.c) and the calendar (plan_appendix.c) both write.  Private to
 * the plan service; other modules include plan.h.
 */
#ifndef KYNIEM_PLAN_INT_H
#define KYNIEM_PLAN_INT_H

#include "config.h"
#include "dataset.h"
#include "plan.h"
#include "util.h"

/* Sections with a mapping, in the order of config.plan_sel. */
enum { S_1_1 = PLAN_S_1_1, S_1_2 = PLAN_S_1_2, S_1_3 = PLAN_S_1_3,
    S_1_4 = PLAN_S_1_4, S_3 = PLAN_S_3, S_COUNT = PLAN_S_COUNT };

extern const char *const plan_section_label[S_COUNT];

/* The texts of the plan in one language. */
struct plan_words {
	const char *kind, *title, *others_h, *others_intro, *why;
	const char *label_other, *draft[2], *h1[4], *h2[4], *empty;
	const char *activity, *blank, *letters, *ngo[3], *info_rel;
	const char *info_other, *info_news, *other[2], *appendix, *cols[5];
	const char *no_dates, *month[12], *undated_intro, *undated_h;
	const char *day_unknown;
};

/* The texts of lang. */
const struct plan_words *plan_words(enum lang lang);

/* "Hội thao (14/4/2024, Nha Trang)": an activity as the plan names it. */
void plan_activity_text(const struct activity *a, enum lang lang,
    struct buf *out);
/* The activities of pl, "; "-separated, as the plan names them. */
void plan_acts_text(const struct plan_place *pl, enum lang lang,
    struct buf *out);
/* A row's note as the reports would add it: "Lưu ý: ...". */
void plan_note_text(enum lang lang, const struct observance *o,
    struct buf *out);

/* 1 if a takes place (in part) in year and is not cancelled. */
int plan_activity_in_year(const struct activity *a, int year);

#endif

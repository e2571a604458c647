/*
 * What the plan's files share: its words and the few texts the plan
 * (plan.c) and its calendar (plan_appendix.c) both write.  Private to
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

/* The [plan] mapping's names of its sections, as the CSV labels rows. */
extern const char *const plan_section_label[S_COUNT];

/* The areas of part II. */
enum { AREA_PEACE, AREA_NGO, AREA_INFO, AREA_OTHER, AREA_COUNT };

/*
 * The plan's terms, each once in plan.c's table: Vietnamese, then
 * English.  The parts (I. Mục đích, yêu cầu ...), the areas of part II
 * in AREA_ order, its subsections in PLAN_SLOT_ order, the appendix's
 * columns and the months run in order.  An occasion without activities
 * is PW_MARK_ANNIV and "kỷ niệm ..." or PW_MARK_OCCASION and its title;
 * with them, PW_WITH_ANNIV or PW_WITH_OCCASION, then ": " and the
 * activities.  IV says PW_BUDGET, then " (3", PW_BUDGET_OF, "7",
 * PW_BUDGET_SOME, ")" when not all have one, and PW_BUDGET_LIST.
 */
enum plan_word {
	PW_KIND, PW_TITLE, PW_FILENAME, PW_PART_PURPOSE,
	PW_PART_CONTENT, PW_PART_IMPLEMENTATION, PW_PART_BUDGET,
	PW_AREA_PEACE, PW_AREA_NGO, PW_AREA_INFO, PW_AREA_OTHER,
	PW_SUB_MILESTONES, PW_SUB_ASEAN, PW_SUB_OVERSEAS, PW_SUB_ANNUAL,
	PW_SUB_LETTERS, PW_SUB_DELEGATIONS, PW_MARK_ANNIV,
	PW_MARK_OCCASION, PW_WITH_ANNIV, PW_WITH_OCCASION, PW_AT,
	PW_IN_CHARGE, PW_OWNER, PW_LETTERS, PW_LETTERS_MILESTONES,
	PW_NGO, PW_NGO_PLACE, PW_NGO_PLACE_END, PW_NGO_VISIT,
	PW_INFO_REL, PW_INFO_OTHER, PW_INFO_NEWS, PW_OTHER,
	PW_OWN_SHARE, PW_ASSIGN, PW_ASSIGN_OWNERS, PW_BUDGET,
	PW_BUDGET_OF, PW_BUDGET_SOME, PW_BUDGET_LIST, PW_VND,
	PW_UNION_DEFAULT, PW_LABEL_OTHER, PW_APPENDIX, PW_COL_DATE,
	PW_COL_ANNIV, PW_COL_MILESTONE, PW_COL_PLANNED, PW_JANUARY,
	PW_FEBRUARY, PW_MARCH, PW_APRIL, PW_MAY, PW_JUNE, PW_JULY,
	PW_AUGUST, PW_SEPTEMBER, PW_OCTOBER, PW_NOVEMBER, PW_DECEMBER,
	PW_IN_MONTH, PW_IN_YEAR, PW_COUNT
};

/* Term id in language lang. */
const char *plan_word(enum lang lang, enum plan_word id);

/* A new document headed as p's plan (KẾ HOẠCH, symbol KH, the draft's
 * date), or as its appendix appendix when not NULL (doc.h). */
struct doc *plan_doc_new(const struct plan *p, const char *appendix);

/* Who is in charge of a, when not the union itself: its member
 * organisation's name, else its organiser; NULL.  Borrowed. */
const char *plan_in_charge(const struct plan *p, const struct activity *a);
/* An activity as the plan names it: "Hội thao (14/4/2024, tại Nha
 * Trang, Hội hữu nghị Việt Nam – Lào chủ trì)". */
void plan_activity_text(const struct plan *p, const struct activity *a,
    struct buf *out);
/* The activities of pl, "; "-separated, as the plan names them. */
void plan_acts_text(const struct plan *p, const struct plan_place *pl,
    struct buf *out);

/* 1 if a takes place (in part) in year and is not cancelled. */
int plan_activity_in_year(const struct activity *a, int year);

#endif

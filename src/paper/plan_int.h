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

/* The texts of the plan in one language. */
struct plan_words {
	const char *kind, *title, *filename;
	const char *part[4];		/* I. Mục đích, yêu cầu ... */
	const char *area[AREA_COUNT];	/* Công tác hòa bình ... */
	const char *sub[PLAN_SLOT_NGO];	/* Các ngày kỷ niệm ... */
	/* An occasion without activities: "Tổ chức các hoạt động " and
	 * "kỷ niệm ..." or "nhân dịp " and its title. */
	const char *mark, *mark_anniv, *mark_occasion;
	/* With them: "Nhân " and "kỷ niệm ...", or "Nhân dịp " and the
	 * title, then ": " and the activities. */
	const char *with_anniv, *with_occasion;
	const char *at, *in_charge;	/* "tại ", " chủ trì" */
	const char *owner;		/* " phụ trách": the staff's share */
	const char *letters, *letters_milestones;
	const char *ngo, *ngo_place[2], *ngo_visit;
	const char *info_rel, *info_other, *info_news;
	const char *other;
	const char *own_share;		/* III: the union "chủ trì ..." */
	const char *assign;		/* III: "Các tổ chức thành viên ..." */
	const char *assign_owners;	/* III: "Cán bộ phụ trách ..." */
	/* IV: "Kinh phí dự kiến ...: ", then " (3", " trong ", "7", " hoạt
	 * động có ...", ")" when not all have one, and ", gồm:" */
	const char *budget[4], *vnd;
	const char *union_default;	/* "Liên hiệp" */
	const char *label_other;	/* "PL": 1.1's others in the CSV */
	const char *appendix, *cols[4], *month[12], *in_month, *in_year;
};

/* The texts of lang. */
const struct plan_words *plan_words(enum lang lang);

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

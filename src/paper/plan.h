/*
 * The yearly plan, a KẾ HOẠCH ("Hoạt động đối ngoại nhân dân năm YYYY":
 * I. Mục đích, yêu cầu; II. Nội dung; III. Tổ chức thực hiện; IV. Kinh
 * phí).  plan_place.c works out once where everything of the year goes
 * (struct plan, which nothing changes afterwards); plan.c writes the
 * plan from it and plan_appendix.c its appendix (the calendar of the
 * year's milestones and focus countries, a document of its own) and the
 * CSV rows, each into a document of doc.h, which renders it.
 */
#ifndef KYNIEM_PLAN_H
#define KYNIEM_PLAN_H

#include <stddef.h>

#include "doc.h"
#include "plan_choice.h"
#include "rank.h"
#include "rules.h"

struct activity;
struct buf;
struct config;
struct dataset;
struct lunar_cal;

/* What a plan is made from, and a year-end report (report.h); every
 * pointer is borrowed. */
struct plan_input {
	const struct config *cfg;
	const struct dataset *data;
	struct lunar_cal *lunar;
	int year;
	enum lang lang;
	struct ymd today;	/* the date the draft is made */
};

/* Where part II (Nội dung) lists something: the subsections of its
 * first area ("1. Công tác hòa bình, đoàn kết, hữu nghị"), then its
 * other areas. */
enum plan_slot {
	PLAN_SLOT_MILESTONES,	/* 1.1. Các ngày kỷ niệm năm chẵn, năm tròn */
	PLAN_SLOT_ASEAN,	/* 1.2. Hoạt động khối ASEAN */
	PLAN_SLOT_OVERSEAS,	/* 1.3. Hoạt động kiều bào */
	PLAN_SLOT_ANNUAL,	/* 1.4. Hoạt động thường niên */
	PLAN_SLOT_LETTERS,	/* 1.5. Thư, điện chúc mừng */
	PLAN_SLOT_DELEGATIONS,	/* 1.6. Đoàn ra, đoàn vào */
	PLAN_SLOT_NGO,		/* 2. Công tác phi chính phủ nước ngoài */
	PLAN_SLOT_INFO,		/* 3. Công tác thông tin đối ngoại */
	PLAN_SLOT_OTHER,	/* 4. Công tác khác */
	PLAN_SLOT_MEMBERS,	/* III: a member organisation's, under it */
	PLAN_SLOT_COUNT
};

/* Where one occurrence of the year goes. */
struct plan_place {
	const struct occurrence *oc;
	int dated;		/* 0: a row known only to the year */
	int section;		/* PLAN_S_1_1..PLAN_S_1_4; -1: none */
	int group;		/* the selector of section that took it */
	int group3;		/* section 3's selector; -1: not in it */
	int candidate;		/* a milestone that may be named in 1.1 */
	int chosen;		/* named in 1.1 */
	/* A national day of 1.4 that is no milestone: a letter of 1.5. */
	int greeting;
	/* Part II names it in its section's slot: chosen for 1.1, in 1.2
	 * or 1.3, in 1.4 unless a greeting without activities. */
	int shown;
	struct rank rank;	/* of a candidate */
	enum plan_choice choice;	/* staff's, for the year */
	/* The year's activities for it (not cancelled), by start. */
	const struct activity **acts;
	size_t nacts;
};

/* An activity the plan lists on its own, for no occurrence of the year
 * or for one part II does not name: in the slot of its category, or
 * under its member organisation in part III. */
struct plan_item {
	const struct activity *a;
	enum plan_slot slot;
};

/*
 * The placement of a year: every occurrence, dated ones by date then
 * those known only to the year, each with its section; the candidates
 * of 1.1 best first; the activities of the year that belong to no
 * occurrence of it.  It borrows in and in's dataset, which must outlive
 * it.
 */
struct plan {
	const struct plan_input *in;
	struct plan_place *v;
	size_t n;
	const struct plan_place **ranked;	/* the candidates, best first */
	size_t nranked;
	const struct activity **loose;	/* linked to no occurrence placed */
	size_t nloose;
	struct plan_item *items;	/* by start */
	size_t nitems;
	struct occ_list occ, undated;	/* what v points into */
};

/* Work out year in->year's placement into *out (plan_free() it); 0, or
 * -1 (logged). */
int plan_place(const struct plan_input *in, struct plan **out);
void plan_free(struct plan *p);

/* The title of an occurrence as the plan names it: the reports' title
 * for a milestone, else the plain name and day; with marks, then "(chưa
 * xác minh)" for a date not confirmed (for staff: never in a document). */
void plan_place_title(const struct plan *p, const struct plan_place *pl,
    int marks, struct buf *out);

/* What of a year's plan a file holds: the plan, or its appendix (a
 * document printed and attached on its own). */
enum plan_part { PLAN_MAIN, PLAN_APPENDIX };

/*
 * The plan (plan.c) or its appendix (plan_appendix.c) as a document
 * (doc_free() it), or rendered in fmt (plan_render: 0 and the bytes
 * appended to out, or -1 logged); CSV is the year's rows whatever the
 * part, not a document.
 */
struct doc *plan_doc(const struct plan *p);
struct doc *plan_appendix_doc(const struct plan *p);
int plan_render(const struct plan *p, enum plan_part part,
    enum doc_format fmt, struct buf *out);
void plan_csv(const struct plan *p, struct buf *out);

/*
 * The plan's part II (Nội dung), its headings at the levels the plan has
 * them (2 "1. Công tác ...", 3 "1.1. ..."), into d: the year-end
 * report's section IV.  Returns 0 when it has nothing to say.
 */
int plan_body(const struct plan *p, struct doc *d);

/* A rendered plan for the server: "/plan/2024.docx" and its bytes. */
struct plan_file {
	char *path;
	int year;
	enum doc_format fmt;
	char *body;
	size_t len;
};

/*
 * Build the plans of the years from..to (in->year is ignored), each once,
 * and render each as md, html and docx under /plan/YEAR.EXT.  Returns 0
 * and *out (n files; free with plan_files_free), or -1 (logged).
 */
int plan_files(const struct plan_input *in, int from, int to,
    struct plan_file **out, size_t *n);
void plan_files_free(struct plan_file *v, size_t n);

/*
 * The Content-Disposition of a served plan, with the file name a person
 * saves ("attachment; filename=\"ke-hoach-2025.docx\""; the HTML page
 * inline).  The caller frees.
 */
char *plan_disposition(int year, enum doc_format fmt, enum lang lang);

#endif

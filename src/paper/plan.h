/*
 * The yearly plan ("Phương hướng hoạt động năm YYYY").  plan_place.c
 * works out once where everything of the year goes (struct plan, which
 * nothing changes afterwards); plan.c writes the plan's sections from it
 * and plan_appendix.c the calendar of the year and the CSV rows, each
 * into a document of doc.h, which renders it.
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

/* Where one occurrence of the year goes. */
struct plan_place {
	const struct occurrence *oc;
	int dated;		/* 0: a row known only to the year */
	int section;		/* PLAN_S_1_1..PLAN_S_1_4; -1: none */
	int group;		/* the selector of section that took it */
	int group3;		/* section 3's selector; -1: not in it */
	int candidate;		/* a milestone that may be named in 1.1 */
	int chosen;		/* named in 1.1 */
	struct rank rank;	/* of a candidate */
	enum plan_choice choice;	/* staff's, for the year */
	/* The year's activities for it (not cancelled), by start. */
	const struct activity **acts;
	size_t nacts;
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
	struct occ_list occ, undated;	/* what v points into */
};

/* Work out year in->year's placement into *out (plan_free() it); 0, or
 * -1 (logged). */
int plan_place(const struct plan_input *in, struct plan **out);
void plan_free(struct plan *p);

/* The title of an occurrence as the plan names it: the reports' title
 * for a milestone, else the plain name and day, then "(chưa xác
 * minh)" for a date not confirmed. */
void plan_place_title(const struct plan *p, const struct plan_place *pl,
    struct buf *out);

/*
 * The plan as a document (plan_doc, doc_free() it), or rendered in fmt
 * (plan_render: 0 and the bytes appended to out, or -1 logged).  CSV is
 * the year's rows, not a document.  others 0 leaves out the appendix of
 * the milestones 1.1 does not name (the web page lists them itself).
 */
struct doc *plan_doc(const struct plan *p, int others);
int plan_render(const struct plan *p, enum doc_format fmt, struct buf *out);

/*
 * The plan's sections, from its first to its end, into d (another
 * document: the year-end report's section IV), each heading one level
 * lower; its draft note, signature and appendices stay out.  Returns 0
 * when the plan has no section.
 */
int plan_body(const struct plan *p, struct doc *d);

/* The calendar of the year (plan_appendix.c): into d after its end, and
 * the CSV rows. */
void plan_calendar(const struct plan *p, struct doc *d);
void plan_csv(const struct plan *p, struct buf *out);

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
 * saves ("attachment; filename=\"phuong-huong-2025.docx\""; the HTML
 * page inline).  The caller frees.
 */
char *plan_disposition(int year, enum doc_format fmt, enum lang lang);

#endif

/*
 * The yearly plan skeleton ("Phương hướng hoạt động năm YYYY"): plan.c
 * builds one document model (header, numbered sections of bullets, a
 * month-by-month appendix) from the dataset's observances, the engine's
 * occurrences and the planned activities; plan_render.c renders it as
 * Markdown, HTML, CSV or .docx.
 */
#ifndef KYNIEM_PLAN_H
#define KYNIEM_PLAN_H

#include <stddef.h>

#include "doc.h"
#include "plan_choice.h"
#include "rules.h"

struct config;
struct dataset;
struct lunar_cal;

enum plan_format { PLAN_MD, PLAN_HTML, PLAN_CSV, PLAN_DOCX, PLAN_PDF };

/* The body; the header is doc.c's, from plan_doc's org, date and year. */
enum plan_block_type {
	PB_TODO,	/* a note for staff: "Dự thảo do kyniem lập ..." */
	PB_H1,		/* "1. Công tác ..." */
	PB_H2,		/* "1.1. ..." and the appendix's months */
	PB_PARA,
	PB_BULLET,	/* level 0, or 1 for a nested item */
	PB_TABLE,
	PB_END		/* the signature; text: [plan] recipients */
};

struct plan_block {
	enum plan_block_type type;
	int level;
	char *text;
	size_t ncols, nrows;	/* PB_TABLE: row 0 is the header */
	char **cells;
};

/* One dated row of the appendix (and of the CSV output). */
struct plan_row {
	struct ymd date;
	int days;
	enum precision precision;	/* of date; PREC_YEAR rows come last */
	const char *confidence;		/* static: "confirmed", ... */
	char *key, *kind, *country;
	int n;			/* 0 = not counted */
	enum milestone milestone;
	int counts;		/* the class counts as a milestone for the kind */
	char *section;		/* "1.1", "1.1, 3", "" when in none */
	char *title;		/* the occurrence's title (CSV) */
	char *text;		/* the appendix's: title, marker, note */
	char *note;		/* the row's note, "" when none */
	char *activities;	/* planned activities, "; "-separated */
};

/* A milestone that could go to section 1.1, best first. */
struct plan_pick {
	char *key;		/* the observance's */
	char *text;		/* its title, as the bullet has it */
	char *why;		/* "25 điểm (năm chẵn 10, ...)" (rank.h) */
	int score;
	enum plan_choice choice;	/* staff's, for the year */
	int in_1_1;		/* named in 1.1; else in the appendix */
	int planned;		/* has an activity this year */
};

struct plan_doc {
	int year;
	enum lang lang;
	struct org org;		/* borrowed from the config */
	struct ymd date;	/* of the date line: the draft's day */
	const char *kind;	/* "KẾ HOẠCH" */
	char *title;		/* "Phương hướng hoạt động năm 2024" */
	struct plan_block *blocks;
	size_t nblocks, blocks_cap;
	struct plan_row *rows;
	size_t nrows, rows_cap;
	struct plan_pick *picks;	/* section 1.1's candidates */
	size_t npicks;
	size_t others_from, others_to;	/* the blocks of the appendix of
					   the others; equal: none */
};

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

/* "md", "html", "csv" or "docx"; 0 or -1. */
int plan_parse_format(const char *s, enum plan_format *out);
/* The MIME type of a rendered format. */
const char *plan_content_type(enum plan_format fmt);

/* Build the plan into *doc (initialised here); 0, or -1 (logged). */
int plan_build(const struct plan_input *in, struct plan_doc *doc);
void plan_doc_release(struct plan_doc *doc);

/*
 * Render doc in fmt.  Returns 0 and the bytes in *out (the caller frees;
 * NUL-terminated except for docx) with their length in *len, or -1.
 */
int plan_render(const struct plan_doc *doc, enum plan_format fmt,
    char **out, size_t *len);

/*
 * The plan's sections, from its first to its recipients, into d (another
 * document: the year-end report's section IV), each heading one level
 * lower; its draft note, signature and appendices stay out.  0 when the
 * plan has no section.
 */
struct doc;
int plan_render_body(const struct plan_doc *p, struct doc *d);

/*
 * Append doc as an HTML fragment for a page that has its own layout and
 * <h1> (the web application's Tài liệu): doc.c's DOC_HTML_FRAGMENT;
 * without the appendix of the milestones 1.1 leaves out unless others
 * (the page lists them with its buttons).
 */
void plan_render_fragment(const struct plan_doc *doc, int others,
    struct buf *out);

/* A rendered plan for the server: "/plan/2024.docx" and its bytes. */
struct plan_file {
	char *path;
	int year;
	enum plan_format fmt;
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
char *plan_disposition(int year, enum plan_format fmt, enum lang lang);

#endif

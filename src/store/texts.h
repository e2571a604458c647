/*
 * The narrative sections staff write for a document and year (the
 * report's context and assessment, the plan's purpose and budget notes,
 * the cluster report's direction): which sections each document has,
 * and the texts table, where every version is kept (history, restore)
 * and a year without its own text starts from the latest earlier one.
 * The documents read the texts from the dataset (dataset.h); the CLI and
 * the web application write them here, audited.
 */
#ifndef KYNIEM_TEXTS_H
#define KYNIEM_TEXTS_H

#include <stddef.h>
#include <time.h>

struct buf;
struct field_errs;
struct store;

/* The longest section, in characters: a few pages of a report. */
#define TEXT_SECTION_MAX	20000

/* A document's narrative section.  doc is "report", "plan" or
 * "cluster". */
struct text_section {
	const char *key;	/* "context", "assessment", ... */
	const char *vi, *en;	/* the heading as the document prints it */
	int optional;		/* left out quietly when not written */
	const char *about_vi, *about_en;	/* what it holds, where it
						   prints: for the form */
};

/* The sections of doc, ending with a row whose key is NULL; NULL for an
 * unknown doc. */
const struct text_section *text_sections(const char *doc);
/* The section key of doc, or NULL (an unknown doc or key). */
const struct text_section *text_section_find(const char *doc,
    const char *key);
/* The documents that have sections, "report, plan, cluster", for a
 * message. */
const char *text_docs(void);

/*
 * The current body of (doc, year, key) into *body (caller frees; NULL
 * when never written, in this year or an earlier one, or emptied in the
 * year it comes from).  *inherited is 1 when the body is last year's (or
 * an earlier year's) text, not yet edited for this year.  0 or -1
 * (logged).
 */
int text_get(struct store *st, const char *doc, int year, const char *key,
    char **body, int *inherited);

/* One version of a section. */
struct text_row {
	char *doc, *key;
	int year;
	long version;		/* 1, 2, ... within (doc, year, key) */
	char *body;		/* "" when emptied */
	char *who;		/* an account's address, or "cli:USER" */
	time_t at;
	long restored;		/* the version it brought back, or 0 */
};

struct text_list {
	struct text_row *v;
	size_t n;
};

/* The current version of every (doc, year, key): what the dataset
 * carries.  0, or -1 (logged) with *out empty. */
int text_load(struct store *st, struct text_list *out);
void text_list_release(struct text_list *l);

/*
 * The current body of (doc, year, key) in l, which holds current
 * versions (text_load()): this year's, else the latest earlier year's.
 * Borrowed; NULL when there is none or the one found is empty.  *from
 * (may be NULL) is the year the body was written in (year itself, or
 * an earlier one when inherited), 0 when there is no version at all.
 */
const char *text_find(const struct text_list *l, const char *doc, int year,
    const char *key, int *from);

/*
 * Append to out the keys of doc's sections that year has no text for,
 * neither its own nor inherited, joined with ", "; returns how many.
 * Optional sections and those emptied on purpose are not missing.
 */
int text_missing(const struct text_list *l, const char *doc, int year,
    struct buf *out);

/* What text_set() and text_restore() did. */
#define TEXT_SAVED	0	/* a new version, audited */
#define TEXT_REFUSED	1	/* errs says why; nothing written */
#define TEXT_UNCHANGED	2	/* the text is this year's already */

/*
 * Save body as a new version of (doc, year, key) by who at now, with its
 * audit row ("text.set" on "text:DOC:YEAR:KEY"), in one transaction.
 * The body is checked as every text field is (multi-line, at most
 * TEXT_SECTION_MAX characters), its line ends made LF and its trailing
 * blanks dropped; "" empties the section for the year (an inherited
 * text stops there).  Returns TEXT_SAVED, TEXT_REFUSED (an unknown doc
 * or key, a year out of range or a bad body, said in errs under the
 * field "doc", "key", "year" or the section's key), TEXT_UNCHANGED, or
 * -1 (logged).
 */
int text_set(struct store *st, const char *doc, int year, const char *key,
    const char *body, const char *who, time_t now, struct field_errs *errs);

/* Every version of (doc, year, key), the newest first (none: an empty
 * list).  0 or -1 (logged). */
int text_history(struct store *st, const char *doc, int year,
    const char *key, struct text_list *out);

/*
 * Bring version back as a new version equal to it, audited
 * ("text.restore").  TEXT_SAVED, TEXT_REFUSED (no such doc, key or
 * version: errs, under "version" for the last), TEXT_UNCHANGED (it is
 * the current text), or -1 (logged).
 */
int text_restore(struct store *st, const char *doc, int year,
    const char *key, long version, const char *who, time_t now,
    struct field_errs *errs);

#endif

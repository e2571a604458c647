/*
 * The narrative sections staff write (texts.h) as a document prints
 * them: a text's lines as paragraphs and bullets, a section with its
 * heading only when it is written, and the one line a draft carries on
 * its first page naming what is not written yet.  Where each section
 * goes is the document's (report.c, plan.c).
 */
#ifndef KYNIEM_NARRATIVE_H
#define KYNIEM_NARRATIVE_H

#include "doc.h"
#include "texts.h"
#include "util.h"

/*
 * body into d, one block a line: "- X" a bullet, "+ X" a bullet one
 * level in (the reports' marks), any other line a paragraph; blank lines
 * only separate.  Returns the number of blocks added.
 */
int narrative_paras(struct doc *d, const char *body);

/*
 * Section key of doc in year, from l (the dataset's texts, inherited
 * from an earlier year when this one has none): when it is written,
 * its heading at level (numbered "number heading" when number is not
 * NULL, none when level is 0) and its paragraphs, then 1; else nothing,
 * and 0.
 */
int narrative_section(struct doc *d, const struct text_list *l,
    const char *doc, int year, const char *key, int level,
    const char *number, enum lang lang);

/*
 * The line a draft carries on its first page, when required sections of
 * doc are not written for year: "Dự thảo – chưa viết: Bối cảnh tình
 * hình; Kết quả đạt được." (the headings, in lang) appended to out, and
 * 1; 0 and nothing appended when every one is.
 */
int narrative_missing_line(const struct text_list *l, const char *doc,
    int year, enum lang lang, struct buf *out);

#endif

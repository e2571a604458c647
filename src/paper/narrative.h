/*
 * The narrative sections staff write (texts.h) as a document prints
 * them: a section with its heading only when it is written, and the one line a draft carries on
 * its first page naming what is not written yet.  Where each section
 * goes is the document's (report.c, plan.c).
 */
#ifndef KYNIEM_NARRATIVE_H
#define KYNIEM_NARRATIVE_H

#include "doc.h"
#include "texts.h"
#include "util.h"

/*
 * Section key of doc in year, from l (the dataset's texts, inherited
 * from an earlier year when this one has none): when it is written, its
 * heading "number heading" at level when number is not NULL, then its
 * text laid out under level by doc_text() (doc.h: the one place a
 * text's lines become paragraphs, bullets and its own subheadings), and
 * 1; else nothing, and 0.
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

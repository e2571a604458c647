/*
 * A small WordprocessingML (.docx) writer: headings in Word's own Heading
 * styles, paragraphs, real bulleted lists (word/numbering.xml) and tables,
 * zipped in memory with libzip.  Knows nothing of plans; plan.c drives it.
 */
#ifndef KYNIEM_DOCX_H
#define KYNIEM_DOCX_H

#include <stddef.h>

struct docx;

/* Paragraph flags for docx_para(). */
#define DOCX_BOLD	0x1
#define DOCX_ITALIC	0x2
#define DOCX_CENTER	0x4

/* A new empty document; lang is a BCP 47 tag ("vi-VN").  Never NULL. */
struct docx *docx_new(const char *lang);
void docx_free(struct docx *d);

/* Level 0 is the Title style, 1 and 2 are Heading1 and Heading2. */
void docx_heading(struct docx *d, int level, const char *text);
void docx_para(struct docx *d, const char *text, int flags);
/* An item of the bulleted list; level 0 or 1 (nested). */
void docx_bullet(struct docx *d, int level, const char *text);
/*
 * A table of nrows x ncols cells given row by row; the first row is the
 * header, bold and repeated on every page.  widths are in per cent of the
 * text width, one per column.
 */
void docx_table(struct docx *d, size_t ncols, size_t nrows,
    char *const *cells, const int *widths);

/*
 * Zip the document.  Returns 0 and the bytes in *out (the caller frees)
 * and their length in *len, or -1 after logging why.
 */
int docx_finish(struct docx *d, char **out, size_t *len);

#endif

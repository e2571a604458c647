/*
 * A small WordprocessingML (.docx) writer: headings in Word's own Heading
 * styles, paragraphs, real bulleted lists (word/numbering.xml) and tables,
 * zipped in memory with libzip.  Knows nothing of plans or letters: doc.c
 * drives it.
 */
#ifndef KYNIEM_DOCX_H
#define KYNIEM_DOCX_H

#include <stddef.h>

struct docx;

/* Paragraph flags for docx_para(). */
#define DOCX_BOLD	0x1
#define DOCX_ITALIC	0x2
#define DOCX_CENTER	0x4
#define DOCX_RIGHT	0x8
#define DOCX_HIGHLIGHT	0x10	/* yellow: a passage staff must write */
#define DOCX_UNDERLINE	0x20
#define DOCX_SMALL	0x40	/* 12 pt: header and recipients blocks */
#define DOCX_KEEP	0x80	/* keep with the next paragraph */

/* A new empty document; lang is a BCP 47 tag ("vi-VN").  Never NULL. */
struct docx *docx_new(const char *lang);
void docx_free(struct docx *d);

/* Level 0 is the Title style, 1 to 3 are Heading1 to Heading3. */
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
 * A borderless layout table (the header and signature blocks of an
 * official document): docx_grid_begin() opens it with ncols columns of
 * widths per cent of the text width, docx_grid_row() starts a row,
 * docx_grid_cell() the next cell of the row, and the paragraphs written
 * in between (docx_para) fill that cell; docx_grid_end() closes it.  Every
 * cell gets at least one paragraph.
 */
void docx_grid_begin(struct docx *d, size_t ncols, const int *widths);
void docx_grid_row(struct docx *d);
void docx_grid_cell(struct docx *d);
void docx_grid_end(struct docx *d);

/*
 * Zip the document.  Returns 0 and the bytes in *out (the caller frees)
 * and their length in *len, or -1 after logging why.
 */
int docx_finish(struct docx *d, char **out, size_t *len);

#endif

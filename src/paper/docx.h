/*
 * A small WordprocessingML (.docx) writer: headings in Word's own Heading
 * styles, body paragraphs, real bulleted and numbered lists
 * (word/numbering.xml), tables, drawn rules and the page number from the
 * second page on, zipped in memory with libzip.  Knows nothing of what a
 * document says: doc.c drives it.
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
#define DOCX_SMALL	0x40	/* 12 pt: the header block */
#define DOCX_KEEP	0x80	/* keep with the next paragraph */
#define DOCX_TINY	0x100	/* 11 pt: the recipients' entries */
#define DOCX_LARGE	0x200	/* 14 pt: the title */
#define DOCX_BODY	0x400	/* the Body Text style: justified, first
				   line indented, 6 pt after */
#define DOCX_BREAK	0x800	/* on a new page */
#define DOCX_SPACE	0x1000	/* 12 pt before, 6 pt after */

/* The width between the margins of an A4 page, in twentieths of a point
 * (twips), and the left and right cell margins of a table. */
#define DOCX_TEXT_W	9128
#define DOCX_CELL_PAD	216

/* A new empty document; lang is a BCP 47 tag ("vi-VN").  Never NULL. */
struct docx *docx_new(const char *lang);
void docx_free(struct docx *d);

/* Level 0 is the Title style, 1 to 3 are Heading1 to Heading3. */
void docx_heading(struct docx *d, int level, const char *text);
void docx_para(struct docx *d, const char *text, int flags);
/* An item of the bulleted list ("-", nested "+"); level 0 or 1. */
void docx_bullet(struct docx *d, int level, const char *text);
/* An item of a numbered list ("1.", nested "a)"); level 0 or 1.  A list
 * begins again at 1 after anything that is not one of its items. */
void docx_numbered(struct docx *d, int level, const char *text);
/*
 * A horizontal line width twips long, centred in the cell being written
 * or on the text width: the lines under the header's blocks, drawn as the
 * bottom border of an empty paragraph of almost no height.
 */
void docx_rule(struct docx *d, int width);
/* What follows starts a new page. */
void docx_page_break(struct docx *d);
/*
 * End a section: what follows starts a new page, numbered from 1 again
 * and, like the document's first page, without the page number (letters
 * printed as one file, each a document of its own).
 */
void docx_section_break(struct docx *d);
/*
 * An estimate of the width of text in Times New Roman of the size and
 * weight of flags (DOCX_SMALL, DOCX_BOLD...), in twips: the Latin letters'
 * widths, a Vietnamese letter as wide as its base letter.  Enough to size
 * the header's columns and lines, not to set type.
 */
int docx_text_width(const char *text, int flags);
/*
 * A table of nrows x ncols cells given row by row; the first row is the
 * header, bold and repeated on every page.  widths are in per cent of the
 * text width, one per column (scaled down when they add up to more).
 */
void docx_table(struct docx *d, size_t ncols, size_t nrows,
    char *const *cells, const int *widths);

/*
 * A borderless layout table (the header and signature blocks of an
 * official document): docx_grid_begin() opens it with ncols columns of
 * widths twips (a table wider than DOCX_TEXT_W reaches into both margins
 * alike), docx_grid_row() starts a row,
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

/*
 * doc.h: a document of the union (plan, report, letter, an appendix) in
 * the layout of Vietnamese administrative documents (Decree 30/2020/
 * NĐ-CP), built as blocks and rendered as Markdown, HTML (standalone page
 * with its print rules, or a fragment for the web app) or .docx.  Knows
 * nothing of what a document says; the formats are named here only.
 */
#ifndef KYNIEM_DOC_H
#define KYNIEM_DOC_H

#include <stddef.h>

#include "util.h"

struct buf;
struct config;

/* The union's identity, from config [organisation]. */
struct org {
	const char *parent;	/* line above the name, e.g. "ỦY BAN MTTQ
				   VIỆT NAM TỈNH KHÁNH HÒA"; may be NULL */
	const char *name;	/* "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH KHÁNH
				   HÒA" */
	const char *name_en;	/* "Khanh Hoa Union of Friendship
				   Organisations" */
	const char *abbrev;	/* for the symbol: "LHHN" */
	const char *place;	/* of the date line: "Khánh Hòa" */
	const char *signer;	/* "Nguyễn Văn A"; may be NULL (a blank line) */
	const char *signer_title;	/* "CHỦ TỊCH" */
	const char *signer_title_en;
	/* The name as printed in the header, its lines split by '|'
	 * ("Liên hiệp các tổ chức hữu nghị | tỉnh Khánh Hòa"); NULL: the
	 * name, broken before "tỉnh"/"thành phố" only when too long. */
	const char *name_lines;
	enum doc_number_style {
		DOC_NUMBER_STATE,	/* "Số: …/KH-LHHN", a line under the
					   name (Decree 30/2020/NĐ-CP) */
		DOC_NUMBER_PARTY	/* "Số …-KH/LHHN", a star under the
					   name (Hướng dẫn 36-HD/VPTW) */
	} number_style;
};

/*
 * Fill *out from cfg [organisation], borrowing cfg's strings: name
 * defaults to "Liên hiệp các tổ chức hữu nghị", place to the province,
 * abbrev to "LHHN", the signer's titles to "CHỦ TỊCH" / "PRESIDENT", the
 * number style to the state's.
 */
void org_from_config(const struct config *cfg, struct org *out);

/* PDF is the .docx converted by LibreOffice (pdf.h); CSV is the plan's
 * rows, which no doc renders. */
enum doc_format { DOC_MD, DOC_HTML, DOC_HTML_FRAGMENT, DOC_DOCX, DOC_PDF,
    DOC_CSV };

struct doc_head {
	const char *kind;	/* "BÁO CÁO", "KẾ HOẠCH"; NULL for a letter */
	const char *title;	/* bold line(s) under kind; NULL allowed */
	const char *symbol;	/* type code for "Số:    /BC-LHHN": "BC",
				   "KH", "CV"... */
	struct ymd date;	/* the date line; m == 0: blanks for staff
				   (English keeps a year y != 0) */
	const char *summary;	/* letters: "V/v ..." under the number; may
				   be NULL */
};

struct doc;

/*
 * A new document in lang with the header h; org and h are copied (the
 * caller's strings may go).  Never NULL.  The name, parent and signer's
 * title are written in capitals, the decree's way.
 */
struct doc *doc_new(const struct org *org, enum lang lang,
    const struct doc_head *h);
/*
 * A document that is only an appendix of the document org and h describe
 * (a file printed and attached on its own): no header or signature, the
 * appendix's heading (see doc_appendix()) on its first page.
 */
struct doc *doc_new_appendix(const struct org *org, enum lang lang,
    const struct doc_head *h, const char *title);
void doc_free(struct doc *d);

/* One line on the first page only, above the header, in italics (e.g.
 * "Dự thảo"); a second call replaces it. */
void doc_first_line(struct doc *d, const char *text);

/* 1 "I. ...", 2 "1. ...", 3 "a) ...": the caller writes the numbers. */
void doc_heading(struct doc *d, int level, const char *text);
/* A first-level heading numbered in the order they come, "I. text",
 * "II. text"..., *count the headings so far (the reports leave out a
 * section staff did not write, and the next one takes its number). */
void doc_heading_next(struct doc *d, int *count, const char *text);
/* A body paragraph: justified, its first line indented. */
void doc_para(struct doc *d, const char *text);
/*
 * Text a person wrote (a narrative section of texts.h) under a heading
 * of level (0: none), the one layout of such text in every document:
 * each line a body paragraph, blanks around it and blank lines left
 * out; a line "- X" a bullet and "+ X" a bullet under it; "1. X" a
 * heading of level + 1, "1.2. X" and "a) X" of level + 2 (the
 * sections' own numbering).
 */
void doc_text(struct doc *d, int level, const char *text);
/* An item of a numbered list, level 0 "1." or 1 "a)"; a list starts at 1
 * after any other block. */
void doc_numbered(struct doc *d, int level, const char *text);
/* What follows starts a new page. */
void doc_page_break(struct doc *d);
/* Letters: "Kính gửi: Ngài ...", centred. */
void doc_salutation(struct doc *d, const char *text);
/* Level 0 "- ", 1 "+ ". */
void doc_bullet(struct doc *d, int level, const char *text);
/* A marked paragraph for staff to write, e.g. "[Cần bổ sung: đánh giá
 * kết quả]": highlighted in docx and HTML, italic in Markdown. */
void doc_todo(struct doc *d, const char *text);
/*
 * A table of nrows x ncols cells given row by row (copied); row 0 is the
 * header, bold and repeated on every page.  widths are per cent of the
 * text width, one per column; NULL shares it equally.
 */
void doc_table(struct doc *d, size_t ncols, size_t nrows,
    char *const *cells, const int *widths);
/*
 * The end: the "Nơi nhận:" list on the left (each recipient as "- X;",
 * then "- Lưu: VT." which the decree always has) and the signature block
 * on the right (signer_title, room to sign, signer).
 */
void doc_end(struct doc *d, const char *const *recipients, size_t n);
/*
 * The same from a list as [report] recipients writes it: entries split by
 * ';', blanks and a leading "- " dropped; an entry "Lưu: ..." takes the
 * place of the office's copy.
 */
void doc_end_list(struct doc *d, const char *list);
/*
 * An appendix after the end: a new page headed "Phụ lục" (numbered I, II
 * when there are several), title in capitals and "(Kèm theo Kế hoạch số
 * …/KH-LHHN ngày … của …)" naming this document; the blocks added after
 * it are the appendix's.
 */
void doc_appendix(struct doc *d, const char *title);

/* Render d; 0 and the text (or the .docx or PDF bytes, the PDF made by
 * LibreOffice: pdf.h) appended to out, or -1 logged.  DOC_CSV is not a
 * document's (-1). */
int doc_render(const struct doc *d, enum doc_format fmt, struct buf *out);

/* d as DOC_HTML_FRAGMENT, but each top-level section and appendix
 * folded in a <details> under its heading (a page's preview); 0. */
int doc_render_folded(const struct doc *d, struct buf *out);
/*
 * Render the documents v[0..n) (n > 0) as one file, each beginning a new
 * page: DOC_DOCX (and DOC_PDF made from it) with each document a section
 * of its own, its pages numbered from 1 again and its first page
 * unnumbered; DOC_MD with a "---" rule between them.  0, or -1 logged
 * (another format included).
 */
int doc_render_many(const struct doc *const *v, size_t n,
    enum doc_format fmt, struct buf *out);
/* The MIME type of a format. */
const char *doc_content_type(enum doc_format fmt);
/* Its file extension: "md", "html", "docx", "pdf", "csv". */
const char *doc_format_ext(enum doc_format fmt);
/* "md", "html", "docx", "pdf", "csv" to a format; 0 or -1.  Each caller
 * says which of them it takes. */
int doc_parse_format(const char *s, enum doc_format *out);

#endif

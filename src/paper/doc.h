/*
 * doc.h: a document of the union (plan, report, letter) in the layout of
 * Vietnamese administrative documents (Decree 30/2020/NĐ-CP), built as
 * blocks and rendered as Markdown, HTML (standalone page, or a fragment
 * for the web app) or .docx.  Knows nothing of what a document says.
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
};

/*
 * Fill *out from cfg [organisation], borrowing cfg's strings: name
 * defaults to "Liên hiệp các tổ chức hữu nghị", place to the province,
 * abbrev to "LHHN", the signer's titles to "CHỦ TỊCH" / "PRESIDENT".
 */
void org_from_config(const struct config *cfg, struct org *out);

enum doc_format { DOC_MD, DOC_HTML, DOC_HTML_FRAGMENT, DOC_DOCX };

struct doc_head {
	const char *kind;	/* "BÁO CÁO", "KẾ HOẠCH"; NULL for a letter */
	const char *title;	/* bold line(s) under kind; NULL allowed */
	const char *symbol;	/* type code for "Số:    /BC-LHHN": "BC",
				   "KH", "CV"... */
	struct ymd date;	/* the date line; y == 0: blanks for staff */
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
void doc_free(struct doc *d);

/* 1 "I. ...", 2 "1. ...", 3 "a) ...": the caller writes the numbers. */
void doc_heading(struct doc *d, int level, const char *text);
void doc_para(struct doc *d, const char *text);
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

/* Render d; 0 and the text (or the .docx bytes) appended to out, or -1
 * logged. */
int doc_render(const struct doc *d, enum doc_format fmt, struct buf *out);
/* The MIME type of a format. */
const char *doc_content_type(enum doc_format fmt);
/* "md", "html", "docx" to a format; 0 or -1. */
int doc_parse_format(const char *s, enum doc_format *out);

#endif

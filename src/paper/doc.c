/*
 * A document in the layout of Decree 30/2020/NĐ-CP, Appendix I: the
 * header (the union's name over the number, the national motto over the
 * place-and-date line), kind and title, the body, then the recipients and
 * signature blocks.  The blocks are kept as given and rendered per format
 * here; Markdown, HTML and XML escaping is escape.c's, the zip docx.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "config.h"
#include "doc.h"
#include "docx.h"
#include "escape.h"
#include "log.h"
#include "util.h"
#include "vntime.h"

/* Six no-break spaces: room for the number, kept by every format. */
#define NUMBER_BLANK	"\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0"

enum block_type { B_HEADING, B_PARA, B_SALUTATION, B_BULLET, B_TODO,
    B_TABLE, B_END };

struct block {
	enum block_type type;
	int level;
	char *text;
	size_t ncols, nrows;	/* B_TABLE: cells; B_END: nrows recipients */
	char **cells;
	int *widths;
};

struct doc {
	enum lang lang;
	/* The header's lines, written once in doc_new(). */
	char *parent, *name, *number, *summary, *dateline;
	char *kind, *title;
	char *signer, *signer_title;
	struct block *v;
	size_t n, cap;
};

struct words {
	const char *motto[2], *number, *recipients, *file, *name;
};

static const struct words vi = {
	{ "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	    "Độc lập - Tự do - Hạnh phúc" },
	"Số:", "Nơi nhận:", "Lưu: VT.", "Liên hiệp các tổ chức hữu nghị",
};

static const struct words en = {
	{ "SOCIALIST REPUBLIC OF VIET NAM",
	    "Independence - Freedom - Happiness" },
	"No.:", "Recipients:", "File: Office.",
	"Union of Friendship Organizations",
};

static const struct words *
words(enum lang lang)
{
	return lang == LANG_EN ? &en : &vi;
}

static const char *
or_default(const char *s, const char *def)
{
	return s != NULL && *s != '\0' ? s : def;
}

void
org_from_config(const struct config *cfg, struct org *out)
{
	memset(out, 0, sizeof(*out));
	out->parent = or_default(cfg->org_parent, NULL);
	out->name = or_default(cfg->org_name, vi.name);
	out->name_en = or_default(cfg->org_name_en, en.name);
	out->abbrev = or_default(cfg->org_abbrev, "LHHN");
	out->place = or_default(cfg->org_place, or_default(cfg->org_province,
	    NULL));
	out->signer = or_default(cfg->org_signer, NULL);
	out->signer_title = or_default(cfg->org_signer_title, "CHỦ TỊCH");
	out->signer_title_en = or_default(cfg->org_signer_title_en,
	    "PRESIDENT");
}

/* s in capitals, or NULL for NULL or "". */
static char *
upper(const char *s, enum lang lang)
{
	struct buf b;

	if (s == NULL || *s == '\0')
		return NULL;
	buf_init(&b);
	collate_upper(lang == LANG_EN ? "en" : "vi", s, &b);
	return buf_detach(&b);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

/* "Khánh Hòa, ngày 15 tháng 12 năm 2023"; "Khanh Hoa, 15 December
 * 2023", the place folded to ASCII as English texts write it. */
static char *
dateline(const struct org *org, enum lang lang, struct ymd date)
{
	struct buf b, place;

	buf_init(&b);
	buf_init(&place);
	if (org->place != NULL && lang == LANG_EN)
		collate_ascii(org->place, &place);
	else if (org->place != NULL)
		buf_puts(&place, org->place);
	vntime_format_dateline(place.data, date, lang, &b);
	buf_release(&place);
	return buf_detach(&b);
}

struct doc *
doc_new(const struct org *org, enum lang lang, const struct doc_head *h)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	const struct words *w = words(lang);

	d->lang = lang;
	/* The parent body has no English name of its own. */
	d->parent = lang == LANG_EN ? NULL : upper(org->parent, lang);
	d->name = upper(lang == LANG_EN ? or_default(org->name_en, org->name) :
	    org->name, lang);
	if (d->name == NULL)
		d->name = upper(w->name, lang);
	d->number = xasprintf("%s " NUMBER_BLANK "/%s%s%s", w->number,
	    h->symbol != NULL && *h->symbol ? h->symbol : "",
	    h->symbol != NULL && *h->symbol ? "-" : "",
	    or_default(org->abbrev, "LHHN"));
	d->summary = dup_or_null(h->summary);
	d->dateline = dateline(org, lang, h->date);
	d->kind = dup_or_null(h->kind);
	d->title = dup_or_null(h->title);
	d->signer = dup_or_null(org->signer);
	d->signer_title = upper(lang == LANG_EN ? or_default(
	    org->signer_title_en, org->signer_title) : org->signer_title, lang);
	return d;
}

static void
block_release(struct block *b)
{
	size_t k, n = b->type == B_TABLE ? b->ncols * b->nrows : b->nrows;

	free(b->text);
	for (k = 0; b->cells != NULL && k < n; k++)
		free(b->cells[k]);
	free(b->cells);
	free(b->widths);
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		block_release(&d->v[i]);
	free(d->v);
	free(d->parent);
	free(d->name);
	free(d->number);
	free(d->summary);
	free(d->dateline);
	free(d->kind);
	free(d->title);
	free(d->signer);
	free(d->signer_title);
	free(d);
}

static struct block *
add(struct doc *d, enum block_type type, int level, const char *text)
{
	struct block *b;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	b = &d->v[d->n++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	b->level = level;
	b->text = xstrdup(text != NULL ? text : "");
	return b;
}

void
doc_heading(struct doc *d, int level, const char *text)
{
	add(d, B_HEADING, level < 1 ? 1 : level > 3 ? 3 : level, text);
}

void
doc_para(struct doc *d, const char *text)
{
	add(d, B_PARA, 0, text);
}

void
doc_salutation(struct doc *d, const char *text)
{
	add(d, B_SALUTATION, 0, text);
}

void
doc_bullet(struct doc *d, int level, const char *text)
{
	add(d, B_BULLET, level > 0, text);
}

void
doc_todo(struct doc *d, const char *text)
{
	add(d, B_TODO, 0, text);
}

void
doc_table(struct doc *d, size_t ncols, size_t nrows, char *const *cells,
    const int *widths)
{
	struct block *b;
	size_t k;

	if (ncols == 0 || nrows == 0)
		return;
	b = add(d, B_TABLE, 0, NULL);
	b->ncols = ncols;
	b->nrows = nrows;
	b->cells = xcalloc(ncols * nrows, sizeof(*b->cells));
	for (k = 0; k < ncols * nrows; k++)
		b->cells[k] = xstrdup(cells[k] != NULL ? cells[k] : "");
	b->widths = xcalloc(ncols, sizeof(*b->widths));
	for (k = 0; k < ncols; k++)
		b->widths[k] = widths != NULL ? widths[k] : (int)(100 / ncols);
}

void
doc_end(struct doc *d, const char *const *recipients, size_t n)
{
	const struct words *w = words(d->lang);
	struct block *b = add(d, B_END, 0, NULL);
	size_t k;

	/* "X;" each, then the office's copy that ends the list; the
	 * formats put the "- " before each. */
	b->nrows = n + 1;
	b->cells = xcalloc(n + 1, sizeof(*b->cells));
	for (k = 0; k < n; k++)
		b->cells[k] = xasprintf("%s;", recipients[k]);
	b->cells[n] = xstrdup(w->file);
}

const char *
doc_content_type(enum doc_format fmt)
{
	switch (fmt) {
	case DOC_MD:
		return "text/markdown; charset=utf-8";
	case DOC_HTML:
	case DOC_HTML_FRAGMENT:
		return "text/html; charset=utf-8";
	case DOC_DOCX:
		break;
	}
	return "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document";
}

int
doc_parse_format(const char *s, enum doc_format *out)
{
	if (strcmp(s, "md") == 0)
		*out = DOC_MD;
	else if (strcmp(s, "html") == 0)
		*out = DOC_HTML;
	else if (strcmp(s, "docx") == 0)
		*out = DOC_DOCX;
	else
		return -1;
	return 0;
}

/* --- Markdown -------------------------------------------------------- */

static void
md_line(struct buf *b, const char *open, const char *text,
    const char *close)
{
	buf_puts(b, open);
	esc_md(b, text);
	buf_puts(b, close);
}

static void
md_head(const struct doc *d, struct buf *b)
{
	const struct words *w = words(d->lang);

	/* Markdown has no columns: the left block, then the right one. */
	if (d->parent)
		md_line(b, "", d->parent, "  \n");
	md_line(b, "**", d->name, "**  \n");
	md_line(b, "", d->number, d->summary ? "  \n" : "\n");
	if (d->summary)
		md_line(b, "", d->summary, "\n");
	md_line(b, "\n**", w->motto[0], "**  \n");
	md_line(b, "**", w->motto[1], "**\n");
	md_line(b, "\n_", d->dateline, "_\n");
	if (d->kind)
		md_line(b, "\n# ", d->kind, "\n");
	if (d->title)
		md_line(b, "\n**", d->title, "**\n");
}

static void
md_table(struct buf *b, const struct block *t)
{
	size_t r, k;

	for (r = 0; r < t->nrows; r++) {
		buf_puts(b, "|");
		for (k = 0; k < t->ncols; k++)
			md_line(b, " ", t->cells[r * t->ncols + k], " |");
		buf_putc(b, '\n');
		for (k = 0; r == 0 && k < t->ncols; k++)
			buf_puts(b, k == 0 ? "|---|" : "---|");
		if (r == 0)
			buf_putc(b, '\n');
	}
}

static void
md_end(const struct doc *d, const struct block *e, struct buf *b)
{
	size_t k;

	md_line(b, "**", words(d->lang)->recipients, "**\n\n");
	for (k = 0; k < e->nrows; k++)
		md_line(b, "- ", e->cells[k], "\n");
	if (d->signer_title)
		md_line(b, "\n**", d->signer_title, "**\n");
	/* No signer: the line stays empty for the one who signs. */
	if (d->signer)
		md_line(b, "\n**", d->signer, "**\n");
}

static void
render_md(const struct doc *d, struct buf *b)
{
	static const char *const hashes[] = { "", "## ", "### ", "#### " };
	const struct block *p;
	size_t i;

	md_head(d, b);
	for (i = 0; i < d->n; i++) {
		p = &d->v[i];
		if (!(p->type == B_BULLET && i > 0 &&
		    d->v[i - 1].type == B_BULLET))
			buf_putc(b, '\n');
		switch (p->type) {
		case B_HEADING:
			md_line(b, hashes[p->level], p->text, "\n");
			break;
		case B_PARA:
		case B_SALUTATION:
			md_line(b, "", p->text, "\n");
			break;
		case B_BULLET:
			md_line(b, p->level ? "  - " : "- ", p->text, "\n");
			break;
		case B_TODO:
			md_line(b, "_", p->text, "_\n");
			break;
		case B_TABLE:
			md_table(b, p);
			break;
		case B_END:
			md_end(d, p, b);
			break;
		}
	}
}

/* --- HTML ------------------------------------------------------------ */

/* A self-contained page: no scripts, fonts or images to fetch, and print
 * rules for A4 with the docx's margins. */
static const char html_style[] =
	"@page{size:A4;margin:22mm 17mm 22mm 32mm}"
	"body{font-family:'Times New Roman',Times,'Liberation Serif',serif;"
	"font-size:13pt;line-height:1.4;max-width:161mm;margin:1.5em auto;"
	"padding:0 1em;color:#000;background:#fff}"
	"table.layout{width:100%;border-collapse:collapse;margin:0 0 1em;"
	"font-size:12pt}"
	"table.layout td{vertical-align:top;text-align:center;padding:0 4px;"
	"width:50%}"
	"table.layout p{margin:0}"
	".org{font-weight:bold}.motto{font-weight:bold}"
	".date{font-style:italic}"
	".recipients{text-align:left!important;font-size:11pt}"
	".recipients ul{list-style-type:'- ';padding-left:1em;margin:0}"
	".sign{height:5em}"
	"h1{font-size:14pt;text-align:center;margin:1em 0 0}"
	".doc-title{font-weight:bold;text-align:center;margin:0 0 1em}"
	"h2{font-size:13pt;margin:1.2em 0 .4em}"
	"h3{font-size:13pt;margin:.9em 0 .3em}"
	"h4{font-size:13pt;font-style:italic;margin:.9em 0 .3em}"
	"h1,h2,h3,h4{page-break-after:avoid;break-after:avoid}"
	".salutation{text-align:center}"
	"mark.todo{background:#ff0;font-style:italic}"
	"ul.items{margin:.2em 0;padding-left:1.4em;list-style-type:'- '}"
	"ul.items ul{list-style-type:'+ '}"
	"li{margin:.1em 0}"
	"table.grid{border-collapse:collapse;width:100%;font-size:10.5pt;"
	"margin:.3em 0 .8em}"
	"table.grid th,table.grid td{border:1px solid #444;padding:2px 4px;"
	"vertical-align:top;text-align:left}"
	"table.grid th{background:#eee}"
	"thead{display:table-header-group}"
	"tr{page-break-inside:avoid;break-inside:avoid}"
	"table.grid td:first-child{white-space:nowrap}"
	"@media print{body{margin:0;max-width:none;padding:0}"
	"table.grid th{background:none}}";

/* One <p>, with a class when cls is not NULL. */
static void
html_p(struct buf *b, const char *cls, const char *text)
{
	if (cls != NULL)
		html_printf(b, "<p class=\"%s\">%s</p>\n", cls, text);
	else
		html_printf(b, "<p>%s</p>\n", text);
}

static void
html_head(const struct doc *d, int h, struct buf *b)
{
	const struct words *w = words(d->lang);

	html_raw(b, "<table class=\"layout head\" role=\"presentation\">"
	    "<tr><td>");
	if (d->parent)
		html_p(b, NULL, d->parent);
	html_p(b, "org", d->name);
	html_raw(b, "</td><td>");
	html_p(b, "motto", w->motto[0]);
	html_p(b, "motto", w->motto[1]);
	html_raw(b, "</td></tr>\n<tr><td>");
	html_p(b, "number", d->number);
	if (d->summary)
		html_p(b, "summary", d->summary);
	html_raw(b, "</td><td>");
	html_p(b, "date", d->dateline);
	html_raw(b, "</td></tr></table>\n");
	if (d->kind)
		html_printf(b, "<h%d class=\"kind\">%s</h%d>\n", h, d->kind, h);
	if (d->title)
		html_p(b, "doc-title", d->title);
}

/* Open and close <ul>/<li> so nested bullets become nested lists. */
static void
html_list(struct buf *b, int *depth, int want, const char *text)
{
	if (want < 0) {
		if (*depth == 2)
			html_raw(b, "</li></ul>");
		if (*depth >= 1)
			html_raw(b, "</li></ul>\n");
		*depth = 0;
		return;
	}
	if (want == 0) {
		html_raw(b, *depth == 0 ? "<ul class=\"items\">" : *depth == 1 ?
		    "</li>\n" : "</li></ul></li>\n");
		*depth = 1;
	} else {
		html_raw(b, *depth == 0 ? "<ul class=\"items\"><li><ul>" :
		    *depth == 1 ? "<ul>" : "</li>");
		*depth = 2;
	}
	html_printf(b, "<li>%s", text);
}

static void
html_table(struct buf *b, const struct block *t)
{
	size_t r, k;

	html_raw(b, "<table class=\"grid\">\n<thead>");
	for (r = 0; r < t->nrows; r++) {
		html_raw(b, "<tr>");
		for (k = 0; k < t->ncols; k++)
			html_printf(b, r == 0 ? "<th>%s</th>" : "<td>%s</td>",
			    t->cells[r * t->ncols + k]);
		html_raw(b, r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
	}
	html_raw(b, "</tbody></table>\n");
}

static void
html_end(const struct doc *d, const struct block *e, struct buf *b)
{
	size_t k;

	html_printf(b, "<table class=\"layout end\" role=\"presentation\">"
	    "<tr><td class=\"recipients\"><p><b><i>%s</i></b></p><ul>",
	    words(d->lang)->recipients);
	for (k = 0; k < e->nrows; k++)
		html_printf(b, "<li>%s</li>", e->cells[k]);
	html_printf(b, "</ul></td><td><p class=\"org\">%s</p>"
	    "<p class=\"sign\"></p><p class=\"org\">%s</p></td></tr>"
	    "</table>\n", d->signer_title ? d->signer_title : "",
	    d->signer ? d->signer : "");
}

/* One block but a bullet; h is the kind's heading level. */
static void
html_block(const struct doc *d, const struct block *p, int h, struct buf *b)
{
	switch (p->type) {
	case B_HEADING:
		html_printf(b, "<h%d>%s</h%d>\n", h + p->level, p->text,
		    h + p->level);
		break;
	case B_PARA:
		html_p(b, NULL, p->text);
		break;
	case B_SALUTATION:
		html_p(b, "salutation", p->text);
		break;
	case B_TODO:
		html_printf(b, "<p><mark class=\"todo\">%s</mark></p>\n",
		    p->text);
		break;
	case B_TABLE:
		html_table(b, p);
		break;
	case B_END:
		html_end(d, p, b);
		break;
	case B_BULLET:
		break;
	}
}

static void
html_body(const struct doc *d, int h, struct buf *b)
{
	size_t i;
	int depth = 0;

	html_head(d, h, b);
	for (i = 0; i < d->n; i++) {
		if (d->v[i].type == B_BULLET) {
			html_list(b, &depth, d->v[i].level, d->v[i].text);
			continue;
		}
		html_list(b, &depth, -1, NULL);
		html_block(d, &d->v[i], h, b);
	}
	html_list(b, &depth, -1, NULL);
}

static void
render_html(const struct doc *d, struct buf *b)
{
	html_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>%s%s%s"
	    "</title>\n", d->lang == LANG_EN ? "en" : "vi",
	    d->kind ? d->kind : "", d->kind && d->title ? ": " : "",
	    d->title ? d->title : d->kind ? "" : d->name);
	html_raw(b, "<style>");
	html_raw(b, html_style);
	html_raw(b, "</style>\n</head>\n<body>\n");
	html_body(d, 1, b);
	html_raw(b, "</body>\n</html>\n");
}

/* --- docx ------------------------------------------------------------ */

static void
docx_head(const struct doc *d, struct docx *x)
{
	static const int widths[] = { 42, 58 };
	const struct words *w = words(d->lang);

	docx_grid_begin(x, 2, widths);
	docx_grid_cell(x);
	if (d->parent)
		docx_para(x, d->parent, DOCX_CENTER | DOCX_SMALL);
	docx_para(x, d->name, DOCX_CENTER | DOCX_BOLD | DOCX_SMALL);
	docx_grid_cell(x);
	docx_para(x, w->motto[0], DOCX_CENTER | DOCX_BOLD | DOCX_SMALL);
	docx_para(x, w->motto[1], DOCX_CENTER | DOCX_BOLD);
	docx_grid_row(x);
	docx_grid_cell(x);
	docx_para(x, d->number, DOCX_CENTER);
	if (d->summary)
		docx_para(x, d->summary, DOCX_CENTER | DOCX_SMALL);
	docx_grid_cell(x);
	docx_para(x, d->dateline, DOCX_CENTER | DOCX_ITALIC);
	docx_grid_end(x);
	if (d->kind)
		docx_heading(x, 0, d->kind);
	if (d->title)
		docx_para(x, d->title, DOCX_CENTER | DOCX_BOLD);
}

static void
docx_end(const struct doc *d, const struct block *e, struct docx *x)
{
	static const int widths[] = { 45, 55 };
	char *line;
	size_t k;

	docx_grid_begin(x, 2, widths);
	docx_grid_cell(x);
	docx_para(x, words(d->lang)->recipients, DOCX_BOLD | DOCX_ITALIC |
	    DOCX_SMALL);
	for (k = 0; k < e->nrows; k++) {
		line = xasprintf("- %s", e->cells[k]);
		docx_para(x, line, DOCX_SMALL);
		free(line);
	}
	docx_grid_cell(x);
	docx_para(x, d->signer_title ? d->signer_title : "", DOCX_CENTER |
	    DOCX_BOLD);
	/* Room for the signature and the seal. */
	for (k = 0; k < 4; k++)
		docx_para(x, "", DOCX_CENTER);
	docx_para(x, d->signer ? d->signer : "", DOCX_CENTER | DOCX_BOLD);
	docx_grid_end(x);
}

static void
docx_block(const struct doc *d, const struct block *p, struct docx *x)
{
	switch (p->type) {
	case B_HEADING:
		docx_heading(x, p->level, p->text);
		break;
	case B_PARA:
		docx_para(x, p->text, 0);
		break;
	case B_SALUTATION:
		docx_para(x, p->text, DOCX_CENTER);
		break;
	case B_BULLET:
		docx_bullet(x, p->level, p->text);
		break;
	case B_TODO:
		docx_para(x, p->text, DOCX_ITALIC | DOCX_HIGHLIGHT);
		break;
	case B_TABLE:
		docx_table(x, p->ncols, p->nrows, p->cells, p->widths);
		break;
	case B_END:
		docx_end(d, p, x);
		break;
	}
}

static int
render_docx(const struct doc *d, struct buf *b)
{
	struct docx *x = docx_new(d->lang == LANG_EN ? "en-GB" : "vi-VN");
	char *data = NULL;
	size_t i, len = 0;
	int ret;

	docx_head(d, x);
	for (i = 0; i < d->n; i++)
		docx_block(d, &d->v[i], x);
	ret = docx_finish(x, &data, &len);
	docx_free(x);
	if (ret == 0)
		buf_add(b, data, len);
	free(data);
	return ret;
}

int
doc_render(const struct doc *d, enum doc_format fmt, struct buf *out)
{
	switch (fmt) {
	case DOC_MD:
		render_md(d, out);
		return 0;
	case DOC_HTML:
		render_html(d, out);
		return 0;
	case DOC_HTML_FRAGMENT:
		/* The page has its <h1>: the kind is an <h2>. */
		html_body(d, 2, out);
		return 0;
	case DOC_DOCX:
		return render_docx(d, out);
	}
	log_warnx("doc: unknown format %d", (int)fmt);
	return -1;
}

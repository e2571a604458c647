/*
 * Rendering a plan document (plan.c builds it) as Markdown, a
 * self-contained HTML page, CSV rows or .docx (docx.c).  Every text of the
 * model is escaped for its output language here (escape.c), since titles,
 * notes and places come from imported files and forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "escape.h"
#include "log.h"
#include "plan.h"
#include "util.h"


int
plan_parse_format(const char *s, enum plan_format *out)
{
	static const char *const names[] = { "md", "html", "csv", "docx" };
	size_t i;

	for (i = 0; i < NELEM(names); i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum plan_format)i;
			return 0;
		}
	return -1;
}

const char *
plan_content_type(enum plan_format fmt)
{
	switch (fmt) {
	case PLAN_MD:
		return "text/markdown; charset=utf-8";
	case PLAN_HTML:
		return "text/html; charset=utf-8";
	case PLAN_CSV:
		return "text/csv; charset=utf-8";
	case PLAN_DOCX:
		break;
	}
	return "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document";
}

static void
md_table(struct buf *b, const struct plan_block *t)
{
	size_t r, k;

	for (r = 0; r < t->nrows; r++) {
		buf_puts(b, "|");
		for (k = 0; k < t->ncols; k++) {
			buf_putc(b, ' ');
			esc_md(b, t->cells[r * t->ncols + k]);
			buf_puts(b, " |");
		}
		buf_putc(b, '\n');
		if (r == 0) {
			buf_puts(b, "|");
			for (k = 0; k < t->ncols; k++)
				buf_puts(b, "---|");
			buf_putc(b, '\n');
		}
	}
}

/* One Markdown line: its markup, then the text escaped. */
static void
md_line(struct buf *b, const char *open, const char *text,
    const char *close)
{
	buf_puts(b, open);
	esc_md(b, text);
	buf_puts(b, close);
}

static void
render_md(const struct plan_doc *d, struct buf *b)
{
	const struct plan_block *p;
	size_t i;

	for (i = 0; i < d->nblocks; i++) {
		p = &d->blocks[i];
		/* A blank line between blocks, none inside a list. */
		if (i > 0 && !(p->type == PB_BULLET &&
		    d->blocks[i - 1].type == PB_BULLET))
			buf_putc(b, '\n');
		switch (p->type) {
		case PB_TITLE:
			md_line(b, "# ", p->text, "\n");
			break;
		case PB_META:
			md_line(b, p->level == 0 ? "**" : "_", p->text,
			    p->level == 0 ? "**\n" : "_\n");
			break;
		case PB_H1:
			md_line(b, "## ", p->text, "\n");
			break;
		case PB_H2:
			md_line(b, "### ", p->text, "\n");
			break;
		case PB_PARA:
			md_line(b, "", p->text, "\n");
			break;
		case PB_BULLET:
			md_line(b, p->level ? "  - " : "- ", p->text, "\n");
			break;
		case PB_TABLE:
			md_table(b, p);
			break;
		}
	}
}

static void
render_csv(const struct plan_doc *d, struct buf *b)
{
	const struct plan_row *r;
	char date[11];
	size_t i;

	buf_puts(b, "date,key,kind,country,n,milestone,precision,confidence,"
	    "section,title,note,activities\r\n");
	for (i = 0; i < d->nrows; i++) {
		r = &d->rows[i];
		util_format_ymd(r->date, date, sizeof(date));
		buf_printf(b, "%s,", date);
		esc_csv(b, r->key);
		buf_putc(b, ',');
		esc_csv(b, r->kind);
		buf_printf(b, ",%s,", r->country);
		if (r->n > 0)
			buf_printf(b, "%d", r->n);
		buf_printf(b, ",%s,%s,%s,", rules_milestone_name(r->milestone),
		    strcmp(r->kind, "activity") ? rules_precision_name(
		    r->precision) : "", r->confidence);
		esc_csv(b, r->section);
		buf_putc(b, ',');
		esc_csv(b, r->title);
		buf_putc(b, ',');
		esc_csv(b, r->note);
		buf_putc(b, ',');
		esc_csv(b, r->activities);
		buf_puts(b, "\r\n");
	}
}

/* One self-contained page: no scripts, fonts or images to fetch, and
 * print rules for A4 (the paper of Vietnamese official documents). */
static const char html_style[] =
	"@page{size:A4;margin:20mm 20mm 20mm 30mm}"
	"body{font-family:'Times New Roman',Times,'Liberation Serif',serif;"
	"font-size:13pt;line-height:1.4;max-width:170mm;margin:1.5em auto;"
	"padding:0 1em;color:#000;background:#fff}"
	".org{font-weight:bold;margin:0}"
	".date{font-style:italic;text-align:right;margin:0 0 1em}"
	"h1{font-size:15pt;text-align:center;margin:1em 0}"
	"h2{font-size:13.5pt;margin:1.2em 0 .4em}"
	"h3{font-size:13pt;font-style:italic;margin:.9em 0 .3em}"
	"h1,h2,h3{page-break-after:avoid;break-after:avoid}"
	"ul{margin:.2em 0;padding-left:1.4em;list-style-type:'- '}"
	"ul ul{list-style-type:'+ '}"
	"li{margin:.1em 0}"
	"table{border-collapse:collapse;width:100%;font-size:10.5pt;"
	"margin:.3em 0 .8em}"
	"th,td{border:1px solid #444;padding:2px 4px;vertical-align:top;"
	"text-align:left}"
	"th{background:#eee}"
	"thead{display:table-header-group}"
	"tr{page-break-inside:avoid;break-inside:avoid}"
	"td:first-child{white-space:nowrap}"
	"@media print{body{margin:0;max-width:none;padding:0}"
	"th{background:none}}";

/* Open and close <ul>/<li> so nested bullets become nested lists. */
static void
html_list(struct buf *b, int *depth, int want, const char *text)
{
	if (want < 0) {
		if (*depth == 2)
			buf_puts(b, "</li></ul>");
		if (*depth >= 1)
			buf_puts(b, "</li></ul>\n");
		*depth = 0;
		return;
	}
	if (want == 0) {
		buf_puts(b, *depth == 0 ? "<ul>" : *depth == 1 ? "</li>\n" :
		    "</li></ul></li>\n");
		*depth = 1;
	} else {
		buf_puts(b, *depth == 0 ? "<ul><li><ul>" : *depth == 1 ?
		    "<ul>" : "</li>");
		*depth = 2;
	}
	buf_puts(b, "<li>");
	esc_html(b, text);
}

static void
html_table(struct buf *b, const struct plan_block *t)
{
	size_t r, k;

	buf_puts(b, "<table>\n<thead>");
	for (r = 0; r < t->nrows; r++) {
		buf_puts(b, "<tr>");
		for (k = 0; k < t->ncols; k++) {
			buf_puts(b, r == 0 ? "<th>" : "<td>");
			esc_html(b, t->cells[r * t->ncols + k]);
			buf_puts(b, r == 0 ? "</th>" : "</td>");
		}
		buf_puts(b, r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
}

/* One block; headings from level first (the title's). */
static void
html_block(struct buf *b, const struct plan_block *p, int first)
{
	int h = p->type == PB_TITLE ? first : p->type == PB_H1 ? first + 1 :
	    p->type == PB_H2 ? first + 2 : 0;

	if (p->type == PB_TABLE) {
		html_table(b, p);
		return;
	}
	if (p->type == PB_META)
		buf_printf(b, "<p class=\"%s\">", p->level ? "date" : "org");
	else if (h > 0)
		buf_printf(b, "<h%d>", h);
	else
		buf_puts(b, "<p>");
	esc_html(b, p->text);
	if (h > 0)
		buf_printf(b, "</h%d>\n", h);
	else
		buf_puts(b, "</p>\n");
}

void
plan_render_fragment(const struct plan_doc *d, int first, struct buf *b)
{
	size_t i;
	int depth = 0;

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type == PB_BULLET) {
			html_list(b, &depth, d->blocks[i].level,
			    d->blocks[i].text);
			continue;
		}
		html_list(b, &depth, -1, NULL);
		html_block(b, &d->blocks[i], first);
	}
	html_list(b, &depth, -1, NULL);
}

static void
render_html(const struct plan_doc *d, struct buf *b)
{
	size_t i;

	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>",
	    d->lang == LANG_EN ? "en" : "vi");
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].type == PB_TITLE)
			esc_html(b, d->blocks[i].text);
	buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n",
	    html_style);
	plan_render_fragment(d, 1, b);
	buf_puts(b, "</body>\n</html>\n");
}

static int
render_docx(const struct plan_doc *d, char **out, size_t *len)
{
	/* "Mục" / "Section" and "1.1, 3" on one line at 11 points. */
	static const int widths_vi[] = { 11, 39, 11, 9, 30 };
	static const int widths_en[] = { 11, 36, 11, 12, 30 };
	const int *widths = d->lang == LANG_EN ? widths_en : widths_vi;
	struct docx *x = docx_new(d->lang == LANG_EN ? "en-GB" : "vi-VN");
	const struct plan_block *p;
	size_t i;
	int ret;

	for (i = 0; i < d->nblocks; i++) {
		p = &d->blocks[i];
		switch (p->type) {
		case PB_TITLE:
			docx_heading(x, 0, p->text);
			break;
		case PB_META:
			docx_para(x, p->text, p->level ? DOCX_ITALIC :
			    DOCX_BOLD);
			break;
		case PB_H1:
			docx_heading(x, 1, p->text);
			break;
		case PB_H2:
			docx_heading(x, 2, p->text);
			break;
		case PB_PARA:
			docx_para(x, p->text, 0);
			break;
		case PB_BULLET:
			docx_bullet(x, p->level, p->text);
			break;
		case PB_TABLE:
			docx_table(x, p->ncols, p->nrows, p->cells, widths);
			break;
		}
	}
	ret = docx_finish(x, out, len);
	docx_free(x);
	return ret;
}

int
plan_render(const struct plan_doc *doc, enum plan_format fmt, char **out,
    size_t *len)
{
	struct buf b;

	if (fmt == PLAN_DOCX)
		return render_docx(doc, out, len);
	buf_init(&b);
	if (fmt == PLAN_MD)
		render_md(doc, &b);
	else if (fmt == PLAN_HTML)
		render_html(doc, &b);
	else
		render_csv(doc, &b);
	if (b.data == NULL)
		buf_puts(&b, "");
	*len = b.len;
	*out = buf_detach(&b);
	return 0;
}

void
plan_files_free(struct plan_file *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].body);
	}
	free(v);
}

char *
plan_disposition(int year, enum plan_format fmt, enum lang lang)
{
	static const char *const ext[] = { "md", "html", "csv", "docx" };

	/* ASCII, in the words of the document's title. */
	return xasprintf("%s; filename=\"%s-%d.%s\"", fmt == PLAN_HTML ?
	    "inline" : "attachment", lang == LANG_EN ? "activity-plan" :
	    "phuong-huong", year, ext[fmt]);
}

int
plan_files(const struct plan_input *in, int from, int to,
    struct plan_file **out, size_t *n)
{
	static const enum plan_format fmts[] = { PLAN_MD, PLAN_HTML,
	    PLAN_DOCX };
	static const char *const ext[] = { "md", "html", "csv", "docx" };
	struct plan_input one = *in;
	struct plan_file *v = NULL, *f;
	struct plan_doc doc;
	size_t k, nv = 0;
	int y;

	for (y = from; y <= to; y++) {
		one.year = y;
		if (plan_build(&one, &doc) == -1)
			goto fail;
		v = xrealloc(v, (nv + NELEM(fmts)) * sizeof(*v));
		for (k = 0; k < NELEM(fmts); k++) {
			f = &v[nv];
			if (plan_render(&doc, fmts[k], &f->body, &f->len) == -1)
				break;
			f->fmt = fmts[k];
			f->year = y;
			f->path = xasprintf("/plan/%d.%s", y, ext[fmts[k]]);
			nv++;
		}
		plan_doc_release(&doc);
		if (k < NELEM(fmts))
			goto fail;
	}
	*out = v;
	*n = nv;
	return 0;
fail:
	plan_files_free(v, nv);
	return -1;
}

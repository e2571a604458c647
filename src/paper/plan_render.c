/*
 * Rendering a plan document (plan.c builds it): Markdown, HTML and .docx
 * through doc.c, in the layout of official documents (header, symbol KH,
 * signature), and the CSV rows here.  Every text of the model is escaped
 * for its output language (escape.c), since titles, notes and places come
 * from imported files and forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "escape.h"
#include "log.h"
#include "plan.h"
#include "util.h"


/* The plan's formats are doc.c's, named there once. */
static enum doc_format
doc_fmt(enum plan_format fmt)
{
	static const enum doc_format map[] = { [PLAN_MD] = DOC_MD,
	    [PLAN_HTML] = DOC_HTML, [PLAN_CSV] = DOC_CSV,
	    [PLAN_DOCX] = DOC_DOCX, [PLAN_PDF] = DOC_PDF };

	return map[fmt];
}

int
plan_parse_format(const char *s, enum plan_format *out)
{
	enum doc_format f;
	size_t i;

	if (doc_parse_format(s, &f) == -1)
		return -1;
	for (i = 0; i <= PLAN_PDF; i++)
		if (doc_fmt((enum plan_format)i) == f) {
			*out = (enum plan_format)i;
			return 0;
		}
	return -1;
}

const char *
plan_content_type(enum plan_format fmt)
{
	return doc_content_type(doc_fmt(fmt));
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

/* "Mục" / "Section" and "1.1, 3" on one line at 11 points. */
static const int widths_vi[] = { 11, 39, 11, 9, 30 };
static const int widths_en[] = { 11, 36, 11, 12, 30 };

/* An appendix's heading without its "Phụ lục: " (doc.c writes its own
 * label). */
static const char *
appendix_title(const char *text)
{
	const char *colon = strstr(text, ": ");

	return colon != NULL && (strncmp(text, "Phụ lục", 10) == 0 ||
	    strncmp(text, "Appendix", 8) == 0) ? colon + 2 : text;
}

/* Block b of p into d, its headings down levels lower; after the end, a
 * first-level heading starts an appendix. */
static void
add_block(const struct plan_doc *p, const struct plan_block *b,
    struct doc *d, int down, int ended)
{
	switch (b->type) {
	case PB_TODO:
		doc_todo(d, b->text);
		break;
	case PB_H1:
		if (ended)
			doc_appendix(d, appendix_title(b->text));
		else
			doc_heading(d, 1 + down, b->text);
		break;
	case PB_H2:
		doc_heading(d, 2 + down, b->text);
		break;
	case PB_PARA:
		doc_para(d, b->text);
		break;
	case PB_BULLET:
		doc_bullet(d, b->level, b->text);
		break;
	case PB_TABLE:
		doc_table(d, b->ncols, b->nrows, b->cells, b->ncols == 5 ?
		    (p->lang == LANG_EN ? widths_en : widths_vi) : NULL);
		break;
	case PB_END:
		doc_end_list(d, b->text);
		break;
	}
}

/* The plan as a document of the decree's layout, symbol KH; others 0
 * leaves out the appendix of the milestones 1.1 does not name. */
static struct doc *
to_doc(const struct plan_doc *p, int others)
{
	struct doc_head h;
	struct doc *d;
	size_t i;
	int ended = 0;

	memset(&h, 0, sizeof(h));
	h.kind = p->kind;
	h.title = p->title;
	h.symbol = "KH";
	h.date = p->date;
	d = doc_new(&p->org, p->lang, &h);
	for (i = 0; i < p->nblocks; i++) {
		if (others || i < p->others_from || i >= p->others_to)
			add_block(p, &p->blocks[i], d, 0, ended);
		ended |= p->blocks[i].type == PB_END;
	}
	return d;
}

int
plan_render_body(const struct plan_doc *p, struct doc *d)
{
	size_t i;
	int any = 0;

	for (i = 0; i < p->nblocks && p->blocks[i].type != PB_END; i++) {
		any |= p->blocks[i].type == PB_H1;
		if (any)
			add_block(p, &p->blocks[i], d, 1, 0);
	}
	return any;
}

void
plan_render_fragment(const struct plan_doc *p, int others, struct buf *b)
{
	struct doc *d = to_doc(p, others);

	doc_render(d, DOC_HTML_FRAGMENT, b);
	doc_free(d);
}

int
plan_render(const struct plan_doc *doc, enum plan_format fmt, char **out,
    size_t *len)
{
	struct doc *d;
	struct buf b;
	int ret = 0;

	buf_init(&b);
	if (fmt == PLAN_CSV)
		render_csv(doc, &b);
	else {
		d = to_doc(doc, 1);
		ret = doc_render(d, doc_fmt(fmt), &b);
		doc_free(d);
	}
	if (ret == -1) {
		buf_release(&b);
		return -1;
	}
	/* NUL-terminated text; the docx bytes keep their length. */
	buf_putc(&b, '\0');
	*len = b.len - 1;
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
	/* ASCII, in the words of the document's title. */
	return xasprintf("%s; filename=\"%s-%d.%s\"", fmt == PLAN_HTML ?
	    "inline" : "attachment", lang == LANG_EN ? "activity-plan" :
	    "phuong-huong", year, doc_format_ext(doc_fmt(fmt)));
}

int
plan_files(const struct plan_input *in, int from, int to,
    struct plan_file **out, size_t *n)
{
	static const enum plan_format fmts[] = { PLAN_MD, PLAN_HTML,
	    PLAN_DOCX };
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
			f->path = xasprintf("/plan/%d.%s", y,
			    doc_format_ext(doc_fmt(fmts[k])));
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

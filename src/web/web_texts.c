/*
 * Phần cán bộ viết: the narrative sections of a document and year
 * (/app/texts/DOC/YEAR), as `kyniem text` edits them: one form per
 * section (its textarea named by the section's key), where each text
 * comes from (this year, or inherited from an earlier one), its versions
 * with a button to bring one back, what is not written yet, and the
 * whole document as it would print.  The texts, their checks and their
 * audit rows are texts.c's; the documents are report.c's and plan.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "lunar.h"
#include "narrative.h"
#include "plan.h"
#include "report.h"
#include "text.h"
#include "texts.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

/* What a save refused, to show again with what was typed. */
struct refusal {
	const char *key;	/* the section's */
	const char *body;	/* as typed */
	const struct field_errs *errs;
};

static const char *
doc_title(const struct web_req *r, const char *doc)
{
	if (strcmp(doc, "report") == 0)
		return L(r, "Báo cáo tổng kết năm", "Year-end report");
	if (strcmp(doc, "plan") == 0)
		return L(r, "Kế hoạch năm", "Plan");
	return L(r, "Báo cáo của Cụm năm", "Cluster report");
}

/* The document and year of the path: 0, or 1 after a 404. */
static int
target(struct web_req *r, const char **doc, int *year)
{
	if (text_sections(r->arg) == NULL || r->id < LUNAR_MIN_YEAR ||
	    r->id > LUNAR_MAX_YEAR - 2) {
		web_error(r, 404, "Không có tài liệu này.",
		    "There is no such document.");
		return 1;
	}
	*doc = r->arg;
	*year = (int)r->id;
	return 0;
}

/* "Kế thừa từ năm 2022", "Bản 3, lưu 1/12/2024 10:00 (a@x.org)"... */
static void
state(struct web_req *r, const char *doc, int year,
    const struct text_section *s, const struct text_list *h)
{
	int from;
	const char *body = text_find(&r->data->texts, doc, year, s->key,
	    &from);

	html_raw(r->out, "<p class=\"state\">");
	if (h->n > 0 && from == year) {
		html_printf(r->out, "%s %ld, %s ", L(r, "Bản", "Version"),
		    h->v[0].version, L(r, "lưu lúc", "saved"));
		ui_time(r, h->v[0].at);
		html_printf(r->out, " %s %s", L(r, "bởi", "by"), h->v[0].who);
		if (body == NULL)
			html_printf(r->out, " — %s", L(r, "để trống: mục này "
			    "không có trong tài liệu", "empty: the document "
			    "leaves this section out"));
	} else if (body != NULL)
		html_printf(r->out, "<strong class=\"inherited\">%s %d</strong>"
		    " — %s", L(r, "Kế thừa từ năm", "Inherited from"), from,
		    L(r, "chưa sửa cho năm này; lưu để dùng cho năm này",
		    "not edited for this year; save it to make it this "
		    "year's"));
	else if (from != 0)
		html_printf(r->out, "%s %d: %s", L(r, "Để trống từ năm",
		    "Empty since"), from, L(r, "mục này không có trong tài "
		    "liệu", "the document leaves this section out"));
	else
		html_printf(r->out, "<strong>%s</strong>%s", L(r, "Chưa viết",
		    "Not written"), s->optional ? L(r, " (không bắt buộc)",
		    " (optional)") : "");
	html_raw(r->out, "</p>\n");
}

/* Characters of a version the history shows: its beginning, enough to
 * tell versions apart without a page of every one. */
#define HISTORY_CHARS	300

/* The first max characters of body (UTF-8, checked when saved), with
 * "…" when there is more; the caller frees. */
static char *
beginning(const char *body, size_t max)
{
	const char *p = body;
	size_t n = 0;

	for (; *p != '\0'; p++)
		if (((unsigned char)*p & 0xc0) != 0x80 && n++ == max)
			break;
	return *p == '\0' ? xstrdup(body) : xasprintf("%.*s…",
	    (int)(p - body), body);
}

/* The versions of one section, newest first, each but the current one
 * with a button that brings it back. */
static void
history(struct web_req *r, const char *doc, int year, const char *key,
    const struct text_list *h)
{
	char action[160], label[64], *shown;
	size_t i;

	if (h->n == 0)
		return;
	html_printf(r->out, "<details><summary>%s (%zu)</summary>\n"
	    "<table class=\"list\"><thead><tr><th>%s</th><th class=\"date\">"
	    "%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
	    L(r, "Các bản đã lưu", "Saved versions"), h->n, L(r, "Bản",
	    "Version"), L(r, "Lúc", "When"), L(r, "Người lưu", "By"),
	    L(r, "Nội dung", "Text"), L(r, "Thao tác", "Actions"));
	for (i = 0; i < h->n; i++) {
		html_printf(r->out, "<tr><td>%ld</td><td class=\"date\">",
		    h->v[i].version);
		ui_time(r, h->v[i].at);
		shown = beginning(h->v[i].body, HISTORY_CHARS);
		html_printf(r->out, "</td><td>%s</td><td><span class=\"pre\">"
		    "%s</span>", h->v[i].who, *shown != '\0' ? shown :
		    L(r, "(để trống)", "(empty)"));
		free(shown);
		if (h->v[i].restored > 0)
			html_printf(r->out, " <span class=\"muted\">(%s %ld)"
			    "</span>", L(r, "khôi phục bản", "restored "
			    "version"), h->v[i].restored);
		html_raw(r->out, "</td><td>");
		if (i > 0 && r->s.user.role >= ROLE_EDITOR) {
			snprintf(action, sizeof(action), "/app/texts/%s/%d/"
			    "restore?key=%s&version=%ld", doc, year, key,
			    h->v[i].version);
			snprintf(label, sizeof(label), "%s %ld", L(r,
			    "Khôi phục bản", "Restore version"),
			    h->v[i].version);
			ui_button(r, action, label, "secondary", NULL);
		}
		html_raw(r->out, "</td></tr>\n");
	}
	html_raw(r->out, "</tbody></table></details>\n");
}

/* One section: its state, its form (or its text for a viewer), its
 * versions. */
static int
section(struct web_req *r, const char *doc, int year,
    const struct text_section *s, const struct refusal *bad)
{
	const char *body = text_find(&r->data->texts, doc, year, s->key,
	    NULL);
	const struct field_err *e = NULL;
	struct text_list h;
	struct ui_field f;
	char *hint = NULL;

	if (text_history(r->st, doc, year, s->key, &h) == -1)
		return -1;
	if (bad != NULL && strcmp(bad->key, s->key) == 0) {
		body = bad->body;
		e = bad->errs->n > 0 ? &bad->errs->v[0] : NULL;
	}
	html_printf(r->out, "<section class=\"card narrative\" id=\"s-%s\" "
	    "aria-labelledby=\"h-s-%s\"><h2 id=\"h-s-%s\">%s</h2>\n", s->key,
	    s->key, s->key, L(r, s->vi, s->en));
	state(r, doc, year, s, &h);
	if (r->s.user.role >= ROLE_EDITOR) {
		memset(&f, 0, sizeof(f));
		f.name = s->key;
		f.label = L(r, "Nội dung", "Text");
		f.value = body;
		hint = xasprintf("%s %s", L(r, s->about_vi, s->about_en),
		    L(r, "Mỗi dòng là một đoạn; dòng bắt đầu bằng “- ” hoặc "
		    "“+ ” là một gạch đầu dòng. Để trống và lưu: mục này "
		    "không có trong tài liệu.", "Each line is a paragraph; a "
		    "line starting \u201c- \u201d or \u201c+ \u201d is a "
		    "bullet. Saved empty, the document leaves the section "
		    "out."));
		f.hint = hint;
		f.error = e != NULL ? L(r, e->vi, e->en) : NULL;
		html_printf(r->out, "<form method=\"post\" action=\"%s/app/"
		    "texts/%s/%d#s-%s\">", r->root, doc, year, s->key);
		ui_csrf(r);
		ui_textarea(r, &f);
		html_printf(r->out, "<button type=\"submit\">%s</button></form>"
		    "\n", L(r, "Lưu mục này", "Save this section"));
	} else {
		html_printf(r->out, "<p class=\"hint\">%s</p>\n",
		    L(r, s->about_vi, s->about_en));
		if (body != NULL)
			html_printf(r->out, "<p class=\"pre\">%s</p>\n", body);
	}
	history(r, doc, year, s->key, &h);
	html_raw(r->out, "</section>\n");
	text_list_release(&h);
	free(hint);
	return 0;
}

/* What is not written yet, each linking to its form. */
static void
missing(struct web_req *r, const char *doc, int year)
{
	const struct text_section *s;
	int from, n = 0;

	for (s = text_sections(doc); s->key != NULL; s++) {
		if (s->optional || text_find(&r->data->texts, doc, year,
		    s->key, &from) != NULL || from != 0)
			continue;
		if (n++ == 0)
			html_printf(r->out, "<div class=\"errors\" "
			    "id=\"missing\"><p>%s</p><ul>", L(r, "Chưa viết "
			    "(tài liệu chưa có các mục này):", "Not written "
			    "yet (the document leaves these out):"));
		html_printf(r->out, "<li><a href=\"#s-%s\">%s</a></li>",
		    s->key, L(r, s->vi, s->en));
	}
	if (n > 0)
		html_raw(r->out, "</ul></div>\n");
	else
		html_printf(r->out, "<p class=\"flash\" id=\"missing\">%s"
		    "</p>\n", L(r, "Đã viết đủ các mục.",
		    "Every section is written."));
}

/* The whole document as it prints, for the report and the plan. */
static int
preview(struct web_req *r, const char *doc, int year)
{
	struct plan_input in;
	struct plan *p;
	struct doc *d;
	int ret;

	if (strcmp(doc, "report") != 0 && strcmp(doc, "plan") != 0)
		return 0;
	web_doc_input(r, year, &in);
	html_printf(r->out, "<h2 id=\"preview\">%s</h2>\n<article class=\"card "
	    "plan\" aria-labelledby=\"preview\">\n", L(r, "Xem trước toàn "
	    "văn", "Preview of the whole document"));
	if (strcmp(doc, "plan") == 0) {
		if (plan_place(&in, &p) == -1)
			return -1;
		d = plan_doc(p);
		plan_free(p);
	} else if (report_build(&in, &d, NULL) == -1)
		return -1;
	/* Folded by section: the page stays short, the outline first. */
	ret = doc_render_folded(d, r->out);
	doc_free(d);
	if (ret == -1)
		return -1;
	html_raw(r->out, "</article>\n");
	return 0;
}

static int
texts_page(struct web_req *r, const char *doc, int year, unsigned status,
    const struct refusal *bad)
{
	const struct text_section *s;
	char title[160];

	snprintf(title, sizeof(title), "%s %d: %s", doc_title(r, doc), year,
	    L(r, "phần cán bộ viết", "the parts staff write"));
	r->rs->status = status;
	ui_begin(r, title, "documents");
	html_printf(r->out, "<p><a href=\"%s/app/documents?year=%d\">%s</a>"
	    "</p>\n", r->root, year, L(r, "← Tài liệu", "← Documents"));
	if (bad != NULL)
		html_printf(r->out, "<p class=\"errors\" role=\"alert\">%s"
		    "</p>\n", L(r, "Chưa lưu được: hãy sửa mục được đánh "
		    "dấu dưới đây.", "Not saved: correct the section marked "
		    "below."));
	missing(r, doc, year);
	for (s = text_sections(doc); s->key != NULL; s++)
		if (section(r, doc, year, s, bad) == -1)
			return -1;
	if (preview(r, doc, year) == -1)
		return -1;
	ui_end(r);
	return 0;
}

int
web_texts(struct web_req *r)
{
	const char *doc;
	int year;

	if (target(r, &doc, &year) != 0)
		return 0;
	return texts_page(r, doc, year, 200, NULL);
}

/* Back to the section's form, with what happened said once. */
static int
back(struct web_req *r, const char *doc, int year, const char *key,
    const char *flash)
{
	char path[160];

	snprintf(path, sizeof(path), "/app/texts/%s/%d#s-%s", doc, year, key);
	return web_redirect_flash(r, path, flash, NULL);
}

/* POST /app/texts/DOC/YEAR: the one section field the form carries. */
int
web_text_save(struct web_req *r)
{
	const struct text_section *s;
	struct field_errs errs;
	struct refusal bad;
	const char *doc, *body = NULL;
	int year, rc;

	if (target(r, &doc, &year) != 0)
		return 0;
	for (s = text_sections(doc); s->key != NULL; s++)
		if ((body = http_req_field(r->hr, s->key)) != NULL)
			break;
	if (s->key == NULL)
		return web_error(r, 400, "Biểu mẫu không có mục nào để lưu.",
		    "The form has no section to save.");
	field_errs_init(&errs);
	rc = text_set(r->st, doc, year, s->key, body, r->s.user.email, r->now,
	    &errs);
	if (rc == TEXT_REFUSED) {
		bad.key = s->key;
		bad.body = body;
		bad.errs = &errs;
		rc = texts_page(r, doc, year, 422, &bad);
	} else if (rc != -1) {
		if (rc == TEXT_SAVED)
			web_dirty(r);
		rc = back(r, doc, year, s->key, rc == TEXT_SAVED ?
		    "text-saved" : "text-unchanged");
	}
	field_errs_release(&errs);
	return rc;
}

/* POST /app/texts/DOC/YEAR/restore?key=KEY&version=N. */
int
web_text_restore(struct web_req *r)
{
	const char *doc, *key = http_req_query(r->hr, "key");
	const char *v = http_req_query(r->hr, "version");
	struct field_errs errs;
	long version;
	int year, rc;

	if (target(r, &doc, &year) != 0)
		return 0;
	if (key == NULL || text_section_find(doc, key) == NULL ||
	    v == NULL || util_parse_int(v, 1, 1000000000L, &version) == -1)
		return web_error(r, 404, "Không có bản này.",
		    "There is no such version.");
	field_errs_init(&errs);
	rc = text_restore(r->st, doc, year, key, version, r->s.user.email,
	    r->now, &errs);
	field_errs_release(&errs);
	if (rc == TEXT_REFUSED)
		return web_error(r, 404, "Không có bản này.",
		    "There is no such version.");
	if (rc == -1)
		return -1;
	if (rc == TEXT_SAVED)
		web_dirty(r);
	return back(r, doc, year, key, rc == TEXT_SAVED ? "text-restored" :
	    "text-unchanged");
}

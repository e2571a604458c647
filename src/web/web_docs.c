/*
 * Tài liệu: the year's plan (Phương hướng hoạt động) as a page, and its
 * downloads as .docx, .pdf (where LibreOffice is installed), .md, .csv and
 * .html, all built by the plan service
 * (plan.h) from the dataset the pages read, as `kyniem plan` builds them;
 * the milestones of section 1.1 by rank, where editors put one in 1.1 or
 * take it out for the year (plan_choice.h, as `kyniem plan --include`);
 * and the year-end report (report.h) as .docx, .md and .html, as
 * `kyniem report` builds it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "escape.h"
#include "log.h"
#include "narrative.h"
#include "lunar.h"
#include "pdf.h"
#include "plan.h"
#include "plan_choice.h"
#include "report.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

static const char *const exts[] = { "docx", "pdf", "md", "csv", "html" };

void
web_doc_input(struct web_req *r, int year, struct plan_input *in)
{
	memset(in, 0, sizeof(*in));
	in->cfg = r->cfg;
	in->data = r->data;
	in->lunar = r->lunar;
	in->year = year;
	in->lang = r->lang;
	in->today = r->today;
}

/* Work out year's plan into *p for in; 0 or -1 (logged). */
static int
build(struct web_req *r, int year, struct plan_input *in, struct plan **p)
{
	web_doc_input(r, year, in);
	return plan_place(in, p);
}

/* The narrative sections of doc and year (web_texts.c): a link, and
 * how many are not written yet. */
static void
texts_link(struct web_req *r, const char *doc, int year)
{
	struct buf keys;
	int n;

	buf_init(&keys);
	n = text_missing(&r->data->texts, doc, year, &keys);
	html_printf(r->out, "<td><a href=\"%s/app/texts/%s/%d\">%s</a>",
	    r->root, doc, year, L(r, "Phần cán bộ viết", "Parts staff write"));
	if (n > 0)
		html_printf(r->out, " <span class=\"muted\">(%d %s)</span>",
		    n, L(r, "mục chưa viết", "not written"));
	html_raw(r->out, "</td>");
	buf_release(&keys);
}

/* What a download's format is to staff: "Word", not ".docx". */
static const char *
format_label(struct web_req *r, const char *ext)
{
	if (strcmp(ext, "docx") == 0)
		return "Word";
	if (strcmp(ext, "pdf") == 0)
		return "PDF";
	if (strcmp(ext, "md") == 0)
		return "Markdown";
	if (strcmp(ext, "csv") == 0)
		return L(r, "bảng tính (CSV)", "spreadsheet (CSV)");
	return L(r, "trang in (HTML)", "printable page (HTML)");
}

/* What year's document of prefix is called: "Kế hoạch năm 2024". */
static void
doc_name(struct web_req *r, const char *prefix, int year, char *s,
    size_t size)
{
	const char *name = strcmp(prefix, "report") == 0 ?
	    L(r, "Báo cáo năm", "Report") : strcmp(prefix, "plan") == 0 ?
	    L(r, "Kế hoạch năm", "Plan") : L(r, "Phụ lục kế hoạch năm",
	    "Plan appendix");

	snprintf(s, size, "%s %d", name, year);
}

/* A row of downloads of year's document: prefix-YEAR.EXT for each of n
 * extensions, each named by what it is ("Kế hoạch năm 2024 — Word"),
 * the report's and the plan's also as a draft that names the sections
 * not written, with a link to those sections. */
static void
downloads(struct web_req *r, int year, const char *prefix,
    const char *const *ext, size_t n)
{
	size_t i;
	int pdf = pdf_available();
	char name[80];
	/* The documents with narrative sections (the appendix has none). */
	const char *doc = strcmp(prefix, "report") == 0 ? "report" :
	    strcmp(prefix, "plan") == 0 ? "plan" : NULL;

	doc_name(r, prefix, year, name, sizeof(name));
	html_printf(r->out, "<tr><th scope=\"row\">%s</th><td><ul "
	    "class=\"downloads\">", name);
	/* A PDF only where LibreOffice can make it. */
	for (i = 0; i < n; i++)
		if (pdf || strcmp(ext[i], "pdf") != 0)
			html_printf(r->out, "<li><a href=\"%s/app/documents/"
			    "%s-%d.%s\" download>%s — %s</a></li>", r->root,
			    prefix, year, ext[i], name, format_label(r,
			    ext[i]));
	if (doc != NULL)
		html_printf(r->out, "<li><a href=\"%s/app/documents/%s-%d."
		    "docx?draft=1\" download>%s — %s</a></li>", r->root,
		    prefix, year, name, L(r, "bản dự thảo (Word, ghi các "
		    "mục chưa viết)", "draft (Word, naming the sections not "
		    "written)"));
	html_raw(r->out, "</ul></td>");
	if (doc != NULL)
		texts_link(r, doc, year);
	html_raw(r->out, "</tr>\n");
}

static const char *const report_exts[] = { "docx", "pdf", "md", "html" };
static const char *const appendix_exts[] = { "docx", "pdf", "md", "html" };

/* The report of year, when there can be one (report_year_ok()), with
 * its checklist before printing. */
static void
report_downloads(struct web_req *r, int year)
{
	struct plan_input in;
	int first;

	web_doc_input(r, year, &in);
	if (!report_year_ok(&in, &first))
		return;
	downloads(r, year, "report", report_exts, NELEM(report_exts));
	html_printf(r->out, "<tr><td></td><td><a href=\"%s/app/documents/%d/"
	    "check\">%s %d</a></td></tr>\n", r->root, year, L(r, "Trước khi "
	    "in báo cáo năm", "Before printing the report of"), year);
}

/* The year chooser: last year to the year after next, and the year
 * shown when it is none of them. */
static void
chooser(struct web_req *r, int year)
{
	ui_year_chooser(r, "/app/documents", L(r, "Năm kế hoạch", "Plan year"),
	    r->today.y - 1, r->today.y + 2, year);
}

/* The buttons of one milestone: what an editor may change. */
static void
pick_buttons(struct web_req *r, int year, const struct plan_place *p)
{
	char action[200];

	if (r->s.user.role < ROLE_EDITOR)
		return;
	if (!p->chosen || p->choice == PLAN_CHOICE_EXCLUDE) {
		snprintf(action, sizeof(action), "/app/documents/%d/%s/include",
		    year, p->oc->obs->key);
		ui_button(r, action, L(r, "Đưa vào kế hoạch",
		    "Put in the plan"), NULL, NULL);
	}
	if (p->chosen || p->choice == PLAN_CHOICE_INCLUDE) {
		snprintf(action, sizeof(action), "/app/documents/%d/%s/exclude",
		    year, p->oc->obs->key);
		ui_button(r, action, L(r, "Bỏ khỏi kế hoạch", "Take out of the "
		    "plan"), "secondary", NULL);
	}
	if (p->choice != PLAN_CHOICE_NONE) {
		snprintf(action, sizeof(action), "/app/documents/%d/%s/reset",
		    year, p->oc->obs->key);
		ui_button(r, action, L(r, "Theo xếp hạng", "As ranked"),
		    "secondary", NULL);
	}
}

/* Where a milestone is, and why: staff's choice or the ranking. */
static const char *
pick_state(struct web_req *r, const struct plan_place *p)
{
	if (p->choice == PLAN_CHOICE_INCLUDE)
		return L(r, "Có (cán bộ chọn)", "Yes (staff's choice)");
	if (p->choice == PLAN_CHOICE_EXCLUDE)
		return L(r, "Không (cán bộ bỏ ra)", "No (staff's choice)");
	if (p->chosen && p->nacts > 0)
		return L(r, "Có (có hoạt động)", "Yes (has an activity)");
	return p->chosen ? L(r, "Có", "Yes") : L(r, "Không", "No");
}

/* The rows of the ranked milestones the plan names (chosen) or does not,
 * best first, each with its score and whether the plan names it. */
static void
pick_rows(struct web_req *r, const struct plan *plan, int chosen)
{
	const struct plan_place *p;
	struct buf title, why;
	size_t i;

	ui_table_begin(r, 0, L(r, "Ngày kỷ niệm", "Anniversary"),
	    L(r, "Mức độ liên quan", "Relevance"), L(r, "Trong kế hoạch",
	    "In the plan"), L(r, "Thay đổi", "Change"), NULL);
	buf_init(&title);
	buf_init(&why);
	for (i = 0; i < plan->nranked; i++) {
		if ((plan->ranked[i]->chosen != 0) != (chosen != 0))
			continue;
		p = plan->ranked[i];
		title.len = why.len = 0;
		plan_place_title(plan, p, 1, &title);
		rank_explain(&p->rank, r->lang, &why);
		html_printf(r->out, "<tr><td><a href=\"%s/app/occasions/%s\">%s"
		    "</a></td><td>%s</td><td>%s</td><td>", r->root,
		    p->oc->obs->key, title.data, why.data, pick_state(r, p));
		pick_buttons(r, plan->in->year, p);
		html_raw(r->out, "</td></tr>\n");
	}
	buf_release(&title);
	buf_release(&why);
	html_raw(r->out, "</tbody></table>\n");
}

/* The year's milestones the plan may name: those it names in a table,
 * the others folded (there are a hundred in a year of jubilees), each
 * with the buttons that move it in or out. */
static void
picks(struct web_req *r, const struct plan *plan)
{
	size_t i, named = 0;

	if (plan->nranked == 0)
		return;
	for (i = 0; i < plan->nranked; i++)
		named += plan->ranked[i]->chosen != 0;
	html_printf(r->out, "<section aria-labelledby=\"picks\" id=\"choices\">"
	    "<h2 id=\"picks\">%s %d</h2>\n<p>%s</p>\n",
	    L(r, "Các ngày kỷ niệm năm chẵn, năm tròn năm",
	    "The milestone anniversaries of"), plan->in->year,
	    L(r, "Xếp theo mức độ liên quan với đơn vị; kế hoạch (mục II.1.1) "
	    "nêu những ngày đứng đầu và những ngày đã có hoạt động.", "By "
	    "relevance to the union; the plan (section II.1.1) names the "
	    "first ones and those with an activity."));
	if (named > 0)
		pick_rows(r, plan, 1);
	if (named < plan->nranked) {
		html_printf(r->out, "<details class=\"fold\"><summary>%s (%zu)"
		    "</summary>\n", L(r, "Các ngày khác có thể đưa vào kế "
		    "hoạch", "Other anniversaries the plan may name"),
		    plan->nranked - named);
		pick_rows(r, plan, 0);
		html_raw(r->out, "</details>\n");
	}
	html_raw(r->out, "</section>\n");
}

/* A section of download links: its heading (id the heading's), a hint
 * under it (NULL: none), and the table the links go in; links_end()
 * closes it. */
static void
links_begin(struct web_req *r, const char *id, const char *title,
    const char *hint)
{
	html_printf(r->out, "<section aria-labelledby=\"%s\"><h2 id=\"%s\">"
	    "%s</h2>\n", id, id, title);
	if (hint != NULL)
		html_printf(r->out, "<p class=\"hint\">%s</p>\n", hint);
	html_raw(r->out, "<table><tbody>\n");
}

static void
links_end(struct web_req *r)
{
	html_raw(r->out, "</tbody></table></section>\n");
}

int
web_documents(struct web_req *r)
{
	struct plan_input in;
	struct plan *plan;
	struct doc *d;
	int year = ui_asked_year(r), ret;

	if (build(r, year, &in, &plan) == -1)
		return -1;
	ui_begin(r, L(r, "Tài liệu", "Documents"), "documents");
	chooser(r, year);
	links_begin(r, "dl", L(r, "Tải về kế hoạch năm",
	    "Download the year's plan"), NULL);
	downloads(r, r->today.y, "plan", exts, NELEM(exts));
	downloads(r, r->today.y + 1, "plan", exts, NELEM(exts));
	if (year != r->today.y && year != r->today.y + 1)
		downloads(r, year, "plan", exts, NELEM(exts));
	links_end(r);
	links_begin(r, "ap", L(r, "Phụ lục của kế hoạch",
	    "The plan's appendix"), L(r, "Lịch các ngày kỷ niệm năm chẵn, năm "
	    "tròn và các ngày của các nước trọng điểm trong năm, in và gửi kèm "
	    "kế hoạch khi cần.", "The calendar of the year's milestones and of "
	    "the focus countries' days, printed and attached to the plan when "
	    "needed."));
	downloads(r, year, "plan-appendix", appendix_exts,
	    NELEM(appendix_exts));
	links_end(r);
	links_begin(r, "rp", L(r, "Báo cáo tổng kết năm",
	    "Year-end report"), L(r, "Từ các hoạt động đã ghi nhận kết quả và "
	    "các phần cán bộ viết (bối cảnh, đánh giá, khó khăn, đề xuất…); "
	    "phần chưa viết không có trong báo cáo.", "From the activities "
	    "recorded as done and the parts staff write (context, "
	    "assessment, difficulties, proposals...); a part not written is "
	    "left out."));
	report_downloads(r, r->today.y - 1);
	report_downloads(r, r->today.y);
	links_end(r);
	picks(r, plan);
	html_raw(r->out, "<article class=\"card plan\">\n");
	d = plan_doc(plan);
	ret = doc_render_folded(d, r->out);
	doc_free(d);
	html_raw(r->out, "</article>\n");
	ui_end(r);
	plan_free(plan);
	return ret;
}

/* "plan-2025.docx" with prefix "plan-": 0 with the year (up to max) and
 * the extension ("docx"), or -1. */
static int
parse_name(const char *name, const char *prefix, int max, int *year,
    const char **ext)
{
	size_t n = strlen(prefix);
	char num[8];
	long y;

	if (strncmp(name, prefix, n) != 0 || strlen(name + n) < 6 ||
	    name[n + 4] != '.')
		return -1;
	memcpy(num, name + n, 4);
	num[4] = '\0';
	if (util_parse_int(num, LUNAR_MIN_YEAR, max, &y) == -1)
		return -1;
	*year = (int)y;
	*ext = name + n + 5;
	return 0;
}

/* With ?draft=1, the line on d's first page naming the sections of doc
 * ("report", "plan") not written for year, as --draft puts it. */
static void
draft_line(struct web_req *r, const char *doc, int year, struct doc *d)
{
	const char *draft = http_req_query(r->hr, "draft");
	struct buf line;

	buf_init(&line);
	if (draft != NULL && strcmp(draft, "1") == 0 &&
	    narrative_missing_line(&r->data->texts, doc, year, r->lang, &line))
		doc_first_line(d, line.data);
	buf_release(&line);
}

/* GET /app/documents/report-YEAR.EXT: the year-end report. */
static int
report_document(struct web_req *r)
{
	struct plan_input in;
	struct doc *doc;
	enum doc_format fmt;
	const char *ext;
	char *name;
	int year, ret, first;

	/* A report for a year needs next year's plan (its section IV). */
	if (parse_name(r->arg, "report-", LUNAR_MAX_YEAR - 2, &year,
	    &ext) == -1 || doc_parse_format(ext, &fmt) == -1 ||
	    fmt == DOC_CSV || (fmt == DOC_PDF && !pdf_available()))
		return web_error(r, 404, "Không có tài liệu này.",
		    "There is no such document.");
	web_doc_input(r, year, &in);
	if (!report_year_ok(&in, &first))
		return web_error(r, 404, "Chưa có báo cáo cho năm này: báo cáo "
		    "của một năm được lập trong năm đó hoặc sau đó, từ năm có "
		    "hoạt động được ghi nhận.", "There is no report for this "
		    "year: a year's report is made during or after the year, "
		    "from the first year with recorded activities.");
	if (report_build(&in, &doc, NULL) == -1)
		return -1;
	draft_line(r, "report", year, doc);
	ret = doc_render(doc, fmt, r->out);
	doc_free(doc);
	if (ret == -1)
		return -1;
	name = report_filename(year, fmt, r->lang);
	web_attachment(r, doc_content_type(fmt), name);
	free(name);
	return 0;
}

int
web_document(struct web_req *r)
{
	struct plan_input in;
	struct plan *plan;
	struct doc *d;
	enum doc_format fmt;
	const char *ext;
	int year, ret;

	enum plan_part part = PLAN_MAIN;

	if (strncmp(r->arg, "report-", 7) == 0)
		return report_document(r);
	/* The appendix is a document of its own: no CSV of it. */
	if (parse_name(r->arg, "plan-appendix-", LUNAR_MAX_YEAR - 1, &year,
	    &ext) == 0)
		part = PLAN_APPENDIX;
	else if (parse_name(r->arg, "plan-", LUNAR_MAX_YEAR - 1, &year,
	    &ext) == -1)
		ext = "";
	if (doc_parse_format(ext, &fmt) == -1 || (fmt == DOC_PDF &&
	    !pdf_available()) || (fmt == DOC_CSV && part == PLAN_APPENDIX))
		return web_error(r, 404, "Không có tài liệu này.",
		    "There is no such document.");
	if (build(r, year, &in, &plan) == -1)
		return -1;
	if (part == PLAN_MAIN && fmt != DOC_CSV) {
		d = plan_doc(plan);
		draft_line(r, "plan", year, d);
		ret = doc_render(d, fmt, r->out);
		doc_free(d);
	} else
		ret = plan_render(plan, part, fmt, r->out);
	plan_free(plan);
	if (ret == -1)
		return -1;
	/* The name was checked above: letters, digits, '-' and '.'. */
	web_attachment(r, doc_content_type(fmt), r->arg);
	return 0;
}

/* POST /app/documents/YEAR/KEY/include (exclude, reset): staff's choice
 * for the year, checked, recorded and audited by plan_choice_apply(). */
static int
choose(struct web_req *r, enum plan_choice c)
{
	char err[200], back[64];
	int rc;

	if (r->id < LUNAR_MIN_YEAR || r->id >= LUNAR_MAX_YEAR)
		return web_error(r, 404, "Không có năm này.",
		    "There is no such year.");
	rc = plan_choice_apply(r->st, &r->data->set, r->cfg, r->lunar, (int)r->id,
	    r->arg, c, r->s.user.email, r->now, err, sizeof(err));
	if (rc == 1)
		return web_error(r, 404, "Không có ngày kỷ niệm này trong năm.",
		    "There is no such occasion in that year.");
	if (rc == -1)
		return web_unsaved(r);
	web_dirty(r);
	snprintf(back, sizeof(back), "/app/documents?year=%ld#choices", r->id);
	return web_redirect_flash(r, back, "saved", NULL);
}

int
web_document_include(struct web_req *r)
{
	return choose(r, PLAN_CHOICE_INCLUDE);
}

int
web_document_exclude(struct web_req *r)
{
	return choose(r, PLAN_CHOICE_EXCLUDE);
}

int
web_document_reset(struct web_req *r)
{
	return choose(r, PLAN_CHOICE_NONE);
}

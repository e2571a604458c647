/*
 * Trước khi in báo cáo: what staff look at before a year's report is
 * printed (report_check()): the milestones no activity was recorded for,
 * the done activities without a result or a day, the planned ones whose
 * day has passed; each links to where it is put right.  None of it is
 * ever in the report itself.
 */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "lunar.h"
#include "plan.h"
#include "report.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

/* A line of the list: the activity's or the occasion's page. */
static void
gap_item(struct web_req *r, const struct report_gap *t)
{
	struct buf enc;

	html_raw(r->out, "<li>");
	if (t->activity > 0)
		html_printf(r->out, "<a href=\"%s/app/activities/%ld/edit\">%s"
		    "</a>", r->root, t->activity, t->text);
	else if (t->key != NULL && t->kind == REPORT_GAP_MILESTONE) {
		buf_init(&enc);
		esc_url(&enc, t->key);
		html_printf(r->out, "<a href=\"%s/app/occasions/%s\">%s</a>",
		    r->root, enc.data, t->text);
		buf_release(&enc);
	} else
		html_printf(r->out, "%s", t->text);
	html_raw(r->out, "</li>\n");
}

static void
gap_lists(struct web_req *r, const struct report_gaps *l)
{
	size_t i, k;

	for (i = 0; i < l->n; i = k) {
		for (k = i; k < l->n && l->v[k].kind == l->v[i].kind; k++)
			;
		html_printf(r->out, "<section aria-labelledby=\"k%d\"><h2 "
		    "id=\"k%d\">%s (%zu)</h2>\n<ul class=\"gaps\">\n",
		    (int)l->v[i].kind, (int)l->v[i].kind,
		    report_gap_heading(l->v[i].kind, r->lang), k - i);
		for (; i < k; i++)
			gap_item(r, &l->v[i]);
		html_raw(r->out, "</ul></section>\n");
	}
}

/* GET /app/documents/YEAR/check. */
int
web_report_check(struct web_req *r)
{
	struct report_gaps l;
	struct plan_input in;
	char title[120];
	int first;

	memset(&in, 0, sizeof(in));
	in.cfg = r->cfg;
	in.data = r->data;
	in.lunar = r->lunar;
	in.year = (int)r->id;
	in.lang = r->lang;
	in.today = r->today;
	if (r->id < LUNAR_MIN_YEAR || r->id >= LUNAR_MAX_YEAR - 1 ||
	    !report_year_ok(&in, &first))
		return web_error(r, 404, "Không có báo cáo cho năm này.",
		    "There is no report for this year.");
	if (report_check(&in, &l) == -1) {
		report_gaps_release(&l);
		return -1;
	}
	snprintf(title, sizeof(title), L(r, "Trước khi in báo cáo năm %d",
	    "Before printing the report of %d"), in.year);
	ui_begin(r, title, "documents");
	html_printf(r->out, "<p>%s</p>\n", L(r, "Những mục dưới đây không "
	    "có trong báo cáo; cán bộ xem lại trước khi in. Bấm vào từng mục "
	    "để bổ sung.", "None of what follows is in the report; staff "
	    "look at it before printing. Each line leads to where it is put "
	    "right."));
	if (l.n == 0)
		html_printf(r->out, "<p class=\"flash\">%s</p>\n", L(r,
		    "Không còn gì cần kiểm tra.", "Nothing is left to check."));
	gap_lists(r, &l);
	html_printf(r->out, "<p><a class=\"button\" href=\"%s/app/documents/"
	    "report-%d.docx\" download>%s</a></p>\n", r->root, in.year,
	    L(r, "Tải báo cáo (.docx)", "Download the report (.docx)"));
	ui_end(r);
	report_gaps_release(&l);
	return 0;
}

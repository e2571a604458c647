/*
 * kyniem report YEAR: the year-end report ("Báo cáo kết quả công tác đối
 * ngoại nhân dân năm YYYY") as Markdown (default), HTML, .docx or PDF, on
 * stdout or in --out FILE; with --check, what staff look at before
 * printing it.  The work is report.c's, the layout doc.c's.  The
 * narrative sections not written are named on stderr and, with --draft,
 * in a line on the first page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "doc.h"
#include "file.h"
#include "log.h"
#include "lunar.h"
#include "options.h"
#include "output.h"
#include "plan.h"
#include "report.h"
#include "yearly.h"

/* 0 if the report of in->year can be made today, else -1 after saying
 * why. */
static int
year_ok(const struct plan_input *in)
{
	int first;

	if (report_year_ok(in, &first))
		return 0;
	if (in->year > in->today.y)
		log_warnx("no report for %d: it is %04d-%02d-%02d, and the "
		    "report of a year is made during or after it", in->year,
		    in->today.y, in->today.m, in->today.d);
	else
		log_warnx("no report for %d: the activities recorded start in "
		    "%d", in->year, first);
	return -1;
}

/* The checklist "Trước khi in báo cáo", kind by kind. */
static int
print_check(const struct plan_input *in)
{
	struct report_gaps l;
	size_t i, k;
	int kind = -1;

	if (report_check(in, &l) == -1) {
		report_gaps_release(&l);
		return -1;
	}
	for (i = 0; i < l.n; i = k) {
		kind = (int)l.v[i].kind;
		for (k = i; k < l.n && (int)l.v[k].kind == kind; k++)
			;
		printf("%s%s (%zu):\n", i > 0 ? "\n" : "",
		    report_gap_heading(l.v[i].kind, in->lang), k - i);
		for (; i < k; i++)
			if (l.v[i].activity > 0)
				printf("  #%ld %s\n", l.v[i].activity,
				    l.v[i].text);
			else
				printf("  %s\n", l.v[i].text);
	}
	if (kind == -1)
		printf(in->lang == LANG_EN ? "Nothing to check before the "
		    "report of %d is printed.\n" : "Không còn gì cần kiểm tra "
		    "trước khi in báo cáo năm %d.\n", in->year);
	report_gaps_release(&l);
	return fflush(stdout) == 0 ? 0 : -1;
}

/* Build and render the report of year from the database into out, or
 * with check its checklist on stdout. */
static int
make_report(struct app *app, int year, enum lang lang, enum doc_format fmt,
    int check, int draft, struct buf *out)
{
	struct plan_input in;
	struct dataset d;
	struct doc *doc;
	int ret = -1;

	if (yearly_input(app, year, lang, &d, &in) == -1)
		return -1;
	if (year_ok(&in) == -1)
		;
	else if (check)
		ret = print_check(&in);
	else if (report_build(&in, &doc, NULL) == 0) {
		yearly_texts(&d, "report", year, lang, draft, doc);
		ret = doc_render(doc, fmt, out);
		doc_free(doc);
	}
	dataset_release(&d);
	return ret;
}

int
cmd_report(int argc, char **argv, struct app *app)
{
	struct yearly_args a = { .fmt = DOC_MD, .lang = app->cfg->lang };
	struct buf b;
	int rc, ret;

	/* The report ends with next year's plan: both years in range. */
	if ((rc = yearly_args(argc, argv, "report", 1, LUNAR_MAX_YEAR - 1,
	    &a)) != 0)
		return rc == 1 ? 0 : rc;
	buf_init(&b);
	ret = make_report(app, a.year, a.lang, a.fmt, a.check, a.draft,
	    &b) == 0 && (a.check || file_write_out(a.out, b.data,
	    b.len) == 0) ? 0 : 1;
	buf_release(&b);
	return ret;
}

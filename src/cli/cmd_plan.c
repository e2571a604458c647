/*
 * kyniem plan YEAR: the year's plan (a KẾ HOẠCH), or with --appendix its
 * appendix, as Markdown (default), HTML, .docx or PDF, or the year's rows
 * as CSV, on stdout or in --out FILE; --include, --exclude and --reset
 * record staff's choices for its milestones first.  The work is plan.c's
 * and plan_choice.c's.  The narrative sections not written are named on
 * stderr and, with --draft, in a line on the plan's first page.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "file.h"
#include "log.h"
#include "lunar.h"
#include "options.h"
#include "output.h"
#include "plan.h"
#include "plan_choice.h"
#include "yearly.h"

/* At most this many --include, --exclude and --reset a run. */
#define MAX_CHOICES 32

struct choice_op {
	enum plan_choice c;	/* PLAN_CHOICE_NONE: --reset */
	const char *key;
};

/* Build and render the plan of year from the database (the plan
 * itself: its texts said, with draft its first line). */
static int
make_plan(struct app *app, int year, enum lang lang, enum plan_part part,
    enum doc_format fmt, int draft, struct buf *out)
{
	struct dataset d;
	struct plan_input in;
	struct plan *p;
	struct doc *doc;
	int ret = -1;

	if (yearly_input(app, year, lang, &d, &in) == -1)
		return -1;
	if (plan_place(&in, &p) == 0) {
		if (part != PLAN_MAIN || fmt == DOC_CSV)
			ret = plan_render(p, part, fmt, out);
		else {
			doc = plan_doc(p);
			yearly_texts(&d, "plan", year, lang, draft, doc);
			ret = doc_render(doc, fmt, out);
			doc_free(doc);
		}
		plan_free(p);
	}
	dataset_release(&d);
	return ret;
}

/* Record the choices in order, each with its audit entry, before the
 * plan is built; 0, or 1 after the first that fails. */
static int
apply_choices(struct app *app, int year, const struct choice_op *ops,
    size_t n)
{
	char err[200];
	struct dataset d;
	size_t i;
	int rc = 0;

	if (n == 0)
		return 0;
	if (dataset_load(app->store, 0, &d) == -1)
		return 1;
	/* Every key checked first: a bad one writes nothing. */
	for (i = 0; i < n && rc == 0; i++)
		if ((rc = plan_choice_check(&d.set, app->cfg, app->lunar, year,
		    ops[i].key, err, sizeof(err))) != 0)
			log_warnx("%s", err);
	for (i = 0; i < n && rc == 0; i++) {
		rc = plan_choice_apply(app->store, &d.set, app->cfg, app->lunar,
		    year, ops[i].key, ops[i].c, app->who, app->now, err,
		    sizeof(err));
		if (rc == 1)
			log_warnx("%s", err);
	}
	dataset_release(&d);
	return rc != 0;
}

int
cmd_plan(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "appendix", no_argument, NULL, 'a' },
		{ "draft", no_argument, NULL, 'd' },
		{ "exclude", required_argument, NULL, 'x' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "include", required_argument, NULL, 'i' },
		{ "lang", required_argument, NULL, 'l' },
		{ "out", required_argument, NULL, 'o' },
		{ "reset", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	enum doc_format fmt = DOC_MD;
	enum plan_part part = PLAN_MAIN;
	enum lang lang = app->cfg->lang;
	const char *out = NULL;
	struct choice_op ops[MAX_CHOICES];
	struct buf data;
	size_t nops = 0;
	int ch, ret, year, draft = 0;

	while ((ch = getopt_long(argc, argv, "af:hi:l:o:r:x:", opts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'a':
			part = PLAN_APPENDIX;
			break;
		case 'd':
			draft = 1;
			break;
		case 'i':
		case 'x':
		case 'r':
			if (nops == MAX_CHOICES) {
				log_warnx("at most %d --include, --exclude and "
				    "--reset at once", MAX_CHOICES);
				return 2;
			}
			ops[nops].c = ch == 'i' ? PLAN_CHOICE_INCLUDE :
			    ch == 'x' ? PLAN_CHOICE_EXCLUDE : PLAN_CHOICE_NONE;
			ops[nops++].key = optarg;
			break;
		case 'f':
			if (doc_parse_format(optarg, &fmt) == -1) {
				log_warnx("--format must be md, html, docx, pdf "
				    "or csv, not '%s'", optarg);
				return 2;
			}
			break;
		case 'l':
			if (output_parse_lang(optarg, &lang) == -1) {
				log_warnx("--lang must be vi or en, not '%s'",
				    optarg);
				return 2;
			}
			break;
		case 'o':
			out = optarg;
			break;
		case 'h':
			cmd_usage("plan");
			return 0;
		default:
			return cmd_usage("plan");
		}
	}
	if (argc - optind != 1)
		return cmd_usage("plan");
	if (yearly_year(argv[optind], LUNAR_MAX_YEAR, &year) == -1 ||
	    yearly_binary_to_tty(fmt == DOC_DOCX || fmt == DOC_PDF ?
	    doc_format_ext(fmt) : NULL, out, "FILE"))
		return 2;
	if (apply_choices(app, year, ops, nops) != 0)
		return 1;
	buf_init(&data);
	ret = make_plan(app, year, lang, part, fmt, draft, &data);
	if (ret == 0)
		ret = file_write_out(out, data.data, data.len);
	buf_release(&data);
	return ret == 0 ? 0 : 1;
}

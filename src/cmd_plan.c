/*
 * kyniem plan YEAR: the yearly plan skeleton as Markdown (default), HTML,
 * CSV or .docx, on stdout or in --out FILE.  The work is plan.c's.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "file.h"
#include "log.h"
#include "lunar.h"
#include "output.h"
#include "plan.h"

static int
write_stdout(const char *data, size_t len)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) == EOF) {
		log_warn("cannot write to standard output");
		return -1;
	}
	return 0;
}

/* Build and render the plan of year from the database. */
static int
make_plan(struct app *app, int year, enum lang lang, enum plan_format fmt,
    char **out, size_t *len)
{
	struct dataset d;
	struct plan_input in;
	struct plan_doc doc;
	int ret = -1;

	if (dataset_load(app->store, DATASET_ACTIVITIES, &d) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	in.cfg = app->cfg;
	in.data = &d;
	in.lunar = app->lunar;
	in.year = year;
	in.lang = lang;
	in.today = app->today;
	if (plan_build(&in, &doc) == 0) {
		ret = plan_render(&doc, fmt, out, len);
		plan_doc_release(&doc);
	}
	dataset_release(&d);
	return ret;
}

int
cmd_plan(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "lang", required_argument, NULL, 'l' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	enum plan_format fmt = PLAN_MD;
	enum lang lang = app->cfg->lang;
	const char *out = NULL;
	char *data = NULL;
	size_t len = 0;
	long year;
	int ch, ret;

	while ((ch = getopt_long(argc, argv, "f:hl:o:", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (plan_parse_format(optarg, &fmt) == -1) {
				log_warnx("--format must be md, html, docx or "
				    "csv, not '%s'", optarg);
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
	if (util_parse_int(argv[optind], LUNAR_MIN_YEAR, LUNAR_MAX_YEAR,
	    &year) == -1) {
		log_warnx("'%s' is not a year between %d and %d",
		    argv[optind], LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		return 2;
	}
	/* A zip archive is no use on a terminal and may upset it. */
	if (fmt == PLAN_DOCX && out == NULL && isatty(STDOUT_FILENO)) {
		log_warnx("not writing a .docx to a terminal: use --out FILE "
		    "or redirect the output");
		return 2;
	}
	if (make_plan(app, (int)year, lang, fmt, &data, &len) == -1)
		return 1;
	ret = out ? file_write_atomic(out, data, len) :
	    write_stdout(data, len);
	free(data);
	return ret == 0 ? 0 : 1;
}

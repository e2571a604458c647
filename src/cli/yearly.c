/*
 * The YEAR operand, the .docx guard and the plan's and the report's
 * input, for cmd_plan.c, cmd_report.c and cmd_letters.c.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "doc.h"
#include "file.h"
#include "log.h"
#include "lunar.h"
#include "narrative.h"
#include "output.h"
#include "plan.h"
#include "sign.h"
#include "yearly.h"

int
yearly_year(const char *s, int last, int *year)
{
	long y;

	if (util_parse_int(s, LUNAR_MIN_YEAR, last, &y) == -1) {
		log_warnx("'%s' is not a year between %d and %d", s,
		    LUNAR_MIN_YEAR, last);
		return -1;
	}
	*year = (int)y;
	return 0;
}

int
yearly_binary_to_tty(const char *ext, const char *out, const char *out_what)
{
	if (ext == NULL || out != NULL || !isatty(STDOUT_FILENO))
		return 0;
	log_warnx("not writing a .%s to a terminal: use --out %s or "
	    "redirect the output", ext, out_what);
	return 1;
}

int
yearly_input(struct app *app, int year, enum lang lang, struct dataset *d,
    struct plan_input *in)
{
	/* The owners' names: the plan says who is in charge. */
	if (dataset_load(app->store, DATASET_ACTIVITIES | DATASET_OWNERS,
	    d) == -1)
		return -1;
	memset(in, 0, sizeof(*in));
	in->cfg = app->cfg;
	in->data = d;
	in->lunar = app->lunar;
	in->year = year;
	in->lang = lang;
	in->today = app->today;
	return 0;
}

int
yearly_texts(const struct dataset *d, const char *doc, int year,
    enum lang lang, int draft, struct doc *dd)
{
	struct buf b;
	int n;

	buf_init(&b);
	if ((n = text_missing(&d->texts, doc, year, &b)) > 0)
		log_warnx("%s %d: sections not written: %s ('kyniem text set "
		    "%s %d KEY --file FILE' writes one)", doc, year, b.data,
		    doc, year);
	b.len = 0;
	if (draft && dd != NULL && narrative_missing_line(&d->texts, doc,
	    year, lang, &b))
		doc_first_line(dd, b.data);
	buf_release(&b);
	return n;
}

/* One option of yearly_args(): 0, 1 after --help, 2 (said). */
static int
doc_option(int ch, const char *arg, const char *cmd, struct yearly_args *a)
{
	switch (ch) {
	case 'f':
		if (doc_parse_format(arg, &a->fmt) == 0 && a->fmt != DOC_CSV)
			return 0;
		log_warnx("--format must be md, html, docx or pdf, not '%s'",
		    arg);
		return 2;
	case 'l':
		if (output_parse_lang(arg, &a->lang) == 0)
			return 0;
		log_warnx("--lang must be vi or en, not '%s'", arg);
		return 2;
	case 'o':
		a->out = arg;
		return 0;
	case 'c':
		a->check = 1;
		return 0;
	case 'd':
		a->draft = 1;
		return 0;
	case 'h':
		cmd_usage(cmd);
		return 1;
	default:
		return cmd_usage(cmd);
	}
}

int
yearly_args(int argc, char **argv, const char *cmd, int checks, int last,
    struct yearly_args *a)
{
	/* Without checks the table starts past --check and --draft, so
	 * getopt_long() refuses them as it refuses any unknown option. */
	static const struct option opts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "draft", no_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "lang", required_argument, NULL, 'l' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "f:hl:o:", checks ? opts :
	    opts + 2, NULL)) != -1)
		if ((rc = doc_option(ch, optarg, cmd, a)) != 0)
			return rc;
	if (argc - optind != 1)
		return cmd_usage(cmd);
	if (yearly_year(argv[optind], last, &a->year) == -1 ||
	    yearly_binary_to_tty(a->fmt == DOC_DOCX || a->fmt == DOC_PDF ?
	    doc_format_ext(a->fmt) : NULL, a->out, "FILE"))
		return 2;
	return 0;
}

int
yearly_export_args(int argc, char **argv, const char *cmd, int last,
    int *year, const char **out)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	*out = NULL;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'o' && *optarg != '\0')
			*out = optarg;
		else {
			cmd_usage(cmd);
			return ch == 'h' ? 1 : 2;
		}
	}
	if (argc - optind != 1 || yearly_year(argv[optind], last, year) == -1)
		return cmd_usage(cmd);
	return 0;
}

int
yearly_record_out(struct app *app, const char *out, yearly_record_fn make,
    void *arg)
{
	char *path = sign_key_path(app->cfg->db_path);
	struct sign_key k;
	struct buf b;
	int rc = sign_key_load(path, &k), ret = 1;

	if (rc == 1)
		log_warnx("no signing key at '%s': the record is not signed "
		    "(kyniem key init makes one)", path);
	free(path);
	if (rc == -1)
		return 1;
	buf_init(&b);
	if (make(arg, rc == 0 ? &k : NULL, &b) == 0 &&
	    file_write_out(out, b.data, b.len) == 0)
		ret = 0;
	buf_release(&b);
	if (rc == 0)
		sign_key_release(&k);
	return ret;
}

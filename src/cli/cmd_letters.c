/*
 * kyniem letters YEAR: draft the year's congratulation letters (letter.c)
 * as Markdown, .docx or PDF: all in one file (one letter a page), or one
 * file per letter into a directory; every file rendered before any is
 * written, each written whole or not at all.  kyniem letters sent KEY
 * YEAR records that the letters of an occasion went out (an activity the
 * digest and the report read).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "activity.h"
#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "file.h"
#include "letter.h"
#include "log.h"
#include "lunar.h"
#include "output.h"
#include "yearly.h"

struct opts {
	const char *country, *occasion, *out;
	enum doc_format fmt;
	int format_given;	/* --format, else the --out file's extension */
	int langs;		/* LETTER_VI, LETTER_EN; 0: the config's */
	int year;
};

/* 1 if path names a directory (or ends in '/': one to be made). */
static int
is_dir(const char *path)
{
	struct stat sb;
	size_t n = strlen(path);

	if (n > 0 && path[n - 1] == '/')
		return 1;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/*
 * One file per letter, DIR/NAME.md, .docx or .pdf, each path printed.
 * All are rendered first: a letter that cannot be (a PDF without
 * LibreOffice) leaves the directory as it was.
 */
static int
write_dir(const struct letter_list *l, const struct config *cfg,
    const struct opts *o)
{
	struct buf *b = xcalloc(l->n, sizeof(*b));
	char *path;
	size_t i, n = strlen(o->out);
	int ret = 0;

	for (i = 0; i < l->n && ret == 0; i++) {
		buf_init(&b[i]);
		ret = letter_render(&l->v[i], cfg, o->fmt, &b[i]);
	}
	for (i = 0; i < l->n && ret == 0; i++) {
		path = xasprintf("%s%s%s.%s", o->out, n > 0 && o->out[n - 1] ==
		    '/' ? "" : "/", l->v[i].name, doc_format_ext(o->fmt));
		ret = file_write_atomic(path, b[i].data, b[i].len);
		if (ret == 0)
			printf("%s\n", path);
		free(path);
	}
	for (i = 0; i < l->n; i++)
		buf_release(&b[i]);
	free(b);
	return ret;
}

/* Every letter in one file (or standard output): one a page in a .docx
 * or PDF, a rule between them in Markdown. */
static int
write_one(const struct letter_list *l, const struct config *cfg,
    const struct opts *o)
{
	struct buf b;
	int ret;

	buf_init(&b);
	ret = letter_render_many(l->v, l->n, cfg, o->fmt, &b);
	if (ret == 0)
		ret = file_write_out(o->out, b.data, b.len);
	buf_release(&b);
	return ret;
}

static int
draft(struct app *app, const struct opts *o)
{
	struct dataset d;
	struct letter_input in;
	struct letter_list l;
	int ret = 1;

	if (dataset_load(app->store, 0, &d) == -1)
		return 1;
	memset(&in, 0, sizeof(in));
	in.st = app->store;
	in.cfg = app->cfg;
	in.data = &d;
	in.lunar = app->lunar;
	in.from = (struct ymd){ o->year, 1, 1 };
	in.to = (struct ymd){ o->year, 12, 31 };
	in.country = o->country;
	in.occasion = o->occasion;
	in.langs = o->langs;
	if (letter_build(&in, &l) == 0) {
		/* Nothing to write is a failure, not an empty file. */
		if (l.n == 0)
			log_warnx("no letters in %d: no national day%s of a "
			    "country written to%s", o->year,
			    app->cfg->letters_relations_all ? " or relation "
			    "anniversary" : " or milestone relation "
			    "anniversary", o->country != NULL || o->occasion !=
			    NULL ? " that the options ask for" : "");
		else if (o->out != NULL && is_dir(o->out))
			ret = write_dir(&l, app->cfg, o) == 0 ? 0 : 1;
		else
			ret = write_one(&l, app->cfg, o) == 0 ? 0 : 1;
		letter_list_release(&l);
	}
	dataset_release(&d);
	return ret;
}

/* kyniem letters sent KEY YEAR [--country CC] */
static int
sent(struct app *app, int argc, char **argv, const struct opts *o)
{
	struct dataset d;
	struct activity a;
	int year, rc;

	if (argc != 3)
		return cmd_usage("letters");
	if (yearly_year(argv[2], LUNAR_MAX_YEAR, &year) == -1)
		return 2;
	if (dataset_load(app->store, DATASET_ACTIVITIES, &d) == -1)
		return 1;
	rc = 1;
	if (o->country != NULL && obs_set_find(&d.set, argv[1]) != NULL &&
	    strcmp(obs_set_find(&d.set, argv[1])->country, o->country) != 0)
		log_warnx("'%s' is not an occasion of the country %s", argv[1],
		    o->country);
	else if ((rc = letter_mark_sent(app->store, app->cfg, &d, app->lunar,
	    argv[1], year, app->today, app->who, app->now, &a)) == 1)
		log_warnx("'%s' has no occasion in %d", argv[1], year);
	else if (rc == 0) {
		printf("%ld\t%s\n", a.id, a.title);
		activity_release(&a);
	}
	dataset_release(&d);
	return rc == 0 ? 0 : 1;
}

/* The format of --out FILE's extension when --format was not given: a
 * .docx is a .docx. */
static void
format_of_out(struct opts *o)
{
	const char *dot;

	if (o->format_given || o->out == NULL || is_dir(o->out) ||
	    (dot = strrchr(o->out, '.')) == NULL || strchr(dot, '/') != NULL)
		return;
	if (doc_parse_format(dot + 1, &o->fmt) == -1 || (o->fmt != DOC_MD &&
	    o->fmt != DOC_DOCX && o->fmt != DOC_PDF))
		o->fmt = DOC_MD;
}

/* One option of `letters`: 0, or an exit status (2: a usage error). */
static int
option(int ch, struct opts *o)
{
	enum lang lang;

	switch (ch) {
	case 'c':
		if (strlen(optarg) != 2 || optarg[0] < 'A' || optarg[0] > 'Z' ||
		    optarg[1] < 'A' || optarg[1] > 'Z') {
			log_warnx("--country wants an ISO code in capitals "
			    "(LA), not '%s'", optarg);
			return 2;
		}
		o->country = optarg;
		return 0;
	case 'f':
		if (doc_parse_format(optarg, &o->fmt) == -1 || (o->fmt !=
		    DOC_MD && o->fmt != DOC_DOCX && o->fmt != DOC_PDF)) {
			log_warnx("--format must be md, docx or pdf, not '%s'",
			    optarg);
			return 2;
		}
		o->format_given = 1;
		return 0;
	case 'l':
		if (output_parse_lang(optarg, &lang) == -1) {
			log_warnx("--lang must be vi or en, not '%s'", optarg);
			return 2;
		}
		o->langs |= lang == LANG_EN ? LETTER_EN : LETTER_VI;
		return 0;
	case 'k':
		o->occasion = optarg;
		return 0;
	case 'o':
		o->out = optarg;
		return 0;
	default:
		return 2;
	}
}

int
cmd_letters(int argc, char **argv, struct app *app)
{
	static const struct option longopts[] = {
		{ "country", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "lang", required_argument, NULL, 'l' },
		{ "occasion", required_argument, NULL, 'k' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o;
	int ch, rc;

	memset(&o, 0, sizeof(o));
	o.fmt = DOC_MD;
	while ((ch = getopt_long(argc, argv, "c:f:hk:l:o:", longopts, NULL)) !=
	    -1) {
		if (ch == 'h') {
			cmd_usage("letters");
			return 0;
		}
		if (ch == '?')
			return cmd_usage("letters");
		if ((rc = option(ch, &o)) != 0)
			return rc;
	}
	argc -= optind;
	argv += optind;
	if (argc >= 1 && strcmp(argv[0], "sent") == 0)
		return sent(app, argc, argv, &o);
	if (argc != 1)
		return cmd_usage("letters");
	format_of_out(&o);
	if (yearly_year(argv[0], LUNAR_MAX_YEAR, &o.year) == -1 ||
	    yearly_binary_to_tty(o.fmt != DOC_MD ?
	    doc_format_ext(o.fmt) : NULL, o.out, "FILE or DIR,"))
		return 2;
	return draft(app, &o);
}

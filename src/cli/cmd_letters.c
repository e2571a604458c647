/*
 * kyniem letters YEAR: draft the year's congratulation letters (letter.c)
 * as Markdown or .docx: all in one Markdown text, or one file per letter
 * into a directory.  kyniem letters sent KEY YEAR records that the
 * letters of an occasion went out (an activity the digest and the report
 * read).
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
#include "yearly.h"

/* Between two letters of one Markdown text. */
#define MD_SEPARATOR	"\n---\n\n"

struct opts {
	const char *country, *occasion, *out;
	enum doc_format fmt;
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

/* One file per letter, DIR/NAME.md, .docx or .pdf, each path printed. */
static int
write_dir(const struct letter_list *l, const struct config *cfg,
    const struct opts *o)
{
	struct buf b;
	char *path;
	size_t i, n = strlen(o->out);
	int ret = 0;

	for (i = 0; i < l->n && ret == 0; i++) {
		buf_init(&b);
		path = xasprintf("%s%s%s.%s", o->out, n > 0 && o->out[n - 1] ==
		    '/' ? "" : "/", l->v[i].name, doc_format_ext(o->fmt));
		ret = letter_render(&l->v[i], cfg, o->fmt, &b);
		if (ret == 0)
			ret = file_write_atomic(path, b.data, b.len);
		if (ret == 0)
			printf("%s\n", path);
		free(path);
		buf_release(&b);
	}
	return ret;
}

/* Every letter in one text (Markdown), or the one letter (.docx). */
static int
write_one(const struct letter_list *l, const struct config *cfg,
    const struct opts *o)
{
	struct buf b;
	size_t i;
	int ret = 0;

	if (o->fmt != DOC_MD && l->n > 1) {
		log_warnx("%zu letters: a .%s holds one; give --out a "
		    "directory for one file per letter", l->n,
		    doc_format_ext(o->fmt));
		return -1;
	}
	buf_init(&b);
	for (i = 0; i < l->n && ret == 0; i++) {
		if (i > 0)
			buf_puts(&b, MD_SEPARATOR);
		ret = letter_render(&l->v[i], cfg, o->fmt, &b);
	}
	if (ret == 0)
		ret = file_write_out(o->out, b.data != NULL ? b.data : "",
		    b.len);
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
	in.from.y = in.to.y = o->year;
	in.from.m = in.from.d = 1;
	in.to.m = 12;
	in.to.d = 31;
	in.country = o->country;
	in.occasion = o->occasion;
	if (letter_build(&in, &l) == 0) {
		if (l.n == 0)
			log_warnx("no letters: no national day or relation "
			    "anniversary in %d of a country [letters] contacts "
			    "chooses%s", o->year, o->country != NULL ||
			    o->occasion != NULL ? " (and the options ask)" :
			    "");
		if (o->out != NULL && is_dir(o->out))
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

int
cmd_letters(int argc, char **argv, struct app *app)
{
	static const struct option longopts[] = {
		{ "country", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "occasion", required_argument, NULL, 'k' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts o;
	int ch;

	memset(&o, 0, sizeof(o));
	o.fmt = DOC_MD;
	while ((ch = getopt_long(argc, argv, "c:f:hk:o:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'c':
			if (strlen(optarg) != 2 || optarg[0] < 'A' ||
			    optarg[0] > 'Z' || optarg[1] < 'A' ||
			    optarg[1] > 'Z') {
				log_warnx("--country wants an ISO code in "
				    "capitals (LA), not '%s'", optarg);
				return 2;
			}
			o.country = optarg;
			break;
		case 'f':
			if (doc_parse_format(optarg, &o.fmt) == -1 ||
			    (o.fmt != DOC_MD && o.fmt != DOC_DOCX &&
			    o.fmt != DOC_PDF)) {
				log_warnx("--format must be md, docx or pdf, "
				    "not '%s'", optarg);
				return 2;
			}
			break;
		case 'k':
			o.occasion = optarg;
			break;
		case 'o':
			o.out = optarg;
			break;
		case 'h':
			cmd_usage("letters");
			return 0;
		default:
			return cmd_usage("letters");
		}
	}
	argc -= optind;
	argv += optind;
	if (argc >= 1 && strcmp(argv[0], "sent") == 0)
		return sent(app, argc, argv, &o);
	if (argc != 1)
		return cmd_usage("letters");
	if (yearly_year(argv[0], LUNAR_MAX_YEAR, &o.year) == -1 ||
	    yearly_binary_to_tty(o.fmt != DOC_MD ?
	    doc_format_ext(o.fmt) : NULL, o.out, "FILE or DIR,"))
		return 2;
	return draft(app, &o);
}

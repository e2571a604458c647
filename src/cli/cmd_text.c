/*
 * kyniem text sections|set|show|history|restore: the narrative sections
 * staff write for the report, the plan and the cluster's report, by
 * document, year and key.  The table, its versions and its audit rows
 * are texts.c's.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "escape.h"
#include "field.h"
#include "file.h"
#include "log.h"
#include "lunar.h"
#include "options.h"
#include "output.h"
#include "text.h"
#include "texts.h"
#include "vntime.h"

/* Bytes read from a file or stdin at most: the longest section in
 * 4-byte characters, so that a longer one is refused by its length. */
#define BODY_BYTES_MAX	(4 * TEXT_SECTION_MAX + 4)

/* DOC YEAR KEY as operands, checked: 0, or 1 after saying why. */
struct target {
	const char *doc, *key;
	int year;
};

static int
doc_arg(const char *doc)
{
	if (text_sections(doc) != NULL)
		return 0;
	log_warnx("no document '%s' has sections (there are: %s)", doc,
	    text_docs());
	return 1;
}

static int
target(char **argv, struct target *t)
{
	long y;

	t->doc = argv[1];
	t->key = argv[3];
	if (doc_arg(t->doc) != 0)
		return 1;
	if (util_parse_int(argv[2], LUNAR_MIN_YEAR, LUNAR_MAX_YEAR, &y) ==
	    -1) {
		log_warnx("%s: '%s' is not a year from %d to %d", t->doc,
		    argv[2], LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		return 1;
	}
	t->year = (int)y;
	if (text_section_find(t->doc, t->key) == NULL) {
		log_warnx("%s %d: no section '%s' ('kyniem text sections %s' "
		    "lists them)", t->doc, t->year, t->key, t->doc);
		return 1;
	}
	return 0;
}

/* sections DOC [--lang vi|en]: "key<TAB>heading", one a line. */
static int
text_sections_cmd(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "lang", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	const struct text_section *s;
	enum lang lang = app->cfg->lang;
	int ch;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'l' && output_parse_lang(optarg, &lang) == 0)
			continue;
		cmd_usage("text");
		return ch == 'h' ? 0 : 2;
	}
	if (argc - optind != 1)
		return cmd_usage("text");
	if (doc_arg(argv[optind]) != 0)
		return 1;
	for (s = text_sections(argv[optind]); s->key != NULL; s++)
		printf("%s\t%s\n", s->key, lang == LANG_EN ? s->en : s->vi);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* All of standard input, at most max bytes: NULL (logged) when it is
 * longer or cannot be read. */
static char *
read_stdin(size_t max, size_t *len)
{
	struct buf b;
	char chunk[8192];
	size_t n;

	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		buf_add(&b, chunk, n);
		if (b.len > max)
			break;
	}
	if (ferror(stdin)) {
		log_warn("cannot read standard input");
		buf_release(&b);
		return NULL;
	}
	*len = b.len;
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_detach(&b);
}

/* The body from path ("-": stdin); NULL after saying why. */
static char *
read_body(const struct target *t, const char *path)
{
	const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
	size_t len = 0;
	char *data;

	if (strcmp(path, "-") == 0)
		data = read_stdin(BODY_BYTES_MAX, &len);
	else if ((data = file_read(path, &len)) == NULL)
		log_warn("%s %d %s: cannot read '%s'", t->doc, t->year,
		    t->key, path);
	if (data == NULL)
		return NULL;
	if (len > BODY_BYTES_MAX) {
		log_warnx("%s %d %s: '%s' is longer than the limit of %d "
		    "characters", t->doc, t->year, t->key, name,
		    TEXT_SECTION_MAX);
		free(data);
		return NULL;
	}
	if (strlen(data) != len) {
		log_warnx("%s %d %s: '%s' contains a NUL byte (not a text "
		    "file?)", t->doc, t->year, t->key, name);
		free(data);
		return NULL;
	}
	return data;
}

/* Each refusal as "DOC YEAR KEY: reason" (field_err_line() writes
 * "FIELD: reason"; the field is the key, or the version). */
static void
refused(const struct target *t, const struct field_errs *errs)
{
	char line[FIELD_MSG_MAX + 64];
	const char *why;
	size_t i, n;

	for (i = 0; i < errs->n; i++) {
		field_err_line(&errs->v[i], line, sizeof(line));
		n = strlen(errs->v[i].field);
		why = strncmp(line, errs->v[i].field, n) == 0 &&
		    strncmp(line + n, ": ", 2) == 0 ? line + n + 2 : line;
		log_warnx("%s %d %s: %s", t->doc, t->year, t->key, why);
	}
}

/* What text_set() or text_restore() returned, said; the exit status. */
static int
outcome(struct app *app, const struct target *t, int rc,
    const struct field_errs *errs)
{
	struct text_list h;

	if (rc == TEXT_REFUSED) {
		refused(t, errs);
		return 1;
	}
	if (rc == -1 || text_history(app->store, t->doc, t->year, t->key,
	    &h) == -1)
		return 1;
	if (rc == TEXT_UNCHANGED)
		log_info("%s %d %s: unchanged (the same as version %ld)",
		    t->doc, t->year, t->key, h.n > 0 ? h.v[0].version : 0L);
	else if (h.n > 0)
		printf("%s %d %s: version %ld%s\n", t->doc, t->year, t->key,
		    h.v[0].version, *h.v[0].body == '\0' ? " (empty: the "
		    "section is left out)" : "");
	text_list_release(&h);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* set DOC YEAR KEY --file F: a new version from F ("-": stdin). */
static int
text_set_cmd(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "file", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct field_errs errs;
	struct target t;
	const char *path = NULL;
	char *body;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'f') {
			path = optarg;
			continue;
		}
		cmd_usage("text");
		return ch == 'h' ? 0 : 2;
	}
	if (argc - optind != 3 || path == NULL)
		return cmd_usage("text");
	if (target(argv + optind - 1, &t) != 0 ||
	    (body = read_body(&t, path)) == NULL)
		return 1;
	field_errs_init(&errs);
	rc = text_set(app->store, t.doc, t.year, t.key, body, app->who,
	    app->now, &errs);
	rc = outcome(app, &t, rc, &errs);
	free(body);
	field_errs_release(&errs);
	return rc;
}

/* show DOC YEAR KEY: the body on stdout as it was written; where it is
 * inherited from, on stderr. */
static int
text_show_cmd(int argc, char **argv, struct app *app)
{
	struct text_list l;
	struct target t;
	const char *body;
	int from, ret = 1;

	(void)argc;
	if (target(argv, &t) != 0 || text_load(app->store, &l) == -1)
		return 1;
	body = text_find(&l, t.doc, t.year, t.key, &from);
	if (body == NULL && from == 0)
		log_warnx("%s %d %s: not written (in %d or an earlier year)",
		    t.doc, t.year, t.key, t.year);
	else if (body == NULL)
		log_warnx("%s %d %s: emptied in %d", t.doc, t.year, t.key,
		    from);
	else {
		if (from != t.year)
			log_info("%s %d %s: inherited from %d, not edited for "
			    "%d", t.doc, t.year, t.key, from, t.year);
		printf("%s\n", body);
		ret = fflush(stdout) == 0 ? 0 : 1;
	}
	text_list_release(&l);
	return ret;
}

/* One version: VERSION, time, who, characters, what it restored, and
 * its first line, as a terminal may show them. */
static void
history_line(const struct text_row *v, struct buf *b)
{
	const char *nl = strchr(v->body, '\n');
	char *first = nl != NULL ? xstrndup(v->body, (size_t)(nl - v->body)) :
	    xstrdup(v->body);
	struct ymd day;
	int min;

	b->len = 0;
	day = vntime_day(v->at, &min);
	buf_printf(b, "%ld\t", v->version);
	vntime_format_iso(day, min, b);
	buf_putc(b, '\t');
	esc_term(b, v->who, 256);
	buf_printf(b, "\t%zu chars\t", text_chars(v->body));
	if (v->restored > 0)
		buf_printf(b, "restored %ld\t", v->restored);
	else
		buf_puts(b, "-\t");
	esc_term(b, first, 60);
	free(first);
}

/* history DOC YEAR KEY: the year's versions, newest first. */
static int
text_history_cmd(int argc, char **argv, struct app *app)
{
	struct text_list h;
	struct target t;
	struct buf b;
	size_t i;

	(void)argc;
	if (target(argv, &t) != 0 || text_history(app->store, t.doc, t.year,
	    t.key, &h) == -1)
		return 1;
	if (h.n == 0)
		log_info("%s %d %s: no version written in %d", t.doc, t.year,
		    t.key, t.year);
	buf_init(&b);
	for (i = 0; i < h.n; i++) {
		history_line(&h.v[i], &b);
		puts(b.data);
	}
	buf_release(&b);
	text_list_release(&h);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* restore DOC YEAR KEY VERSION: a new version equal to VERSION. */
static int
text_restore_cmd(int argc, char **argv, struct app *app)
{
	struct field_errs errs;
	struct target t;
	long v;
	int rc;

	(void)argc;
	if (target(argv, &t) != 0)
		return 1;
	if (util_parse_int(argv[4], 1, 1000000000L, &v) == -1) {
		log_warnx("%s %d %s: '%s' is not a version number ('kyniem "
		    "text history %s %d %s' lists them)", t.doc, t.year, t.key,
		    argv[4], t.doc, t.year, t.key);
		return 1;
	}
	field_errs_init(&errs);
	rc = text_restore(app->store, t.doc, t.year, t.key, v, app->who,
	    app->now, &errs);
	rc = outcome(app, &t, rc, &errs);
	field_errs_release(&errs);
	return rc;
}

/* Sorted by name. */
static const struct subcommand subs[] = {
	{ "history", text_history_cmd, 3 },
	{ "restore", text_restore_cmd, 4 },
	{ "sections", text_sections_cmd, -1 },
	{ "set", text_set_cmd, -1 },
	{ "show", text_show_cmd, 3 },
};

int
cmd_text(int argc, char **argv, struct app *app)
{
	return options_sub("text", subs, NELEM(subs), argc, argv, app);
}

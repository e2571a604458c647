/*
 * The command line's side of the declared fields: the getopt_long table
 * made from a field table's rows, so that an input's options are its
 * fields, named as the web form and the CSV name them.  Also the
 * sub-commands' dispatch and the YEAR of the plan and the report.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "dataset.h"
#include "log.h"
#include "lunar.h"
#include "options.h"
#include "plan.h"

/* getopt_long's value of row i's option: 2i for --NAME, 2i + 1 for
 * --no-NAME, above every character. */
#define OPT_BASE	256

/* The getopt_long table of t's rows (no-NAME strings into names). */
static struct option *
make_options(const struct field *t, size_t n, char **names)
{
	struct option *o = xcalloc(2 * n + 2, sizeof(*o));
	const char *name;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (t[i].flags & FIELD_NOOPT)
			continue;
		name = t[i].opt != NULL ? t[i].opt : t[i].name;
		o[k].name = name;
		o[k].has_arg = t[i].flags & FIELD_SWITCH ? no_argument :
		    required_argument;
		o[k++].val = OPT_BASE + 2 * (int)i;
		if (!(t[i].flags & FIELD_SWITCH))
			continue;
		names[i] = xasprintf("no-%s", name);
		o[k].name = names[i];
		o[k].has_arg = no_argument;
		o[k++].val = OPT_BASE + 2 * (int)i + 1;
	}
	o[k].name = "help";
	o[k].has_arg = no_argument;
	o[k].val = 'h';
	return o;
}

int
options_fields(int argc, char **argv, const struct field *t, void *in,
    struct field_opts *fo)
{
	size_t n = field_count(t), i;
	char **names = xcalloc(n, sizeof(*names));
	int *given = xcalloc(n, sizeof(*given));
	struct option *o = make_options(t, n, names);
	int ch, ret = 0;

	fo->n = n;
	fo->lists = xcalloc(n, sizeof(*fo->lists));
	while (ret == 0 && (ch = getopt_long(argc, argv, "h", o, NULL)) !=
	    -1) {
		if (ch < OPT_BASE) {
			ret = ch == 'h' ? 1 : 2;
			break;
		}
		i = (size_t)(ch - OPT_BASE) / 2;
		if (t[i].flags & FIELD_SWITCH)
			*field_slot(&t[i], in) = (ch - OPT_BASE) % 2 ? "no" :
			    "yes";
		else if (t[i].flags & FIELD_LIST) {
			if (given[i]++)
				buf_putc(&fo->lists[i], ',');
			buf_puts(&fo->lists[i], optarg);
		} else
			*field_slot(&t[i], in) = optarg;
	}
	/* Joined once all are read: the buffers move as they grow. */
	for (i = 0; i < n; i++)
		if (given[i])
			*field_slot(&t[i], in) = fo->lists[i].data != NULL ?
			    fo->lists[i].data : "";
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(given);
	free(o);
	return ret;
}

void
options_release(struct field_opts *fo)
{
	size_t i;

	for (i = 0; i < fo->n; i++)
		buf_release(&fo->lists[i]);
	free(fo->lists);
	fo->lists = NULL;
	fo->n = 0;
}

const struct field *
options_missing(const struct field *t, const void *in)
{
	for (; t->name != NULL; t++)
		if ((t->flags & FIELD_REQUIRED) && !(t->flags & FIELD_NOOPT) &&
		    field_value(t, in) == NULL)
			return t;
	return NULL;
}

int
options_refused(const struct field_errs *errs)
{
	char line[FIELD_MSG_MAX + 64];
	size_t i;

	for (i = 0; i < errs->n; i++) {
		field_err_line(&errs->v[i], line, sizeof(line));
		log_warnx("%s", line);
	}
	return 1;
}

int
options_sub(const char *cmd, const struct subcommand *t, size_t n,
    int argc, char **argv, struct app *app)
{
	size_t i;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		cmd_usage(cmd);
		return argc < 2 ? 2 : 0;
	}
	for (i = 0; i < n; i++)
		if (strcmp(t[i].name, argv[1]) == 0)
			break;
	if (i == n) {
		log_warnx("unknown %s command '%s'", cmd, argv[1]);
		return cmd_usage(cmd);
	}
	if (t[i].operands >= 0 && argc - 2 != t[i].operands)
		return cmd_usage(cmd);
	optind = 0;
	return t[i].fn(argc - 1, argv + 1, app);
}

int
options_year(const char *arg, int last, int *year)
{
	long y;

	if (util_parse_int(arg, LUNAR_MIN_YEAR, last, &y) == -1) {
		log_warnx("'%s' is not a year between %d and %d", arg,
		    LUNAR_MIN_YEAR, last);
		return 2;
	}
	*year = (int)y;
	return 0;
}

int
options_doc_input(struct app *app, int year, enum lang lang,
    struct dataset *d, struct plan_input *in)
{
	if (dataset_load(app->store, DATASET_ACTIVITIES, d) == -1)
		return 1;
	memset(in, 0, sizeof(*in));
	in->cfg = app->cfg;
	in->data = d;
	in->lunar = app->lunar;
	in->year = year;
	in->lang = lang;
	in->today = app->today;
	return 0;
}

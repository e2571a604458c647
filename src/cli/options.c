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
#include "log.h"
#include "options.h"

/* getopt_long's value of row i's option: 2i for --NAME, 2i + 1 for
 * --no-NAME, above every character. */
#define OPT_BASE	256

/* The rows of two tables, t's then own's, as one. */
struct rows {
	const struct field *t, *own;
	void *in, *own_in;
	size_t nt, n;
};

static const struct field *
row(const struct rows *rs, size_t i, void **in)
{
	*in = i < rs->nt ? rs->in : rs->own_in;
	return i < rs->nt ? &rs->t[i] : &rs->own[i - rs->nt];
}

/* The getopt_long table of the rows (no-NAME strings into names). */
static struct option *
make_options(const struct rows *rs, char **names)
{
	struct option *o = xcalloc(2 * rs->n + 2, sizeof(*o));
	const struct field *f;
	const char *name;
	size_t i, k = 0;
	void *in;

	for (i = 0; i < rs->n; i++) {
		if ((f = row(rs, i, &in))->flags & FIELD_NOOPT)
			continue;
		name = f->opt != NULL ? f->opt : f->name;
		o[k].name = name;
		o[k].has_arg = f->flags & FIELD_SWITCH ? no_argument :
		    required_argument;
		o[k++].val = OPT_BASE + 2 * (int)i;
		if (!(f->flags & FIELD_SWITCH))
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

/* Option ch of the rows: its value into its input, or into its list. */
static void
take(const struct rows *rs, int ch, int *given, struct field_opts *fo)
{
	size_t i = (size_t)(ch - OPT_BASE) / 2;
	const struct field *f;
	void *in;

	f = row(rs, i, &in);
	if (f->flags & FIELD_SWITCH)
		*field_slot(f, in) = (ch - OPT_BASE) % 2 ? "no" : "yes";
	else if (f->flags & FIELD_LIST) {
		if (given[i]++)
			buf_putc(&fo->lists[i], ',');
		buf_puts(&fo->lists[i], optarg);
	} else
		*field_slot(f, in) = optarg;
}

int
options_fields(int argc, char **argv, const struct field *t, void *in,
    const struct field *own, void *own_in, struct field_opts *fo)
{
	struct rows rs = { t, own, in, own_in, field_count(t), 0 };
	const struct field *f;
	struct option *o;
	char **names;
	int ch, *given, ret = 0;
	size_t i;
	void *to;

	rs.n = rs.nt + (own != NULL ? field_count(own) : 0);
	names = xcalloc(rs.n, sizeof(*names));
	given = xcalloc(rs.n, sizeof(*given));
	o = make_options(&rs, names);
	fo->n = rs.n;
	fo->lists = xcalloc(rs.n, sizeof(*fo->lists));
	while ((ch = getopt_long(argc, argv, "h", o, NULL)) != -1) {
		if (ch < OPT_BASE) {
			ret = ch == 'h' ? 1 : 2;
			break;
		}
		take(&rs, ch, given, fo);
	}
	/* Joined once all are read: the buffers move as they grow. */
	for (i = 0; i < rs.n; i++) {
		f = row(&rs, i, &to);
		if (given[i])
			*field_slot(f, to) = fo->lists[i].data != NULL ?
			    fo->lists[i].data : "";
		free(names[i]);
	}
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

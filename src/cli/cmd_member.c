/*
 * kyniem member add|edit|list|remove: the union's member organisations,
 * which activities are credited to (--member KEY).  add's and edit's
 * options are member_fields' (options.c); checks, storage and the audit
 * trail are member.c's.  The CSV is the import's shape.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "escape.h"
#include "log.h"
#include "member.h"
#include "options.h"
#include "output.h"

/* add KEY and edit KEY: the options of member_fields, saved as who. */
static int
write_member(int argc, char **argv, struct app *app, int exists)
{
	struct member_input in = { NULL, NULL, NULL };
	struct field_errs errs;
	struct field_opts fo;
	int rc, ret = 1;

	field_errs_init(&errs);
	if ((rc = options_fields(argc, argv, member_fields, &in, NULL, NULL,
	    &fo)) != 0 || argc - optind != 1 || (!exists && in.name ==
	    NULL)) {
		cmd_usage("member");
		ret = rc == 1 ? 0 : 2;
		goto done;
	}
	in.key = argv[optind];
	if ((rc = member_put(app->store, &in, exists, app->who, app->now,
	    &errs)) == 1)
		options_refused(&errs);
	ret = rc == 0 ? 0 : 1;
done:
	field_errs_release(&errs);
	options_release(&fo);
	return ret;
}

static int
member_add(int argc, char **argv, struct app *app)
{
	return write_member(argc, argv, app, 0);
}

static int
member_edit(int argc, char **argv, struct app *app)
{
	return write_member(argc, argv, app, 1);
}

static void
print_list(const struct member_list *l, enum out_format fmt)
{
	struct member_input in;
	struct buf b;
	size_t i;

	buf_init(&b);
	if (fmt == OUT_CSV)
		buf_puts(&b, MEMBER_CSV_HEADER "\r\n");
	if (fmt == OUT_JSON)
		buf_putc(&b, '[');
	for (i = 0; i < l->n; i++) {
		in.key = l->v[i].key;
		in.name = l->v[i].name;
		in.kind = l->v[i].kind;
		if (fmt == OUT_CSV) {
			esc_csv(&b, in.key);
			buf_putc(&b, ',');
			esc_csv(&b, in.name);
			buf_putc(&b, ',');
			esc_csv(&b, in.kind);
			buf_puts(&b, "\r\n");
		} else if (fmt == OUT_JSON) {
			buf_puts(&b, i ? ",\n " : "\n ");
			member_json(&in, &b);
		} else
			buf_printf(&b, "%s\t%s\t%s\n", in.key, in.kind,
			    in.name);
	}
	if (fmt == OUT_JSON)
		buf_puts(&b, l->n ? "\n]\n" : "]\n");
	fwrite(b.data ? b.data : "", 1, b.len, stdout);
	buf_release(&b);
}

/* list [--format text|csv|json]: key, kind and name, the report's
 * order. */
static int
member_list(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum out_format fmt = OUT_TEXT;
	struct member_list l;
	int ch;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'f' && output_parse_format(optarg, &fmt) == 0)
			continue;
		if (ch == 'f')
			log_warnx("--format: '%s' is not text, csv or json",
			    optarg);
		cmd_usage("member");
		return ch == 'h' ? 0 : 2;
	}
	if (optind != argc)
		return cmd_usage("member");
	if (member_load(app->store, &l) == -1)
		return 1;
	print_list(&l, fmt);
	member_list_release(&l);
	return fflush(stdout) == 0 ? 0 : 1;
}

static int
member_remove_cmd(int argc, char **argv, struct app *app)
{
	long used = 0;
	int rc;

	(void)argc;
	rc = member_remove(app->store, argv[1], app->who, app->now, &used);
	if (rc == 1)
		log_warnx("no member '%s' ('kyniem member list' shows them)",
		    argv[1]);
	else if (rc == 2)
		log_warnx("member '%s' is credited with %ld activit%s: give "
		    "them another member (kyniem activity edit ID --member "
		    "KEY, or --member '') first", argv[1], used, used == 1 ?
		    "y" : "ies");
	return rc == 0 ? 0 : 1;
}

/* Sorted by name. */
static const struct subcommand subs[] = {
	{ "add", member_add, -1 },
	{ "edit", member_edit, -1 },
	{ "list", member_list, -1 },
	{ "remove", member_remove_cmd, 1 },
};

int
cmd_member(int argc, char **argv, struct app *app)
{
	return options_sub("member", subs, NELEM(subs), argc, argv, app);
}

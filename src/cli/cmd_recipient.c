/*
 * kyniem recipient add|list|remove: who gets milestone reminders and
 * what they follow.  add's options are recipient_fields' (options.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "options.h"
#include "recipient.h"
#include "store.h"

/* add: the options of recipient_fields, --email and --name at least. */
static int
recipient_add(int argc, char **argv, struct app *app)
{
	struct recipient_input in = { 0 };
	struct field_errs errs;
	struct field_opts fo;
	struct recipient r;
	int rc, ret = 1;

	field_errs_init(&errs);
	in.lang = app->cfg->lang == LANG_EN ? "en" : "vi";
	in.follows = "milestones";
	if ((rc = options_fields(argc, argv, recipient_fields, &in, NULL, NULL,
	    &fo)) != 0 || optind != argc || options_missing(recipient_fields,
	    &in) != NULL) {
		cmd_usage("recipient");
		ret = rc == 1 ? 0 : 2;
		goto done;
	}
	if (recipient_from_input(&in, &r, &errs) == -1)
		options_refused(&errs);
	else if (recipient_put(app->store, &r, app->who, app->now) == 0)
		ret = 0;
done:
	field_errs_release(&errs);
	options_release(&fo);
	return ret;
}

static int
recipient_list(int argc, char **argv, struct app *app)
{
	struct recipient_list l;
	size_t i;

	(void)argc;
	(void)argv;
	if (recipient_load(app->store, &l) == -1)
		return 1;
	for (i = 0; i < l.n; i++)
		printf("%s\t%s\t%s\t%s\n", l.v[i].email, l.v[i].name,
		    l.v[i].lang == LANG_EN ? "en" : "vi", l.v[i].follows);
	recipient_list_release(&l);
	return 0;
}

static int
recipient_remove_cmd(int argc, char **argv, struct app *app)
{
	int rc;

	(void)argc;
	if ((rc = recipient_remove(app->store, argv[1], app->who,
	    app->now)) == 1)
		log_warnx("no recipient '%s'", argv[1]);
	return rc == 0 ? 0 : 1;
}

/* Sorted by name. */
static const struct subcommand subs[] = {
	{ "add", recipient_add, -1 },
	{ "list", recipient_list, 0 },
	{ "remove", recipient_remove_cmd, 1 },
};

int
cmd_recipient(int argc, char **argv, struct app *app)
{
	return options_sub("recipient", subs, NELEM(subs), argc, argv, app);
}

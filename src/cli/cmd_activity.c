/*
 * kyniem activity add|list|show|edit|cancel: planned activities by hand.
 * The options of add and edit are activity_fields' (options.c reads
 * them); validation, storage and the audit trail are activity.c's; this
 * file prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "log.h"
#include "options.h"
#include "store.h"

static void
print_when(struct ymd d, int all_day, int min)
{
	char buf[16];

	util_format_ymd(d, buf, sizeof(buf));
	if (all_day)
		printf("%s", buf);
	else
		printf("%sT%02d:%02d", buf, min / 60, min % 60);
}

/* activity list [--category KEY] [--year YYYY] [--csv]: id, start,
 * status, public or internal, title. */
static int
activity_list(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "category", required_argument, NULL, 'c' },
		{ "csv", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "year", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	const char *category = NULL;
	struct activity_list l;
	struct activity *a;
	struct buf out;
	long year = 0;
	size_t i;
	int ch, csv = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': category = optarg; break;
		case 'v': csv = 1; break;
		case 'y':
			if (util_parse_int(optarg, 1, 9999, &year) == -1) {
				log_warnx("--year: '%s' is not a year", optarg);
				return 2;
			}
			break;
		case 'h':
			cmd_usage("activity");
			return 0;
		default:
			return cmd_usage("activity");
		}
	}
	if (optind != argc)
		return cmd_usage("activity");
	if (category != NULL && config_category_find(app->cfg, category) ==
	    NULL) {
		log_warnx("--category: unknown category '%s'", category);
		return 2;
	}
	if (activity_load(app->store, 1, &l) == -1)
		return 1;
	buf_init(&out);
	if (csv)
		buf_puts(&out, ACTIVITY_CSV_HEADER "\r\n");
	for (i = 0; i < l.n; i++) {
		a = &l.v[i];
		if ((category != NULL && (a->category == NULL ||
		    strcmp(a->category, category) != 0)) || (year != 0 &&
		    a->start.y != year))
			continue;
		if (csv) {
			activity_to_csv(a, &out);
			continue;
		}
		printf("%ld\t", a->id);
		print_when(a->start, a->all_day, a->start_min);
		printf("\t%s\t%s\t%s\n", activity_status_name(a->status),
		    a->public == 1 ? "public" : "internal", a->title);
	}
	if (out.len > 0)
		fwrite(out.data, 1, out.len, stdout);
	buf_release(&out);
	activity_list_release(&l);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* name and value; the lines of a multi-line value under the first. */
static void
field(const char *name, const char *value)
{
	const char *nl;

	if (value == NULL || *value == '\0')
		return;
	printf("%-11s ", name);
	while ((nl = strchr(value, '\n')) != NULL) {
		printf("%.*s\n%-11s ", (int)(nl - value), value, "");
		value = nl + 1;
	}
	printf("%s\n", value);
}

static int
get_id(struct app *app, const char *arg, struct activity *a)
{
	long id;
	int rc;

	if (util_parse_int(arg, 1, 1L << 40, &id) == -1) {
		log_warnx("'%s' is not an activity id", arg);
		return -1;
	}
	if ((rc = activity_get(app->store, id, a)) == 1)
		log_warnx("no activity with id %ld ('kyniem activity list' "
		    "shows them)", id);
	return rc == 0 ? 0 : -1;
}

/* The occasion's title beside its key: people read the title. */
static void
occasion(struct app *app, const struct activity *a)
{
	struct dataset d;
	struct buf t;

	if (a->observance == NULL || dataset_load(app->store, 0, &d) == -1)
		return;
	buf_init(&t);
	if (dataset_occasion(&d, app->cfg, app->lunar, a->observance,
	    a->start, app->cfg->lang, &t) == 0)
		field("occasion", t.data);
	buf_release(&t);
	dataset_release(&d);
}

static int
activity_show(int argc, char **argv, struct app *app)
{
	struct activity a;
	size_t i;

	(void)argc;
	if (get_id(app, argv[1], &a) == -1)
		return 1;
	printf("%-11s %ld\n", "id", a.id);
	field("uid", a.uid);
	field("title", a.title);
	printf("%-11s ", "start");
	print_when(a.start, a.all_day, a.start_min);
	printf("\n%-11s ", "end");
	print_when(a.end, a.all_day, a.end_min);
	printf("\n");
	field("location", a.location);
	field("organiser", a.organiser);
	for (i = 0; i < a.nowners; i++)
		field(i == 0 ? "owners" : "", a.owners[i]);
	field("observance", a.observance);
	occasion(app, &a);
	field("remind", a.remind ? a.remind : app->cfg->remind_offsets);
	field("status", activity_status_name(a.status));
	field("public", a.public == 1 ? "yes" : "no");
	field("category", a.category);
	field("countries", a.countries);
	field("partner", a.partner);
	if (a.participants > 0)
		printf("%-11s %d\n", "participants", a.participants);
	field("result", a.result);
	field("member", a.member);
	if (a.amount > 0)
		printf("%-11s %ld %s\n", "amount", a.amount, a.currency != NULL ?
		    a.currency : "");
	if (a.budget > 0)
		printf("%-11s %ld VND\n", "budget", a.budget);
	field("report_text", a.report_text);
	field("notes", a.notes);
	printf("%-11s %ld\n", "revision", a.revision);
	activity_release(&a);
	return 0;
}

enum how { ADD, EDIT, CANCEL };

/*
 * add, edit ID and cancel ID (edit with --status cancelled): the options
 * of activity_fields (add needs --title and --start) applied to a new
 * activity or to the stored one, and saved.
 */
static int
write_activity(int argc, char **argv, struct app *app, enum how how)
{
	struct activity_input in = { 0 };
	struct activity a = { 0 };
	struct field_errs errs;
	struct field_opts fo;
	int rc, changed = 0, ret = 1;

	field_errs_init(&errs);
	rc = options_fields(argc, argv, activity_fields, &in, NULL, NULL, &fo);
	if (rc != 0 || argc - optind != (how == ADD ? 0 : 1) || (how == ADD &&
	    options_missing(activity_fields, &in) != NULL)) {
		cmd_usage("activity");
		ret = rc == 1 ? 0 : 2;
		goto done;
	}
	if (how == CANCEL)
		in.status = "cancelled";
	if (how == ADD) {
		a.uid = activity_new_uid(app->cfg->domain);
		a.status = ACTIVITY_PLANNED;
	} else if (get_id(app, argv[optind], &a) == -1)
		goto done;
	if ((rc = activity_apply(app->store, app->cfg, &in, &a, &errs)) == 1)
		options_refused(&errs);
	if (rc != 0 || activity_save(app->store, &a, app->who, how == ADD ?
	    "activity.create" : how == EDIT ? "activity.edit" :
	    "activity.cancel", app->now, &changed) == -1)
		goto done;
	if (how == ADD)
		printf("%ld\n", a.id);
	else
		printf("%ld %s\n", a.id, !changed ? "unchanged" :
		    how == CANCEL ? "cancelled" : "changed");
	ret = 0;
done:
	field_errs_release(&errs);
	options_release(&fo);
	activity_release(&a);
	return ret;
}

static int
activity_add(int argc, char **argv, struct app *app)
{
	return write_activity(argc, argv, app, ADD);
}

static int
activity_edit(int argc, char **argv, struct app *app)
{
	return write_activity(argc, argv, app, EDIT);
}

static int
activity_cancel(int argc, char **argv, struct app *app)
{
	return write_activity(argc, argv, app, CANCEL);
}

/* Sorted by name. */
static const struct subcommand subs[] = {
	{ "add", activity_add, -1 },
	{ "cancel", activity_cancel, 1 },
	{ "edit", activity_edit, -1 },
	{ "list", activity_list, -1 },
	{ "show", activity_show, 1 },
};

int
cmd_activity(int argc, char **argv, struct app *app)
{
	return options_sub("activity", subs, NELEM(subs), argc, argv, app);
}

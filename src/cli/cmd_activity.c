/*
 * kyniem activity add|list|show|edit|cancel: planned activities by hand.
 * Validation and storage are activity.c's; this file parses options and
 * prints.
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
#include "store.h"

/* Options shared by add and edit; NULL members were not given. */
struct fields {
	const char *title, *start, *end, *location, *organiser, *remind;
	const char *observance, *notes, *status;
	const char *category, *partner, *participants, *result;
	const char *public;	/* "yes" for --public, "no" for --no-public */
	char **owners;
	size_t nowners;
	struct buf countries;	/* --country CC, each once */
	int countries_given;
};

static const struct option field_opts[] = {
	{ "category", required_argument, NULL, 'c' },
	{ "country", required_argument, NULL, 'C' },
	{ "end", required_argument, NULL, 'e' },
	{ "help", no_argument, NULL, 'h' },
	{ "location", required_argument, NULL, 'l' },
	{ "no-public", no_argument, NULL, 'u' },
	{ "notes", required_argument, NULL, 'N' },
	{ "observance", required_argument, NULL, 'o' },
	{ "organiser", required_argument, NULL, 'g' },
	{ "owner", required_argument, NULL, 'w' },
	{ "participants", required_argument, NULL, 'P' },
	{ "partner", required_argument, NULL, 'p' },
	{ "public", no_argument, NULL, 'U' },
	{ "remind", required_argument, NULL, 'r' },
	{ "result", required_argument, NULL, 'R' },
	{ "start", required_argument, NULL, 's' },
	{ "status", required_argument, NULL, 'S' },
	{ "title", required_argument, NULL, 't' },
	{ NULL, 0, NULL, 0 }
};

/* 0, 1 for --help, 2 for a usage error. */
static int
parse_fields(int argc, char **argv, struct fields *f)
{
	int ch;

	while ((ch = getopt_long(argc, argv, "h", field_opts, NULL)) != -1) {
		switch (ch) {
		case 'c': f->category = optarg; break;
		case 'C':
			/* --country "" clears the list. */
			buf_printf(&f->countries, "%s ", optarg);
			f->countries_given = 1;
			break;
		case 'e': f->end = optarg; break;
		case 'l': f->location = optarg; break;
		case 'N': f->notes = optarg; break;
		case 'o': f->observance = optarg; break;
		case 'g': f->organiser = optarg; break;
		case 'p': f->partner = optarg; break;
		case 'P': f->participants = optarg; break;
		case 'r': f->remind = optarg; break;
		case 'R': f->result = optarg; break;
		case 's': f->start = optarg; break;
		case 'S': f->status = optarg; break;
		case 't': f->title = optarg; break;
		case 'u': f->public = "no"; break;
		case 'U': f->public = "yes"; break;
		case 'w':
			f->owners = xrealloc(f->owners, (f->nowners + 1) *
			    sizeof(*f->owners));
			f->owners[f->nowners++] = optarg;
			break;
		case 'h':
			return 1;
		default:
			return 2;
		}
	}
	return 0;
}

/* Apply the given fields to a; -1 after logging a bad value. */
static int
apply(struct app *app, const struct fields *f, struct activity *a)
{
	struct activity_input in = { 0 };
	struct buf owners;
	const char *field;
	char err[300];
	size_t i;
	int ret;

	in.title = f->title;
	in.start = f->start;
	in.end = f->end;
	in.location = f->location;
	in.organiser = f->organiser;
	in.observance = f->observance;
	in.notes = f->notes;
	in.remind = f->remind;
	in.status = f->status;
	in.category = f->category;
	in.partner = f->partner;
	in.participants = f->participants;
	in.result = f->result;
	in.public = f->public;
	in.countries = f->countries_given ? (f->countries.data != NULL ?
	    f->countries.data : "") : NULL;
	buf_init(&owners);
	for (i = 0; i < f->nowners; i++)
		buf_printf(&owners, "%s%s", i > 0 ? "," : "", f->owners[i]);
	in.owners = f->nowners > 0 ? owners.data : NULL;
	ret = activity_apply(app->store, app->cfg, &in, a, &field, err,
	    sizeof(err));
	/* Most reasons name their field already ("title has no visible
	 * character"); the others get it in front. */
	if (ret == -1 && field != NULL && strncmp(err, field,
	    strlen(field)) == 0)
		log_warnx("%s", err);
	else if (ret == -1)
		log_warnx("%s: %s", field != NULL ? field : "activity", err);
	buf_release(&owners);
	return ret;
}

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

static int
activity_add(int argc, char **argv, struct app *app)
{
	struct fields f = { 0 };
	struct activity a = { 0 };
	int rc, changed, ret = 1;

	buf_init(&f.countries);
	if ((rc = parse_fields(argc, argv, &f)) != 0 || optind != argc ||
	    f.title == NULL || f.start == NULL) {
		free(f.owners);
		buf_release(&f.countries);
		cmd_usage("activity");
		return rc == 1 ? 0 : 2;
	}
	a.uid = activity_new_uid(app->cfg->domain);
	a.status = ACTIVITY_PLANNED;
	if (apply(app, &f, &a) == -1)
		goto done;
	if (activity_save(app->store, &a, app->now, &changed) == -1)
		goto done;
	printf("%ld\n", a.id);
	ret = 0;
done:
	free(f.owners);
	buf_release(&f.countries);
	activity_release(&a);
	return ret;
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

	if (argc != 2)
		return cmd_usage("activity");
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
	field("notes", a.notes);
	printf("%-11s %ld\n", "revision", a.revision);
	activity_release(&a);
	return 0;
}

/* edit ID [fields] and cancel ID (edit with --status cancelled). */
static int
activity_edit(int argc, char **argv, struct app *app, int cancel)
{
	struct fields f = { 0 };
	struct activity a = { 0 };
	int rc, changed = 0, ret = 1;

	buf_init(&f.countries);
	if ((rc = parse_fields(argc, argv, &f)) != 0 || argc - optind != 1 ||
	    (cancel && argc != 2)) {
		free(f.owners);
		buf_release(&f.countries);
		cmd_usage("activity");
		return rc == 1 ? 0 : 2;
	}
	if (cancel)
		f.status = "cancelled";
	if (get_id(app, argv[optind], &a) == -1 || apply(app, &f, &a) == -1)
		goto done;
	if (activity_save(app->store, &a, app->now, &changed) == -1)
		goto done;
	printf("%ld %s\n", a.id, changed ? (cancel ? "cancelled" : "changed") :
	    "unchanged");
	ret = 0;
done:
	free(f.owners);
	buf_release(&f.countries);
	activity_release(&a);
	return ret;
}

int
cmd_activity(int argc, char **argv, struct app *app)
{
	const char *sub;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		cmd_usage("activity");
		return argc < 2 ? 2 : 0;
	}
	sub = argv[1];
	argc--;
	argv++;
	optind = 0;
	if (strcmp(sub, "add") == 0)
		return activity_add(argc, argv, app);
	if (strcmp(sub, "list") == 0)
		return activity_list(argc, argv, app);
	if (strcmp(sub, "show") == 0)
		return activity_show(argc, argv, app);
	if (strcmp(sub, "edit") == 0)
		return activity_edit(argc, argv, app, 0);
	if (strcmp(sub, "cancel") == 0)
		return activity_edit(argc, argv, app, 1);
	log_warnx("unknown activity command '%s'", sub);
	return cmd_usage("activity");
}

/*
 * kyniem record export YEAR [--out FILE]: the union's year record
 * (doc/record-format.md), signed with its key when it has one, for the
 * head of its cluster.  report_record.c makes it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "file.h"
#include "log.h"
#include "lunar.h"
#include "options.h"
#include "plan.h"
#include "report.h"
#include "sign.h"
#include "yearly.h"

/* What make() makes a record of. */
struct record_make {
	struct app *app;
	const struct plan_input *in;
};

/* report_record() as yearly_record_out() calls it. */
static int
make(void *arg, const struct sign_key *k, struct buf *out)
{
	const struct record_make *m = arg;

	return report_record(m->in, k, m->app->now, m->app->version, out);
}

static int
record_export(int argc, char **argv, struct app *app)
{
	struct plan_input in;
	struct record_make m = { app, &in };
	struct dataset d;
	const char *out;
	int year, rc;

	if ((rc = yearly_export_args(argc, argv, "record", LUNAR_MAX_YEAR - 1,
	    &year, &out)) != 0)
		return rc == 1 ? 0 : rc;
	if (year > app->today.y) {
		log_warnx("no record of %d: it is %04d-%02d-%02d, and the "
		    "record of a year is made during or after it", year,
		    app->today.y, app->today.m, app->today.d);
		return 1;
	}
	if (yearly_input(app, year, LANG_VI, &d, &in) == -1)
		return 1;
	rc = yearly_record_out(app, out, make, &m);
	dataset_release(&d);
	return rc;
}

int
cmd_record(int argc, char **argv, struct app *app)
{
	static const struct subcommand subs[] = {
		{ "export", record_export, -1 },
	};

	return options_sub("record", subs, NELEM(subs), argc, argv, app);
}

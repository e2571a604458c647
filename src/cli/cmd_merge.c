/*
 * kyniem merge OTHER.db [--dry-run]: another union's database into this
 * one after a merger of provinces.  merge.c does the work; this file says
 * what came over, what was here already and each conflict.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "merge.h"

static void
report(const char *other, const struct merge_report *r, int dry_run)
{
	size_t i;

	for (i = 0; i < r->ntables; i++)
		printf("%s\t%ld %s\t%ld already here\t%ld in conflict\n",
		    r->tables[i].table, r->tables[i].added, dry_run ?
		    "to add" : "added", r->tables[i].same,
		    r->tables[i].conflicts);
	for (i = 0; i < r->nconflicts; i++)
		printf("conflict: %s\n", r->conflicts[i]);
	if (dry_run)
		printf("dry run: nothing written; %ld rows of '%s' would come "
		    "over\n", r->added, other);
	else if (r->added == 0)
		printf("nothing to merge from '%s': every row is here\n",
		    other);
	else
		printf("merged %ld rows of '%s'\n", r->added, other);
}

int
cmd_merge(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct merge_report r;
	int ch, dry_run = 0, ret;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'n')
			dry_run = 1;
		else {
			cmd_usage("merge");
			return ch == 'h' ? 0 : 2;
		}
	}
	if (argc - optind != 1)
		return cmd_usage("merge");
	ret = merge_db(app->store, argv[optind], dry_run, app->who, app->now, &r);
	if (ret == -1)
		return 1;
	report(argv[optind], &r, dry_run);
	merge_report_release(&r);
	return fflush(stdout) == 0 ? 0 : 1;
}

/*
 * kyniem restore [--check] FILE: put a backup (or an SQLite database
 * file, such as kyniem.db.before-restore) in place of the database,
 * keeping the database as it was beside it, and say what was restored;
 * --check reads and checks FILE only.  backup_restore.c does the work,
 * the restore's audit row included.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "backup.h"
#include "cmd.h"
#include "config.h"
#include "vntime.h"

static void
describe(const char *file, const struct backup_restored *r)
{
	struct buf b;

	buf_init(&b);
	if (r->plain)
		buf_printf(&b, "'%s': an SQLite database, schema %d", file,
		    r->schema);
	else {
		buf_printf(&b, "'%s': a backup taken ", file);
		vntime_format_time(r->created, &b);
		buf_printf(&b, ", schema %d, %s", r->schema, r->encrypted ?
		    "encrypted" : "not encrypted");
	}
	puts(b.data);
	buf_release(&b);
}

int
cmd_restore(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct backup_restored r;
	int ch, flags = 0;
	size_t i;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'c') {
			flags |= BACKUP_CHECK;
			continue;
		}
		cmd_usage("restore");
		return ch == 'h' ? 0 : 2;
	}
	if (optind != argc - 1 || *argv[optind] == '\0')
		return cmd_usage("restore");
	if (backup_restore(app->cfg, argv[optind], flags, app->who, app->now,
	    &r) == -1)
		return 1;
	describe(argv[optind], &r);
	if (flags & BACKUP_CHECK)
		printf("it passes integrity_check and can be restored; "
		    "nothing was changed\n");
	else {
		printf("restored into '%s' (everyone logs in again)\n",
		    app->cfg->db_path);
		if (r.before != NULL)
			printf("the database as it was: '%s'\n", r.before);
	}
	printf("rows per table:\n");
	for (i = 0; i < r.ntables; i++)
		printf("%s\t%lld\n", r.tables[i].name, r.tables[i].rows);
	backup_restored_release(&r);
	return fflush(stdout) == 0 ? 0 : 1;
}

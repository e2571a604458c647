/*
 * kyniem restore [--check] FILE: put a backup (or an SQLite database
 * file, such as kyniem.db.before-restore) in place of the database,
 * keeping the database as it was beside it, and say what was restored;
 * --check reads and checks FILE only.  backup_restore.c does the work.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "audit.h"
#include "backup.h"
#include "cmd.h"
#include "config.h"
#include "jsonw.h"
#include "store.h"
#include "vntime.h"

/* The restore in the restored database's audit trail (which the copy
 * replaced: it is written after); 0 or -1 (logged). */
static int
audit_restore(struct app *app, const char *file,
    const struct backup_restored *r)
{
	struct store *st = NULL;
	struct buf after, taken;
	struct jsonw j;
	char *who = cmd_who();
	int ret = -1;

	buf_init(&after);
	buf_init(&taken);
	jsonw_init(&j, &after, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "file", file);
	if (!r->plain) {
		vntime_format_time(r->created, &taken);
		jsonw_str(&j, "taken", taken.data);
		jsonw_bool(&j, "encrypted", r->encrypted);
	}
	jsonw_int(&j, "schema", r->schema);
	jsonw_end(&j);
	if (store_open(app->cfg->db_path, 0, &st) == 0 &&
	    audit_add(st, who, "backup.restore", file, NULL, after.data,
	    app->now) == 0)
		ret = 0;
	store_close(st);
	buf_release(&after);
	buf_release(&taken);
	free(who);
	return ret;
}

static void
describe(const char *file, const struct backup_restored *r)
{
	struct buf b;
	struct ymd d;
	int min;

	buf_init(&b);
	if (r->plain)
		buf_printf(&b, "'%s': an SQLite database, schema %d", file,
		    r->schema);
	else {
		d = vntime_day(r->created, &min);
		buf_printf(&b, "'%s': a backup taken ", file);
		vntime_format_iso(d, min, &b);
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
	if (backup_restore(app->cfg, argv[optind], flags, &r) == -1)
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
		(void)audit_restore(app, argv[optind], &r);
	}
	printf("rows per table:\n");
	for (i = 0; i < r.ntables; i++)
		printf("%s\t%lld\n", r.tables[i].name, r.tables[i].rows);
	backup_restored_release(&r);
	return fflush(stdout) == 0 ? 0 : 1;
}

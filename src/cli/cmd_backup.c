/*
 * kyniem backup [--out FILE] | --list: a checked, compressed (and with
 * [backup] key_file encrypted) copy of the database while the server
 * runs, under [backup] dir with retention or to FILE; or the copies
 * there.  backup.c does the work.
 */
#include <getopt.h>
#include <stdio.h>

#include "backup.h"
#include "cmd.h"
#include "config.h"
#include "vntime.h"

static int
list(const struct config *cfg)
{
	struct backup_list l;
	struct buf b;
	size_t i;

	if (backup_list(cfg->backup_dir, &l) == -1)
		return 1;
	buf_init(&b);
	for (i = 0; i < l.n; i++) {
		b.len = 0;
		vntime_format_time(l.v[i].created, &b);
		buf_printf(&b, "\t%lld\t%s\t%s", l.v[i].size, l.v[i].encrypted ?
		    "encrypted" : "not-encrypted", l.v[i].path);
		puts(b.data);
	}
	buf_release(&b);
	backup_list_release(&l);
	return fflush(stdout) == 0 ? 0 : 1;
}

static int
make(struct app *app, const char *out)
{
	struct backup_made m;
	size_t i;

	if (backup_make(app->cfg, app->now, out, &m) == -1)
		return 1;
	printf("%s\t%lld bytes\t%s\t(database %lld bytes, integrity_check "
	    "ok)\n", m.path, m.size, m.encrypted ? "encrypted" :
	    "not-encrypted", m.db_size);
	for (i = 0; i < m.nremoved; i++)
		printf("removed %s (kept: %d daily, %d weekly, %d monthly)\n",
		    m.removed[i], app->cfg->backup_daily,
		    app->cfg->backup_weekly, app->cfg->backup_monthly);
	backup_made_release(&m);
	return fflush(stdout) == 0 ? 0 : 1;
}

int
cmd_backup(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "list", no_argument, NULL, 'l' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL;
	int ch, listing = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'l')
			listing = 1;
		else if (ch == 'o' && *optarg != '\0')
			out = optarg;
		else {
			cmd_usage("backup");
			return ch == 'h' ? 0 : 2;
		}
	}
	if (optind != argc || (listing && out != NULL))
		return cmd_usage("backup");
	return listing ? list(app->cfg) : make(app, out);
}

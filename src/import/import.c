/*
 * The import's front end: which backend reads a file (an .ics name is an
 * iCalendar file of activities, anything else a CSV file whose header
 * names its kind), where the file's messages go (stderr, or a page's
 * buffer), and the walk of calendars/ for `init`.  The backends,
 * import_csv.c and import_ics.c, get one struct import_run each and
 * call nothing here.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "config.h"
#include "import.h"
#include "import_int.h"
#include "input.h"
#include "jsonw.h"
#include "log.h"
#include "util.h"
#include "vntime.h"

void
import_window(const struct config *cfg, long now, struct ymd *from,
    struct ymd *to)
{
	const struct config_feed *f = cfg != NULL ? config_feed_find(cfg,
	    "activities") : NULL;
	struct ymd today = vntime_day((time_t)now, NULL);

	*from = util_ymd_add_days(today, -(f != NULL ? f->days_back : 365));
	*to = util_ymd_add_days(today, f != NULL ? f->days_ahead : 5 * 365);
}

/* A message of the file being imported, where its stats say. */
static void report(const struct import_run *run, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
report(const struct import_run *run, const char *fmt, ...)
{
	struct buf *messages = run->stats->messages;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (messages != NULL) {
		buf_puts(messages, msg);
		buf_putc(messages, '\n');
	} else
		log_warnx("%s", msg);
	free(msg);
}

/* The audit row of an imported file: what it read and changed. */
static int
audit_file(const struct import_run *run, const char *kind,
    const struct import_stats *was)
{
	const struct import_stats *s = run->stats;
	struct buf obj, after;
	struct jsonw j;
	int ret;

	buf_init(&obj);
	buf_init(&after);
	buf_printf(&obj, "file:%s", run->name);
	jsonw_init(&j, &after, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "kind", kind);
	jsonw_int(&j, "rows", s->rows - was->rows);
	jsonw_int(&j, "changed", s->changed - was->changed);
	jsonw_int(&j, "undated", s->undated - was->undated);
	jsonw_end(&j);
	ret = audit_add(run->st, run->who, "import", obj.data, NULL,
	    after.data, (time_t)run->now);
	buf_release(&obj);
	buf_release(&after);
	return ret;
}

/* The run of a file called name, read from in, imported by who. */
static void
run_init(struct import_run *run, struct store *st, struct lunar_cal *lunar,
    const char *name, struct input *in, const char *who, long now,
    int flags, struct import_stats *stats)
{
	*run = (struct import_run){ .st = st, .who = who, .lunar = lunar,
	    .name = name, .in = in, .now = now, .flags = flags,
	    .stats = stats, .report = report, .audit = audit_file };
	import_window(stats->cfg, now, &run->from, &run->to);
}

int
import_data(struct store *st, struct lunar_cal *lunar, const char *name,
    const char *data, size_t len, const char *who, long now,
    struct import_stats *stats)
{
	struct import_run run;
	struct input in;

	input_init_mem(&in, data, len);
	run_init(&run, st, lunar, name, &in, who, now, 0, stats);
	return import_csv_read(&run);
}

int
import_ics(struct store *st, const char *name, const char *data,
    size_t len, const char *who, long now, int flags,
    struct import_stats *stats)
{
	struct import_run run;
	struct input in;

	input_init_mem(&in, data, len);
	run_init(&run, st, NULL, name, &in, who, now, flags, stats);
	return import_ics_read(&run);
}

int
import_file(struct store *st, struct lunar_cal *lunar, const char *path,
    const char *who, long now, int flags, struct import_stats *stats)
{
	struct import_run run;
	struct input in;
	size_t plen = strlen(path);
	int ret;

	/* Read a window at a time: the file is never held whole. */
	if (input_open(&in, path) == -1) {
		log_warn("cannot read '%s'", path);
		stats->errors++;
		return -1;
	}
	run_init(&run, st, lunar, path, &in, who, now, flags, stats);
	if (plen > 4 && strcasecmp(path + plen - 4, ".ics") == 0)
		ret = import_ics_read(&run);
	else
		ret = import_csv_read(&run);
	input_close(&in);
	return ret;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted *.csv names of dir (caller frees each and the array). */
static int
list_csv(const char *dir, char ***out, size_t *n)
{
	DIR *d;
	struct dirent *e;
	size_t len;

	*out = NULL;
	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return errno == ENOENT ? 0 : (log_warn("cannot open '%s'",
		    dir), -1);
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), name_cmp);
	return 0;
}

/* countries.csv first (others refer to it), then the observances, then
 * what refers to them: per-year dates, holiday and letter titles. */
static int
rank(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (strcmp(base, "countries.csv") == 0)
		return 0;
	if (strcmp(base, "dates.csv") == 0 ||
	    strcmp(base, "holiday-titles.csv") == 0 ||
	    strcmp(base, "letter-titles.csv") == 0)
		return 2;
	return 1;
}

int
import_calendars(struct store *st, struct lunar_cal *lunar, const char *dir,
    const char *who, long now, struct import_stats *stats)
{
	char **files = NULL, **local = NULL, *sub;
	size_t n = 0, nlocal = 0, i;
	int r, ret = 0;

	sub = xasprintf("%s/local", dir);
	if (list_csv(dir, &files, &n) == -1 ||
	    list_csv(sub, &local, &nlocal) == -1)
		ret = -1;
	for (r = 0; r <= 2 && ret == 0; r++) {
		for (i = 0; i < n; i++)
			if (rank(files[i]) == r && import_file(st, lunar,
			    files[i], who, now, 0, stats) == -1)
				ret = -1;
		for (i = 0; r == 1 && i < nlocal; i++)
			if (import_file(st, lunar, local[i], who, now, 0,
			    stats) == -1)
				ret = -1;
	}
	if (n == 0 && ret == 0) {
		log_warnx("no calendar files in '%s'", dir);
		ret = -1;
	}
	for (i = 0; i < n; i++)
		free(files[i]);
	for (i = 0; i < nlocal; i++)
		free(local[i]);
	free(files);
	free(local);
	free(sub);
	return ret;
}

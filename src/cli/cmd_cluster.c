/*
 * kyniem cluster import FILE... | fetch YEAR | status YEAR: the cluster
 * head's side of the year records.  The checks and the table are
 * received.c's, the fetching fetch.c's; this file reads the files and
 * says what became of each.
 */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "cmd.h"
#include "config.h"
#include "dataset.h"
#include "doc.h"
#include "fetch.h"
#include "file.h"
#include "log.h"
#include "options.h"
#include "output.h"
#include "plan.h"
#include "received.h"
#include "sign.h"
#include "vntime.h"
#include "yearly.h"

/* Why a record was refused is at most a sentence and a key or two. */
#define WHY_MAX	512

/* What became of a record, for the line that says so. */
static void
say(const char *name, enum received_outcome o)
{
	static const char *const words[] = {
		[RECEIVED_NEW] = "received",
		[RECEIVED_REPLACED] = "replaced the older record",
		[RECEIVED_SAME] = "already held, unchanged",
	};

	printf("%s: %s\n", name, words[o]);
}

/* One file: its bytes (never more than max_bytes read) through
 * received_import().  0, or 1 after saying why. */
static int
import_file(struct app *app, const char *path, const char *who)
{
	struct received_in in = { 0 };
	enum received_outcome o;
	struct stat sb;
	char why[WHY_MAX], *data = NULL, *src;
	size_t len = 0;
	int rc;

	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >
	    app->cfg->cluster_max_bytes) {
		log_warnx("%s: larger than the %d bytes [cluster] max_bytes "
		    "allows", path, app->cfg->cluster_max_bytes);
		return 1;
	}
	if ((data = file_read(path, &len)) == NULL) {
		log_warn("%s: cannot read", path);
		return 1;
	}
	src = xasprintf("file %s", path);
	in.text = data;
	in.len = len;
	in.source = src;
	in.today_year = app->today.y;
	in.who = who;
	in.now = app->now;
	rc = received_import(app->store, app->cfg, &in, &o, why, sizeof(why));
	if (rc == 1)
		log_warnx("%s: %s", path, why);
	else if (rc == 0)
		say(path, o);
	free(src);
	free(data);
	return rc == 0 ? 0 : 1;
}

static int
cluster_import(int argc, char **argv, struct app *app)
{
	const char *who = app->who;
	int i, ret = 0;

	if (argc < 2 || strncmp(argv[1], "-", 1) == 0)
		return cmd_usage("cluster");
	for (i = 1; i < argc; i++)
		if (import_file(app, argv[i], who) != 0)
			ret = 1;
	return ret;
}

/* The YEAR operand of a sub-command that takes only it. */
static int year_operand(int argc, char **argv, int *year);

/* Every member with a url, one after the other: 0 when all went in. */
static int
cluster_fetch(int argc, char **argv, struct app *app)
{
	const struct config *cfg = app->cfg;
	enum received_outcome o;
	char why[WHY_MAX];
	const char *who = app->who;
	size_t i, tried = 0;
	int year, rc, ret = 0;

	if (year_operand(argc, argv, &year) == -1)
		return cmd_usage("cluster");
	for (i = 0; i < cfg->nmembers; i++) {
		if (cfg->members[i].url == NULL)
			continue;
		tried++;
		rc = fetch_member(app->store, cfg, &cfg->members[i], year,
		    app->today.y, who, app->now, &o, why, sizeof(why));
		if (rc == 0)
			say(cfg->members[i].id, o);
		else {
			if (rc == 1)
				log_warnx("%s: %s", cfg->members[i].id, why);
			ret = 1;
		}
	}
	if (tried == 0)
		log_warnx("no member has a url ([cluster-member ID] url) to "
		    "fetch from");
	return tried == 0 ? 1 : ret;
}

static int
year_operand(int argc, char **argv, int *year)
{
	if (argc != 2 || argv[1][0] == '-')
		return -1;
	return yearly_year(argv[1], 9999, year);
}

/* The input of year's consolidated report or record: the records
 * received and the head's own database, loaded into d (release it).
 * 0, or -1 (logged). */
static int
cluster_in(struct app *app, int year, enum lang lang, struct dataset *d,
    struct cluster_input *in)
{
	struct plan_input own;

	if (yearly_input(app, year, lang, d, &own) == -1)
		return -1;
	memset(in, 0, sizeof(*in));
	in->st = app->store;
	in->cfg = app->cfg;
	in->year = year;
	in->today = app->today;
	in->now = app->now;
	in->lang = lang;
	in->data = d;
	in->lunar = app->lunar;
	in->version = app->version;
	return 0;
}

/* One member's line: received (when, made when, signed how, from where),
 * the head's own (its database), or missing. */
static void
status_line(const struct config_member *m, const struct received *r,
    int own)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, m != NULL ? m->id : r->union_id);
	if (r == NULL && own) {
		buf_puts(&b, "\town\t(the cluster's report reads the year "
		    "this database records)");
		puts(b.data);
		buf_release(&b);
		return;
	}
	if (r == NULL) {
		buf_printf(&b, "\tmissing%s", m->url != NULL ?
		    "\t(kyniem cluster fetch gets it)" : "");
		puts(b.data);
		buf_release(&b);
		return;
	}
	buf_puts(&b, "\treceived ");
	vntime_format_time(r->at, &b);
	buf_printf(&b, "\tmade %s\t%s\t%s\t%s", r->generated_at, !r->is_signed ?
	    "not signed" : m != NULL && m->key != NULL ? "signed, pinned key" :
	    "signed, key not pinned", r->source, m == NULL ?
	    "(no longer a member)" : "");
	while (b.len > 0 && b.data[b.len - 1] == '\t')
		b.data[--b.len] = '\0';
	puts(b.data);
	buf_release(&b);
}

static int
cluster_status(int argc, char **argv, struct app *app)
{
	const struct config *cfg = app->cfg;
	struct cluster_input in;
	struct received_list l;
	const struct received *r;
	struct dataset d;
	size_t i, j;
	int year, own, missing = 0;

	if (year_operand(argc, argv, &year) == -1)
		return cmd_usage("cluster");
	if (cluster_in(app, year, LANG_VI, &d, &in) == -1)
		return 1;
	if (received_list(app->store, year, &l) == -1) {
		dataset_release(&d);
		return 1;
	}
	for (i = 0; i < cfg->nmembers; i++) {
		for (r = NULL, j = 0; j < l.n && r == NULL; j++)
			if (strcmp(l.v[j].union_id, cfg->members[i].id) == 0)
				r = &l.v[j];
		own = cluster_own_year(&in, cfg->members[i].id);
		status_line(&cfg->members[i], r, own);
		missing += r == NULL && !own;
	}
	for (j = 0; j < l.n; j++)
		if (config_member_find(cfg, l.v[j].union_id) == NULL)
			status_line(NULL, &l.v[j], 0);
	printf("%zu of %zu members have sent their record of %d\n",
	    cfg->nmembers - (size_t)missing, cfg->nmembers, year);
	received_list_release(&l);
	dataset_release(&d);
	return fflush(stdout) == 0 ? 0 : 1;
}


/* cluster_record() as yearly_record_out() calls it. */
static int
make_record(void *arg, const struct sign_key *k, struct buf *out)
{
	const struct cluster_input *in = arg;

	return cluster_record(in, k, in->version, out);
}

/* The consolidated record of YEAR, signed with the union's key. */
static int
cluster_export(int argc, char **argv, struct app *app)
{
	struct cluster_input in;
	struct dataset d;
	const char *out;
	int rc, year;

	if ((rc = yearly_export_args(argc, argv, "cluster", 9998, &year,
	    &out)) != 0)
		return rc == 1 ? 0 : rc;
	if (cluster_in(app, year, LANG_VI, &d, &in) == -1)
		return 1;
	rc = yearly_record_out(app, out, make_record, &in);
	dataset_release(&d);
	return rc;
}

/* The consolidated report of YEAR, as md, html, docx or pdf. */
static int
cluster_report_cmd(int argc, char **argv, struct app *app)
{
	struct yearly_args a = { .fmt = DOC_MD, .lang = app->cfg->lang };
	struct cluster_input in;
	struct dataset d;
	struct doc *doc;
	struct buf b;
	int rc, ret = 1;

	if ((rc = yearly_args(argc, argv, "cluster", 0, 9998, &a)) != 0)
		return rc == 1 ? 0 : rc;
	if (cluster_in(app, a.year, a.lang, &d, &in) == -1)
		return 1;
	if (cluster_report(&in, &doc) == -1)
		goto done;
	buf_init(&b);
	if (doc_render(doc, a.fmt, &b) == 0 && file_write_out(a.out, b.data,
	    b.len) == 0)
		ret = 0;
	buf_release(&b);
	doc_free(doc);
done:
	dataset_release(&d);
	return ret;
}

int
cmd_cluster(int argc, char **argv, struct app *app)
{
	static const struct subcommand subs[] = {
		{ "export", cluster_export, -1 },
		{ "fetch", cluster_fetch, -1 },
		{ "import", cluster_import, -1 },
		{ "report", cluster_report_cmd, -1 },
		{ "status", cluster_status, -1 },
	};

	return options_sub("cluster", subs, NELEM(subs), argc, argv, app);
}

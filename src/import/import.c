/*
 * CSV import.  A table maps each file header to a row handler that checks
 * one row and writes it inside the file's transaction; the first bad row
 * stops the writing but not the checking, so one run reports them all.
 * Rows are read one at a time from a stream (csv.c), and the keys seen
 * kept in SQLite, so a file's size costs no memory.  Directory walking
 * for `init` lives here too.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "activity.h"
#include "config.h"
#include "contact.h"
#include "csv.h"
#include "field.h"
#include "import.h"
#include "import_int.h"
#include "input.h"
#include "log.h"
#include "lunar.h"
#include "rules.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "vntime.h"

struct ctx {
	struct store *st;
	struct lunar_cal *lunar;
	const char *name;
	long now, line;
	struct import_stats *stats;
	int failed;		/* a bad row was seen: stop writing */
	const char *err;	/* reason for the current row */
	char errbuf[FIELD_MSG_MAX + 64];
	struct import_keys keys;	/* of the rows so far */
};

struct format {
	const char *header;
	int (*row)(struct ctx *, char **f);
};

static int row_country(struct ctx *, char **);
static int row_relation(struct ctx *, char **);
static int row_partnership(struct ctx *, char **);
static int row_national_day(struct ctx *, char **);
static int row_generic(struct ctx *, char **);
static int row_dated(struct ctx *, char **);
static int row_group(struct ctx *, char **);
static int row_titles(struct ctx *, char **);
static int row_activity(struct ctx *, char **);
static int row_contact(struct ctx *, char **);
static int row_activity_v1(struct ctx *, char **);
static int row_activity_v2(struct ctx *, char **);

static const struct format formats[] = {
	{ "code,name_en,name_vi,formal_en,formal_vi,source", row_country },
	{ "country,date,confidence,source,note", row_relation },
	{ "country,level,date,confidence,source,note", row_partnership },
	{ "country,date,base_year,name_en,name_vi,confidence,source,note",
	    row_national_day },
	{ "key,kind,date,base_year,days,country,name_en,name_vi,tags,source",
	    row_generic },
	{ "key,year,start,end,source", row_dated },
	{ "group,country,since,source", row_group },
	{ "country,title_vi,title_en", row_titles },
	{ ACTIVITY_CSV_HEADER, row_activity },
	{ CONTACT_CSV_HEADER, row_contact },
	{ ACTIVITY_CSV_HEADER_V1, row_activity_v1 },
	{ ACTIVITY_CSV_HEADER_V2, row_activity_v2 },
};

static int bad(struct ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
bad(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->errbuf, sizeof(c->errbuf), fmt, ap);
	va_end(ap);
	c->err = c->errbuf;
	return -1;
}

/* Record the row's key; -1 with c->err set when the file had it already
 * or the database failed. */
static int
remember_key(struct ctx *c, const char *key)
{
	long first;
	int rc;

	if ((rc = import_keys_add(&c->keys, key, c->line, &first)) == 0)
		return 0;
	if (rc == -1)
		return c->err = "database error", -1;
	return bad(c, "duplicate key '%s' (first on line %ld)", key, first);
}

static int
check_country(struct ctx *c, const char *code, int required)
{
	int rc;

	if (*code == '\0')
		return required ? bad(c, "missing country code") : 0;
	if ((rc = store_country_exists(c->st, code)) == 1)
		return 0;
	if (rc == 0)
		return bad(c, "unknown country code '%s'", code);
	c->err = "database error";
	return -1;
}

static int
check_confidence(struct ctx *c, const char *conf, const char *note)
{
	if (strcmp(conf, "confirmed") != 0 && strcmp(conf, "single-source")
	    != 0 && strcmp(conf, "recalled") != 0)
		return bad(c, "confidence must be confirmed, single-source or "
		    "recalled, not '%s'", conf);
	if (strcmp(conf, "recalled") == 0 && *note == '\0')
		return bad(c, "a 'recalled' row needs a note");
	return 0;
}

/* Parse spec and an optional base year column into r, checking that a
 * lunar date with a known year exists in that year. */
static int
check_rule(struct ctx *c, const char *spec, const char *base,
    struct rule *r)
{
	const char *err;
	long y;
	int days;

	if (rules_parse(spec, r, &err) == -1)
		return bad(c, "date '%s': %s", spec, err);
	if (*base != '\0') {
		if (util_parse_int(base, 1, 9999, &y) == -1)
			return bad(c, "base_year '%s' is not a year", base);
		if (r->base_year != 0 && r->base_year != y)
			return bad(c, "base_year '%s' contradicts the date", base);
		r->base_year = (int)y;
	}
	if (r->type != RULE_LUNAR || r->base_year == 0)
		return 0;
	if (r->leap && lunar_leap_month(c->lunar, r->base_year) != r->month)
		return bad(c, "lunar year %s has no such leap month", base[0] ?
		    base : spec);
	days = lunar_month_days(c->lunar, r->base_year, r->month, r->leap);
	if (days == 0)
		return bad(c, "lunar date '%s' is out of range", spec);
	if (r->day > days)
		return bad(c, "lunar day 30 in a 29-day month ('%s')", spec);
	return 0;
}

static int
put(struct ctx *c, struct observance *o, int is_undated)
{
	int changed = 0;

	if (remember_key(c, o->key) == -1)
		return -1;
	if (is_undated)
		c->stats->undated++;
	if (c->failed)
		return 0;
	if (store_put_observance(c->st, o, c->name, c->now, &changed) == -1) {
		c->err = "database error";
		return -1;
	}
	c->stats->changed += changed;
	return 0;
}

static int
row_country(struct ctx *c, char **f)
{
	struct country co;
	int changed = 0;

	if (strlen(f[0]) != 2 || !isupper((unsigned char)f[0][0]) ||
	    !isupper((unsigned char)f[0][1]))
		return bad(c, "code '%s' is not an ISO 3166-1 alpha-2 code",
		    f[0]);
	if (*f[1] == '\0' || *f[2] == '\0')
		return bad(c, "name_en and name_vi are required");
	memcpy(co.code, f[0], 3);
	co.name_en = f[1];
	co.name_vi = f[2];
	co.formal_en = f[3];
	co.formal_vi = f[4];
	co.source = f[5];
	if (remember_key(c, f[0]) == -1)
		return -1;
	if (c->failed)
		return 0;
	if (store_put_country(c->st, &co, c->now, &changed) == -1) {
		c->err = "database error";
		return -1;
	}
	c->stats->changed += changed;
	return 0;
}

/* Relations and partnerships: a base date YYYY-MM-DD or less precise. */
static int
based(struct ctx *c, struct observance *o, const char *date)
{
	if (check_rule(c, date, "", &o->rule) == -1)
		return -1;
	if (o->rule.type != RULE_UNDATED && o->rule.base_year == 0)
		return bad(c, "date '%s' must be YYYY-MM-DD, YYYY-MM or YYYY",
		    date);
	return 0;
}

static int
row_relation(struct ctx *c, char **f)
{
	struct observance o = { 0 };
	char key[32];

	if (check_country(c, f[0], 1) == -1 || based(c, &o, f[1]) == -1 ||
	    check_confidence(c, f[2], f[4]) == -1)
		return -1;
	snprintf(key, sizeof(key), "relation:%s", f[0]);
	o.key = key;
	o.kind = KIND_RELATION;
	memcpy(o.country, f[0], 3);
	o.spec = f[1];
	o.confidence = f[2];
	o.source = f[3];
	o.note = f[4];
	return put(c, &o, o.rule.type == RULE_UNDATED);
}

static int
row_partnership(struct ctx *c, char **f)
{
	struct observance o = { 0 };
	char key[64];

	if (check_country(c, f[0], 1) == -1)
		return -1;
	if (strcmp(f[1], "comprehensive-strategic") != 0 &&
	    strcmp(f[1], "strategic") != 0 && strcmp(f[1], "comprehensive")
	    != 0)
		return bad(c, "level must be comprehensive-strategic, "
		    "strategic or comprehensive, not '%s'", f[1]);
	if (based(c, &o, f[2]) == -1 || check_confidence(c, f[3], f[5]) == -1)
		return -1;
	snprintf(key, sizeof(key), "partnership:%s:%s", f[0], f[1]);
	o.key = key;
	o.kind = KIND_PARTNERSHIP;
	memcpy(o.country, f[0], 3);
	o.level = f[1];
	o.spec = f[2];
	o.confidence = f[3];
	o.source = f[4];
	o.note = f[5];
	return put(c, &o, o.rule.type == RULE_UNDATED);
}

static int
row_national_day(struct ctx *c, char **f)
{
	struct observance o = { 0 };
	char key[32];

	if (check_country(c, f[0], 1) == -1 ||
	    check_rule(c, f[1], f[2], &o.rule) == -1 ||
	    check_confidence(c, f[5], f[7]) == -1)
		return -1;
	if (o.rule.type == RULE_UNDATED)
		return bad(c, "a national day needs a day, not '%s'", f[1]);
	snprintf(key, sizeof(key), "national-day:%s", f[0]);
	o.key = key;
	o.kind = KIND_NATIONAL_DAY;
	memcpy(o.country, f[0], 3);
	o.spec = f[1];
	o.name_en = f[3];
	o.name_vi = f[4];
	o.confidence = f[5];
	o.source = f[6];
	o.note = f[7];
	return put(c, &o, 0);
}

static int
valid_key(const char *k)
{
	if (*k == '\0' || strlen(k) > 64)
		return 0;
	for (; *k; k++)
		if (!islower((unsigned char)*k) && !isdigit((unsigned char)*k)
		    && *k != '_' && *k != '-' && *k != ':')
			return 0;
	return 1;
}

static int
row_generic(struct ctx *c, char **f)
{
	struct observance o = { 0 };
	long days = 1;
	int kind;

	if (!valid_key(f[0]))
		return bad(c, "key '%s' must be 1-64 of a-z 0-9 _ - :", f[0]);
	if ((kind = rules_kind_parse(f[1])) < 0)
		return bad(c, "unknown kind '%s'", f[1]);
	if (check_rule(c, f[2], f[3], &o.rule) == -1)
		return -1;
	if (*f[4] != '\0' && util_parse_int(f[4], 1, 366, &days) == -1)
		return bad(c, "days '%s' must be a number from 1 to 366", f[4]);
	if (check_country(c, f[5], 0) == -1)
		return -1;
	if (*f[6] == '\0' || *f[7] == '\0')
		return bad(c, "name_en and name_vi are required");
	o.key = f[0];
	o.kind = (enum kind)kind;
	memcpy(o.country, f[5], strlen(f[5]) < 3 ? strlen(f[5]) + 1 : 3);
	o.spec = f[2];
	o.days = (int)days;
	o.name_en = f[6];
	o.name_vi = f[7];
	o.tags = f[8];
	o.source = f[9];
	return put(c, &o, o.rule.type == RULE_UNDATED);
}

static int
row_dated(struct ctx *c, char **f)
{
	struct dated dt;
	char key[96];
	long y;
	int rc, changed = 0;

	if ((rc = store_observance_exists(c->st, f[0])) != 1)
		return rc == 0 ? bad(c, "unknown observance key '%s'", f[0]) :
		    (c->err = "database error", -1);
	if (util_parse_int(f[1], 1, 9999, &y) == -1)
		return bad(c, "year '%s' is not a year", f[1]);
	if (util_parse_ymd(f[2], &dt.start) == -1)
		return bad(c, "start '%s' is not a date (YYYY-MM-DD)", f[2]);
	if (util_parse_ymd(f[3], &dt.end) == -1)
		return bad(c, "end '%s' is not a date (YYYY-MM-DD)", f[3]);
	if (util_ymd_cmp(dt.end, dt.start) < 0 || dt.start.y != y)
		return bad(c, "start and end must be in year %s, end not "
		    "before start", f[1]);
	dt.year = (int)y;
	snprintf(key, sizeof(key), "%.80s/%ld", f[0], y);
	if (remember_key(c, key) == -1)
		return -1;
	if (c->failed)
		return 0;
	if (store_put_dated(c->st, f[0], &dt, f[4], c->now, &changed) == -1) {
		c->err = "database error";
		return -1;
	}
	c->stats->changed += changed;
	return 0;
}

/* ASEAN membership and the like: the selector term group:G. */
static int
row_group(struct ctx *c, char **f)
{
	struct group_member g;
	struct ymd day;
	char key[40];
	long y;
	int changed = 0;

	if (!valid_key(f[0]) || strlen(f[0]) >= sizeof(g.group))
		return bad(c, "group '%s' must be 1-15 of a-z 0-9 _ -", f[0]);
	if (check_country(c, f[1], 1) == -1)
		return -1;
	/* The accession date, or only its year. */
	if (util_parse_ymd(f[2], &day) == 0)
		y = day.y;
	else if (util_parse_int(f[2], 1, 9999, &y) == -1)
		return bad(c, "since '%s' is not YYYY-MM-DD or YYYY", f[2]);
	memset(&g, 0, sizeof(g));
	memcpy(g.group, f[0], strlen(f[0]) + 1);
	memcpy(g.country, f[1], 3);
	g.since = (int)y;
	snprintf(key, sizeof(key), "%s/%s", f[0], f[1]);
	if (remember_key(c, key) == -1)
		return -1;
	if (c->failed)
		return 0;
	if (store_put_group(c->st, &g, f[3], c->now, &changed) == -1) {
		c->err = "database error";
		return -1;
	}
	c->stats->changed += changed;
	return 0;
}

/* A national day's holiday name in titles (after national-days.csv). */
static int
row_titles(struct ctx *c, char **f)
{
	char key[32];
	int rc, changed = 0;

	if (check_country(c, f[0], 1) == -1)
		return -1;
	snprintf(key, sizeof(key), "national-day:%s", f[0]);
	if ((rc = store_observance_exists(c->st, key)) != 1)
		return rc == 0 ? bad(c, "no national day for '%s'", f[0]) :
		    (c->err = "database error", -1);
	if (*f[1] == '\0' || *f[2] == '\0')
		return bad(c, "title_vi and title_en are required");
	if (remember_key(c, f[0]) == -1)
		return -1;
	if (c->failed)
		return 0;
	if (store_put_titles(c->st, key, f[1], f[2], c->now, &changed) ==
	    -1) {
		c->err = "database error";
		return -1;
	}
	c->stats->changed += changed;
	return 0;
}

/* An activity's key: also the rest of a UID kyniem made by hand
 * ("0a1b...@example.org"), so that an exported list imports back. */
static int
valid_activity_key(const char *k)
{
	if (*k == '\0' || strlen(k) > 128)
		return 0;
	for (; *k; k++)
		if (!islower((unsigned char)*k) && !isdigit((unsigned char)*k)
		    && strchr("_-:.@", *k) == NULL)
			return 0;
	return 1;
}

/* Planned activities (activity.c checks and stores them). */
static int
row_activity(struct ctx *c, char **f)
{
	struct activity a = { 0 };
	struct field_errs errs;
	int changed = 0, rc, ret = -1;

	field_errs_init(&errs);
	if (!valid_activity_key(f[0])) {
		bad(c, "key '%s' must be 1-128 of a-z 0-9 _ - : . @", f[0]);
		goto done;
	}
	if (remember_key(c, f[0]) == -1)
		goto done;
	if ((rc = activity_from_csv(c->st, c->stats->cfg, f, &a, &errs)) !=
	    0) {
		if (rc == 1)
			field_err_line(&errs.v[0], c->errbuf,
			    sizeof(c->errbuf));
		c->err = rc == 1 ? c->errbuf : "database error";
		goto done;
	}
	ret = 0;
	if (c->failed)
		goto done;
	if (activity_put(c->st, &a, c->now, &changed) == -1) {
		c->err = "database error";
		ret = -1;
		goto done;
	}
	c->stats->changed += changed;
done:
	field_errs_release(&errs);
	activity_release(&a);
	return ret;
}

/* Missions and organisations letters go to (contact.c checks them,
 * contact_db.c keeps the web application's edits over re-imports). */
static int
row_contact(struct ctx *c, char **f)
{
	struct contact k;
	struct field_errs errs;
	int rc, changed = 0;

	contact_from_csv(f, &k);
	field_errs_init(&errs);
	if ((rc = contact_check(c->st, &k, &errs)) == 1)
		field_err_line(&errs.v[0], c->errbuf, sizeof(c->errbuf));
	field_errs_release(&errs);
	if (rc != 0) {
		c->err = rc == 1 ? c->errbuf : "database error";
		return -1;
	}
	if (remember_key(c, k.key) == -1)
		return -1;
	if (c->failed)
		return 0;
	if (contact_import(c->st, &k, c->now, &changed) == -1) {
		c->err = "database error";
		return -1;
	}
	c->stats->changed += changed;
	return 0;
}

/* An older activities file: its n columns, the missing ones empty. */
static int
row_activity_short(struct ctx *c, char **f, size_t n)
{
	char *all[ACTIVITY_CSV_FIELDS];
	static char empty[] = "";
	size_t i;

	for (i = 0; i < ACTIVITY_CSV_FIELDS; i++)
		all[i] = i < n ? f[i] : empty;
	return row_activity(c, all);
}

/* Without the record columns. */
static int
row_activity_v1(struct ctx *c, char **f)
{
	return row_activity_short(c, f, 11);
}

/* Without the public column: an import keeps what the row was. */
static int
row_activity_v2(struct ctx *c, char **f)
{
	return row_activity_short(c, f, 16);
}

static const struct format *
find_format(char **fields, size_t n)
{
	struct buf h;
	size_t i, k;
	const struct format *found = NULL;

	buf_init(&h);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&h, ',');
		buf_puts(&h, fields[i]);
	}
	for (k = 0; k < NELEM(formats); k++)
		if (strcmp(h.data, formats[k].header) == 0)
			found = &formats[k];
	buf_release(&h);
	return found;
}

static size_t
header_fields(const struct format *fmt)
{
	size_t n = 1;
	const char *p;

	for (p = fmt->header; *p; p++)
		n += *p == ',';
	return n;
}

/* The limit of a column, by its name in the header (one line each). */
static size_t
column_limit(const char *name)
{
	if (strcmp(name, "source") == 0 || strcmp(name, "note") == 0)
		return TEXT_SOURCE_MAX;
	return TEXT_LINE_MAX;
}

/* Activities and contacts: their models check every column through
 * their field tables (activity_fields, contact_fields), limits and all. */
static int
model_checked(const struct format *fmt)
{
	return fmt->row == row_activity || fmt->row == row_activity_v1 ||
	    fmt->row == row_activity_v2 || fmt->row == row_contact;
}

/* Every field through the text validator; 0, or -1 with c->err set. */
static int
check_fields(struct ctx *c, const struct format *fmt, char **f, size_t n)
{
	char *names, *save = NULL, *name;
	struct field col = { 0 };
	struct field_errs errs;
	size_t i = 0;
	int ret = 0;

	if (model_checked(fmt))
		return 0;
	names = xstrdup(fmt->header);
	field_errs_init(&errs);
	for (name = strtok_r(names, ",", &save); name != NULL && i < n;
	    name = strtok_r(NULL, ",", &save), i++) {
		col.name = name;
		col.max = column_limit(name);
		if (field_check_value(&col, f[i], &errs) == -1) {
			field_err_line(&errs.v[0], c->errbuf,
			    sizeof(c->errbuf));
			c->err = c->errbuf;
			ret = -1;
			break;
		}
	}
	field_errs_release(&errs);
	free(names);
	return ret;
}

/* Check and write every row; returns -1 only on database failure. */
static int
read_rows(struct ctx *c, struct csv *csv, const struct format *fmt)
{
	size_t want = header_fields(fmt);
	const char *err;
	int rc;

	while ((rc = csv_read(csv, &c->line, &err)) != 0) {
		c->err = NULL;
		if (rc == -1)
			c->err = err;
		else if (csv->nfields != want) {
			snprintf(c->errbuf, sizeof(c->errbuf), "%zu fields, "
			    "expected %zu (%s)", csv->nfields, want,
			    fmt->header);
			c->err = c->errbuf;
		} else if (check_fields(c, fmt, csv->fields, want) == 0 &&
		    fmt->row(c, csv->fields) == -1 &&
		    strcmp(c->err, "database error") == 0)
			return -1;
		c->stats->rows++;
		if (c->err != NULL) {
			import_report(c->stats, "%s:%ld: %s", c->name,
			    c->line, c->err);
			c->stats->errors++;
			c->failed = 1;
		}
	}
	return 0;
}

/* The CSV file csv reads, in one transaction; 0 or -1 (import_data()). */
static int
import_csv(struct store *st, struct lunar_cal *lunar, const char *name,
    struct csv *csv, long now, struct import_stats *stats)
{
	struct ctx c = { .st = st, .lunar = lunar, .name = name, .now = now,
	    .stats = stats };
	const struct format *fmt;
	const char *err;
	long errors = stats->errors, changed = stats->changed;
	int rc, ret = -1;

	rc = csv_read(csv, &c.line, &err);
	if (rc != 1 || (fmt = find_format(csv->fields, csv->nfields)) ==
	    NULL) {
		import_report(stats, "%s:1: %s", name, rc == -1 ? err :
		    rc == 0 ? "empty file" : "unknown header (see "
		    "calendars/README.md for the file kinds)");
		stats->errors++;
		return -1;
	}
	if (store_begin(st) == -1)
		return -1;
	if (import_keys_open(st, &c.keys) == -1 ||
	    read_rows(&c, csv, fmt) == -1)
		goto dberror;
	if (stats->errors > errors)
		goto rollback;
	import_keys_close(&c.keys);
	if ((ret = store_commit(st)) == 0)
		return 0;
dberror:
	/* The database failed (disk full, read-only; already logged): an
	 * error of the file too, and none of its changes counts. */
	stats->errors++;
rollback:
	import_keys_close(&c.keys);
	store_rollback(st);
	stats->changed = changed;
	import_report(stats, "%s: %ld error%s; nothing from this file was "
	    "written", name, stats->errors - errors,
	    stats->errors - errors == 1 ? "" : "s");
	return -1;
}

int
import_data(struct store *st, struct lunar_cal *lunar, const char *name,
    const char *data, size_t len, long now, struct import_stats *stats)
{
	struct csv csv;
	int ret;

	csv_init(&csv, data, len);
	ret = import_csv(st, lunar, name, &csv, now, stats);
	csv_release(&csv);
	return ret;
}

int
import_keys_open(struct store *st, struct import_keys *k)
{
	memset(k, 0, sizeof(*k));
	k->st = st;
	if (store_step_done(st, store_prepare(st, "CREATE TEMP TABLE IF NOT"
	    " EXISTS import_key (key TEXT PRIMARY KEY, line INTEGER NOT"
	    " NULL) WITHOUT ROWID")) == -1 ||
	    store_step_done(st, store_prepare(st, "DELETE FROM"
	    " temp.import_key")) == -1)
		return -1;
	k->add = store_prepare(st, "INSERT INTO temp.import_key (key, line)"
	    " VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING");
	k->find = store_prepare(st, "SELECT line FROM temp.import_key"
	    " WHERE key = ?1");
	return k->add != NULL && k->find != NULL ? 0 : -1;
}

int
import_keys_add(struct import_keys *k, const char *key, long line,
    long *first)
{
	int rc;

	sqlite3_reset(k->add);
	store_bind_text(k->add, 1, key);
	sqlite3_bind_int64(k->add, 2, line);
	if (sqlite3_step(k->add) != SQLITE_DONE)
		goto fail;
	if (sqlite3_changes(store_db(k->st)) > 0)
		return 0;
	sqlite3_reset(k->find);
	store_bind_text(k->find, 1, key);
	if ((rc = sqlite3_step(k->find)) != SQLITE_ROW)
		goto fail;
	*first = (long)sqlite3_column_int64(k->find, 0);
	sqlite3_reset(k->find);
	return 1;
fail:
	store_warn(k->st);
	return -1;
}

void
import_keys_close(struct import_keys *k)
{
	if (k->st == NULL)
		return;
	sqlite3_finalize(k->add);
	sqlite3_finalize(k->find);
	/* Free the table's pages now, not at the next file's. */
	if (k->add != NULL)
		store_step_done(k->st, store_prepare(k->st, "DELETE FROM"
		    " temp.import_key"));
	memset(k, 0, sizeof(*k));
}

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

void
import_report(struct import_stats *stats, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (stats->messages != NULL) {
		buf_puts(stats->messages, b.data);
		buf_putc(stats->messages, '\n');
	} else
		log_warnx("%s", b.data);
	buf_release(&b);
}

int
import_file(struct store *st, struct lunar_cal *lunar, const char *path,
    long now, int flags, struct import_stats *stats)
{
	struct input in;
	struct csv csv;
	size_t plen = strlen(path);
	int ret;

	/* Read a window at a time: the file is never held whole. */
	if (input_open(&in, path) == -1) {
		log_warn("cannot read '%s'", path);
		stats->errors++;
		return -1;
	}
	if (plen > 4 && strcasecmp(path + plen - 4, ".ics") == 0)
		ret = import_ics_input(st, path, &in, now, flags, stats);
	else {
		csv_init_input(&csv, &in);
		ret = import_csv(st, lunar, path, &csv, now, stats);
		csv_release(&csv);
	}
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
 * what refers to them: per-year dates and holiday titles. */
static int
rank(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (strcmp(base, "countries.csv") == 0)
		return 0;
	if (strcmp(base, "dates.csv") == 0 ||
	    strcmp(base, "holiday-titles.csv") == 0)
		return 2;
	return 1;
}

int
import_calendars(struct store *st, struct lunar_cal *lunar, const char *dir,
    long now, struct import_stats *stats)
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
			    files[i], now, 0, stats) == -1)
				ret = -1;
		for (i = 0; r == 1 && i < nlocal; i++)
			if (import_file(st, lunar, local[i], now, 0,
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

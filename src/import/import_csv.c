/*
 * The CSV backend of the import: a table maps each file header to a row
 * handler that checks one row and writes it inside the file's
 * transaction; the first bad row stops the writing but not the
 * checking, so one run reports them all.  Rows are read one at a time
 * from the run's input (csv.c), and the keys seen kept in SQLite
 * (import_keys.c), so a file's size costs no memory.  What the rows say
 * is wrong goes to the run's report.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "activity.h"
#include "contact.h"
#include "csv.h"
#include "field.h"
#include "import.h"
#include "import_int.h"
#include "import_keys.h"
#include "lunar.h"
#include "member.h"
#include "rules.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "wording.h"

/* What a row handler, and each check it makes, says of a row. */
enum row {
	ROW_OK,		/* good: written, unless an earlier row was bad */
	ROW_BAD,	/* bad: c->err says why; nothing of the file is
			   written, the rows after it are still checked */
	ROW_DB		/* the database failed (logged): the import stops */
};

/* The largest header's columns (an activities file). */
#define COLUMNS_MAX	32

/* One CSV file's import. */
struct ctx {
	const struct import_run *run;
	long line;		/* of the row read last */
	size_t ncols;		/* the format's columns */
	int col[COLUMNS_MAX];	/* where each is in the file, or -1 */
	int failed;		/* a bad row was seen: stop writing */
	const char *err;	/* reason for the current row */
	char errbuf[FIELD_MSG_MAX + 64];
	struct import_keys keys;	/* of the rows so far */
};

/* A kind of file: its columns in the order its row handler reads them,
 * of which the first nrequired must be in the file's header (in any
 * order); the others, when left out, are empty (the model keeps what it
 * has).  nrequired 0: every column is required. */
struct format {
	const char *header;
	enum row (*row)(struct ctx *, char **f);
	int model_checked;	/* the model's field table checks the row */
	size_t nrequired;
};

static enum row row_country(struct ctx *, char **);
static enum row row_relation(struct ctx *, char **);
static enum row row_partnership(struct ctx *, char **);
static enum row row_national_day(struct ctx *, char **);
static enum row row_generic(struct ctx *, char **);
static enum row row_dated(struct ctx *, char **);
static enum row row_group(struct ctx *, char **);
static enum row row_titles(struct ctx *, char **);
static enum row row_phrase(struct ctx *, char **);
static enum row row_letter_title(struct ctx *, char **);
static enum row row_activity(struct ctx *, char **);
static enum row row_contact(struct ctx *, char **);
static enum row row_member(struct ctx *, char **);

static const struct format formats[] = {
	{ .header = "code,name_en,name_vi,formal_en,formal_vi,source",
	    .row = row_country },
	{ .header = "country,date,confidence,source,note",
	    .row = row_relation },
	{ .header = "country,level,date,confidence,source,note",
	    .row = row_partnership },
	{ .header = "country,date,base_year,name_en,name_vi,confidence,"
	    "source,note", .row = row_national_day },
	{ .header = "key,kind,date,base_year,days,country,name_en,name_vi,"
	    "tags,source", .row = row_generic },
	{ .header = "key,year,start,end,source", .row = row_dated },
	{ .header = "group,country,since,source", .row = row_group },
	{ .header = "country,title_vi,title_en", .row = row_titles },
	{ .header = WORDING_PHRASE_HEADER, .row = row_phrase },
	{ .header = WORDING_TITLE_HEADER, .row = row_letter_title },
	{ .header = ACTIVITY_CSV_HEADER, .row = row_activity,
	    .model_checked = 1, .nrequired = 3 },
	{ .header = CONTACT_CSV_HEADER, .row = row_contact,
	    .model_checked = 1 },
	{ .header = MEMBER_CSV_HEADER, .row = row_member,
	    .model_checked = 1 },
};

static enum row bad(struct ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static enum row
bad(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->errbuf, sizeof(c->errbuf), fmt, ap);
	va_end(ap);
	c->err = c->errbuf;
	return ROW_BAD;
}

/* A refused field as the row's message: field_err_line()'s English, or
 * for a Vietnamese page "cột title: Dài quá 300 ký tự". */
static void
field_said(struct ctx *c, const struct field_err *e)
{
	if (c->run->stats->vi)
		snprintf(c->errbuf, sizeof(c->errbuf), "cột %s: %s", e->field,
		    e->vi);
	else
		field_err_line(e, c->errbuf, sizeof(c->errbuf));
	c->err = c->errbuf;
}

/* Record the row's key: ROW_BAD when the file had it already. */
static enum row
remember_key(struct ctx *c, const char *key)
{
	long first;
	int rc;

	if ((rc = import_keys_add(&c->keys, key, c->line, &first)) == 0)
		return ROW_OK;
	if (rc == -1)
		return ROW_DB;
	if (c->run->stats->vi)
		return bad(c, "khóa '%s' bị trùng (đã có ở dòng %ld)", key,
		    first);
	return bad(c, "duplicate key '%s' (first on line %ld)", key, first);
}

static enum row
check_country(struct ctx *c, const char *code, int required)
{
	int rc;

	if (*code == '\0')
		return required ? bad(c, "missing country code") : ROW_OK;
	if ((rc = store_country_exists(c->run->st, code)) == 1)
		return ROW_OK;
	if (rc == 0)
		return bad(c, "unknown country code '%s'", code);
	return ROW_DB;
}

static enum row
check_confidence(struct ctx *c, const char *conf, const char *note)
{
	if (strcmp(conf, "confirmed") != 0 && strcmp(conf, "single-source")
	    != 0 && strcmp(conf, "recalled") != 0)
		return bad(c, "confidence must be confirmed, single-source or "
		    "recalled, not '%s'", conf);
	if (strcmp(conf, "recalled") == 0 && *note == '\0')
		return bad(c, "a 'recalled' row needs a note");
	return ROW_OK;
}

/* Parse spec and an optional base year column into r, checking that a
 * lunar date with a known year exists in that year. */
static enum row
check_rule(struct ctx *c, const char *spec, const char *base,
    struct rule *r)
{
	struct lunar_cal *lunar = c->run->lunar;
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
		return ROW_OK;
	if (r->leap && lunar_leap_month(lunar, r->base_year) != r->month)
		return bad(c, "lunar year %s has no such leap month", base[0] ?
		    base : spec);
	days = lunar_month_days(lunar, r->base_year, r->month, r->leap);
	if (days == 0)
		return bad(c, "lunar date '%s' is out of range", spec);
	if (r->day > days)
		return bad(c, "lunar day 30 in a 29-day month ('%s')", spec);
	return ROW_OK;
}

/* What a row's write (rc, of a store function that set *changed) says:
 * ROW_DB (logged), or ROW_OK with the change counted. */
static enum row
written(struct ctx *c, int rc, const int *changed)
{
	if (rc == -1)
		return ROW_DB;
	c->run->stats->changed += *changed;
	return ROW_OK;
}

static enum row
put(struct ctx *c, struct observance *o, int is_undated)
{
	int changed = 0;
	enum row rc;

	if ((rc = remember_key(c, o->key)) != ROW_OK)
		return rc;
	if (is_undated)
		c->run->stats->undated++;
	if (c->failed)
		return ROW_OK;
	return written(c, store_put_observance(c->run->st, o, c->run->name,
	    c->run->now, &changed), &changed);
}

static enum row
row_country(struct ctx *c, char **f)
{
	struct country co;
	int changed = 0;
	enum row rc;

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
	if ((rc = remember_key(c, f[0])) != ROW_OK || c->failed)
		return rc;
	return written(c, store_put_country(c->run->st, &co, c->run->now,
	    &changed), &changed);
}

/* Relations and partnerships: a base date YYYY-MM-DD or less precise. */
static enum row
based(struct ctx *c, struct observance *o, const char *date)
{
	enum row rc;

	if ((rc = check_rule(c, date, "", &o->rule)) != ROW_OK)
		return rc;
	if (o->rule.type != RULE_UNDATED && o->rule.base_year == 0)
		return bad(c, "date '%s' must be YYYY-MM-DD, YYYY-MM or YYYY",
		    date);
	return ROW_OK;
}

/* The columns a country's observance shares (relation, partnership,
 * national day): its key, kind, country and date as written, and the
 * confidence, source and note of the three columns from prov on. */
static void
country_row(struct observance *o, char *key, enum kind kind, const char *cc,
    char *spec, char **prov)
{
	o->key = key;
	o->kind = kind;
	memcpy(o->country, cc, 3);
	o->spec = spec;
	o->confidence = prov[0];
	o->source = prov[1];
	o->note = prov[2];
}

static enum row
row_relation(struct ctx *c, char **f)
{
	struct observance o = { 0 };
	char key[32];
	enum row rc;

	if ((rc = check_country(c, f[0], 1)) != ROW_OK ||
	    (rc = based(c, &o, f[1])) != ROW_OK ||
	    (rc = check_confidence(c, f[2], f[4])) != ROW_OK)
		return rc;
	snprintf(key, sizeof(key), "relation:%s", f[0]);
	country_row(&o, key, KIND_RELATION, f[0], f[1], f + 2);
	return put(c, &o, o.rule.type == RULE_UNDATED);
}

static enum row
row_partnership(struct ctx *c, char **f)
{
	struct observance o = { 0 };
	char key[64];
	enum row rc;

	if ((rc = check_country(c, f[0], 1)) != ROW_OK)
		return rc;
	if (strcmp(f[1], "comprehensive-strategic") != 0 &&
	    strcmp(f[1], "strategic") != 0 && strcmp(f[1], "comprehensive")
	    != 0)
		return bad(c, "level must be comprehensive-strategic, "
		    "strategic or comprehensive, not '%s'", f[1]);
	if ((rc = based(c, &o, f[2])) != ROW_OK ||
	    (rc = check_confidence(c, f[3], f[5])) != ROW_OK)
		return rc;
	snprintf(key, sizeof(key), "partnership:%s:%s", f[0], f[1]);
	country_row(&o, key, KIND_PARTNERSHIP, f[0], f[2], f + 3);
	o.level = f[1];
	return put(c, &o, o.rule.type == RULE_UNDATED);
}

static enum row
row_national_day(struct ctx *c, char **f)
{
	struct observance o = { 0 };
	char key[32];
	enum row rc;

	if ((rc = check_country(c, f[0], 1)) != ROW_OK ||
	    (rc = check_rule(c, f[1], f[2], &o.rule)) != ROW_OK ||
	    (rc = check_confidence(c, f[5], f[7])) != ROW_OK)
		return rc;
	if (o.rule.type == RULE_UNDATED)
		return bad(c, "a national day needs a day, not '%s'", f[1]);
	snprintf(key, sizeof(key), "national-day:%s", f[0]);
	country_row(&o, key, KIND_NATIONAL_DAY, f[0], f[1], f + 5);
	o.name_en = f[3];
	o.name_vi = f[4];
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

static enum row
row_generic(struct ctx *c, char **f)
{
	struct observance o = { 0 };
	long days = 1;
	int kind;
	enum row rc;

	if (!valid_key(f[0]))
		return bad(c, "key '%s' must be 1-64 of a-z 0-9 _ - :", f[0]);
	if ((kind = rules_kind_parse(f[1])) < 0)
		return bad(c, "unknown kind '%s'", f[1]);
	if ((rc = check_rule(c, f[2], f[3], &o.rule)) != ROW_OK)
		return rc;
	if (*f[4] != '\0' && util_parse_int(f[4], 1, 366, &days) == -1)
		return bad(c, "days '%s' must be a number from 1 to 366", f[4]);
	if ((rc = check_country(c, f[5], 0)) != ROW_OK)
		return rc;
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

static enum row
row_dated(struct ctx *c, char **f)
{
	struct dated dt;
	char key[96];
	long y;
	int changed = 0;
	enum row rc;

	switch (store_observance_exists(c->run->st, f[0])) {
	case 1:
		break;
	case 0:
		return bad(c, "unknown observance key '%s'", f[0]);
	default:
		return ROW_DB;
	}
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
	if ((rc = remember_key(c, key)) != ROW_OK || c->failed)
		return rc;
	return written(c, store_put_dated(c->run->st, f[0], &dt, f[4],
	    c->run->now, &changed), &changed);
}

/* ASEAN membership and the like: the selector term group:G. */
static enum row
row_group(struct ctx *c, char **f)
{
	struct group_member g;
	struct ymd day;
	char key[40];
	long y;
	int changed = 0;
	enum row rc;

	if (!valid_key(f[0]) || strlen(f[0]) >= sizeof(g.group))
		return bad(c, "group '%s' must be 1-15 of a-z 0-9 _ -", f[0]);
	if ((rc = check_country(c, f[1], 1)) != ROW_OK)
		return rc;
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
	if ((rc = remember_key(c, key)) != ROW_OK || c->failed)
		return rc;
	return written(c, store_put_group(c->run->st, &g, f[3], c->run->now,
	    &changed), &changed);
}

/* The national day of country cc, whose key goes into key: ROW_OK, or
 * the row's refusal (no such country, no national day). */
static enum row
national_day(struct ctx *c, const char *cc, char *key, size_t len)
{
	enum row rc;

	if ((rc = check_country(c, cc, 1)) != ROW_OK)
		return rc;
	snprintf(key, len, "national-day:%s", cc);
	switch (store_observance_exists(c->run->st, key)) {
	case 1:
		return ROW_OK;
	case 0:
		return bad(c, "no national day for '%s'", cc);
	default:
		return ROW_DB;
	}
}

/* A national day's holiday name in titles (after national-days.csv). */
static enum row
row_titles(struct ctx *c, char **f)
{
	char key[32];
	int changed = 0;
	enum row rc;

	if ((rc = national_day(c, f[0], key, sizeof(key))) != ROW_OK)
		return rc;
	if (*f[1] == '\0' || *f[2] == '\0')
		return bad(c, "title_vi and title_en are required");
	if ((rc = remember_key(c, f[0])) != ROW_OK || c->failed)
		return rc;
	return written(c, store_put_titles(c->run->st, key, f[1], f[2],
	    c->run->now, &changed), &changed);
}

/*
 * How Vietnam's statements name the relationship with a country, from a
 * date on: a phrase the letters say after a verb and before "giữa Việt
 * Nam và Lào" / "between Viet Nam and Laos", so it must read there.
 */
static enum row
row_phrase(struct ctx *c, char **f)
{
	struct rel_phrase p;
	struct rule r;
	char key[40];
	int changed = 0;
	enum row rc;

	if ((rc = check_country(c, f[0], 1)) != ROW_OK)
		return rc;
	if (*f[1] != '\0' && ((rc = check_rule(c, f[1], "", &r)) != ROW_OK ||
	    r.base_year == 0))
		return bad(c, "since '%s' must be YYYY-MM-DD, YYYY-MM, YYYY or "
		    "empty", f[1]);
	if (strncmp(f[2], "quan hệ ", strlen("quan hệ ")) != 0)
		return bad(c, "phrase_vi must begin with 'quan hệ ' (a letter "
		    "says '... vun đắp quan hệ ... giữa Việt Nam và ...')");
	if (strncmp(f[3], "the ", 4) != 0)
		return bad(c, "phrase_en must begin with 'the ' (a letter says "
		    "'... the ... between Viet Nam and ...')");
	if (strcmp(f[4], "confirmed") != 0 && strcmp(f[4], "single-source")
	    != 0)
		return bad(c, "confidence must be confirmed or single-source, "
		    "not '%s': a letter says only a wording read in a source",
		    f[4]);
	if (*f[5] == '\0')
		return bad(c, "source is required: where the wording was read");
	p = (struct rel_phrase){ .country = f[0], .since = f[1],
	    .phrase_vi = f[2], .phrase_en = f[3], .confidence = f[4],
	    .source = f[5], .note = f[6] };
	snprintf(key, sizeof(key), "%s/%.20s", f[0], f[1]);
	if ((rc = remember_key(c, key)) != ROW_OK || c->failed)
		return rc;
	return written(c, wording_put_phrase(c->run->st, &p, c->run->now,
	    &changed), &changed);
}

/* How Vietnam's messages name a national day in a letter (after
 * national-days.csv). */
static enum row
row_letter_title(struct ctx *c, char **f)
{
	char key[32];
	int changed = 0;
	enum row rc;

	if ((rc = national_day(c, f[0], key, sizeof(key))) != ROW_OK)
		return rc;
	if (*f[1] == '\0' || *f[2] == '\0' || *f[3] == '\0')
		return bad(c, "letter_vi, letter_en and source are required");
	if (strncmp(f[2], "the ", 4) != 0)
		return bad(c, "letter_en must begin with 'the ' (a letter says "
		    "'On the occasion of the ...')");
	if ((rc = remember_key(c, f[0])) != ROW_OK || c->failed)
		return rc;
	return written(c, wording_put_title(c->run->st, f[0], f[1], f[2], f[3],
	    c->run->now, &changed), &changed);
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
static enum row
row_activity(struct ctx *c, char **f)
{
	struct activity a = { 0 };
	struct field_errs errs;
	int changed = 0, bad_row;
	enum row rc;

	if (!valid_activity_key(f[0]))
		return c->run->stats->vi ? bad(c, "cột key: '%s' phải gồm "
		    "1 đến 128 ký tự a-z 0-9 _ - : . @", f[0]) : bad(c,
		    "key '%s' must be 1-128 of a-z 0-9 _ - : . @", f[0]);
	if ((rc = remember_key(c, f[0])) != ROW_OK)
		return rc;
	field_errs_init(&errs);
	if ((bad_row = activity_from_csv(c->run->st, c->run->stats->cfg, f,
	    &a, &errs)) == 1) {
		field_said(c, &errs.v[0]);
		rc = ROW_BAD;
	} else if (bad_row != 0)
		rc = ROW_DB;
	else if (!c->failed)
		rc = written(c, activity_put(c->run->st, &a, c->run->now,
		    &changed), &changed);
	field_errs_release(&errs);
	activity_release(&a);
	return rc;
}

/* Missions and organisations letters go to (contact.c checks them,
 * contact_db.c keeps the web application's edits over re-imports). */
static enum row
row_contact(struct ctx *c, char **f)
{
	struct contact k;
	struct field_errs errs;
	int changed = 0, checked;
	enum row rc;

	contact_from_csv(f, &k);
	field_errs_init(&errs);
	if ((checked = contact_check(c->run->st, &k, &errs)) == 1)
		field_said(c, &errs.v[0]);
	field_errs_release(&errs);
	if (checked == -1)
		return ROW_DB;
	if (checked != 0) {
		c->err = c->errbuf;
		return ROW_BAD;
	}
	if ((rc = remember_key(c, k.key)) != ROW_OK || c->failed)
		return rc;
	return written(c, contact_import(c->run->st, &k, c->run->now,
	    &changed), &changed);
}

/* A member organisation (member.c checks it). */
static enum row
row_member(struct ctx *c, char **f)
{
	struct member_input in = { f[0], f[1], f[2] };
	struct field_errs errs;
	int changed = 0, bad;
	enum row rc;

	field_errs_init(&errs);
	if ((bad = member_check(&in, &errs)) != 0)
		field_err_line(&errs.v[0], c->errbuf, sizeof(c->errbuf));
	field_errs_release(&errs);
	if (bad) {
		c->err = c->errbuf;
		return ROW_BAD;
	}
	if ((rc = remember_key(c, in.key)) != ROW_OK || c->failed)
		return rc;
	return written(c, member_import(c->run->st, &in, c->run->now,
	    &changed), &changed);
}

/* The columns of fmt's header, one name each in names (a copy to free);
 * returns how many. */
static size_t
format_columns(const struct format *fmt, char **copy, char **names)
{
	char *save = NULL, *name;
	size_t n = 0;

	*copy = xstrdup(fmt->header);
	for (name = strtok_r(*copy, ",", &save); name != NULL &&
	    n < COLUMNS_MAX; name = strtok_r(NULL, ",", &save))
		names[n++] = name;
	return n;
}

static size_t
format_required(const struct format *fmt, size_t ncols)
{
	return fmt->nrequired != 0 ? fmt->nrequired : ncols;
}

/* The file's header against fmt: c->col[] mapped, and the number of the
 * file's columns fmt has (a column named twice counts once). */
static size_t
match_format(struct ctx *c, const struct format *fmt, char **fields,
    size_t n)
{
	char *copy, *names[COLUMNS_MAX];
	size_t i, k, known = 0;

	c->ncols = format_columns(fmt, &copy, names);
	for (k = 0; k < c->ncols; k++) {
		c->col[k] = -1;
		for (i = 0; i < n && c->col[k] == -1; i++)
			if (strcasecmp(fields[i], names[k]) == 0) {
				c->col[k] = (int)i;
				known++;
			}
	}
	free(copy);
	return known;
}

/* The first required column of fmt the header lacks, or -1. */
static int
missing_column(const struct ctx *c, const struct format *fmt)
{
	size_t k;

	for (k = 0; k < format_required(fmt, c->ncols); k++)
		if (c->col[k] == -1)
			return (int)k;
	return -1;
}

/* The kind of file whose required columns the header has, the one with
 * fewest columns unknown; else (*near) the one sharing most columns. */
static const struct format *
find_format(struct ctx *c, char **fields, size_t n,
    const struct format **near)
{
	const struct format *found = NULL;
	size_t k, known, best = 0, nearest = 0;

	*near = NULL;
	for (k = 0; k < NELEM(formats); k++) {
		known = match_format(c, &formats[k], fields, n);
		if (missing_column(c, &formats[k]) == -1) {
			if (found == NULL || known > best) {
				found = &formats[k];
				best = known;
			}
		} else if (known > nearest) {
			*near = &formats[k];
			nearest = known;
		}
	}
	if (found != NULL)
		match_format(c, found, fields, n);
	else if (*near != NULL)
		match_format(c, *near, fields, n);
	return found;
}

/* The bytes of fmt's header that name its required columns. */
static size_t
required_len(const struct format *fmt, size_t ncols)
{
	size_t k, need = format_required(fmt, ncols);
	const char *p = fmt->header;

	for (k = 0; k < need && p != NULL; k++)
		if ((p = strchr(p, ',')) != NULL && k + 1 < need)
			p++;
	return p != NULL ? (size_t)(p - fmt->header) : strlen(fmt->header);
}

/* The name of column k of fmt (into buf). */
static const char *
column_name(const struct format *fmt, size_t k, char *buf, size_t len)
{
	char *copy, *names[COLUMNS_MAX];

	format_columns(fmt, &copy, names);
	snprintf(buf, len, "%s", names[k]);
	free(copy);
	return buf;
}

/*
 * A header fmt cannot read: a column it lacks (required) or has no place
 * for (unknown or named twice), said as FILE:1.  Returns 0 if none.
 */
static int
header_refused(struct ctx *c, const struct format *fmt, char **fields,
    size_t n)
{
	const struct import_run *run = c->run;
	char name[64];
	size_t i, k;
	int miss, used;

	if ((miss = missing_column(c, fmt)) != -1) {
		column_name(fmt, (size_t)miss, name, sizeof(name));
		run->report(run, run->stats->vi ? "%s:1: thiếu cột '%s' (cột "
		    "bắt buộc của loại tệp này: %.*s)" : "%s:1: missing column "
		    "'%s' (this kind of file requires %.*s)", run->name, name,
		    (int)required_len(fmt, c->ncols), fmt->header);
		return -1;
	}
	for (i = 0; i < n; i++) {
		for (k = 0, used = 0; k < c->ncols && !used; k++)
			used = c->col[k] == (int)i;
		if (used)
			continue;
		if (run->stats->vi)
			run->report(run, "%s:1: cột '%s' không phải cột của "
			    "loại tệp này hoặc bị lặp (các cột: %s)",
			    run->name, fields[i], fmt->header);
		else
			run->report(run, "%s:1: unknown or repeated column "
			    "'%s' (the columns: %s)", run->name, fields[i],
			    fmt->header);
		return -1;
	}
	return 0;
}

/* The limit of a column, by its name in the header (one line each). */
static size_t
column_limit(const char *name)
{
	if (strcmp(name, "source") == 0 || strcmp(name, "note") == 0)
		return TEXT_SOURCE_MAX;
	return TEXT_LINE_MAX;
}

/* Every field through the text validator; 0, or -1 with c->err set.
 * Activities and contacts are their models' to check, through their
 * field tables (activity_fields, contact_fields), limits and all. */
static int
check_fields(struct ctx *c, const struct format *fmt, char **f, size_t n)
{
	char *names, *save = NULL, *name;
	struct field col = { 0 };
	struct field_errs errs;
	size_t i = 0;
	int ret = 0;

	if (fmt->model_checked)
		return 0;
	names = xstrdup(fmt->header);
	field_errs_init(&errs);
	for (name = strtok_r(names, ",", &save); name != NULL && i < n;
	    name = strtok_r(NULL, ",", &save), i++) {
		col.name = name;
		col.max = column_limit(name);
		if (field_check_value(&col, f[i], &errs) == -1) {
			field_said(c, &errs.v[0]);
			ret = -1;
			break;
		}
	}
	field_errs_release(&errs);
	free(names);
	return ret;
}

/* The row's fields in fmt's order (into all), a column the file
 * leaves out NULL: only a model-checked format's optional columns,
 * which its model keeps (activity_from_csv()). */
static void
row_columns(const struct ctx *c, char **f, char **all)
{
	size_t k;

	for (k = 0; k < c->ncols; k++)
		all[k] = c->col[k] >= 0 ? f[c->col[k]] : NULL;
}

/* Check and write every row of a file with want columns, named in
 * header; -1 only when the database failed. */
static int
read_rows(struct ctx *c, struct csv *csv, const struct format *fmt,
    size_t want, const char *header)
{
	const struct import_run *run = c->run;
	char *all[COLUMNS_MAX];
	const char *err;
	int rc;

	while ((rc = csv_read(csv, &c->line, &err)) != 0) {
		c->err = NULL;
		if (rc == -1)
			c->err = run->stats->vi ? csv_reason_vi(err) : err;
		else if (csv->nfields != want) {
			snprintf(c->errbuf, sizeof(c->errbuf), run->stats->vi ?
			    "dòng có %zu cột, cần %zu cột (%s)" : "%zu fields, "
			    "expected %zu (%s)", csv->nfields, want, header);
			c->err = c->errbuf;
		} else {
			row_columns(c, csv->fields, all);
			if (check_fields(c, fmt, all, c->ncols) == 0 &&
			    fmt->row(c, all) == ROW_DB)
				return -1;
		}
		run->stats->rows++;
		if (c->err != NULL) {
			run->report(run, "%s:%ld: %s", run->name, c->line,
			    c->err);
			run->stats->errors++;
			c->failed = 1;
		}
	}
	return 0;
}

int
import_csv_read(const struct import_run *run)
{
	struct import_stats *stats = run->stats;
	struct ctx c = { .run = run };
	struct csv csv;
	const struct format *fmt = NULL, *near = NULL;
	const char *err;
	struct buf header;
	size_t i, want = 0;
	const struct import_stats was = *stats;
	long errors = stats->errors, changed = stats->changed;
	int rc, ret = -1;

	csv_init_input(&csv, run->in);
	buf_init(&header);
	rc = csv_read(&csv, &c.line, &err);
	if (rc == 1) {
		want = csv.nfields;
		for (i = 0; i < want; i++)
			buf_printf(&header, "%s%s", i > 0 ? "," : "",
			    csv.fields[i]);
		fmt = find_format(&c, csv.fields, want, &near);
	}
	if (rc == 1 && (fmt != NULL || near != NULL)) {
		if (header_refused(&c, fmt != NULL ? fmt : near, csv.fields,
		    want) != 0) {
			stats->errors++;
			goto done;
		}
	} else {
		if (stats->vi)
			run->report(run, "%s:1: %s", run->name, rc == -1 ?
			    csv_reason_vi(err) : rc == 0 ? "tệp trống" : "dòng "
			    "tiêu đề không phải của loại tệp nào kyniem nhận "
			    "(tệp hoạt động, danh bạ hoặc dữ liệu ngày kỷ "
			    "niệm)");
		else
			run->report(run, "%s:1: %s", run->name, rc == -1 ? err :
			    rc == 0 ? "empty file" : "unknown header (see "
			    "calendars/README.md for the file kinds)");
		stats->errors++;
		goto done;
	}
	if (store_begin(run->st) == -1)
		goto dberror;
	if (import_keys_open(run->st, &c.keys) == -1 ||
	    read_rows(&c, &csv, fmt, want, header.data) == -1)
		goto dberror;
	if (stats->errors > errors)
		goto rollback;
	import_keys_close(&c.keys);
	if (run->audit(run, "csv", &was) == 0 &&
	    store_commit(run->st) == 0) {
		ret = 0;
		goto done;
	}
dberror:
	/* The database failed (disk full, read-only, the audit trail;
	 * already logged): an error of the file too, and none of its
	 * changes counts. */
	stats->errors++;
	stats->refused++;
rollback:
	import_keys_close(&c.keys);
	store_rollback(run->st);
	stats->changed = changed;
	if (stats->vi)
		run->report(run, "%s: %ld lỗi; không dòng nào của tệp này được "
		    "ghi", run->name, stats->errors - errors);
	else
		run->report(run, "%s: %ld error%s; nothing from this file was "
		    "written", run->name, stats->errors - errors,
		    stats->errors - errors == 1 ? "" : "s");
done:
	buf_release(&header);
	csv_release(&csv);
	return ret;
}

/*
 * Corrections: their fields (correction_fields) and the checks an
 * editor's date goes through, and the corrections table.  Applying a
 * correction is store_load()'s job (one join), so every output reads the
 * corrected date the same way.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "correction.h"
#include "jsonw.h"
#include "log.h"
#include "lunar.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* The longest date rule calendars/ writes is "lunar YYYY-MM-DD leap". */
#define DATE_MAX	40

/* A rule calendars/ can write, with a date or at least a year. */
static int
date_ok(const char *date)
{
	struct rule r;
	const char *err;

	return rules_parse(date, &r, &err) == 0 && !(r.type == RULE_UNDATED &&
	    r.base_year == 0);
}

static const char *const confidences[] = { "confirmed", "single-source",
	"recalled", NULL };

#define IN(m)	offsetof(struct correction_input, m)

const struct field correction_fields[] = {
	{ "date", NULL, IN(date), 0, DATE_MAX, FIELD_REQUIRED, date_ok, NULL,
	    "Ngày không hợp lệ: hãy viết YYYY-MM-DD, YYYY-MM, YYYY, MM-DD, "
	    "\"lunar MM-DD\" hoặc \"MM sat#2\".", "Not a date: write "
	    "YYYY-MM-DD, YYYY-MM, YYYY, MM-DD, \"lunar MM-DD\" or "
	    "\"MM sat#2\"." },
	{ "source", NULL, IN(source), 0, TEXT_SOURCE_MAX, FIELD_REQUIRED, NULL,
	    NULL, NULL, NULL },
	{ "confidence", NULL, IN(confidence), 0, TEXT_KEY_MAX, FIELD_REQUIRED,
	    NULL, confidences, "Hãy chọn mức độ tin cậy: đã xác nhận, một "
	    "nguồn hoặc theo trí nhớ.", "Must be confirmed, single-source or "
	    "recalled, not '%s'." },
	{ "note", NULL, IN(note), 0, TEXT_SOURCE_MAX, 0, NULL, NULL, NULL,
	    NULL },
	{ NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static const struct field_err date_year = { "date",
	"Ngày thiết lập quan hệ phải có năm: YYYY-MM-DD, hoặc YYYY-MM, YYYY "
	"khi chỉ biết đến tháng, đến năm.",
	"The date a relation was established needs its year: YYYY-MM-DD, or "
	"YYYY-MM, YYYY when only the month or year is known." };
static const struct field_err date_day = { "date",
	"Quốc khánh cần có ngày và tháng (MM-DD hoặc YYYY-MM-DD).",
	"A national day needs its day and month (MM-DD or YYYY-MM-DD)." };
static const struct field_err date_lunar = { "date",
	"Ngày âm lịch này không có trong năm đã ghi.",
	"This lunar date does not exist in the year given." };
static const struct field_err need_note = { "note",
	"Ngày ghi theo trí nhớ cần có ghi chú nói rõ điều chưa chắc chắn.",
	"A recalled date needs a note saying what is uncertain." };

/* A lunar date counted from a year must exist in that lunar year (as
 * import.c checks the rows of calendars/). */
static int
lunar_exists(struct lunar_cal *lunar, const struct rule *r, int year)
{
	int days;

	if (r->leap && lunar_leap_month(lunar, year) != r->month)
		return 0;
	days = lunar_month_days(lunar, year, r->month, r->leap);
	return days > 0 && r->day <= days;
}

/* NULL if date (a rule, date_ok()) suits obs, with *base_year set; else
 * why not. */
static const struct field_err *
date_problem(const struct observance *obs, struct lunar_cal *lunar,
    const char *date, int *base_year)
{
	struct rule r;
	const char *err;

	(void)rules_parse(date, &r, &err);
	if ((obs->kind == KIND_RELATION || obs->kind == KIND_PARTNERSHIP) &&
	    (r.base_year == 0 || (r.type != RULE_FIXED &&
	    r.type != RULE_UNDATED)))
		return &date_year;
	if (obs->kind == KIND_NATIONAL_DAY && r.type == RULE_UNDATED)
		return &date_day;
	/* A rule written without a year ("07-04") keeps the year the row
	 * counts from: calendars/ has it in a column of its own. */
	*base_year = r.base_year != 0 || r.type == RULE_UNDATED ?
	    r.base_year : obs->rule.base_year;
	if (r.type == RULE_LUNAR && *base_year != 0 &&
	    !lunar_exists(lunar, &r, *base_year))
		return &date_lunar;
	return NULL;
}

int
correction_check(const struct observance *obs, struct lunar_cal *lunar,
    const struct correction_input *in, int *base_year,
    struct field_errs *errs)
{
	const struct field_err *e;
	int ret;

	ret = field_check(correction_fields, in, 0, errs);
	if (field_errs_find(errs, "date") == NULL && (e = date_problem(obs,
	    lunar, in->date, base_year)) != NULL) {
		*field_errs_add(errs, e->field) = *e;
		ret = -1;
	}
	/* An invalid note is not empty: no second message for it. */
	if (field_errs_find(errs, "note") == NULL && in->confidence != NULL &&
	    strcmp(in->confidence, "recalled") == 0 && (in->note == NULL ||
	    in->note[0] == '\0')) {
		*field_errs_add(errs, need_note.field) = need_note;
		ret = -1;
	}
	return ret;
}

/* Bump the row's revision; 0, or -1 (logged) when there is no row. */
static int
bump(struct store *st, const char *key, time_t now)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE observances SET"
	    " revision = revision + 1, modified = ?2 WHERE key = ?1",
	    STORE_TEXT(key), STORE_INT(now));

	if (store_step_done(st, stmt) == -1)
		return -1;
	if (sqlite3_changes(store_db(st)) != 1) {
		log_warnx("no observance '%s' to correct", key);
		return -1;
	}
	return 0;
}

static int
put(struct store *st, const char *key, const struct correction_input *in,
    int base_year, const char *who, time_t now)
{
	return store_exec(st, "INSERT INTO corrections"
	    " (key, rule, base_year, source, confidence, note, base_revision,"
	    " who, at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, revision, ?7, ?8"
	    " FROM observances WHERE key = ?1"
	    " ON CONFLICT (key) DO UPDATE SET rule = excluded.rule,"
	    " base_year = excluded.base_year, source = excluded.source,"
	    " confidence = excluded.confidence, note = excluded.note,"
	    " base_revision = excluded.base_revision, who = excluded.who,"
	    " at = excluded.at",
	    STORE_TEXT(key), STORE_STR(in->date), STORE_INT(base_year),
	    STORE_TEXT(in->source), STORE_TEXT(in->confidence),
	    STORE_TEXT(in->note), STORE_TEXT(who), STORE_INT(now));
}

/* The audit row of the correction of obs to in; 0 or -1. */
static int
audit_correction(struct store *st, const struct observance *obs,
    const struct correction_input *in, int base_year, const char *who,
    time_t now)
{
	struct buf before, after, obj;
	int ret;

	buf_init(&before);
	buf_init(&after);
	buf_init(&obj);
	correction_obs_json(obs, &before);
	correction_input_json(in, base_year, &after);
	buf_printf(&obj, "observance:%s", obs->key);
	ret = audit_add(st, who, "observance.correct", obj.data, before.data,
	    after.data, now);
	buf_release(&before);
	buf_release(&after);
	buf_release(&obj);
	return ret;
}

int
correction_save(struct store *st, const struct observance *obs,
    const struct correction_input *in, int base_year, const char *who,
    time_t now)
{
	if (store_begin(st) == -1)
		return -1;
	if (bump(st, obs->key, now) == -1 ||
	    put(st, obs->key, in, base_year, who, now) == -1 ||
	    audit_correction(st, obs, in, base_year, who, now) == -1) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

/* Remove key's correction; 1 when there is none. */
static int
drop(struct store *st, const char *key)
{
	sqlite3_stmt *stmt = store_stmt(st, "DELETE FROM corrections"
	    " WHERE key = ?1",
	    STORE_TEXT(key));

	if (store_step_done(st, stmt) == -1)
		return -1;
	return sqlite3_changes(store_db(st)) == 1 ? 0 : 1;
}

int
correction_reset(struct store *st, const char *key, const char *who,
    time_t now, const char *before, const char *after)
{
	struct buf obj;
	int rc;

	if (store_begin(st) == -1)
		return -1;
	buf_init(&obj);
	buf_printf(&obj, "observance:%s", key);
	if ((rc = drop(st, key)) == 0 && (bump(st, key, now) == -1 ||
	    audit_add(st, who, "observance.reset", obj.data, before, after,
	    now) == -1))
		rc = -1;
	buf_release(&obj);
	return store_finish(st, rc);
}

/* The columns of select_key(). */
static const struct store_col correction_cols[] = {
	STORE_COL_TEXT(0, struct correction, key),
	STORE_COL_TEXT(1, struct correction, rule),
	STORE_COL_INT(2, struct correction, base_year),
	STORE_COL_TEXT(3, struct correction, source),
	STORE_COL_TEXT(4, struct correction, confidence),
	STORE_COL_TEXT(5, struct correction, note),
	STORE_COL_TEXT(6, struct correction, who),
	STORE_COL_TIME(7, struct correction, at),
	STORE_COL_INT(8, struct correction, active),
	STORE_COL_TEXT(9, struct correction, shipped_rule),
	STORE_COL_INT(10, struct correction, shipped_base_year),
	STORE_COL_TEXT(11, struct correction, shipped_source),
	STORE_COL_TEXT(12, struct correction, shipped_confidence),
	STORE_COL_TEXT(13, struct correction, shipped_note),
};

static void
row_correction(sqlite3_stmt *stmt, void *elem)
{
	store_columns(stmt, correction_cols, NELEM(correction_cols), elem);
}

/* The query of the corrections of key, or of all when key is NULL. */
static sqlite3_stmt *
select_key(struct store *st, const char *key)
{
	return store_stmt(st, "SELECT k.key, k.rule,"
	    " k.base_year, k.source, k.confidence, k.note, k.who, k.at,"
	    " k.base_revision = o.revision, o.rule, o.base_year, o.source,"
	    " o.confidence, o.note FROM corrections k"
	    " JOIN observances o ON o.key = k.key"
	    " WHERE ?1 IS NULL OR k.key = ?1 ORDER BY k.key",
	    STORE_TEXT(key));
}

int
correction_load(struct store *st, struct correction_list *out)
{
	if (store_collect(st, select_key(st, NULL), &out->v, &out->n,
	    sizeof(*out->v), row_correction) == 0)
		return 0;
	correction_list_release(out);
	return -1;
}

int
correction_get(struct store *st, const char *key, struct correction *out)
{
	return store_get_one(st, select_key(st, key), out, sizeof(*out),
	    row_correction);
}

void
correction_release(struct correction *c)
{
	free(c->key);
	free(c->rule);
	free(c->source);
	free(c->confidence);
	free(c->note);
	free(c->who);
	free(c->shipped_rule);
	free(c->shipped_source);
	free(c->shipped_confidence);
	free(c->shipped_note);
	memset(c, 0, sizeof(*c));
}

void
correction_list_release(struct correction_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		correction_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void
json(const char *date, int base_year, const char *source,
    const char *confidence, const char *note, struct buf *out)
{
	struct jsonw j;

	jsonw_init(&j, out, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "date", date);
	jsonw_int(&j, "base_year", base_year);
	jsonw_str(&j, "source", source);
	jsonw_str(&j, "confidence", confidence);
	jsonw_str(&j, "note", note);
	jsonw_end(&j);
}

void
correction_obs_json(const struct observance *obs, struct buf *out)
{
	json(obs->spec, obs->rule.base_year, obs->source, obs->confidence,
	    obs->note, out);
}

void
correction_input_json(const struct correction_input *in, int base_year,
    struct buf *out)
{
	json(in->date, base_year, in->source, in->confidence, in->note, out);
}

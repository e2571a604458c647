/*
 * What a VEVENT of an imported .ics file becomes: one activity, or, for
 * a recurring event, one activity per occurrence in the window (recur.c),
 * each keyed by the event's UID and the occurrence's RECURRENCE-ID
 * ("UID/20240105T020000Z"), so that importing the file again changes
 * nothing.  A VEVENT with a RECURRENCE-ID overrides one occurrence: the
 * first pass keeps it in a temporary table, and it replaces that
 * occurrence when its event is expanded, or stands alone when the file
 * has no such event.  A series that cannot be expanded faithfully is
 * refused, naming the event.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "ical.h"
#include "import.h"
#include "import_int.h"
#include "recur.h"
#include "store.h"

/* Steps of libical's recurrence iterator one file may take (a rule from
 * 1900 reaches today in under 50,000 daily steps). */
#define ICS_STEPS_MAX	1000000

/* An override of one occurrence, parsed. */
struct override {
	icalcomponent *ev;	/* in r->cal */
	long line;
	char rid[RECUR_RID_LEN];
};

icalcomponent *
ics_parse_block(const char *body)
{
	icalparser *p = icalparser_new();
	icalcomponent *c = NULL;
	char *copy = xstrdup(body), *line, *nl;

	for (line = copy; line != NULL && c == NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		c = icalparser_add_line(p, line);
	}
	icalparser_free(p);
	free(copy);
	return c;
}

int
ics_overrides_open(struct ics_run *r)
{
	if (store_step_done(r->st, store_prepare(r->st, "CREATE TEMP TABLE IF"
	    " NOT EXISTS import_override (uid TEXT NOT NULL, line INTEGER"
	    " NOT NULL, body TEXT NOT NULL, used INTEGER NOT NULL DEFAULT"
	    " 0)")) == -1 || store_step_done(r->st, store_prepare(r->st,
	    "CREATE INDEX IF NOT EXISTS temp.import_override_uid ON"
	    " import_override (uid)")) == -1 || store_step_done(r->st,
	    store_prepare(r->st, "DELETE FROM temp.import_override")) == -1)
		return -1;
	r->ov_add = store_prepare(r->st, "INSERT INTO temp.import_override"
	    " (uid, line, body) VALUES (?1, ?2, ?3)");
	/* An event's overrides, marked as used as they are read. */
	r->ov_find = store_prepare(r->st, "UPDATE temp.import_override SET"
	    " used = 1 WHERE uid = ?1 RETURNING line, body");
	r->ov_rest = store_prepare(r->st, "SELECT line, body FROM"
	    " temp.import_override WHERE used = 0 ORDER BY line");
	return r->ov_add && r->ov_find && r->ov_rest ? 0 : -1;
}

void
ics_overrides_close(struct ics_run *r)
{
	sqlite3_finalize(r->ov_add);
	sqlite3_finalize(r->ov_find);
	sqlite3_finalize(r->ov_rest);
	r->ov_add = r->ov_find = r->ov_rest = NULL;
}

int
ics_override_keep(struct ics_run *r, long line)
{
	icalcomponent *ev = ics_parse_block(r->block.data);
	const char *uid = ev != NULL ? icalcomponent_get_uid(ev) : NULL;
	int ret = 0;

	if (uid == NULL || *uid == '\0') {
		ics_bad(r, line, VI_EN(r->stats->vi, "sự kiện (VEVENT) thiếu "
		    "UID", "VEVENT without a UID"));
		goto done;
	}
	sqlite3_reset(r->ov_add);
	store_bind_text(r->ov_add, 1, uid);
	sqlite3_bind_int64(r->ov_add, 2, line);
	store_bind_text(r->ov_add, 3, r->block.data);
	if (sqlite3_step(r->ov_add) != SQLITE_DONE) {
		store_warn(r->st);
		ret = -1;
	}
done:
	if (ev != NULL)
		icalcomponent_free(ev);
	return ret;
}

/*
 * Check and write one activity: a single event's, or an occurrence's
 * (rid names it, of the event whose UID is uid).  0, or -1 after
 * reporting why at line.
 */
/* Say the database failed (the details are in the log). */
static void
db_error(const struct ics_run *r, char *err, size_t len)
{
	snprintf(err, len, "%s", VI_EN(r->stats->vi, "lỗi cơ sở dữ liệu",
	    "database error"));
}

/* activity_check() with its first refusal as one line in err: 0, or -1
 * with err set ("database error" when the database failed). */
static int
check(struct ics_run *r, const struct activity *a, char *err, size_t len)
{
	struct field_errs errs;
	int rc;

	field_errs_init(&errs);
	if ((rc = activity_check(r->st, r->stats->cfg, a, &errs)) == 1 &&
	    r->stats->vi)
		snprintf(err, len, "mục %s: %s", errs.v[0].field,
		    errs.v[0].vi);
	else if (rc == 1)
		field_err_line(&errs.v[0], err, len);
	else if (rc == -1)
		db_error(r, err, len);
	field_errs_release(&errs);
	return rc == 0 ? 0 : -1;
}

/* Say uid stands twice in the file. */
static void
duplicate_uid(const struct ics_run *r, const char *uid, char *err,
    size_t len)
{
	snprintf(err, len, VI_EN(r->stats->vi, "UID '%s' bị trùng",
	    "duplicate UID '%s'"), uid);
}

static int
write_activity(struct ics_run *r, struct activity *a, long line,
    const char *uid, const char *rid)
{
	char err[FIELD_MSG_MAX + 64];
	long first;
	int changed = 0, rc;

	if (check(r, a, err, sizeof(err)) == -1)
		goto bad;
	if ((rc = import_keys_add(&r->keys, a->uid, line, &first)) == -1)
		goto dberror;
	if (rc == 1) {
		if (rid != NULL)
			snprintf(err, sizeof(err), VI_EN(r->stats->vi,
			    "sự kiện (VEVENT) thứ hai cho lần %s của UID '%s' "
			    "(lần đầu ở dòng %ld)", "a second VEVENT for the "
			    "occurrence %s of UID '%s' (first on line %ld)"),
			    rid, uid, first);
		else
			duplicate_uid(r, a->uid, err, sizeof(err));
		goto bad;
	}
	if (activity_put(r->st, a, r->now, &changed) == -1)
		goto dberror;
	r->stats->changed += changed;
	r->stats->occurrences += rid != NULL;
	return 0;
dberror:
	db_error(r, err, sizeof(err));
bad:
	ics_bad(r, line, "%s", err);
	return -1;
}

/* The occurrence rid of the event uid, as the activity ev says (the
 * event itself, or an override); 0 or -1 (reported at line). */
static int
occurrence(struct ics_run *r, icalcomponent *ev, long line,
    const struct recur_instance *in, const char *uid, const char *rid)
{
	struct activity a = { 0 };
	char err[256];
	int ret = -1;

	if (ical_read_activity(ev, r->flags & IMPORT_ATTENDEES, &a, err,
	    sizeof(err), r->stats->vi) == -1) {
		ics_bad(r, line, "%s", err);
		goto done;
	}
	if (in != NULL)
		ical_instance_times(ev, in->start, &a);
	else if (util_ymd_cmp(a.start, r->from) < 0 ||
	    util_ymd_cmp(a.start, r->to) > 0) {
		ret = 0;	/* an override moved out of the window */
		goto done;
	}
	free(a.uid);
	a.uid = xasprintf("%s/%s", uid, rid);
	ret = write_activity(r, &a, line, uid, rid);
done:
	activity_release(&a);
	return ret;
}

/* The overrides of the event uid, parsed into r->cal, into *ov; *n of
 * them.  0, or -1 on a database error (logged). */
static int
load_overrides(struct ics_run *r, const char *uid, struct override **ov,
    size_t *n)
{
	struct override o;
	char err[256];
	int rc;

	*ov = NULL;
	*n = 0;
	sqlite3_reset(r->ov_find);
	store_bind_text(r->ov_find, 1, uid);
	while ((rc = sqlite3_step(r->ov_find)) == SQLITE_ROW) {
		o.line = (long)sqlite3_column_int64(r->ov_find, 0);
		r->stats->rows++;
		if ((o.ev = ics_parse_block((const char *)
		    sqlite3_column_text(r->ov_find, 1))) == NULL)
			continue;	/* parsed once already: cannot be */
		icalcomponent_add_component(r->cal, o.ev);
		if (recur_override_rid(o.ev, o.rid, err, sizeof(err),
		    r->stats->vi) != 0) {
			ics_bad(r, o.line, "%s", err);
			icalcomponent_remove_component(r->cal, o.ev);
			icalcomponent_free(o.ev);
			continue;
		}
		*ov = xrealloc(*ov, (*n + 1) * sizeof(**ov));
		(*ov)[(*n)++] = o;
	}
	sqlite3_reset(r->ov_find);
	if (rc == SQLITE_DONE)
		return 0;
	store_warn(r->st);
	return -1;
}

static void
free_overrides(struct ics_run *r, struct override *ov, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		icalcomponent_remove_component(r->cal, ov[i].ev);
		icalcomponent_free(ov[i].ev);
	}
	free(ov);
}

static const struct override *
find_override(const struct override *ov, size_t n, const char *rid)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(ov[i].rid, rid) == 0)
			return &ov[i];
	return NULL;
}

/* Each occurrence of a recurring event in the window, an override's
 * version of it where the file has one. */
static void
series(struct ics_run *r, icalcomponent *ev, long line,
    const struct activity *master)
{
	struct recur_set set = { 0 };
	struct override *ov = NULL;
	size_t i, nov = 0;
	char err[256];

	if (recur_expand(ev, r->from, r->to, &r->steps, ICS_STEPS_MAX, &set,
	    err, sizeof(err), r->stats->vi) == -1) {
		ics_bad(r, line, VI_EN(r->stats->vi, "sự kiện lặp lại "
		    "'%.80s': %s", "recurring event '%.80s': %s"),
		    master->title ? master->title : master->uid, err);
		return;
	}
	r->stats->series++;
	if (load_overrides(r, master->uid, &ov, &nov) == -1) {
		db_error(r, err, sizeof(err));
		ics_bad(r, line, "%s", err);
		goto done;
	}
	for (i = 0; i < set.n; i++)
		if (find_override(ov, nov, set.v[i].rid) == NULL &&
		    occurrence(r, ev, line, &set.v[i], master->uid,
		    set.v[i].rid) == -1)
			goto done;	/* the others would say the same */
	for (i = 0; i < nov; i++)
		(void)occurrence(r, ov[i].ev, ov[i].line, NULL, master->uid,
		    ov[i].rid);
done:
	free_overrides(r, ov, nov);
	recur_set_release(&set);
}

void
ics_vevent(struct ics_run *r, icalcomponent *ev, long line)
{
	struct activity a = { 0 };
	char err[FIELD_MSG_MAX + 64];
	long first;
	int rc;

	/* An override: with its event, or alone after the file. */
	if (icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)
	    != NULL)
		return;
	r->stats->rows++;
	if (ical_read_activity(ev, r->flags & IMPORT_ATTENDEES, &a, err,
	    sizeof(err), r->stats->vi) == -1) {
		ics_bad(r, line, "%s", err);
		goto done;
	}
	if (!recur_has_rule(ev)) {
		(void)write_activity(r, &a, line, NULL, NULL);
		goto done;
	}
	/* The event's own fields once, and its UID once in the file. */
	if (check(r, &a, err, sizeof(err)) == -1)
		ics_bad(r, line, "%s", err);
	else if ((rc = import_keys_add(&r->keys, a.uid, line, &first)) != 0) {
		if (rc == 1)
			duplicate_uid(r, a.uid, err, sizeof(err));
		else
			db_error(r, err, sizeof(err));
		ics_bad(r, line, "%s", err);
	} else
		series(r, ev, line, &a);
done:
	activity_release(&a);
}

void
ics_orphans(struct ics_run *r)
{
	icalcomponent *ev;
	const char *uid;
	char rid[RECUR_RID_LEN], err[256];
	long line;
	int rc;

	sqlite3_reset(r->ov_rest);
	while ((rc = sqlite3_step(r->ov_rest)) == SQLITE_ROW) {
		line = (long)sqlite3_column_int64(r->ov_rest, 0);
		r->stats->rows++;
		if ((ev = ics_parse_block((const char *)sqlite3_column_text(
		    r->ov_rest, 1))) == NULL)
			continue;
		icalcomponent_add_component(r->cal, ev);
		uid = icalcomponent_get_uid(ev);
		if (recur_override_rid(ev, rid, err, sizeof(err),
		    r->stats->vi) != 0)
			ics_bad(r, line, "%s", err);
		else
			(void)occurrence(r, ev, line, NULL, uid, rid);
		icalcomponent_remove_component(r->cal, ev);
		icalcomponent_free(ev);
	}
	if (rc != SQLITE_DONE) {
		store_warn(r->st);
		ics_bad(r, 1, "database error");
	}
	sqlite3_reset(r->ov_rest);
}

/*
 * Planned activities: the activities and activity_owners tables, their
 * validation, and the import of VEVENTs from .ics files (libical).  The
 * CSV form is one row kind of import.c; feeds render activity_load()'s
 * result; reminders are remind.c's business.
 */
#include <sys/random.h>

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "log.h"
#include "recipient.h"
#include "store.h"
#include "util.h"

/* Vietnam's civil time, UTC+7, with no daylight saving. */
#define VN_OFFSET (7 * 3600L)
#define MAX_OFFSETS 16

static const char *const status_names[] = {
	"planned", "confirmed", "done", "cancelled"
};

const char *
activity_status_name(enum activity_status s)
{
	return (size_t)s < NELEM(status_names) ? status_names[s] : "planned";
}

int
activity_status_parse(const char *s)
{
	size_t i;

	for (i = 0; i < NELEM(status_names); i++)
		if (s != NULL && strcmp(s, status_names[i]) == 0)
			return (int)i;
	return -1;
}

void
activity_release(struct activity *a)
{
	size_t i;

	free(a->uid);
	free(a->title);
	free(a->location);
	free(a->organiser);
	free(a->observance);
	free(a->notes);
	free(a->remind);
	for (i = 0; i < a->nowners; i++)
		free(a->owners[i]);
	free(a->owners);
	memset(a, 0, sizeof(*a));
}

void
activity_list_release(struct activity_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		activity_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int
activity_parse_when(const char *s, struct ymd *day, int *min)
{
	char d[11];
	long h, m;

	if (strlen(s) == 10) {
		*min = -1;
		return util_parse_ymd(s, day);
	}
	if (strlen(s) != 16 || s[10] != 'T' || s[13] != ':' ||
	    s[11] < '0' || s[11] > '9' || s[14] < '0' || s[14] > '9')
		return -1;
	memcpy(d, s, 10);
	d[10] = '\0';
	if (util_parse_ymd(d, day) == -1 ||
	    util_parse_int((char[]){ s[11], s[12], 0 }, 0, 23, &h) == -1 ||
	    util_parse_int(s + 14, 0, 59, &m) == -1)
		return -1;
	*min = (int)(h * 60 + m);
	return 0;
}

int
activity_parse_offsets(const char *s, long *secs, size_t max, size_t *n)
{
	char *copy = xstrdup(s), *save = NULL, *tok, *unit;
	long v, mul;
	int ret = -1;

	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		if (*tok == '\0' || *n == max)
			goto done;
		unit = tok + strlen(tok) - 1;
		switch (*unit) {
		case 'w': mul = 7 * 86400L; break;
		case 'd': mul = 86400L; break;
		case 'h': mul = 3600L; break;
		default: goto done;
		}
		*unit = '\0';
		if (util_parse_int(tok, 0, 3660, &v) == -1)
			goto done;
		secs[(*n)++] = v * mul;
	}
	ret = *n > 0 ? 0 : -1;
done:
	free(copy);
	return ret;
}

time_t
activity_time(struct ymd day, int min)
{
	return (time_t)(util_days_from_civil(day.y, day.m, day.d) * 86400L +
	    (min > 0 ? min : 0) * 60L - VN_OFFSET);
}

time_t
activity_start(const struct activity *a)
{
	return activity_time(a->start, a->all_day ? 0 : a->start_min);
}

const char *
activity_set_times(struct activity *a, const char *start, const char *end)
{
	int smin, emin;
	long t;

	if (activity_parse_when(start, &a->start, &smin) == -1)
		return "start must be YYYY-MM-DD or YYYY-MM-DDTHH:MM";
	a->all_day = smin < 0;
	a->start_min = smin < 0 ? 0 : smin;
	if (end == NULL || *end == '\0') {
		/* A timed activity without an end lasts an hour. */
		a->end = a->start;
		a->end_min = a->start_min;
		if (!a->all_day) {
			t = util_days_from_civil(a->start.y, a->start.m,
			    a->start.d) * 1440L + a->start_min + 60;
			a->end = util_civil_from_days(t / 1440);
			a->end_min = (int)(t % 1440);
		}
		return NULL;
	}
	if (activity_parse_when(end, &a->end, &emin) == -1)
		return "end must be YYYY-MM-DD or YYYY-MM-DDTHH:MM";
	if ((emin < 0) != a->all_day)
		return "start and end must both be dates or both have times";
	a->end_min = emin < 0 ? 0 : emin;
	if (util_ymd_cmp(a->end, a->start) < 0 || (util_ymd_cmp(a->end,
	    a->start) == 0 && a->end_min < a->start_min))
		return "end is before start";
	return NULL;
}

int
activity_check(struct store *st, const struct activity *a, char *err,
    size_t errlen)
{
	long secs[MAX_OFFSETS];
	size_t i, n;
	int rc;

	if (a->title == NULL || *a->title == '\0')
		return snprintf(err, errlen, "a title is required"), -1;
	if (!util_utf8_valid(a->title, strlen(a->title)) ||
	    strpbrk(a->title, "\r\n") != NULL)
		return snprintf(err, errlen, "the title must be one line of "
		    "UTF-8"), -1;
	for (i = 0; i < a->nowners; i++)
		if (!recipient_email_valid(a->owners[i]))
			return snprintf(err, errlen, "'%s' is not an email "
			    "address", a->owners[i]), -1;
	if (a->remind != NULL && activity_parse_offsets(a->remind, secs,
	    MAX_OFFSETS, &n) == -1)
		return snprintf(err, errlen, "reminder offsets '%s' must be "
		    "like 30d,7d,1d (w, d or h)", a->remind), -1;
	if (a->observance != NULL && *a->observance != '\0') {
		if ((rc = store_observance_exists(st, a->observance)) == -1)
			return snprintf(err, errlen, "database error"), -1;
		if (rc == 0)
			return snprintf(err, errlen, "unknown observance key "
			    "'%s'", a->observance), -1;
	}
	return 0;
}

char *
activity_new_uid(void)
{
	unsigned char r[12];
	char hex[sizeof(r) * 2 + 1];
	size_t i;

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		fatal("getrandom failed");
	for (i = 0; i < sizeof(r); i++)
		snprintf(hex + 2 * i, 3, "%02x", r[i]);
	return xasprintf("kyniem-activity-%s", hex);
}

#define ACTIVITY_COLUMNS "id, uid, title, all_day, start_date, start_min," \
	" end_date, end_min, location, organiser, observance, notes, remind," \
	" status, revision, created, modified"

static void
row_activity(sqlite3_stmt *stmt, struct activity *a)
{
	const char *s;

	memset(a, 0, sizeof(*a));
	a->id = (long)sqlite3_column_int64(stmt, 0);
	a->uid = store_column_dup(stmt, 1);
	a->title = store_column_dup(stmt, 2);
	a->all_day = sqlite3_column_int(stmt, 3);
	s = (const char *)sqlite3_column_text(stmt, 4);
	if (s == NULL || util_parse_ymd(s, &a->start) == -1)
		a->start = (struct ymd){ 1970, 1, 1 };
	a->start_min = sqlite3_column_int(stmt, 5);
	s = (const char *)sqlite3_column_text(stmt, 6);
	if (s == NULL || util_parse_ymd(s, &a->end) == -1)
		a->end = a->start;
	a->end_min = sqlite3_column_int(stmt, 7);
	a->location = store_column_dup(stmt, 8);
	a->organiser = store_column_dup(stmt, 9);
	a->observance = store_column_dup(stmt, 10);
	a->notes = store_column_dup(stmt, 11);
	a->remind = store_column_dup(stmt, 12);
	a->status = (enum activity_status)activity_status_parse((const char *)
	    sqlite3_column_text(stmt, 13));
	if ((int)a->status < 0)
		a->status = ACTIVITY_PLANNED;
	a->revision = (long)sqlite3_column_int64(stmt, 14);
	a->created = (time_t)sqlite3_column_int64(stmt, 15);
	a->modified = (time_t)sqlite3_column_int64(stmt, 16);
}

static int
load_owners(struct store *st, struct activity *v, size_t n)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT activity, email FROM"
	    " activity_owners WHERE ?1 = 0 OR activity = ?1"
	    " ORDER BY activity, pos");
	struct activity *a = NULL;
	long id;
	size_t i;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, n == 1 ? v[0].id : 0);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = (long)sqlite3_column_int64(stmt, 0);
		if (a == NULL || a->id != id)
			for (a = NULL, i = 0; i < n && a == NULL; i++)
				if (v[i].id == id)
					a = &v[i];
		if (a == NULL)
			continue;
		a->owners = xrealloc(a->owners, (a->nowners + 1) *
		    sizeof(*a->owners));
		a->owners[a->nowners++] = store_column_dup(stmt, 1);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		store_warn(st);
		return -1;
	}
	return 0;
}

int
activity_load(struct store *st, struct activity_list *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT " ACTIVITY_COLUMNS
	    " FROM activities ORDER BY start_date, all_day DESC, start_min,"
	    " id");
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 32;
			out->v = xrealloc(out->v, cap * sizeof(*out->v));
		}
		row_activity(stmt, &out->v[out->n++]);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		store_warn(st);
		activity_list_release(out);
		return -1;
	}
	/* One query for every owner; n == 1 would filter by that id. */
	if (out->n > 0 && load_owners(st, out->v, out->n == 1 ? 1 :
	    out->n) == -1) {
		activity_list_release(out);
		return -1;
	}
	return 0;
}

int
activity_get(struct store *st, long id, struct activity *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT " ACTIVITY_COLUMNS
	    " FROM activities WHERE id = ?1");
	int rc;

	memset(out, 0, sizeof(*out));
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		row_activity(stmt, out);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return 1;
	if (rc != SQLITE_ROW) {
		store_warn(st);
		return -1;
	}
	if (load_owners(st, out, 1) == -1) {
		activity_release(out);
		return -1;
	}
	return 0;
}

static int
step_done(struct store *st, sqlite3_stmt *stmt)
{
	int rc = stmt ? sqlite3_step(stmt) : SQLITE_ERROR;

	if (stmt != NULL && rc != SQLITE_DONE && rc != SQLITE_ROW)
		store_warn(st);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* Upsert the activity row itself; *changed when inserted or differing. */
static int
put_row(struct store *st, const struct activity *a, long now, int *changed)
{
	char s[16], e[16];
	sqlite3_stmt *stmt = store_prepare(st,
	    "INSERT INTO activities (uid, title, all_day, start_date,"
	    " start_min, end_date, end_min, location, organiser, observance,"
	    " notes, remind, status, created, modified) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)"
	    " ON CONFLICT (uid) DO UPDATE SET title = ?2, all_day = ?3,"
	    " start_date = ?4, start_min = ?5, end_date = ?6, end_min = ?7,"
	    " location = ?8, organiser = ?9, observance = ?10, notes = ?11,"
	    " remind = ?12, status = ?13, modified = ?14,"
	    " revision = revision + 1"
	    " WHERE (title, all_day, start_date, start_min, end_date, end_min,"
	    " location, organiser, observance, notes, remind, status) IS NOT"
	    " (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	int ret;

	if (stmt == NULL)
		return -1;
	util_format_ymd(a->start, s, sizeof(s));
	util_format_ymd(a->end, e, sizeof(e));
	store_bind_text(stmt, 1, a->uid);
	store_bind_text(stmt, 2, a->title);
	sqlite3_bind_int(stmt, 3, a->all_day);
	store_bind_text(stmt, 4, s);
	sqlite3_bind_int(stmt, 5, a->all_day ? 0 : a->start_min);
	store_bind_text(stmt, 6, e);
	sqlite3_bind_int(stmt, 7, a->all_day ? 0 : a->end_min);
	store_bind_text(stmt, 8, a->location);
	store_bind_text(stmt, 9, a->organiser);
	store_bind_text(stmt, 10, a->observance);
	store_bind_text(stmt, 11, a->notes);
	store_bind_text(stmt, 12, a->remind);
	store_bind_text(stmt, 13, activity_status_name(a->status));
	sqlite3_bind_int64(stmt, 14, now);
	ret = step_done(st, stmt);
	*changed = ret == 0 && sqlite3_changes(store_db(st)) > 0;
	return ret;
}

static long
lookup_id(struct store *st, const char *uid)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "SELECT id FROM activities WHERE uid = ?1");
	long id = -1;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, uid);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = (long)sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return id;
}

/* 1 if the stored owners of id differ from a's, 0 if equal, -1. */
static int
owners_differ(struct store *st, long id, const struct activity *a)
{
	struct activity old = { 0 };
	size_t i;
	int differ;

	old.id = id;
	if (load_owners(st, &old, 1) == -1)
		return -1;
	differ = old.nowners != a->nowners;
	for (i = 0; !differ && i < a->nowners; i++)
		differ = strcmp(old.owners[i], a->owners[i]) != 0;
	activity_release(&old);
	return differ;
}

static int
put_owners(struct store *st, long id, const struct activity *a)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "DELETE FROM activity_owners WHERE activity = ?1");
	size_t i;

	if (stmt != NULL)
		sqlite3_bind_int64(stmt, 1, id);
	if (step_done(st, stmt) == -1)
		return -1;
	for (i = 0; i < a->nowners; i++) {
		stmt = store_prepare(st, "INSERT OR IGNORE INTO"
		    " activity_owners (activity, pos, email) VALUES (?1, ?2,"
		    " ?3)");
		if (stmt != NULL) {
			sqlite3_bind_int64(stmt, 1, id);
			sqlite3_bind_int64(stmt, 2, (long)i);
			store_bind_text(stmt, 3, a->owners[i]);
		}
		if (step_done(st, stmt) == -1)
			return -1;
	}
	return 0;
}

int
activity_put(struct store *st, struct activity *a, long now, int *changed)
{
	sqlite3_stmt *stmt;
	int differ;

	if (put_row(st, a, now, changed) == -1 ||
	    (a->id = lookup_id(st, a->uid)) == -1)
		return -1;
	if ((differ = owners_differ(st, a->id, a)) == -1)
		return -1;
	if (!differ)
		return 0;
	if (put_owners(st, a->id, a) == -1)
		return -1;
	if (!*changed) {
		/* Only the owners changed: still a new revision. */
		stmt = store_prepare(st, "UPDATE activities SET revision ="
		    " revision + 1, modified = ?2 WHERE id = ?1");
		if (stmt != NULL) {
			sqlite3_bind_int64(stmt, 1, a->id);
			sqlite3_bind_int64(stmt, 2, now);
		}
		if (step_done(st, stmt) == -1)
			return -1;
	}
	*changed = 1;
	return 0;
}

static void
split_owners(struct activity *a, const char *list)
{
	char *copy = xstrdup(list), *save = NULL, *tok;

	for (tok = strtok_r(copy, "; ", &save); tok != NULL;
	    tok = strtok_r(NULL, "; ", &save)) {
		a->owners = xrealloc(a->owners, (a->nowners + 1) *
		    sizeof(*a->owners));
		a->owners[a->nowners++] = xstrdup(tok);
	}
	free(copy);
}

static char *
opt_dup(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

int
activity_from_csv(struct store *st, char **f, struct activity *a,
    char *err, size_t errlen)
{
	const char *why;
	int status = ACTIVITY_PLANNED;

	a->uid = xasprintf("kyniem-activity-%s", f[0]);
	a->title = xstrdup(f[1]);
	if ((why = activity_set_times(a, f[2], f[3])) != NULL)
		return snprintf(err, errlen, "%s", why), -1;
	a->location = opt_dup(f[4]);
	a->organiser = opt_dup(f[5]);
	split_owners(a, f[6]);
	a->remind = opt_dup(f[7]);
	a->observance = opt_dup(f[8]);
	if (*f[9] != '\0' && (status = activity_status_parse(f[9])) < 0)
		return snprintf(err, errlen, "status must be planned, "
		    "confirmed, done or cancelled, not '%s'", f[9]), -1;
	a->status = (enum activity_status)status;
	a->notes = opt_dup(f[10]);
	return activity_check(st, a, err, errlen);
}

/*
 * .ics import.  libical does not report line numbers, so the physical
 * line of each BEGIN:VEVENT is found by scanning the text; the nth VEVENT
 * libical returns is the nth BEGIN:VEVENT of the file.
 */
static long *
vevent_lines(const char *data, size_t len, size_t *n)
{
	long *v = NULL, line = 1;
	size_t i;

	*n = 0;
	for (i = 0; i < len; i++) {
		if ((i == 0 || data[i - 1] == '\n') && len - i >= 12 &&
		    strncasecmp(data + i, "BEGIN:VEVENT", 12) == 0) {
			v = xrealloc(v, (*n + 1) * sizeof(*v));
			v[(*n)++] = line;
		}
		if (data[i] == '\n')
			line++;
	}
	return v;
}

/* An iCalendar time as local Vietnam day and minute. */
static void
ical_local(struct icaltimetype t, struct ymd *day, int *min)
{
	time_t u;
	long secs;

	if (t.is_date) {
		*day = (struct ymd){ t.year, t.month, t.day };
		*min = -1;
		return;
	}
	if (t.zone == NULL && !icaltime_is_utc(t)) {
		/* Floating time: taken as Vietnam's local time. */
		*day = (struct ymd){ t.year, t.month, t.day };
		*min = t.hour * 60 + t.minute;
		return;
	}
	u = icaltime_as_timet_with_zone(t, t.zone ? t.zone :
	    icaltimezone_get_utc_timezone());
	secs = (long)u + VN_OFFSET;
	*day = util_civil_from_days(secs >= 0 ? secs / 86400 :
	    -((-secs + 86399) / 86400));
	*min = (int)((secs - util_days_from_civil(day->y, day->m, day->d) *
	    86400L) / 60);
}

static char *
prop_text(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	const char *s;

	if (p == NULL)
		return NULL;
	s = icalproperty_get_value_as_string(p);
	if (kind == ICAL_SUMMARY_PROPERTY || kind == ICAL_LOCATION_PROPERTY ||
	    kind == ICAL_DESCRIPTION_PROPERTY || kind == ICAL_UID_PROPERTY) {
		/* Unescaped text values. */
		icalvalue *v = icalproperty_get_value(p);

		s = v ? icalvalue_get_text(v) : NULL;
	}
	return s && *s ? xstrdup(s) : NULL;
}

static const char *
strip_mailto(const char *s)
{
	return strncasecmp(s, "mailto:", 7) == 0 ? s + 7 : s;
}

static char *
x_prop(icalcomponent *c, const char *name)
{
	icalproperty *p;
	const char *s;

	for (p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_X_PROPERTY))
		if (strcasecmp(icalproperty_get_x_name(p), name) == 0 &&
		    (s = icalproperty_get_x(p)) != NULL && *s != '\0')
			return xstrdup(s);
	return NULL;
}

/* Fill a from one VEVENT; 0, or -1 with a reason in err. */
static int
from_vevent(icalcomponent *ev, struct activity *a, char *err, size_t elen)
{
	struct icaltimetype s, e;
	icalproperty *p;
	icalproperty_status status;
	int smin, emin;

	if ((a->uid = prop_text(ev, ICAL_UID_PROPERTY)) == NULL)
		return snprintf(err, elen, "VEVENT without a UID"), -1;
	a->title = prop_text(ev, ICAL_SUMMARY_PROPERTY);
	s = icalcomponent_get_dtstart(ev);
	if (icaltime_is_null_time(s) || !icaltime_is_valid_time(s))
		return snprintf(err, elen, "VEVENT without a valid DTSTART"),
		    -1;
	ical_local(s, &a->start, &smin);
	a->all_day = smin < 0;
	a->start_min = smin < 0 ? 0 : smin;
	e = icalcomponent_get_dtend(ev);
	if (icaltime_is_null_time(e)) {
		a->end = a->start;
		a->end_min = a->start_min;
	} else {
		ical_local(e, &a->end, &emin);
		if ((emin < 0) != a->all_day)
			return snprintf(err, elen, "DTSTART and DTEND must both "
			    "be dates or both date-times"), -1;
		a->end_min = emin < 0 ? 0 : emin;
		/* DTEND of an all-day event is exclusive. */
		if (a->all_day && util_ymd_cmp(a->end, a->start) > 0)
			a->end = util_ymd_add_days(a->end, -1);
		if (util_ymd_cmp(a->end, a->start) < 0 || (util_ymd_cmp(a->end,
		    a->start) == 0 && a->end_min < a->start_min))
			return snprintf(err, elen, "DTEND is before DTSTART"),
			    -1;
	}
	a->location = prop_text(ev, ICAL_LOCATION_PROPERTY);
	a->notes = prop_text(ev, ICAL_DESCRIPTION_PROPERTY);
	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_ORGANIZER_PROPERTY)) != NULL) {
		const char *cn = icalproperty_get_parameter_as_string(p, "CN");

		a->organiser = xstrdup(cn ? cn :
		    strip_mailto(icalproperty_get_organizer(p)));
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(ev,
	    ICAL_ATTENDEE_PROPERTY)) {
		a->owners = xrealloc(a->owners, (a->nowners + 1) *
		    sizeof(*a->owners));
		a->owners[a->nowners++] = xstrdup(strip_mailto(
		    icalproperty_get_attendee(p)));
	}
	a->observance = x_prop(ev, "X-KYNIEM-OBSERVANCE");
	a->remind = x_prop(ev, "X-KYNIEM-REMIND");
	status = icalcomponent_get_status(ev);
	a->status = status == ICAL_STATUS_CANCELLED ? ACTIVITY_CANCELLED :
	    status == ICAL_STATUS_CONFIRMED ? ACTIVITY_CONFIRMED :
	    ACTIVITY_PLANNED;
	return 0;
}

struct ics_run {
	struct store *st;
	const char *name;
	long now, *changed, *errors, *rows;
	int failed;
	char **uids;
	size_t nuids;
};

static void
ics_event(struct ics_run *r, icalcomponent *ev, long line)
{
	struct activity a = { 0 };
	char err[256];
	size_t i;
	int changed = 0;

	(*r->rows)++;
	if (from_vevent(ev, &a, err, sizeof(err)) == -1 ||
	    activity_check(r->st, &a, err, sizeof(err)) == -1)
		goto bad;
	for (i = 0; i < r->nuids; i++)
		if (strcmp(r->uids[i], a.uid) == 0) {
			snprintf(err, sizeof(err), "duplicate UID '%s'", a.uid);
			goto bad;
		}
	r->uids = xrealloc(r->uids, (r->nuids + 1) * sizeof(*r->uids));
	r->uids[r->nuids++] = xstrdup(a.uid);
	if (!r->failed) {
		if (activity_put(r->st, &a, r->now, &changed) == -1) {
			snprintf(err, sizeof(err), "database error");
			goto bad;
		}
		*r->changed += changed;
	}
	activity_release(&a);
	return;
bad:
	log_warnx("%s:%ld: %s", r->name, line, err);
	(*r->errors)++;
	r->failed = 1;
	activity_release(&a);
}

int
activity_import_ics(struct store *st, const char *name, const char *data,
    size_t len, long now, long *rows, long *changed, long *errors)
{
	struct ics_run r = { st, name, now, changed, errors, rows, 0, NULL,
	    0 };
	icalcomponent *cal = NULL, *ev;
	char *text = xstrndup(data, len);
	long *lines, errs = *errors, changed0 = *changed;
	size_t nlines, i = 0;
	int ret = -1;

	lines = vevent_lines(data, len, &nlines);
	if (!util_utf8_valid(data, len) || (cal =
	    icalparser_parse_string(text)) == NULL ||
	    icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		log_warnx("%s:1: not an iCalendar file (VCALENDAR)", name);
		(*errors)++;
		goto done;
	}
	if (store_begin(st) == -1)
		goto done;
	for (ev = icalcomponent_get_first_component(cal,
	    ICAL_VEVENT_COMPONENT); ev != NULL; ev =
	    icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), i++)
		ics_event(&r, ev, i < nlines ? lines[i] : 1);
	if (i == 0) {
		log_warnx("%s:1: no VEVENT in the file", name);
		(*errors)++;
	}
	if (*errors > errs) {
		store_rollback(st);
		*changed = changed0;
		log_warnx("%s: %ld error%s; nothing from this file was "
		    "written", name, *errors - errs, *errors - errs == 1 ?
		    "" : "s");
		goto done;
	}
	ret = store_commit(st);
done:
	for (i = 0; i < r.nuids; i++)
		free(r.uids[i]);
	free(r.uids);
	free(lines);
	free(text);
	if (cal != NULL)
		icalcomponent_free(cal);
	return ret;
}

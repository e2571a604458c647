/*
 * iCalendar through libical's API only: libical 3.0 escapes text, ends
 * lines with CRLF and folds them at 75 octets without splitting a UTF-8
 * sequence.  Feeds, reminder attachments and imports all use these
 * functions, so an event kyniem writes is an event it can read back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "activity.h"
#include "ical.h"
#include "log.h"
#include "rules.h"
#include "vntime.h"

icalcomponent *
ical_calendar(const char *prodid, int publish)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid(prodid));
	icalcomponent_add_property(cal, icalproperty_new_calscale(
	    "GREGORIAN"));
	if (publish)
		icalcomponent_add_property(cal, icalproperty_new_method(
		    ICAL_METHOD_PUBLISH));
	return cal;
}

void
ical_add_x(icalcomponent *c, const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(c, p);
}

icalcomponent *
ical_vtimezone(void)
{
	icalcomponent *tz = icalcomponent_new_vtimezone();
	icalcomponent *std = icalcomponent_new_xstandard();
	struct icaltimetype t = icaltime_null_time();

	t.year = 1975, t.month = 6, t.day = 13;
	icalcomponent_add_property(tz, icalproperty_new_tzid(ICAL_TZID));
	ical_add_x(tz, "X-LIC-LOCATION", ICAL_TZID);
	icalcomponent_add_property(std, icalproperty_new_tzoffsetfrom(
	    (int)VNTIME_OFFSET));
	icalcomponent_add_property(std, icalproperty_new_tzoffsetto(
	    (int)VNTIME_OFFSET));
	icalcomponent_add_property(std, icalproperty_new_tzname("+07"));
	icalcomponent_add_property(std, icalproperty_new_dtstart(t));
	icalcomponent_add_component(tz, std);
	return tz;
}

char *
ical_text(icalcomponent *cal)
{
	char *s = icalcomponent_as_ical_string_r(cal);

	if (s == NULL)
		log_warnx("libical cannot write a calendar: %s",
		    icalerror_strerror(icalerrno));
	return s;
}

static struct icaltimetype
utc_value(time_t t)
{
	return icaltime_from_timet_with_zone(t, 0,
	    icaltimezone_get_utc_timezone());
}

static struct icaltimetype
date_value(struct ymd d)
{
	struct icaltimetype t = icaltime_null_date();

	t.year = d.y;
	t.month = d.m;
	t.day = d.d;
	return t;
}

/* A local Asia/Ho_Chi_Minh time; the caller adds the TZID parameter. */
static struct icaltimetype
local_value(struct ymd d, int minutes)
{
	struct icaltimetype t = icaltime_null_time();

	t.year = d.y;
	t.month = d.m;
	t.day = d.d;
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	return t;
}

static void
add_alarm(icalcomponent *ev, int minutes, const char *summary)
{
	struct icaltriggertype tr;
	icalcomponent *al;

	if (minutes < 0)
		return;
	memset(&tr, 0, sizeof(tr));
	tr.time = icaltime_null_time();
	tr.duration = icaldurationtype_from_int(-minutes * 60);
	al = icalcomponent_new_valarm();
	icalcomponent_add_property(al, icalproperty_new_action(
	    ICAL_ACTION_DISPLAY));
	icalcomponent_add_property(al, icalproperty_new_trigger(tr));
	icalcomponent_add_property(al, icalproperty_new_description(summary));
	icalcomponent_add_component(ev, al);
}

/* UID, stamps, SUMMARY, DESCRIPTION, CATEGORIES, URL and ORGANIZER.  DTSTAMP
 * is the caller's (a feed passes the row's change time, so its bytes and
 * ETag stay the same until its data changes). */
static icalcomponent *
new_event(const struct ical_event *e)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	icalproperty *p;
	char *mailto;

	icalcomponent_add_property(ev, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
	    utc_value(e->stamp)));
	icalcomponent_add_property(ev, icalproperty_new_lastmodified(
	    utc_value(e->stamp)));
	icalcomponent_add_property(ev, icalproperty_new_sequence(
	    e->revision > 1 ? (int)(e->revision - 1) : 0));
	icalcomponent_add_property(ev, icalproperty_new_summary(e->summary));
	if (e->description != NULL && *e->description != '\0')
		icalcomponent_add_property(ev, icalproperty_new_description(
		    e->description));
	if (e->categories != NULL && *e->categories != '\0')
		icalcomponent_add_property(ev, icalproperty_new_categories(
		    e->categories));
	if (e->url != NULL && *e->url != '\0')
		icalcomponent_add_property(ev, icalproperty_new_url(e->url));
	if (e->organizer != NULL) {
		mailto = xasprintf("mailto:%s", e->organizer);
		p = icalproperty_new_organizer(mailto);
		if (e->organizer_name != NULL)
			icalproperty_add_parameter(p, icalparameter_new_cn(
			    e->organizer_name));
		icalcomponent_add_property(ev, p);
		free(mailto);
	}
	return ev;
}

icalcomponent *
ical_occurrence_event(const struct occurrence *oc, const struct ical_event *e)
{
	icalcomponent *ev = new_event(e);

	icalcomponent_add_property(ev, icalproperty_new_dtstart(
	    date_value(oc->date)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(date_value(
	    util_ymd_add_days(oc->date, oc->days > 0 ? oc->days : 1))));
	icalcomponent_add_property(ev, icalproperty_new_transp(
	    ICAL_TRANSP_TRANSPARENT));
	add_alarm(ev, e->alarm_minutes, e->summary);
	return ev;
}

static icalproperty *
act_time(int start, const struct activity *a)
{
	struct icaltimetype t;
	icalproperty *p;

	if (a->all_day) {
		t = start ? date_value(a->start) :
		    date_value(util_ymd_add_days(a->end, 1));
		return start ? icalproperty_new_dtstart(t) :
		    icalproperty_new_dtend(t);
	}
	if (start)
		t = local_value(a->start, a->start_min);
	else
		t = local_value(a->end, a->end_min);
	p = start ? icalproperty_new_dtstart(t) : icalproperty_new_dtend(t);
	icalproperty_add_parameter(p, icalparameter_new_tzid(ICAL_TZID));
	return p;
}

static enum icalproperty_status
ical_status(enum activity_status s)
{
	switch (s) {
	case ACTIVITY_PLANNED:
		return ICAL_STATUS_TENTATIVE;
	case ACTIVITY_CANCELLED:
		return ICAL_STATUS_CANCELLED;
	case ACTIVITY_CONFIRMED:
	case ACTIVITY_DONE:
		break;
	}
	return ICAL_STATUS_CONFIRMED;
}

/*
 * What the year-end report needs of an activity, as X-KYNIEM- properties
 * (libical escapes their line breaks and reads them back); STATUS cannot
 * say "done".  The category's words are among CATEGORIES (the caller's),
 * its key only here: a client shows CATEGORIES to people.
 */
static void
add_record(icalcomponent *ev, const struct activity *a)
{
	char n[16];

	if (a->category != NULL)
		ical_add_x(ev, "X-KYNIEM-CATEGORY", a->category);
	if (a->countries != NULL)
		ical_add_x(ev, "X-KYNIEM-COUNTRIES", a->countries);
	if (a->partner != NULL)
		ical_add_x(ev, "X-KYNIEM-PARTNER", a->partner);
	if (a->participants > 0) {
		snprintf(n, sizeof(n), "%d", a->participants);
		ical_add_x(ev, "X-KYNIEM-PARTICIPANTS", n);
	}
	if (a->result != NULL)
		ical_add_x(ev, "X-KYNIEM-RESULT", a->result);
	if (a->status == ACTIVITY_DONE)
		ical_add_x(ev, "X-KYNIEM-STATUS", "done");
	ical_add_x(ev, "X-KYNIEM-PUBLIC", a->public == 1 ? "yes" : "no");
}

icalcomponent *
ical_activity_event(const struct activity *a, const struct ical_event *e)
{
	icalcomponent *ev = new_event(e);

	icalcomponent_add_property(ev, act_time(1, a));
	icalcomponent_add_property(ev, act_time(0, a));
	if (a->location != NULL && a->location[0] != '\0')
		icalcomponent_add_property(ev, icalproperty_new_location(
		    a->location));
	icalcomponent_add_property(ev, icalproperty_new_status(
	    ical_status(a->status)));
	icalcomponent_add_property(ev, icalproperty_new_transp(
	    ICAL_TRANSP_OPAQUE));
	if (!e->public_view)
		add_record(ev, a);
	if (a->status != ACTIVITY_CANCELLED)
		add_alarm(ev, e->alarm_minutes, e->summary);
	return ev;
}

/* Reading. */

void
ical_local(struct icaltimetype t, struct ymd *day, int *min)
{
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
	*day = vntime_day(icaltime_as_timet_with_zone(t, t.zone ? t.zone :
	    icaltimezone_get_utc_timezone()), min);
}

static char *
prop_text(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	icalvalue *v;
	const char *s;

	if (p == NULL)
		return NULL;
	/* The unescaped text value, not its iCalendar form. */
	v = icalproperty_get_value(p);
	s = v ? icalvalue_get_text(v) : NULL;
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

icaltimezone *
ical_zone(icalcomponent *c, const char *tzid)
{
	icaltimezone *tz = NULL;

	/* The order of icalproperty_get_datetime_with_component(). */
	for (; c != NULL && tz == NULL; c = icalcomponent_get_parent(c))
		tz = icalcomponent_get_timezone(c, tzid);
	if (tz == NULL)
		tz = icaltimezone_get_builtin_timezone_from_tzid(tzid);
	if (tz == NULL)
		tz = icaltimezone_get_builtin_timezone(tzid);
	return tz;
}

const char *
ical_unknown_tzid(icalproperty *p, struct icaltimetype t)
{
	icalparameter *tzid;

	if (p == NULL || t.is_date || t.zone != NULL || icaltime_is_utc(t) ||
	    (tzid = icalproperty_get_first_parameter(p,
	    ICAL_TZID_PARAMETER)) == NULL)
		return NULL;
	return icalparameter_get_tzid(tzid);
}

/* The reason ev's DTSTART or DTEND has a TZID of no known zone, or NULL
 * (why is a buffer of whylen bytes). */
static const char *
unknown_zones(icalcomponent *ev, char *why, size_t whylen, int vi)
{
	static const icalproperty_kind kinds[] = { ICAL_DTSTART_PROPERTY,
	    ICAL_DTEND_PROPERTY };
	icalproperty *p;
	const char *tzid;
	size_t i;

	for (i = 0; i < NELEM(kinds); i++) {
		p = icalcomponent_get_first_property(ev, kinds[i]);
		if (p == NULL || (tzid = ical_unknown_tzid(p,
		    icalproperty_get_datetime_with_component(p, ev))) == NULL)
			continue;
		snprintf(why, whylen, VI_EN(vi, "TZID '%.64s' của %s không "
		    "phải VTIMEZONE của tệp cũng không phải múi giờ libical "
		    "biết", "TZID '%.64s' of %s is neither a VTIMEZONE of the "
		    "file nor a time zone libical knows"), tzid,
		    icalproperty_kind_to_string(kinds[i]));
		return why;
	}
	return NULL;
}

/* DTSTART and DTEND into a; NULL, or the reason they are wrong (in why,
 * of whylen bytes, or static). */
static const char *
read_times(icalcomponent *ev, struct activity *a, char *why, size_t whylen,
    int vi)
{
	struct icaltimetype s, e;
	int smin, emin;

	s = icalcomponent_get_dtstart(ev);
	if (icaltime_is_null_time(s) || !icaltime_is_valid_time(s))
		return VI_EN(vi, "sự kiện (VEVENT) thiếu DTSTART hợp lệ",
		    "VEVENT without a valid DTSTART");
	if (unknown_zones(ev, why, whylen, vi) != NULL)
		return why;
	ical_local(s, &a->start, &smin);
	a->all_day = smin < 0;
	a->start_min = smin < 0 ? 0 : smin;
	e = icalcomponent_get_dtend(ev);
	if (icaltime_is_null_time(e)) {
		a->end = a->start;
		a->end_min = a->start_min;
		return NULL;
	}
	ical_local(e, &a->end, &emin);
	if ((emin < 0) != a->all_day)
		return VI_EN(vi, "DTSTART và DTEND phải cùng là ngày hoặc "
		    "cùng là ngày giờ", "DTSTART and DTEND must both be dates "
		    "or both date-times");
	a->end_min = emin < 0 ? 0 : emin;
	/* DTEND of an all-day event is exclusive. */
	if (a->all_day && util_ymd_cmp(a->end, a->start) > 0)
		a->end = util_ymd_add_days(a->end, -1);
	if (util_ymd_cmp(a->end, a->start) < 0 || (util_ymd_cmp(a->end,
	    a->start) == 0 && a->end_min < a->start_min))
		return VI_EN(vi, "DTEND trước DTSTART",
		    "DTEND is before DTSTART");
	return NULL;
}

static void
read_people(icalcomponent *ev, int attendees_are_owners,
    struct activity *a)
{
	icalproperty *p;
	const char *cn;

	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_ORGANIZER_PROPERTY)) != NULL) {
		cn = icalproperty_get_parameter_as_string(p, "CN");
		a->organiser = xstrdup(cn ? cn :
		    strip_mailto(icalproperty_get_organizer(p)));
	}
	if (!attendees_are_owners)
		return;
	for (p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(ev,
	    ICAL_ATTENDEE_PROPERTY))
		activity_add_owner(a, strip_mailto(
		    icalproperty_get_attendee(p)));
}

/* The X-KYNIEM- record properties (add_record()); 0, or -1 with err. */
static int
read_record(icalcomponent *ev, struct activity *a, char *err,
    size_t errlen, int vi)
{
	char *s;
	long n;
	int ret = 0;

	a->category = x_prop(ev, "X-KYNIEM-CATEGORY");
	s = x_prop(ev, "X-KYNIEM-COUNTRIES");
	a->countries = activity_countries_norm(s);
	free(s);
	a->partner = x_prop(ev, "X-KYNIEM-PARTNER");
	a->result = x_prop(ev, "X-KYNIEM-RESULT");
	if ((s = x_prop(ev, "X-KYNIEM-PARTICIPANTS")) != NULL) {
		if (util_parse_int(s, 0, ACTIVITY_PEOPLE_MAX, &n) == -1) {
			snprintf(err, errlen, VI_EN(vi, "X-KYNIEM-PARTICIPANTS "
			    "phải là một số từ 0 đến %d, không phải '%s'",
			    "X-KYNIEM-PARTICIPANTS must be a number from 0 to "
			    "%d, not '%s'"), ACTIVITY_PEOPLE_MAX, s);
			ret = -1;
		} else
			a->participants = (int)n;
		free(s);
	}
	if ((s = x_prop(ev, "X-KYNIEM-STATUS")) != NULL) {
		if (strcmp(s, "done") == 0 && a->status != ACTIVITY_CANCELLED)
			a->status = ACTIVITY_DONE;
		free(s);
	}
	/* Only kyniem's own mark: other calendars write CLASS:PUBLIC on
	 * every event, which says nothing of the union's choice. */
	a->public = -1;
	if ((s = x_prop(ev, "X-KYNIEM-PUBLIC")) != NULL) {
		if ((a->public = activity_public_parse(s)) < 0 && ret == 0) {
			snprintf(err, errlen, VI_EN(vi, "X-KYNIEM-PUBLIC phải "
			    "là yes hoặc no, không phải '%s'", "X-KYNIEM-PUBLIC "
			    "must be yes or no, not '%s'"), s);
			ret = -1;
		}
		free(s);
	}
	return ret;
}

int
ical_read_activity(icalcomponent *ev, int attendees_are_owners,
    struct activity *a, char *err, size_t errlen, int vi)
{
	icalproperty_status status;
	const char *why;
	char whybuf[160];

	if ((a->uid = prop_text(ev, ICAL_UID_PROPERTY)) == NULL)
		return snprintf(err, errlen, "%s", VI_EN(vi, "sự kiện (VEVENT) "
		    "thiếu UID", "VEVENT without a UID")), -1;
	a->title = prop_text(ev, ICAL_SUMMARY_PROPERTY);
	if ((why = read_times(ev, a, whybuf, sizeof(whybuf), vi)) != NULL)
		return snprintf(err, errlen, "%s", why), -1;
	a->location = prop_text(ev, ICAL_LOCATION_PROPERTY);
	a->notes = prop_text(ev, ICAL_DESCRIPTION_PROPERTY);
	read_people(ev, attendees_are_owners, a);
	a->observance = x_prop(ev, "X-KYNIEM-OBSERVANCE");
	a->remind = x_prop(ev, "X-KYNIEM-REMIND");
	status = icalcomponent_get_status(ev);
	a->status = status == ICAL_STATUS_CANCELLED ? ACTIVITY_CANCELLED :
	    status == ICAL_STATUS_CONFIRMED ? ACTIVITY_CONFIRMED :
	    ACTIVITY_PLANNED;
	return read_record(ev, a, err, errlen, vi);
}

/* An instant from an iCalendar time (a floating one in Vietnam's time). */
static time_t
instant(struct icaltimetype t)
{
	struct ymd d;
	int min;

	if (t.zone == NULL && !icaltime_is_utc(t)) {
		ical_local(t, &d, &min);
		return vntime_make(d, min);
	}
	return icaltime_as_timet_with_zone(t, t.zone ? t.zone :
	    icaltimezone_get_utc_timezone());
}

void
ical_instance_times(icalcomponent *ev, struct icaltimetype start,
    struct activity *a)
{
	struct icaltimetype s = icalcomponent_get_dtstart(ev);
	struct icaltimetype e = icalcomponent_get_dtend(ev);
	struct ymd sd, ed;
	long days;
	int min;
	time_t t;

	if (start.is_date) {
		ical_local(start, &a->start, &min);
		ical_local(s, &sd, &min);
		days = 1;
		if (!icaltime_is_null_time(e)) {
			ical_local(e, &ed, &min);
			days = util_days_from_civil(ed.y, ed.m, ed.d) -
			    util_days_from_civil(sd.y, sd.m, sd.d);
		}
		a->all_day = 1;
		a->start_min = a->end_min = 0;
		a->end = util_ymd_add_days(a->start, days > 1 ? days - 1 : 0);
		return;
	}
	/* The same exact duration for every occurrence (RFC 5545 3.8.5.3). */
	t = instant(start);
	a->all_day = 0;
	a->start = vntime_day(t, &a->start_min);
	if (!icaltime_is_null_time(e))
		t += instant(e) - instant(s);
	a->end = vntime_day(t, &a->end_min);
}

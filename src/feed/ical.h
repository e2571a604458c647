/*
 * The iCalendar shapes kyniem writes and reads, built only through
 * libical: the calendar wrapper, Vietnam's VTIMEZONE, the VEVENT of an
 * anniversary and of an activity (feeds and mail attachments write the
 * same ones), and reading a VEVENT back into an activity (imports).
 */
#ifndef KYNIEM_ICAL_H
#define KYNIEM_ICAL_H

#include <stddef.h>
#include <time.h>

#include <libical/ical.h>

#include "util.h"

struct activity;
struct occurrence;

#define ICAL_TZID	"Asia/Ho_Chi_Minh"

/*
 * A new VCALENDAR with VERSION, PRODID, CALSCALE and, when publish is
 * set, METHOD:PUBLISH (whose events must then carry an ORGANIZER, RFC
 * 5546: a calendar without an organizer's address has no METHOD, as a
 * plain subscribed feed needs none).  Free with icalcomponent_free().
 */
icalcomponent *ical_calendar(const char *prodid, int publish);

/* Add an X- property (X-WR-CALNAME) with a text value. */
void ical_add_x(icalcomponent *c, const char *name, const char *value);

/* Vietnam's VTIMEZONE (UTC+7, no daylight saving since 1975). */
icalcomponent *ical_vtimezone(void);

/* Serialise cal (CRLF, folded) into a string the caller frees; NULL
 * (logged) if libical fails. */
char *ical_text(icalcomponent *cal);

/* What an event says besides its dates; every string borrowed. */
struct ical_event {
	const char *uid;
	const char *summary;
	const char *description;	/* NULL: none */
	/* Words a client shows and colours by (Outlook's categories), in
	 * the calendar's language, each its own value: "Quốc khánh,Lào".
	 * NULL: none. */
	const char *categories;
	const char *url;		/* the event's page (URL); NULL: none */
	const char *organizer;		/* email address; NULL: none */
	const char *organizer_name;	/* CN of the organizer, or NULL */
	time_t stamp;			/* DTSTAMP and LAST-MODIFIED */
	long revision;			/* SEQUENCE is revision - 1 */
	int alarm_minutes;		/* VALARM before start; -1: none */
	int public_view;		/* an activity as anyone may see it */
};

/* The all-day VEVENT of an anniversary (TRANSP:TRANSPARENT). */
icalcomponent *ical_occurrence_event(const struct occurrence *oc,
    const struct ical_event *e);

/*
 * The VEVENT of an activity: dates, or local times with TZID (the
 * calendar then needs ical_vtimezone()), LOCATION, STATUS, TRANSP:OPAQUE
 * and the X-KYNIEM- record (what the report needs, whether it is
 * public; its category as a key, e->categories giving the words); no
 * alarm on a cancelled one.  With e->public_view, only what
 * anyone may see of a public activity: no record (and the caller gives
 * no description).
 */
icalcomponent *ical_activity_event(const struct activity *a,
    const struct ical_event *e);

/*
 * Fill a (zeroed) from a VEVENT: UID, SUMMARY, times in Vietnam's local
 * time, LOCATION, DESCRIPTION, ORGANIZER, STATUS and the X-KYNIEM-
 * properties; ATTENDEEs become owners only when attendees_are_owners.
 * Returns 0, or -1 with a reason in err, in Vietnamese when vi.
 */
int ical_read_activity(icalcomponent *ev, int attendees_are_owners,
    struct activity *a, char *err, size_t errlen, int vi);

/*
 * Set a's dates and times to those of the occurrence of ev that starts at
 * start (a date, or a time in its zone): it lasts as long as ev's DTSTART
 * to DTEND.  ev was read by ical_read_activity().
 */
void ical_instance_times(icalcomponent *ev, struct icaltimetype start,
    struct activity *a);

/* The local Vietnam day of t, and its minute after midnight (-1 for a
 * date); a floating time is taken as Vietnam's. */
void ical_local(struct icaltimetype t, struct ymd *day, int *min);

/*
 * The time zone called tzid as libical finds it for a property of c: a
 * VTIMEZONE of c or of the calendars around it, else one libical knows.
 * NULL when there is none.
 */
icaltimezone *ical_zone(icalcomponent *c, const char *tzid);

/*
 * The TZID of p when it names no time zone ical_zone() finds (t, p's
 * value as libical read it, was then left floating), else NULL.
 */
const char *ical_unknown_tzid(icalproperty *p, struct icaltimetype t);

#endif

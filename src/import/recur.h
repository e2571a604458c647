/*
 * The occurrences of a recurring VEVENT (RRULE and RDATE, less EXDATE)
 * that start within a window of Vietnam days, through libical's
 * recurrence iterator, each named by its RECURRENCE-ID; and the
 * RECURRENCE-ID of an occurrence a VEVENT overrides.
 */
#ifndef KYNIEM_RECUR_H
#define KYNIEM_RECUR_H

#include <stddef.h>

#include <libical/ical.h>

#include "util.h"

/* Occurrences of one event in the window, at most: a longer series is
 * refused (it needs an end) rather than flooding the plans. */
#define RECUR_MAX	1000
/*
 * An occurrence's name, "20240105T020000Z" and its NUL: YYYYMMDD for a
 * date, YYYYMMDDTHHMMSSZ (in UTC) for a time in a zone, YYYYMMDDTHHMMSS
 * for a floating time.
 */
#define RECUR_RID_LEN	24

struct recur_instance {
	struct icaltimetype start;	/* in the event's zone, or a date */
	char rid[RECUR_RID_LEN];	/* the name of start */
};

struct recur_set {
	struct recur_instance *v;	/* in time order */
	size_t n;
};

/* 1 if ev recurs: it has an RRULE or an RDATE. */
int recur_has_rule(icalcomponent *ev);

/*
 * The occurrences of ev (whose DTSTART ical_read_activity() accepted)
 * that start on a Vietnam day from from to to, EXDATEs left out, into
 * out (release it).  *steps counts the iterator's steps and may not pass
 * max_steps (a file's budget).  Returns 0, or -1 with the reason the
 * series cannot be expanded faithfully in err: a rule more frequent than
 * daily, one libical cannot read or expand, EXRULE, an RDATE period, a
 * TZID of no known zone, more than RECUR_MAX occurrences; in
 * Vietnamese when vi.
 */
int recur_expand(icalcomponent *ev, struct ymd from, struct ymd to,
    long *steps, long max_steps, struct recur_set *out, char *err,
    size_t errlen, int vi);
void recur_set_release(struct recur_set *s);

/*
 * The name (RECUR_RID_LEN) of ev's RECURRENCE-ID into out.  Returns 0, 1 when ev
 * has none, or -1 with a reason in err (RANGE=THISANDFUTURE, an unknown
 * TZID, a bad value).
 */
int recur_override_rid(icalcomponent *ev, char *out, char *err,
    size_t errlen, int vi);

#endif

/*
 * Expansion with icalrecur_iterator: DTSTART and each RRULE's
 * occurrences, then the RDATEs, less those an EXDATE names (by the same
 * time, or by the date alone when the EXDATE is a date), sorted and
 * without duplicates.  The window is of Vietnam days, like every date
 * kyniem shows; occurrences are named in UTC, so that the name of one
 * does not depend on the zone it was written in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ical.h"
#include "recur.h"

/* The EXDATEs of an event: recur_rid()s, and dates as "D" YYYYMMDD. */
struct excl {
	char (*v)[RECUR_RID_LEN + 1];
	size_t n;
};

static int
rid_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The name of an occurrence that starts at t (recur.h, RECUR_RID_LEN). */
static void
recur_rid(struct icaltimetype t, char *out)
{
	if (t.is_date) {
		snprintf(out, RECUR_RID_LEN, "%04d%02d%02d", t.year, t.month,
		    t.day);
		return;
	}
	if (t.zone != NULL || icaltime_is_utc(t))
		t = icaltime_convert_to_zone(t,
		    icaltimezone_get_utc_timezone());
	snprintf(out, RECUR_RID_LEN, "%04d%02d%02dT%02d%02d%02d%s", t.year,
	    t.month, t.day, t.hour, t.minute, t.second,
	    icaltime_is_utc(t) ? "Z" : "");
}

int
recur_has_rule(icalcomponent *ev)
{
	return icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY) !=
	    NULL || icalcomponent_get_first_property(ev,
	    ICAL_RDATE_PROPERTY) != NULL;
}

static void
excl_add(struct excl *x, const char *rid, int date)
{
	x->v = xrealloc(x->v, (x->n + 1) * sizeof(*x->v));
	snprintf(x->v[x->n++], sizeof(*x->v), "%s%s", date ? "D" : "", rid);
}

/* The EXDATEs of ev into x, sorted; 0 or -1 with err. */
static int
exclusions(icalcomponent *ev, struct excl *x, char *err, size_t errlen,
    int vi)
{
	struct icaltimetype t;
	icalproperty *p;
	const char *tzid;
	char rid[RECUR_RID_LEN];

	for (p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(ev,
	    ICAL_EXDATE_PROPERTY)) {
		t = icalproperty_get_datetime_with_component(p, ev);
		if (icaltime_is_null_time(t))
			continue;	/* libical could not read it */
		if ((tzid = ical_unknown_tzid(p, t)) != NULL) {
			snprintf(err, errlen, VI_EN(vi, "TZID '%.64s' của một "
			    "EXDATE không phải VTIMEZONE của tệp cũng không "
			    "phải múi giờ libical biết", "TZID '%.64s' of an "
			    "EXDATE is neither a VTIMEZONE of the file nor a "
			    "time zone libical knows"), tzid);
			return -1;
		}
		recur_rid(t, rid);
		excl_add(x, rid, t.is_date);
	}
	if (x->n > 1)
		qsort(x->v, x->n, sizeof(*x->v), rid_cmp);
	return 0;
}

/* 1 if an EXDATE names the occurrence at t (rid its name). */
static int
excluded(const struct excl *x, struct icaltimetype t, const char *rid)
{
	char date[RECUR_RID_LEN];

	if (x->n == 0)
		return 0;
	snprintf(date, sizeof(date), "D%04d%02d%02d", t.year, t.month, t.day);
	return bsearch(rid, x->v, x->n, sizeof(*x->v), rid_cmp) != NULL ||
	    bsearch(date, x->v, x->n, sizeof(*x->v), rid_cmp) != NULL;
}

/* The state of one expansion. */
struct run;
static int too_many(struct run *r);

struct run {
	icalcomponent *ev;
	struct ymd from, to;
	struct excl x;
	struct recur_set *out;
	long *steps, max_steps;
	char *err;
	size_t errlen;
	int vi;			/* messages in Vietnamese */
};

/*
 * Add the occurrence at t when it starts in the window and no EXDATE
 * names it.  1 when t starts after the window, 0, or -1 with err (too
 * many occurrences).
 */
static int
add(struct run *r, struct icaltimetype t)
{
	struct recur_instance *in;
	struct ymd day;
	int min;

	ical_local(t, &day, &min);
	if (util_ymd_cmp(day, r->to) > 0)
		return 1;
	if (util_ymd_cmp(day, r->from) < 0)
		return 0;
	r->out->v = xrealloc(r->out->v, (r->out->n + 1) *
	    sizeof(*r->out->v));
	in = &r->out->v[r->out->n];
	in->start = t;
	recur_rid(t, in->rid);
	if (excluded(&r->x, t, in->rid))
		return 0;
	/* Duplicates (an RDATE on an RRULE's day) go after sorting. */
	if (++r->out->n > 2 * RECUR_MAX)
		return too_many(r);
	return 0;
}

/* Say the file's recurrences took more than max_steps to expand. */
static void
too_many_steps(struct run *r, struct icaltimetype dtstart)
{
	if (r->vi)
		snprintf(r->err, r->errlen, "các sự kiện lặp lại của tệp cần "
		    "hơn %ld bước của libical để khai triển (sự kiện này bắt "
		    "đầu %d/%d/%d)", r->max_steps, dtstart.day, dtstart.month,
		    dtstart.year);
	else
		snprintf(r->err, r->errlen, "the file's recurring events take "
		    "more than %ld steps of libical's iterator to expand (this "
		    "one starts on %04d-%02d-%02d)", r->max_steps,
		    dtstart.year, dtstart.month, dtstart.day);
}

/* The occurrences of one RRULE; 0 or -1 with err. */
static int
rrule(struct run *r, icalproperty *p, struct icaltimetype dtstart)
{
	struct icalrecurrencetype rule = icalproperty_get_rrule(p);
	icalrecur_iterator *it;
	struct icaltimetype t;
	char *s;
	int rc = 0;

	if (rule.freq == ICAL_NO_RECURRENCE)
		return snprintf(r->err, r->errlen, VI_EN(r->vi, "libical "
		    "không đọc được RRULE của sự kiện", "libical cannot read "
		    "its RRULE")), -1;
	if (rule.freq < ICAL_DAILY_RECURRENCE)
		return snprintf(r->err, r->errlen, VI_EN(r->vi, "lặp lại "
		    "dày hơn mỗi ngày (FREQ=%s): kyniem lập kế hoạch "
		    "hoạt động, không theo giờ", "it repeats more often than "
		    "daily (FREQ=%s): kyniem plans activities, not hours"),
		    icalrecur_freq_to_string(rule.freq)), -1;
	if ((it = icalrecur_iterator_new(rule, dtstart)) == NULL) {
		s = icalrecurrencetype_as_string_r(&rule);
		snprintf(r->err, r->errlen, VI_EN(r->vi, "libical không "
		    "khai triển được RRULE '%.100s'", "libical cannot expand "
		    "its RRULE '%.100s'"), s ? s : "");
		free(s);
		return -1;
	}
	for (t = icalrecur_iterator_next(it); !icaltime_is_null_time(t) &&
	    rc == 0; t = icalrecur_iterator_next(it)) {
		if (++*r->steps > r->max_steps) {
			too_many_steps(r, dtstart);
			rc = -1;
			break;
		}
		rc = add(r, t);
	}
	icalrecur_iterator_free(it);
	return rc == -1 ? -1 : 0;
}

/* What a time is: a date, or a date and time. */
static const char *
date_kind(int vi, int is_date)
{
	return is_date ? VI_EN(vi, "ngày", "date") :
	    VI_EN(vi, "ngày giờ", "date-time");
}

/* One RDATE: a date or a time; a period is refused.  0 or -1. */
static int
rdate(struct run *r, icalproperty *p, struct icaltimetype dtstart)
{
	struct icaldatetimeperiodtype dp = icalproperty_get_rdate(p);
	struct icaltimetype t = dp.time;
	icalparameter *tz;
	icaltimezone *zone;

	if (icaltime_is_null_time(t))
		return snprintf(r->err, r->errlen, VI_EN(r->vi, "một RDATE "
		    "là một khoảng thời gian hoặc không đọc được: kyniem đọc "
		    "ngày và giờ", "an RDATE is a period or cannot be read: "
		    "kyniem reads dates and times")), -1;
	if (t.is_date != dtstart.is_date)
		return snprintf(r->err, r->errlen, VI_EN(r->vi, "một RDATE "
		    "là %s còn DTSTART là %s", "an RDATE is a %s and DTSTART "
		    "a %s"), date_kind(r->vi, t.is_date),
		    date_kind(r->vi, dtstart.is_date)), -1;
	if (!t.is_date && !icaltime_is_utc(t) && (tz =
	    icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER)) !=
	    NULL) {
		if ((zone = ical_zone(r->ev, icalparameter_get_tzid(tz))) ==
		    NULL)
			return snprintf(r->err, r->errlen, VI_EN(r->vi,
			    "TZID '%.64s' của một RDATE không phải VTIMEZONE "
			    "của tệp cũng không phải múi giờ libical biết",
			    "TZID '%.64s' of an RDATE is neither a VTIMEZONE "
			    "of the file nor a time zone libical knows"),
			    icalparameter_get_tzid(tz)), -1;
		t = icaltime_set_timezone(&t, zone);
	}
	return add(r, t) == -1 ? -1 : 0;
}

/* Time order (Vietnam day and minute), then name. */
static int
instance_cmp(const void *a, const void *b)
{
	const struct recur_instance *x = a, *y = b;
	struct ymd dx, dy;
	int mx, my, c;

	ical_local(x->start, &dx, &mx);
	ical_local(y->start, &dy, &my);
	if ((c = util_ymd_cmp(dx, dy)) != 0)
		return c;
	if (mx != my)
		return mx < my ? -1 : 1;
	return strcmp(x->rid, y->rid);
}

/* Sort the occurrences and drop duplicates; 0 or -1 (too many). */
static int
settle(struct run *r)
{
	struct recur_set *s = r->out;
	size_t i, n = 0;

	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), instance_cmp);
	for (i = 0; i < s->n; i++)
		if (n == 0 || strcmp(s->v[n - 1].rid, s->v[i].rid) != 0)
			s->v[n++] = s->v[i];
	s->n = n;
	return n <= RECUR_MAX ? 0 : too_many(r);
}

/* Say there are more than RECUR_MAX occurrences; -1. */
static int
too_many(struct run *r)
{
	if (r->vi)
		snprintf(r->err, r->errlen, "hơn %d lần lặp từ %d/%d/%d đến "
		    "%d/%d/%d: hãy cho sự kiện một điểm kết thúc (UNTIL hoặc "
		    "COUNT)", RECUR_MAX, r->from.d, r->from.m, r->from.y,
		    r->to.d, r->to.m, r->to.y);
	else
		snprintf(r->err, r->errlen, "more than %d occurrences from "
		    "%04d-%02d-%02d to %04d-%02d-%02d: give it an end (UNTIL "
		    "or COUNT)", RECUR_MAX, r->from.y, r->from.m, r->from.d,
		    r->to.y, r->to.m, r->to.d);
	return -1;
}

int
recur_expand(icalcomponent *ev, struct ymd from, struct ymd to,
    long *steps, long max_steps, struct recur_set *out, char *err,
    size_t errlen, int vi)
{
	struct run r = { .ev = ev, .from = from, .to = to, .out = out,
	    .steps = steps, .max_steps = max_steps, .err = err,
	    .errlen = errlen, .vi = vi };
	struct icaltimetype dtstart = icalcomponent_get_dtstart(ev);
	icalproperty *p;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	if (icalcomponent_get_first_property(ev, ICAL_EXRULE_PROPERTY) !=
	    NULL) {
		snprintf(err, errlen, VI_EN(vi, "không hỗ trợ EXRULE (RFC "
		    "5545 đã bỏ nó)", "EXRULE is not supported (RFC 5545 "
		    "dropped it)"));
		return -1;
	}
	if (exclusions(ev, &r.x, err, errlen, vi) == -1)
		goto done;
	/* DTSTART is the first occurrence, rule or not (RFC 5545 3.8.5.3). */
	if (add(&r, dtstart) == -1)
		goto done;
	for (p = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(ev,
	    ICAL_RRULE_PROPERTY))
		if (rrule(&r, p, dtstart) == -1)
			goto done;
	for (p = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(ev,
	    ICAL_RDATE_PROPERTY))
		if (rdate(&r, p, dtstart) == -1)
			goto done;
	ret = settle(&r);
done:
	free(r.x.v);
	if (ret == -1)
		recur_set_release(out);
	return ret;
}

void
recur_set_release(struct recur_set *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

int
recur_override_rid(icalcomponent *ev, char *out, char *err, size_t errlen,
    int vi)
{
	icalproperty *p = icalcomponent_get_first_property(ev,
	    ICAL_RECURRENCEID_PROPERTY);
	icalparameter *range;
	struct icaltimetype t;
	const char *tzid;

	if (p == NULL)
		return 1;
	range = icalproperty_get_first_parameter(p, ICAL_RANGE_PARAMETER);
	if (range != NULL && icalparameter_get_range(range) ==
	    ICAL_RANGE_THISANDFUTURE)
		return snprintf(err, errlen, VI_EN(vi, "không hỗ trợ "
		    "RECURRENCE-ID;RANGE=THISANDFUTURE (lần này và các lần "
		    "sau)", "RECURRENCE-ID;RANGE=THISANDFUTURE (this and the "
		    "later occurrences) is not supported")), -1;
	t = icalproperty_get_datetime_with_component(p, ev);
	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
		return snprintf(err, errlen, VI_EN(vi, "không đọc được "
		    "RECURRENCE-ID", "RECURRENCE-ID cannot be read")), -1;
	if ((tzid = ical_unknown_tzid(p, t)) != NULL)
		return snprintf(err, errlen, VI_EN(vi, "TZID '%.64s' của "
		    "RECURRENCE-ID không phải VTIMEZONE của tệp cũng không "
		    "phải múi giờ libical biết", "TZID '%.64s' of "
		    "RECURRENCE-ID is neither a VTIMEZONE of the file nor a "
		    "time zone libical knows"), tzid), -1;
	recur_rid(t, out);
	return 0;
}

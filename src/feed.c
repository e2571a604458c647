/*
 * iCalendar feeds: the list of feeds, their selection of occurrences and
 * activities, and their text, built only through libical's API (libical
 * 3.0 escapes text, ends lines with CRLF and folds them at 75 octets
 * without splitting a UTF-8 sequence).  The anniversaries come from rules.c;
 * nothing here reads the clock or the database.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "activity.h"
#include "config.h"
#include "feed.h"
#include "log.h"
#include "lunar.h"
#include "output.h"

#define FEED_TZID	"Asia/Ho_Chi_Minh"
#define FEED_PRODID	"-//kyniem//kyniem anniversaries//VI"
/* The source is cut here in DESCRIPTION: thousands of events repeat it and
 * Google Calendar drops feeds over 1 MB. */
#define SOURCE_MAX	48

/* 1 if the comma list has word (case-insensitive, spaces ignored). */
static int
list_has(const char *list, const char *word)
{
	const char *p = list, *e;
	size_t n, wl = strlen(word);

	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		e = p;
		while (*e != '\0' && *e != ',')
			e++;
		n = (size_t)(e - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == wl && n > 0 && strncasecmp(p, word, n) == 0)
			return 1;
		p = e;
	}
	return 0;
}

static int
tags_match(const struct observance *obs, const char *tags)
{
	const char *p = tags, *e;
	char tag[64];
	size_t n;

	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		for (e = p; *e != '\0' && *e != ','; e++)
			;
		n = (size_t)(e - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n > 0 && n < sizeof(tag)) {
			memcpy(tag, p, n);
			tag[n] = '\0';
			if (rules_has_tag(obs, tag))
				return 1;
		}
		p = e;
	}
	return 0;
}

static int
wanted(const struct config *cfg, const struct config_feed *f,
    const struct occurrence *oc)
{
	const struct observance *obs = oc->obs;

	if (f->kinds != NULL && !list_has(f->kinds, rules_kind_name(obs->kind)))
		return 0;
	if (f->countries != NULL && (obs->country[0] == '\0' ||
	    !list_has(f->countries, obs->country)))
		return 0;
	if (f->tags != NULL && !tags_match(obs, f->tags))
		return 0;
	if (f->milestones != 0 && (!rules_is_milestone(&cfg->rules, oc) ||
	    !(f->milestones & (1u << oc->milestone))))
		return 0;
	return 1;
}

static void
window(const struct feed_ctx *ctx, const struct config_feed *f,
    struct ymd *from, struct ymd *to)
{
	*from = util_ymd_add_days(ctx->today, -(long)f->days_back);
	*to = util_ymd_add_days(ctx->today, f->days_ahead);
}

int
feed_occurrences(const struct feed_ctx *ctx, const struct config_feed *f,
    struct occ_list *out)
{
	struct ymd from, to;
	size_t i, keep = 0;

	memset(out, 0, sizeof(*out));
	if (f->activities)
		return 0;
	window(ctx, f, &from, &to);
	if (rules_occurrences(&ctx->cfg->rules, ctx->obs, ctx->nobs, from, to,
	    out) == -1) {
		log_warnx("feed '%s': a lunar date is outside %d-%d", f->name,
		    LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		occ_list_release(out);
		return -1;
	}
	for (i = 0; i < out->n; i++)
		if (wanted(ctx->cfg, f, &out->v[i]))
			out->v[keep++] = out->v[i];
	out->n = keep;
	return 0;
}


/* Feed definitions. */

static int
obs_country_cmp(const void *a, const void *b)
{
	const struct observance *x = *(const struct observance *const *)a;
	const struct observance *y = *(const struct observance *const *)b;

	return strcmp(x->country, y->country);
}

static void
add_def(struct feed_defs *d, const struct config_feed *conf,
    struct config_feed *own)
{
	d->v = xrealloc(d->v, (d->n + 1) * sizeof(*d->v));
	d->v[d->n].own = own;
	d->v[d->n].conf = own != NULL ? own : conf;
	d->v[d->n].name = xstrdup(d->v[d->n].conf->name);
	d->n++;
}

/* A public feed of one country's dates, named in the config's language
 * after the country's short name. */
static struct config_feed *
country_feed(const struct config *cfg, const struct observance *obs)
{
	struct config_feed *f = xcalloc(1, sizeof(*f));
	const char *cname;

	f->name = xasprintf("country/%s", obs->country);
	f->lang = cfg->lang;
	if (f->lang == LANG_EN) {
		cname = obs->country_en ? obs->country_en : obs->country;
		f->title = xasprintf("Anniversaries: %s", cname);
		f->description = xasprintf("Anniversaries of %s and of its "
		    "relations with Vietnam", cname);
	} else {
		cname = obs->country_vi ? obs->country_vi : obs->country;
		f->title = xasprintf("Kỷ niệm: %s", cname);
		f->description = xasprintf("Các ngày kỷ niệm của %s và của "
		    "quan hệ với Việt Nam", cname);
	}
	f->countries = xstrdup(obs->country);
	f->days_back = 365;
	f->days_ahead = 5 * 365;
	f->alarm_minutes = -1;
	f->builtin = 1;
	return f;
}

void
feed_defs_init(struct feed_defs *out, const struct config *cfg,
    struct observance *const *obs, size_t nobs)
{
	struct observance **seen;
	size_t i, n = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < cfg->nfeeds; i++)
		add_def(out, &cfg->feeds[i], NULL);
	seen = xcalloc(nobs + 1, sizeof(*seen));
	for (i = 0; i < nobs; i++)
		if (obs[i]->country[0] != '\0')
			seen[n++] = obs[i];
	qsort(seen, n, sizeof(*seen), obs_country_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(seen[i]->country, seen[i - 1]->country) == 0)
			continue;
		if (config_feed_find(cfg, seen[i]->country) != NULL)
			continue;
		add_def(out, NULL, country_feed(cfg, seen[i]));
	}
	free(seen);
}

static void
own_release(struct config_feed *f)
{
	free(f->name);
	free(f->title);
	free(f->description);
	free(f->countries);
	free(f);
}

void
feed_defs_release(struct feed_defs *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].name);
		if (d->v[i].own != NULL)
			own_release(d->v[i].own);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

const struct feed_def *
feed_defs_find(const struct feed_defs *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].name, name) == 0)
			return &d->v[i];
	return NULL;
}

/* Rendering. */

static struct icaltimetype
utc_time(time_t t)
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
add_x(icalcomponent *c, const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(c, p);
}

/* Row bookkeeping shared by events: DTSTAMP, LAST-MODIFIED, SEQUENCE.
 * DTSTAMP is the row's change time too, so a feed's bytes (and so its
 * ETag) stay the same until its data changes. */
static void
add_stamps(icalcomponent *ev, time_t modified, long revision)
{
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
	    utc_time(modified)));
	icalcomponent_add_property(ev, icalproperty_new_lastmodified(
	    utc_time(modified)));
	icalcomponent_add_property(ev, icalproperty_new_sequence(
	    revision > 1 ? (int)(revision - 1) : 0));
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

/*
 * The year an occurrence belongs to, for its UID: the anniversary's year
 * when counted, the lunar year for lunar rules (a lunar date can fall twice
 * in one Gregorian year), else the Gregorian year.
 */
static int
anchor_year(const struct feed_ctx *ctx, const struct occurrence *oc)
{
	struct lunar_date ld;

	if (oc->n > 0)
		return oc->obs->rule.base_year + oc->n;
	if (oc->obs->rule.type == RULE_LUNAR && oc->obs->ndates == 0 &&
	    lunar_from_solar(ctx->cfg->rules.lunar, oc->date.y, oc->date.m,
	    oc->date.d, &ld) == 0)
		return ld.year;
	return oc->date.y;
}

static void
put_source(struct buf *b, const char *src)
{
	size_t n = strlen(src);

	if (n <= SOURCE_MAX) {
		buf_puts(b, src);
		return;
	}
	/* Cut at a character boundary and say so. */
	n = SOURCE_MAX;
	while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
		n--;
	buf_add(b, src, n);
	buf_puts(b, "…");
}

/* The number of years and the source; the title already names the
 * country and the dates, and every byte counts thousands of times. */
static void
describe(const struct config *cfg, const struct occurrence *oc,
    enum lang lang, struct buf *b)
{
	const struct observance *obs = oc->obs;
	int en = lang == LANG_EN;

	buf_puts(b, "");
	if (oc->n > 0) {
		buf_printf(b, en ? "%d years" : "%d năm", oc->n);
		if (rules_is_milestone(&cfg->rules, oc))
			buf_printf(b, " (%s)", output_milestone_label(
			    oc->milestone, lang));
		buf_puts(b, ". ");
	}
	if (obs->source != NULL && obs->source[0] != '\0') {
		buf_puts(b, en ? "Source: " : "Nguồn: ");
		put_source(b, obs->source);
	}
}

static icalcomponent *
occurrence_event(const struct feed_ctx *ctx, const struct config_feed *f,
    const struct occurrence *oc)
{
	const struct observance *obs = oc->obs;
	icalcomponent *ev = icalcomponent_new_vevent();
	struct buf b;
	char *summary;

	buf_init(&b);
	buf_printf(&b, "%s-%d@%s", obs->key, anchor_year(ctx, oc),
	    ctx->cfg->domain);
	icalcomponent_add_property(ev, icalproperty_new_uid(b.data));
	add_stamps(ev, obs->modified, obs->revision);
	icalcomponent_add_property(ev, icalproperty_new_dtstart(
	    date_value(oc->date)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(date_value(
	    util_ymd_add_days(oc->date, oc->days > 0 ? oc->days : 1))));
	b.len = 0;
	rules_title(oc, f->lang, &b);
	summary = buf_detach(&b);
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));
	describe(ctx->cfg, oc, f->lang, &b);
	icalcomponent_add_property(ev, icalproperty_new_description(
	    b.data != NULL ? b.data : ""));
	b.len = 0;
	buf_puts(&b, rules_kind_name(obs->kind));
	if (oc->n > 0 && rules_is_milestone(&ctx->cfg->rules, oc))
		buf_printf(&b, ",%s", rules_milestone_name(oc->milestone));
	if (obs->country[0] != '\0')
		buf_printf(&b, ",%s", obs->country);
	icalcomponent_add_property(ev, icalproperty_new_categories(b.data));
	icalcomponent_add_property(ev, icalproperty_new_transp(
	    ICAL_TRANSP_TRANSPARENT));
	add_alarm(ev, f->alarm_minutes, summary);
	free(summary);
	buf_release(&b);
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
	else if (a->end_min >= 0)
		t = local_value(a->end, a->end_min);
	else	/* no end time given: an hour, within the day */
		t = local_value(a->start, a->start_min + 60 < 24 * 60 ?
		    a->start_min + 60 : 24 * 60 - 1);
	p = start ? icalproperty_new_dtstart(t) : icalproperty_new_dtend(t);
	icalproperty_add_parameter(p, icalparameter_new_tzid(FEED_TZID));
	return p;
}

static enum icalproperty_status
activity_ical_status(enum activity_status s)
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

static icalcomponent *
activity_event(const struct feed_ctx *ctx, const struct config_feed *f,
    const struct activity *a)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	int en = f->lang == LANG_EN;
	struct buf b;

	buf_init(&b);
	if (a->uid != NULL && a->uid[0] != '\0')
		buf_puts(&b, a->uid);
	else
		buf_printf(&b, "activity-%ld@%s", a->id, ctx->cfg->domain);
	icalcomponent_add_property(ev, icalproperty_new_uid(b.data));
	add_stamps(ev, a->modified, a->revision);
	icalcomponent_add_property(ev, act_time(1, a));
	icalcomponent_add_property(ev, act_time(0, a));
	icalcomponent_add_property(ev, icalproperty_new_summary(a->title));
	if (a->location != NULL && a->location[0] != '\0')
		icalcomponent_add_property(ev, icalproperty_new_location(
		    a->location));
	b.len = 0;
	buf_puts(&b, "");
	if (a->organiser != NULL && a->organiser[0] != '\0')
		buf_printf(&b, "%s: %s\n", en ? "Organiser" : "Đơn vị tổ chức",
		    a->organiser);
	if (a->observance != NULL && a->observance[0] != '\0')
		buf_printf(&b, "%s: %s\n", en ? "For" : "Dịp", a->observance);
	if (a->notes != NULL && a->notes[0] != '\0')
		buf_printf(&b, "%s\n", a->notes);
	if (b.len > 0)
		b.data[--b.len] = '\0';
	if (b.len > 0)
		icalcomponent_add_property(ev, icalproperty_new_description(
		    b.data));
	icalcomponent_add_property(ev, icalproperty_new_categories(
	    "activity"));
	icalcomponent_add_property(ev, icalproperty_new_status(
	    activity_ical_status(a->status)));
	icalcomponent_add_property(ev, icalproperty_new_transp(
	    ICAL_TRANSP_OPAQUE));
	if (a->status != ACTIVITY_CANCELLED)
		add_alarm(ev, f->alarm_minutes, a->title);
	buf_release(&b);
	return ev;
}

/*
 * Asia/Ho_Chi_Minh has kept UTC+7 since 1975, with no daylight saving; one
 * STANDARD rule describes every time a feed can hold.
 */
static icalcomponent *
vtimezone(void)
{
	icalcomponent *tz = icalcomponent_new_vtimezone();
	icalcomponent *std = icalcomponent_new_xstandard();
	struct icaltimetype t = icaltime_null_time();

	t.year = 1975, t.month = 6, t.day = 13;
	icalcomponent_add_property(tz, icalproperty_new_tzid(FEED_TZID));
	add_x(tz, "X-LIC-LOCATION", FEED_TZID);
	icalcomponent_add_property(std, icalproperty_new_tzoffsetfrom(7 * 3600));
	icalcomponent_add_property(std, icalproperty_new_tzoffsetto(7 * 3600));
	icalcomponent_add_property(std, icalproperty_new_tzname("+07"));
	icalcomponent_add_property(std, icalproperty_new_dtstart(t));
	icalcomponent_add_component(tz, std);
	return tz;
}

static icalcomponent *
calendar(const struct feed_ctx *ctx, const struct config_feed *f)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	struct icaldurationtype ttl;
	const char *title = f->title != NULL ? f->title : f->name;
	const char *desc = f->description != NULL ? f->description : title;
	char *s;

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid(FEED_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_calscale(
	    "GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(
	    ICAL_METHOD_PUBLISH));
	icalcomponent_add_property(cal, icalproperty_new_name(title));
	add_x(cal, "X-WR-CALNAME", title);
	icalcomponent_add_property(cal, icalproperty_new_description(desc));
	add_x(cal, "X-WR-CALDESC", desc);
	ttl = icaldurationtype_from_int(ctx->cfg->refresh_minutes * 60);
	icalcomponent_add_property(cal, icalproperty_new_refreshinterval(ttl));
	s = icaldurationtype_as_ical_string_r(ttl);
	add_x(cal, "X-PUBLISHED-TTL", s);
	free(s);
	add_x(cal, "X-WR-TIMEZONE", FEED_TZID);
	return cal;
}

static time_t
newer(time_t a, time_t b)
{
	return a > b ? a : b;
}

static void
add_activities(const struct feed_ctx *ctx, const struct config_feed *f,
    icalcomponent *cal, struct feed_out *out)
{
	const struct activity *a;
	struct ymd from, to;
	size_t i;
	int timed = 0;

	if (ctx->acts == NULL)
		return;
	window(ctx, f, &from, &to);
	for (i = 0; i < ctx->acts->n; i++) {
		a = &ctx->acts->v[i];
		if (!a->all_day)
			timed = 1;
	}
	if (timed)
		icalcomponent_add_component(cal, vtimezone());
	for (i = 0; i < ctx->acts->n; i++) {
		a = &ctx->acts->v[i];
		if (util_ymd_cmp(a->end, from) < 0 ||
		    util_ymd_cmp(a->start, to) > 0)
			continue;
		icalcomponent_add_component(cal, activity_event(ctx, f, a));
		out->modified = newer(out->modified, a->modified);
		out->nevents++;
	}
}

int
feed_render(const struct feed_ctx *ctx, const struct config_feed *f,
    struct feed_out *out)
{
	struct occ_list occ;
	icalcomponent *cal;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (feed_occurrences(ctx, f, &occ) == -1)
		return -1;
	cal = calendar(ctx, f);
	if (f->activities)
		add_activities(ctx, f, cal, out);
	for (i = 0; i < occ.n; i++) {
		icalcomponent_add_component(cal, occurrence_event(ctx, f,
		    &occ.v[i]));
		out->modified = newer(out->modified, occ.v[i].obs->modified);
	}
	out->nevents += occ.n;
	occ_list_release(&occ);
	out->text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (out->text == NULL) {
		log_warnx("feed '%s': libical cannot write it: %s", f->name,
		    icalerror_strerror(icalerrno));
		return -1;
	}
	out->len = strlen(out->text);
	return 0;
}

void
feed_out_release(struct feed_out *o)
{
	free(o->text);
	memset(o, 0, sizeof(*o));
}

/*
 * Reminders.  Queueing builds each message completely (headers, bodies,
 * the event as text/calendar built with libical) and stores it in the
 * outbox under a key that names the reminder, so a later run never queues
 * it again and a resend is byte for byte the same message.  Sending only
 * reads the outbox.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "cmd.h"
#include "config.h"
#include "log.h"
#include "mail.h"
#include "message.h"
#include "outbox.h"
#include "recipient.h"
#include "remind.h"
#include "rules.h"
#include "store.h"

#define MAX_OFFSETS 16
#define VN_OFFSET (7 * 3600L)

/* One reminder for one person, ready to be built. */
struct mail {
	const char *key, *to, *to_name;
	enum lang lang;
	struct buf subject, text, html;
	char *ics;
};

static void
html_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\n': buf_puts(b, "<br>\n"); break;
		default: buf_putc(b, *s);
		}
	}
}

/* A "label: value" line in both bodies, when value is set. */
static void
line(struct mail *m, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_printf(&m->text, "%s: %s\n", label, value);
	buf_puts(&m->html, "<p><b>");
	html_escape(&m->html, label);
	buf_puts(&m->html, ":</b> ");
	html_escape(&m->html, value);
	buf_puts(&m->html, "</p>\n");
}

static void
para(struct mail *m, const char *text)
{
	buf_printf(&m->text, "%s\n\n", text);
	buf_puts(&m->html, "<p>");
	html_escape(&m->html, text);
	buf_puts(&m->html, "</p>\n");
}

static void
mail_init(struct mail *m, const char *key, const char *to,
    const char *to_name, enum lang lang)
{
	memset(m, 0, sizeof(*m));
	m->key = key;
	m->to = to;
	m->to_name = to_name;
	m->lang = lang;
	buf_init(&m->subject);
	buf_init(&m->text);
	buf_init(&m->html);
	buf_puts(&m->html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
	    "</head><body>\n");
}

static void
mail_release(struct mail *m)
{
	buf_release(&m->subject);
	buf_release(&m->text);
	buf_release(&m->html);
	free(m->ics);
}

static void
footer(struct mail *m, const struct config *cfg)
{
	const char *org = cfg->org_name ? cfg->org_name : "kyniem";

	buf_printf(&m->text, "-- \n%s\n", org);
	buf_puts(&m->html, "<hr><p>");
	html_escape(&m->html, org);
	buf_puts(&m->html, "</p>\n</body></html>\n");
}

/* A VCALENDAR with METHOD:PUBLISH around ev (libical serialises it). */
static char *
calendar(icalcomponent *ev)
{
	icalcomponent *cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
	    icalproperty_new_version("2.0"),
	    icalproperty_new_prodid("-//kyniem//reminder//VI"),
	    icalproperty_new_calscale("GREGORIAN"),
	    icalproperty_new_method(ICAL_METHOD_PUBLISH), (void *)0);
	char *s;

	icalcomponent_add_component(cal, ev);
	s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	return s;
}

static struct icaltimetype
ical_date(struct ymd d)
{
	struct icaltimetype t = icaltime_null_date();

	t.year = d.y;
	t.month = d.m;
	t.day = d.d;
	return t;
}

static struct icaltimetype
ical_utc(time_t t)
{
	return icaltime_from_timet_with_zone(t, 0,
	    icaltimezone_get_utc_timezone());
}

static char *
activity_ics(const struct activity *a, time_t now)
{
	icalcomponent *ev = icalcomponent_new_vevent();

	icalcomponent_add_property(ev, icalproperty_new_uid(a->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(ical_utc(now)));
	if (a->all_day) {
		icalcomponent_add_property(ev, icalproperty_new_dtstart(
		    ical_date(a->start)));
		icalcomponent_add_property(ev, icalproperty_new_dtend(
		    ical_date(util_ymd_add_days(a->end, 1))));
	} else {
		icalcomponent_add_property(ev, icalproperty_new_dtstart(
		    ical_utc(activity_start(a))));
		icalcomponent_add_property(ev, icalproperty_new_dtend(
		    ical_utc(activity_time(a->end, a->end_min))));
	}
	icalcomponent_add_property(ev, icalproperty_new_summary(a->title));
	if (a->location != NULL)
		icalcomponent_add_property(ev,
		    icalproperty_new_location(a->location));
	if (a->notes != NULL)
		icalcomponent_add_property(ev,
		    icalproperty_new_description(a->notes));
	icalcomponent_add_property(ev, icalproperty_new_sequence(
	    (int)(a->revision > 0 ? a->revision - 1 : 0)));
	icalcomponent_add_property(ev, icalproperty_new_status(
	    a->status == ACTIVITY_CONFIRMED ? ICAL_STATUS_CONFIRMED :
	    ICAL_STATUS_TENTATIVE));
	return calendar(ev);
}

static void
when(const struct activity *a, enum lang lang, struct buf *b)
{
	rules_format_date(a->start, lang, b);
	if (!a->all_day)
		buf_printf(b, " %02d:%02d", a->start_min / 60,
		    a->start_min % 60);
}

static void
activity_mail(struct mail *m, const struct config *cfg,
    const struct activity *a, long days_left, time_t now)
{
	int en = m->lang == LANG_EN;
	struct buf w, t;

	buf_init(&w);
	buf_init(&t);
	when(a, m->lang, &w);
	buf_printf(&m->subject, "%s: %s (%s)", en ? "Reminder" :
	    "Nhắc việc", a->title, w.data);
	if (en)
		buf_printf(&t, "\"%s\" takes place on %s (in %ld day%s).",
		    a->title, w.data, days_left, days_left == 1 ? "" : "s");
	else
		buf_printf(&t, "Hoạt động \"%s\" diễn ra vào %s (còn %ld "
		    "ngày).", a->title, w.data, days_left);
	para(m, t.data);
	line(m, en ? "Location" : "Địa điểm", a->location);
	line(m, en ? "Organiser" : "Đơn vị tổ chức", a->organiser);
	line(m, en ? "Status" : "Trạng thái", en ?
	    activity_status_name(a->status) : a->status ==
	    ACTIVITY_CONFIRMED ? "đã xác nhận" : "dự kiến");
	line(m, en ? "Notes" : "Ghi chú", a->notes);
	para(m, en ? "The event is attached: open it to add it to your "
	    "calendar." : "Sự kiện được đính kèm: mở tệp để thêm vào lịch "
	    "của bạn.");
	footer(m, cfg);
	m->ics = activity_ics(a, now);
	buf_release(&w);
	buf_release(&t);
}

static char *
occurrence_ics(const struct config *cfg, const struct occurrence *oc,
    const char *title, time_t now)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	char *uid = xasprintf("%s-%d@%s", oc->obs->key,
	    oc->obs->rule.base_year + oc->n, cfg->domain);

	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(ical_utc(now)));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(
	    ical_date(oc->date)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(
	    util_ymd_add_days(oc->date, oc->days > 0 ? oc->days : 1))));
	icalcomponent_add_property(ev, icalproperty_new_summary(title));
	icalcomponent_add_property(ev, icalproperty_new_transp(
	    ICAL_TRANSP_TRANSPARENT));
	free(uid);
	return calendar(ev);
}

static void
milestone_mail(struct mail *m, const struct config *cfg,
    const struct occurrence *oc, long days_left, time_t now)
{
	int en = m->lang == LANG_EN;
	struct buf title, d, t;

	buf_init(&title);
	buf_init(&d);
	buf_init(&t);
	rules_title(oc, m->lang, &title);
	rules_format_date(oc->date, m->lang, &d);
	buf_printf(&m->subject, "%s: %s", en ? "Coming up" : "Sắp đến",
	    title.data);
	if (en)
		buf_printf(&t, "The %s is on %s, in %ld days; no activity is "
		    "planned yet.", title.data, d.data, days_left);
	else
		buf_printf(&t, "%s vào ngày %s, còn %ld ngày; chưa có hoạt "
		    "động nào được lên kế hoạch.", title.data, d.data,
		    days_left);
	para(m, t.data);
	t.len = 0;
	buf_printf(&t, "kyniem activity add --observance %s --title ... "
	    "--start YYYY-MM-DD", oc->obs->key);
	line(m, en ? "To plan one" : "Để lên kế hoạch", t.data);
	line(m, en ? "Source" : "Nguồn", oc->obs->source);
	footer(m, cfg);
	m->ics = occurrence_ics(cfg, oc, title.data, now);
	buf_release(&title);
	buf_release(&d);
	buf_release(&t);
}

/* Build m and queue it (or print it on a dry run). */
static int
queue(struct app *app, struct mail *m, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	const struct config *cfg = app->cfg;
	struct message msg = { 0 };
	struct buf b;
	const char *err;
	char *id;
	int ret = -1;

	id = message_id(m->key, m->to, cfg->domain);
	msg.from = cfg->smtp_from ? cfg->smtp_from : "kyniem@localhost";
	msg.from_name = cfg->org_name ? cfg->org_name : "kyniem";
	msg.to = m->to;
	msg.to_name = m->to_name;
	msg.subject = m->subject.data;
	msg.message_id = id;
	msg.date = app->now;
	msg.text = m->text.data;
	msg.html = m->html.data;
	msg.ics = m->ics;
	buf_init(&b);
	if (message_build(&msg, &b, &err) == -1) {
		log_warnx("reminder '%s' to '%s' not queued: %s", m->key, m->to,
		    err);
		ret = 0;	/* bad data for one mail does not stop the rest */
		goto done;
	}
	if (dry_run)
		fprintf(out, "would queue %s to %s: %s\n", m->key, m->to,
		    m->subject.data);
	else if (outbox_add(app->store, m->key, m->to, id, m->subject.data,
	    b.data, b.len, (long)app->now) == -1)
		goto done;
	stats->queued++;
	ret = 0;
done:
	buf_release(&b);
	free(id);
	return ret;
}

/* Queue a reminder for one address unless it is already queued. */
static int
queue_one(struct app *app, struct mail *m, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	int rc = outbox_exists(app->store, m->key, m->to);

	if (rc != 0)
		return rc == 1 ? 0 : -1;
	return queue(app, m, dry_run, out, stats);
}

static const char *
lang_of(const struct recipient_list *rl, const char *email, enum lang *lang,
    enum lang dflt)
{
	size_t i;

	*lang = dflt;
	for (i = 0; i < rl->n; i++)
		if (strcasecmp(rl->v[i].email, email) == 0) {
			*lang = rl->v[i].lang;
			return rl->v[i].name;
		}
	return NULL;
}

/* The smallest offset that has come due, or -1 when none has. */
static long
due_offset(const struct app *app, const struct activity *a, time_t start)
{
	time_t day = activity_time(a->start, 0);
	long secs[MAX_OFFSETS], best = -1;
	size_t n, i;

	if (activity_parse_offsets(a->remind ? a->remind :
	    app->cfg->remind_offsets, secs, MAX_OFFSETS, &n) == -1)
		return -1;
	/* Day offsets count from the start's date, so a daily run at 07:00
	 * sends "7d" seven days before a 09:00 meeting; hour offsets count
	 * from the start time.  When several have come due (an activity
	 * added late), only the nearest is sent: the others would say the
	 * same, staler. */
	for (i = 0; i < n; i++)
		if ((secs[i] % 86400 ? start : day) - secs[i] <= app->now &&
		    (best < 0 || secs[i] < best))
			best = secs[i];
	return best;
}

static int
queue_activities(struct app *app, const struct activity_list *al,
    const struct recipient_list *rl, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	const struct activity *a;
	struct mail m;
	enum lang lang;
	const char *name;
	char key[512], start[16];
	time_t t;
	long off;
	size_t i, j;
	int rc;

	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		t = activity_start(a);
		if (a->status == ACTIVITY_CANCELLED || a->status ==
		    ACTIVITY_DONE || t <= app->now ||
		    (off = due_offset(app, a, t)) < 0)
			continue;
		/* The start is in the key: a rescheduled activity is
		 * reminded again. */
		util_format_ymd(a->start, start, sizeof(start));
		snprintf(key, sizeof(key), "activity:%.400s:%sT%02d%02d:%ld%c",
		    a->uid, start, a->start_min / 60, a->start_min % 60,
		    off % 86400 ? off / 3600 : off / 86400,
		    off % 86400 ? 'h' : 'd');
		for (j = 0; j < a->nowners; j++) {
			name = lang_of(rl, a->owners[j], &lang, app->cfg->lang);
			mail_init(&m, key, a->owners[j], name, lang);
			activity_mail(&m, app->cfg, a, (long)((t - app->now +
			    86399) / 86400), app->now);
			rc = queue_one(app, &m, dry_run, out, stats);
			mail_release(&m);
			if (rc == -1)
				return -1;
		}
	}
	return 0;
}

/* 1 if a live activity is linked to the observance near date. */
static int
has_activity(const struct activity_list *al, const char *key,
    struct ymd date)
{
	long d = util_days_from_civil(date.y, date.m, date.d), s;
	size_t i;

	for (i = 0; i < al->n; i++) {
		if (al->v[i].observance == NULL || al->v[i].status ==
		    ACTIVITY_CANCELLED || strcmp(al->v[i].observance, key) != 0)
			continue;
		s = util_days_from_civil(al->v[i].start.y, al->v[i].start.m,
		    al->v[i].start.d);
		if (s >= d - 366 && s <= d + 366)
			return 1;
	}
	return 0;
}

static int
queue_milestones(struct app *app, const struct activity_list *al,
    const struct recipient_list *rl, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	struct obs_set set;
	struct occ_list ol = { 0 };
	const struct occurrence *oc;
	struct mail m;
	char key[256];
	size_t i, j;
	int ret = -1;

	if (rl->n == 0)
		return 0;
	if (store_load(app->store, -1, &set) == -1)
		return -1;
	if (rules_occurrences(&app->cfg->rules, set.v, set.n, app->today,
	    util_ymd_add_days(app->today, app->cfg->milestone_days), &ol) == -1)
		goto done;
	for (i = 0; i < ol.n; i++) {
		oc = &ol.v[i];
		if (oc->n <= 0 || !rules_is_milestone(&app->cfg->rules, oc) ||
		    has_activity(al, oc->obs->key, oc->date))
			continue;
		snprintf(key, sizeof(key), "milestone:%.200s:%d", oc->obs->key,
		    oc->obs->rule.base_year + oc->n);
		for (j = 0; j < rl->n; j++) {
			if (!recipient_follows(&rl->v[j], oc->obs))
				continue;
			mail_init(&m, key, rl->v[j].email, rl->v[j].name,
			    rl->v[j].lang);
			milestone_mail(&m, app->cfg, oc, util_days_from_civil(
			    oc->date.y, oc->date.m, oc->date.d) -
			    util_days_from_civil(app->today.y, app->today.m,
			    app->today.d), app->now);
			if (queue_one(app, &m, dry_run, out, stats) == -1) {
				mail_release(&m);
				goto done;
			}
			mail_release(&m);
		}
	}
	ret = 0;
done:
	occ_list_release(&ol);
	obs_set_release(&set);
	return ret;
}

int
remind_queue(struct app *app, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	struct activity_list al = { 0 };
	struct recipient_list rl = { 0 };
	int ret = -1;

	if (activity_load(app->store, &al) == -1 ||
	    recipient_load(app->store, &rl) == -1)
		goto done;
	/* One transaction: a killed run queues all of this or none. */
	if (!dry_run && store_begin(app->store) == -1)
		goto done;
	if (queue_activities(app, &al, &rl, dry_run, out, stats) == -1 ||
	    queue_milestones(app, &al, &rl, dry_run, out, stats) == -1) {
		if (!dry_run)
			store_rollback(app->store);
		goto done;
	}
	ret = dry_run ? 0 : store_commit(app->store);
done:
	activity_list_release(&al);
	recipient_list_release(&rl);
	return ret;
}

static int
record(struct app *app, const struct outbox_item *it,
    const struct mail_result *res, FILE *out, struct remind_stats *stats)
{
	long now = (long)app->now;

	switch (res->status) {
	case MAIL_SENT:
		fprintf(out, "sent %s to %s\n", it->reminder, it->recipient);
		stats->sent++;
		return outbox_mark_sent(app->store, it->id, now);
	case MAIL_PERMFAIL:
		log_warnx("'%s' to '%s' refused: %s", it->reminder,
		    it->recipient, res->error);
		stats->failed++;
		return outbox_mark_failed(app->store, it->id, now, res->error);
	case MAIL_TEMPFAIL:
		break;
	}
	log_warnx("'%s' to '%s' will be retried: %s", it->reminder,
	    it->recipient, res->error);
	stats->retry++;
	return outbox_mark_retry(app->store, it->id, now, res->error);
}

int
remind_send(struct app *app, const struct mail_backend *be, int dry_run,
    FILE *out, struct remind_stats *stats)
{
	struct outbox_list l;
	struct mail_session *s = NULL;
	struct mail_result res;
	size_t i;
	int ret = -1;

	if (outbox_load(app->store, 1, 0, (long)app->now, &l) == -1)
		return -1;
	if (l.n == 0 || dry_run) {
		for (i = 0; i < l.n; i++)
			fprintf(out, "would send %s to %s\n", l.v[i].reminder,
			    l.v[i].recipient);
		ret = 0;
		goto done;
	}
	if ((s = be->open(app->cfg)) == NULL) {
		stats->waiting += (long)l.n;
		goto done;
	}
	for (i = 0; i < l.n; i++) {
		memset(&res, 0, sizeof(res));
		be->send(s, app->cfg->smtp_from, l.v[i].recipient,
		    l.v[i].message, l.v[i].len, &res);
		if (record(app, &l.v[i], &res, out, stats) == -1)
			goto done;
		/* No reply at all: the server is down or unreachable, and
		 * the rest would fail the same way. */
		if (res.status == MAIL_TEMPFAIL && res.code == 0) {
			stats->waiting += (long)(l.n - i - 1);
			break;
		}
	}
	ret = 0;
done:
	if (s != NULL)
		be->close(s);
	outbox_list_release(&l);
	return ret;
}

/*
 * Reminders.  Queueing builds each message completely (headers, bodies,
 * the event as text/calendar built with libical) and stores it in the
 * outbox under a key that names the reminder, so a later run never queues
 * it again and a resend is byte for byte the same message.  Sending only
 * reads the outbox.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "escape.h"
#include "ical.h"
#include "log.h"
#include "mail.h"
#include "message.h"
#include "outbox.h"
#include "recipient.h"
#include "remind.h"
#include "rules.h"
#include "store.h"
#include "vntime.h"

#define PRODID	"-//kyniem//reminder//VI"
/* Seconds a run waits for another one sending (a batch over a slow relay
 * takes minutes). */
#define REMIND_LOCK_WAIT	900

/* One reminder for one person, ready to be built. */
struct mail {
	const char *key, *to, *to_name;
	enum lang lang;
	struct buf subject, text, html;
	char *ics;
};

/* A "label: value" line in both bodies, when value is set. */
static void
line(struct mail *m, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_printf(&m->text, "%s: %s\n", label, value);
	html_printf(&m->html, "<p><b>%s:</b> %s</p>\n", label, value);
}

static void
para(struct mail *m, const char *text)
{
	buf_printf(&m->text, "%s\n\n", text);
	html_printf(&m->html, "<p>%s</p>\n", text);
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
	html_printf(&m->html, "<hr><p>%s</p>\n</body></html>\n", org);
}

/* A METHOD:PUBLISH calendar around ev (with the VTIMEZONE a timed
 * activity refers to), as text; ev is taken over. */
static char *
calendar(icalcomponent *ev, int timed)
{
	icalcomponent *cal = ical_calendar(PRODID);
	char *s;

	if (timed)
		icalcomponent_add_component(cal, ical_vtimezone());
	icalcomponent_add_component(cal, ev);
	s = ical_text(cal);
	icalcomponent_free(cal);
	return s;
}

static char *
activity_ics(const struct config *cfg, const struct activity *a,
    time_t now)
{
	struct ical_event e;

	memset(&e, 0, sizeof(e));
	e.uid = a->uid;
	e.summary = a->title;
	e.description = a->notes;
	e.stamp = now;
	e.revision = a->revision;
	e.alarm_minutes = -1;
	e.organizer = cfg->smtp_from;
	e.organizer_name = cfg->org_name;
	return calendar(ical_activity_event(a, &e), !a->all_day);
}

static void
when(const struct activity *a, enum lang lang, struct buf *b)
{
	vntime_format_when(a->start, a->all_day ? -1 : a->start_min, lang, b);
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
	m->ics = activity_ics(cfg, a, now);
	buf_release(&w);
	buf_release(&t);
}

static char *
occurrence_ics(const struct config *cfg, const struct occurrence *oc,
    const char *title, time_t now)
{
	struct ical_event e;
	char *uid = xasprintf("%s-%d@%s", oc->obs->key,
	    oc->obs->rule.base_year + oc->n, cfg->domain), *s;

	memset(&e, 0, sizeof(e));
	e.uid = uid;
	e.summary = title;
	e.stamp = now;
	e.revision = oc->obs->revision;
	e.alarm_minutes = -1;
	e.organizer = cfg->smtp_from;
	e.organizer_name = cfg->org_name;
	s = calendar(ical_occurrence_event(oc, &e), 0);
	free(uid);
	return s;
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
	vntime_format_date(oc->date, m->lang, &d);
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
	line(m, en ? "Source" : "Nguồn", oc->obs->source);
	footer(m, cfg);
	m->ics = occurrence_ics(cfg, oc, title.data, now);
	buf_release(&title);
	buf_release(&d);
	buf_release(&t);
}

/* Build m and queue it (or print it on a dry run). */
static int
queue(const struct remind_in *in, struct mail *m, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	const struct config *cfg = in->cfg;
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
	msg.date = in->now;
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
	else if (outbox_add(in->store, m->key, m->to, id, m->subject.data,
	    b.data, b.len, (long)in->now) == -1)
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
queue_one(const struct remind_in *in, struct mail *m, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	int rc = outbox_exists(in->store, m->key, m->to);

	if (rc != 0)
		return rc == 1 ? 0 : -1;
	return queue(in, m, dry_run, out, stats);
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
due_offset(const struct remind_in *in, const struct activity *a,
    time_t start)
{
	time_t day = vntime_make(a->start, -1);
	long own[VNTIME_MAX_OFFSETS], best = -1;
	const long *secs = in->cfg->remind_secs;
	int n = in->cfg->nremind, i;

	if (a->remind != NULL && (n = vntime_parse_offsets(a->remind,
	    own)) > 0)
		secs = own;
	/* Day offsets count from the start's date, so a daily run at 07:00
	 * sends "7d" seven days before a 09:00 meeting; hour offsets count
	 * from the start time.  When several have come due (an activity
	 * added late), only the nearest is sent: the others would say the
	 * same, staler. */
	for (i = 0; i < n; i++)
		if ((secs[i] % 86400 ? start : day) - secs[i] <= in->now &&
		    (best < 0 || secs[i] < best))
			best = secs[i];
	return best;
}

static int
queue_activities(const struct remind_in *in, const struct activity_list *al,
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
		    ACTIVITY_DONE || t <= in->now ||
		    (off = due_offset(in, a, t)) < 0)
			continue;
		/* The start is in the key: a rescheduled activity is
		 * reminded again. */
		util_format_ymd(a->start, start, sizeof(start));
		snprintf(key, sizeof(key), "activity:%.400s:%sT%02d%02d:%ld%c",
		    a->uid, start, a->start_min / 60, a->start_min % 60,
		    off % 86400 ? off / 3600 : off / 86400,
		    off % 86400 ? 'h' : 'd');
		for (j = 0; j < a->nowners; j++) {
			name = lang_of(rl, a->owners[j], &lang, in->cfg->lang);
			mail_init(&m, key, a->owners[j], name, lang);
			activity_mail(&m, in->cfg, a, vntime_days_between(
			    in->today, a->start), in->now);
			rc = queue_one(in, &m, dry_run, out, stats);
			mail_release(&m);
			if (rc == -1)
				return -1;
		}
	}
	return 0;
}

static int
queue_milestones(const struct remind_in *in, const struct dataset *d,
    const struct recipient_list *rl, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	struct occ_list ol = { 0 };
	const struct occurrence *oc;
	struct select_env env;
	struct mail m;
	char key[256];
	size_t i, j;
	int ret = -1;

	if (rl->n == 0)
		return 0;
	dataset_env(d, in->cfg, in->today.y, &env);
	if (rules_occurrences(&in->cfg->rules, in->lunar, d->set.v, d->set.n,
	    in->today, util_ymd_add_days(in->today, in->cfg->milestone_days),
	    &ol) == -1)
		goto done;
	for (i = 0; i < ol.n; i++) {
		oc = &ol.v[i];
		if (oc->n <= 0 || !rules_is_milestone(&in->cfg->rules, oc) ||
		    activity_planned(&d->acts, oc->obs->key, oc->date))
			continue;
		snprintf(key, sizeof(key), "milestone:%.200s:%d", oc->obs->key,
		    oc->obs->rule.base_year + oc->n);
		for (j = 0; j < rl->n; j++) {
			if (select_match(&rl->v[j].sel, &env, oc) < 0)
				continue;
			mail_init(&m, key, rl->v[j].email, rl->v[j].name,
			    rl->v[j].lang);
			milestone_mail(&m, in->cfg, oc, vntime_days_between(
			    in->today, oc->date), in->now);
			if (queue_one(in, &m, dry_run, out, stats) == -1) {
				mail_release(&m);
				goto done;
			}
			mail_release(&m);
		}
	}
	ret = 0;
done:
	occ_list_release(&ol);
	dataset_env_release(&env);
	return ret;
}

int
remind_queue(const struct remind_in *in, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	struct dataset d;
	struct recipient_list rl = { 0 };
	int ret = -1;

	if (dataset_load(in->store, DATASET_ACTIVITIES |
	    DATASET_OWNERS, &d) == -1)
		return -1;
	if (recipient_load(in->store, &rl) == -1)
		goto done;
	/* One transaction: a killed run queues all of this or none. */
	if (!dry_run && store_begin(in->store) == -1)
		goto done;
	if (queue_activities(in, &d.acts, &rl, dry_run, out, stats) == -1 ||
	    queue_milestones(in, &d, &rl, dry_run, out, stats) == -1) {
		if (!dry_run)
			store_rollback(in->store);
		goto done;
	}
	ret = dry_run ? 0 : store_commit(in->store);
done:
	dataset_release(&d);
	recipient_list_release(&rl);
	return ret;
}

static int
record(const struct remind_in *in, const struct outbox_item *it,
    const struct mail_result *res, FILE *out, struct remind_stats *stats)
{
	long now = (long)in->now;

	switch (res->status) {
	case MAIL_SENT:
		fprintf(out, "sent %s to %s\n", it->reminder, it->recipient);
		stats->sent++;
		return outbox_mark_sent(in->store, it->id, now);
	case MAIL_PERMFAIL:
		log_warnx("'%s' to '%s' refused: %s", it->reminder,
		    it->recipient, res->error);
		stats->failed++;
		return outbox_mark_failed(in->store, it->id, now, res->error);
	case MAIL_TEMPFAIL:
		break;
	}
	log_warnx("'%s' to '%s' will be retried: %s", it->reminder,
	    it->recipient, res->error);
	stats->retry++;
	return outbox_mark_retry(in->store, it->id, now, res->error);
}

int
remind_send(const struct remind_in *in, const struct mail_backend *be,
    int dry_run, FILE *out, struct remind_stats *stats)
{
	struct outbox_list l;
	struct mail_session *s = NULL;
	struct mail_result res;
	size_t i;
	int ret = -1, lock = -2;

	/* One sender at a time (the timer's run, a manual one, the web
	 * application's retry): the second waits, then finds nothing due.
	 * A sender that dies releases the lock with its descriptor. */
	if (!dry_run && (lock = store_lock(in->store, "remind",
	    REMIND_LOCK_WAIT)) == -1)
		return -1;
	if (outbox_load(in->store, 1, 0, (long)in->now, &l) == -1) {
		store_unlock(lock);
		return -1;
	}
	if (l.n == 0 || dry_run) {
		for (i = 0; i < l.n; i++)
			fprintf(out, "would send %s to %s\n", l.v[i].reminder,
			    l.v[i].recipient);
		ret = 0;
		goto done;
	}
	if ((s = be->open(in->cfg)) == NULL) {
		stats->waiting += (long)l.n;
		stats->unreachable = 1;
		goto done;
	}
	for (i = 0; i < l.n; i++) {
		memset(&res, 0, sizeof(res));
		be->send(s, in->cfg->smtp_from, l.v[i].recipient,
		    l.v[i].message, l.v[i].len, &res);
		if (record(in, &l.v[i], &res, out, stats) == -1)
			goto done;
		/* No reply at all: the server is down or unreachable, and
		 * the rest would fail the same way. */
		if (res.status == MAIL_TEMPFAIL && res.code == 0) {
			stats->waiting += (long)(l.n - i - 1);
			stats->unreachable = 1;
			break;
		}
	}
	ret = 0;
done:
	if (s != NULL)
		be->close(s);
	outbox_list_release(&l);
	store_unlock(lock);
	return ret;
}

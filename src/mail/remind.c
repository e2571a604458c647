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
#include "doc.h"
#include "letter.h"
#include "log.h"
#include "mail.h"
#include "message.h"
#include "outbox.h"
#include "recipient.h"
#include "remind.h"
#include "remind_mail.h"
#include "rules.h"
#include "store.h"
#include "vntime.h"

/* Congratulation letters are listed this many days before their day. */
#define LETTER_DUE_DAYS	30

/* Seconds a run waits for another one sending (a batch over a slow relay
 * takes minutes). */
#define REMIND_LOCK_WAIT	900

/* Build m and queue it (or print it on a dry run). */
static int
queue(const struct remind_in *in, struct mail *m, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	const struct config *cfg = in->cfg;
	struct message msg = { 0 };
	struct message_file *files;
	struct buf b;
	const char *err;
	char *id;
	size_t i;
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
	msg.ics_name = m->ics_name;
	files = xcalloc(m->nfiles + 1, sizeof(*files));
	for (i = 0; i < m->nfiles; i++) {
		files[i].name = m->files[i].name;
		files[i].type = doc_content_type(DOC_DOCX);
		files[i].data = m->files[i].data;
		files[i].len = m->files[i].len;
	}
	msg.files = files;
	msg.nfiles = m->nfiles;
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
	free(files);
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

/*
 * 1 if owner j of a gets its reminders: one of the first max_owners, and
 * an account's or a recipient's address.  Activities are checked so when
 * written (activity_check()); one stored before that rule, or whose owner
 * has left, mails no one from outside.  0 (logged) or -1.
 */
static int
owner_reachable(const struct remind_in *in, const struct activity *a,
    size_t j)
{
	int rc;

	if (j >= (size_t)in->cfg->act_max_owners) {
		if (j == (size_t)in->cfg->act_max_owners)
			log_warnx("activity %ld has %zu owners: reminders go "
			    "to the first %d ([activities] max_owners)", a->id,
			    a->nowners, in->cfg->act_max_owners);
		return 0;
	}
	if ((rc = activity_owner_allowed(in->store, NULL, a->owners[j])) == 0)
		log_warnx("activity %ld: no reminder to '%s', which is "
		    "neither an account nor a recipient", a->id, a->owners[j]);
	return rc;
}

static int
queue_activities(const struct remind_in *in, const struct dataset *d,
    const struct recipient_list *rl, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	const struct activity_list *al = &d->acts;
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
			if ((rc = owner_reachable(in, a, j)) != 1) {
				if (rc == -1)
					return -1;
				continue;
			}
			name = lang_of(rl, a->owners[j], &lang, in->cfg->lang);
			mail_init(&m, key, a->owners[j], name, lang);
			remind_mail_activity(&m, in->cfg, d, in->lunar, a,
			    vntime_days_between(in->today, a->start), in->now);
			rc = queue_one(in, &m, dry_run, out, stats);
			mail_release(&m);
			if (rc == -1)
				return -1;
		}
	}
	return 0;
}

/* The item a recipient is told about: "milestone:KEY:YEAR". */
static void
item_key(const struct occurrence *oc, char *buf, size_t len)
{
	snprintf(buf, len, "milestone:%.200s:%d", oc->obs->key,
	    oc->obs->rule.base_year + oc->n);
}

/* 1 if recipient was told about item, 0 if not, -1 on error. */
static int
told(struct store *st, const char *recipient, const char *item)
{
	return store_exists(st, "SELECT 1 FROM told WHERE recipient = ?1 "
	    "AND item = ?2", recipient, item);
}

static int
told_add(struct store *st, const char *recipient, const char *item,
    long now)
{
	sqlite3_stmt *stmt = store_prepare(st, "INSERT OR IGNORE INTO told "
	    "(recipient, item, told) VALUES (?1, ?2, ?3)");

	if (stmt != NULL) {
		store_bind_text(stmt, 1, recipient);
		store_bind_text(stmt, 2, item);
		sqlite3_bind_int64(stmt, 3, now);
	}
	return store_step_done(st, stmt);
}

/*
 * The milestones ahead: within milestone_days, counting for their kind,
 * with no activity linked; a row known only to the month while its month
 * lasts (a leader hears of it though its day is not known).
 */
static int
milestones_ahead(const struct remind_in *in, const struct dataset *d,
    struct occ_list *out)
{
	struct ymd end = util_ymd_add_days(in->today, in->cfg->milestone_days);
	const struct occurrence *oc;
	size_t i, keep = 0;

	if (rules_occurrences(&in->cfg->rules, in->lunar, d->set.v, d->set.n,
	    util_ymd_add_days(in->today, -31), end, out) == -1)
		return -1;
	for (i = 0; i < out->n; i++) {
		oc = &out->v[i];
		if (oc->n <= 0 || !rules_is_milestone(&in->cfg->rules, oc) ||
		    util_ymd_cmp(rules_last_day(oc), in->today) < 0 ||
		    activity_planned(&d->acts, oc->obs->key, oc->date))
			continue;
		out->v[keep++] = *oc;
	}
	out->n = keep;
	return 0;
}

/* The item a recipient is told about for a letter: "letter:KEY:YEAR". */
static void
letter_item_key(const struct letter *l, char *buf, size_t len)
{
	snprintf(buf, len, "letter:%.200s:%d", l->key, l->date.y);
}

/*
 * The congratulation letters due: an occasion within LETTER_DUE_DAYS with
 * no letter activity recorded.  A template that cannot be read leaves the
 * letters out (logged), not the milestones; without the union's English
 * name, only the English drafts are left out (logged).
 */
static void
letters_due(const struct remind_in *in, const struct dataset *d,
    struct letter_list *out)
{
	struct letter_input li;

	memset(&li, 0, sizeof(li));
	li.st = in->store;
	li.cfg = in->cfg;
	li.data = d;
	li.lunar = in->lunar;
	li.from = in->today;
	li.to = util_ymd_add_days(in->today, LETTER_DUE_DAYS);
	if (in->cfg->letters_english != NULL && *in->cfg->letters_english !=
	    '\0' && (in->cfg->org_name_en == NULL ||
	    *in->cfg->org_name_en == '\0')) {
		log_warnx("the English drafts are left out of the digests: "
		    "set name_en in [organisation]");
		li.langs = LETTER_VI;
	}
	if (letter_build(&li, out) == -1) {
		log_warnx("the congratulation letters due are left out of the "
		    "digests");
		return;
	}
	letter_list_drop_sent(out, &d->acts, in->cfg->domain);
}

/* Queue r's digest of the items and letters, and remember them as
 * told. */
static int
queue_digest(const struct remind_in *in, const struct recipient *r,
    const struct occurrence *const *items, size_t n,
    const struct letter *const *lets, size_t nl, int dry_run,
    FILE *out, struct remind_stats *stats)
{
	char item[256];
	struct buf key;
	struct mail m;
	size_t i;
	int rc;

	/* One digest per recipient per run, named by the run's minute; a
	 * second run in that minute leaves what is new to the next. */
	buf_init(&key);
	buf_puts(&key, "digest:");
	vntime_format_time(in->now, &key);
	if ((rc = outbox_exists(in->store, key.data, r->email)) != 0) {
		buf_release(&key);
		return rc == 1 ? 0 : -1;
	}
	mail_init(&m, key.data, r->email, r->name, r->lang);
	remind_mail_digest(&m, in->cfg, items, n, lets, nl, in->today,
	    in->now);
	rc = queue(in, &m, dry_run, out, stats);
	mail_release(&m);
	buf_release(&key);
	for (i = 0; rc == 0 && !dry_run && i < n; i++) {
		item_key(items[i], item, sizeof(item));
		rc = told_add(in->store, r->email, item, (long)in->now);
	}
	for (i = 0; rc == 0 && !dry_run && i < nl; i++) {
		letter_item_key(lets[i], item, sizeof(item));
		rc = told_add(in->store, r->email, item, (long)in->now);
	}
	return rc;
}

/*
 * Each recipient's digest: the milestones ahead they follow and have not
 * been told about, in date order, in one message (the first run after a
 * recipient is added sends one, not one per milestone), and the union's
 * congratulation letters due that they were not told about.
 */
static int
queue_digests(const struct remind_in *in, const struct dataset *d,
    const struct recipient_list *rl, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	struct occ_list ol = { 0 };
	struct letter_list ll = { 0 };
	const struct occurrence **items = NULL;
	const struct letter **lets = NULL;
	struct select_env env;
	char item[256];
	size_t i, j, n, nl;
	int ret = -1, rc;

	if (rl->n == 0)
		return 0;
	dataset_env(d, in->cfg, in->today.y, &env);
	if (milestones_ahead(in, d, &ol) == -1)
		goto done;
	letters_due(in, d, &ll);
	items = xcalloc(ol.n + 1, sizeof(*items));
	lets = xcalloc(ll.n + 1, sizeof(*lets));
	for (j = 0; j < rl->n; j++) {
		for (i = nl = 0; i < ll.n; i++) {
			letter_item_key(&ll.v[i], item, sizeof(item));
			if ((rc = told(in->store, rl->v[j].email, item)) == -1)
				goto done;
			if (rc == 0)
				lets[nl++] = &ll.v[i];
		}
		for (i = n = 0; i < ol.n; i++) {
			if (select_match(&rl->v[j].sel, &env, &ol.v[i]) < 0)
				continue;
			item_key(&ol.v[i], item, sizeof(item));
			if ((rc = told(in->store, rl->v[j].email, item)) == -1)
				goto done;
			if (rc == 0)
				items[n++] = &ol.v[i];
		}
		if ((n > 0 || nl > 0) && queue_digest(in, &rl->v[j], items, n,
		    lets, nl, dry_run, out, stats) == -1)
			goto done;
	}
	ret = 0;
done:
	free(items);
	free(lets);
	letter_list_release(&ll);
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
	if (queue_activities(in, &d, &rl, dry_run, out, stats) == -1 ||
	    queue_digests(in, &d, &rl, dry_run, out, stats) == -1) {
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
		if (out != NULL)
			fprintf(out, "sent %s to %s\n", it->reminder,
			    it->recipient);
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

/* What a sending run sends: every row due, or the links only. */
enum batch { BATCH_ALL, BATCH_LINKS };

static int
send_batch(const struct remind_in *in, const struct mail_backend *be,
    enum batch what, int wait, int dry_run, FILE *out,
    struct remind_stats *stats)
{
	struct outbox_list l;
	struct mail_session *s = NULL;
	struct mail_result res;
	size_t i;
	int ret = -1, lock = -2;

	/* One sender at a time (the timer's run, a manual one, the
	 * server's): the second waits, then finds nothing due.  A sender
	 * that dies releases the lock with its descriptor. */
	if (!dry_run && (lock = store_lock(in->store, "remind", wait)) == -1)
		return -1;
	/* A link that expired waiting is worth nothing: failed, wiped. */
	if ((!dry_run && outbox_expire(in->store, (long)in->now) == -1) ||
	    outbox_load(in->store, what == BATCH_LINKS ? OUTBOX_LOAD_SECRETS :
	    OUTBOX_LOAD_DUE, (long)in->now, &l) == -1) {
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

int
remind_send(const struct remind_in *in, const struct mail_backend *be,
    int dry_run, FILE *out, struct remind_stats *stats)
{
	return send_batch(in, be, BATCH_ALL, REMIND_LOCK_WAIT, dry_run, out,
	    stats);
}

int
remind_send_links(const struct remind_in *in, const struct mail_backend *be,
    int wait, FILE *out, struct remind_stats *stats)
{
	return send_batch(in, be, BATCH_LINKS, wait, 0, out, stats);
}

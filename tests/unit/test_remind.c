/*
 * Reminder logic through an in-memory mail backend (the wire is the
 * aiosmtpd tests' business): which reminders come due, the days left
 * counted in Vietnam's calendar days, one digest per recipient with what
 * is new for them in date order, mail without commands but with links to
 * the web application's forms, attachments named after the event with the
 * union as ORGANIZER, exactly once across runs, and what a temporary or
 * permanent refusal does to the outbox.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "activity.h"
#include "config.h"
#include "fixture.h"
#include "lunar.h"
#include "mail.h"
#include "outbox.h"
#include "recipient.h"
#include "remind.h"
#include "store.h"
#include "util.h"
#include "vntime.h"

/* The backend: every message kept; the next answers are scripted. */
static struct {
	char *to[16], *msg[16];
	int n;
	enum mail_status answer;	/* for every send */
	long code;
} box;

static struct mail_session *
mem_open(const struct config *cfg)
{
	(void)cfg;
	return (struct mail_session *)&box;
}

static void
mem_send(struct mail_session *s, const char *from, const char *to,
    const char *msg, size_t len, struct mail_result *res)
{
	(void)s, (void)from;
	ck_assert_int_lt(box.n, 16);
	box.to[box.n] = xstrdup(to);
	box.msg[box.n] = xstrndup(msg, len);
	box.n++;
	res->status = box.answer;
	res->code = box.code;
	snprintf(res->error, sizeof(res->error), "%ld scripted", box.code);
}

static void
mem_close(struct mail_session *s)
{
	(void)s;
}

static const struct mail_backend mem = { "memory", mem_open, mem_send,
	mem_close };

static struct config cfg;
static struct store *st;
static struct lunar_cal *cal;
static char dir[64];

/* Milestones of 2023: Samoa's 30th known to the month (July), Singapore's
 * and Japan's 50th, Georgia's 30th recalled, Finland's 50th in October. */
static void
fixtures(void)
{
	fixture_country(st, "FI", "Finland", "Phần Lan", 1000);
	fixture_country(st, "GE", "Georgia", "Gruzia", 1000);
	fixture_country(st, "JP", "Japan", "Nhật Bản", 1000);
	fixture_country(st, "SG", "Singapore", "Singapore", 1000);
	fixture_country(st, "WS", "Samoa", "Samoa", 1000);
	fixture_relation(st, "FI", "1973-10-20", "confirmed", "test", "",
	    1000);
	fixture_relation(st, "GE", "1993-08-15", "recalled", "",
	    "Ngày ghi theo trí nhớ", 1000);
	fixture_relation(st, "JP", "1973-09-21", "confirmed",
	    "mofa.go.jp test", "", 1000);
	fixture_relation(st, "SG", "1973-08-01", "confirmed", "test", "",
	    1000);
	fixture_relation(st, "WS", "1993-07", "confirmed", "test",
	    "Chỉ biết tháng", 1000);
}

static void
setup(void)
{
	struct activity a = { 0 };
	struct recipient r = { 0 };
	struct field_errs errs;
	char db[96];
	int changed;

	snprintf(dir, sizeof(dir), "/tmp/kyniem-remind-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/k.db", dir);
	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	cfg.smtp_from = xstrdup("kyniem@example.org");
	ck_assert_int_eq(store_open(db, STORE_CREATE, &st), 0);
	cal = lunar_new(LUNAR_HISTORICAL);
	fixtures();
	/* The owner is one of the union's people (issue 21). */
	r.email = (char *)"an@example.org";
	r.name = (char *)"An";
	r.follows = (char *)RECIPIENT_FOLLOWS_NONE;
	ck_assert_int_eq(recipient_put(st, &r, "test", 1000), 0);
	a.uid = xstrdup("volley@example.org");
	a.title = xstrdup("Giao lưu bóng chuyền");
	ck_assert_ptr_null(activity_set_times(&a, "2023-07-08T09:00", NULL));
	a.remind = xstrdup("7d,1d");
	activity_add_owner(&a, "an@example.org");
	field_errs_init(&errs);
	ck_assert_int_eq(activity_check(st, NULL, &a, &errs), 0);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_int_eq(activity_put(st, &a, 1000, &changed), 0);
	activity_release(&a);
	r.email = (char *)"binh@example.org";
	r.name = (char *)"Trần Bình";
	r.follows = (char *)"milestones";
	ck_assert_int_eq(recipient_put(st, &r, "test", 1000), 0);
	memset(&box, 0, sizeof(box));
	box.answer = MAIL_SENT;
	box.code = 250;
}

static void
teardown(void)
{
	char cmd[128];
	int i;

	for (i = 0; i < box.n; i++) {
		free(box.to[i]);
		free(box.msg[i]);
	}
	store_close(st);
	lunar_free(cal);
	config_release(&cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* One run at local time "YYYY-MM-DDTHH:MM"; returns the stats. */
static struct remind_stats
run(const char *when, int dry)
{
	struct remind_stats stats = { 0 };
	struct remind_in in;
	FILE *out = fopen("/dev/null", "w");
	struct ymd d;
	int min;

	ck_assert_int_eq(vntime_parse(when, &d, &min), 0);
	in.cfg = &cfg;
	in.store = st;
	in.lunar = cal;
	in.now = vntime_make(d, min);
	in.today = d;
	ck_assert_int_eq(remind_queue(&in, dry, out, &stats), 0);
	ck_assert_int_eq(remind_send(&in, &mem, dry, out, &stats), 0);
	fclose(out);
	return stats;
}

static int
b64(int c)
{
	const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789+/", *p = strchr(a, c);

	return c != '\0' && p != NULL ? (int)(p - a) : -1;
}

/* The decoded part of type of a message (message.c writes every part
 * base64); static, overwritten by the next call. */
static const char *
part_of(const char *msg, const char *type)
{
	static char out[16384];
	const char *p = strstr(msg, type);
	unsigned acc = 0;
	size_t n = 0;
	int bits = 0, v;

	ck_assert_ptr_nonnull(p);
	p = strstr(p, "\r\n\r\n");
	ck_assert_ptr_nonnull(p);
	for (p += 4; *p != '\0' && *p != '-' && n < sizeof(out) - 1; p++) {
		if ((v = b64((unsigned char)*p)) < 0)
			continue;
		acc = acc << 6 | (unsigned)v;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[n++] = (char)(acc >> bits & 0xff);
		}
	}
	out[n] = '\0';
	return out;
}

static const char *
text_part(const char *msg)
{
	return part_of(msg, "Content-Type: text/plain");
}

/* The message sent to to, undecoded. */
static const char *
raw_to(const char *to)
{
	int i;

	for (i = 0; i < box.n; i++)
		if (strcmp(box.to[i], to) == 0)
			return box.msg[i];
	return NULL;
}

static const char *
sent_to(const char *to)
{
	int i;

	for (i = 0; i < box.n; i++)
		if (strcmp(box.to[i], to) == 0)
			return text_part(box.msg[i]);
	return NULL;
}

/* Regression: the 7-day reminder of a 09:00 activity said "còn 8 ngày"
 * and the 1-day one "còn 2 ngày". */
START_TEST(days_left)
{
	struct remind_stats s = run("2023-07-01T07:00", 0);
	const char *m;

	ck_assert_int_eq(s.sent, 2);	/* an's 7d and binh's digest */
	ck_assert_ptr_nonnull(m = sent_to("an@example.org"));
	ck_assert_msg(strstr(m, "(còn 7 ngày)") != NULL, "%s", m);
	s = run("2023-07-07T07:00", 0);
	ck_assert_int_eq(s.sent, 1);
	m = text_part(box.msg[box.n - 1]);
	ck_assert_msg(strstr(m, "(còn 1 ngày)") != NULL, "%s", m);
}
END_TEST

/* Mail says what is coming; it never carries a command line. */
START_TEST(milestone_without_command)
{
	const char *m;

	run("2023-07-01T07:00", 0);
	ck_assert_ptr_nonnull(m = sent_to("binh@example.org"));
	ck_assert_ptr_nonnull(strstr(m, "Kỷ niệm 50 năm thiết lập quan hệ "
	    "ngoại giao Việt Nam – Nhật Bản"));
	ck_assert_ptr_nonnull(strstr(m, "còn 82 ngày"));
	ck_assert_ptr_null(strstr(m, "kyniem activity"));
	ck_assert_ptr_null(strstr(m, "--observance"));
}
END_TEST

START_TEST(exactly_once)
{
	struct remind_stats s;

	s = run("2023-07-01T07:00", 0);
	ck_assert_int_eq(s.queued, 2);
	ck_assert_int_eq(box.n, 2);
	s = run("2023-07-01T07:05", 0);
	ck_assert_int_eq(s.queued, 0);
	ck_assert_int_eq(s.sent, 0);
	ck_assert_int_eq(box.n, 2);
}
END_TEST

START_TEST(dry_run_sends_nothing)
{
	struct remind_stats s = run("2023-07-01T07:00", 1);
	struct outbox_list l;

	ck_assert_int_eq(s.queued, 2);
	ck_assert_int_eq(box.n, 0);
	ck_assert_int_eq(outbox_load(st, OUTBOX_LOAD_ALL, 0, &l), 0);
	ck_assert_uint_eq(l.n, 0);
	outbox_list_release(&l);
}
END_TEST

START_TEST(refusals)
{
	struct remind_stats s;
	struct outbox_list l;

	box.answer = MAIL_TEMPFAIL;
	box.code = 451;
	s = run("2023-07-01T07:00", 0);
	ck_assert_int_eq(s.retry, 2);
	ck_assert_int_eq(outbox_load(st, OUTBOX_LOAD_ALL, 0, &l), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.v[0].state, OUTBOX_PENDING);
	ck_assert_int_eq(l.v[0].attempts, 1);
	outbox_list_release(&l);
	/* Not again before the backoff; then a 550 is final. */
	s = run("2023-07-01T07:01", 0);
	ck_assert_int_eq(s.retry + s.sent + s.failed, 0);
	box.answer = MAIL_PERMFAIL;
	box.code = 550;
	s = run("2023-07-01T08:00", 0);
	ck_assert_int_eq(s.failed, 2);
	ck_assert_int_eq(outbox_load(st, OUTBOX_LOAD_FAILED, 0, &l), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_ptr_nonnull(strstr(l.v[0].last_error, "550"));
	outbox_list_release(&l);
	s = run("2023-07-02T08:00", 0);
	ck_assert_int_eq(s.retry + s.sent + s.failed, 0);
}
END_TEST

/* The first run after a recipient is added: one digest, not one mail per
 * milestone, in date order, d/m/yyyy, the month where the day is not
 * known, the unverified marker and the notes. */
START_TEST(digest_one_message)
{
	const char *m, *ws, *sg, *ge, *jp;

	run("2023-07-01T07:00", 0);
	ck_assert_int_eq(box.n, 2);
	ck_assert_ptr_nonnull(m = sent_to("binh@example.org"));
	ck_assert_ptr_nonnull(ws = strstr(m, "- 7/2023 (chưa rõ ngày): Kỷ niệm "
	    "30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (7/1993 – "
	    "7/2023) [năm tròn]\n  Ghi chú: Chỉ biết tháng\n"));
	ck_assert_ptr_nonnull(sg = strstr(m, "- 1/8/2023 (còn 31 ngày): Kỷ "
	    "niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Singapore "
	    "(1/8/1973 – 1/8/2023) [đại lễ]\n"));
	ck_assert_ptr_nonnull(ge = strstr(m, "- 15/8/2023 (còn 45 ngày): Kỷ "
	    "niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Gruzia "
	    "(15/8/1993 – 15/8/2023) (chưa xác minh) [năm tròn]\n  Ghi chú: "
	    "Ngày ghi theo trí nhớ\n"));
	ck_assert_ptr_nonnull(jp = strstr(m, "- 21/9/2023 (còn 82 ngày): "));
	ck_assert(ws < sg && sg < ge && ge < jp);
	ck_assert_ptr_null(strstr(m, "Phần Lan"));	/* beyond 90 days */
	ck_assert_ptr_nonnull(strstr(raw_to("binh@example.org"),
	    "Subject: =?UTF-8?B?"));
}
END_TEST

/* Later runs send only what is new for the recipient. */
START_TEST(digest_only_new)
{
	const char *m;

	run("2023-07-01T07:00", 0);
	ck_assert_int_eq(box.n, 2);
	run("2023-07-02T07:00", 0);		/* an's 7d was sent */
	ck_assert_int_eq(box.n, 2);
	run("2023-07-25T07:00", 0);		/* Finland enters the 90 days */
	ck_assert_int_eq(box.n, 3);
	ck_assert_str_eq(box.to[2], "binh@example.org");
	m = text_part(box.msg[2]);
	ck_assert_ptr_nonnull(strstr(m, "- 20/10/2023 (còn 87 ngày): Kỷ niệm 50 "
	    "năm thiết lập quan hệ ngoại giao Việt Nam – Phần Lan"));
	ck_assert_ptr_null(strstr(m, "Nhật Bản"));
	ck_assert_ptr_nonnull(strstr(box.msg[2], "Subject: =?UTF-8?B?"));
}
END_TEST

/* Links to the web application's forms when base_url is set, never a
 * command; without it, no link either. */
START_TEST(links_not_commands)
{
	const char *m;

	free(cfg.base_url);
	cfg.base_url = xstrdup("https://kyniem.example/");
	run("2023-07-01T07:00", 0);
	ck_assert_ptr_nonnull(m = sent_to("binh@example.org"));
	ck_assert_ptr_nonnull(strstr(m, "Lên kế hoạch hoạt động: https://"
	    "kyniem.example/app/activities/new?observance=relation%3AJP\n"));
	ck_assert_ptr_null(strstr(m, "kyniem "));
	ck_assert_ptr_nonnull(m = sent_to("an@example.org"));
	ck_assert_ptr_nonnull(strstr(m, "Xem hoạt động: https://kyniem.example/"
	    "app/activities/1\n"));
	ck_assert_ptr_null(strstr(m, "kyniem "));
}
END_TEST

/* The attachment is named after the event (ASCII and RFC 2231 UTF-8) and
 * carries the union as ORGANIZER; a digest's after what it holds. */
START_TEST(attachment_named)
{
	const char *raw, *ics;

	free(cfg.organizer);
	cfg.organizer = xstrdup("lhhn@example.org");
	run("2023-07-01T07:00", 0);
	ck_assert_ptr_nonnull(raw = raw_to("an@example.org"));
	ck_assert_ptr_nonnull(strstr(raw, "name=\"Giao-luu-bong-chuyen.ics\""));
	ck_assert_ptr_nonnull(strstr(raw, "attachment;\r\n filename*0*=UTF-8''"
	    "Giao%20l%C6%B0u%20b%C3%B3ng%20chuy%E1%BB%81n.ics;\r\n "
	    "filename=\"Giao-luu-bong-chuyen.ics\"\r\n"));
	ck_assert_ptr_null(strstr(raw, "event.ics"));
	ics = part_of(raw, "Content-Type: text/calendar");
	ck_assert_ptr_nonnull(strstr(ics, "METHOD:PUBLISH"));
	ck_assert_ptr_nonnull(strstr(ics, "ORGANIZER:mailto:lhhn@example.org"));
	ck_assert_ptr_nonnull(raw = raw_to("binh@example.org"));
	ck_assert_ptr_nonnull(strstr(raw, "filename=\"Cac-ngay-ky-niem-sap-"
	    "den.ics\""));
	ics = part_of(raw, "Content-Type: text/calendar");
	ck_assert_ptr_nonnull(strstr(ics, "UID:relation:JP-2023@"));
	ck_assert_ptr_nonnull(strstr(ics, "UID:relation:SG-2023@"));
	ck_assert_ptr_null(strstr(ics, "relation:WS"));	/* no day */
	ck_assert_ptr_nonnull(strstr(ics, "ORGANIZER:mailto:lhhn@example.org"));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("remind");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, days_left);
	tcase_add_test(tc, milestone_without_command);
	tcase_add_test(tc, exactly_once);
	tcase_add_test(tc, dry_run_sends_nothing);
	tcase_add_test(tc, refusals);
	tcase_add_test(tc, digest_one_message);
	tcase_add_test(tc, digest_only_new);
	tcase_add_test(tc, links_not_commands);
	tcase_add_test(tc, attachment_named);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

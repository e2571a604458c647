/*
 * Reminder logic through an in-memory mail backend (the wire is the
 * aiosmtpd tests' business): which reminders come due, the days left
 * counted in Vietnam's calendar days, milestone mail without commands,
 * exactly once across runs, and what a temporary or permanent refusal
 * does to the outbox.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "activity.h"
#include "config.h"
#include "import.h"
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

static const char countries[] =
    "code,name_en,name_vi,formal_en,formal_vi,source\n"
    "JP,Japan,Nhật Bản,,,test\n";
static const char relations[] =
    "country,date,confidence,source,note\n"
    "JP,1973-09-21,confirmed,test,\n";

static void
setup(void)
{
	struct import_stats s = { 0 };
	struct activity a = { 0 };
	struct recipient r = { 0 };
	char db[96], err[128];
	int changed;

	snprintf(dir, sizeof(dir), "/tmp/kyniem-remind-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/k.db", dir);
	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	cfg.smtp_from = xstrdup("kyniem@example.org");
	ck_assert_int_eq(store_open(db, STORE_CREATE, &st), 0);
	cal = lunar_new(LUNAR_HISTORICAL);
	ck_assert_int_eq(import_data(st, cal, "c.csv", countries,
	    strlen(countries), 1000, &s), 0);
	ck_assert_int_eq(import_data(st, cal, "r.csv", relations,
	    strlen(relations), 1000, &s), 0);
	a.uid = xstrdup("volley@example.org");
	a.title = xstrdup("Giao lưu bóng chuyền");
	ck_assert_ptr_null(activity_set_times(&a, "2023-07-08T09:00", NULL));
	a.remind = xstrdup("7d,1d");
	activity_add_owner(&a, "an@example.org");
	ck_assert_int_eq(activity_check(st, &a, err, sizeof(err)), 0);
	ck_assert_int_eq(activity_put(st, &a, 1000, &changed), 0);
	activity_release(&a);
	r.email = (char *)"binh@example.org";
	r.name = (char *)"Trần Bình";
	r.follows = (char *)"country:JP";
	ck_assert_int_eq(recipient_put(st, &r, 1000), 0);
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

/* The decoded text/plain part of a message (message.c writes every part
 * base64); static, overwritten by the next call. */
static const char *
text_part(const char *msg)
{
	static char out[8192];
	const char *p = strstr(msg, "Content-Type: text/plain");
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

	ck_assert_int_eq(s.sent, 2);	/* an's 7d and binh's milestone */
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
	ck_assert_int_eq(outbox_load(st, 0, 0, 0, &l), 0);
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
	ck_assert_int_eq(outbox_load(st, 0, 0, 0, &l), 0);
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
	ck_assert_int_eq(outbox_load(st, 0, 1, 0, &l), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_ptr_nonnull(strstr(l.v[0].last_error, "550"));
	outbox_list_release(&l);
	s = run("2023-07-02T08:00", 0);
	ck_assert_int_eq(s.retry + s.sent + s.failed, 0);
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
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * Backups: which copies retention keeps (pinned instants in Vietnam
 * time, days, Monday weeks and months counted in UTC+7), and the file
 * format: a database image goes through and comes back the same, plain
 * or encrypted; a wrong key, a flipped byte, a cut file, a newer format
 * and a stranger's file are refused with their reason.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "backup_int.h"
#include "util.h"
#include "vntime.h"

#define MAXB	16

/* Instants as "YYYY-MM-DDTHH:MM" in Vietnam. */
static time_t
at(const char *s)
{
	struct ymd d;
	int min;

	ck_assert_int_eq(vntime_parse(s, &d, &min), 0);
	return vntime_make(d, min);
}

static const struct {
	const char *what;
	const char *made[MAXB];		/* newest first */
	struct backup_keep keep;
	const char *kept[MAXB];		/* newest first */
} cases[] = {
	{ "the newest of each day",
	  { "2025-03-02T23:00", "2025-03-02T02:30", "2025-03-01T12:00",
	    "2025-03-01T02:30" }, { 7, 0, 0 },
	  { "2025-03-02T23:00", "2025-03-01T12:00" } },
	/* 00:30 and 23:30 in Vietnam are the same day in UTC (17:30 and
	 * 16:30 of 1 March): two days, two copies. */
	{ "days are Vietnam's",
	  { "2025-03-02T00:30", "2025-03-01T23:30" }, { 7, 0, 0 },
	  { "2025-03-02T00:30", "2025-03-01T23:30" } },
	{ "days with a backup count, not calendar days",
	  { "2025-03-01T02:30", "2025-02-01T02:30", "2025-01-15T02:30",
	    "2025-01-01T02:30" }, { 3, 0, 0 },
	  { "2025-03-01T02:30", "2025-02-01T02:30", "2025-01-15T02:30" } },
	/* 2 March 2025 is a Sunday, 3 March a Monday. */
	{ "weeks run Monday to Sunday",
	  { "2025-03-03T02:30", "2025-03-02T02:30", "2025-03-01T02:30",
	    "2025-02-24T02:30", "2025-02-23T02:30" }, { 1, 3, 0 },
	  { "2025-03-03T02:30", "2025-03-02T02:30", "2025-02-23T02:30" } },
	{ "months",
	  { "2025-03-01T02:30", "2025-02-28T02:30", "2025-02-01T02:30",
	    "2025-01-31T23:59", "2024-12-31T02:30" }, { 1, 0, 2 },
	  { "2025-03-01T02:30", "2025-02-28T02:30" } },
	{ "a rule keeps a copy another would drop",
	  { "2025-03-10T02:30", "2025-03-09T02:30", "2025-02-15T02:30",
	    "2025-01-20T02:30" }, { 1, 0, 3 },
	  { "2025-03-10T02:30", "2025-02-15T02:30", "2025-01-20T02:30" } },
	{ "one daily alone keeps the newest",
	  { "2025-03-10T02:30", "2025-03-10T01:00", "2025-03-09T02:30" },
	  { 1, 0, 0 }, { "2025-03-10T02:30" } },
};

START_TEST(retain)
{
	struct backup_info v[MAXB];
	struct backup_list l = { v, 0 };
	int keep[MAXB];
	size_t i, k = 0;

	memset(v, 0, sizeof(v));
	for (i = 0; cases[_i].made[i] != NULL; i++)
		v[l.n++].created = at(cases[_i].made[i]);
	backup_retain(&l, &cases[_i].keep, keep);
	for (i = 0; i < l.n; i++) {
		if (!keep[i])
			continue;
		ck_assert_msg(cases[_i].kept[k] != NULL, "%s: %s kept",
		    cases[_i].what, cases[_i].made[i]);
		ck_assert_msg(v[i].created == at(cases[_i].kept[k]),
		    "%s: %s kept, not %s", cases[_i].what, cases[_i].made[i],
		    cases[_i].kept[k]);
		k++;
	}
	ck_assert_msg(cases[_i].kept[k] == NULL, "%s: %s not kept",
	    cases[_i].what, cases[_i].kept[k]);
}
END_TEST

/* A daily backup at 02:30 from 1 January 2024 to Monday 31 March 2025,
 * then 7 daily, 4 weekly, 12 monthly: 20 copies. */
START_TEST(retain_year)
{
	static const char *const kept[] = {
		"2025-03-31", "2025-03-30", "2025-03-29", "2025-03-28",
		"2025-03-27", "2025-03-26", "2025-03-25",	/* daily */
		"2025-03-23", "2025-03-16",			/* weekly */
		"2025-02-28", "2025-01-31", "2024-12-31", "2024-11-30",
		"2024-10-31", "2024-09-30", "2024-08-31", "2024-07-31",
		"2024-06-30", "2024-05-31", "2024-04-30",	/* monthly */
	};
	struct backup_keep k = { 7, 4, 12 };
	struct ymd d = { 2025, 3, 31 }, first = { 2024, 1, 1 };
	struct backup_list l;
	char day[11];
	int *keep;
	size_t i, n = 0, j;

	l.n = (size_t)vntime_days_between(first, d) + 1;
	l.v = calloc(l.n, sizeof(*l.v));
	keep = calloc(l.n, sizeof(*keep));
	for (i = 0; i < l.n; i++)
		l.v[i].created = vntime_make(util_ymd_add_days(d, -(long)i),
		    150);
	backup_retain(&l, &k, keep);
	for (i = 0; i < l.n; i++) {
		if (!keep[i])
			continue;
		util_format_ymd(vntime_day(l.v[i].created, NULL), day,
		    sizeof(day));
		for (j = 0; j < NELEM(kept) && strcmp(kept[j], day) != 0; j++)
			;
		ck_assert_msg(j < NELEM(kept), "%s kept", day);
		n++;
	}
	ck_assert_int_eq(n, NELEM(kept));
	free(l.v);
	free(keep);
}
END_TEST

static char dir[] = "/tmp/kyniem-test-backup.XXXXXX";
static char key1[64], key2[64];

static void
key_file(char *path, size_t size, const char *name, const char *text)
{
	FILE *f;

	snprintf(path, size, "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static void
setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	key_file(key1, sizeof(key1), "key1",
	    "dGhpcyBpcyB0aGUgZmlyc3Qga2V5Cg==\n");
	key_file(key2, sizeof(key2), "key2", "dGhpcyBpcyBhbm90aGVyIGtleQo=\n");
}

static void
teardown(void)
{
	unlink(key1);
	unlink(key2);
	rmdir(dir);
}

/* A database of a few thousand rows as an image (sqlite3_free it). */
static unsigned char *
image(size_t *len)
{
	sqlite3 *db;
	sqlite3_int64 n;
	unsigned char *img;

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA user_version = 7;"
	    "CREATE TABLE t (a, b);"
	    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
	    "WHERE i < 5000) INSERT INTO t SELECT i, 'Giao lưu ' || i || "
	    "hex(randomblob(8)) FROM c", NULL, NULL, NULL), SQLITE_OK);
	img = sqlite3_serialize(db, "main", &n, 0);
	ck_assert_ptr_nonnull(img);
	sqlite3_close(db);
	*len = (size_t)n;
	return img;
}

/* encode then decode; the decoded image must be the same bytes. */
static void
round_trip(const char *key)
{
	unsigned char *img, *back = NULL;
	struct bk_header h;
	struct buf b;
	const char *why;
	size_t len, blen = 0;

	img = image(&len);
	buf_init(&b);
	ck_assert_int_eq(bk_encode(img, len, 7, at("2025-03-01T02:30"), key,
	    &b), 0);
	ck_assert_int_lt(b.len, len / 2);	/* compressed */
	ck_assert_int_eq(bk_header_parse((unsigned char *)b.data, b.len, &h,
	    &why), 0);
	ck_assert_int_eq(h.schema, 7);
	ck_assert_int_eq(h.created, at("2025-03-01T02:30"));
	ck_assert_int_eq(h.db_size, len);
	ck_assert_int_eq(h.payload_size, b.len - BK_HEADER);
	ck_assert_int_eq(!!(h.flags & BK_ENCRYPTED), key != NULL);
	ck_assert_int_eq(bk_decode("x.kyb", (unsigned char *)b.data, b.len,
	    key, &back, &blen), 0);
	ck_assert_int_eq(blen, len);
	ck_assert(memcmp(back, img, len) == 0);
	sqlite3_free(back);
	sqlite3_free(img);
	buf_release(&b);
}

START_TEST(plain_round_trip)
{
	round_trip(NULL);
}
END_TEST

START_TEST(encrypted_round_trip)
{
	round_trip(key1);
}
END_TEST

/* What decoding a spoilt backup must refuse. */
enum spoil { WRONG_KEY, NO_KEY, FLIP_PAYLOAD, FLIP_HEADER, CUT, EXTRA,
    FORMAT2, STRANGER };

static const struct {
	enum spoil how;
	int encrypted;
} spoils[] = {
	{ WRONG_KEY, 1 }, { NO_KEY, 1 }, { FLIP_PAYLOAD, 0 },
	{ FLIP_PAYLOAD, 1 }, { FLIP_HEADER, 0 }, { FLIP_HEADER, 1 },
	{ CUT, 0 }, { CUT, 1 }, { EXTRA, 0 }, { EXTRA, 1 }, { FORMAT2, 0 },
	{ STRANGER, 0 },
};

START_TEST(refused)
{
	unsigned char *img, *back = NULL, *p;
	const char *key = spoils[_i].encrypted ? key1 : NULL;
	struct buf b;
	size_t len, blen = 0;

	img = image(&len);
	buf_init(&b);
	ck_assert_int_eq(bk_encode(img, len, 7, at("2025-03-01T02:30"), key,
	    &b), 0);
	p = (unsigned char *)b.data;
	switch (spoils[_i].how) {
	case WRONG_KEY:
		key = key2;
		break;
	case NO_KEY:
		key = NULL;
		break;
	case FLIP_PAYLOAD:
		p[b.len / 2] ^= 0x10;
		break;
	case FLIP_HEADER:
		p[17] ^= 0x01;		/* the time */
		break;
	case CUT:
		p[40] = 0;		/* nothing */
		b.len -= 1000;
		break;
	case EXTRA:
		buf_add(&b, "x", 1);
		break;
	case FORMAT2:
		p[9] = 2;
		break;
	case STRANGER:
		memcpy(p, "PK\003\004", 4);
		break;
	}
	ck_assert_int_eq(bk_decode("x.kyb", (unsigned char *)b.data, b.len,
	    key, &back, &blen), -1);
	ck_assert_ptr_null(back);
	sqlite3_free(img);
	buf_release(&b);
}
END_TEST

START_TEST(header_reasons)
{
	unsigned char h[BK_HEADER];
	struct bk_header out;
	const char *why = NULL;

	memset(h, 0, sizeof(h));
	memcpy(h, "SQLite format 3", 16);
	ck_assert_int_eq(bk_header_parse(h, sizeof(h), &out, &why), -1);
	ck_assert_str_eq(why, "not a kyniem backup");
	memset(h, 0, sizeof(h));
	memcpy(h, BK_MAGIC, 8);
	ck_assert_int_eq(bk_header_parse(h, 50, &out, &why), -1);
	ck_assert_str_eq(why, "truncated: shorter than a backup's header");
	h[9] = 2;
	ck_assert_int_eq(bk_header_parse(h, sizeof(h), &out, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "newer kyniem"));
	h[9] = 1;
	ck_assert_int_eq(bk_header_parse(h, sizeof(h), &out, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "damaged"));	/* no flags */
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("backup");
	TCase *tc = tcase_create("retention");
	TCase *fmt = tcase_create("format");

	tcase_add_loop_test(tc, retain, 0, NELEM(cases));
	tcase_add_test(tc, retain_year);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(fmt, setup, teardown);
	tcase_add_test(fmt, plain_round_trip);
	tcase_add_test(fmt, encrypted_round_trip);
	tcase_add_loop_test(fmt, refused, 0, NELEM(spoils));
	tcase_add_test(fmt, header_reasons);
	suite_add_tcase(s, fmt);
	return s;
}

#include "check_main.h"

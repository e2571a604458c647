/*
 * CSV import: every bad input the core issue lists is reported as
 * FILE:LINE: reason, all bad rows in one run, and nothing of a bad file is
 * written; importing twice changes nothing; a changed row is updated in
 * place.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "file.h"
#include "import.h"
#include "lunar.h"
#include "store.h"
#include "util.h"

static struct store *st;
static struct lunar_cal *cal;
static char dir[64];
static char errpath[96];

static const char countries[] =
    "code,name_en,name_vi,formal_en,formal_vi,source\n"
    "JP,Japan,Nhật Bản,,,test\n"
    "SE,Sweden,Thụy Điển,,,test\n"
    "KH,Cambodia,Campuchia,,,test\n";

static void
setup(void)
{
	char db[96];
	struct import_stats s = { 0 };

	snprintf(dir, sizeof(dir), "/tmp/kyniem-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/k.db", dir);
	snprintf(errpath, sizeof(errpath), "%s/stderr", dir);
	ck_assert_int_eq(store_open(db, STORE_CREATE, &st), 0);
	cal = lunar_new(LUNAR_HISTORICAL);
	ck_assert_int_eq(import_data(st, cal, "countries.csv", countries,
	    strlen(countries), "test", 1000, &s), 0);
}

static void
teardown(void)
{
	char cmd[128];

	store_close(st);
	lunar_free(cal);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Import data with stderr captured; returns what was printed. */
static char *
import_capture(const char *name, const char *data, int *rc,
    struct import_stats *s)
{
	size_t len;
	char *out;

	fflush(stderr);
	ck_assert_ptr_nonnull(freopen(errpath, "w", stderr));
	*rc = import_data(st, cal, name, data, strlen(data), "test", 2000, s);
	fflush(stderr);
	out = file_read(errpath, &len);
	return out;
}

static long
count(const char *sql)
{
	sqlite3_stmt *stmt = store_prepare(st, sql);
	long n;

	ck_assert_ptr_nonnull(stmt);
	ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
	n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/*
 * Bad input, each bad row between two good ones: the file is refused with
 * FILE:LINE: reason and neither good row is written.  The same good rows
 * without the bad one do import, so "nothing written" is not merely "no
 * row could have been".
 */
enum fmt { REL, GEN };

static const char *const header[] = {
	"country,date,confidence,source,note\n",
	"key,kind,date,base_year,days,country,name_en,name_vi,tags,source\n",
};
static const char *const before[] = {
	"JP,1973-09-21,confirmed,s,\n",
	"good_before,local,05-01,1990,1,,Before,Trước,,s\n",
};
static const char *const after[] = {
	"SE,1969-01-11,confirmed,s,\n",
	"good_after,local,06-01,1990,1,,After,Sau,,s\n",
};

static const struct {
	const char *name;
	enum fmt fmt;
	const char *head;	/* NULL: the format's header */
	const char *row;	/* the bad row, line 3 */
	const char *expect;
} bad[] = {
	{ "rel.csv", REL, NULL, "XX,1973-09-21,confirmed,s,\n",
	    "rel.csv:3: unknown country code 'XX'" },
	{ "rel.csv", REL, NULL, "KH,1973-02-31,confirmed,s,\n",
	    "rel.csv:3: date '1973-02-31': no such date" },
	{ "gen.csv", GEN, NULL, "x,local,lunar 2023-01-30,,1,,X,X,,s\n",
	    "gen.csv:3: lunar day 30 in a 29-day month" },
	{ "rel.csv", REL, NULL, "KH,1967-06-24,confirmed,s\n",
	    "rel.csv:3: 4 fields, expected 5" },
	{ "rel.csv", REL, NULL, "KH,1967-06-24,confirmed,s,,extra\n",
	    "rel.csv:3: 6 fields, expected 5" },
	{ "rel.csv", REL, NULL, "KH,1967-06-24,confirmed,s\xff\xfe,\n",
	    "rel.csv:3: invalid UTF-8" },
	{ "rel.csv", REL, NULL, "JP,1973-09-22,confirmed,s,\n",
	    "rel.csv:3: duplicate key 'relation:JP' (first on line 2)" },
	{ "rel.csv", REL, NULL, "KH,1967-06-24,recalled,s,\n",
	    "rel.csv:3: a 'recalled' row needs a note" },
	{ "gen.csv", GEN, NULL, "x,nokind,05-01,1990,1,,X,X,,s\n",
	    "gen.csv:3: unknown kind 'nokind'" },
	/* The header itself is bad: the good rows after it are not read. */
	{ "what.csv", REL, "a,b,c\n", "", "what.csv:1: unknown header" },
	/* The quote runs to the end of the file, swallowing the row after. */
	{ "q.csv", REL, NULL, "KH,\"1967-06-24,confirmed,s,\n",
	    "q.csv:3: unterminated quoted field" },
};

START_TEST(bad_input)
{
	struct import_stats s = { 0 };
	enum fmt f = bad[_i].fmt;
	char data[512], good[512];
	char *err;
	int rc;

	snprintf(data, sizeof(data), "%s%s%s%s", bad[_i].head != NULL ?
	    bad[_i].head : header[f], before[f], bad[_i].row, after[f]);
	err = import_capture(bad[_i].name, data, &rc, &s);
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(err, bad[_i].expect) != NULL,
	    "want '%s' in '%s'", bad[_i].expect, err);
	free(err);
	/* Neither good row was written... */
	ck_assert_int_eq(count("SELECT count(*) FROM observances"), 0);
	/* ...though both import once the bad row is gone. */
	snprintf(good, sizeof(good), "%s%s%s", header[f], before[f], after[f]);
	memset(&s, 0, sizeof(s));
	ck_assert_int_eq(import_data(st, cal, "good.csv", good, strlen(good),
	    "test", 2001, &s), 0);
	ck_assert_int_eq(s.changed, 2);
	ck_assert_int_eq(count("SELECT count(*) FROM observances"), 2);
}
END_TEST

START_TEST(all_errors_reported)
{
	static const char data[] = "country,date,confidence,source,note\n"
	    "JP,1973-09-21,confirmed,s,\n"
	    "XX,1973-09-21,confirmed,s,\n"
	    "SE,1969-02-30,confirmed,s,\n"
	    "SE,1969-01-11,maybe,s,\n";
	struct import_stats s = { 0 };
	char *err;
	int rc;

	err = import_capture("r.csv", data, &rc, &s);
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(s.errors, 3);
	ck_assert_ptr_nonnull(strstr(err, "r.csv:3:"));
	ck_assert_ptr_nonnull(strstr(err, "r.csv:4:"));
	ck_assert_ptr_nonnull(strstr(err, "r.csv:5:"));
	ck_assert_ptr_nonnull(strstr(err, "nothing from this file"));
	ck_assert_int_eq(count("SELECT count(*) FROM observances"), 0);
	free(err);
}
END_TEST

/* With a message buffer, the same messages go there instead of stderr
 * (the web import page shows them), for CSV and iCalendar alike. */
START_TEST(messages_to_buffer)
{
	static const char data[] = "country,date,confidence,source,note\n"
	    "JP,1973-09-21,confirmed,s,\n"
	    "XX,1973-09-21,confirmed,s,\n";
	static const char ics[] = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
	struct import_stats s = { 0 };
	struct buf msgs;
	char *err;
	int rc;

	buf_init(&msgs);
	s.messages = &msgs;
	err = import_capture("up.csv", data, &rc, &s);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(msgs.data, "up.csv:3: unknown country code 'XX'\n"
	    "up.csv: 1 error; nothing from this file was written\n");
	free(err);
	msgs.len = 0;
	ck_assert_int_eq(import_ics(st, "up.ics", ics, strlen(ics), "test", 1,
	    0, &s), -1);
	ck_assert_str_eq(msgs.data, "up.ics:1: no VEVENT in the file\n"
	    "up.ics: 1 error; nothing from this file was written\n");
	buf_release(&msgs);
	ck_assert_int_eq(count("SELECT count(*) FROM observances"), 0);
}
END_TEST

START_TEST(idempotent_and_update)
{
	static const char v1[] = "country,date,confidence,source,note\n"
	    "JP,1973-09-21,confirmed,a,\nSE,1969-01-11,confirmed,a,\n";
	static const char v2[] = "country,date,confidence,source,note\n"
	    "JP,1973-09-21,confirmed,b,\nSE,1969-01-11,confirmed,a,\n";
	struct import_stats s = { 0 };

	ck_assert_int_eq(import_data(st, cal, "r", v1, strlen(v1), "test", 1,
	    &s), 0);
	ck_assert_int_eq(s.changed, 2);
	memset(&s, 0, sizeof(s));
	ck_assert_int_eq(import_data(st, cal, "r", v1, strlen(v1), "test", 2,
	    &s), 0);
	ck_assert_int_eq(s.changed, 0);
	ck_assert_int_eq(count("SELECT sum(revision) FROM observances"), 2);
	memset(&s, 0, sizeof(s));
	ck_assert_int_eq(import_data(st, cal, "r", v2, strlen(v2), "test", 3,
	    &s), 0);
	ck_assert_int_eq(s.changed, 1);
	ck_assert_int_eq(count("SELECT count(*) FROM observances"), 2);
	ck_assert_int_eq(count("SELECT revision FROM observances WHERE key ="
	    " 'relation:JP'"), 2);
	ck_assert_int_eq(count("SELECT modified FROM observances WHERE key ="
	    " 'relation:JP'"), 3);
}
END_TEST

START_TEST(load_back)
{
	static const char v[] = "key,kind,date,base_year,days,country,name_en,"
	    "name_vi,tags,source\n"
	    "yersin_birth,commemoration,09-22,1863,1,,\"the birth of Dr "
	    "Alexandre Yersin\",ngày sinh bác sĩ Alexandre Yersin,person,s\n";
	struct import_stats s = { 0 };
	struct obs_set set;

	ck_assert_int_eq(import_data(st, cal, "c", v, strlen(v), "test", 1,
	    &s), 0);
	ck_assert_int_eq(store_load(st, -1, &set), 0);
	ck_assert_uint_eq(set.n, 1);
	ck_assert_str_eq(set.v[0]->key, "yersin_birth");
	ck_assert_int_eq(set.v[0]->rule.base_year, 1863);
	ck_assert_str_eq(set.v[0]->name_en, "the birth of Dr Alexandre Yersin");
	obs_set_release(&set);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("csv");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, bad_input, 0, NELEM(bad));
	tcase_add_test(tc, all_errors_reported);
	tcase_add_test(tc, messages_to_buffer);
	tcase_add_test(tc, idempotent_and_update);
	tcase_add_test(tc, load_back);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * record: a year record read field by field; each way a record can be
 * wrong refused with the field's path and the reason (not JSON, another
 * format, a newer version, a field missing or of another type, a bad
 * date or code); a signature that verifies over the canonical bytes
 * whatever the spacing, and one that does not once a byte changed.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "record.h"
#include "sign.h"
#include "util.h"

/* A union's record with one of everything. */
static const char good[] =
"{\"format\": \"kyniem-year-record\", \"version\": 1, \"level\": \"union\",\n"
" \"union\": {\"id\": \"gia-lai\", \"name\": \"Liên hiệp Gia Lai\","
" \"province\": \"Gia Lai\"},\n"
" \"year\": 2023, \"generated_at\": \"2024-01-05T08:00:00+07:00\","
" \"generator\": \"kyniem test\",\n"
" \"activities\": [{\"key\": \"gl23-a\", \"title\": \"Đoàn ra\","
" \"sentence\": \"Đoàn ra Campuchia.\", \"start\": \"2023-01-22\","
" \"end\": \"2023-01-24\", \"dated\": true, \"place\": null,"
" \"category\": \"delegation-out\", \"observance\": \"tet\","
" \"countries\": [\"KH\"], \"partners\": \"Hội Khmer\","
" \"participants\": 12, \"result\": null,"
" \"member\": {\"key\": \"vn-kh\", \"name\": \"Hội VN-KH\"},"
" \"amount\": {\"value\": 149814, \"currency\": \"USD\"},"
" \"budget\": null, \"milestone\": false}],\n"
" \"counts\": {\"activities\": 1, \"delegations_out\": 1,"
" \"delegations_in\": 0, \"letters\": {\"total\": 2, \"by_occasion\":"
" {\"national-day\": 2}}, \"participants\": {\"people\": 12,"
" \"activities\": 1}, \"countries\": [\"KH\"], \"ngo_aid\":"
" [{\"currency\": \"USD\", \"amount\": 149814}]},\n"
" \"milestones\": [{\"observance\": \"relation:JP\", \"title\": \"50 năm\","
" \"date\": \"2023-09-21\", \"years\": 50, \"activities\": [\"gl23-a\"]}],\n"
" \"next_year\": {\"year\": 2024, \"milestones\": [{\"observance\":"
" \"relation:KR\", \"title\": \"32 năm\", \"date\": \"2024-12-22\","
" \"years\": 32}]}}";

START_TEST(reads)
{
	struct record r;
	char why[300];

	ck_assert_msg(record_parse(good, strlen(good), &r, why, sizeof(why)) ==
	    0, "%s", why);
	ck_assert_int_eq(r.version, 1);
	ck_assert_int_eq(r.cluster, 0);
	ck_assert_str_eq(r.id, "gia-lai");
	ck_assert_str_eq(r.name, "Liên hiệp Gia Lai");
	ck_assert_str_eq(r.province, "Gia Lai");
	ck_assert_int_eq(r.year, 2023);
	/* 08:00 in UTC+7 is 01:00 UTC. */
	ck_assert_int_eq(r.generated, 1704416400);
	ck_assert_uint_eq(r.nacts, 1);
	ck_assert_str_eq(r.acts[0].key, "gl23-a");
	ck_assert_str_eq(r.acts[0].sentence, "Đoàn ra Campuchia.");
	ck_assert_ptr_null(r.acts[0].place);
	ck_assert_ptr_null(r.acts[0].result);
	ck_assert_uint_eq(r.acts[0].ncountries, 1);
	ck_assert_str_eq(r.acts[0].countries[0], "KH");
	ck_assert_int_eq(r.acts[0].participants, 12);
	ck_assert_str_eq(r.acts[0].member_name, "Hội VN-KH");
	ck_assert_int_eq(r.acts[0].amount, 149814);
	ck_assert_str_eq(r.acts[0].currency, "USD");
	ck_assert_int_eq(r.acts[0].budget, -1);
	ck_assert_int_eq(r.counts.out, 1);
	ck_assert_int_eq(r.counts.letters, 2);
	ck_assert_uint_eq(r.counts.nletters_by, 1);
	ck_assert_str_eq(r.counts.letters_by[0].key, "national-day");
	ck_assert_int_eq(r.counts.people, 12);
	ck_assert_uint_eq(r.counts.naid, 1);
	ck_assert_str_eq(r.counts.aid[0].key, "USD");
	ck_assert_int_eq(r.counts.aid[0].n, 149814);
	ck_assert_uint_eq(r.nmilestones, 1);
	ck_assert_int_eq(r.milestones[0].years, 50);
	ck_assert_uint_eq(r.milestones[0].nactivities, 1);
	ck_assert_int_eq(r.next_year, 2024);
	ck_assert_uint_eq(r.nnext, 1);
	ck_assert_str_eq(r.next[0].observance, "relation:KR");
	ck_assert_int_eq(r.is_signed, 0);
	record_release(&r);
}
END_TEST

/* good with the first occurrence of from replaced by to, and the reason
 * the record is refused for. */
static const struct {
	const char *from, *to, *why;
} bad[] = {
	{ "{\"format\"", "[{\"format\"",
	    "not JSON: line 7, column 130: ']' expected near end of file" },
	{ "kyniem-year-record", "kyniem-plan",
	    "not a kyniem year record (format is not 'kyniem-year-record')" },
	{ "\"version\": 1", "\"version\": 2",
	    "format version 2 is newer than this kyniem reads (1): upgrade "
	    "kyniem to read it" },
	{ "\"version\": 1", "\"version\": 0", "version: 0 is not within" },
	{ "\"version\": 1", "\"version\": \"1\"", "version: not an integer" },
	{ "\"level\": \"union\"", "\"level\": \"vufo\"",
	    "level: 'vufo' is not union or cluster" },
	{ "\"id\": \"gia-lai\"", "\"id\": \"Gia Lai\"",
	    "union.id: 'Gia Lai' is not a union's id" },
	{ "\"name\": \"Liên hiệp Gia Lai\",", "", "union.name: missing" },
	{ "\"year\": 2023", "\"year\": 20231", "year: 20231 is not within" },
	{ "+07:00", "+7", "generated_at: '2024-01-05T08:00:00+7' is not" },
	{ "\"start\": \"2023-01-22\"", "\"start\": \"2023-02-30\"",
	    "activities[0].start: '2023-02-30' is not a date YYYY-MM-DD" },
	{ "\"end\": \"2023-01-24\"", "\"end\": \"2023-01-21\"",
	    "activities[0].end: before its start" },
	{ "\"countries\": [\"KH\"], \"partners\"",
	    "\"countries\": [\"kh\"], \"partners\"",
	    "activities[0].countries[0]: not an ISO 3166-1 code" },
	{ "\"title\": \"Đoàn ra\"", "\"title\": \"Đoàn\\u0007ra\"",
	    "activities[0].title: contains a control character" },
	{ "\"dated\": true", "\"dated\": 1",
	    "activities[0].dated: not true or false" },
	{ "\"currency\": \"USD\"}, \"budget\"",
	    "\"currency\": \"usd\"}, \"budget\"",
	    "activities[0].amount.currency: not an ISO 4217 code" },
	{ "\"participants\": 12", "\"participants\": -3",
	    "activities[0].participants: -3 is not within" },
	{ "\"people\": 12", "\"people\": 1.5",
	    "counts.participants.people: not an integer" },
	{ "{\"national-day\": 2}", "{\"national-day\": 2, \"national-day\": 3}",
	    "not JSON: line 5, column 145: duplicate object key near "
	    "'\"national-day\"'" },
	{ "\"years\": 50", "\"years\": 0", "milestones[0].years: 0 is not" },
	{ "\"year\": 2024", "\"year\": 2025",
	    "next_year.year: 2025 is not the year after 2023" },
	{ "\"activities\": [{", "\"activities\": [7, {",
	    "activities[0]: not an object" },
	{ "\"sentence\": \"Đoàn ra Campuchia.\", ", "",
	    "activities[0].sentence: missing" },
};

START_TEST(refused)
{
	const char *at = strstr(good, bad[_i].from);
	struct record r;
	struct buf b;
	char why[300];

	ck_assert_msg(at != NULL, "case %d: no '%s'", _i, bad[_i].from);
	buf_init(&b);
	buf_add(&b, good, (size_t)(at - good));
	buf_puts(&b, bad[_i].to);
	buf_puts(&b, at + strlen(bad[_i].from));
	ck_assert_int_eq(record_parse(b.data, b.len, &r, why, sizeof(why)),
	    -1);
	ck_assert_msg(strncmp(why, bad[_i].why, strlen(bad[_i].why)) == 0,
	    "case %d: '%s', want '%s'", _i, why, bad[_i].why);
	record_release(&r);
	buf_release(&b);
}
END_TEST

/* good signed with a fresh key, with spacing of its own. */
static char *
signed_record(char pub[SIGN_PUB_LEN + 1])
{
	char dir[] = "/tmp/test_record.XXXXXX", *path, *old, sig[SIGN_SIG_LEN + 1];
	struct sign_key k;
	struct buf out;
	char why[300];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = xasprintf("%s/k.key", dir);
	ck_assert_int_eq(sign_key_create(path, 0, "2024-01-05", pub, &old), 0);
	ck_assert_int_eq(sign_key_load(path, &k), 0);
	unlink(path);
	rmdir(dir);
	free(path);
	ck_assert_msg(record_sign(good, strlen(good), &k, sig, why,
	    sizeof(why)) == 0, "%s", why);
	sign_key_release(&k);
	buf_init(&out);
	buf_add(&out, good, strlen(good) - 1);
	buf_printf(&out, ",\n  \"signature\" : { \"alg\":\"ed25519\", \"key\": "
	    "\"%s\", \"value\": \"%s\" }\n}\n", pub, sig);
	return buf_detach(&out);
}

START_TEST(signature)
{
	char pub[SIGN_PUB_LEN + 1], why[300], *text = signed_record(pub), *at;
	struct record r;

	ck_assert_msg(record_parse(text, strlen(text), &r, why, sizeof(why)) ==
	    0, "%s", why);
	ck_assert_int_eq(r.is_signed, 1);
	ck_assert_str_eq(r.key, pub);
	record_release(&r);
	/* One figure changed after signing. */
	at = strstr(text, "149814");
	at[0] = '2';
	ck_assert_int_eq(record_parse(text, strlen(text), &r, why,
	    sizeof(why)), -1);
	ck_assert_str_eq(why, "bad signature: the record was changed after "
	    "it was signed, or the signature is not the key's");
	record_release(&r);
	free(text);
}
END_TEST

static const struct {
	const char *s;
	long long t;	/* -1: refused */
} instants[] = {
	{ "2024-01-05T08:00:00+07:00", 1704416400 },
	{ "2024-01-05T01:00:00Z", 1704416400 },
	{ "2024-01-04T20:00:00-05:00", 1704416400 },
	{ "2024-01-05T08:00+07:00", -1 },
	{ "2024-01-05 08:00:00+07:00", -1 },
	{ "2024-02-30T08:00:00+07:00", -1 },
	{ "2024-01-05T24:00:00Z", -1 },
	{ "2024-01-05T08:00:00+07:00x", -1 },
	{ "2024- 1-05T08:00:00Z", -1 },
};

START_TEST(instant)
{
	time_t t;
	int rc = record_parse_instant(instants[_i].s, &t);

	if (instants[_i].t < 0)
		ck_assert_int_eq(rc, -1);
	else {
		ck_assert_int_eq(rc, 0);
		ck_assert_int_eq((long long)t, instants[_i].t);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, reads);
	tcase_add_loop_test(tc, refused, 0, NELEM(bad));
	tcase_add_test(tc, signature);
	tcase_add_loop_test(tc, instant, 0, NELEM(instants));
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

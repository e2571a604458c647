/*
 * The plan module: the [plan] mapping syntax, the document model built
 * from observances in memory (sections, partner status, Tết with its Can
 * Chi, activities), the CSV rows, XML escaping and the docx package.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "docx.h"
#include "lunar.h"
#include "plan.h"
#include "rules.h"
#include "util.h"

static struct config cfg;
static struct lunar_cal *cal;
static struct observance ov[9];
static struct observance *ovp[9];
static struct dataset data;

static void
mk(int i, const char *key, enum kind kind, const char *cc, const char *spec,
    const char *name_vi, const char *country_vi, const char *tags)
{
	struct observance *o = &ov[i];
	const char *err;

	memset(o, 0, sizeof(*o));
	o->key = (char *)key;
	o->kind = kind;
	snprintf(o->country, sizeof(o->country), "%s", cc);
	o->days = 1;
	o->name_vi = o->name_en = (char *)name_vi;
	o->country_vi = o->country_en = (char *)country_vi;
	o->tags = (char *)tags;
	ck_assert_msg(rules_parse(spec, &o->rule, &err) == 0, "%s", spec);
	ovp[i] = o;
}

static void
setup(void)
{
	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	cal = lunar_new(LUNAR_HISTORICAL);
	memset(&data, 0, sizeof(data));
	data.set.v = ovp;
	data.set.n = NELEM(ovp);
	mk(0, "relation:SE", KIND_RELATION, "SE", "1969-01-11", NULL,
	    "Thụy Điển", NULL);
	mk(1, "national-day:LA", KIND_NATIONAL_DAY, "LA", "12-02",
	    "Quốc khánh", "Lào", NULL);
	ov[1].rule.base_year = 1975;
	mk(2, "tet", KIND_FESTIVAL, "", "lunar 01-01", "Tết Nguyên đán",
	    NULL, "festival;overseas-vietnamese");
	mk(3, "partnership:NZ:strategic", KIND_PARTNERSHIP, "NZ",
	    "2020-07-22", NULL, "New Zealand", NULL);
	ov[3].level = (char *)"strategic";
	mk(4, "national-day:NZ", KIND_NATIONAL_DAY, "NZ", "02-06",
	    "Quốc khánh", "New Zealand", NULL);
	mk(5, "relation:TO", KIND_RELATION, "TO", "2023-09-21", NULL,
	    "Tonga", NULL);
	/* Known to the month, to the year, and recalled. */
	mk(6, "partnership:TH:strategic", KIND_PARTNERSHIP, "TH", "2013-06",
	    NULL, "Thái Lan", NULL);
	ov[6].level = (char *)"strategic";
	mk(7, "relation:BJ", KIND_RELATION, "BJ", "1973", NULL, "Bénin",
	    NULL);
	ov[7].note = (char *)"Chỉ biết năm, chưa tìm thấy ngày";
	mk(8, "relation:GE", KIND_RELATION, "GE", "1994-06-30", NULL,
	    "Gruzia", NULL);
	ov[8].confidence = (char *)"recalled";
	ov[8].note = (char *)"Ngày ghi theo trí nhớ, chưa có nguồn xác nhận";
}

static void
teardown(void)
{
	lunar_free(cal);
	config_release(&cfg);
}

static void
input(struct plan_input *in, int year)
{
	memset(in, 0, sizeof(*in));
	in->cfg = &cfg;
	in->data = &data;
	in->lunar = cal;
	in->year = year;
	in->lang = LANG_VI;
	in->today = (struct ymd){ year - 1, 12, 20 };
}

/* Index of the block with text, or -1. */
static long
find(const struct plan_doc *d, enum plan_block_type t, const char *text)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].type == t && d->blocks[i].text &&
		    strcmp(d->blocks[i].text, text) == 0)
			return (long)i;
	return -1;
}

/* Index of the first block whose text contains sub, or -1. */
static long
find_sub(const struct plan_doc *d, enum plan_block_type t, const char *sub)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].type == t && d->blocks[i].text &&
		    strstr(d->blocks[i].text, sub) != NULL)
			return (long)i;
	return -1;
}

/* The appendix row of key, or NULL. */
static const struct plan_row *
row(const struct plan_doc *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->nrows; i++)
		if (strcmp(d->rows[i].key, key) == 0)
			return &d->rows[i];
	return NULL;
}

START_TEST(test_sections_2024)
{
	struct plan_input in;
	struct plan_doc d;
	const struct plan_row *r;
	long h11, h12, h13, h14, b;

	input(&in, 2024);
	/* Every milestone of 1.1 named, whatever its rank (test_rank). */
	cfg.plan_min_score = 0;
	ck_assert_int_eq(plan_build(&in, &d), 0);
	/* The header is doc.c's, from these. */
	ck_assert_str_eq(d.kind, "KẾ HOẠCH");
	ck_assert_str_eq(d.title, "Phương hướng hoạt động năm 2024");
	ck_assert_str_eq(d.org.name, "Liên hiệp các tổ chức hữu nghị");
	ck_assert_int_eq(d.date.y, 2023);
	h11 = find(&d, PB_H2, "1.1. Các ngày kỷ niệm năm chẵn, năm tròn");
	h12 = find(&d, PB_H2, "1.2. Hoạt động khối ASEAN");
	h13 = find(&d, PB_H2, "1.3. Hoạt động kiều bào");
	h14 = find(&d, PB_H2, "1.4. Hoạt động thường niên");
	ck_assert(h11 >= 0 && h11 < h12 && h12 < h13 && h13 < h14);
	b = find(&d, PB_BULLET, "Kỷ niệm 55 năm thiết lập quan hệ ngoại giao "
	    "Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024)");
	ck_assert(b > h11 && b < h12);
	ck_assert_int_eq(d.blocks[b + 1].level, 1);
	ck_assert_str_eq(d.blocks[b + 1].text, "Hoạt động dự kiến: …");
	b = find(&d, PB_BULLET, "Quốc khánh Lào (2/12/2024)");
	ck_assert(b > h12 && b < h13);
	b = find(&d, PB_BULLET, "Tết Nguyên đán Giáp Thìn 2024 (10/2/2024, "
	    "1/1 âm lịch)");
	ck_assert(b > h13 && b < h14);
	/* NZ: a strategic partner since 2020, so its national day is in
	 * 1.4's greetings; Tonga's first year counts for nothing. */
	b = find(&d, PB_BULLET, "Quốc khánh New Zealand (6/2/2024)");
	ck_assert(b > h14);
	ck_assert_int_eq(d.blocks[b].level, 1);
	ck_assert_int_eq(find_sub(&d, PB_BULLET, "Tonga"), -1);
	/* Tonga is in the plan all the same: its row, in no section. */
	r = row(&d, "relation:TO");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->n, 1);
	ck_assert_str_eq(r->section, "");
	ck_assert_int_ge(find(&d, PB_BULLET, "Tuyên truyền các hoạt động kỷ "
	    "niệm năm chẵn, năm tròn thiết lập quan hệ ngoại giao giữa Việt "
	    "Nam với các nước trong năm 2024: Thụy Điển, Gruzia (chưa xác "
	    "minh)."), 0);
	/* Every date of the year is a row, sorted; Bénin's, known only to
	 * the year, last. */
	ck_assert_uint_eq(d.nrows, 9);
	ck_assert_str_eq(d.rows[8].key, "relation:BJ");
	ck_assert_str_eq(d.rows[0].key, "relation:SE");
	ck_assert_str_eq(d.rows[0].section, "1.1, 3");
	ck_assert_str_eq(d.rows[1].key, "national-day:NZ");
	ck_assert_str_eq(d.rows[1].section, "1.4");
	plan_doc_release(&d);
}
END_TEST

START_TEST(test_partner_before_year)
{
	struct plan_input in;
	struct plan_doc d;
	const struct plan_row *r;
	long h14;

	/* In 2020 the partnership is not yet a year old: no greetings. */
	input(&in, 2020);
	ck_assert_int_eq(plan_build(&in, &d), 0);
	h14 = find(&d, PB_H2, "1.4. Hoạt động thường niên");
	ck_assert_int_ge(h14, 0);
	ck_assert_int_eq(find(&d, PB_BULLET,
	    "Quốc khánh New Zealand (6/2/2020)"), -1);
	/* The national day is there, in no section. */
	r = row(&d, "national-day:NZ");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->section, "");
	plan_doc_release(&d);

	/* A year later the same data gives the greetings in 1.4. */
	input(&in, 2021);
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_gt(find(&d, PB_BULLET,
	    "Quốc khánh New Zealand (6/2/2021)"),
	    find(&d, PB_H2, "1.4. Hoạt động thường niên"));
	r = row(&d, "national-day:NZ");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->section, "1.4");
	plan_doc_release(&d);
}
END_TEST

START_TEST(test_activities_and_csv)
{
	struct activity a[2];
	struct activity_list al = { a, 2 };
	struct plan_input in;
	struct plan_doc d;
	char *out;
	size_t len;

	memset(a, 0, sizeof(a));
	a[0].id = 7;
	a[0].title = (char *)"Triển lãm ảnh";
	a[0].all_day = 1;
	a[0].start = a[0].end = (struct ymd){ 2024, 1, 11 };
	a[0].location = (char *)"Nha Trang";
	a[0].observance = (char *)"relation:SE";
	a[1] = a[0];
	a[1].id = 8;
	a[1].title = (char *)"Gặp mặt, \"giao lưu\"";
	a[1].observance = NULL;
	input(&in, 2024);
	data.acts = al;
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_ge(find(&d, PB_BULLET,
	    "Hoạt động: Triển lãm ảnh (11/1/2024, Nha Trang)"), 0);
	ck_assert_uint_eq(d.nrows, 10);
	ck_assert_int_eq(plan_render(&d, PLAN_CSV, &out, &len), 0);
	ck_assert_ptr_nonnull(strstr(out, "\r\n2024-01-11,activity:8,"
	    "activity,,,none,,,,\"Gặp mặt, \"\"giao lưu\"\"\","));
	ck_assert_ptr_nonnull(strstr(out, "2024-01-11,relation:SE,relation,"
	    "SE,55,round,day,confirmed,\"1.1, 3\","));
	ck_assert_ptr_nonnull(strstr(out, "2024-06-01,partnership:TH:"
	    "strategic,partnership,TH,11,none,month,confirmed,,"));
	ck_assert_ptr_nonnull(strstr(out, "2024-06-30,relation:GE,relation,"
	    "GE,30,decade,day,recalled,"));
	/* The row known to the year comes last. */
	ck_assert_ptr_nonnull(strstr(out, "\r\n2024-01-01,relation:BJ,"
	    "relation,BJ,51,none,year,confirmed,,Kỷ niệm 51 năm thiết lập "
	    "quan hệ ngoại giao Việt Nam – Bénin (1973 – 2024),\"Chỉ biết "
	    "năm, chưa tìm thấy ngày\",\r\n"));
	free(out);
	plan_doc_release(&d);
}
END_TEST

/* Nothing silently missing: a partnership known to the month at its
 * month, a relation known to the year in the list of days to confirm,
 * the unverified marker and the rows' notes. */
START_TEST(test_partial_rows)
{
	struct plan_input in;
	struct plan_doc d;
	const struct plan_row *r;
	long s11, s12, undated;

	input(&in, 2023);
	cfg.plan_min_score = 0;		/* the layout, not the ranking */
	ck_assert_int_eq(plan_build(&in, &d), 0);
	s11 = find(&d, PB_H2, "1.1. Các ngày kỷ niệm năm chẵn, năm tròn");
	s12 = find(&d, PB_H2, "1.2. Hoạt động khối ASEAN");
	ck_assert_int_gt(find(&d, PB_BULLET, "Kỷ niệm 10 năm quan hệ Đối tác "
	    "Chiến lược Việt Nam – Thái Lan (6/2013 – 6/2023)"), s11);
	undated = find_sub(&d, PB_PARA, "chưa rõ ngày");
	ck_assert_int_gt(undated, s11);
	ck_assert_int_lt(undated, s12);
	ck_assert_int_eq(find(&d, PB_BULLET, "Kỷ niệm 50 năm thiết lập quan "
	    "hệ ngoại giao Việt Nam – Bénin (1973 – 2023)"), undated + 1);
	ck_assert_int_eq(find(&d, PB_BULLET, "Lưu ý: Chỉ biết năm, chưa tìm "
	    "thấy ngày"), undated + 2);
	r = row(&d, "partnership:TH:strategic");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->precision, PREC_MONTH);
	ck_assert_ptr_nonnull(find_sub(&d, PB_H2, "chưa rõ ngày") > 0 ?
	    r : NULL);
	ck_assert_int_gt(find(&d, PB_H2, "Các ngày kỷ niệm chưa rõ ngày"),
	    find(&d, PB_H2, "Tháng 12"));
	plan_doc_release(&d);
	input(&in, 2024);
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_ge(find(&d, PB_BULLET, "Kỷ niệm 30 năm thiết lập quan hệ "
	    "ngoại giao Việt Nam – Gruzia (30/6/1994 – 30/6/2024) (chưa xác "
	    "minh)"), 0);
	ck_assert_int_ge(find(&d, PB_BULLET, "Lưu ý: Ngày ghi theo trí nhớ, "
	    "chưa có nguồn xác nhận"), 0);
	ck_assert_int_ge(find_sub(&d, PB_BULLET, "Gruzia (chưa xác minh)."),
	    0);
	plan_doc_release(&d);
}
END_TEST

START_TEST(test_render_formats)
{
	struct plan_input in;
	struct plan_doc d;
	char *out;
	size_t len;

	ov[0].country_en = (char *)"Sweden";
	input(&in, 2024);
	in.lang = LANG_EN;
	cfg.plan_min_score = 0;		/* Sweden 55 in 1.1 */
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_eq(plan_render(&d, PLAN_MD, &out, &len), 0);
	ck_assert_ptr_nonnull(strstr(out, "\n### 1.1. Milestone anniversaries"
	    "\n\n- 55th anniversary of Vietnam–Sweden diplomatic relations "
	    "(11 Jan 1969 – 11 Jan 2024)\n  - Planned activity: …\n"));
	free(out);
	ck_assert_int_eq(plan_render(&d, PLAN_HTML, &out, &len), 0);
	ck_assert_ptr_nonnull(strstr(out, "<html lang=\"en\">"));
	ck_assert_ptr_nonnull(strstr(out, "@page{size:A4"));
	free(out);
	ck_assert_int_eq(plan_render(&d, PLAN_DOCX, &out, &len), 0);
	ck_assert_uint_gt(len, 1000);
	ck_assert_int_eq(memcmp(out, "PK\3\4", 4), 0);
	free(out);
	plan_doc_release(&d);
}
END_TEST

START_TEST(test_mapping_from_config)
{
	struct plan_input in;
	struct plan_doc d;
	char err[128];
	long h13;

	/* A mapping of the config: section 1.3 holds what it selects, here
	 * Tonga's first year, which is in no section by default. */
	select_release(&cfg.plan_sel[PLAN_S_1_3]);
	ck_assert_int_eq(select_parse("key:relation:TO",
	    &cfg.plan_sel[PLAN_S_1_3], err, sizeof(err)), 0);
	input(&in, 2024);
	ck_assert_int_eq(plan_build(&in, &d), 0);
	h13 = find(&d, PB_H2, "1.3. Hoạt động kiều bào");
	ck_assert_int_ge(h13, 0);
	ck_assert_int_eq(find_sub(&d, PB_BULLET, "Tonga"), h13 + 1);
	plan_doc_release(&d);
}
END_TEST

/* The pick of key, or NULL. */
static const struct plan_pick *
pick(const struct plan_doc *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->npicks; i++)
		if (strcmp(d->picks[i].key, key) == 0)
			return &d->picks[i];
	return NULL;
}

/* Section 1.1 by rank: the class, a focus country, the union's record,
 * staff's choices and [plan] top and min_score. */
START_TEST(test_rank)
{
	struct activity a[3];
	struct plan_choice_row ch[2];
	struct plan_input in;
	struct plan_doc d;
	const struct plan_pick *se, *ge;
	char *tag;
	size_t i;

	input(&in, 2024);
	/* Defaults: Sweden 55 (round, 10) and Georgia 30 (decade, 20)
	 * score under 30: the appendix, with why. */
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_ptr_nonnull(se = pick(&d, "relation:SE"));
	ck_assert_ptr_nonnull(ge = pick(&d, "relation:GE"));
	ck_assert_int_eq(se->score, 10);
	ck_assert_int_eq(se->in_1_1, 0);
	ck_assert_str_eq(se->why, "10 điểm (năm chẵn 10)");
	ck_assert_int_eq(ge->score, 20);
	ck_assert_str_eq(d.picks[0].key, "relation:GE");	/* best first */
	ck_assert_str_eq(row(&d, "relation:SE")->section, "PL, 3");
	ck_assert_int_gt(find(&d, PB_BULLET, "Mức độ liên quan: 10 điểm "
	    "(năm chẵn 10)"), find(&d, PB_H1, "Phụ lục: Các ngày kỷ niệm "
	    "năm chẵn khác"));
	plan_doc_release(&d);

	/* A focus country: 40, named. */
	free(cfg.focus);
	cfg.focus = xstrdup(",SE,");
	ck_assert_int_eq(plan_build(&in, &d), 0);
	se = pick(&d, "relation:SE");
	ck_assert_int_eq(se->score, 40);
	ck_assert_int_eq(se->in_1_1, 1);
	ck_assert_str_eq(se->why, "40 điểm (năm chẵn 10, nước trọng điểm 30)");
	ck_assert_str_eq(row(&d, "relation:SE")->section, "1.1, 3");
	plan_doc_release(&d);
	free(cfg.focus);
	cfg.focus = xstrdup(",");

	/* The union's own date: one tagged with its province (Yersin's
	 * are "khanh-hoa"), 30 more and named; another union's, nothing. */
	ov[0].tags = (char *)"person;khanh-hoa";
	tag = cfg.org_tag;
	cfg.org_tag = (char *)"dak-lak";
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_eq(pick(&d, "relation:SE")->score, 10);
	plan_doc_release(&d);
	cfg.org_tag = (char *)"khanh-hoa";
	ck_assert_int_eq(plan_build(&in, &d), 0);
	se = pick(&d, "relation:SE");
	ck_assert_int_eq(se->score, 40);
	ck_assert_int_eq(se->in_1_1, 1);
	ck_assert_str_eq(se->why, "40 điểm (năm chẵn 10, ngày của địa "
	    "phương 30)");
	plan_doc_release(&d);
	cfg.org_tag = tag;
	ov[0].tags = NULL;

	/* The union's record: three activities of other years, 10 each
	 * up to 30; a cancelled one counts for nothing. */
	memset(a, 0, sizeof(a));
	for (i = 0; i < 3; i++) {
		a[i].id = (long)i + 1;
		a[i].title = (char *)"Giao lưu";
		a[i].all_day = 1;
		a[i].start = a[i].end = (struct ymd){ 2014 + (int)i, 1, 11 };
		a[i].observance = (char *)"relation:SE";
	}
	a[2].status = ACTIVITY_CANCELLED;
	data.acts = (struct activity_list){ a, 3 };
	ck_assert_int_eq(plan_build(&in, &d), 0);
	se = pick(&d, "relation:SE");
	ck_assert_int_eq(se->score, 30);
	ck_assert_int_eq(se->in_1_1, 1);
	ck_assert_str_eq(se->why, "30 điểm (năm chẵn 10, 2 hoạt động đã có "
	    "20)");
	plan_doc_release(&d);
	/* A delegation with Sweden among its partner countries counts
	 * without an occasion; one with other countries does not. */
	a[1].observance = NULL;
	a[1].countries = (char *)"US SE";
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_eq(pick(&d, "relation:SE")->score, 30);
	plan_doc_release(&d);
	a[1].countries = (char *)"US SEN";
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_eq(pick(&d, "relation:SE")->score, 20);
	plan_doc_release(&d);
	a[1].observance = (char *)"relation:SE";
	a[1].countries = NULL;

	/* Staff's choices win: Sweden out, Georgia in. */
	memset(ch, 0, sizeof(ch));
	ch[0] = (struct plan_choice_row){ 2024, (char *)"relation:SE",
	    PLAN_CHOICE_EXCLUDE, (char *)"a@example.org", 0 };
	ch[1] = (struct plan_choice_row){ 2024, (char *)"relation:GE",
	    PLAN_CHOICE_INCLUDE, (char *)"a@example.org", 0 };
	data.choices = (struct plan_choice_list){ ch, 2 };
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_eq(pick(&d, "relation:SE")->in_1_1, 0);
	ck_assert_int_eq(pick(&d, "relation:SE")->choice, PLAN_CHOICE_EXCLUDE);
	ck_assert_int_eq(pick(&d, "relation:GE")->in_1_1, 1);
	ck_assert_str_eq(row(&d, "relation:GE")->section, "1.1, 3");
	plan_doc_release(&d);
	/* ...only in their year. */
	input(&in, 2029);
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_eq(pick(&d, "relation:SE")->in_1_1, 1);	/* 60 */
	plan_doc_release(&d);
	data.choices = (struct plan_choice_list){ NULL, 0 };

	/* top = 0: nothing by rank, but what has an activity this year. */
	cfg.plan_top = 0;
	a[0].start = a[0].end = (struct ymd){ 2024, 1, 11 };
	input(&in, 2024);
	ck_assert_int_eq(plan_build(&in, &d), 0);
	ck_assert_int_eq(pick(&d, "relation:SE")->in_1_1, 1);
	ck_assert_int_eq(pick(&d, "relation:SE")->planned, 1);
	ck_assert_int_eq(pick(&d, "relation:GE")->in_1_1, 0);
	plan_doc_release(&d);
	data.acts = (struct activity_list){ NULL, 0 };
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sections_2024);
	tcase_add_test(tc, test_partner_before_year);
	tcase_add_test(tc, test_activities_and_csv);
	tcase_add_test(tc, test_partial_rows);
	tcase_add_test(tc, test_render_formats);
	tcase_add_test(tc, test_rank);
	tcase_add_test(tc, test_mapping_from_config);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

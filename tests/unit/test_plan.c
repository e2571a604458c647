/*
 * The plan module: the placement of a year built from observances in
 * memory (sections by the [plan] mapping, partner status, ranking and
 * staff's choices, activities), the plan written from it (its four
 * parts, the activities in their places, nothing for staff only), its
 * appendix, the CSV rows and the formats.
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

/* The plan of in, and its Markdown (the caller frees both). */
static struct plan *
place(const struct plan_input *in)
{
	struct plan *p;

	ck_assert_int_eq(plan_place(in, &p), 0);
	return p;
}

static char *
md(const struct plan *p)
{
	struct buf b;

	buf_init(&b);
	ck_assert_int_eq(plan_render(p, PLAN_MAIN, DOC_MD, &b), 0);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

/* Where line (a whole line) is in text, or -1. */
static long
at(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *s;

	for (s = text; (s = strstr(s, line)) != NULL; s++)
		if ((s == text || s[-1] == '\n') && (s[n] == '\n' ||
		    s[n] == '\0'))
			return (long)(s - text);
	return -1;
}

/* The place of key, or NULL. */
static const struct plan_place *
placed(const struct plan *p, const char *key)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->v[i].oc->obs->key, key) == 0)
			return &p->v[i];
	return NULL;
}

/* The CSV of p (the caller frees). */
static char *
csv(const struct plan *p)
{
	struct buf b;

	buf_init(&b);
	ck_assert_int_eq(plan_render(p, PLAN_MAIN, DOC_CSV, &b), 0);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

/* Nothing a plan must not hold: notes, marks, scores, stamps, blanks. */
static void
no_staff_notes(const char *m)
{
	static const char *const never[] = { "Lưu ý", "chưa xác minh",
	    "điểm", "kyniem", "…", "Dự thảo", "Hoạt động dự kiến:", "PL",
	    "Mức độ" };
	size_t i;

	for (i = 0; i < NELEM(never); i++)
		ck_assert_msg(strstr(m, never[i]) == NULL, "'%s' in the plan",
		    never[i]);
}

START_TEST(test_sections_2024)
{
	struct plan_input in;
	struct plan *p;
	char *m, *c;
	long h1, h2, h3, h4, h11, h12, h13, h15, b;

	input(&in, 2024);
	/* Every milestone of 1.1 named, whatever its rank (test_rank). */
	cfg.plan_min_score = 0;
	p = place(&in);
	m = md(p);
	ck_assert_int_ge(at(m, "# KẾ HOẠCH"), 0);
	ck_assert_int_ge(at(m, "**Hoạt động đối ngoại nhân dân năm 2024**"),
	    0);
	ck_assert_int_ge(at(m, "**LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ**  "), 0);
	ck_assert_int_ge(at(m, "_Ngày 20 tháng 12 năm 2023_"), 0);
	/* The four parts of a plan, then its end. */
	h1 = at(m, "## I. Mục đích, yêu cầu");
	h2 = at(m, "## II. Nội dung");
	h3 = at(m, "## III. Tổ chức thực hiện");
	h4 = at(m, "## IV. Kinh phí");
	ck_assert(h1 >= 0 && h1 < h2 && h2 < h3 && h3 < h4);
	ck_assert_int_gt(at(m, "**Nơi nhận:**"), h4);
	h11 = at(m, "#### 1.1. Các ngày kỷ niệm năm chẵn, năm tròn");
	h12 = at(m, "#### 1.2. Hoạt động khối ASEAN");
	h13 = at(m, "#### 1.3. Hoạt động kiều bào");
	/* Nothing annual in these data: the letters are 1.4. */
	ck_assert_ptr_null(strstr(m, "Hoạt động thường niên"));
	h15 = at(m, "#### 1.4. Thư, điện chúc mừng");
	ck_assert(h2 < h11 && h11 < h12 && h12 < h13 && h13 < h15 &&
	    h15 < h3);
	ck_assert_int_ge(at(m, "### 1. Công tác hòa bình, đoàn kết, hữu nghị"),
	    0);
	ck_assert_int_gt(at(m, "### 2. Công tác phi chính phủ nước ngoài"),
	    h15);
	ck_assert_int_gt(at(m, "### 4. Công tác khác"),
	    at(m, "### 3. Công tác thông tin đối ngoại"));
	/* No delegation planned: no subsection for them. */
	ck_assert_ptr_null(strstr(m, "Đoàn ra, đoàn vào"));
	b = at(m, "- Tổ chức các hoạt động kỷ niệm 55 năm thiết lập quan hệ "
	    "ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024).");
	ck_assert(b > h11 && b < h12);
	b = at(m, "- Tổ chức các hoạt động nhân dịp Quốc khánh Lào "
	    "(2/12/2024).");
	ck_assert(b > h12 && b < h13);
	b = at(m, "- Tổ chức các hoạt động nhân dịp Tết Nguyên đán Giáp Thìn "
	    "2024 (10/2/2024, 1/1 âm lịch).");
	ck_assert(b > h13 && b < h15);
	/* NZ: a strategic partner since 2020, so its national day is among
	 * the letters; Tonga's first year counts for nothing. */
	b = at(m, "- Gửi thư, điện chúc mừng đến Đại sứ quán, Tổng Lãnh sự "
	    "quán các nước nhân dịp Quốc khánh New Zealand (6/2/2024).");
	ck_assert(b > h15 && b < h3);
	ck_assert_ptr_null(strstr(m, "Tonga"));
	/* Tonga is in the placement all the same, in no section. */
	ck_assert_ptr_nonnull(placed(p, "relation:TO"));
	ck_assert_int_eq(placed(p, "relation:TO")->section, -1);
	ck_assert_int_eq(placed(p, "relation:TO")->group3, -1);
	ck_assert_int_eq(placed(p, "relation:TO")->shown, 0);
	/* Georgia's date is not confirmed and has a note: neither is in
	 * the plan. */
	ck_assert_int_ge(at(m, "- Tuyên truyền các hoạt động kỷ niệm năm "
	    "chẵn, năm tròn thiết lập quan hệ ngoại giao giữa Việt Nam với các "
	    "nước trong năm 2024: Thụy Điển, Gruzia."), 0);
	/* III: the union's share, though nothing is planned yet. */
	ck_assert_int_gt(at(m, "Liên hiệp chủ trì, phối hợp với các tổ chức "
	    "thành viên và các cơ quan, đơn vị liên quan tổ chức thực hiện Kế "
	    "hoạch."), h3);
	no_staff_notes(m);
	/* Every date of the year is a row of the CSV, sorted; Bénin's,
	 * known only to the year, last. */
	ck_assert_uint_eq(p->n, 9);
	c = csv(p);
	ck_assert_ptr_nonnull(strstr(c, "section,title,note,activities\r\n"
	    "2024-01-11,relation:SE,relation,SE,55,round,day,confirmed,"
	    "\"1.1, 3\",Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam "
	    "– Thụy Điển (11/1/1969 – 11/1/2024),,\r\n2024-02-06,"
	    "national-day:NZ,national-day,NZ,,none,day,confirmed,1.4,"));
	b = (long)(strstr(c, "\r\n2024-01-01,relation:BJ,") - c);
	ck_assert_int_gt(b, 0);
	ck_assert_str_eq(c + b + 2 + strcspn(c + b + 2, "\n") + 1, "");
	free(c);
	free(m);
	plan_free(p);
}
END_TEST

START_TEST(test_partner_before_year)
{
	struct plan_input in;
	struct plan *p;
	char *m;

	/* In 2020 the partnership is not yet a year old: no letter. */
	input(&in, 2020);
	p = place(&in);
	m = md(p);
	ck_assert_ptr_null(strstr(m, "New Zealand"));
	ck_assert_int_eq(placed(p, "national-day:NZ")->section, -1);
	ck_assert_int_eq(placed(p, "national-day:NZ")->greeting, 0);
	free(m);
	plan_free(p);

	/* A year later the same data gives the letter. */
	input(&in, 2021);
	p = place(&in);
	m = md(p);
	ck_assert_int_gt(at(m, "- Gửi thư, điện chúc mừng đến Đại sứ quán, "
	    "Tổng Lãnh sự quán các nước nhân dịp Quốc khánh New Zealand "
	    "(6/2/2021)."), at(m, "#### 1.3. Thư, điện chúc mừng"));
	ck_assert_int_eq(placed(p, "national-day:NZ")->section, PLAN_S_1_4);
	ck_assert_int_eq(placed(p, "national-day:NZ")->greeting, 1);
	ck_assert_int_eq(placed(p, "national-day:NZ")->shown, 0);
	free(m);
	plan_free(p);
}
END_TEST

/* Each activity of the year in one place of part II: under its
 * occasion, or on its own by category, or under its member organisation
 * in part III; its place and who is in charge; the CSV rows. */
START_TEST(test_activities_and_csv)
{
	struct member mb[] = {
		{ .key = (char *)"vn-lao", .name = (char *)"Hội hữu nghị Việt "
		    "Nam – Lào", .kind = (char *)"bilateral" },
		{ .key = (char *)"yersin", .name = (char *)"Hội Ái mộ Yersin",
		    .kind = (char *)"other" },
	};
	struct person people[] = {
		{ .email = (char *)"a@example.vn", .name = (char *)"Nguyễn Văn "
		    "A" },
		{ .email = (char *)"b@example.vn", .name = (char *)"" },
	};
	char *owners[] = { (char *)"b@example.vn", (char *)"A@Example.vn" };
	struct activity a[8];
	struct plan_input in;
	struct plan *p;
	char *out;
	long h, h3;

	memset(a, 0, sizeof(a));
	a[0].id = 7;
	a[0].title = (char *)"Triển lãm ảnh";
	a[0].all_day = 1;
	a[0].start = a[0].end = (struct ymd){ 2024, 1, 11 };
	a[0].location = (char *)"Nha Trang";
	a[0].observance = (char *)"relation:SE";
	/* Owners by their names; one without a name is left out. */
	a[0].owners = owners;
	a[0].nowners = 2;
	a[1] = a[0];
	a[1].owners = NULL;
	a[1].nowners = 0;
	a[1].id = 8;
	a[1].title = (char *)"Gặp mặt, \"giao lưu\"";
	a[1].observance = NULL;
	/* A trip of six days that says where it goes already. */
	a[2] = a[1];
	a[2].id = 9;
	a[2].title = (char *)"Đoàn ra tại Viêng Chăn";
	a[2].location = (char *)"Viêng Chăn";
	a[2].start = (struct ymd){ 2024, 3, 1 };
	a[2].end = (struct ymd){ 2024, 3, 6 };
	a[2].category = (char *)"delegation-out";
	a[2].organiser = (char *)"Hội hữu nghị Việt Nam – Lào";
	/* A letter for New Zealand's national day, a greeting: the day is
	 * named in 1.4 with it, and in the letters' sentence. */
	a[3] = a[1];
	a[3].id = 10;
	a[3].title = (char *)"Gửi thư chúc mừng";
	a[3].location = NULL;
	a[3].start = a[3].end = (struct ymd){ 2024, 2, 5 };
	a[3].observance = (char *)"national-day:NZ";
	/* Cancelled, and of another year: nowhere. */
	a[4] = a[1];
	a[4].title = (char *)"Đã hủy";
	a[4].status = ACTIVITY_CANCELLED;
	a[5] = a[1];
	a[5].title = (char *)"Năm khác";
	a[5].start = a[5].end = (struct ymd){ 2023, 5, 1 };
	/* A member's, for no occasion: under it in part III; known only to
	 * its year, with no span. */
	a[6] = a[1];
	a[6].title = (char *)"Lớp tiếng Lào";
	a[6].location = NULL;
	a[6].member = (char *)"vn-lao";
	a[6].start = (struct ymd){ 2024, 1, 1 };
	a[6].end = (struct ymd){ 2024, 12, 31 };
	/* A member's, for Sweden's occasion: there, and under it too. */
	a[7] = a[0];
	a[7].title = (char *)"Tọa đàm";
	a[7].start = a[7].end = (struct ymd){ 2024, 1, 12 };
	a[7].member = (char *)"vn-lao";
	a[7].nowners = 0;
	input(&in, 2024);
	data.acts = (struct activity_list){ a, NELEM(a) };
	data.members = (struct member_list){ mb, NELEM(mb) };
	data.people = (struct person_list){ people, NELEM(people) };
	p = place(&in);
	ck_assert_uint_eq(placed(p, "relation:SE")->nacts, 2);
	ck_assert_int_eq(placed(p, "relation:SE")->chosen, 1);
	ck_assert_uint_eq(p->nloose, 3);
	ck_assert_uint_eq(p->nitems, 3);
	ck_assert_int_eq(p->items[2].slot, PLAN_SLOT_MEMBERS);
	out = md(p);
	ck_assert_int_gt(at(out, "- Nhân kỷ niệm 55 năm thiết lập quan hệ "
	    "ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024):\n  - "
	    "Triển lãm ảnh (11/1/2024, tại Nha Trang, Nguyễn Văn A phụ "
	    "trách);\n  - Tọa đàm "
	    "(12/1/2024, tại Nha Trang, Hội hữu nghị Việt Nam – Lào chủ trì)."),
	    at(out, "#### 1.1. Các ngày kỷ niệm năm chẵn, năm tròn"));
	ck_assert_int_gt(at(out, "- Nhân dịp Quốc khánh New Zealand "
	    "(6/2/2024): Gửi thư chúc mừng (5/2/2024)."),
	    at(out, "#### 1.4. Hoạt động thường niên"));
	ck_assert_int_gt(at(out, "- Gửi thư, điện chúc mừng đến Đại sứ quán, "
	    "Tổng Lãnh sự quán các nước nhân dịp Quốc khánh New Zealand "
	    "(6/2/2024)."), at(out, "#### 1.5. Thư, điện chúc mừng"));
	h = at(out, "#### 1.6. Đoàn ra, đoàn vào");
	ck_assert_int_gt(h, 0);
	ck_assert_int_eq(at(out, "- Đoàn ra tại Viêng Chăn (1 – 6/3/2024, Hội "
	    "hữu nghị Việt Nam – Lào chủ trì)."), h + (long)strlen("#### 1.6. "
	    "Đoàn ra, đoàn vào\n\n"));
	ck_assert_int_gt(at(out, "- Gặp mặt, \"giao lưu\" (11/1/2024, tại Nha "
	    "Trang)."), at(out, "### 4. Công tác khác"));
	h3 = at(out, "## III. Tổ chức thực hiện");
	ck_assert_int_eq(at(out, "Cán bộ phụ trách các hoạt động của Liên "
	    "hiệp:\n\n- Nguyễn Văn A phụ trách: Triển lãm ảnh (11/1/2024, tại "
	    "Nha Trang).\n\nCác tổ chức thành viên chủ trì các hoạt "
	    "động:\n\n- Hội hữu nghị Việt Nam – Lào chủ trì:\n  - Lớp tiếng "
	    "Lào;\n  - Tọa đàm (12/1/2024, tại Nha Trang)."), h3 + (long)
	    strlen("## III. Tổ chức thực hiện\n\nLiên hiệp chủ trì, phối hợp "
	    "với các tổ chức thành viên và các cơ quan, đơn vị liên quan tổ "
	    "chức thực hiện Kế hoạch.\n\n"));
	ck_assert_ptr_null(strstr(out, "example.vn"));
	/* An organiser that is no member: said in part II only; a member
	 * with nothing this year: not named. */
	ck_assert_ptr_null(strstr(out + h3, "Lào chủ trì: Đoàn ra"));
	ck_assert_ptr_null(strstr(out, "Yersin"));
	ck_assert_ptr_null(strstr(out, "31/12"));
	ck_assert_ptr_null(strstr(out, "Đã hủy"));
	ck_assert_ptr_null(strstr(out, "Năm khác"));
	free(out);
	out = csv(p);
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
	plan_free(p);
	data.acts = (struct activity_list){ NULL, 0 };
	data.members = (struct member_list){ NULL, 0 };
	data.people = (struct person_list){ NULL, 0 };
}
END_TEST

/* Nothing silently missing: a partnership known to the month and a
 * relation known to the year among the milestones, and in the appendix
 * at their month and at the end. */
START_TEST(test_partial_rows)
{
	struct plan_input in;
	struct plan *p;
	struct doc *d;
	struct buf b;
	char *m;
	long s11, s12, undated;

	input(&in, 2023);
	cfg.plan_min_score = 0;		/* the layout, not the ranking */
	p = place(&in);
	m = md(p);
	s11 = at(m, "#### 1.1. Các ngày kỷ niệm năm chẵn, năm tròn");
	s12 = at(m, "#### 1.2. Hoạt động khối ASEAN");
	ck_assert_int_gt(at(m, "- Tổ chức các hoạt động kỷ niệm 10 năm quan "
	    "hệ Đối tác Chiến lược Việt Nam – Thái Lan (6/2013 – 6/2023)."),
	    s11);
	undated = at(m, "- Tổ chức các hoạt động kỷ niệm 50 năm thiết lập quan "
	    "hệ ngoại giao Việt Nam – Bénin (1973 – 2023).");
	ck_assert_int_gt(undated, s11);
	ck_assert_int_lt(undated, s12);
	ck_assert_int_eq(placed(p, "relation:BJ")->dated, 0);
	ck_assert_int_eq(placed(p, "relation:BJ")->chosen, 1);
	no_staff_notes(m);
	free(m);
	d = plan_appendix_doc(p);
	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	buf_putc(&b, '\0');
	ck_assert_int_ge(at(b.data, "| Trong tháng | Kỷ niệm 10 năm quan hệ "
	    "Đối tác Chiến lược Việt Nam – Thái Lan (6/2013 – 6/2023) | năm "
	    "tròn |  |"), at(b.data, "### Tháng 6"));
	ck_assert_int_gt(at(b.data, "| 2023 | Kỷ niệm 50 năm thiết lập quan "
	    "hệ ngoại giao Việt Nam – Bénin (1973 – 2023) | đại lễ |  |"),
	    at(b.data, "### Trong năm 2023"));
	ck_assert_int_gt(at(b.data, "### Trong năm 2023"),
	    at(b.data, "### Tháng 9"));
	buf_release(&b);
	doc_free(d);
	plan_free(p);
}
END_TEST

/* The appendix, a document of its own: the calendar of the milestones
 * and of the focus countries' days, headed as attached to the plan. */
START_TEST(test_appendix)
{
	struct activity a;
	struct plan_input in;
	struct plan *p;
	struct buf b;

	memset(&a, 0, sizeof(a));
	a.title = (char *)"Triển lãm ảnh";
	a.all_day = 1;
	a.start = a.end = (struct ymd){ 2024, 1, 11 };
	a.observance = (char *)"relation:SE";
	data.acts = (struct activity_list){ &a, 1 };
	input(&in, 2024);
	p = place(&in);
	buf_init(&b);
	ck_assert_int_eq(plan_render(p, PLAN_APPENDIX, DOC_MD, &b), 0);
	buf_putc(&b, '\0');
	ck_assert_int_eq(strncmp(b.data, "**Phụ lục**\n\n**LỊCH CÁC NGÀY KỶ "
	    "NIỆM NĂM 2024**\n\n_(Kèm theo Kế hoạch số", 62), 0);
	ck_assert_int_gt(at(b.data, "| 11/1 | Kỷ niệm 55 năm thiết lập quan hệ "
	    "ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024) | năm "
	    "chẵn | Triển lãm ảnh (11/1/2024) |"), at(b.data, "### Tháng 1"));
	/* Georgia's 30th, without its mark or its note. */
	ck_assert_int_ge(at(b.data, "| 30/6 | Kỷ niệm 30 năm thiết lập quan hệ "
	    "ngoại giao Việt Nam – Gruzia (30/6/1994 – 30/6/2024) | năm tròn "
	    "|  |"), 0);
	no_staff_notes(b.data);
	/* Neither a milestone nor a focus country's: not listed. */
	ck_assert_ptr_null(strstr(b.data, "Bénin"));
	ck_assert_ptr_null(strstr(b.data, "New Zealand"));
	ck_assert_ptr_null(strstr(b.data, "Tonga"));
	ck_assert_ptr_null(strstr(b.data, "Tháng 2"));
	plan_free(p);
	/* New Zealand a focus country: its days are. */
	free(cfg.focus);
	cfg.focus = xstrdup(",NZ,");
	p = place(&in);
	b.len = 0;
	ck_assert_int_eq(plan_render(p, PLAN_APPENDIX, DOC_MD, &b), 0);
	buf_putc(&b, '\0');
	ck_assert_int_gt(at(b.data, "| 6/2 | Quốc khánh New Zealand (6/2/2024) "
	    "|  |  |"), at(b.data, "### Tháng 2"));
	ck_assert_int_gt(at(b.data, "| 22/7 | Kỷ niệm 4 năm quan hệ Đối tác "
	    "Chiến lược Việt Nam – New Zealand (22/7/2020 – 22/7/2024) "
	    "|  |  |"),
	    at(b.data, "### Tháng 7"));
	buf_release(&b);
	plan_free(p);
	data.acts = (struct activity_list){ NULL, 0 };
}
END_TEST

/* Staff's texts in their places (an earlier year's until the year has
 * its own, none once emptied), and the budgets summed in IV, saying how
 * many activities the sum covers. */
START_TEST(test_narrative_budget)
{
	struct text_row tr[] = {
		{ .doc = (char *)"plan", .key = (char *)"purpose", .year = 2023,
		    .body = (char *)"Tăng cường hữu nghị.\n- Với Lào" },
		{ .doc = (char *)"plan", .key = (char *)"budget", .year = 2024,
		    .body = (char *)"Ngân sách tỉnh." },
		{ .doc = (char *)"plan", .key = (char *)"organisation",
		    .year = 2024, .body = (char *)"" },
		{ .doc = (char *)"plan", .key = (char *)"organisation",
		    .year = 2023, .body = (char *)"Văn phòng làm đầu mối." },
		{ .doc = (char *)"report", .key = (char *)"requirements",
		    .year = 2024, .body = (char *)"Không phải của kế hoạch." },
	};
	struct activity a[3];
	struct plan_input in;
	struct plan *p;
	char *m;
	long h1, h2, h3, h4;
	size_t i;

	memset(a, 0, sizeof(a));
	for (i = 0; i < NELEM(a); i++) {
		a[i].title = (char *)(i == 0 ? "Hội thao" : i == 1 ?
		    "Triển lãm" : "Gặp mặt");
		a[i].all_day = 1;
		a[i].start = a[i].end = (struct ymd){ 2024, 3 + (int)i, 1 };
	}
	a[0].budget = 15000000;
	a[1].budget = 2500000;
	data.acts = (struct activity_list){ a, NELEM(a) };
	data.texts = (struct text_list){ tr, NELEM(tr) };
	input(&in, 2024);
	p = place(&in);
	m = md(p);
	h1 = at(m, "## I. Mục đích, yêu cầu");
	h2 = at(m, "## II. Nội dung");
	h3 = at(m, "## III. Tổ chức thực hiện");
	h4 = at(m, "## IV. Kinh phí");
	/* Last year's purpose, numbered; no requirements written. */
	ck_assert_int_eq(at(m, "### 1. Mục đích"), h1 + (long)strlen(
	    "## I. Mục đích, yêu cầu\n\n"));
	ck_assert_int_gt(at(m, "Tăng cường hữu nghị."), h1);
	ck_assert_int_lt(at(m, "- Với Lào"), h2);
	ck_assert_ptr_null(strstr(m, "Yêu cầu"));
	ck_assert_ptr_null(strstr(m, "Không phải"));
	/* Emptied this year: the union's share instead of last year's. */
	ck_assert_ptr_null(strstr(m, "Văn phòng làm đầu mối."));
	ck_assert_int_gt(at(m, "Liên hiệp chủ trì, phối hợp với các tổ chức "
	    "thành viên và các cơ quan, đơn vị liên quan tổ chức thực hiện Kế "
	    "hoạch."), h3);
	ck_assert_int_eq(at(m, "Kinh phí dự kiến của các hoạt động: 17.500.000 "
	    "đồng (2 trong 3 hoạt động có dự trù kinh phí), gồm:"), h4 +
	    (long)strlen("## IV. Kinh phí\n\n"));
	ck_assert_int_gt(at(m, "- Hội thao (1/3/2024): 15.000.000 đồng;\n"
	    "- Triển lãm (1/4/2024): 2.500.000 đồng."), h4);
	ck_assert_int_gt(at(m, "Ngân sách tỉnh."), at(m, "- Triển lãm "
	    "(1/4/2024): 2.500.000 đồng."));
	free(m);
	plan_free(p);
	/* Every activity with a budget: no share to say; in English. */
	a[2].budget = 1000;
	in.lang = LANG_EN;
	p = place(&in);
	m = md(p);
	ck_assert_int_ge(at(m, "The activities' planned cost: 17,501,000 VND, "
	    "of which:"), 0);
	ck_assert_int_ge(at(m, "- Gặp mặt (1 May 2024): 1,000 VND."), 0);
	ck_assert_int_ge(at(m, "### 1. Purpose"), 0);
	free(m);
	plan_free(p);
	data.acts = (struct activity_list){ NULL, 0 };
	data.texts = (struct text_list){ NULL, 0 };
}
END_TEST

START_TEST(test_render_formats)
{
	struct plan_input in;
	struct plan *p;
	struct buf b;
	char *out;

	ov[0].country_en = (char *)"Sweden";
	input(&in, 2024);
	in.lang = LANG_EN;
	cfg.plan_min_score = 0;		/* Sweden 55 in 1.1 */
	p = place(&in);
	out = md(p);
	ck_assert_ptr_nonnull(strstr(out, "\n## I. Purpose and requirements\n"
	    "\n## II. Content\n\n### 1. Peace, solidarity and friendship work"
	    "\n\n#### 1.1. Milestone anniversaries\n\n- Activities to mark "
	    "the 30th anniversary of Vietnam–Gruzia diplomatic relations "
	    "(30 Jun 1994 – 30 Jun 2024).\n- Activities to mark the 55th "
	    "anniversary of Vietnam–Sweden diplomatic relations (11 Jan 1969 "
	    "– 11 Jan 2024).\n"));
	ck_assert_int_ge(at(out, "## IV. Budget"), 0);
	free(out);
	buf_init(&b);
	ck_assert_int_eq(plan_render(p, PLAN_MAIN, DOC_HTML, &b), 0);
	buf_putc(&b, '\0');
	ck_assert_ptr_nonnull(strstr(b.data, "<html lang=\"en\">"));
	ck_assert_ptr_nonnull(strstr(b.data, "@page{size:A4"));
	buf_release(&b);
	buf_init(&b);
	ck_assert_int_eq(plan_render(p, PLAN_MAIN, DOC_DOCX, &b), 0);
	ck_assert_uint_gt(b.len, 1000);
	ck_assert_int_eq(memcmp(b.data, "PK\3\4", 4), 0);
	buf_release(&b);
	plan_free(p);
}
END_TEST

START_TEST(test_mapping_from_config)
{
	struct plan_input in;
	struct plan *p;
	char err[128], *m;
	long h13;

	/* A mapping of the config: section 1.3 holds what it selects, here
	 * Tonga's first year, which is in no section by default. */
	select_release(&cfg.plan_sel[PLAN_S_1_3]);
	ck_assert_int_eq(select_parse("key:relation:TO",
	    &cfg.plan_sel[PLAN_S_1_3], err, sizeof(err)), 0);
	input(&in, 2024);
	p = place(&in);
	ck_assert_int_eq(placed(p, "relation:TO")->section, PLAN_S_1_3);
	m = md(p);
	/* No milestone scores enough to be named: the sections are numbered
	 * from the ASEAN block, as the Khánh Hòa plan for 2024 has them. */
	ck_assert_ptr_null(strstr(m, "Các ngày kỷ niệm năm chẵn"));
	ck_assert_int_ge(at(m, "#### 1.1. Hoạt động khối ASEAN"), 0);
	h13 = at(m, "#### 1.2. Hoạt động kiều bào");
	ck_assert_int_ge(h13, 0);
	ck_assert_int_eq(at(m, "- Tổ chức các hoạt động nhân dịp Thiết lập "
	    "quan hệ ngoại giao Việt Nam – Tonga (21/9/2024)."), h13 +
	    (long)strlen("#### 1.2. Hoạt động kiều bào\n\n"));
	free(m);
	plan_free(p);
}
END_TEST

/* Section 1.1 by rank: the class, a focus country, the union's record,
 * staff's choices and [plan] top and min_score. */
START_TEST(test_rank)
{
	struct activity a[3];
	struct plan_choice_row ch[2];
	struct plan_input in;
	struct plan *p;
	const struct plan_place *se, *ge;
	struct buf why;
	char *tag;
	size_t i;

	input(&in, 2024);
	/* Defaults: Sweden 55 (round, 10) and Georgia 30 (decade, 20)
	 * score under 30: the appendix, with why. */
	p = place(&in);
	ck_assert_ptr_nonnull(se = placed(p, "relation:SE"));
	ck_assert_ptr_nonnull(ge = placed(p, "relation:GE"));
	ck_assert_int_eq(se->candidate, 1);
	ck_assert_int_eq(se->rank.score, 10);
	ck_assert_int_eq(se->chosen, 0);
	buf_init(&why);
	rank_explain(&se->rank, LANG_VI, &why);
	ck_assert_str_eq(why.data, "10 điểm (năm chẵn 10)");
	buf_release(&why);
	ck_assert_int_eq(ge->rank.score, 20);
	ck_assert_ptr_eq(p->ranked[0], ge);	/* best first */
	plan_free(p);

	/* A focus country: 40, named. */
	free(cfg.focus);
	cfg.focus = xstrdup(",SE,");
	p = place(&in);
	se = placed(p, "relation:SE");
	ck_assert_int_eq(se->rank.score, 40);
	ck_assert_int_eq(se->chosen, 1);
	plan_free(p);
	free(cfg.focus);
	cfg.focus = xstrdup(",");

	/* The union's own date: one tagged with its province (Yersin's
	 * are "khanh-hoa"), 30 more and named; another union's, nothing. */
	ov[0].tags = (char *)"person;khanh-hoa";
	tag = cfg.org_tag;
	cfg.org_tag = (char *)"dak-lak";
	p = place(&in);
	ck_assert_int_eq(placed(p, "relation:SE")->rank.score, 10);
	plan_free(p);
	cfg.org_tag = (char *)"khanh-hoa";
	p = place(&in);
	se = placed(p, "relation:SE");
	ck_assert_int_eq(se->rank.score, 40);
	ck_assert_int_eq(se->chosen, 1);
	ck_assert_ptr_eq(p->ranked[0], se);	/* over Georgia's 20 */
	buf_init(&why);
	rank_explain(&se->rank, LANG_VI, &why);
	ck_assert_str_eq(why.data, "40 điểm (năm chẵn 10, ngày của địa "
	    "phương 30)");
	buf_release(&why);
	plan_free(p);
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
	p = place(&in);
	se = placed(p, "relation:SE");
	ck_assert_int_eq(se->rank.score, 30);
	ck_assert_int_eq(se->chosen, 1);
	plan_free(p);
	/* A delegation with Sweden among its partner countries counts
	 * without an occasion; one with other countries does not. */
	a[1].observance = NULL;
	a[1].countries = (char *)"US SE";
	p = place(&in);
	ck_assert_int_eq(placed(p, "relation:SE")->rank.score, 30);
	plan_free(p);
	a[1].countries = (char *)"US SEN";
	p = place(&in);
	ck_assert_int_eq(placed(p, "relation:SE")->rank.score, 20);
	plan_free(p);
	a[1].observance = (char *)"relation:SE";
	a[1].countries = NULL;

	/* Staff's choices win: Sweden out, Georgia in. */
	memset(ch, 0, sizeof(ch));
	ch[0] = (struct plan_choice_row){ 2024, (char *)"relation:SE",
	    PLAN_CHOICE_EXCLUDE, (char *)"a@example.org", 0 };
	ch[1] = (struct plan_choice_row){ 2024, (char *)"relation:GE",
	    PLAN_CHOICE_INCLUDE, (char *)"a@example.org", 0 };
	data.choices = (struct plan_choice_list){ ch, 2 };
	p = place(&in);
	ck_assert_int_eq(placed(p, "relation:SE")->chosen, 0);
	ck_assert_int_eq(placed(p, "relation:SE")->choice,
	    PLAN_CHOICE_EXCLUDE);
	ck_assert_int_eq(placed(p, "relation:GE")->chosen, 1);
	plan_free(p);
	/* ...only in their year. */
	input(&in, 2029);
	p = place(&in);
	ck_assert_int_eq(placed(p, "relation:SE")->chosen, 1);	/* 60 */
	plan_free(p);
	data.choices = (struct plan_choice_list){ NULL, 0 };

	/* top = 0: nothing by rank, but what has an activity this year. */
	cfg.plan_top = 0;
	a[0].start = a[0].end = (struct ymd){ 2024, 1, 11 };
	input(&in, 2024);
	p = place(&in);
	ck_assert_int_eq(placed(p, "relation:SE")->chosen, 1);
	ck_assert_uint_eq(placed(p, "relation:SE")->nacts, 1);
	ck_assert_int_eq(placed(p, "relation:GE")->chosen, 0);
	plan_free(p);
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
	tcase_add_test(tc, test_appendix);
	tcase_add_test(tc, test_narrative_budget);
	tcase_add_test(tc, test_render_formats);
	tcase_add_test(tc, test_rank);
	tcase_add_test(tc, test_mapping_from_config);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * The report module's sentence of one activity (report_line()): what
 * the title already says is not said twice, no labels, the date unless
 * the title dates it or the activity spans its year, the result joined
 * as the reports join it, staff's sentence as written.  One row a case.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "plan.h"
#include "report_int.h"
#include "util.h"

static const struct {
	const char *title, *location, *organiser, *partner, *result;
	const char *report_text;
	struct ymd start, end;
	int participants, planned, flags;
	const char *want;
} lines[] = {
	/* The place joins the title; the report's own sentence. */
	{ "Chủ tịch Liên hiệp tham dự Liên hoan hữu nghị lần thứ 11",
	    "Tamilnadu, Ấn Độ", NULL, NULL, NULL, NULL, { 2023, 12, 1 },
	    { 2023, 12, 6 }, 0, 0, 0, "Chủ tịch Liên hiệp tham dự Liên hoan "
	    "hữu nghị lần thứ 11 tại Tamilnadu, Ấn Độ (1 – 6/12/2023)." },
	/* A partner the title names, a result that repeats the title. */
	{ "Đón tiếp và làm việc với đoàn Tổng lãnh sự Thái Lan tại thành phố "
	    "Hồ Chí Minh", NULL, NULL, "Tổng lãnh sự quán Thái Lan tại thành "
	    "phố Hồ Chí Minh", "Đón tiếp và làm việc với đoàn", NULL,
	    { 2023, 8, 15 }, { 2023, 8, 15 }, 0, 0, 0, "Đón tiếp và làm việc "
	    "với đoàn Tổng lãnh sự Thái Lan tại thành phố Hồ Chí Minh "
	    "(15/8/2023)." },
	/* A place the title has; partners it does not: joined. */
	{ "Vận động tài trợ tại Khánh Hòa", "Khánh Hòa", NULL,
	    "Les Amis de Nha Trang (Pháp); Tổ chức Hoa Trắng", NULL, NULL,
	    { 2023, 1, 1 }, { 2023, 11, 30 }, 0, 0, 0, "Vận động tài trợ tại "
	    "Khánh Hòa, phối hợp với Les Amis de Nha Trang (Pháp), Tổ chức "
	    "Hoa Trắng (1/1 – 30/11/2023)." },
	/* The year's span is no date; the organiser when not named. */
	{ "Hội nghị Đoàn Chủ tịch", "Hà Nội", "Liên hiệp Việt Nam", NULL,
	    NULL, NULL, { 2023, 1, 1 }, { 2023, 12, 31 }, 0, 0, 0,
	    "Hội nghị Đoàn Chủ tịch tại Hà Nội do Liên hiệp Việt Nam tổ "
	    "chức." },
	/* People when no text says the number; a result that reads on. */
	{ "Đêm hội Trung thu cho thiếu nhi", NULL, NULL, NULL, "Tặng quà cho "
	    "các em", NULL, { 2023, 9, 29 }, { 2023, 9, 29 }, 100, 0, 0,
	    "Đêm hội Trung thu cho thiếu nhi với 100 người tham gia "
	    "(29/9/2023), tặng quà cho các em." },
	{ "Diễu hành áo dài", NULL, NULL, NULL, "Hơn 6.000 người tham gia",
	    NULL, { 2023, 6, 1 }, { 2023, 6, 1 }, 6000, 0, 0, "Diễu hành áo "
	    "dài (1/6/2023). Hơn 6.000 người tham gia." },
	{ "Xuất bản Bản tin", NULL, NULL, NULL, "02 số/năm", NULL,
	    { 2023, 6, 30 }, { 2023, 12, 15 }, 0, 0, 0, "Xuất bản Bản tin "
	    "(30/6 – 15/12/2023), 02 số/năm." },
	/* The organiser under its own name in the members' section. */
	{ "Ra mắt tập thơ", NULL, "Hội hữu nghị Việt - Nhật", NULL, NULL,
	    NULL, { 2023, 10, 28 }, { 2023, 10, 28 }, 0, 0, 0, "Ra mắt tập "
	    "thơ do Hội hữu nghị Việt - Nhật tổ chức (28/10/2023)." },
	/* A list: after a colon. */
	{ "Góp ý tiếp nhận viện trợ", NULL, NULL, NULL, "Dự án USAID; Dự án "
	    "UNDP.", NULL, { 2023, 1, 1 }, { 2023, 12, 31 }, 0, 0, 0,
	    "Góp ý tiếp nhận viện trợ: dự án USAID; Dự án UNDP." },
	/* The title dates itself ("8/3"). */
	{ "Gặp mặt nhân ngày Quốc tế Phụ nữ 8/3", NULL, NULL, NULL, NULL,
	    NULL, { 2023, 3, 8 }, { 2023, 3, 8 }, 0, 0, 0, "Gặp mặt nhân ngày "
	    "Quốc tế Phụ nữ 8/3." },
	/* Still to come. */
	{ "Giải bóng chuyền hữu nghị", NULL, NULL, NULL, NULL, NULL,
	    { 2023, 12, 1 }, { 2023, 12, 1 }, 0, 1, 0, "Giải bóng chuyền hữu "
	    "nghị (dự kiến 1/12/2023)." },
	/* An item of a list of meetings. */
	{ "Tham dự Hội nghị sơ kết Cụm 3", "Quảng Nam", NULL, NULL, NULL,
	    NULL, { 2023, 6, 29 }, { 2023, 6, 29 }, 0, 0,
	    LINE_NO_STOP | LINE_NO_VERB, "Hội nghị sơ kết Cụm 3 tại Quảng Nam "
	    "(29/6/2023)" },
	{ "Tham dự trực tuyến Hội nghị tổng kết", NULL, NULL, NULL, NULL,
	    NULL, { 2023, 1, 1 }, { 2023, 12, 31 }, 0, 0,
	    LINE_NO_STOP | LINE_NO_VERB, "Tham dự trực tuyến Hội nghị tổng "
	    "kết" },
	/* Staff's sentence as written. */
	{ "Gặp mặt", "Nha Trang", NULL, "Ai đó", "Tốt", "Hội tổ chức gặp mặt "
	    "bạn bè Lào.", { 2023, 4, 14 }, { 2023, 4, 14 }, 12, 0, 0,
	    "Hội tổ chức gặp mặt bạn bè Lào." },
};

START_TEST(line)
{
	struct plan_input in;
	struct report_ctx c;
	struct activity a;
	struct buf b;

	memset(&in, 0, sizeof(in));
	memset(&c, 0, sizeof(c));
	memset(&a, 0, sizeof(a));
	in.lang = LANG_VI;
	c.in = &in;
	a.title = (char *)lines[_i].title;
	a.location = (char *)lines[_i].location;
	a.organiser = (char *)lines[_i].organiser;
	a.partner = (char *)lines[_i].partner;
	a.result = (char *)lines[_i].result;
	a.report_text = (char *)lines[_i].report_text;
	a.start = lines[_i].start;
	a.end = lines[_i].end;
	a.all_day = 1;
	a.participants = lines[_i].participants;
	buf_init(&b);
	report_line(&c, &a, lines[_i].planned, lines[_i].flags, &b);
	ck_assert_str_eq(b.data, lines[_i].want);
	buf_release(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, line, 0, NELEM(lines));
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

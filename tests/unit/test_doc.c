/*
 * Documents in the decree's layout: the place-and-date line (vntime.c),
 * the organisation from the config with its defaults, and a small
 * document rendered as Markdown, HTML (page and fragment) and .docx.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "doc.h"
#include "util.h"
#include "vntime.h"

static const struct {
	const char *place;
	struct ymd d;
	enum lang lang;
	const char *want;
} lines[] = {
	{ "Khánh Hòa", { 2023, 12, 15 }, LANG_VI,
	    "Khánh Hòa, ngày 15 tháng 12 năm 2023" },
	/* Decree 30/2020: a zero before days under 10 and months 1, 2. */
	{ "Khánh Hòa", { 2024, 2, 5 }, LANG_VI,
	    "Khánh Hòa, ngày 05 tháng 02 năm 2024" },
	{ "Khánh Hòa", { 2024, 1, 31 }, LANG_VI,
	    "Khánh Hòa, ngày 31 tháng 01 năm 2024" },
	{ "Đắk Lắk", { 2024, 3, 9 }, LANG_VI,
	    "Đắk Lắk, ngày 09 tháng 3 năm 2024" },
	{ "Đắk Lắk", { 2024, 10, 1 }, LANG_VI,
	    "Đắk Lắk, ngày 01 tháng 10 năm 2024" },
	{ NULL, { 2024, 10, 1 }, LANG_VI, "Ngày 01 tháng 10 năm 2024" },
	{ "Khánh Hòa", { 0, 0, 0 }, LANG_VI,
	    "Khánh Hòa, ngày … tháng … năm …" },
	{ "Khanh Hoa", { 2023, 12, 15 }, LANG_EN,
	    "Khanh Hoa, 15 December 2023" },
	{ "Khanh Hoa", { 2024, 2, 5 }, LANG_EN, "Khanh Hoa, 5 February 2024" },
	{ "", { 2024, 2, 5 }, LANG_EN, "5 February 2024" },
};

START_TEST(date_line)
{
	struct buf b;

	buf_init(&b);
	vntime_format_dateline(lines[_i].place, lines[_i].d, lines[_i].lang,
	    &b);
	ck_assert_str_eq(b.data, lines[_i].want);
	buf_release(&b);
}
END_TEST

START_TEST(org_defaults)
{
	struct config cfg;
	struct org o;

	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	org_from_config(&cfg, &o);
	ck_assert_ptr_null(o.parent);
	ck_assert_str_eq(o.name, "Liên hiệp các tổ chức hữu nghị");
	ck_assert_str_eq(o.abbrev, "LHHN");
	ck_assert_ptr_null(o.place);
	ck_assert_ptr_null(o.signer);
	ck_assert_str_eq(o.signer_title, "CHỦ TỊCH");
	ck_assert_str_eq(o.signer_title_en, "PRESIDENT");
	/* name and place come from the keys kyniem had before. */
	cfg.org_name = xstrdup("Liên hiệp các tổ chức hữu nghị tỉnh Phú Yên");
	cfg.org_province = xstrdup("Phú Yên");
	org_from_config(&cfg, &o);
	ck_assert_str_eq(o.name, "Liên hiệp các tổ chức hữu nghị tỉnh Phú Yên");
	ck_assert_str_eq(o.place, "Phú Yên");
	cfg.org_place = xstrdup("Tuy Hòa");
	org_from_config(&cfg, &o);
	ck_assert_str_eq(o.place, "Tuy Hòa");
	config_release(&cfg);
}
END_TEST

static const struct org khanh_hoa = {
	"Ủy ban MTTQ Việt Nam tỉnh Khánh Hòa",
	"Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa",
	"Khanh Hoa Union of Friendship Organisations",
	"LHHN", "Khánh Hòa", "Nguyễn Văn A", "Chủ tịch", "President"
};

/* A small plan: every kind of block, text that needs escaping. */
static struct doc *
small(enum lang lang)
{
	static const struct doc_head h = { "KẾ HOẠCH",
	    "Phương hướng hoạt động năm 2024", "KH", { 2023, 12, 15 }, NULL };
	static char c0[] = "Ngày", c1[] = "Sự kiện", c2[] = "21/9",
	    c3[] = "Nhật <Bản>";
	static char *cells[] = { c0, c1, c2, c3 };
	static const char *const to[] = { "LHHN Việt Nam" };
	struct doc *d = doc_new(&khanh_hoa, lang, &h);

	doc_heading(d, 1, "I. Công tác hữu nghị");
	doc_heading(d, 2, "1. Kỷ niệm");
	doc_para(d, "Nhân dịp *50 năm*.");
	doc_bullet(d, 0, "Nhật Bản");
	doc_bullet(d, 1, "Hoạt động: …");
	doc_todo(d, "[Cần bổ sung: đánh giá]");
	doc_table(d, 2, 2, cells, NULL);
	doc_end(d, to, NELEM(to));
	return d;
}

START_TEST(markdown)
{
	static const char want[] =
	    "ỦY BAN MTTQ VIỆT NAM TỈNH KHÁNH HÒA  \n"
	    "**LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH KHÁNH HÒA**  \n"
	    "Số: \xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0/KH-LHHN\n"
	    "\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n"
	    "**Độc lập - Tự do - Hạnh phúc**\n"
	    "\n_Khánh Hòa, ngày 15 tháng 12 năm 2023_\n"
	    "\n# KẾ HOẠCH\n"
	    "\n**Phương hướng hoạt động năm 2024**\n"
	    "\n## I. Công tác hữu nghị\n"
	    "\n### 1. Kỷ niệm\n"
	    "\nNhân dịp \\*50 năm\\*.\n"
	    "\n- Nhật Bản\n"
	    "  - Hoạt động: …\n"
	    "\n_\\[Cần bổ sung: đánh giá\\]_\n"
	    "\n| Ngày | Sự kiện |\n|---|---|\n| 21/9 | Nhật \\<Bản\\> |\n"
	    "\n**Nơi nhận:**\n\n- LHHN Việt Nam;\n- Lưu: VT.\n"
	    "\n**CHỦ TỊCH**\n"
	    "\n**Nguyễn Văn A**\n";
	struct doc *d = small(LANG_VI);
	struct buf b;

	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	ck_assert_str_eq(b.data, want);
	buf_release(&b);
	doc_free(d);
}
END_TEST

START_TEST(html)
{
	struct doc *d = small(LANG_VI);
	struct buf b;

	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_HTML, &b), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "<!DOCTYPE html>\n<html "
	    "lang=\"vi\">"));
	ck_assert_ptr_nonnull(strstr(b.data, "<title>KẾ HOẠCH: Phương hướng "
	    "hoạt động năm 2024</title>"));
	/* Both blocks of the header side by side, the date under the
	 * motto. */
	ck_assert_ptr_nonnull(strstr(b.data, "<tr><td><p>ỦY BAN MTTQ VIỆT NAM "
	    "TỈNH KHÁNH HÒA</p>\n<p class=\"org\">LIÊN HIỆP CÁC TỔ CHỨC HỮU "
	    "NGHỊ TỈNH KHÁNH HÒA</p>\n</td><td><p class=\"motto\">CỘNG HÒA XÃ "
	    "HỘI CHỦ NGHĨA VIỆT NAM</p>\n<p class=\"motto\">Độc lập - Tự do - "
	    "Hạnh phúc</p>\n</td></tr>"));
	ck_assert_ptr_nonnull(strstr(b.data, "<p class=\"date\">Khánh Hòa, "
	    "ngày 15 tháng 12 năm 2023</p>"));
	ck_assert_ptr_nonnull(strstr(b.data, "<h1 class=\"kind\">KẾ HOẠCH"
	    "</h1>\n<p class=\"doc-title\">Phương hướng hoạt động năm 2024"
	    "</p>\n<h2>I. Công tác hữu nghị</h2>\n<h3>1. Kỷ niệm</h3>\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "<ul class=\"items\"><li>Nhật "
	    "Bản<ul><li>Hoạt động: …</li></ul></li></ul>\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "<mark class=\"todo\">[Cần bổ "
	    "sung: đánh giá]</mark>"));
	ck_assert_ptr_nonnull(strstr(b.data, "<td>Nhật &lt;Bản&gt;</td>"));
	ck_assert_ptr_nonnull(strstr(b.data, "<li>LHHN Việt Nam;</li>"
	    "<li>Lưu: VT.</li>"));
	ck_assert_ptr_nonnull(strstr(b.data, "<p class=\"org\">CHỦ TỊCH</p>"
	    "<p class=\"sign\"></p><p class=\"org\">Nguyễn Văn A</p>"));
	b.len = 0;
	/* The fragment: no page around it, the kind one level down. */
	ck_assert_int_eq(doc_render(d, DOC_HTML_FRAGMENT, &b), 0);
	ck_assert_ptr_null(strstr(b.data, "<html"));
	ck_assert_ptr_nonnull(strstr(b.data, "<h2 class=\"kind\">KẾ HOẠCH"
	    "</h2>"));
	ck_assert_ptr_nonnull(strstr(b.data, "<h3>I. Công tác hữu nghị</h3>"));
	buf_release(&b);
	doc_free(d);
}
END_TEST

START_TEST(english)
{
	struct doc *d = small(LANG_EN);
	struct buf b;

	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "**KHANH HOA UNION OF FRIENDSHIP "
	    "ORGANISATIONS**  \nNo.: "));
	ck_assert_ptr_null(strstr(b.data, "MTTQ"));
	ck_assert_ptr_nonnull(strstr(b.data, "**SOCIALIST REPUBLIC OF VIET "
	    "NAM**  \n**Independence - Freedom - Happiness**\n"));
	/* The place folded to ASCII, as English texts write it. */
	ck_assert_ptr_nonnull(strstr(b.data, "\n_Khanh Hoa, 15 December "
	    "2023_\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "**Recipients:**"));
	ck_assert_ptr_nonnull(strstr(b.data, "\n**PRESIDENT**\n"));
	buf_release(&b);
	doc_free(d);
}
END_TEST

START_TEST(docx)
{
	struct doc *d = small(LANG_VI);
	struct buf b;
	enum doc_format f;

	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_DOCX, &b), 0);
	ck_assert_uint_gt(b.len, 1000);
	ck_assert_int_eq(memcmp(b.data, "PK\x03\x04", 4), 0);
	buf_release(&b);
	doc_free(d);
	ck_assert_int_eq(doc_parse_format("docx", &f), 0);
	ck_assert_int_eq(f, DOC_DOCX);
	ck_assert_int_eq(doc_parse_format("md", &f), 0);
	ck_assert_int_eq(f, DOC_MD);
	ck_assert_int_eq(doc_parse_format("pdf", &f), -1);
	ck_assert_str_eq(doc_content_type(DOC_HTML_FRAGMENT),
	    "text/html; charset=utf-8");
}
END_TEST

/* A letter: no kind line, the "V/v" summary under the number. */
START_TEST(letter)
{
	static const struct doc_head h = { NULL, NULL, "CV", { 0, 0, 0 },
	    "V/v chúc mừng Quốc khánh Lào" };
	struct org o = khanh_hoa;
	struct doc *d;
	struct buf b;

	o.parent = NULL;
	o.signer = NULL;
	d = doc_new(&o, LANG_VI, &h);
	doc_salutation(d, "Kính gửi: Ngài Tổng Lãnh sự");
	doc_end(d, NULL, 0);
	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "/CV-LHHN  \nV/v chúc mừng Quốc "
	    "khánh Lào\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "_Khánh Hòa, ngày … tháng … năm "
	    "…_\n\nKính gửi: Ngài Tổng Lãnh sự\n"));
	ck_assert_ptr_null(strstr(b.data, "# "));
	ck_assert_ptr_nonnull(strstr(b.data, "\n- Lưu: VT.\n\n**CHỦ TỊCH**\n"));
	ck_assert_ptr_null(strstr(b.data, "****"));
	buf_release(&b);
	doc_free(d);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, date_line, 0, NELEM(lines));
	tcase_add_test(tc, org_defaults);
	tcase_add_test(tc, markdown);
	tcase_add_test(tc, html);
	tcase_add_test(tc, english);
	tcase_add_test(tc, docx);
	tcase_add_test(tc, letter);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

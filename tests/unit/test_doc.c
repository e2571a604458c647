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
	/* Left for the date of signing: English keeps the year. */
	{ "Khanh Hoa", { 2024, 0, 0 }, LANG_EN, "Khanh Hoa, … 2024" },
	{ "Khanh Hoa", { 0, 0, 0 }, LANG_EN, "Khanh Hoa, … … …" },
	{ "Khánh Hòa", { 2024, 0, 0 }, LANG_VI,
	    "Khánh Hòa, ngày … tháng … năm …" },
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
	.parent = "Ủy ban MTTQ Việt Nam tỉnh Khánh Hòa",
	.name = "Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa",
	.name_en = "Khanh Hoa Union of Friendship Organisations",
	.abbrev = "LHHN",
	.place = "Khánh Hòa",
	.signer = "Nguyễn Văn A",
	.signer_title = "Chủ tịch",
	.signer_title_en = "President",
};

/* A small plan: every kind of block, text that needs escaping. */
static struct doc *
small(enum lang lang)
{
	static const struct doc_head h = { .kind = "KẾ HOẠCH",
	    .title = "Phương hướng hoạt động năm 2024", .symbol = "KH",
	    .date = { 2023, 12, 15 } };
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
	    "ỦY BAN MTTQ VIỆT NAM  \nTỈNH KHÁNH HÒA  \n"
	    "**LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ**  \n**TỈNH KHÁNH HÒA**  \n"
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
	ck_assert_ptr_nonnull(strstr(b.data, "<tr><td><p class=\"parent\">"
	    "<span class=\"nobr\">ỦY BAN MTTQ VIỆT NAM</span><br><span "
	    "class=\"nobr\">TỈNH KHÁNH HÒA</span></p>\n<p class=\"org\"><span "
	    "class=\"ruled short\"><span class=\"nobr\">LIÊN HIỆP CÁC TỔ "
	    "CHỨC HỮU NGHỊ</span><br><span class=\"nobr\">TỈNH KHÁNH HÒA"
	    "</span></span></p>\n</td><td><p class=\"motto\">CỘNG HÒA XÃ "
	    "HỘI CHỦ NGHĨA VIỆT NAM</p>\n<p class=\"motto motto2\"><span "
	    "class=\"ruled full\"><span class=\"nobr\">Độc lập - Tự do - "
	    "Hạnh phúc</span></span></p>\n</td></tr>"));
	ck_assert_ptr_nonnull(strstr(b.data, "<p class=\"date\">Khánh Hòa, "
	    "ngày 15 tháng 12 năm 2023</p>"));
	ck_assert_ptr_nonnull(strstr(b.data, "<h1 class=\"kind\">KẾ HOẠCH"
	    "</h1>\n<p class=\"doc-title\"><span class=\"ruled short\">"
	    "Phương hướng hoạt động năm 2024</span></p>\n<h2>I. Công tác hữu "
	    "nghị</h2>\n<h3>1. Kỷ niệm</h3>\n"));
	/* The print rules: page numbers from page 2, justified body. */
	ck_assert_ptr_nonnull(strstr(b.data, "@page:first{@top-center"
	    "{content:none}}"));
	ck_assert_ptr_nonnull(strstr(b.data, "text-align:justify"));
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
	b.len = 0;
	/* Folded: the top section under its heading, closed before the
	 * recipients and signature; the lower heading stays a heading. */
	ck_assert_int_eq(doc_render_folded(d, &b), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "<details class=\"fold\"><summary>"
	    "<h3>I. Công tác hữu nghị</h3></summary>\n<h4>1. Kỷ niệm</h4>\n"));
	ck_assert_ptr_null(strstr(strstr(b.data, "</summary>") + 1,
	    "<summary>"));
	ck_assert_ptr_nonnull(strstr(b.data, "</details>\n"));
	ck_assert_ptr_null(strstr(strstr(b.data, "</details>") + 1,
	    "</details>"));
	ck_assert(strstr(b.data, "Lưu: VT.") > strstr(b.data, "</details>"));
	ck_assert(strstr(b.data, "Nhật &lt;Bản&gt;") < strstr(b.data,
	    "</details>"));
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
	/* Too long for one line: broken at the space nearest its middle. */
	ck_assert_ptr_nonnull(strstr(b.data, "**KHANH HOA UNION OF**  \n"
	    "**FRIENDSHIP ORGANISATIONS**  \nNo.: "));
	/* "Attached to", the kind named by its symbol. */
	doc_appendix(d, "Calendar");
	b.len = 0;
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "_(Attached to Plan No. "
	    "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0/KH-LHHN "
	    "dated 15 Dec 2023 of the Khanh Hoa Union of Friendship "
	    "Organisations)_\n"));
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
	ck_assert_int_eq(doc_parse_format("pdf", &f), 0);
	ck_assert_int_eq(f, DOC_PDF);
	ck_assert_int_eq(doc_parse_format("csv", &f), 0);
	ck_assert_int_eq(f, DOC_CSV);
	ck_assert_int_eq(doc_parse_format("html", &f), 0);
	ck_assert_int_eq(f, DOC_HTML);
	ck_assert_int_eq(doc_parse_format("odt", &f), -1);
	ck_assert_int_eq(doc_parse_format("", &f), -1);
	ck_assert_str_eq(doc_content_type(DOC_HTML_FRAGMENT),
	    "text/html; charset=utf-8");
	ck_assert_str_eq(doc_content_type(DOC_PDF), "application/pdf");
	ck_assert_str_eq(doc_format_ext(DOC_DOCX), "docx");
	ck_assert_str_eq(doc_format_ext(DOC_PDF), "pdf");
	/* A PDF is LibreOffice's: without soffice on PATH, none (the
	 * check runs in a process of its own). */
	setenv("PATH", "/nonexistent", 1);
	d = small(LANG_VI);
	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_PDF, &b), -1);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_int_eq(doc_render(d, DOC_CSV, &b), -1);
	buf_release(&b);
	doc_free(d);
}
END_TEST

/* A letter: no kind line, the "V/v" summary under the number. */
START_TEST(letter)
{
	static const struct doc_head h = { .symbol = "CV",
	    .summary = "V/v chúc mừng Quốc khánh Lào" };
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

/* The name's lines: where name_lines breaks it, else before "tỉnh"
 * only when it is too long for its half of the page, never in a word. */
static const struct {
	const char *name, *lines, *want;
} names[] = {
	{ "Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa", NULL,
	    "**LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ**  \n**TỈNH KHÁNH HÒA**  \n" },
	{ "Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa",
	    "Liên hiệp các tổ chức | hữu nghị tỉnh Khánh Hòa",
	    "**LIÊN HIỆP CÁC TỔ CHỨC**  \n**HỮU NGHỊ TỈNH KHÁNH HÒA**  \n" },
	{ "Liên hiệp các tổ chức hữu nghị thành phố Hồ Chí Minh", NULL,
	    "**LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ**  \n"
	    "**THÀNH PHỐ HỒ CHÍ MINH**  \n" },
	{ "Liên hiệp hữu nghị tỉnh Huế", NULL,
	    "**LIÊN HIỆP HỮU NGHỊ TỈNH HUẾ**  \n" },
	{ "Hội hữu nghị | Việt Nam – Lào |", NULL,
	    "**HỘI HỮU NGHỊ**  \n**VIỆT NAM – LÀO**  \n" },
};

START_TEST(name_lines)
{
	static const struct doc_head h = { .kind = "KẾ HOẠCH", .symbol = "KH" };
	struct org o = khanh_hoa;
	struct doc *d;
	struct buf b;

	o.parent = NULL;
	o.name = names[_i].name;
	o.name_lines = names[_i].lines;
	d = doc_new(&o, LANG_VI, &h);
	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	ck_assert_msg(strncmp(b.data, names[_i].want, strlen(names[_i].want))
	    == 0, "%s", b.data);
	buf_release(&b);
	doc_free(d);
}
END_TEST

/* The state's number "Số: …/KH-LHHN" and the party's "Số …-KH/LHHN"
 * under a star (Hướng dẫn 36-HD/VPTW); the appendix line names it the
 * same way. */
START_TEST(number_style)
{
	static const struct doc_head h = { .kind = "KẾ HOẠCH", .symbol = "KH",
	    .date = { 2024, 2, 5 } };
	struct org o = khanh_hoa;
	struct doc *d;
	struct buf b;

	o.number_style = DOC_NUMBER_PARTY;
	d = doc_new(&o, LANG_VI, &h);
	doc_para(d, "Nội dung.");
	doc_end_list(d, "A (để báo cáo); - B;;  Lưu: VT, VP ");
	doc_appendix(d, "Lịch các ngày kỷ niệm");
	doc_para(d, "Phụ lục một.");
	doc_appendix(d, "Danh sách");
	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "**TỈNH KHÁNH HÒA**  \n\\*  \n"
	    "Số \xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0-KH/LHHN\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "- A (để báo cáo);\n- B;\n"
	    "- Lưu: VT, VP.\n\n"));
	ck_assert_ptr_null(strstr(b.data, "Lưu: VT.\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "---\n\n**Phụ lục I**\n\n"
	    "**LỊCH CÁC NGÀY KỶ NIỆM**\n\n_(Kèm theo Kế hoạch số "
	    "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0-KH/LHHN ngày "
	    "5/2/2024 của Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa)_\n"
	    "\nPhụ lục một.\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "**Phụ lục II**"));
	buf_release(&b);
	doc_free(d);
	/* An appendix on its own: no header, no signature. */
	d = doc_new_appendix(&o, LANG_VI, &h, "Lịch");
	doc_para(d, "Nội dung.");
	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	ck_assert_str_eq(b.data, "**Phụ lục**\n\n**LỊCH**\n\n_(Kèm theo Kế "
	    "hoạch số \xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0-KH/"
	    "LHHN ngày 5/2/2024 của Liên hiệp các tổ chức hữu nghị tỉnh Khánh "
	    "Hòa)_\n\nNội dung.\n");
	buf_release(&b);
	doc_free(d);
}
END_TEST

/* Numbered lists start again after another block; the first page's line
 * comes first; a page break is a rule in Markdown, a page in HTML. */
START_TEST(blocks)
{
	static const struct doc_head h = { .kind = "BÁO CÁO", .symbol = "BC" };
	struct doc *d = doc_new(&khanh_hoa, LANG_VI, &h);
	struct buf b;

	doc_first_line(d, "Dự thảo");
	doc_numbered(d, 0, "Một");
	doc_numbered(d, 1, "Một a");
	doc_numbered(d, 0, "Hai");
	doc_para(d, "Giữa.");
	doc_page_break(d);
	doc_numbered(d, 0, "Lại một");
	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	ck_assert_int_eq(strncmp(b.data, "_Dự thảo_\n\nỦY BAN", 21), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "\n1. Một\n   1. Một a\n2. Hai\n"
	    "\nGiữa.\n\n---\n\n1. Lại một\n"));
	b.len = 0;
	ck_assert_int_eq(doc_render(d, DOC_HTML, &b), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "<p class=\"first-line\">Dự thảo"
	    "</p>\n<table class=\"layout head\""));
	ck_assert_ptr_nonnull(strstr(b.data, "<ol class=\"items\"><li>Một<ol>"
	    "<li>Một a</li></ol></li>\n<li>Hai</li></ol>\n<p>Giữa.</p>\n"
	    "<div class=\"page-break\"></div>\n<ol class=\"items\"><li>Lại "
	    "một</li></ol>\n"));
	buf_release(&b);
	doc_free(d);
}
END_TEST

/* Text staff wrote, as blocks: lines, bullets, the sections' own
 * numbering as headings below the section's; numbers that are not
 * headings stay text. */
static const struct {
	const char *text, *want;
} texts[] = {
	{ "Một đoạn.\n\n  Đoạn hai.  \r\n", "\nMột đoạn.\n\nĐoạn hai.\n" },
	{ "- Một\n+ Một a\n- Hai", "\n- Một\n  - Một a\n- Hai\n" },
	{ "-   Ba\t\n+  Bốn", "\n- Ba\n  - Bốn\n" },
	{ "1. Mục đích\nTăng cường.\n2. Yêu cầu",
	    "\n### 1. Mục đích\n\nTăng cường.\n\n### 2. Yêu cầu\n" },
	{ "1.2. Nhỏ\na) Nhỏ hơn", "\n#### 1.2. Nhỏ\n\n#### a) Nhỏ hơn\n" },
	{ "3.000 người.\n2024 là năm.\n1.", "\n3.000 người.\n\n2024 là năm."
	    "\n\n1.\n" },
	{ "", "" },
	{ NULL, "" },
};

START_TEST(text)
{
	static const struct doc_head h = { .kind = "KẾ HOẠCH", .symbol = "KH" };
	struct doc *d = doc_new_appendix(&khanh_hoa, LANG_VI, &h, "X");
	struct buf b;
	const char *body;

	doc_text(d, 1, texts[_i].text);
	buf_init(&b);
	ck_assert_int_eq(doc_render(d, DOC_MD, &b), 0);
	buf_putc(&b, '\0');
	/* What follows the appendix's heading. */
	body = strstr(b.data, "Hòa)_\n");
	ck_assert_ptr_nonnull(body);
	ck_assert_str_eq(body + strlen("Hòa)_\n"), texts[_i].want);
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
	tcase_add_loop_test(tc, name_lines, 0, NELEM(names));
	tcase_add_test(tc, number_style);
	tcase_add_test(tc, blocks);
	tcase_add_loop_test(tc, text, 0, NELEM(texts));
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

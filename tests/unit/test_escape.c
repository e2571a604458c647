/*
 * The escapers and the HTML writer: every output language's special
 * characters, CSV formula neutralisation, log lines that cannot be forged,
 * and html_printf's %s escaping with its numbers left alone.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util.h"

typedef void (*escaper)(struct buf *, const char *);

static const struct {
	const char *name;
	escaper fn;
	const char *in, *want;
} cases[] = {
	{ "html", esc_html, "<script>alert('x')</script> & \"q\"",
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;" },
	{ "html utf8", esc_html, "Hội hữu nghị Việt – Lào", "Hội hữu nghị Việt – Lào" },
	{ "md html", esc_md, "<img src=x onerror=alert(1)>",
	    "\\<img src=x onerror=alert(1)\\>" },
	{ "md link", esc_md, "[a](javascript:x) *b* _c_ `d` | e",
	    "\\[a\\](javascript:x) \\*b\\* \\_c\\_ \\`d\\` \\| e" },
	{ "md lines", esc_md, "a\nb\r\nc", "a b  c" },
	{ "md entity", esc_md, "&lt;", "\\&lt;" },
	{ "csv plain", esc_csv, "Nhật Bản", "Nhật Bản" },
	{ "csv quote", esc_csv, "a, \"b\"", "\"a, \"\"b\"\"\"" },
	{ "csv formula =", esc_csv, "=HYPERLINK(\"http://x\")",
	    "\"'=HYPERLINK(\"\"http://x\"\")\"" },
	{ "csv formula +", esc_csv, "+1", "\"'+1\"" },
	{ "csv formula -", esc_csv, "-2+3", "\"'-2+3\"" },
	{ "csv formula @", esc_csv, "@SUM(A1)", "\"'@SUM(A1)\"" },
	{ "csv formula tab", esc_csv, "\tx", "\"'\tx\"" },
	{ "csv formula cr", esc_csv, "\rx", "\"'\rx\"" },
	{ "csv inner =", esc_csv, "a=b", "a=b" },
	{ "xml", esc_xml, "a<b>&\"c\"\x01\tđ\n", "a&lt;b&gt;&amp;&quot;c&quot;\tđ\n" },
	{ "xml fffe", esc_xml, "a\xef\xbf\xbe" "b", "ab" },
	{ "url", esc_url, "a b/c?d=é", "a%20b%2Fc%3Fd%3D%C3%A9" },
};

START_TEST(escapes)
{
	struct buf b;

	buf_init(&b);
	cases[_i].fn(&b, cases[_i].in);
	ck_assert_msg(b.data != NULL && strcmp(b.data, cases[_i].want) == 0,
	    "%s: got '%s'", cases[_i].name, b.data ? b.data : "(null)");
	buf_release(&b);
}
END_TEST

START_TEST(null_and_empty)
{
	struct buf b;

	buf_init(&b);
	esc_html(&b, NULL);
	esc_md(&b, "");
	esc_csv(&b, NULL);
	esc_xml(&b, NULL);
	ck_assert_uint_eq(b.len, 0);
	esc_xml(&b, "a");		/* and the buffer still takes text */
	ck_assert_str_eq(b.data, "a");
	buf_release(&b);
}
END_TEST

/* A request cannot write a second log line, a journald level or a
 * terminal escape. */
START_TEST(log_line)
{
	struct buf b;

	buf_init(&b);
	esc_log(&b, "/x\n<0>kyniem: EMERGENCY\x1b[31m\\é", 100);
	ck_assert_str_eq(b.data, "/x\\x0A<0>kyniem: EMERGENCY\\x1B[31m\\x5C"
	    "\\xC3\\xA9");
	ck_assert_ptr_null(strchr(b.data, '\n'));
	b.len = 0;
	esc_log(&b, "abcdef", 3);
	ck_assert_str_eq(b.data, "abc...");
	buf_release(&b);
}
END_TEST

/* kyniem audit's text: Vietnamese as it is, what drives or fools a
 * terminal escaped (issue 21). */
START_TEST(term_text)
{
	struct buf b;

	buf_init(&b);
	esc_term(&b, "Tổ chức gặp mặt \"Lào\"", 100);
	ck_assert_str_eq(b.data, "Tổ chức gặp mặt \"Lào\"");
	b.len = 0;
	esc_term(&b, "a\x1b[31m\n\tb\x7f\\c", 100);
	ck_assert_str_eq(b.data, "a\\x1B[31m\\x0A\\x09b\\x7F\\\\c");
	b.len = 0;
	/* C1 NEL, U+2028, U+202E, U+2066, an invalid byte. */
	esc_term(&b, "x\xc2\x85y\xe2\x80\xa8z\xe2\x80\xaegpj\xe2\x81\xa6"
	    "\xff!", 100);
	ck_assert_str_eq(b.data, "x\\u0085y\\u2028z\\u202Egpj\\u2066\\xFF!");
	b.len = 0;
	/* A cut inside a character shows its bytes, then the mark. */
	esc_term(&b, "ệệ", 4);
	ck_assert_str_eq(b.data, "ệ\\xE1...");
	buf_release(&b);
}
END_TEST

START_TEST(html_writer)
{
	struct buf b;

	buf_init(&b);
	html_printf(&b, "<p title=\"%s\">%s %d%% %ld %zu %05u|%-3d|</p>",
	    "a\"b", "<i>", -7, 123456789012L, (size_t)42, 9u, 5);
	ck_assert_str_eq(b.data, "<p title=\"a&quot;b\">&lt;i&gt; -7% "
	    "123456789012 42 00009|5  |</p>");
	b.len = 0;
	html_printf(&b, "%.3s|%s|%c", "abcdef", "x&y", '<');
	ck_assert_str_eq(b.data, "abc|x&amp;y|&lt;");
	b.len = 0;
	html_raw(&b, "<b>");
	html_printf(&b, "%s", "<b>");
	ck_assert_str_eq(b.data, "<b>&lt;b&gt;");
	buf_release(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, escapes, 0, NELEM(cases));
	tcase_add_test(tc, null_and_empty);
	tcase_add_test(tc, log_line);
	tcase_add_test(tc, html_writer);
	tcase_add_test(tc, term_text);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * message: RFC 2047 encoded-words, header injection refused, Message-ID
 * stable per (reminder, recipient), the Date header in +0700, and the
 * MIME layout with the calendar's METHOD in its Content-Type.
 */
#include <check.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "message.h"
#include "util.h"

static const char *ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "METHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static int
b64val(int c)
{
	const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789+/";
	const char *p = c ? strchr(a, c) : NULL;

	return p ? (int)(p - a) : -1;
}

/* Decode every =?UTF-8?B?...?= word of s (ignoring what is between). */
static void
decode_words(const char *s, struct buf *out)
{
	const char *p, *e;
	unsigned v = 0;
	int bits = 0, d;

	while ((p = strstr(s, "=?UTF-8?B?")) != NULL) {
		p += 10;
		e = strstr(p, "?=");
		ck_assert_ptr_nonnull(e);
		ck_assert_int_le(e + 2 - (p - 10), 75);
		for (; p < e; p++) {
			if (*p == '=')
				break;
			d = b64val(*p);
			ck_assert_int_ge(d, 0);
			v = (v << 6) | (unsigned)d;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				buf_putc(out, (int)((v >> bits) & 0xff));
			}
		}
		/* Each word holds whole UTF-8 sequences. */
		ck_assert(util_utf8_valid(out->data, out->len));
		bits = 0;
		s = e + 2;
	}
}

static const char *const subjects[] = {
	"Sắp đến: Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – "
	    "Nhật Bản (21/9/1973 – 21/9/2023)",
	"Nhắc việc: Giao lưu bóng chuyền sinh viên Lào – Campuchia",
	"ễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễễ",
	"a",
};

START_TEST(encoded_words_roundtrip)
{
	struct buf enc, dec;

	buf_init(&enc);
	buf_init(&dec);
	message_encode_words(subjects[_i], &enc);
	if (_i == 3) {
		ck_assert_str_eq(enc.data, "a");
	} else {
		for (size_t i = 0; i < enc.len; i++)
			ck_assert_int_lt((unsigned char)enc.data[i], 0x80);
		decode_words(enc.data, &dec);
		ck_assert_str_eq(dec.data, subjects[_i]);
	}
	buf_release(&enc);
	buf_release(&dec);
}
END_TEST

static void
fill(struct message *m)
{
	memset(m, 0, sizeof(*m));
	m->from = "kyniem@example.org";
	m->from_name = "Liên hiệp hữu nghị";
	m->to = "an@example.org";
	m->to_name = "Nguyễn An";
	m->subject = "Nhắc việc";
	m->message_id = "reminder.1@example.org";
	m->date = 1700000000;
	m->text = "xin chào";
	m->html = "<p>xin chào</p>";
	m->ics = ICS;
}

/* Every header value of struct message: a CR or LF in any is refused. */
static const struct {
	const char *name;
	size_t off;
} header_fields[] = {
	{ "from", offsetof(struct message, from) },
	{ "from_name", offsetof(struct message, from_name) },
	{ "to", offsetof(struct message, to) },
	{ "to_name", offsetof(struct message, to_name) },
	{ "subject", offsetof(struct message, subject) },
	{ "message_id", offsetof(struct message, message_id) },
};

START_TEST(header_injection_refused)
{
	struct message m;
	struct buf b;
	const char *err = NULL;
	const char *bad[] = { "x\r\nBcc: evil@example.org", "x\nBcc: y",
	    "x\rY" };
	const char **field;
	size_t i;

	/* The message is good with the field as fill() sets it... */
	fill(&m);
	buf_init(&b);
	ck_assert_int_eq(message_build(&m, &b, &err), 0);
	buf_release(&b);
	for (i = 0; i < NELEM(bad); i++) {
		fill(&m);
		field = (const char **)(void *)((char *)&m +
		    header_fields[_i].off);
		ck_assert_ptr_nonnull(*field);
		/* ...and refused with a line break in it. */
		*field = bad[i];
		err = NULL;
		buf_init(&b);
		ck_assert_msg(message_build(&m, &b, &err) == -1, "%s = %s",
		    header_fields[_i].name, bad[i]);
		ck_assert_ptr_nonnull(err);
		ck_assert_uint_eq(b.len, 0);
		buf_release(&b);
	}
}
END_TEST

START_TEST(layout)
{
	struct message m;
	struct buf b;
	const char *err;

	fill(&m);
	buf_init(&b);
	ck_assert_int_eq(message_build(&m, &b, &err), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "\r\nAuto-Submitted: "
	    "auto-generated\r\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "\r\nMessage-ID: "
	    "<reminder.1@example.org>\r\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "\r\nDate: Wed, 15 Nov 2023 "
	    "05:13:20 +0700\r\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "Content-Type: multipart/mixed;"));
	ck_assert_ptr_nonnull(strstr(b.data, "Content-Type: "
	    "multipart/alternative;"));
	ck_assert_ptr_nonnull(strstr(b.data, "Content-Type: text/plain; "
	    "charset=UTF-8\r\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "Content-Type: text/html; "
	    "charset=UTF-8\r\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "Content-Type: text/calendar; "
	    "charset=UTF-8; method=PUBLISH;"));
	ck_assert_ptr_nonnull(strstr(b.data, "Content-Disposition: "
	    "attachment"));
	ck_assert_ptr_nonnull(strstr(b.data, "To: =?UTF-8?B?"));
	/* Every line ends in CRLF and stays short. */
	{
		const char *p = b.data, *nl;

		while ((nl = strchr(p, '\n')) != NULL) {
			ck_assert(nl > p && nl[-1] == '\r');
			ck_assert_int_le(nl - p, 78);
			p = nl + 1;
		}
	}
	buf_release(&b);

	/* A calendar without METHOD cannot match Content-Type's method. */
	m.ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
	buf_init(&b);
	ck_assert_int_eq(message_build(&m, &b, &err), -1);
	buf_release(&b);
}
END_TEST

/* The attachment is named after the event: an ASCII name cut at a word,
 * and the UTF-8 name in RFC 2231 pieces that put it back together; every
 * line stays short. */
START_TEST(attachment_name)
{
	static const char title[] = "Kỷ niệm 50 năm thiết lập quan hệ ngoại "
	    "giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023) tại Nha Trang";
	struct message m;
	struct buf b, name;
	const char *err, *p, *nl;
	char key[32];
	int i;

	fill(&m);
	m.ics_name = title;
	buf_init(&b);
	ck_assert_int_eq(message_build(&m, &b, &err), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "\r\n filename=\"Ky-niem-50-nam-"
	    "thiet-lap-quan-he-ngoai-giao-Viet-Nam-Nhat.ics\"\r\n"));
	for (p = b.data; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		ck_assert_int_le(nl - p, 78);
	/* filename*0*=UTF-8''..., filename*1*=..., put back together. */
	buf_init(&name);
	for (i = 0; i < 20; i++) {
		snprintf(key, sizeof(key), " filename*%d*=%s", i, i ? "" :
		    "UTF-8''");
		if ((p = strstr(b.data, key)) == NULL)
			break;
		for (p += strlen(key); *p != ';' && *p != '\r'; p++) {
			unsigned v;

			if (*p == '%' && sscanf(p + 1, "%2x", &v) == 1) {
				buf_putc(&name, (int)v);
				p += 2;
			} else
				buf_putc(&name, *p);
		}
	}
	ck_assert_int_gt(i, 2);
	ck_assert_str_eq(name.data, "Kỷ niệm 50 năm thiết lập quan hệ ngoại "
	    "giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023) tại Nha.ics");
	buf_release(&name);
	buf_release(&b);
	/* No name: "event.ics", and nothing for RFC 2231. */
	m.ics_name = NULL;
	buf_init(&b);
	ck_assert_int_eq(message_build(&m, &b, &err), 0);
	ck_assert_ptr_nonnull(strstr(b.data, "filename=\"event.ics\""));
	ck_assert_ptr_null(strstr(b.data, "filename*"));
	buf_release(&b);
}
END_TEST

START_TEST(message_ids)
{
	char *a = message_id("activity:x:7d", "an@example.org", "d.vn");
	char *b = message_id("activity:x:7d", "an@example.org", "d.vn");
	char *c = message_id("activity:x:7d", "binh@example.org", "d.vn");
	char *d = message_id("activity:x:1d", "an@example.org", "d.vn");

	ck_assert_str_eq(a, b);
	ck_assert_str_ne(a, c);
	ck_assert_str_ne(a, d);
	ck_assert_ptr_nonnull(strstr(a, "@d.vn"));
	free(a);
	free(b);
	free(c);
	free(d);
}
END_TEST

START_TEST(dates)
{
	struct buf b;

	buf_init(&b);
	message_format_date(0, &b);
	ck_assert_str_eq(b.data, "Thu, 1 Jan 1970 07:00:00 +0700");
	b.len = 0;
	/* 2024-02-29 23:59:59 in Vietnam is 16:59:59 UTC. */
	message_format_date(1709225999, &b);
	ck_assert_str_eq(b.data, "Thu, 29 Feb 2024 23:59:59 +0700");
	buf_release(&b);
}
END_TEST

/* Attached files: binary bytes (a NUL among them) as base64 after the
 * calendar, named as given; a name or type that is not a plain token is
 * refused. */
START_TEST(attached_files)
{
	static const char bytes[] = { 'P', 'K', 0x03, 0x04, 0, (char)0xff,
	    'x' };
	struct message_file f = { "2024-national-day_LA-embassy_LA-vi.docx",
	    "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document", bytes, sizeof(bytes) };
	struct message m;
	struct buf b;
	const char *err = NULL, *p;

	fill(&m);
	m.files = &f;
	m.nfiles = 1;
	buf_init(&b);
	ck_assert_int_eq(message_build(&m, &b, &err), 0);
	p = strstr(b.data, "Content-Disposition: attachment;\r\n filename="
	    "\"2024-national-day_LA-embassy_LA-vi.docx\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\nUEsDBAD/eA==\r\n");
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(b.data, "text/calendar"));
	ck_assert(strstr(b.data, "text/calendar") < p);
	buf_release(&b);
	f.name = "../x.docx";
	buf_init(&b);
	ck_assert_int_eq(message_build(&m, &b, &err), -1);
	buf_release(&b);
	f.name = "a\"b.docx";
	buf_init(&b);
	ck_assert_int_eq(message_build(&m, &b, &err), -1);
	buf_release(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("message");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, encoded_words_roundtrip, 0, NELEM(subjects));
	tcase_add_loop_test(tc, header_injection_refused, 0,
	    NELEM(header_fields));
	tcase_add_test(tc, layout);
	tcase_add_test(tc, attachment_name);
	tcase_add_test(tc, attached_files);
	tcase_add_test(tc, message_ids);
	tcase_add_test(tc, dates);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

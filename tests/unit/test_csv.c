/*
 * The CSV reader: known records, their lines and errors; a record longer
 * than CSV_RECORD_MAX refused and skipped; and the same transcript whether
 * the bytes come from memory or from a file read a window at a time, with
 * every byte of the records that matter moved across the window's edge.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "input.h"
#include "util.h"

/* input.c's window: what the file reads start with. */
#define WINDOW	65536

/* Every record (line, fields joined by '|') or error (line: error). */
static char *
transcript(struct csv *c)
{
	struct buf b;
	const char *err;
	long line = 0;
	size_t i;
	int rc;

	buf_init(&b);
	buf_puts(&b, "");
	while ((rc = csv_read(c, &line, &err)) != 0) {
		buf_printf(&b, "%ld:", line);
		if (rc == -1) {
			/* Every reason has its Vietnamese words. */
			ck_assert_str_ne(csv_reason_vi(err), err);
			buf_printf(&b, " %s\n", err);
			continue;
		}
		for (i = 0; i < c->nfields; i++)
			buf_printf(&b, "%s%s", i ? "|" : "", c->fields[i]);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

static char *
from_memory(const char *data, size_t len)
{
	struct csv c;
	char *t;

	csv_init(&c, data, len);
	t = transcript(&c);
	csv_release(&c);
	return t;
}

static char *
from_file(const char *data, size_t len)
{
	char path[] = "/tmp/kyniem-csv-XXXXXX";
	struct input in;
	struct csv c;
	char *t;
	int fd = mkstemp(path);

	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
	ck_assert_int_eq(input_open(&in, path), 0);
	csv_init_input(&c, &in);
	t = transcript(&c);
	csv_release(&c);
	input_close(&in);
	unlink(path);
	return t;
}

static const struct {
	const char *data;
	const char *want;
} cases[] = {
	{ "a,b\r\nc,d\n", "1:a|b\n2:c|d\n" },
	{ "\xef\xbb\xbfk,v\n1,2", "1:k|v\n2:1|2\n" },
	{ "a,\"b \"\"q\"\", c\"\n\n\nd,e\n", "1:a|b \"q\", c\n4:d|e\n" },
	{ "a,\"two\nlines\",z\nb,c\n", "1:a|two\nlines|z\n3:b|c\n" },
	{ "a\"b,c\nd,e\n", "1: quote inside unquoted field\n2:d|e\n" },
	{ "\"a\"b,c\nd\n", "1: text after closing quote\n2:d\n" },
	{ "a,\"open\nb,c\n", "1: unterminated quoted field\n2:b|c\n" },
	{ "a\rb,c\nd\n", "1: bare carriage return\n2:d\n" },
	{ "a,\xff\nd\n", "1: invalid UTF-8\n2:d\n" },
};

START_TEST(known)
{
	char *m = from_memory(cases[_i].data, strlen(cases[_i].data));
	char *f = from_file(cases[_i].data, strlen(cases[_i].data));

	ck_assert_str_eq(m, cases[_i].want);
	ck_assert_str_eq(f, cases[_i].want);
	free(m);
	free(f);
}
END_TEST

/* Each case after a first record that ends from 12 bytes before the
 * window's edge to 12 after it: the file's transcript is the memory's. */
START_TEST(window_edges)
{
	struct buf b;
	char *m, *f;
	long shift;

	for (shift = -12; shift <= 12; shift++) {
		buf_init(&b);
		buf_puts(&b, "\"");
		while (b.len < (size_t)(WINDOW + shift - 3))
			buf_puts(&b, b.len % 70 == 0 ? "\n" : "x");
		buf_puts(&b, "\"\r\n");
		buf_puts(&b, cases[_i].data);
		m = from_memory(b.data, b.len);
		f = from_file(b.data, b.len);
		ck_assert_str_eq(f, m);
		free(m);
		free(f);
		buf_release(&b);
	}
}
END_TEST

/* A record of CSV_RECORD_MAX bytes is read; one byte more is refused
 * by its line, and the next line read. */
START_TEST(longest_record)
{
	size_t n = CSV_RECORD_MAX, i;
	char *data = xmalloc(2 * n + 64), *t, *want;
	size_t len = 0;
	int over;

	for (over = 0; over <= 1; over++) {
		len = 0;
		for (i = 0; i < n - 1 + (size_t)over; i++)
			data[len++] = 'y';
		data[len++] = '\n';
		memcpy(data + len, "next,row\n", 9);
		len += 9;
		want = over ? xstrdup("1: record longer than 1048576 bytes\n"
		    "2:next|row\n") : NULL;
		t = from_file(data, len);
		if (!over)
			ck_assert_uint_eq(strlen(t), strlen("1:") + n - 1 + 1 +
			    strlen("2:next|row\n"));
		else
			ck_assert_str_eq(t, want);
		free(t);
		t = from_memory(data, len);
		if (over)
			ck_assert_str_eq(t, want);
		free(t);
		free(want);
	}
	free(data);
}
END_TEST

START_TEST(reason_vi)
{
	ck_assert_str_eq(csv_reason_vi("quote inside unquoted field"),
	    "dấu ngoặc kép nằm giữa một ô không mở bằng dấu ngoặc kép");
	ck_assert_str_eq(csv_reason_vi("no such reason"), "no such reason");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, known, 0, NELEM(cases));
	tcase_add_loop_test(tc, window_edges, 0, NELEM(cases));
	tcase_add_test(tc, longest_record);
	tcase_add_test(tc, reason_vi);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * iCalendar content lines: unfolding (CRLF or LF, then a space or tab),
 * line numbers of folded lines, trailing white space and the byte order
 * mark dropped, a line longer than the limit cut and the rest of it
 * skipped; and the same lines whether read from memory or from a file a
 * window at a time, with every byte that matters moved across the
 * window's edge.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "icsline.h"
#include "input.h"
#include "util.h"

#define WINDOW	65536	/* input.c's first window */

/* "LINE:TEXT" per content line; "LINE! TEXT" for one cut at max. */
static char *
transcript(struct input *in, size_t max)
{
	struct icsline l;
	struct buf b;
	long line = 0;
	int rc;

	buf_init(&b);
	buf_puts(&b, "");
	icsline_init(&l, in, max);
	while ((rc = icsline_next(&l, &line)) > 0)
		buf_printf(&b, "%ld%s%s\n", line, rc == ICSLINE_LONG ? "! " :
		    ":", l.text.data);
	ck_assert_int_eq(rc, ICSLINE_END);
	icsline_release(&l);
	return buf_detach(&b);
}

static char *
from_memory(const char *data, size_t len, size_t max)
{
	struct input in;

	input_init_mem(&in, data, len);
	return transcript(&in, max);
}

static char *
from_file(const char *data, size_t len, size_t max)
{
	char path[] = "/tmp/kyniem-ics-XXXXXX";
	struct input in;
	char *t;
	int fd = mkstemp(path);

	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
	ck_assert_int_eq(input_open(&in, path), 0);
	t = transcript(&in, max);
	input_close(&in);
	unlink(path);
	return t;
}

static const struct {
	const char *data;
	size_t max;
	const char *want;
} cases[] = {
	{ "A:1\r\nB:2\r\n", 100, "1:A:1\n2:B:2\n" },
	{ "A:1\nB:2", 100, "1:A:1\n2:B:2\n" },
	{ "A:ab\r\n c\r\n\td\r\nB:x\r\n", 100, "1:A:abcd\n4:B:x\n" },
	{ "\xef\xbb\xbf" "A:1  \t\r\n\r\nB:2\n", 100, "1:A:1\n2:\n3:B:2\n" },
	{ "A:x\ry\r\nB:\r\n \r\n", 100, "1:A:x\ry\n2:B:\n" },
	{ "A:0123456789abcdefghij\r\nB:1\r\n", 16,
	    "1! A:0123456789abcd\n2:B:1\n" },
	{ "A:0123456789\r\n abcdefghij\r\n klm\r\nB:1", 16,
	    "1! A:0123456789abcd\n4:B:1\n" },
	{ "A:0123456789abcd\r\nB:1\r\n", 16, "1:A:0123456789abcd\n2:B:1\n" },
};

START_TEST(known)
{
	const char *d = cases[_i].data;
	char *m = from_memory(d, strlen(d), cases[_i].max);
	char *f = from_file(d, strlen(d), cases[_i].max);

	ck_assert_str_eq(m, cases[_i].want);
	ck_assert_str_eq(f, cases[_i].want);
	free(m);
	free(f);
}
END_TEST

/* Each case after a folded line that ends from 12 bytes before the
 * window's edge to 12 after it. */
START_TEST(window_edges)
{
	struct buf b;
	char *m, *f;
	long shift;

	for (shift = -12; shift <= 12; shift++) {
		buf_init(&b);
		buf_puts(&b, "X-FILL:");
		while (b.len < (size_t)(WINDOW + shift - 2))
			buf_puts(&b, b.len % 75 == 0 ? "\r\n " : "x");
		buf_puts(&b, "\r\n");
		buf_puts(&b, cases[_i].data);
		m = from_memory(b.data, b.len, 1000000);
		f = from_file(b.data, b.len, 1000000);
		ck_assert_str_eq(f, m);
		free(m);
		free(f);
		buf_release(&b);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("icsline");
	TCase *tc = tcase_create("icsline");

	tcase_add_loop_test(tc, known, 0, NELEM(cases));
	tcase_add_loop_test(tc, window_edges, 0, NELEM(cases));
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * collate.c: Vietnamese collation (not byte order: "Các Tiểu vương quốc Ả
 * Rập Thống nhất" after "Afghanistan", "Đức" after "Dominica"), stable
 * for equal keys, and Vietnamese folded to ASCII for file names.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "util.h"

static const char *
self(const void *elem)
{
	return *(const char *const *)elem;
}

/* Given shuffled, the names must come back in this order: syllable by
 * syllable ("Ả Rập" before "Afghanistan"), marks after the base letter. */
static const char *const vi_order[] = {
	"Ả Rập Xê Út", "Afghanistan", "Ai Cập", "Ấn Độ", "Bỉ", "Brazil",
	"Các Tiểu vương quốc Ả Rập Thống nhất", "Campuchia", "Chile",
	"Dominica", "Đan Mạch", "Đức", "Lào", "Ô-man", "Úc", "Ý",
};

START_TEST(vietnamese_order)
{
	size_t n = NELEM(vi_order), i;
	const char **v = xcalloc(n, sizeof(*v));

	for (i = 0; i < n; i++)		/* a fixed shuffle: reversed, rotated */
		v[i] = vi_order[(n - 1 - i + 5) % n];
	ck_assert_int_eq(collate_sort("vi", v, n, sizeof(*v), self), 0);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(v[i], vi_order[i]);
	free(v);
}
END_TEST

struct rec {
	const char *name;
	int id;
};

static const char *
rec_name(const void *elem)
{
	return ((const struct rec *)elem)->name;
}

START_TEST(records_stable)
{
	struct rec v[] = { { "Đức", 1 }, { "Anh", 2 }, { "Đức", 3 },
	    { NULL, 4 }, { "anh", 5 } };

	ck_assert_int_eq(collate_sort("vi", v, NELEM(v), sizeof(*v),
	    rec_name), 0);
	ck_assert_int_eq(v[0].id, 4);	/* NULL first */
	ck_assert_str_eq(v[1].name, "anh");	/* lower case first in ICU */
	ck_assert_int_eq(v[2].id, 2);
	ck_assert_int_eq(v[3].id, 1);	/* equal keys keep their order */
	ck_assert_int_eq(v[4].id, 3);
	ck_assert_int_eq(collate_sort("vi", v, 0, sizeof(*v), rec_name), 0);
}
END_TEST

static const struct {
	const char *in, *want;
} folds[] = {
	{ "Tết Nguyên đán Giáp Thìn", "Tet Nguyen dan Giap Thin" },
	{ "Kỷ niệm 50 năm quan hệ Việt Nam – Nhật Bản",
	    "Ky niem 50 nam quan he Viet Nam  Nhat Ban" },
	{ "ĐỨC đức Ả Ơ ư", "DUC duc A O u" },
	{ "plain ascii.ics", "plain ascii.ics" },
	{ "", "" },
};

START_TEST(ascii)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	collate_ascii(folds[_i].in, &b);
	ck_assert_str_eq(b.data, folds[_i].want);
	buf_release(&b);
}
END_TEST

static const struct {
	const char *in, *want;
} slugs[] = {
	{ "Khánh Hòa", "khanh-hoa" },
	{ "  Đắk Lắk ", "dak-lak" },
	{ "Bà Rịa – Vũng Tàu", "ba-ria-vung-tau" },
	{ "", "" },
};

START_TEST(slug)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	collate_slug(slugs[_i].in, &b);
	ck_assert_str_eq(b.data, slugs[_i].want);
	buf_release(&b);
}
END_TEST

START_TEST(fold)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "x:");
	collate_fold("Nhật Bản ĐÀ NẴNG Hà Nội", &b);
	ck_assert_str_eq(b.data, "x:nhat ban da nang ha noi");
	buf_release(&b);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("collate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, vietnamese_order);
	tcase_add_test(tc, records_stable);
	tcase_add_loop_test(tc, ascii, 0, NELEM(folds));
	tcase_add_loop_test(tc, slug, 0, NELEM(slugs));
	tcase_add_test(tc, fold);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

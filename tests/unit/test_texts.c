/*
 * The narrative sections: each document's keys and headings, a body
 * checked as every text field is (refusals write nothing), versions and
 * their audit rows, the inheritance of last year's text, emptying, the
 * history and restoring an earlier version.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "field.h"
#include "fixture.h"
#include "store.h"
#include "texts.h"
#include "util.h"

static char dir[FIXTURE_DIR];
static struct store *st;

static void
setup(void)
{
	st = fixture_store_open(dir);
}

static void
teardown(void)
{
	fixture_store_close(st, dir);
}

/* Every document's sections: known keys, unique, with both headings. */
START_TEST(sections)
{
	static const char *const doc[] = { "report", "plan", "cluster" };
	const struct text_section *s, *t;
	size_t i, n;

	for (i = 0; i < NELEM(doc); i++) {
		s = text_sections(doc[i]);
		ck_assert_ptr_nonnull(s);
		for (n = 0; s[n].key != NULL; n++) {
			ck_assert_str_ne(s[n].vi, "");
			ck_assert_str_ne(s[n].en, "");
			ck_assert_str_ne(s[n].about_vi, "");
			ck_assert_str_ne(s[n].about_en, "");
			ck_assert_ptr_eq(text_section_find(doc[i], s[n].key),
			    &s[n]);
			for (t = s; t < &s[n]; t++)
				ck_assert_str_ne(t->key, s[n].key);
		}
		ck_assert_uint_ge(n, 4);
	}
	ck_assert_str_eq(text_section_find("report", "context")->vi,
	    "Bối cảnh tình hình");
	ck_assert_str_eq(text_section_find("plan", "organisation")->vi,
	    "Tổ chức thực hiện");
	ck_assert_str_eq(text_section_find("plan", "budget")->vi, "Kinh phí");
	ck_assert_ptr_nonnull(text_section_find("cluster", "direction"));
	ck_assert_ptr_null(text_sections("letter"));
	ck_assert_ptr_null(text_sections(NULL));
	ck_assert_ptr_null(text_section_find("report", "budget"));
	ck_assert_ptr_null(text_section_find("nope", "context"));
}
END_TEST

/* A body refused leaves nothing written; errs names the field. */
static const struct {
	const char *doc, *key;
	int year;
	const char *body, *field, *en;
} refusals[] = {
	{ "report", "context", 2024, "a\001b", "context",
	    "Contains a control character." },
	{ "report", "context", 2024, "\xff\xfe", "context",
	    "Holds bytes that are not valid UTF-8." },
	{ "memo", "context", 2024, "x", "doc", NULL },
	{ "report", "budget", 2024, "x", "key", NULL },
	{ "plan", "purpose", 1700, "x", "year", NULL },
	{ "plan", "purpose", 2300, "x", "year", NULL },
};

START_TEST(refused)
{
	struct field_errs errs;
	struct audit_list a;
	char *body;
	int inh;

	field_errs_init(&errs);
	ck_assert_int_eq(text_set(st, refusals[_i].doc, refusals[_i].year,
	    refusals[_i].key, refusals[_i].body, "e@x.org", 100, &errs),
	    TEXT_REFUSED);
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_str_eq(errs.v[0].field, refusals[_i].field);
	ck_assert_str_ne(errs.v[0].vi, "");
	if (refusals[_i].en != NULL)
		ck_assert_str_eq(errs.v[0].en, refusals[_i].en);
	field_errs_release(&errs);
	if (text_sections(refusals[_i].doc) != NULL) {
		ck_assert_int_eq(text_get(st, refusals[_i].doc,
		    refusals[_i].year, refusals[_i].key, &body, &inh), 0);
		ck_assert_ptr_null(body);
	}
	ck_assert_int_eq(audit_load(st, 10, &a), 0);
	ck_assert_uint_eq(a.n, 0);
	audit_list_release(&a);
}
END_TEST

START_TEST(too_long)
{
	struct field_errs errs;
	char *b = xmalloc(TEXT_SECTION_MAX * 2 + 2);
	char *body;
	int inh;

	/* "ệ" is one character of three bytes: the limit is in
	 * characters. */
	memset(b, 'a', TEXT_SECTION_MAX);
	b[TEXT_SECTION_MAX] = '\0';
	field_errs_init(&errs);
	ck_assert_int_eq(text_set(st, "plan", 2024, "budget", b, "e", 1,
	    &errs), TEXT_SAVED);
	strcpy(b + TEXT_SECTION_MAX, "b");
	ck_assert_int_eq(text_set(st, "plan", 2024, "budget", b, "e", 2,
	    &errs), TEXT_REFUSED);
	ck_assert_str_eq(errs.v[0].field, "budget");
	ck_assert_ptr_nonnull(strstr(errs.v[0].en, "20000"));
	field_errs_release(&errs);
	ck_assert_int_eq(text_get(st, "plan", 2024, "budget", &body, &inh),
	    0);
	ck_assert_uint_eq(strlen(body), TEXT_SECTION_MAX);
	free(body);
	free(b);
}
END_TEST

/* Set, inherit, edit, empty: what text_get() and text_find() say. */
START_TEST(life)
{
	struct field_errs errs;
	struct text_list l;
	struct audit_list a;
	struct buf miss;
	char *body;
	int inh, from;

	field_errs_init(&errs);
	ck_assert_int_eq(text_get(st, "report", 2023, "context", &body, &inh),
	    0);
	ck_assert_ptr_null(body);
	ck_assert_int_eq(inh, 0);
	/* CRLF from a form, trailing blank lines from a file. */
	ck_assert_int_eq(text_set(st, "report", 2023, "context",
	    "Năm 2023 là năm bản lề.\r\n- Một\r\n- Hai  \r\n\r\n", "a@x.org",
	    1000, &errs), TEXT_SAVED);
	ck_assert_int_eq(text_get(st, "report", 2023, "context", &body, &inh),
	    0);
	ck_assert_str_eq(body, "Năm 2023 là năm bản lề.\n- Một\n- Hai");
	ck_assert_int_eq(inh, 0);
	free(body);
	/* The same text again (the file re-sent): nothing written. */
	ck_assert_int_eq(text_set(st, "report", 2023, "context",
	    "Năm 2023 là năm bản lề.\n- Một\n- Hai\n", "a@x.org", 1001,
	    &errs), TEXT_UNCHANGED);
	/* 2024 and 2026 start from 2023's text; 2022 has none. */
	ck_assert_int_eq(text_get(st, "report", 2024, "context", &body, &inh),
	    0);
	ck_assert_str_eq(body, "Năm 2023 là năm bản lề.\n- Một\n- Hai");
	ck_assert_int_eq(inh, 1);
	free(body);
	ck_assert_int_eq(text_get(st, "report", 2022, "context", &body, &inh),
	    0);
	ck_assert_ptr_null(body);
	/* Another document's section of the same key is another text. */
	ck_assert_int_eq(text_get(st, "cluster", 2023, "context", &body,
	    &inh), 0);
	ck_assert_ptr_null(body);
	/* Confirming the inherited text makes it 2024's own. */
	ck_assert_int_eq(text_set(st, "report", 2024, "context",
	    "Năm 2023 là năm bản lề.\n- Một\n- Hai", "b@x.org", 2000, &errs),
	    TEXT_SAVED);
	ck_assert_int_eq(text_get(st, "report", 2024, "context", &body, &inh),
	    0);
	ck_assert_int_eq(inh, 0);
	free(body);
	/* Emptied in 2025: 2025 and 2026 have nothing, 2024 keeps its. */
	ck_assert_int_eq(text_set(st, "report", 2025, "context", " \n",
	    "b@x.org", 3000, &errs), TEXT_SAVED);
	ck_assert_int_eq(text_load(st, &l), 0);
	ck_assert_ptr_null(text_find(&l, "report", 2026, "context", &from));
	ck_assert_int_eq(from, 2025);
	ck_assert_ptr_nonnull(text_find(&l, "report", 2024, "context",
	    &from));
	ck_assert_int_eq(from, 2024);
	ck_assert_ptr_null(text_find(&l, "report", 2022, "context", &from));
	ck_assert_int_eq(from, 0);
	/* The report's required sections but context, optional ones not;
	 * emptied is not missing (staff left it out). */
	buf_init(&miss);
	ck_assert_int_eq(text_missing(&l, "report", 2024, &miss), 3);
	ck_assert_str_eq(miss.data, "assessment, difficulties, proposals");
	miss.len = 0;
	ck_assert_int_eq(text_missing(&l, "report", 2025, &miss), 3);
	ck_assert_str_eq(miss.data, "assessment, difficulties, proposals");
	miss.len = 0;
	ck_assert_int_eq(text_missing(&l, "report", 2022, &miss), 4);
	ck_assert_str_eq(miss.data, "context, assessment, difficulties, "
	    "proposals");
	buf_release(&miss);
	text_list_release(&l);
	/* Three versions written, three audit rows, newest first. */
	ck_assert_int_eq(audit_load(st, 10, &a), 0);
	ck_assert_uint_eq(a.n, 3);
	ck_assert_str_eq(a.v[0].action, "text.set");
	ck_assert_str_eq(a.v[0].object, "text:report:2025:context");
	ck_assert_str_eq(a.v[0].who, "b@x.org");
	ck_assert_ptr_null(a.v[0].before);
	ck_assert_str_eq(a.v[0].after, "{\"version\":1,\"chars\":0}");
	ck_assert_str_eq(a.v[2].after, "{\"version\":1,\"chars\":35}");
	audit_list_release(&a);
	field_errs_release(&errs);
}
END_TEST

START_TEST(history_restore)
{
	static const char *const bodies[] = { "một", "hai", "ba" };
	struct field_errs errs;
	struct text_list h;
	struct audit_list a;
	char *body;
	size_t i;
	int inh;

	field_errs_init(&errs);
	for (i = 0; i < NELEM(bodies); i++)
		ck_assert_int_eq(text_set(st, "plan", 2025, "purpose",
		    bodies[i], "e@x.org", 100 + (long)i, &errs), TEXT_SAVED);
	/* Another year's and another key's versions are not its history. */
	ck_assert_int_eq(text_set(st, "plan", 2024, "purpose", "cũ", "e",
	    50, &errs), TEXT_SAVED);
	ck_assert_int_eq(text_set(st, "plan", 2025, "budget", "x", "e", 50,
	    &errs), TEXT_SAVED);
	ck_assert_int_eq(text_history(st, "plan", 2025, "purpose", &h), 0);
	ck_assert_uint_eq(h.n, 3);
	ck_assert_int_eq(h.v[0].version, 3);
	ck_assert_str_eq(h.v[0].body, "ba");
	ck_assert_str_eq(h.v[2].body, "một");
	ck_assert_int_eq((long)h.v[2].at, 100);
	ck_assert_str_eq(h.v[2].who, "e@x.org");
	text_list_release(&h);
	/* Restore version 1: a fourth version equal to it. */
	ck_assert_int_eq(text_restore(st, "plan", 2025, "purpose", 1,
	    "r@x.org", 200, &errs), TEXT_SAVED);
	ck_assert_int_eq(text_get(st, "plan", 2025, "purpose", &body, &inh),
	    0);
	ck_assert_str_eq(body, "một");
	free(body);
	ck_assert_int_eq(text_history(st, "plan", 2025, "purpose", &h), 0);
	ck_assert_uint_eq(h.n, 4);
	ck_assert_int_eq(h.v[0].restored, 1);
	ck_assert_int_eq(h.v[1].restored, 0);
	text_list_release(&h);
	ck_assert_int_eq(audit_load(st, 1, &a), 0);
	ck_assert_str_eq(a.v[0].action, "text.restore");
	ck_assert_str_eq(a.v[0].object, "text:plan:2025:purpose");
	ck_assert_str_eq(a.v[0].before, "{\"version\":3}");
	ck_assert_str_eq(a.v[0].after,
	    "{\"version\":4,\"chars\":3,\"restored\":1}");
	audit_list_release(&a);
	/* Restoring what is current writes nothing; no version 9. */
	ck_assert_int_eq(text_restore(st, "plan", 2025, "purpose", 1, "r",
	    300, &errs), TEXT_UNCHANGED);
	ck_assert_int_eq(text_restore(st, "plan", 2025, "purpose", 9, "r",
	    300, &errs), TEXT_REFUSED);
	ck_assert_str_eq(errs.v[0].field, "version");
	ck_assert_int_eq(text_restore(st, "plan", 2025, "nope", 1, "r",
	    300, &errs), TEXT_REFUSED);
	ck_assert_int_eq(text_history(st, "plan", 2025, "purpose", &h), 0);
	ck_assert_uint_eq(h.n, 4);
	text_list_release(&h);
	field_errs_release(&errs);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("texts");
	TCase *tc = tcase_create("sections");
	TCase *db = tcase_create("store");

	tcase_add_test(tc, sections);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(db, setup, teardown);
	tcase_add_loop_test(db, refused, 0, NELEM(refusals));
	tcase_add_test(db, too_long);
	tcase_add_test(db, life);
	tcase_add_test(db, history_restore);
	suite_add_tcase(s, db);
	return s;
}

#include "check_main.h"

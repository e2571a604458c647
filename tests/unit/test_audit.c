/*
 * The audit trail: audit_add() writes only inside a transaction (its row
 * commits or rolls back with the change), audit_event() on its own, a
 * row without who is refused; and the module writes that record a row
 * (a recipient, an account, an activity) write nothing at all when the
 * trail refuses it.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "audit.h"
#include "recipient.h"
#include "fixture.h"
#include "store.h"
#include "user.h"
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

/* The number of rows of the trail. */
static size_t
rows(void)
{
	struct audit_list l;
	size_t n;

	ck_assert_int_eq(audit_load(st, 1000, &l), 0);
	n = l.n;
	audit_list_release(&l);
	return n;
}

/* From now on the trail refuses every row, as a full disk or a broken
 * table would. */
static void
refuse(void)
{
	ck_assert_int_eq(sqlite3_exec(store_db(st), "CREATE TRIGGER refuse"
	    " BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'refused');"
	    " END", NULL, NULL, NULL), SQLITE_OK);
}

START_TEST(in_transaction)
{
	struct audit_list l;

	ck_assert_int_eq(audit_add(st, "a@example.org", "x.outside", NULL,
	    NULL, NULL, 1), -1);
	ck_assert_uint_eq(rows(), 0);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(audit_add(st, "a@example.org", "x.rolled", NULL,
	    NULL, NULL, 2), 0);
	ck_assert_int_eq(store_rollback(st), 0);
	ck_assert_uint_eq(rows(), 0);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(audit_add(st, "a@example.org", "x.kept", "x:1",
	    "{\"v\":1}", "{\"v\":2}", 3), 0);
	ck_assert_int_eq(store_commit(st), 0);
	ck_assert_int_eq(audit_load(st, 10, &l), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].who, "a@example.org");
	ck_assert_str_eq(l.v[0].action, "x.kept");
	ck_assert_str_eq(l.v[0].object, "x:1");
	ck_assert_str_eq(l.v[0].before, "{\"v\":1}");
	ck_assert_str_eq(l.v[0].after, "{\"v\":2}");
	ck_assert_int_eq(l.v[0].at, 3);
	audit_list_release(&l);
}
END_TEST

START_TEST(event_and_who)
{
	ck_assert_int_eq(audit_event(st, "cli:root", "x.event", NULL, NULL,
	    NULL, 1), 0);
	ck_assert_uint_eq(rows(), 1);
	/* No one: refused, in a transaction or not. */
	ck_assert_int_eq(audit_event(st, NULL, "x.event", NULL, NULL, NULL,
	    1), -1);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(audit_add(st, "", "x.nobody", NULL, NULL, NULL, 1),
	    -1);
	ck_assert_int_eq(store_rollback(st), 0);
	ck_assert_uint_eq(rows(), 1);
}
END_TEST

START_TEST(recipient_writes)
{
	struct recipient r = { 0 }, got;
	struct audit_list l;

	r.email = (char *)"lan@example.org";
	r.name = (char *)"Lan";
	r.follows = (char *)"milestones";
	ck_assert_int_eq(recipient_put(st, &r, "cli:root", 5), 0);
	ck_assert_int_eq(audit_load(st, 10, &l), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].who, "cli:root");
	ck_assert_str_eq(l.v[0].action, "recipient.add");
	ck_assert_str_eq(l.v[0].object, "recipient:lan@example.org");
	ck_assert_ptr_null(l.v[0].before);
	ck_assert_str_eq(l.v[0].after, "{\"email\":\"lan@example.org\","
	    "\"name\":\"Lan\",\"lang\":\"vi\",\"follows\":\"milestones\"}");
	audit_list_release(&l);
	refuse();
	r.name = (char *)"Lan Anh";
	ck_assert_int_eq(recipient_put(st, &r, "cli:root", 6), -1);
	ck_assert_int_eq(recipient_remove(st, r.email, "cli:root", 7), -1);
	ck_assert_int_eq(recipient_get(st, r.email, &got), 0);
	ck_assert_str_eq(got.name, "Lan");
	recipient_release(&got);
	ck_assert_uint_eq(rows(), 1);
}
END_TEST

START_TEST(user_writes)
{
	struct user u;
	char *tok = NULL;

	user_init();
	refuse();
	ck_assert_int_eq(user_add(st, "mai@example.org", "Mai", ROLE_EDITOR,
	    NULL, "cli:root", 1, &tok), -1);
	ck_assert_ptr_null(tok);
	ck_assert_int_eq(user_get(st, "mai@example.org", &u), 1);
	ck_assert_uint_eq(rows(), 0);
}
END_TEST

START_TEST(activity_writes)
{
	struct activity a = { 0 };
	struct activity_list l;
	int changed = 1;

	a.uid = xstrdup("kyniem-activity-1@example.org");
	a.title = xstrdup("Gặp mặt");
	a.all_day = 1;
	a.start = a.end = (struct ymd){ 2024, 6, 1 };
	refuse();
	ck_assert_int_eq(activity_save(st, &a, "cli:root", "activity.create",
	    1, &changed), -1);
	ck_assert_int_eq(changed, 0);
	ck_assert_int_eq(activity_load(st, 0, &l), 0);
	ck_assert_uint_eq(l.n, 0);
	activity_list_release(&l);
	activity_release(&a);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, in_transaction);
	tcase_add_test(tc, event_and_who);
	tcase_add_test(tc, recipient_writes);
	tcase_add_test(tc, user_writes);
	tcase_add_test(tc, activity_writes);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * The statement helpers every module of store/ writes its SQL with:
 * declared parameters (store_stmt, store_exec), rows read by a column
 * table (store_columns) and the change-aware upsert of a declared table
 * (store_upsert), on a scratch table of a real database.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "store.h"
#include "util.h"

static char dir[FIXTURE_DIR];
static struct store *st;

static void
setup(void)
{
	st = fixture_store_open(dir);
	ck_assert_int_eq(sqlite3_exec(store_db(st), "CREATE TABLE scratch"
	    " (k TEXT, y INTEGER, a TEXT, b TEXT, file TEXT, modified INTEGER,"
	    " revision INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (k, y))",
	    NULL, NULL, NULL), SQLITE_OK);
}

static void
teardown(void)
{
	fixture_store_close(st, dir);
}

struct row {
	char *k;
	int y;
	char *a, *b, *file;
	long modified;
	long long revision;
	time_t at;
};

static const struct store_col row_cols[] = {
	STORE_COL_TEXT(0, struct row, k),
	STORE_COL_INT(1, struct row, y),
	STORE_COL_TEXT(2, struct row, a),
	STORE_COL_TEXT(3, struct row, b),
	STORE_COL_TEXT(4, struct row, file),
	STORE_COL_LONG(5, struct row, modified),
	STORE_COL_LLONG(6, struct row, revision),
	STORE_COL_TIME(5, struct row, at),
};

static void
row(sqlite3_stmt *stmt, void *elem)
{
	store_columns(stmt, row_cols, NELEM(row_cols), elem);
}

/* The row (k, y); 0 or 1 as store_get_one() says. */
static int
get(const char *k, int y, struct row *r)
{
	return store_get_one(st, store_stmt(st, "SELECT k, y, a, b, file,"
	    " modified, revision FROM scratch WHERE k = ?1 AND y = ?2",
	    STORE_TEXT(k), STORE_INT(y)), r, sizeof(*r), row);
}

static void
release(struct row *r)
{
	free(r->k);
	free(r->a);
	free(r->b);
	free(r->file);
}

/* STORE_TEXT binds "" as NULL, STORE_STR as empty text; the columns
 * come back in the members the table names, of their types. */
START_TEST(bind_and_read)
{
	struct row r;

	ck_assert_int_eq(store_exec(st, "INSERT INTO scratch (k, y, a, b,"
	    " file, modified, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	    STORE_TEXT("x"), STORE_INT(2025), STORE_TEXT(""), STORE_STR(""),
	    STORE_TEXT(NULL), STORE_INT(1700000000L),
	    STORE_INT(5000000000LL)), 0);
	ck_assert_int_eq(get("x", 2025, &r), 0);
	ck_assert_str_eq(r.k, "x");
	ck_assert_int_eq(r.y, 2025);
	ck_assert_ptr_null(r.a);
	ck_assert_str_eq(r.b, "");
	ck_assert_ptr_null(r.file);
	ck_assert_int_eq(r.modified, 1700000000L);
	ck_assert(r.revision == 5000000000LL);
	ck_assert(r.at == (time_t)1700000000L);	/* column 5 again */
	release(&r);
	ck_assert_int_eq(get("x", 2024, &r), 1);
	/* A failed prepare is -1, not a crash. */
	ck_assert_int_eq(store_exec(st, "INSERT INTO nowhere VALUES (?1)",
	    STORE_INT(1)), -1);
}
END_TEST

/* An upsert changes a row only when a compared column differs: then
 * the trailing ones are written and the revision bumped. */
START_TEST(upsert)
{
	static const struct store_table scratch = { "scratch",
	    "k, y, a, b, file, modified", 2, 2, 1 };
	struct row r;
	int changed = -1;

	ck_assert_int_eq(store_upsert(st, &scratch, &changed, STORE_TEXT("x"),
	    STORE_INT(1), STORE_TEXT("a"), STORE_TEXT("b"), STORE_TEXT("f1"),
	    STORE_INT(100)), 0);
	ck_assert_int_eq(changed, 1);
	/* The same compared values, another file and time: no change. */
	ck_assert_int_eq(store_upsert(st, &scratch, &changed, STORE_TEXT("x"),
	    STORE_INT(1), STORE_TEXT("a"), STORE_TEXT("b"), STORE_TEXT("f2"),
	    STORE_INT(200)), 0);
	ck_assert_int_eq(changed, 0);
	ck_assert_int_eq(get("x", 1, &r), 0);
	ck_assert_str_eq(r.file, "f1");
	ck_assert_int_eq(r.modified, 100);
	ck_assert(r.revision == 0);
	release(&r);
	/* A compared value changes (b to NULL): all written, bumped. */
	ck_assert_int_eq(store_upsert(st, &scratch, &changed, STORE_TEXT("x"),
	    STORE_INT(1), STORE_TEXT("a"), STORE_TEXT(NULL), STORE_TEXT("f3"),
	    STORE_INT(300)), 0);
	ck_assert_int_eq(changed, 1);
	ck_assert_int_eq(get("x", 1, &r), 0);
	ck_assert_ptr_null(r.b);
	ck_assert_str_eq(r.file, "f3");
	ck_assert_int_eq(r.modified, 300);
	ck_assert(r.revision == 1);
	release(&r);
	/* Another key is another row. */
	ck_assert_int_eq(store_upsert(st, &scratch, &changed, STORE_TEXT("x"),
	    STORE_INT(2), STORE_TEXT("a"), STORE_TEXT(NULL), STORE_TEXT("f3"),
	    STORE_INT(300)), 0);
	ck_assert_int_eq(changed, 1);
	ck_assert_int_eq(get("x", 2, &r), 0);
	ck_assert(r.revision == 0);
	release(&r);
}
END_TEST

/* store_finish() keeps a write's own answer and rolls it back. */
START_TEST(finish)
{
	struct row r;

	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(store_exec(st, "INSERT INTO scratch (k, y)"
	    " VALUES (?1, 1)", STORE_TEXT("gone")), 0);
	ck_assert_int_eq(store_finish(st, 1), 1);
	ck_assert_int_eq(get("gone", 1, &r), 1);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(store_exec(st, "INSERT INTO scratch (k, y)"
	    " VALUES (?1, 1)", STORE_TEXT("kept")), 0);
	ck_assert_int_eq(store_finish(st, 0), 0);
	ck_assert_int_eq(get("kept", 1, &r), 0);
	release(&r);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("statements");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, bind_and_read);
	tcase_add_test(tc, upsert);
	tcase_add_test(tc, finish);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

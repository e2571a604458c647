/*
 * Login throttling: failures from one address for one account stop that
 * address's logins for it, not another's; 20 from one address stop it;
 * 100 for an account from many addresses stop only the addresses that
 * failed; old failures do not count; a success clears only its own
 * address's failures.  Each case is a history of failures and a question.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "throttle.h"
#include "util.h"

#define NOW	1700000000L

static struct store *st;

static void
setup(void)
{
	ck_assert_int_eq(store_open(":memory:", STORE_CREATE, &st), 0);
}

static void
teardown(void)
{
	store_close(st);
}

/* n failures for email from addresses prefix.0 to prefix.(spread - 1)
 * in turn, ago seconds before NOW. */
struct fails {
	int n;
	const char *email, *prefix;
	int spread;
	long ago;
};

static const struct {
	const char *what;
	struct fails f[2];
	const char *email, *client;
	int waits;		/* 1: throttle_wait() > 0 */
} cases[] = {
	{ "4 failures for an account from an address: it may try",
	    { { 4, "lan@x.vn", "10.0.0", 1, 60 } }, "lan@x.vn", "10.0.0.0",
	    0 },
	{ "5 failures for an account from an address: it waits",
	    { { 5, "lan@x.vn", "10.0.0", 1, 60 } }, "lan@x.vn", "10.0.0.0",
	    1 },
	{ "the address is case-blind to the account",
	    { { 5, "lan@x.vn", "10.0.0", 1, 60 } }, "Lan@X.vn", "10.0.0.0",
	    1 },
	{ "5 failures from one address lock no one else out",
	    { { 5, "lan@x.vn", "10.0.0", 1, 60 } }, "lan@x.vn", "10.0.1.0",
	    0 },
	{ "the address may still try another account",
	    { { 5, "lan@x.vn", "10.0.0", 1, 60 } }, "binh@x.vn", "10.0.0.0",
	    0 },
	{ "20 failures from an address on any accounts: it waits",
	    { { 4, "a@x.vn", "10.0.0", 1, 60 }, { 16, "b@x.vn", "10.0.0", 1,
	    60 } }, "c@x.vn", "10.0.0.0", 1 },
	{ "19 from an address: it may try",
	    { { 4, "a@x.vn", "10.0.0", 1, 60 }, { 15, "b@x.vn", "10.0.0", 1,
	    60 } }, "c@x.vn", "10.0.0.0", 0 },
	{ "20 from an address do not stop another",
	    { { 20, "a@x.vn", "10.0.0", 1, 60 } }, "a@x.vn", "10.0.1.0", 0 },
	{ "100 for an account from 50 addresses: a new address may try",
	    { { 100, "lan@x.vn", "10.1.0", 50, 60 } }, "lan@x.vn",
	    "10.0.1.0", 0 },
	{ "100 for an account: an address that failed for it waits",
	    { { 100, "lan@x.vn", "10.1.0", 50, 60 } }, "lan@x.vn",
	    "10.1.0.7", 1 },
	{ "99 for an account: an address with 2 failures may try",
	    { { 99, "lan@x.vn", "10.1.0", 50, 60 } }, "lan@x.vn",
	    "10.1.0.7", 0 },
	{ "100 for an account: an address that failed for another may try",
	    { { 100, "lan@x.vn", "10.1.0", 50, 60 }, { 1, "binh@x.vn",
	    "10.0.1", 1, 60 } }, "lan@x.vn", "10.0.1.0", 0 },
	{ "failures older than the window do not count",
	    { { 5, "lan@x.vn", "10.0.0", 1, THROTTLE_WINDOW + 1 } },
	    "lan@x.vn", "10.0.0.0", 0 },
	{ "nor do 20 old ones from an address",
	    { { 20, "a@x.vn", "10.0.0", 1, THROTTLE_WINDOW } }, "c@x.vn",
	    "10.0.0.0", 0 },
};

static void
add(const struct fails *f)
{
	char addr[32];
	int i;

	for (i = 0; i < f->n; i++) {
		snprintf(addr, sizeof(addr), "%s.%d", f->prefix,
		    i % (f->spread > 0 ? f->spread : 1));
		ck_assert_int_eq(throttle_fail(st, f->email, addr, NOW -
		    f->ago), 0);
	}
}

START_TEST(policy)
{
	long wait;
	size_t k;

	for (k = 0; k < NELEM(cases[_i].f); k++)
		if (cases[_i].f[k].email != NULL)
			add(&cases[_i].f[k]);
	wait = throttle_wait(st, cases[_i].email, cases[_i].client, NOW);
	ck_assert_msg(wait >= 0, "%s: error", cases[_i].what);
	ck_assert_msg((wait > 0) == cases[_i].waits, "%s: wait %ld",
	    cases[_i].what, wait);
	if (wait > 0)
		ck_assert_msg(wait <= THROTTLE_WINDOW, "%s: wait %ld",
		    cases[_i].what, wait);
}
END_TEST

/* Retry-After is when the oldest failure that counts leaves the window. */
START_TEST(retry_after)
{
	struct fails f = { 5, "lan@x.vn", "10.0.0", 1, 100 };

	add(&f);
	ck_assert_int_eq(throttle_wait(st, "lan@x.vn", "10.0.0.0", NOW),
	    THROTTLE_WINDOW - 100);
}
END_TEST

/* A success from an address clears that address's failures for the
 * account, not the ones from elsewhere. */
START_TEST(clear_own)
{
	struct fails mine = { 4, "lan@x.vn", "10.0.0", 1, 60 };
	struct fails theirs = { 5, "lan@x.vn", "10.9.9", 1, 60 };

	add(&mine);
	add(&theirs);
	ck_assert_int_eq(throttle_clear(st, "LAN@x.vn", "10.0.0.0"), 0);
	ck_assert_int_gt(throttle_wait(st, "lan@x.vn", "10.9.9.0", NOW), 0);
	add(&mine);
	ck_assert_int_eq(throttle_wait(st, "lan@x.vn", "10.0.0.0", NOW), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("throttle");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, policy, 0, NELEM(cases));
	tcase_add_test(tc, retry_after);
	tcase_add_test(tc, clear_own);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

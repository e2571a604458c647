/*
 * The connection table on a clock the test moves and socket pairs whose
 * far end shows whether the table shut a connection: the per-address
 * limit in every phase (the oldest slow one goes, a running one never,
 * the new one when all others run), the grace of new connections, the
 * total limit, trusted proxies, the header deadline and the body's
 * deadline that grows with what arrives.
 */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <check.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "conns.h"
#include "util.h"

#define MAXC	16

static long long clock_ms;

static long long
test_clock(void)
{
	return clock_ms;
}

/* A table and the connections opened on it: ours[i] is the far end of
 * connection i's socket. */
static struct conns *t;
static struct conn *c[MAXC];
static int ours[MAXC], theirs[MAXC], nc;

static void
setup(unsigned total, unsigned per_addr, const char *trusted)
{
	struct conns_limits lim = { 0 };

	lim.total = total;
	lim.per_addr = per_addr;
	lim.header_ms = 10000;
	lim.body_ms = 2000;
	lim.body_rate = 1000;
	lim.trusted = trusted;
	lim.clock = test_clock;
	t = conns_new(&lim);
	clock_ms = 1000000;
	nc = 0;
}

static void
teardown(void)
{
	int i;

	for (i = 0; i < nc; i++) {
		conns_close(t, c[i]);
		close(ours[i]);
		close(theirs[i]);
	}
	ck_assert_int_eq(conns_count(t), 0);
	conns_free(t);
}

/* Open a connection from IPv4 address addr; its index. */
static int
open_from(const char *addr)
{
	struct sockaddr_in sin;
	int sv[2];

	ck_assert_int_lt(nc, MAXC);
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	ck_assert_int_eq(inet_pton(AF_INET, addr, &sin.sin_addr), 1);
	ours[nc] = sv[0];
	theirs[nc] = sv[1];
	c[nc] = conns_open(t, sv[0], (struct sockaddr *)&sin);
	return nc++;
}

/* 1 if the table shut connection i (its peer reads the end). */
static int
shut(int i)
{
	char b;
	ssize_t n = recv(theirs[i], &b, 1, MSG_DONTWAIT);

	if (n == -1)
		ck_assert_int_eq(errno, EAGAIN);
	return n == 0;
}

START_TEST(oldest_slow_goes)
{
	int a0, a1, a2, a3;

	setup(100, 3, NULL);
	a0 = open_from("10.0.0.1");
	a1 = open_from("10.0.0.1");
	a2 = open_from("10.0.0.1");
	/* The oldest is in the middle of its body, the others wait for
	 * their headers: it is the slowest all the same. */
	conns_request(t, c[a0]);
	conns_received(t, c[a0], 10);
	clock_ms += 300;
	a3 = open_from("10.0.0.1");
	ck_assert(shut(a0));
	ck_assert(!shut(a1) && !shut(a2) && !shut(a3));
	ck_assert_int_eq(conns_count(t), 3);
	/* Another address is not counted with it. */
	ck_assert(!shut(open_from("10.0.0.2")));
	teardown();
}
END_TEST

START_TEST(running_stay_new_goes)
{
	int i, n;

	setup(100, 3, NULL);
	for (i = 0; i < 3; i++) {
		open_from("10.0.0.1");
		conns_request(t, c[i]);
		conns_run(t, c[i]);
	}
	clock_ms += 5000;
	n = open_from("10.0.0.1");
	ck_assert(shut(n));
	for (i = 0; i < 3; i++)
		ck_assert(!shut(i));
	ck_assert_int_eq(conns_count(t), 3);
	ck_assert_int_eq(conns_sweep(t), 0);
	/* Answered, one waits again and is slow: the next new one takes
	 * its place. */
	conns_idle(t, c[1]);
	clock_ms += 300;
	n = open_from("10.0.0.1");
	ck_assert(shut(1) && !shut(n));
	teardown();
}
END_TEST

START_TEST(grace_then_sweep)
{
	int i;

	setup(100, 3, NULL);
	for (i = 0; i < 3; i++)
		open_from("10.0.0.1");
	clock_ms += 100;
	open_from("10.0.0.1");
	/* Everyone is new: nobody is taken for slow yet. */
	for (i = 0; i < 4; i++)
		ck_assert(!shut(i));
	ck_assert_int_eq(conns_count(t), 4);
	ck_assert_int_eq(conns_sweep(t), 0);
	clock_ms += 150;
	ck_assert_int_eq(conns_sweep(t), 1);
	ck_assert(shut(0));
	ck_assert_int_eq(conns_count(t), 3);
	teardown();
}
END_TEST

START_TEST(idle_is_young_again)
{
	int a0, a1, a2;

	setup(100, 2, NULL);
	a0 = open_from("10.0.0.1");
	clock_ms += 100;
	a1 = open_from("10.0.0.1");
	clock_ms += 100;
	conns_request(t, c[a0]);
	conns_run(t, c[a0]);
	conns_idle(t, c[a0]);
	clock_ms += 300;
	/* a0 came first but waits since its answer, after a1 began. */
	a2 = open_from("10.0.0.1");
	ck_assert(shut(a1) && !shut(a0) && !shut(a2));
	teardown();
}
END_TEST

START_TEST(total_limit)
{
	int a, b, d, i;

	setup(3, 10, NULL);
	a = open_from("10.0.0.1");
	clock_ms += 10;
	b = open_from("10.0.0.2");
	conns_request(t, c[b]);
	conns_run(t, c[b]);
	d = open_from("10.0.0.3");
	clock_ms += 300;
	/* The oldest slow connection of any address goes. */
	open_from("10.0.0.4");
	ck_assert(shut(a) && !shut(b) && !shut(d));
	ck_assert(conns_was_shut(t, c[a]) && !conns_was_shut(t, c[d]));
	ck_assert_int_eq(conns_count(t), 3);
	teardown();

	setup(2, 10, NULL);
	for (i = 0; i < 2; i++) {
		open_from(i ? "10.0.0.2" : "10.0.0.1");
		conns_request(t, c[i]);
		conns_run(t, c[i]);
	}
	clock_ms += 300;
	ck_assert(shut(open_from("10.0.0.3")));
	teardown();
}
END_TEST

START_TEST(trusted_proxy)
{
	int i;

	setup(100, 1, ",10.0.0.9,");
	for (i = 0; i < 5; i++) {
		open_from("10.0.0.9");
		clock_ms += 300;
	}
	ck_assert_int_eq(conns_sweep(t), 0);
	for (i = 0; i < 5; i++)
		ck_assert(!shut(i));
	ck_assert(conns_trusted(t, "10.0.0.9"));
	ck_assert(!conns_trusted(t, "10.0.0.1"));
	teardown();
}
END_TEST

START_TEST(header_deadline)
{
	int w, r, b;

	setup(100, 10, NULL);
	w = open_from("10.0.0.1");
	r = open_from("10.0.0.1");
	conns_request(t, c[r]);
	conns_run(t, c[r]);
	b = open_from("10.0.0.1");
	conns_request(t, c[b]);
	clock_ms += 9999;
	ck_assert_int_eq(conns_sweep(t), 1);	/* the body, at 2 s */
	ck_assert(shut(b) && !shut(w));
	clock_ms += 1;
	ck_assert_int_eq(conns_sweep(t), 1);
	ck_assert(shut(w) && !shut(r));
	teardown();
}
END_TEST

START_TEST(body_deadline_grows)
{
	int slow, fast, late;

	setup(100, 10, NULL);
	slow = open_from("10.0.0.1");
	fast = open_from("10.0.0.1");
	conns_request(t, c[slow]);
	conns_request(t, c[fast]);
	/* 500 bytes: 2.5 s; 3,000 bytes: 5 s. */
	conns_received(t, c[slow], 500);
	conns_received(t, c[fast], 1000);
	conns_received(t, c[fast], 2000);
	clock_ms += 1000;
	late = open_from("10.0.0.1");
	conns_request(t, c[late]);
	clock_ms += 1499;
	ck_assert_int_eq(conns_sweep(t), 0);
	clock_ms += 1;
	ck_assert_int_eq(conns_sweep(t), 1);
	ck_assert(shut(slow) && !shut(fast) && !shut(late));
	clock_ms += 500;	/* 3 s: late's 2 s are out */
	ck_assert_int_eq(conns_sweep(t), 1);
	ck_assert(shut(late) && !shut(fast));
	clock_ms += 2000;
	ck_assert_int_eq(conns_sweep(t), 1);
	ck_assert(shut(fast));
	ck_assert(conns_was_shut(t, c[fast]));
	ck_assert_int_eq(conns_take_shut(t), 3);
	ck_assert_int_eq(conns_take_shut(t), 0);
	/* Shut, they are still the table's until libmicrohttpd closes
	 * them; reports about them change nothing. */
	conns_received(t, c[fast], 100000);
	conns_run(t, c[fast]);
	conns_idle(t, c[fast]);
	ck_assert_int_eq(conns_count(t), 0);
	ck_assert_int_eq(conns_sweep(t), 0);
	teardown();
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("conns");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, oldest_slow_goes);
	tcase_add_test(tc, running_stay_new_goes);
	tcase_add_test(tc, grace_then_sweep);
	tcase_add_test(tc, idle_is_young_again);
	tcase_add_test(tc, total_limit);
	tcase_add_test(tc, trusted_proxy);
	tcase_add_test(tc, header_deadline);
	tcase_add_test(tc, body_deadline_grows);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

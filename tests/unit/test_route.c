/*
 * The router's decisions before a page runs: which route of web.c's
 * table a method and path name (its page, its least role, the number
 * and segment it reads, 404 or 405 otherwise), that the table opens no
 * page to anyone but the known public ones, and the verdict on a
 * request (a login needed, a role too low, a POST from another site or
 * without its token), with real masked tokens as ui_csrf() writes them.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "route.h"
#include "token.h"
#include "user.h"
#include "util.h"
#include "web.h"
#include "web_pages.h"

#define P ROUTE_PUBLIC
#define V ROLE_VIEWER
#define E ROLE_EDITOR
#define A ROLE_ADMIN

/* 127 and 128 characters: the longest segment the router takes, and
 * one more. */
#define SEG127 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" \
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SEG128 SEG127 "a"

static const struct {
	const char *method, *path;
	web_fn fn;		/* NULL: no route */
	int role;		/* the route's least role */
	unsigned status;	/* without a route: 404 or 405 */
	long id;		/* what "#" held */
	const char *arg;	/* what "*" held */
} finds[] = {
	{ "GET", "/app", web_root, P, 0, 0, "" },
	{ "GET", "/app/", web_home, V, 0, 0, "" },
	{ "HEAD", "/app/", web_home, V, 0, 0, "" },
	{ "GET", "/app/login", web_login_form, P, 0, 0, "" },
	{ "POST", "/app/login", web_login, P, 0, 0, "" },
	{ "POST", "/app/logout", web_logout, V, 0, 0, "" },
	{ "GET", "/app/password", web_password_form, P, 0, 0, "" },
	{ "GET", "/app/users", web_users, A, 0, 0, "" },
	{ "POST", "/app/users", web_user_add, A, 0, 0, "" },
	{ "POST", "/app/users/12/role", web_user_role, A, 0, 12, "" },
	{ "POST", "/app/users/12/disable", web_user_disable, A, 0, 12, "" },
	{ "GET", "/app/audit", web_audit_page, A, 0, 0, "" },
	{ "GET", "/app/backup/latest", web_backup_latest, A, 0, 0, "" },
	{ "POST", "/app/import", web_import, A, 0, 0, "" },
	{ "GET", "/app/contacts", web_contacts, V, 0, 0, "" },
	{ "POST", "/app/contacts/edit", web_contact_edit, A, 0, 0, "" },
	{ "GET", "/app/members", web_members, V, 0, 0, "" },
	{ "POST", "/app/members", web_member_add, E, 0, 0, "" },
	{ "POST", "/app/members/remove", web_member_remove, E, 0, 0, "" },
	{ "GET", "/app/activities/7", web_activity, V, 0, 7, "" },
	{ "POST", "/app/activities/7", web_activity_update, E, 0, 7, "" },
	{ "POST", "/app/activities/7/cancel", web_activity_cancel, E, 0, 7,
	    "" },
	{ "GET", "/app/activities/new", web_activity_new, E, 0, 0, "" },
	{ "GET", "/app/activities/1000000000", web_activity, V, 0,
	    1000000000L, "" },
	{ "GET", "/app/occasions/relation:JP", web_occasion, V, 0, 0,
	    "relation:JP" },
	{ "POST", "/app/occasions/relation:JP/correct", web_occasion_correct,
	    E, 0, 0, "relation:JP" },
	{ "POST", "/app/documents/2024/relation:JP/include",
	    web_document_include, E, 0, 2024, "relation:JP" },
	{ "GET", "/app/documents/2023/check", web_report_check, V, 0, 2023,
	    "" },
	{ "GET", "/app/documents/report-2023.md", web_document, V, 0, 0,
	    "report-2023.md" },
	{ "GET", "/app/static/app.css", web_static, P, 0, 0, "app.css" },
	{ "GET", "/app/lang/en", web_lang, P, 0, 0, "en" },
	{ "GET", "/app/letters/" SEG127, web_letter_file, V, 0, 0, SEG127 },
	{ "GET", "/app/year/2024", web_year, V, 0, 2024, "" },
	/* No such path. */
	{ "GET", "/app/nowhere", NULL, 0, 404, 0, "" },
	{ "GET", "/app/users/", NULL, 0, 404, 0, "" },
	{ "GET", "/app/activities/0", NULL, 0, 404, 0, "" },
	{ "GET", "/app/activities/-3", NULL, 0, 404, 0, "" },
	{ "GET", "/app/activities/1000000001", NULL, 0, 404, 0, "" },
	{ "GET", "/app/activities/12abc", NULL, 0, 404, 0, "" },
	{ "GET", "/app/activities/12/", NULL, 0, 404, 0, "" },
	{ "GET", "/app/occasions/.hidden", NULL, 0, 404, 0, "" },
	{ "GET", "/app/occasions/a%2Fb", NULL, 0, 404, 0, "" },
	{ "GET", "/app/occasions/a b", NULL, 0, 404, 0, "" },
	{ "GET", "/app/occasions/", NULL, 0, 404, 0, "" },
	{ "GET", "/app/letters/" SEG128, NULL, 0, 404, 0, "" },
	{ "GET", "/application", NULL, 0, 404, 0, "" },
	{ "GET", "/ap", NULL, 0, 404, 0, "" },
	/* The path is there, not for this method. */
	{ "POST", "/app/year/2024", NULL, 0, 405, 0, "" },
	{ "GET", "/app/logout", NULL, 0, 405, 0, "" },
	{ "GET", "/app/users/12/role", NULL, 0, 405, 0, "" },
	{ "DELETE", "/app/users", NULL, 0, 405, 0, "" },
	{ "HEAD", "/app/logout", NULL, 0, 405, 0, "" },
};

START_TEST(find)
{
	struct route_match m;
	unsigned status = 0;
	size_t n;
	const struct route *routes = web_routes(&n);
	const struct route *rt = route_find(routes, n, finds[_i].method,
	    finds[_i].path, &m, &status);

	if (finds[_i].fn == NULL) {
		ck_assert_msg(rt == NULL, "%s %s found", finds[_i].method,
		    finds[_i].path);
		ck_assert_uint_eq(status, finds[_i].status);
		return;
	}
	ck_assert_msg(rt != NULL, "%s %s: none (%u)", finds[_i].method,
	    finds[_i].path, status);
	ck_assert_msg(rt->fn == finds[_i].fn, "%s %s: another page (%s)",
	    finds[_i].method, finds[_i].path, rt->pattern);
	ck_assert_int_eq(rt->role, finds[_i].role);
	if (finds[_i].id != 0)
		ck_assert_int_eq(m.id, finds[_i].id);
	if (finds[_i].arg[0] != '\0')
		ck_assert_str_eq(m.arg, finds[_i].arg);
}
END_TEST

/* The routes anyone may open: /app's redirect, logging in, choosing a
 * password by a link, the language and the static files.  Any other
 * would be a page open to the whole internet. */
static const char *const publics[] = {
	"GET /app", "GET /app/lang/*", "GET /app/login", "POST /app/login",
	"GET /app/password", "POST /app/password", "GET /app/static/*",
};

START_TEST(public_only)
{
	size_t n, i, k, npublic = 0;
	const struct route *routes = web_routes(&n);
	char name[128];

	ck_assert_uint_gt(n, 40);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s %s", routes[i].method,
		    routes[i].pattern);
		if (routes[i].role != P) {
			ck_assert_msg(routes[i].role >= V && routes[i].role <= A,
			    "%s: role %d", name, routes[i].role);
			continue;
		}
		for (k = 0; k < NELEM(publics); k++)
			if (strcmp(name, publics[k]) == 0)
				break;
		ck_assert_msg(k < NELEM(publics), "%s is public", name);
		npublic++;
	}
	ck_assert_uint_eq(npublic, NELEM(publics));
}
END_TEST

/* What a request's csrf field holds, for the verdicts. */
enum sent { S_NONE, S_GOOD, S_OTHER, S_RAW, S_JUNK };

#define SITE	"https://kyniem.example.org"

static const struct {
	const char *what;
	int need, post, logged_in, role;
	const char *origin, *fetch_site;
	enum sent sent;
	int want;		/* the browser has the token (a cookie) */
	enum route_verdict v;
} checks[] = {
	{ "a public page", P, 0, 0, 0, NULL, NULL, S_NONE, 0, ROUTE_GO },
	{ "a public page, logged in", P, 0, 1, V, NULL, NULL, S_NONE, 1,
	    ROUTE_GO },
	{ "a page without a login", V, 0, 0, 0, NULL, NULL, S_NONE, 0,
	    ROUTE_LOGIN },
	{ "a form without a login", V, 1, 0, 0, SITE, NULL, S_GOOD, 1,
	    ROUTE_ENDED },
	{ "an admin page to a viewer", A, 0, 1, V, NULL, NULL, S_NONE, 1,
	    ROUTE_NO_ROLE },
	{ "an admin page to an editor", A, 0, 1, E, NULL, NULL, S_NONE, 1,
	    ROUTE_NO_ROLE },
	{ "an admin page to an admin", A, 0, 1, A, NULL, NULL, S_NONE, 1,
	    ROUTE_GO },
	{ "a viewer's page to an admin", V, 0, 1, A, NULL, NULL, S_NONE, 1,
	    ROUTE_GO },
	{ "an editor's form from a viewer, well formed", E, 1, 1, V, SITE,
	    NULL, S_GOOD, 1, ROUTE_NO_ROLE },
	{ "an editor's form", E, 1, 1, E, SITE, NULL, S_GOOD, 1, ROUTE_GO },
	{ "a form without Origin", E, 1, 1, E, NULL, "same-origin", S_GOOD,
	    1, ROUTE_FORGED },
	{ "a form from another site", E, 1, 1, E, "https://evil.example",
	    "cross-site", S_GOOD, 1, ROUTE_FORGED },
	{ "a form from our host over http", E, 1, 1, E,
	    "http://kyniem.example.org", NULL, S_GOOD, 1, ROUTE_FORGED },
	{ "an Origin with a path", E, 1, 1, E, SITE "/", NULL, S_GOOD, 1,
	    ROUTE_FORGED },
	{ "an Origin that starts like ours", E, 1, 1, E, SITE ".evil.example",
	    NULL, S_GOOD, 1, ROUTE_FORGED },
	{ "Origin null from our page", E, 1, 1, E, "null", "same-origin",
	    S_GOOD, 1, ROUTE_GO },
	{ "Origin null from another site", E, 1, 1, E, "null", "cross-site",
	    S_GOOD, 1, ROUTE_FORGED },
	{ "Origin null, same-site", E, 1, 1, E, "null", "same-site", S_GOOD,
	    1, ROUTE_FORGED },
	{ "Origin null without Sec-Fetch-Site", E, 1, 1, E, "null", NULL,
	    S_GOOD, 1, ROUTE_FORGED },
	{ "a form without its token", E, 1, 1, E, SITE, NULL, S_NONE, 1,
	    ROUTE_FORGED },
	{ "a form with another token", E, 1, 1, E, SITE, NULL, S_OTHER, 1,
	    ROUTE_FORGED },
	{ "a form with the token unmasked", E, 1, 1, E, SITE, NULL, S_RAW, 1,
	    ROUTE_FORGED },
	{ "a form with junk for a token", E, 1, 1, E, SITE, NULL, S_JUNK, 1,
	    ROUTE_FORGED },
	{ "the login form", P, 1, 0, 0, SITE, NULL, S_GOOD, 1, ROUTE_GO },
	{ "the login form, no login cookie", P, 1, 0, 0, SITE, NULL, S_GOOD,
	    0, ROUTE_FORGED },
	{ "the login form from another site", P, 1, 0, 0,
	    "https://evil.example", NULL, S_GOOD, 1, ROUTE_FORGED },
	{ "a GET from another site", V, 0, 1, V, "https://evil.example",
	    "cross-site", S_NONE, 1, ROUTE_GO },
};

START_TEST(check)
{
	char *want = token_new(), *other = token_new(), *masked = NULL;
	struct route_request q = { .need = checks[_i].need,
	    .post = checks[_i].post, .logged_in = checks[_i].logged_in,
	    .role = checks[_i].role, .origin = checks[_i].origin,
	    .fetch_site = checks[_i].fetch_site, .site = SITE,
	    .want = checks[_i].want ? want : NULL };

	switch (checks[_i].sent) {
	case S_NONE:
		break;
	case S_GOOD:
		q.sent = masked = token_mask(want);
		break;
	case S_OTHER:
		q.sent = masked = token_mask(other);
		break;
	case S_RAW:
		q.sent = want;
		break;
	case S_JUNK:
		q.sent = "x";
		break;
	}
	ck_assert_msg(route_check(&q) == checks[_i].v, "%s: verdict %d, "
	    "not %d", checks[_i].what, (int)route_check(&q),
	    (int)checks[_i].v);
	free(want);
	free(other);
	free(masked);
}
END_TEST

/* A token masked twice differs each time; both are the token. */
START_TEST(masked_anew)
{
	char *tok = token_new(), *a = token_mask(tok), *b = token_mask(tok);

	ck_assert_str_ne(a, b);
	ck_assert_int_eq(route_csrf_ok(a, tok), 1);
	ck_assert_int_eq(route_csrf_ok(b, tok), 1);
	ck_assert_int_eq(route_csrf_ok(NULL, tok), 0);
	ck_assert_int_eq(route_csrf_ok(a, NULL), 0);
	free(tok);
	free(a);
	free(b);
}
END_TEST

static const struct {
	const char *value;
	int ok;
} tokens[] = {
	{ "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO-_", 1 },
	{ "0123456789012345678901234567890123456789012", 1 },
	{ "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO-", 0 },	/* 42 */
	{ "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO-_x", 0 },	/* 44 */
	{ "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO+/", 0 },
	{ "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO-;", 0 },
	{ "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN\"-_", 0 },
	{ "", 0 },
	{ NULL, 0 },
};

START_TEST(cookie_token)
{
	const char *got = route_token(tokens[_i].value);

	if (tokens[_i].ok)
		ck_assert_ptr_eq(got, tokens[_i].value);
	else
		ck_assert_ptr_null(got);
}
END_TEST

START_TEST(new_tokens)
{
	char *tok = token_new();

	ck_assert_ptr_eq(route_token(tok), tok);
	free(tok);
}
END_TEST

static void
setup(void)
{
	token_init();
}

static Suite *
suite(void)
{
	Suite *s = suite_create("route");
	TCase *tc = tcase_create("core");

	tcase_add_unchecked_fixture(tc, setup, NULL);
	tcase_add_loop_test(tc, find, 0, NELEM(finds));
	tcase_add_test(tc, public_only);
	tcase_add_loop_test(tc, check, 0, NELEM(checks));
	tcase_add_test(tc, masked_anew);
	tcase_add_loop_test(tc, cookie_token, 0, NELEM(tokens));
	tcase_add_test(tc, new_tokens);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

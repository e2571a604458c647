/*
 * The route table and the checks every request passes before its page
 * runs.  Nothing here reads a connection, the database or the clock:
 * web.c hands in the strings and acts on the verdict, and
 * tests/unit/test_route.c tries each decision on its own.
 */
#include <string.h>

#include "route.h"
#include "token.h"
#include "user.h"
#include "util.h"
#include "web_pages.h"

#define V ROLE_VIEWER
#define E ROLE_EDITOR
#define A ROLE_ADMIN
#define P ROUTE_PUBLIC

static const struct route routes[] = {
	{ "GET", "/app", P, web_root },
	{ "GET", "/app/", V, web_home },
	{ "GET", "/app/account", V, web_account },
	{ "POST", "/app/account/password", V, web_account_password },
	{ "GET", "/app/activities", V, web_activities },
	{ "POST", "/app/activities", E, web_activity_create },
	{ "GET", "/app/activities/#", V, web_activity },
	{ "POST", "/app/activities/#", E, web_activity_update },
	{ "POST", "/app/activities/#/cancel", E, web_activity_cancel },
	{ "POST", "/app/activities/#/done", E, web_activity_done },
	{ "GET", "/app/activities/#/edit", E, web_activity_edit },
	{ "GET", "/app/activities/new", E, web_activity_new },
	{ "GET", "/app/audit", A, web_audit_page },
	{ "GET", "/app/backup", A, web_backup_page },
	{ "GET", "/app/backup/latest", A, web_backup_latest },
	{ "GET", "/app/contacts", V, web_contacts },
	{ "GET", "/app/contacts/edit", A, web_contact_edit_form },
	{ "POST", "/app/contacts/edit", A, web_contact_edit },
	{ "GET", "/app/documents", V, web_documents },
	{ "GET", "/app/documents/*", V, web_document },
	{ "POST", "/app/documents/#/*/exclude", E, web_document_exclude },
	{ "POST", "/app/documents/#/*/include", E, web_document_include },
	{ "POST", "/app/documents/#/*/reset", E, web_document_reset },
	{ "GET", "/app/import", A, web_import_form },
	{ "POST", "/app/import", A, web_import },
	{ "GET", "/app/lang/*", P, web_lang },
	{ "GET", "/app/letters", V, web_letters },
	{ "GET", "/app/letters/*", V, web_letter_file },
	{ "POST", "/app/letters/sent", E, web_letter_sent },
	{ "GET", "/app/login", P, web_login_form },
	{ "POST", "/app/login", P, web_login },
	{ "POST", "/app/logout", V, web_logout },
	{ "GET", "/app/occasions/*", V, web_occasion },
	{ "POST", "/app/occasions/*/correct", E, web_occasion_correct },
	{ "GET", "/app/outbox", A, web_outbox },
	{ "POST", "/app/outbox/#/retry", A, web_outbox_retry },
	{ "GET", "/app/password", P, web_password_form },
	{ "POST", "/app/password", P, web_password },
	{ "GET", "/app/recipients", A, web_recipients },
	{ "POST", "/app/recipients", A, web_recipient_add },
	{ "GET", "/app/recipients/edit", A, web_recipient_edit_form },
	{ "POST", "/app/recipients/edit", A, web_recipient_edit },
	{ "POST", "/app/recipients/remove", A, web_recipient_remove },
	{ "GET", "/app/static/*", P, web_static },
	{ "GET", "/app/users", A, web_users },
	{ "POST", "/app/users", A, web_user_add },
	{ "POST", "/app/users/#/disable", A, web_user_disable },
	{ "POST", "/app/users/#/enable", A, web_user_enable },
	{ "POST", "/app/users/#/reset", A, web_user_reset },
	{ "POST", "/app/users/#/role", A, web_user_role },
	{ "GET", "/app/verify", V, web_verify },
	{ "GET", "/app/year", V, web_year_now },
	{ "GET", "/app/year/#", V, web_year },
};

#undef V
#undef E
#undef A
#undef P

/* A path segment for m->arg: URL-safe characters only (and ':' of the
 * observances' keys, "relation:JP"). */
static int
segment_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n >= sizeof(((struct route_match *)0)->arg))
		return 0;
	for (i = 0; i < n; i++)
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789-_.@:", s[i]) == NULL || s[i] == '\0')
			return 0;
	return s[0] != '.';
}

/* 1 if path matches pattern, filling m->id and m->arg. */
static int
match(const char *pattern, const char *path, struct route_match *m)
{
	const char *end;
	size_t n;

	while (*pattern != '\0') {
		if (*pattern == '#' || *pattern == '*') {
			end = strchr(path, '/');
			n = end != NULL ? (size_t)(end - path) : strlen(path);
			if (!segment_ok(path, n))
				return 0;
			if (*pattern == '#') {
				char num[24];

				if (n >= sizeof(num))
					return 0;
				memcpy(num, path, n);
				num[n] = '\0';
				if (util_parse_int(num, 1, 1000000000L,
				    &m->id) == -1)
					return 0;
			} else {
				memcpy(m->arg, path, n);
				m->arg[n] = '\0';
			}
			pattern++;
			path += n;
			continue;
		}
		if (*pattern++ != *path++)
			return 0;
	}
	return *path == '\0';
}

const struct route *
route_find(const char *method, const char *path, struct route_match *m,
    unsigned *status)
{
	const char *want = strcmp(method, "HEAD") == 0 ? "GET" : method;
	size_t i;

	memset(m, 0, sizeof(*m));
	*status = 404;
	for (i = 0; i < NELEM(routes); i++) {
		if (!match(routes[i].pattern, path, m))
			continue;
		if (strcmp(routes[i].method, want) == 0)
			return &routes[i];
		*status = 405;
	}
	return NULL;
}

int
route_origin_ok(const char *origin, const char *fetch_site, const char *site)
{
	if (origin == NULL)
		return 0;
	if (strcmp(origin, site) == 0)
		return 1;
	return strcmp(origin, "null") == 0 && fetch_site != NULL &&
	    strcmp(fetch_site, "same-origin") == 0;
}

int
route_csrf_ok(const char *sent, const char *want)
{
	return sent != NULL && want != NULL && token_masked_equal(sent, want);
}

const char *
route_token(const char *value)
{
	if (value == NULL || strlen(value) != TOKEN_LEN ||
	    strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") != TOKEN_LEN)
		return NULL;
	return value;
}

enum route_verdict
route_check(const struct route_request *q)
{
	if (q->need != ROUTE_PUBLIC && !q->logged_in)
		return q->post ? ROUTE_ENDED : ROUTE_LOGIN;
	if (q->logged_in && q->need != ROUTE_PUBLIC && q->role < q->need)
		return ROUTE_NO_ROLE;
	if (q->post && (!route_origin_ok(q->origin, q->fetch_site, q->site) ||
	    !route_csrf_ok(q->sent, q->want)))
		return ROUTE_FORGED;
	return ROUTE_GO;
}

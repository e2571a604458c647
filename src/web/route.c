/*
 * Finding a request's route in a table, and the checks every request
 * passes before its page runs.  Nothing here reads a connection, the
 * database or the clock: web.c hands in its route table and the
 * request's strings and acts on the verdict, and tests/unit/test_route.c
 * tries each decision on its own.
 */
#include <string.h>

#include "route.h"
#include "token.h"
#include "util.h"

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
route_find(const struct route *routes, size_t n, const char *method,
    const char *path, struct route_match *m, unsigned *status)
{
	const char *want = strcmp(method, "HEAD") == 0 ? "GET" : method;
	size_t i;

	memset(m, 0, sizeof(*m));
	*status = 404;
	for (i = 0; i < n; i++) {
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

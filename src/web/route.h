/*
 * The router's decisions about a request before its page runs, as pure
 * functions of strings and numbers like httpreq.h's (no connection, no
 * database, no clock, so each can be unit-tested): which route of a
 * table (web.c's, each route with the least role it needs) a method and
 * path name, and whether the request may go on (login, role, Origin,
 * CSRF token).  web.c gathers what they read and acts on the answer.
 */
#ifndef KYNIEM_ROUTE_H
#define KYNIEM_ROUTE_H

#include <stddef.h>

#include "web_req.h"

/* A route anyone may open (the login page), instead of a role. */
#define ROUTE_PUBLIC	(-1)

struct route {
	const char *method;	/* GET (and HEAD) or POST */
	const char *pattern;	/* "#" a number, "*" a segment */
	int role;		/* least role (user.h), or ROUTE_PUBLIC */
	web_fn fn;
};

/* What a path's "#" and "*" segments held. */
struct route_match {
	long id;		/* the number, 1 to 1000000000 */
	char arg[128];		/* the segment: URL-safe characters only */
};

/*
 * The route of method and path among the n of routes (the first that
 * matches), with *m filled from the path; or NULL with *status 404 (no
 * route has the path) or 405 (routes have it, for another method).
 * HEAD is GET.
 */
const struct route *route_find(const struct route *routes, size_t n,
    const char *method, const char *path, struct route_match *m,
    unsigned *status);

/* What the checks before a page decide. */
enum route_verdict {
	ROUTE_GO,		/* the page runs */
	ROUTE_LOGIN,		/* a GET without a login: to the login page */
	ROUTE_ENDED,		/* a POST without a login: 403, session over */
	ROUTE_NO_ROLE,		/* the account's role is below the route's */
	ROUTE_FORGED		/* a POST from elsewhere or without the token */
};

/* What they read of a request. */
struct route_request {
	int need;		/* the route's least role, or ROUTE_PUBLIC */
	int post;
	int logged_in;
	int role;		/* the account's, when logged_in */
	const char *origin;	/* its Origin header, or NULL */
	const char *fetch_site;	/* its Sec-Fetch-Site header, or NULL */
	const char *site;	/* this site: scheme://host[:port] */
	const char *sent;	/* the form's csrf field, or NULL */
	const char *want;	/* the token it must carry (masked), or NULL
				   when the browser has none */
};

/*
 * The verdict on q, in this order: a route that needs a login without
 * one, a role below the route's, then on a POST the Origin and the CSRF
 * token (public routes too: the login form has one).
 */
enum route_verdict route_check(const struct route_request *q);

/*
 * 1 if the Origin of a POST (NULL when absent) is site.  Under
 * Referrer-Policy: no-referrer a browser sends "Origin: null" even for
 * a form of our own page; Sec-Fetch-Site "same-origin", which no page
 * can set, then tells that the form was ours.  No Origin at all (not a
 * browser) is refused like a foreign one.
 */
int route_origin_ok(const char *origin, const char *fetch_site,
    const char *site);

/* 1 if sent is want masked as ui_csrf() writes it; 0 if either is NULL. */
int route_csrf_ok(const char *sent, const char *want);

/* value if a cookie's value (may be NULL) has a token's shape, else NULL. */
const char *route_token(const char *value);

#endif

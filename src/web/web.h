/*
 * The staff web application under /app/: what the server starts and
 * stops (web_new, web_app), and what a page calls to answer a request
 * (web_req.h) beyond its HTML: redirects and flash messages, cookies,
 * the per-thread cache.  Every request passes the
 * checks of route.h (login, role, CSRF token and Origin on POST) before
 * a page's own code runs.  Pages are the web_*.c files (web_pages.h);
 * they write HTML through ui.c.
 */
#ifndef KYNIEM_WEB_H
#define KYNIEM_WEB_H

#include <time.h>

#include "session.h"
#include "util.h"
#include "web_req.h"

struct config;
struct route;
struct search_index;
struct web;

#define WEB_COOKIE_SESSION	"kyniem_session"
#define WEB_COOKIE_LOGIN	"kyniem_login"	/* CSRF before a login */
#define WEB_COOKIE_LANG		"kyniem_lang"

/* What the server gives the application. */
struct web_opts {
	const struct config *cfg;	/* read under web_config_lock() */
	/* The server's now and today (moved on from --now/--today). */
	void (*clock)(void *cls, time_t *now, struct ymd *today);
	/* A page wrote to the database: the feeds may rebuild now rather
	 * than at the next poll.  May be NULL. */
	void (*changed)(void *cls);
	/* A page queued mail a person waits for (a password link): send
	 * it now.  May be NULL. */
	void (*mail)(void *cls);
	void *clock_cls;		/* for all three */
	const char *version;		/* kyniem's: a year record's generator */
};

/* A new application; never NULL.  Free with web_free() after the
 * server stopped. */
struct web *web_new(const struct web_opts *o);
void web_free(struct web *w);

/* The http_app of /app. */
void web_app(struct web *w, struct http_app *app);

/* The route table (route.h), every route with its least role: n
 * routes, for route_find() and its tests. */
const struct route *web_routes(size_t *n);

/* Held while the server replaces the config the pages read. */
void web_config_lock(struct web *w);
void web_config_unlock(struct web *w);

/* The data changed (a write of this request): the server is told, so
 * that the feeds follow at once.  (Every thread reloads its dataset when
 * store_data_rev() moves, whoever wrote.) */
void web_dirty(struct web_req *r);

/* The search index of the request's dataset (search.h), NULL (logged)
 * when it cannot be had. */
const struct search_index *web_search_index(struct web_req *r);

/* This request queued mail a person waits for: the server's sender
 * sends it now, outside the request. */
void web_mail_queued(struct web_req *r);

/* kyniem's version, as the server was given it ("" when not). */
const char *web_version(const struct web_req *r);

/* Answer a redirect to path under the site's root (303); 0. */
int web_redirect(struct web_req *r, const char *path);
/*
 * The answer to a POST that did something: its flash message (code of
 * ui.c's table; detail, may be NULL, for the page to add) kept with the
 * session, shown once by the page after the redirect to path.  0 or -1.
 */
int web_redirect_flash(struct web_req *r, const char *path,
    const char *code, const char *detail);

/* Set a cookie of the application (HttpOnly, SameSite=Lax, Path=/app,
 * Secure under https); max_age 0 deletes it. */
void web_cookie(struct web_req *r, const char *name, const char *value,
    long max_age);
/* The answer is a file to save as name, of type ctype: its
 * Content-Disposition (a character of name other than a letter, digit,
 * '-', '_' or '.' is written as '_', so no name breaks the header). */
void web_attachment(struct web_req *r, const char *ctype, const char *name);
/* The limits of a session under the request's config. */
void web_session_limits(const struct web_req *r,
    struct session_limits *lim);

/*
 * The part of a page that is the same for everyone of the same language
 * and role (no CSRF token, nothing personal): when this thread made it
 * for key at the current data revision, day and config, it is appended
 * to r->out and 1 returned.  Else 0: the page writes it, then keeps it
 * with web_cache_put(r, key, offset where it began in r->out).
 */
int web_cache_get(struct web_req *r, const char *key);
void web_cache_put(struct web_req *r, const char *key, size_t start);

#endif

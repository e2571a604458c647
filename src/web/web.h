/*
 * The staff web application under /app/: the router (every route with the
 * least role it needs), sessions and the checks every request goes
 * through before a page's own code runs (login, role, CSRF token and
 * Origin on POST), the security headers, and the per-thread database
 * connection and cached dataset the pages read.  Pages are the web_*.c
 * files (web_pages.h); they write HTML through ui.c.
 */
#ifndef KYNIEM_WEB_H
#define KYNIEM_WEB_H

#include <time.h>

#include "dataset.h"
#include "http.h"
#include "session.h"
#include "token.h"
#include "util.h"

struct config;
struct lunar_cal;
struct store;
struct web;

/* A route anyone may open (the login page), instead of a role. */
#define WEB_PUBLIC	(-1)

#define WEB_COOKIE_SESSION	"kyniem_session"
#define WEB_COOKIE_LOGIN	"kyniem_login"	/* CSRF before a login */
#define WEB_COOKIE_LANG		"kyniem_lang"

/* One request as the pages see it. */
struct web_req {
	struct web *w;
	const struct http_req *hr;
	struct http_resp *rs;
	struct buf *out;		/* = &rs->body */
	struct store *st;		/* this thread's connection */
	const struct dataset *data;	/* when logged in */
	const struct config *cfg;
	struct lunar_cal *lunar;	/* this thread's */
	int logged_in;
	struct session s;		/* when logged_in */
	enum lang lang;
	time_t now;
	struct ymd today;		/* in Vietnam */
	long id;			/* the number of the path ("#") */
	char arg[128];			/* a segment of the path ("*") */
	char origin[256];		/* this site: scheme://host[:port] */
	char root[256];			/* base_url's path: "" or "/kyniem" */
	int secure;			/* https: cookies are Secure */
	char login_csrf[TOKEN_LEN + 1];	/* a login cookie set now */
	char flash[32];			/* the session's flash message, once */
	char flash_detail[256];		/* taken by ui_flash(); "" if none */
};

/* What a page handler returns: 0 (the page or redirect is in rs), or
 * -1 for a 500 it has logged. */
typedef int (*web_fn)(struct web_req *r);

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
};

/* A new application; never NULL.  Free with web_free() after the
 * server stopped. */
struct web *web_new(const struct web_opts *o);
void web_free(struct web *w);

/* The http_app of /app. */
void web_app(struct web *w, struct http_app *app);

/* Held while the server replaces the config the pages read. */
void web_config_lock(struct web *w);
void web_config_unlock(struct web *w);

/* The data changed (a write of this request): the server is told, so
 * that the feeds follow at once.  (Every thread reloads its dataset when
 * store_data_rev() moves, whoever wrote.) */
void web_dirty(struct web_req *r);

/* This request queued mail a person waits for: the server's sender
 * sends it now, outside the request. */
void web_mail_queued(struct web_req *r);

/* Answer a redirect to path under the site's root (303); 0. */
int web_redirect(struct web_req *r, const char *path);
/*
 * The answer to a POST that did something: its flash message (code of
 * ui.c's table; detail, may be NULL, for the page to add) kept with the
 * session, shown once by the page after the redirect to path.  0 or -1.
 */
int web_redirect_flash(struct web_req *r, const char *path,
    const char *code, const char *detail);
/* Take the session's flash message into r->flash and r->flash_detail
 * (ui_flash() does, on every page); 0 or -1. */
int web_flash_take(struct web_req *r);
/* Answer an error page with status and a message; 0. */
int web_error(struct web_req *r, unsigned status, const char *vi,
    const char *en);

/* The audit trail of a change by the request's account; 0 or -1. */
int web_audit(struct web_req *r, const char *action, const char *object,
    const char *before, const char *after);

/* Set a cookie of the application (HttpOnly, SameSite=Lax, Path=/app,
 * Secure under https); max_age 0 deletes it. */
void web_cookie(struct web_req *r, const char *name, const char *value,
    long max_age);
/* The CSRF token of a form shown before a login: the login cookie's,
 * set now when the browser has none. */
const char *web_login_token(struct web_req *r);
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

/* The words of the request's language. */
#define L(r, vi, en)	((r)->lang == LANG_EN ? (en) : (vi))

#endif

/*
 * One request of the web application as its pages see it: what web.c
 * found before the page runs (the session, the language, the site's
 * origin, the CSRF token forms carry) and where the page writes.  The
 * router (web.c), the pages (web_pages.h) and the shared markup (ui.h)
 * all read this one struct; none of them needs another's header for it.
 */
#ifndef KYNIEM_WEB_REQ_H
#define KYNIEM_WEB_REQ_H

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
	const char *sid;		/* the session cookie's token, when
					   logged_in (the request owns it) */
	enum lang lang;
	time_t now;
	struct ymd today;		/* in Vietnam */
	long id;			/* the number of the path ("#") */
	char arg[128];			/* a segment of the path ("*") */
	char origin[256];		/* this site: scheme://host[:port] */
	char root[256];			/* base_url's path: "" or "/kyniem" */
	int secure;			/* https: cookies are Secure */
	/*
	 * The token this request's forms carry (ui_csrf() masks it), set
	 * before the page runs: the session's, or before a login the
	 * login cookie's.  When the browser has no login cookie it is a
	 * new one (csrf_new), which web.c sets as that cookie once a form
	 * of the page used it (csrf_used).
	 */
	char csrf[TOKEN_LEN + 1];
	int csrf_new, csrf_used;
	char flash[32];			/* the session's flash message, once */
	char flash_detail[256];		/* taken by ui_flash(); "" if none */
};

/* What a page handler returns: 0 (the page or redirect is in rs), or
 * -1 for a 500 it has logged. */
typedef int (*web_fn)(struct web_req *r);

/* The words of the request's language. */
#define L(r, vi, en)	((r)->lang == LANG_EN ? (en) : (vi))

#endif

/*
 * The web application's core: the route table with the least role of
 * each route, and the one path every request takes before a page runs
 * (body limits, session, role, CSRF token and Origin on every POST), the
 * security headers.  What each thread keeps between requests is
 * web_thread.c's; pages are in web_*.c (web_pages.h), their HTML through
 * ui.c.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "escape.h"
#include "log.h"
#include "token.h"
#include "ui.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"
#include "web_thread.h"

/* Bytes of a POST body: an uploaded calendar file at most. */
#define WEB_MAX_BODY	(8 * 1024 * 1024)

struct web {
	struct web_opts o;
	struct web_threads *threads;
	pthread_rwlock_t cfg_lock;	/* held to read o.cfg */
	unsigned gen;			/* moved by every new config */
};

struct route {
	const char *method;	/* GET (and HEAD) or POST */
	const char *pattern;	/* "#" a number, "*" a segment */
	int role;		/* least role, or WEB_PUBLIC */
	web_fn fn;
};

#define V ROLE_VIEWER
#define E ROLE_EDITOR
#define A ROLE_ADMIN
#define P WEB_PUBLIC

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

/* A path segment put in r->arg: URL-safe characters only (and ':' of
 * the observances' keys, "relation:JP"). */
static int
segment_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n >= sizeof(((struct web_req *)0)->arg))
		return 0;
	for (i = 0; i < n; i++)
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789-_.@:", s[i]) == NULL || s[i] == '\0')
			return 0;
	return s[0] != '.';
}

/* 1 if path matches pattern, filling r->id and r->arg. */
static int
match(const char *pattern, const char *path, struct web_req *r)
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
				    &r->id) == -1)
					return 0;
			} else {
				memcpy(r->arg, path, n);
				r->arg[n] = '\0';
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

/* The route of the request, or NULL with *status 404 or 405. */
static const struct route *
route_find(struct web_req *r, const char *method, unsigned *status)
{
	const char *path = http_req_path(r->hr);
	const char *m = strcmp(method, "HEAD") == 0 ? "GET" : method;
	size_t i;

	*status = 404;
	for (i = 0; i < NELEM(routes); i++) {
		if (!match(routes[i].pattern, path, r))
			continue;
		if (strcmp(routes[i].method, m) == 0)
			return &routes[i];
		*status = 405;
	}
	return NULL;
}

/* "scheme://host[:port]" of base into out, and its path (no final
 * slash) into root. */
static void
split_base(const char *base, char *out, size_t len, char *root,
    size_t rlen)
{
	const char *host = strstr(base, "://");
	const char *path = host != NULL ? strchr(host + 3, '/') : NULL;
	size_t n = path != NULL ? (size_t)(path - base) : strlen(base);

	snprintf(out, len, "%.*s", (int)n, base);
	n = path != NULL ? strlen(path) : 0;
	while (n > 0 && path[n - 1] == '/')
		n--;
	snprintf(root, rlen, "%.*s", (int)n, path != NULL ? path : "");
}

static enum lang
req_lang(struct web_req *r)
{
	const char *c = http_req_cookie(r->hr, WEB_COOKIE_LANG);

	if (c != NULL && strcmp(c, "en") == 0)
		return LANG_EN;
	if (c != NULL && strcmp(c, "vi") == 0)
		return LANG_VI;
	return r->cfg->lang;
}

static void
req_init(struct web *w, const struct http_req *hr, struct http_resp *rs,
    struct web_req *r)
{
	const char *host = http_req_header(hr, "Host");
	char base[300];

	memset(r, 0, sizeof(*r));
	r->w = w;
	r->hr = hr;
	r->rs = rs;
	r->out = &rs->body;
	r->cfg = w->o.cfg;
	w->o.clock(w->o.clock_cls, &r->now, &r->today);
	r->lang = req_lang(r);
	/* Without base_url, the site is whatever host the browser asked. */
	if (r->cfg->base_url != NULL && r->cfg->base_url[0] != '\0')
		snprintf(base, sizeof(base), "%s", r->cfg->base_url);
	else
		snprintf(base, sizeof(base), "http://%s", host != NULL &&
		    strpbrk(host, "/\\\"<> ") == NULL ? host : "localhost");
	split_base(base, r->origin, sizeof(r->origin), r->root,
	    sizeof(r->root));
	r->secure = strncmp(r->origin, "https:", 6) == 0;
}

/* Headers of every page of the application. */
static void
security_headers(struct http_resp *rs)
{
	http_resp_header(rs, "Content-Security-Policy", "default-src 'self'; "
	    "script-src 'self'; style-src 'self'; img-src 'self' data:; "
	    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
	    "object-src 'none'");
	http_resp_header(rs, "Referrer-Policy", "no-referrer");
	http_resp_header(rs, "X-Content-Type-Options", "nosniff");
	http_resp_header(rs, "X-Frame-Options", "DENY");
}

/*
 * The Origin of a POST must be this site's.  Under Referrer-Policy:
 * no-referrer a browser sends "Origin: null" even for a form of our own
 * page; Sec-Fetch-Site, which no page can set, then tells that the form
 * was ours.  A request without Origin (not from a browser) is refused
 * like a foreign one: scripts send it.
 */
static int
origin_ok(const struct web_req *r)
{
	const char *o = http_req_header(r->hr, "Origin");
	const char *site = http_req_header(r->hr, "Sec-Fetch-Site");

	if (o == NULL)
		return 0;
	if (strcmp(o, r->origin) == 0)
		return 1;
	return strcmp(o, "null") == 0 && site != NULL &&
	    strcmp(site, "same-origin") == 0;
}

/* The token of a cookie if it has a token's shape, else NULL. */
static const char *
cookie_token(const struct web_req *r, const char *name)
{
	const char *c = http_req_cookie(r->hr, name);

	if (c == NULL || strlen(c) != TOKEN_LEN ||
	    strspn(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") != TOKEN_LEN)
		return NULL;
	return c;
}

/* The CSRF token a POST must carry, masked as ui_csrf() wrote it: the
 * session's, or before a login the login cookie's. */
static int
csrf_ok(const struct web_req *r)
{
	const char *sent = http_req_field(r->hr, "csrf");
	const char *want = r->logged_in ? r->s.csrf :
	    cookie_token(r, WEB_COOKIE_LOGIN);

	return sent != NULL && want != NULL && token_masked_equal(sent, want);
}

static void
session_limits(const struct web_req *r, struct session_limits *lim)
{
	lim->idle = r->cfg->app_idle_minutes * 60L;
	lim->max = r->cfg->app_session_days * 86400L;
}

/* The session of the request's cookie, if any; 0 or -1. */
static int
find_session(struct web_req *r, struct web_thread *t)
{
	const char *tok = cookie_token(r, WEB_COOKIE_SESSION);
	struct session_limits lim;
	int rc;

	if (tok == NULL)
		return 0;
	session_limits(r, &lim);
	if ((rc = web_thread_session(t, tok, &lim, r->now, &r->s)) == -1)
		return -1;
	r->logged_in = rc == 0;
	return 0;
}

/* A request for a page that needs a login without one. */
static int
need_login(struct web_req *r, int post)
{
	struct buf to;
	int ret;

	if (post)
		return web_error(r, 403, "Phiên làm việc đã hết hạn hoặc "
		    "chưa đăng nhập. Hãy đăng nhập lại.", "The session has "
		    "ended or you are not logged in. Please log in again.");
	buf_init(&to);
	buf_puts(&to, "/app/login?next=");
	esc_url(&to, http_req_path(r->hr));
	ret = web_redirect(r, to.data);
	buf_release(&to);
	return ret;
}

/* Everything between the route and the page; the page's result. */
static int
dispatch(struct web_req *r, const struct route *rt, int post)
{
	struct web_thread *t = web_thread(r->w->threads);

	if (web_thread_begin(t, r->cfg) == -1)
		return -1;
	r->st = web_thread_store(t);
	r->lunar = web_thread_lunar(t);
	if (find_session(r, t) == -1)
		return -1;
	if (rt->role != WEB_PUBLIC && !r->logged_in)
		return need_login(r, post);
	if (r->logged_in && rt->role != WEB_PUBLIC &&
	    (int)r->s.user.role < rt->role)
		return web_error(r, 403, "Tài khoản của bạn không có quyền "
		    "làm việc này.", "Your account may not do this.");
	if (post && (!origin_ok(r) || !csrf_ok(r)))
		return web_error(r, 403, "Yêu cầu bị từ chối: biểu mẫu không "
		    "đến từ trang này hoặc đã cũ. Hãy tải lại trang và thử "
		    "lại.", "Request refused: the form did not come from this "
		    "site or is out of date. Reload the page and try again.");
	if (r->logged_in && (r->data = web_thread_data(t)) == NULL)
		return -1;
	return rt->fn(r);
}

static int
handle(void *cls, const struct http_req *hr, struct http_resp *rs)
{
	struct web *w = cls;
	struct web_req r;
	const struct route *rt;
	const char *method = http_req_method(hr);
	int post = strcmp(method, "POST") == 0, ret;
	unsigned status;

	pthread_rwlock_rdlock(&w->cfg_lock);
	req_init(w, hr, rs, &r);
	security_headers(rs);
	switch (http_req_body_problem(hr)) {
	case 1:
		ret = web_error(&r, 413, "Dữ liệu gửi lên quá lớn.",
		    "What was sent is too large.");
		goto done;
	case 2:
		ret = web_error(&r, 400, "Biểu mẫu gửi lên không hợp lệ.",
		    "The form sent is not valid.");
		goto done;
	}
	if ((rt = route_find(&r, method, &status)) == NULL) {
		if (status == 405)
			http_resp_header(rs, "Allow", post ? "GET, HEAD" :
			    "POST");
		ret = web_error(&r, status, "Không có trang này.",
		    "There is no such page.");
		goto done;
	}
	ret = dispatch(&r, rt, post);
done:
	/* Pages are per account and may hold personal data: never kept by
	 * a cache, unless the page said otherwise (the static files). */
	if (rs->headers.data == NULL ||
	    strstr(rs->headers.data, "Cache-Control:") == NULL)
		http_resp_header(rs, "Cache-Control", "no-store");
	if (r.logged_in)
		session_release(&r.s);
	pthread_rwlock_unlock(&w->cfg_lock);
	return ret;
}

struct web *
web_new(const struct web_opts *o)
{
	struct web *w = xcalloc(1, sizeof(*w));

	w->o = *o;
	w->threads = web_threads_new();
	pthread_rwlock_init(&w->cfg_lock, NULL);
	return w;
}

void
web_free(struct web *w)
{
	if (w == NULL)
		return;
	web_threads_free(w->threads);
	pthread_rwlock_destroy(&w->cfg_lock);
	free(w);
}

void
web_app(struct web *w, struct http_app *app)
{
	memset(app, 0, sizeof(*app));
	app->prefix = "/app";
	app->handle = handle;
	app->cls = w;
	app->max_body = WEB_MAX_BODY;
}

void
web_config_lock(struct web *w)
{
	pthread_rwlock_wrlock(&w->cfg_lock);
}

void
web_config_unlock(struct web *w)
{
	w->gen++;
	pthread_rwlock_unlock(&w->cfg_lock);
}

/* The key of a part of a page as this request sees it. */
static char *
cache_key(const struct web_req *r, const char *key)
{
	return xasprintf("%s|%s|%d", key, r->lang == LANG_EN ? "en" : "vi",
	    (int)r->s.user.role);
}

int
web_cache_get(struct web_req *r, const char *key)
{
	char *k = cache_key(r, key);
	int hit = web_thread_cache_get(web_thread(r->w->threads), k, r->today,
	    r->w->gen, r->out);

	free(k);
	return hit;
}

void
web_cache_put(struct web_req *r, const char *key, size_t start)
{
	char *k = cache_key(r, key);

	web_thread_cache_put(web_thread(r->w->threads), k, r->today,
	    r->w->gen, r->out->data + start, r->out->len - start);
	free(k);
}

void
web_dirty(struct web_req *r)
{
	if (r->w->o.changed != NULL)
		r->w->o.changed(r->w->o.clock_cls);
}

void
web_mail_queued(struct web_req *r)
{
	if (r->w->o.mail != NULL)
		r->w->o.mail(r->w->o.clock_cls);
}

int
web_redirect(struct web_req *r, const char *path)
{
	struct buf to;

	buf_init(&to);
	buf_printf(&to, "%s%s", r->root, path);
	r->rs->status = 303;
	http_resp_header(r->rs, "Location", to.data);
	buf_release(&to);
	buf_release(r->out);
	buf_init(r->out);
	return 0;
}

int
web_redirect_flash(struct web_req *r, const char *path, const char *code,
    const char *detail)
{
	const char *tok = cookie_token(r, WEB_COOKIE_SESSION);

	if (r->logged_in && tok != NULL && session_flash_set(r->st, tok, code,
	    detail) == -1)
		return -1;
	return web_redirect(r, path);
}

int
web_flash_take(struct web_req *r)
{
	const char *tok = cookie_token(r, WEB_COOKIE_SESSION);

	r->flash[0] = '\0';
	r->flash_detail[0] = '\0';
	if (!r->logged_in || tok == NULL)
		return 0;
	return session_flash_take(r->st, tok, r->flash, sizeof(r->flash),
	    r->flash_detail, sizeof(r->flash_detail));
}

int
web_error(struct web_req *r, unsigned status, const char *vi,
    const char *en)
{
	buf_release(r->out);
	buf_init(r->out);
	r->rs->status = status;
	ui_begin(r, L(r, "Lỗi", "Error"), NULL);
	html_printf(r->out, "<p class=\"error\" role=\"alert\">%s</p>\n",
	    L(r, vi, en));
	html_printf(r->out, "<p><a href=\"%s/app/\">%s</a></p>\n", r->root,
	    L(r, "Về trang Tổng quan", "Back to the overview"));
	ui_end(r);
	return 0;
}

int
web_audit(struct web_req *r, const char *action, const char *object,
    const char *before, const char *after)
{
	return audit_add(r->st, r->logged_in ? r->s.user.email : "-",
	    action, object, before, after, r->now);
}

void
web_cookie(struct web_req *r, const char *name, const char *value,
    long max_age)
{
	struct buf c;

	buf_init(&c);
	buf_printf(&c, "%s=%s; Path=%s/app; Max-Age=%ld; HttpOnly; "
	    "SameSite=Lax%s", name, value, r->root, max_age,
	    r->secure ? "; Secure" : "");
	http_resp_header(r->rs, "Set-Cookie", c.data);
	buf_release(&c);
}

const char *
web_login_token(struct web_req *r)
{
	const char *c = cookie_token(r, WEB_COOKIE_LOGIN);
	char *tok;

	if (c != NULL)
		return c;
	tok = token_new();
	web_cookie(r, WEB_COOKIE_LOGIN, tok, 3600);
	snprintf(r->login_csrf, sizeof(r->login_csrf), "%s", tok);
	free(tok);
	return r->login_csrf;
}

void
web_session_limits(const struct web_req *r, struct session_limits *lim)
{
	session_limits(r, lim);
}

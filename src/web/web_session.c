/*
 * Logging in and out, choosing a password through a one-time link,
 * changing one's own password, and the language switch.  Checks of the
 * token and Origin happened in web.c; what is left here is throttling,
 * the password itself and the session cookie.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "log.h"
#include "session.h"
#include "text.h"
#include "throttle.h"
#include "ui.h"
#include "user.h"
#include "web.h"
#include "web_pages.h"

/* Where a login may send the browser back to: a path of ours only (not
 * "//evil.example" nor "/\evil"), so the link cannot redirect away. */
static const char *
safe_next(const char *next)
{
	if (next == NULL || strncmp(next, "/app", 4) != 0 ||
	    (next[4] != '\0' && next[4] != '/') || strstr(next, "//") != NULL ||
	    strpbrk(next, "\\\"<> \t\r\n") != NULL || strstr(next, "/../") !=
	    NULL || text_check(next, 500, 0, NULL) == -1)
		return "/app/";
	return next;
}

/* The new password of the request (its fields password and password2)
 * into *pw, "" when there is none; its problem for the account email in
 * the request's language, or NULL. */
static const char *
password_problem(struct web_req *r, const char *email, const char **pw)
{
	const char *again = http_req_field(r->hr, "password2"), *why;

	if ((*pw = http_req_field(r->hr, "password")) == NULL)
		*pw = "";
	why = user_password_problem(email, *pw);

	if (why == NULL && (again == NULL || strcmp(*pw, again) != 0))
		return L(r, "Hai lần nhập mật khẩu không giống nhau.",
		    "The two passwords differ.");
	if (why == NULL)
		return NULL;
	if (strstr(why, "at least") != NULL)
		return L(r, "Mật khẩu cần ít nhất 10 ký tự.",
		    "The password needs at least 10 characters.");
	if (strstr(why, "email") != NULL)
		return L(r, "Mật khẩu không được là địa chỉ email.",
		    "The password must not be the email address.");
	return L(r, "Mật khẩu không hợp lệ (tối đa 1000 ký tự).",
	    "The password is not valid (1000 characters at most).");
}

static int
login_page(struct web_req *r, unsigned status, const char *error,
    const char *email)
{
	struct ui_field f_email = { "email", "Email", "email", email, NULL,
	    NULL, 1, "username" };
	struct ui_field f_pw = { "password", L(r, "Mật khẩu", "Password"),
	    "password", NULL, NULL, NULL, 1, "current-password" };

	r->rs->status = status;
	ui_begin(r, L(r, "Đăng nhập", "Log in"), NULL);
	if (error != NULL)
		html_printf(r->out, "<p class=\"errors\" role=\"alert\">%s</p>\n",
		    error);
	html_printf(r->out, "<form class=\"card\" method=\"post\" "
	    "action=\"%s/app/login\">", r->root);
	ui_csrf(r);
	html_printf(r->out, "<input type=\"hidden\" name=\"next\" "
	    "value=\"%s\">\n", safe_next(http_req_field(r->hr, "next") != NULL ?
	    http_req_field(r->hr, "next") : http_req_query(r->hr, "next")));
	ui_field(r, &f_email);
	ui_field(r, &f_pw);
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n"
	    "<p class=\"muted\">%s</p>\n", L(r, "Đăng nhập", "Log in"),
	    L(r, "Chưa có tài khoản hoặc quên mật khẩu? Hãy nhờ quản trị viên "
	    "gửi liên kết đặt mật khẩu.", "No account, or forgot the password? "
	    "Ask an administrator to send you a link to set one."));
	ui_end(r);
	return 0;
}

int
web_root(struct web_req *r)
{
	return web_redirect(r, "/app/");
}

int
web_login_form(struct web_req *r)
{
	if (r->logged_in)
		return web_redirect(r, safe_next(http_req_query(r->hr,
		    "next")));
	return login_page(r, 200, NULL, NULL);
}

/* Open a session for account id: a new token (never one the browser
 * had before), the login cookie dropped; flash (may be NULL) is the
 * message of the page it goes to.  0 or -1. */
static int
open_session(struct web_req *r, long id, const char *flash)
{
	const char *old = http_req_cookie(r->hr, WEB_COOKIE_SESSION);
	struct session_limits lim;
	char *tok;

	if (old != NULL && strlen(old) == TOKEN_LEN)
		(void)session_end(r->st, old, r->now);
	if ((tok = session_new(r->st, id, r->now)) == NULL)
		return -1;
	if (flash != NULL && session_flash_set(r->st, tok, flash, NULL) ==
	    -1) {
		free(tok);
		return -1;
	}
	web_session_limits(r, &lim);
	web_cookie(r, WEB_COOKIE_SESSION, tok, lim.max);
	web_cookie(r, WEB_COOKIE_LOGIN, "", 0);
	free(tok);
	return 0;
}

/* 429 with Retry-After when the login is throttled; 1 if answered. */
static int
throttled(struct web_req *r, const char *email, int *ret)
{
	long wait = throttle_wait(r->st, email, http_req_client(r->hr),
	    r->now);
	char secs[24];

	if (wait == -1) {
		*ret = -1;
		return 1;
	}
	if (wait == 0)
		return 0;
	snprintf(secs, sizeof(secs), "%ld", wait);
	http_resp_header(r->rs, "Retry-After", secs);
	*ret = login_page(r, 429, L(r, "Đăng nhập sai quá nhiều lần. Hãy thử "
	    "lại sau ít phút.", "Too many failed logins. Try again in a few "
	    "minutes."), email);
	return 1;
}

int
web_login(struct web_req *r)
{
	const char *email = http_req_field(r->hr, "email");
	const char *pw = http_req_field(r->hr, "password");
	struct user u;
	char *addr;
	int rc, ret = -1;

	if (email == NULL || pw == NULL ||
	    text_check(email, TEXT_LINE_MAX, TEXT_REQUIRED, NULL) == -1 ||
	    text_check(pw, 1000, TEXT_REQUIRED, NULL) == -1)
		return login_page(r, 422, L(r, "Hãy nhập email và mật khẩu.",
		    "Enter the email address and the password."), NULL);
	addr = xstrlower(email);
	if (throttled(r, addr, &ret))
		goto done;
	if ((rc = user_verify(r->st, addr, pw, &u)) == -1)
		goto done;
	if (rc == 0) {
		ret = throttle_fail(r->st, addr, http_req_client(r->hr),
		    r->now) == -1 ? -1 : login_page(r, 422, L(r, "Email hoặc "
		    "mật khẩu không đúng.", "Wrong email address or password."),
		    email);
		goto done;
	}
	if (throttle_clear(r->st, addr, http_req_client(r->hr)) == -1)
		ret = -1;
	else if (open_session(r, u.id, NULL) == -1)
		ret = web_unsaved(r);
	else
		ret = web_redirect(r, safe_next(http_req_field(r->hr,
		    "next")));
	user_release(&u);
done:
	free(addr);
	return ret;
}

int
web_logout(struct web_req *r)
{
	const char *tok = http_req_cookie(r->hr, WEB_COOKIE_SESSION);

	if (tok != NULL && session_end(r->st, tok, r->now) == -1)
		return web_unsaved(r);
	web_cookie(r, WEB_COOKIE_SESSION, "", 0);
	return web_redirect(r, "/app/login");
}

/* The new password and the same again, the fields of both forms that set
 * one; again is the second one's label. */
static void
new_password_fields(struct web_req *r, const char *error, const char *again)
{
	struct ui_field pw = { "password", L(r, "Mật khẩu mới",
	    "New password"), "password", NULL, L(r, "Ít nhất 10 ký tự.",
	    "At least 10 characters."), error, 1, "new-password" };
	struct ui_field twice = { "password2", again, "password", NULL, NULL,
	    NULL, 1, "new-password" };

	ui_field(r, &pw);
	ui_field(r, &twice);
}

static int
password_page(struct web_req *r, unsigned status, const struct user *u,
    const char *token, const char *error)
{
	r->rs->status = status;
	ui_begin(r, L(r, "Đặt mật khẩu", "Choose a password"), NULL);
	html_printf(r->out, "<p>%s <strong>%s</strong> (%s)</p>\n",
	    L(r, "Tài khoản", "Account"), u->email, u->name);
	html_printf(r->out, "<form class=\"card\" method=\"post\" "
	    "action=\"%s/app/password\">", r->root);
	ui_csrf(r);
	html_printf(r->out, "<input type=\"hidden\" name=\"token\" "
	    "value=\"%s\">\n", token);
	new_password_fields(r, error, L(r, "Nhập lại mật khẩu",
	    "The password again"));
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    L(r, "Lưu mật khẩu", "Save the password"));
	ui_end(r);
	return 0;
}

/* The account of a one-time link's token: 0, or 1 when the page (a
 * 404) is answered, -1 on error. */
static int
link_account(struct web_req *r, const char *token, struct user *u)
{
	int rc;

	if (token == NULL || strlen(token) != TOKEN_LEN)
		rc = 1;
	else if ((rc = user_link_find(r->st, token, r->now, u)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	web_error(r, 404, "Liên kết này không còn dùng được (đã dùng hoặc "
	    "quá 24 giờ). Hãy nhờ quản trị viên gửi liên kết mới.",
	    "This link can no longer be used (it was used or is older than "
	    "24 hours). Ask an administrator for a new one.");
	return 1;
}

int
web_password_form(struct web_req *r)
{
	const char *token = http_req_query(r->hr, "token");
	struct user u;
	int rc;

	if ((rc = link_account(r, token, &u)) != 0)
		return rc == 1 ? 0 : -1;
	rc = password_page(r, 200, &u, token, NULL);
	user_release(&u);
	return rc;
}

int
web_password(struct web_req *r)
{
	const char *token = http_req_field(r->hr, "token"), *pw, *why;
	struct user u;
	int rc, ret = -1;

	if ((rc = link_account(r, token, &u)) != 0)
		return rc == 1 ? 0 : -1;
	if ((why = password_problem(r, u.email, &pw)) != NULL) {
		ret = password_page(r, 422, &u, token, why);
		goto done;
	}
	if (user_set_password(r->st, u.id, pw, u.email, r->now) != 0)
		ret = web_unsaved(r);
	else if (open_session(r, u.id, "password") == 0)
		ret = web_redirect(r, "/app/");
done:
	user_release(&u);
	return ret;
}

/* The account page; err_cur and err_new are the errors of a change of
 * password just refused. */
static int
account_page(struct web_req *r, unsigned status, const char *err_cur,
    const char *err_new)
{
	struct ui_field f_cur = { "current", L(r, "Mật khẩu hiện tại",
	    "Current password"), "password", NULL, NULL, err_cur, 1,
	    "current-password" };

	r->rs->status = status;
	ui_begin(r, L(r, "Tài khoản", "Account"), NULL);
	html_printf(r->out, "<dl class=\"row card\"><dt>%s</dt><dd>%s</dd>"
	    "<dt>Email</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>\n",
	    L(r, "Họ tên", "Name"), r->s.user.name, r->s.user.email,
	    L(r, "Vai trò", "Role"), ui_role(r, r->s.user.role));
	html_printf(r->out, "<h2>%s</h2>\n<form class=\"card\" "
	    "method=\"post\" action=\"%s/app/account/password\">",
	    L(r, "Đổi mật khẩu", "Change the password"), r->root);
	ui_csrf(r);
	ui_field(r, &f_cur);
	new_password_fields(r, err_new, L(r, "Nhập lại mật khẩu mới",
	    "The new password again"));
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    L(r, "Đổi mật khẩu", "Change the password"));
	html_printf(r->out, "<h2>%s</h2>\n", L(r, "Kết thúc phiên làm việc",
	    "End the session"));
	ui_button(r, "/app/logout", L(r, "Đăng xuất", "Log out"), "secondary",
	    NULL);
	ui_end(r);
	return 0;
}

int
web_account(struct web_req *r)
{
	return account_page(r, 200, NULL, NULL);
}

/* The current password is a login too: it is throttled like one. */
int
web_account_password(struct web_req *r)
{
	const char *cur = http_req_field(r->hr, "current"), *pw, *why;
	struct user u;
	int rc, ret;

	if (throttled(r, r->s.user.email, &ret))
		return ret;
	if (cur == NULL || text_check(cur, 1000, TEXT_REQUIRED, NULL) == -1)
		rc = 0;
	else if ((rc = user_verify(r->st, r->s.user.email, cur, &u)) == -1)
		return -1;
	if (rc == 0) {
		if (throttle_fail(r->st, r->s.user.email,
		    http_req_client(r->hr), r->now) == -1)
			return -1;
		return account_page(r, 422, L(r, "Mật khẩu hiện tại không "
		    "đúng.", "The current password is wrong."), NULL);
	}
	user_release(&u);
	if ((why = password_problem(r, r->s.user.email, &pw)) != NULL)
		return account_page(r, 422, NULL, why);
	/* Every session of the account ends; this one is opened again. */
	if (user_set_password(r->st, r->s.user.id, pw, r->s.user.email,
	    r->now) != 0)
		return web_unsaved(r);
	if (open_session(r, r->s.user.id, "password") == -1)
		return -1;
	return web_redirect(r, "/app/account");
}

int
web_lang(struct web_req *r)
{
	if (strcmp(r->arg, "vi") != 0 && strcmp(r->arg, "en") != 0)
		return web_error(r, 404, "Không có ngôn ngữ này.",
		    "There is no such language.");
	web_cookie(r, WEB_COOKIE_LANG, r->arg, 365L * 86400);
	return web_redirect(r, safe_next(http_req_query(r->hr, "next")));
}

/*
 * Người dùng (admins): the staff accounts, as `kyniem user` manages them:
 * the list, adding one (its one-time password link shown on the page and
 * queued for mail when [smtp] is set), changing a role, disabling and enabling,
 * and a new link.  Accounts and their fields (user_fields) are user.c's,
 * the link's message invite.c's; user_change() refuses to leave no
 * enabled admin.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "escape.h"
#include "invite.h"
#include "recipient.h"
#include "text.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"

/* The add form as typed (user_fields), and what is wrong with it. */
struct uform {
	struct user_input in;
	struct field_errs errs;
};

/* What was refused of field, in the request's language, or NULL. */
static const char *
error_of(const struct web_req *r, const struct uform *f, const char *field)
{
	const struct field_err *e = field_errs_find(&f->errs, field);

	return e != NULL ? L(r, e->vi, e->en) : NULL;
}

static void
role_select(struct web_req *r, const char *id, const char *label,
    int role)
{
	int i;

	html_printf(r->out, "<select id=\"%s\" name=\"role\" "
	    "aria-label=\"%s\">", id, label);
	for (i = ROLE_VIEWER; i <= ROLE_ADMIN; i++)
		html_printf(r->out, "<option value=\"%s\"%s>%s</option>",
		    user_role_name((enum role)i), i == role ? " selected" : "",
		    ui_role(r, i));
	html_raw(r->out, "</select>");
}

static const char *
state_word(const struct web_req *r, const struct user *u)
{
	if (u->disabled)
		return L(r, "Đã khóa", "Disabled");
	if (u->has_password)
		return L(r, "Đang hoạt động", "Active");
	return L(r, "Chưa đặt mật khẩu", "No password yet");
}

/* The buttons of an account: its role, disable or enable, a new link. */
static void
user_actions(struct web_req *r, const struct user *u)
{
	char path[64], id[24];
	struct buf label, ask;

	buf_init(&label);
	buf_init(&ask);
	snprintf(id, sizeof(id), "role-%ld", u->id);
	buf_printf(&label, L(r, "Vai trò của %s", "Role of %s"), u->email);
	html_printf(r->out, "<form class=\"inline\" method=\"post\" action=\""
	    "%s/app/users/%ld/role\">", r->root, u->id);
	ui_csrf(r);
	role_select(r, id, label.data, u->role);
	html_printf(r->out, " <button type=\"submit\" class=\"secondary\">%s"
	    "</button></form> ", L(r, "Đổi vai trò", "Change the role"));
	snprintf(path, sizeof(path), "/app/users/%ld/%s", u->id, u->disabled ?
	    "enable" : "disable");
	buf_printf(&ask, L(r, "Khóa tài khoản %s? Các phiên làm việc của tài "
	    "khoản sẽ kết thúc ngay.", "Disable the account %s? Its sessions "
	    "end at once."), u->email);
	ui_button(r, path, u->disabled ? L(r, "Mở khóa", "Enable") :
	    L(r, "Khóa", "Disable"), u->disabled ? "secondary" : "danger",
	    u->disabled ? NULL : ask.data);
	if (!u->disabled) {
		snprintf(path, sizeof(path), "/app/users/%ld/reset", u->id);
		html_raw(r->out, " ");
		ask.len = 0;
		buf_printf(&ask, L(r, "Tạo liên kết đặt mật khẩu mới cho %s? "
		    "Mật khẩu hiện tại ngừng hoạt động và các phiên làm việc "
		    "của tài khoản kết thúc ngay.", "Make a new password link "
		    "for %s? The current password stops working and the "
		    "account's sessions end at once."), u->email);
		ui_button(r, path, L(r, "Tạo liên kết đặt mật khẩu",
		    "New password link"), "secondary", ask.data);
	}
	buf_release(&label);
	buf_release(&ask);
}

static void
user_table(struct web_req *r, const struct user_list *l)
{
	size_t i;

	html_printf(r->out, "<table class=\"list\"><thead><tr><th>%s</th>"
	    "<th>Email</th><th>%s</th><th>%s</th><th class=\"date\">%s</th>"
	    "<th>%s</th></tr></thead><tbody>\n", L(r, "Họ và tên", "Name"),
	    L(r, "Vai trò", "Role"), L(r, "Trạng thái", "State"),
	    L(r, "Ngày tạo", "Created"), L(r, "Thao tác", "Actions"));
	for (i = 0; i < l->n; i++) {
		html_printf(r->out, "<tr><td>%s</td><td>%s</td><td>%s</td>"
		    "<td>%s</td><td class=\"date\">", l->v[i].name,
		    l->v[i].email, ui_role(r, l->v[i].role),
		    state_word(r, &l->v[i]));
		ui_date(r, vntime_day(l->v[i].created, NULL));
		html_raw(r->out, "</td><td>");
		user_actions(r, &l->v[i]);
		html_raw(r->out, "</td></tr>\n");
	}
	html_raw(r->out, "</tbody></table>\n");
}

static void
add_form(struct web_req *r, const struct uform *f)
{
	struct ui_field f_email = { "email", "Email", "email", f->in.email,
	    NULL, error_of(r, f, "email"), 1, "off" };
	struct ui_field f_name = { "name", L(r, "Họ và tên", "Name"), "text",
	    f->in.name, NULL, error_of(r, f, "name"), 1, "off" };
	int role = user_role_parse(f->in.role);

	html_printf(r->out, "<h2>%s</h2>\n<form class=\"card\" method=\"post\" "
	    "action=\"%s/app/users\">", L(r, "Thêm tài khoản",
	    "Add an account"), r->root);
	ui_csrf(r);
	ui_field(r, &f_email);
	ui_field(r, &f_name);
	html_printf(r->out, "<div class=\"field\"><label for=\"f-role\">%s"
	    "</label>", L(r, "Vai trò", "Role"));
	if (error_of(r, f, "role") != NULL)
		html_printf(r->out, "<p class=\"error\">%s</p>",
		    error_of(r, f, "role"));
	role_select(r, "f-role", L(r, "Vai trò", "Role"), role < 0 ?
	    ROLE_VIEWER : role);
	html_printf(r->out, "<p class=\"hint\">%s</p></div>\n<button "
	    "type=\"submit\">%s</button></form>\n", L(r, "Xem: đọc lịch và "
	    "kế hoạch. Biên tập: lên kế hoạch hoạt động, sửa dữ liệu. Quản "
	    "trị: thêm quản lý người dùng, người nhận và nhập dữ liệu.",
	    "Viewer: reads the calendar and plans. Editor: plans activities, "
	    "corrects data. Administrator: also manages users and recipients "
	    "and imports files."), L(r, "Tạo tài khoản", "Create the account"));
}

/* What became of the mail of a link. */
enum { LINK_NO_RELAY, LINK_NO_BASE, LINK_MAILED, LINK_FAILED };

static int
smtp_set(const struct config *cfg)
{
	return cfg->smtp_url != NULL && cfg->smtp_from != NULL;
}

static int
base_set(const struct config *cfg)
{
	return cfg->base_url != NULL && cfg->base_url[0] != '\0';
}

static const char *
mail_said(const struct web_req *r, int mailed)
{
	switch (mailed) {
	case LINK_MAILED:
		return L(r, "Liên kết cũng được gửi qua thư điện tử: thư đã "
		    "vào hộp thư đi và sẽ đến trong ít phút.", "The link is "
		    "also being mailed: the message is in the outbox and "
		    "arrives within minutes.");
	case LINK_NO_BASE:
		return L(r, "Liên kết không được gửi qua thư vì máy chủ chưa "
		    "đặt địa chỉ của trang ([server] base_url): hãy tự gửi "
		    "liên kết.", "The link was not mailed because the server's "
		    "address ([server] base_url) is not set: send the link "
		    "yourself.");
	case LINK_FAILED:
		return L(r, "Không đưa được thư vào hộp thư đi: hãy tự gửi "
		    "liên kết.", "The message could not be queued: send the "
		    "link yourself.");
	}
	return L(r, "Máy chủ chưa cấu hình gửi thư ([smtp]): hãy tự gửi "
	    "liên kết.", "No mail relay is configured ([smtp]): send the "
	    "link yourself.");
}

/* The page of accounts the query asks for into l; 0 or -1. */
static int
users_page(struct web_req *r, struct ui_page *pg, struct user_list *l)
{
	long total;

	ui_page_read(r, "page", pg);
	if (user_page(r->st, pg->offset, pg->limit, l, &total) == -1)
		return -1;
	if (!ui_page_total(pg, total))
		return 0;
	user_list_release(l);
	return user_page(r->st, pg->offset, pg->limit, l, &total);
}

/* The list, a page at a time, and the add form; error is a refusal to
 * show above them. */
static int
list_page(struct web_req *r, unsigned status, const struct uform *f,
    const char *error)
{
	struct user_list l;
	struct ui_page pg;

	if (users_page(r, &pg, &l) == -1)
		return -1;
	r->rs->status = status;
	ui_begin(r, L(r, "Người dùng", "Users"), "users");
	if (error != NULL)
		html_printf(r->out, "<p class=\"errors\" role=\"alert\">%s"
		    "</p>\n", error);
	if (smtp_set(r->cfg) && !base_set(r->cfg))
		html_printf(r->out, "<p class=\"errors\" role=\"status\">%s"
		    "</p>\n", L(r, "Liên kết đặt mật khẩu sẽ không được gửi "
		    "qua thư: máy chủ chưa đặt địa chỉ mọi người dùng để mở "
		    "trang ([server] base_url trong tệp cấu hình). Liên kết "
		    "vẫn hiện trên trang để bạn tự gửi.", "Password links will "
		    "not be mailed: the server's address as people open it "
		    "([server] base_url in the config) is not set. The links "
		    "still show on the page for you to send."));
	user_table(r, &l);
	ui_pager(r, "/app/users", NULL, &pg);
	add_form(r, f);
	ui_end(r);
	user_list_release(&l);
	return 0;
}

int
web_users(struct web_req *r)
{
	struct uform f;

	memset(&f, 0, sizeof(f));
	return list_page(r, 200, &f, NULL);
}

/*
 * The one-time link of token tok (wiped and freed) for u, mailed when
 * [smtp] is set, and the page that shows it (the answer to the POST
 * itself: the token must never be in a URL, where logs and histories
 * keep it).  done says what was done.
 */
static int
link_page(struct web_req *r, const struct user *u, char *tok,
    const char *done)
{
	char *base, *url;
	int mailed = LINK_NO_RELAY;

	/* A link in mail is base_url's; without it the page shows the one
	 * this browser used, for the admin to pass on. */
	if ((base = invite_mail_base(r->cfg)) == NULL)
		base = xasprintf("%s%s", r->origin, r->root);
	url = invite_url(base, tok);
	/* Queued, then sent by the server's sender: a slow relay never
	 * holds the request. */
	if (smtp_set(r->cfg)) {
		if (!base_set(r->cfg))
			mailed = LINK_NO_BASE;
		else if (invite_queue(r->st, r->cfg, u, url, r->now) == 0) {
			mailed = LINK_MAILED;
			web_mail_queued(r);
		} else
			mailed = LINK_FAILED;
	}
	ui_begin(r, L(r, "Liên kết đặt mật khẩu", "Password link"), "users");
	html_printf(r->out, "<p class=\"flash\" role=\"status\">%s</p>\n<p>%s "
	    "<strong>%s</strong> (%s). %s</p>\n", done, L(r, "Gửi liên kết "
	    "dưới đây cho", "Send the link below to"), u->name, u->email,
	    L(r, "Liên kết chỉ dùng được một lần, trong vòng 24 giờ, để "
	    "người dùng tự đặt mật khẩu.", "It works once, within 24 hours, "
	    "for the person to choose a password."));
	html_printf(r->out, "<div class=\"field card\"><label for=\"link\">%s"
	    "</label><input type=\"url\" id=\"link\" readonly value=\"%s\">"
	    "</div>\n<p>%s</p>\n", L(r, "Liên kết", "Link"), url,
	    mail_said(r, mailed));
	html_printf(r->out, "<p><a href=\"%s/app/users\">%s</a></p>\n",
	    r->root, L(r, "Về danh sách người dùng", "Back to the users"));
	ui_end(r);
	util_free_secret(url);
	util_free_secret(tok);
	free(base);
	return 0;
}

int
web_user_add(struct web_req *r)
{
	const struct field *k;
	struct field_err *e;
	struct uform f;
	struct user u;
	char *tok = NULL;
	int rc;

	memset(&f, 0, sizeof(f));
	for (k = user_fields; k->name != NULL; k++)
		*field_slot(k, &f.in) = http_req_field(r->hr, k->name);
	if (user_check(&f.in, &f.errs) == -1) {
		rc = list_page(r, 422, &f, NULL);
		goto done;
	}
	rc = user_add(r->st, f.in.email, f.in.name, (enum role)user_role_parse(
	    f.in.role), NULL, r->s.user.email, r->now, &tok);
	if (rc == 1) {
		e = field_errs_add(&f.errs, "email");
		snprintf(e->vi, sizeof(e->vi), "Đã có tài khoản với địa chỉ "
		    "này.");
		snprintf(e->en, sizeof(e->en), "There is an account with this "
		    "address.");
		rc = list_page(r, 422, &f, NULL);
		goto done;
	}
	if (rc == -1) {
		rc = web_unsaved(r);
		goto done;
	}
	if (user_get(r->st, f.in.email, &u) != 0) {
		rc = -1;
		goto done;
	}
	rc = link_page(r, &u, tok, L(r, "Đã tạo tài khoản.",
	    "The account was created."));
	tok = NULL;
	user_release(&u);
done:
	util_free_secret(tok);
	field_errs_release(&f.errs);
	return rc;
}

/* The account of the path's number: 0, or 1 when a 404 was answered,
 * -1 on error. */
static int
find(struct web_req *r, struct user *u)
{
	int rc = user_get_id(r->st, r->id, u);

	if (rc == 1)
		web_error(r, 404, "Không có tài khoản này.",
		    "There is no such account.");
	return rc;
}

/* Give u role and disabled, audit it as action and redirect with the
 * message msg; the last enabled admin stays one. */
static int
change(struct web_req *r, const struct user *u, enum role role,
    int disabled, const char *action, const char *msg)
{
	struct uform f;
	int rc = user_change(r->st, u->id, role, disabled, r->s.user.email,
	    action, r->now);

	if (rc == 1)
		return web_error(r, 404, "Không có tài khoản này.",
		    "There is no such account.");
	if (rc == 2) {
		memset(&f, 0, sizeof(f));
		return list_page(r, 409, &f, L(r, "Không thực hiện được: đây "
		    "là tài khoản quản trị cuối cùng còn hoạt động. Cần ít "
		    "nhất một tài khoản quản trị để quản lý người dùng; hãy "
		    "giao quyền quản trị cho một tài khoản khác trước.",
		    "Refused: this is the last enabled administrator account. "
		    "At least one is needed to manage users; make another "
		    "account an administrator first."));
	}
	if (rc == -1)
		return web_unsaved(r);
	/* An admin who gave up the role (or the account) may no longer
	 * open this page. */
	return web_redirect_flash(r, u->id == r->s.user.id && (role <
	    ROLE_ADMIN || disabled) ? "/app/" : "/app/users", msg, NULL);
}

int
web_user_role(struct web_req *r)
{
	int role = user_role_parse(http_req_field(r->hr, "role")), rc;
	struct user u;

	if ((rc = find(r, &u)) != 0)
		return rc == 1 ? 0 : -1;
	if (role < 0)
		rc = web_error(r, 422, "Vai trò không hợp lệ.",
		    "Not a valid role.");
	else
		rc = change(r, &u, (enum role)role, u.disabled, "user.role",
		    "role-changed");
	user_release(&u);
	return rc;
}

/* Disabling ends the account's sessions at once (user_change()). */
int
web_user_disable(struct web_req *r)
{
	struct user u;
	int rc;

	if ((rc = find(r, &u)) != 0)
		return rc == 1 ? 0 : -1;
	rc = change(r, &u, u.role, 1, "user.disable", "user-disabled");
	user_release(&u);
	return rc;
}

int
web_user_enable(struct web_req *r)
{
	struct user u;
	int rc;

	if ((rc = find(r, &u)) != 0)
		return rc == 1 ? 0 : -1;
	rc = change(r, &u, u.role, 0, "user.enable", "user-enabled");
	user_release(&u);
	return rc;
}

/* A new link replaces the old one, and the password and the sessions
 * end at once: a reset is what an admin does when an account may be in
 * the wrong hands.  The trail records the reset, never the link. */
int
web_user_reset(struct web_req *r)
{
	struct user u;
	char *tok;
	int rc;

	if ((rc = find(r, &u)) != 0)
		return rc == 1 ? 0 : -1;
	if (u.disabled)
		rc = web_error(r, 409, "Tài khoản đang bị khóa: hãy mở khóa "
		    "trước khi tạo liên kết đặt mật khẩu.", "The account is "
		    "disabled: enable it before making a password link.");
	else if ((tok = user_reset(r->st, u.id, r->s.user.email, r->now)) ==
	    NULL)
		rc = web_unsaved(r);
	else
		rc = link_page(r, &u, tok, L(r, "Đã tạo liên kết đặt mật khẩu "
		    "mới. Mật khẩu cũ và liên kết cũ không còn dùng được; các "
		    "phiên làm việc của tài khoản đã kết thúc.", "A new "
		    "password link was made. The old password and the old link "
		    "no longer work; the account's sessions have ended."));
	user_release(&u);
	return rc;
}

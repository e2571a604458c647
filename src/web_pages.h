/*
 * The pages of the web application, one handler per route of web.c's
 * table.  Each file web_X.c holds one area; every handler gets a request
 * that has passed the route's checks (login, role, CSRF, Origin).
 */
#ifndef KYNIEM_WEB_PAGES_H
#define KYNIEM_WEB_PAGES_H

#include "web.h"

/* web_session.c: logging in and out, passwords, the language. */
int web_root(struct web_req *r);
int web_login_form(struct web_req *r);
int web_login(struct web_req *r);
int web_logout(struct web_req *r);
int web_password_form(struct web_req *r);
int web_password(struct web_req *r);
int web_account(struct web_req *r);
int web_account_password(struct web_req *r);
int web_lang(struct web_req *r);

/* web_static.c: the stylesheet and the script. */
int web_static(struct web_req *r);

/* web_audit.c: Nhật ký thay đổi (admins). */
int web_audit_page(struct web_req *r);

/* web_home.c: Tổng quan. */
int web_home(struct web_req *r);

/* web_import.c: Nhập dữ liệu (admins). */
int web_import_form(struct web_req *r);
int web_import(struct web_req *r);

/* web_outbox.c: Hộp thư đi (editors and admins). */
int web_outbox(struct web_req *r);
int web_outbox_retry(struct web_req *r);

/* web_recipients.c: Người nhận (admins). */
int web_recipients(struct web_req *r);
int web_recipient_add(struct web_req *r);
int web_recipient_edit_form(struct web_req *r);
int web_recipient_edit(struct web_req *r);
int web_recipient_remove(struct web_req *r);

/* web_users.c: Người dùng (admins). */
int web_users(struct web_req *r);
int web_user_add(struct web_req *r);
int web_user_disable(struct web_req *r);
int web_user_enable(struct web_req *r);
int web_user_reset(struct web_req *r);
int web_user_role(struct web_req *r);

#endif

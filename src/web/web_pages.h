/*
 * The pages of the web application, one handler per route of route.c's
 * table.  Each file web_X.c holds one area; every handler gets a request
 * that has passed the route's checks (login, role, CSRF, Origin).
 */
#ifndef KYNIEM_WEB_PAGES_H
#define KYNIEM_WEB_PAGES_H

#include "web_req.h"

struct activity;

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
/* An object's own history ("activity:12", "observance:KEY"), newest
 * first, for editors and admins (nothing for viewers): a section of
 * the page; 0 or -1 (logged). */
int web_history(struct web_req *r, const char *object);

/* web_backup.c: Sao lưu (admins), and the newest backup's download. */
int web_backup_page(struct web_req *r);
int web_backup_latest(struct web_req *r);

/* web_home.c: Tổng quan. */
int web_home(struct web_req *r);

/* web_activities.c: the list and one activity's page. */
int web_activities(struct web_req *r);
int web_activity(struct web_req *r);

/* web_activity.c: the form, and what editors change. */
int web_activity_new(struct web_req *r);
int web_activity_create(struct web_req *r);
int web_activity_edit(struct web_req *r);
int web_activity_update(struct web_req *r);
int web_activity_cancel(struct web_req *r);
int web_activity_done(struct web_req *r);
int web_activity_delete(struct web_req *r);
int web_activity_restore(struct web_req *r);
/* web_trash.c: Đã xóa, what was deleted in the last 30 days. */
int web_trash(struct web_req *r);
/* The activity of the path's id: 0 and *a, 1 when a 404 page was
 * answered, -1 on error. */
int web_activity_get(struct web_req *r, struct activity *a);
/* web_month.c: Tháng MM/YYYY, the month as a wall calendar (/app/month
 * redirects to this month's). */
int web_month_now(struct web_req *r);
int web_month(struct web_req *r);
/* web_year.c: Năm YYYY, the year month by month (/app/year redirects to
 * this one). */
int web_year_now(struct web_req *r);
int web_year(struct web_req *r);

/* web_members.c: Đơn vị thành viên (editors change them). */
int web_members(struct web_req *r);
int web_member_add(struct web_req *r);
int web_member_edit_form(struct web_req *r);
int web_member_edit(struct web_req *r);
int web_member_remove(struct web_req *r);

/* web_occasion.c: one observance, its anniversaries and activities, and
 * its correction. */
int web_occasion(struct web_req *r);
int web_occasion_correct(struct web_req *r);
int web_occasion_reset(struct web_req *r);

/* web_verify.c: Dữ liệu cần xác minh. */
int web_verify(struct web_req *r);

/* web_cluster.c: Cụm, the cluster head's members, their records and
 * the consolidated report; an admin's own signing key. */
int web_cluster(struct web_req *r);
int web_cluster_upload(struct web_req *r);
int web_cluster_fetch(struct web_req *r);
int web_cluster_file(struct web_req *r);

/* web_contacts.c: Danh bạ, the contacts letters go to (admins edit). */
int web_contacts(struct web_req *r);
int web_contact_edit_form(struct web_req *r);
int web_contact_edit(struct web_req *r);
int web_contact_delete(struct web_req *r);
int web_contact_restore(struct web_req *r);

/* web_docs.c: Tài liệu, the year's plan and its downloads. */
int web_documents(struct web_req *r);
int web_document(struct web_req *r);
/* Staff's choices for section 1.1 of a year's plan. */
int web_document_include(struct web_req *r);
int web_document_exclude(struct web_req *r);
int web_document_reset(struct web_req *r);
/* What year's plan or report is made from, for the request (the
 * dataset the pages read, the request's language and day). */
struct plan_input;
void web_doc_input(struct web_req *r, int year, struct plan_input *in);
/* web_texts.c: the narrative sections of a document and year, their
 * forms, versions and the document's preview. */
int web_texts(struct web_req *r);
int web_text_save(struct web_req *r);
int web_text_restore(struct web_req *r);
/* web_check.c: Trước khi in báo cáo, what staff look at first. */
int web_report_check(struct web_req *r);
/* web_import.c: Nhập dữ liệu (admins). */
int web_import_form(struct web_req *r);
int web_import(struct web_req *r);

/* web_letters.c: Thư chúc mừng, the year's letters, their drafts, and
 * marking an occasion's letters sent (editors). */
int web_letters(struct web_req *r);
int web_letter_file(struct web_req *r);
int web_letter_sent(struct web_req *r);
int web_letter_unsent(struct web_req *r);

/* web_outbox.c: Hộp thư đi (admins). */
int web_outbox(struct web_req *r);
int web_outbox_retry(struct web_req *r);

/* web_recipients.c: Người nhận (admins). */
int web_recipients(struct web_req *r);
int web_recipient_add(struct web_req *r);
int web_recipient_edit_form(struct web_req *r);
int web_recipient_edit(struct web_req *r);
int web_recipient_remove(struct web_req *r);

/* web_search.c: Tìm kiếm, over activities, occasions, countries and
 * contacts. */
int web_search(struct web_req *r);

/* web_users.c: Người dùng (admins). */
int web_users(struct web_req *r);
int web_user_add(struct web_req *r);
int web_user_disable(struct web_req *r);
int web_user_enable(struct web_req *r);
int web_user_reset(struct web_req *r);
int web_user_role(struct web_req *r);

#endif

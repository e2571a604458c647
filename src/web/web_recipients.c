/*
 * Người nhận (admins): who receives the milestone reminders and what each
 * follows, as `kyniem recipient` manages them: the list, adding, changing
 * and removing one.  The fields and their checks are recipient.c's
 * (recipient_fields), said per field in the reader's language; remind.c
 * decides who gets what.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "escape.h"
#include "recipient.h"
#include "text.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

/* A recipient form as it was typed, and what is wrong with it. */
struct rform {
	struct recipient_input in;
	struct field_errs errs;
};

static const char *const langs[] = {
	"vi", "Tiếng Việt", "en", "English", NULL
};

/* The fields of the request (recipient_fields); the address is the
 * form's on an add, the query's on an edit. */
static void
form_read(struct web_req *r, struct rform *f, const char *email)
{
	const struct field *k;

	memset(f, 0, sizeof(*f));
	for (k = recipient_fields; k->name != NULL; k++)
		*field_slot(k, &f->in) = http_req_field(r->hr, k->name);
	f->in.email = email;
}

static void
form_from(struct rform *f, const struct recipient *rec)
{
	memset(f, 0, sizeof(*f));
	f->in.email = rec->email;
	f->in.name = rec->name;
	f->in.lang = rec->lang == LANG_EN ? "en" : "vi";
	f->in.follows = rec->follows;
}

/* What was refused of field, in the request's language, or NULL. */
static const char *
error_of(const struct web_req *r, const struct rform *f, const char *field)
{
	const struct field_err *e = field_errs_find(&f->errs, field);

	return e != NULL ? L(r, e->vi, e->en) : NULL;
}

/* The recipient for the audit trail. */
/* The name, language and follows fields of both forms. */
static void
form_fields(struct web_req *r, const struct rform *f)
{
	const struct recipient_input *in = &f->in;
	struct ui_field f_name = { "name", L(r, "Họ và tên", "Name"), "text",
	    in->name, NULL, error_of(r, f, "name"), 1, "off" };
	struct ui_field f_follows = { "follows", L(r, "Theo dõi", "Follows"),
	    "text", in->follows != NULL ? in->follows : "milestones",
	    L(r, "Các mục cách nhau bằng dấu phẩy: milestones (mọi ngày kỷ "
	    "niệm năm chẵn, năm tròn), kind:relation, kind:national-day, "
	    "country:JP; kết hợp bằng dấu +: kind:relation+country:LA; "
	    "none: không nhận thư tổng hợp, chỉ nhận thư nhắc các hoạt động "
	    "mình phụ trách.", "Items separated by commas: milestones "
	    "(every round anniversary), kind:relation, kind:national-day, "
	    "country:JP; joined with +: kind:relation+country:LA; none: no "
	    "digest, only the reminders of the activities they own."),
	    error_of(r, f, "follows"), 1, "off" };

	ui_field(r, &f_name);
	if (error_of(r, f, "lang") != NULL)
		html_printf(r->out, "<p class=\"error\">%s</p>",
		    error_of(r, f, "lang"));
	ui_select(r, "lang", L(r, "Ngôn ngữ của thư", "Language of the mail"),
	    langs, in->lang != NULL ? in->lang : L(r, "vi", "en"));
	ui_field(r, &f_follows);
}

static void
recipient_row(struct web_req *r, const struct recipient *rec)
{
	struct buf ask;

	buf_init(&ask);
	buf_printf(&ask, L(r, "Xóa người nhận %s?", "Remove the recipient %s?"),
	    rec->email);
	html_printf(r->out, "<tr><td>%s</td><td>%s</td><td>%s</td>"
	    "<td><code>%s</code></td>", rec->email, rec->name,
	    rec->lang == LANG_EN ? "English" : "Tiếng Việt", rec->follows);
	ui_edit_remove(r, "/app/recipients", "email", rec->email, ask.data);
	html_raw(r->out, "</tr>\n");
	buf_release(&ask);
}

static void
recipient_table(struct web_req *r, const struct recipient_list *l)
{
	size_t i;

	if (l->n == 0) {
		html_printf(r->out, "<p>%s</p>\n", L(r, "Chưa có người nhận "
		    "nào.", "There are no recipients yet."));
		return;
	}
	html_printf(r->out, "<table class=\"list\"><thead><tr><th>Email</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>"
	    "<tbody>\n", L(r, "Họ và tên", "Name"), L(r, "Ngôn ngữ",
	    "Language"), L(r, "Theo dõi", "Follows"), L(r, "Thao tác",
	    "Actions"));
	for (i = 0; i < l->n; i++)
		recipient_row(r, &l->v[i]);
	html_raw(r->out, "</tbody></table>\n");
}

/* The page of recipients the query asks for into l; 0 or -1. */
static int
recipients_page(struct web_req *r, struct ui_page *pg,
    struct recipient_list *l)
{
	long total;

	ui_page_read(r, "page", pg);
	if (recipient_page(r->st, pg->offset, pg->limit, l, &total) == -1)
		return -1;
	if (!ui_page_total(pg, total))
		return 0;
	recipient_list_release(l);
	return recipient_page(r->st, pg->offset, pg->limit, l, &total);
}

/* The list, a page at a time, and the form to add one (f: what was
 * typed). */
static int
list_page(struct web_req *r, unsigned status, const struct rform *f)
{
	struct recipient_list l;
	struct ui_page pg;
	struct ui_field f_email = { "email", "Email", "email", f->in.email,
	    NULL, error_of(r, f, "email"), 1, "off" };

	if (recipients_page(r, &pg, &l) == -1)
		return -1;
	r->rs->status = status;
	ui_begin(r, L(r, "Người nhận", "Recipients"), "recipients");
	html_printf(r->out, "<p>%s</p>\n", L(r, "Người nhận được thư nhắc "
	    "trước các ngày kỷ niệm năm chẵn, năm tròn mà họ theo dõi, khi "
	    "chưa có hoạt động nào được lên kế hoạch cho ngày đó.",
	    "Recipients get a reminder before the round anniversaries they "
	    "follow while no activity is planned for them."));
	recipient_table(r, &l);
	ui_pager(r, "/app/recipients", NULL, &pg);
	html_printf(r->out, "<h2>%s</h2>\n", L(r, "Thêm người nhận",
	    "Add a recipient"));
	if (status == 422)
		ui_refused(r);
	html_printf(r->out, "<form class=\"card\" method=\"post\" "
	    "action=\"%s/app/recipients\">", r->root);
	ui_csrf(r);
	ui_field(r, &f_email);
	form_fields(r, f);
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    L(r, "Thêm người nhận", "Add the recipient"));
	ui_end(r);
	recipient_list_release(&l);
	return 0;
}

static int
edit_page(struct web_req *r, unsigned status, const struct rform *f)
{
	struct buf q;

	buf_init(&q);
	esc_url(&q, f->in.email);
	r->rs->status = status;
	ui_begin(r, L(r, "Sửa người nhận", "Edit a recipient"), "recipients");
	html_printf(r->out, "<p>Email: <strong>%s</strong></p>\n",
	    f->in.email);
	if (status == 422)
		ui_refused(r);
	html_printf(r->out, "<form class=\"card\" method=\"post\" "
	    "action=\"%s/app/recipients/edit?email=%s\">", r->root, q.data);
	ui_csrf(r);
	form_fields(r, f);
	ui_form_end(r, "/app/recipients", L(r, "Quay lại danh sách",
	    "Back to the list"));
	ui_end(r);
	buf_release(&q);
	return 0;
}

/* The recipient of the query's address: 0, or 1 when a 404 was
 * answered, -1 on error. */
static int
find(struct web_req *r, struct recipient *rec)
{
	const char *email = http_req_query(r->hr, "email");
	int rc;

	if (email == NULL || text_check(email, 254, TEXT_REQUIRED, NULL) ==
	    -1)
		rc = 1;
	else if ((rc = recipient_get(r->st, email, rec)) == -1)
		return -1;
	if (rc == 1)
		web_error(r, 404, "Không có người nhận này.",
		    "There is no such recipient.");
	return rc;
}

/* The answer to a write of a recipient: rc 0 (saved with its audit
 * row) redirects to the list with the message msg, -1 answers that
 * nothing was saved. */
static int
saved(struct web_req *r, int rc, const char *msg)
{
	return rc == 0 ? web_redirect_flash(r, "/app/recipients", msg, NULL) :
	    web_unsaved(r);
}

int
web_recipients(struct web_req *r)
{
	struct rform f;

	memset(&f, 0, sizeof(f));
	return list_page(r, 200, &f);
}

int
web_recipient_add(struct web_req *r)
{
	struct rform f;
	struct recipient rec, old;
	struct field_err *e;
	int rc;

	form_read(r, &f, http_req_field(r->hr, "email"));
	if (recipient_from_input(&f.in, &rec, &f.errs) == -1)
		rc = list_page(r, 422, &f);
	else if ((rc = recipient_get(r->st, f.in.email, &old)) == 0) {
		recipient_release(&old);
		e = field_errs_add(&f.errs, "email");
		snprintf(e->vi, sizeof(e->vi), "Đã có người nhận với địa chỉ "
		    "này; hãy dùng nút Sửa trong danh sách.");
		snprintf(e->en, sizeof(e->en), "This address is already a "
		    "recipient; use its Edit button in the list.");
		rc = list_page(r, 422, &f);
	} else if (rc == 1)
		rc = saved(r, recipient_put(r->st, &rec, r->s.user.email,
		    r->now), "recipient-added");
	field_errs_release(&f.errs);
	return rc;
}

int
web_recipient_edit_form(struct web_req *r)
{
	struct recipient rec;
	struct rform f;
	int rc;

	if ((rc = find(r, &rec)) != 0)
		return rc == 1 ? 0 : -1;
	form_from(&f, &rec);
	rc = edit_page(r, 200, &f);
	recipient_release(&rec);
	return rc;
}

int
web_recipient_edit(struct web_req *r)
{
	struct recipient old, rec;
	struct rform f;
	int rc;

	if ((rc = find(r, &old)) != 0)
		return rc == 1 ? 0 : -1;
	form_read(r, &f, old.email);
	if (recipient_from_input(&f.in, &rec, &f.errs) == -1)
		rc = edit_page(r, 422, &f);
	else
		rc = saved(r, recipient_put(r->st, &rec, r->s.user.email,
		    r->now), "saved");
	field_errs_release(&f.errs);
	recipient_release(&old);
	return rc;
}

int
web_recipient_remove(struct web_req *r)
{
	struct recipient old;
	int rc;

	if ((rc = find(r, &old)) != 0)
		return rc == 1 ? 0 : -1;
	if ((rc = recipient_remove(r->st, old.email, r->s.user.email,
	    r->now)) != 1)
		rc = saved(r, rc, "recipient-removed");
	else
		rc = web_error(r, 404, "Không có người nhận này.",
		    "There is no such recipient.");
	recipient_release(&old);
	return rc;
}

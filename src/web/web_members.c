/*
 * Đơn vị thành viên: the union's member organisations, as `kyniem member`
 * manages them: the list, adding, changing and removing one (editors).
 * The fields, their checks and the audit trail are member.c's; which
 * activities a member is credited with is each activity's form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "member.h"
#include "text.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

/* A member form as typed, and what is wrong with it. */
struct mform {
	struct member_input in;
	struct field_errs errs;
};

static const char *
error_of(const struct web_req *r, const struct mform *f, const char *field)
{
	const struct field_err *e = field_errs_find(&f->errs, field);

	return e != NULL ? L(r, e->vi, e->en) : NULL;
}

static const char *
kind_label(const struct web_req *r, const char *kind)
{
	if (kind != NULL && strcmp(kind, "bilateral") == 0)
		return L(r, "Hội hữu nghị song phương", "Bilateral association");
	if (kind != NULL && strcmp(kind, "multilateral") == 0)
		return L(r, "Hội hữu nghị đa phương",
		    "Multilateral association");
	return L(r, "Đơn vị khác", "Other unit");
}

/* The name and kind fields of both forms. */
static void
form_fields(struct web_req *r, const struct mform *f)
{
	const char *pairs[] = {
		"bilateral", kind_label(r, "bilateral"),
		"multilateral", kind_label(r, "multilateral"),
		"other", kind_label(r, "other"),
		NULL
	};
	struct ui_field name = { "name", L(r, "Tên đơn vị", "Name"), "text",
	    f->in.name, L(r, "Như báo cáo viết, ví dụ Hội hữu nghị Việt Nam – "
	    "Lào tỉnh", "As the report writes it"), error_of(r, f, "name"), 1,
	    "off" };

	ui_field(r, &name);
	if (error_of(r, f, "kind") != NULL)
		html_printf(r->out, "<p class=\"error\" role=\"alert\">%s</p>\n",
		    error_of(r, f, "kind"));
	ui_select(r, "kind", L(r, "Loại", "Kind"), pairs,
	    f->in.kind != NULL && *f->in.kind != '\0' ? f->in.kind : "other");
}

static void
member_row(struct web_req *r, const struct member *m, int editor)
{
	struct buf ask;

	html_printf(r->out, "<tr><td><code>%s</code></td><td>%s</td>"
	    "<td>%s</td>", m->key, m->name, kind_label(r, m->kind));
	if (editor) {
		buf_init(&ask);
		buf_printf(&ask, L(r, "Xóa đơn vị thành viên %s?",
		    "Remove the member %s?"), m->name);
		ui_edit_remove(r, "/app/members", "key", m->key, ask.data);
		buf_release(&ask);
	}
	html_raw(r->out, "</tr>\n");
}

static void
member_table(struct web_req *r, const struct member_list *l, int editor)
{
	size_t i;

	if (l->n == 0) {
		html_printf(r->out, "<p>%s</p>\n", L(r, "Chưa có đơn vị thành "
		    "viên nào.", "There are no members yet."));
		return;
	}
	html_printf(r->out, "<table class=\"list\"><thead><tr><th>%s</th>"
	    "<th>%s</th><th>%s</th>%s%s%s</tr></thead><tbody>\n",
	    L(r, "Mã", "Key"), L(r, "Tên đơn vị", "Name"), L(r, "Loại",
	    "Kind"), editor ? "<th>" : "", editor ? L(r, "Thao tác",
	    "Actions") : "", editor ? "</th>" : "");
	for (i = 0; i < l->n; i++)
		member_row(r, &l->v[i], editor);
	html_raw(r->out, "</tbody></table>\n");
}

/* The list and, for editors, the form to add one (f: what was typed). */
static int
list_page(struct web_req *r, unsigned status, const struct mform *f)
{
	int editor = r->s.user.role >= ROLE_EDITOR;
	struct ui_field key = { "key", L(r, "Mã", "Key"), "text", f->in.key,
	    L(r, "Chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "
	    "vn-lao; dùng trong cột member của tệp hoạt động",
	    "Lower-case letters, digits and '-', like vn-lao; the member "
	    "column of an activities file"), error_of(r, f, "key"), 1,
	    "off" };
	struct member_list l;

	if (member_load(r->st, &l) == -1)
		return -1;
	r->rs->status = status;
	ui_begin(r, L(r, "Đơn vị thành viên", "Member organisations"),
	    "members");
	html_printf(r->out, "<p>%s</p>\n", L(r, "Các hội hữu nghị và đơn vị "
	    "thành viên của Liên hiệp. Hoạt động ghi đơn vị thành viên được "
	    "báo cáo trong phần “Hoạt động của các đơn vị thành viên”, theo "
	    "thứ tự của danh sách này.", "The union's friendship associations "
	    "and member units. An activity credited to one is reported under "
	    "\u201cHoạt động của các đơn vị thành viên\u201d, in this list's "
	    "order."));
	member_table(r, &l, editor);
	member_list_release(&l);
	if (editor) {
		html_printf(r->out, "<h2>%s</h2>\n", L(r, "Thêm đơn vị thành "
		    "viên", "Add a member"));
		if (status == 422)
			ui_refused(r);
		html_printf(r->out, "<form class=\"card\" method=\"post\" "
		    "action=\"%s/app/members\">", r->root);
		ui_csrf(r);
		ui_field(r, &key);
		form_fields(r, f);
		html_printf(r->out, "<button type=\"submit\">%s</button>"
		    "</form>\n", L(r, "Thêm đơn vị", "Add the member"));
	}
	ui_end(r);
	return 0;
}

static int
edit_page(struct web_req *r, unsigned status, const struct mform *f)
{
	struct buf q;

	buf_init(&q);
	esc_url(&q, f->in.key);
	r->rs->status = status;
	ui_begin(r, L(r, "Sửa đơn vị thành viên", "Edit a member"),
	    "members");
	html_printf(r->out, "<p>%s <code>%s</code></p>\n", L(r, "Mã:", "Key:"),
	    f->in.key);
	if (status == 422)
		ui_refused(r);
	html_printf(r->out, "<form class=\"card\" method=\"post\" "
	    "action=\"%s/app/members/edit?key=%s\">", r->root, q.data);
	ui_csrf(r);
	form_fields(r, f);
	ui_form_end(r, "/app/members", L(r, "Quay lại danh sách",
	    "Back to the list"));
	ui_end(r);
	buf_release(&q);
	return 0;
}

/* The member of the query's key into m: 0, 1 when a 404 was answered,
 * -1 on error. */
static int
find(struct web_req *r, struct member *m)
{
	const char *key = http_req_query(r->hr, "key");
	int rc;

	if (key == NULL || text_check(key, TEXT_KEY_MAX, TEXT_REQUIRED,
	    NULL) == -1)
		rc = 1;
	else if ((rc = member_get(r->st, key, m)) == -1)
		return -1;
	if (rc == 1)
		web_error(r, 404, "Không có đơn vị thành viên này.",
		    "There is no such member.");
	return rc;
}

static void
form_read(struct web_req *r, struct mform *f, const char *key)
{
	memset(f, 0, sizeof(*f));
	f->in.key = key;
	f->in.name = http_req_field(r->hr, "name");
	f->in.kind = http_req_field(r->hr, "kind");
	field_errs_init(&f->errs);
}

int
web_members(struct web_req *r)
{
	struct mform f;

	memset(&f, 0, sizeof(f));
	return list_page(r, 200, &f);
}

int
web_member_add(struct web_req *r)
{
	struct mform f;
	int rc;

	form_read(r, &f, http_req_field(r->hr, "key"));
	if ((rc = member_put(r->st, &f.in, 0, r->s.user.email, r->now,
	    &f.errs)) == 1)
		rc = list_page(r, 422, &f);
	else if (rc == 0) {
		web_dirty(r);
		rc = web_redirect_flash(r, "/app/members", "member-added",
		    NULL);
	} else
		rc = web_unsaved(r);
	field_errs_release(&f.errs);
	return rc;
}

int
web_member_edit_form(struct web_req *r)
{
	struct member m;
	struct mform f;
	int rc;

	if ((rc = find(r, &m)) != 0)
		return rc == 1 ? 0 : -1;
	memset(&f, 0, sizeof(f));
	f.in.key = m.key;
	f.in.name = m.name;
	f.in.kind = m.kind;
	rc = edit_page(r, 200, &f);
	member_release(&m);
	return rc;
}

int
web_member_edit(struct web_req *r)
{
	struct member m;
	struct mform f;
	int rc;

	if ((rc = find(r, &m)) != 0)
		return rc == 1 ? 0 : -1;
	form_read(r, &f, m.key);
	if ((rc = member_put(r->st, &f.in, 1, r->s.user.email, r->now,
	    &f.errs)) == 1)
		rc = edit_page(r, 422, &f);
	else if (rc == 0) {
		web_dirty(r);
		rc = web_redirect_flash(r, "/app/members", "saved", NULL);
	} else
		rc = web_unsaved(r);
	field_errs_release(&f.errs);
	member_release(&m);
	return rc;
}

int
web_member_remove(struct web_req *r)
{
	char vi[200], en[200];
	struct member m;
	long used = 0;
	int rc;

	if ((rc = find(r, &m)) != 0)
		return rc == 1 ? 0 : -1;
	rc = member_remove(r->st, m.key, r->s.user.email, r->now, &used);
	if (rc == 0) {
		web_dirty(r);
		rc = web_redirect_flash(r, "/app/members", "member-removed",
		    NULL);
	} else if (rc == 1)
		rc = web_error(r, 404, "Không có đơn vị thành viên này.",
		    "There is no such member.");
	else if (rc == 2) {
		snprintf(vi, sizeof(vi), "Đơn vị này đang được ghi ở %ld hoạt "
		    "động; hãy sửa các hoạt động đó trước khi xóa.", used);
		snprintf(en, sizeof(en), "%ld activities are credited to this "
		    "member; change them before removing it.", used);
		rc = web_error(r, 409, vi, en);
	} else
		rc = web_unsaved(r);
	member_release(&m);
	return rc;
}

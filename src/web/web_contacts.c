/*
 * Danh bạ (contacts): the missions and organisations letters go to, as
 * `kyniem contact list` shows them, for every account; admins change a
 * contact's address, email, forms of address of its head and source on
 * the web application's layer (contact_put(), kept over re-imports of
 * the unchanged row).  A contacts CSV is imported on the import page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "escape.h"
#include "store.h"
#include "text.h"
#include "trash.h"
#include "ui.h"
#include "user.h"
#include "web.h"
#include "web_pages.h"

/* The fields an admin edits (contact_fields' names), in the form's
 * order, with their words; a NULL type is a textarea. */
static const struct {
	const char *name, *type;
	const char *vi, *en;		/* the label */
	const char *hint_vi, *hint_en;	/* or NULL */
} edited[] = {
	{ "address", "text", "Địa chỉ", "Address", "Theo địa giới hành chính "
	    "sau 1/7/2025: số nhà, đường, phường/xã, tỉnh/thành phố.", "In the "
	    "form after 1 July 2025: number, street, ward or commune, province "
	    "or city." },
	{ "email", "email", "Email", "Email", NULL, NULL },
	{ "head_title_vi", "text", "Cách xưng hô người đứng đầu (tiếng Việt)",
	    "Form of address of the head (Vietnamese)", "Ví dụ: Ngài Đại sứ, "
	    "Ngài Tổng Lãnh sự.", "E.g. Ngài Đại sứ, Ngài Tổng Lãnh sự." },
	{ "head_title_en", "text", "Cách xưng hô người đứng đầu (tiếng Anh)",
	    "Form of address of the head (English)", "Ví dụ: His/Her "
	    "Excellency the Ambassador.", "E.g. His/Her Excellency the "
	    "Ambassador." },
	{ "source", NULL, "Nguồn", "Source", "Bắt buộc: nơi đã kiểm tra thông "
	    "tin (địa chỉ web, văn bản).", "Required: where the data was "
	    "checked (a web address, a document)." },
};

static void
contact_row(struct web_req *r, const struct contact *c, int admin)
{
	struct buf enc;

	buf_init(&enc);
	esc_url(&enc, c->key);
	html_raw(r->out, "<tr><td>");
	ui_countries(r, c->country);
	html_printf(r->out, "</td><td>%s</td>"
	    "<td>%s</td><td>%s<br><small>%s</small></td><td>%s</td>"
	    "<td>%s</td><td>%s</td><td>%s</td>",
	    contact_kind_label(c->kind, r->lang == LANG_EN),
	    c->city != NULL ? c->city : "", r->lang == LANG_EN ? c->name_en :
	    c->name_vi, r->lang == LANG_EN ? c->name_vi : c->name_en,
	    c->address != NULL ? c->address : "", c->email != NULL ? c->email :
	    "", r->lang == LANG_EN && c->head_title_en != NULL ?
	    c->head_title_en : c->head_title_vi != NULL ? c->head_title_vi :
	    "", c->origin == CONTACT_IMPORTED ? L(r, "Dữ liệu nhập", "Imported")
	    : c->origin == CONTACT_EDITED ? L(r, "Đã sửa trên web",
	    "Edited on the web") : L(r, "Thêm trên web", "Added on the web"));
	if (admin)
		html_printf(r->out, "<td><a class=\"button secondary\" "
		    "href=\"%s/app/contacts/edit?key=%s\">%s</a></td>", r->root,
		    enc.data, L(r, "Sửa", "Edit"));
	html_raw(r->out, "</tr>\n");
	buf_release(&enc);
}

/* The page of contacts of country cc (NULL: all) into l; 0 or -1. */
static int
contacts_page(struct web_req *r, const char *cc, struct ui_page *pg,
    struct contact_list *l)
{
	long total;

	if (contact_page(r->st, cc, pg->offset, pg->limit, l, &total) == -1)
		return -1;
	if (!ui_page_total(pg, total))
		return 0;
	contact_list_release(l);
	return contact_page(r->st, cc, pg->offset, pg->limit, l, &total);
}

int
web_contacts(struct web_req *r)
{
	static const char *const keep[] = { "country", NULL };
	struct contact_list l;
	struct ui_page pg;
	const char *cc = http_req_query(r->hr, "country");
	int admin = (int)r->s.user.role >= ROLE_ADMIN;
	size_t i;

	if (cc != NULL && (strlen(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' ||
	    cc[1] < 'A' || cc[1] > 'Z'))
		cc = NULL;
	ui_page_read(r, "page", &pg);
	if (contacts_page(r, cc, &pg, &l) == -1)
		return -1;
	ui_begin(r, L(r, "Danh bạ cơ quan đại diện", "Contacts"), "letters");
	ui_flash(r);
	html_printf(r->out, "<p>%s</p>\n", L(r, "Các cơ quan đại diện nước "
	    "ngoài, hội hữu nghị và tổ chức đối tác mà thư chúc mừng được gửi "
	    "tới. Mục [letters] contacts của tệp cấu hình chọn nơi nhận thư.",
	    "The foreign missions, friendship associations and partner "
	    "organisations congratulation letters go to. [letters] contacts "
	    "in the configuration chooses whom letters go to."));
	if (admin)
		html_printf(r->out, "<p><a href=\"%s/app/import\">%s</a></p>\n",
		    r->root, L(r, "Nhập danh bạ từ tệp CSV",
		    "Import contacts from a CSV file"));
	html_printf(r->out, "<table class=\"list\"><thead><tr><th>%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>Email</th>"
	    "<th>%s</th><th>%s</th>",
	    L(r, "Nước", "Country"), L(r, "Loại", "Kind"), L(r, "Thành phố",
	    "City"), L(r, "Tên", "Name"), L(r, "Địa chỉ", "Address"),
	    L(r, "Người đứng đầu", "Head"), L(r, "Nguồn dữ liệu", "Data"));
	if (admin)
		html_printf(r->out, "<th>%s</th>", L(r, "Thao tác", "Actions"));
	html_raw(r->out, "</tr></thead><tbody>\n");
	for (i = 0; i < l.n; i++)
		contact_row(r, &l.v[i], admin);
	ui_list_end(r, "/app/contacts", keep, &pg, L(r, "Chưa có liên hệ "
	    "nào.", "There are no contacts yet."));
	ui_end(r);
	contact_list_release(&l);
	return 0;
}

/* The contact of the query's key: 0, 1 when a 404 was answered, -1. */
static int
find(struct web_req *r, struct contact *c)
{
	const char *key = http_req_query(r->hr, "key");
	int rc = 1;

	if (key != NULL && text_check(key, TEXT_LINE_MAX, TEXT_REQUIRED,
	    NULL) == 0 && (rc = contact_get(r->st, key, c)) == -1)
		return -1;
	if (rc == 1)
		web_error(r, 404, "Không có liên hệ này.",
		    "There is no such contact.");
	return rc;
}

/* The edit form of old's key with the values of c and what errs
 * refused. */
static int
edit_page(struct web_req *r, unsigned status, const struct contact *old,
    const struct contact *c, const struct field_errs *errs)
{
	const struct field_err *e;
	struct buf q;
	size_t i;

	buf_init(&q);
	esc_url(&q, old->key);
	r->rs->status = status;
	ui_begin(r, L(r, "Sửa liên hệ", "Edit a contact"), "letters");
	html_printf(r->out, "<p><strong>%s</strong></p>\n",
	    r->lang == LANG_EN ? old->name_en : old->name_vi);
	if (status == 422)
		html_printf(r->out, "<p class=\"errors\" role=\"alert\">%s</p>"
		    "\n", L(r, "Chưa lưu được: hãy sửa các mục được đánh dấu "
		    "dưới đây.", "Not saved: correct the fields marked "
		    "below."));
	html_printf(r->out, "<form class=\"card\" method=\"post\" action=\"%s"
	    "/app/contacts/edit?key=%s\">", r->root, q.data);
	ui_csrf(r);
	for (i = 0; i < NELEM(edited); i++) {
		const struct field *f = field_find(contact_fields,
		    edited[i].name);
		struct ui_field uf = { f->name, L(r, edited[i].vi,
		    edited[i].en), edited[i].type, field_value(f, c),
		    L(r, edited[i].hint_vi, edited[i].hint_en), NULL,
		    (f->flags & FIELD_REQUIRED) != 0, "off" };

		if ((e = field_errs_find(errs, edited[i].name)) != NULL)
			uf.error = L(r, e->vi, e->en);
		if (edited[i].type == NULL)
			ui_textarea(r, &uf);
		else
			ui_field(r, &uf);
	}
	html_printf(r->out, "<button type=\"submit\">%s</button> <a "
	    "class=\"button secondary\" href=\"%s/app/contacts\">%s</a>"
	    "</form>\n", L(r, "Lưu", "Save"), r->root, L(r, "Quay lại danh "
	    "bạ", "Back to the contacts"));
	buf_release(&q);
	buf_init(&q);
	buf_puts(&q, "/app/contacts/delete?key=");
	esc_url(&q, old->key);
	html_raw(r->out, "<div class=\"actions\">");
	ui_button(r, q.data, L(r, "Xóa khỏi danh bạ", "Delete the contact"),
	    "danger", L(r, "Xóa cơ quan này khỏi danh bạ? Có thể khôi phục "
	    "trong 30 ngày.", "Delete this contact? It can be restored for "
	    "30 days."));
	html_raw(r->out, "</div>\n");
	ui_end(r);
	buf_release(&q);
	return 0;
}

int
web_contact_edit_form(struct web_req *r)
{
	struct field_errs errs;
	struct contact c;
	int rc;

	if ((rc = find(r, &c)) != 0)
		return rc == 1 ? 0 : -1;
	field_errs_init(&errs);
	rc = edit_page(r, 200, &c, &c, &errs);
	contact_release(&c);
	return rc;
}

/* 1 if one of errs is on a field the form shows. */
static int
on_form(const struct field_errs *errs)
{
	size_t i;

	for (i = 0; i < NELEM(edited); i++)
		if (field_errs_find(errs, edited[i].name) != NULL)
			return 1;
	return 0;
}

/* Save c (the contact with the form's values), with its audit row
 * (contact_put()). */
static int
save(struct web_req *r, const struct contact *c)
{
	if (contact_put(r->st, c, r->s.user.email, r->now) == -1)
		return web_unsaved(r);
	web_dirty(r);
	return web_redirect_flash(r, "/app/contacts", "saved", NULL);
}

int
web_contact_edit(struct web_req *r)
{
	struct field_errs errs;
	struct contact old, c;
	const struct field_err *e;
	const char *v;
	char vi[FIELD_MSG_MAX + 64], en[FIELD_MSG_MAX + 64];
	size_t i;
	int rc;

	if ((rc = find(r, &old)) != 0)
		return rc == 1 ? 0 : -1;
	field_errs_init(&errs);
	c = old;
	for (i = 0; i < NELEM(edited); i++) {
		v = http_req_field(r->hr, edited[i].name);
		*field_slot(field_find(contact_fields, edited[i].name), &c) =
		    v != NULL && *v != '\0' ? v : NULL;
	}
	if ((rc = contact_check(r->st, &c, &errs)) == 1 && on_form(&errs))
		rc = edit_page(r, 422, &old, &c, &errs);
	else if (rc == 1) {
		/* A stored field the form does not show is wrong: say
		 * which, rather than nothing. */
		e = &errs.v[0];
		snprintf(vi, sizeof(vi), "%s: %s", e->field, e->vi);
		snprintf(en, sizeof(en), "%s: %s", e->field, e->en);
		rc = web_error(r, 422, vi, en);
	} else if (rc == 0)
		rc = save(r, &c);
	field_errs_release(&errs);
	contact_release(&old);
	return rc;
}

/* POST /app/contacts/delete?key=: to "Đã xóa" for 30 days. */
int
web_contact_delete(struct web_req *r)
{
	struct contact c;
	int rc;

	if ((rc = find(r, &c)) != 0)
		return rc == 1 ? 0 : -1;
	rc = trash_contact(r->st, c.key, r->s.user.email, r->now);
	contact_release(&c);
	if (rc == -1)
		return -1;
	web_dirty(r);
	return web_redirect_flash(r, "/app/contacts", "contact-deleted", NULL);
}

/* POST /app/contacts/restore?key=. */
int
web_contact_restore(struct web_req *r)
{
	const char *key = http_req_query(r->hr, "key");
	int rc = 1;

	if (key != NULL && text_check(key, TEXT_LINE_MAX, TEXT_REQUIRED,
	    NULL) == 0 && (rc = trash_contact_restore(r->st, key,
	    r->s.user.email, r->now)) == -1)
		return -1;
	if (rc == 1)
		return web_error(r, 404, "Không có cơ quan đã xóa này để khôi "
		    "phục (quá 30 ngày thì không khôi phục được nữa).", "There "
		    "is no such deleted contact to restore (after 30 days it "
		    "cannot be restored).");
	web_dirty(r);
	return web_redirect_flash(r, "/app/trash", "contact-restored", NULL);
}

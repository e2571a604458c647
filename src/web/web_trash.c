/*
 * Đã xóa (editors): the activities and contacts deleted in the last
 * TRASH_DAYS days, newest first, a page at a time, each with who deleted
 * it and when and a button that restores it (contacts: admins, who edit
 * them).  The deleting and restoring are trash.c's.
 */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "trash.h"
#include "ui.h"
#include "user.h"
#include "web_pages.h"

static void
entry_row(struct web_req *r, const struct trash_entry *e)
{
	struct buf path;

	buf_init(&path);
	html_raw(r->out, "<tr><td class=\"date\">");
	ui_time(r, e->at);
	html_printf(r->out, "</td><td>%s</td><td>", e->who);
	if (e->kind == TRASH_ACTIVITY) {
		html_printf(r->out, "<a href=\"%s/app/activities/%ld\">%s</a> "
		    "<span class=\"muted\">%s, ", r->root, e->id, e->label,
		    L(r, "hoạt động", "activity"));
		ui_date(r, e->start);
		html_raw(r->out, "</span></td><td>");
		buf_printf(&path, "/app/activities/%ld/restore", e->id);
	} else {
		html_printf(r->out, "%s <span class=\"muted\">%s</span></td>"
		    "<td>", L(r, e->label, e->label_en != NULL ? e->label_en :
		    e->label), L(r, "danh bạ", "contact"));
		buf_puts(&path, "/app/contacts/restore?key=");
		esc_url(&path, e->key);
	}
	if (e->kind == TRASH_ACTIVITY || r->s.user.role >= ROLE_ADMIN)
		ui_button(r, path.data, L(r, "Khôi phục", "Restore"),
		    "button secondary", NULL);
	html_raw(r->out, "</td></tr>\n");
	buf_release(&path);
}

int
web_trash(struct web_req *r)
{
	struct trash_list l;
	struct ui_page pg;
	long total;
	size_t i;

	ui_page_read(r, "page", &pg);
	if (trash_page(r->st, r->now, pg.offset, pg.limit, &l, &total) == -1)
		return -1;
	if (ui_page_total(&pg, total)) {
		trash_list_release(&l);
		if (trash_page(r->st, r->now, pg.offset, pg.limit, &l,
		    &total) == -1)
			return -1;
	}
	ui_begin(r, L(r, "Đã xóa", "Deleted"), "activities");
	html_printf(r->out, "<p>%s</p>\n", L(r, "Hoạt động và cơ quan trong "
	    "danh bạ đã xóa trong 30 ngày qua; sau 30 ngày thì không khôi "
	    "phục được nữa.", "Activities and contacts deleted in the last "
	    "30 days; after 30 days they cannot be restored."));
	if (l.n == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Không có gì đã xóa.",
		    "Nothing was deleted."));
	else
		ui_table_begin(r, 1 << 0, L(r, "Lúc xóa", "Deleted"),
		    L(r, "Người xóa", "By"), L(r, "Nội dung", "What"),
		    L(r, "Thao tác", "Action"), NULL);
	for (i = 0; i < l.n; i++)
		entry_row(r, &l.v[i]);
	if (l.n > 0)
		html_raw(r->out, "</tbody></table>\n");
	ui_pager(r, "/app/trash", NULL, &pg);
	ui_end(r);
	trash_list_release(&l);
	return 0;
}

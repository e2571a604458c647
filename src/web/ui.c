/*
 * Shared markup of the web application.  The layout links one stylesheet
 * and one script, both files under /app/static/ (the CSP forbids inline
 * script and style); forms are plain HTML that works without the script.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "assets.h"
#include "config.h"
#include "escape.h"
#include "lunar.h"
#include "session.h"
#include "text.h"
#include "token.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"

struct nav {
	const char *key;
	const char *path;	/* the year follows when year */
	const char *vi, *en;
	int role;
	int year;
};

static const struct nav navs[] = {
	{ "home", "/app/", "Tổng quan", "Overview", ROLE_VIEWER, 0 },
	{ "year", "/app/year/", "Năm ", "Year ", ROLE_VIEWER, 1 },
	{ "activities", "/app/activities", "Hoạt động", "Activities",
	    ROLE_VIEWER, 0 },
	{ "documents", "/app/documents", "Tài liệu", "Documents",
	    ROLE_VIEWER, 0 },
	{ "verify", "/app/verify", "Dữ liệu cần xác minh", "Data to verify",
	    ROLE_VIEWER, 0 },
	{ "letters", "/app/letters", "Thư chúc mừng", "Letters", ROLE_VIEWER,
	    0 },
	{ "members", "/app/members", "Đơn vị thành viên", "Members",
	    ROLE_VIEWER, 0 },
	{ "cluster", "/app/cluster", "Cụm", "Cluster", ROLE_EDITOR, 0 },
	{ "outbox", "/app/outbox", "Hộp thư đi", "Outbox", ROLE_ADMIN, 0 },
	{ "recipients", "/app/recipients", "Người nhận", "Recipients",
	    ROLE_ADMIN, 0 },
	{ "import", "/app/import", "Nhập dữ liệu", "Import", ROLE_ADMIN, 0 },
	{ "users", "/app/users", "Người dùng", "Users", ROLE_ADMIN, 0 },
	{ "audit", "/app/audit", "Nhật ký thay đổi", "Audit trail",
	    ROLE_ADMIN, 0 },
	{ "backup", "/app/backup", "Sao lưu", "Backups", ROLE_ADMIN, 0 },
};

/* The flash messages a POST may leave for the next page (web.c's
 * web_redirect_flash(); never from the URL, never free text). */
static const struct {
	const char *code, *vi, *en;
} flashes[] = {
	{ "cancelled", "Đã hủy hoạt động.", "The activity was cancelled." },
	{ "corrected", "Đã lưu chỉnh sửa.", "The correction was saved." },
	{ "contact-deleted", "Đã xóa cơ quan khỏi danh bạ; có thể khôi phục "
	    "trong 30 ngày ở trang Đã xóa.", "The contact was deleted; it can "
	    "be restored for 30 days from the Deleted page." },
	{ "contact-restored", "Đã khôi phục cơ quan trong danh bạ.",
	    "The contact was restored." },
	{ "created", "Đã tạo hoạt động.", "The activity was created." },
	{ "deleted", "Đã xóa hoạt động; có thể khôi phục trong 30 ngày.",
	    "The activity was deleted; it can be restored for 30 days." },
	{ "done", "Đã ghi nhận kết quả.", "The result was recorded." },
	{ "fetched", "Đã lấy báo cáo của các thành viên.",
	    "The members' records were fetched." },
	{ "imported", "Đã nhập dữ liệu.", "The file was imported." },
	{ "member-added", "Đã thêm đơn vị thành viên.",
	    "The member was added." },
	{ "member-removed", "Đã xóa đơn vị thành viên.",
	    "The member was removed." },
	{ "password", "Đã đổi mật khẩu.", "The password was changed." },
	{ "queued", "Thư sẽ được gửi lại ở lần gửi tới.",
	    "The message will be sent again at the next run." },
	{ "record-received", "Đã nhận báo cáo năm của thành viên.",
	    "The member's year record was received." },
	{ "record-replaced", "Đã nhận báo cáo mới, thay cho báo cáo trước.",
	    "The newer record replaced the one held." },
	{ "record-same", "Báo cáo này đã được nhận trước đó; không có gì "
	    "thay đổi.", "That record was held already; nothing changed." },
	{ "recipient-added", "Đã thêm người nhận.",
	    "The recipient was added." },
	{ "recipient-removed", "Đã xóa người nhận.",
	    "The recipient was removed." },
	{ "reset", "Đã khôi phục ngày và nguồn của dữ liệu gốc.",
	    "The shipped date and source are used again." },
	{ "restored", "Đã khôi phục hoạt động.",
	    "The activity was restored." },
	{ "role-changed", "Đã thay đổi vai trò của tài khoản.",
	    "The account's role was changed." },
	{ "saved", "Đã lưu.", "Saved." },
	{ "text-restored", "Đã khôi phục bản cũ thành bản mới nhất.",
	    "The earlier version is the newest again." },
	{ "text-saved", "Đã lưu mục này.", "The section was saved." },
	{ "text-unchanged", "Không có thay đổi: nội dung đã như vậy.",
	    "Nothing changed: the text was already this." },
	{ "user-disabled", "Đã khóa tài khoản; các phiên làm việc của tài "
	    "khoản đã kết thúc.", "The account was disabled; its sessions "
	    "have ended." },
	{ "user-enabled", "Đã mở khóa tài khoản.", "The account was enabled." },
};

static void
nav_item(struct web_req *r, const struct nav *n, const char *cur)
{
	char year[16] = "";

	if (n->year)
		snprintf(year, sizeof(year), "%d", r->today.y);
	html_printf(r->out, "<li><a href=\"%s%s%s\"", r->root, n->path, year);
	if (cur != NULL && strcmp(cur, n->key) == 0)
		html_raw(r->out, " aria-current=\"page\"");
	html_printf(r->out, ">%s%s</a></li>", L(r, n->vi, n->en), year);
}

/* The search box of every page (web_search.c answers it). */
static void
search_box(struct web_req *r)
{
	const char *q = http_req_query(r->hr, "q");

	if (strcmp(http_req_path(r->hr), "/app/search") != 0 || q == NULL ||
	    text_check(q, 200, 0, NULL) == -1)
		q = "";
	html_printf(r->out, "<form class=\"search\" role=\"search\" "
	    "method=\"get\" action=\"%s/app/search\"><label for=\"q\" "
	    "class=\"vh\">%s</label><input type=\"search\" id=\"q\" "
	    "name=\"q\" value=\"%s\" placeholder=\"%s\"><button "
	    "type=\"submit\">%s</button></form>\n", r->root, L(r,
	    "Tìm hoạt động, dịp kỷ niệm, nước, cơ quan", "Search activities, "
	    "occasions, countries, contacts"), q, L(r, "Tìm: nhat ban, "
	    "Yersin…", "Search: japan, Yersin…"), L(r, "Tìm", "Search"));
}

static void
header(struct web_req *r, const char *nav)
{
	const char *org = r->cfg->org_name != NULL ? r->cfg->org_name :
	    L(r, "Liên hiệp các tổ chức hữu nghị",
	    "Union of Friendship Organizations");
	struct buf next;
	size_t i;

	html_printf(r->out, "<header class=\"top\"><a class=\"org\" "
	    "href=\"%s/app/\">%s</a>\n", r->root, org);
	if (r->logged_in) {
		html_printf(r->out, "<nav aria-label=\"%s\"><ul>",
		    L(r, "Các trang", "Pages"));
		for (i = 0; i < NELEM(navs); i++)
			if ((int)r->s.user.role >= navs[i].role)
				nav_item(r, &navs[i], nav);
		html_raw(r->out, "</ul></nav>\n");
		search_box(r);
		html_printf(r->out, "<p class=\"who\"><a href=\"%s/app/account\""
		    ">%s</a> (%s)", r->root, r->s.user.name,
		    ui_role(r, r->s.user.role));
	} else
		html_raw(r->out, "<p class=\"who\">");
	buf_init(&next);
	esc_url(&next, http_req_path(r->hr));
	html_printf(r->out, " <a href=\"%s/app/lang/%s?next=%s\" "
	    "lang=\"%s\">%s</a></p>\n</header>\n", r->root, L(r, "en", "vi"),
	    next.data, L(r, "en", "vi"), L(r, "English", "Tiếng Việt"));
	buf_release(&next);
}

void
ui_begin(struct web_req *r, const char *title, const char *nav)
{
	html_printf(r->out, "<!doctype html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>%s · kyniem</title>\n<link rel=\"icon\" href=\"data:,\">\n",
	    L(r, "vi", "en"), title);
	html_printf(r->out, "<link rel=\"stylesheet\" href=\"%s/app/static/"
	    "app.css?v=%s\">\n<script src=\"%s/app/static/app.js?v=%s\" "
	    "defer></script>\n</head>\n<body>\n", r->root, assets_version(),
	    r->root, assets_version());
	html_printf(r->out, "<a class=\"skip\" href=\"#main\">%s</a>\n",
	    L(r, "Bỏ qua phần điều hướng", "Skip to the content"));
	header(r, nav);
	html_printf(r->out, "<main id=\"main\">\n<h1>%s</h1>\n", title);
	ui_flash(r);
}

void
ui_end(struct web_req *r)
{
	html_printf(r->out, "</main>\n<footer><p>kyniem · %s</p></footer>\n"
	    "</body>\n</html>\n", L(r, "Lịch kỷ niệm và kế hoạch đối ngoại "
	    "nhân dân", "Anniversaries and people's diplomacy plans"));
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
web_unsaved(struct web_req *r)
{
	return web_error(r, 503, "Không lưu được thay đổi: cơ sở dữ liệu báo "
	    "lỗi nên chưa có gì được ghi. Hãy thử lại sau; nếu vẫn lỗi, hãy "
	    "báo quản trị viên.", "The change was not saved: the database "
	    "reported an error, so nothing was written. Try again later; if "
	    "it persists, tell an administrator.");
}

void
ui_flash(struct web_req *r)
{
	size_t i;

	r->flash[0] = '\0';
	r->flash_detail[0] = '\0';
	/* A page whose flash cannot be read shows none (store.c logged). */
	if (!r->logged_in || session_flash_take(r->st, r->sid, r->flash,
	    sizeof(r->flash), r->flash_detail, sizeof(r->flash_detail)) ==
	    -1 || r->flash[0] == '\0')
		return;
	for (i = 0; i < NELEM(flashes); i++)
		if (strcmp(r->flash, flashes[i].code) == 0)
			html_printf(r->out, "<p class=\"flash\" role=\"status\">"
			    "%s</p>\n", L(r, flashes[i].vi, flashes[i].en));
}

void
ui_csrf(struct web_req *r)
{
	char *m = token_mask(r->csrf);

	r->csrf_used = 1;
	/* Masked anew on each page: pages go out compressed. */
	html_printf(r->out, "<input type=\"hidden\" name=\"csrf\" "
	    "value=\"%s\">", m);
	free(m);
}

/* The label, the hint and the error of a field, ids tied for readers. */
static void
field_open(struct web_req *r, const struct ui_field *f)
{
	html_printf(r->out, "<div class=\"field%s\"><label for=\"f-%s\">%s%s"
	    "</label>", f->error != NULL ? " invalid" : "", f->name, f->label,
	    f->required ? " *" : "");
	if (f->error != NULL)
		html_printf(r->out, "<p class=\"error\" id=\"e-%s\">%s</p>",
		    f->name, f->error);
}

static void
field_attrs(struct web_req *r, const struct ui_field *f)
{
	html_printf(r->out, " id=\"f-%s\" name=\"%s\"%s", f->name, f->name,
	    f->required ? " required" : "");
	if (f->autocomplete != NULL)
		html_printf(r->out, " autocomplete=\"%s\"", f->autocomplete);
	if (f->hint != NULL || f->error != NULL)
		html_printf(r->out, " aria-describedby=\"%s%s%s%s\"",
		    f->hint != NULL ? "h-" : "", f->hint != NULL ? f->name : "",
		    f->error != NULL ? " e-" : "", f->error != NULL ?
		    f->name : "");
	if (f->error != NULL)
		html_raw(r->out, " aria-invalid=\"true\"");
}

static void
field_close(struct web_req *r, const struct ui_field *f)
{
	if (f->hint != NULL)
		html_printf(r->out, "<p class=\"hint\" id=\"h-%s\">%s</p>",
		    f->name, f->hint);
	html_raw(r->out, "</div>\n");
}

void
ui_field(struct web_req *r, const struct ui_field *f)
{
	field_open(r, f);
	html_printf(r->out, "<input type=\"%s\"", f->type != NULL ? f->type :
	    "text");
	field_attrs(r, f);
	if (f->value != NULL)
		html_printf(r->out, " value=\"%s\"", f->value);
	html_raw(r->out, ">");
	field_close(r, f);
}

void
ui_textarea(struct web_req *r, const struct ui_field *f)
{
	field_open(r, f);
	html_raw(r->out, "<textarea rows=\"4\"");
	field_attrs(r, f);
	html_printf(r->out, ">%s</textarea>", f->value != NULL ? f->value :
	    "");
	field_close(r, f);
}

void
ui_select(struct web_req *r, const char *name, const char *label,
    const char *const *pairs, const char *value)
{
	html_printf(r->out, "<div class=\"field\"><label for=\"f-%s\">%s"
	    "</label><select id=\"f-%s\" name=\"%s\">", name, label, name,
	    name);
	for (; pairs[0] != NULL; pairs += 2)
		html_printf(r->out, "<option value=\"%s\"%s>%s</option>",
		    pairs[0], value != NULL && strcmp(value, pairs[0]) == 0 ?
		    " selected" : "", pairs[1]);
	html_raw(r->out, "</select></div>\n");
}

void
ui_button(struct web_req *r, const char *action, const char *label,
    const char *cls, const char *confirm)
{
	html_printf(r->out, "<form class=\"inline\" method=\"post\" "
	    "action=\"%s%s\">", r->root, action);
	ui_csrf(r);
	html_raw(r->out, "<button type=\"submit\"");
	if (cls != NULL)
		html_printf(r->out, " class=\"%s\"", cls);
	if (confirm != NULL)
		html_printf(r->out, " data-confirm=\"%s\"", confirm);
	html_printf(r->out, ">%s</button></form>", label);
}

void
ui_edit_remove(struct web_req *r, const char *base, const char *param,
    const char *value, const char *ask)
{
	struct buf enc, remove;

	buf_init(&enc);
	buf_init(&remove);
	esc_url(&enc, value);
	buf_printf(&remove, "%s/remove?%s=%s", base, param, enc.data);
	html_printf(r->out, "<td><a class=\"button secondary\" href=\"%s%s/"
	    "edit?%s=%s\">%s</a> ", r->root, base, param, enc.data,
	    L(r, "Sửa", "Edit"));
	ui_button(r, remove.data, L(r, "Xóa", "Remove"), "danger", ask);
	html_raw(r->out, "</td>");
	buf_release(&enc);
	buf_release(&remove);
}

void
ui_refused(struct web_req *r)
{
	html_printf(r->out, "<p class=\"errors\" role=\"alert\">%s</p>\n",
	    L(r, "Chưa lưu được: hãy sửa các mục được đánh dấu dưới đây.",
	    "Not saved: correct the fields marked below."));
}

void
ui_form_end(struct web_req *r, const char *path, const char *back)
{
	html_printf(r->out, "<button type=\"submit\">%s</button> <a "
	    "class=\"button secondary\" href=\"%s%s\">%s</a></form>\n",
	    L(r, "Lưu", "Save"), r->root, path, back);
}

void
ui_year_chooser(struct web_req *r, const char *action, const char *label,
    int from, int to, int year)
{
	char v[UI_YEARS + 1][16], sel[16];
	const char *pairs[2 * (UI_YEARS + 1) + 1];
	size_t k = 0, n = 0, i;
	int y;

	if (to - from >= UI_YEARS)
		fatal("ui_year_chooser: more than %d years", UI_YEARS);
	for (y = from; y <= to; y++)
		snprintf(v[n++], sizeof(v[0]), "%d", y);
	if (year < from || year > to)
		snprintf(v[n++], sizeof(v[0]), "%d", year);
	for (i = 0; i < n; i++) {
		pairs[k++] = v[i];
		pairs[k++] = v[i];
	}
	pairs[k] = NULL;
	snprintf(sel, sizeof(sel), "%d", year);
	html_printf(r->out, "<form class=\"filters\" method=\"get\" "
	    "action=\"%s%s\">", r->root, action);
	ui_select(r, "year", label, pairs, sel);
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    L(r, "Xem", "Show"));
}

void
ui_page_read(struct web_req *r, const char *param, struct ui_page *p)
{
	const char *q = http_req_query(r->hr, param);

	memset(p, 0, sizeof(*p));
	p->param = param;
	if (q == NULL || util_parse_int(q, 1, 100000000L, &p->page) == -1)
		p->page = 1;
	p->limit = UI_PAGE_ROWS;
	p->offset = (p->page - 1) * p->limit;
}

int
ui_page_total(struct ui_page *p, long total)
{
	long last = total > 0 ? (total + p->limit - 1) / p->limit : 1;

	p->total = total;
	if (p->page <= last)
		return 0;
	p->page = last;
	p->offset = (last - 1) * p->limit;
	return 1;
}

/* path?kept=...&param=n as an href: the query escaped, & as &amp;. */
static void
page_href(struct web_req *r, const char *path, const char *const *keep,
    const char *param, long n, struct buf *b)
{
	const char *v;
	char sep = '?';

	buf_printf(b, "%s%s", r->root, path);
	for (; keep != NULL && *keep != NULL; keep++) {
		if (strcmp(*keep, param) == 0 || (v = http_req_query(r->hr,
		    *keep)) == NULL)
			continue;
		buf_printf(b, "%c%s=", sep, *keep);
		esc_url(b, v);
		sep = '&';
	}
	buf_printf(b, "%c%s=%ld", sep, param, n);
}

/* One link of the pager, or its label alone when it leads nowhere. */
static void
page_link(struct web_req *r, const char *path, const char *const *keep,
    const struct ui_page *p, long n, const char *rel, const char *label)
{
	struct buf href;

	if (n < 1 || n == p->page || (n - 1) * p->limit >= p->total) {
		html_printf(r->out, "<span class=\"muted\">%s</span> ", label);
		return;
	}
	buf_init(&href);
	page_href(r, path, keep, p->param, n, &href);
	html_printf(r->out, "<a rel=\"%s\" href=\"%s\">%s</a> ", rel,
	    href.data, label);
	buf_release(&href);
}

void
ui_pager(struct web_req *r, const char *path, const char *const *keep,
    const struct ui_page *p)
{
	long last = (p->total + p->limit - 1) / p->limit;

	if (p->total <= p->limit && p->page == 1)
		return;
	html_printf(r->out, "<nav class=\"pager actions\" aria-label=\"%s\">",
	    L(r, "Các trang", "Pages"));
	page_link(r, path, keep, p, 1, "first", L(r, "« Trang đầu",
	    "« First"));
	page_link(r, path, keep, p, p->page - 1, "prev", L(r, "‹ Trang trước",
	    "‹ Previous"));
	html_printf(r->out, "<span aria-current=\"page\">%s %ld/%ld (%ld %s)"
	    "</span> ", L(r, "Trang", "Page"), p->page, last, p->total,
	    L(r, "dòng", p->total == 1 ? "row" : "rows"));
	page_link(r, path, keep, p, p->page + 1, "next", L(r, "Trang sau ›",
	    "Next ›"));
	page_link(r, path, keep, p, last, "last", L(r, "Trang cuối »",
	    "Last »"));
	html_raw(r->out, "</nav>\n");
}

void
ui_list_end(struct web_req *r, const char *path, const char *const *keep,
    const struct ui_page *p, const char *empty)
{
	html_raw(r->out, "</tbody></table>\n");
	if (p->total == 0)
		html_printf(r->out, "<p>%s</p>\n", empty);
	ui_pager(r, path, keep, p);
	if (r->s.user.role >= ROLE_EDITOR)
		html_printf(r->out, "<p><a href=\"%s/app/trash\">%s</a></p>\n",
		    r->root, L(r, "Đã xóa (khôi phục trong 30 ngày)",
		    "Deleted (restorable for 30 days)"));
}

void
ui_date(struct web_req *r, struct ymd d)
{
	vntime_format_date(d, r->lang, r->out);
}

int
ui_asked_year(struct web_req *r)
{
	const char *q = http_req_query(r->hr, "year");
	long y;

	if (q == NULL || util_parse_int(q, LUNAR_MIN_YEAR, LUNAR_MAX_YEAR - 1,
	    &y) == -1)
		return r->today.y;
	return (int)y;
}

long
ui_asked_before(struct web_req *r)
{
	const char *q = http_req_query(r->hr, "before");
	long before;

	if (q == NULL || util_parse_int(q, 1, 1000000000000L, &before) == -1)
		return 0;
	return before;
}

void
ui_occurrence_date(struct web_req *r, const struct occurrence *oc)
{
	rules_format_date(oc, r->lang, r->out);
}

void
ui_time(struct web_req *r, time_t t)
{
	int min;
	struct ymd d = vntime_day(t, &min);

	vntime_format_when(d, min, r->lang, r->out);
}

void
ui_when(struct web_req *r, const struct activity *a)
{
	vntime_format_when(a->start, a->all_day ? -1 : a->start_min, r->lang,
	    r->out);
}

void
ui_activity_row(struct web_req *r, const struct activity *a)
{
	html_printf(r->out, "<tr class=\"status-%s\"><td class=\"date\">",
	    activity_status_name(a->status));
	ui_when(r, a);
	html_printf(r->out, "</td><td><a href=\"%s/app/activities/%ld\">%s"
	    "</a>", r->root, a->id, a->title);
}

void
ui_owners(struct web_req *r, const struct activity *a)
{
	size_t i;

	for (i = 0; i < a->nowners; i++)
		html_printf(r->out, "%s%s", i > 0 ? ", " : "", a->owners[i]);
}

const char *
ui_kind(const struct web_req *r, enum kind k)
{
	return rules_kind_label(k, r->lang);
}

const char *
ui_milestone(const struct web_req *r, enum milestone m)
{
	return rules_milestone_label(m, r->lang, 1);
}

const char *
ui_status(const struct web_req *r, int status)
{
	switch (status) {
	case ACTIVITY_CONFIRMED:
		return L(r, "Đã xác nhận", "Confirmed");
	case ACTIVITY_DONE:
		return L(r, "Đã thực hiện", "Done");
	case ACTIVITY_CANCELLED:
		return L(r, "Đã hủy", "Cancelled");
	default:
		return L(r, "Dự kiến", "Planned");
	}
}

const char *
ui_role(const struct web_req *r, int role)
{
	switch (role) {
	case ROLE_ADMIN:
		return L(r, "Quản trị", "Administrator");
	case ROLE_EDITOR:
		return L(r, "Biên tập", "Editor");
	default:
		return L(r, "Xem", "Viewer");
	}
}

const char *
ui_confidence(const struct web_req *r, enum confidence c)
{
	switch (c) {
	case CONF_CONFIRMED:
		return L(r, "Đã xác nhận", "Confirmed");
	case CONF_SINGLE_SOURCE:
		return L(r, "Một nguồn", "Single source");
	default:
		return L(r, "Theo trí nhớ, chưa kiểm chứng",
		    "Recalled, not verified");
	}
}

/* A date known only to its month or year; the month is in the rule's
 * text ("1994-03"), which is all the parsed rule keeps of it. */
static void
rule_partial(struct web_req *r, const struct observance *obs)
{
	const struct rule *u = &obs->rule;
	long m = 0;

	if (u->precision == 2 && obs->spec != NULL && strlen(obs->spec) == 7)
		util_parse_int(obs->spec + 5, 1, 12, &m);
	if (m > 0)
		html_printf(r->out, L(r, "tháng %ld/%d (chưa rõ ngày)",
		    "month %ld of %d (day unknown)"), m, u->base_year);
	else if (u->base_year > 0)
		html_printf(r->out, L(r, "năm %d (chưa rõ ngày, tháng)",
		    "%d (day and month unknown)"), u->base_year);
	else
		html_printf(r->out, "%s", L(r, "chưa có ngày", "no date yet"));
}

void
ui_rule(struct web_req *r, const struct observance *obs)
{
	static const char *const dow_vi[] = { "Chủ nhật", "thứ Hai",
		"thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy" };
	static const char *const dow_en[] = { "Sunday", "Monday", "Tuesday",
		"Wednesday", "Thursday", "Friday", "Saturday" };
	const struct rule *u = &obs->rule;
	struct ymd base = { u->base_year, u->month, u->day };

	switch (u->type) {
	case RULE_FIXED:
		if (u->base_year > 0 && util_valid_date(base.y, base.m, base.d))
			ui_date(r, base);
		else {
			vntime_format_day_month(u->day, u->month, r->lang,
			    r->out);
			html_printf(r->out, "%s", L(r, " hằng năm",
			    " every year"));
		}
		return;
	case RULE_LUNAR:
		html_printf(r->out, L(r, "%d/%d%s âm lịch", "lunar %d/%d%s"),
		    u->day, u->month, u->leap ? L(r, " nhuận", " leap") : "");
		return;
	case RULE_WEEKDAY:
		if (u->nth < 0)
			html_printf(r->out, L(r, "%s cuối cùng của tháng %d",
			    "the last %s of month %d"), L(r, dow_vi[u->weekday],
			    dow_en[u->weekday]), u->month);
		else
			html_printf(r->out, L(r, "%s thứ %d của tháng %d",
			    "%s no. %d of month %d"), L(r, dow_vi[u->weekday],
			    dow_en[u->weekday]), u->nth, u->month);
		return;
	default:
		rule_partial(r, obs);
	}
}

int
ui_is_focus(const struct web_req *r, const char *country)
{
	char pat[6];

	if (country == NULL || country[0] == '\0' || r->cfg->focus == NULL)
		return 0;
	snprintf(pat, sizeof(pat), ",%s,", country);
	return strstr(r->cfg->focus, pat) != NULL;
}

int
ui_is_own(const struct web_req *r, const struct observance *o)
{
	return o->kind == KIND_LOCAL || (r->cfg->org_tag != NULL &&
	    r->cfg->org_tag[0] != '\0' &&
	    rules_has_tag(o, r->cfg->org_tag));
}

void
ui_occasion(struct web_req *r, const struct observance *o)
{
	struct buf t;

	buf_init(&t);
	rules_subject(o, r->lang, &t);
	html_printf(r->out, "<a href=\"%s/app/occasions/%s\">%s</a>", r->root,
	    o->key, t.data != NULL ? t.data : o->key);
	buf_release(&t);
}

/* The badges of an anniversary: its milestone class, then focus or
 * local. */
static void
occurrence_badges(struct web_req *r, const struct occurrence *oc)
{
	if (rules_is_milestone(&r->cfg->rules, oc))
		html_printf(r->out, " <span class=\"badge m%d\">%s</span>",
		    (int)oc->milestone, ui_milestone(r, oc->milestone));
	if (ui_is_focus(r, oc->obs->country))
		html_printf(r->out, " <span class=\"badge focus\">%s</span>",
		    L(r, "Trọng điểm", "Focus"));
	else if (ui_is_own(r, oc->obs))
		html_printf(r->out, " <span class=\"badge focus\">%s</span>",
		    L(r, "Địa phương", "Local"));
}

static void
occurrence_link(struct web_req *r, const struct occurrence *oc, int brief)
{
	struct buf t;

	buf_init(&t);
	if (brief)
		rules_short_title(oc, r->lang, &t);
	else
		rules_title(oc, r->lang, &t);
	html_printf(r->out, "<a href=\"%s/app/occasions/%s\">%s</a>", r->root,
	    oc->obs->key, t.data != NULL ? t.data : oc->obs->key);
	buf_release(&t);
	occurrence_badges(r, oc);
}

void
ui_occurrence(struct web_req *r, const struct occurrence *oc)
{
	occurrence_link(r, oc, 0);
}

void
ui_occurrence_short(struct web_req *r, const struct occurrence *oc)
{
	occurrence_link(r, oc, 1);
}

void
ui_plan_button(struct web_req *r, const struct occurrence *oc,
    const char *cls)
{
	char iso[11];

	util_format_ymd(oc->date, iso, sizeof(iso));
	html_printf(r->out, " <a class=\"%s\" href=\"%s/app/activities/new?"
	    "observance=%s&amp;date=%s\">%s</a>", cls, r->root, oc->obs->key,
	    iso, L(r, "Lên kế hoạch", "Plan it"));
}

void
ui_table_begin(struct web_req *r, unsigned date_cols, const char *label,
    ...)
{
	va_list ap;
	unsigned i;

	html_raw(r->out, "<table class=\"list\"><thead><tr>");
	va_start(ap, label);
	for (i = 0; label != NULL; i++, label = va_arg(ap, const char *))
		html_printf(r->out, i < 32 && (date_cols >> i & 1) ?
		    "<th class=\"date\">%s</th>" : "<th>%s</th>", label);
	va_end(ap);
	html_raw(r->out, "</tr></thead><tbody>\n");
}

void
ui_remind(struct web_req *r, const char *offsets)
{
	const char *p = offsets;
	char unit;
	long n;
	int k, first = 1;

	for (; p != NULL && *p != '\0'; p += k) {
		while (*p == ',' || *p == ' ')
			p++;
		if (sscanf(p, "%ld%c%n", &n, &unit, &k) != 2 || n < 0) {
			/* Not an offset: as it is (the check refused such
			 * text already). */
			html_printf(r->out, "%s", p);
			return;
		}
		html_printf(r->out, "%s%ld %s", first ? "" : ", ", n,
		    unit == 'w' ? L(r, "tuần", n == 1 ? "week" : "weeks") :
		    unit == 'h' ? L(r, "giờ", n == 1 ? "hour" : "hours") :
		    L(r, "ngày", n == 1 ? "day" : "days"));
		first = 0;
	}
	if (!first)
		html_printf(r->out, " %s", L(r, "trước", "before"));
}

void
ui_countries(struct web_req *r, const char *codes)
{
	const struct observance *o;
	const char *p = codes;
	char cc[3];
	size_t i;
	int first = 1;

	for (; p != NULL && *p != '\0';) {
		while (*p == ' ')
			p++;
		if (p[0] == '\0' || p[1] == '\0')
			break;
		snprintf(cc, sizeof(cc), "%c%c", p[0], p[1]);
		p += 2;
		for (i = 0, o = NULL; i < r->data->set.n && o == NULL; i++)
			if (strcmp(r->data->set.v[i]->country, cc) == 0)
				o = r->data->set.v[i];
		html_printf(r->out, "%s%s", first ? "" : ", ", o != NULL &&
		    L(r, o->country_vi, o->country_en) != NULL ?
		    L(r, o->country_vi, o->country_en) : cc);
		first = 0;
	}
}

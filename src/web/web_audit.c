/*
 * Nhật ký thay đổi (admins): the audit trail newest first, a page at a
 * time, each change with who, when, what and the keys its before and
 * after JSON objects differ in.  The rows are audit.c's; reading their
 * flat JSON back is done here, for display only: what does not parse
 * is shown as it is, escaped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "audit.h"
#include "config.h"
#include "escape.h"
#include "ui.h"
#include "user.h"
#include "web_pages.h"

/* Entries a page, keys an object, and characters a value shows: a
 * page stays small whatever the trail holds. */
#define AUDIT_PAGE	UI_PAGE_ROWS
#define AUDIT_KEYS	32
#define VALUE_CHARS	200

/* A JSON object's members, values as they read. */
struct members {
	char *key[AUDIT_KEYS], *val[AUDIT_KEYS];
	size_t n;
};

static const struct {
	const char *action, *vi, *en;
} actions[] = {
	{ "activity.cancel", "Hủy hoạt động", "Activity cancelled" },
	{ "activity.create", "Thêm hoạt động", "Activity added" },
	{ "activity.delete", "Xóa hoạt động", "Activity deleted" },
	{ "activity.done", "Ghi kết quả hoạt động", "Activity done" },
	{ "activity.edit", "Sửa hoạt động", "Activity changed" },
	{ "activity.restore", "Khôi phục hoạt động", "Activity restored" },
	{ "backup.download", "Tải bản sao lưu", "Backup downloaded" },
	{ "backup.restore", "Khôi phục bản sao lưu", "Backup restored" },
	{ "contact.add", "Thêm vào danh bạ", "Contact added" },
	{ "contact.delete", "Xóa cơ quan khỏi danh bạ", "Contact deleted" },
	{ "contact.edit", "Sửa danh bạ", "Contact changed" },
	{ "contact.restore", "Khôi phục cơ quan trong danh bạ",
	    "Contact restored" },
	{ "import", "Nhập dữ liệu", "Import" },
	{ "letter.sent", "Ghi nhận đã gửi thư chúc mừng",
	    "Congratulation letters sent" },
	{ "letter.unsent", "Bỏ ghi nhận đã gửi thư", "Letters marked unsent" },
	{ "member.add", "Thêm đơn vị thành viên", "Member added" },
	{ "member.edit", "Sửa đơn vị thành viên", "Member changed" },
	{ "member.remove", "Xóa đơn vị thành viên", "Member removed" },
	{ "observance.correct", "Chỉnh sửa ngày", "Date corrected" },
	{ "observance.reset", "Khôi phục dữ liệu gốc",
	    "Shipped date restored" },
	{ "outbox.retry", "Gửi lại thư", "Message retried" },
	{ "plan.exclude", "Không đưa vào kế hoạch", "Left out of the plan" },
	{ "plan.include", "Đưa vào kế hoạch", "Put in the plan" },
	{ "plan.reset", "Bỏ lựa chọn về kế hoạch", "Plan choice undone" },
	{ "recipient.add", "Thêm người nhận", "Recipient added" },
	{ "recipient.edit", "Sửa người nhận", "Recipient changed" },
	{ "recipient.remove", "Xóa người nhận", "Recipient removed" },
	{ "session.login", "Đăng nhập", "Login" },
	{ "session.logout", "Đăng xuất", "Logout" },
	{ "text.restore", "Khôi phục nội dung văn bản", "Text restored" },
	{ "text.set", "Sửa nội dung văn bản", "Text written" },
	{ "user.add", "Thêm tài khoản", "Account added" },
	{ "user.disable", "Khóa tài khoản", "Account disabled" },
	{ "user.enable", "Mở khóa tài khoản", "Account enabled" },
	{ "user.password", "Đặt mật khẩu", "Password set" },
	{ "user.reset", "Tạo liên kết đặt mật khẩu", "Password link made" },
	{ "user.role", "Đổi vai trò", "Role changed" },
};

static const char *
skip_ws(const char *s)
{
	return s + strspn(s, " \t\r\n");
}

/* Append code point c as UTF-8 (controls and lone surrogates as a
 * space and U+FFFD: this is for reading, not for storing). */
static void
put_utf8(struct buf *b, unsigned long c)
{
	if (c < 0x20)
		buf_putc(b, ' ');
	else if (c < 0x80)
		buf_putc(b, (int)c);
	else if (c < 0x800)
		buf_printf(b, "%c%c", (int)(0xc0 | c >> 6),
		    (int)(0x80 | (c & 0x3f)));
	else if (c >= 0xd800 && c <= 0xdfff)
		buf_puts(b, "\xef\xbf\xbd");
	else if (c < 0x10000)
		buf_printf(b, "%c%c%c", (int)(0xe0 | c >> 12),
		    (int)(0x80 | (c >> 6 & 0x3f)), (int)(0x80 | (c & 0x3f)));
	else
		buf_printf(b, "%c%c%c%c", (int)(0xf0 | c >> 18),
		    (int)(0x80 | (c >> 12 & 0x3f)),
		    (int)(0x80 | (c >> 6 & 0x3f)), (int)(0x80 | (c & 0x3f)));
}

/* Four hex digits at s into *c; 0 or -1. */
static int
hex4(const char *s, unsigned long *c)
{
	char h[5];
	char *end;

	if (strspn(s, "0123456789abcdefABCDEF") < 4)
		return -1;
	memcpy(h, s, 4);
	h[4] = '\0';
	*c = strtoul(h, &end, 16);
	return 0;
}

/* The string whose opening quote *p is past, decoded into out; *p moves
 * past its closing quote.  0 or -1. */
static int
json_string(const char **p, struct buf *out)
{
	const char *s = *p;
	unsigned long c, lo;

	for (; *s != '"'; s++) {
		if (*s == '\0' || (unsigned char)*s < 0x20)
			return -1;
		if (*s != '\\') {
			buf_putc(out, *s);
			continue;
		}
		s++;
		if (*s == 'u') {
			if (hex4(s + 1, &c) == -1)
				return -1;
			s += 4;
			if (c >= 0xd800 && c < 0xdc00 && s[1] == '\\' &&
			    s[2] == 'u' && hex4(s + 3, &lo) == 0 &&
			    lo >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				s += 6;
			}
			put_utf8(out, c);
		} else if (*s != '\0' && strchr("\"\\/", *s) != NULL)
			buf_putc(out, *s);
		else if (*s != '\0' && strchr("bfnrt", *s) != NULL)
			buf_putc(out, ' ');
		else
			return -1;
	}
	*p = s + 1;
	return 0;
}

/* A value at *p into out: a string decoded, anything else (numbers,
 * true, nested arrays and objects) as its JSON text.  0 or -1. */
static int
json_value(const char **p, struct buf *out)
{
	const char *s = *p, *start = *p;
	int depth = 0;

	if (*s == '"') {
		*p = s + 1;
		return json_string(p, out);
	}
	if (*s != '{' && *s != '[') {
		s += strspn(s, "-+.0123456789eEtruefalsn");
		if (s == start)
			return -1;
	} else {
		do {
			if (*s == '"') {
				struct buf skip;
				int rc;

				buf_init(&skip);
				s++;
				rc = json_string(&s, &skip);
				buf_release(&skip);
				if (rc == -1)
					return -1;
				continue;
			}
			if (*s == '\0')
				return -1;
			depth += (*s == '{' || *s == '[') - (*s == '}' ||
			    *s == ']');
			s++;
		} while (depth > 0);
	}
	buf_add(out, start, (size_t)(s - start));
	*p = s;
	return 0;
}

static void
members_release(struct members *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->key[i]);
		free(m->val[i]);
	}
	m->n = 0;
}

/* One "key": value of an object at *p into m; 0 or -1. */
static int
member_parse(const char **p, struct members *m)
{
	const char *s = *p;
	struct buf k, v;
	int ret = -1;

	buf_init(&k);
	buf_init(&v);
	if (*s++ == '"' && m->n < AUDIT_KEYS && json_string(&s, &k) == 0 &&
	    *(s = skip_ws(s)) == ':' && (s = skip_ws(s + 1),
	    json_value(&s, &v)) == 0) {
		buf_add(&k, "", 0);
		buf_add(&v, "", 0);
		m->key[m->n] = buf_detach(&k);
		m->val[m->n++] = buf_detach(&v);
		*p = skip_ws(s);
		ret = 0;
	}
	buf_release(&k);
	buf_release(&v);
	return ret;
}

/* The members of the JSON object s (NULL: none); 0 or -1. */
static int
members_parse(const char *s, struct members *m)
{
	m->n = 0;
	if (s == NULL)
		return 0;
	if (*(s = skip_ws(s)) != '{')
		return -1;
	s = skip_ws(s + 1);
	while (*s != '}') {
		if (member_parse(&s, m) == -1 || (*s != ',' && *s != '}'))
			goto bad;
		if (*s == ',')
			s = skip_ws(s + 1);
	}
	if (*skip_ws(s + 1) == '\0')
		return 0;
bad:
	members_release(m);
	return -1;
}

/* The value of key in m, or NULL. */
static const char *
member(const struct members *m, const char *key)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->key[i], key) == 0)
			return m->val[i];
	return NULL;
}

static const char *field_label(struct web_req *r, const char *key);
static void history_value(struct web_req *r, const char *key,
    const char *v);

/* A value, cut to VALUE_CHARS characters; NULL is a dash.  Text that is
 * not UTF-8 (a row written by hand) is shown with its bytes escaped. */
static void
value(struct web_req *r, const char *v)
{
	struct buf b;
	size_t i, n = 0;

	if (v == NULL) {
		html_raw(r->out, "<span class=\"muted\">—</span>");
		return;
	}
	buf_init(&b);
	if (!util_utf8_valid(v, strlen(v)))
		esc_log(&b, v, VALUE_CHARS);
	else {
		for (i = 0; v[i] != '\0' && (n < VALUE_CHARS ||
		    ((unsigned char)v[i] & 0xc0) == 0x80); i++)
			n += ((unsigned char)v[i] & 0xc0) != 0x80;
		buf_add(&b, v, i);
		if (v[i] != '\0')
			buf_puts(&b, "…");
	}
	buf_add(&b, "", 0);
	html_printf(r->out, "%s", b.data);
	buf_release(&b);
}

static void
diff_row(struct web_req *r, const char *key, const char *b, const char *a)
{
	if (b != NULL && a != NULL && strcmp(b, a) == 0)
		return;
	html_printf(r->out, "<tr><th scope=\"row\">%s</th><td>",
	    field_label(r, key));
	history_value(r, key, b);
	html_raw(r->out, "</td><td>");
	history_value(r, key, a);
	html_raw(r->out, "</td></tr>");
}

/* 1 if a key was added, removed or changed. */
static int
differ(const struct members *b, const struct members *a)
{
	const char *v;
	size_t i;

	for (i = 0; i < b->n; i++)
		if ((v = member(a, b->key[i])) == NULL ||
		    strcmp(v, b->val[i]) != 0)
			return 1;
	for (i = 0; i < a->n; i++)
		if (member(b, a->key[i]) == NULL)
			return 1;
	return 0;
}

/* The keys before and after differ in, as a small table; the raw text
 * when either is not a flat JSON object. */
static void
changes(struct web_req *r, const char *before, const char *after)
{
	struct members b = { { 0 }, { 0 }, 0 }, a = { { 0 }, { 0 }, 0 };
	size_t i;

	if (before == NULL && after == NULL)
		return;
	if (members_parse(before, &b) == -1 || members_parse(after, &a) ==
	    -1) {
		html_raw(r->out, "<code>");
		value(r, before);
		html_raw(r->out, "</code> → <code>");
		value(r, after);
		html_raw(r->out, "</code>");
		goto done;
	}
	if (!differ(&b, &a)) {
		html_printf(r->out, "<span class=\"muted\">%s</span>",
		    L(r, "không đổi", "no change"));
		goto done;
	}
	html_printf(r->out, "<table class=\"diff\"><tr><th scope=\"col\">%s"
	    "</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>",
	    L(r, "Mục", "Field"), L(r, "Trước", "Before"),
	    L(r, "Sau", "After"));
	for (i = 0; i < b.n; i++)
		diff_row(r, b.key[i], b.val[i], member(&a, b.key[i]));
	for (i = 0; i < a.n; i++)
		if (member(&b, a.key[i]) == NULL)
			diff_row(r, a.key[i], NULL, a.val[i]);
	html_raw(r->out, "</table>");
done:
	members_release(&b);
	members_release(&a);
}

/* The words of an action, NULL when it has none. */
static const char *
action_label(struct web_req *r, const char *action)
{
	size_t i;

	for (i = 0; i < NELEM(actions); i++)
		if (action != NULL && strcmp(action, actions[i].action) == 0)
			return L(r, actions[i].vi, actions[i].en);
	return NULL;
}

/* What a row changed, as staff name it: an activity or an occasion as
 * a link, a file by its name; other objects as they are. */
static void
object_words(struct web_req *r, const char *object)
{
	const struct observance *o;
	const char *slash;
	char *end;
	long id;

	if (strncmp(object, "activity:", 9) == 0 &&
	    (id = strtol(object + 9, &end, 10)) > 0 && *end == '\0')
		html_printf(r->out, "<a href=\"%s/app/activities/%ld\">%s "
		    "%ld</a>", r->root, id, L(r, "Hoạt động số", "Activity"),
		    id);
	else if (strncmp(object, "observance:", 11) == 0 &&
	    (o = obs_set_find(&r->data->set, object + 11)) != NULL)
		ui_occasion(r, o);
	else if (strncmp(object, "file:", 5) == 0) {
		slash = strrchr(object, '/');
		html_printf(r->out, "%s ", L(r, "Tệp", "File"));
		value(r, slash != NULL ? slash + 1 : object + 5);
	} else
		value(r, object);
}

static void
entry_row(struct web_req *r, const struct audit_entry *e)
{
	const char *label = action_label(r, e->action);

	html_raw(r->out, "<tr><td class=\"date\">");
	ui_time(r, e->at);
	html_raw(r->out, "</td><td>");
	value(r, e->who);
	html_raw(r->out, "</td><td>");
	if (label != NULL)
		html_raw(r->out, label);
	else {
		html_raw(r->out, "<code class=\"muted\">");
		value(r, e->action);
		html_raw(r->out, "</code>");
	}
	html_raw(r->out, "</td><td>");
	if (e->object != NULL)
		object_words(r, e->object);
	html_raw(r->out, "</td><td>");
	changes(r, e->before, e->after);
	html_raw(r->out, "</td></tr>\n");
}

/* The fields of an activity, a correction and a contact as staff read
 * them in a history (the audit rows keep the keys of activity_json(),
 * correction_obs_json() and contact_json()). */
static const struct {
	const char *key, *vi, *en;
} labels[] = {
	{ "address", "Địa chỉ", "Address" },
	{ "base_year", "Tính số năm từ", "Counted from" },
	{ "category", "Loại hoạt động", "Category" },
	{ "confidence", "Độ tin cậy", "Confidence" },
	{ "countries", "Nước đối tác", "Partner countries" },
	{ "date", "Ngày", "Date" },
	{ "disabled", "Đã khóa", "Disabled" },
	{ "email", "Email", "Email" },
	{ "end", "Kết thúc", "End" },
	{ "follows", "Theo dõi", "Follows" },
	{ "head_title_en", "Cách xưng hô (tiếng Anh)", "Form of address "
	    "(English)" },
	{ "head_title_vi", "Cách xưng hô", "Form of address" },
	{ "lang", "Ngôn ngữ", "Language" },
	{ "location", "Địa điểm", "Location" },
	{ "name", "Tên", "Name" },
	{ "note", "Ghi chú", "Note" },
	{ "notes", "Ghi chú", "Notes" },
	{ "observance", "Dịp kỷ niệm", "Occasion" },
	{ "organiser", "Đơn vị tổ chức", "Organiser" },
	{ "owners", "Người phụ trách", "Owners" },
	{ "participants", "Số người tham dự", "Participants" },
	{ "partner", "Đối tác", "Partner organisations" },
	{ "public", "Công khai", "Public" },
	{ "remind", "Nhắc trước", "Reminders" },
	{ "result", "Kết quả", "Result" },
	{ "role", "Vai trò", "Role" },
	{ "source", "Nguồn", "Source" },
	{ "start", "Bắt đầu", "Start" },
	{ "status", "Trạng thái", "Status" },
	{ "title", "Tên hoạt động", "Title" },
};

/* The words of a field's key; the key itself when it has none. */
static const char *
field_label(struct web_req *r, const char *key)
{
	size_t k;

	for (k = 0; k < NELEM(labels); k++)
		if (strcmp(labels[k].key, key) == 0)
			return L(r, labels[k].vi, labels[k].en);
	return key;
}

/* A value of key as staff read it: names for keys and codes, dates as
 * dates, words for flags; anything else as it is. */
static void
history_value(struct web_req *r, const char *key, const char *v)
{
	const struct observance *o;
	const struct config_category *c;
	struct ymd d;
	struct buf t;
	int st;

	if (v == NULL || *v == '\0' || strcmp(v, "[]") == 0 ||
	    (strcmp(key, "participants") == 0 && strcmp(v, "0") == 0)) {
		html_raw(r->out, "<span class=\"muted\">—</span>");
		return;
	}
	buf_init(&t);
	if (strcmp(key, "observance") == 0 &&
	    (o = obs_set_find(&r->data->set, v)) != NULL) {
		rules_subject(o, r->lang, &t);
		value(r, t.data);
	} else if (strcmp(key, "remind") == 0)
		ui_remind(r, v);
	else if (strcmp(key, "countries") == 0)
		ui_countries(r, v);
	else if (strcmp(key, "category") == 0 &&
	    (c = config_category_find(r->cfg, v)) != NULL)
		value(r, L(r, c->name_vi, c->name_en));
	else if (strcmp(key, "status") == 0 &&
	    (st = activity_status_parse(v)) >= 0)
		value(r, ui_status(r, st));
	else if (strcmp(key, "public") == 0 || strcmp(key, "disabled") == 0)
		value(r, strcmp(v, "true") == 0 ? L(r, "Có", "Yes") :
		    L(r, "Không", "No"));
	else if ((strcmp(key, "start") == 0 || strcmp(key, "end") == 0 ||
	    strcmp(key, "date") == 0) && strlen(v) >= 10 &&
	    util_parse_ymd(v, &d) == 0 && (v[10] == '\0' || v[10] == 'T')) {
		ui_date(r, d);
		if (v[10] == 'T')
			html_printf(r->out, " %s", v + 11);
	} else if (strcmp(key, "date") == 0 && strlen(v) == 7 &&
	    sscanf(v, "%4d-%2d", &d.y, &d.m) == 2 && d.m >= 1 && d.m <= 12)
		/* A month known, its day not yet: 9/2013. */
		html_printf(r->out, "%d/%d", d.m, d.y);
	else if (strcmp(key, "owners") == 0) {
		/* ["a@x","b@y"]: the addresses. */
		for (; *v != '\0'; v++)
			if (strchr("[]\"", *v) == NULL)
				buf_putc(&t, *v == ',' ? ';' : *v);
		buf_add(&t, "", 0);
		value(r, t.data);
	} else
		value(r, v);
	buf_release(&t);
}

/* What an edit changed, field by field in words; nothing for a row
 * created, deleted or restored (the action says it). */
static void
history_changes(struct web_req *r, const char *before, const char *after)
{
	struct members b = { { 0 }, { 0 }, 0 }, a = { { 0 }, { 0 }, 0 };
	const char *bv;
	size_t i;

	if (before == NULL || after == NULL || members_parse(before, &b) ==
	    -1 || members_parse(after, &a) == -1)
		goto done;
	for (i = 0; i < a.n; i++) {
		if ((bv = member(&b, a.key[i])) != NULL && strcmp(bv,
		    a.val[i]) == 0)
			continue;
		html_printf(r->out, "<br><span class=\"muted\">%s:</span> ",
		    field_label(r, a.key[i]));
		history_value(r, a.key[i], bv);
		html_raw(r->out, " → ");
		history_value(r, a.key[i], a.val[i]);
	}
done:
	members_release(&b);
	members_release(&a);
}

/* Entries an object's history shows. */
#define HISTORY_ROWS	20

int
web_history(struct web_req *r, const char *object)
{
	struct audit_list l;
	const char *label;
	size_t i;

	if (r->s.user.role < ROLE_EDITOR)
		return 0;
	if (audit_object(r->st, object, HISTORY_ROWS, &l) == -1)
		return -1;
	html_printf(r->out, "<section aria-labelledby=\"history\"><h2 "
	    "id=\"history\">%s</h2>\n", L(r, "Lịch sử thay đổi",
	    "History"));
	if (l.n == 0)
		html_printf(r->out, "<p class=\"muted\">%s</p>\n",
		    L(r, "Chưa có thay đổi nào được ghi lại.",
		    "No change recorded yet."));
	else
		ui_table_begin(r, 1 << 0, L(r, "Thời điểm", "When"),
		    L(r, "Người thực hiện", "Who"), L(r, "Thay đổi", "Change"),
		    NULL);
	for (i = 0; i < l.n; i++) {
		html_raw(r->out, "<tr><td class=\"date\">");
		ui_time(r, l.v[i].at);
		html_raw(r->out, "</td><td>");
		value(r, l.v[i].who);
		html_raw(r->out, "</td><td>");
		label = action_label(r, l.v[i].action);
		value(r, label != NULL ? label : l.v[i].action);
		history_changes(r, l.v[i].before, l.v[i].after);
		html_raw(r->out, "</td></tr>\n");
	}
	if (l.n > 0)
		html_raw(r->out, "</tbody></table>\n");
	html_raw(r->out, "</section>\n");
	audit_list_release(&l);
	return 0;
}

int
web_audit_page(struct web_req *r)
{
	long before = ui_asked_before(r);
	struct audit_list l;
	size_t i;

	if (audit_page(r->st, before, AUDIT_PAGE + 1, &l) == -1)
		return -1;
	ui_begin(r, L(r, "Nhật ký thay đổi", "Audit trail"), "audit");
	html_printf(r->out, "<p>%s</p>\n", L(r, "Mọi thay đổi thực hiện qua "
	    "ứng dụng và lệnh quản lý tài khoản: ai, lúc nào, thay đổi gì, "
	    "trước và sau. Mới nhất ở trên.", "Every change made through "
	    "the application and the account commands: who, when, what, "
	    "before and after. Newest first."));
	ui_table_begin(r, 1 << 0, L(r, "Thời điểm", "When"),
	    L(r, "Người thực hiện", "Who"), L(r, "Thao tác", "Action"),
	    L(r, "Đối tượng", "Object"), L(r, "Thay đổi", "Changes"), NULL);
	for (i = 0; i < l.n && i < AUDIT_PAGE; i++)
		entry_row(r, &l.v[i]);
	html_raw(r->out, "</tbody></table>\n<p>");
	if (before > 0)
		html_printf(r->out, "<a href=\"%s/app/audit\">%s</a> ", r->root,
		    L(r, "← Mới nhất", "← Newest"));
	if (l.n > AUDIT_PAGE)
		html_printf(r->out, "<a href=\"%s/app/audit?before=%ld\">%s"
		    "</a>", r->root, l.v[AUDIT_PAGE - 1].id, L(r, "Cũ hơn →",
		    "Older →"));
	html_raw(r->out, "</p>\n");
	ui_end(r);
	audit_list_release(&l);
	return 0;
}

/*
 * Hoạt động: the activity form (new, filled in from an anniversary, and
 * edit), creating and updating through activity_apply() as the CLI does,
 * cancelling, and marking done with the result and the number of people
 * for the year-end report.  The list and the activity's own page are in
 * web_activities.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "escape.h"
#include "log.h"
#include "store.h"
#include "text.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"
#include "web_pages.h"

/* What the form shows: typed values, and the error of one field. */
struct form_state {
	struct activity_input in;
	const char *field;	/* at fault, or NULL */
	const char *error;
	char msg[600];		/* error, when made for this request */
};

/* The labels of the text fields, for a message naming one. */
static const struct {
	const char *field, *vi, *en;
} text_labels[] = {
	{ "title", "Tên hoạt động", "Title" },
	{ "location", "Địa điểm", "Location" },
	{ "organiser", "Đơn vị tổ chức", "Organiser" },
	{ "notes", "Ghi chú", "Notes" },
	{ "result", "Kết quả", "Result" },
	{ "partner", "Đối tác", "Partner organisations" },
};

/* text_check()'s reason at the end of en ("title has no visible
 * character"), or NULL. */
static const char *
text_reason(const char *en)
{
	static const char *const reasons[] = { "is required",
	    "has no visible character",
	    "contains a bidirectional control character",
	    "contains a control character", "is not valid UTF-8" };
	size_t i, n = strlen(en), k;

	for (i = 0; i < NELEM(reasons); i++)
		if (n >= (k = strlen(reasons[i])) &&
		    strcmp(en + n - k, reasons[i]) == 0)
			return reasons[i];
	if (strstr(en, " is longer than ") != NULL)
		return "is longer than the limit";
	return NULL;
}

/*
 * The messages that carry a value: a text field's reason, a date outside
 * the configured years, an owner who is not one of the union's people
 * (admins are pointed to the recipients page), too many owners.  Written
 * into buf; NULL when en is none of these.
 */
static const char *
value_message(struct web_req *r, const char *field, const char *en,
    char *buf, size_t len)
{
	char addr[300];
	size_t i;

	for (i = 0; i < NELEM(text_labels); i++)
		if (strcmp(field, text_labels[i].field) == 0 &&
		    text_reason(en) != NULL) {
			snprintf(buf, len, "%s: %s", L(r, text_labels[i].vi,
			    text_labels[i].en), ui_text_why(r,
			    text_reason(en)));
			return buf;
		}
	if (strstr(en, "is outside the years") != NULL)
		snprintf(buf, len, L(r, "%s phải trong các năm từ %d đến %d.",
		    "The %s must be within the years %d to %d."),
		    strcmp(field, "start") == 0 ? L(r, "Ngày bắt đầu",
		    "start") : L(r, "Ngày kết thúc", "end"),
		    r->cfg->act_first_year, r->cfg->act_last_year);
	else if (strstr(en, "max_owners") != NULL)
		snprintf(buf, len, L(r, "Nhiều nhất %d người phụ trách nhận "
		    "thư nhắc của một hoạt động.", "At most %d owners get an "
		    "activity's reminders."), r->cfg->act_max_owners);
	else if (sscanf(en, "owners: '%299[^']' is neither", addr) == 1)
		snprintf(buf, len, L(r, "“%s” không phải người dùng hay "
		    "người nhận của hội. Chỉ người dùng và người nhận được "
		    "giao phụ trách và nhận thư nhắc; %s",
		    "“%s” is neither a user nor a recipient. Only users and "
		    "recipients may own an activity and get its reminders; "
		    "%s"), addr, r->s.user.role >= ROLE_ADMIN ? L(r, "hãy "
		    "thêm địa chỉ này ở trang Người nhận trước.", "add the "
		    "address on the Recipients page first.") : L(r, "hãy nhờ "
		    "quản trị viên thêm địa chỉ này vào danh sách người nhận "
		    "trước.", "ask an administrator to add the address as a "
		    "recipient first."));
	else
		return NULL;
	return buf;
}

/* The message of a field at fault, in the request's language (buf
 * holds it when it names a value). */
static const char *
field_message(struct web_req *r, const char *field, const char *en,
    char *buf, size_t len)
{
	static const struct {
		const char *field, *vi;
	} msgs[] = {
		{ "title", "Hãy nhập tên hoạt động (tối đa 300 ký tự, không "
		    "có ký tự điều khiển)." },
		{ "start", "Ngày bắt đầu phải có dạng YYYY-MM-DD hoặc "
		    "YYYY-MM-DDTHH:MM (giờ Việt Nam)." },
		{ "end", "Ngày kết thúc phải cùng dạng với ngày bắt đầu và "
		    "không trước ngày bắt đầu." },
		{ "location", "Địa điểm quá dài hoặc có ký tự không hợp lệ." },
		{ "organiser", "Đơn vị tổ chức quá dài hoặc có ký tự không "
		    "hợp lệ." },
		{ "owners", "Người phụ trách phải là các địa chỉ email, cách "
		    "nhau bằng dấu phẩy." },
		{ "remind", "Nhắc trước phải có dạng như 7d,1d (w: tuần, d: "
		    "ngày, h: giờ)." },
		{ "observance", "Không có dịp kỷ niệm với mã này." },
		{ "notes", "Ghi chú quá dài hoặc có ký tự không hợp lệ." },
		{ "result", "Kết quả quá dài hoặc có ký tự không hợp lệ." },
		{ "participants", "Số người tham dự phải là một số từ 0." },
		{ "status", "Trạng thái không hợp lệ." },
		{ "category", "Hãy chọn một loại hoạt động trong danh sách." },
		{ "countries", "Nước đối tác phải là các mã ISO 2 chữ có trong "
		    "danh sách nước (ví dụ JP US), cách nhau bằng dấu cách." },
		{ "partner", "Đối tác quá dài hoặc có ký tự không hợp lệ." },
	};
	const char *m;
	size_t i;

	if ((m = value_message(r, field, en, buf, len)) != NULL)
		return m;
	if (r->lang == LANG_EN)
		return en;
	for (i = 0; i < NELEM(msgs); i++)
		if (strcmp(msgs[i].field, field) == 0)
			return msgs[i].vi;
	return en;
}

static const char *
error_of(const struct form_state *fs, const char *field)
{
	return fs->field != NULL && strcmp(fs->field, field) == 0 ?
	    fs->error : NULL;
}

/* The form's fields, read from the POST (missing ones as ""). */
static void
input_from_post(struct web_req *r, struct activity_input *in)
{
	const char **f[] = { &in->title, &in->start, &in->end, &in->location,
	    &in->organiser, &in->observance, &in->owners, &in->remind,
	    &in->notes, &in->category, &in->countries, &in->partner,
	    &in->participants, &in->result };
	const char *names[] = { "title", "start", "end", "location",
	    "organiser", "observance", "owners", "remind", "notes",
	    "category", "countries", "partner", "participants", "result" };
	size_t i;

	memset(in, 0, sizeof(*in));
	for (i = 0; i < NELEM(f); i++) {
		*f[i] = http_req_field(r->hr, names[i]);
		if (*f[i] == NULL)
			*f[i] = "";
	}
	in->status = http_req_field(r->hr, "status");
}

/* The form's values from a stored activity (buffers owned by b[4]). */
static void
input_from_activity(const struct activity *a, struct activity_input *in,
    struct buf *b)
{
	size_t i;

	buf_init(&b[0]);
	buf_init(&b[1]);
	buf_init(&b[2]);
	buf_init(&b[3]);
	if (a->participants > 0)
		buf_printf(&b[3], "%d", a->participants);
	vntime_format_iso(a->start, a->all_day ? -1 : a->start_min, &b[0]);
	vntime_format_iso(a->end, a->all_day ? -1 : a->end_min, &b[1]);
	for (i = 0; i < a->nowners; i++)
		buf_printf(&b[2], "%s%s", i > 0 ? ", " : "", a->owners[i]);
	memset(in, 0, sizeof(*in));
	in->title = a->title;
	in->start = b[0].data;
	/* A one-day activity shows no end: the form says when it is. */
	in->end = util_ymd_cmp(a->start, a->end) == 0 && a->all_day ? "" :
	    b[1].data;
	in->location = a->location;
	in->organiser = a->organiser;
	in->observance = a->observance;
	in->owners = b[2].data;
	in->remind = a->remind;
	in->notes = a->notes;
	in->status = activity_status_name(a->status);
	in->category = a->category;
	in->countries = a->countries;
	in->partner = a->partner;
	in->participants = b[3].data;
	in->result = a->result;
}

/* The configured categories, in the report's order, and none. */
static void
category_select(struct web_req *r, const char *value)
{
	const char **pairs = xcalloc(2 * r->cfg->ncategories + 3,
	    sizeof(*pairs));
	size_t i, n = 0;

	pairs[n++] = "";
	pairs[n++] = L(r, "(chưa phân loại)", "(none)");
	for (i = 0; i < r->cfg->ncategories; i++) {
		pairs[n++] = r->cfg->categories[i].key;
		pairs[n++] = L(r, r->cfg->categories[i].name_vi,
		    r->cfg->categories[i].name_en);
	}
	ui_select(r, "category", L(r, "Loại hoạt động (cho báo cáo)",
	    "Category (for the report)"), pairs, value != NULL ? value : "");
	free(pairs);
}

/* What the year-end report takes of the activity. */
static void
record_fields(struct web_req *r, const struct form_state *fs)
{
	const struct activity_input *in = &fs->in;
	struct ui_field f[] = {
		{ "countries", L(r, "Nước đối tác", "Partner countries"),
		    "text", in->countries, L(r, "Mã ISO 2 chữ, cách nhau bằng "
		    "dấu cách, ví dụ JP US", "2-letter ISO codes separated by "
		    "spaces, for example JP US"), error_of(fs, "countries"), 0,
		    NULL },
		{ "partner", L(r, "Đối tác", "Partner organisations"), "text",
		    in->partner, NULL, error_of(fs, "partner"), 0, NULL },
		{ "participants", L(r, "Số người tham dự", "Participants"),
		    "number", in->participants, NULL,
		    error_of(fs, "participants"), 0, NULL },
	};
	struct ui_field res = { "result", L(r, "Kết quả", "Result"), NULL,
	    in->result, L(r, "Sẽ đưa vào báo cáo tổng kết năm",
	    "Goes into the year-end report"), error_of(fs, "result"), 0,
	    NULL };
	size_t i;

	category_select(r, in->category);
	if (error_of(fs, "category") != NULL)
		html_printf(r->out, "<p class=\"error\" role=\"alert\">%s"
		    "</p>\n", error_of(fs, "category"));
	for (i = 0; i < NELEM(f); i++)
		ui_field(r, &f[i]);
	ui_textarea(r, &res);
}

static void
status_select(struct web_req *r, const char *value)
{
	const char *pairs[] = {
		"planned", ui_status(r, ACTIVITY_PLANNED),
		"confirmed", ui_status(r, ACTIVITY_CONFIRMED),
		"done", ui_status(r, ACTIVITY_DONE),
		"cancelled", ui_status(r, ACTIVITY_CANCELLED),
		NULL
	};

	ui_select(r, "status", L(r, "Trạng thái", "Status"), pairs, value);
}

/* The occasion an activity is for, named under the field. */
static void
occasion_note(struct web_req *r, const char *key)
{
	const struct observance *o;

	if (key == NULL || *key == '\0' ||
	    (o = obs_set_find(&r->data->set, key)) == NULL)
		return;
	html_printf(r->out, "<p class=\"hint\">%s ", L(r, "Dịp:", "Occasion:"));
	ui_occasion(r, o);
	html_raw(r->out, "</p>\n");
}

static void
form_fields(struct web_req *r, const struct form_state *fs, int edit)
{
	const struct activity_input *in = &fs->in;
	struct ui_field f[] = {
		{ "title", L(r, "Tên hoạt động", "Title"), "text", in->title,
		    NULL, error_of(fs, "title"), 1, NULL },
		{ "start", L(r, "Bắt đầu", "Start"), "text", in->start,
		    L(r, "YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM, giờ Việt Nam",
		    "YYYY-MM-DD or YYYY-MM-DDTHH:MM, Vietnam time"),
		    error_of(fs, "start"), 1, NULL },
		{ "end", L(r, "Kết thúc", "End"), "text", in->end,
		    L(r, "Để trống nếu trong một ngày", "Empty for one day"),
		    error_of(fs, "end"), 0, NULL },
		{ "location", L(r, "Địa điểm", "Location"), "text",
		    in->location, NULL, error_of(fs, "location"), 0, NULL },
		{ "organiser", L(r, "Đơn vị tổ chức", "Organiser"), "text",
		    in->organiser, NULL, error_of(fs, "organiser"), 0, NULL },
		{ "owners", L(r, "Người phụ trách", "Owners"), "text",
		    in->owners, NULL, error_of(fs, "owners"), 0, NULL },
		{ "remind", L(r, "Nhắc trước", "Remind before"), "text",
		    in->remind, NULL, error_of(fs, "remind"), 0, NULL },
		{ "observance", L(r, "Mã dịp kỷ niệm", "Occasion key"), "text",
		    in->observance, L(r, "Ví dụ relation:JP; để trống nếu không "
		    "gắn với dịp nào", "For example relation:JP; empty for "
		    "none"), error_of(fs, "observance"), 0, NULL },
	};
	struct ui_field notes = { "notes", L(r, "Ghi chú", "Notes"), NULL,
	    in->notes, NULL, error_of(fs, "notes"), 0, NULL };
	char hint[160], owners[400];
	size_t i;

	if (r->lang == LANG_EN)
		snprintf(hint, sizeof(hint), "For example 7d,1d; empty: the "
		    "default %s", r->cfg->remind_offsets);
	else
		snprintf(hint, sizeof(hint), "Ví dụ 7d,1d; để trống: mặc định "
		    "%s", r->cfg->remind_offsets);
	f[6].hint = hint;
	/* Whom the server may mail: the union's own people. */
	snprintf(owners, sizeof(owners), L(r, "Địa chỉ email của người dùng "
	    "hoặc người nhận, cách nhau bằng dấu phẩy, nhiều nhất %d người; "
	    "họ nhận thư nhắc. Địa chỉ ngoài hội phải được quản trị viên "
	    "thêm vào danh sách người nhận trước.", "Addresses of users or "
	    "recipients, comma-separated, at most %d; they get the "
	    "reminders. An outside address must first be added as a "
	    "recipient by an administrator."), r->cfg->act_max_owners);
	f[5].hint = owners;
	for (i = 0; i < NELEM(f); i++) {
		ui_field(r, &f[i]);
		if (strcmp(f[i].name, "observance") == 0)
			occasion_note(r, in->observance);
		if (strcmp(f[i].name, "owners") == 0 &&
		    r->s.user.role >= ROLE_ADMIN)
			html_printf(r->out, "<p class=\"hint\"><a href=\"%s/"
			    "app/recipients\">%s</a></p>\n", r->root,
			    L(r, "Thêm người nhận", "Add a recipient"));
	}
	ui_textarea(r, &notes);
	record_fields(r, fs);
	if (edit)
		status_select(r, in->status);
}

/* The form page: new (id 0) or edit; status 200 or 422. */
static int
form_page(struct web_req *r, unsigned status, long id,
    const struct form_state *fs)
{
	char action[64];

	r->rs->status = status;
	ui_begin(r, id == 0 ? L(r, "Thêm hoạt động", "New activity") :
	    L(r, "Sửa hoạt động", "Edit the activity"), "activities");
	if (fs->error != NULL)
		html_printf(r->out, "<p class=\"errors\" role=\"alert\">%s</p>\n",
		    L(r, "Chưa lưu: hãy sửa ô được đánh dấu.",
		    "Not saved: correct the marked field."));
	if (id == 0)
		snprintf(action, sizeof(action), "/app/activities");
	else
		snprintf(action, sizeof(action), "/app/activities/%ld", id);
	html_printf(r->out, "<form class=\"card\" method=\"post\" "
	    "action=\"%s%s\">\n", r->root, action);
	ui_csrf(r);
	form_fields(r, fs, id != 0);
	html_printf(r->out, "<div class=\"actions\"><button type=\"submit\">"
	    "%s</button> <a class=\"button secondary\" href=\"%s/app/"
	    "activities\">%s</a></div></form>\n", L(r, "Lưu", "Save"),
	    r->root, L(r, "Quay lại", "Back"));
	ui_end(r);
	return 0;
}

/*
 * The title of an activity for an anniversary in the reports' phrasing:
 * "Tổ chức kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật
 * Bản (...)", "Tổ chức gặp mặt, giao lưu nhân dịp Quốc khánh Lào (...)".
 */
static void
plan_title(struct web_req *r, const struct occurrence *oc, struct buf *out)
{
	static const char kn[] = "Kỷ niệm ";
	struct buf t;

	buf_init(&t);
	rules_title(oc, r->lang, &t);
	if (t.data == NULL)
		buf_puts(&t, oc->obs->key);
	if (r->lang == LANG_EN)
		buf_printf(out, "Activities marking the %s", t.data);
	else if (strncmp(t.data, kn, sizeof(kn) - 1) == 0)
		buf_printf(out, "Tổ chức kỷ niệm %s", t.data + sizeof(kn) - 1);
	else
		buf_printf(out, "Tổ chức gặp mặt, giao lưu nhân dịp %s", t.data);
	buf_release(&t);
}

/*
 * The anniversary of observance key on date (YYYY-MM-DD), or without a
 * date the next one within a year of today: 0 and *oc, 1 if none, -1.
 */
static int
find_occurrence(struct web_req *r, const char *key, const char *date,
    struct occ_list *ol)
{
	struct observance *o = obs_set_find(&r->data->set, key);
	struct ymd from = r->today, to = util_ymd_add_days(r->today, 400);

	if (o == NULL)
		return 1;
	if (date != NULL && util_parse_ymd(date, &from) == 0)
		to = from;
	if (rules_occurrences(&r->cfg->rules, r->lunar, &o, 1, from, to,
	    ol) == -1)
		return -1;
	return ol->n > 0 ? 0 : 1;
}

/* GET /app/activities/new[?observance=KEY[&date=YYYY-MM-DD]]. */
int
web_activity_new(struct web_req *r)
{
	const char *key = http_req_query(r->hr, "observance");
	struct form_state fs = { { 0 }, NULL, NULL, "" };
	struct occ_list ol = { 0 };
	struct buf title, start;
	int rc = 1, ret;

	buf_init(&title);
	buf_init(&start);
	if (key != NULL && text_check(key, TEXT_KEY_MAX, 0, NULL) == 0 &&
	    (rc = find_occurrence(r, key, http_req_query(r->hr, "date"),
	    &ol)) == -1) {
		occ_list_release(&ol);
		return -1;
	}
	if (rc == 0) {
		plan_title(r, &ol.v[0], &title);
		vntime_format_iso(ol.v[0].date, -1, &start);
		fs.in.title = title.data;
		fs.in.start = start.data;
		fs.in.observance = ol.v[0].obs->key;
	}
	fs.in.owners = r->s.user.email;
	ret = form_page(r, 200, 0, &fs);
	occ_list_release(&ol);
	buf_release(&title);
	buf_release(&start);
	return ret;
}

/* Apply the posted form to a and save it; 0 saved, 1 when the form
 * was answered again (422), -1 on error. */
static int
save_post(struct web_req *r, struct activity *a, long id, int *changed)
{
	struct form_state fs = { { 0 }, NULL, NULL, "" };
	char err[300];

	input_from_post(r, &fs.in);
	if (id == 0)
		fs.in.status = NULL;
	if (activity_apply(r->st, r->cfg, &fs.in, a, &fs.field, err,
	    sizeof(err)) == -1) {
		fs.error = field_message(r, fs.field != NULL ? fs.field :
		    "title", err, fs.msg, sizeof(fs.msg));
		if (fs.field == NULL)
			fs.field = "title";
		form_page(r, 422, id, &fs);
		return 1;
	}
	return activity_save(r->st, a, r->now, changed);
}

static int
audit_activity(struct web_req *r, const char *action,
    const struct activity *before, const struct activity *after)
{
	struct buf b, a;
	char obj[40];
	int ret;

	buf_init(&b);
	buf_init(&a);
	if (before != NULL)
		activity_json(before, &b);
	activity_json(after, &a);
	snprintf(obj, sizeof(obj), "activity:%ld", after->id);
	ret = web_audit(r, action, obj, b.data, a.data);
	buf_release(&b);
	buf_release(&a);
	return ret;
}

/* POST /app/activities: a new activity. */
int
web_activity_create(struct web_req *r)
{
	struct activity a = { 0 };
	char to[64];
	int changed, rc, ret = -1;

	a.uid = activity_new_uid(r->cfg->domain);
	a.status = ACTIVITY_PLANNED;
	if ((rc = save_post(r, &a, 0, &changed)) != 0) {
		ret = rc == 1 ? 0 : -1;
		goto done;
	}
	web_dirty(r);
	if (audit_activity(r, "activity.create", NULL, &a) == -1)
		goto done;
	snprintf(to, sizeof(to), "/app/activities/%ld?msg=created", a.id);
	ret = web_redirect(r, to);
done:
	activity_release(&a);
	return ret;
}

/* The activity of the path's id into *a: 0, or 1 when a 404 page was
 * answered, -1 on error. */
int
web_activity_get(struct web_req *r, struct activity *a)
{
	int rc = activity_get(r->st, r->id, a);

	if (rc == 1)
		web_error(r, 404, "Không có hoạt động này.",
		    "There is no such activity.");
	return rc;
}

/* GET /app/activities/#/edit. */
int
web_activity_edit(struct web_req *r)
{
	struct form_state fs = { { 0 }, NULL, NULL, "" };
	struct activity a;
	struct buf b[4];
	int rc;

	if ((rc = web_activity_get(r, &a)) != 0)
		return rc == 1 ? 0 : -1;
	input_from_activity(&a, &fs.in, b);
	rc = form_page(r, 200, a.id, &fs);
	buf_release(&b[0]);
	buf_release(&b[1]);
	buf_release(&b[2]);
	buf_release(&b[3]);
	activity_release(&a);
	return rc;
}

/* Save a changed copy of the path's activity: edit(r, a) applies the
 * change (0, 1 answered, -1); then the audit and the redirect. */
static int
change(struct web_req *r, const char *action, const char *msg,
    int (*edit)(struct web_req *, struct activity *, int *))
{
	struct activity before, a;
	char to[80];
	int rc, changed = 0, ret = -1;

	if ((rc = web_activity_get(r, &before)) != 0)
		return rc == 1 ? 0 : -1;
	if (activity_get(r->st, r->id, &a) != 0) {
		activity_release(&before);
		return -1;
	}
	if ((rc = edit(r, &a, &changed)) != 0) {
		ret = rc == 1 ? 0 : -1;
		goto done;
	}
	web_dirty(r);
	if (changed && audit_activity(r, action, &before, &a) == -1)
		goto done;
	snprintf(to, sizeof(to), "/app/activities/%ld?msg=%s", a.id, msg);
	ret = web_redirect(r, to);
done:
	activity_release(&before);
	activity_release(&a);
	return ret;
}

static int
edit_form(struct web_req *r, struct activity *a, int *changed)
{
	return save_post(r, a, a->id, changed);
}

static int
edit_cancel(struct web_req *r, struct activity *a, int *changed)
{
	a->status = ACTIVITY_CANCELLED;
	return activity_save(r->st, a, r->now, changed);
}

static int
edit_done(struct web_req *r, struct activity *a, int *changed)
{
	struct activity_input in = { 0 };
	const char *field;
	char err[300], msg[600];

	in.result = http_req_field(r->hr, "result");
	in.participants = http_req_field(r->hr, "participants");
	in.status = "done";
	if (in.result == NULL)
		in.result = "";
	if (in.participants == NULL)
		in.participants = "";
	if (activity_apply(r->st, r->cfg, &in, a, &field, err,
	    sizeof(err)) == -1) {
		web_error(r, 422, field_message(r, field, err, msg,
		    sizeof(msg)), err);
		return 1;
	}
	return activity_save(r->st, a, r->now, changed);
}

/* POST /app/activities/#: the edit form. */
int
web_activity_update(struct web_req *r)
{
	return change(r, "activity.edit", "saved", edit_form);
}

/* POST /app/activities/#/cancel. */
int
web_activity_cancel(struct web_req *r)
{
	return change(r, "activity.cancel", "cancelled", edit_cancel);
}

/* POST /app/activities/#/done: result and participants. */
int
web_activity_done(struct web_req *r)
{
	return change(r, "activity.done", "done", edit_done);
}

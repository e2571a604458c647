/*
 * Hoạt động: the activity form (new, filled in from an anniversary, and
 * edit), creating and updating through activity_apply() as the CLI does,
 * cancelling, and marking done with the result and the number of people
 * for the year-end report.  An edit changes only the fields the person
 * changed (the form carries the values it showed), and clearing a
 * recorded result or marking done before the day is confirmed on a page
 * of its own first.  The list and the activity's own page are in
 * web_activities.c; the fields and the words of their errors are
 * activity.c's (activity_fields).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "escape.h"
#include "log.h"
#include "member.h"
#include "store.h"
#include "text.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"

/*
 * What the form shows: typed values, the values it was made with (was,
 * carried as hidden was_* fields so that a save changes only what the
 * person changed), and what was refused.  The fields are
 * activity_fields'.
 */
struct form_state {
	struct activity_input in;
	struct activity_input was;	/* all NULL on the new form */
	struct field_errs errs;
};

static const char *
error_of(const struct web_req *r, const struct form_state *fs,
    const char *field)
{
	const struct field_err *e = field_errs_find(&fs->errs, field);

	return e != NULL ? L(r, e->vi, e->en) : NULL;
}

/* The value of field name as posted, or NULL when it is the one the
 * form was made with (was_NAME) or was not sent: unchanged. */
static const char *
changed_field(struct web_req *r, const char *name)
{
	const char *v = http_req_field(r->hr, name), *w;
	char was[32];

	snprintf(was, sizeof(was), "was_%s", name);
	w = http_req_field(r->hr, was);
	return v == NULL || (w != NULL && strcmp(v, w) == 0) ? NULL : v;
}

/*
 * The posted form into fs (what it shows again if refused) and apply
 * (what changes): on the new form every field ("" when missing, the
 * status left planned); on the edit form only the fields the person
 * changed, so that an empty or partial post wipes nothing and a field
 * someone else changed meanwhile keeps their value.
 */
static void
input_from_post(struct web_req *r, int edit, struct form_state *fs,
    struct activity_input *apply)
{
	const struct field *f;
	const char *v, *w;
	char name[32];

	memset(&fs->in, 0, sizeof(fs->in));
	memset(&fs->was, 0, sizeof(fs->was));
	memset(apply, 0, sizeof(*apply));
	for (f = activity_fields; f->name != NULL; f++) {
		v = http_req_field(r->hr, f->name);
		/* An unticked box sends nothing: on the new form, or where
		 * the form showed the box (public_box), that means internal;
		 * the result form, which has no box, leaves it alone. */
		if (f->flags & FIELD_SWITCH)
			v = v != NULL ? "yes" : !edit || http_req_field(r->hr,
			    "public_box") != NULL ? "no" : NULL;
		snprintf(name, sizeof(name), "was_%s", f->name);
		w = edit ? http_req_field(r->hr, name) : NULL;
		*field_slot(f, &fs->was) = w;
		*field_slot(f, &fs->in) = v != NULL ? v : w != NULL ? w : "";
		*field_slot(f, apply) = !edit ? (v != NULL ? v : "") :
		    v == NULL || (w != NULL && strcmp(v, w) == 0) ? NULL : v;
	}
	if (!edit)
		apply->status = NULL;
	/* The dates go together: a new start keeps the end as shown. */
	if (edit && (apply->start != NULL || apply->end != NULL)) {
		apply->start = fs->in.start;
		apply->end = fs->in.end;
	}
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

/* The member organisations, and none (the union's own work). */
static void
member_select(struct web_req *r, const struct form_state *fs)
{
	struct member_list ml = { NULL, 0 };
	const char **pairs;
	const char *v = fs->in.member != NULL ? fs->in.member : "";
	size_t i, n = 0;

	if (member_load(r->st, &ml) == -1)
		log_warnx("the member list is left out of the form");
	pairs = xcalloc(2 * ml.n + 5, sizeof(*pairs));
	pairs[n++] = "";
	pairs[n++] = L(r, "(hoạt động của Liên hiệp)", "(the union's own)");
	for (i = 0; i < ml.n; i++) {
		pairs[n++] = ml.v[i].key;
		pairs[n++] = ml.v[i].name;
	}
	/* A value no member has any more stays, to be seen and changed. */
	if (*v != '\0' && member_find(&ml, v) == NULL) {
		pairs[n++] = v;
		pairs[n++] = v;
	}
	ui_select(r, "member", L(r, "Đơn vị thành viên thực hiện",
	    "Member organisation credited"), pairs, v);
	if (error_of(r, fs, "member") != NULL)
		html_printf(r->out, "<p class=\"error\" role=\"alert\">%s"
		    "</p>\n", error_of(r, fs, "member"));
	free(pairs);
	member_list_release(&ml);
}

/* What the report and the plan say beyond the record: aid mobilised,
 * planned cost, and staff's own sentence for the report. */
static void
report_fields(struct web_req *r, const struct form_state *fs)
{
	const struct activity_input *in = &fs->in;
	struct ui_field f[] = {
		{ "amount", L(r, "Số tiền tài trợ vận động được", "Aid "
		    "mobilised"), "text", in->amount, L(r, "Chỉ với hoạt động "
		    "phi chính phủ nước ngoài; số nguyên, không dấu chấm, ví "
		    "dụ 149814", "NGO work only; a whole number without "
		    "separators, for example 149814"), error_of(r, fs,
		    "amount"), 0, "off" },
		{ "currency", L(r, "Đơn vị tiền tệ", "Currency"), "text",
		    in->currency, L(r, "Mã ISO 4217: USD, EUR, VND…",
		    "ISO 4217 code: USD, EUR, VND…"), error_of(r, fs,
		    "currency"), 0, "off" },
		{ "budget", L(r, "Kinh phí dự kiến (đồng)",
		    "Planned cost (VND)"), "text", in->budget, L(r, "Đưa vào "
		    "phần Kinh phí của kế hoạch; ví dụ 25000000", "Goes into "
		    "the plan's budget part; for example 25000000"),
		    error_of(r, fs, "budget"), 0, "off" },
	};
	struct ui_field text = { "report_text", L(r, "Câu viết trong báo cáo",
	    "The report's sentence"), NULL, in->report_text, L(r, "Để trống: "
	    "kyniem tự viết câu từ tên, thời gian, địa điểm và kết quả. Điền "
	    "vào: báo cáo in nguyên văn câu này.", "Empty: kyniem writes the "
	    "sentence from the title, date, place and result. Filled in: the "
	    "report prints this sentence as it is."), error_of(r, fs,
	    "report_text"), 0, NULL };
	size_t i;

	member_select(r, fs);
	for (i = 0; i < NELEM(f); i++)
		ui_field(r, &f[i]);
	ui_textarea(r, &text);
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
		    "spaces, for example JP US"), error_of(r, fs, "countries"),
		    0, NULL },
		{ "partner", L(r, "Đối tác", "Partner organisations"), "text",
		    in->partner, NULL, error_of(r, fs, "partner"), 0, NULL },
		{ "participants", L(r, "Số người tham dự", "Participants"),
		    "number", in->participants, NULL,
		    error_of(r, fs, "participants"), 0, NULL },
	};
	struct ui_field res = { "result", L(r, "Kết quả", "Result"), NULL,
	    in->result, L(r, "Sẽ đưa vào báo cáo tổng kết năm",
	    "Goes into the year-end report"), error_of(r, fs, "result"), 0,
	    NULL };
	size_t i;

	category_select(r, in->category);
	if (error_of(r, fs, "category") != NULL)
		html_printf(r->out, "<p class=\"error\" role=\"alert\">%s"
		    "</p>\n", error_of(r, fs, "category"));
	for (i = 0; i < NELEM(f); i++)
		ui_field(r, &f[i]);
	ui_textarea(r, &res);
	report_fields(r, fs);
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

/* Whether anyone may see the activity: internal unless ticked.  The
 * hidden public_box says the form showed it (an unticked box sends
 * nothing). */
static void
public_box(struct web_req *r, const struct form_state *fs)
{
	html_printf(r->out, "<div class=\"field\"><input type=\"hidden\" "
	    "name=\"public_box\" value=\"1\"><label><input "
	    "type=\"checkbox\" name=\"public\" value=\"yes\"%s "
	    "aria-describedby=\"h-public\"> %s</label><p class=\"hint\" "
	    "id=\"h-public\">%s</p></div>\n", fs->in.public != NULL &&
	    strcmp(fs->in.public, "yes") == 0 ? " checked" : "",
	    L(r, "Công khai", "Public"), L(r, "Tên, thời gian và địa điểm "
	    "hiện trên lịch công khai và bản kế hoạch công khai. Không đánh "
	    "dấu: hoạt động nội bộ, chỉ cán bộ đăng nhập và lịch có mã "
	    "riêng thấy.", "Its title, date and place show in the public "
	    "calendar and plan. Unticked: an internal activity, seen only by "
	    "logged-in staff and calendars with a private token."));
}

static void
form_fields(struct web_req *r, const struct form_state *fs, int edit)
{
	const struct activity_input *in = &fs->in;
	struct ui_field f[] = {
		{ "title", L(r, "Tên hoạt động", "Title"), "text", in->title,
		    NULL, error_of(r, fs, "title"), 1, NULL },
		{ "start", L(r, "Bắt đầu", "Start"), "text", in->start,
		    L(r, "YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM, giờ Việt Nam",
		    "YYYY-MM-DD or YYYY-MM-DDTHH:MM, Vietnam time"),
		    error_of(r, fs, "start"), 1, NULL },
		{ "end", L(r, "Kết thúc", "End"), "text", in->end,
		    L(r, "Để trống nếu trong một ngày", "Empty for one day"),
		    error_of(r, fs, "end"), 0, NULL },
		{ "location", L(r, "Địa điểm", "Location"), "text",
		    in->location, NULL, error_of(r, fs, "location"), 0,
		    NULL },
		{ "organiser", L(r, "Đơn vị tổ chức", "Organiser"), "text",
		    in->organiser, NULL, error_of(r, fs, "organiser"), 0,
		    NULL },
		{ "owners", L(r, "Người phụ trách", "Owners"), "text",
		    in->owners, NULL, error_of(r, fs, "owners"), 0, NULL },
		{ "remind", L(r, "Nhắc trước", "Remind before"), "text",
		    in->remind, NULL, error_of(r, fs, "remind"), 0, NULL },
		{ "observance", L(r, "Mã dịp kỷ niệm", "Occasion key"), "text",
		    in->observance, L(r, "Ví dụ relation:JP; để trống nếu không "
		    "gắn với dịp nào", "For example relation:JP; empty for "
		    "none"), error_of(r, fs, "observance"), 0, NULL },
	};
	struct ui_field notes = { "notes", L(r, "Ghi chú", "Notes"), NULL,
	    in->notes, NULL, error_of(r, fs, "notes"), 0, NULL };
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
	public_box(r, fs);
	record_fields(r, fs);
	if (edit)
		status_select(r, in->status);
}

/* The values the edit form was made with, as hidden was_* fields. */
static void
was_fields(struct web_req *r, const struct form_state *fs)
{
	const struct field *f;
	const char *v;

	for (f = activity_fields; f->name != NULL; f++)
		if ((v = field_value(f, &fs->was)) != NULL)
			html_printf(r->out, "<input type=\"hidden\" "
			    "name=\"was_%s\" value=\"%s\">\n", f->name, v);
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
	if (fs->errs.n > 0)
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
	was_fields(r, fs);
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
	struct form_state fs = { { 0 }, { 0 }, { NULL, 0 } };
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

/* Changes the person confirms on a page of its own first. */
#define WARN_CLEARS	0x1	/* a recorded result or count goes */
#define WARN_EARLY	0x2	/* done before the activity's day */

static int
warnings(const struct web_req *r, const struct activity *before,
    const struct activity *after)
{
	int w = 0;

	if ((before->result != NULL && after->result == NULL) ||
	    (before->participants > 0 && after->participants == 0))
		w |= WARN_CLEARS;
	if (after->status == ACTIVITY_DONE && before->status !=
	    ACTIVITY_DONE && util_ymd_cmp(r->today, after->start) < 0)
		w |= WARN_EARLY;
	return w;
}

/* What the change does, as the confirmation page's list. */
static void
warning_items(struct web_req *r, int w, const struct activity *before,
    const struct activity *after)
{
	if (w & WARN_EARLY) {
		html_printf(r->out, "<li>%s ", L(r, "Hoạt động bắt đầu ngày",
		    "The activity begins on"));
		ui_date(r, after->start);
		html_printf(r->out, ", %s ", L(r, "sau hôm nay",
		    "after today"));
		ui_date(r, r->today);
		html_printf(r->out, ". %s</li>\n", L(r, "Hoạt động đã thực sự "
		    "được thực hiện chưa?", "Has it really taken place?"));
	}
	if (before->result != NULL && after->result == NULL)
		html_printf(r->out, "<li>%s <q>%s</q></li>\n", L(r, "Kết quả "
		    "đã ghi sẽ bị xóa:", "The recorded result will be "
		    "deleted:"), before->result);
	if (before->participants > 0 && after->participants == 0)
		html_printf(r->out, "<li>%s (%d).</li>\n", L(r, "Số người tham "
		    "dự đã ghi sẽ bị xóa", "The recorded number of "
		    "participants will be deleted"), before->participants);
}

static void
hidden(struct web_req *r, const char *name, const char *value)
{
	html_printf(r->out, "<input type=\"hidden\" name=\"%s\" "
	    "value=\"%s\">", name, value);
}

/*
 * The confirmation a change needs before it is saved (warnings()): a
 * page with what it will do and a form that posts the same fields again
 * with confirm=1, so that it works without JavaScript.  0 when nothing
 * needs confirming or it was confirmed, 1 when the page was answered.
 */
static int
confirm_step(struct web_req *r, const struct activity *before,
    const struct activity *after)
{
	const char *c = http_req_field(r->hr, "confirm"), *v;
	int w = warnings(r, before, after);
	const struct field *f;
	char was[32];

	if (w == 0 || (c != NULL && strcmp(c, "1") == 0))
		return 0;
	ui_begin(r, L(r, "Xác nhận thay đổi", "Confirm the change"),
	    "activities");
	html_printf(r->out, "<div class=\"card\" role=\"alert\"><p><strong>"
	    "%s</strong></p>\n<ul>\n", before->title);
	warning_items(r, w, before, after);
	html_printf(r->out, "</ul>\n<form method=\"post\" action=\"%s%s\">",
	    r->root, http_req_path(r->hr));
	ui_csrf(r);
	for (f = activity_fields; f->name != NULL; f++) {
		snprintf(was, sizeof(was), "was_%s", f->name);
		if ((v = http_req_field(r->hr, f->name)) != NULL)
			hidden(r, f->name, v);
		if ((v = http_req_field(r->hr, was)) != NULL)
			hidden(r, was, v);
	}
	html_printf(r->out, "<input type=\"hidden\" name=\"confirm\" "
	    "value=\"1\"><div class=\"actions\"><button type=\"submit\">%s"
	    "</button> <a class=\"button secondary\" href=\"%s/app/activities/"
	    "%ld\">%s</a></div></form></div>\n", L(r, "Xác nhận", "Confirm"),
	    r->root, before->id, L(r, "Quay lại, không lưu",
	    "Back, without saving"));
	ui_end(r);
	return 1;
}

/* Apply the posted form to a (before: as stored, NULL for a new one) and
 * save it with its audit row as action; 0 saved, 1 when a page was
 * answered (the form again with 422, or the confirmation), -1 on error
 * (nothing saved). */
static int
save_post(struct web_req *r, const struct activity *before,
    struct activity *a, const char *action, int *changed)
{
	struct form_state fs = { { 0 }, { 0 }, { NULL, 0 } };
	struct activity_input apply;
	long id = before != NULL ? before->id : 0;
	int rc;

	input_from_post(r, before != NULL, &fs, &apply);
	if ((rc = activity_apply(r->st, r->cfg, &apply, a, &fs.errs)) == 1)
		rc = form_page(r, 422, id, &fs) == 0 ? 1 : -1;
	else if (rc == 0 && before != NULL && confirm_step(r, before, a) == 1)
		rc = 1;
	else if (rc == 0)
		rc = activity_save(r->st, a, r->s.user.email, action, r->now,
		    changed);
	field_errs_release(&fs.errs);
	return rc;
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
	if ((rc = save_post(r, NULL, &a, "activity.create", &changed)) !=
	    0) {
		ret = rc == 1 ? 0 : web_unsaved(r);
		goto done;
	}
	web_dirty(r);
	snprintf(to, sizeof(to), "/app/activities/%ld", a.id);
	ret = web_redirect_flash(r, to, "created", NULL);
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
	struct form_state fs = { { 0 }, { 0 }, { NULL, 0 } };
	struct activity_view v;
	struct activity a;
	int rc;

	if ((rc = web_activity_get(r, &a)) != 0)
		return rc == 1 ? 0 : -1;
	activity_view(&a, &v);
	fs.in = v.in;
	/* A one-day activity shows no end: the form says when it is. */
	if (util_ymd_cmp(a.start, a.end) == 0 && a.all_day)
		fs.in.end = "";
	fs.was = fs.in;
	rc = form_page(r, 200, a.id, &fs);
	activity_view_release(&v);
	activity_release(&a);
	return rc;
}

/* Save a changed copy of the path's activity: edit(r, before, a,
 * action) applies the change and saves it with its audit row (0, 1
 * answered, -1 nothing saved); then the redirect. */
static int
change(struct web_req *r, const char *action, const char *msg,
    int (*edit)(struct web_req *, const struct activity *,
    struct activity *, const char *, int *))
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
	if ((rc = edit(r, &before, &a, action, &changed)) != 0) {
		ret = rc == 1 ? 0 : web_unsaved(r);
		goto done;
	}
	web_dirty(r);
	snprintf(to, sizeof(to), "/app/activities/%ld", a.id);
	ret = web_redirect_flash(r, to, msg, NULL);
done:
	activity_release(&before);
	activity_release(&a);
	return ret;
}

static int
edit_form(struct web_req *r, const struct activity *before,
    struct activity *a, const char *action, int *changed)
{
	return save_post(r, before, a, action, changed);
}

/* What has taken place is not cancelled (the page offers no button). */
static int
edit_cancel(struct web_req *r, const struct activity *before,
    struct activity *a, const char *action, int *changed)
{
	if (before->status == ACTIVITY_DONE) {
		web_error(r, 409, "Hoạt động đã được thực hiện nên không hủy "
		    "được. Nếu cần, hãy sửa hoạt động.", "The activity has "
		    "taken place and cannot be cancelled; edit it if needed.");
		return 1;
	}
	a->status = ACTIVITY_CANCELLED;
	return activity_save(r->st, a, r->s.user.email, action, r->now,
	    changed);
}

/* The result form: marks done, and changes only the result or the
 * number the person changed. */
static int
edit_done(struct web_req *r, const struct activity *before,
    struct activity *a, const char *action, int *changed)
{
	struct activity_input in = { 0 };
	struct field_errs errs;
	int rc;

	in.result = changed_field(r, "result");
	in.participants = changed_field(r, "participants");
	in.status = "done";
	field_errs_init(&errs);
	if ((rc = activity_apply(r->st, r->cfg, &in, a, &errs)) == 1)
		rc = web_error(r, 422, errs.v[0].vi, errs.v[0].en) == 0 ? 1 :
		    -1;
	else if (rc == 0 && confirm_step(r, before, a) == 1)
		rc = 1;
	else if (rc == 0)
		rc = activity_save(r->st, a, r->s.user.email, action, r->now,
		    changed);
	field_errs_release(&errs);
	return rc;
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

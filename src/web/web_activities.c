/*
 * Hoạt động: the list with its filters (year, month, status, owner,
 * country of the occasion or a partner country, category, occasion), a
 * page at a time out of the thread's dataset (dataset_activities()), and one
 * activity's page with what editors do to it (edit, cancel, record the
 * result).  The form is web_activity.c's.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "escape.h"
#include "member.h"
#include "pick.h"
#include "store.h"
#include "text.h"
#include "trash.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"
#include "web_pages.h"

/* The list's filters, from the query; unset ones match everything. */
struct filter {
	struct activity_filter af;
	char country[3];	/* af.country's storage */
	const struct observance *obs;	/* af.observance's */
};

/* The query's filters: the year (this one when absent, every year when
 * empty), month, status, owner, country, category, occasion.  Values
 * that are not valid are left out. */
static void
filter_read(struct web_req *r, struct filter *f)
{
	const char *s;
	long n;

	memset(f, 0, sizeof(*f));
	f->af.year = r->today.y;
	f->af.status = -1;
	if ((s = http_req_query(r->hr, "year")) != NULL)
		f->af.year = util_parse_int(s, 1800, 2199, &n) == 0 ? (int)n :
		    *s == '\0' ? 0 : f->af.year;
	if ((s = http_req_query(r->hr, "month")) != NULL &&
	    util_parse_int(s, 1, 12, &n) == 0)
		f->af.month = (int)n;
	s = http_req_query(r->hr, "status");
	f->af.status = s != NULL ? activity_status_parse(s) : -1;
	s = http_req_query(r->hr, "owner");
	if (s != NULL && *s != '\0' && text_check(s, TEXT_LINE_MAX, 0,
	    NULL) == 0)
		f->af.owner = s;
	s = http_req_query(r->hr, "category");
	if (s != NULL && config_category_find(r->cfg, s) != NULL)
		f->af.category = s;
	s = http_req_query(r->hr, "country");
	if (s != NULL && strlen(s) == 2 && isalpha((unsigned char)s[0]) &&
	    isalpha((unsigned char)s[1])) {
		snprintf(f->country, sizeof(f->country), "%c%c",
		    toupper((unsigned char)s[0]), toupper((unsigned char)s[1]));
		f->af.country = f->country;
	}
	s = http_req_query(r->hr, "observance");
	if (s != NULL && (f->obs = obs_set_find(&r->data->set, s)) != NULL)
		f->af.observance = f->obs->key;
}

/* The activity's category picker, every configured one and any. */
static void
category_filter(struct web_req *r, const struct filter *f)
{
	const char **pairs = xcalloc(2 * r->cfg->ncategories + 3,
	    sizeof(*pairs));
	size_t i, n = 0;

	pairs[n++] = "";
	pairs[n++] = L(r, "Tất cả", "Any");
	for (i = 0; i < r->cfg->ncategories; i++) {
		pairs[n++] = r->cfg->categories[i].key;
		pairs[n++] = L(r, r->cfg->categories[i].name_vi,
		    r->cfg->categories[i].name_en);
	}
	ui_select(r, "category", L(r, "Loại", "Category"), pairs,
	    f->af.category != NULL ? f->af.category : "");
	free(pairs);
}

static void
filter_form(struct web_req *r, const struct filter *f)
{
	const char *months[27] = { "", L(r, "Cả năm", "Whole year") };
	const char *statuses[] = { "", L(r, "Tất cả", "Any"),
	    "planned", ui_status(r, ACTIVITY_PLANNED),
	    "confirmed", ui_status(r, ACTIVITY_CONFIRMED),
	    "done", ui_status(r, ACTIVITY_DONE),
	    "cancelled", ui_status(r, ACTIVITY_CANCELLED), NULL };
	static const char *const nums[] = { "1", "2", "3", "4", "5", "6",
	    "7", "8", "9", "10", "11", "12" };
	char year[8], month[4];
	struct ui_field fy = { "year", L(r, "Năm", "Year"), "number", year,
	    L(r, "Để trống: mọi năm", "Empty: every year"), NULL, 0, NULL };
	struct ui_field fo = { "owner", L(r, "Người phụ trách", "Owner"),
	    "email", f->af.owner, NULL, NULL, 0, NULL };
	size_t i;

	for (i = 0; i < 12; i++) {
		months[2 + 2 * i] = nums[i];
		months[3 + 2 * i] = nums[i];
	}
	snprintf(year, sizeof(year), "%d", f->af.year);
	if (f->af.year == 0)
		year[0] = '\0';
	snprintf(month, sizeof(month), "%d", f->af.month);
	html_printf(r->out, "<form class=\"filters\" method=\"get\" "
	    "action=\"%s/app/activities\">", r->root);
	ui_field(r, &fy);
	ui_select(r, "month", L(r, "Tháng", "Month"), months,
	    f->af.month != 0 ? month : "");
	ui_select(r, "status", L(r, "Trạng thái", "Status"), statuses,
	    f->af.status >= 0 ? activity_status_name(f->af.status) : "");
	ui_field(r, &fo);
	pick_country(r, L(r, "Nước", "Country"), f->country);
	category_filter(r, f);
	if (f->obs != NULL)
		html_printf(r->out, "<input type=\"hidden\" "
		    "name=\"observance\" value=\"%s\">", f->obs->key);
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    L(r, "Lọc", "Filter"));
	if (f->obs != NULL) {
		html_printf(r->out, "<p>%s ", L(r, "Các hoạt động của dịp:",
		    "The activities of the occasion:"));
		ui_occasion(r, f->obs);
		html_printf(r->out, " <a href=\"%s/app/activities\">%s</a>"
		    "</p>\n", r->root, L(r, "Bỏ lọc", "Clear the filters"));
	}
}

static void
list_row(struct web_req *r, const struct activity *a)
{
	const struct observance *o = a->observance != NULL ?
	    obs_set_find(&r->data->set, a->observance) : NULL;

	ui_activity_row(r, a);
	html_printf(r->out, "</td><td>%s</td><td>", ui_status(r, a->status));
	ui_owners(r, a);
	html_raw(r->out, "</td><td>");
	if (o != NULL && o->country[0] != '\0')
		html_printf(r->out, "<a href=\"%s/app/occasions/%s\">%s</a>",
		    r->root, o->key, L(r, o->country_vi, o->country_en));
	else if (o != NULL)
		ui_occasion(r, o);
	html_raw(r->out, "</td></tr>\n");
}

/* The query parameters the list's page links keep. */
static const char *const kept[] = { "year", "month", "status", "owner",
	"country", "category", "observance", NULL };

/* The page of activities f matches into page (pg->limit of them);
 * returns how many. */
static size_t
list_query(struct web_req *r, const struct filter *f, struct ui_page *pg,
    const struct activity **page)
{
	long total;
	size_t n;

	n = dataset_activities(r->data, &f->af, pg->offset, pg->limit, page,
	    &total);
	if (!ui_page_total(pg, total))
		return n;
	/* Past the end: the last page. */
	return dataset_activities(r->data, &f->af, pg->offset, pg->limit,
	    page, &total);
}

/* GET /app/activities: the filtered list, a page at a time. */
int
web_activities(struct web_req *r)
{
	const struct activity *page[UI_PAGE_ROWS];
	struct ui_page pg;
	struct filter f;
	size_t i, n;

	filter_read(r, &f);
	ui_page_read(r, "page", &pg);
	n = list_query(r, &f, &pg, page);
	ui_begin(r, L(r, "Hoạt động", "Activities"), "activities");
	if (r->s.user.role >= ROLE_EDITOR)
		html_printf(r->out, "<p><a class=\"button\" href=\"%s/app/"
		    "activities/new\">%s</a></p>\n", r->root,
		    L(r, "Thêm hoạt động", "New activity"));
	filter_form(r, &f);
	ui_table_begin(r, 1 << 0, L(r, "Thời gian", "When"),
	    L(r, "Hoạt động", "Activity"), L(r, "Trạng thái", "Status"),
	    L(r, "Người phụ trách", "Owners"), L(r, "Dịp", "Occasion"), NULL);
	for (i = 0; i < n; i++)
		list_row(r, page[i]);
	ui_list_end(r, "/app/activities", kept, &pg, L(r, "Không có hoạt "
	    "động nào khớp với bộ lọc.", "No activity matches the filter."));
	ui_end(r);
	return 0;
}

/* A row of the activity's page, left out when empty. */
static void
row(struct web_req *r, const char *label, const char *value)
{
	if (value != NULL && *value != '\0')
		html_printf(r->out, "<dt>%s</dt><dd>%s</dd>\n", label, value);
}

/* What the report and the plan take beyond the record: the member
 * credited, aid, budget, and staff's own sentence. */
static void
report_details(struct web_req *r, const struct activity *a)
{
	struct member m = { NULL, NULL, NULL };
	struct buf b;

	buf_init(&b);
	if (a->member != NULL) {
		/* A lookup that fails shows the key: still the member. */
		if (member_get(r->st, a->member, &m) != 0)
			m.name = xstrdup(a->member);
		row(r, L(r, "Đơn vị thành viên", "Member organisation"),
		    m.name);
		member_release(&m);
	}
	if (a->amount > 0) {
		buf_put_grouped(&b, a->amount, L(r, ".", ",")[0]);
		buf_printf(&b, " %s", a->currency != NULL ? a->currency : "");
		row(r, L(r, "Tài trợ vận động được", "Aid mobilised"), b.data);
	}
	if (a->budget > 0) {
		b.len = 0;
		buf_put_grouped(&b, a->budget, L(r, ".", ",")[0]);
		buf_puts(&b, L(r, " đồng", " VND"));
		row(r, L(r, "Kinh phí dự kiến", "Planned cost"), b.data);
	}
	row(r, L(r, "Câu viết trong báo cáo", "The report's sentence"),
	    a->report_text);
	buf_release(&b);
}

static void
details(struct web_req *r, const struct activity *a)
{
	const struct observance *o = a->observance != NULL ?
	    obs_set_find(&r->data->set, a->observance) : NULL;
	const struct config_category *c;
	char n[24];

	html_printf(r->out, "<dl class=\"row card\"><dt>%s</dt><dd>",
	    L(r, "Thời gian", "When"));
	ui_when(r, a);
	if (!a->all_day && util_ymd_cmp(a->start, a->end) == 0)
		html_printf(r->out, " – %02d:%02d", a->end_min / 60,
		    a->end_min % 60);
	else if (util_ymd_cmp(a->start, a->end) != 0) {
		html_raw(r->out, " – ");
		vntime_format_when(a->end, a->all_day ? -1 : a->end_min,
		    r->lang, r->out);
	}
	html_raw(r->out, "</dd>\n");
	row(r, L(r, "Địa điểm", "Location"), a->location);
	row(r, L(r, "Đơn vị tổ chức", "Organiser"), a->organiser);
	html_printf(r->out, "<dt>%s</dt><dd>", L(r, "Người phụ trách",
	    "Owners"));
	ui_owners(r, a);
	html_raw(r->out, "</dd>\n");
	if (o != NULL) {
		html_printf(r->out, "<dt>%s</dt><dd>", L(r, "Dịp", "Occasion"));
		ui_occasion(r, o);
		html_raw(r->out, "</dd>\n");
	}
	html_printf(r->out, "<dt>%s</dt><dd>", L(r, "Nhắc việc",
	    "Reminders"));
	ui_remind(r, a->remind != NULL ? a->remind : r->cfg->remind_offsets);
	html_raw(r->out, "</dd>\n");
	row(r, L(r, "Trạng thái", "Status"), ui_status(r, a->status));
	row(r, L(r, "Công khai", "Public"), a->public == 1 ? L(r, "Có: tên, "
	    "thời gian và địa điểm hiện trên lịch công khai", "Yes: its "
	    "title, date and place are in the public calendar") : L(r,
	    "Không (nội bộ)", "No (internal)"));
	row(r, L(r, "Ghi chú", "Notes"), a->notes);
	if ((c = config_category_find(r->cfg, a->category)) != NULL)
		row(r, L(r, "Loại", "Category"), L(r, c->name_vi, c->name_en));
	if (a->countries != NULL && *a->countries != '\0') {
		html_printf(r->out, "<dt>%s</dt><dd>", L(r, "Nước đối tác",
		    "Partner countries"));
		ui_countries(r, a->countries);
		html_raw(r->out, "</dd>\n");
	}
	row(r, L(r, "Đối tác", "Partner organisations"), a->partner);
	row(r, L(r, "Kết quả", "Result"), a->result);
	snprintf(n, sizeof(n), "%d", a->participants);
	row(r, L(r, "Số người tham dự", "Participants"),
	    a->participants > 0 ? n : NULL);
	report_details(r, a);
	html_raw(r->out, "</dl>\n");
}

/*
 * What an editor may do: edit; cancel what is still to happen; record the
 * result, or for a done activity change it.  The result form shows the
 * recorded values and carries them as was_* so that the server changes
 * only what the person changed (web_activity.c).
 */
static void
actions(struct web_req *r, const struct activity *a)
{
	int done = a->status == ACTIVITY_DONE;
	struct ui_field res = { "result", L(r, "Kết quả", "Result"), NULL,
	    a->result, L(r, "Sẽ đưa vào báo cáo tổng kết năm",
	    "Goes into the year-end report"), NULL, 0, NULL };
	struct ui_field ppl = { "participants", L(r, "Số người tham dự",
	    "Participants"), "number", NULL, NULL, NULL, 0, NULL };
	char path[64], n[24];

	snprintf(path, sizeof(path), "/app/activities/%ld/edit", a->id);
	html_printf(r->out, "<div class=\"actions\"><a class=\"button\" "
	    "href=\"%s%s\">%s</a>", r->root, path, L(r, "Sửa", "Edit"));
	if (a->status != ACTIVITY_CANCELLED && !done) {
		snprintf(path, sizeof(path), "/app/activities/%ld/cancel",
		    a->id);
		ui_button(r, path, L(r, "Hủy hoạt động", "Cancel the activity"),
		    "danger", L(r, "Hủy hoạt động này?",
		    "Cancel this activity?"));
	}
	snprintf(path, sizeof(path), "/app/activities/%ld/delete", a->id);
	ui_button(r, path, L(r, "Xóa", "Delete"), "danger", L(r, "Xóa hoạt "
	    "động này? Có thể khôi phục trong 30 ngày.", "Delete this "
	    "activity? It can be restored for 30 days."));
	html_raw(r->out, "</div>\n");
	if (a->status == ACTIVITY_CANCELLED)
		return;
	snprintf(n, sizeof(n), "%d", a->participants);
	ppl.value = a->participants > 0 ? n : NULL;
	html_printf(r->out, "<h2>%s</h2>\n<form class=\"card\" method=\"post\" "
	    "action=\"%s/app/activities/%ld/done\">", done ? L(r, "Kết quả",
	    "Result") : L(r, "Ghi nhận kết quả", "Record the result"),
	    r->root, a->id);
	ui_csrf(r);
	html_printf(r->out, "<input type=\"hidden\" name=\"was_result\" "
	    "value=\"%s\"><input type=\"hidden\" name=\"was_participants\" "
	    "value=\"%s\">", a->result != NULL ? a->result : "",
	    ppl.value != NULL ? ppl.value : "");
	ui_textarea(r, &res);
	ui_field(r, &ppl);
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    done ? L(r, "Sửa kết quả", "Edit the result") :
	    L(r, "Đánh dấu đã thực hiện", "Mark as done"));
}

/* A deleted activity's page says so, and editors may restore it. */
static void
deleted(struct web_req *r, const struct activity *a, const char *who,
    time_t at)
{
	char path[64];

	html_printf(r->out, "<div class=\"errors\" role=\"status\"><p>%s ",
	    L(r, "Hoạt động này đã bị xóa:", "This activity was deleted:"));
	html_printf(r->out, "%s, ", who != NULL ? who : "");
	ui_time(r, at);
	html_printf(r->out, ". %s</p>", L(r, "Có thể khôi phục trong 30 ngày "
	    "kể từ khi xóa.", "It can be restored for 30 days after."));
	if (r->s.user.role >= ROLE_EDITOR) {
		snprintf(path, sizeof(path), "/app/activities/%ld/restore",
		    a->id);
		html_raw(r->out, "<div class=\"actions\">");
		ui_button(r, path, L(r, "Khôi phục hoạt động",
		    "Restore the activity"), NULL, NULL);
		html_raw(r->out, "</div>");
	}
	html_raw(r->out, "</div>\n");
}

/* GET /app/activities/#. */
int
web_activity(struct web_req *r)
{
	struct activity a;
	char *who = NULL, obj[40];
	time_t at = 0;
	int rc, gone, ret = -1;

	if ((rc = activity_get(r->st, r->id, &a)) == 1)
		return web_error(r, 404, "Không có hoạt động này.",
		    "There is no such activity.");
	if (rc == -1 || (gone = trash_activity_state(r->st, r->id, &who,
	    &at)) == -1)
		goto done;
	ui_begin(r, a.title, "activities");
	if (gone)
		deleted(r, &a, who, at);
	details(r, &a);
	if (r->s.user.role >= ROLE_EDITOR && !gone)
		actions(r, &a);
	snprintf(obj, sizeof(obj), "activity:%ld", a.id);
	if (web_history(r, obj) == -1)
		goto done;
	ui_end(r);
	ret = 0;
done:
	free(who);
	if (rc == 0)
		activity_release(&a);
	return ret;
}

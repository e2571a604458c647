/*
 * One occasion (an observance): its row with source and confidence, its
 * anniversaries ten years back and ahead, its activities, and for
 * editors the form that corrects its date (correction.h keeps the
 * correction beside the shipped row, store_load() applies it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "correction.h"
#include "escape.h"
#include "log.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"

/* Years shown on each side of this one. */
#define OCCASION_YEARS	10

/* What the correction form shows: what was typed and why it was
 * refused, or nothing for a fresh form. */
struct correct_form {
	const struct correction_input *in;	/* NULL: the row's values */
	struct field_errs errs;
};

static int
not_found(struct web_req *r)
{
	return web_error(r, 404, "Không có ngày kỷ niệm này.",
	    "There is no such occasion.");
}

static void
dt_text(struct web_req *r, const char *vi, const char *en, const char *s)
{
	html_printf(r->out, "<dt>%s</dt><dd>%s</dd>", L(r, vi, en),
	    s != NULL && s[0] != '\0' ? s : "—");
}

/* A date rule as calendars/ writes it ("1994-03", "03-14"), in words
 * as ui_rule() says it; "—" when there is none. */
static void
rule_words(struct web_req *r, const char *text, int base_year)
{
	struct observance o;
	const char *err;

	memset(&o, 0, sizeof(o));
	if (text == NULL || *text == '\0' || rules_parse(text, &o.rule,
	    &err) == -1) {
		html_printf(r->out, "%s", text != NULL && *text != '\0' ?
		    text : "—");
		return;
	}
	if (o.rule.base_year == 0)
		o.rule.base_year = base_year;
	o.spec = (char *)text;
	ui_rule(r, &o);
}

/* For editors: put the shipped row back. */
static void
reset_button(struct web_req *r, const struct correction *c)
{
	struct buf path;

	if (r->s.user.role < ROLE_EDITOR)
		return;
	buf_init(&path);
	buf_puts(&path, "/app/occasions/");
	esc_url(&path, c->key);
	buf_puts(&path, "/reset");
	html_raw(r->out, "<div class=\"actions\">");
	ui_button(r, path.data, L(r, "Khôi phục dữ liệu gốc",
	    "Restore the shipped data"), "button secondary", L(r, "Bỏ chỉnh "
	    "sửa này và dùng lại ngày, nguồn của dữ liệu gốc?", "Drop this "
	    "correction and use the shipped date and source again?"));
	html_raw(r->out, "</div>\n");
	buf_release(&path);
}

/* Whether the date shown is a local correction, and whose. */
static void
correction_state(struct web_req *r, const struct correction *c)
{
	struct ymd day = vntime_day(c->at, NULL);

	if (c->active) {
		html_printf(r->out, "<p class=\"card\">%s ", L(r, "Ngày và "
		    "nguồn trên đây đã được chỉnh sửa tại đơn vị:", "The date "
		    "and source above are a local correction:"));
		html_printf(r->out, "%s, ", c->who);
		ui_date(r, day);
		html_printf(r->out, ". %s ", L(r, "Dữ liệu gốc: ngày",
		    "Shipped data: date"));
		rule_words(r, c->shipped_rule, c->shipped_base_year);
		html_printf(r->out, "; %s %s.</p>\n", L(r, "nguồn", "source"),
		    c->shipped_source != NULL ? c->shipped_source : "—");
		reset_button(r, c);
		return;
	}
	html_printf(r->out, "<p class=\"card\">%s ", L(r, "Chỉnh sửa ngày",
	    "The correction to"));
	rule_words(r, c->rule, c->base_year);
	html_printf(r->out, " (%s, ", c->who);
	ui_date(r, day);
	html_printf(r->out, ") %s</p>\n", L(r, "không còn áp dụng: dữ liệu "
	    "gốc đã được cập nhật sau đó.", "no longer applies: the shipped "
	    "data has changed since."));
}

static void
facts(struct web_req *r, const struct observance *o)
{
	const char *cn = L(r, o->country_vi, o->country_en);

	html_raw(r->out, "<dl class=\"row card\">");
	dt_text(r, "Loại", "Kind", ui_kind(r, o->kind));
	if (o->country[0] != '\0')
		html_printf(r->out, "<dt>%s</dt><dd>%s</dd>",
		    L(r, "Quốc gia", "Country"), cn != NULL ? cn : o->country);
	html_printf(r->out, "<dt>%s</dt><dd>", L(r, "Ngày", "Date"));
	ui_rule(r, o);
	html_raw(r->out, "</dd>");
	html_printf(r->out, "<dt>%s</dt><dd>", L(r, "Tính số năm từ",
	    "Counted from"));
	if (o->rule.base_year > 0)
		html_printf(r->out, "%d</dd>", o->rule.base_year);
	else
		html_printf(r->out, "%s</dd>", L(r, "không tính số năm",
		    "not counted"));
	dt_text(r, "Độ tin cậy", "Confidence", ui_confidence(r,
	    rules_confidence(o)));
	dt_text(r, "Nguồn", "Source", o->source);
	dt_text(r, "Ghi chú", "Note", o->note);
	html_raw(r->out, "</dl>\n");
}

static void
anniversary_row(struct web_req *r, const struct occurrence *oc)
{
	struct buf t;

	buf_init(&t);
	rules_title(oc, r->lang, &t);
	html_raw(r->out, "<tr><td class=\"date\">");
	ui_occurrence_date(r, oc);
	html_printf(r->out, "</td><td>%s", t.data);
	if (rules_is_milestone(&r->cfg->rules, oc))
		html_printf(r->out, " <span class=\"badge m%d\">%s</span>",
		    (int)oc->milestone, ui_milestone(r, oc->milestone));
	if (util_ymd_cmp(oc->date, r->today) >= 0 &&
	    rules_is_milestone(&r->cfg->rules, oc) &&
	    r->s.user.role >= ROLE_EDITOR &&
	    !activity_planned(&r->data->acts, oc->obs->key, oc->date))
		ui_plan_button(r, oc, "button secondary");
	html_raw(r->out, "</td></tr>\n");
	buf_release(&t);
}

static int
anniversaries(struct web_req *r, struct observance *o)
{
	struct ymd from = { r->today.y - OCCASION_YEARS, 1, 1 };
	struct ymd to = { r->today.y + OCCASION_YEARS, 12, 31 };
	struct occ_list ol = { 0 };
	size_t i;

	html_printf(r->out, "<h2>%s (%d–%d)</h2>\n", L(r, "Các năm kỷ niệm",
	    "Anniversaries"), from.y, to.y);
	if (rules_occurrences(&r->cfg->rules, r->lunar, &o, 1, from, to,
	    &ol) == -1) {
		log_warnx("the occasion page of '%s': a date could not be "
		    "computed", o->key);
		occ_list_release(&ol);
		return -1;
	}
	if (ol.n == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Chưa có ngày chính "
		    "xác nên chưa tính được ngày kỷ niệm. Khi tìm được ngày có "
		    "nguồn xác nhận, hãy chỉnh sửa bên dưới.", "Without an "
		    "exact date no anniversary can be computed. When a source "
		    "gives the date, correct it below."));
	else
		ui_table_begin(r, 1 << 0, L(r, "Ngày", "Date"), L(r, "Kỷ niệm",
		    "Anniversary"), NULL);
	for (i = 0; i < ol.n; i++)
		anniversary_row(r, &ol.v[i]);
	if (ol.n > 0)
		html_raw(r->out, "</tbody></table>\n");
	occ_list_release(&ol);
	return 0;
}

/* The activities linked to o, a page (?page=N) at a time; 0 or -1. */
static int
activities(struct web_req *r, const struct observance *o)
{
	struct activity_filter f = { 0, 0, -1, NULL, NULL, NULL, o->key };
	const struct activity *page[UI_PAGE_ROWS];
	struct ui_page pg;
	struct buf path;
	long total;
	size_t i, n;

	ui_page_read(r, "page", &pg);
	n = dataset_activities(r->data, &f, pg.offset, pg.limit, page,
	    &total);
	if (ui_page_total(&pg, total))
		n = dataset_activities(r->data, &f, pg.offset, pg.limit, page,
		    &total);
	html_printf(r->out, "<h2>%s</h2>\n", L(r, "Hoạt động", "Activities"));
	if (n > 0)
		ui_table_begin(r, 1 << 0, L(r, "Ngày", "Date"),
		    L(r, "Hoạt động", "Activity"), L(r, "Trạng thái",
		    "Status"), NULL);
	for (i = 0; i < n; i++) {
		html_printf(r->out, "<tr class=\"status-%s\">"
		    "<td class=\"date\">",
		    activity_status_name(page[i]->status));
		ui_when(r, page[i]);
		html_printf(r->out, "</td><td><a href=\"%s/app/activities/"
		    "%ld\">%s</a></td><td>%s</td></tr>\n", r->root,
		    page[i]->id, page[i]->title, ui_status(r, page[i]->status));
	}
	if (n == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Chưa có hoạt động nào "
		    "gắn với ngày kỷ niệm này.", "No activity is linked to "
		    "this occasion yet."));
	else
		html_raw(r->out, "</tbody></table>\n");
	buf_init(&path);
	buf_printf(&path, "/app/occasions/%s", o->key);
	ui_pager(r, path.data, NULL, &pg);
	buf_release(&path);
	return 0;
}

/* The message of field name in f, in the request's language, or NULL. */
static const char *
field_error(struct web_req *r, const struct correct_form *f,
    const char *name)
{
	const struct field_err *e = field_errs_find(&f->errs, name);

	return e != NULL ? L(r, e->vi, e->en) : NULL;
}

static void
correct_form(struct web_req *r, const struct observance *o,
    const struct correct_form *f)
{
	static const char *const confs[] = { "confirmed", "single-source",
		"recalled" };
	const char *pairs[2 * NELEM(confs) + 1];
	const struct correction_input *in = f->in;
	const char *shown = in != NULL ? in->date : o->spec;
	struct ymd d;
	int exact = shown != NULL && strlen(shown) == 10 &&
	    util_parse_ymd(shown, &d) == 0;
	struct ui_field day = { "date_day", L(r, "Ngày chính xác", "The exact "
	    "day"), "date", exact ? shown : NULL, L(r, "Chọn ngày, tháng, năm "
	    "trên lịch.", "Pick the day, month and year."),
	    exact ? field_error(r, f, "date") : NULL, 0, "off" };
	struct ui_field date = { "date", L(r, "Hoặc khi chưa biết ngày "
	    "chính xác", "Or when the exact day is not known"), "text",
	    exact ? NULL : shown, L(r, "Chỉ biết tháng: năm-tháng, ví dụ "
	    "1994-03. Chỉ biết năm: 1994. Ngày hằng năm: tháng-ngày, ví dụ "
	    "09-02. Ngày âm lịch: chữ lunar rồi tháng-ngày, ví dụ lunar 08-15 "
	    "cho rằm tháng Tám.", "Month only: year-month, e.g. 1994-03. Year "
	    "only: 1994. Every year: month-day, e.g. 09-02. A lunar date: "
	    "lunar and month-day, e.g. lunar 08-15 for the 15th of the 8th "
	    "month."), exact ? NULL : field_error(r, f, "date"), 0, "off" };
	struct ui_field source = { "source", L(r, "Nguồn xác nhận", "Source"),
	    "text", in != NULL ? in->source : NULL, L(r, "Văn bản, bài báo "
	    "(tên báo, số bài) hoặc báo cáo cho biết ngày này.", "The "
	    "document, article (paper and number) or report giving this "
	    "date."), field_error(r, f, "source"), 1, "off" };
	struct ui_field note = { "note", L(r, "Ghi chú", "Note"), "text",
	    in != NULL ? in->note : o->note, NULL, field_error(r, f, "note"),
	    0, "off" };
	const char *cerr = field_error(r, f, "confidence");
	size_t i;

	/* The names are select.h's classes, in the order of its enum. */
	for (i = 0; i < NELEM(confs); i++) {
		pairs[2 * i] = confs[i];
		pairs[2 * i + 1] = ui_confidence(r, (enum confidence)i);
	}
	pairs[2 * i] = NULL;
	html_printf(r->out, "<h2>%s</h2>\n<form class=\"card\" method=\"post\" "
	    "action=\"%s/app/occasions/%s/correct\">", L(r, "Chỉnh sửa ngày",
	    "Correct the date"), r->root, o->key);
	ui_csrf(r);
	ui_field(r, &day);
	html_printf(r->out, "<details%s><summary>%s</summary>", exact ? "" :
	    " open", L(r, "Chưa biết ngày chính xác, hoặc ngày âm lịch",
	    "No exact day yet, or a lunar date"));
	ui_field(r, &date);
	html_raw(r->out, "</details>\n");
	ui_field(r, &source);
	if (cerr != NULL)
		html_printf(r->out, "<p class=\"error\">%s</p>", cerr);
	ui_select(r, "confidence", L(r, "Độ tin cậy", "Confidence"), pairs,
	    in != NULL ? in->confidence : o->confidence != NULL ?
	    o->confidence : "confirmed");
	ui_field(r, &note);
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    L(r, "Lưu chỉnh sửa", "Save the correction"));
}

static int
occasion_page(struct web_req *r, struct observance *o, unsigned status,
    const struct correct_form *f)
{
	struct correction c;
	struct buf title;
	int rc, ret = -1;

	if ((rc = correction_get(r->st, o->key, &c)) == -1)
		return -1;
	buf_init(&title);
	rules_subject(o, r->lang, &title);
	r->rs->status = status;
	ui_begin(r, title.data, NULL);
	if (f->errs.n > 0)
		html_printf(r->out, "<p class=\"errors\" role=\"alert\">%s"
		    "</p>\n", L(r, "Chưa lưu: hãy sửa các ô được đánh dấu "
		    "bên dưới.", "Not saved: correct the fields marked "
		    "below."));
	facts(r, o);
	if (rc == 0)
		correction_state(r, &c);
	if (anniversaries(r, o) == -1)
		goto done;
	if (activities(r, o) == -1)
		goto done;
	if (r->s.user.role >= ROLE_EDITOR)
		correct_form(r, o, f);
	buf_release(&title);
	buf_init(&title);
	buf_printf(&title, "observance:%s", o->key);
	if (web_history(r, title.data) == -1)
		goto done;
	ui_end(r);
	ret = 0;
done:
	if (rc == 0)
		correction_release(&c);
	buf_release(&title);
	return ret;
}

int
web_occasion(struct web_req *r)
{
	struct observance *o = obs_set_find(&r->data->set, r->arg);
	struct correct_form f = { NULL, { NULL, 0 } };

	if (o == NULL)
		return not_found(r);
	return occasion_page(r, o, 200, &f);
}

int
web_occasion_correct(struct web_req *r)
{
	struct observance *o = obs_set_find(&r->data->set, r->arg);
	struct correction_input in;
	struct correct_form f = { &in, { NULL, 0 } };
	const struct field *k;
	const char *day;
	struct buf to;
	int base_year = 0, ret;

	if (o == NULL)
		return not_found(r);
	for (k = correction_fields; k->name != NULL; k++)
		*field_slot(k, &in) = http_req_field(r->hr, k->name);
	/* The calendar's day, when picked, is the date. */
	if ((day = http_req_field(r->hr, "date_day")) != NULL && *day != '\0')
		in.date = day;
	if (correction_check(o, r->lunar, &in, &base_year, &f.errs) == -1) {
		ret = occasion_page(r, o, 422, &f);
		field_errs_release(&f.errs);
		return ret;
	}
	if (correction_save(r->st, o, &in, base_year, r->s.user.email,
	    r->now) == -1)
		return web_unsaved(r);
	web_dirty(r);
	buf_init(&to);
	buf_printf(&to, "/app/occasions/%s", o->key);
	ret = web_redirect_flash(r, to.data, "corrected", NULL);
	buf_release(&to);
	return ret;
}

/* POST /app/occasions/KEY/reset: the shipped row again. */
int
web_occasion_reset(struct web_req *r)
{
	struct observance *o = obs_set_find(&r->data->set, r->arg);
	struct correction c;
	struct correction_input in;
	struct buf before, after, to;
	int rc, ret = -1;

	if (o == NULL)
		return not_found(r);
	if ((rc = correction_get(r->st, o->key, &c)) == -1)
		return -1;
	buf_init(&before);
	buf_init(&after);
	buf_init(&to);
	buf_printf(&to, "/app/occasions/%s", o->key);
	if (rc == 1) {
		ret = web_redirect(r, to.data);
		goto done;
	}
	in = (struct correction_input){ c.shipped_rule, c.shipped_source,
	    c.shipped_confidence, c.shipped_note };
	correction_obs_json(o, &before);
	correction_input_json(&in, c.shipped_base_year, &after);
	rc = correction_reset(r->st, o->key, r->s.user.email, r->now,
	    before.data, after.data);
	correction_release(&c);
	if (rc == -1)
		goto done;
	web_dirty(r);
	ret = web_redirect_flash(r, to.data, "reset", NULL);
done:
	buf_release(&before);
	buf_release(&after);
	buf_release(&to);
	return ret;
}

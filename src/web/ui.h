/*
 * The HTML of the web application's pages: the layout (head, navigation
 * by role, language switch, footer), form fields with their labels and
 * errors, buttons that POST with the CSRF token, dates and the words for
 * kinds, statuses and milestones in both languages.  Everything goes
 * through the escaping writer (html_printf); pages call these rather
 * than write the shared markup again.
 */
#ifndef KYNIEM_UI_H
#define KYNIEM_UI_H

#include <time.h>

#include "rules.h"
#include "select.h"
#include "util.h"
#include "web_req.h"

struct activity;

/* Open a page: title in <title> and <h1>; nav names the current entry
 * of the navigation ("home", "year", "activities"...), NULL for none. */
void ui_begin(struct web_req *r, const char *title, const char *nav);
/* Close it. */
void ui_end(struct web_req *r);

/* Answer an error page with status and a message in both languages,
 * whatever the page had written; 0. */
int web_error(struct web_req *r, unsigned status, const char *vi,
    const char *en);
/*
 * The answer to a change the database refused: a module's write failed
 * and rolled back, its audit row with it (a trail that cannot be written
 * refuses the change).  An error page (503) saying that nothing was
 * saved; 0.
 */
int web_unsaved(struct web_req *r);

/* The session's flash message, if any, taken once into r->flash and
 * r->flash_detail (ui_begin() shows it). */
void ui_flash(struct web_req *r);

/* The hidden csrf field of a form: r->csrf, masked anew. */
void ui_csrf(struct web_req *r);

/* One labelled input of a form. */
struct ui_field {
	const char *name;	/* the form field */
	const char *label;
	const char *type;	/* "text", "date", "email", "password"... */
	const char *value;	/* NULL = empty */
	const char *hint;	/* shown below, NULL = none */
	const char *error;	/* shown and marked invalid, NULL = none */
	int required;
	const char *autocomplete;	/* NULL = none */
};
void ui_field(struct web_req *r, const struct ui_field *f);
/* A <textarea> with the same parts. */
void ui_textarea(struct web_req *r, const struct ui_field *f);
/* A <select> of values with labels (pairs, NULL-terminated); value is
 * the one selected. */
void ui_select(struct web_req *r, const char *name, const char *label,
    const char *const *pairs, const char *value);

/* A button in a form of its own that POSTs to action (a path under
 * root, with the csrf token); cls is its CSS class, confirm a question
 * the script asks first; either may be NULL. */
void ui_button(struct web_req *r, const char *action, const char *label,
    const char *cls, const char *confirm);
/* The last cell of a list's row: an Edit link to base/edit?param=value
 * and a Remove button posting to base/remove?param=value that asks
 * first (value URL-encoded). */
void ui_edit_remove(struct web_req *r, const char *base, const char *param,
    const char *value, const char *ask);
/* Above a form the server refused: the alert that nothing was saved. */
void ui_refused(struct web_req *r);
/* The end of an edit form: its Save button, a link back to path (under
 * root) saying back, and </form>. */
void ui_form_end(struct web_req *r, const char *path, const char *back);
/* A GET form to action (under root) that chooses a year: from to to
 * (at most UI_YEARS of them), and year itself when it is outside, year
 * selected. */
#define UI_YEARS	8
void ui_year_chooser(struct web_req *r, const char *action,
    const char *label, int from, int to, int year);

/*
 * A page of a list: every list of the application shows UI_PAGE_ROWS rows
 * at a time, whatever the database holds, and links to the others.
 */
#define UI_PAGE_ROWS	50

struct ui_page {
	const char *param;	/* the query parameter: "page" */
	long page;		/* from 1 */
	long offset, limit;	/* rows skipped, rows shown */
	long total;		/* rows of the whole list, once known */
};

/* The page the query's param asks for (1 when absent or not a number). */
void ui_page_read(struct web_req *r, const char *param, struct ui_page *p);
/*
 * The list has total rows: a page past the end becomes the last one.
 * Returns 1 when the page moved (rows of the earlier offset are not the
 * ones to show), else 0.
 */
int ui_page_total(struct ui_page *p, long total);
/*
 * The links to the first, previous, next and last pages ("Trang 3/1720
 * (86000 dòng)") to path, keeping the query parameters named in keep
 * (NULL-terminated, or NULL) as this request has them: the filters, and
 * another list's page on the same page.  Nothing when the list fits one
 * page.
 */
void ui_pager(struct web_req *r, const char *path, const char *const *keep,
    const struct ui_page *p);

/*
 * The end of a list of what staff may delete (activities, contacts): the
 * table closed, empty said when the list has no row at all, the pager,
 * and for editors the way to what was deleted ("Đã xóa").
 */
void ui_list_end(struct web_req *r, const char *path,
    const char *const *keep, const struct ui_page *p, const char *empty);

/* A date as people read it: 21/9/2023 (vi), 21 Sep 2023 (en). */
void ui_date(struct web_req *r, struct ymd d);
/* An anniversary's date at the precision it is known: 21/9/2023, 6/2023. */
void ui_occurrence_date(struct web_req *r, const struct occurrence *oc);
/* An instant as Vietnam's local date and time: 21/9/2023 09:30. */
void ui_time(struct web_req *r, time_t t);
/* The same for an activity's start (with its time when timed). */
void ui_when(struct web_req *r, const struct activity *a);
/* The start of an activity's row in a table: the row, marked with the
 * status, its date cell, and a cell opened with the link to it. */
void ui_activity_row(struct web_req *r, const struct activity *a);
/* An activity's owners, separated by commas. */
void ui_owners(struct web_req *r, const struct activity *a);

/* The year of ?year= within the lunar module's range, else this year. */
int ui_asked_year(struct web_req *r);
/* The ?before= of a listing's older page, newest first: the id its rows
 * come before, or 0 (the newest) when it is absent or not an id. */
long ui_asked_before(struct web_req *r);

/* Reminder offsets ("7d,1d") in words: "7 ngày, 1 ngày trước". */
void ui_remind(struct web_req *r, const char *offsets);
/* Country codes ("JP US") as their names: "Nhật Bản, Hoa Kỳ". */
void ui_countries(struct web_req *r, const char *codes);

/* Words of the request's language. */
const char *ui_kind(const struct web_req *r, enum kind k);
const char *ui_milestone(const struct web_req *r, enum milestone m);
const char *ui_status(const struct web_req *r, int status);
const char *ui_role(const struct web_req *r, int role);
/* How sure a date is: a confidence class (select.h), in words. */
const char *ui_confidence(const struct web_req *r, enum confidence c);
/* An observance's date rule as people read it: "21/9/1973", "2/9 hằng
 * năm", "15/8 âm lịch", "tháng 3/1994 (chưa rõ ngày)". */
void ui_rule(struct web_req *r, const struct observance *obs);

/* 1 if country is one of the union's focus countries. */
int ui_is_focus(const struct web_req *r, const char *country);
/* 1 if o is one of the union's own dates: a local one, or one tagged
 * with its province (rank.h's own). */
int ui_is_own(const struct web_req *r, const struct observance *o);

/* What an observance marks, linking to its occasion page ("Thiết lập
 * quan hệ ngoại giao Việt Nam – Nhật Bản"). */
void ui_occasion(struct web_req *r, const struct observance *o);

/*
 * An anniversary as a row's content: its title (linking to its occasion
 * page), a milestone badge and the focus mark.
 */
void ui_occurrence(struct web_req *r, const struct occurrence *oc);
/* The same with the short title, country first ("Nhật Bản: 50 năm quan
 * hệ ngoại giao"), for lists that must stay short. */
void ui_occurrence_short(struct web_req *r, const struct occurrence *oc);

/*
 * Open a list table: <table class="list"> and its head, one <th> per
 * label (escaped like every %s) up to the NULL that ends them, the
 * columns whose bit is set in date_cols (1 << index) of class "date";
 * then <tbody>, which the page closes with "</tbody></table>".
 */
void ui_table_begin(struct web_req *r, unsigned date_cols,
    const char *label, ...) __attribute__((sentinel));

/* " Lên kế hoạch": a button of class cls ("button", "button secondary")
 * opening the new-activity form for oc's observance and day. */
void ui_plan_button(struct web_req *r, const struct occurrence *oc,
    const char *cls);

#endif

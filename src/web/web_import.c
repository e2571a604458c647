/*
 * Nhập dữ liệu (admins): a CSV or .ics file uploaded and imported as
 * `kyniem import` does, the whole file or nothing, with its NAME:LINE
 * messages shown on the page.  Reading and checking rows is import_csv.c's
 * and import_ics.c's; this file names the upload and shows the outcome.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "activity.h"
#include "contact.h"
#include "escape.h"
#include "form.h"
#include "import.h"
#include "jsonw.h"
#include "text.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

/* Bytes of an uploaded file's name as messages show it. */
#define NAME_LEN	FORM_NAME_MAX
/* Messages shown of a refused file (a file of errors would otherwise
 * make a page of megabytes); the last one, the summary, always. */
#define SHOW_MESSAGES	100

/* 1 if the upload is an iCalendar file: by its name, or its first line
 * when the name says nothing. */
static int
is_ics(const char *name, const char *data, size_t len)
{
	size_t n = strlen(name);

	if (n > 4 && strcasecmp(name + n - 4, ".ics") == 0)
		return 1;
	return len >= 15 && strncasecmp(data, "BEGIN:VCALENDAR", 15) == 0;
}

/* The outcome of the import just redirected here, from the session's
 * flash message ("ROWS CHANGED UNDATED NAME": imported()), never from
 * the URL. */
static void
summary(struct web_req *r)
{
	const char *file = r->flash_detail;
	char *end;
	long v[3];
	int i;

	for (i = 0; i < 3; i++) {
		v[i] = strtol(file, &end, 10);
		if (end == file || *end != ' ' || v[i] < 0)
			return;
		file = end + 1;
	}
	if (text_check(file, NAME_LEN, TEXT_REQUIRED, NULL) == -1)
		return;
	html_printf(r->out, r->lang == LANG_EN ? "<p class=\"card\">%s: %ld "
	    "rows read, %ld added or changed." : "<p class=\"card\">Tệp %s: "
	    "đã đọc %ld dòng, thêm mới hoặc thay đổi %ld dòng.", file, v[0],
	    v[1]);
	if (v[2] > 0)
		html_printf(r->out, r->lang == LANG_EN ? " %ld rows have no "
		    "exact date: no anniversaries are computed for them." :
		    " %ld dòng chưa có ngày chính xác nên không tính được ngày "
		    "kỷ niệm.", v[2]);
	html_raw(r->out, "</p>\n");
}

/* One message of the import, which quotes the file's own text. */
static void
message_item(struct web_req *r, const char *line, size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, line, n);
	if (!util_utf8_valid(b.data, b.len)) {
		char *raw = buf_detach(&b);

		esc_log(&b, raw, n);
		free(raw);
	}
	html_printf(r->out, "<li><code>%s</code></li>\n", b.data);
	buf_release(&b);
}

/* The messages of a refused file (one a line), in a list. */
static void
messages(struct web_req *r, const char *name, const char *m)
{
	const char *p, *nl;
	size_t n = 0, total = 0;

	for (p = m; *p != '\0'; p++)
		total += *p == '\n';
	html_printf(r->out, "<div class=\"errors\" role=\"alert\"><p>%s "
	    "<strong>%s</strong> %s</p>\n<ul>\n", L(r, "Tệp", "The file"),
	    name, L(r, "chưa được nhập: có lỗi ở các dòng dưới đây nên không "
	    "dòng nào được ghi. Hãy sửa tệp rồi tải lên lại.", "was not "
	    "imported: the lines below have errors, so nothing was written. "
	    "Correct the file and upload it again."));
	for (p = m; (nl = strchr(p, '\n')) != NULL; p = nl + 1, n++) {
		/* The first ones, and the last: the file's summary. */
		if (n < SHOW_MESSAGES || n + 1 == total)
			message_item(r, p, (size_t)(nl - p));
		else if (n == SHOW_MESSAGES)
			html_printf(r->out, r->lang == LANG_EN ?
			    "<li>… and %zu more</li>\n" :
			    "<li>… và %zu lỗi khác</li>\n",
			    total - SHOW_MESSAGES - 1);
	}
	html_raw(r->out, "</ul></div>\n");
}

/* The page; error is a problem of the form, or name and msgs those of
 * a refused file. */
static int
import_page(struct web_req *r, unsigned status, const char *error,
    const char *name, const struct buf *msgs)
{
	r->rs->status = status;
	ui_begin(r, L(r, "Nhập dữ liệu", "Import"), "import");
	if (strcmp(r->flash, "imported") == 0)
		summary(r);
	html_printf(r->out, "<p>%s</p>\n", L(r, "Tải lên một tệp CSV (danh "
	    "sách hoạt động, danh bạ, hoặc dữ liệu ngày kỷ niệm như các tệp "
	    "kèm theo chương trình) hoặc một tệp lịch .ics. Cả tệp được nhập "
	    "trong một "
	    "lần: nếu có dòng sai thì không dòng nào được ghi, và các lỗi "
	    "được liệt kê theo số dòng.", "Upload a CSV file (activities, "
	    "contacts, or anniversary data like the files that come with the "
	    "program) or an .ics calendar. The "
	    "whole file is imported at once: if a line is wrong, nothing is "
	    "written and the errors are listed by line number."));
	if (error != NULL)
		html_printf(r->out, "<p class=\"errors\" role=\"alert\">%s"
		    "</p>\n", error);
	if (msgs != NULL)
		messages(r, name, msgs->data != NULL ? msgs->data : "");
	html_printf(r->out, "<form class=\"card\" method=\"post\" action=\"%s"
	    "/app/import\" enctype=\"multipart/form-data\">", r->root);
	ui_csrf(r);
	html_printf(r->out, "<div class=\"field\"><label for=\"f-file\">%s *"
	    "</label><input type=\"file\" id=\"f-file\" name=\"file\" "
	    "accept=\".csv,.ics,text/csv,text/calendar\" required "
	    "aria-describedby=\"h-file\"><p class=\"hint\" id=\"h-file\">%s "
	    "<code>%s</code>%s <code>%s</code></p></div>\n",
	    L(r, "Tệp CSV hoặc .ics", "CSV or .ics file"), L(r, "Tối đa 8 MB. "
	    "Các cột theo thứ tự bất kỳ. Tệp hoạt động cần ít nhất các cột "
	    "key, title, start (cột không có trong tệp giữ nguyên giá trị đã "
	    "ghi), có thể có:", "8 MB at most. Columns in any order. An "
	    "activities file needs at least key, title and start (a column "
	    "left out keeps what is recorded), and may have:"),
	    ACTIVITY_CSV_HEADER, L(r, "; tệp danh bạ (cơ quan đại diện, hội "
	    "hữu nghị) cần đủ các cột:", "; a contacts file (missions, "
	    "friendship associations) needs all of:"), CONTACT_CSV_HEADER);
	html_printf(r->out, "<div class=\"field\"><label><input "
	    "type=\"checkbox\" name=\"attendees\" value=\"1\"> %s</label>"
	    "</div>\n<button type=\"submit\">%s</button></form>\n",
	    L(r, "Tệp .ics: người được mời (ATTENDEE) là người phụ trách",
	    "An .ics file: its attendees become the owners"),
	    L(r, "Nhập dữ liệu", "Import"));
	ui_end(r);
	return 0;
}

int
web_import_form(struct web_req *r)
{
	return import_page(r, 200, NULL, NULL, NULL);
}

/* Redirect to the summary of a successful import (its audit row is
 * written), which the session keeps for the next page. */
static int
imported(struct web_req *r, const char *name, const struct import_stats *s)
{
	struct buf detail;
	int ret;

	buf_init(&detail);
	buf_printf(&detail, "%ld %ld %ld %s", s->rows, s->changed,
	    s->undated, name);
	web_dirty(r);
	ret = web_redirect_flash(r, "/app/import", "imported", detail.data);
	buf_release(&detail);
	return ret;
}

int
web_import(struct web_req *r)
{
	struct import_stats s = { 0 };
	struct buf msgs;
	const char *data, *sent, *att = http_req_field(r->hr, "attendees");
	char name[NAME_LEN + 1];
	size_t len;
	int ics, ret;

	if (http_req_file(r->hr, "file", &data, &len, &sent) == -1 ||
	    (len == 0 && (sent == NULL || *sent == '\0')))
		return import_page(r, 422, L(r, "Hãy chọn một tệp CSV hoặc "
		    ".ics để tải lên.", "Choose a CSV or .ics file to upload."),
		    NULL, NULL);
	form_file_name(sent, name, sizeof(name));
	ics = is_ics(name, data, len);
	buf_init(&msgs);
	s.messages = &msgs;
	s.cfg = r->cfg;
	s.vi = r->lang == LANG_VI;
	if (ics)
		ret = import_ics(r->st, name, data, len, r->s.user.email,
		    r->now, att != NULL ? IMPORT_ATTENDEES : 0, &s);
	else
		ret = import_data(r->st, r->lunar, name, data, len,
		    r->s.user.email, r->now, &s);
	if (ret == 0)
		ret = imported(r, name, &s);
	else if (s.refused > 0)
		ret = web_unsaved(r);
	else if (s.errors > 0)
		ret = import_page(r, 422, NULL, name, &msgs);
	buf_release(&msgs);
	return ret;
}

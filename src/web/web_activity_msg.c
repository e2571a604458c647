/*
 * The words of the activity form's errors: which field, why, in the
 * request's language (activity.c gives them in English), and what to do
 * (an outside owner: ask an administrator, or add the recipient).
 */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "ui.h"
#include "user.h"
#include "web_activity_int.h"
#include "web_pages.h"

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

const char *
web_activity_message(struct web_req *r, const char *field, const char *en,
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
		{ "public", "Công khai phải là có hoặc không." },
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


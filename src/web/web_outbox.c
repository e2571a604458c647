/*
 * Hộp thư đi (admins, as for recipients: the page shows people's
 * addresses and the relay's replies): what was sent, what waits and what
 * failed with the server's reply, newest first, by state, and a button
 * that makes a failed message due again.  Sending is `kyniem remind`'s
 * (remind.c); the page only changes the outbox row (outbox.c).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "escape.h"
#include "outbox.h"
#include "ui.h"
#include "user.h"
#include "web.h"
#include "web_pages.h"

/* Rows of a page of the list. */
#define OUTBOX_PAGE	50

static const char *
state_word(const struct web_req *r, enum outbox_state s)
{
	switch (s) {
	case OUTBOX_SENT:
		return L(r, "Đã gửi", "Sent");
	case OUTBOX_FAILED:
		return L(r, "Không gửi được", "Failed");
	default:
		return L(r, "Chờ gửi", "Pending");
	}
}

/* The state of the query's filter, or -1 for every state. */
static int
query_state(const struct web_req *r)
{
	const char *q = http_req_query(r->hr, "state");
	int s;

	for (s = OUTBOX_PENDING; q != NULL && s <= OUTBOX_FAILED; s++)
		if (strcmp(q, outbox_state_name((enum outbox_state)s)) == 0)
			return s;
	return -1;
}

static void
filters(struct web_req *r, int state)
{
	const char *const pairs[] = {
		"", L(r, "Tất cả", "All"),
		"pending", state_word(r, OUTBOX_PENDING),
		"sent", state_word(r, OUTBOX_SENT),
		"failed", state_word(r, OUTBOX_FAILED),
		NULL
	};

	html_printf(r->out, "<form class=\"filters\" method=\"get\" "
	    "action=\"%s/app/outbox\">", r->root);
	ui_select(r, "state", L(r, "Trạng thái", "State"), pairs, state < 0 ?
	    "" : outbox_state_name((enum outbox_state)state));
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    L(r, "Lọc", "Filter"));
}

/* A button for a message that failed or was deferred: due again now. */
static void
retry_button(struct web_req *r, const struct outbox_item *it)
{
	char action[64];

	if (it->state == OUTBOX_SENT || (it->state == OUTBOX_PENDING &&
	    it->attempts == 0))
		return;
	snprintf(action, sizeof(action), "/app/outbox/%ld/retry", it->id);
	ui_button(r, action, L(r, "Gửi lại", "Retry"), "secondary", NULL);
}

/* What a failure means for staff, from the relay's reply or libcurl's
 * message: the first pattern found in it. */
static const struct {
	const char *pattern;	/* a fixed string, any case */
	const char *vi, *en;
} causes[] = {
	{ "resolve", "Không tìm thấy máy chủ thư theo địa chỉ trong cấu hình "
	    "— báo quản trị viên.", "The mail server's name in the "
	    "configuration was not found — tell the administrator." },
	{ "connect", "Không kết nối được máy chủ thư (máy chủ không trả lời "
	    "hoặc sai địa chỉ, cổng trong cấu hình) — báo quản trị viên.",
	    "Could not connect to the mail server (it does not answer, or "
	    "its address or port in the configuration is wrong) — tell the "
	    "administrator." },
	{ "timed out", "Máy chủ thư không trả lời kịp; thư sẽ được gửi lại. "
	    "Nếu lặp lại nhiều lần, báo quản trị viên.", "The mail server "
	    "did not answer in time; the message will be retried. If it "
	    "keeps happening, tell the administrator." },
	{ "login", "Máy chủ thư từ chối đăng nhập (sai tên hoặc mật khẩu "
	    "trong cấu hình) — báo quản trị viên.", "The mail server refused "
	    "the login (wrong user name or password in the configuration) — "
	    "tell the administrator." },
	{ "535", "Máy chủ thư từ chối đăng nhập (sai tên hoặc mật khẩu "
	    "trong cấu hình) — báo quản trị viên.", "The mail server refused "
	    "the login (wrong user name or password in the configuration) — "
	    "tell the administrator." },
	{ "ssl", "Không thiết lập được kết nối bảo mật (TLS) với máy chủ thư "
	    "— báo quản trị viên.", "No secure (TLS) connection to the mail "
	    "server could be made — tell the administrator." },
	{ "tls", "Không thiết lập được kết nối bảo mật (TLS) với máy chủ thư "
	    "— báo quản trị viên.", "No secure (TLS) connection to the mail "
	    "server could be made — tell the administrator." },
	{ "certificate", "Chứng chỉ của máy chủ thư không hợp lệ — báo quản "
	    "trị viên.", "The mail server's certificate is not valid — tell "
	    "the administrator." },
	{ "expired", "Liên kết trong thư đã hết hạn nên thư không được gửi.",
	    "The link in the message expired, so it was not sent." },
};

/* 1 if pattern is in text, whatever the case. */
static int
has(const char *text, const char *pattern)
{
	size_t n = strlen(pattern);

	for (; *text != '\0'; text++)
		if (strncasecmp(text, pattern, n) == 0)
			return 1;
	return 0;
}

/* The failure explained, then the reply itself, folded away. */
static void
error_cell(struct web_req *r, const char *e)
{
	const char *why = NULL;
	size_t i;

	for (i = 0; i < NELEM(causes) && why == NULL; i++)
		if (has(e, causes[i].pattern))
			why = L(r, causes[i].vi, causes[i].en);
	if (why == NULL && e[0] == '5' && e[1] >= '0' && e[1] <= '9')
		why = L(r, "Máy chủ thư từ chối thư này: địa chỉ người nhận có "
		    "thể sai hoặc hộp thư không còn dùng.", "The mail server "
		    "refused this message: the recipient's address may be "
		    "wrong or no longer in use.");
	else if (why == NULL && e[0] == '4' && e[1] >= '0' && e[1] <= '9')
		why = L(r, "Máy chủ thư tạm thời chưa nhận thư; thư sẽ được "
		    "gửi lại.", "The mail server did not take the message for "
		    "now; it will be retried.");
	else if (why == NULL)
		why = L(r, "Gửi không được — báo quản trị viên.",
		    "It could not be sent — tell the administrator.");
	html_printf(r->out, "%s<details><summary>%s</summary><code>%s</code>"
	    "</details>", why, L(r, "Chi tiết kỹ thuật", "Technical details"),
	    e);
}

static void
item_row(struct web_req *r, const struct outbox_item *it)
{
	html_printf(r->out, "<tr><td class=\"date\">");
	ui_time(r, (time_t)it->created);
	html_printf(r->out, "</td><td>%s</td><td>%s</td><td><span "
	    "class=\"badge\">%s</span></td><td>%d</td><td>", it->subject,
	    it->recipient, state_word(r, it->state), it->attempts);
	/* The server's reply: text from outside, escaped like any. */
	if (it->last_error != NULL)
		error_cell(r, it->last_error);
	html_raw(r->out, "</td><td class=\"date\">");
	if (it->state == OUTBOX_PENDING) {
		html_printf(r->out, "%s ", L(r, "thử lúc", "try at"));
		ui_time(r, (time_t)it->next_try);
	} else
		ui_time(r, (time_t)it->done);
	html_raw(r->out, "</td><td>");
	retry_button(r, it);
	html_raw(r->out, "</td></tr>\n");
}

static void
item_table(struct web_req *r, const struct outbox_list *l)
{
	size_t i;

	ui_table_begin(r, 1 << 0 | 1 << 6, L(r, "Tạo lúc", "Queued"),
	    L(r, "Tiêu đề", "Subject"), L(r, "Người nhận", "Recipient"),
	    L(r, "Trạng thái", "State"), L(r, "Số lần thử", "Attempts"),
	    L(r, "Lỗi gần nhất", "Last error"), L(r, "Gửi / thử lúc",
	    "Sent / tried"), L(r, "Thao tác", "Actions"), NULL);
	for (i = 0; i < l->n && i < OUTBOX_PAGE; i++)
		item_row(r, &l->v[i]);
	html_raw(r->out, "</tbody></table>\n");
}

/* The link to the next page when there is one (one row more was
 * loaded than shown). */
static void
older(struct web_req *r, const struct outbox_list *l, int state)
{
	if (l->n <= OUTBOX_PAGE)
		return;
	html_printf(r->out, "<p><a href=\"%s/app/outbox?state=%s&amp;before="
	    "%ld\">%s</a></p>\n", r->root, state < 0 ? "" :
	    outbox_state_name((enum outbox_state)state),
	    l->v[OUTBOX_PAGE - 1].id, L(r, "Thư cũ hơn →", "Older messages →"));
}

int
web_outbox(struct web_req *r)
{
	long before = ui_asked_before(r);
	struct outbox_list l;
	int state = query_state(r);

	if (outbox_query(r->st, state, before, OUTBOX_PAGE + 1, &l) == -1)
		return -1;
	ui_begin(r, L(r, "Hộp thư đi", "Outbox"), "outbox");
	html_printf(r->out, "<p>%s</p>\n", L(r, "Máy chủ tự động gửi thư "
	    "nhắc theo lịch. Thư gửi không được có thể gửi lại: bấm “Gửi "
	    "lại” thì thư sẽ được gửi ở lần gửi tới.", "The server sends the "
	    "reminders on its own schedule. A message that failed can be "
	    "retried: “Retry” sends it at the next run."));
	filters(r, state);
	if (l.n == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Không có thư nào.",
		    "There are no messages."));
	else
		item_table(r, &l);
	older(r, &l, state);
	ui_end(r);
	outbox_list_release(&l);
	return 0;
}

int
web_outbox_retry(struct web_req *r)
{
	struct outbox_item it;
	int rc;

	if ((rc = outbox_get(r->st, r->id, &it)) != 0)
		return rc == 1 ? web_error(r, 404, "Không có thư này.",
		    "There is no such message.") : -1;
	outbox_item_release(&it);
	if ((rc = outbox_retry(r->st, r->id, r->s.user.email, r->now)) == 1)
		return web_error(r, 409, "Thư này đã được gửi; không cần gửi "
		    "lại.", "This message was sent: nothing to retry.");
	if (rc == -1)
		return web_unsaved(r);
	return web_redirect_flash(r, "/app/outbox", "queued", NULL);
}

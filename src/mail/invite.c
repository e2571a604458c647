/*
 * Invitation and reset messages.  Both bodies say what the link is for,
 * until when it works, and that nothing needs doing when the message was
 * not expected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "escape.h"
#include "invite.h"
#include "log.h"
#include "message.h"
#include "outbox.h"
#include "store.h"
#include "token.h"
#include "user.h"
#include "util.h"
#include "vntime.h"

char *
invite_url(const char *base, const char *token)
{
	return xasprintf("%s/app/password?token=%s", base, token);
}

char *
invite_mail_base(const struct config *cfg)
{
	size_t n;

	if (cfg->base_url == NULL || cfg->base_url[0] == '\0')
		return NULL;
	n = strlen(cfg->base_url);
	while (n > 0 && cfg->base_url[n - 1] == '/')
		n--;
	return xstrndup(cfg->base_url, n);
}

/* The text of the message in both bodies' forms. */
static void
bodies(const struct config *cfg, const struct user *u, const char *url,
    time_t now, struct buf *text, struct buf *html)
{
	const char *org = cfg->org_name ? cfg->org_name : "kyniem";
	struct buf until;
	int min;
	struct ymd d = vntime_day(now + USER_LINK_SECONDS, &min);

	buf_init(&until);
	vntime_format_when(d, min, LANG_VI, &until);
	buf_printf(text, "Chào %s,\n\nTài khoản của bạn trên trang lập kế "
	    "hoạch của %s đã sẵn sàng (vai trò: %s). Để đặt mật khẩu, mở "
	    "đường dẫn sau trước %s:\n\n%s\n\nNếu bạn không chờ thư này, "
	    "hãy bỏ qua nó.\n\n-- \n%s\n", u->name, org, user_role_name(u->role),
	    until.data, url, org);
	html_printf(html, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta "
	    "charset=\"utf-8\"></head><body>\n<p>Chào %s,</p>\n<p>Tài khoản "
	    "của bạn trên trang lập kế hoạch của %s đã sẵn sàng (vai trò: %s)."
	    " Để đặt mật khẩu, mở đường dẫn sau trước %s:</p>\n<p><a href=\""
	    "%s\">%s</a></p>\n<p>Nếu bạn không chờ thư này, hãy bỏ qua nó."
	    "</p>\n<hr><p>%s</p>\n</body></html>\n", u->name, org,
	    user_role_name(u->role), until.data, url, url, org);
	buf_release(&until);
}

/* Queue msg as the account's only pending link; 0 or -1. */
static int
queue(struct store *st, const struct user *u, const char *id,
    const char *subject, const struct buf *msg, const char *mid,
    time_t now)
{
	char prefix[48], *key = xasprintf("link:%ld:%.16s", u->id, id);
	int ret = -1;

	snprintf(prefix, sizeof(prefix), "link:%ld:", u->id);
	if (store_begin(st) == -1)
		goto done;
	if (outbox_forget(st, prefix, "replaced by a newer link",
	    (long)now) == -1 || outbox_add_expiring(st, key, u->email, mid,
	    subject, msg->data, msg->len, (long)now, (long)now +
	    USER_LINK_SECONDS) == -1) {
		store_rollback(st);
		goto done;
	}
	ret = store_commit(st);
done:
	free(key);
	return ret;
}

int
invite_queue(struct store *st, const struct config *cfg,
    const struct user *u, const char *url, time_t now)
{
	struct message m = { 0 };
	struct buf text, html, msg;
	const char *err;
	char *id = token_new();
	char *mid = xasprintf("invite.%s@%s", id, cfg->domain);
	int ret = -1;

	buf_init(&text);
	buf_init(&html);
	buf_init(&msg);
	bodies(cfg, u, url, now, &text, &html);
	m.from = cfg->smtp_from;
	m.from_name = cfg->org_name ? cfg->org_name : "kyniem";
	m.to = u->email;
	m.to_name = u->name;
	m.subject = "Đặt mật khẩu tài khoản kyniem";
	m.message_id = mid;
	m.date = now;
	m.text = text.data;
	m.html = html.data;
	if (message_build(&m, &msg, &err) == -1) {
		log_warnx("cannot write the message to '%s': %s", u->email, err);
		goto done;
	}
	ret = queue(st, u, id, m.subject, &msg, mid, now);
done:
	/* The link must not linger in memory longer than needed. */
	explicit_bzero(text.data, text.len);
	explicit_bzero(html.data, html.len);
	explicit_bzero(msg.data, msg.len);
	buf_release(&text);
	buf_release(&html);
	buf_release(&msg);
	free(id);
	free(mid);
	return ret;
}

/*
 * The index page: plain HTML with a small inline stylesheet, readable on a
 * phone and without JavaScript.  Feed links use the configured base URL;
 * the milestone lists come from the same engine as the feeds.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dataset.h"
#include "escape.h"
#include "log.h"
#include "lunar.h"
#include "output.h"
#include "page.h"
#include "vntime.h"

#define OUTLOOK_ADD	"https://outlook.live.com/calendar/0/addfromweb"
#define GOOGLE_ADD	"https://calendar.google.com/calendar/render"

/* The two languages' words, indexed by enum lang. */
static const struct words {
	const char *lang, *title, *intro, *feeds, *countries, *events,
	    *outlook, *google, *this_year, *next_days, *none, *other,
	    *other_href, *how;
} words[] = {
	[LANG_VI] = { "vi", "Lịch các ngày kỷ niệm",
	    "Đăng ký một lần bằng đường dẫn dưới đây, các ngày kỷ niệm sẽ "
	    "tự cập nhật trong Outlook, Thunderbird, Google Calendar hoặc "
	    "Apple Calendar.",
	    "Lịch để đăng ký", "Lịch theo quốc gia", "sự kiện",
	    "Thêm vào Outlook.com", "Thêm vào Google Calendar",
	    "Các ngày kỷ niệm năm chẵn, năm tròn năm ",
	    "90 ngày tới", "Không có.", "English", "index.en.html",
	    "Thunderbird và Apple Calendar: dùng đường dẫn webcal://; "
	    "Outlook trên máy tính: Thêm lịch → Từ Internet, dán đường dẫn "
	    "https://." },
	[LANG_EN] = { "en", "Anniversary calendars",
	    "Subscribe once with a link below and the anniversaries keep "
	    "themselves up to date in Outlook, Thunderbird, Google Calendar "
	    "or Apple Calendar.",
	    "Calendars to subscribe to", "Calendars by country", "events",
	    "Add to Outlook.com", "Add to Google Calendar",
	    "Milestone anniversaries in ",
	    "The next 90 days", "None.", "Tiếng Việt", "index.html",
	    "Thunderbird and Apple Calendar: use the webcal:// link; "
	    "desktop Outlook: Add calendar → From Internet, paste the "
	    "https:// link." },
};

static const char style[] =
	"body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;"
	"max-width:48em;padding:0 1em 2em;color:#1b1b1b}"
	"header{display:flex;justify-content:space-between;"
	"align-items:baseline;flex-wrap:wrap;border-bottom:3px solid #b3261e}"
	"h1{font-size:1.5em;margin:.6em 0}h2{font-size:1.2em;margin-top:1.6em}"
	"h3{font-size:1.05em;margin:0}"
	"ul{padding:0;list-style:none}li{margin:.8em 0}"
	".links a{display:inline-block;margin:.2em .6em .2em 0}"
	".meta{color:#555;font-size:.9em;margin:0}"
	"table{border-collapse:collapse;width:100%}"
	"td{border-top:1px solid #ddd;padding:.35em .4em;vertical-align:top}"
	"td.d{white-space:nowrap;color:#555}"
	"details{margin-top:1.6em}summary{font-weight:bold;cursor:pointer}"
	"a{color:#0b57d0}";

/* The feed's https:// (or http://) and webcal:// addresses. */
static void
feed_urls(const char *base, const char *name, char **web, char **webcal)
{
	const char *rest = strstr(base, "://");

	*web = xasprintf("%s/calendars/%s.ics", base, name);
	*webcal = xasprintf("webcal://%s/calendars/%s.ics",
	    rest != NULL ? rest + 3 : base, name);
}

static void
feed_links(struct buf *b, const struct words *w, const char *web,
    const char *webcal, const char *title)
{
	struct buf q;

	buf_init(&q);
	html_printf(b, "<p class=\"links\"><a class=\"feed\" href=\"%s\">"
	    "webcal://</a><a class=\"feed\" href=\"%s\">%s</a>", webcal, web,
	    strncmp(web, "https:", 6) == 0 ? "https://" : "http://");
	buf_puts(&q, OUTLOOK_ADD "?url=");
	esc_url(&q, web);
	buf_puts(&q, "&name=");
	esc_url(&q, title);
	html_printf(b, "<a class=\"add\" href=\"%s\">%s</a>", q.data,
	    w->outlook);
	q.len = 0;
	buf_puts(&q, GOOGLE_ADD "?cid=");
	esc_url(&q, webcal);
	html_printf(b, "<a class=\"add\" href=\"%s\">%s</a></p>\n", q.data,
	    w->google);
	buf_release(&q);
}

static void
feed_item(struct buf *b, const struct words *w, const struct page_in *in,
    size_t i)
{
	const struct config_feed *f = in->defs->v[i].conf;
	const char *title = f->title != NULL ? f->title : f->name;
	char *web, *webcal;

	feed_urls(in->base_url, in->defs->v[i].name, &web, &webcal);
	html_printf(b, "<li><h3>%s</h3><p class=\"meta\">", title);
	if (f->description != NULL)
		html_printf(b, "%s · ", f->description);
	html_printf(b, "%zu %s</p>\n", in->nevents[i], w->events);
	feed_links(b, w, web, webcal, title);
	buf_puts(b, "</li>\n");
	free(web);
	free(webcal);
}

static void
feed_lists(struct buf *b, const struct words *w, const struct page_in *in)
{
	size_t i;
	int country;

	html_printf(b, "<h2>%s</h2>\n<ul>\n", w->feeds);
	for (i = 0; i < in->defs->n; i++)
		if (in->defs->v[i].own == NULL &&
		    in->defs->v[i].conf->token == NULL)
			feed_item(b, w, in, i);
	html_printf(b, "</ul>\n<details><summary>%s</summary>\n<ul>\n",
	    w->countries);
	for (i = 0; i < in->defs->n; i++) {
		country = in->defs->v[i].own != NULL;
		if (country)
			feed_item(b, w, in, i);
	}
	buf_puts(b, "</ul>\n</details>\n");
}

/* Milestone occurrences of [from, to] as a table. */
static int
milestones(struct buf *b, const struct words *w, const struct page_in *in,
    enum lang lang, struct ymd from, struct ymd to)
{
	const struct feed_ctx *ctx = in->ctx;
	struct occ_list l = { 0 };
	struct buf t;
	size_t i, shown = 0;

	if (rules_occurrences(&ctx->cfg->rules, ctx->lunar, ctx->data->set.v,
	    ctx->data->set.n, from, to, &l) == -1) {
		log_warnx("page: a lunar date is outside %d-%d",
		    LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		return -1;
	}
	buf_init(&t);
	buf_puts(b, "<table>\n");
	for (i = 0; i < l.n; i++) {
		if (!rules_is_milestone(&ctx->cfg->rules, &l.v[i]))
			continue;
		t.len = 0;
		vntime_format_date(l.v[i].date, lang, &t);
		html_printf(b, "<tr><td class=\"d\">%s</td><td>", t.data);
		t.len = 0;
		rules_title(&l.v[i], lang, &t);
		html_printf(b, "%s</td></tr>\n", t.data);
		shown++;
	}
	if (shown == 0)
		html_printf(b, "<tr><td>%s</td></tr>\n", w->none);
	buf_puts(b, "</table>\n");
	buf_release(&t);
	occ_list_release(&l);
	return 0;
}

int
page_render(const struct page_in *in, enum lang lang, struct buf *out)
{
	const struct words *w = &words[lang];
	struct ymd today = in->ctx->today;
	struct ymd jan1 = { today.y, 1, 1 }, dec31 = { today.y, 12, 31 };
	struct ymd end = util_ymd_add_days(today, 90);
	struct buf a, b;

	html_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>%s</title>\n<style>", w->lang, w->title);
	html_raw(out, style);
	html_printf(out, "</style>\n</head>\n<body>\n"
	    "<header><h1>%s</h1><a href=\"%s\" hreflang=\"%s\">%s</a>"
	    "</header>\n<p>%s</p>\n<p class=\"meta\">%s</p>\n",
	    w->title, w->other_href, lang == LANG_VI ? "en" : "vi", w->other,
	    w->intro, w->how);
	feed_lists(out, w, in);
	html_printf(out, "<h2>%s%d</h2>\n", w->this_year, today.y);
	if (milestones(out, w, in, lang, jan1, dec31) == -1)
		return -1;
	buf_init(&a);
	buf_init(&b);
	vntime_format_date(today, lang, &a);
	vntime_format_date(end, lang, &b);
	html_printf(out, "<h2>%s (%s – %s)</h2>\n", w->next_days, a.data,
	    b.data);
	buf_release(&a);
	buf_release(&b);
	if (milestones(out, w, in, lang, today, end) == -1)
		return -1;
	buf_puts(out, "</body>\n</html>\n");
	return 0;
}

/*
 * The index page: plain HTML with a small inline stylesheet, readable on a
 * phone and without JavaScript.  Feed links use the configured base URL;
 * the milestone lists come from the same engine as the feeds.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "lunar.h"
#include "output.h"
#include "page.h"

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

static void
html(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s); break;
		}
	}
}

/* Percent-encode everything but RFC 3986's unreserved characters. */
static void
urlenc(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL)
			buf_putc(b, c);
		else
			buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

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
	buf_puts(b, "<p class=\"links\"><a class=\"feed\" href=\"");
	html(b, webcal);
	buf_puts(b, "\">webcal://</a><a class=\"feed\" href=\"");
	html(b, web);
	buf_printf(b, "\">%s</a>", strncmp(web, "https:", 6) == 0 ?
	    "https://" : "http://");
	buf_puts(b, "<a class=\"add\" href=\"" OUTLOOK_ADD "?url=");
	urlenc(b, web);
	buf_puts(b, "&amp;name=");
	urlenc(b, title);
	buf_printf(b, "\">%s</a><a class=\"add\" href=\"" GOOGLE_ADD "?cid=",
	    w->outlook);
	urlenc(b, webcal);
	buf_printf(b, "\">%s</a></p>\n", w->google);
}

static void
feed_item(struct buf *b, const struct words *w, const struct page_in *in,
    size_t i)
{
	const struct config_feed *f = in->defs->v[i].conf;
	const char *title = f->title != NULL ? f->title : f->name;
	char *web, *webcal;

	feed_urls(in->base_url, in->defs->v[i].name, &web, &webcal);
	buf_puts(b, "<li><h3>");
	html(b, title);
	buf_puts(b, "</h3><p class=\"meta\">");
	if (f->description != NULL) {
		html(b, f->description);
		buf_puts(b, " · ");
	}
	buf_printf(b, "%zu %s</p>\n", in->nevents[i], w->events);
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

	buf_printf(b, "<h2>%s</h2>\n<ul>\n", w->feeds);
	for (i = 0; i < in->defs->n; i++)
		if (in->defs->v[i].own == NULL &&
		    in->defs->v[i].conf->token == NULL)
			feed_item(b, w, in, i);
	buf_printf(b, "</ul>\n<details><summary>%s</summary>\n<ul>\n",
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
	size_t i, shown = 0;

	if (rules_occurrences(&ctx->cfg->rules, ctx->obs, ctx->nobs, from, to,
	    &l) == -1) {
		log_warnx("page: a lunar date is outside %d-%d",
		    LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		return -1;
	}
	buf_puts(b, "<table>\n");
	for (i = 0; i < l.n; i++) {
		if (!rules_is_milestone(&ctx->cfg->rules, &l.v[i]))
			continue;
		buf_puts(b, "<tr><td class=\"d\">");
		rules_format_date(l.v[i].date, lang, b);
		buf_puts(b, "</td><td>");
		{
			struct buf t;

			buf_init(&t);
			rules_title(&l.v[i], lang, &t);
			html(b, t.data != NULL ? t.data : "");
			buf_release(&t);
		}
		buf_puts(b, "</td></tr>\n");
		shown++;
	}
	if (shown == 0)
		buf_printf(b, "<tr><td>%s</td></tr>\n", w->none);
	buf_puts(b, "</table>\n");
	occ_list_release(&l);
	return 0;
}

int
page_render(const struct page_in *in, enum lang lang, struct buf *out)
{
	const struct words *w = &words[lang];
	struct ymd today = in->ctx->today;
	struct ymd jan1 = { today.y, 1, 1 }, dec31 = { today.y, 12, 31 };

	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n"
	    "<header><h1>%s</h1><a href=\"%s\" hreflang=\"%s\">%s</a>"
	    "</header>\n<p>%s</p>\n<p class=\"meta\">%s</p>\n",
	    w->lang, w->title, style, w->title, w->other_href,
	    lang == LANG_VI ? "en" : "vi", w->other, w->intro, w->how);
	feed_lists(out, w, in);
	buf_puts(out, "<h2>");
	buf_printf(out, "%s%d", w->this_year, today.y);
	buf_puts(out, "</h2>\n");
	if (milestones(out, w, in, lang, jan1, dec31) == -1)
		return -1;
	buf_printf(out, "<h2>%s (", w->next_days);
	rules_format_date(today, lang, out);
	buf_puts(out, " – ");
	rules_format_date(util_ymd_add_days(today, 90), lang, out);
	buf_puts(out, ")</h2>\n");
	if (milestones(out, w, in, lang, today, util_ymd_add_days(today, 90))
	    == -1)
		return -1;
	buf_puts(out, "</body>\n</html>\n");
	return 0;
}

/*
 * The index page: plain HTML with a small inline stylesheet, readable on a
 * phone and without JavaScript.  The union's own feed comes first, as the
 * one to subscribe to; the complete feeds follow.  Feed links use the
 * configured base URL (the English page links the English feeds under
 * /en/); countries come focus first, then in the language's collation
 * (collate.c); the milestone lists come from the same engine as the
 * feeds.
 */
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "config.h"
#include "dataset.h"
#include "escape.h"
#include "log.h"
#include "lunar.h"
#include "page.h"
#include "vntime.h"

#define OUTLOOK_ADD	"https://outlook.live.com/calendar/0/addfromweb"
#define M365_ADD	"https://outlook.office.com/calendar/0/addfromweb"
#define GOOGLE_ADD	"https://calendar.google.com/calendar/render"

/* The page's words, each once: Vietnamese, then English (indexed by
 * enum lang).  W_OTHER and W_OTHER_HREF name the other language's page. */
enum word {
	W_LANG, W_TITLE, W_INTRO, W_SUGGESTED, W_SUGGESTED_NOTE, W_FEEDS,
	W_COUNTRIES, W_EVENTS, W_OUTLOOK,
	W_M365, W_GOOGLE, W_THIS_YEAR, W_NEXT_DAYS, W_NONE, W_OTHER,
	W_OTHER_HREF, W_HOW, W_PREFIX, W_COLLATION, W_DAY_UNKNOWN,
	W_COUNT
};

static const char *const words[W_COUNT][2] = {
	[W_LANG] = { "vi", "en" },
	[W_TITLE] = { "Lịch các ngày kỷ niệm", "Anniversary calendars" },
	[W_INTRO] = { "Đăng ký một lần bằng đường dẫn dưới đây, các ngày kỷ "
	    "niệm sẽ tự cập nhật trong Outlook, Thunderbird, Google Calendar "
	    "hoặc Apple Calendar.",
	    "Subscribe once with a link below and the anniversaries keep "
	    "themselves up to date in Outlook, Thunderbird, Google Calendar "
	    "or Apple Calendar." },
	[W_SUGGESTED] = { "Lịch đề xuất: lịch của Liên hiệp",
	    "Suggested: the union's calendar" },
	[W_SUGGESTED_NOTE] = { "Nên đăng ký lịch này trước: các nước trọng "
	    "điểm, các mốc năm chẵn, năm tròn, ngày của địa phương và hoạt "
	    "động của Liên hiệp, không quá 4 sự kiện một ngày để lịch tháng "
	    "của Outlook, Thunderbird hiện đủ. Ngày nào nhiều hơn, lịch giữ "
	    "các sự kiện quan trọng nhất và ghi số sự kiện còn lại; các lịch "
	    "đầy đủ dưới đây có tất cả.",
	    "Subscribe to this one first: the focus countries, milestone "
	    "anniversaries, the union's own dates and its activities, at most "
	    "4 events a day so that the month view of Outlook or Thunderbird "
	    "shows them all. On a busier day it keeps the most important and "
	    "says how many more there are; the complete calendars below have "
	    "them all." },
	[W_FEEDS] = { "Các lịch đầy đủ", "The complete calendars" },
	[W_COUNTRIES] = { "Lịch theo quốc gia", "Calendars by country" },
	[W_EVENTS] = { "sự kiện", "events" },
	[W_OUTLOOK] = { "Thêm vào Outlook.com", "Add to Outlook.com" },
	[W_M365] = { "Thêm vào Microsoft 365", "Add to Microsoft 365" },
	[W_GOOGLE] = { "Thêm vào Google Calendar", "Add to Google Calendar" },
	[W_THIS_YEAR] = { "Các ngày kỷ niệm năm chẵn, năm tròn năm ",
	    "Milestone anniversaries in " },
	[W_NEXT_DAYS] = { "90 ngày tới", "The next 90 days" },
	[W_NONE] = { "Không có.", "None." },
	[W_OTHER] = { "English", "Tiếng Việt" },
	[W_OTHER_HREF] = { "index.en.html", "index.html" },
	[W_HOW] = { "Thunderbird và Apple Calendar: dùng đường dẫn webcal://; "
	    "Outlook trên máy tính: Thêm lịch → Từ Internet, dán đường dẫn "
	    "https://.",
	    "Thunderbird and Apple Calendar: use the webcal:// link; desktop "
	    "Outlook: Add calendar → From Internet, paste the https:// link." },
	[W_PREFIX] = { "", "/en" },
	[W_COLLATION] = { "vi", "en" },
	[W_DAY_UNKNOWN] = { "chưa rõ ngày", "day unknown" },
};

/* Term id in language lang. */
static const char *
word(enum lang lang, enum word id)
{
	return words[id][lang];
}

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

/* The feed's https:// (or http://) and webcal:// addresses; prefix is
 * "/en" for the English feeds. */
static void
feed_urls(const char *base, const char *prefix, const char *name,
    char **web, char **webcal)
{
	const char *rest = strstr(base, "://");

	*web = xasprintf("%s%s/calendars/%s.ics", base, prefix, name);
	*webcal = xasprintf("webcal://%s%s/calendars/%s.ics",
	    rest != NULL ? rest + 3 : base, prefix, name);
}

/* An "add from the web" link of Outlook.com or Microsoft 365. */
static void
outlook_link(struct buf *b, const char *add, const char *web,
    const char *title, const char *label)
{
	struct buf q;

	buf_init(&q);
	buf_puts(&q, add);
	buf_puts(&q, "?url=");
	esc_url(&q, web);
	buf_puts(&q, "&name=");
	esc_url(&q, title);
	html_printf(b, "<a class=\"add\" href=\"%s\">%s</a>", q.data, label);
	buf_release(&q);
}

static void
feed_links(struct buf *b, enum lang lang, const char *web,
    const char *webcal, const char *title)
{
	struct buf q;

	buf_init(&q);
	html_printf(b, "<p class=\"links\"><a class=\"feed\" href=\"%s\">"
	    "webcal://</a><a class=\"feed\" href=\"%s\">%s</a>", webcal, web,
	    strncmp(web, "https:", 6) == 0 ? "https://" : "http://");
	outlook_link(b, OUTLOOK_ADD, web, title, word(lang, W_OUTLOOK));
	outlook_link(b, M365_ADD, web, title, word(lang, W_M365));
	buf_puts(&q, GOOGLE_ADD "?cid=");
	esc_url(&q, webcal);
	html_printf(b, "<a class=\"add\" href=\"%s\">%s</a></p>\n", q.data,
	    word(lang, W_GOOGLE));
	buf_release(&q);
}

static void
feed_item(struct buf *b, const struct page_in *in,
    enum lang lang, size_t i)
{
	struct config_feed f;
	const char *title, *desc;
	char *web, *webcal;

	feed_in_lang(in->defs->v[i].conf, lang == LANG_EN ? LANG_EN :
	    in->defs->v[i].conf->lang, &f);
	title = feed_title(&f);
	desc = feed_description(&f);
	feed_urls(in->base_url, word(lang, W_PREFIX), in->defs->v[i].name, &web,
	    &webcal);
	html_printf(b, "<li><h3>%s</h3><p class=\"meta\">", title);
	if (desc != NULL)
		html_printf(b, "%s · ", desc);
	html_printf(b, "%zu %s</p>\n", in->nevents[i], word(lang, W_EVENTS));
	feed_links(b, lang, web, webcal, title);
	buf_puts(b, "</li>\n");
	free(web);
	free(webcal);
}

/* A country feed of the list and what it sorts by. */
struct country_item {
	size_t def;
	const char *name;	/* its title in the page's language */
};

static const char *
country_key(const void *elem)
{
	return ((const struct country_item *)elem)->name;
}

/*
 * The country feeds in the page's order: the union's focus countries
 * first, as configured, then the others by the language's collation
 * (ICU: "Afghanistan" before "Các Tiểu vương quốc Ả Rập Thống nhất").
 */
static size_t
country_order(const struct page_in *in, enum lang lang,
    size_t *order)
{
	const char *focus = in->ctx->cfg->focus, *p;
	struct country_item *v = xcalloc(in->defs->n + 1, sizeof(*v));
	struct config_feed f;
	size_t i, n = 0, k = 0;

	for (i = 0; i < in->defs->n; i++) {
		if (in->defs->v[i].own == NULL)
			continue;
		feed_in_lang(in->defs->v[i].conf, lang, &f);
		v[n].def = i;
		v[n++].name = feed_title(&f);
	}
	for (p = focus; p != NULL && p[0] == ',' && p[1] != '\0'; p += 3)
		for (i = 0; i < n; i++)
			if (strncmp(in->defs->v[v[i].def].own->countries, p + 1,
			    2) == 0 && v[i].name != NULL) {
				order[k++] = v[i].def;
				v[i].name = NULL;	/* listed */
			}
	collate_sort(word(lang, W_COLLATION), v, n, sizeof(*v), country_key);
	for (i = 0; i < n; i++)
		if (v[i].name != NULL)
			order[k++] = v[i].def;
	free(v);
	return k;
}

static void
feed_lists(struct buf *b, const struct page_in *in,
    enum lang lang)
{
	size_t *order = xcalloc(in->defs->n + 1, sizeof(*order));
	size_t i, n;

	/* The union's own feed first, when anyone may read it. */
	for (i = n = 0; i < in->defs->n; i++)
		if (in->defs->v[i].conf->suggested &&
		    in->defs->v[i].conf->token == NULL) {
			if (n++ == 0)
				html_printf(b, "<h2>%s</h2>\n<p class=\"meta\">"
				    "%s</p>\n<ul class=\"suggested\">\n",
				    word(lang, W_SUGGESTED),
				    word(lang, W_SUGGESTED_NOTE));
			feed_item(b, in, lang, i);
		}
	if (n > 0)
		buf_puts(b, "</ul>\n");
	html_printf(b, "<h2>%s</h2>\n<ul>\n", word(lang, W_FEEDS));
	for (i = 0; i < in->defs->n; i++)
		if (in->defs->v[i].own == NULL &&
		    in->defs->v[i].conf->token == NULL &&
		    !in->defs->v[i].conf->suggested)
			feed_item(b, in, lang, i);
	html_printf(b, "</ul>\n<details><summary>%s</summary>\n<ul>\n",
	    word(lang, W_COUNTRIES));
	n = country_order(in, lang, order);
	for (i = 0; i < n; i++)
		feed_item(b, in, lang, order[i]);
	buf_puts(b, "</ul>\n</details>\n");
	free(order);
}

/* One row of a milestone table. */
static void
milestone_row(struct buf *b, const struct occurrence *oc, enum lang lang,
    struct buf *t)
{
	t->len = 0;
	rules_format_date(oc, lang, t);
	if (oc->precision != PREC_DAY)
		buf_printf(t, " (%s)", word(lang, W_DAY_UNKNOWN));
	html_printf(b, "<tr><td class=\"d\">%s</td><td>", t->data);
	t->len = 0;
	rules_title(oc, lang, t);
	rules_unverified(oc->obs, lang, t);
	html_printf(b, "%s</td></tr>\n", t->data);
}

/* Milestone occurrences of [from, to] as a table; with a whole year, the
 * milestones of rows known only to the year too, last. */
static int
milestones(struct buf *b, const struct page_in *in,
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
	if (from.m == 1 && from.d == 1 && to.y == from.y && to.m == 12 &&
	    to.d == 31)
		rules_undated(ctx->data->set.v, ctx->data->set.n, from.y, &l);
	buf_init(&t);
	buf_puts(b, "<table>\n");
	for (i = 0; i < l.n; i++) {
		if (!rules_is_milestone(&ctx->cfg->rules, &l.v[i]))
			continue;
		milestone_row(b, &l.v[i], lang, &t);
		shown++;
	}
	if (shown == 0)
		html_printf(b, "<tr><td>%s</td></tr>\n", word(lang, W_NONE));
	buf_puts(b, "</table>\n");
	buf_release(&t);
	occ_list_release(&l);
	return 0;
}

int
page_render(const struct page_in *in, enum lang lang, struct buf *out)
{
	struct ymd today = in->ctx->today;
	struct ymd jan1 = { today.y, 1, 1 }, dec31 = { today.y, 12, 31 };
	struct ymd end = util_ymd_add_days(today, 90);
	struct buf a, b;

	html_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>%s</title>\n<style>", word(lang, W_LANG),
	    word(lang, W_TITLE));
	html_raw(out, style);
	html_printf(out, "</style>\n</head>\n<body>\n"
	    "<header><h1>%s</h1><a href=\"%s\" hreflang=\"%s\">%s</a>"
	    "</header>\n<p>%s</p>\n<p class=\"meta\">%s</p>\n",
	    word(lang, W_TITLE), word(lang, W_OTHER_HREF),
	    lang == LANG_VI ? "en" : "vi", word(lang, W_OTHER),
	    word(lang, W_INTRO), word(lang, W_HOW));
	feed_lists(out, in, lang);
	html_printf(out, "<h2>%s%d</h2>\n", word(lang, W_THIS_YEAR), today.y);
	if (milestones(out, in, lang, jan1, dec31) == -1)
		return -1;
	buf_init(&a);
	buf_init(&b);
	vntime_format_date(today, lang, &a);
	vntime_format_date(end, lang, &b);
	html_printf(out, "<h2>%s (%s – %s)</h2>\n", word(lang, W_NEXT_DAYS),
	    a.data, b.data);
	buf_release(&a);
	buf_release(&b);
	if (milestones(out, in, lang, today, end) == -1)
		return -1;
	buf_puts(out, "</body>\n</html>\n");
	return 0;
}

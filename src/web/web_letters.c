/*
 * Thư chúc mừng: the year's congratulation letters (letter.c) by
 * occasion, a page of occasions at a time, for a country and in a
 * language if asked (the options of `kyniem letters`), each draft to
 * download as .docx or Markdown and all of them as one .docx (a letter a
 * page), whether the occasion's letters were sent, and for editors the
 * button that records them as sent (the activity `kyniem letters sent`
 * records).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "contact.h"
#include "escape.h"
#include "letter.h"
#include "text.h"
#include "lunar.h"
#include "store.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"

/* Letters are due this many days ahead (as the digest lists them). */
#define DUE_DAYS	30
/* The page starts at the letters of this many days ahead. */
#define AHEAD_DAYS	60

/* What the page is asked for: ?country=CC&lang=vi|en, as the command
 * line's --country and --lang. */
struct asked {
	char country[3];	/* "" all the config's */
	int langs;		/* LETTER_VI, LETTER_EN; 0 the config's */
	int en_dropped;		/* English asked, but no name_en */
	const char *refused_vi, *refused_en;	/* why no letters */
};

/* 1 if contact c is a mission. */
static int
is_mission(const struct contact *c)
{
	return contact_kind_index(c->kind) < CONTACT_MISSIONS;
}

/* Read ?country= and ?lang=: 0, or 1 for a country that is no code of
 * calendars/ (a 404). */
static int
asked_read(struct web_req *r, struct asked *a)
{
	const char *cc = http_req_query(r->hr, "country");
	const char *lang = http_req_query(r->hr, "lang");
	int wants_en;

	memset(a, 0, sizeof(*a));
	if (lang != NULL && strcmp(lang, "vi") == 0)
		a->langs = LETTER_VI;
	else if (lang != NULL && strcmp(lang, "en") == 0)
		a->langs = LETTER_EN;
	if (cc != NULL && *cc != '\0') {
		if (strlen(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' ||
		    cc[1] < 'A' || cc[1] > 'Z' ||
		    store_country_exists(r->st, cc) != 1)
			return 1;
		memcpy(a->country, cc, 3);
	}
	/* English letters need the union's English name: without it, the
	 * Vietnamese ones and a word why. */
	wants_en = a->langs == LETTER_EN || (a->langs == 0 &&
	    r->cfg->letters_english != NULL && *r->cfg->letters_english);
	if (wants_en && (r->cfg->org_name_en == NULL ||
	    *r->cfg->org_name_en == '\0')) {
		a->en_dropped = 1;
		if (a->langs == LETTER_EN) {
			a->refused_vi = "Thư tiếng Anh cần tên tiếng Anh của "
			    "Liên hiệp: khai báo name_en trong mục "
			    "[organisation] của tệp cấu hình.";
			a->refused_en = "English letters need the union's "
			    "English name: set name_en in [organisation] of "
			    "the configuration.";
		}
		a->langs = LETTER_VI;
	}
	return 0;
}

/* 1 if the country asked for has a mission to write to, else 0 (and the
 * reason in a); -1 on error. */
static int
has_mission(struct web_req *r, struct asked *a)
{
	struct contact_list cl;
	size_t i;
	int found = 0;

	if (a->country[0] == '\0')
		return 1;
	if (contact_load(r->st, a->country, &cl) == -1)
		return -1;
	for (i = 0; i < cl.n && !found; i++)
		found = is_mission(&cl.v[i]);
	contact_list_release(&cl);
	if (!found) {
		a->refused_vi = "Danh bạ chưa có cơ quan đại diện nào của nước "
		    "này.";
		a->refused_en = "The contacts have no mission of this country.";
	}
	return found;
}

/* The query of the asked options for a link ("?country=JP&lang=en",
 * "" when none), after sep ('?' or '&'). */
static void
asked_query(const struct asked *a, char sep, struct buf *out)
{
	if (a->country[0] != '\0') {
		buf_printf(out, "%ccountry=%s", sep, a->country);
		sep = '&';
	}
	if (a->langs != 0 && !a->en_dropped)
		buf_printf(out, "%clang=%s", sep, a->langs == LETTER_EN ?
		    "en" : "vi");
}

/* The year's letters as asked; 0 or -1 (logged, a template's error
 * included). */
static int
build(struct web_req *r, struct ymd from, struct ymd to,
    const struct asked *a, struct letter_list *out)
{
	struct letter_input in;

	memset(&in, 0, sizeof(in));
	memset(out, 0, sizeof(*out));
	if (a->refused_vi != NULL)
		return 0;
	in.st = r->st;
	in.cfg = r->cfg;
	in.data = r->data;
	in.lunar = r->lunar;
	in.from = from;
	in.to = to;
	in.country = a->country[0] != '\0' ? a->country : NULL;
	in.langs = a->langs;
	return letter_build(&in, out);
}

/* The addressees of one occasion, each with its downloads. */
static void
addressees(struct web_req *r, const struct letter *l, size_t n,
    const char *query)
{
	size_t i;

	html_raw(r->out, "<ul class=\"addressees\">");
	for (i = 0; i < n; i++)
		html_printf(r->out, "<li>%s%s <a href=\"%s/app/letters/%s."
		    "docx%s\">Word</a> · <a href=\"%s/app/letters/%s.md%s\">"
		    "Markdown</a></li>",
		    l[i].salutation, l[i].lang == LANG_EN ? " (English)" : "",
		    r->root, l[i].name, query, r->root, l[i].name, query);
	html_raw(r->out, "</ul>");
}

/* 1 if the whole year is asked for (?when=all). */
static int
whole_year(struct web_req *r)
{
	const char *when = http_req_query(r->hr, "when");

	return when != NULL && strcmp(when, "all") == 0;
}

/* "Đánh dấu đã gửi" asks first, without JavaScript: it opens to say
 * what will be recorded, with the real button inside. */
static void
confirm_sent(struct web_req *r, const struct letter *l, const char *action)
{
	html_printf(r->out, "<details class=\"confirm\"><summary>%s"
	    "</summary><p>%s %s?</p>", L(r, "Đánh dấu đã gửi", "Mark as sent"),
	    L(r, "Ghi nhận đã gửi thư chúc mừng", "Record as sent the letters "
	    "for"), l->title[r->lang]);
	ui_button(r, action, L(r, "Xác nhận đã gửi", "Confirm: sent"), NULL,
	    NULL);
	html_raw(r->out, "</details>");
}

/* One occasion's row: date, title (and, for staff, how sure its date
 * is: never in the letter), addressees, state. */
static void
occasion_row(struct web_req *r, const struct letter *l, size_t n,
    const char *query)
{
	const struct observance *o = obs_set_find(&r->data->set, l->key);
	long left = vntime_days_between(r->today, l->date);
	int sent = letter_sent(&r->data->acts, l->key, l->date,
	    r->cfg->domain);
	struct buf action, enc;

	buf_init(&action);
	buf_init(&enc);
	html_raw(r->out, "<tr><td>");
	ui_date(r, l->date);
	html_printf(r->out, "</td><td>%s", l->title[r->lang]);
	if (o != NULL && rules_confidence(o) != CONF_CONFIRMED)
		html_printf(r->out, " <small>(%s)</small>",
		    ui_confidence(r, rules_confidence(o)));
	addressees(r, l, n, query);
	html_printf(r->out, "</td><td>%s", sent ? L(r, "Đã gửi", "Sent") :
	    left < 0 ? L(r, "Chưa ghi nhận đã gửi", "Not recorded as sent") :
	    left <= DUE_DAYS ? L(r, "Cần gửi", "Due") : L(r, "Chưa đến hạn",
	    "Not yet due"));
	if ((int)r->s.user.role >= ROLE_EDITOR) {
		esc_url(&enc, l->key);
		/* Back to the same list after: the whole year if asked. */
		buf_printf(&action, "/app/letters/%s?key=%s&year=%d%s", sent ?
		    "unsent" : "sent", enc.data, l->date.y, whole_year(r) ?
		    "&when=all" : "");
		if (sent && letter_marked(&r->data->acts, l->key, l->date.y,
		    r->cfg->domain) != 0)
			ui_button(r, action.data, L(r, "Hủy đánh dấu",
			    "Undo"), "secondary", NULL);
		else if (!sent)
			confirm_sent(r, l, action.data);
	}
	html_raw(r->out, "</td></tr>\n");
	buf_release(&action);
	buf_release(&enc);
}

/* The occasions of l (its letters come grouped by occasion): rows
 * [first, first + n) written to r when r is not NULL.  Returns how many
 * occasions there are. */
static long
occasions(const struct letter_list *l, struct web_req *r, long first,
    long n, const char *query)
{
	size_t i, j;
	long k = 0;

	for (i = 0; i < l->n; i = j, k++) {
		for (j = i + 1; j < l->n && strcmp(l->v[j].key, l->v[i].key) ==
		    0; j++)
			;
		if (r != NULL && k >= first && k < first + n)
			occasion_row(r, &l->v[i], j - i, query);
	}
	return k;
}

/* The choices of ?country=: the countries with a mission among the
 * contacts, by name, as "CODE", "Name (CODE)" pairs (the caller frees
 * the array and its strings). */
static char **
country_pairs(struct web_req *r)
{
	struct contact_list cl;
	const struct observance *o;
	char **v = xcalloc(3, sizeof(*v)), key[32];
	size_t i, n = 2;

	v[0] = xstrdup("");
	v[1] = xstrdup(L(r, "Theo cấu hình", "As configured"));
	if (contact_load(r->st, NULL, &cl) == -1)
		return v;
	/* contact_load() sorts by country: one pair each. */
	for (i = 0; i < cl.n; i++) {
		if (!is_mission(&cl.v[i]) || (n > 2 && strcmp(v[n - 2],
		    cl.v[i].country) == 0))
			continue;
		snprintf(key, sizeof(key), "national-day:%s", cl.v[i].country);
		o = obs_set_find(&r->data->set, key);
		v = xrealloc(v, (n + 3) * sizeof(*v));
		v[n++] = xstrdup(cl.v[i].country);
		v[n++] = xasprintf("%s (%s)", o != NULL && (r->lang == LANG_EN
		    ? o->country_en : o->country_vi) != NULL ? (r->lang ==
		    LANG_EN ? o->country_en : o->country_vi) : cl.v[i].country,
		    cl.v[i].country);
		v[n] = NULL;
	}
	contact_list_release(&cl);
	return v;
}

/* The form of the page's options: year, country, language. */
static void
options_form(struct web_req *r, int year, int all, const struct asked *a)
{
	const char *const whens[] = { "", L(r, "60 ngày tới (năm nay)",
	    "The next 60 days (this year)"), "all", L(r, "Cả năm", "The whole "
	    "year"), NULL };
	const char *const langs[] = { "", L(r, "Theo cấu hình",
	    "As configured"), "vi", L(r, "Tiếng Việt", "Vietnamese"), "en",
	    L(r, "Tiếng Anh", "English"), NULL };
	const char *lang = http_req_query(r->hr, "lang");
	char **countries = country_pairs(r);
	size_t i;

	html_printf(r->out, "<form class=\"filters\" method=\"get\" action="
	    "\"%s/app/letters\"><div class=\"field\"><label for=\"f-year\">"
	    "%s</label><input type=\"number\" id=\"f-year\" name=\"year\" "
	    "value=\"%d\"></div>", r->root, L(r, "Năm", "Year"), year);
	ui_select(r, "country", L(r, "Nước", "Country"),
	    (const char *const *)countries, a->country);
	ui_select(r, "lang", L(r, "Ngôn ngữ", "Language"), langs,
	    lang != NULL ? lang : "");
	ui_select(r, "when", L(r, "Thời gian", "When"), whens,
	    all ? "all" : "");
	html_printf(r->out, "<button type=\"submit\">%s</button></form>\n",
	    L(r, "Xem", "Show"));
	for (i = 0; countries[i] != NULL; i++)
		free(countries[i]);
	free(countries);
}

/* The letters of l, a page of occasions at a time, or why there are
 * none; query carries the options into the links. */
static void
listing(struct web_req *r, const struct letter_list *l,
    const struct asked *a, int year, int all, const char *query)
{
	static const char *const keep[] = { "year", "country", "lang", "when",
	    NULL };
	struct ui_page pg;

	if (a->refused_vi != NULL)
		html_printf(r->out, "<p>%s</p>\n", L(r, a->refused_vi,
		    a->refused_en));
	else if (l->n == 0 && !all)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Không có thư nào "
		    "đến hạn trong 60 ngày tới.", "No letters are due in the next "
		    "60 days."));
	else if (l->n == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Không có thư nào "
		    "trong năm này.", "There are no letters this year."));
	else {
		/* The whole year's, whichever days the list shows. */
		html_printf(r->out, "<p><a class=\"button\" href=\"%s/app/"
		    "letters/%d-letters.docx%s\">%s %d — Word</a></p>\n",
		    r->root, year, query, L(r, "Tất cả thư chúc mừng năm",
		    "All the congratulation letters of"), year);
		ui_table_begin(r, 0, L(r, "Ngày", "Date"), L(r, "Dịp và nơi "
		    "nhận", "Occasion and addressees"), L(r, "Trạng thái",
		    "State"), NULL);
	}
	/* A page of occasions, each with all its letters. */
	ui_page_read(r, "page", &pg);
	ui_page_total(&pg, occasions(l, NULL, 0, 0, ""));
	occasions(l, r, pg.offset, pg.limit, query);
	if (l->n > 0)
		html_raw(r->out, "</tbody></table>\n");
	ui_pager(r, "/app/letters", keep, &pg);
}

/* Which letters the page lists: those due in the next AHEAD_DAYS days
 * (from today, over the new year too) unless the whole year is asked
 * (?when=all) or another year than this one; 1 for the whole year. */
static int
asked_range(struct web_req *r, int year, struct ymd *from, struct ymd *to)
{
	if (year != r->today.y || whole_year(r)) {
		*from = (struct ymd){ year, 1, 1 };
		*to = (struct ymd){ year, 12, 31 };
		return 1;
	}
	*from = r->today;
	*to = util_ymd_add_days(r->today, AHEAD_DAYS);
	return 0;
}

/* What the list holds, and the link to the rest of the year. */
static void
range_note(struct web_req *r, int year, int all, struct ymd from,
    struct ymd to, const char *query)
{
	html_raw(r->out, "<p class=\"range\">");
	if (all)
		html_printf(r->out, "%s %d.", L(r, "Các thư của cả năm",
		    "The letters of the whole year"), year);
	else {
		html_printf(r->out, "%s ", L(r, "Các thư đến hạn trong 60 ngày "
		    "tới, từ", "The letters due in the next 60 days, from"));
		ui_date(r, from);
		html_printf(r->out, " %s ", L(r, "đến", "to"));
		ui_date(r, to);
		html_raw(r->out, ".");
	}
	if (year == r->today.y)
		html_printf(r->out, " <a href=\"%s/app/letters%s%s%s\">%s</a>",
		    r->root, *query != '\0' ? query : "?", *query != '\0' ?
		    "&" : "", all ? "when=next" : "when=all", all ? L(r,
		    "Chỉ xem 60 ngày tới", "Only the next 60 days") : L(r,
		    "Xem cả năm, kể cả các thư đã qua", "The whole year, past "
		    "letters too"));
	html_raw(r->out, "</p>\n");
}

int
web_letters(struct web_req *r)
{
	struct letter_list l;
	struct asked a;
	struct buf query;
	struct ymd from, to;
	int year = ui_asked_year(r), all;

	if (asked_read(r, &a) == 1)
		return web_error(r, 404, "Không có nước này.",
		    "There is no such country.");
	all = asked_range(r, year, &from, &to);
	if (has_mission(r, &a) == -1 || build(r, from, to, &a, &l) == -1)
		return web_error(r, 500, "Không soạn được thư: hãy xem nhật ký "
		    "của máy chủ (mẫu thư trong tệp cấu hình).", "The letters "
		    "could not be drafted: see the server's log (the letter "
		    "templates of the configuration).");
	buf_init(&query);
	asked_query(&a, '?', &query);
	ui_begin(r, L(r, "Thư chúc mừng", "Congratulation letters"),
	    "letters");
	ui_flash(r);
	html_printf(r->out, "<p>%s <a href=\"%s/app/contacts\">%s</a>.</p>\n",
	    L(r, "Thư chúc mừng Quốc khánh và ngày thiết lập quan hệ ngoại "
	    "giao (năm chẵn, năm tròn) gửi các cơ quan đại diện trong",
	    "Letters for the national days and the milestone anniversaries "
	    "of relations to the missions of the"), r->root,
	    L(r, "danh bạ", "contacts"));
	options_form(r, year, all, &a);
	if (a.en_dropped && a.refused_vi == NULL)
		html_printf(r->out, "<p class=\"error\" role=\"alert\">%s"
		    "</p>\n", L(r, "Chưa có thư tiếng Anh: khai báo tên tiếng "
		    "Anh của Liên hiệp (name_en trong mục [organisation] của "
		    "tệp cấu hình).",
		    "No English letters: set the union's English name (name_en "
		    "in [organisation] of the configuration)."));
	range_note(r, year, all, from, to, query.data != NULL ? query.data :
	    "");
	html_raw(r->out, "<div class=\"letters-list\">");
	listing(r, &l, &a, year, all, query.data != NULL ? query.data : "");
	html_raw(r->out, "</div>\n");
	ui_end(r);
	letter_list_release(&l);
	buf_release(&query);
	return 0;
}

/* "2024-national-day_LA-embassy_LA-vi.docx": the year, the stem's length
 * and the format; -1 when it is no letter's name. */
static int
parse_name(const char *name, int *year, size_t *stem, enum doc_format *fmt)
{
	const char *dot = strrchr(name, '.');
	char num[5];
	long y;

	if (dot == NULL || strlen(name) < 6 || name[4] != '-')
		return -1;
	memcpy(num, name, 4);
	num[4] = '\0';
	if (util_parse_int(num, LUNAR_MIN_YEAR, LUNAR_MAX_YEAR - 1, &y) == -1 ||
	    doc_parse_format(dot + 1, fmt) == -1 || (*fmt != DOC_MD && *fmt !=
	    DOC_DOCX))
		return -1;
	*year = (int)y;
	*stem = (size_t)(dot - name);
	return 0;
}

int
web_letter_file(struct web_req *r)
{
	struct letter_list l;
	struct asked a;
	enum doc_format fmt;
	char all[16];
	size_t stem, i;
	int year, ret = 1;

	if (parse_name(r->arg, &year, &stem, &fmt) == -1 ||
	    asked_read(r, &a) == 1)
		return web_error(r, 404, "Không có thư này.",
		    "There is no such letter.");
	if (has_mission(r, &a) == -1 || build(r, (struct ymd){ year, 1, 1 },
	    (struct ymd){ year, 12, 31 }, &a, &l) == -1)
		return -1;
	/* "2024-letters.docx": every letter asked for, one a page. */
	snprintf(all, sizeof(all), "%d-letters", year);
	if (strlen(all) == stem && strncmp(r->arg, all, stem) == 0) {
		if (l.n > 0)
			ret = letter_render_many(l.v, l.n, r->cfg, fmt, r->out);
	} else {
		for (i = 0; i < l.n; i++)
			if (strlen(l.v[i].name) == stem &&
			    strncmp(l.v[i].name, r->arg, stem) == 0)
				break;
		if (i < l.n)
			ret = letter_render(&l.v[i], r->cfg, fmt, r->out);
	}
	if (ret == 0) {
		/* The name is a letter's: letters, digits, '-', '_', '.'. */
		web_attachment(r, fmt == DOC_MD ? "text/markdown; "
		    "charset=utf-8" : doc_content_type(fmt), r->arg);
	}
	letter_list_release(&l);
	if (ret == 1)
		return web_error(r, 404, "Không có thư này.",
		    "There is no such letter.");
	return ret;
}

/* The occasion a mark names, ?key=KEY&year=YEAR, into *key and *year:
 * 0, or -1 when the query names none (the caller answers 404). */
static int
occasion_query(struct web_req *r, const char **key, int *year)
{
	const char *ys = http_req_query(r->hr, "year");
	long y;

	*key = http_req_query(r->hr, "key");
	if (*key == NULL || ys == NULL || util_parse_int(ys, LUNAR_MIN_YEAR,
	    LUNAR_MAX_YEAR - 1, &y) == -1 || text_check(*key, TEXT_KEY_MAX,
	    TEXT_REQUIRED, NULL) == -1)
		return -1;
	*year = (int)y;
	return 0;
}

static int
no_occasion(struct web_req *r)
{
	return web_error(r, 404, "Không có dịp này.",
	    "There is no such occasion.");
}

/* After a mark was saved: back to the letters of year. */
static int
back_to_letters(struct web_req *r, int year)
{
	struct buf to;
	int rc;

	buf_init(&to);
	buf_printf(&to, "/app/letters?year=%d%s", year, whole_year(r) ?
	    "&when=all" : "");
	web_dirty(r);
	rc = web_redirect_flash(r, to.data, "saved", NULL);
	buf_release(&to);
	return rc;
}

int
web_letter_sent(struct web_req *r)
{
	const char *key;
	struct activity a;
	int rc, year;

	if (occasion_query(r, &key, &year) == -1)
		return no_occasion(r);
	if ((rc = letter_mark_sent(r->st, r->cfg, r->data, r->lunar, key,
	    year, r->today, r->s.user.email, r->now, &a)) != 0)
		return rc == 1 ? no_occasion(r) : web_unsaved(r);
	activity_release(&a);
	return back_to_letters(r, year);
}

int
web_letter_unsent(struct web_req *r)
{
	const char *key;
	int rc, year;

	if (occasion_query(r, &key, &year) == -1)
		return no_occasion(r);
	if ((rc = letter_mark_unsent(r->st, &r->data->acts, r->cfg->domain,
	    key, year, r->s.user.email, r->now)) != 0)
		return rc == 1 ? web_error(r, 404, "Thư của dịp này chưa được "
		    "đánh dấu đã gửi.", "The letters of this occasion are not "
		    "marked as sent.") : web_unsaved(r);
	return back_to_letters(r, year);
}

/*
 * Thư chúc mừng: the year's congratulation letters (letter.c) by
 * occasion, a page of occasions at a time, each draft to download as
 * .docx or Markdown, whether the occasion's letters were sent, and for
 * editors the button that records them as sent (the activity `kyniem
 * letters sent` records).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "escape.h"
#include "letter.h"
#include "text.h"
#include "lunar.h"
#include "ui.h"
#include "user.h"
#include "vntime.h"
#include "web.h"
#include "web_pages.h"

/* Letters are due this many days ahead (as the digest lists them). */
#define DUE_DAYS	30

/* The year's letters; 0 or -1 (logged, a template's error included). */
static int
build(struct web_req *r, int year, struct letter_list *out)
{
	struct letter_input in;

	memset(&in, 0, sizeof(in));
	in.st = r->st;
	in.cfg = r->cfg;
	in.data = r->data;
	in.lunar = r->lunar;
	in.from.y = in.to.y = year;
	in.from.m = in.from.d = 1;
	in.to.m = 12;
	in.to.d = 31;
	return letter_build(&in, out);
}

/* The addressees of one occasion, each with its downloads. */
static void
addressees(struct web_req *r, const struct letter *l, size_t n)
{
	size_t i;

	html_raw(r->out, "<ul>");
	for (i = 0; i < n; i++)
		html_printf(r->out, "<li>%s%s <a href=\"%s/app/letters/%s."
		    "docx\">docx</a> · <a href=\"%s/app/letters/%s.md\">md</a>"
		    "</li>",
		    l[i].salutation, l[i].lang == LANG_EN ? " (English)" : "",
		    r->root, l[i].name, r->root, l[i].name);
	html_raw(r->out, "</ul>");
}

/* One occasion's row: date, title, addressees, state. */
static void
occasion_row(struct web_req *r, const struct letter *l, size_t n)
{
	long left = vntime_days_between(r->today, l->date);
	int sent = letter_sent(&r->data->acts, l->key, l->date,
	    r->cfg->domain);
	struct buf action, enc;

	buf_init(&action);
	buf_init(&enc);
	html_raw(r->out, "<tr><td>");
	ui_date(r, l->date);
	html_printf(r->out, "</td><td>%s", l->title[r->lang]);
	addressees(r, l, n);
	html_printf(r->out, "</td><td>%s", sent ? L(r, "Đã gửi", "Sent") :
	    left < 0 ? L(r, "Chưa ghi nhận đã gửi", "Not recorded as sent") :
	    left <= DUE_DAYS ? L(r, "Cần gửi", "Due") : L(r, "Chưa đến hạn",
	    "Not yet due"));
	if (!sent && (int)r->s.user.role >= ROLE_EDITOR) {
		esc_url(&enc, l->key);
		buf_printf(&action, "/app/letters/sent?key=%s&year=%d",
		    enc.data, l->date.y);
		html_raw(r->out, " ");
		ui_button(r, action.data, L(r, "Đánh dấu đã gửi",
		    "Mark as sent"), "secondary", NULL);
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
    long n)
{
	size_t i, j;
	long k = 0;

	for (i = 0; i < l->n; i = j, k++) {
		for (j = i + 1; j < l->n && strcmp(l->v[j].key, l->v[i].key) ==
		    0; j++)
			;
		if (r != NULL && k >= first && k < first + n)
			occasion_row(r, &l->v[i], j - i);
	}
	return k;
}

int
web_letters(struct web_req *r)
{
	static const char *const keep[] = { "year", NULL };
	struct letter_list l;
	struct ui_page pg;
	int year = ui_asked_year(r);

	if (build(r, year, &l) == -1)
		return web_error(r, 500, "Không soạn được thư: hãy xem nhật ký "
		    "của máy chủ (mẫu thư trong tệp cấu hình).", "The letters "
		    "could not be drafted: see the server's log (the letter "
		    "templates of the configuration).");
	ui_begin(r, L(r, "Thư chúc mừng", "Congratulation letters"),
	    "letters");
	ui_flash(r);
	html_printf(r->out, "<p>%s <a href=\"%s/app/contacts\">%s</a>.</p>\n",
	    L(r, "Thư chúc mừng quốc khánh và ngày thiết lập quan hệ ngoại "
	    "giao gửi các cơ quan đại diện trong", "Letters for the national "
	    "days and relation anniversaries to the missions of the"), r->root,
	    L(r, "danh bạ", "contacts"));
	html_printf(r->out, "<form class=\"filters\" method=\"get\" action=\"%s"
	    "/app/letters\"><div class=\"field\"><label for=\"f-year\">%s"
	    "</label><input type=\"number\" id=\"f-year\" name=\"year\" "
	    "value=\"%d\"></div><button type=\"submit\">%s</button></form>\n",
	    r->root, L(r, "Năm", "Year"), year, L(r, "Xem", "Show"));
	if (l.n == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Không có thư nào "
		    "trong năm này.", "There are no letters this year."));
	else
		ui_table_begin(r, 0, L(r, "Ngày", "Date"), L(r, "Dịp và nơi "
		    "nhận", "Occasion and addressees"), L(r, "Trạng thái",
		    "State"), NULL);
	/* A page of occasions, each with all its letters. */
	ui_page_read(r, "page", &pg);
	ui_page_total(&pg, occasions(&l, NULL, 0, 0));
	occasions(&l, r, pg.offset, pg.limit);
	if (l.n > 0)
		html_raw(r->out, "</tbody></table>\n");
	ui_pager(r, "/app/letters", keep, &pg);
	ui_end(r);
	letter_list_release(&l);
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
	enum doc_format fmt;
	char disp[200];
	size_t stem, i;
	int year, ret = 1;

	if (parse_name(r->arg, &year, &stem, &fmt) == -1)
		return web_error(r, 404, "Không có thư này.",
		    "There is no such letter.");
	if (build(r, year, &l) == -1)
		return -1;
	for (i = 0; i < l.n; i++)
		if (strlen(l.v[i].name) == stem && strncmp(l.v[i].name, r->arg,
		    stem) == 0)
			break;
	if (i < l.n && (ret = letter_render(&l.v[i], r->cfg, fmt, r->out)) ==
	    0) {
		r->rs->ctype = fmt == DOC_MD ? "text/markdown; charset=utf-8" :
		    doc_content_type(fmt);
		/* The name is a letter's: letters, digits, '-', '_', '.'. */
		snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"",
		    r->arg);
		http_resp_header(r->rs, "Content-Disposition", disp);
	}
	letter_list_release(&l);
	if (ret == 1)
		return web_error(r, 404, "Không có thư này.",
		    "There is no such letter.");
	return ret;
}

int
web_letter_sent(struct web_req *r)
{
	const char *key = http_req_query(r->hr, "key");
	const char *ys = http_req_query(r->hr, "year");
	struct activity a;
	struct buf to;
	long year;
	int rc;

	if (key == NULL || ys == NULL || util_parse_int(ys, LUNAR_MIN_YEAR,
	    LUNAR_MAX_YEAR - 1, &year) == -1 || text_check(key, TEXT_KEY_MAX,
	    TEXT_REQUIRED, NULL) == -1)
		return web_error(r, 404, "Không có dịp này.",
		    "There is no such occasion.");
	if ((rc = letter_mark_sent(r->st, r->cfg, r->data, r->lunar, key,
	    (int)year, r->today, r->s.user.email, r->now, &a)) != 0)
		return rc == 1 ? web_error(r, 404, "Không có dịp này.",
		    "There is no such occasion.") : web_unsaved(r);
	buf_init(&to);
	buf_printf(&to, "/app/letters?year=%ld", year);
	web_dirty(r);
	rc = web_redirect_flash(r, to.data, "saved", NULL);
	activity_release(&a);
	buf_release(&to);
	return rc;
}

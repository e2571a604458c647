/*
 * Tìm kiếm: /app/search?q= over activities, occasions, countries and
 * contacts, blind to marks and case ("nhat ban" finds "Nhật Bản") through
 * the thread's folded index (search.h); every group a page (50 rows) at a
 * time, newest activities first.  The box is in every page's header
 * (ui.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "contact.h"
#include "contact_sel.h"
#include "escape.h"
#include "log.h"
#include "search.h"
#include "text.h"
#include "ui.h"
#include "web.h"
#include "web_pages.h"

/* Characters of a query; more is cut (a search, not a document). */
#define QUERY_MAX	200

/* The query's words and what it matched. */
struct found {
	struct search_query sq;
	uint64_t *acts;		/* the bits of the matching activities */
	size_t nacts;		/* how many */
	size_t *obs, nobs;	/* of r->data->set */
	size_t *cty, ncty;	/* of r->data->set: the first observance
				   of each matching country */
	size_t *con, ncon;	/* of the index's contacts */
	const struct search_index *ix;
};

/*
 * The rows of texts (n of them) that match into v, *nv of them: those
 * with the query's words in a row first, each part in the order of
 * step (1: as indexed, -1: the other way).
 */
static void
find_rows(const struct search_query *sq, char *const *texts, size_t n,
    int step, size_t *v, size_t *nv)
{
	size_t i, k;
	int pass;

	*nv = 0;
	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < n; k++) {
			i = step > 0 ? k : n - 1 - k;
			if (!search_match(sq, texts[i]) || search_phrase(sq,
			    texts[i]) != (pass == 0))
				continue;
			v[(*nv)++] = i;
		}
}

/* The activities through the index's words: a search reads only the
 * texts of the page it shows, not 100,000 of them. */
static void
find_activities(const struct search_index *ix, struct found *f)
{
	f->acts = xcalloc(word_index_set_words(&ix->words),
	    sizeof(*f->acts));
	f->nacts = search_activities(ix, &f->sq, f->acts);
}

static void
find_occasions(const struct search_index *ix, struct found *f)
{
	size_t i, n;

	f->obs = xcalloc(ix->nobs + 1, sizeof(*f->obs));
	find_rows(&f->sq, ix->obs, ix->nobs, 1, f->obs, &f->nobs);
	f->cty = xcalloc(ix->ncty + 1, sizeof(*f->cty));
	find_rows(&f->sq, ix->cty_text, ix->ncty, 1, f->cty, &n);
	/* Rows of the countries' list to their first observances. */
	for (i = 0; i < n; i++)
		f->cty[i] = ix->cty[f->cty[i]];
	f->ncty = n;
	f->con = xcalloc(ix->contacts.n + 1, sizeof(*f->con));
	find_rows(&f->sq, ix->contact_text, ix->contacts.n, 1, f->con,
	    &f->ncon);
}

static void
found_release(struct found *f)
{
	search_query_release(&f->sq);
	free(f->acts);
	free(f->obs);
	free(f->cty);
	free(f->con);
}

/* A group's heading with its count, and its page of rows to show. */
static void
group_begin(struct web_req *r, const char *id, const char *vi,
    const char *en, size_t n, const char *param, struct ui_page *pg)
{
	ui_page_read(r, param, pg);
	ui_page_total(pg, (long)n);
	html_printf(r->out, "<section aria-labelledby=\"%s\"><h2 id=\"%s\">"
	    "%s (%zu)</h2>\n", id, id, L(r, vi, en), n);
}

static void
group_end(struct web_req *r, const struct ui_page *pg)
{
	static const char *const all[] = { "q", "page", "opage", "cpage",
	    "kpage", NULL };

	ui_pager(r, "/app/search", all, pg);
	html_raw(r->out, "</section>\n");
}

static void
show_activities(struct web_req *r, const struct found *f)
{
	const struct activity *a;
	size_t rows[UI_PAGE_ROWS], i, n = 0;
	struct ui_page pg;

	group_begin(r, "acts", "Hoạt động", "Activities", f->nacts, "page",
	    &pg);
	if (f->nacts > 0) {
		n = search_activities_page(f->ix, &f->sq, f->acts, f->nacts,
		    (size_t)pg.offset, (size_t)pg.limit, rows);
		ui_table_begin(r, 1 << 0, L(r, "Ngày", "Date"),
		    L(r, "Hoạt động", "Activity"), NULL);
	}
	for (i = 0; i < n; i++) {
		a = &r->data->acts.v[rows[i]];
		html_printf(r->out, "<tr class=\"status-%s\"><td "
		    "class=\"date\">", activity_status_name(a->status));
		ui_when(r, a);
		html_printf(r->out, "</td><td><a href=\"%s/app/activities/"
		    "%ld\">%s</a> <span class=\"badge\">%s</span></td></tr>\n",
		    r->root, a->id, a->title, ui_status(r, a->status));
	}
	if (f->nacts > 0)
		html_raw(r->out, "</tbody></table>\n");
	group_end(r, &pg);
}

static void
show_occasions(struct web_req *r, const struct found *f)
{
	const struct observance *o;
	struct ui_page pg;
	long i;

	group_begin(r, "occasions", "Dịp kỷ niệm", "Occasions", f->nobs,
	    "opage", &pg);
	if (f->nobs > 0)
		html_raw(r->out, "<ul class=\"found\">\n");
	for (i = pg.offset; i < pg.offset + pg.limit && i < (long)f->nobs;
	    i++) {
		o = r->data->set.v[f->obs[i]];
		html_raw(r->out, "<li>");
		ui_occasion(r, o);
		html_printf(r->out, " <span class=\"muted\">%s</span></li>\n",
		    ui_kind(r, o->kind));
	}
	if (f->nobs > 0)
		html_raw(r->out, "</ul>\n");
	group_end(r, &pg);
}

static void
show_countries(struct web_req *r, const struct found *f)
{
	const struct observance *o;
	struct ui_page pg;
	long i;

	group_begin(r, "countries", "Nước", "Countries", f->ncty, "cpage",
	    &pg);
	if (f->ncty > 0)
		html_raw(r->out, "<ul class=\"found\">\n");
	for (i = pg.offset; i < pg.offset + pg.limit && i < (long)f->ncty;
	    i++) {
		o = r->data->set.v[f->cty[i]];
		html_printf(r->out, "<li><strong>%s</strong>: <a href=\"%s/"
		    "app/activities?year=&amp;country=%s\">%s</a> · <a "
		    "href=\"%s/app/contacts?country=%s\">%s</a></li>\n",
		    L(r, o->country_vi, o->country_en), r->root, o->country,
		    L(r, "các hoạt động", "activities"), r->root, o->country,
		    L(r, "danh bạ", "contacts"));
	}
	if (f->ncty > 0)
		html_raw(r->out, "</ul>\n");
	group_end(r, &pg);
}

static void
show_contacts(struct web_req *r, const struct found *f)
{
	const struct contact *c;
	struct ui_page pg;
	struct buf enc;
	long i;

	group_begin(r, "contacts", "Danh bạ", "Contacts", f->ncon, "kpage",
	    &pg);
	if (f->ncon > 0)
		html_raw(r->out, "<ul class=\"found\">\n");
	for (i = pg.offset; i < pg.offset + pg.limit && i < (long)f->ncon;
	    i++) {
		c = &f->ix->contacts.v[f->con[i]];
		buf_init(&enc);
		if (r->s.user.role >= ROLE_ADMIN) {
			buf_puts(&enc, "edit?key=");
			esc_url(&enc, c->key);
		} else
			buf_printf(&enc, "?country=%s", c->country);
		html_printf(r->out, "<li><a href=\"%s/app/contacts%s\">%s</a> "
		    "<span class=\"muted\">%s%s%s</span></li>\n", r->root,
		    enc.data, L(r, c->name_vi, c->name_en),
		    contact_kind_label(c->kind, r->lang == LANG_EN),
		    c->city != NULL && *c->city ? ", " : "", c->city != NULL ?
		    c->city : "");
		buf_release(&enc);
	}
	if (f->ncon > 0)
		html_raw(r->out, "</ul>\n");
	group_end(r, &pg);
}

/* The query as asked: valid text of at most QUERY_MAX characters, else
 * "" with *bad set. */
static const char *
asked_query(struct web_req *r, int *bad)
{
	const char *q = http_req_query(r->hr, "q");

	*bad = 0;
	if (q == NULL)
		return "";
	if (text_check(q, QUERY_MAX, 0, NULL) == -1) {
		*bad = 1;
		return "";
	}
	return q;
}

int
web_search(struct web_req *r)
{
	const struct search_index *ix;
	struct found f;
	const char *q;
	int bad;

	memset(&f, 0, sizeof(f));
	q = asked_query(r, &bad);
	if ((ix = web_search_index(r)) == NULL)
		return -1;
	search_query_init(&f.sq, q);
	f.ix = ix;
	if (f.sq.n > 0) {
		find_activities(ix, &f);
		find_occasions(ix, &f);
	}
	ui_begin(r, L(r, "Tìm kiếm", "Search"), "search");
	if (bad)
		html_printf(r->out, "<p class=\"errors\" role=\"alert\">"
		    "%s</p>\n", L(r, "Nội dung tìm kiếm không hợp lệ hoặc dài "
		    "quá 200 ký tự.", "The search text is not valid or longer "
		    "than 200 characters."));
	if (f.sq.n == 0)
		html_printf(r->out, "<p>%s</p>\n", L(r, "Gõ tên hoạt động, "
		    "dịp kỷ niệm, nước hoặc cơ quan vào ô Tìm kiếm; có dấu hay "
		    "không dấu đều được (\"nhat ban\" tìm thấy \"Nhật "
		    "Bản\").", "Type "
		    "the name of an activity, an occasion, a country or a "
		    "contact in the Search box; marks and capitals do not "
		    "matter."));
	else {
		html_printf(r->out, "<p>%s <strong>%s</strong></p>\n",
		    L(r, "Kết quả tìm kiếm cho", "Results for"), q);
		show_activities(r, &f);
		show_occasions(r, &f);
		show_countries(r, &f);
		show_contacts(r, &f);
	}
	ui_end(r);
	found_release(&f);
	return 0;
}

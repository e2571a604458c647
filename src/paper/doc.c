/*
 * A document in the layout of Decree 30/2020/NĐ-CP, Appendix I: the
 * header (the union's name over the number, the national motto over the
 * place-and-date line), kind and title, the body, then the recipients and
 * signature blocks.  The blocks are kept as given and rendered per format
 * here; Markdown, HTML and XML escaping is escape.c's, the zip docx.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "config.h"
#include "doc.h"
#include "docx.h"
#include "escape.h"
#include "log.h"
#include "pdf.h"
#include "util.h"
#include "vntime.h"

/* Six no-break spaces: room for the number, kept by every format. */
#define NUMBER_BLANK	"\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0"

/* The header table may reach this far into each margin (8 mm). */
#define HEAD_OUT	454

enum block_type { B_HEADING, B_PARA, B_SALUTATION, B_BULLET, B_NUMBERED,
    B_TODO, B_TABLE, B_END, B_BREAK, B_APPENDIX };

struct block {
	enum block_type type;
	int level;
	char *text;
	size_t ncols, nrows;	/* B_TABLE: cells; B_END: nrows recipients */
	char **cells;
	int *widths;
};

/* Lines printed one under the other, each never broken. */
struct lines {
	char **v;
	size_t n;
};

struct doc {
	enum lang lang;
	int party;		/* DOC_NUMBER_PARTY */
	int appendix_only;	/* doc_new_appendix(): no header, no end */
	/* The header's lines, written once in doc_new(). */
	struct lines parent, name;
	char *number, *summary, *dateline;
	char *kind, *title;
	char *signer, *signer_title;
	char *first_line;
	/* "(Kèm theo Kế hoạch số …/KH-LHHN ngày … của …)" for appendices */
	char *attached;
	size_t nappendix;
	struct block *v;
	size_t n, cap;
};

/* The document's terms, each once: Vietnamese, then English (indexed by
 * enum lang). */
enum word {
	W_MOTTO, W_MOTTO2, W_NUMBER, W_NUMBER_PARTY, W_RECIPIENTS, W_FILE,
	W_OFFICE_COPY, W_NAME, W_APPENDIX,
	/* "(Kèm theo ", kind, " số ", number, " ngày ", date, " của ", org,
	 * ")" */
	W_ATTACHED, W_ATTACHED_NO, W_ATTACHED_DATED, W_ATTACHED_OF,
	W_ATTACHED_END,
	W_COUNT
};

static const char *const words[W_COUNT][2] = {
	[W_MOTTO] = { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	    "SOCIALIST REPUBLIC OF VIET NAM" },
	[W_MOTTO2] = { "Độc lập - Tự do - Hạnh phúc",
	    "Independence - Freedom - Happiness" },
	[W_NUMBER] = { "Số:", "No.:" },
	[W_NUMBER_PARTY] = { "Số", "No." },
	[W_RECIPIENTS] = { "Nơi nhận:", "Recipients:" },
	/* "Lưu: VT." as Vietnamese documents in English write it. */
	[W_FILE] = { "Lưu: VT.", "Filed: Office." },
	[W_OFFICE_COPY] = { "Lưu", "Filed" },
	[W_NAME] = { "Liên hiệp các tổ chức hữu nghị",
	    "Union of Friendship Organizations" },
	[W_APPENDIX] = { "Phụ lục", "Appendix" },
	[W_ATTACHED] = { "(Kèm theo ", "(Attached to " },
	[W_ATTACHED_NO] = { " số ", " No. " },
	[W_ATTACHED_DATED] = { " ngày ", " dated " },
	[W_ATTACHED_OF] = { " của ", " of the " },
	[W_ATTACHED_END] = { ")", ")" },
};

/* The kinds of document by their symbol (Decree 30/2020/NĐ-CP, Phụ lục
 * III), as a sentence names them. */
static const struct kind_name {
	const char *symbol, *vi, *en;
} kind_names[] = {
	{ .symbol = "BC", .vi = "Báo cáo", .en = "Report" },
	{ .symbol = "CTr", .vi = "Chương trình", .en = "Programme" },
	{ .symbol = "CV", .vi = "Công văn", .en = "Letter" },
	{ .symbol = "KH", .vi = "Kế hoạch", .en = "Plan" },
	{ .symbol = "QĐ", .vi = "Quyết định", .en = "Decision" },
	{ .symbol = "TB", .vi = "Thông báo", .en = "Notice" },
};

/* Term id in language lang. */
static const char *
word(enum lang lang, enum word id)
{
	return words[id][lang];
}

static const char *
or_default(const char *s, const char *def)
{
	return s != NULL && *s != '\0' ? s : def;
}

void
org_from_config(const struct config *cfg, struct org *out)
{
	memset(out, 0, sizeof(*out));
	out->parent = or_default(cfg->org_parent, NULL);
	out->name = or_default(cfg->org_name, word(LANG_VI, W_NAME));
	out->name_en = or_default(cfg->org_name_en,
	    word(LANG_EN, W_NAME));
	out->abbrev = or_default(cfg->org_abbrev, "LHHN");
	out->place = or_default(cfg->org_place, or_default(cfg->org_province,
	    NULL));
	out->signer = or_default(cfg->org_signer, NULL);
	out->signer_title = or_default(cfg->org_signer_title, "CHỦ TỊCH");
	out->signer_title_en = or_default(cfg->org_signer_title_en,
	    "PRESIDENT");
	out->name_lines = or_default(cfg->org_name_lines, NULL);
	out->number_style = cfg->org_number_party ? DOC_NUMBER_PARTY :
	    DOC_NUMBER_STATE;
}

/* s in capitals, or NULL for NULL or "". */
static char *
upper(const char *s, enum lang lang)
{
	struct buf b;

	if (s == NULL || *s == '\0')
		return NULL;
	buf_init(&b);
	collate_upper(lang == LANG_EN ? "en" : "vi", s, &b);
	return buf_detach(&b);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

static void
lines_add(struct lines *l, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = xstrndup(s, len);
}

static void
lines_release(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* The space of s nearest its middle, or NULL. */
static const char *
middle_space(const char *s)
{
	const char *mid = s + strlen(s) / 2, *p, *best = NULL;

	for (p = strchr(s, ' '); p != NULL; p = strchr(p + 1, ' '))
		if (p > s && (best == NULL || (p > mid ? p - mid : mid - p) <
		    (best > mid ? best - mid : mid - best)))
			best = p;
	return best;
}

/*
 * The lines of caps (a name in capitals): split where the config put '|';
 * without one, a name wider than room (twips at flags) is broken once,
 * before its last "TỈNH" or "THÀNH PHỐ" so that no name is cut in two,
 * else (an English name) at the space nearest its middle.
 */
static void
lines_split(struct lines *l, const char *caps, int flags, int room)
{
	static const char *const at[] = { " TỈNH ", " THÀNH PHỐ " };
	const char *p, *cut = NULL;
	size_t k;

	memset(l, 0, sizeof(*l));
	if (caps == NULL)
		return;
	if (strchr(caps, '|') != NULL) {
		for (p = caps; (k = strcspn(p, "|")), 1; p += k + 1) {
			lines_add(l, p, k);
			if (p[k] == '\0')
				break;
		}
		return;
	}
	if (docx_text_width(caps, flags) > room) {
		for (k = 0; k < NELEM(at); k++)
			for (p = caps; (p = strstr(p, at[k])) != NULL; p++)
				if (p > caps && (cut == NULL || p > cut))
					cut = p;
		if (cut == NULL)
			cut = middle_space(caps);
	}
	if (cut == NULL) {
		lines_add(l, caps, strlen(caps));
		return;
	}
	lines_add(l, caps, (size_t)(cut - caps));
	lines_add(l, cut, strlen(cut));
}

/* "Khánh Hòa, ngày 15 tháng 12 năm 2023"; "Khanh Hoa, 15 December
 * 2023", the place folded to ASCII as English texts write it. */
static char *
dateline(const struct org *org, enum lang lang, struct ymd date)
{
	struct buf b, place;

	buf_init(&b);
	buf_init(&place);
	if (org->place != NULL && lang == LANG_EN)
		collate_ascii(org->place, &place);
	else if (org->place != NULL)
		buf_puts(&place, org->place);
	vntime_format_dateline(place.data, date, lang, &b);
	buf_release(&place);
	return buf_detach(&b);
}

/* The number and symbol with a blank for the number: "…/KH-LHHN" in the
 * state's style, "…-KH/LHHN" in the party's. */
static char *
code(const struct org *org, const struct doc_head *h)
{
	const char *sym = or_default(h->symbol, NULL);
	const char *abbrev = or_default(org->abbrev, "LHHN");

	if (sym == NULL)
		return xasprintf(NUMBER_BLANK "/%s", abbrev);
	if (org->number_style == DOC_NUMBER_PARTY)
		return xasprintf(NUMBER_BLANK "-%s/%s", sym, abbrev);
	return xasprintf(NUMBER_BLANK "/%s-%s", sym, abbrev);
}

/* "(Kèm theo Kế hoạch số …/KH-LHHN ngày 15/12/2023 của Liên hiệp …)" */
static char *
attached(const struct org *org, enum lang lang, const struct doc_head *h,
    const char *num)
{
	const char *kind = h->kind != NULL ? h->kind : "";
	struct buf b;
	size_t k;

	for (k = 0; h->symbol != NULL && k < NELEM(kind_names); k++)
		if (strcmp(h->symbol, kind_names[k].symbol) == 0)
			kind = lang == LANG_EN ? kind_names[k].en :
			    kind_names[k].vi;
	buf_init(&b);
	buf_printf(&b, "%s%s%s%s%s", word(lang, W_ATTACHED), kind,
	    word(lang, W_ATTACHED_NO), num, word(lang, W_ATTACHED_DATED));
	if (h->date.y != 0 && h->date.m != 0)
		vntime_format_date(h->date, lang, &b);
	else
		buf_puts(&b, NUMBER_BLANK);
	buf_printf(&b, "%s%s%s", word(lang, W_ATTACHED_OF), lang == LANG_EN ?
	    or_default(org->name_en, org->name) : org->name,
	    word(lang, W_ATTACHED_END));
	return buf_detach(&b);
}

/* The widest the header's left block may be: half the widest table. */
#define HEAD_HALF	((DOCX_TEXT_W + 2 * HEAD_OUT) / 2 - DOCX_CELL_PAD)

struct doc *
doc_new(const struct org *org, enum lang lang, const struct doc_head *h)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	char *s, *num = code(org, h);

	d->lang = lang;
	d->party = org->number_style == DOC_NUMBER_PARTY;
	/* The parent body has no English name of its own. */
	s = lang == LANG_EN ? NULL : upper(org->parent, lang);
	lines_split(&d->parent, s, DOCX_SMALL, HEAD_HALF);
	free(s);
	s = upper(lang == LANG_EN ? or_default(org->name_en, org->name) :
	    or_default(org->name_lines, org->name), lang);
	if (s == NULL)
		s = upper(word(lang, W_NAME), lang);
	lines_split(&d->name, s, DOCX_SMALL | DOCX_BOLD, HEAD_HALF);
	free(s);
	d->number = xasprintf("%s %s", word(lang, d->party ? W_NUMBER_PARTY :
	    W_NUMBER), num);
	d->summary = dup_or_null(h->summary);
	d->dateline = dateline(org, lang, h->date);
	d->kind = dup_or_null(h->kind);
	d->title = dup_or_null(h->title);
	d->signer = dup_or_null(org->signer);
	d->signer_title = upper(lang == LANG_EN ? or_default(
	    org->signer_title_en, org->signer_title) : org->signer_title, lang);
	/* " số …/KH-LHHN": lower case inside the sentence. */
	d->attached = attached(org, lang, h, num);
	free(num);
	return d;
}

struct doc *
doc_new_appendix(const struct org *org, enum lang lang,
    const struct doc_head *h, const char *title)
{
	struct doc *d = doc_new(org, lang, h);

	d->appendix_only = 1;
	doc_appendix(d, title);
	return d;
}

static void
block_release(struct block *b)
{
	size_t k, n = b->type == B_TABLE ? b->ncols * b->nrows : b->nrows;

	free(b->text);
	for (k = 0; b->cells != NULL && k < n; k++)
		free(b->cells[k]);
	free(b->cells);
	free(b->widths);
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		block_release(&d->v[i]);
	free(d->v);
	lines_release(&d->parent);
	lines_release(&d->name);
	free(d->number);
	free(d->summary);
	free(d->dateline);
	free(d->kind);
	free(d->title);
	free(d->signer);
	free(d->signer_title);
	free(d->first_line);
	free(d->attached);
	free(d);
}

static struct block *
add(struct doc *d, enum block_type type, int level, const char *text)
{
	struct block *b;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	b = &d->v[d->n++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	b->level = level;
	b->text = xstrdup(text != NULL ? text : "");
	return b;
}

void
doc_first_line(struct doc *d, const char *text)
{
	free(d->first_line);
	d->first_line = dup_or_null(text);
}

void
doc_heading(struct doc *d, int level, const char *text)
{
	add(d, B_HEADING, level < 1 ? 1 : level > 3 ? 3 : level, text);
}

void
doc_heading_next(struct doc *d, int *count, const char *text)
{
	static const char *const roman[] = { "I", "II", "III", "IV", "V",
	    "VI", "VII", "VIII", "IX", "X" };
	struct buf b;
	int n = *count < (int)NELEM(roman) ? *count : (int)NELEM(roman) - 1;

	buf_init(&b);
	buf_printf(&b, "%s. %s", roman[n], text);
	(*count)++;
	doc_heading(d, 1, b.data);
	buf_release(&b);
}

void
doc_para(struct doc *d, const char *text)
{
	add(d, B_PARA, 0, text);
}

/* The heading level a line of text l opens, 0 for none: "1. " one
 * below the section, "1.2. " and "a) " two below. */
static int
text_heading(const char *l, size_t len)
{
	size_t k = strspn(l, "0123456789");

	if (k > 0 && k + 1 < len && l[k] == '.' && l[k + 1] == ' ')
		return 1;
	if (k > 0 && l[k] == '.' && (k += 1 + strspn(l + k + 1,
	    "0123456789")) + 1 < len && l[k - 1] != '.' && l[k] == '.' &&
	    l[k + 1] == ' ')
		return 2;
	if (len > 3 && l[0] >= 'a' && l[0] <= 'z' && l[1] == ')' &&
	    l[2] == ' ')
		return 2;
	return 0;
}

void
doc_text(struct doc *d, int level, const char *text)
{
	const char *l, *e;
	char *line;
	size_t len;
	int h;

	for (l = text != NULL ? text : ""; *l != '\0'; l = *e ? e + 1 : e) {
		e = l + strcspn(l, "\n");
		len = (size_t)(e - l);
		while (len > 0 && strchr(" \t\r", *l) != NULL)
			l++, len--;
		while (len > 0 && strchr(" \t\r", l[len - 1]) != NULL)
			len--;
		if (len == 0)
			continue;
		line = xstrndup(l, len);
		if (len > 2 && (line[0] == '-' || line[0] == '+') &&
		    line[1] == ' ')
			doc_bullet(d, line[0] == '+', line + 2 +
			    strspn(line + 2, " \t"));
		else if ((h = text_heading(line, len)) > 0)
			doc_heading(d, level + h, line);
		else
			doc_para(d, line);
		free(line);
	}
}

void
doc_salutation(struct doc *d, const char *text)
{
	add(d, B_SALUTATION, 0, text);
}

void
doc_bullet(struct doc *d, int level, const char *text)
{
	add(d, B_BULLET, level > 0, text);
}

void
doc_numbered(struct doc *d, int level, const char *text)
{
	add(d, B_NUMBERED, level > 0, text);
}

void
doc_page_break(struct doc *d)
{
	add(d, B_BREAK, 0, NULL);
}

void
doc_todo(struct doc *d, const char *text)
{
	add(d, B_TODO, 0, text);
}

void
doc_appendix(struct doc *d, const char *title)
{
	add(d, B_APPENDIX, 0, title);
	d->nappendix++;
}

void
doc_table(struct doc *d, size_t ncols, size_t nrows, char *const *cells,
    const int *widths)
{
	struct block *b;
	size_t k;

	if (ncols == 0 || nrows == 0)
		return;
	b = add(d, B_TABLE, 0, NULL);
	b->ncols = ncols;
	b->nrows = nrows;
	b->cells = xcalloc(ncols * nrows, sizeof(*b->cells));
	for (k = 0; k < ncols * nrows; k++)
		b->cells[k] = xstrdup(cells[k] != NULL ? cells[k] : "");
	b->widths = xcalloc(ncols, sizeof(*b->widths));
	for (k = 0; k < ncols; k++)
		b->widths[k] = widths != NULL ? widths[k] : (int)(100 / ncols);
}

/* 1 if s[0..len) begins with word and a colon. */
static int
labelled(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);

	return len > n && strncmp(s, word, n) == 0 && s[n] == ':';
}

/* The recipient s as the list prints it: "X;", the office's copy "Lưu:
 * VT." as given; 1 if it is the office's copy. */
static int
recipient(enum lang lang, const char *s, size_t len, char **out)
{
	while (len > 0 && s[len - 1] == ';')
		len--;
	/* English lists written before "Filed:" say "File:". */
	if (labelled(s, len, word(lang, W_OFFICE_COPY)) || (lang == LANG_EN &&
	    labelled(s, len, "File"))) {
		*out = xasprintf("%.*s%s", (int)len, s, s[len - 1] == '.' ?
		    "" : ".");
		return 1;
	}
	*out = xasprintf("%.*s;", (int)len, s);
	return 0;
}

/* The "Nơi nhận" block of the n entries of v (each with its length). */
static void
end_block(struct doc *d, const char *const *v, const size_t *len, size_t n)
{
	struct block *b = add(d, B_END, 0, NULL);
	size_t k;
	int office = 0;

	/* "X;" each, then the office's copy that ends the list; the
	 * formats put the "- " before each. */
	b->cells = xcalloc(n + 1, sizeof(*b->cells));
	for (k = 0; k < n; k++)
		office |= recipient(d->lang, v[k], len[k],
		    &b->cells[b->nrows++]);
	if (!office)
		b->cells[b->nrows++] = xstrdup(word(d->lang, W_FILE));
}

void
doc_end(struct doc *d, const char *const *recipients, size_t n)
{
	size_t *len = xcalloc(n + 1, sizeof(*len)), k;

	for (k = 0; k < n; k++)
		len[k] = strlen(recipients[k]);
	end_block(d, recipients, len, n);
	free(len);
}

void
doc_end_list(struct doc *d, const char *list)
{
	const char **v = NULL;
	size_t *len = NULL, n = 0, k;
	const char *p = list != NULL ? list : "";

	for (;;) {
		k = strcspn(p, ";");
		while (k > 0 && (*p == ' ' || *p == '\t'))
			p++, k--;
		if (k >= 2 && p[0] == '-' && p[1] == ' ')
			p += 2, k -= 2;
		while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\t'))
			k--;
		if (k > 0) {
			v = xrealloc(v, (n + 1) * sizeof(*v));
			len = xrealloc(len, (n + 1) * sizeof(*len));
			v[n] = p;
			len[n++] = k;
		}
		p += strcspn(p, ";");
		if (*p++ == '\0')
			break;
	}
	end_block(d, v, len, n);
	free(v);
	free(len);
}

const char *
doc_content_type(enum doc_format fmt)
{
	switch (fmt) {
	case DOC_MD:
		return "text/markdown; charset=utf-8";
	case DOC_HTML:
	case DOC_HTML_FRAGMENT:
		return "text/html; charset=utf-8";
	case DOC_PDF:
		return "application/pdf";
	case DOC_CSV:
		return "text/csv; charset=utf-8";
	case DOC_DOCX:
		break;
	}
	return "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document";
}

static const char *const format_names[] = {
	[DOC_MD] = "md",
	[DOC_HTML] = "html",
	[DOC_HTML_FRAGMENT] = "html",
	[DOC_DOCX] = "docx",
	[DOC_PDF] = "pdf",
	[DOC_CSV] = "csv",
};

const char *
doc_format_ext(enum doc_format fmt)
{
	return (size_t)fmt < NELEM(format_names) ? format_names[fmt] : "";
}

int
doc_parse_format(const char *s, enum doc_format *out)
{
	size_t i;

	for (i = 0; i < NELEM(format_names); i++)
		if (i != DOC_HTML_FRAGMENT && strcmp(s, format_names[i]) == 0) {
			*out = (enum doc_format)i;
			return 0;
		}
	return -1;
}

/* "Phụ lục", or "Phụ lục II" for the kth (from 1) of several. */
static char *
appendix_label(const struct doc *d, size_t k)
{
	static const char *const roman[] = { "I", "II", "III", "IV", "V",
	    "VI", "VII", "VIII", "IX", "X" };
	const char *label = word(d->lang, W_APPENDIX);

	if (d->nappendix < 2 || k == 0 || k > NELEM(roman))
		return xstrdup(label);
	return xasprintf("%s %s", label, roman[k - 1]);
}

/* --- Markdown -------------------------------------------------------- */

static void
md_line(struct buf *b, const char *open, const char *text,
    const char *close)
{
	buf_puts(b, open);
	esc_md(b, text);
	buf_puts(b, close);
}

static void
md_head(const struct doc *d, struct buf *b)
{
	size_t i;

	if (d->first_line)
		md_line(b, "_", d->first_line, "_\n\n");
	/* Markdown has no columns: the left block, then the right one. */
	for (i = 0; i < d->parent.n; i++)
		md_line(b, "", d->parent.v[i], "  \n");
	for (i = 0; i < d->name.n; i++)
		md_line(b, "**", d->name.v[i], "**  \n");
	if (d->party)
		buf_puts(b, "\\*  \n");
	md_line(b, "", d->number, d->summary ? "  \n" : "\n");
	if (d->summary)
		md_line(b, "", d->summary, "\n");
	md_line(b, "\n**", word(d->lang, W_MOTTO), "**  \n");
	md_line(b, "**", word(d->lang, W_MOTTO2), "**\n");
	md_line(b, "\n_", d->dateline, "_\n");
	if (d->kind)
		md_line(b, "\n# ", d->kind, "\n");
	if (d->title)
		md_line(b, "\n**", d->title, "**\n");
}

static void
md_table(struct buf *b, const struct block *t)
{
	size_t r, k;

	for (r = 0; r < t->nrows; r++) {
		buf_puts(b, "|");
		for (k = 0; k < t->ncols; k++)
			md_line(b, " ", t->cells[r * t->ncols + k], " |");
		buf_putc(b, '\n');
		for (k = 0; r == 0 && k < t->ncols; k++)
			buf_puts(b, k == 0 ? "|---|" : "---|");
		if (r == 0)
			buf_putc(b, '\n');
	}
}

static void
md_end(const struct doc *d, const struct block *e, struct buf *b)
{
	size_t k;

	md_line(b, "**", word(d->lang, W_RECIPIENTS), "**\n\n");
	for (k = 0; k < e->nrows; k++)
		md_line(b, "- ", e->cells[k], "\n");
	if (d->signer_title)
		md_line(b, "\n**", d->signer_title, "**\n");
	/* No signer: the line stays empty for the one who signs. */
	if (d->signer)
		md_line(b, "\n**", d->signer, "**\n");
}

/* The appendix's heading: label, title, the line naming the document. */
static void
md_appendix(const struct doc *d, const struct block *p, size_t k,
    struct buf *b)
{
	char *label = appendix_label(d, k), *title = upper(p->text, d->lang);

	if (k > 1 || !d->appendix_only)
		buf_puts(b, "---\n\n");
	md_line(b, "**", label, "**\n");
	if (title)
		md_line(b, "\n**", title, "**\n");
	md_line(b, "\n_", d->attached, "_\n");
	free(label);
	free(title);
}

/* One block; *num counts the numbered items, *k the appendices. */
static void
md_block(const struct doc *d, const struct block *p, int *num, size_t *k,
    struct buf *b)
{
	static const char *const hashes[] = { "", "## ", "### ", "#### " };

	switch (p->type) {
	case B_HEADING:
		md_line(b, hashes[p->level], p->text, "\n");
		break;
	case B_PARA:
	case B_SALUTATION:
		md_line(b, "", p->text, "\n");
		break;
	case B_BULLET:
		md_line(b, p->level ? "  - " : "- ", p->text, "\n");
		break;
	case B_NUMBERED:
		buf_printf(b, "%s%d. ", p->level ? "   " : "", ++num[p->level]);
		md_line(b, "", p->text, "\n");
		break;
	case B_TODO:
		md_line(b, "_", p->text, "_\n");
		break;
	case B_TABLE:
		md_table(b, p);
		break;
	case B_END:
		if (!d->appendix_only)
			md_end(d, p, b);
		break;
	case B_BREAK:
		buf_puts(b, "---\n");
		break;
	case B_APPENDIX:
		md_appendix(d, p, ++*k, b);
		break;
	}
}

static void
render_md(const struct doc *d, struct buf *b)
{
	const struct block *p;
	size_t i, k = 0;
	int num[2] = { 0, 0 };

	if (!d->appendix_only)
		md_head(d, b);
	for (i = 0; i < d->n; i++) {
		p = &d->v[i];
		if (p->type != B_NUMBERED)
			num[0] = num[1] = 0;
		else if (p->level == 0)
			num[1] = 0;
		if (!((p->type == B_BULLET || p->type == B_NUMBERED) &&
		    i > 0 && d->v[i - 1].type == p->type) &&
		    !(d->appendix_only && i == 0))
			buf_putc(b, '\n');
		md_block(d, p, num, &k, b);
	}
}

/* --- HTML ------------------------------------------------------------ */

/*
 * A self-contained page: no scripts, fonts or images to fetch, and print
 * rules for A4 with the docx's margins, the page number at the top from
 * page 2, appendices on a page of their own.  The lines under the name,
 * the motto and the title are drawn under a block that shrinks to its
 * text: 40% of it under the name and title, all of it under the motto.
 */
static const char html_style[] =
	"@page{size:A4;margin:22mm 17mm 22mm 32mm;"
	"@top-center{content:counter(page);font:13pt 'Times New Roman',"
	"Times,'Liberation Serif',serif}}"
	"@page:first{@top-center{content:none}}"
	"body{font-family:'Times New Roman',Times,'Liberation Serif',serif;"
	"font-size:13pt;line-height:1.15;max-width:161mm;margin:1.5em auto;"
	"padding:0 1em;color:#000;background:#fff}"
	"body>p,li{text-align:justify;margin:0 0 6pt;text-indent:1.27cm}"
	".first-line{text-align:right!important;text-indent:0!important;"
	"font-style:italic;font-size:12pt}"
	"table.layout{width:100%;border-collapse:collapse;margin:0 0 1em;"
	"font-size:12pt;line-height:1.2}"
	"table.head{width:calc(100% + 16mm);margin:0 -8mm 1em}"
	"table.layout td{vertical-align:top;text-align:center;padding:0 4px}"
	"table.head td:first-child{width:45%}"
	"table.layout p{margin:0}"
	".org,.motto{font-weight:bold}.motto2{font-size:13pt}"
	".nobr{white-space:nowrap}"
	".ruled{display:inline-block}"
	".ruled::after{content:'';display:block;margin:2px auto 0;"
	"border-top:1px solid #000}"
	".ruled.short::after{width:40%}.ruled.full::after{width:100%}"
	".star{margin:0}"
	".number{font-size:13pt;margin-top:4pt!important}"
	".date{font-style:italic;font-size:13pt;margin-top:4pt!important}"
	".recipients{text-align:left!important;font-size:11pt}"
	".recipients p{font-size:12pt;font-weight:bold;font-style:italic}"
	".recipients ul{list-style-type:'- ';padding-left:1em;margin:0}"
	".recipients li{text-indent:0;margin:0;text-align:left}"
	".end .org{font-size:13pt}"
	".sign{height:5em}"
	"h1{font-size:14pt;text-align:center;margin:1em 0 0}"
	".doc-title{font-weight:bold;font-size:14pt;text-align:center;"
	"text-indent:0!important;margin:0 0 1em!important}"
	"h2,h3,h4{font-size:13pt;text-align:justify;text-indent:1.27cm;"
	"margin:6pt 0}"
	"h4{font-style:italic}"
	"h1,h2,h3,h4{page-break-after:avoid;break-after:avoid}"
	".salutation{text-align:center!important;text-indent:0!important}"
	"mark.todo{background:#ff0;font-style:italic}"
	"ul.items,ol.items{margin:0;padding:0;list-style:none}"
	"ul.items>li::before{content:'- '}"
	"ul.items ul>li::before{content:'+ '}"
	"ul.items ul,ol.items ol{margin:0;padding:0;list-style:none}"
	"ol.items{counter-reset:n}ol.items>li{counter-increment:n}"
	"ol.items>li::before{content:counter(n) '. '}"
	"ol.items ol{counter-reset:a}ol.items ol>li{counter-increment:a}"
	"ol.items ol>li::before{content:counter(a,lower-alpha) ') '}"
	"table.grid{border-collapse:collapse;width:100%;font-size:11pt;"
	"margin:.3em 0 .8em;line-height:1.2}"
	"table.grid th,table.grid td{border:1px solid #444;padding:2px 4px;"
	"vertical-align:top;text-align:left;overflow-wrap:anywhere}"
	"table.grid th{background:#eee}"
	"thead{display:table-header-group}"
	"table.grid td:first-child{white-space:nowrap}"
	"tr{page-break-inside:avoid;break-inside:avoid}"
	".appendix-head{text-align:center;margin:0 0 1em}"
	".appendix-head p{margin:0;text-indent:0;text-align:center;"
	"font-size:14pt}"
	".appendix-head .label,.appendix-head .title{font-weight:bold}"
	".appendix-head .attached{font-style:italic}"
	".page-break{break-after:page;page-break-after:always}"
	"section.appendix{break-before:page;page-break-before:always}"
	"@media screen{section.appendix{border-top:1px dashed #888;"
	"margin-top:2em;padding-top:1em}}"
	"@media print{body{margin:0;max-width:none;padding:0}"
	"table.grid th{background:none}}";

/* One <p>, with a class when cls is not NULL. */
static void
html_p(struct buf *b, const char *cls, const char *text)
{
	if (cls != NULL)
		html_printf(b, "<p class=\"%s\">%s</p>\n", cls, text);
	else
		html_printf(b, "<p>%s</p>\n", text);
}

/* The lines of l, never broken, under one rule when ruled names its
 * length ("short", "full"). */
static void
html_lines(struct buf *b, const char *cls, const char *const *v, size_t n,
    const char *ruled)
{
	size_t i;

	html_printf(b, "<p class=\"%s\">", cls);
	if (ruled != NULL)
		html_printf(b, "<span class=\"ruled %s\">", ruled);
	for (i = 0; i < n; i++) {
		if (i > 0)
			html_raw(b, "<br>");
		html_printf(b, "<span class=\"nobr\">%s</span>", v[i]);
	}
	html_raw(b, ruled != NULL ? "</span></p>\n" : "</p>\n");
}

static void
html_head(const struct doc *d, int h, struct buf *b)
{
	const char *motto2 = word(d->lang, W_MOTTO2);

	if (d->first_line)
		html_p(b, "first-line", d->first_line);
	html_raw(b, "<table class=\"layout head\" role=\"presentation\">"
	    "<tr><td>");
	if (d->parent.n)
		html_lines(b, "parent", (const char *const *)d->parent.v,
		    d->parent.n, NULL);
	html_lines(b, "org", (const char *const *)d->name.v, d->name.n,
	    d->party ? NULL : "short");
	if (d->party)
		html_p(b, "star", "*");
	html_raw(b, "</td><td>");
	html_p(b, "motto", word(d->lang, W_MOTTO));
	html_lines(b, "motto motto2", &motto2, 1, "full");
	html_raw(b, "</td></tr>\n<tr><td>");
	html_p(b, "number", d->number);
	if (d->summary)
		html_p(b, "summary", d->summary);
	html_raw(b, "</td><td>");
	html_p(b, "date", d->dateline);
	html_raw(b, "</td></tr></table>\n");
	if (d->kind)
		html_printf(b, "<h%d class=\"kind\">%s</h%d>\n", h, d->kind, h);
	if (d->title)
		html_printf(b, "<p class=\"doc-title\"><span class=\"ruled "
		    "short\">%s</span></p>\n", d->title);
}

/*
 * Open and close the lists so that items become nested lists: *depth is
 * 0 (none), 1 or 2 levels open, *ol 1 when they are numbered.  want < 0
 * closes them.
 */
static void
html_list(struct buf *b, int *depth, int *ol, int want, int numbered,
    const char *text)
{
	const char *tag = *ol ? "ol" : "ul";

	if (want < 0 || (*depth > 0 && numbered != *ol)) {
		if (*depth == 2)
			html_printf(b, "</li></%s>", tag);
		if (*depth >= 1)
			html_printf(b, "</li></%s>\n", tag);
		*depth = 0;
		if (want < 0)
			return;
	}
	*ol = numbered;
	tag = numbered ? "ol" : "ul";
	if (want == 0) {
		if (*depth == 0)
			html_printf(b, "<%s class=\"items\">", tag);
		else if (*depth == 1)
			html_raw(b, "</li>\n");
		else
			html_printf(b, "</li></%s></li>\n", tag);
		*depth = 1;
	} else {
		if (*depth == 0)
			html_printf(b, "<%s class=\"items\"><li><%s>", tag, tag);
		else if (*depth == 1)
			html_printf(b, "<%s>", tag);
		else
			html_raw(b, "</li>");
		*depth = 2;
	}
	html_printf(b, "<li>%s", text);
}

static void
html_table(struct buf *b, const struct block *t)
{
	size_t r, k;

	html_raw(b, "<table class=\"grid\">\n<thead>");
	for (r = 0; r < t->nrows; r++) {
		html_raw(b, "<tr>");
		for (k = 0; k < t->ncols; k++)
			html_printf(b, r == 0 ? "<th>%s</th>" : "<td>%s</td>",
			    t->cells[r * t->ncols + k]);
		html_raw(b, r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
	}
	html_raw(b, "</tbody></table>\n");
}

static void
html_end(const struct doc *d, const struct block *e, struct buf *b)
{
	size_t k;

	html_printf(b, "<table class=\"layout end\" role=\"presentation\">"
	    "<tr><td class=\"recipients\"><p>%s</p><ul>",
	    word(d->lang, W_RECIPIENTS));
	for (k = 0; k < e->nrows; k++)
		html_printf(b, "<li>%s</li>", e->cells[k]);
	html_printf(b, "</ul></td><td><p class=\"org\">%s</p>"
	    "<p class=\"sign\"></p><p class=\"org\">%s</p></td></tr>"
	    "</table>\n", d->signer_title ? d->signer_title : "",
	    d->signer ? d->signer : "");
}

/* The appendix's heading; the section it opens is closed by the next
 * one or the end of the document. */
static void
html_appendix(const struct doc *d, const struct block *p, size_t k,
    struct buf *b)
{
	char *label = appendix_label(d, k), *title = upper(p->text, d->lang);

	if (k > 1)
		html_raw(b, "</section>\n");
	html_printf(b, "<section class=\"appendix\"><div class=\"appendix-head"
	    "\"><p class=\"label\">%s</p>\n", label);
	if (title)
		html_p(b, "title", title);
	html_printf(b, "<p class=\"attached\"><span class=\"ruled short\">%s"
	    "</span></p></div>\n", d->attached);
	free(label);
	free(title);
}

/* One block but a list item; h is the kind's heading level, *k counts
 * the appendices. */
static void
html_block(const struct doc *d, const struct block *p, int h, size_t *k,
    struct buf *b)
{
	switch (p->type) {
	case B_HEADING:
		html_printf(b, "<h%d>%s</h%d>\n", h + p->level, p->text,
		    h + p->level);
		break;
	case B_PARA:
		html_p(b, NULL, p->text);
		break;
	case B_SALUTATION:
		html_p(b, "salutation", p->text);
		break;
	case B_TODO:
		html_printf(b, "<p><mark class=\"todo\">%s</mark></p>\n",
		    p->text);
		break;
	case B_TABLE:
		html_table(b, p);
		break;
	case B_END:
		if (!d->appendix_only)
			html_end(d, p, b);
		break;
	case B_BREAK:
		html_raw(b, "<div class=\"page-break\"></div>\n");
		break;
	case B_APPENDIX:
		html_appendix(d, p, ++*k, b);
		break;
	case B_BULLET:
	case B_NUMBERED:
		break;
	}
}

/* Folding (fold set): each top-level section and each appendix's body
 * is a <details> whose <summary> is its heading, so a long document
 * reads as its outline and opens where asked, without JavaScript.
 * *open says whether a <details> is open; this closes it before p and
 * opens the next one where p starts a section.  1 when p's heading
 * was written as the summary (html_block is then skipped). */
static int
html_fold(const struct block *p, int h, int *open, struct buf *b)
{
	int top = p->type == B_HEADING && p->level == 1;

	if (*open && (top || p->type == B_APPENDIX || p->type == B_END)) {
		html_raw(b, "</details>\n");
		*open = 0;
	}
	if (!top)
		return 0;
	html_printf(b, "<details class=\"fold\"><summary><h%d>%s</h%d>"
	    "</summary>\n", h + 1, p->text, h + 1);
	*open = 1;
	return 1;
}

/* After an appendix's heading: its calendar folded under one line. */
static void
html_fold_appendix(const struct doc *d, int *open, struct buf *b)
{
	html_printf(b, "<details class=\"fold\"><summary>%s</summary>\n",
	    d->lang == LANG_EN ? "Show the calendar" : "Xem lịch các ngày");
	*open = 1;
}

static void
html_body(const struct doc *d, int h, int fold, struct buf *b)
{
	const struct block *p;
	size_t i, k = 0;
	int depth = 0, ol = 0, open = 0;

	if (!d->appendix_only)
		html_head(d, h, b);
	for (i = 0; i < d->n; i++) {
		p = &d->v[i];
		if (p->type == B_BULLET || p->type == B_NUMBERED) {
			html_list(b, &depth, &ol, p->level,
			    p->type == B_NUMBERED, p->text);
			continue;
		}
		html_list(b, &depth, &ol, -1, 0, NULL);
		if (fold && html_fold(p, h, &open, b))
			continue;
		html_block(d, p, h, &k, b);
		if (fold && p->type == B_APPENDIX)
			html_fold_appendix(d, &open, b);
	}
	html_list(b, &depth, &ol, -1, 0, NULL);
	if (open)
		html_raw(b, "</details>\n");
	if (k > 0)
		html_raw(b, "</section>\n");
}

static void
render_html(const struct doc *d, struct buf *b)
{
	html_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>%s%s%s"
	    "</title>\n", d->lang == LANG_EN ? "en" : "vi",
	    d->kind ? d->kind : "", d->kind && d->title ? ": " : "",
	    d->title ? d->title : d->kind ? "" : d->name.v[0]);
	html_raw(b, "<style>");
	html_raw(b, html_style);
	html_raw(b, "</style>\n</head>\n<body>\n");
	html_body(d, 1, 0, b);
	html_raw(b, "</body>\n</html>\n");
}

/* --- docx ------------------------------------------------------------ */

/* A line of 2/5 of text at flags (the decree: 1/3 to 1/2 of its line),
 * text wrapped at the text's width. */
static int
short_rule(const char *text, int flags)
{
	int w = docx_text_width(text, flags);

	return (w > DOCX_TEXT_W ? DOCX_TEXT_W : w) * 2 / 5;
}

/* The widest of v at flags, in twips. */
static int
widest(const char *const *v, size_t n, int flags)
{
	size_t i;
	int w, max = 0;

	for (i = 0; i < n; i++)
		if ((w = docx_text_width(v[i], flags)) > max)
			max = w;
	return max;
}

/*
 * The header's two columns, each as wide as its widest line needs (and a
 * little more: the widths are estimates); the room left shared between
 * them; too wide for the text, the table reaches into the margins.
 */
static void
head_widths(const struct doc *d, int widths[2])
{
	int left, right, total, extra;

	left = widest((const char *const *)d->name.v, d->name.n,
	    DOCX_SMALL | DOCX_BOLD);
	if ((extra = widest((const char *const *)d->parent.v, d->parent.n,
	    DOCX_SMALL)) > left)
		left = extra;
	if ((extra = docx_text_width(d->number, 0)) > left)
		left = extra;
	right = docx_text_width(word(d->lang, W_MOTTO), DOCX_SMALL | DOCX_BOLD);
	if ((extra = docx_text_width(word(d->lang, W_MOTTO2), DOCX_BOLD)) >
	    right)
		right = extra;
	if ((extra = docx_text_width(d->dateline, DOCX_ITALIC)) > right)
		right = extra;
	left += DOCX_CELL_PAD + left / 25;
	right += DOCX_CELL_PAD + right / 25;
	/* The motto never wraps: the left block takes what it leaves. */
	total = left + right;
	if (total < DOCX_TEXT_W)
		total = DOCX_TEXT_W;
	if (total > DOCX_TEXT_W + 2 * HEAD_OUT)
		total = DOCX_TEXT_W + 2 * HEAD_OUT;
	extra = total - left - right;
	widths[0] = extra >= 0 ? left + extra / 2 : total - right;
	widths[1] = total - widths[0];
}

static void
docx_head(const struct doc *d, struct docx *x)
{
	int widths[2];
	size_t i;

	if (d->first_line)
		docx_para(x, d->first_line, DOCX_RIGHT | DOCX_ITALIC |
		    DOCX_SMALL);
	head_widths(d, widths);
	docx_grid_begin(x, 2, widths);
	docx_grid_cell(x);
	for (i = 0; i < d->parent.n; i++)
		docx_para(x, d->parent.v[i], DOCX_CENTER | DOCX_SMALL);
	for (i = 0; i < d->name.n; i++)
		docx_para(x, d->name.v[i], DOCX_CENTER | DOCX_BOLD |
		    DOCX_SMALL);
	/* A line of 2/5 of the name (the decree: 1/3 to 1/2), or the
	 * party's star. */
	if (d->party)
		docx_para(x, "*", DOCX_CENTER | DOCX_SMALL);
	else
		docx_rule(x, widest((const char *const *)d->name.v, d->name.n,
		    DOCX_SMALL | DOCX_BOLD) * 2 / 5);
	docx_grid_cell(x);
	docx_para(x, word(d->lang, W_MOTTO), DOCX_CENTER | DOCX_BOLD |
	    DOCX_SMALL);
	docx_para(x, word(d->lang, W_MOTTO2), DOCX_CENTER | DOCX_BOLD);
	docx_rule(x, docx_text_width(word(d->lang, W_MOTTO2), DOCX_BOLD));
	docx_grid_row(x);
	docx_grid_cell(x);
	docx_para(x, "", DOCX_TINY);
	docx_para(x, d->number, DOCX_CENTER);
	if (d->summary)
		docx_para(x, d->summary, DOCX_CENTER | DOCX_SMALL);
	docx_grid_cell(x);
	docx_para(x, "", DOCX_TINY);
	docx_para(x, d->dateline, DOCX_CENTER | DOCX_ITALIC);
	docx_grid_end(x);
	if (d->kind)
		docx_heading(x, 0, d->kind);
	if (d->title) {
		docx_para(x, d->title, DOCX_CENTER | DOCX_BOLD | DOCX_LARGE |
		    DOCX_KEEP);
		docx_rule(x, short_rule(d->title, DOCX_BOLD | DOCX_LARGE));
		docx_para(x, "", DOCX_TINY);
	}
}

static void
docx_end(const struct doc *d, const struct block *e, struct docx *x)
{
	static const int widths[] = { DOCX_TEXT_W * 9 / 20,
	    DOCX_TEXT_W * 11 / 20 };
	char *line;
	size_t k;

	docx_para(x, "", DOCX_TINY);
	docx_grid_begin(x, 2, widths);
	docx_grid_cell(x);
	/* The decree: "Nơi nhận:" 12 pt bold italic, the entries 11 pt. */
	docx_para(x, word(d->lang, W_RECIPIENTS), DOCX_BOLD | DOCX_ITALIC |
	    DOCX_SMALL);
	for (k = 0; k < e->nrows; k++) {
		line = xasprintf("- %s", e->cells[k]);
		docx_para(x, line, DOCX_TINY);
		free(line);
	}
	docx_grid_cell(x);
	docx_para(x, d->signer_title ? d->signer_title : "", DOCX_CENTER |
	    DOCX_BOLD);
	/* Room for the signature and the seal. */
	for (k = 0; k < 4; k++)
		docx_para(x, "", DOCX_CENTER);
	docx_para(x, d->signer ? d->signer : "", DOCX_CENTER | DOCX_BOLD);
	docx_grid_end(x);
}

/* The appendix's heading, on a new page unless it is the first thing. */
static void
docx_appendix(const struct doc *d, const struct block *p, size_t k,
    struct docx *x)
{
	char *label = appendix_label(d, k), *title = upper(p->text, d->lang);
	int first = d->appendix_only && k == 1;

	docx_para(x, label, DOCX_CENTER | DOCX_BOLD | DOCX_LARGE | DOCX_KEEP |
	    (first ? 0 : DOCX_BREAK));
	if (title)
		docx_para(x, title, DOCX_CENTER | DOCX_BOLD | DOCX_LARGE |
		    DOCX_KEEP);
	docx_para(x, d->attached, DOCX_CENTER | DOCX_ITALIC | DOCX_LARGE |
	    DOCX_KEEP);
	docx_rule(x, short_rule(d->attached, DOCX_ITALIC | DOCX_LARGE));
	docx_para(x, "", DOCX_TINY);
	free(label);
	free(title);
}

static void
docx_block(const struct doc *d, const struct block *p, size_t *k,
    struct docx *x)
{
	switch (p->type) {
	case B_HEADING:
		docx_heading(x, p->level, p->text);
		break;
	case B_PARA:
		docx_para(x, p->text, DOCX_BODY);
		break;
	case B_SALUTATION:
		docx_para(x, p->text, DOCX_CENTER | DOCX_SPACE);
		break;
	case B_BULLET:
		docx_bullet(x, p->level, p->text);
		break;
	case B_NUMBERED:
		docx_numbered(x, p->level, p->text);
		break;
	case B_TODO:
		docx_para(x, p->text, DOCX_BODY | DOCX_ITALIC |
		    DOCX_HIGHLIGHT);
		break;
	case B_TABLE:
		docx_table(x, p->ncols, p->nrows, p->cells, p->widths);
		break;
	case B_END:
		if (!d->appendix_only)
			docx_end(d, p, x);
		break;
	case B_BREAK:
		docx_page_break(x);
		break;
	case B_APPENDIX:
		docx_appendix(d, p, ++*k, x);
		break;
	}
}

/* The documents v[0..n) into one .docx, each a section of its own. */
static int
render_docx_many(const struct doc *const *v, size_t n, struct buf *b)
{
	struct docx *x = docx_new(v[0]->lang == LANG_EN ? "en-GB" : "vi-VN");
	const struct doc *d;
	char *data = NULL;
	size_t i, j, k, len = 0;
	int ret;

	for (j = 0; j < n; j++) {
		d = v[j];
		if (j > 0)
			docx_section_break(x);
		if (!d->appendix_only)
			docx_head(d, x);
		for (i = 0, k = 0; i < d->n; i++)
			docx_block(d, &d->v[i], &k, x);
	}
	ret = docx_finish(x, &data, &len);
	docx_free(x);
	if (ret == 0)
		buf_add(b, data, len);
	free(data);
	return ret;
}

static int
render_docx(const struct doc *d, struct buf *b)
{
	return render_docx_many(&d, 1, b);
}

/* The .docx, through LibreOffice. */
static int
render_pdf(const struct doc *const *v, size_t n, struct buf *out)
{
	struct buf x;
	int ret;

	buf_init(&x);
	ret = render_docx_many(v, n, &x) == 0 && pdf_from_docx(x.data, x.len,
	    out) == 0 ? 0 : -1;
	buf_release(&x);
	return ret;
}

int
doc_render(const struct doc *d, enum doc_format fmt, struct buf *out)
{
	switch (fmt) {
	case DOC_MD:
		render_md(d, out);
		return 0;
	case DOC_HTML:
		render_html(d, out);
		return 0;
	case DOC_HTML_FRAGMENT:
		/* The page has its <h1>: the kind is an <h2>. */
		html_body(d, 2, 0, out);
		return 0;
	case DOC_DOCX:
		return render_docx(d, out);
	case DOC_PDF:
		return render_pdf(&d, 1, out);
	case DOC_CSV:
		break;
	}
	log_warnx("doc: no %s rendering of a document", doc_format_ext(fmt));
	return -1;
}

int
doc_render_folded(const struct doc *d, struct buf *out)
{
	html_body(d, 2, 1, out);
	return 0;
}

int
doc_render_many(const struct doc *const *v, size_t n, enum doc_format fmt,
    struct buf *out)
{
	size_t i;

	if (n == 0) {
		log_warnx("doc: no document to render");
		return -1;
	}
	switch (fmt) {
	case DOC_DOCX:
		return render_docx_many(v, n, out);
	case DOC_PDF:
		return render_pdf(v, n, out);
	case DOC_MD:
		for (i = 0; i < n; i++) {
			/* A rule between them, as Markdown has no pages. */
			if (i > 0)
				buf_puts(out, "\n---\n\n");
			render_md(v[i], out);
		}
		return 0;
	default:
		break;
	}
	log_warnx("doc: no %s rendering of several documents",
	    doc_format_ext(fmt));
	return -1;
}

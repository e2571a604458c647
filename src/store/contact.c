/*
 * Contacts: the checks every input path (calendars/, kyniem import, the
 * web form) goes through, the words for kinds, the JSON shape, and the
 * [letters] selection.  The tables and their two layers are
 * contact_db.c's.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "contact.h"
#include "contact_sel.h"
#include "escape.h"
#include "recipient.h"
#include "store.h"
#include "text.h"
#include "util.h"

static void
add(struct contact_err *errs, size_t *nerr, const char *field,
    const char *why, const char *vi, const char *en)
{
	struct contact_err e = { field, why, vi, en };

	if (*nerr < CONTACT_MAX_ERRS)
		errs[(*nerr)++] = e;
}

/* 0 if s passes text_check(), else -1 with the reason added. */
static int
text_ok(const char *field, const char *s, size_t max, int flags,
    struct contact_err *errs, size_t *nerr)
{
	const char *why;

	if (text_check(s, max, flags, &why) == 0)
		return 0;
	add(errs, nerr, field, why, NULL, NULL);
	return -1;
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* 1 if s is one or more of a-z 0-9 -, starting with a letter or digit. */
static int
country_ok(const char *cc)
{
	return cc != NULL && strlen(cc) == 2 && isupper((unsigned char)cc[0])
	    && isupper((unsigned char)cc[1]);
}

static void
check_key(const struct contact *c, int k, struct contact_err *errs,
    size_t *nerr)
{
	if (text_ok("key", c->key, TEXT_KEY_MAX, TEXT_REQUIRED, errs,
	    nerr) == -1 || k < 0 || contact_key_ok(c->key, k, c->country))
		return;
	add(errs, nerr, "key", NULL, "Mã phải có dạng embassy:CC, cg:CC:thanh-"
	    "pho, consulate:CC:thanh-pho, association:ten hoặc "
	    "organisation:ten, khớp với loại và nước (CC là mã nước, chữ "
	    "hoa; phần sau chỉ gồm a-z, 0-9 và dấu -).", "The key must be "
	    "embassy:CC, cg:CC:city, consulate:CC:city, association:name or "
	    "organisation:name, agreeing with the kind and the country (CC "
	    "the country code in capitals; the rest of a-z, 0-9 and -).");
}

/* The country: two capitals, and a row of countries when st is set; 0,
 * or -1 when the database failed. */
static int
check_country(struct store *st, const char *cc, struct contact_err *errs,
    size_t *nerr)
{
	int rc;

	if (text_ok("country", cc, 2, TEXT_REQUIRED, errs, nerr) == -1)
		return 0;
	if (!country_ok(cc))
		rc = 0;
	else if (st == NULL)
		return 0;
	else if ((rc = store_country_exists(st, cc)) == -1)
		return -1;
	if (rc == 0)
		add(errs, nerr, "country", NULL, "Không có nước mang mã này (mã "
		    "ISO hai chữ hoa, như JP, LA).", "No country has this code "
		    "(two capital letters of ISO 3166-1, such as JP, LA).");
	return 0;
}

static void
check_links(const struct contact *c, struct contact_err *errs, size_t *nerr)
{
	const char *w = c->website;

	if (text_ok("email", c->email, 254, 0, errs, nerr) == 0 &&
	    !empty(c->email) && !text_email_valid(c->email))
		add(errs, nerr, "email", NULL, "Địa chỉ email không hợp lệ.",
		    "Not a valid email address.");
	if (text_ok("website", w, TEXT_LINE_MAX, 0, errs, nerr) == 0 &&
	    !empty(w) && ((strncmp(w, "http://", 7) != 0 && strncmp(w,
	    "https://", 8) != 0) || strpbrk(w, " \t") != NULL ||
	    strlen(w) <= 8))
		add(errs, nerr, "website", NULL, "Trang web phải bắt đầu bằng "
		    "http:// hoặc https:// và không có dấu cách.", "The website "
		    "must start with http:// or https:// and have no spaces.");
}

/* The confidence; an unverified contact needs a note (unless the note
 * was refused already: it is not empty). */
static void
check_confidence(const struct contact *c, int note_bad,
    struct contact_err *errs, size_t *nerr)
{
	const char *k = c->confidence != NULL ? c->confidence : "";

	if (strcmp(k, "confirmed") != 0 && strcmp(k, "single-source") != 0 &&
	    strcmp(k, "unverified") != 0)
		add(errs, nerr, "confidence", NULL, "Hãy chọn mức độ tin cậy: đã "
		    "xác nhận, một nguồn hoặc chưa xác minh.", "Choose a "
		    "confidence: confirmed, single source or unverified.");
	else if (strcmp(k, "unverified") == 0 && !note_bad && empty(c->note))
		add(errs, nerr, "note", NULL, "Mục chưa xác minh cần ghi chú nói "
		    "rõ điều gì còn thiếu.", "An unverified contact needs a note "
		    "saying what is missing.");
}

int
contact_check(struct store *st, const struct contact *c,
    struct contact_err *errs, size_t *nerr)
{
	int k = contact_kind_index(c->kind);

	*nerr = 0;
	check_key(c, k, errs, nerr);
	if (check_country(st, c->country, errs, nerr) == -1)
		return -1;
	if (k < 0)
		add(errs, nerr, "kind", NULL, "Hãy chọn loại: đại sứ quán, tổng "
		    "lãnh sự quán, lãnh sự quán, hội hữu nghị hoặc tổ chức "
		    "đối tác.", "Choose a kind: embassy, consulate-general, "
		    "consulate, association or organisation.");
	text_ok("city", c->city, TEXT_LINE_MAX, 0, errs, nerr);
	text_ok("name_vi", c->name_vi, TEXT_LINE_MAX, TEXT_REQUIRED, errs,
	    nerr);
	text_ok("name_en", c->name_en, TEXT_LINE_MAX, TEXT_REQUIRED, errs,
	    nerr);
	text_ok("address", c->address, TEXT_LINE_MAX, 0, errs, nerr);
	check_links(c, errs, nerr);
	text_ok("head_title_vi", c->head_title_vi, TEXT_LINE_MAX, 0, errs,
	    nerr);
	text_ok("head_title_en", c->head_title_en, TEXT_LINE_MAX, 0, errs,
	    nerr);
	text_ok("source", c->source, TEXT_SOURCE_MAX, TEXT_REQUIRED, errs,
	    nerr);
	check_confidence(c, text_ok("note", c->note, TEXT_SOURCE_MAX, 0, errs,
	    nerr) == -1, errs, nerr);
	return *nerr == 0 ? 0 : 1;
}

void
contact_err_text(const struct contact_err *e, char *buf, size_t len)
{
	if (e->why != NULL)
		snprintf(buf, len, "%s %s", e->field, e->why);
	else
		snprintf(buf, len, "%s: %s", e->field, e->en);
}

void
contact_from_csv(char **f, struct contact *c)
{
	memset(c, 0, sizeof(*c));
	c->key = f[0];
	c->country = f[1];
	c->kind = f[2];
	c->city = f[3];
	c->name_vi = f[4];
	c->name_en = f[5];
	c->address = f[6];
	c->email = f[7];
	c->website = f[8];
	c->head_title_vi = f[9];
	c->head_title_en = f[10];
	c->confidence = f[11];
	c->source = f[12];
	c->note = f[13];
}

void
contact_json(const struct contact *c, int loaded, struct buf *out)
{
	static const char *const names[] = { "origin", "imported", "edited",
		"added" };
	const char *v[CONTACT_CSV_FIELDS] = { c->key, c->country, c->kind,
		c->city, c->name_vi, c->name_en, c->address, c->email,
		c->website, c->head_title_vi, c->head_title_en, c->confidence,
		c->source, c->note };
	char *cols = xstrdup(CONTACT_CSV_HEADER), *save = NULL, *name;
	size_t i = 0;

	buf_putc(out, '{');
	for (name = strtok_r(cols, ",", &save); name != NULL && i <
	    CONTACT_CSV_FIELDS; name = strtok_r(NULL, ",", &save), i++) {
		buf_printf(out, "%s\"%s\":", i > 0 ? "," : "", name);
		esc_json(out, v[i]);
	}
	if (loaded)
		buf_printf(out, ",\"%s\":\"%s\"", names[0],
		    names[1 + (int)c->origin]);
	buf_putc(out, '}');
	free(cols);
}

int
contact_for_country(struct store *st, const struct config *cfg,
    const char *country, struct contact_list *out)
{
	struct contact_list all;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (contact_load(st, country, &all) == -1)
		return -1;
	for (i = 0; i < all.n; i++) {
		if (!contact_sel_match(&cfg->letters_sel, all.v[i].key,
		    all.v[i].kind, all.v[i].country, cfg->focus)) {
			contact_release(&all.v[i]);
			continue;
		}
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = all.v[i];
	}
	free(all.v);
	return 0;
}

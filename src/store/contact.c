/*
 * Contacts: their fields (contact_fields) and the checks every input
 * path (calendars/, kyniem import, the web form) goes through, the JSON
 * shape, and the [letters] selection.  The tables and their two layers
 * are contact_db.c's.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "contact.h"
#include "contact_sel.h"
#include "jsonw.h"
#include "recipient.h"
#include "store.h"
#include "text.h"
#include "util.h"

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Two capital letters: an ISO 3166-1 alpha-2 code's shape. */
static int
country_ok(const char *cc)
{
	return strlen(cc) == 2 && isupper((unsigned char)cc[0]) &&
	    isupper((unsigned char)cc[1]);
}

static int
kind_ok(const char *kind)
{
	return contact_kind_index(kind) >= 0;
}

static int
website_ok(const char *w)
{
	return (strncmp(w, "http://", 7) == 0 || strncmp(w, "https://", 8) ==
	    0) && strpbrk(w, " \t") == NULL && strlen(w) > 8;
}

static const char *const confidences[] = { "confirmed", "single-source",
	"unverified", NULL };

#define IN(m)	offsetof(struct contact, m)

/* Indexes of the rows the checks below name. */
enum { C_KEY, C_COUNTRY };

const struct field contact_fields[] = {
	[C_KEY] = { "key", NULL, IN(key), 0, TEXT_KEY_MAX, FIELD_REQUIRED,
	    NULL, NULL, "Mã phải có dạng embassy:CC, cg:CC:thanh-pho, "
	    "consulate:CC:thanh-pho, association:ten hoặc organisation:ten, "
	    "khớp với loại và nước (CC là mã nước, chữ hoa; phần sau chỉ gồm "
	    "a-z, 0-9 và dấu -).", "Must be embassy:CC, cg:CC:city, "
	    "consulate:CC:city, association:name or organisation:name, "
	    "agreeing with the kind and the country (CC the country code in "
	    "capitals; the rest of a-z, 0-9 and -), not '%s'." },
	[C_COUNTRY] = { "country", NULL, IN(country), 0, 2, FIELD_REQUIRED,
	    country_ok, NULL, "Không có nước mang mã này (mã ISO hai chữ hoa, "
	    "như JP, LA).", "No country has the code '%s' (two capital "
	    "letters of ISO 3166-1, such as JP, LA)." },
	{ "kind", NULL, IN(kind), 0, TEXT_KEY_MAX, FIELD_REQUIRED, kind_ok,
	    NULL, "Hãy chọn loại: đại sứ quán, tổng lãnh sự quán, lãnh sự "
	    "quán, hội hữu nghị hoặc tổ chức đối tác.", "Must be embassy, "
	    "consulate-general, consulate, association or organisation, not "
	    "'%s'." },
	{ "city", NULL, IN(city), 0, TEXT_LINE_MAX, 0, NULL, NULL, NULL,
	    NULL },
	{ "name_vi", NULL, IN(name_vi), 0, TEXT_LINE_MAX, FIELD_REQUIRED, NULL,
	    NULL, NULL, NULL },
	{ "name_en", NULL, IN(name_en), 0, TEXT_LINE_MAX, FIELD_REQUIRED, NULL,
	    NULL, NULL, NULL },
	{ "address", NULL, IN(address), 0, TEXT_LINE_MAX, 0, NULL, NULL, NULL,
	    NULL },
	FIELD_EMAIL("email", IN(email), 0),
	{ "website", NULL, IN(website), 0, TEXT_LINE_MAX, 0, website_ok, NULL,
	    "Trang web phải bắt đầu bằng http:// hoặc https:// và không có "
	    "dấu cách.", "Must start with http:// or https:// and have no "
	    "spaces, not '%s'." },
	{ "head_title_vi", NULL, IN(head_title_vi), 0, TEXT_LINE_MAX, 0, NULL,
	    NULL, NULL, NULL },
	{ "head_title_en", NULL, IN(head_title_en), 0, TEXT_LINE_MAX, 0, NULL,
	    NULL, NULL, NULL },
	{ "confidence", NULL, IN(confidence), 0, TEXT_KEY_MAX, FIELD_REQUIRED,
	    NULL, confidences, "Hãy chọn mức độ tin cậy: đã xác nhận, một "
	    "nguồn hoặc chưa xác minh.", "Must be confirmed, single-source or "
	    "unverified, not '%s'." },
	{ "source", NULL, IN(source), 0, TEXT_SOURCE_MAX, FIELD_REQUIRED, NULL,
	    NULL, NULL, NULL },
	{ "note", NULL, IN(note), 0, TEXT_SOURCE_MAX, 0, NULL, NULL, NULL,
	    NULL },
	{ NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

int
contact_check(struct store *st, const struct contact *c,
    struct field_errs *errs)
{
	struct field_err *e;
	int rc, bad;

	bad = field_check(contact_fields, c, 0, errs) == -1;
	/* What the fields say together, where each was accepted. */
	if (field_errs_find(errs, "key") == NULL &&
	    field_errs_find(errs, "kind") == NULL &&
	    !contact_key_ok(c->key, contact_kind_index(c->kind), c->country)) {
		field_fail(errs, &contact_fields[C_KEY], c->key);
		bad = 1;
	}
	if (st != NULL && field_errs_find(errs, "country") == NULL) {
		if ((rc = store_country_exists(st, c->country)) == -1)
			return -1;
		if (rc == 0) {
			field_fail(errs, &contact_fields[C_COUNTRY],
			    c->country);
			bad = 1;
		}
	}
	if (field_errs_find(errs, "note") == NULL && c->confidence != NULL &&
	    strcmp(c->confidence, "unverified") == 0 && empty(c->note)) {
		e = field_errs_add(errs, "note");
		snprintf(e->vi, sizeof(e->vi), "Mục chưa xác minh cần ghi chú "
		    "nói rõ điều gì còn thiếu.");
		snprintf(e->en, sizeof(e->en), "An unverified contact needs a "
		    "note saying what is missing.");
		bad = 1;
	}
	return bad;
}

void
contact_from_csv(char **f, struct contact *c)
{
	const struct field *col;
	size_t i = 0;

	memset(c, 0, sizeof(*c));
	for (col = contact_fields; col->name != NULL; col++)
		*field_slot(col, c) = f[i++];
}

void
contact_json_value(struct jsonw *j, const struct contact *c, int loaded)
{
	static const char *const origins[] = { "imported", "edited",
		"added" };
	const struct field *f;

	jsonw_object(j, NULL);
	for (f = contact_fields; f->name != NULL; f++)
		jsonw_str(j, f->name, field_value(f, c));
	if (loaded)
		jsonw_str(j, "origin", origins[(int)c->origin]);
	jsonw_end(j);
}

void
contact_json(const struct contact *c, int loaded, struct buf *out)
{
	struct jsonw j;

	jsonw_init(&j, out, 0);
	contact_json_value(&j, c, loaded);
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

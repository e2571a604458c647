/*
 * The input fields of contacts, recipients and accounts, table-driven:
 * each row a value typed, the first refusal as the command line and the
 * import say it ("field: message"), both languages said; the contact's
 * table is the CSV's columns in order.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "contact.h"
#include "recipient.h"
#include "user.h"
#include "util.h"

/* The first line errs gives, "" for none; every refusal says it in
 * both languages. */
static const char *
first(const struct field_errs *errs)
{
	static char line[FIELD_MSG_MAX + 64];
	size_t i;

	line[0] = '\0';
	for (i = 0; i < errs->n; i++) {
		ck_assert_uint_gt(strlen(errs->v[i].vi), 0);
		ck_assert_uint_gt(strlen(errs->v[i].en), 0);
	}
	if (errs->n > 0)
		field_err_line(&errs->v[0], line, sizeof(line));
	return line;
}

/* A good contact, a value a column. */
static const char *const ok[CONTACT_CSV_FIELDS] = { "embassy:JP", "JP",
	"embassy", NULL, "Đại sứ quán Nhật Bản", "Embassy of Japan", NULL,
	NULL, NULL, NULL, NULL, "confirmed", "mofa.gov.vn", NULL };

static const struct {
	const char *field, *value;	/* changed from ok[] */
	const char *line;
} contacts[] = {
	{ NULL, NULL, "" },
	{ "key", "embassy:LA", "key: must be embassy:CC, cg:CC:city, "
	    "consulate:CC:city, association:name or organisation:name, "
	    "agreeing with the kind and the country (CC the country code in "
	    "capitals; the rest of a-z, 0-9 and -), not 'embassy:LA'" },
	{ "country", "jp", "country: no country has the code 'jp' (two "
	    "capital letters of ISO 3166-1, such as JP, LA)" },
	{ "country", "JPN", "country: longer than the limit of 2 characters" },
	{ "kind", "mission", "kind: must be embassy, consulate-general, "
	    "consulate, association or organisation, not 'mission'" },
	{ "name_vi", "", "name_vi: a value is required" },
	{ "email", "dsq@jp", "email: 'dsq@jp' is not an email address" },
	{ "email", "dsq@vn.emb-japan.go.jp", "" },
	{ "website", "www.vn.emb-japan.go.jp", "website: must start with "
	    "http:// or https:// and have no spaces, not "
	    "'www.vn.emb-japan.go.jp'" },
	{ "confidence", "sure", "confidence: must be confirmed, single-source "
	    "or unverified, not 'sure'" },
	{ "confidence", "unverified", "note: an unverified contact needs a "
	    "note saying what is missing" },
	{ "source", "", "source: a value is required" },
	{ "address", "Số 27\nLiễu Giai", "address: contains a control "
	    "character" },
};

START_TEST(contact)
{
	struct contact c;
	struct field_errs errs;
	const struct field *f;
	size_t i = 0;

	memset(&c, 0, sizeof(c));
	for (f = contact_fields; f->name != NULL; f++)
		*field_slot(f, &c) = ok[i++];
	if (contacts[_i].field != NULL) {
		f = field_find(contact_fields, contacts[_i].field);
		ck_assert_ptr_nonnull(f);
		*field_slot(f, &c) = contacts[_i].value;
	}
	field_errs_init(&errs);
	ck_assert_int_eq(contact_check(NULL, &c, &errs), errs.n > 0);
	ck_assert_msg(strcmp(first(&errs), contacts[_i].line) == 0,
	    "case %d: got '%s'", _i, first(&errs));
	field_errs_release(&errs);
}
END_TEST

/* The import reads a row, and the store binds it, in the table's order. */
START_TEST(contact_columns)
{
	const struct field *f;
	struct buf h;

	buf_init(&h);
	for (f = contact_fields; f->name != NULL; f++)
		buf_printf(&h, "%s%s", f == contact_fields ? "" : ",",
		    f->name);
	ck_assert_str_eq(h.data, CONTACT_CSV_HEADER);
	ck_assert_uint_eq(field_count(contact_fields), CONTACT_CSV_FIELDS);
	buf_release(&h);
}
END_TEST

static const struct {
	struct recipient_input in;
	const char *line;
} recipients[] = {
	{ { "an@example.org", "An", "vi", "milestones" }, "" },
	{ { "an@example.org", "An", "en", "none" }, "" },
	{ { "an@localhost", "An", "vi", "milestones" },
	    "email: 'an@localhost' is not an email address" },
	{ { "an@example.org", "   ", "vi", "milestones" }, "name: needs at "
	    "least one visible character (not only spaces or invisible "
	    "characters)" },
	{ { "an@example.org", "An", "fr", "milestones" },
	    "lang: must be vi or en, not 'fr'" },
	{ { "an@example.org", "An", "vi", "kind:nope" }, "follows: not a valid "
	    "follows list: 'kind:nope': unknown kind" },
	{ { "an@example.org", "An", "vi", " , " },
	    "follows: not a valid follows list: nothing to follow" },
	{ { "an@example.org", "An", "vi", NULL },
	    "follows: a value is required" },
};

START_TEST(recipient)
{
	struct field_errs errs;
	struct recipient r;

	field_errs_init(&errs);
	ck_assert_int_eq(recipient_from_input(&recipients[_i].in, &r, &errs),
	    errs.n > 0 ? -1 : 0);
	ck_assert_msg(strncmp(first(&errs), recipients[_i].line,
	    strlen(recipients[_i].line)) == 0 && (errs.n > 0) ==
	    (recipients[_i].line[0] != '\0'), "case %d: got '%s'", _i,
	    first(&errs));
	if (errs.n == 0)
		ck_assert_int_eq(r.lang, strcmp(recipients[_i].in.lang, "en") ==
		    0 ? LANG_EN : LANG_VI);
	field_errs_release(&errs);
}
END_TEST

static const struct {
	struct user_input in;
	const char *line;
} users[] = {
	{ { "an@example.org", "An", "editor" }, "" },
	{ { "an@example", "An", "editor" },
	    "email: 'an@example' is not an email address" },
	{ { "an@example.org", NULL, "editor" },
	    "name: a value is required" },
	{ { "an@example.org", "An", "boss" },
	    "role: must be admin, editor or viewer, not 'boss'" },
};

START_TEST(user)
{
	struct field_errs errs;

	field_errs_init(&errs);
	ck_assert_int_eq(user_check(&users[_i].in, &errs), errs.n > 0 ? -1 :
	    0);
	ck_assert_str_eq(first(&errs), users[_i].line);
	field_errs_release(&errs);
}
END_TEST

/* The audit trail's and `kyniem contact --format json`'s shape: the
 * columns in order, absent ones "", the origin when loaded. */
START_TEST(contact_json_shape)
{
	static const char cols[] = "{\"key\":\"embassy:JP\",\"country\":\"JP\","
	    "\"kind\":\"embassy\",\"city\":\"\",\"name_vi\":\"Đại sứ quán "
	    "Nhật Bản\",\"name_en\":\"Embassy of Japan\",\"address\":\"\","
	    "\"email\":\"\",\"website\":\"\",\"head_title_vi\":\"\","
	    "\"head_title_en\":\"\",\"confidence\":\"confirmed\","
	    "\"source\":\"mofa.gov.vn\",\"note\":\"\"";
	struct contact c;
	const struct field *f;
	struct buf b, want;
	size_t i = 0;

	memset(&c, 0, sizeof(c));
	for (f = contact_fields; f->name != NULL; f++)
		*field_slot(f, &c) = ok[i++];
	c.origin = CONTACT_EDITED;
	buf_init(&b);
	buf_init(&want);
	contact_json(&c, 0, &b);
	buf_printf(&want, "%s}", cols);
	ck_assert_str_eq(b.data, want.data);
	b.len = want.len = 0;
	contact_json(&c, 1, &b);
	buf_printf(&want, "%s,\"origin\":\"edited\"}", cols);
	ck_assert_str_eq(b.data, want.data);
	buf_release(&b);
	buf_release(&want);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("contact");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, contact, 0, NELEM(contacts));
	tcase_add_test(tc, contact_columns);
	tcase_add_test(tc, contact_json_shape);
	tcase_add_loop_test(tc, recipient, 0, NELEM(recipients));
	tcase_add_loop_test(tc, user, 0, NELEM(users));
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

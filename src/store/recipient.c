/*
 * The recipients table: who gets digests and reminders, what they
 * follow; their input fields (recipient_fields), the addresses checked
 * by text_email_valid().
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "jsonw.h"
#include "log.h"
#include "recipient.h"
#include "store.h"
#include "text.h"
#include "util.h"

static const char *const langs[] = { "vi", "en", NULL };

#define IN(m)	offsetof(struct recipient_input, m)

const struct field recipient_fields[] = {
	FIELD_EMAIL("email", IN(email), FIELD_REQUIRED),
	{ "name", NULL, IN(name), 0, TEXT_LINE_MAX, FIELD_REQUIRED, NULL,
	    NULL, NULL, NULL },
	{ "lang", NULL, IN(lang), 0, 2, FIELD_REQUIRED, NULL, langs,
	    "Hãy chọn tiếng Việt hoặc tiếng Anh.",
	    "Must be vi or en, not '%s'." },
	{ "follows", "follow", IN(follows), 0, TEXT_LINE_MAX,
	    FIELD_REQUIRED | FIELD_LIST, NULL, NULL, NULL, NULL },
	{ NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

int
recipient_from_input(const struct recipient_input *in, struct recipient *r,
    struct field_errs *errs)
{
	struct field_err *e;
	char why[200];
	int ret;

	ret = field_check(recipient_fields, in, 0, errs);
	if (field_errs_find(errs, "follows") == NULL &&
	    recipient_follows_check(in->follows, why, sizeof(why)) == -1) {
		e = field_errs_add(errs, "follows");
		snprintf(e->vi, sizeof(e->vi), "Danh sách theo dõi không hợp "
		    "lệ: %s.", why);
		snprintf(e->en, sizeof(e->en), "Not a valid follows list: %s.",
		    why);
		ret = -1;
	}
	memset(r, 0, sizeof(*r));
	r->email = (char *)in->email;
	r->name = (char *)in->name;
	r->lang = in->lang != NULL && strcmp(in->lang, "en") == 0 ? LANG_EN :
	    LANG_VI;
	r->follows = (char *)in->follows;
	return ret;
}

/* What a follows list means as a selector: "none" (a recipient who only
 * owns activities) is the selector that matches nothing. */
static const char *
follows_selector(const char *follows)
{
	return strcmp(follows, RECIPIENT_FOLLOWS_NONE) == 0 ? "" : follows;
}

int
recipient_follows_check(const char *s, char *err, size_t errlen)
{
	struct selector sel;

	if (strcmp(s, RECIPIENT_FOLLOWS_NONE) == 0)
		return 0;
	if (s[strspn(s, " ,")] == '\0') {
		snprintf(err, errlen, "nothing to follow");
		return -1;
	}
	if (select_parse(s, &sel, err, errlen) == -1)
		return -1;
	select_release(&sel);
	return 0;
}

/* The audit row of a change of email's recipient from before to after
 * (either NULL); 0 or -1. */
static int
audit_change(struct store *st, const char *who, const char *action,
    const char *email, const struct recipient *before,
    const struct recipient *after, time_t now)
{
	struct buf b, a, obj;
	int ret;

	buf_init(&b);
	buf_init(&a);
	buf_init(&obj);
	if (before != NULL)
		recipient_json(before, &b);
	if (after != NULL)
		recipient_json(after, &a);
	buf_printf(&obj, "recipient:%s", email);
	ret = audit_add(st, who, action, obj.data, b.data, a.data, now);
	buf_release(&b);
	buf_release(&a);
	buf_release(&obj);
	return ret;
}

/* The write of recipient_put() inside its transaction. */
static int
put_in_tx(struct store *st, const struct recipient *r, const char *who,
    time_t now)
{
	sqlite3_stmt *stmt;
	struct recipient old;
	int rc, ret = -1;

	if ((rc = recipient_get(st, r->email, &old)) == -1)
		return -1;
	stmt = store_stmt(st, "INSERT INTO recipients (email, name, lang,"
	    " follows, created) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (email) DO UPDATE SET name = ?2, lang = ?3,"
	    " follows = ?4",
	    STORE_STR(r->email), STORE_STR(r->name),
	    STORE_STR(r->lang == LANG_EN ? "en" : "vi"), STORE_STR(r->follows),
	    STORE_INT(now));
	if (store_step_done(st, stmt) == 0)
		ret = audit_change(st, who, rc == 0 ? "recipient.edit" :
		    "recipient.add", r->email, rc == 0 ? &old : NULL, r, now);
	if (rc == 0)
		recipient_release(&old);
	return ret;
}

int
recipient_put(struct store *st, const struct recipient *r, const char *who,
    time_t now)
{
	if (store_begin(st) == -1)
		return -1;
	if (put_in_tx(st, r, who, now) == -1) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

/* The write of recipient_remove() inside its transaction: 0, 1, -1. */
static int
remove_in_tx(struct store *st, const char *email, const char *who,
    time_t now)
{
	sqlite3_stmt *stmt;
	struct recipient old;
	int rc;

	if ((rc = recipient_get(st, email, &old)) != 0)
		return rc;
	stmt = store_stmt(st, "DELETE FROM recipients WHERE email = ?1",
	    STORE_STR(email));
	rc = store_step_done(st, stmt) == 0 ? audit_change(st, who,
	    "recipient.remove", email, &old, NULL, now) : -1;
	recipient_release(&old);
	return rc;
}

int
recipient_remove(struct store *st, const char *email, const char *who,
    time_t now)
{
	int rc;

	if (store_begin(st) == -1)
		return -1;
	if ((rc = remove_in_tx(st, email, who, now)) != 0) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

static void
row_recipient(sqlite3_stmt *stmt, void *elem)
{
	struct recipient *r = elem;
	char err[200];

	r->email = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	r->name = xstrdup((const char *)sqlite3_column_text(stmt, 1));
	r->lang = strcmp((const char *)sqlite3_column_text(stmt, 2), "en") ==
	    0 ? LANG_EN : LANG_VI;
	r->follows = xstrdup((const char *)sqlite3_column_text(stmt, 3));
	/* Checked when stored; a row edited by hand that no longer parses
	 * follows nothing, and says so. */
	if (select_parse(follows_selector(r->follows), &r->sel, err,
	    sizeof(err)) == -1)
		log_warnx("recipient '%s': follows %s; ignored", r->email,
		    err);
}

int
recipient_get(struct store *st, const char *email, struct recipient *out)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT email, name, lang,"
	    " follows FROM recipients WHERE email = ?1",
	    STORE_STR(email));

	return store_get_one(st, stmt, out, sizeof(*out), row_recipient);
}

int
recipient_load(struct store *st, struct recipient_list *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT email, name, lang,"
	    " follows FROM recipients ORDER BY email");

	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_recipient) == -1) {
		recipient_list_release(out);
		return -1;
	}
	return 0;
}

int
recipient_page(struct store *st, long offset, long limit,
    struct recipient_list *out, long *total)
{
	sqlite3_stmt *stmt;

	memset(out, 0, sizeof(*out));
	if (store_count(st, "SELECT count(*) FROM recipients", NULL,
	    total) == -1)
		return -1;
	stmt = store_stmt(st, "SELECT email, name, lang, follows"
	    " FROM recipients ORDER BY email LIMIT ?1 OFFSET ?2",
	    STORE_INT(limit), STORE_INT(offset));
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_recipient) == -1) {
		recipient_list_release(out);
		return -1;
	}
	return 0;
}

void
recipient_release(struct recipient *r)
{
	free(r->email);
	free(r->name);
	free(r->follows);
	select_release(&r->sel);
	memset(r, 0, sizeof(*r));
}

void
recipient_json(const struct recipient *r, struct buf *out)
{
	struct jsonw j;

	jsonw_init(&j, out, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "email", r->email);
	jsonw_str(&j, "name", r->name);
	jsonw_str(&j, "lang", r->lang == LANG_EN ? "en" : "vi");
	jsonw_str(&j, "follows", r->follows);
	jsonw_end(&j);
}

void
recipient_list_release(struct recipient_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		recipient_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

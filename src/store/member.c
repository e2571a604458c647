/*
 * The members table: a union's member organisations, their input fields
 * (member_fields), the import's upsert and the audited add, edit and
 * remove the command line and the web application share.  Which
 * activities a member is credited with is the activities' member column
 * (activity.c checks it names a member).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "escape.h"
#include "jsonw.h"
#include "log.h"
#include "member.h"
#include "store.h"
#include "text.h"
#include "util.h"

const char *const member_kinds[] = {
	"bilateral", "multilateral", "other", NULL
};

/* a-z, 0-9 and '-', starting with a letter or a digit: a key goes into
 * URLs and files unescaped by people. */
static int
key_ok(const char *s)
{
	const char *p;

	if (*s == '-')
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return 0;
	return 1;
}

#define IN(m)	offsetof(struct member_input, m)

const struct field member_fields[] = {
	{ "key", NULL, IN(key), 0, TEXT_KEY_MAX, FIELD_REQUIRED | FIELD_NOOPT,
	    key_ok, NULL, "Mã chỉ gồm chữ thường không dấu a-z, chữ số và "
	    "dấu gạch ngang, ví dụ vn-lao.", "Must be lower-case letters "
	    "a-z, digits and '-', like vn-lao, not '%s'." },
	{ "name", NULL, IN(name), 0, TEXT_LINE_MAX, FIELD_REQUIRED, NULL,
	    NULL, NULL, NULL },
	{ "kind", NULL, IN(kind), 0, TEXT_KEY_MAX, 0, NULL, member_kinds,
	    "Loại phải là song phương, đa phương hoặc khác.",
	    "Must be bilateral, multilateral or other, not '%s'." },
	{ NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

int
member_check(const struct member_input *in, struct field_errs *errs)
{
	return field_check(member_fields, in, 0, errs) == -1 ? 1 : 0;
}

static const char *
kind_of(const struct member_input *in)
{
	return in->kind != NULL && *in->kind != '\0' ? in->kind : "other";
}

int
member_import(struct store *st, const struct member_input *in, long now,
    int *changed)
{
	sqlite3_stmt *stmt = store_stmt(st,
	    "INSERT INTO members (key, name, kind, modified)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key) DO UPDATE SET"
	    " name = ?2, kind = ?3, modified = ?4"
	    " WHERE (name, kind) IS NOT (?2, ?3)",
	    STORE_TEXT(in->key), STORE_TEXT(in->name), STORE_TEXT(kind_of(in)),
	    STORE_INT(now));
	int ret;

	ret = store_step_done(st, stmt);
	*changed = ret == 0 && sqlite3_changes(store_db(st)) > 0;
	return ret;
}

void
member_json(const struct member_input *m, struct buf *out)
{
	struct jsonw j;

	jsonw_init(&j, out, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "key", m->key);
	jsonw_str(&j, "name", m->name);
	jsonw_str(&j, "kind", kind_of(m));
	jsonw_end(&j);
}

static void
as_input(const struct member *m, struct member_input *in)
{
	in->key = m->key;
	in->name = m->name;
	in->kind = m->kind;
}

/* The key taken (on add) or unknown (on edit), said as the key's. */
static void
key_refused(struct field_errs *errs, const char *key, int exists)
{
	struct field_err *e = field_errs_add(errs, "key");

	if (exists) {
		snprintf(e->vi, sizeof(e->vi), "Không có đơn vị thành viên "
		    "với mã “%s”.", key);
		snprintf(e->en, sizeof(e->en), "There is no member '%s'.",
		    key);
	} else {
		snprintf(e->vi, sizeof(e->vi), "Đã có đơn vị thành viên với "
		    "mã “%s”; hãy sửa đơn vị đó.", key);
		snprintf(e->en, sizeof(e->en), "There is a member '%s' "
		    "already; edit it.", key);
	}
}

/* The write of member_put() and its audit row, in st's transaction:
 * 0, 1 refused, -1. */
static int
put_audited(struct store *st, const struct member_input *in, int exists,
    const char *who, time_t now, struct field_errs *errs)
{
	struct member old = { NULL, NULL, NULL };
	struct member_input was, now_in = *in;
	struct buf b, a, obj;
	int changed, rc;

	if ((rc = member_get(st, in->key, &old)) == -1)
		return -1;
	if ((rc == 0) != exists) {
		key_refused(errs, in->key, exists);
		member_release(&old);
		return 1;
	}
	/* An edit changes what it gives. */
	if (exists) {
		as_input(&old, &was);
		if (now_in.name == NULL)
			now_in.name = old.name;
		if (now_in.kind == NULL)
			now_in.kind = old.kind;
	}
	if (member_check(&now_in, errs) != 0) {
		member_release(&old);
		return 1;
	}
	buf_init(&b);
	buf_init(&a);
	buf_init(&obj);
	if (exists)
		member_json(&was, &b);
	member_json(&now_in, &a);
	buf_printf(&obj, "member:%s", in->key);
	rc = member_import(st, &now_in, (long)now, &changed) == -1 ||
	    (changed && audit_add(st, who, exists ? "member.edit" :
	    "member.add", obj.data, b.data, a.data, now) == -1) ? -1 : 0;
	buf_release(&b);
	buf_release(&a);
	buf_release(&obj);
	member_release(&old);
	return rc;
}

int
member_put(struct store *st, const struct member_input *in, int exists,
    const char *who, time_t now, struct field_errs *errs)
{
	struct field_errs key;
	int rc;

	/* A bad key is no row to look up: said with the rest. */
	field_errs_init(&key);
	rc = field_check_value(&member_fields[0], in->key, &key);
	field_errs_release(&key);
	if (rc == -1) {
		(void)member_check(in, errs);
		return 1;
	}
	if (store_begin(st) == -1)
		return -1;
	if ((rc = put_audited(st, in, exists, who, now, errs)) != 0) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

/* The removal and its audit row, in st's transaction: as
 * member_remove(). */
static int
remove_audited(struct store *st, const char *key, const char *who,
    time_t now, long *used)
{
	struct member old = { NULL, NULL, NULL };
	struct member_input was;
	sqlite3_stmt *stmt;
	struct buf b, obj;
	int rc;

	if ((rc = member_get(st, key, &old)) != 0)
		return rc;
	if (store_count(st, "SELECT count(*) FROM activities WHERE member ="
	    " ?1", key, used) == -1) {
		member_release(&old);
		return -1;
	}
	if (*used > 0) {
		member_release(&old);
		return 2;
	}
	buf_init(&b);
	buf_init(&obj);
	as_input(&old, &was);
	member_json(&was, &b);
	buf_printf(&obj, "member:%s", key);
	if ((stmt = store_prepare(st, "DELETE FROM members WHERE key = ?1"))
	    != NULL)
		store_bind_text(stmt, 1, key);
	rc = store_step_done(st, stmt) == -1 || audit_add(st, who,
	    "member.remove", obj.data, b.data, NULL, now) == -1 ? -1 : 0;
	buf_release(&b);
	buf_release(&obj);
	member_release(&old);
	return rc;
}

int
member_remove(struct store *st, const char *key, const char *who,
    time_t now, long *used)
{
	*used = 0;
	if (store_begin(st) == -1)
		return -1;
	return store_finish(st, remove_audited(st, key, who, now, used));
}

/* The columns of a member's row: key, name, kind. */
static const struct store_col member_cols[] = {
	STORE_COL_TEXT(0, struct member, key),
	STORE_COL_TEXT(1, struct member, name),
	STORE_COL_TEXT(2, struct member, kind),
};

static void
row_member(sqlite3_stmt *stmt, void *elem)
{
	store_columns(stmt, member_cols, NELEM(member_cols), elem);
}

int
member_get(struct store *st, const char *key, struct member *out)
{
	sqlite3_stmt *stmt = store_stmt(st,
	    "SELECT key, name, kind FROM members WHERE key = ?1",
	    STORE_TEXT(key));

	return store_get_one(st, stmt, out, sizeof(*out), row_member);
}

int
member_exists(struct store *st, const char *key)
{
	return store_exists(st, "SELECT 1 FROM members WHERE key = ?1", key,
	    NULL);
}

int
member_load(struct store *st, struct member_list *out)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "SELECT key, name, kind FROM members ORDER BY rowid");

	memset(out, 0, sizeof(*out));
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_member) == 0)
		return 0;
	member_list_release(out);
	return -1;
}

void
member_release(struct member *m)
{
	free(m->key);
	free(m->name);
	free(m->kind);
	memset(m, 0, sizeof(*m));
}

void
member_list_release(struct member_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		member_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

const struct member *
member_find(const struct member_list *l, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return &l->v[i];
	return NULL;
}

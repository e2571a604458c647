/*
 * The contacts tables.  contacts holds the rows as imported, each with a
 * revision that moves only when a value changes; contact_edits holds what
 * the web application changed or added, with the revision of the
 * imported row it was made on.  An edit counts while that revision is
 * the row's (as corrections do): a re-import of the same file keeps it, a
 * changed imported row supersedes it.  One query (current_sql) merges the
 * two, so every reader sees the same contacts.
 */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "contact.h"
#include "log.h"
#include "store.h"
#include "util.h"

#define COLS "key, country, kind, city, name_vi, name_en, address, email," \
	" website, head_title_vi, head_title_en, confidence, source, note"

/* The contacts as they are now: imported rows no edit counts for, then
 * the edits that count (not removals), with origin, who and when. */
#define CURRENT \
    "SELECT * FROM (" \
    " SELECT " COLS ", 0 AS origin, NULL AS who, 0 AS at FROM contacts c" \
    "  WHERE NOT EXISTS (SELECT 1 FROM contact_edits e WHERE e.key = c.key" \
    "  AND e.base_revision = c.revision)" \
    " UNION ALL" \
    " SELECT e.key, e.country, e.kind, e.city, e.name_vi, e.name_en," \
    "  e.address, e.email, e.website, e.head_title_vi, e.head_title_en," \
    "  e.confidence, e.source, e.note," \
    "  CASE WHEN e.base_revision IS NULL THEN 2 ELSE 1 END, e.who, e.at" \
    "  FROM contact_edits e LEFT JOIN contacts c ON c.key = e.key" \
    "  WHERE e.removed = 0 AND (e.base_revision = c.revision OR" \
    "  (e.base_revision IS NULL AND c.key IS NULL)))" \
    " WHERE (?1 IS NULL OR country = ?1) AND (?2 IS NULL OR key = ?2)" \
    " AND key NOT IN (SELECT key FROM contact_trash)"
#define CURRENT_ORDER " ORDER BY country, CASE kind WHEN 'embassy' THEN 0" \
    " WHEN 'consulate-general' THEN 1 WHEN 'consulate' THEN 2" \
    " WHEN 'association' THEN 3 ELSE 4 END, key"
static const char current_sql[] = CURRENT CURRENT_ORDER;

/* Bind the 14 columns of c (contact_fields' order, COLS') from index
 * first on. */
static void
bind_contact(sqlite3_stmt *stmt, int first, const struct contact *c)
{
	const struct field *f;

	for (f = contact_fields; f->name != NULL; f++)
		store_bind_text(stmt, first++, field_value(f, c));
}

int
contact_import(struct store *st, const struct contact *c, long now,
    int *changed)
{
	static const struct store_table contacts = { "contacts",
	    COLS ", modified", 1, 1, 1 };
	sqlite3_stmt *stmt = store_upsert_prepare(st, &contacts);

	*changed = 0;
	if (stmt == NULL)
		return -1;
	bind_contact(stmt, 1, c);
	sqlite3_bind_int64(stmt, 15, now);
	return store_step_upsert(st, stmt, changed);
}

/* Write the edit c on the imported row's current revision, if any. */
static int
put_edit(struct store *st, const struct contact *c, const char *who,
    time_t now)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "INSERT OR REPLACE INTO contact_edits (" COLS ", removed,"
	    " base_revision, who, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, 0,"
	    " (SELECT revision FROM contacts WHERE key = ?1), ?15, ?16)");

	if (stmt != NULL) {
		bind_contact(stmt, 1, c);
		store_bind_text(stmt, 15, who);
		sqlite3_bind_int64(stmt, 16, (sqlite3_int64)now);
	}
	return store_step_done(st, stmt);
}

/* The write of contact_put() inside its transaction: the contact as it
 * was, the edit, and the audit row. */
static int
put_in_tx(struct store *st, const struct contact *c, const char *who,
    time_t now)
{
	struct contact old;
	struct buf b, a, obj;
	int rc, ret = -1;

	if ((rc = contact_get(st, c->key, &old)) == -1)
		return -1;
	buf_init(&b);
	buf_init(&a);
	buf_init(&obj);
	if (rc == 0)
		contact_json(&old, 0, &b);
	contact_json(c, 0, &a);
	buf_printf(&obj, "contact:%s", c->key);
	if (put_edit(st, c, who, now) == 0)
		ret = audit_add(st, who, rc == 0 ? "contact.edit" :
		    "contact.add", obj.data, b.data, a.data, now);
	if (rc == 0)
		contact_release(&old);
	buf_release(&b);
	buf_release(&a);
	buf_release(&obj);
	return ret;
}

int
contact_put(struct store *st, const struct contact *c, const char *who,
    time_t now)
{
	if (store_begin(st) == -1)
		return -1;
	if (put_in_tx(st, c, who, now) == -1) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st);
}

static void
row_contact(sqlite3_stmt *stmt, void *elem)
{
	struct contact *c = elem;
	const struct field *f;
	int i = 0;

	for (f = contact_fields; f->name != NULL; f++)
		*field_slot(f, c) = store_column_dup(stmt, i++);
	c->origin = (enum contact_origin)sqlite3_column_int(stmt, 14);
	c->who = store_column_dup(stmt, 15);
	c->at = (time_t)sqlite3_column_int64(stmt, 16);
}

/* The rows of stmt into out: 0, or -1 with out released. */
static int
collect(struct store *st, sqlite3_stmt *stmt, struct contact_list *out)
{
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_contact) == 0)
		return 0;
	contact_list_release(out);
	return -1;
}

int
contact_load(struct store *st, const char *country, struct contact_list *out)
{
	sqlite3_stmt *stmt = store_prepare(st, current_sql);

	if (stmt != NULL)
		store_bind_text(stmt, 1, country);
	return collect(st, stmt, out);
}

int
contact_page(struct store *st, const char *country, long offset,
    long limit, struct contact_list *out, long *total)
{
	sqlite3_stmt *stmt;

	memset(out, 0, sizeof(*out));
	if (store_count(st, "SELECT count(*) FROM (" CURRENT ")", country,
	    total) == -1)
		return -1;
	if ((stmt = store_prepare(st, CURRENT CURRENT_ORDER
	    " LIMIT ?3 OFFSET ?4")) != NULL) {
		store_bind_text(stmt, 1, country);
		sqlite3_bind_int64(stmt, 3, limit);
		sqlite3_bind_int64(stmt, 4, offset);
	}
	return collect(st, stmt, out);
}

int
contact_get(struct store *st, const char *key, struct contact *out)
{
	sqlite3_stmt *stmt;

	memset(out, 0, sizeof(*out));
	if (key == NULL || *key == '\0')
		return 1;
	/* One row at most: an edit that counts hides the imported row. */
	if ((stmt = store_prepare(st, current_sql)) != NULL)
		store_bind_text(stmt, 2, key);
	return store_get_one(st, stmt, out, sizeof(*out), row_contact);
}

void
contact_release(struct contact *c)
{
	char *v[] = { c->key, c->country, c->kind, c->city, c->name_vi,
		c->name_en, c->address, c->email, c->website, c->head_title_vi,
		c->head_title_en, c->confidence, c->source, c->note, c->who };
	size_t i;

	for (i = 0; i < NELEM(v); i++)
		free(v[i]);
	memset(c, 0, sizeof(*c));
}

void
contact_list_release(struct contact_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		contact_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

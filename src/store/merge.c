/*
 * kyniem merge's work.  The other database is copied (sqlite3's backup
 * API) beside this one, migrated there to this schema, and ATTACHed as
 * "other"; each table is then three statements built from its columns
 * (PRAGMA table_info: this schema's names, never input): the rows whose
 * key is here with other values (conflicts), the rows here as they are,
 * and an INSERT of the rest.  Members go one by one: one with the name
 * and kind of a member here is that member, one whose key is taken here
 * comes over under a key of its own, and the activities that came with
 * it are credited to the key it has here (temp.merge_map).  Values are
 * never spliced into SQL; the attached file's name is a bound parameter.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "file.h"
#include "jsonw.h"
#include "log.h"
#include "merge.h"
#include "store.h"
#include "util.h"

/* One table: its key, the columns a comparison leaves out (bookkeeping:
 * ids, revisions, times, secrets that differ by nature), and those a
 * copy leaves out (the row gets this database's id; a pending one-time
 * link does not travel). */
struct spec {
	const char *table, *key;
	const char *mapped;		/* a column read through temp.merge_map */
	const char *not_compared;	/* ",a,b," */
	const char *not_copied;
	const char *only;		/* a condition a row must meet to
					 * come over, on o; NULL: none */
	const char *why_not;		/* what a row that does not is */
};

/* Accounts and recipients first: the activities' owners must be one. */
static const struct spec specs[] = {
	{ "users", "email", NULL, ",id,password,link_hash,link_until,created,"
	    "modified,", ",id,link_hash,link_until,", NULL, NULL },
	{ "recipients", "email", NULL, ",created,", ",", NULL, NULL },
	{ "contacts", "key", NULL, ",revision,modified,", ",", NULL, NULL },
	{ "contact_edits", "key", NULL, ",who,at,", ",", NULL, NULL },
	{ "corrections", "key", NULL, ",who,at,base_revision,", ",",
	    "o.key IN (SELECT key FROM main.observances)",
	    "no such observance here" },
	{ "members", "key", NULL, NULL, NULL, NULL, NULL },	/* members() */
	{ "activities", "uid", "member", ",id,revision,created,modified,",
	    ",id,", NULL, NULL },
};

/* The other database's value of column col, as this one will hold it:
 * a member's key through the members that came over renamed. */
static void
ocol(const struct spec *s, const char *col, struct buf *b)
{
	if (s->mapped != NULL && strcmp(col, s->mapped) == 0)
		buf_printf(b, "COALESCE((SELECT main_key FROM temp.merge_map"
		    " WHERE other_key = o.\"%s\"), o.\"%s\")", col, col);
	else
		buf_printf(b, "o.\"%s\"", col);
}

struct cols {
	char **v;
	size_t n;
};

static void
cols_release(struct cols *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
}

/* Append a conflict's line (r takes it). */
static void
conflict_add(struct merge_report *r, char *line)
{
	r->conflicts = xrealloc(r->conflicts, (r->nconflicts + 1) *
	    sizeof(*r->conflicts));
	r->conflicts[r->nconflicts++] = line;
}

/* The columns of main.table, in order. */
static int
columns(struct store *st, const char *table, struct cols *c)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT name FROM"
	    " pragma_table_info(?1, 'main') ORDER BY cid");
	int rc;

	memset(c, 0, sizeof(*c));
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, table);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c->v = xrealloc(c->v, (c->n + 1) * sizeof(*c->v));
		c->v[c->n++] = store_column_dup(stmt, 0);
	}
	return store_rows_done(st, stmt, rc);
}

/* 1 if col is in the list ",a,b,". */
static int
listed(const char *list, const char *col)
{
	const char *p = strstr(list, col);
	size_t n = strlen(col);

	while (p != NULL) {
		if (p[-1] == ',' && p[n] == ',')
			return 1;
		p = strstr(p + 1, col);
	}
	return 0;
}

/* "o.a IS NOT m.a OR ..." over the compared columns ("0" for none). */
static void
differs(const struct spec *s, const struct cols *c, struct buf *b)
{
	size_t i;
	int any = 0;

	for (i = 0; i < c->n; i++) {
		if (listed(s->not_compared, c->v[i]))
			continue;
		buf_puts(b, any ? " OR " : "");
		ocol(s, c->v[i], b);
		buf_printf(b, " IS NOT m.\"%s\"", c->v[i]);
		any = 1;
	}
	if (!any)
		buf_puts(b, "0");
}

/* The conflicts of one table: each key with the columns that differ. */
static int
conflicts(struct store *st, const struct spec *s, const struct cols *c,
    struct merge_report *r, long *n)
{
	sqlite3_stmt *stmt;
	struct buf sql, line;
	size_t i;
	int rc, k;

	buf_init(&sql);
	buf_printf(&sql, "SELECT o.\"%s\"", s->key);
	for (i = 0; i < c->n; i++) {
		buf_puts(&sql, ", ");
		ocol(s, c->v[i], &sql);
		buf_printf(&sql, " IS NOT m.\"%s\"", c->v[i]);
	}
	buf_printf(&sql, " FROM other.\"%s\" o JOIN main.\"%s\" m ON m.\"%s\""
	    " = o.\"%s\" WHERE ", s->table, s->table, s->key, s->key);
	differs(s, c, &sql);
	buf_printf(&sql, " ORDER BY 1");
	stmt = store_prepare(st, sql.data);
	buf_release(&sql);
	if (stmt == NULL)
		return -1;
	buf_init(&line);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		line.len = 0;
		buf_printf(&line, "%s '%s': ", s->table,
		    (const char *)sqlite3_column_text(stmt, 0));
		for (i = 0, k = 0; i < c->n; i++)
			if (!listed(s->not_compared, c->v[i]) &&
			    sqlite3_column_int(stmt, (int)i + 1))
				buf_printf(&line, "%s%s", k++ ? ", " : "",
				    c->v[i]);
		buf_puts(&line, k > 1 ? " differ; this database's row kept" :
		    " differs; this database's row kept");
		conflict_add(r, xstrdup(line.data));
		(*n)++;
	}
	buf_release(&line);
	return store_rows_done(st, stmt, rc);
}

/* The rows that cannot come over (spec's only fails): conflicts too. */
static int
unwelcome(struct store *st, const struct spec *s, struct merge_report *r,
    long *n)
{
	sqlite3_stmt *stmt;
	char *sql;
	int rc;

	if (s->only == NULL)
		return 0;
	sql = xasprintf("SELECT o.\"%s\" FROM other.\"%s\" o WHERE NOT (%s)"
	    " AND NOT EXISTS (SELECT 1 FROM main.\"%s\" m WHERE m.\"%s\" ="
	    " o.\"%s\") ORDER BY 1", s->key, s->table, s->only, s->table,
	    s->key, s->key);
	stmt = store_prepare(st, sql);
	free(sql);
	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		conflict_add(r, xasprintf("%s '%s': %s; not merged",
		    s->table, (const char *)sqlite3_column_text(stmt, 0),
		    s->why_not));
		(*n)++;
	}
	return store_rows_done(st, stmt, rc);
}

static int
count_same(struct store *st, const struct spec *s, const struct cols *c,
    long *n)
{
	struct buf sql;
	int ret;

	buf_init(&sql);
	buf_printf(&sql, "SELECT count(*) FROM other.\"%s\" o JOIN main.\"%s\""
	    " m ON m.\"%s\" = o.\"%s\" WHERE NOT (", s->table, s->table,
	    s->key, s->key);
	differs(s, c, &sql);
	buf_puts(&sql, ")");
	ret = store_count(st, sql.data, NULL, n);
	buf_release(&sql);
	return ret;
}

/* INSERT the rows whose key is new here; *n gets how many. */
static int
insert_new(struct store *st, const struct spec *s, const struct cols *c,
    long *n)
{
	struct buf sql, list, values;
	size_t i;
	int ret;

	buf_init(&list);
	buf_init(&values);
	for (i = 0; i < c->n; i++) {
		if (listed(s->not_copied, c->v[i]))
			continue;
		buf_printf(&list, "%s\"%s\"", list.len ? ", " : "", c->v[i]);
		buf_puts(&values, values.len ? ", " : "");
		ocol(s, c->v[i], &values);
	}
	buf_init(&sql);
	buf_printf(&sql, "INSERT INTO main.\"%s\" (%s) SELECT %s FROM"
	    " other.\"%s\" o WHERE NOT EXISTS (SELECT 1 FROM main.\"%s\" m"
	    " WHERE m.\"%s\" = o.\"%s\")%s%s ORDER BY o.rowid", s->table,
	    list.data, values.data, s->table, s->table, s->key, s->key,
	    s->only != NULL ? " AND " : "", s->only != NULL ? s->only : "");
	ret = store_step_done(st, store_prepare(st, sql.data));
	*n = ret == 0 ? sqlite3_changes(store_db(st)) : 0;
	buf_release(&sql);
	buf_release(&list);
	buf_release(&values);
	return ret;
}

/* The owners of the activities that just came over (their uids are in
 * temp.merge_new, taken before the insert). */
static int
owners(struct store *st)
{
	return store_step_done(st, store_prepare(st, "INSERT INTO"
	    " main.activity_owners (activity, pos, email) SELECT m.id, o.pos,"
	    " o.email FROM other.activity_owners o JOIN other.activities a ON"
	    " a.id = o.activity JOIN main.activities m ON m.uid = a.uid WHERE"
	    " a.uid IN (SELECT uid FROM temp.merge_new) ORDER BY m.id, o.pos"));
}

/* The key of this database's member named name, of kind (the key given
 * first): 0 with *out (to free), 1 when none, -1. */
static int
member_like(struct store *st, const char *key, const char *name,
    const char *kind, char **out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT key FROM main.members"
	    " WHERE name = ?2 AND kind = ?3 ORDER BY key = ?1 DESC, rowid"
	    " LIMIT 1");
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	store_bind_text(stmt, 2, name);
	store_bind_text(stmt, 3, kind);
	*out = (rc = sqlite3_step(stmt)) == SQLITE_ROW ?
	    store_column_dup(stmt, 0) : NULL;
	if (store_rows_done(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc) ==
	    -1)
		return -1;
	return *out != NULL ? 0 : 1;
}

/* key, or key-2, key-3...: the first no member here has. */
static char *
free_key(struct store *st, const char *key)
{
	char *k = xstrdup(key);
	int n, used;

	for (n = 2; (used = store_exists(st, "SELECT 1 FROM main.members"
	    " WHERE key = ?1", k, NULL)) == 1; n++) {
		free(k);
		k = xasprintf("%s-%d", key, n);
	}
	if (used == -1) {
		free(k);
		return NULL;
	}
	return k;
}

/* One member of the other database: the same one here (by its name and
 * kind), or a new row, under a key of its own when its key is another
 * member's here; temp.merge_map says which key it has here. */
static int
member_one(struct store *st, const char *key, const char *name,
    const char *kind, long long modified, struct merge_report *r,
    struct merge_table_count *t)
{
	sqlite3_stmt *stmt;
	char *here = NULL;
	int rc, ret = -1;

	if ((rc = member_like(st, key, name, kind, &here)) == -1)
		return -1;
	if (rc == 0)
		t->same++;
	else if ((here = free_key(st, key)) == NULL)
		return -1;
	else {
		stmt = store_stmt(st, "INSERT INTO main.members (key, name,"
		    " kind, modified) VALUES (?1, ?2, ?3, ?4)",
		    STORE_TEXT(here), STORE_TEXT(name), STORE_TEXT(kind),
		    STORE_INT(modified));
		if (store_step_done(st, stmt) == -1)
			goto done;
		t->added++;
		if (strcmp(here, key) != 0) {
			t->conflicts++;
			conflict_add(r, xasprintf("members '%s': another member "
			    "has that key here; came over as '%s'", key, here));
		}
	}
	stmt = store_stmt(st, "INSERT INTO temp.merge_map (other_key,"
	    " main_key) VALUES (?1, ?2)",
	    STORE_TEXT(key), STORE_TEXT(here));
	ret = store_step_done(st, stmt);
done:
	free(here);
	return ret;
}

/* The members, one by one, in the order they were added there. */
static int
members(struct store *st, struct merge_report *r, struct merge_table_count *t)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_step_done(st, store_prepare(st, "CREATE TEMP TABLE"
	    " merge_map (other_key TEXT PRIMARY KEY, main_key TEXT NOT"
	    " NULL)")) == -1)
		return -1;
	if ((stmt = store_prepare(st, "SELECT key, name, kind, modified FROM"
	    " other.members ORDER BY rowid")) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (member_one(st, (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1),
		    (const char *)sqlite3_column_text(stmt, 2),
		    sqlite3_column_int64(stmt, 3), r, t) == -1) {
			sqlite3_finalize(stmt);
			return -1;
		}
	if (store_rows_done(st, stmt, rc) == -1)
		return -1;
	r->added += t->added;
	return 0;
}

static int
merge_table(struct store *st, const struct spec *s, struct merge_report *r,
    struct merge_table_count *t)
{
	struct cols c;
	int ret = -1;

	t->table = s->table;
	if (strcmp(s->table, "members") == 0)
		return members(st, r, t);
	if (columns(st, s->table, &c) == -1)
		return -1;
	if (strcmp(s->table, "activities") == 0 && store_step_done(st,
	    store_prepare(st, "CREATE TEMP TABLE merge_new AS SELECT uid FROM"
	    " other.activities o WHERE NOT EXISTS (SELECT 1 FROM"
	    " main.activities m WHERE m.uid = o.uid)")) == -1)
		goto done;
	if (conflicts(st, s, &c, r, &t->conflicts) == -1 ||
	    unwelcome(st, s, r, &t->conflicts) == -1 ||
	    count_same(st, s, &c, &t->same) == -1 ||
	    insert_new(st, s, &c, &t->added) == -1)
		goto done;
	if (strcmp(s->table, "activities") == 0 && owners(st) == -1)
		goto done;
	r->added += t->added;
	ret = 0;
done:
	cols_release(&c);
	return ret;
}

/* The audit row: the file and what came of each table. */
static int
audit(struct store *st, const char *other, const struct merge_report *r,
    const char *who, time_t now)
{
	char *obj = xasprintf("merge:%s", other);
	struct jsonw j;
	struct buf b;
	size_t i;
	int ret;

	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "file", other);
	for (i = 0; i < r->ntables; i++) {
		jsonw_object(&j, r->tables[i].table);
		jsonw_int(&j, "added", r->tables[i].added);
		jsonw_int(&j, "same", r->tables[i].same);
		jsonw_int(&j, "conflicts", r->tables[i].conflicts);
		jsonw_end(&j);
	}
	jsonw_end(&j);
	ret = audit_add(st, who, "db.merge", obj, NULL, b.data, now);
	buf_release(&b);
	free(obj);
	return ret;
}

/* Every table, in one transaction: committed unless dry (or failed). */
static int
merge_all(struct store *st, const char *other, int dry_run, const char *who,
    time_t now, struct merge_report *r)
{
	size_t i;

	if (store_begin(st) == -1)
		return -1;
	r->tables = xcalloc(NELEM(specs), sizeof(*r->tables));
	for (i = 0; i < NELEM(specs); i++) {
		if (merge_table(st, &specs[i], r, &r->tables[i]) == -1)
			goto fail;
		r->ntables++;
	}
	if (r->added > 0 && audit(st, other, r, who, now) == -1)
		goto fail;
	if (store_step_done(st, store_prepare(st, "DROP TABLE IF EXISTS"
	    " temp.merge_new")) == -1 || store_step_done(st, store_prepare(st,
	    "DROP TABLE IF EXISTS temp.merge_map")) == -1)
		goto fail;
	return dry_run ? store_rollback(st) : store_commit(st);
fail:
	(void)store_rollback(st);
	return -1;
}

/* A copy of other at tmp, migrated to this schema; 0 or -1 (logged). */
static int
copy_migrated(const char *other, const char *tmp)
{
	sqlite3 *src = NULL, *dst = NULL;
	sqlite3_backup *bk;
	int v = 0, ret = -1;

	if (sqlite3_open_v2(other, &src, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		log_warnx("cannot open '%s': %s", other, sqlite3_errmsg(src));
		goto done;
	}
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK || (bk = sqlite3_backup_init(dst, "main", src,
	    "main")) == NULL) {
		log_warnx("cannot copy '%s': %s", other, sqlite3_errmsg(dst));
		goto done;
	}
	(void)sqlite3_backup_step(bk, -1);
	if (sqlite3_backup_finish(bk) != SQLITE_OK) {
		log_warnx("'%s': %s", other, sqlite3_errmsg(dst));
		goto done;
	}
	if (store_db_user_version(dst, &v) == -1 || v == 0)
		log_warnx("'%s' is not a kyniem database (no schema version)",
		    other);
	else if (v > store_schema_version())
		log_warnx("'%s': its schema version %d is newer than this "
		    "kyniem's (%d): merge it with a newer kyniem", other, v,
		    store_schema_version());
	else
		ret = store_migrate_db(dst, other);
done:
	sqlite3_close(dst);
	sqlite3_close(src);
	return ret;
}

static int
attach(struct store *st, const char *tmp)
{
	return store_exec(st, "ATTACH DATABASE ?1 AS other",
	    STORE_TEXT(tmp));
}

int
merge_db(struct store *st, const char *other, int dry_run, const char *who,
    time_t now, struct merge_report *r)
{
	char *tmp = xasprintf("%s.merge-XXXXXX", store_path(st));
	int fd, ret = -1;

	memset(r, 0, sizeof(*r));
	if (access(other, R_OK) == -1) {
		log_warn("cannot read '%s'", other);
		goto done;
	}
	if (file_same(other, store_path(st))) {
		log_warnx("'%s' is this database", other);
		goto done;
	}
	if ((fd = mkstemp(tmp)) == -1) {
		log_warn("cannot create '%s'", tmp);
		goto done;
	}
	close(fd);
	if (copy_migrated(other, tmp) == 0 && attach(st, tmp) == 0) {
		ret = merge_all(st, other, dry_run, who, now, r);
		(void)store_step_done(st, store_prepare(st, "DETACH DATABASE"
		    " other"));
	}
	unlink(tmp);
done:
	free(tmp);
	return ret;
}

void
merge_report_release(struct merge_report *r)
{
	size_t i;

	for (i = 0; i < r->nconflicts; i++)
		free(r->conflicts[i]);
	free(r->conflicts);
	free(r->tables);
	memset(r, 0, sizeof(*r));
}

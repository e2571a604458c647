/*
 * Restoring a backup, or an SQLite database file (a .before-restore
 * copy, a copy made by hand), over the database: the copy is read and
 * checked in memory and migrated to this kyniem's schema, the database
 * as it was is written beside it, and the copy goes in through SQLite's
 * backup API in one write transaction, so that a server running on the
 * database sees the old data or the restored, never half of each.  The
 * restore's audit row is written into the copy first: it goes in with
 * the data it describes, or not at all.
 */
#include <sys/stat.h>

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "backup.h"
#include "backup_int.h"
#include "config.h"
#include "jsonw.h"
#include "file.h"
#include "log.h"
#include "store.h"
#include "vntime.h"

/* The first 16 bytes of every SQLite database file. */
static const char sqlite_magic[16] = "SQLite format 3";

/* A plain database file's bytes as the image; 0 or -1 (logged). */
static int
plain_image(const char *file, const char *data, size_t len,
    unsigned char **img)
{
	struct stat sb;
	char *wal;
	int has_wal;

	/* Its last transactions may be in a -wal file beside it, which a
	 * copy of the file alone does not have. */
	wal = xasprintf("%s-wal", file);
	has_wal = len >= 100 && data[18] == 2 && stat(wal, &sb) == 0 &&
	    sb.st_size > 0;
	free(wal);
	if (has_wal) {
		log_warnx("'%s' is a database whose latest changes are in "
		    "'%s-wal' beside it: back it up with kyniem backup (or "
		    "open it once with sqlite3) and restore that", file, file);
		return -1;
	}
	if ((*img = sqlite3_malloc64(len)) == NULL) {
		log_warnx("'%s': no memory for %zu bytes", file, len);
		return -1;
	}
	memcpy(*img, data, len);
	if (len >= 100)
		(*img)[18] = (*img)[19] = 1;
	return 0;
}

/* The database image of file into *img (sqlite3_malloc'd), and what the
 * file is in r; 0 or -1 (logged). */
static int
read_image(const struct config *cfg, const char *file,
    struct backup_restored *r, unsigned char **img, size_t *len)
{
	struct bk_header h;
	const char *why;
	char *data;
	size_t n;
	int ret = -1;

	if ((data = file_read(file, &n)) == NULL) {
		log_warn("cannot read '%s'", file);
		return -1;
	}
	if (n >= sizeof(sqlite_magic) && memcmp(data, sqlite_magic,
	    sizeof(sqlite_magic)) == 0) {
		r->plain = 1;
		if (plain_image(file, data, n, img) == 0) {
			*len = n;
			ret = 0;
		}
		goto done;
	}
	if (bk_header_parse((unsigned char *)data, n, &h, &why) == -1) {
		log_warnx("'%s': %s%s", file, why, strcmp(why, "not a kyniem "
		    "backup") == 0 ? " (nor an SQLite database)" : "");
		goto done;
	}
	r->created = (time_t)h.created;
	r->encrypted = (h.flags & BK_ENCRYPTED) != 0;
	r->schema = h.schema;
	/* Before any key is asked for: the file says it. */
	if (h.schema > store_schema_version()) {
		log_warnx("'%s': its schema version %d is newer than this "
		    "kyniem's (%d): restore it with the kyniem that made it, "
		    "or a newer one", file, h.schema, store_schema_version());
		goto done;
	}
	ret = bk_decode(file, (unsigned char *)data, n, cfg->backup_key_file,
	    img, len);
done:
	free(data);
	return ret;
}

/* The rows of every table of db into r; 0 or -1 (logged). */
static int
count_tables(sqlite3 *db, const char *file, struct backup_restored *r)
{
	sqlite3_stmt *names = NULL, *count = NULL;
	struct backup_table *t;
	char *sql;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE "
	    "type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	    "ORDER BY name", -1, &names, NULL) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(names)) == SQLITE_ROW) {
		/* A table name is no parameter: %w quotes it as an
		 * identifier. */
		sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"",
		    (const char *)sqlite3_column_text(names, 0));
		if (sql == NULL)
			fatal("out of memory");
		rc = sqlite3_prepare_v2(db, sql, -1, &count, NULL);
		sqlite3_free(sql);
		if (rc != SQLITE_OK || sqlite3_step(count) != SQLITE_ROW)
			goto fail;
		r->tables = xrealloc(r->tables, (r->ntables + 1) *
		    sizeof(*r->tables));
		t = &r->tables[r->ntables++];
		t->name = xstrdup((const char *)sqlite3_column_text(names, 0));
		t->rows = sqlite3_column_int64(count, 0);
		sqlite3_finalize(count);
		count = NULL;
	}
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(names);
	return 0;
fail:
	log_warnx("'%s': cannot count the rows: %s", file, sqlite3_errmsg(db));
	sqlite3_finalize(count);
	sqlite3_finalize(names);
	return -1;
}

/* The image in a connection of its own, checked and migrated; 0 and
 * *out, or -1 (logged; img is freed either way). */
static int
open_copy(const char *file, unsigned char *img, size_t len,
    struct backup_restored *r, sqlite3 **out)
{
	sqlite3 *db = NULL;
	int v;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		fatal("cannot open an in-memory database");
	/* It frees img, even when it fails. */
	if (sqlite3_deserialize(db, "main", img, (sqlite3_int64)len,
	    (sqlite3_int64)len, SQLITE_DESERIALIZE_FREEONCLOSE |
	    SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
		fatal("cannot read a database in memory");
	if (bk_integrity(db, file, 0) == -1 || store_db_user_version(db, &v) == -1)
		goto fail;
	if (r->plain)
		r->schema = v;
	if (v == 0) {
		log_warnx("'%s': not a kyniem database (no schema version)",
		    file);
		goto fail;
	}
	if (v > store_schema_version()) {
		log_warnx("'%s': its schema version %d is newer than this "
		    "kyniem's (%d): restore it with a newer kyniem", file, v,
		    store_schema_version());
		goto fail;
	}
	if (store_migrate_db(db, file) == -1)
		goto fail;
	*out = db;
	return 0;
fail:
	sqlite3_close(db);
	return -1;
}

/* data_rev of a database (0 when it has none). */
static long long
data_rev(sqlite3 *db)
{
	sqlite3_stmt *stmt = NULL;
	long long rev = 0;

	if (sqlite3_prepare_v2(db, "SELECT rev FROM data_rev", -1, &stmt,
	    NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		rev = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return rev;
}

/* The database as it is, to DB.before-restore; 0 and *rev its data
 * revision, or -1 (logged). */
static int
keep_before(const char *path, struct backup_restored *r, long long *rev)
{
	struct bk_copy c;
	int ret = -1;

	if (bk_copy_take(path, &c) == -1) {
		log_warnx("cannot keep a copy of '%s' before restoring: "
		    "nothing was changed", path);
		return -1;
	}
	*rev = data_rev(c.check);
	r->before = xasprintf("%s.before-restore", path);
	if (file_write_atomic_mode(r->before, (const char *)c.img, c.len,
	    0600) == 0) {
		bk_own_like(r->before, path);
		ret = 0;
	}
	bk_copy_release(&c);
	return ret;
}

/* The connection to the database at path, created when missing with
 * copy's page size and in WAL mode as store_open() would; NULL (logged)
 * on error. */
static sqlite3 *
open_target(const char *path, int exists, sqlite3 *copy)
{
	sqlite3 *db = NULL;
	char sql[80];
	int psize = 0;
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		log_warnx("cannot open database '%s': %s", path,
		    db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, STORE_BUSY_MS);
	if (exists)
		return db;
	if (sqlite3_prepare_v2(copy, "PRAGMA page_size", -1, &stmt, NULL) ==
	    SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		psize = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	/* PRAGMA takes no parameter; psize is SQLite's own number. */
	snprintf(sql, sizeof(sql), "PRAGMA page_size = %d; "
	    "PRAGMA journal_mode = WAL", psize > 0 ? psize : 4096);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		log_warnx("cannot create database '%s': %s", path,
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* A database created by root goes to the owner of its directory (the
 * service's user). */
static void
own_like_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash != NULL && slash != dir) {
		*slash = '\0';
		bk_own_like(path, dir);
	}
	free(dir);
}

/* The restore of file (r) by who in the copy's audit trail; 0 or -1
 * (logged). */
static int
audit_restore(sqlite3 *copy, const char *path, const char *file,
    const struct backup_restored *r, const char *who, time_t now)
{
	struct buf after, taken;
	struct jsonw j;
	int ret;

	buf_init(&after);
	buf_init(&taken);
	jsonw_init(&j, &after, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "file", file);
	if (!r->plain) {
		vntime_format_time(r->created, &taken);
		jsonw_str(&j, "taken", taken.data);
		jsonw_bool(&j, "encrypted", r->encrypted);
	}
	jsonw_int(&j, "schema", r->schema);
	jsonw_end(&j);
	ret = audit_add_db(copy, path, who, "backup.restore", file, NULL,
	    after.data, now);
	buf_release(&after);
	buf_release(&taken);
	return ret;
}

/* The checked copy of file, with the audit row of its restore by who,
 * in place of the database at path, without the sessions of its time
 * (a session ended since must not come back: everyone logs in again);
 * 0 or -1 (logged). */
static int
swap_in(const char *path, const char *file, sqlite3 *copy, const char *who,
    time_t now, struct backup_restored *r)
{
	struct stat sb;
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	long long rev = 0;
	int exists = stat(path, &sb) == 0, rc, ret = -1;

	/* First: a trail that refuses the row leaves even .before-restore
	 * unwritten. */
	if (audit_restore(copy, path, file, r, who, now) == -1 ||
	    (exists && keep_before(path, r, &rev) == -1))
		return -1;
	/* Past both revisions: a server on the database sees that its
	 * data changed, whatever numbers the two had. */
	if (sqlite3_prepare_v2(copy, "UPDATE data_rev SET rev = max(rev, ?1) "
	    "+ 1", -1, &stmt, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 1, rev) != SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_DONE ||
	    sqlite3_exec(copy, "DELETE FROM sessions", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		log_warnx("cannot prepare the copy: %s", sqlite3_errmsg(copy));
		goto done;
	}
	if (count_tables(copy, path, r) == -1 ||
	    (db = open_target(path, exists, copy)) == NULL)
		goto done;
	if ((rc = bk_backup_step(db, copy)) != SQLITE_OK) {
		log_warnx("cannot restore into '%s': %s%s", path,
		    sqlite3_errstr(rc), rc == SQLITE_READONLY ? " (the two "
		    "databases' page sizes differ: stop the service, move the "
		    "database away and restore again)" : "");
		goto done;
	}
	/* The copy passed integrity_check; the pages went in as they are. */
	if (bk_integrity(db, path, 1) == -1)
		goto done;
	ret = 0;
done:
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	if (ret == 0 && !exists)
		own_like_dir(path);
	return ret;
}

int
backup_restore(const struct config *cfg, const char *file, int flags,
    const char *who, time_t now, struct backup_restored *r)
{
	unsigned char *img = NULL;
	sqlite3 *copy = NULL;
	size_t len = 0;
	int ret = -1;

	memset(r, 0, sizeof(*r));
	if (file_same(file, cfg->db_path)) {
		log_warnx("'%s' is the database itself, not a backup of it",
		    file);
		return -1;
	}
	if (read_image(cfg, file, r, &img, &len) == -1 ||
	    open_copy(file, img, len, r, &copy) == -1)
		goto done;
	if (flags & BACKUP_CHECK) {
		if (count_tables(copy, file, r) == -1)
			goto done;
	} else if (swap_in(cfg->db_path, file, copy, who, now, r) == -1)
		goto done;
	ret = 0;
done:
	sqlite3_close(copy);
	if (ret == -1)
		backup_restored_release(r);
	return ret;
}

void
backup_restored_release(struct backup_restored *r)
{
	size_t i;

	for (i = 0; i < r->ntables; i++)
		free(r->tables[i].name);
	free(r->tables);
	free(r->before);
	memset(r, 0, sizeof(*r));
}

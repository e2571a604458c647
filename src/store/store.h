/*
 * The SQLite database: opening, schema migrations (PRAGMA user_version),
 * transactions, and the relations tables (countries, observances and their
 * per-year dates).  Other modules own their own tables' queries but go
 * through store_db() and the migrations listed in store.c.
 */
#ifndef KYNIEM_STORE_H
#define KYNIEM_STORE_H

#include <sqlite3.h>
#include <stddef.h>
#include <time.h>

#include "rules.h"

struct store;

struct country {
	char code[3];
	const char *name_en, *name_vi, *formal_en, *formal_vi, *source;
};

/* A loaded set of observances (owned; release with obs_set_release). */
struct obs_set {
	struct observance **v;
	size_t n;
};

/* How long a statement waits for another process's write lock. */
#define STORE_BUSY_MS	30000

/* Flags of store_open(). */
#define STORE_CREATE	0x1	/* create the file (and its directory) */
#define STORE_STAGED	0x2	/* with STORE_CREATE: store_publish() */

/*
 * Open and migrate the database at path; it must exist unless flags has
 * STORE_CREATE (only `kyniem init` creates one: a mistyped path must not
 * become an empty database that the server then publishes).  WAL,
 * foreign keys and a busy timeout are set.  Returns 0 and *out, or -1
 * after logging why.
 */
int store_open(const char *path, int flags, struct store **out);

/* The schema version this kyniem brings a database to (PRAGMA
 * user_version after the last migration). */
int store_schema_version(void);
/*
 * Migrate the database of another connection (a copy being restored)
 * as store_open() does, in one transaction; messages name it name.
 * 0, or -1 (logged; a newer schema than this kyniem's is refused).
 */
int store_migrate_db(sqlite3 *db, const char *name);

/* 1 if the last failure was another writer holding the database (after
 * the busy timeout), so trying again later may succeed. */
int store_busy(struct store *st);

/*
 * Take the lock called name ("remind") that every process using this
 * database respects: a file beside it, flock()ed, so a process that dies
 * releases it.  Waits up to wait_seconds.  Returns a descriptor for
 * store_unlock(), -2 for a database in memory (no lock needed), or -1
 * (logged) when it could not be taken.
 */
int store_lock(struct store *st, const char *name, int wait_seconds);
void store_unlock(int fd);
/*
 * With STORE_STAGED, a database that does not exist yet is built in a
 * temporary file beside path (PATH.new-XXXXXX), so that nobody uses it
 * half made: store_publish() puts it at path once it is complete (the
 * file synced, linked in place, never over a database that appeared
 * meanwhile, the directory synced) and reopens it there; store_close()
 * before that removes it.  Without staging (or when path existed) it
 * returns 0 at once.  Returns 0, or -1 (logged) with the staged file
 * removed and st not to be used but closed.
 */
int store_publish(struct store *st);
void store_close(struct store *st);
/* The connection, lent to modules that own other tables. */
sqlite3 *store_db(struct store *st);
/* PRAGMA user_version of db, this store's or a copy's (0: not a kyniem
 * database); 0 or -1. */
int store_db_user_version(sqlite3 *db, int *v);
const char *store_path(const struct store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; 0 or -1 (logged). */
int store_begin(struct store *st);
int store_commit(struct store *st);
int store_rollback(struct store *st);
/* End the transaction a write began: COMMIT when rc is 0, ROLLBACK
 * otherwise; 0 when it committed, else -1. */
int store_end(struct store *st, int rc);
/* The same for a write whose rc says more than failure (1: no such
 * row): rc when it is not 0 (rolled back), else the commit's 0 or -1. */
int store_finish(struct store *st, int rc);

/* Bind s as text, or NULL when s is NULL or empty. */
void store_bind_text(sqlite3_stmt *stmt, int i, const char *s);
/* Column i as a newly allocated string, or NULL for SQL NULL. */
char *store_column_dup(sqlite3_stmt *stmt, int i);

/*
 * A statement's parameters, declared where it is written instead of a
 * bind call a line: store_stmt(st, sql, STORE_TEXT(key), STORE_INT(now))
 * prepares sql and binds ?1, ?2... in order.  STORE_TEXT binds as
 * store_bind_text() does (NULL or "" as NULL), STORE_STR as it is (""
 * stays empty text), STORE_INT any integer.  store_stmt() gives the
 * statement, or NULL (logged) when the prepare fails, for the step
 * helpers below; store_exec() steps it with store_step_done().
 */
struct store_arg {
	char type;		/* 't', 's' or 'n'; 0 ends the list */
	const char *s;
	sqlite3_int64 n;
};
#define STORE_TEXT(v)	{ 't', (v), 0 }
#define STORE_STR(v)	{ 's', (v), 0 }
#define STORE_INT(v)	{ 'n', NULL, (v) }
#define store_stmt(st, sql, ...) store_stmt_args((st), (sql), \
	(const struct store_arg[]){ __VA_ARGS__, { 0, NULL, 0 } })
#define store_exec(st, sql, ...) store_exec_args((st), (sql), \
	(const struct store_arg[]){ __VA_ARGS__, { 0, NULL, 0 } })
sqlite3_stmt *store_stmt_args(struct store *st, const char *sql,
    const struct store_arg *args);
int store_exec_args(struct store *st, const char *sql,
    const struct store_arg *args);

/*
 * A row read into a struct by a declared table, one entry a column: the
 * column's number, and the member it goes to, of the type the macro
 * names (the build checks it): STORE_COL_TEXT a char * (newly allocated,
 * NULL for SQL NULL), STORE_COL_INT an int, STORE_COL_LONG a long,
 * STORE_COL_LLONG a long long, STORE_COL_TIME a time_t.
 */
struct store_col {
	int col;
	char type;
	size_t off;
};
#define STORE_COL_(c, t, s, m, T) { (c), (t), offsetof(s, m) + \
	0 * sizeof((T *){ &((s *)0)->m }) }
#define STORE_COL_TEXT(c, s, m)	STORE_COL_(c, 't', s, m, char *)
#define STORE_COL_INT(c, s, m)	STORE_COL_(c, 'i', s, m, int)
#define STORE_COL_LONG(c, s, m)	STORE_COL_(c, 'l', s, m, long)
#define STORE_COL_LLONG(c, s, m) STORE_COL_(c, 'L', s, m, long long)
#define STORE_COL_TIME(c, s, m)	STORE_COL_(c, 'T', s, m, time_t)
/* Fill elem from stmt's row by the n entries of cols. */
void store_columns(sqlite3_stmt *stmt, const struct store_col *cols,
    size_t n, void *elem);

/*
 * Step a statement that returns no rows (or whose rows are not wanted)
 * and finalize it (NULL, from a failed prepare, is -1); an error is
 * logged.  Returns 0 or -1.
 */
int store_step_done(struct store *st, sqlite3_stmt *stmt);

/*
 * Step stmt (NULL: a failed prepare) to its end, appending one element of
 * size bytes per row to the array *(void **)vp of *n elements, filled
 * (zeroed first) by row(stmt, element); stmt is finalized.  Returns 0, or
 * -1 (logged) with what was read left for the caller to release.
 */
int store_collect(struct store *st, sqlite3_stmt *stmt, void *vp,
    size_t *n, size_t size, void (*row)(sqlite3_stmt *, void *));

/*
 * The one row of stmt (NULL: a failed prepare), a lookup by a key: elem,
 * of size bytes, is zeroed and filled by row(stmt, elem); stmt is
 * finalized.  Returns 0, 1 when there is no such row, or -1 (logged).
 */
int store_get_one(struct store *st, sqlite3_stmt *stmt, void *elem,
    size_t size, void (*row)(sqlite3_stmt *, void *));

/*
 * End a loop over a query's rows: finalize stmt and, unless the last step
 * returned rc == SQLITE_DONE, log the error.  Returns 0 or -1.
 */
int store_rows_done(struct store *st, sqlite3_stmt *stmt, int rc);

/*
 * A number that moves whenever what documents, feeds and pages are made
 * of changes (observances, their dates, countries, groups, activities
 * and their owners, corrections, contacts and their edits, the
 * narrative texts), by any process, and not when sessions, login
 * failures or the audit trail are written.  0 or -1 (logged).
 */
int store_data_rev(struct store *st, long long *rev);

/*
 * What the database's files look like (size, times, inode of the file and
 * of its write-ahead log): every commit, by any process, writes the log,
 * so an unchanged signature means, in practice, unchanged data.  Lets a
 * server skip reading the database on every request; it must still read
 * it now and then (the clock's granularity can hide a write).  0, or -1
 * for a database in memory (no signature: read it every time).
 */
struct store_file_sig {
	struct timespec mtime, ctime;
	long long size;
	unsigned long long ino;
};
struct store_sig {
	struct store_file_sig db, wal;
};
int store_signature(const struct store *st, struct store_sig *sig);
/* 1 if a and b are the same signature. */
int store_sig_equal(const struct store_sig *a, const struct store_sig *b);

/* Log the connection's last error, naming the database file. */
void store_warn(struct store *st);

/* Prepare sql; logs and returns NULL on error. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

/*
 * Insert or update rows keyed by code / key.  *changed is set to 1 when a
 * row was inserted or any value differed (the revision is then bumped and
 * modified set to now), 0 when the row was already identical.
 */
int store_put_country(struct store *st, const struct country *c, long now,
    int *changed);
int store_put_observance(struct store *st, const struct observance *obs,
    const char *file, long now, int *changed);
int store_put_dated(struct store *st, const char *key,
    const struct dated *dt, const char *source, long now, int *changed);

/*
 * Step an upsert whose DO UPDATE has a WHERE "something differs" (stmt
 * NULL: a failed prepare) and finalize it: *changed is 1 when a row was
 * inserted or updated.  0 or -1 (logged).
 */
int store_step_upsert(struct store *st, sqlite3_stmt *stmt, int *changed);

/*
 * A table the import writes row by row, declared once: its columns, the
 * first nkeys of them the row's key, the last ntrail written but never
 * compared (modified, the file it came from), and whether a change bumps
 * the row's revision.  store_upsert_prepare() makes its statement:
 * INSERT the columns as ?1, ?2..., or on the key's conflict UPDATE the
 * others, only WHERE a compared one differs, so that an unchanged row is
 * left alone (no new modified, no revision) and *changed says which it
 * was.  NULL (logged) when the prepare fails.
 */
struct store_table {
	const char *name;
	const char *cols;	/* "code, name_en, ..., modified" */
	int nkeys, ntrail;
	int revision;
};
sqlite3_stmt *store_upsert_prepare(struct store *st,
    const struct store_table *t);
/* Write one row of table t, its columns the arguments (STORE_TEXT...),
 * with store_step_upsert(): 0 or -1 (logged). */
#define store_upsert(st, t, changed, ...) store_upsert_args((st), (t), \
	(const struct store_arg[]){ __VA_ARGS__, { 0, NULL, 0 } }, (changed))
int store_upsert_args(struct store *st, const struct store_table *t,
    const struct store_arg *args, int *changed);

/* Set the holiday-name titles of observance key (NULL: the default). */
int store_put_titles(struct store *st, const char *key, const char *title_vi,
    const char *title_en, long now, int *changed);
/* Insert or update a group membership (calendars/groups.csv). */
int store_put_group(struct store *st, const struct group_member *g,
    const char *source, long now, int *changed);
/* Every group membership; 0 or -1.  Release with group_set_release(). */
int store_load_groups(struct store *st, struct group_set *out);
void group_set_release(struct group_set *g);

/*
 * 1 if the query sql, with ?1 = a and ?2 = b (when b is not NULL), returns
 * a row; 0 if not; -1 on error (logged).
 */
/* The number a count query answers (?1 bound to a, when not NULL) into
 * *out: a listing's length, for its pages.  0 or -1 (logged). */
int store_count(struct store *st, const char *sql, const char *a,
    long *out);
int store_exists(struct store *st, const char *sql, const char *a,
    const char *b);
/* 1 if the country code is known, 0 if not, -1 on error. */
int store_country_exists(struct store *st, const char *code);
/* 1 if an observance with key exists, 0 if not, -1 on error. */
int store_observance_exists(struct store *st, const char *key);

/*
 * Load every observance (with country names and per-year dates) into out,
 * sorted by key, a row's local correction applied while the row is
 * unchanged since it was corrected (correction.h).  kind < 0 means all
 * kinds.  Returns 0 or -1.
 */
int store_load(struct store *st, int kind, struct obs_set *out);
void obs_set_release(struct obs_set *s);
/* The observance with key from a loaded set, or NULL. */
struct observance *obs_set_find(const struct obs_set *s, const char *key);

#endif

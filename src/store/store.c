/*
 * SQLite storage.  The schema is migrated in numbered steps recorded in
 * PRAGMA user_version, each step in the same transaction as its DDL, so a
 * crash never leaves a half-migrated file.  Every statement is prepared
 * with bound parameters.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "store.h"
#include "util.h"

struct store {
	sqlite3 *db;
	char *path;
	char *final;	/* STORE_STAGED: where store_publish() puts path */
};

/* A table whose rows the documents, feeds and pages are made of: every
 * change of it moves data_rev (store_data_rev()). */
#define REV_TRIGGERS(t) \
	"CREATE TRIGGER rev_" t "_i AFTER INSERT ON " t \
	" BEGIN UPDATE data_rev SET rev = rev + 1; END;" \
	"CREATE TRIGGER rev_" t "_u AFTER UPDATE ON " t \
	" BEGIN UPDATE data_rev SET rev = rev + 1; END;" \
	"CREATE TRIGGER rev_" t "_d AFTER DELETE ON " t \
	" BEGIN UPDATE data_rev SET rev = rev + 1; END;"

/* Migration N brings user_version from N to N + 1.  Append only. */
static const char *const migrations[] = {
	/* 0 -> 1: the relations table and its companions. */
	"CREATE TABLE countries ("
	"  code TEXT PRIMARY KEY,"
	"  name_en TEXT NOT NULL, name_vi TEXT NOT NULL,"
	"  formal_en TEXT, formal_vi TEXT, source TEXT,"
	"  revision INTEGER NOT NULL DEFAULT 1, modified INTEGER NOT NULL);"
	"CREATE TABLE observances ("
	"  key TEXT PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  country TEXT REFERENCES countries(code),"
	"  rule TEXT NOT NULL, base_year INTEGER NOT NULL DEFAULT 0,"
	"  days INTEGER NOT NULL DEFAULT 1,"
	"  name_en TEXT, name_vi TEXT, level TEXT, tags TEXT,"
	"  confidence TEXT, source TEXT, note TEXT, file TEXT,"
	"  revision INTEGER NOT NULL DEFAULT 1, modified INTEGER NOT NULL);"
	"CREATE INDEX observances_kind ON observances(kind);"
	"CREATE TABLE observance_dates ("
	"  key TEXT NOT NULL REFERENCES observances(key) ON DELETE CASCADE,"
	"  year INTEGER NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,"
	"  source TEXT, PRIMARY KEY (key, year));",
	/* 1 -> 2: planned activities, reminder recipients and the outbox. */
	"CREATE TABLE activities ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  title TEXT NOT NULL,"
	"  all_day INTEGER NOT NULL,"
	"  start_date TEXT NOT NULL, start_min INTEGER NOT NULL DEFAULT 0,"
	"  end_date TEXT NOT NULL, end_min INTEGER NOT NULL DEFAULT 0,"
	"  location TEXT, organiser TEXT, observance TEXT, notes TEXT,"
	"  remind TEXT,"
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN"
	"   ('planned', 'confirmed', 'done', 'cancelled')),"
	"  revision INTEGER NOT NULL DEFAULT 1,"
	"  created INTEGER NOT NULL, modified INTEGER NOT NULL);"
	"CREATE INDEX activities_observance ON activities(observance);"
	"CREATE TABLE activity_owners ("
	"  activity INTEGER NOT NULL REFERENCES activities(id)"
	"   ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL, email TEXT NOT NULL,"
	"  PRIMARY KEY (activity, email));"
	"CREATE TABLE recipients ("
	"  email TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  lang TEXT NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en')),"
	"  follows TEXT NOT NULL DEFAULT 'milestones',"
	"  created INTEGER NOT NULL);"
	"CREATE TABLE outbox ("
	"  id INTEGER PRIMARY KEY,"
	"  reminder TEXT NOT NULL, recipient TEXT NOT NULL,"
	"  message_id TEXT NOT NULL, subject TEXT NOT NULL,"
	"  message BLOB NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN"
	"   ('pending', 'sent', 'failed')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_try INTEGER NOT NULL, last_error TEXT,"
	"  created INTEGER NOT NULL, done INTEGER,"
	"  UNIQUE (reminder, recipient));"
	"CREATE INDEX outbox_pending ON outbox(state, next_try);",
	/* 2 -> 3: countries' memberships of groups (ASEAN) by year. */
	"CREATE TABLE country_groups ("
	"  grp TEXT NOT NULL,"
	"  country TEXT NOT NULL REFERENCES countries(code),"
	"  since INTEGER NOT NULL, source TEXT,"
	"  modified INTEGER NOT NULL,"
	"  PRIMARY KEY (grp, country));"
	/* A national day's own holiday name in titles ("ngày Thống nhất
	 * nước Đức"): calendars/holiday-titles.csv. */
	"ALTER TABLE observances ADD COLUMN title_vi TEXT;"
	"ALTER TABLE observances ADD COLUMN title_en TEXT;",
	/* 3 -> 4: the staff web application: accounts (Argon2id hashes), a
	 * one-time link to set a password, sessions (their tokens hashed),
	 * login failures for throttling, the audit trail, and corrections
	 * of shipped rows that survive re-imports. */
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY,"
	"  email TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),"
	"  password TEXT,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  link_hash TEXT, link_until INTEGER,"
	"  created INTEGER NOT NULL, modified INTEGER NOT NULL);"
	"CREATE TABLE sessions ("
	"  hash TEXT PRIMARY KEY,"
	"  user INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL,"
	"  created INTEGER NOT NULL, seen INTEGER NOT NULL);"
	"CREATE INDEX sessions_user ON sessions(user);"
	"CREATE TABLE login_failures ("
	"  email TEXT NOT NULL, addr TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE INDEX login_failures_email ON login_failures(email, at);"
	"CREATE INDEX login_failures_addr ON login_failures(addr, at);"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, who TEXT NOT NULL,"
	"  action TEXT NOT NULL, object TEXT, before TEXT, after TEXT);"
	"CREATE TABLE corrections ("
	"  key TEXT PRIMARY KEY REFERENCES observances(key) ON DELETE CASCADE,"
	"  rule TEXT NOT NULL, base_year INTEGER NOT NULL DEFAULT 0,"
	"  source TEXT NOT NULL, confidence TEXT NOT NULL, note TEXT,"
	"  base_revision INTEGER NOT NULL,"
	"  who TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE INDEX activities_start ON activities(start_date);",
	/* 4 -> 5: what came of an activity, for the year-end report. */
	"ALTER TABLE activities ADD COLUMN result TEXT;"
	"ALTER TABLE activities ADD COLUMN participants INTEGER;",
	/* 5 -> 6: a counter of changes to the data documents are made of,
	 * so that logins, sessions and the audit trail (which move SQLite's
	 * data_version too) rebuild nothing. */
	"CREATE TABLE data_rev (rev INTEGER NOT NULL);"
	"INSERT INTO data_rev VALUES (0);"
	REV_TRIGGERS("countries")
	REV_TRIGGERS("observances")
	REV_TRIGGERS("observance_dates")
	REV_TRIGGERS("country_groups")
	REV_TRIGGERS("activities")
	REV_TRIGGERS("activity_owners")
	REV_TRIGGERS("corrections"),
	/* 6 -> 7: what each recipient was told about, so a
	 * run's digest holds only what is new for them; the milestones mailed
	 * one by one before count as told. */
	"CREATE TABLE told ("
	"  recipient TEXT NOT NULL,"
	"  item TEXT NOT NULL,"		/* "milestone:KEY:YEAR" */
	"  told INTEGER NOT NULL,"
	"  PRIMARY KEY (recipient, item));"
	"INSERT OR IGNORE INTO told (recipient, item, told)"
	"  SELECT recipient, reminder, created FROM outbox"
	"  WHERE reminder LIKE 'milestone:%';",
	/* 7 -> 8: contacts, the missions and organisations letters go to
	 * (contact_db.c): the rows as imported, each revision moving only
	 * when a value changes, and the web application's edits, additions
	 * and removals, each made on one revision of the imported row. */
	"CREATE TABLE contacts ("
	"  key TEXT PRIMARY KEY,"
	"  country TEXT NOT NULL REFERENCES countries(code),"
	"  kind TEXT NOT NULL, city TEXT,"
	"  name_vi TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  address TEXT, email TEXT, website TEXT,"
	"  head_title_vi TEXT, head_title_en TEXT,"
	"  confidence TEXT NOT NULL, source TEXT, note TEXT,"
	"  revision INTEGER NOT NULL DEFAULT 1, modified INTEGER NOT NULL);"
	"CREATE TABLE contact_edits ("
	"  key TEXT PRIMARY KEY,"
	"  country TEXT REFERENCES countries(code),"
	"  kind TEXT, city TEXT, name_vi TEXT, name_en TEXT,"
	"  address TEXT, email TEXT, website TEXT,"
	"  head_title_vi TEXT, head_title_en TEXT,"
	"  confidence TEXT, source TEXT, note TEXT,"
	"  removed INTEGER NOT NULL DEFAULT 0,"
	"  base_revision INTEGER,"
	"  who TEXT NOT NULL, at INTEGER NOT NULL);"
	REV_TRIGGERS("contacts")
	REV_TRIGGERS("contact_edits"),
	/* 8 -> 9: what a year-end report needs of an activity: its category
	 * ([categories] key), partner countries ("JP US") and partner
	 * organisations. */
	"ALTER TABLE activities ADD COLUMN category TEXT;"
	"ALTER TABLE activities ADD COLUMN countries TEXT;"
	"ALTER TABLE activities ADD COLUMN partner TEXT;"
	"CREATE INDEX activities_category ON activities(category);",
	/* 9 -> 10: staff's choices of what section 1.1 of a year's plan
	 * names, whatever the ranking says. */
	"CREATE TABLE plan_choice ("
	"  year INTEGER NOT NULL,"
	"  observance_key TEXT NOT NULL,"
	"  choice TEXT NOT NULL CHECK (choice IN ('include', 'exclude')),"
	"  who TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  PRIMARY KEY (year, observance_key));"
	REV_TRIGGERS("plan_choice"),
	/* 10 -> 11: an activity is internal unless marked public (only
	 * public ones reach public feeds and documents); a session's flash
	 * message, shown once on the next page (never from the URL). */
	"ALTER TABLE activities ADD COLUMN public INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE sessions ADD COLUMN flash TEXT;"
	"ALTER TABLE sessions ADD COLUMN flash_detail TEXT;",
	/* 11 -> 12: a message that carries a one-time link (an account's
	 * invitation) is worthless after the link's expiry: not sent after
	 * it, and its text wiped once sent, failed or expired. */
	"ALTER TABLE outbox ADD COLUMN expires INTEGER;",
	/* 12 -> 13: the activities list's order, so that reading them in
	 * it walks the index instead of sorting them all. */
	"CREATE INDEX activities_order ON activities(start_date, all_day DESC,"
	" start_min, id);",
	/* 13 -> 14: what a year-end report and a plan say of an activity
	 * beyond its record: the member organisation credited with it (a
	 * key of the new members table, member.c), the aid an NGO activity
	 * mobilised (whole units of an ISO 4217 currency), its planned cost
	 * in VND, and staff's own sentence for the report. */
	"CREATE TABLE members ("
	"  key TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL"
	"   CHECK (kind IN ('bilateral', 'multilateral', 'other')),"
	"  modified INTEGER NOT NULL);"
	REV_TRIGGERS("members")
	"ALTER TABLE activities ADD COLUMN member TEXT;"
	"ALTER TABLE activities ADD COLUMN amount INTEGER;"
	"ALTER TABLE activities ADD COLUMN currency TEXT;"
	"ALTER TABLE activities ADD COLUMN budget INTEGER;"
	"ALTER TABLE activities ADD COLUMN report_text TEXT;"
	"CREATE INDEX activities_member ON activities(member);",
	/* 14 -> 15: the narrative sections staff write for a document and
	 * year (texts.h), every version kept: a row is never changed, a
	 * restore is a new version equal to an old one. */
	"CREATE TABLE texts ("
	"  doc TEXT NOT NULL,"		/* "report", "plan", "cluster" */
	"  year INTEGER NOT NULL,"
	"  key TEXT NOT NULL,"		/* "context", "budget"... */
	"  version INTEGER NOT NULL CHECK (version > 0),"
	"  body TEXT NOT NULL,"		/* "": emptied for the year */
	"  who TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  restored INTEGER,"		/* the version brought back */
	"  PRIMARY KEY (doc, year, key, version));"
	REV_TRIGGERS("texts"),
	/* 15 -> 16: the words letters take from calendars/ (wording.c): how
	 * Vietnam's statements name the relationship with a country from a
	 * date on ("" always; YYYY, YYYY-MM or YYYY-MM-DD), and how its
	 * messages name a national day whose title is not what it marks. */
	"CREATE TABLE relationship_phrases ("
	"  country TEXT NOT NULL REFERENCES countries(code),"
	"  since TEXT NOT NULL,"
	"  phrase_vi TEXT NOT NULL, phrase_en TEXT NOT NULL,"
	"  confidence TEXT NOT NULL, source TEXT NOT NULL, note TEXT,"
	"  modified INTEGER NOT NULL,"
	"  PRIMARY KEY (country, since));"
	"CREATE TABLE letter_titles ("
	"  country TEXT PRIMARY KEY REFERENCES countries(code),"
	"  letter_vi TEXT NOT NULL, letter_en TEXT NOT NULL,"
	"  source TEXT NOT NULL, modified INTEGER NOT NULL);"
	REV_TRIGGERS("relationship_phrases")
	REV_TRIGGERS("letter_titles"),
	/* 16 -> 17: the year records a cluster head received from its
	 * members (received.c), each as it came, one per union and year. */
	"CREATE TABLE received ("
	"  union_id TEXT NOT NULL,"
	"  year INTEGER NOT NULL,"
	"  level TEXT NOT NULL CHECK (level IN ('union', 'cluster')),"
	"  name TEXT NOT NULL,"
	"  generated_at TEXT NOT NULL, generated INTEGER NOT NULL,"
	"  received INTEGER NOT NULL, source TEXT NOT NULL,"
	"  signed INTEGER NOT NULL, key TEXT,"
	"  sha256 TEXT NOT NULL, body TEXT NOT NULL,"
	"  PRIMARY KEY (union_id, year));"
	REV_TRIGGERS("received"),
	/* 17 -> 18: what staff deleted, restorable for 30 days: an activity
	 * stays in its table until then (every reader leaves it out), a
	 * contact stays hidden (a re-import must not bring it back) with
	 * its name for the list of what was deleted. */
	"CREATE TABLE activity_trash ("
	"  id INTEGER PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,"
	"  who TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE TABLE contact_trash ("
	"  key TEXT PRIMARY KEY,"
	"  name_vi TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  who TEXT NOT NULL, at INTEGER NOT NULL);"
	REV_TRIGGERS("activity_trash")
	REV_TRIGGERS("contact_trash")
	"CREATE INDEX audit_object ON audit(object, id);",
};

static int
exec(struct store *st, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		log_warnx("%s: %s", st->path, err ? err : "sqlite error");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

void
store_warn(struct store *st)
{
	log_warnx("%s: %s", st->path, sqlite3_errmsg(st->db));
}

sqlite3_stmt *
store_prepare(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_warn(st);
		return NULL;
	}
	return stmt;
}

int
store_db_user_version(sqlite3 *db, int *v)
{
	sqlite3_stmt *stmt = NULL;
	int ret = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL) ==
	    SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
		*v = sqlite3_column_int(stmt, 0);
		ret = 0;
	}
	sqlite3_finalize(stmt);
	return ret;
}

static int
user_version(struct store *st, int *v)
{
	if (store_db_user_version(st->db, v) == 0)
		return 0;
	store_warn(st);
	return -1;
}

static int
migrate(struct store *st)
{
	int v, ret = -1;
	char sql[64];

	if (store_begin(st) == -1)
		return -1;
	if (user_version(st, &v) == -1)
		goto done;
	if (v > (int)NELEM(migrations)) {
		log_warnx("%s: schema version %d is newer than this kyniem "
		    "(%d)", st->path, v, (int)NELEM(migrations));
		goto done;
	}
	for (; v < (int)NELEM(migrations); v++) {
		if (exec(st, migrations[v]) == -1)
			goto done;
		/* PRAGMA takes no parameters; v is our own integer. */
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 1);
		if (exec(st, sql) == -1)
			goto done;
	}
	ret = 0;
done:
	return store_end(st, ret);
}

int
store_schema_version(void)
{
	return (int)NELEM(migrations);
}

int
store_migrate_db(sqlite3 *db, const char *name)
{
	struct store st;

	st.db = db;
	st.path = (char *)name;	/* for messages only */
	return migrate(&st);
}

/* Create the database's directory (one level) if it is missing. */
static void
make_parent(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash != NULL && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0750) == -1 && errno != EEXIST)
			log_warn("cannot create '%s'", dir);
	}
	free(dir);
}

/* Open st->path (creating it when create), with the connection's
 * settings, and migrate it; 0 or -1 (logged). */
static int
db_open(struct store *st, int create)
{
	if (sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE |
	    (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		log_warnx("cannot open database '%s': %s", st->path,
		    st->db ? sqlite3_errmsg(st->db) : "out of memory");
		return -1;
	}
	/* A writer waits this long for another (a large import holds the
	 * lock for a few seconds at most). */
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	return exec(st, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;"
	    "PRAGMA synchronous = NORMAL;") == -1 || migrate(st) == -1 ? -1 :
	    0;
}

/*
 * A new, empty file beside path for a staged database, with the mode
 * SQLite gives the files it creates (0644 less the umask); its name in
 * st->path.  0 or -1 (logged).
 */
static int
stage(struct store *st, const char *path)
{
	mode_t mask = umask(0);
	int fd;

	umask(mask);
	st->final = xstrdup(path);
	st->path = xasprintf("%s.new-XXXXXX", path);
	if ((fd = mkstemp(st->path)) == -1) {
		log_warn("cannot create a file beside '%s'", path);
		return -1;
	}
	if (fchmod(fd, 0644 & ~mask) == -1)
		log_warn("cannot set the mode of '%s'", st->path);
	close(fd);
	return 0;
}

int
store_open(const char *path, int flags, struct store **out)
{
	struct store *st;
	struct stat sb;
	int exists = strcmp(path, ":memory:") == 0 || stat(path, &sb) == 0;

	if (!(flags & STORE_CREATE) && !exists) {
		log_warn("no database at '%s' (run 'kyniem init' to create "
		    "one, or check [database] path)", path);
		return -1;
	}
	st = xcalloc(1, sizeof(*st));
	if (flags & STORE_CREATE)
		make_parent(path);
	if ((flags & STORE_STAGED) && !exists) {
		if (stage(st, path) == -1)
			goto fail;
	} else
		st->path = xstrdup(path);
	if (db_open(st, flags & STORE_CREATE) == -1)
		goto fail;
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

/* Remove a staged database's files (not yet published). */
static void
unstage(struct store *st)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char *f;
	size_t i;

	for (i = 0; i < NELEM(ext); i++) {
		f = xasprintf("%s%s", st->path, ext[i]);
		if (unlink(f) == -1 && errno != ENOENT)
			log_warn("cannot remove '%s'", f);
		free(f);
	}
}

/* fsync the file or directory at path; 0 or -1 (logged). */
static int
sync_path(const char *path)
{
	int fd, ret;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_warn("cannot open '%s'", path);
		return -1;
	}
	if ((ret = fsync(fd)) == -1)
		log_warn("cannot sync '%s'", path);
	close(fd);
	return ret;
}

/* Put the closed staged file at st->final, never over a database that
 * appeared there meanwhile; 0 or -1 (logged). */
static int
install(struct store *st)
{
	char *dir = xstrdup(st->final), *slash = strrchr(dir, '/');
	int ret = -1;

	if (link(st->path, st->final) == 0)
		unlink(st->path);
	else if (errno == EEXIST) {
		log_warnx("'%s' appeared while a new database was being built "
		    "beside it: the new one is discarded", st->final);
		goto done;
	} else if (access(st->final, F_OK) == 0 || rename(st->path,
	    st->final) == -1) {
		/* No hard links on this file system: a rename will do. */
		log_warn("cannot put the new database at '%s'", st->final);
		goto done;
	}
	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	ret = sync_path(slash != NULL ? dir : ".");
done:
	free(dir);
	return ret;
}

int
store_publish(struct store *st)
{
	if (st->final == NULL)
		return 0;
	/* Closing the only connection checkpoints the log into the file
	 * and removes it: the file alone is the whole database. */
	if (sqlite3_close(st->db) != SQLITE_OK) {
		store_warn(st);
		return -1;
	}
	st->db = NULL;
	if (sync_path(st->path) == -1 || install(st) == -1) {
		unstage(st);
		return -1;
	}
	free(st->path);
	st->path = st->final;
	st->final = NULL;
	return db_open(st, 0);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	sqlite3_close(st->db);
	/* A staged database never published: an init that failed. */
	if (st->final != NULL && st->path != NULL)
		unstage(st);
	free(st->path);
	free(st->final);
	free(st);
}

int
store_busy(struct store *st)
{
	int rc = sqlite3_errcode(st->db);

	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

int
store_lock(struct store *st, const char *name, int wait_seconds)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	char *path;
	int fd, i, said = 0;

	if (strcmp(st->path, ":memory:") == 0)
		return -2;
	path = xasprintf("%s.%s.lock", st->path, name);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1) {
		log_warn("cannot open the lock '%s'", path);
		free(path);
		return -1;
	}
	for (i = 0; flock(fd, LOCK_EX | LOCK_NB) == -1; i++) {
		if (errno != EWOULDBLOCK || i >= wait_seconds * 10) {
			log_warnx("'%s' is held by another process", path);
			close(fd);
			free(path);
			return -1;
		}
		if (!said++)
			log_info("waiting for the other process holding '%s'",
			    path);
		nanosleep(&pause, NULL);
	}
	free(path);
	return fd;
}

void
store_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* releases the flock */
}

sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_begin(struct store *st)
{
	return exec(st, "BEGIN IMMEDIATE");
}

int
store_commit(struct store *st)
{
	return exec(st, "COMMIT");
}

int
store_rollback(struct store *st)
{
	if (sqlite3_get_autocommit(st->db))
		return 0;
	return exec(st, "ROLLBACK");
}

int
store_end(struct store *st, int rc)
{
	if (rc == 0)
		return store_commit(st);
	store_rollback(st);
	return -1;
}

int
store_finish(struct store *st, int rc)
{
	if (rc != 0) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

void
store_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
}

static sqlite3_stmt *
bind_args(sqlite3_stmt *stmt, const struct store_arg *args)
{
	int i;

	for (i = 0; stmt != NULL && args[i].type != 0; i++)
		switch (args[i].type) {
		case 't':
			store_bind_text(stmt, i + 1, args[i].s);
			break;
		case 's':
			if (args[i].s == NULL)
				sqlite3_bind_null(stmt, i + 1);
			else
				sqlite3_bind_text(stmt, i + 1, args[i].s, -1,
				    SQLITE_TRANSIENT);
			break;
		default:
			sqlite3_bind_int64(stmt, i + 1, args[i].n);
			break;
		}
	return stmt;
}

sqlite3_stmt *
store_stmt_args(struct store *st, const char *sql,
    const struct store_arg *args)
{
	return bind_args(store_prepare(st, sql), args);
}

int
store_exec_args(struct store *st, const char *sql,
    const struct store_arg *args)
{
	return store_step_done(st, store_stmt_args(st, sql, args));
}

void
store_columns(sqlite3_stmt *stmt, const struct store_col *cols, size_t n,
    void *elem)
{
	char *p;
	size_t i;

	for (i = 0; i < n; i++) {
		p = (char *)elem + cols[i].off;
		switch (cols[i].type) {
		case 't':
			*(char **)p = store_column_dup(stmt, cols[i].col);
			break;
		case 'i':
			*(int *)p = sqlite3_column_int(stmt, cols[i].col);
			break;
		case 'l':
			*(long *)p = (long)sqlite3_column_int64(stmt,
			    cols[i].col);
			break;
		case 'L':
			*(long long *)p = sqlite3_column_int64(stmt,
			    cols[i].col);
			break;
		default:
			*(time_t *)p = (time_t)sqlite3_column_int64(stmt,
			    cols[i].col);
			break;
		}
	}
}

int
store_collect(struct store *st, sqlite3_stmt *stmt, void *vp, size_t *n,
    size_t size, void (*row)(sqlite3_stmt *, void *))
{
	char **v = vp;
	size_t cap = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*v = xrealloc(*v, cap * size);
		}
		memset(*v + *n * size, 0, size);
		row(stmt, *v + *n * size);
		(*n)++;
	}
	return store_rows_done(st, stmt, rc);
}

int
store_get_one(struct store *st, sqlite3_stmt *stmt, void *elem, size_t size,
    void (*row)(sqlite3_stmt *, void *))
{
	int rc;

	memset(elem, 0, size);
	if (stmt == NULL)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		row(stmt, elem);
	if (store_rows_done(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc) ==
	    -1)
		return -1;
	return rc == SQLITE_ROW ? 0 : 1;
}

int
store_rows_done(struct store *st, sqlite3_stmt *stmt, int rc)
{
	if (rc != SQLITE_DONE)
		store_warn(st);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_step_done(struct store *st, sqlite3_stmt *stmt)
{
	int rc = stmt ? sqlite3_step(stmt) : SQLITE_ERROR;

	if (stmt != NULL && rc != SQLITE_DONE && rc != SQLITE_ROW)
		store_warn(st);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int
store_step_upsert(struct store *st, sqlite3_stmt *stmt, int *changed)
{
	int rc = stmt ? sqlite3_step(stmt) : SQLITE_ERROR;

	if (rc != SQLITE_DONE) {
		if (stmt != NULL)
			store_warn(st);
		sqlite3_finalize(stmt);
		return -1;
	}
	*changed = sqlite3_changes(st->db) > 0;
	sqlite3_finalize(stmt);
	return 0;
}

/* The column names of t->cols into name (n at most): how many. */
static int
table_columns(const struct store_table *t, struct buf *names,
    const char **name, int n)
{
	char *p;
	int i = 0;

	buf_puts(names, t->cols);
	for (p = names->data; p != NULL; i++) {
		if (i == n)
			fatal("store: table %s has more than %d columns",
			    t->name, n);
		name[i] = p;
		if ((p = strstr(p, ", ")) != NULL) {
			*p = '\0';
			p += 2;
		}
	}
	return i;
}

/* Write "a = ?1, b = ?2" (sep ", ", eq 1) or "a, b" for the columns of
 * name from i to n. */
static void
put_columns(struct buf *sql, const char **name, int i, int n, int eq)
{
	int first = i;

	for (; i < n; i++) {
		buf_printf(sql, "%s%s", i > first ? ", " : "", name[i]);
		if (eq)
			buf_printf(sql, " = ?%d", i + 1);
	}
}

sqlite3_stmt *
store_upsert_prepare(struct store *st, const struct store_table *t)
{
	const char *name[32];
	struct buf names, sql;
	sqlite3_stmt *stmt;
	int i, n;

	buf_init(&names);
	buf_init(&sql);
	n = table_columns(t, &names, name, (int)NELEM(name));
	buf_printf(&sql, "INSERT INTO %s (%s) VALUES (", t->name, t->cols);
	for (i = 0; i < n; i++)
		buf_printf(&sql, "%s?%d", i > 0 ? ", " : "", i + 1);
	buf_puts(&sql, ") ON CONFLICT (");
	put_columns(&sql, name, 0, t->nkeys, 0);
	buf_puts(&sql, ") DO UPDATE SET ");
	put_columns(&sql, name, t->nkeys, n, 1);
	if (t->revision)
		buf_puts(&sql, ", revision = revision + 1");
	buf_puts(&sql, " WHERE (");
	put_columns(&sql, name, t->nkeys, n - t->ntrail, 0);
	buf_puts(&sql, ") IS NOT (");
	for (i = t->nkeys; i < n - t->ntrail; i++)
		buf_printf(&sql, "%s?%d", i > t->nkeys ? ", " : "", i + 1);
	buf_puts(&sql, ")");
	stmt = store_prepare(st, sql.data);
	buf_release(&names);
	buf_release(&sql);
	return stmt;
}

int
store_upsert_args(struct store *st, const struct store_table *t,
    const struct store_arg *args, int *changed)
{
	return store_step_upsert(st, bind_args(store_upsert_prepare(st, t),
	    args), changed);
}

int
store_put_country(struct store *st, const struct country *c, long now,
    int *changed)
{
	static const struct store_table countries = { "countries",
	    "code, name_en, name_vi, formal_en, formal_vi, source, modified",
	    1, 1, 1 };

	return store_upsert(st, &countries, changed, STORE_TEXT(c->code),
	    STORE_TEXT(c->name_en), STORE_TEXT(c->name_vi),
	    STORE_TEXT(c->formal_en), STORE_TEXT(c->formal_vi),
	    STORE_TEXT(c->source), STORE_INT(now));
}

int
store_put_observance(struct store *st, const struct observance *o,
    const char *file, long now, int *changed)
{
	/* A new file alone is no change. */
	static const struct store_table observances = { "observances",
	    "key, kind, country, rule, base_year, days, name_en, name_vi,"
	    " level, tags, confidence, source, note, file, modified", 1, 2, 1 };

	return store_upsert(st, &observances, changed, STORE_TEXT(o->key),
	    STORE_TEXT(rules_kind_name(o->kind)), STORE_TEXT(o->country),
	    STORE_STR(o->spec ? o->spec : ""), STORE_INT(o->rule.base_year),
	    STORE_INT(o->days > 0 ? o->days : 1), STORE_TEXT(o->name_en),
	    STORE_TEXT(o->name_vi), STORE_TEXT(o->level), STORE_TEXT(o->tags),
	    STORE_TEXT(o->confidence), STORE_TEXT(o->source),
	    STORE_TEXT(o->note), STORE_TEXT(file), STORE_INT(now));
}

int
store_put_dated(struct store *st, const char *key, const struct dated *dt,
    const char *source, long now, int *changed)
{
	static const struct store_table dates = { "observance_dates",
	    "key, year, start, end, source", 2, 0, 0 };
	char s[16], e[16];

	util_format_ymd(dt->start, s, sizeof(s));
	util_format_ymd(dt->end, e, sizeof(e));
	if (store_upsert(st, &dates, changed, STORE_TEXT(key),
	    STORE_INT(dt->year), STORE_TEXT(s), STORE_TEXT(e),
	    STORE_TEXT(source)) == -1)
		return -1;
	if (!*changed)
		return 0;
	/* A new date changes the observance's feed entries. */
	return store_step_upsert(st, store_stmt(st, "UPDATE observances SET"
	    " revision = revision + 1, modified = ?2 WHERE key = ?1",
	    STORE_TEXT(key), STORE_INT(now)), changed);
}

int
store_put_titles(struct store *st, const char *key, const char *title_vi,
    const char *title_en, long now, int *changed)
{
	return store_step_upsert(st, store_stmt(st,
	    "UPDATE observances SET title_vi = ?2, title_en = ?3,"
	    " modified = ?4, revision = revision + 1"
	    " WHERE key = ?1 AND (title_vi, title_en) IS NOT (?2, ?3)",
	    STORE_TEXT(key), STORE_TEXT(title_vi), STORE_TEXT(title_en),
	    STORE_INT(now)), changed);
}

int
store_put_group(struct store *st, const struct group_member *g,
    const char *source, long now, int *changed)
{
	static const struct store_table groups = { "country_groups",
	    "grp, country, since, source, modified", 2, 1, 0 };

	return store_upsert(st, &groups, changed, STORE_TEXT(g->group),
	    STORE_TEXT(g->country), STORE_INT(g->since), STORE_TEXT(source),
	    STORE_INT(now));
}

static void
row_group(sqlite3_stmt *stmt, void *elem)
{
	struct group_member *g = elem;

	snprintf(g->group, sizeof(g->group), "%s",
	    (const char *)sqlite3_column_text(stmt, 0));
	snprintf(g->country, sizeof(g->country), "%s",
	    (const char *)sqlite3_column_text(stmt, 1));
	g->since = sqlite3_column_int(stmt, 2);
}

int
store_load_groups(struct store *st, struct group_set *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT grp, country, since"
	    " FROM country_groups ORDER BY grp, country");

	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_group) == -1) {
		group_set_release(out);
		return -1;
	}
	return 0;
}

void
group_set_release(struct group_set *g)
{
	free(g->v);
	g->v = NULL;
	g->n = 0;
}

int
store_count(struct store *st, const char *sql, const char *a, long *out)
{
	sqlite3_stmt *stmt = store_prepare(st, sql);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, a);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(stmt, 0);
	else
		store_warn(st);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
store_exists(struct store *st, const char *sql, const char *a,
    const char *b)
{
	sqlite3_stmt *stmt = store_prepare(st, sql);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, a);
	if (b != NULL)
		store_bind_text(stmt, 2, b);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	store_warn(st);
	return -1;
}

int
store_country_exists(struct store *st, const char *code)
{
	return store_exists(st, "SELECT 1 FROM countries WHERE code = ?1",
	    code, NULL);
}

int
store_observance_exists(struct store *st, const char *key)
{
	return store_exists(st, "SELECT 1 FROM observances WHERE key = ?1",
	    key, NULL);
}

char *
store_column_dup(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);

	return s ? xstrdup((const char *)s) : NULL;
}

/* The columns of an observance's row read as they are; row_observance()
 * reads the kind (1), the country (2), the rule (3, 4). */
static const struct store_col observance_cols[] = {
	STORE_COL_TEXT(0, struct observance, key),
	STORE_COL_TEXT(3, struct observance, spec),
	STORE_COL_INT(5, struct observance, days),
	STORE_COL_TEXT(6, struct observance, name_en),
	STORE_COL_TEXT(7, struct observance, name_vi),
	STORE_COL_TEXT(8, struct observance, level),
	STORE_COL_TEXT(9, struct observance, tags),
	STORE_COL_TEXT(10, struct observance, confidence),
	STORE_COL_TEXT(11, struct observance, source),
	STORE_COL_TEXT(12, struct observance, note),
	STORE_COL_LONG(13, struct observance, revision),
	STORE_COL_TIME(14, struct observance, modified),
	STORE_COL_TEXT(15, struct observance, country_en),
	STORE_COL_TEXT(16, struct observance, country_vi),
	STORE_COL_TEXT(17, struct observance, formal_en),
	STORE_COL_TEXT(18, struct observance, formal_vi),
	STORE_COL_TEXT(19, struct observance, title_vi),
	STORE_COL_TEXT(20, struct observance, title_en),
};

static void
row_observance(sqlite3_stmt *stmt, void *elem)
{
	struct observance *o = xcalloc(1, sizeof(*o));
	const char *country = (const char *)sqlite3_column_text(stmt, 2);
	const char *err;
	int kind;

	store_columns(stmt, observance_cols, NELEM(observance_cols), o);
	kind = rules_kind_parse((const char *)sqlite3_column_text(stmt, 1));
	o->kind = kind < 0 ? KIND_LOCAL : (enum kind)kind;
	if (country != NULL)
		snprintf(o->country, sizeof(o->country), "%s", country);
	if (rules_parse(o->spec ? o->spec : "", &o->rule, &err) == -1)
		o->rule.type = RULE_UNDATED;	/* validated on import */
	if (sqlite3_column_int(stmt, 4) > 0)
		o->rule.base_year = sqlite3_column_int(stmt, 4);
	*(struct observance **)elem = o;
}

static int
load_dates(struct store *st, struct obs_set *set)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT key, year, start, end"
	    " FROM observance_dates ORDER BY key, year");
	struct observance *o;
	struct dated dt;
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		o = obs_set_find(set,
		    (const char *)sqlite3_column_text(stmt, 0));
		dt.year = sqlite3_column_int(stmt, 1);
		if (o == NULL || util_parse_ymd((const char *)
		    sqlite3_column_text(stmt, 2), &dt.start) == -1 ||
		    util_parse_ymd((const char *)sqlite3_column_text(stmt, 3),
		    &dt.end) == -1)
			continue;
		o->dates = xrealloc(o->dates, (o->ndates + 1) *
		    sizeof(*o->dates));
		o->dates[o->ndates++] = dt;
	}
	return store_rows_done(st, stmt, rc);
}

int
store_load(struct store *st, int kind, struct obs_set *out)
{
	/* A local correction (correction.h) replaces the dated values of
	 * its row while the row is the one it corrected. */
	sqlite3_stmt *stmt = store_prepare(st,
	    "SELECT o.key, o.kind, o.country,"
	    " CASE WHEN k.key IS NULL THEN o.rule ELSE k.rule END,"
	    " CASE WHEN k.key IS NULL THEN o.base_year ELSE k.base_year END,"
	    " o.days, o.name_en, o.name_vi, o.level, o.tags,"
	    " CASE WHEN k.key IS NULL THEN o.confidence ELSE k.confidence END,"
	    " CASE WHEN k.key IS NULL THEN o.source ELSE k.source END,"
	    " CASE WHEN k.key IS NULL THEN o.note ELSE k.note END,"
	    " o.revision, o.modified, c.name_en, c.name_vi,"
	    " c.formal_en, c.formal_vi, o.title_vi, o.title_en"
	    " FROM observances o"
	    " LEFT JOIN countries c ON c.code = o.country"
	    " LEFT JOIN corrections k ON k.key = o.key"
	    " AND k.base_revision = o.revision"
	    " WHERE ?1 IS NULL OR o.kind = ?1 ORDER BY o.key");

	if (stmt != NULL && kind >= 0)
		store_bind_text(stmt, 1, rules_kind_name((enum kind)kind));
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_observance) == -1 || load_dates(st, out) == -1) {
		obs_set_release(out);
		return -1;
	}
	return 0;
}

void
obs_set_release(struct obs_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		observance_free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static int
key_cmp(const void *k, const void *elem)
{
	const struct observance *const *o = elem;

	return strcmp(k, (*o)->key);
}

struct observance *
obs_set_find(const struct obs_set *s, const char *key)
{
	struct observance **o;

	if (key == NULL || s->n == 0)
		return NULL;
	/* SQLite's ORDER BY key uses BINARY collation, i.e. strcmp order. */
	o = bsearch(key, s->v, s->n, sizeof(*s->v), key_cmp);
	return o ? *o : NULL;
}

int
store_data_rev(struct store *st, long long *rev)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT rev FROM data_rev");
	int rc;

	if (stmt == NULL)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*rev = sqlite3_column_int64(stmt, 0);
	return store_rows_done(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc);
}

/* The state of one file for store_signature(); zeros when absent. */
static void
file_sig(const char *path, struct store_file_sig *f)
{
	struct stat sb;

	memset(f, 0, sizeof(*f));
	if (stat(path, &sb) == -1)
		return;
	f->mtime = sb.st_mtim;
	f->ctime = sb.st_ctim;
	f->size = sb.st_size;
	f->ino = sb.st_ino;
}

int
store_signature(const struct store *st, struct store_sig *sig)
{
	char wal[4096];

	memset(sig, 0, sizeof(*sig));
	if (strcmp(st->path, ":memory:") == 0 ||
	    snprintf(wal, sizeof(wal), "%s-wal", st->path) >= (int)sizeof(wal))
		return -1;
	file_sig(st->path, &sig->db);
	file_sig(wal, &sig->wal);
	return 0;
}

int
store_sig_equal(const struct store_sig *a, const struct store_sig *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

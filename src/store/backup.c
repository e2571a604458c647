/*
 * Taking backups: the online copy into memory and its checks (shared
 * with backup_restore.c), writing it under [backup] dir, the list of
 * copies there and retention.  The file format is backup_fmt.c's.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup.h"
#include "backup_int.h"
#include "config.h"
#include "file.h"
#include "log.h"
#include "store.h"
#include "vntime.h"

/* Names tried when a backup of the same second exists. */
#define NAME_TRIES	100

/* The step of an online backup, retried while another connection holds
 * a lock it needs, up to STORE_BUSY_MS; the step's final code. */
int
bk_backup_step(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b;
	int rc, waited = 0;

	if ((b = sqlite3_backup_init(dst, "main", src, "main")) == NULL)
		return sqlite3_errcode(dst);
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED) {
		if (waited >= STORE_BUSY_MS)
			break;
		sqlite3_sleep(100);
		waited += 100;
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_DONE)
		rc = sqlite3_errcode(dst);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void
bk_copy_release(struct bk_copy *c)
{
	sqlite3_close(c->check);	/* before the image it reads */
	sqlite3_close(c->mem);
	memset(c, 0, sizeof(*c));
}

int
bk_copy_take(const char *path, struct bk_copy *c)
{
	struct stat sb;
	sqlite3 *src = NULL;
	sqlite3_int64 len;
	int rc, ret = -1;

	memset(c, 0, sizeof(*c));
	if (stat(path, &sb) == -1) {
		log_warn("no database at '%s'", path);
		return -1;
	}
	if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		log_warnx("cannot open database '%s': %s", path,
		    src ? sqlite3_errmsg(src) : "out of memory");
		goto done;
	}
	sqlite3_busy_timeout(src, STORE_BUSY_MS);
	/* A private in-memory file (memdb) holds the copy in one block. */
	if (sqlite3_open_v2("file:kyniem-copy?vfs=memdb", &c->mem,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
	    NULL) != SQLITE_OK)
		fatal("cannot open an in-memory database");
	/* One step copies every page from one read transaction: the
	 * database as it was when the step began. */
	if ((rc = bk_backup_step(c->mem, src)) != SQLITE_OK) {
		log_warnx("cannot copy database '%s': %s", path,
		    sqlite3_errstr(rc));
		goto done;
	}
	c->img = sqlite3_serialize(c->mem, "main", &len,
	    SQLITE_SERIALIZE_NOCOPY);
	if (c->img == NULL || len < 100)
		fatal("the copy of '%s' is not in memory", path);
	c->len = (size_t)len;
	/* Bytes 18 and 19 say WAL, which a file in memory cannot be: the
	 * copy is an ordinary (rollback-journal) database. */
	c->img[18] = c->img[19] = 1;
	if (sqlite3_open(":memory:", &c->check) != SQLITE_OK ||
	    sqlite3_deserialize(c->check, "main", c->img, len, len,
	    SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
		fatal("cannot read the copy of '%s' in memory", path);
	ret = 0;
done:
	sqlite3_close(src);
	if (ret == -1)
		bk_copy_release(c);
	return ret;
}

int
bk_integrity(sqlite3 *db, const char *name, int quick)
{
	sqlite3_stmt *stmt = NULL;
	const char *row;
	int rc, n = 0;

	/* Three findings say enough. */
	if (sqlite3_prepare_v2(db, quick ? "PRAGMA quick_check(3)" :
	    "PRAGMA integrity_check(3)", -1, &stmt, NULL) != SQLITE_OK) {
		log_warnx("'%s': the database cannot be read: %s", name,
		    sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row = (const char *)sqlite3_column_text(stmt, 0);
		if (row != NULL && strcmp(row, "ok") == 0)
			continue;
		log_warnx("'%s': %s: %s", name, quick ? "quick_check" :
		    "integrity_check", row ? row : "?");
		n++;
	}
	if (rc != SQLITE_DONE) {
		log_warnx("'%s': the database cannot be read: %s", name,
		    sqlite3_errmsg(db));
		n++;
	}
	sqlite3_finalize(stmt);
	if (n > 0)
		log_warnx("'%s' fails SQLite's integrity check", name);
	return n > 0 ? -1 : 0;
}

void
bk_own_like(const char *path, const char *like)
{
	struct stat sb;

	/* root (sudo kyniem backup) would leave files the service cannot
	 * read, or a backups/ it cannot write. */
	if (geteuid() != 0 || stat(like, &sb) == -1 || sb.st_uid == 0)
		return;
	if (chown(path, sb.st_uid, sb.st_gid) == -1)
		log_warn("cannot give '%s' to the database's owner", path);
}

/* A new file for b under dir, named after now; 0 and *path, or -1. */
static int
write_in_dir(const char *dir, const char *db, time_t now,
    const struct buf *b, char **path)
{
	struct ymd d;
	int min, sec = (int)(((now % 60) + 60) % 60), i;
	char *p, more[8] = "";

	d = vntime_day(now, &min);
	/* Its parents too, when missing (file_write_new()). */
	if (mkdir(dir, 0750) == 0)
		bk_own_like(dir, db);
	else if (errno != EEXIST && errno != ENOENT) {
		log_warn("cannot create '%s'", dir);
		return -1;
	}
	for (i = 0; i < NAME_TRIES; i++) {
		if (i > 0)
			snprintf(more, sizeof(more), "-%d", i);
		p = xasprintf("%s/kyniem-%04d-%02d-%02d-%02d%02d%02d%s%s", dir,
		    d.y, d.m, d.d, min / 60, min % 60, sec, more,
		    BACKUP_SUFFIX);
		if (file_write_new(p, b->data, b->len, 0600) == 0) {
			bk_own_like(p, db);
			*path = p;
			return 0;
		}
		free(p);
		if (errno != EEXIST)
			return -1;
	}
	log_warnx("'%s': %d backups of the same second already", dir,
	    NAME_TRIES);
	return -1;
}

/* Remove what retention does not keep of dir's backups, never the one
 * just written (keep_path). */
static int
prune(const struct config *cfg, const char *keep_path, struct backup_made *m)
{
	struct backup_keep k = { cfg->backup_daily, cfg->backup_weekly,
	    cfg->backup_monthly };
	struct backup_list l;
	int *keep;
	size_t i;

	if (backup_list(cfg->backup_dir, &l) == -1)
		return -1;
	keep = xcalloc(l.n + 1, sizeof(*keep));
	backup_retain(&l, &k, keep);
	for (i = 0; i < l.n; i++) {
		if (keep[i] || strcmp(l.v[i].path, keep_path) == 0)
			continue;
		if (unlink(l.v[i].path) == -1) {
			/* Unless another backup's retention was first. */
			if (errno != ENOENT)
				log_warn("cannot remove the old backup '%s'",
				    l.v[i].path);
			continue;
		}
		m->removed = xrealloc(m->removed, (m->nremoved + 1) *
		    sizeof(*m->removed));
		m->removed[m->nremoved++] = xstrdup(l.v[i].path);
	}
	free(keep);
	backup_list_release(&l);
	return 0;
}

int
backup_make(const struct config *cfg, time_t now, const char *out,
    struct backup_made *m)
{
	struct bk_copy c;
	struct buf b;
	int schema, ret = -1;

	memset(m, 0, sizeof(*m));
	buf_init(&b);
	if (bk_copy_take(cfg->db_path, &c) == -1)
		return -1;
	if (bk_integrity(c.check, cfg->db_path, 0) == -1 ||
	    store_db_user_version(c.check, &schema) == -1)
		goto done;
	if (c.len > BK_IMAGE_MAX) {
		log_warnx("'%s' has %zu bytes, more than kyniem backs up (4 "
		    "GiB)", cfg->db_path, c.len);
		goto done;
	}
	if (bk_encode(c.img, c.len, schema, now, cfg->backup_key_file, &b) ==
	    -1)
		goto done;
	m->db_size = (long long)c.len;
	m->size = (long long)b.len;
	m->encrypted = cfg->backup_key_file != NULL;
	bk_copy_release(&c);	/* the memory, before the file is written */
	if (out != NULL) {
		if (file_write_atomic_mode(out, b.data, b.len, 0600) == -1)
			goto done;
		m->path = xstrdup(out);
	} else if (write_in_dir(cfg->backup_dir, cfg->db_path, now, &b,
	    &m->path) == -1 ||
	    prune(cfg, m->path, m) == -1)
		goto done;
	ret = 0;
done:
	bk_copy_release(&c);
	buf_release(&b);
	if (ret == -1)
		backup_made_release(m);
	return ret;
}

void
backup_made_release(struct backup_made *m)
{
	size_t i;

	for (i = 0; i < m->nremoved; i++)
		free(m->removed[i]);
	free(m->removed);
	free(m->path);
	memset(m, 0, sizeof(*m));
}

/* The header of the file at path into *info; 0, or -1 when it is not a
 * backup that reads. */
static int
info_read(const char *path, struct backup_info *info)
{
	unsigned char hdr[BK_HEADER];
	struct bk_header h;
	struct stat sb;
	const char *why;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return -1;
	n = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ?
	    read(fd, hdr, sizeof(hdr)) : -1;
	close(fd);
	if (n != (ssize_t)sizeof(hdr) || bk_header_parse(hdr, sizeof(hdr), &h,
	    &why) == -1)
		return -1;
	info->size = (long long)sb.st_size;
	info->created = (time_t)h.created;
	info->schema = h.schema;
	info->encrypted = (h.flags & BK_ENCRYPTED) != 0;
	return 0;
}

static int
newest_first(const void *a, const void *b)
{
	const struct backup_info *x = a, *y = b;

	if (x->created != y->created)
		return x->created > y->created ? -1 : 1;
	return strcmp(y->name, x->name);
}

static int
is_backup_name(const char *name)
{
	size_t n = strlen(name), s = strlen(BACKUP_SUFFIX);

	return name[0] != '.' && n > s && strcmp(name + n - s,
	    BACKUP_SUFFIX) == 0;
}

int
backup_list(const char *dir, struct backup_list *out)
{
	struct backup_info info;
	struct dirent *e;
	DIR *d;

	out->v = NULL;
	out->n = 0;
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		log_warn("cannot read the backups' directory '%s'", dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (!is_backup_name(e->d_name))
			continue;
		memset(&info, 0, sizeof(info));
		info.path = xasprintf("%s/%s", dir, e->d_name);
		info.name = info.path + strlen(dir) + 1;
		if (info_read(info.path, &info) == -1) {
			free(info.path);
			continue;
		}
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = info;
	}
	closedir(d);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), newest_first);
	return 0;
}

void
backup_list_release(struct backup_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int
backup_stale(const struct backup_info *b, time_t now)
{
	return now - b->created > BACKUP_STALE_SECONDS;
}

/* One rule of retention: keep the first (newest) backup of each of the
 * first max distinct periods, period[i] being backup i's. */
static void
retain_by(const long *period, size_t n, int max, int *keep)
{
	size_t i;
	int seen = 0;

	for (i = 0; i < n && seen < max; i++)
		if (i == 0 || period[i] != period[i - 1]) {
			keep[i] = 1;
			seen++;
		}
}

void
backup_retain(const struct backup_list *l, const struct backup_keep *k,
    int *keep)
{
	long *day = xcalloc(l->n + 1, sizeof(*day));
	long *week = xcalloc(l->n + 1, sizeof(*week));
	long *month = xcalloc(l->n + 1, sizeof(*month));
	struct ymd d;
	size_t i;

	for (i = 0; i < l->n; i++) {
		d = vntime_day(l->v[i].created, NULL);
		day[i] = util_days_from_civil(d.y, d.m, d.d);
		/* Weeks begin on Monday (util_weekday: 0 is Sunday). */
		week[i] = day[i] - (util_weekday(d.y, d.m, d.d) + 6) % 7;
		month[i] = (long)d.y * 12 + d.m - 1;
		keep[i] = 0;
	}
	retain_by(day, l->n, k->daily, keep);
	retain_by(week, l->n, k->weekly, keep);
	retain_by(month, l->n, k->monthly, keep);
	free(day);
	free(week);
	free(month);
}

/*
 * Backups of the database: a consistent copy taken while others read and
 * write (SQLite's online backup API), checked with PRAGMA
 * integrity_check, compressed and, with [backup] key_file, encrypted
 * into one file (backup_fmt.c describes it); the copies under [backup]
 * dir and which of them retention keeps; restoring one.
 */
#ifndef KYNIEM_BACKUP_H
#define KYNIEM_BACKUP_H

#include <stddef.h>
#include <time.h>

struct config;

/* The ending of a backup's file name: the copies under [backup] dir are
 * the files "kyniem-YYYY-MM-DD-HHMMSS.kyb" (Vietnam time). */
#define BACKUP_SUFFIX	".kyb"

/* One backup file, as its header describes it. */
struct backup_info {
	char *path;
	const char *name;	/* its last component, within path */
	long long size;		/* bytes of the file */
	time_t created;		/* when the copy was taken */
	int schema;		/* PRAGMA user_version of the copy */
	int encrypted;
};

/* The backups of a directory, newest first. */
struct backup_list {
	struct backup_info *v;
	size_t n;
};

/*
 * The files of dir ending in BACKUP_SUFFIX whose header reads, newest
 * first (by the time in the header, then by name).  A missing dir is an
 * empty list.  0, or -1 (logged) when dir cannot be read.
 */
int backup_list(const char *dir, struct backup_list *out);
void backup_list_release(struct backup_list *l);

/* A backup older than this is a warning to admins (the web pages). */
#define BACKUP_STALE_SECONDS	(2 * 24 * 3600L)

/* 1 if b was taken more than BACKUP_STALE_SECONDS before now. */
int backup_stale(const struct backup_info *b, time_t now);

/* How many copies retention keeps: the newest backup of each of the last
 * daily days, weekly weeks and monthly months that have one. */
struct backup_keep {
	int daily, weekly, monthly;
};

/*
 * Which backups of l (newest first) retention keeps: keep[i] = 1 or 0.
 * Days, ISO weeks (Monday to Sunday) and months are Vietnam's (UTC+7).
 * A backup is kept if any rule keeps it: it is the newest of its day and
 * that day is among the k->daily most recent days with a backup, or
 * likewise for its week or its month.
 */
void backup_retain(const struct backup_list *l, const struct backup_keep *k,
    int *keep);

/* What backup_make() did. */
struct backup_made {
	char *path;		/* the file written */
	long long size;		/* its bytes */
	long long db_size;	/* the database's */
	int encrypted;
	char **removed;		/* the copies retention removed */
	size_t nremoved;
};

/*
 * Back up cfg's database as it is at one instant, while other processes
 * may write: the copy must pass integrity_check.  It is written to out
 * (replaced as a whole if it exists), or, when out is NULL, as a new
 * file under cfg's backup dir named after now, after which retention
 * removes the copies it does not keep.  Encrypted when cfg has a
 * key_file.  No partial file is ever left under that name.  Returns 0
 * and fills *m (release it), or -1 (logged).
 */
int backup_make(const struct config *cfg, time_t now, const char *out,
    struct backup_made *m);
void backup_made_release(struct backup_made *m);

/* The rows of one table of a restored database. */
struct backup_table {
	char *name;
	long long rows;
};

/* What backup_restore() found and did. */
struct backup_restored {
	int plain;		/* 1: the file was an SQLite database */
	time_t created;		/* a backup's time (not a plain file's) */
	int encrypted;
	int schema;		/* of the copy, before any migration */
	char *before;		/* the database as it was before, or NULL */
	struct backup_table *tables;	/* after migration, by name */
	size_t ntables;
};

/* Flags of backup_restore(). */
#define BACKUP_CHECK	0x1	/* read and check file; change nothing */

/*
 * Restore cfg's database from file: a backup (decrypted with cfg's
 * key_file) or an SQLite database (such as a .before-restore copy).  The
 * copy must pass integrity_check and have a schema no newer than this
 * kyniem's (an older one is migrated).  The database as it was is
 * written to DB.before-restore first, then the copy, without its
 * sessions, replaces it in one transaction (SQLite's backup API), so a
 * server using it sees either the old data or the restored, never a
 * mix.  The copy carries the restore's audit row ("backup.restore" by
 * who on file, what was restored as after).  With BACKUP_CHECK nothing
 * is written.  Returns 0 and fills *r (release it), or -1 after logging
 * why, naming file; the database is then unchanged.
 */
int backup_restore(const struct config *cfg, const char *file, int flags,
    const char *who, time_t now, struct backup_restored *r);
void backup_restored_release(struct backup_restored *r);

#endif

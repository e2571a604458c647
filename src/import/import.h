/*
 * Loading the calendars/ CSV files, and any other importable file (CSV
 * files of activities and contacts, iCalendar files of activities), into
 * the store.  Each file is one transaction: every bad row is reported as
 * FILE:LINE: reason and nothing from a file with an error is written.
 * import.c is the front end; import_csv.c and import_ics.c read the
 * files.
 */
#ifndef KYNIEM_IMPORT_H
#define KYNIEM_IMPORT_H

#include <stddef.h>

#include "util.h"

struct buf;
struct config;
struct store;
struct lunar_cal;

struct import_stats {
	long rows;		/* data rows read */
	long changed;		/* inserted or updated */
	long undated;		/* rows with no exact date (never placed) */
	long errors;		/* bad rows (nothing written when > 0) */
	long refused;		/* files the database refused (its log
				   says why: disk full, read-only, the
				   audit trail); nothing written */
	long series;		/* .ics: recurring events expanded */
	long occurrences;	/* .ics: activities written from them */
	/* Where the file's messages (NAME:LINE: reason) go: NULL for
	 * stderr (log_warnx), else one line each appended here, for a page
	 * to show.  Database failures are logged either way. */
	struct buf *messages;
	/* The activity categories to check rows against ([categories]);
	 * NULL accepts any well-formed key. */
	const struct config *cfg;
};

/*
 * The days a recurring event of an .ics file is expanded over: the window
 * of the activities feed ([feed activities] days_back and days_ahead)
 * around the day of now; cfg may be NULL (a year back, five ahead).
 */
void import_window(const struct config *cfg, long now, struct ymd *from,
    struct ymd *to);

/* Flags of import_file(). */
#define IMPORT_ATTENDEES 0x1	/* .ics: ATTENDEEs become owners */

/*
 * Import the file at path, by who: an iCalendar file (.ics) of
 * activities, or a CSV file whose kind is recognised by its header line.
 * The file's audit row ("import" on "file:PATH", its kind and counts as
 * after) is written in its transaction.  Returns 0, or -1 when the file
 * had errors (all printed as PATH:LINE: reason) or the database failed
 * (nothing from it written).
 */
int import_file(struct store *st, struct lunar_cal *lunar, const char *path,
    const char *who, long now, int flags, struct import_stats *stats);

/* A CSV file already in memory (data[0..len), not modified); name is what
 * messages call it. */
int import_data(struct store *st, struct lunar_cal *lunar, const char *name,
    const char *data, size_t len, const char *who, long now,
    struct import_stats *stats);

/* An iCalendar file of activities already in memory, in one
 * transaction. */
int import_ics(struct store *st, const char *name, const char *data,
    size_t len, const char *who, long now, int flags,
    struct import_stats *stats);

/*
 * Import every *.csv of dir and dir/local in dependency order (countries
 * first, per-year dates last), each file as import_file().  Returns 0,
 * or -1 if any file failed.
 */
int import_calendars(struct store *st, struct lunar_cal *lunar,
    const char *dir, const char *who, long now, struct import_stats *stats);

#endif

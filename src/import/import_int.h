/*
 * What the import's front end (import.c) hands its backends (import_csv.c,
 * import_ics.c), and what import_ics.c shares with import_event.c.
 * Nobody else calls these.
 */
#ifndef KYNIEM_IMPORT_INT_H
#define KYNIEM_IMPORT_INT_H

#include <sqlite3.h>

#include <libical/ical.h>

#include "icsline.h"
#include "import_keys.h"
#include "util.h"

struct import_stats;
struct input;
struct lunar_cal;
struct store;

/*
 * One file's import as the front end hands it to a backend: what to
 * read, where to write, and how to say what is wrong with the file.
 * A backend writes the file in one transaction, with its audit row,
 * counts into stats and reports every message through report, never to
 * a log or a page.
 */
struct import_run {
	struct store *st;
	const char *who;		/* who imports, for the audit trail */
	struct lunar_cal *lunar;	/* CSV: the lunar dates' checks */
	const char *name;		/* the file, as messages call it */
	struct input *in;		/* what to read (the front end's) */
	long now;
	int flags;			/* import_file()'s */
	struct ymd from, to;		/* .ics: the days recurrences are
					   expanded over (import_window()) */
	struct import_stats *stats;
	/* A message of the file (NAME:LINE: reason, or the summary of a
	 * refused file), to where stats->messages says. */
	void (*report)(const struct import_run *run, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
	/* The file's audit row, which a backend writes in its transaction
	 * just before the commit: kind is "csv" or "ics", was the stats as
	 * they were before the file.  0, or -1 (logged): the backend then
	 * rolls the file back. */
	int (*audit)(const struct import_run *run, const char *kind,
	    const struct import_stats *was);
};

/* The CSV backend (import_csv.c): a file whose kind its header line
 * names; 0, or -1 when the file had errors or the database failed. */
int import_csv_read(const struct import_run *run);
/* The iCalendar backend (import_ics.c): a file of activities; 0 or -1
 * likewise. */
int import_ics_read(const struct import_run *run);

/* The import of one .ics file (import_ics.c reads it, import_event.c
 * turns its VEVENTs into activities). */
struct ics_run {
	const struct import_run *run;
	struct store *st;
	const char *name;
	long now;
	int flags;
	struct import_stats *stats;
	struct input *in;
	struct icsline lines;
	long line;		/* where the content line read last starts */
	int pass;		/* 1: shape, zones, overrides; 2: events */
	icalcomponent *cal;	/* a VCALENDAR of the file's VTIMEZONEs */
	size_t nevents;
	int not_calendar;	/* the first line is not BEGIN:VCALENDAR */
	struct buf block;	/* pass 1: the lines of the VEVENT read */
	struct import_keys keys;	/* the UIDs written */
	struct ymd from, to;	/* the window occurrences are taken from */
	long steps;		/* the recurrence iterator's, for the file */
	sqlite3_stmt *ov_add, *ov_find, *ov_rest;	/* overrides */
};

/* Report a message of the file at line, an error of the file. */
void ics_bad(struct ics_run *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Parse the content lines of body (one VEVENT, lines joined by '\n');
 * NULL if libical makes no component of them. */
icalcomponent *ics_parse_block(const char *body);

/* Start and end the file's table of overrides (VEVENTs with a
 * RECURRENCE-ID), inside its transaction; 0 or -1 (logged). */
int ics_overrides_open(struct ics_run *r);
void ics_overrides_close(struct ics_run *r);

/* Pass 1: keep an override (the VEVENT in r->block, begun at line) for
 * the event it belongs to; 0, or -1 on a database error (logged). */
int ics_override_keep(struct ics_run *r, long line);

/* Pass 2: import the VEVENT ev, begun at line, which r->cal holds. */
void ics_vevent(struct ics_run *r, icalcomponent *ev, long line);

/* After pass 2: the overrides whose event the file does not hold. */
void ics_orphans(struct ics_run *r);

#endif

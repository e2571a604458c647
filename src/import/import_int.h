/*
 * What import.c and import_ics.c share and nobody else calls.
 */
#ifndef KYNIEM_IMPORT_INT_H
#define KYNIEM_IMPORT_INT_H

#include <sqlite3.h>

#include <libical/ical.h>

#include "icsline.h"
#include "util.h"

struct import_stats;
struct input;
struct store;

/*
 * The keys of the file being imported, kept in a temporary table of the
 * connection, so that a file of any length is checked for duplicates
 * without holding its keys in memory.
 */
struct import_keys {
	struct store *st;
	sqlite3_stmt *add, *find;
};

/* Start with no keys (inside the file's transaction); 0 or -1 (logged). */
int import_keys_open(struct store *st, struct import_keys *k);
/*
 * Record key, met at line: 0 when it is new, 1 when the file had it
 * already (*first is that line), -1 on a database error (logged).
 */
int import_keys_add(struct import_keys *k, const char *key, long line,
    long *first);
/* Forget the keys (safe on a zeroed or failed struct). */
void import_keys_close(struct import_keys *k);

/*
 * Import the iCalendar file read from in (rewound for a second pass),
 * called name in messages, in one transaction; 0 or -1 (import_ics()).
 */
int import_ics_input(struct store *st, const char *name, struct input *in,
    long now, int flags, struct import_stats *stats);

/* The import of one .ics file (import_ics.c reads it, import_event.c
 * turns its VEVENTs into activities). */
struct ics_run {
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

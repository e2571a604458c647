/*
 * What import.c and import_ics.c share and nobody else calls.
 */
#ifndef KYNIEM_IMPORT_INT_H
#define KYNIEM_IMPORT_INT_H

struct import_stats;
struct input;
struct store;

/*
 * Import the iCalendar file read from in (rewound for a second pass),
 * called name in messages, in one transaction; 0 or -1 (import_ics()).
 */
int import_ics_input(struct store *st, const char *name, struct input *in,
    long now, int flags, struct import_stats *stats);

#endif

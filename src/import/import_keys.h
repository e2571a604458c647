/*
 * The keys of the file being imported, kept in a temporary table of the
 * connection, so that a file of any length is checked for duplicates
 * without holding its keys in memory.  Both backends (import_csv.c,
 * import_ics.c) use it inside their file's transaction.
 */
#ifndef KYNIEM_IMPORT_KEYS_H
#define KYNIEM_IMPORT_KEYS_H

#include <sqlite3.h>

struct store;

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

#endif

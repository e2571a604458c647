/*
 * Merging another union's database into this one, after a merger of
 * provinces: its activities (with their owners), member organisations,
 * contacts and contact edits, recipients, corrections and accounts come
 * over, keyed as they are keyed here, in one transaction with its audit
 * row.  Rows already here are left as they are; a row whose key is here
 * with other values is a conflict, listed, and this database's row kept,
 * except a member organisation, which comes over under a key of its own
 * (two provinces each have their Hội hữu nghị Việt Nam – Lào).
 */
#ifndef KYNIEM_MERGE_H
#define KYNIEM_MERGE_H

#include <stddef.h>
#include <time.h>

struct store;

/* What a merge did (or, dry, would do) to one table. */
struct merge_table_count {
	const char *table;	/* "activities" */
	long added, same, conflicts;
};

struct merge_report {
	struct merge_table_count *tables;	/* in merge order */
	size_t ntables;
	char **conflicts;	/* "activities 'UID': title, start_date
				 * differ; this database's row kept" */
	size_t nconflicts;
	long added;		/* rows, all tables */
};

/*
 * Merge the kyniem database at other into st's: a copy of it, migrated
 * to this schema (a newer one is refused), is attached and its rows
 * inserted where their keys are new.  dry_run rolls it all back, so the
 * report says what a merge would do.  A merge that adds rows writes an
 * audit row (db.merge, as who); one that adds nothing writes nothing,
 * so merging twice is merging once.  Returns 0 with *r, or -1 (logged:
 * the file, its schema, a database error; nothing written).
 */
int merge_db(struct store *st, const char *other, int dry_run,
    const char *who, time_t now, struct merge_report *r);
void merge_report_release(struct merge_report *r);

#endif

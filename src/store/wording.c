/*
 * The relationship_phrases and letter_titles tables: a few dozen rows of
 * calendars/, written by the import and read one at a time by the
 * letters (a query per letter costs nothing at that count).
 */
#include <stdio.h>

#include "store.h"
#include "wording.h"

int
wording_put_phrase(struct store *st, const struct rel_phrase *p, long now,
    int *changed)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "INSERT INTO relationship_phrases (country, since, phrase_vi,"
	    " phrase_en, confidence, source, note, modified)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT (country, since) DO UPDATE SET phrase_vi = ?3,"
	    " phrase_en = ?4, confidence = ?5, source = ?6, note = ?7,"
	    " modified = ?8"
	    " WHERE (phrase_vi, phrase_en, confidence, source, note)"
	    " IS NOT (?3, ?4, ?5, ?6, ?7)");

	if (stmt != NULL) {
		store_bind_text(stmt, 1, p->country);
		/* "" is a since of its own (always), not NULL. */
		sqlite3_bind_text(stmt, 2, p->since != NULL ? p->since : "",
		    -1, SQLITE_TRANSIENT);
		store_bind_text(stmt, 3, p->phrase_vi);
		store_bind_text(stmt, 4, p->phrase_en);
		store_bind_text(stmt, 5, p->confidence);
		store_bind_text(stmt, 6, p->source);
		store_bind_text(stmt, 7, p->note);
		sqlite3_bind_int64(stmt, 8, now);
	}
	return store_step_upsert(st, stmt, changed);
}

int
wording_put_title(struct store *st, const char *country,
    const char *letter_vi, const char *letter_en, const char *source,
    long now, int *changed)
{
	sqlite3_stmt *stmt = store_prepare(st,
	    "INSERT INTO letter_titles (country, letter_vi, letter_en, source,"
	    " modified) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (country) DO UPDATE SET letter_vi = ?2,"
	    " letter_en = ?3, source = ?4, modified = ?5"
	    " WHERE (letter_vi, letter_en, source) IS NOT (?2, ?3, ?4)");

	if (stmt != NULL) {
		store_bind_text(stmt, 1, country);
		store_bind_text(stmt, 2, letter_vi);
		store_bind_text(stmt, 3, letter_en);
		store_bind_text(stmt, 4, source);
		sqlite3_bind_int64(stmt, 5, now);
	}
	return store_step_upsert(st, stmt, changed);
}

/* The one text column of stmt's first row appended to out: 1, 0 when
 * there is no row, -1 (logged); stmt is finalized. */
static int
first_text(struct store *st, sqlite3_stmt *stmt, struct buf *out)
{
	int rc;

	if (stmt == NULL)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		buf_puts(out, (const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
		return 1;
	}
	return store_rows_done(st, stmt, rc) == -1 ? -1 : 0;
}

int
wording_phrase(struct store *st, const char *country, struct ymd date,
    enum lang lang, struct buf *out)
{
	/* ISO dates compare as text; "2015" and "2015-05" sort before
	 * every day of their year and month, "" before them all. */
	sqlite3_stmt *stmt = store_prepare(st, lang == LANG_EN ?
	    "SELECT phrase_en FROM relationship_phrases WHERE country = ?1"
	    " AND since <= ?2 ORDER BY since DESC LIMIT 1" :
	    "SELECT phrase_vi FROM relationship_phrases WHERE country = ?1"
	    " AND since <= ?2 ORDER BY since DESC LIMIT 1");
	char day[16];

	snprintf(day, sizeof(day), "%04d-%02d-%02d", date.y, date.m, date.d);
	if (stmt != NULL) {
		store_bind_text(stmt, 1, country);
		store_bind_text(stmt, 2, day);
	}
	return first_text(st, stmt, out);
}

int
wording_title(struct store *st, const char *country, enum lang lang,
    struct buf *out)
{
	sqlite3_stmt *stmt = store_prepare(st, lang == LANG_EN ?
	    "SELECT letter_en FROM letter_titles WHERE country = ?1" :
	    "SELECT letter_vi FROM letter_titles WHERE country = ?1");

	if (stmt != NULL)
		store_bind_text(stmt, 1, country);
	return first_text(st, stmt, out);
}

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
	static const struct store_table phrases = { "relationship_phrases",
	    "country, since, phrase_vi, phrase_en, confidence, source, note,"
	    " modified", 2, 1, 0 };

	/* "" is a since of its own (always), not NULL. */
	return store_upsert(st, &phrases, changed, STORE_TEXT(p->country),
	    STORE_STR(p->since != NULL ? p->since : ""),
	    STORE_TEXT(p->phrase_vi), STORE_TEXT(p->phrase_en),
	    STORE_TEXT(p->confidence), STORE_TEXT(p->source),
	    STORE_TEXT(p->note), STORE_INT(now));
}

int
wording_put_title(struct store *st, const char *country,
    const char *letter_vi, const char *letter_en, const char *source,
    long now, int *changed)
{
	static const struct store_table titles = { "letter_titles",
	    "country, letter_vi, letter_en, source, modified", 1, 1, 0 };

	return store_upsert(st, &titles, changed, STORE_TEXT(country),
	    STORE_TEXT(letter_vi), STORE_TEXT(letter_en), STORE_TEXT(source),
	    STORE_INT(now));
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
	char day[16];

	snprintf(day, sizeof(day), "%04d-%02d-%02d", date.y, date.m, date.d);
	return first_text(st, store_stmt(st, lang == LANG_EN ?
	    "SELECT phrase_en FROM relationship_phrases WHERE country = ?1"
	    " AND since <= ?2 ORDER BY since DESC LIMIT 1" :
	    "SELECT phrase_vi FROM relationship_phrases WHERE country = ?1"
	    " AND since <= ?2 ORDER BY since DESC LIMIT 1",
	    STORE_TEXT(country), STORE_TEXT(day)), out);
}

int
wording_title(struct store *st, const char *country, enum lang lang,
    struct buf *out)
{
	sqlite3_stmt *stmt = store_stmt(st, lang == LANG_EN ?
	    "SELECT letter_en FROM letter_titles WHERE country = ?1" :
	    "SELECT letter_vi FROM letter_titles WHERE country = ?1",
	    STORE_TEXT(country));

	return first_text(st, stmt, out);
}

/*
 * The words letters take from calendars/ (wording.c): how Vietnam's
 * official statements name the relationship with a country from a date
 * on (relationship-phrases.csv), and how its messages name a national
 * day whose title is not what the day marks (letter-titles.csv: Japan's
 * 23/2 is "Ngày sinh Nhà vua Nhật Bản").  The import writes them, the
 * letters read them; nothing else does.
 */
#ifndef KYNIEM_WORDING_H
#define KYNIEM_WORDING_H

#include "util.h"

struct buf;
struct store;

/* The columns of calendars/relationship-phrases.csv, in order. */
#define WORDING_PHRASE_HEADER "country,since,phrase_vi,phrase_en," \
	"confidence,source,note"
/* The columns of calendars/letter-titles.csv, in order. */
#define WORDING_TITLE_HEADER "country,letter_vi,letter_en,source"

/* One row of relationship-phrases.csv; fields borrowed. */
struct rel_phrase {
	const char *country;	/* a code of countries */
	const char *since;	/* "", YYYY, YYYY-MM or YYYY-MM-DD */
	const char *phrase_vi;	/* "quan hệ hữu nghị vĩ đại, ..." */
	const char *phrase_en;	/* "the great friendship, ..." */
	const char *confidence;	/* confirmed, single-source */
	const char *source, *note;
};

/*
 * Insert or update the phrase of p->country from p->since (the caller
 * checked it).  *changed is 1 when a row was added or a value differed.
 * 0 or -1 (logged).
 */
int wording_put_phrase(struct store *st, const struct rel_phrase *p,
    long now, int *changed);

/* Insert or update the letter title of a country's national day, as
 * wording_put_phrase() does.  0 or -1 (logged). */
int wording_put_title(struct store *st, const char *country,
    const char *letter_vi, const char *letter_en, const char *source,
    long now, int *changed);

/*
 * Append to out the phrase in lang for the relationship with country on
 * date: the row with the latest `since` not after date (a partial since
 * counts from the start of its month or year; an empty one always
 * holds).  Returns 1, 0 (nothing appended) when there is none, -1 on
 * error (logged).
 */
int wording_phrase(struct store *st, const char *country, struct ymd date,
    enum lang lang, struct buf *out);

/* Append to out the letter title in lang of country's national day:
 * 1, 0 (nothing appended) when it has none, -1 on error (logged). */
int wording_title(struct store *st, const char *country, enum lang lang,
    struct buf *out);

#endif

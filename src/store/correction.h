/*
 * Local corrections of shipped observances (an editor found the exact
 * date of a relation known only to the month): checked like a row of
 * calendars/, kept in the corrections table beside the shipped row, and
 * listed for `kyniem list --edited`.  store_load() applies a correction
 * while the shipped row is unchanged since it was made; a re-import that
 * changes the row supersedes it.
 */
#ifndef KYNIEM_CORRECTION_H
#define KYNIEM_CORRECTION_H

#include <stddef.h>
#include <time.h>

#include "field.h"
#include "rules.h"

struct lunar_cal;
struct store;

/* What an editor typed (any field may be NULL: as if empty). */
struct correction_input {
	const char *date;	/* the rule as calendars/ writes it */
	const char *source;	/* required */
	const char *confidence;	/* confirmed, single-source, recalled */
	const char *note;
};

/* The fields of a correction_input: the correction form's. */
extern const struct field correction_fields[];

/*
 * Check in as a correction of obs (the row as loaded): every field
 * through correction_fields (the date a rule calendars/ can write, the
 * source required, confidence one of the three classes, every text
 * through text_check()), then the date suiting the kind (a relation or
 * partnership needs its year, a national day its day; a lunar date
 * counted from a year must exist in that year) and a note for a recalled
 * date.  The base year is the date's own, else obs's.  Returns 0 with
 * *base_year set, or -1 with the refusals added to errs.
 */
int correction_check(const struct observance *obs, struct lunar_cal *lunar,
    const struct correction_input *in, int *base_year,
    struct field_errs *errs);

/*
 * Record a checked correction of obs (the row as loaded) by who, in one
 * transaction: the observance's revision is bumped (feeds announce the
 * new date), the correction remembers that revision as its base, and
 * the audit row ("observance.correct" on "observance:KEY", obs's dated
 * values before and the correction's after) is written.  Replaces an
 * earlier correction of the key.  Returns 0, or -1 (logged) with nothing
 * written.
 */
int correction_save(struct store *st, const struct observance *obs,
    const struct correction_input *in, int base_year, const char *who,
    time_t now);

/* A correction with the shipped row's values beside it. */
struct correction {
	char *key;
	char *rule;		/* as typed: "1994-03-14" */
	int base_year;
	char *source, *confidence, *note, *who;
	time_t at;
	int active;		/* the shipped row is unchanged: applied */
	char *shipped_rule;	/* the shipped row's own values */
	int shipped_base_year;
	char *shipped_source, *shipped_confidence, *shipped_note;
};

struct correction_list {
	struct correction *v;
	size_t n;
};

/* Every correction, sorted by key; 0 or -1 (logged).  Release with
 * correction_list_release(). */
int correction_load(struct store *st, struct correction_list *out);
/* The correction of key: 0 and *out (release it), 1 when there is none,
 * -1 on error (logged). */
int correction_get(struct store *st, const char *key,
    struct correction *out);
void correction_release(struct correction *c);
void correction_list_release(struct correction_list *l);

/* The dated values of an observance as a JSON object, the shape of the
 * audit trail's before and after ({"date", "base_year", "source",
 * "confidence", "note"}). */
void correction_obs_json(const struct observance *obs, struct buf *out);
/* The same for a checked input. */
void correction_input_json(const struct correction_input *in, int base_year,
    struct buf *out);

#endif

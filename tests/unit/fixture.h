/*
 * Rows for the unit tests of the store and the layers above it, written
 * through the store as `kyniem init` would write them, so that a test of
 * mail/ or store/ needs no import/ (a peer or a higher layer) to fill its
 * database.  Static inline: a test includes only what it uses.
 */
#ifndef KYNIEM_TEST_FIXTURE_H
#define KYNIEM_TEST_FIXTURE_H

#include <check.h>
#include <string.h>

#include "rules.h"
#include "store.h"

/* A country row. */
static inline void
fixture_country(struct store *st, const char *code, const char *name_en,
    const char *name_vi, long now)
{
	struct country c = { "", name_en, name_vi, NULL, NULL, "test" };
	int changed;

	memcpy(c.code, code, 3);
	ck_assert_int_eq(store_put_country(st, &c, now, &changed), 0);
}

/* The relation of country since date ("1973-09-21", "1993-07"), as a row
 * of calendars/relations.csv: country,date,confidence,source,note. */
static inline void
fixture_relation(struct store *st, const char *country, const char *date,
    const char *confidence, const char *source, const char *note, long now)
{
	struct observance o = { 0 };
	const char *err;
	char key[32];
	int changed;

	ck_assert_int_eq(rules_parse(date, &o.rule, &err), 0);
	snprintf(key, sizeof(key), "relation:%s", country);
	o.key = key;
	o.kind = KIND_RELATION;
	memcpy(o.country, country, 3);
	o.spec = (char *)date;
	o.confidence = (char *)confidence;
	o.source = (char *)source;
	o.note = (char *)note;
	ck_assert_int_eq(store_put_observance(st, &o, "relations.csv", now,
	    &changed), 0);
}

#endif

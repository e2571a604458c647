/*
 * Rows for the unit tests of the store and the layers above it, written
 * through the store as `kyniem init` would write them, so that a test of
 * mail/ or store/ needs no import/ (a peer or a higher layer) to fill its
 * database.  Static inline: a test includes only what it uses.
 */
#ifndef KYNIEM_TEST_FIXTURE_H
#define KYNIEM_TEST_FIXTURE_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "store.h"

/* A new database in a new directory under /tmp: dir (FIXTURE_DIR bytes)
 * names the directory for fixture_store_close(). */
#define FIXTURE_DIR	64
static inline struct store *
fixture_store_open(char *dir)
{
	struct store *st;
	char db[FIXTURE_DIR + 8];

	snprintf(dir, FIXTURE_DIR, "/tmp/kyniem-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/k.db", dir);
	ck_assert_int_eq(store_open(db, STORE_CREATE, &st), 0);
	return st;
}

/* Close st and remove dir with what is in it. */
static inline void
fixture_store_close(struct store *st, const char *dir)
{
	char cmd[FIXTURE_DIR + 16];

	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

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

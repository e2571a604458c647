/*
 * libFuzzer target: one CSV file through import_data() into an in-memory
 * database that already holds the shipped countries, so rows get past the
 * country check and reach the rule parser and the store.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "import.h"
#include "lunar.h"
#include "store.h"
#include "util.h"

#ifndef KYNIEM_SRCDIR
#define KYNIEM_SRCDIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *st;
static struct lunar_cal *cal;

static void
setup(void)
{
	struct import_stats stats = { 0 };

	if (store_open(":memory:", STORE_CREATE, &st) == -1)
		fatal("cannot open an in-memory database");
	cal = lunar_new(LUNAR_HISTORICAL);
	if (import_file(st, cal, KYNIEM_SRCDIR "/calendars/countries.csv",
	    "fuzz", 0, 0, &stats) == -1)
		fatal("cannot import countries.csv");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_stats stats = { 0 };

	if (st == NULL)
		setup();
	(void)import_data(st, cal, "fuzz.csv", (const char *)data, size,
	    "fuzz", 1700000000L, &stats);
	return 0;
}

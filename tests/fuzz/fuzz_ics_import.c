/*
 * libFuzzer target: one iCalendar file through import_ics() into
 * an in-memory database (the .ics path of `kyniem import`).
 */
#include <stddef.h>
#include <stdint.h>

#include "activity.h"
#include "import.h"
#include "store.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *st;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_stats stats = { 0 };

	if (st == NULL && store_open(":memory:", STORE_CREATE, &st) == -1)
		fatal("cannot open an in-memory database");
	(void)import_ics(st, "fuzz.ics", (const char *)data, size, "fuzz",
	    1700000000L, IMPORT_ATTENDEES, &stats);
	return 0;
}

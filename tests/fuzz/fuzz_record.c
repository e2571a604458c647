/*
 * libFuzzer target: a year record another union sent (`kyniem cluster
 * import`, an upload on the Cụm page, a fetch): record_parse() reads it
 * the whole way, every field checked and, when it carries a signature,
 * its canonical bytes (RFC 8785, jcs.c) computed and verified.  Nothing
 * is stored.
 */
#include <stddef.h>
#include <stdint.h>

#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record r;
	char why[300];

	(void)record_parse((const char *)data, size, &r, why, sizeof(why));
	record_release(&r);
	return 0;
}

/*
 * libFuzzer target: kyniem.conf parsing.  config_load() reads a path, so
 * each input is written to one temporary file first (config.c is left as
 * it is: the fuzzer goes through the same fopen/inih path as the binary).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void
cleanup(void)
{
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	FILE *f;
	int fd;

	if (path[0] == '\0') {
		snprintf(path, sizeof(path), "/tmp/kyniem-fuzz-conf.XXXXXX");
		if ((fd = mkstemp(path)) == -1)
			fatal("mkstemp failed");
		close(fd);
		atexit(cleanup);
	}
	if ((f = fopen(path, "w")) == NULL)
		fatal("cannot write '%s'", path);
	if (size > 0 && fwrite(data, 1, size, f) != size)
		fatal("cannot write '%s'", path);
	if (fclose(f) != 0)
		fatal("cannot write '%s'", path);
	(void)config_load(&cfg, path);
	(void)config_feed_find(&cfg, "all");
	config_release(&cfg);
	return 0;
}

/*
 * libFuzzer target: a file given to `kyniem restore --check`.  Each input
 * is written to a temporary file and read the whole way restore reads it
 * (backup_restore() with BACKUP_CHECK: the header, the checksum or the
 * key, the secretstream pieces, inflate, then SQLite's deserialize,
 * integrity_check, the migrations and the row counts), with a key file
 * of its own so that encrypted inputs reach the decryption.  Nothing is
 * restored.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup.h"
#include "config.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The key of the seed corpus's encrypted backup. */
#define FUZZ_KEY	"kyniem fuzz key, not a secret\n"

static char path[64], key[64];

static void
cleanup(void)
{
	unlink(path);
	unlink(key);
}

static void
put(const char *file, const void *data, size_t size)
{
	FILE *f;

	if ((f = fopen(file, "w")) == NULL || (size > 0 &&
	    fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		fatal("cannot write '%s'", file);
}

static void
setup(void)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/kyniem-fuzz-backup.XXXXXX");
	snprintf(key, sizeof(key), "/tmp/kyniem-fuzz-key.XXXXXX");
	if ((fd = mkstemp(path)) == -1)
		fatal("mkstemp failed");
	close(fd);
	if ((fd = mkstemp(key)) == -1)
		fatal("mkstemp failed");
	close(fd);
	put(key, FUZZ_KEY, strlen(FUZZ_KEY));
	atexit(cleanup);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct backup_restored r;
	struct config cfg;

	if (path[0] == '\0')
		setup();
	put(path, data, size);
	if (config_load(&cfg, NULL) == -1)
		fatal("the default config does not load");
	free(cfg.backup_key_file);
	cfg.backup_key_file = xstrdup(key);
	if (backup_restore(&cfg, path, BACKUP_CHECK, "fuzz", 0, &r) == 0)
		backup_restored_release(&r);
	config_release(&cfg);
	return 0;
}

/*
 * A fuzz target's inputs replayed without libFuzzer: `fuzz_X FILE...` runs
 * each file once through LLVMFuzzerTestOneInput, as a libFuzzer binary
 * does with files on its command line, and prints the same "Running:"
 * lines.  make check links the targets with this and the sanitizer build
 * (gcc, ASan and UBSan), so replaying the corpora needs no clang build of
 * src/; `make fuzz` still links them with libFuzzer to fuzz.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Defined by the targets that need set-up before their first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* The whole of a regular file, or NULL (reported). */
static uint8_t *
slurp(const char *path, size_t *len)
{
	struct stat st;
	uint8_t *data = NULL;
	FILE *f = fopen(path, "rb");

	if (f == NULL || fstat(fileno(f), &st) == -1) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(stderr, "replay: %s: not a regular file\n", path);
		goto fail;
	}
	/* One byte more, so an empty file is not a NULL buffer. */
	data = malloc((size_t)st.st_size + 1);
	if (data == NULL ||
	    fread(data, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		fprintf(stderr, "replay: %s: cannot read it\n", path);
		goto fail;
	}
	fclose(f);
	*len = (size_t)st.st_size;
	return data;
fail:
	free(data);
	if (f != NULL)
		fclose(f);
	return NULL;
}

int
main(int argc, char **argv)
{
	uint8_t *data;
	size_t len;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE...\n", argv[0]);
		return 2;
	}
	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if ((data = slurp(argv[i], &len)) == NULL)
			return 1;
		printf("Running: %s\n", argv[i]);
		fflush(stdout);
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	printf("Executed %d inputs\n", argc - 1);
	return 0;
}

/*
 * The window of a file grows only when the bytes a reader must keep (one
 * record, one line) fill half of it, so reading stays linear and the
 * memory held is a small multiple of the longest record, not of the file.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "util.h"

#define WINDOW	65536

void
input_init_mem(struct input *in, const char *data, size_t len)
{
	memset(in, 0, sizeof(*in));
	in->fd = -1;
	in->data = data;
	in->len = len;
	in->p = data;
	in->end = data + len;
	in->eof = 1;
}

int
input_open(struct input *in, const char *path)
{
	struct stat sb;
	int saved;

	memset(in, 0, sizeof(*in));
	in->fd = -1;
	if ((in->fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(in->fd, &sb) == -1 || S_ISDIR(sb.st_mode)) {
		saved = S_ISDIR(sb.st_mode) ? EISDIR : errno;
		close(in->fd);
		in->fd = -1;
		errno = saved;
		return -1;
	}
	in->cap = WINDOW;
	in->buf = xmalloc(in->cap);
	in->p = in->end = in->buf;
	return 0;
}

void
input_close(struct input *in)
{
	if (in->fd != -1)
		close(in->fd);
	free(in->buf);
	memset(in, 0, sizeof(*in));
	in->fd = -1;
}

int
input_more(struct input *in)
{
	size_t keep;
	ssize_t n;

	if (in->eof)
		return 0;
	keep = (size_t)(in->end - in->p);
	/* Double the window when what must be kept fills half of it. */
	if (keep > in->cap / 2) {
		char *nb = xmalloc(in->cap * 2);

		memcpy(nb, in->p, keep);
		free(in->buf);
		in->buf = nb;
		in->cap *= 2;
	} else if (keep > 0 && in->p != in->buf)
		memmove(in->buf, in->p, keep);
	in->p = in->buf;
	in->end = in->buf + keep;
	do
		n = read(in->fd, in->buf + keep, in->cap - keep);
	while (n == -1 && errno == EINTR);
	if (n == -1)
		return -1;
	if (n == 0) {
		in->eof = 1;
		return 0;
	}
	in->end += n;
	return 1;
}

int
input_rewind(struct input *in)
{
	if (in->fd == -1) {
		in->p = in->data;
		in->end = in->data + in->len;
		return 0;
	}
	if (lseek(in->fd, 0, SEEK_SET) == (off_t)-1)
		return -1;
	in->p = in->end = in->buf;
	in->eof = 0;
	return 0;
}

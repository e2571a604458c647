/*
 * File reading and atomic writing.  The temporary name is unique
 * (mkstemp) so two writers of the same path never share it, and the file
 * is renamed only once its bytes are on disk.  A new file (a backup) is
 * written unnamed (O_TMPFILE) and linked in whole, so a writer killed
 * midway leaves nothing behind.
 */
#define _GNU_SOURCE	/* O_TMPFILE */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "log.h"
#include "util.h"

char *
file_read(const char *path, size_t *len)
{
	struct stat sb;
	struct buf b;
	char chunk[65536];
	ssize_t n;
	int fd, saved;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &sb) == -1 || S_ISDIR(sb.st_mode)) {
		saved = S_ISDIR(sb.st_mode) ? EISDIR : errno;
		close(fd);
		errno = saved;
		return NULL;
	}
	buf_init(&b);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			saved = errno;
			close(fd);
			buf_release(&b);
			errno = saved;
			return NULL;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	*len = b.len;
	return buf_detach(&b);
}

/* mkdir -p for the directories of path (not its last component). */
static int
make_dirs(const char *path)
{
	char *p = xstrdup(path), *s;
	int ret = 0;

	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			log_warn("cannot create '%s'", p);
			ret = -1;
			break;
		}
		*s = '/';
	}
	free(p);
	return ret;
}

static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, data, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The directory part of path ("." when it has none); the caller frees. */
static char *
dir_of(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash == NULL) {
		free(dir);
		return xstrdup(".");
	}
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

/* fsync the directory holding path, so the rename itself is durable. */
static void
sync_dir(const char *path)
{
	char *dir = dir_of(path);
	int fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int
file_write_atomic_mode(const char *path, const char *data, size_t len,
    mode_t mode)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = -1, ret = -1;

	if (make_dirs(path) == -1)
		goto done;
	if ((fd = mkstemp(tmp)) == -1) {
		log_warn("cannot create a temporary file for '%s'", path);
		goto done;
	}
	/* mkstemp makes 0600, whatever the file is for. */
	if (fchmod(fd, mode) == -1 || write_all(fd, data, len) == -1 ||
	    fsync(fd) == -1) {
		log_warn("cannot write '%s'", tmp);
		goto done;
	}
	if (close(fd) == -1) {
		fd = -1;
		log_warn("cannot write '%s'", tmp);
		goto done;
	}
	fd = -1;
	if (rename(tmp, path) == -1) {
		log_warn("cannot rename '%s' to '%s'", tmp, path);
		goto done;
	}
	sync_dir(path);
	ret = 0;
done:
	if (fd != -1)
		close(fd);
	if (ret == -1)
		unlink(tmp);
	free(tmp);
	return ret;
}

int
file_write_atomic(const char *path, const char *data, size_t len)
{
	/* A document is for others to read. */
	return file_write_atomic_mode(path, data, len, 0644);
}

/* The bytes into an unnamed file of path's directory, linked as path
 * once they are on disk.  0, -1 (logged; errno EEXIST when path exists),
 * or -2 when the file system has no unnamed files or it cannot be
 * linked. */
static int
write_unnamed(const char *path, const char *data, size_t len, mode_t mode)
{
	char *dir = dir_of(path), fdpath[64];
	int fd, ret = -1, saved = 0;

	if ((fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode)) == -1) {
		free(dir);
		if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)
			return -2;
		log_warn("cannot create '%s'", path);
		return -1;
	}
	free(dir);
	if (fchmod(fd, mode) == -1 || write_all(fd, data, len) == -1 ||
	    fsync(fd) == -1) {
		log_warn("cannot write '%s'", path);
		goto done;
	}
	/* linkat() of an unnamed file through /proc needs no privilege;
	 * without /proc (or where a sandbox forbids it) the other way. */
	snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, fdpath, AT_FDCWD, path, AT_SYMLINK_FOLLOW) ==
	    -1) {
		saved = errno;
		if (saved != EEXIST)
			ret = -2;
		goto done;
	}
	sync_dir(path);
	ret = 0;
done:
	close(fd);
	errno = saved;
	return ret;
}

/* The same through a temporary name beside path, then link(2). */
static int
write_linked(const char *path, const char *data, size_t len, mode_t mode)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd, ret = -1, saved = 0;

	if ((fd = mkstemp(tmp)) == -1) {
		log_warn("cannot create a temporary file for '%s'", path);
		free(tmp);
		return -1;
	}
	if (fchmod(fd, mode) == -1 || write_all(fd, data, len) == -1 ||
	    fsync(fd) == -1)
		log_warn("cannot write '%s'", tmp);
	else if (link(tmp, path) == -1) {
		saved = errno;
		if (saved != EEXIST)
			log_warn("cannot link '%s' to '%s'", tmp, path);
	} else {
		sync_dir(path);
		ret = 0;
	}
	close(fd);
	unlink(tmp);
	free(tmp);
	errno = saved;
	return ret;
}

int
file_write_new(const char *path, const char *data, size_t len, mode_t mode)
{
	int rc;

	if (make_dirs(path) == -1)
		return -1;
	if ((rc = write_unnamed(path, data, len, mode)) != -2)
		return rc;
	return write_linked(path, data, len, mode);
}

int
file_write_out(const char *path, const char *data, size_t len)
{
	if (path != NULL)
		return file_write_atomic(path, data, len);
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) == EOF) {
		log_warn("cannot write to standard output");
		return -1;
	}
	return 0;
}

int
file_same(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * Whole files: reading one into memory and writing one atomically, so a
 * reader (a web server, a calendar client, Word) never sees half of it.
 */
#ifndef KYNIEM_FILE_H
#define KYNIEM_FILE_H

#include <sys/types.h>

#include <stddef.h>

/*
 * Read the regular file at path into a NUL-terminated buffer (the caller
 * frees), its length in *len.  NULL with errno set on error; a directory
 * is EISDIR.
 */
char *file_read(const char *path, size_t *len);

/*
 * Write data[0..len) to path through a temporary file in the same
 * directory: write, fsync, rename, fsync the directory.  Missing parent
 * directories are created (0755).  A failure is logged, leaves path as it
 * was and no temporary file; returns 0 or -1.
 */
int file_write_atomic(const char *path, const char *data, size_t len);
/* The same with the file's mode (0600 for a copy of the database). */
int file_write_atomic_mode(const char *path, const char *data, size_t len,
    mode_t mode);

/*
 * Create path, which must not exist, with data[0..len) and mode, all at
 * once: the name appears only when the bytes are on disk, and a process
 * killed meanwhile leaves no file behind (an unnamed O_TMPFILE linked in;
 * where the file system has none, a temporary name beside path that only
 * a kill at that moment would leave).  Missing parent directories are
 * created (0755).  Returns 0, or -1: logged, except when path exists
 * (errno EEXIST, for the caller to try another name).
 */
int file_write_new(const char *path, const char *data, size_t len,
    mode_t mode);

/* 1 if a and b name the same file (its device and inode), 0 if not or
 * when either cannot be looked at. */
int file_same(const char *a, const char *b);

/* A command's output: to path as file_write_atomic() does, or to standard
 * output when path is NULL; 0 or -1 (logged). */
int file_write_out(const char *path, const char *data, size_t len);

#endif

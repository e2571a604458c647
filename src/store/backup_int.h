/*
 * Private to the backup module: the file format of backup_fmt.c (a
 * header, then the database image compressed and, with a key,
 * encrypted), and the copy in memory and its checks of backup.c, which
 * backup_restore.c uses too.
 */
#ifndef KYNIEM_BACKUP_INT_H
#define KYNIEM_BACKUP_INT_H

#include <sqlite3.h>
#include <stddef.h>
#include <time.h>

#include "util.h"

#define BK_MAGIC	"KYNIEMBK"
#define BK_FORMAT	1		/* the version this kyniem writes */
#define BK_HEADER	128		/* bytes before the payload */
#define BK_ZLIB		0x1		/* flags: the payload is deflated */
#define BK_ENCRYPTED	0x2		/* and sealed with the key */
/* The largest image: zlib counts in unsigned ints. */
#define BK_IMAGE_MAX	4294967295ULL

/* What a header says (backup_fmt.c describes every byte). */
struct bk_header {
	int format, flags, schema;
	long long created;		/* seconds since 1970, UTC */
	unsigned long long db_size;	/* of the image */
	unsigned long long payload_size;
};

/*
 * Read the header at data[0..len): 0, or -1 with *why saying in a few
 * words what is wrong ("not a kyniem backup", "made by a newer kyniem
 * (format 2)").  The payload is not looked at.
 */
int bk_header_parse(const unsigned char *data, size_t len,
    struct bk_header *h, const char **why);

/*
 * Append to out the backup of the database image img[0..len) (schema
 * version schema, taken at created): the header, then the image
 * deflated, encrypted with the key read from key_file when it is not
 * NULL.  0, or -1 (logged: a key file that cannot be read or is too
 * short).
 */
int bk_encode(const unsigned char *img, size_t len, int schema,
    time_t created, const char *key_file, struct buf *out);

/*
 * The image of the backup data[0..len), read from the file called name
 * (for messages): its header checked, decrypted with the key from
 * key_file when it is encrypted, inflated and checked against the
 * header's sizes.  *img is allocated with sqlite3_malloc64() (the
 * caller hands it to sqlite3_deserialize() or frees it with
 * sqlite3_free()).  0, or -1 after logging why, naming the file.
 */
int bk_decode(const char *name, const unsigned char *data, size_t len,
    const char *key_file, unsigned char **img, size_t *img_len);

/* A database copied into memory. */
struct bk_copy {
	sqlite3 *mem;		/* holds the copy */
	unsigned char *img;	/* its bytes (lent by mem) */
	size_t len;
	sqlite3 *check;		/* reads img, read-only */
};

/*
 * Copy the database at path into memory with SQLite's backup API, in
 * one step: the database as one read transaction sees it, whoever
 * writes meanwhile.  The image is an ordinary (not WAL) database.  0, or
 * -1 (logged).  Release with bk_copy_release() (NULL members are fine).
 */
int bk_copy_take(const char *path, struct bk_copy *c);
void bk_copy_release(struct bk_copy *c);

/* sqlite3_backup of src's main database into dst's, in one step, waiting
 * out locks up to STORE_BUSY_MS: SQLITE_OK or the error code. */
int bk_backup_step(sqlite3 *dst, sqlite3 *src);

/* When run as root, give path to the owner of the file like (the
 * database), so that the service's user can read and replace it. */
void bk_own_like(const char *path, const char *like);

/* PRAGMA integrity_check of db (quick_check when quick): 0 when it says
 * ok, else -1 after logging what it found, naming name. */
int bk_integrity(sqlite3 *db, const char *name, int quick);

#endif

/*
 * The backup file format: a header of 128 bytes, then the payload.  The
 * integers are big-endian.
 *
 *    0  8  magic "KYNIEMBK"
 *    8  2  format version: 1
 *   10  2  flags: 1 the payload is deflated (always, in version 1),
 *          2 it is encrypted
 *   12  4  schema version of the database (its PRAGMA user_version)
 *   16  8  when the copy was taken, seconds since 1970-01-01 UTC
 *   24  8  bytes of the database image
 *   32  8  bytes of the payload (the rest of the file)
 *   40 16  encrypted: the Argon2id salt of the key, else zero
 *   56 24  encrypted: the secretstream header, else zero
 *   80  4  encrypted: Argon2id's operations limit, else zero
 *   84  4  encrypted: Argon2id's memory limit in KiB, else zero
 *   88  8  zero
 *   96 32  plain: BLAKE2b-256 of bytes 0-95 and the payload (damage);
 *          encrypted: BLAKE2b-256 of bytes 0-95 keyed with the key (a
 *          wrong key is told apart from a damaged file)
 *
 * The payload is the SQLite database image (rollback-journal mode: bytes
 * 18 and 19 are 1) as one zlib stream (RFC 1950).  Encrypted, that stream
 * is cut into pieces of at most 64 KiB, each stored as a 4-byte length
 * and the piece sealed with crypto_secretstream_xchacha20poly1305 (17
 * bytes longer; the first with bytes 0-31 of the header as additional
 * data, the last tagged FINAL), under a key derived from the key file's
 * text with Argon2id.  A key file holds a passphrase or random bytes
 * (base64), at least 16 characters; final newlines are not part of it.
 */
#include <limits.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "backup_int.h"
#include "file.h"
#include "log.h"

#define CHUNK		65536
#define SS_ABYTES	crypto_secretstream_xchacha20poly1305_ABYTES
#define SS_HEADER	crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define KEY_BYTES	crypto_secretstream_xchacha20poly1305_KEYBYTES
#define TAG_FINAL	crypto_secretstream_xchacha20poly1305_TAG_FINAL
#define KEY_MIN		16		/* characters of a key file */
#define KEY_MAX		4096
#define OPS		crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEM_KIB		(crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024)
/* What a header may ask of Argon2id before the key is checked. */
#define OPS_MAX		16
#define MEM_KIB_MAX	(1024 * 1024)
/* deflate cannot shrink data more than about 1032 times. */
#define RATIO_MAX	1100

#define O_PAYLOAD	32	/* what comes before it is known first */
#define O_SALT		40
#define O_SSHDR		56
#define O_OPS		80
#define O_MEM		84
#define O_CHECK		96

static void
put_be(unsigned char *p, unsigned long long v, int n)
{
	while (n-- > 0) {
		p[n] = (unsigned char)(v & 0xff);
		v >>= 8;
	}
}

static unsigned long long
get_be(const unsigned char *p, int n)
{
	unsigned long long v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

int
bk_header_parse(const unsigned char *data, size_t len, struct bk_header *h,
    const char **why)
{
	if (len < 8 || memcmp(data, BK_MAGIC, 8) != 0) {
		*why = "not a kyniem backup";
		return -1;
	}
	if (len < BK_HEADER) {
		*why = "truncated: shorter than a backup's header";
		return -1;
	}
	h->format = (int)get_be(data + 8, 2);
	h->flags = (int)get_be(data + 10, 2);
	h->schema = (int)get_be(data + 12, 4);
	h->created = (long long)get_be(data + 16, 8);
	h->db_size = get_be(data + 24, 8);
	h->payload_size = get_be(data + 32, 8);
	if (h->format > BK_FORMAT) {
		*why = "made by a newer kyniem (a backup format this one "
		    "does not read)";
		return -1;
	}
	if (h->format < 1 || !(h->flags & BK_ZLIB) ||
	    (h->flags & ~(BK_ZLIB | BK_ENCRYPTED)) || h->schema < 0 ||
	    h->db_size < 512 || h->db_size % 512 != 0 ||
	    h->db_size / RATIO_MAX > h->payload_size) {
		*why = "damaged: its header is not one kyniem writes";
		return -1;
	}
	return 0;
}

/* The key from key_file's text and the salt; 0, or -1 (logged). */
static int
derive_key(const char *key_file, const unsigned char *salt,
    unsigned long long ops, size_t mem_kib, unsigned char *key)
{
	char *text;
	size_t len;
	int ret = -1;

	if ((text = file_read(key_file, &len)) == NULL) {
		log_warn("cannot read [backup] key_file '%s'", key_file);
		return -1;
	}
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	if (len < KEY_MIN || len > KEY_MAX)
		log_warnx("[backup] key_file '%s' must hold %d to %d "
		    "characters (it holds %zu)", key_file, KEY_MIN, KEY_MAX,
		    len);
	else if (crypto_pwhash(key, KEY_BYTES, text, len, salt, ops,
	    mem_kib * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0)
		log_warnx("cannot derive the backup key from '%s' (out of "
		    "memory)", key_file);
	else
		ret = 0;
	sodium_memzero(text, len);
	free(text);
	return ret;
}

/* Where deflated pieces go: out as they are, or sealed. */
struct sink {
	struct buf *out;
	int enc;
	crypto_secretstream_xchacha20poly1305_state st;
	const unsigned char *ad;	/* of the first piece */
	unsigned char *sealed;
};

static void
emit(struct sink *s, const unsigned char *piece, size_t n, int final)
{
	unsigned long long clen;
	unsigned char len[4];

	if (!s->enc) {
		buf_add(s->out, piece, n);
		return;
	}
	crypto_secretstream_xchacha20poly1305_push(&s->st, s->sealed, &clen,
	    piece, n, s->ad, s->ad != NULL ? O_PAYLOAD : 0, final ?
	    TAG_FINAL : 0);
	s->ad = NULL;
	put_be(len, clen, 4);
	buf_add(s->out, len, 4);
	buf_add(s->out, s->sealed, (size_t)clen);
}

/* Deflate img[0..len) into s, a piece whenever CHUNK bytes are out. */
static void
deflate_into(const unsigned char *img, size_t len, struct sink *s)
{
	unsigned char *piece = xmalloc(CHUNK);
	size_t left = len;
	z_stream z;
	int rc, flush;

	memset(&z, 0, sizeof(z));
	if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK)
		fatal("deflateInit: out of memory");
	z.next_out = piece;
	z.avail_out = CHUNK;
	for (;;) {
		if (z.avail_in == 0 && left > 0) {
			/* avail_in is an unsigned int: a gigabyte at a time. */
			z.next_in = (unsigned char *)(img + (len - left));
			z.avail_in = left > (1u << 30) ? 1u << 30 : (uInt)left;
			left -= z.avail_in;
		}
		flush = left == 0 && z.avail_in == 0 ? Z_FINISH : Z_NO_FLUSH;
		if ((rc = deflate(&z, flush)) == Z_STREAM_ERROR)
			fatal("deflate: %s", z.msg ? z.msg : "stream error");
		if (z.avail_out == 0 || rc == Z_STREAM_END) {
			emit(s, piece, CHUNK - z.avail_out, rc == Z_STREAM_END);
			if (rc == Z_STREAM_END)
				break;
			z.next_out = piece;
			z.avail_out = CHUNK;
		}
	}
	deflateEnd(&z);
	free(piece);
}

/* The header's first 96 bytes of img's backup at hdr. */
static void
header_fill(unsigned char *hdr, size_t len, int schema, time_t created,
    int enc)
{
	memset(hdr, 0, BK_HEADER);
	memcpy(hdr, BK_MAGIC, 8);
	put_be(hdr + 8, BK_FORMAT, 2);
	put_be(hdr + 10, BK_ZLIB | (enc ? BK_ENCRYPTED : 0), 2);
	put_be(hdr + 12, (unsigned long long)schema, 4);
	put_be(hdr + 16, (unsigned long long)(long long)created, 8);
	put_be(hdr + 24, len, 8);
}

int
bk_encode(const unsigned char *img, size_t len, int schema, time_t created,
    const char *key_file, struct buf *out)
{
	unsigned char hdr[BK_HEADER], key[KEY_BYTES], *p;
	struct sink s;
	size_t start = out->len;
	crypto_generichash_state h;

	if (sodium_init() < 0)
		fatal("cannot initialise libsodium");
	memset(&s, 0, sizeof(s));
	s.out = out;
	s.enc = key_file != NULL;
	header_fill(hdr, len, schema, created, s.enc);
	if (s.enc) {
		randombytes_buf(hdr + O_SALT, crypto_pwhash_SALTBYTES);
		put_be(hdr + O_OPS, OPS, 4);
		put_be(hdr + O_MEM, MEM_KIB, 4);
		if (derive_key(key_file, hdr + O_SALT, OPS, MEM_KIB, key) == -1)
			return -1;
		crypto_secretstream_xchacha20poly1305_init_push(&s.st,
		    hdr + O_SSHDR, key);
		s.sealed = xmalloc(CHUNK + SS_ABYTES);
	}
	buf_add(out, hdr, BK_HEADER);
	s.ad = s.enc ? hdr : NULL;
	deflate_into(img, len, &s);
	free(s.sealed);
	/* The header is complete once the payload's size is known. */
	p = (unsigned char *)out->data + start;
	put_be(p + O_PAYLOAD, out->len - start - BK_HEADER, 8);
	if (s.enc) {
		crypto_generichash(p + O_CHECK, 32, p, O_CHECK, key,
		    sizeof(key));
		sodium_memzero(key, sizeof(key));
		return 0;
	}
	crypto_generichash_init(&h, NULL, 0, 32);
	crypto_generichash_update(&h, p, O_CHECK);
	crypto_generichash_update(&h, p + BK_HEADER, out->len - start -
	    BK_HEADER);
	crypto_generichash_final(&h, p + O_CHECK, 32);
	return 0;
}

/* Inflating a payload into the image. */
struct source {
	const char *name;
	z_stream z;
	unsigned char *img;
	size_t img_len;
	int ended;		/* Z_STREAM_END seen */
};

/* Inflate in[0..n) into the image; 0, or -1 (logged). */
static int
inflate_piece(struct source *src, const unsigned char *in, size_t n)
{
	int rc;

	src->z.next_in = (unsigned char *)in;
	src->z.avail_in = (uInt)n;
	while (src->z.avail_in > 0 && !src->ended) {
		if (src->z.avail_out == 0) {
			log_warnx("'%s': damaged: the database inside is "
			    "larger than its header says", src->name);
			return -1;
		}
		rc = inflate(&src->z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			src->ended = 1;
		else if (rc != Z_OK) {
			log_warnx("'%s': damaged: %s", src->name,
			    src->z.msg ? src->z.msg : "the compressed data "
			    "does not inflate");
			return -1;
		}
	}
	if (src->ended && src->z.avail_in > 0) {
		log_warnx("'%s': damaged: bytes after the end of the "
		    "compressed data", src->name);
		return -1;
	}
	return 0;
}

/* An encrypted payload's pieces, opened and inflated; 0 or -1. */
static int
open_pieces(struct source *src, const unsigned char *hdr,
    const unsigned char *p, size_t len, const unsigned char *key)
{
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char *piece = xmalloc(CHUNK), tag = 0;
	unsigned long long n;
	size_t clen, off = 0;
	int first = 1, ret = -1;

	if (crypto_secretstream_xchacha20poly1305_init_pull(&st,
	    hdr + O_SSHDR, key) != 0) {
		log_warnx("'%s': damaged: a bad encryption header", src->name);
		goto done;
	}
	while (off < len && tag != TAG_FINAL) {
		clen = len - off < 4 ? 0 : (size_t)get_be(p + off, 4);
		if (clen < SS_ABYTES || clen > CHUNK + SS_ABYTES ||
		    clen > len - off - 4)
			break;
		if (crypto_secretstream_xchacha20poly1305_pull(&st, piece, &n,
		    &tag, p + off + 4, clen, first ? hdr : NULL, first ?
		    O_PAYLOAD : 0) != 0) {
			log_warnx("'%s': damaged: a piece of the encrypted "
			    "data does not open (at byte %zu)", src->name,
			    BK_HEADER + off);
			goto done;
		}
		first = 0;
		off += 4 + clen;
		if (inflate_piece(src, piece, (size_t)n) == -1)
			goto done;
	}
	if (tag != TAG_FINAL || off != len) {
		log_warnx("'%s': damaged or truncated: the encrypted data %s",
		    src->name, off != len ? "is cut or has extra bytes" :
		    "ends before its last piece");
		goto done;
	}
	ret = 0;
done:
	sodium_memzero(&st, sizeof(st));
	free(piece);
	return ret;
}

/* The key of an encrypted backup, checked against its header; 0 or -1
 * (logged). */
static int
check_key(const char *name, const unsigned char *hdr, const char *key_file,
    unsigned char *key)
{
	unsigned long long ops = get_be(hdr + O_OPS, 4);
	unsigned long long mem = get_be(hdr + O_MEM, 4);
	unsigned char mac[32];

	if (key_file == NULL) {
		log_warnx("'%s' is encrypted: set [backup] key_file to the "
		    "key it was made with", name);
		return -1;
	}
	if (ops < 1 || ops > OPS_MAX || mem < 8 || mem > MEM_KIB_MAX) {
		log_warnx("'%s': damaged: its header asks for an unusual key "
		    "derivation", name);
		return -1;
	}
	if (derive_key(key_file, hdr + O_SALT, ops, (size_t)mem, key) == -1)
		return -1;
	crypto_generichash(mac, sizeof(mac), hdr, O_CHECK, key, KEY_BYTES);
	if (sodium_memcmp(mac, hdr + O_CHECK, sizeof(mac)) != 0) {
		log_warnx("'%s': wrong key: the key in '%s' is not the one "
		    "this backup was made with (or its header is damaged)",
		    name, key_file);
		sodium_memzero(key, KEY_BYTES);
		return -1;
	}
	return 0;
}

/* A plain backup's checksum; 0 or -1 (logged). */
static int
check_sum(const char *name, const unsigned char *data, size_t len)
{
	crypto_generichash_state h;
	unsigned char sum[32];

	crypto_generichash_init(&h, NULL, 0, sizeof(sum));
	crypto_generichash_update(&h, data, O_CHECK);
	crypto_generichash_update(&h, data + BK_HEADER, len - BK_HEADER);
	crypto_generichash_final(&h, sum, sizeof(sum));
	if (memcmp(sum, data + O_CHECK, sizeof(sum)) != 0) {
		log_warnx("'%s': damaged: its checksum does not match", name);
		return -1;
	}
	return 0;
}

/* The payload after the header, opened and inflated into src; 0 or -1. */
static int
read_payload(struct source *src, const struct bk_header *h,
    const unsigned char *data, size_t len, const char *key_file)
{
	unsigned char key[KEY_BYTES];
	int ret;

	if (!(h->flags & BK_ENCRYPTED)) {
		if (check_sum(src->name, data, len) == -1)
			return -1;
		return inflate_piece(src, data + BK_HEADER, len - BK_HEADER);
	}
	if (check_key(src->name, data, key_file, key) == -1)
		return -1;
	ret = open_pieces(src, data, data + BK_HEADER, len - BK_HEADER, key);
	sodium_memzero(key, sizeof(key));
	return ret;
}

int
bk_decode(const char *name, const unsigned char *data, size_t len,
    const char *key_file, unsigned char **img, size_t *img_len)
{
	struct bk_header h;
	struct source src;
	const char *why;
	int ret = -1;

	if (sodium_init() < 0)
		fatal("cannot initialise libsodium");
	if (bk_header_parse(data, len, &h, &why) == -1) {
		log_warnx("'%s': %s", name, why);
		return -1;
	}
	if (h.payload_size != len - BK_HEADER) {
		log_warnx("'%s': %s: %zu bytes, its header says %llu", name,
		    len - BK_HEADER < h.payload_size ? "truncated" :
		    "damaged", len, h.payload_size + BK_HEADER);
		return -1;
	}
	if (h.db_size > BK_IMAGE_MAX || h.payload_size > BK_IMAGE_MAX) {
		log_warnx("'%s': the database inside has %llu bytes, more than "
		    "kyniem restores (4 GiB)", name, h.db_size > BK_IMAGE_MAX ?
		    h.db_size : h.payload_size);
		return -1;
	}
	memset(&src, 0, sizeof(src));
	src.name = name;
	src.img_len = (size_t)h.db_size;
	if ((src.img = sqlite3_malloc64(h.db_size)) == NULL) {
		log_warnx("'%s': no memory for a database of %llu bytes", name,
		    h.db_size);
		return -1;
	}
	if (inflateInit(&src.z) != Z_OK)
		fatal("inflateInit: out of memory");
	src.z.next_out = src.img;
	src.z.avail_out = (uInt)src.img_len;	/* at most BK_IMAGE_MAX */
	if (read_payload(&src, &h, data, len, key_file) == -1)
		goto done;
	if (!src.ended || src.z.total_out != src.img_len) {
		log_warnx("'%s': damaged or truncated: the database inside "
		    "has %lu bytes, its header says %zu", name,
		    (unsigned long)src.z.total_out, src.img_len);
		goto done;
	}
	*img = src.img;
	*img_len = src.img_len;
	src.img = NULL;
	ret = 0;
done:
	inflateEnd(&src.z);
	sqlite3_free(src.img);
	return ret;
}

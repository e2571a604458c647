/*
 * The union's Ed25519 signing key (libsodium's crypto_sign) and detached
 * signatures: the key file beside the database, made once, replaced only
 * by a rotation that keeps the earlier public keys listed; signing and
 * checking bytes.  What is signed (a record's canonical bytes) is the
 * caller's.
 */
#ifndef KYNIEM_SIGN_H
#define KYNIEM_SIGN_H

#include <stddef.h>
#include <time.h>

/* Characters of a public key and of a signature in base64 (RFC 4648,
 * with padding), NUL excluded. */
#define SIGN_PUB_LEN	44
#define SIGN_SIG_LEN	88

/* A retired public key and the day it was replaced (YYYY-MM-DD). */
struct sign_retired {
	char pub[SIGN_PUB_LEN + 1];
	char until[11];
};

/* A loaded key: the secret in memory only while it is needed. */
struct sign_key {
	unsigned char sk[64];		/* crypto_sign_SECRETKEYBYTES */
	char pub[SIGN_PUB_LEN + 1];	/* the public key, base64 */
	struct sign_retired *retired;	/* oldest first */
	size_t nretired;
};

/* The key file of the database at db_path: "DB_PATH.key" (to free). */
char *sign_key_path(const char *db_path);

/*
 * Make a new key at path (mode 0600).  Without rotate an existing file is
 * refused; with rotate it must exist, and its public key joins the
 * retired ones (until today).  *old_pub gets the replaced public key
 * (NULL without rotate; to free) and pub the new one.  0, or -1 (logged:
 * the file exists, or does not, or cannot be written).
 */
int sign_key_create(const char *path, int rotate, const char *today,
    char pub[SIGN_PUB_LEN + 1], char **old_pub);

/*
 * Load the key at path into *k.  A file others may read or write is
 * refused (with the chmod that fixes it), as is one not in the format
 * sign_key_create() writes.  0, 1 when there is no file, or -1 (logged).
 * Release with sign_key_release(), which wipes the secret.
 */
int sign_key_load(const char *path, struct sign_key *k);
void sign_key_release(struct sign_key *k);

/* The detached signature of data[0..len) with k, base64, into sig. */
void sign_data(const struct sign_key *k, const void *data, size_t len,
    char sig[SIGN_SIG_LEN + 1]);

/*
 * 1 if sig (base64) is pub's (base64) signature of data[0..len), 0 if
 * not, or if either is not a well-formed key or signature.
 */
int sign_verify(const char *pub, const char *sig, const void *data,
    size_t len);

/* 1 if s is a well-formed public key in base64, else 0. */
int sign_pub_valid(const char *s);

#endif

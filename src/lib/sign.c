/*
 * Ed25519 through libsodium.  The key file keeps the 32-byte seed (the
 * secret key is derived from it), the public key as a check that the
 * file is whole, and the public keys a rotation retired, one a line:
 *
 *	kyniem-signing-key 1
 *	seed BASE64
 *	public BASE64
 *	retired BASE64 YYYY-MM-DD
 *
 * Every buffer that held the seed is wiped before it is freed.
 */
#include <sys/stat.h>

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "log.h"
#include "sign.h"
#include "util.h"

#define MAGIC	"kyniem-signing-key 1"
#define SEED_LEN	crypto_sign_SEEDBYTES
#define SEED_B64_LEN	44

/* libsodium's own setup; it may be called any number of times. */
static void
init(void)
{
	if (sodium_init() < 0)
		fatal("cannot initialise libsodium");
}

char *
sign_key_path(const char *db_path)
{
	return xasprintf("%s.key", db_path);
}

static void
b64(const unsigned char *bin, size_t n, char *out, size_t outlen)
{
	sodium_bin2base64(out, outlen, bin, n, sodium_base64_VARIANT_ORIGINAL);
}

/* Decode exactly n bytes of base64 s into bin; 0 or -1. */
static int
unb64(const char *s, unsigned char *bin, size_t n)
{
	size_t got = 0;
	const char *end = NULL;

	if (sodium_base642bin(bin, n, s, strlen(s), NULL, &got, &end,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || got != n || *end != '\0')
		return -1;
	return 0;
}

int
sign_pub_valid(const char *s)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];

	return s != NULL && strlen(s) == SIGN_PUB_LEN &&
	    unb64(s, pk, sizeof(pk)) == 0;
}

static void
retired_add(struct sign_key *k, const char *pub, const char *until)
{
	struct sign_retired *r;

	k->retired = xrealloc(k->retired, (k->nretired + 1) *
	    sizeof(*k->retired));
	r = &k->retired[k->nretired++];
	snprintf(r->pub, sizeof(r->pub), "%s", pub);
	snprintf(r->until, sizeof(r->until), "%s", until);
}

/* One line of the file after the first; 0 or -1 (not the format). */
static int
parse_line(char *line, struct sign_key *k, int *have_seed,
    char pub[SIGN_PUB_LEN + 1])
{
	unsigned char seed[SEED_LEN], pk[crypto_sign_PUBLICKEYBYTES];
	char *sp = strchr(line, ' '), *val, *date;
	struct ymd d;
	int ret = -1;

	if (sp == NULL)
		return -1;
	*sp = '\0';
	val = sp + 1;
	if (strcmp(line, "seed") == 0 && !*have_seed &&
	    unb64(val, seed, sizeof(seed)) == 0) {
		crypto_sign_seed_keypair(pk, k->sk, seed);
		b64(pk, sizeof(pk), k->pub, sizeof(k->pub));
		*have_seed = 1;
		ret = 0;
	} else if (strcmp(line, "public") == 0 && pub[0] == '\0' &&
	    sign_pub_valid(val)) {
		snprintf(pub, SIGN_PUB_LEN + 1, "%s", val);
		ret = 0;
	} else if (strcmp(line, "retired") == 0 &&
	    (date = strchr(val, ' ')) != NULL) {
		*date++ = '\0';
		if (sign_pub_valid(val) && util_parse_ymd(date, &d) == 0) {
			retired_add(k, val, date);
			ret = 0;
		}
	}
	sodium_memzero(seed, sizeof(seed));
	return ret;
}

/* The file's text into *k; 0 or -1 (not the format). */
static int
parse(char *data, struct sign_key *k)
{
	char pub[SIGN_PUB_LEN + 1] = "", *line, *nl;
	int have_seed = 0;

	if (strncmp(data, MAGIC "\n", sizeof(MAGIC)) != 0)
		return -1;
	for (line = data + sizeof(MAGIC); *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			return -1;
		*nl = '\0';
		if (parse_line(line, k, &have_seed, pub) == -1)
			return -1;
	}
	/* The public line checks that the seed is the one written. */
	return have_seed && strcmp(pub, k->pub) == 0 ? 0 : -1;
}

int
sign_key_load(const char *path, struct sign_key *k)
{
	struct stat sb;
	char *data = NULL;
	size_t len = 0;
	int ret = -1;

	memset(k, 0, sizeof(*k));
	init();
	if (stat(path, &sb) == -1)
		return errno == ENOENT ? 1 : (log_warn("cannot read the "
		    "signing key '%s'", path), -1);
	/* A key others may read is no longer the union's alone. */
	if (sb.st_mode & (S_IRWXG | S_IRWXO)) {
		log_warnx("the signing key '%s' may be read by others: "
		    "chmod 600 '%s'", path, path);
		return -1;
	}
	if ((data = file_read(path, &len)) == NULL) {
		log_warn("cannot read the signing key '%s'", path);
		return -1;
	}
	if (strlen(data) != len || parse(data, k) == -1) {
		log_warnx("'%s' is not a kyniem signing key (want the file "
		    "`kyniem key init` writes)", path);
		sign_key_release(k);
	} else
		ret = 0;
	sodium_memzero(data, len);
	free(data);
	return ret;
}

void
sign_key_release(struct sign_key *k)
{
	sodium_memzero(k->sk, sizeof(k->sk));
	free(k->retired);
	memset(k, 0, sizeof(*k));
}

/* The file's text for a new seed and the retired keys of old (may be
 * NULL), the replaced key retired until today when there is one. */
static char *
key_text(const unsigned char *seed, const char *pub,
    const struct sign_key *old, const char *today)
{
	char s64[SEED_B64_LEN + 1];
	struct buf b;
	size_t i;

	b64(seed, SEED_LEN, s64, sizeof(s64));
	buf_init(&b);
	buf_printf(&b, "%s\nseed %s\npublic %s\n", MAGIC, s64, pub);
	for (i = 0; old != NULL && i < old->nretired; i++)
		buf_printf(&b, "retired %s %s\n", old->retired[i].pub,
		    old->retired[i].until);
	if (old != NULL)
		buf_printf(&b, "retired %s %s\n", old->pub, today);
	sodium_memzero(s64, sizeof(s64));
	return buf_detach(&b);
}

static int
write_key(const char *path, const char *text, int rotate)
{
	if (rotate)
		return file_write_atomic_mode(path, text, strlen(text), 0600);
	if (file_write_new(path, text, strlen(text), 0600) == -1) {
		if (errno == EEXIST)
			log_warnx("the signing key '%s' exists: `kyniem key "
			    "init --rotate` replaces it", path);
		return -1;
	}
	return 0;
}

int
sign_key_create(const char *path, int rotate, const char *today,
    char pub[SIGN_PUB_LEN + 1], char **old_pub)
{
	unsigned char seed[SEED_LEN], pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	struct sign_key old;
	char *text = NULL;
	int rc = 1, ret = -1;

	*old_pub = NULL;
	memset(&old, 0, sizeof(old));
	init();
	if (rotate && (rc = sign_key_load(path, &old)) != 0) {
		if (rc == 1)
			log_warnx("no signing key at '%s' to rotate: `kyniem "
			    "key init` makes one", path);
		return -1;
	}
	randombytes_buf(seed, sizeof(seed));
	crypto_sign_seed_keypair(pk, sk, seed);
	b64(pk, sizeof(pk), pub, SIGN_PUB_LEN + 1);
	text = key_text(seed, pub, rotate ? &old : NULL, today);
	if (write_key(path, text, rotate) == 0) {
		ret = 0;
		if (rotate)
			*old_pub = xstrdup(old.pub);
	}
	sodium_memzero(seed, sizeof(seed));
	sodium_memzero(sk, sizeof(sk));
	sodium_memzero(text, strlen(text));
	free(text);
	sign_key_release(&old);
	return ret;
}

void
sign_data(const struct sign_key *k, const void *data, size_t len,
    char sig[SIGN_SIG_LEN + 1])
{
	unsigned char s[crypto_sign_BYTES];

	crypto_sign_detached(s, NULL, data, len, k->sk);
	b64(s, sizeof(s), sig, SIGN_SIG_LEN + 1);
}

int
sign_verify(const char *pub, const char *sig, const void *data, size_t len)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], s[crypto_sign_BYTES];

	init();
	if (pub == NULL || sig == NULL || strlen(pub) != SIGN_PUB_LEN ||
	    strlen(sig) != SIGN_SIG_LEN || unb64(pub, pk, sizeof(pk)) == -1 ||
	    unb64(sig, s, sizeof(s)) == -1)
		return 0;
	return crypto_sign_verify_detached(s, data, len, pk) == 0;
}

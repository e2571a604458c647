/*
 * Tokens through libsodium: randombytes_buf() (getrandom), base64url
 * without padding so a token fits a cookie and a URL as it is, and
 * crypto_generichash (BLAKE2b) for the stored hash: a token is already
 * 256 random bits, so a fast hash is enough (no password stretching).
 */
#include <sodium.h>
#include <string.h>

#include "token.h"
#include "util.h"

void
token_init(void)
{
	if (sodium_init() < 0)
		fatal("cannot initialise libsodium");
}

char *
token_new(void)
{
	unsigned char raw[32];
	char *s = xmalloc(TOKEN_LEN + 1);

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(s, TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
	return s;
}

void
token_hash(const char *token, char *out)
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), NULL, 0);
	sodium_bin2hex(out, TOKEN_HASH_LEN + 1, h, sizeof(h));
}

int
token_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	/* The lengths are no secret (every token has the same). */
	if (la != lb)
		return 0;
	return sodium_memcmp(a, b, la) == 0;
}

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

char *
token_mask(const char *token)
{
	unsigned char raw[2 * TOKEN_LEN];
	char *s = xmalloc(TOKEN_MASKED_LEN + 1);
	size_t i;

	if (strlen(token) != TOKEN_LEN)
		fatal("token_mask: a token of %zu characters", strlen(token));
	randombytes_buf(raw, TOKEN_LEN);
	for (i = 0; i < TOKEN_LEN; i++)
		raw[TOKEN_LEN + i] = raw[i] ^ (unsigned char)token[i];
	sodium_bin2base64(s, TOKEN_MASKED_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return s;
}

int
token_masked_equal(const char *masked, const char *token)
{
	unsigned char raw[2 * TOKEN_LEN], plain[TOKEN_LEN];
	size_t n = 0, i;
	int eq;

	if (strlen(masked) != TOKEN_MASKED_LEN || strlen(token) != TOKEN_LEN ||
	    sodium_base642bin(raw, sizeof(raw), masked, TOKEN_MASKED_LEN,
	    NULL, &n, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    n != sizeof(raw))
		return 0;
	for (i = 0; i < TOKEN_LEN; i++)
		plain[i] = raw[i] ^ raw[TOKEN_LEN + i];
	eq = sodium_memcmp(plain, token, TOKEN_LEN) == 0;
	sodium_memzero(plain, sizeof(plain));
	return eq;
}

/* Not sodium_memcmp(), which wants two strings of one length: a feed's
 * token is as long as the union chose it, and its length must not show
 * either. */
int
token_equal(const char *given, const char *secret)
{
	size_t i, gl = strlen(given), sl = strlen(secret);
	unsigned char d = gl != sl;

	for (i = 0; i < sl; i++)
		d |= (unsigned char)(secret[i] ^ (i < gl ? given[i] : 0));
	return d == 0;
}

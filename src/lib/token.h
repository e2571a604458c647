/*
 * Secret tokens: sessions, CSRF, one-time links.  Made from libsodium's
 * random source and compared in constant time; only their hashes are
 * stored, so a copy of the database opens no session.
 */
#ifndef KYNIEM_TOKEN_H
#define KYNIEM_TOKEN_H

/* Characters of a token and of its stored hash, NUL excluded. */
#define TOKEN_LEN	43	/* 32 random bytes, base64url, no padding */
#define TOKEN_HASH_LEN	64	/* BLAKE2b-256 in hex */

/* Call once before the others (sodium_init). */
void token_init(void);

/* A new random token (caller frees). */
char *token_new(void);

/* The stored form of token into out (TOKEN_HASH_LEN + 1 bytes). */
void token_hash(const char *token, char *out);

/* Characters of a masked token: a random pad and the token XORed with it,
 * base64url.  A page carries its CSRF token masked anew on every response,
 * so that compressed pages leak nothing about it (BREACH). */
#define TOKEN_MASKED_LEN	115	/* 2 * TOKEN_LEN bytes, base64url */

/* token masked with a fresh pad (caller frees). */
char *token_mask(const char *token);

/* 1 if masked is token masked by token_mask(), in constant time. */
int token_masked_equal(const char *masked, const char *token);

/* 1 if the two strings are equal, in a time that depends only on the
 * secret's length (not on where they differ, nor on given's length). */
int token_equal(const char *given, const char *secret);

#endif

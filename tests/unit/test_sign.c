/*
 * sign: a key made, loaded and rotated (the old public key retired),
 * a signature that checks with its key only and over its bytes only, and
 * key files that are not the format (or that others may read) refused.
 */
#include <sys/stat.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sign.h"
#include "util.h"

/* A fresh directory's key path (caller frees both). */
static char *
scratch(char **dir)
{
	char tmpl[] = "/tmp/test_sign.XXXXXX";

	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	*dir = xstrdup(tmpl);
	return xasprintf("%s/k.db.key", tmpl);
}

static void
cleanup(char *dir, char *path)
{
	unlink(path);
	rmdir(dir);
	free(dir);
	free(path);
}

START_TEST(make_sign_verify)
{
	char pub[SIGN_PUB_LEN + 1], sig[SIGN_SIG_LEN + 1], *dir, *path, *old;
	static const char msg[] = "{\"year\":2023}";
	struct sign_key k;
	struct stat sb;

	path = scratch(&dir);
	ck_assert_int_eq(sign_key_load(path, &k), 1);
	ck_assert_int_eq(sign_key_create(path, 0, "2024-01-05", pub, &old), 0);
	ck_assert_ptr_null(old);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert(sign_pub_valid(pub));
	ck_assert_int_eq(sign_key_load(path, &k), 0);
	ck_assert_str_eq(k.pub, pub);
	ck_assert_uint_eq(k.nretired, 0);
	sign_data(&k, msg, strlen(msg), sig);
	ck_assert_uint_eq(strlen(sig), SIGN_SIG_LEN);
	ck_assert(sign_verify(pub, sig, msg, strlen(msg)));
	/* Other bytes, another key, a damaged signature: refused. */
	ck_assert(!sign_verify(pub, sig, msg, strlen(msg) - 1));
	ck_assert(!sign_verify(pub, sig, "{\"year\":2024}", strlen(msg)));
	ck_assert(!sign_verify("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
	    sig, msg, strlen(msg)));
	sig[10] = sig[10] == 'A' ? 'B' : 'A';
	ck_assert(!sign_verify(pub, sig, msg, strlen(msg)));
	ck_assert(!sign_verify(pub, "not base64", msg, strlen(msg)));
	sign_key_release(&k);
	cleanup(dir, path);
}
END_TEST

START_TEST(no_overwrite_rotate)
{
	char pub[SIGN_PUB_LEN + 1], pub2[SIGN_PUB_LEN + 1], *dir, *path, *old;
	struct sign_key k;

	path = scratch(&dir);
	/* Nothing to rotate yet. */
	ck_assert_int_eq(sign_key_create(path, 1, "2024-01-05", pub, &old),
	    -1);
	ck_assert_int_eq(sign_key_create(path, 0, "2024-01-05", pub, &old), 0);
	ck_assert_int_eq(sign_key_create(path, 0, "2024-01-05", pub2, &old),
	    -1);
	ck_assert_int_eq(sign_key_load(path, &k), 0);
	ck_assert_str_eq(k.pub, pub);
	sign_key_release(&k);
	ck_assert_int_eq(sign_key_create(path, 1, "2025-02-01", pub2, &old),
	    0);
	ck_assert_str_eq(old, pub);
	ck_assert_str_ne(pub, pub2);
	free(old);
	ck_assert_int_eq(sign_key_load(path, &k), 0);
	ck_assert_str_eq(k.pub, pub2);
	ck_assert_uint_eq(k.nretired, 1);
	ck_assert_str_eq(k.retired[0].pub, pub);
	ck_assert_str_eq(k.retired[0].until, "2025-02-01");
	sign_key_release(&k);
	cleanup(dir, path);
}
END_TEST

/* Key files sign_key_load() must refuse. */
static const char *const bad_files[] = {
	"",
	"kyniem-signing-key 2\n",
	"kyniem-signing-key 1\n",
	/* A seed whose public key is another. */
	"kyniem-signing-key 1\nseed AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
	"public AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
	"kyniem-signing-key 1\nseed short\npublic x\n",
	"kyniem-signing-key 1\nseed AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
	"kyniem-signing-key 1\nunknown line\n",
};

START_TEST(bad_file)
{
	struct sign_key k;
	char *dir, *path;
	FILE *f;

	path = scratch(&dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(bad_files[_i], f);
	fclose(f);
	chmod(path, 0600);
	ck_assert_int_eq(sign_key_load(path, &k), -1);
	cleanup(dir, path);
}
END_TEST

START_TEST(readable_refused)
{
	char pub[SIGN_PUB_LEN + 1], *dir, *path, *old;
	struct sign_key k;

	path = scratch(&dir);
	ck_assert_int_eq(sign_key_create(path, 0, "2024-01-05", pub, &old), 0);
	chmod(path, 0640);
	ck_assert_int_eq(sign_key_load(path, &k), -1);
	chmod(path, 0600);
	ck_assert_int_eq(sign_key_load(path, &k), 0);
	sign_key_release(&k);
	cleanup(dir, path);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("sign");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, make_sign_verify);
	tcase_add_test(tc, no_overwrite_rotate);
	tcase_add_loop_test(tc, bad_file, 0, NELEM(bad_files));
	tcase_add_test(tc, readable_refused);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * ICU's collators and normaliser.  A sort computes each key's ICU sort key
 * once (bytes that compare with strcmp as the collator compares the
 * strings), sorts indices by them and permutes the array: no global
 * collator for qsort's comparison.  Folding to ASCII decomposes (NFD) and
 * keeps the base letters.  A currency's name is ICU's, of its locale data.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ucurr.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "collate.h"
#include "log.h"
#include "util.h"

struct entry {
	unsigned char *key;	/* ICU sort key, NUL-terminated */
	size_t index;
};

/* s as UTF-16 in a new buffer (*len code units); NULL on invalid UTF-8. */
static UChar *
to_utf16(const char *s, int32_t *len)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u;

	u_strFromUTF8(NULL, 0, len, s, -1, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		return NULL;
	u = xcalloc((size_t)*len + 1, sizeof(*u));
	err = U_ZERO_ERROR;
	u_strFromUTF8(u, *len + 1, NULL, s, -1, &err);
	if (U_FAILURE(err)) {
		free(u);
		return NULL;
	}
	return u;
}

static unsigned char *
sort_key(UCollator *coll, const char *s)
{
	unsigned char *k;
	int32_t ulen = 0, n;
	UChar *u = s != NULL ? to_utf16(s, &ulen) : NULL;

	if (u == NULL)
		return (unsigned char *)xstrdup("");
	n = ucol_getSortKey(coll, u, ulen, NULL, 0);
	k = xmalloc((size_t)n + 1);
	ucol_getSortKey(coll, u, ulen, k, n + 1);
	free(u);
	return k;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp((const char *)x->key, (const char *)y->key);

	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

int
collate_sort(const char *locale, void *base, size_t n, size_t size,
    const char *(*key)(const void *elem))
{
	UErrorCode err = U_ZERO_ERROR;
	UCollator *coll = ucol_open(locale, &err);
	struct entry *v;
	char *copy;
	size_t i;

	if (U_FAILURE(err)) {
		log_warnx("no collation for '%s': %s", locale, u_errorName(err));
		return -1;
	}
	v = xcalloc(n + 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		v[i].key = sort_key(coll, key((char *)base + i * size));
		v[i].index = i;
	}
	ucol_close(coll);
	if (n > 0)
		qsort(v, n, sizeof(*v), entry_cmp);
	copy = xmalloc(n * size + 1);
	memcpy(copy, base, n * size);
	for (i = 0; i < n; i++) {
		memcpy((char *)base + i * size, copy + v[i].index * size, size);
		free(v[i].key);
	}
	free(copy);
	free(v);
	return 0;
}

void
collate_ascii(const char *s, struct buf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	UChar *u, *d = NULL;
	int32_t len = 0, dlen, i;

	if (U_FAILURE(err) || (u = to_utf16(s, &len)) == NULL)
		return;
	dlen = unorm2_normalize(nfd, u, len, NULL, 0, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		d = xcalloc((size_t)dlen + 1, sizeof(*d));
		unorm2_normalize(nfd, u, len, d, dlen + 1, &err);
	}
	for (i = 0; d != NULL && U_SUCCESS(err) && i < dlen; i++) {
		if (d[i] < 0x80)
			buf_putc(out, (int)d[i]);
		else if (d[i] == 0x111 || d[i] == 0x110)	/* đ, Đ */
			buf_putc(out, d[i] == 0x111 ? 'd' : 'D');
	}
	free(d);
	free(u);
}

void
collate_fold(const char *s, struct buf *out)
{
	size_t i = out->len;

	collate_ascii(s, out);
	for (; i < out->len; i++)
		out->data[i] = (char)tolower((unsigned char)out->data[i]);
}

void
collate_slug(const char *s, struct buf *out)
{
	struct buf a;
	const char *p;
	int dash = 0, started = 0;

	buf_init(&a);
	collate_ascii(s, &a);
	for (p = a.data != NULL ? a.data : ""; *p != '\0'; p++) {
		if (!isalnum((unsigned char)*p)) {
			dash = 1;
			continue;
		}
		if (dash && started)
			buf_putc(out, '-');
		buf_putc(out, tolower((unsigned char)*p));
		dash = 0;
		started = 1;
	}
	buf_release(&a);
}

/* s in capitals (upper) or small letters by locale's rules into out. */
static void
case_map(const char *locale, const char *s, struct buf *out, int upper)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar *u, *up = NULL;
	char *r = NULL;
	int32_t len = 0, ulen, rlen = 0;

	if ((u = to_utf16(s, &len)) == NULL) {
		buf_puts(out, s);
		return;
	}
	/* Capitals may be longer (German sharp s), hence two passes. */
	ulen = upper ? u_strToUpper(NULL, 0, u, len, locale, &err) :
	    u_strToLower(NULL, 0, u, len, locale, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(err)) {
		err = U_ZERO_ERROR;
		up = xcalloc((size_t)ulen + 1, sizeof(*up));
		if (upper)
			u_strToUpper(up, ulen + 1, u, len, locale, &err);
		else
			u_strToLower(up, ulen + 1, u, len, locale, &err);
	}
	if (up != NULL && U_SUCCESS(err)) {
		u_strToUTF8(NULL, 0, &rlen, up, ulen, &err);
		err = U_ZERO_ERROR;
		r = xcalloc((size_t)rlen + 1, 1);
		u_strToUTF8(r, rlen + 1, NULL, up, ulen, &err);
	}
	buf_puts(out, r != NULL && U_SUCCESS(err) ? r : s);
	free(r);
	free(up);
	free(u);
}

void
collate_upper(const char *locale, const char *s, struct buf *out)
{
	case_map(locale, s, out, 1);
}

void
collate_lower(const char *locale, const char *s, struct buf *out)
{
	case_map(locale, s, out, 0);
}

int
collate_currency(const char *locale, const char *code, struct buf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar u[4];
	const UChar *name;
	char *r;
	UBool choice = 0;
	int32_t len = 0, rlen = 0;

	if (strlen(code) != 3)
		return -1;
	u_charsToUChars(code, u, 4);
	name = ucurr_getName(u, locale, UCURR_LONG_NAME, &choice, &len, &err);
	/* Without a name of its own ICU gives the code back. */
	if (U_FAILURE(err) || err == U_USING_DEFAULT_WARNING || name == NULL)
		return -1;
	u_strToUTF8(NULL, 0, &rlen, name, len, &err);
	err = U_ZERO_ERROR;
	r = xcalloc((size_t)rlen + 1, 1);
	u_strToUTF8(r, rlen + 1, NULL, name, len, &err);
	if (U_SUCCESS(err))
		buf_puts(out, r);
	free(r);
	return U_SUCCESS(err) ? 0 : -1;
}

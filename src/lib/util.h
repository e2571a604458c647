/*
 * Small helpers shared by every module: checked allocation, integer and
 * date parsing, proleptic Gregorian day arithmetic and a growable string.
 * Nothing here does I/O except fatal(), which reports and exits.
 */
#ifndef KYNIEM_UTIL_H
#define KYNIEM_UTIL_H

#include <stddef.h>
#include <stdarg.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
/* A message in Vietnamese or English: both arms literal, so that the
 * compiler checks each against printf's arguments. */
#define VI_EN(vi, v, e) ((vi) ? (v) : (e))

/* The two languages of every user-facing text.  The documents' word
 * tables (plan, report, cluster, doc, the feed page) write each term
 * once as a pair { Vietnamese, English } indexed by it. */
enum lang { LANG_VI, LANG_EN };

/* A Gregorian calendar date; month 1-12, day 1-31. */
struct ymd {
	int y, m, d;
};

/* Report a broken invariant or exhausted memory and exit(1). */
void fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* Allocators that never return NULL (they call fatal()). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A copy of s with ASCII letters in lower case (caller frees). */
char *xstrlower(const char *s);
/* Overwrite the string s, a secret (a password, a token, a link that
 * holds one), with zeros, then free it; NULL is fine. */
void util_free_secret(char *s);
/* Returns a newly allocated formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/*
 * Parse a whole decimal integer in [min, max] from s; leading/trailing
 * garbage is an error.  Returns 0 and sets *out, or -1.
 */
int util_parse_int(const char *s, long min, long max, long *out);

/* Days since 1970-01-01 of a proleptic Gregorian date (any sign). */
long util_days_from_civil(int y, int m, int d);
/* Inverse of util_days_from_civil(). */
struct ymd util_civil_from_days(long days);
/* 0 = Sunday .. 6 = Saturday. */
int util_weekday(int y, int m, int d);
int util_is_leap(int y);
/* Days in month m of year y (28-31). */
int util_month_days(int y, int m);
/* 1 if y-m-d is a real Gregorian date within years 1..9999. */
int util_valid_date(int y, int m, int d);
/*
 * Parse "YYYY-MM-DD" exactly into *out; returns 0, or -1 for a malformed
 * or impossible date (31/02).
 */
int util_parse_ymd(const char *s, struct ymd *out);
/* Format as YYYY-MM-DD into buf (at least 11 bytes). */
void util_format_ymd(struct ymd t, char *buf, size_t len);
int util_ymd_cmp(struct ymd a, struct ymd b);
struct ymd util_ymd_add_days(struct ymd t, long n);

/* 1 if the n bytes at s are valid UTF-8 (no overlongs, no surrogates). */
int util_utf8_valid(const char *s, size_t n);

/* Growable NUL-terminated byte buffer. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Hands the data to the caller (to free) and resets b. */
char *buf_detach(struct buf *b);
/* n (>= 0) with its thousands grouped by sep: 149.814 as Vietnamese
 * writes it (sep '.'), 149,814 in English (','). */
/* Append template t with "$1".."$9" replaced by v[0..n) (a NULL item
 * as nothing): the words of a document in the order each language puts
 * its numbers and names. */
void buf_fill(struct buf *b, const char *t, const char *const *v, size_t n);
void buf_put_grouped(struct buf *b, long n, int sep);

#endif

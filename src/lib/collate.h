/*
 * Text as people order and name it, through ICU: sorting by a language's
 * collation ("Afghanistan" before "Các Tiểu vương quốc Ả Rập Thống nhất"
 * in Vietnamese, where byte order puts "Ả" last), and folding Vietnamese
 * to ASCII for names that must be ASCII (file names of attachments).
 * The index page, the mail and the staff web application share them.
 */
#ifndef KYNIEM_COLLATE_H
#define KYNIEM_COLLATE_H

#include <stddef.h>

struct buf;

/*
 * Sort the n elements of size bytes at base by the UTF-8 string key(elem)
 * in the collation of locale ("vi", "en"), stably; NULL keys sort first.
 * Returns 0, or -1 (logged) when ICU has no collator: base is then left
 * in byte order of the keys.
 */
int collate_sort(const char *locale, void *base, size_t n, size_t size,
    const char *(*key)(const void *elem));

/*
 * Append s with its letters folded to ASCII: marks dropped ("Tết" is
 * "Tet"), đ/Đ as d/D; anything else outside ASCII is dropped.  s must be
 * valid UTF-8.
 */
void collate_ascii(const char *s, struct buf *out);

/*
 * Append s folded for a search that ignores marks and case: as
 * collate_ascii() folds it, in lower case ("Nhật Bản" is "nhat ban").
 */
void collate_fold(const char *s, struct buf *out);

/*
 * Append s as a tag of the calendars: folded as collate_ascii() does,
 * lower case, every run of other characters one hyphen ("Khánh Hòa" is
 * "khanh-hoa").
 */
void collate_slug(const char *s, struct buf *out);

/*
 * Append s in capitals by the rules of locale ("vi": "Liên hiệp tỉnh Khánh
 * Hòa" is "LIÊN HIỆP TỈNH KHÁNH HÒA"); invalid UTF-8 is appended as it is.
 */
void collate_upper(const char *locale, const char *s, struct buf *out);
/* Append s in small letters by the rules of locale, likewise. */
void collate_lower(const char *locale, const char *s, struct buf *out);

/*
 * Append the name of currency code (ISO 4217, "USD") in locale's words
 * by ICU ("vi": "Đô la Mỹ"); 0, or -1 when ICU has no name for it
 * (nothing appended).
 */
int collate_currency(const char *locale, const char *code, struct buf *out);

#endif

/*
 * The one validator for text fields of every input: command-line options,
 * CSV and .ics rows, the config file and web forms.  A field is valid
 * UTF-8, has no control characters (tab and line breaks only where the
 * field allows several lines), no bidirectional controls on one line, and
 * is not longer than its limit; a required field shows at least one
 * visible character.
 */
#ifndef KYNIEM_TEXT_H
#define KYNIEM_TEXT_H

#include <stddef.h>

/* Limits, in characters, of the fields people type. */
#define TEXT_TITLE_MAX		300
#define TEXT_LINE_MAX		500	/* location, organiser, names */
#define TEXT_NOTES_MAX		10000
#define TEXT_SOURCE_MAX		2000
#define TEXT_KEY_MAX		64

/* Flags of text_check(). */
#define TEXT_MULTILINE	0x1	/* LF, CR and tab allowed */
#define TEXT_REQUIRED	0x2	/* NULL, "" or nothing visible is an error */

/*
 * Check s against the rules above with at most max characters (code
 * points).  NULL and "" pass unless TEXT_REQUIRED.  Returns 0, or -1 with
 * *why (unless why is NULL) set to a static reason ("is not valid
 * UTF-8", "contains a control character", "contains a bidirectional
 * control character", "is longer than the limit", "is required", "has no
 * visible character"); field.c says them for a field, in words.
 */
int text_check(const char *s, size_t max, int flags, const char **why);

/*
 * 1 if code point c is one text_check() refuses in a field of flags: C0
 * and C1 controls and DEL (tab, CR and LF only when TEXT_MULTILINE), the
 * line and paragraph separators, and on a single line the bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).  What
 * prints to a terminal is escaped by the same rule (esc_term()).
 */
int text_char_refused(long c, int flags);

/* Characters (code points) of a valid UTF-8 string. */
size_t text_chars(const char *s);

/*
 * 1 if s is a plain addr-spec we are willing to send to: ASCII
 * local@domain.tld, dot-atom local part, hostname labels, no spaces or
 * control characters, at most 254 bytes.
 */
int text_email_valid(const char *s);

/* The longest slug text_slug_valid() accepts. */
#define TEXT_SLUG_MAX	32

/*
 * 1 if s names a union or a cluster in records and configs: 1 to
 * TEXT_SLUG_MAX of a-z, 0-9 and '-', a letter or digit first and last
 * ("khanh-hoa", "cum-3").
 */
int text_slug_valid(const char *s);

#endif

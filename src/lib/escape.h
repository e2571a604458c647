/*
 * Escaping, one function per output language: every writer of HTML,
 * Markdown, CSV, XML (docx), URLs and log lines goes through these (JSON
 * goes through the writer in jsonw.h), so untrusted text (titles, notes,
 * names from imported files and forms) can never become markup, a
 * formula, a header or a second log line.
 */
#ifndef KYNIEM_ESCAPE_H
#define KYNIEM_ESCAPE_H

#include <stddef.h>

struct buf;

/* HTML text and attribute values (double- or single-quoted): & < > " '. */
void esc_html(struct buf *b, const char *s);

/*
 * Inline Markdown: ASCII punctuation that Markdown or its raw HTML would
 * interpret is backslash-escaped (CommonMark 2.4), so "<script>" stays
 * text and "[x](javascript:...)" is not a link.  Line breaks become
 * spaces.
 */
void esc_md(struct buf *b, const char *s);

/*
 * A CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF.
 * A field starting with = + - @ tab or CR is a formula to Excel and
 * LibreOffice: it gets a leading apostrophe (and is quoted), which both
 * show as text.
 */
void esc_csv(struct buf *b, const char *s);

/* XML 1.0 character data and attribute values; characters XML forbids
 * (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) are dropped. */
void esc_xml(struct buf *b, const char *s);

/* Percent-encoding of everything but RFC 3986's unreserved characters. */
void esc_url(struct buf *b, const char *s);

/*
 * Text from a request for a log line: printable ASCII is kept, every other
 * byte (controls, DEL, UTF-8, the backslash itself) becomes \xNN, so one
 * request can never write a second line, a journald level or a terminal
 * escape.  At most max bytes of s are looked at; "..." marks a cut.
 */
void esc_log(struct buf *b, const char *s, size_t max);

/*
 * Text for a person's terminal (`kyniem audit`): valid UTF-8 is written as
 * it is, Vietnamese included, but what text_char_refused() refuses on one
 * line (C0 and C1 controls, DEL, tab and line breaks, the line separators
 * and the bidirectional controls) is escaped, as \xNN below U+0080 and as
 * \uXXXX above, so nothing can move the cursor, end the line or turn the
 * text around; a byte that is not UTF-8 is \xNN and the backslash is \\.
 * At most max bytes of s are looked at; "..." marks a cut.
 */
void esc_term(struct buf *b, const char *s, size_t max);

/*
 * The HTML writer: printf whose %s is escaped with esc_html().  Numbers
 * (%d %ld %lld %u %lu %zu %x, with flags and widths) are written as
 * printf writes them, and %% is a percent sign.  Markup goes in the
 * format, which must be a literal; trusted markup built elsewhere needs
 * the visibly different html_raw().
 */
void html_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append markup as it is (a page's own fragments, never input). */
void html_raw(struct buf *b, const char *markup);

#endif

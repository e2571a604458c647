/*
 * Building one reminder email: RFC 5322 headers (RFC 2047 encoded UTF-8
 * where needed) and a MIME multipart/mixed body holding text/plain and
 * text/html alternatives and a text/calendar attachment.  No I/O.
 */
#ifndef KYNIEM_MESSAGE_H
#define KYNIEM_MESSAGE_H

#include <stddef.h>
#include <time.h>

struct buf;

/* A file attached as it is (a letter's .docx). */
struct message_file {
	const char *name;		/* the file name, ASCII [A-Za-z0-9._-] */
	const char *type;		/* its MIME type */
	const char *data;
	size_t len;
};

struct message {
	const char *from, *from_name;	/* address; display name or NULL */
	const char *to, *to_name;
	const char *subject;		/* UTF-8 */
	const char *message_id;		/* without angle brackets */
	time_t date;
	const char *text, *html;	/* UTF-8 bodies */
	const char *ics;		/* iCalendar text with METHOD, or NULL */
	const char *ics_name;		/* its file name without ".ics", UTF-8:
					   the event's title; NULL: "event" */
	const struct message_file *files;	/* after the calendar */
	size_t nfiles;
};

/*
 * Append the whole message, CRLF line ends, to out.  The text/calendar
 * part's method parameter is taken from the METHOD inside the calendar;
 * the attachment is named after ics_name: an ASCII name (Vietnamese
 * folded, "Ky-niem-50-nam-...ics") and the UTF-8 one (RFC 2231).
 * The files follow, base64.
 * Returns 0, or -1 with *err set to a static reason: a CR or LF in a
 * header value, invalid UTF-8, a calendar without METHOD, or a file name
 * or type that is not a plain token.
 */
int message_build(const struct message *m, struct buf *out,
    const char **err);

/*
 * A Message-ID (without brackets) that depends only on the reminder key,
 * the recipient and the domain, so a resend carries the same one.
 * Caller frees.
 */
char *message_id(const char *reminder, const char *recipient,
    const char *domain);

/* Append value as RFC 2047 encoded-words (B, UTF-8) if it needs them. */
void message_encode_words(const char *value, struct buf *out);

/* Append t as an RFC 5322 date in Vietnam's time (+0700). */
void message_format_date(time_t t, struct buf *out);

#endif

/*
 * MIME reminder messages.  Every body part is base64 so no line limit or
 * 8-bit transport matters; boundaries start with "=_", which base64 never
 * produces.  Header values are checked for CR and LF before anything is
 * written: a reminder is never a way to inject a header.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "message.h"
#include "vntime.h"
#include "util.h"

/* Characters of an attachment's name, before ".ics". */
#define NAME_MAX_ASCII	60
#define NAME_MAX_BYTES	120


static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
base64(const unsigned char *p, size_t n, struct buf *out)
{
	char q[4];
	uint32_t v;
	size_t i;

	for (i = 0; i < n; i += 3) {
		v = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		buf_add(out, q, 4);
	}
}

/* Base64 body in lines of 76 characters. */
static void
base64_bytes(const char *s, size_t n, struct buf *out)
{
	size_t i, chunk;

	for (i = 0; i < n; i += 57) {
		chunk = n - i < 57 ? n - i : 57;
		base64((const unsigned char *)s + i, chunk, out);
		buf_puts(out, "\r\n");
	}
}

static void
base64_lines(const char *s, struct buf *out)
{
	base64_bytes(s, strlen(s), out);
}

static int
needs_encoding(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x7f || (unsigned char)*s < 0x20 ||
		    (s[0] == '=' && s[1] == '?'))
			return 1;
	return 0;
}

void
message_encode_words(const char *value, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)value;
	size_t n = strlen(value), i = 0, take, j, k;

	if (!needs_encoding(value)) {
		buf_puts(out, value);
		return;
	}
	/* 45 bytes make 60 base64 characters: each encoded-word stays under
	 * RFC 2047's 75, and no UTF-8 sequence is split between words. */
	while (i < n) {
		take = n - i < 45 ? n - i : 45;
		j = i + take;
		while (j < n && j > i && (s[j] & 0xc0) == 0x80)
			j--;
		/* Prefer to end a word after a space: a decoder that keeps
		 * the folding whitespace then shows two spaces, not a word
		 * broken in two. */
		for (k = j; j < n && k > i + 15; k--)
			if (s[k - 1] == ' ') {
				j = k;
				break;
			}
		if (i > 0)
			buf_puts(out, "\r\n ");
		buf_puts(out, "=?UTF-8?B?");
		base64(s + i, j - i, out);
		buf_puts(out, "?=");
		i = j;
	}
}

/* A display name as a quoted string, or encoded-words when not ASCII. */
static void
display_name(const char *name, struct buf *out)
{
	const char *p;

	if (needs_encoding(name)) {
		message_encode_words(name, out);
		return;
	}
	buf_putc(out, '"');
	for (p = name; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(out, '\\');
		buf_putc(out, *p);
	}
	buf_putc(out, '"');
}

static void
mailbox(const char *name, const char *addr, struct buf *out)
{
	if (name != NULL && *name != '\0') {
		display_name(name, out);
		buf_putc(out, ' ');
	}
	buf_printf(out, "<%s>", addr);
}

void
message_format_date(time_t t, struct buf *out)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int min, sec = (int)(((long long)t % 60 + 60) % 60);
	struct ymd d = vntime_day(t, &min);

	buf_printf(out, "%s, %d %s %d %02d:%02d:%02d +0700",
	    days[util_weekday(d.y, d.m, d.d)], d.d, months[d.m - 1], d.y,
	    min / 60, min % 60, sec);
}

/* FNV-1a, 64 bits, continued from h. */
static uint64_t
fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

char *
message_id(const char *reminder, const char *recipient, const char *domain)
{
	uint64_t a, b;

	/* Two differently seeded hashes: 128 bits against collisions. */
	a = fnv1a(fnv1a(0xcbf29ce484222325ULL, reminder), "\n");
	a = fnv1a(a, recipient);
	b = fnv1a(fnv1a(0x84222325cbf29ce4ULL, recipient), "\n");
	b = fnv1a(b, reminder);
	return xasprintf("reminder.%016llx%016llx@%s", (unsigned long long)a,
	    (unsigned long long)b, domain);
}

static int
header_ok(const char *v)
{
	return v == NULL || (strpbrk(v, "\r\n") == NULL &&
	    util_utf8_valid(v, strlen(v)));
}

/* The METHOD of an iCalendar text ("PUBLISH"), copied into buf. */
static int
ics_method(const char *ics, char *method, size_t len)
{
	const char *p = strstr(ics, "\nMETHOD:");
	size_t n;

	if (p == NULL)
		return -1;
	p += 8;
	n = strcspn(p, "\r\n;");
	if (n == 0 || n >= len)
		return -1;
	memcpy(method, p, n);
	method[n] = '\0';
	return 0;
}

/* The ASCII name: letters and digits of the folded name joined by '-',
 * cut at a '-' (never inside a word), "event" when nothing is left. */
static void
ascii_name(const char *name, struct buf *out)
{
	struct buf a;
	size_t start = out->len, i, cut;
	int gap = 0;

	buf_init(&a);
	buf_puts(&a, "");
	collate_ascii(name, &a);
	for (i = 0; i < a.len; i++) {
		unsigned char c = (unsigned char)a.data[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'))) {
			gap = 1;
			continue;
		}
		if (gap && out->len > start)
			buf_putc(out, '-');
		buf_putc(out, c);
		gap = 0;
	}
	buf_release(&a);
	if (out->len - start > NAME_MAX_ASCII) {
		for (cut = start + NAME_MAX_ASCII; cut > start &&
		    out->data[cut] != '-'; cut--)
			;
		out->len = cut > start ? cut : start + NAME_MAX_ASCII;
		out->data[out->len] = '\0';
	}
	if (out->len == start)
		buf_puts(out, "event");
	buf_puts(out, ".ics");
}

/* RFC 2231 attr-char: what a parameter value may hold unencoded. */
static int
attr_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || strchr("!#$&+-.^_`|~", c) != NULL;
}

/*
 * filename*0*=UTF-8''...; filename*1*=... (RFC 2231): the UTF-8 name,
 * percent-encoded, in pieces of at most 50 characters on lines of their
 * own (under 78 with the parameter's name); the name is cut at a space
 * past NAME_MAX_BYTES.
 */
static void
utf8_name(const char *name, struct buf *out)
{
	size_t n = strlen(name), i, piece = 0, width = 0;

	if (n > NAME_MAX_BYTES) {
		for (n = NAME_MAX_BYTES; n > 0 && name[n] != ' '; n--)
			;
		if (n == 0)	/* one long word: at a character boundary */
			for (n = NAME_MAX_BYTES; n > 0 &&
			    ((unsigned char)name[n] & 0xc0) == 0x80; n--)
				;
	}
	buf_puts(out, ";\r\n filename*0*=UTF-8''");
	for (i = 0; i <= n; i++) {
		const char *s = i < n ? name + i : NULL;
		size_t w = s == NULL ? 4 : attr_char((unsigned char)*s) ? 1 : 3;

		if (width + w > 50) {
			buf_printf(out, ";\r\n filename*%zu*=", ++piece);
			width = 0;
		}
		if (s == NULL)
			buf_puts(out, ".ics");
		else if (w == 1)
			buf_putc(out, *s);
		else
			buf_printf(out, "%%%02X", (unsigned char)*s);
		width += w;
	}
}

/* The calendar part, named after the event: the UTF-8 name for the
 * clients that read RFC 2231 (first: some take the first name given),
 * then an ASCII name for every other. */
static void
calendar_part(struct buf *out, const char *boundary, const char *method,
    const char *name)
{
	struct buf a;

	buf_init(&a);
	ascii_name(name != NULL ? name : "", &a);
	buf_printf(out, "--%s\r\nContent-Type: text/calendar; charset=UTF-8; "
	    "method=%s;\r\n name=\"%s\"\r\nContent-Disposition: attachment",
	    boundary, method, a.data);
	if (name != NULL && *name != '\0')
		utf8_name(name, out);
	buf_printf(out, ";\r\n filename=\"%s\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", a.data);
	buf_release(&a);
}

static void
part(struct buf *out, const char *boundary, const char *type,
    const char *body)
{
	buf_printf(out, "--%s\r\nContent-Type: %s\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", boundary, type);
	base64_lines(body, out);
}

/* 1 if s is a non-empty token of [A-Za-z0-9._+/-], safe unquoted in a
 * header parameter and as a file name. */
static int
token_ok(const char *s)
{
	if (s == NULL || *s == '\0' || strlen(s) > NAME_MAX_BYTES)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') || strchr("._+/-", *s) != NULL))
			return 0;
	return 1;
}

static void
file_part(struct buf *out, const char *boundary,
    const struct message_file *f)
{
	buf_printf(out, "--%s\r\nContent-Type: %s;\r\n name=\"%s\"\r\n"
	    "Content-Disposition: attachment;\r\n filename=\"%s\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", boundary, f->type,
	    f->name, f->name);
	base64_bytes(f->data, f->len, out);
}

int
message_build(const struct message *m, struct buf *out, const char **err)
{
	size_t i;

	char method[32], mixed[64], alt[64];
	uint64_t h;

	if (!header_ok(m->from) || !header_ok(m->from_name) ||
	    !header_ok(m->to) || !header_ok(m->to_name) ||
	    !header_ok(m->subject) || !header_ok(m->message_id) ||
	    m->from == NULL || m->to == NULL || m->subject == NULL ||
	    m->message_id == NULL) {
		*err = "a header value is missing, holds a CR or LF, or is "
		    "not UTF-8";
		return -1;
	}
	if (m->ics != NULL && ics_method(m->ics, method, sizeof(method))
	    == -1) {
		*err = "the calendar has no METHOD";
		return -1;
	}
	for (i = 0; i < m->nfiles; i++)
		if (!token_ok(m->files[i].name) ||
		    !token_ok(m->files[i].type) ||
		    strchr(m->files[i].name, '/') != NULL) {
			*err = "an attached file's name or type is not a plain "
			    "token";
			return -1;
		}
	h = fnv1a(0xcbf29ce484222325ULL, m->message_id);
	snprintf(mixed, sizeof(mixed), "=_kyniem_m_%016llx",
	    (unsigned long long)h);
	snprintf(alt, sizeof(alt), "=_kyniem_a_%016llx",
	    (unsigned long long)h);
	buf_puts(out, "From: ");
	mailbox(m->from_name, m->from, out);
	buf_puts(out, "\r\nTo: ");
	mailbox(m->to_name, m->to, out);
	buf_puts(out, "\r\nDate: ");
	message_format_date(m->date, out);
	buf_printf(out, "\r\nMessage-ID: <%s>\r\nSubject: ", m->message_id);
	message_encode_words(m->subject, out);
	buf_printf(out, "\r\nMIME-Version: 1.0\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n"
	    "This is a MIME message.\r\n\r\n--%s\r\n"
	    "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n",
	    mixed, mixed, alt);
	part(out, alt, "text/plain; charset=UTF-8", m->text ? m->text : "");
	part(out, alt, "text/html; charset=UTF-8", m->html ? m->html : "");
	buf_printf(out, "--%s--\r\n\r\n", alt);
	if (m->ics != NULL) {
		calendar_part(out, mixed, method, m->ics_name);
		base64_lines(m->ics, out);
	}
	for (i = 0; i < m->nfiles; i++)
		file_part(out, mixed, &m->files[i]);
	buf_printf(out, "--%s--\r\n", mixed);
	return 0;
}

/*
 * The escapers.  Each works on UTF-8 text byte by byte: the characters it
 * rewrites are all ASCII, so multi-byte sequences pass through untouched
 * (esc_log excepted, which keeps nothing but printable ASCII, and
 * esc_term, which reads code points to find the invisible ones).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "escape.h"
#include "text.h"
#include "util.h"

static const char hex[] = "0123456789ABCDEF";

void
esc_html(struct buf *b, const char *s)
{
	const char *run;

	for (; s != NULL && *s != '\0'; s++) {
		run = s;
		s += strcspn(s, "&<>\"'");
		buf_add(b, run, (size_t)(s - run));
		switch (*s) {
		case '\0':
			return;
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_puts(b, "&#39;"); break;
		}
	}
}

void
esc_md(struct buf *b, const char *s)
{
	/* What starts emphasis, code, links, HTML, entities, headings,
	 * tables or lists; CommonMark lets any of them be backslashed. */
	static const char special[] = "\\`*_{}[]<>#|!~&";

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\r' || *s == '\n')
			buf_putc(b, ' ');
		else if (strchr(special, *s) != NULL)
			buf_printf(b, "\\%c", *s);
		else
			buf_putc(b, *s);
	}
}

void
esc_csv(struct buf *b, const char *s)
{
	int formula, quote;

	if (s == NULL)
		return;
	formula = *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
	quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

void
esc_xml(struct buf *b, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; p != NULL && *p != '\0'; p++) {
		switch (*p) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default:
			if (*p < 0x20 && *p != '\t' && *p != '\n' &&
			    *p != '\r')
				break;
			/* U+FFFE and U+FFFF: EF BF BE / EF BF BF. */
			if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE ||
			    p[2] == 0xBF)) {
				p += 2;
				break;
			}
			buf_putc(b, *p);
		}
	}
}

void
esc_url(struct buf *b, const char *s)
{
	unsigned char c;

	for (; s != NULL && *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL)
			buf_putc(b, c);
		else
			buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

void
esc_log(struct buf *b, const char *s, size_t max)
{
	unsigned char c;
	size_t i;

	for (i = 0; s != NULL && s[i] != '\0'; i++) {
		if (i == max) {
			buf_puts(b, "...");
			return;
		}
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			buf_putc(b, c);
		else
			buf_printf(b, "\\x%c%c", hex[c >> 4], hex[c & 15]);
	}
}

void
esc_term(struct buf *b, const char *s, size_t max)
{
	int32_t i = 0, start, len;
	UChar32 c;

	if (s == NULL)
		return;
	len = (int32_t)strnlen(s, max < INT32_MAX ? max : INT32_MAX);
	while (i < len) {
		start = i;
		U8_NEXT(s, i, len, c);
		if (c < 0) {		/* not UTF-8 (or cut by max) */
			for (; start < i; start++)
				buf_printf(b, "\\x%c%c",
				    hex[(unsigned char)s[start] >> 4],
				    hex[(unsigned char)s[start] & 15]);
		} else if (c == '\\')
			buf_puts(b, "\\\\");
		else if (c < 0x80 && text_char_refused(c, 0))
			buf_printf(b, "\\x%c%c", hex[c >> 4], hex[c & 15]);
		else if (text_char_refused(c, 0))
			buf_printf(b, "\\u%04X", (unsigned)c);
		else
			buf_add(b, s + start, (size_t)(i - start));
	}
	if (s[len] != '\0')
		buf_puts(b, "...");
}

void
html_raw(struct buf *b, const char *markup)
{
	buf_puts(b, markup);
}

/* The specs below are checked by html_printf()'s scanner (flags, digits,
 * length, then the conversion this switch handles), so formatting with
 * them is as safe as with a literal. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/*
 * One conversion of html_printf(): spec is "%[flags][width][.prec]
 * [length]c" copied from the format.  Numbers go through vsnprintf with
 * the spec as it is; strings through esc_html (with the precision as a
 * byte limit, as printf reads it).
 */
static void
conversion(struct buf *b, const char *spec, size_t len, va_list *ap)
{
	char f[32], conv = spec[len - 1];
	const char *dot, *s;
	int lmod = 0;		/* 0 int, 1 long, 2 long long, 3 size_t */

	if (len >= sizeof(f))
		fatal("html_printf: conversion too long");
	memcpy(f, spec, len);
	f[len] = '\0';
	if (strstr(f, "ll") != NULL)
		lmod = 2;
	else if (strchr(f, 'l') != NULL)
		lmod = 1;
	else if (strchr(f, 'z') != NULL)
		lmod = 3;
	switch (conv) {
	case 's':
		s = va_arg(*ap, const char *);
		dot = strchr(f, '.');
		if (dot != NULL && s != NULL) {
			char *cut = xstrndup(s, strtoul(dot + 1, NULL, 10));

			esc_html(b, cut);
			free(cut);
		} else
			esc_html(b, s != NULL ? s : "(null)");
		return;
	case 'c':
		f[0] = (char)va_arg(*ap, int);
		f[1] = '\0';
		esc_html(b, f);
		return;
	case 'd': case 'i':
		if (lmod == 2)
			buf_printf(b, f, va_arg(*ap, long long));
		else if (lmod == 1)
			buf_printf(b, f, va_arg(*ap, long));
		else if (lmod == 3)
			buf_printf(b, f, va_arg(*ap, size_t));
		else
			buf_printf(b, f, va_arg(*ap, int));
		return;
	case 'u': case 'x': case 'X':
		if (lmod == 2)
			buf_printf(b, f, va_arg(*ap, unsigned long long));
		else if (lmod == 1)
			buf_printf(b, f, va_arg(*ap, unsigned long));
		else if (lmod == 3)
			buf_printf(b, f, va_arg(*ap, size_t));
		else
			buf_printf(b, f, va_arg(*ap, unsigned));
		return;
	}
	fatal("html_printf: unsupported conversion '%s'", f);
}
#pragma GCC diagnostic pop

/* A decimal number, as %ld writes it. */
static void
put_long(struct buf *b, long v)
{
	char d[24], *p = d + sizeof(d);
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(d + sizeof(d) - p));
}

void
html_printf(struct buf *b, const char *fmt, ...)
{
	const char *p = fmt, *run, *e, *s;
	va_list ap;

	va_start(ap, fmt);
	while (*p != '\0') {
		for (run = p; *p != '\0' && *p != '%'; p++)
			;
		buf_add(b, run, (size_t)(p - run));
		if (*p == '\0')
			break;
		if (p[1] == '%') {
			buf_putc(b, '%');
			p += 2;
			continue;
		}
		/* The common cases without copying the spec. */
		if (p[1] == 's') {
			s = va_arg(ap, const char *);
			esc_html(b, s != NULL ? s : "(null)");
			p += 2;
			continue;
		}
		if (p[1] == 'd' || (p[1] == 'l' && p[2] == 'd')) {
			put_long(b, p[1] == 'd' ? va_arg(ap, int) :
			    va_arg(ap, long));
			p += p[1] == 'd' ? 2 : 3;
			continue;
		}
		e = p + 1 + strspn(p + 1, "-+ 0#123456789.hlz");
		if (*e == '\0')
			fatal("html_printf: format ends inside a conversion");
		conversion(b, p, (size_t)(e - p + 1), &ap);
		p = e + 1;
	}
	va_end(ap);
}

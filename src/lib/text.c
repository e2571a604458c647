/*
 * Text field validation.  Control characters are refused because they
 * break what the text later goes into: a CR or LF ends a header or a log
 * line, ESC drives terminals, NUL cuts C strings, and Word refuses a docx
 * holding C0 controls.  C1 controls (U+0080-U+009F) and the Unicode line
 * and paragraph separators are refused for the same reasons.  A one-line
 * field also refuses the bidirectional controls (U+202E turns "gpj.exe"
 * around on screen): a name or a title must read as it is stored.  The
 * character classes are ICU's, not tables of ours.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text.h"
#include "util.h"

int
text_char_refused(long c, int flags)
{
	UChar32 u = (UChar32)c;

	if (c == '\t' || c == '\n' || c == '\r')
		return !(flags & TEXT_MULTILINE);
	switch (u_charType(u)) {
	case U_CONTROL_CHAR:		/* C0, DEL, C1 */
	case U_LINE_SEPARATOR:
	case U_PARAGRAPH_SEPARATOR:
		return 1;
	default:
		break;
	}
	return !(flags & TEXT_MULTILINE) &&
	    u_hasBinaryProperty(u, UCHAR_BIDI_CONTROL);
}

/* 1 if c shows as something: not a space, a control or format
 * character, a separator, nor one of the invisible "default ignorable"
 * letters (U+3164 HANGUL FILLER). */
static int
visible(UChar32 c)
{
	return u_isgraph(c) &&
	    !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

int
text_check(const char *s, size_t max, int flags, const char **why)
{
	const char *unused;
	int32_t i = 0, len;
	UChar32 c;
	size_t n = 0;
	int seen = 0;

	/* Callers that only want the verdict pass NULL (the login form). */
	if (why == NULL)
		why = &unused;
	if (s == NULL || *s == '\0') {
		if (!(flags & TEXT_REQUIRED))
			return 0;
		*why = "is required";
		return -1;
	}
	if (strlen(s) > (size_t)INT32_MAX / 4) {
		*why = "is longer than the limit";
		return -1;
	}
	len = (int32_t)strlen(s);
	if (!util_utf8_valid(s, (size_t)len)) {
		*why = "is not valid UTF-8";
		return -1;
	}
	while (i < len) {
		U8_NEXT(s, i, len, c);
		if (c < 0) {
			*why = "is not valid UTF-8";
			return -1;
		}
		if (text_char_refused(c, flags)) {
			*why = u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL) ?
			    "contains a bidirectional control character" :
			    "contains a control character";
			return -1;
		}
		if (n++ >= max) {
			*why = "is longer than the limit";
			return -1;
		}
		seen |= visible(c);
	}
	if ((flags & TEXT_REQUIRED) && !seen) {
		*why = "has no visible character";
		return -1;
	}
	return 0;
}

size_t
text_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/*
 * Addresses are checked conservatively (RFC 5321 dot-atom, hostname
 * domain): a reminder tool has no need for quoted local parts, and
 * rejecting them keeps anything that could break a header line out of
 * the outbox.
 */
static int
atext(int c)
{
	return isalnum(c) || (c != '\0' && strchr("!#$%&'*+/=?^_`{|}~-", c)
	    != NULL);
}

static int
local_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 64 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.' && s[i + 1] == '.')
			return 0;
		if (s[i] != '.' && !atext((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

static int
domain_valid(const char *s)
{
	size_t label = 0, labels = 1;
	const char *p;

	if (*s == '\0' || strlen(s) > 253)
		return 0;
	for (p = s; *p; p++) {
		if (*p == '.') {
			if (label == 0 || p[-1] == '-')
				return 0;
			label = 0;
			labels++;
			continue;
		}
		if (!isalnum((unsigned char)*p) && *p != '-')
			return 0;
		if (*p == '-' && label == 0)
			return 0;
		if (++label > 63)
			return 0;
	}
	return label > 0 && p[-1] != '-' && labels >= 2;
}

int
text_email_valid(const char *s)
{
	const char *at;

	if (s == NULL || strlen(s) > 254 || (at = strrchr(s, '@')) == NULL)
		return 0;
	return local_valid(s, (size_t)(at - s)) && domain_valid(at + 1);
}

int
text_slug_valid(const char *s)
{
	size_t i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > TEXT_SLUG_MAX ||
	    s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z') && !(s[i] >= '0' &&
		    s[i] <= '9') && s[i] != '-')
			return 0;
	return 1;
}

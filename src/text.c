/*
 * Text field validation.  Control characters are refused because they
 * break what the text later goes into: a CR or LF ends a header or a log
 * line, ESC drives terminals, NUL cuts C strings, and Word refuses a docx
 * holding C0 controls.  C1 controls (U+0080-U+009F) and the Unicode line
 * and paragraph separators are refused for the same reasons.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* 1 if the code point at s (valid UTF-8) is a control character the
 * field does not allow; *len is set to its length in bytes. */
static int
control_at(const unsigned char *s, int multiline, size_t *len)
{
	*len = 1;
	if (s[0] < 0x80) {
		if (s[0] == '\t' || s[0] == '\n' || s[0] == '\r')
			return !multiline;
		return s[0] < 0x20 || s[0] == 0x7f;
	}
	*len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 1;			/* C1 */
	return s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9);
}

int
text_check(const char *s, size_t max, int flags, const char **why)
{
	const unsigned char *p;
	const char *unused;
	size_t n = 0, len;

	/* Callers that only want the verdict pass NULL (the login form). */
	if (why == NULL)
		why = &unused;
	if (s == NULL || *s == '\0') {
		if (!(flags & TEXT_REQUIRED))
			return 0;
		*why = "is required";
		return -1;
	}
	if (!util_utf8_valid(s, strlen(s))) {
		*why = "is not valid UTF-8";
		return -1;
	}
	for (p = (const unsigned char *)s; *p != '\0'; p += len, n++) {
		if (control_at(p, flags & TEXT_MULTILINE, &len)) {
			*why = "contains a control character";
			return -1;
		}
		if (n >= max) {
			*why = "is longer than the limit";
			return -1;
		}
	}
	return 0;
}

int
text_check_field(const char *field, const char *s, size_t max, int flags,
    char *err, size_t errlen)
{
	const char *why;

	if (text_check(s, max, flags, &why) == 0)
		return 0;
	if (strcmp(why, "is longer than the limit") == 0)
		snprintf(err, errlen, "%s is longer than %zu characters",
		    field, max);
	else
		snprintf(err, errlen, "%s %s", field, why);
	return -1;
}

size_t
text_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

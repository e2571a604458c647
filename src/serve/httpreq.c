/*
 * Request decisions.  Dates are computed without gmtime or the locale
 * (util.c's civil-day arithmetic), so they are exact for any year and
 * thread-safe.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "httpreq.h"
#include "util.h"

static const char *const wdays[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	"Fri", "Sat" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

void
httpreq_date(time_t t, char *buf, size_t len)
{
	long days = (long)(t / 86400), secs = (long)(t % 86400);
	struct ymd d;

	if (secs < 0)
		secs += 86400, days--;
	d = util_civil_from_days(days);
	snprintf(buf, len, "%s, %02d %s %04d %02ld:%02ld:%02ld GMT",
	    wdays[util_weekday(d.y, d.m, d.d)], d.d, months[d.m - 1], d.y,
	    secs / 3600, secs / 60 % 60, secs % 60);
}

/* n digits at s (a leading space allowed when lead_space); -1 if not. */
static long
digits(const char *s, int n, int lead_space)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (i == 0 && lead_space && s[i] == ' ')
			continue;
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
month_of(const char *s)
{
	int m;

	for (m = 0; m < 12; m++)
		if (strncmp(s, months[m], 3) == 0)
			return m + 1;
	return 0;
}

/* "HH:MM:SS" at s into seconds of the day; -1 if malformed. */
static long
clock_of(const char *s)
{
	long h = digits(s, 2, 0), m = digits(s + 3, 2, 0),
	    sec = digits(s + 6, 2, 0);

	if (s[2] != ':' || s[5] != ':' || h < 0 || h > 23 || m < 0 ||
	    m > 59 || sec < 0 || sec > 60)
		return -1;
	return h * 3600 + m * 60 + sec;
}

static int
make_time(long y, int m, long d, long secs, time_t *out)
{
	if (m == 0 || secs < 0 || !util_valid_date((int)y, m, (int)d))
		return -1;
	*out = (time_t)(util_days_from_civil((int)y, m, (int)d) * 86400L +
	    secs);
	return 0;
}

int
httpreq_parse_date(const char *s, time_t *out)
{
	const char *c = strchr(s, ',');
	size_t n = strlen(s);
	long y;

	/* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
	if (n == 29 && c == s + 3 && s[4] == ' ' && s[7] == ' ' &&
	    s[11] == ' ' && s[16] == ' ' && strcmp(s + 25, " GMT") == 0)
		return make_time(digits(s + 12, 4, 0), month_of(s + 8),
		    digits(s + 5, 2, 0), clock_of(s + 17), out);
	/* RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; two-digit years 70-99
	 * are 19xx and the rest 20xx, RFC 9110 5.6.7's rule until 2050. */
	if (c != NULL && n == (size_t)(c - s) + 24 && c[1] == ' ' &&
	    c[4] == '-' && c[8] == '-' && c[11] == ' ' &&
	    strcmp(c + 20, " GMT") == 0) {
		if ((y = digits(c + 9, 2, 0)) < 0)
			return -1;
		y += y < 70 ? 2000 : 1900;
		return make_time(y, month_of(c + 5), digits(c + 2, 2, 0),
		    clock_of(c + 12), out);
	}
	/* asctime: "Sun Nov  6 08:49:37 1994" */
	if (n == 24 && s[3] == ' ' && s[7] == ' ' && s[10] == ' ' &&
	    s[19] == ' ')
		return make_time(digits(s + 20, 4, 0), month_of(s + 4),
		    digits(s + 8, 2, 1), clock_of(s + 11), out);
	return -1;
}

int
httpreq_accepts_gzip(const char *ae)
{
	const char *p = ae, *e, *q;
	size_t n;

	if (ae == NULL)
		return 0;
	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		for (e = p; *e != '\0' && *e != ','; e++)
			;
		for (n = 0; p + n < e && p[n] != ';' && p[n] != ' '; n++)
			;
		if ((n == 4 && strncasecmp(p, "gzip", 4) == 0) ||
		    (n == 1 && *p == '*')) {
			q = memchr(p, '=', (size_t)(e - p));
			if (q == NULL || strtod(q + 1, NULL) > 0)
				return 1;
		}
		p = e;
	}
	return 0;
}

int
httpreq_etag_match(const char *inm, const char *tag)
{
	const char *p = inm;
	size_t tl = strlen(tag);

	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (strncmp(p, tag, tl) == 0 && (p[tl] == '\0' ||
		    p[tl] == ',' || p[tl] == ' '))
			return 1;
		while (*p != '\0' && *p != ',')
			p++;
	}
	return 0;
}

int
httpreq_not_modified(const char *inm, const char *ims, const char *etag,
    time_t lastmod)
{
	time_t t;

	if (inm != NULL)
		return httpreq_etag_match(inm, etag);
	return ims != NULL && httpreq_parse_date(ims, &t) == 0 &&
	    lastmod <= t;
}

int
httpreq_path_ok(const char *path, size_t len)
{
	size_t i;

	if (len == 0 || path[0] != '/')
		return 0;
	for (i = 0; i < len; i++) {
		if ((unsigned char)path[i] < 0x20 || path[i] == 0x7f ||
		    path[i] == '\\')
			return 0;
		if (path[i] != '/' || i + 1 == len)
			continue;
		/* An empty segment, "." or ".." after this slash. */
		if (path[i + 1] == '/' || (path[i + 1] == '.' &&
		    (i + 2 == len || path[i + 2] == '/' ||
		    (path[i + 2] == '.' && (i + 3 == len ||
		    path[i + 3] == '/')))))
			return 0;
	}
	return 1;
}

/* RFC 9110 5.6.2's tchar. */
static int
is_tchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

int
httpreq_field_ok(const char *name, const char *value)
{
	const char *p;

	if (*name == '\0')
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!is_tchar((unsigned char)*p))
			return 0;
	return strchr(value, '\r') == NULL;
}

/* The next member of a comma-separated list at *p, without the spaces
 * around it (it may be empty): 1 and its start and length, or 0 at the
 * end of the list. */
static int
next_member(const char **p, const char **m, size_t *len)
{
	const char *s = *p, *e;

	if (*s == '\0')
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	for (e = s; *e != '\0' && *e != ','; e++)
		;
	*p = *e == ',' ? e + 1 : e;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*m = s;
	*len = (size_t)(e - s);
	return 1;
}

/* 1 if the last transfer coding of a Transfer-Encoding list is chunked
 * (parameters of a coding cannot hide it: chunked has none). */
static int
ends_chunked(const char *te)
{
	const char *m, *last = NULL;
	size_t len, last_len = 0;

	while (next_member(&te, &m, &len))
		if (len > 0)
			last = m, last_len = len;
	return last != NULL && last_len == 7 &&
	    strncasecmp(last, "chunked", 7) == 0;
}

/* What an Expect list asks for: 1 for 100-continue alone, 0 for
 * nothing, -1 for anything else. */
static int
expects(const char *expect)
{
	const char *m;
	size_t len;
	int cont = 0;

	while (next_member(&expect, &m, &len)) {
		if (len == 0)
			continue;
		if (len != 12 || strncasecmp(m, "100-continue", 12) != 0)
			return -1;
		cont = 1;
	}
	return cont;
}

/* A Content-Length libmicrohttpd has checked (digits that fit 64 bits);
 * anything else counts as too large. */
static unsigned long long
length_of(const char *cl)
{
	unsigned long long v = 0;

	for (; *cl >= '0' && *cl <= '9'; cl++) {
		if (v > (~0ULL - 9) / 10)
			return ~0ULL;
		v = v * 10 + (unsigned)(*cl - '0');
	}
	return *cl == '\0' ? v : ~0ULL;
}

unsigned
httpreq_framing_refusal(const struct httpreq_framing *f, const char **why)
{
	const char *w = NULL, *te = f->te != NULL ? f->te : "";
	/* RFC 9110 10.1.1: HTTP/1.0 has no Expect to meet. */
	int expect = f->http10 || f->expect == NULL ? 0 : expects(f->expect);
	unsigned st = 0;

	if (f->n_te > 0 && f->n_cl > 0)
		st = 400, w = "Transfer-Encoding with Content-Length";
	else if (f->n_te > 1 || f->n_cl > 1)
		st = 400, w = "Transfer-Encoding or Content-Length twice";
	else if (f->n_te > 0 && f->http10)
		st = 400, w = "Transfer-Encoding in HTTP/1.0";
	else if (f->n_te > 0 && strcasecmp(te, "chunked") != 0 &&
	    ends_chunked(te))
		st = 501, w = "a transfer coding other than chunked";
	else if (f->n_te > 0 && strcasecmp(te, "chunked") != 0)
		st = 400, w = "Transfer-Encoding not ending in chunked";
	else if (expect == -1)
		st = 417, w = "an expectation other than 100-continue";
	else if (expect == 1 && f->cl != NULL &&
	    length_of(f->cl) > f->max_body)
		st = 413, w = "a body over the limit";
	if (why != NULL)
		*why = w;
	return st;
}

const char *
httpreq_bearer(const char *v)
{
	const char *t;

	if (v == NULL || strncasecmp(v, "Bearer", 6) != 0 || v[6] != ' ')
		return NULL;
	for (t = v + 6; *t == ' '; t++)
		;
	return *t != '\0' && strpbrk(t, " \t") == NULL ? t : NULL;
}

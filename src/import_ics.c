/*
 * Importing activities from an iCalendar file (an invitation exported
 * from Outlook, a colleague's calendar).  The file is read as a stream of
 * content lines (icsline.c) in two passes: the first checks its shape
 * (BEGIN and END, line lengths, UTF-8) and keeps its VTIMEZONEs; the
 * second has libical parse one VEVENT at a time, inside a calendar of
 * those time zones, for ical.c to read and activity.c to check and
 * write, the whole file in one transaction, so a bad event leaves the
 * database as it was.  One event is held at a time, never the file.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "activity.h"
#include "ical.h"
#include "icsline.h"
#include "import.h"
#include "import_int.h"
#include "input.h"
#include "log.h"
#include "store.h"
#include "util.h"

/* A longer content line is refused (an inline ATTACH is skipped): no
 * property kyniem reads comes near it. */
#define ICS_LINE_MAX	(1024 * 1024)
/* Parameters of one property: libical's time grows with their square
 * (64,000 on one line took 30 s); real ones have a handful. */
#define ICS_PARAMS_MAX	100
/* Components inside components (VEVENT, VALARM, ...) and their names. */
#define ICS_DEPTH	8
#define ICS_NAME_MAX	64

struct ics_run {
	struct store *st;
	const char *name;
	long now;
	int flags;
	struct import_stats *stats;
	struct input *in;
	struct icsline lines;
	long line;		/* where the content line read last starts */
	int pass;		/* 1: shape and time zones; 2: the events */
	icalcomponent *cal;	/* a VCALENDAR of the file's VTIMEZONEs */
	size_t nevents;
	int not_calendar;	/* the first line is not BEGIN:VCALENDAR */
	struct import_keys keys;	/* the UIDs written */
};

static void ics_bad(struct ics_run *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A message of the file at line (reported once: in the first pass for
 * what the first pass checks). */
static void
ics_bad(struct ics_run *r, long line, const char *fmt, ...)
{
	char msg[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	import_report(r->stats, "%s:%ld: %s", r->name, line, msg);
	r->stats->errors++;
}

/* The length of the property or component name text starts with (up to
 * ';' or ':'), or 0 when it is not a name (RFC 5545 iana-token). */
static size_t
name_len(const char *text)
{
	size_t n = strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-");

	return (text[n] == ':' || text[n] == ';') ? n : 0;
}

/* The parameters of a content line: its ';' before the ':' that starts
 * the value, outside quoted parameter values. */
static size_t
params(const char *text)
{
	size_t n = 0;
	int quoted = 0;

	for (; *text != '\0' && (quoted || *text != ':'); text++)
		if (*text == '"')
			quoted = !quoted;
		else if (*text == ';' && !quoted)
			n++;
	return n;
}

/* 1 if text is the property name (any case) with a value or parameters. */
static int
named(const char *text, const char *name)
{
	size_t n = strlen(name);

	return name_len(text) == n && strncasecmp(text, name, n) == 0;
}

/* The component name of a BEGIN: or END: line, or NULL. */
static const char *
marker(const char *text, const char *what)
{
	size_t n = strlen(what);

	return strncasecmp(text, what, n) == 0 && text[n] == ':' ?
	    text + n + 1 : NULL;
}

/*
 * The next content line that means something to the import: blank lines
 * and inline attachments (ATTACH, which kyniem does not keep) are
 * skipped, and so are lines too long or not UTF-8, reported in the
 * first pass.  1 with the line in r->lines.text, 0 at the end, -1 on a
 * read error (reported).
 */
static int
next(struct ics_run *r)
{
	const char *t;
	size_t n;
	int rc;

	for (;;) {
		if ((rc = icsline_next(&r->lines, &r->line)) == ICSLINE_END)
			return 0;
		if (rc == -1) {
			log_warn("cannot read '%s'", r->name);
			r->stats->errors++;
			return -1;
		}
		t = r->lines.text.data;
		n = name_len(t);
		if (*t == '\0' || named(t, "ATTACH"))
			continue;
		if (rc == ICSLINE_LONG) {
			if (r->pass == 1 && n > 0 && n < ICS_NAME_MAX)
				ics_bad(r, r->line, "the %.*s line is longer "
				    "than %d bytes", (int)n, t, ICS_LINE_MAX);
			else if (r->pass == 1)
				ics_bad(r, r->line, "a line longer than %d "
				    "bytes", ICS_LINE_MAX);
			continue;
		}
		if (!util_utf8_valid(t, r->lines.text.len) ||
		    strlen(t) != r->lines.text.len) {
			if (r->pass == 1)
				ics_bad(r, r->line, strlen(t) !=
				    r->lines.text.len ? "NUL byte in a line" :
				    "invalid UTF-8");
			continue;
		}
		if (params(t) > ICS_PARAMS_MAX) {
			if (r->pass == 1)
				ics_bad(r, r->line, "the %.*s line has more "
				    "than %d parameters", (int)(n < ICS_NAME_MAX
				    ? n : 0), t, ICS_PARAMS_MAX);
			continue;
		}
		return 1;
	}
}

static void
ics_event(struct ics_run *r, icalcomponent *ev, long line)
{
	struct activity a = { 0 };
	char err[256];
	long first;
	int changed = 0, rc;

	r->stats->rows++;
	if (ical_read_activity(ev, r->flags & IMPORT_ATTENDEES, &a, err,
	    sizeof(err)) == -1 || activity_check(r->st, r->stats->cfg, &a, err,
	    sizeof(err)) == -1)
		goto bad;
	if ((rc = import_keys_add(&r->keys, a.uid, line, &first)) != 0) {
		snprintf(err, sizeof(err), rc == 1 ? "duplicate UID '%s'" :
		    "database error", a.uid);
		goto bad;
	}
	if (activity_put(r->st, &a, r->now, &changed) == -1) {
		snprintf(err, sizeof(err), "database error");
		goto bad;
	}
	r->stats->changed += changed;
	activity_release(&a);
	return;
bad:
	ics_bad(r, line, "%s", err);
	activity_release(&a);
}

/* What a pass does with a component once libical has parsed it. */
static int
parsed(struct ics_run *r, icalcomponent *c, long begin)
{
	if (r->pass == 1) {
		icalcomponent_add_component(r->cal, c);
		return 0;
	}
	/* Inside the calendar, its TZIDs find the file's VTIMEZONEs. */
	icalcomponent_add_component(r->cal, c);
	ics_event(r, c, begin);
	icalcomponent_remove_component(r->cal, c);
	icalcomponent_free(c);
	return 0;
}

/*
 * The component whose BEGIN line was just read, to its matching END;
 * the one a pass wants (VTIMEZONE, then VEVENT) is fed to libical line
 * by line.  0, or -1 when the file's structure is broken (reported in
 * the first pass).
 */
static int
component(struct ics_run *r)
{
	char stack[ICS_DEPTH][ICS_NAME_MAX];
	const char *t = r->lines.text.data, *name = marker(t, "BEGIN");
	long begin = r->line;
	icalparser *p = NULL;
	icalcomponent *c = NULL;
	int depth = 0, rc, ret = -1;

	for (;;) {
		if ((name = marker(t, "BEGIN")) != NULL) {
			if (depth == ICS_DEPTH || *name == '\0' ||
			    strlen(name) >= ICS_NAME_MAX) {
				if (r->pass == 1)
					ics_bad(r, r->line, depth == ICS_DEPTH ?
					    "components nested too deep" :
					    "BEGIN without a component name");
				goto done;
			}
			memcpy(stack[depth++], name, strlen(name) + 1);
			if (depth == 1 && strcasecmp(name, r->pass == 1 ?
			    "VTIMEZONE" : "VEVENT") == 0)
				p = icalparser_new();
			if (depth == 1 && strcasecmp(name, "VEVENT") == 0)
				r->nevents += r->pass == 1;
		} else if ((name = marker(t, "END")) != NULL) {
			if (strcasecmp(name, stack[depth - 1]) != 0) {
				if (r->pass == 1)
					ics_bad(r, r->line, "END:%.64s where "
					    "END:%s was expected", name,
					    stack[depth - 1]);
				goto done;
			}
			depth--;
		}
		if (p != NULL)
			c = icalparser_add_line(p, r->lines.text.data);
		if (depth == 0)
			break;
		if ((rc = next(r)) != 1) {
			if (rc == 0 && r->pass == 1)
				ics_bad(r, begin, "BEGIN:%s is not closed: the "
				    "file ends before END:%s", stack[0],
				    stack[0]);
			goto done;
		}
		t = r->lines.text.data;
	}
	ret = 0;
	if (p == NULL)
		goto done;
	if (c == NULL) {
		ics_bad(r, begin, "libical cannot read this %s", stack[0]);
		goto done;
	}
	ret = parsed(r, c, begin);
done:
	if (p != NULL)
		icalparser_free(p);
	return ret;
}

/* The rest of the file after END:VCALENDAR must be empty. */
static int
after_end(struct ics_run *r)
{
	int rc;

	if ((rc = next(r)) == 0)
		return 0;
	if (rc == 1 && r->pass == 1)
		ics_bad(r, r->line, "text after END:VCALENDAR (one calendar "
		    "per file)");
	return -1;
}

/* One pass over the file; 0, or -1 when its structure is broken. */
static int
walk(struct ics_run *r)
{
	const char *t;
	int rc;

	if (input_rewind(r->in) == -1) {
		log_warn("cannot read '%s'", r->name);
		r->stats->errors++;
		return -1;
	}
	icsline_rewind(&r->lines);
	if ((rc = next(r)) != 1 || !named(r->lines.text.data, "BEGIN") ||
	    strcasecmp(r->lines.text.data + 6, "VCALENDAR") != 0) {
		if (rc != -1 && r->pass == 1)
			ics_bad(r, rc == 1 ? r->line : 1, "not an iCalendar "
			    "file (VCALENDAR)");
		r->not_calendar = rc != -1;
		return -1;
	}
	while ((rc = next(r)) == 1) {
		t = r->lines.text.data;
		if (marker(t, "END") != NULL && strcasecmp(t + 4,
		    "VCALENDAR") == 0)
			return after_end(r);
		if (marker(t, "BEGIN") != NULL) {
			if (component(r) == -1)
				return -1;
		} else if (marker(t, "END") != NULL) {
			if (r->pass == 1)
				ics_bad(r, r->line, "%.80s without its BEGIN",
				    t);
			return -1;
		}
	}
	if (rc == 0 && r->pass == 1)
		ics_bad(r, r->lines.line > 1 ? r->lines.line - 1 : 1,
		    "the file ends before END:VCALENDAR");
	return -1;
}

/* Say that the file was refused, and count none of its changes. */
static void
refused(struct ics_run *r, long errors, long changed)
{
	r->stats->changed = changed;
	import_report(r->stats, "%s: %ld error%s; nothing from this file "
	    "was written", r->name, r->stats->errors - errors,
	    r->stats->errors - errors == 1 ? "" : "s");
}

int
import_ics_input(struct store *st, const char *name, struct input *in,
    long now, int flags, struct import_stats *stats)
{
	struct ics_run r = { 0 };
	icalerrorstate es = icalerror_get_error_state(
	    ICAL_MALFORMEDDATA_ERROR);
	long errors = stats->errors, changed = stats->changed;
	int ret = -1, rc;

	r.st = st, r.name = name, r.now = now, r.flags = flags;
	r.stats = stats, r.in = in;
	r.cal = icalcomponent_new_vcalendar();
	icsline_init(&r.lines, in, ICS_LINE_MAX);
	/* Malformed lines become X-LIC-ERROR properties, not aborts. */
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR,
	    ICAL_ERROR_NONFATAL);
	r.pass = 1;
	rc = walk(&r);
	if (r.not_calendar)
		goto done;	/* one line says it all */
	if (rc == 0 && r.nevents == 0)
		ics_bad(&r, 1, "no VEVENT in the file");
	if (stats->errors > errors)
		goto refuse;
	if (store_begin(st) == -1) {
		stats->errors++;
		goto done;
	}
	r.pass = 2;
	if ((import_keys_open(st, &r.keys) == -1 || walk(&r) == -1) &&
	    stats->errors == errors)
		stats->errors++;	/* already logged */
	import_keys_close(&r.keys);
	if (stats->errors == errors && store_commit(st) == 0) {
		ret = 0;
		goto done;
	}
	if (stats->errors == errors)
		stats->errors++;	/* the commit failed (logged) */
	store_rollback(st);
refuse:
	refused(&r, errors, changed);
done:
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, es);
	icsline_release(&r.lines);
	icalcomponent_free(r.cal);
	return ret;
}

int
import_ics(struct store *st, const char *name, const char *data,
    size_t len, long now, int flags, struct import_stats *stats)
{
	struct input in;

	input_init_mem(&in, data, len);
	return import_ics_input(st, name, &in, now, flags, stats);
}

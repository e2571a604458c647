/*
 * Importing activities from an iCalendar file (an invitation exported
 * from Outlook, a colleague's calendar).  The file is read as a stream of
 * content lines (icsline.c) in two passes: the first checks its shape
 * (BEGIN and END, line lengths, UTF-8), keeps its VTIMEZONEs and puts
 * aside the VEVENTs that override an occurrence of a recurring event;
 * the second has libical parse one VEVENT at a time, inside a calendar
 * of those time zones, for import_event.c to turn into activities.  The
 * whole file is one transaction, so a bad event leaves the database as
 * it was, and one event is held at a time, never the file.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

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

/* Messages of what the first pass checks are reported in it alone. */
void
ics_bad(struct ics_run *r, long line, const char *fmt, ...)
{
	char msg[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->run->report(r->run, "%s:%ld: %s", r->name, line, msg);
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
				ics_bad(r, r->line, VI_EN(r->stats->vi,
				    "dòng %.*s dài quá %d byte", "the %.*s line "
				    "is longer than %d bytes"), (int)n, t,
				    ICS_LINE_MAX);
			else if (r->pass == 1)
				ics_bad(r, r->line, VI_EN(r->stats->vi, "một "
				    "dòng dài quá %d byte", "a line longer than "
				    "%d bytes"), ICS_LINE_MAX);
			continue;
		}
		if (!util_utf8_valid(t, r->lines.text.len) ||
		    strlen(t) != r->lines.text.len) {
			if (r->pass == 1)
				ics_bad(r, r->line, "%s", strlen(t) !=
				    r->lines.text.len ? VI_EN(r->stats->vi,
				    "dòng có byte NUL", "NUL byte in a line") :
				    VI_EN(r->stats->vi, "không phải UTF-8 hợp "
				    "lệ", "invalid UTF-8"));
			continue;
		}
		if (params(t) > ICS_PARAMS_MAX) {
			if (r->pass == 1)
				ics_bad(r, r->line, VI_EN(r->stats->vi,
				    "dòng %.*s có hơn %d tham số", "the %.*s "
				    "line has more than %d parameters"),
				    (int)(n < ICS_NAME_MAX ? n : 0), t,
				    ICS_PARAMS_MAX);
			continue;
		}
		return 1;
	}
}

/* What a pass does with a component once libical has parsed it. */
static void
parsed(struct ics_run *r, icalcomponent *c, long begin)
{
	icalcomponent_add_component(r->cal, c);
	if (r->pass == 1)
		return;		/* a VTIMEZONE, kept */
	/* Inside the calendar, its TZIDs find the file's VTIMEZONEs. */
	ics_vevent(r, c, begin);
	icalcomponent_remove_component(r->cal, c);
	icalcomponent_free(c);
}

/* Pass 1: the lines of a top-level VEVENT go to r->block; 1 if the line
 * says it overrides an occurrence. */
static int
collect(struct ics_run *r, int depth)
{
	buf_puts(&r->block, r->lines.text.data);
	buf_putc(&r->block, '\n');
	return depth == 1 && named(r->lines.text.data, "RECURRENCE-ID");
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
	int depth = 0, rc, ret = -1, event = 0, override = 0;

	for (;;) {
		if ((name = marker(t, "BEGIN")) != NULL) {
			if (depth == ICS_DEPTH || *name == '\0' ||
			    strlen(name) >= ICS_NAME_MAX) {
				if (r->pass == 1)
					ics_bad(r, r->line, "%s", depth ==
					    ICS_DEPTH ? VI_EN(r->stats->vi,
					    "các thành phần lồng nhau quá sâu",
					    "components nested too deep") :
					    VI_EN(r->stats->vi, "BEGIN thiếu tên "
					    "thành phần", "BEGIN without a "
					    "component name"));
				goto done;
			}
			memcpy(stack[depth++], name, strlen(name) + 1);
			if (depth == 1 && strcasecmp(name, r->pass == 1 ?
			    "VTIMEZONE" : "VEVENT") == 0)
				p = icalparser_new();
			if (depth == 1 && strcasecmp(name, "VEVENT") == 0) {
				r->nevents += r->pass == 1;
				event = r->pass == 1;
				r->block.len = 0;
			}
		} else if ((name = marker(t, "END")) != NULL) {
			if (strcasecmp(name, stack[depth - 1]) != 0) {
				if (r->pass == 1)
					ics_bad(r, r->line, VI_EN(
					    r->stats->vi, "gặp END:%.64s ở chỗ "
					    "cần END:%s", "END:%.64s where "
					    "END:%s was expected"), name,
					    stack[depth - 1]);
				goto done;
			}
			depth--;
		}
		if (p != NULL)
			c = icalparser_add_line(p, r->lines.text.data);
		if (event)
			override |= collect(r, depth);
		if (depth == 0)
			break;
		if ((rc = next(r)) != 1) {
			if (rc == 0 && r->pass == 1)
				ics_bad(r, begin, VI_EN(r->stats->vi,
				    "BEGIN:%s chưa được đóng: tệp kết thúc "
				    "trước END:%s", "BEGIN:%s is not closed: "
				    "the file ends before END:%s"), stack[0],
				    stack[0]);
			goto done;
		}
		t = r->lines.text.data;
	}
	ret = 0;
	if (override)
		ret = ics_override_keep(r, begin);
	if (p == NULL)
		goto done;
	if (c == NULL)
		ics_bad(r, begin, VI_EN(r->stats->vi, "libical không đọc được "
		    "%s này", "libical cannot read this %s"), stack[0]);
	else
		parsed(r, c, begin);
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
		ics_bad(r, r->line, "%s", VI_EN(r->stats->vi, "còn nội dung "
		    "sau END:VCALENDAR (mỗi tệp một lịch)", "text after "
		    "END:VCALENDAR (one calendar per file)"));
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
			ics_bad(r, rc == 1 ? r->line : 1, "%s",
			    VI_EN(r->stats->vi, "không phải tệp iCalendar "
			    "(VCALENDAR)", "not an iCalendar file "
			    "(VCALENDAR)"));
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
				ics_bad(r, r->line, VI_EN(r->stats->vi,
				    "%.80s không có BEGIN tương ứng",
				    "%.80s without its BEGIN"), t);
			return -1;
		}
	}
	if (rc == 0 && r->pass == 1)
		ics_bad(r, r->lines.line > 1 ? r->lines.line - 1 : 1,
		    "%s", VI_EN(r->stats->vi, "tệp kết thúc trước "
		    "END:VCALENDAR", "the file ends before END:VCALENDAR"));
	return -1;
}

/* Say that the file was refused, and count none of its changes (the
 * stats as they were before it are in was). */
static void
refused(struct ics_run *r, const struct import_stats *was)
{
	long errors = was->errors;

	r->stats->changed = was->changed;
	r->stats->series = was->series;
	r->stats->occurrences = was->occurrences;
	if (r->stats->vi)
		r->run->report(r->run, "%s: %ld lỗi; không sự kiện nào của tệp "
		    "này được ghi", r->name, r->stats->errors - errors);
	else
		r->run->report(r->run, "%s: %ld error%s; nothing from this "
		    "file was written", r->name, r->stats->errors - errors,
		    r->stats->errors - errors == 1 ? "" : "s");
}

int
import_ics_read(const struct import_run *run)
{
	struct store *st = run->st;
	struct import_stats *stats = run->stats;
	struct ics_run r = { .run = run, .st = st, .name = run->name,
	    .now = run->now, .flags = run->flags, .stats = stats,
	    .in = run->in, .from = run->from, .to = run->to };
	icalerrorstate es = icalerror_get_error_state(
	    ICAL_MALFORMEDDATA_ERROR);
	struct import_stats was = *stats;
	long errors = stats->errors;
	int ret = -1, rc;

	r.cal = icalcomponent_new_vcalendar();
	icsline_init(&r.lines, run->in, ICS_LINE_MAX);
	buf_init(&r.block);
	/* Malformed lines become X-LIC-ERROR properties, not aborts. */
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR,
	    ICAL_ERROR_NONFATAL);
	if (store_begin(st) == -1 || import_keys_open(st, &r.keys) == -1 ||
	    ics_overrides_open(&r) == -1) {
		stats->errors++;
		stats->refused++;
		goto rollback;
	}
	r.pass = 1;
	rc = walk(&r);
	if (r.not_calendar)
		goto rollback;	/* one line says it all */
	if (rc == 0 && r.nevents == 0)
		ics_bad(&r, 1, "%s", VI_EN(stats->vi, "tệp không có sự kiện "
		    "(VEVENT) nào", "no VEVENT in the file"));
	if (stats->errors > errors)
		goto refuse;
	r.pass = 2;
	if (walk(&r) == -1 && stats->errors == errors)
		stats->errors++;	/* already logged */
	ics_orphans(&r);
	if (stats->errors > errors)
		goto refuse;
	ics_overrides_close(&r);
	import_keys_close(&r.keys);
	if (run->audit(run, "ics", &was) == 0 && store_commit(st) == 0) {
		ret = 0;
		goto done;
	}
	stats->errors++;	/* the audit or the commit failed (logged) */
	stats->refused++;
refuse:
	refused(&r, &was);
rollback:
	ics_overrides_close(&r);
	import_keys_close(&r.keys);
	store_rollback(st);
done:
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, es);
	buf_release(&r.block);
	icsline_release(&r.lines);
	icalcomponent_free(r.cal);
	return ret;
}

/*
 * Importing activities from an iCalendar file (an invitation exported
 * from Outlook, a colleague's calendar): each VEVENT is read by ical.c,
 * checked like any other activity, and the file is one transaction, so a
 * bad event leaves the database as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "activity.h"
#include "ical.h"
#include "import.h"
#include "store.h"
#include "util.h"

/*
 * libical does not report line numbers, so the physical line of each
 * BEGIN:VEVENT is found by scanning the text; the nth VEVENT libical
 * returns is the nth BEGIN:VEVENT of the file.
 */
static long *
vevent_lines(const char *data, size_t len, size_t *n)
{
	long *v = NULL, line = 1;
	size_t i;

	*n = 0;
	for (i = 0; i < len; i++) {
		if ((i == 0 || data[i - 1] == '\n') && len - i >= 12 &&
		    strncasecmp(data + i, "BEGIN:VEVENT", 12) == 0) {
			v = xrealloc(v, (*n + 1) * sizeof(*v));
			v[(*n)++] = line;
		}
		if (data[i] == '\n')
			line++;
	}
	return v;
}

struct ics_run {
	struct store *st;
	const char *name;
	long now;
	int flags;
	struct import_stats *stats;
	int failed;
	char **uids;
	size_t nuids;
};

static void
ics_event(struct ics_run *r, icalcomponent *ev, long line)
{
	struct activity a = { 0 };
	char err[256];
	size_t i;
	int changed = 0;

	r->stats->rows++;
	if (ical_read_activity(ev, r->flags & IMPORT_ATTENDEES, &a, err,
	    sizeof(err)) == -1 || activity_check(r->st, r->stats->cfg, &a, err,
	    sizeof(err)) == -1)
		goto bad;
	for (i = 0; i < r->nuids; i++)
		if (strcmp(r->uids[i], a.uid) == 0) {
			snprintf(err, sizeof(err), "duplicate UID '%s'", a.uid);
			goto bad;
		}
	r->uids = xrealloc(r->uids, (r->nuids + 1) * sizeof(*r->uids));
	r->uids[r->nuids++] = xstrdup(a.uid);
	if (!r->failed) {
		if (activity_put(r->st, &a, r->now, &changed) == -1) {
			snprintf(err, sizeof(err), "database error");
			goto bad;
		}
		r->stats->changed += changed;
	}
	activity_release(&a);
	return;
bad:
	import_report(r->stats, "%s:%ld: %s", r->name, line, err);
	r->stats->errors++;
	r->failed = 1;
	activity_release(&a);
}

/* Every VEVENT of cal inside one transaction; 0 or -1. */
static int
import_events(struct ics_run *r, icalcomponent *cal, const long *lines,
    size_t nlines)
{
	long errs = r->stats->errors, changed0 = r->stats->changed;
	icalcomponent *ev;
	size_t i = 0;

	if (store_begin(r->st) == -1)
		return -1;
	for (ev = icalcomponent_get_first_component(cal,
	    ICAL_VEVENT_COMPONENT); ev != NULL; ev =
	    icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), i++)
		ics_event(r, ev, i < nlines ? lines[i] : 1);
	if (i == 0) {
		import_report(r->stats, "%s:1: no VEVENT in the file",
		    r->name);
		r->stats->errors++;
	}
	if (r->stats->errors == errs)
		return store_commit(r->st);
	store_rollback(r->st);
	r->stats->changed = changed0;
	import_report(r->stats, "%s: %ld error%s; nothing from this file "
	    "was written", r->name, r->stats->errors - errs,
	    r->stats->errors - errs == 1 ? "" : "s");
	return -1;
}

int
import_ics(struct store *st, const char *name, const char *data,
    size_t len, long now, int flags, struct import_stats *stats)
{
	struct ics_run r = { st, name, now, flags, stats, 0, NULL, 0 };
	icalcomponent *cal = NULL;
	char *text = xstrndup(data, len);
	long *lines;
	size_t nlines, i;
	int ret = -1;

	lines = vevent_lines(data, len, &nlines);
	if (!util_utf8_valid(data, len) || (cal =
	    icalparser_parse_string(text)) == NULL ||
	    icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		import_report(stats, "%s:1: not an iCalendar file (VCALENDAR)",
		    name);
		stats->errors++;
		goto done;
	}
	ret = import_events(&r, cal, lines, nlines);
done:
	for (i = 0; i < r.nuids; i++)
		free(r.uids[i]);
	free(r.uids);
	free(lines);
	free(text);
	if (cal != NULL)
		icalcomponent_free(cal);
	return ret;
}

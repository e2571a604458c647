/*
 * Vietnam's civil time (Asia/Ho_Chi_Minh): UTC+7 with no daylight saving
 * since 1975.  The one place that turns clock seconds into local days and
 * minutes and back, parses "YYYY-MM-DD[THH:MM]", writes dates as people
 * read them (d/m/yyyy) and counts calendar days ("còn N ngày").
 */
#ifndef KYNIEM_VNTIME_H
#define KYNIEM_VNTIME_H

#include <time.h>

#include "util.h"

struct buf;

/* Seconds east of UTC. */
#define VNTIME_OFFSET (7 * 3600L)

/*
 * Parse "YYYY-MM-DD" (sets *min to -1) or "YYYY-MM-DDTHH:MM" (minutes after
 * local midnight).  Returns 0, or -1 for anything else or an impossible
 * date or time.
 */
int vntime_parse(const char *s, struct ymd *day, int *min);

/* The instant of a local day and minute (min < 0: midnight). */
time_t vntime_make(struct ymd day, int min);
/* The local day of an instant, and its minute after midnight if min. */
struct ymd vntime_day(time_t t, int *min);
/* Calendar days from a to b: 0 on the same day, 1 for the next. */
long vntime_days_between(struct ymd a, struct ymd b);

/* Reminder offsets a list may hold. */
#define VNTIME_MAX_OFFSETS 16

/*
 * Parse an offset list "30d,7d,1d,2h" (w weeks, d days, h hours; each at
 * most 3660 units) into seconds before a start, at most
 * VNTIME_MAX_OFFSETS of them.  Returns the count (1 or more), or -1.
 */
int vntime_parse_offsets(const char *s, long *secs);

/* Append d as "21/9/1973" (vi) or "21 Sep 1973" (en). */
void vntime_format_date(struct ymd d, enum lang lang, struct buf *out);
/*
 * Append the days a to b: "13 – 16/4/2024" within a month, "28/2 –
 * 2/3/2024" within a year, "30/12/2023 – 2/1/2024" across years (vi); in
 * English both dates in full.  b on or before a: a alone.  The one form
 * of a span for the report, the plan and the calendar's titles.
 */
void vntime_format_range(struct ymd a, struct ymd b, enum lang lang,
    struct buf *out);
/* Append a day of every year: "21/9" (vi) or "21 Sep" (en). */
void vntime_format_day_month(int day, int month, enum lang lang,
    struct buf *out);
/* Append month m of year y as "6/2013" (vi) or "Jun 2013" (en): a date
 * known only to the month. */
void vntime_format_month(int y, int m, enum lang lang, struct buf *out);
/* Append "21/9/2023 09:30" (vi) or "21 Sep 2023 09:30" (en); min < 0
 * writes the date alone. */
void vntime_format_when(struct ymd d, int min, enum lang lang,
    struct buf *out);
/*
 * Append the place-and-date line of an official document: "Khánh Hòa,
 * ngày 05 tháng 02 năm 2024" (vi: Decree 30/2020/NĐ-CP writes a day below
 * 10 and the months 1 and 2 with a leading zero) or "Khanh Hoa, 5 February
 * 2024" (en; place as given, the caller folds it).  d.m == 0 writes
 * blanks ("…") for staff to fill, keeping in English a known year d.y
 * ("Khanh Hoa, … 2024"); place NULL or "" leaves the place out.
 */
void vntime_format_dateline(const char *place, struct ymd d, enum lang lang,
    struct buf *out);
/* Append "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (min < 0: the date alone), the
 * form vntime_parse() reads. */
void vntime_format_iso(struct ymd d, int min, struct buf *out);
/* Append the instant t as Vietnam's "YYYY-MM-DDTHH:MM". */
void vntime_format_time(time_t t, struct buf *out);
/* Append the instant t as RFC 3339 in Vietnam's time, with its seconds
 * and offset: "2024-01-05T08:00:00+07:00". */
void vntime_format_rfc3339(time_t t, struct buf *out);

#endif

/*
 * Planned activities (a volleyball match for Bunpimay, a meeting for a
 * national day): the activities table, its owners, validation and the
 * activity commands' work.  Times are local Asia/Ho_Chi_Minh.
 */
#ifndef KYNIEM_ACTIVITY_H
#define KYNIEM_ACTIVITY_H

#include <stddef.h>
#include <time.h>

#include "util.h"

struct store;

enum activity_status {
	ACTIVITY_PLANNED,
	ACTIVITY_CONFIRMED,
	ACTIVITY_DONE,
	ACTIVITY_CANCELLED
};

struct activity {
	long id;
	char *uid;		/* stable UID used in feeds and emails */
	char *title;
	int all_day;		/* 1: dates only; 0: start/end carry times */
	struct ymd start, end;	/* end inclusive for all-day activities */
	int start_min, end_min;	/* minutes after local midnight (timed) */
	char *location, *organiser, *observance, *notes;
	char *remind;		/* "30d,7d,1d"; NULL = config default */
	enum activity_status status;
	char **owners;		/* email addresses */
	size_t nowners;
	long revision;
	time_t created, modified;
};

struct activity_list {
	struct activity *v;
	size_t n;
};

/* Load every activity, sorted by start; 0 or -1 (logged). */
int activity_load(struct store *st, struct activity_list *out);
void activity_list_release(struct activity_list *l);
const char *activity_status_name(enum activity_status s);

#endif

/*
 * Planned activities (a volleyball match for Bunpimay, a meeting for a
 * national day): the activities table, its owners, validation and the
 * activity commands' work.  Times are local Asia/Ho_Chi_Minh.
 */
#ifndef KYNIEM_ACTIVITY_H
#define KYNIEM_ACTIVITY_H

#include <stddef.h>
#include <time.h>

#include "field.h"
#include "util.h"

struct config;
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
	char *category;		/* a [categories] key; NULL = none yet */
	char *countries;	/* partner countries: "JP US", NULL = none */
	char *partner;		/* partner organisations, as written */
	char *result;		/* what came of it (kết quả), once done */
	int participants;	/* people who took part; 0 = not known */
	char *member;		/* the member organisation credited with it
				 * (a members key), NULL: the union's own */
	long amount;		/* aid an ngo activity mobilised, in whole
				 * units of currency; 0 = none stated */
	char *currency;		/* ISO 4217 ("USD", "VND"), with amount */
	long budget;		/* planned cost in VND; 0 = none stated */
	char *report_text;	/* the report's sentence, as staff wrote it
				 * (NULL: the generated one) */
	/* 1: anyone may see it (public feeds and documents: its title, date
	 * and place); 0: internal, for staff and private feeds only; -1:
	 * an import that does not say, which keeps the stored value (a new
	 * row is internal). */
	int public;
	char **owners;		/* email addresses */
	size_t nowners;
	long revision;
	time_t created, modified;
};

struct activity_list {
	struct activity *v;
	size_t n;
};

/* Which activities a listing wants (dataset_activities()); zero or NULL
 * members match all. */
struct activity_filter {
	int year, month;	/* of the start; month 0: the whole year */
	int status;		/* an enum activity_status, or -1: any */
	const char *owner;	/* an owner's address (any case) */
	const char *country;	/* "JP": a partner country or the occasion's */
	const char *category;	/* a [categories] key */
	const char *observance;	/* the occasion's key */
};

/* Load every activity, sorted by start, with its owners when owners is
 * set (feeds and documents need none); 0 or -1 (logged). */
int activity_load(struct store *st, int owners, struct activity_list *out);
void activity_list_release(struct activity_list *l);
const char *activity_status_name(enum activity_status s);

/*
 * 1 if a live (not cancelled) activity of al is linked to observance key
 * within a year of date: the anniversary is planned for.  The reminders'
 * nudge and the web application's "to plan" list ask the same question.
 */
int activity_planned(const struct activity_list *al, const char *key,
    struct ymd date);

/* Status from its name ("cancelled"); -1 if unknown. */
int activity_status_parse(const char *s);
/* The public flag from "yes" or "no" (also "1" and "0"); -1 if neither. */
int activity_public_parse(const char *s);
/* Release the insides of one activity (safe on a zeroed struct). */
void activity_release(struct activity *a);

/* The activity's start as an instant (local midnight when all-day). */
time_t activity_start(const struct activity *a);

/* 1 if a runs from 1/1 to 31/12 of its year: known only to its year, as
 * the fixtures and the reports' records say it ("in 2023, day
 * unknown"), never printed as the span. */
int activity_undated(const struct activity *a);

/*
 * Add an owner's address, normalised (the domain lower-cased) and only
 * once: "A@X.vn;a@x.VN" is one owner.
 */
void activity_add_owner(struct activity *a, const char *email);

/*
 * Set the start and end of an activity from "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM" in Vietnam's time; end may be NULL (a timed activity
 * then lasts an hour).  Returns NULL, or why the values are bad (a static
 * error of "start" or "end").
 */
const struct field_err *activity_set_times(struct activity *a,
    const char *start, const char *end);
/*
 * Check an activity: every field through its row of activity_fields (the
 * title required, lengths, no control characters, the reminder offsets,
 * the status...), the dates within cfg's [activities] years, owners (at
 * most max_owners, each an account's or a recipient's address:
 * activity_owner_allowed()), the category one of cfg's, the partner
 * countries and the linked observance known.  st and cfg may be NULL:
 * what needs them is not checked.  Returns 0, 1 with the refusals added
 * to errs, or -1 when the database failed (logged).
 */
int activity_check(struct store *st, const struct config *cfg,
    const struct activity *a, struct field_errs *errs);

/* The category whose activities carry the aid they mobilised (amount,
 * currency): foreign non-governmental organisations' work. */
#define ACTIVITY_AID_CATEGORY	"ngo"

/* People an activity can report at most. */
#define ACTIVITY_PEOPLE_MAX	1000000
/* An amount of aid or a budget at most: a thousand billion, in whole
 * units (3.400.000.000 VND is a real one). */
#define ACTIVITY_MONEY_MAX	1000000000000L

/* Values as typed in a form, on the command line or in a CSV row: NULL
 * leaves the activity's value, "" clears it.  activity_fields says
 * where each goes and what it must be. */
struct activity_input {
	const char *title, *start, *end, *location, *organiser, *observance;
	const char *notes, *remind, *status, *result, *participants;
	const char *category, *partner;
	const char *member, *amount, *currency, *budget, *report_text;
	const char *public;	/* "yes" or "no" (also "1", "0") */
	const char *countries;	/* ISO codes separated by spaces, ; or , */
	const char *owners;	/* addresses separated by , ; or spaces */
};

/*
 * The fields of an activity_input, in the order of the CSV's columns
 * after the key (ACTIVITY_CSV_HEADER): the command line's options (the
 * owners as --owner, the countries as --country, once each, public as
 * --public and --no-public), the web form's fields and the import's
 * columns.
 */
extern const struct field activity_fields[];

/*
 * Apply in to a and check the result (activity_check()), values given
 * checked first.  Returns 0, 1 with the refusals in errs (nothing
 * applied when a value given is refused), or -1 on a database error.
 * The web form, `kyniem activity` and the CSV import all write through
 * this.
 */
int activity_apply(struct store *st, const struct config *cfg,
    const struct activity_input *in, struct activity *a,
    struct field_errs *errs);

/* An activity as input: its values as the form shows them. */
struct activity_view {
	struct activity_input in;	/* borrows a's strings and these */
	struct buf start, end, owners;	/* owners joined with ", " */
	char participants[16], amount[24], budget[24];
};
/* Fill v from a (which must outlive it); release with
 * activity_view_release(). */
void activity_view(const struct activity *a, struct activity_view *v);
void activity_view_release(struct activity_view *v);

/* The activity as a JSON object (the audit trail's before and after). */
void activity_json(const struct activity *a, struct buf *out);

/*
 * Write one activity as the form or the command line gave it by who,
 * in one transaction with its audit row (action, "activity.create",
 * "activity.edit", "letter.sent"..., on "activity:ID", the row before
 * and after) when something changed.  Sets a->id and *changed.  0, or
 * -1 (logged) with nothing written.
 */
int activity_save(struct store *st, struct activity *a, const char *who,
    const char *action, time_t now, int *changed);

/*
 * 1 if email may own the activity of uid (NULL: a new one): it is an
 * enabled account's or a recipient's address, or already one of that
 * activity's owners; 0 if not, -1 on error.
 */
int activity_owner_allowed(struct store *st, const char *uid,
    const char *email);

/* Load activity id into *out: 0, 1 when there is none, -1 on error. */
int activity_get(struct store *st, long id, struct activity *out);
/* The same for the activity of uid. */
int activity_get_uid(struct store *st, const char *uid, struct activity *out);
/*
 * Insert, or update in place when an activity with a->uid exists (the
 * revision is bumped only when something differs); an import's empty
 * result, participants, category, countries, partner, member, amount,
 * currency, budget or report text keeps the stored one (activity_save()
 * clears it).  Sets a->id and *changed.  Returns 0
 * or -1 (logged).
 */
int activity_put(struct store *st, struct activity *a, long now,
    int *changed);
/* A new random UID for an activity added by hand, at the configured
 * domain like every UID kyniem makes: "kyniem-activity-HEX@DOMAIN"
 * (caller frees).  Imported activities keep theirs. */
char *activity_new_uid(const char *domain);

/*
 * Fill a (zeroed) from one row of the activities CSV format, whose header
 * is ACTIVITY_CSV_HEADER: the key, then activity_fields' columns, an
 * empty one not given (activity_apply()); owners are separated by ';',
 * countries by spaces, public is yes, no or empty (keep; a new row is
 * internal).  Returns as activity_apply().  The UID is derived from the
 * key column.  Files with an older header (ACTIVITY_CSV_HEADER_V1, no
 * record columns; _V2, no public column; _V3, no member, money or report
 * text) are read as any file that leaves columns out: a column left
 * out (NULL in f) keeps what the stored activity of that key has.
 */
#define ACTIVITY_CSV_HEADER_V1 "key,title,start,end,location,organiser," \
	"owners,remind,observance,status,notes"
#define ACTIVITY_CSV_HEADER_V2 ACTIVITY_CSV_HEADER_V1 ",category,countries," \
	"partner,participants,result"
#define ACTIVITY_CSV_HEADER_V3 ACTIVITY_CSV_HEADER_V2 ",public"
#define ACTIVITY_CSV_HEADER ACTIVITY_CSV_HEADER_V2 ",member,amount," \
	"currency,budget,report_text,public"
#define ACTIVITY_CSV_FIELDS 22
int activity_from_csv(struct store *st, const struct config *cfg, char **f,
    struct activity *a, struct field_errs *errs);

/*
 * The CSV row of a (ACTIVITY_CSV_HEADER's columns; the key is the UID
 * without its "kyniem-activity-" prefix), escaped and ending in CRLF:
 * `kyniem activity list --csv` writes what `kyniem import` reads back.
 */
void activity_to_csv(const struct activity *a, struct buf *out);

/*
 * Normalise a list of country codes ("jp; US,jp") to "JP US" (caller
 * frees; NULL when the list is empty).
 */
char *activity_countries_norm(const char *list);
/* 1 if cc is one of a's partner countries. */
int activity_has_country(const struct activity *a, const char *cc);

#endif

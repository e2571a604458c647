/*
 * The anniversary rules engine: date rules, observances and their yearly
 * occurrences with anniversary number, milestone class and titles in
 * Vietnamese and English.  Pure computation: no I/O, no database.
 */
#ifndef KYNIEM_RULES_H
#define KYNIEM_RULES_H

#include <stddef.h>
#include <time.h>

#include "util.h"

struct buf;
struct lunar_cal;

enum kind {
	KIND_RELATION,
	KIND_PARTNERSHIP,
	KIND_NATIONAL_DAY,
	KIND_COMMEMORATION,
	KIND_FESTIVAL,
	KIND_NEW_YEAR,
	KIND_LOCAL,
	KIND_COUNT
};

enum milestone {
	MILESTONE_NONE,
	MILESTONE_ROUND,	/* N multiple of 5: năm chẵn */
	MILESTONE_DECADE,	/* N multiple of 10: năm tròn */
	MILESTONE_JUBILEE	/* 25, 50, 75, 100, ... */
};
#define MILESTONE_ALL ((1u << MILESTONE_ROUND) | (1u << MILESTONE_DECADE) | \
    (1u << MILESTONE_JUBILEE))

enum rule_type {
	RULE_UNDATED,	/* empty, year-only or month-only: never placed */
	RULE_FIXED,	/* a Gregorian month and day every year */
	RULE_LUNAR,	/* a Vietnamese lunar month and day every year */
	RULE_WEEKDAY	/* the nth weekday of a month */
};

/* A parsed date rule; see rules_parse() for the syntax. */
struct rule {
	enum rule_type type;
	int base_year;		/* year counted from; 0 = not counted */
	int month, day;		/* FIXED, LUNAR */
	int leap;		/* LUNAR: in the leap month */
	int weekday, nth;	/* WEEKDAY: 0 = Sunday; nth 1-5, -1 = last */
	int precision;		/* UNDATED: 0 empty, 1 year, 2 year-month */
};

/* An explicitly announced date for one year (Lao New Year 2024). */
struct dated {
	int year;
	struct ymd start, end;
};

struct observance {
	char *key;
	enum kind kind;
	char country[3];	/* ISO 3166-1 alpha-2, "" when none */
	struct rule rule;
	char *spec;		/* the rule as written, without base year */
	int days;		/* duration, 1 or more */
	char *name_en, *name_vi;	/* the phrase after "Kỷ niệm N năm " */
	char *level;		/* partnerships: comprehensive-strategic, ... */
	char *country_en, *country_vi;	/* short names */
	char *formal_en, *formal_vi;	/* formal state names, may be NULL */
	char *title_en, *title_vi;	/* a national day's own holiday name
					   in titles; NULL = "National Day" */
	char *tags;		/* "a;b" */
	char *source, *confidence, *note;
	struct dated *dates;	/* sorted by year */
	size_t ndates;
	long revision;		/* bumped when the row changes */
	time_t modified;
};

struct occurrence {
	const struct observance *obs;
	struct ymd date;	/* the observed day */
	int days;
	int n;			/* years since the base year; 0 = not counted */
	enum milestone milestone;
};

struct occ_list {
	struct occurrence *v;
	size_t n, cap;
};

/* A country's membership of a group (ASEAN) from a year on. */
struct group_member {
	char group[16];
	char country[3];
	int since;
};

struct group_set {
	struct group_member *v;
	size_t n;
};

/* 1 if country is a member of group in year (members since then). */
int rules_in_group(const struct group_set *g, const char *group,
    const char *country, int year);

/* The engine's settings (from the config; pure data). */
struct rules_opts {
	int feb29_mar1;		/* 29 Feb in common years: 0 = 28 Feb, 1 = 1 Mar */
	unsigned milestones[KIND_COUNT];	/* classes that count, per kind */
};

/* Defaults: 28 Feb, every class a milestone for every kind. */
void rules_opts_init(struct rules_opts *o);

/*
 * Parse a date rule:
 *   YYYY-MM-DD          Gregorian, counted from YYYY
 *   YYYY-MM, YYYY, ""   undated (known only to that precision)
 *   MM-DD               Gregorian, every year
 *   lunar MM-DD[ leap]  lunar, every year
 *   lunar YYYY-MM-DD[ leap]  lunar, counted from lunar year YYYY
 *   MM DOW#N            nth weekday (sun..sat, N 1-5 or -1 = last)
 * Returns 0, or -1 with *err set to a static message.
 */
int rules_parse(const char *spec, struct rule *out, const char **err);

/*
 * Append to out every occurrence of the observances that falls (starts)
 * within [from, to], sorted by date, then key; lunar (borrowed) converts
 * lunar rules.  Returns 0, or -1 if a lunar date could not be converted
 * (outside the lunar module's range).
 */
int rules_occurrences(const struct rules_opts *o, struct lunar_cal *lunar,
    struct observance *const *obs, size_t nobs, struct ymd from,
    struct ymd to, struct occ_list *out);
void occ_list_release(struct occ_list *l);

/* 1 if the occurrence's class counts as a milestone for its kind. */
int rules_is_milestone(const struct rules_opts *o,
    const struct occurrence *oc);
enum milestone rules_milestone(int n);

/* Append the occurrence's title in lang to out. */
void rules_title(const struct occurrence *oc, enum lang lang,
    struct buf *out);
/* Append what the observance marks, without a year or date ("Thiết lập
 * quan hệ ngoại giao Việt Nam – Nhật Bản"): a heading. */
void rules_subject(const struct observance *obs, enum lang lang,
    struct buf *out);

const char *rules_kind_name(enum kind k);
/* Kind from its name; -1 if unknown. */
int rules_kind_parse(const char *name);
const char *rules_milestone_name(enum milestone m);
/* Milestone class from its name ("round"); -1 if unknown. */
int rules_milestone_parse(const char *name);
/* 1 if the ";"-separated tag list has tag. */
int rules_has_tag(const struct observance *obs, const char *tag);

/* Release the insides of an observance; observance_free frees it too. */
void observance_release(struct observance *obs);
void observance_free(struct observance *obs);

#endif

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
	RULE_UNDATED,	/* empty, year-only or month-only (see precision) */
	RULE_FIXED,	/* a Gregorian month and day every year */
	RULE_LUNAR,	/* a Vietnamese lunar month and day every year */
	RULE_WEEKDAY	/* the nth weekday of a month */
};

/* A parsed date rule; see rules_parse() for the syntax. */
struct rule {
	enum rule_type type;
	int base_year;		/* year counted from; 0 = not counted */
	int month, day;		/* FIXED, LUNAR; month also for UNDATED
				   of precision 2 */
	int leap;		/* LUNAR: in the leap month */
	int weekday, nth;	/* WEEKDAY: 0 = Sunday; nth 1-5, -1 = last */
	int precision;		/* UNDATED: 0 empty, 1 year, 2 year-month */
};

/* How well an observance's day is known (selectors' precision: term). */
enum precision { PREC_DAY, PREC_MONTH, PREC_YEAR };

/* How sure the data is (selectors' confidence: term). */
enum confidence { CONF_CONFIRMED, CONF_SINGLE_SOURCE, CONF_RECALLED };

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
	struct ymd date;	/* the observed day; the 1st of the month
				   (PREC_MONTH) or 1 January (PREC_YEAR) */
	int days;
	int n;			/* years since the base year; 0 = not counted */
	enum milestone milestone;
	enum precision precision;	/* of date */
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
 * lunar rules.  A row known only to the month (YYYY-MM) occurs on the 1st
 * of its month with precision PREC_MONTH; rows known only to the year
 * have no occurrences (see rules_undated()).  Returns 0, or -1 if a lunar
 * date could not be converted (outside the lunar module's range).
 */
int rules_occurrences(const struct rules_opts *o, struct lunar_cal *lunar,
    struct observance *const *obs, size_t nobs, struct ymd from,
    struct ymd to, struct occ_list *out);
void occ_list_release(struct occ_list *l);

/*
 * Append to out the anniversaries in year of the rows known only to the
 * year (YYYY), counted from it, dated 1 January with precision PREC_YEAR
 * and sorted by key: what a plan lists as "day to be confirmed".
 */
void rules_undated(struct observance *const *obs, size_t nobs, int year,
    struct occ_list *out);

/* Drop the occurrences whose day is not known (PREC_MONTH and coarser)
 * from l, for the users that need a day: feeds, by default. */
void occ_list_drop_partial(struct occ_list *l);

/* The last day the occurrence may fall on: its date, the end of its month
 * (PREC_MONTH) or of its year (PREC_YEAR).  A listing from a day keeps a
 * row known to the month while its month lasts. */
struct ymd rules_last_day(const struct occurrence *oc);

/* 1 if the occurrence's class counts as a milestone for its kind. */
int rules_is_milestone(const struct rules_opts *o,
    const struct occurrence *oc);
enum milestone rules_milestone(int n);

/*
 * Append the occurrence's title in lang to out, in the reports' words:
 * "Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản
 * (21/9/1973 – 21/9/2023)", "(6/2013 – 6/2023)" for a row known to the
 * month, "Tết Nguyên đán Giáp Thìn 2024 (10/2/2024, 1/1 âm lịch)", one
 * pair of brackets after a name that ends in one ("Tết cổ truyền
 * Bunpimay (Lào, 14 – 17/4/2024)").
 */
void rules_title(const struct occurrence *oc, enum lang lang,
    struct buf *out);
/* Append what the observance marks, without a year or date ("Thiết lập
 * quan hệ ngoại giao Việt Nam – Nhật Bản"): a heading. */
void rules_subject(const struct observance *obs, enum lang lang,
    struct buf *out);

/*
 * Append the country's name cn as an English sentence says it after a
 * preposition, with the article English gives some ("the United
 * States", "the Republic of Korea", "the Philippines"; "Japan", and a
 * name that has its "the" already, as they are); Vietnamese (lang vi)
 * has none.  Titles and letters say a country the same way.
 */
void rules_put_country(const char *cn, enum lang lang, struct buf *out);

/* Append n as an English ordinal: "1st", "62nd", "113th". */
void rules_ordinal(int n, struct buf *out);
/*
 * Append the short title of a feed's SUMMARY, what tells events apart
 * first (a calendar's month view shows 15-20 characters): "Nhật Bản: 55
 * năm quan hệ ngoại giao", "Lào: Quốc khánh, 49 năm", "Tết Nguyên đán
 * Bính Ngọ"; "Japan: 55 years of diplomatic relations".
 */
void rules_short_title(const struct occurrence *oc, enum lang lang,
    struct buf *out);

/* Append the occurrence's date as people read it at its precision:
 * "21/9/2023", "6/2023" or "2023" (English "21 Sep 2023", "Jun 2023"). */
void rules_format_date(const struct occurrence *oc, enum lang lang,
    struct buf *out);

/* Append " (chưa xác minh)" / " (unverified)" when the row is not
 * confirmed: what text, plans and pages put after a title. */
void rules_unverified(const struct observance *obs, enum lang lang,
    struct buf *out);

/* How well the row's day is known, and how sure its data is (a row
 * without a confidence is confirmed; an unknown word is recalled). */
enum precision rules_precision(const struct observance *obs);
enum confidence rules_confidence(const struct observance *obs);
/* "day", "month", "year"; "confirmed", "single-source", "recalled". */
const char *rules_precision_name(enum precision p);
const char *rules_confidence_name(enum confidence c);

const char *rules_kind_name(enum kind k);
/* The kind as people read it, in lang: "Quan hệ ngoại giao", "Quốc
 * khánh" / "Diplomatic relations"; "" for none.  Static. */
const char *rules_kind_label(enum kind k, enum lang lang);
/* Kind from its name; -1 if unknown. */
int rules_kind_parse(const char *name);
const char *rules_milestone_name(enum milestone m);
/*
 * The words for a milestone class in lang, the one place they are
 * written: "năm chẵn", "năm tròn", "đại lễ" (English "round", "decade",
 * "jubilee"), capitalised when capital is set; "" for none.  Static.
 */
const char *rules_milestone_label(enum milestone m, enum lang lang,
    int capital);
/* Milestone class from its name ("round"); -1 if unknown. */
int rules_milestone_parse(const char *name);
/* 1 if the ";"-separated tag list has tag. */
int rules_has_tag(const struct observance *obs, const char *tag);

/* Free an observance and its insides; NULL is fine. */
void observance_free(struct observance *obs);

#endif

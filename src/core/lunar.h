/*
 * The Vietnamese lunisolar calendar (âm lịch): conversion between Gregorian
 * and lunar dates, leap months and the sexagenary (Can Chi) year names.
 * Computed astronomically (Meeus); see lunar.c for the method and sources.
 */
#ifndef KYNIEM_LUNAR_H
#define KYNIEM_LUNAR_H

#include <stddef.h>

/* Years (Gregorian) the module converts; outside them calls return -1. */
#define LUNAR_MIN_YEAR 1800
#define LUNAR_MAX_YEAR 2199

struct lunar_date {
	int day;	/* 1-30 */
	int month;	/* 1-12 */
	int year;	/* the lunar year, named after the Gregorian year of its Tết */
	int leap;	/* 1 in a leap (intercalary) month */
};

enum lunar_meridian {
	LUNAR_HISTORICAL,	/* UTC+8 before 1968, UTC+7 from 1968 (default) */
	LUNAR_UTC7,		/* 105°E for every year */
	LUNAR_UTC8		/* 120°E for every year (China's calendar) */
};

/* A calendar: a meridian rule and the cached month starts of lunar years. */
struct lunar_cal;

/* Returns a new calendar (never NULL); free with lunar_free(). */
struct lunar_cal *lunar_new(enum lunar_meridian meridian);
void lunar_free(struct lunar_cal *cal);

/* Gregorian y-m-d to lunar; 0, or -1 for an invalid or out-of-range date. */
int lunar_from_solar(struct lunar_cal *cal, int y, int m, int d,
    struct lunar_date *out);

/*
 * Lunar date to Gregorian; 0, or -1 when the date does not exist (a leap
 * month the year does not have, day 30 of a 29-day month) or is out of range.
 */
int lunar_to_solar(struct lunar_cal *cal, const struct lunar_date *ld,
    int *y, int *m, int *d);

/* Leap month (1-12) of lunar year, 0 when it has none, -1 out of range. */
int lunar_leap_month(struct lunar_cal *cal, int lunar_year);

/* Days (29 or 30) in the given month; 0 when it does not exist. */
int lunar_month_days(struct lunar_cal *cal, int lunar_year, int month,
    int leap);

/*
 * Writes the Vietnamese Can Chi name of a lunar year ("Giáp Thìn" for 2024)
 * into buf; returns 0, or -1 if buf is too small.
 */
int lunar_can_chi(int lunar_year, char *buf, size_t len);

#endif

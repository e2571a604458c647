/*
 * The Vietnamese lunisolar calendar, computed astronomically: new moons,
 * solar terms and the month rules live here; parsing and printing belong
 * to the commands.  Month starts are cached per lunar year in the calendar.
 *
 * Sources: Jean Meeus, Astronomical Algorithms (2nd ed., 1998): ch. 49 for
 * the instant of the new moon (all 25 periodic terms and the 14 planetary
 * arguments), ch. 25 (higher accuracy) and ch. 32 with the truncated VSOP87
 * series of appendix III for the sun's apparent longitude, ch. 22 for the
 * nutation in longitude.  Delta T from the polynomials of Espenak & Meeus
 * (NASA Five Millennium Canon of Solar Eclipses, 2006).
 *
 * Rules: a month starts on the local day of its new moon; month 11 is the
 * month holding the day of the winter solstice; between two month 11s with
 * 13 months, the first month without a major solar term (zhongqi, a
 * multiple of 30 degrees of solar longitude) is the leap month and repeats
 * the number of the month before it.  The local day is that of the meridian
 * 105 degrees East (UTC+7), used in Vietnam since 1968-01-01; before that
 * the North used China's 120 degrees East (UTC+8), see LUNAR_HISTORICAL.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "lunar.h"
#include "util.h"

#define DEG		(M_PI / 180.0)
#define JD_UNIX		2440587.5	/* JD of 1970-01-01 00:00 UTC */
#define SYNODIC		29.530588861	/* mean synodic month, days */
#define DAY_1968	(-731)		/* day number of 1968-01-01 */

/* Lunar years cached: the one holding 1800-01-01 up to LUNAR_MAX_YEAR. */
#define FIRST_LYEAR	(LUNAR_MIN_YEAR - 1)
#define NLYEARS		(LUNAR_MAX_YEAR - FIRST_LYEAR + 1)
/* Sui (solstice to solstice) y runs from month 11 of y - 1 to that of y. */
#define FIRST_SUI	FIRST_LYEAR
#define NSUI		(NLYEARS + 1)

/* Months from one month 11 to the next (12 or 13), labelled. */
struct lunar_sui {
	int		done;
	int		n;
	int		start[14];	/* day numbers; start[n] is the next 11 */
	unsigned char	mon[13];
	unsigned char	leap[13];
};

/* The months of one lunar year, from Tết to the next Tết. */
struct lunar_year {
	int		done;
	int		n;
	int		leapmon;
	int		start[14];	/* start[n] is the next Tết */
	unsigned char	mon[13];
	unsigned char	leap[13];
};

struct lunar_cal {
	enum lunar_meridian	 meridian;
	struct lunar_sui	*sui;	/* NSUI entries */
	struct lunar_year	*year;	/* NLYEARS entries */
};

struct term {
	double a, b, c;
};

/*
 * Earth's heliocentric longitude and radius, VSOP87 truncated as in Meeus
 * appendix III (units of 1e-8 rad or AU; tau in Julian millennia).
 */
static const struct term L0[] = {
	{ 175347046, 0, 0 }, { 3341656, 4.6692568, 6283.0758500 },
	{ 34894, 4.62610, 12566.15170 }, { 3497, 2.7441, 5753.3849 },
	{ 3418, 2.8289, 3.5231 }, { 3136, 3.6277, 77713.7715 },
	{ 2676, 4.4181, 7860.4194 }, { 2343, 6.1352, 3930.2097 },
	{ 1324, 0.7425, 11506.7698 }, { 1273, 2.0371, 529.6910 },
	{ 1199, 1.1096, 1577.3435 }, { 990, 5.233, 5884.927 },
	{ 902, 2.045, 26.298 }, { 857, 3.508, 398.149 },
	{ 780, 1.179, 5223.694 }, { 753, 2.533, 5507.553 },
	{ 505, 4.583, 18849.228 }, { 492, 4.205, 775.523 },
	{ 357, 2.920, 0.067 }, { 317, 5.849, 11790.629 },
	{ 284, 1.899, 796.298 }, { 271, 0.315, 10977.079 },
	{ 243, 0.345, 5486.778 }, { 206, 4.806, 2544.314 },
	{ 205, 1.869, 5573.143 }, { 202, 2.458, 6069.777 },
	{ 156, 0.833, 213.299 }, { 132, 3.411, 2942.463 },
	{ 126, 1.083, 20.775 }, { 115, 0.645, 0.980 },
	{ 103, 0.636, 4694.003 }, { 102, 0.976, 15720.839 },
	{ 102, 4.267, 7.114 }, { 99, 6.21, 2146.17 },
	{ 98, 0.68, 155.42 }, { 86, 5.98, 161000.69 },
	{ 85, 1.30, 6275.96 }, { 85, 3.67, 71430.70 },
	{ 80, 1.81, 17260.15 }, { 79, 3.04, 12036.46 },
	{ 75, 1.76, 5088.63 }, { 74, 3.50, 3154.69 },
	{ 74, 4.68, 801.82 }, { 70, 0.83, 9437.76 },
	{ 62, 3.98, 8827.39 }, { 61, 1.82, 7084.90 },
	{ 57, 2.78, 6286.60 }, { 56, 4.39, 14143.50 },
	{ 56, 3.47, 6279.55 }, { 52, 0.19, 12139.55 },
	{ 52, 1.33, 1748.02 }, { 51, 0.28, 5856.48 },
	{ 49, 0.49, 1194.45 }, { 41, 5.37, 8429.24 },
	{ 41, 2.40, 19651.05 }, { 39, 6.17, 10447.39 },
	{ 37, 6.04, 10213.29 }, { 37, 2.57, 1059.38 },
	{ 36, 1.71, 2352.87 }, { 36, 1.78, 6812.77 },
	{ 33, 0.59, 17789.85 }, { 30, 0.44, 83996.85 },
	{ 30, 2.74, 1349.87 }, { 25, 3.16, 4690.48 }
};

static const struct term L1[] = {
	{ 628331966747.0, 0, 0 }, { 206059, 2.678235, 6283.075850 },
	{ 4303, 2.6351, 12566.1517 }, { 425, 1.590, 3.523 },
	{ 119, 5.796, 26.298 }, { 109, 2.966, 1577.344 },
	{ 93, 2.59, 18849.23 }, { 72, 1.14, 529.69 },
	{ 68, 1.87, 398.15 }, { 67, 4.41, 5507.55 },
	{ 59, 2.89, 5223.69 }, { 56, 2.17, 155.42 },
	{ 45, 0.40, 796.30 }, { 36, 0.47, 775.52 },
	{ 29, 2.65, 7.11 }, { 21, 5.34, 0.98 },
	{ 19, 1.85, 5486.78 }, { 19, 4.97, 213.30 },
	{ 17, 2.99, 6275.96 }, { 16, 0.03, 2544.31 },
	{ 16, 1.43, 2146.17 }, { 15, 1.21, 10977.08 },
	{ 12, 2.83, 1748.02 }, { 12, 3.26, 5088.63 },
	{ 12, 5.27, 1194.45 }, { 12, 2.08, 4694.00 },
	{ 11, 0.77, 553.57 }, { 10, 1.30, 6286.60 },
	{ 10, 4.24, 1349.87 }, { 9, 2.70, 242.73 },
	{ 9, 5.64, 951.72 }, { 8, 5.30, 2352.87 },
	{ 6, 2.65, 9437.76 }, { 6, 4.67, 4690.48 }
};

static const struct term L2[] = {
	{ 52919, 0, 0 }, { 8720, 1.0721, 6283.0758 },
	{ 309, 0.867, 12566.152 }, { 27, 0.05, 3.52 },
	{ 16, 5.19, 26.30 }, { 16, 3.68, 155.42 },
	{ 10, 0.76, 18849.23 }, { 9, 2.06, 77713.77 },
	{ 7, 0.83, 775.52 }, { 5, 4.66, 1577.34 },
	{ 4, 1.03, 7.11 }, { 4, 3.44, 5573.14 },
	{ 3, 5.14, 796.30 }, { 3, 6.05, 5507.55 },
	{ 3, 1.19, 242.73 }, { 3, 6.12, 529.69 },
	{ 3, 0.31, 398.15 }, { 3, 2.28, 553.57 },
	{ 2, 4.38, 5223.69 }, { 2, 3.75, 0.98 }
};

static const struct term L3[] = {
	{ 289, 5.844, 6283.076 }, { 35, 0, 0 },
	{ 17, 5.49, 12566.15 }, { 3, 5.20, 155.42 },
	{ 1, 4.72, 3.52 }, { 1, 5.30, 18849.23 },
	{ 1, 5.97, 242.73 }
};

static const struct term L4[] = {
	{ 114, 3.142, 0 }, { 8, 4.13, 6283.08 }, { 1, 3.84, 12566.15 }
};

static const struct term L5[] = {
	{ 1, 3.14, 0 }
};

/* Only the radius terms that move the aberration by 0.001" or more. */
static const struct term R0[] = {
	{ 100013989, 0, 0 }, { 1670700, 3.0984635, 6283.0758500 },
	{ 13956, 3.05525, 12566.15170 }, { 3084, 5.1985, 77713.7715 },
	{ 1628, 1.1739, 5753.3849 }, { 1576, 2.8469, 7860.4194 }
};

static const struct term R1[] = {
	{ 103019, 1.107490, 6283.075850 }, { 1721, 1.0644, 12566.1517 },
	{ 702, 3.142, 0 }
};

static const struct term R2[] = {
	{ 4359, 5.7846, 6283.0758 }, { 124, 5.579, 12566.152 }
};

/* The largest rows of the nutation table (Meeus table 22.A). */
static const struct {
	signed char	d, m, mp, f, om;
	double		s0, s1;		/* 0.0001" and per century */
} nut[] = {
	{ 0, 0, 0, 0, 1, -171996, -174.2 },
	{ -2, 0, 0, 2, 2, -13187, -1.6 },
	{ 0, 0, 0, 2, 2, -2274, -0.2 },
	{ 0, 0, 0, 0, 2, 2062, 0.2 },
	{ 0, 1, 0, 0, 0, 1426, -3.4 },
	{ 0, 0, 1, 0, 0, 712, 0.1 },
	{ -2, 1, 0, 2, 2, -517, 1.2 },
	{ 0, 0, 0, 2, 1, -386, -0.4 },
	{ 0, 0, 1, 2, 2, -301, 0 },
	{ -2, -1, 0, 2, 2, 217, -0.5 },
	{ -2, 0, 1, 0, 0, -158, 0 },
	{ -2, 0, 0, 2, 1, 129, 0.1 },
	{ 0, 0, -1, 2, 2, 123, 0 }
};

/* New moon periodic terms (Meeus 49): coefficient, power of E, M, M', F, Ω. */
static const struct {
	double		c;
	signed char	e, m, mp, f, om;
} nmterm[] = {
	{ -0.40720, 0, 0, 1, 0, 0 }, { 0.17241, 1, 1, 0, 0, 0 },
	{ 0.01608, 0, 0, 2, 0, 0 }, { 0.01039, 0, 0, 0, 2, 0 },
	{ 0.00739, 1, -1, 1, 0, 0 }, { -0.00514, 1, 1, 1, 0, 0 },
	{ 0.00208, 2, 2, 0, 0, 0 }, { -0.00111, 0, 0, 1, -2, 0 },
	{ -0.00057, 0, 0, 1, 2, 0 }, { 0.00056, 1, 1, 2, 0, 0 },
	{ -0.00042, 0, 0, 3, 0, 0 }, { 0.00042, 1, 1, 0, 2, 0 },
	{ 0.00038, 1, 1, 0, -2, 0 }, { -0.00024, 1, -1, 2, 0, 0 },
	{ -0.00017, 0, 0, 0, 0, 1 }, { -0.00007, 0, 2, 1, 0, 0 },
	{ 0.00004, 0, 0, 2, -2, 0 }, { 0.00004, 0, 3, 0, 0, 0 },
	{ 0.00003, 0, 1, 1, -2, 0 }, { 0.00003, 0, 0, 2, 2, 0 },
	{ -0.00003, 0, 1, 1, 2, 0 }, { 0.00003, 0, -1, 1, 2, 0 },
	{ -0.00002, 0, -1, 1, -2, 0 }, { -0.00002, 0, 1, 3, 0, 0 },
	{ 0.00002, 0, 0, 4, 0, 0 }
};

/* Planetary arguments A1..A14 (Meeus 49): a + b k, and coefficient. */
static const struct {
	double a, b, c;
} planet[] = {
	{ 299.77, 0.107408, 0.000325 }, { 251.88, 0.016321, 0.000165 },
	{ 251.83, 26.651886, 0.000164 }, { 349.42, 36.412478, 0.000126 },
	{ 84.66, 18.206239, 0.000110 }, { 141.74, 53.303771, 0.000062 },
	{ 207.14, 2.453732, 0.000060 }, { 154.84, 7.306860, 0.000056 },
	{ 34.52, 27.261239, 0.000047 }, { 207.19, 0.121824, 0.000042 },
	{ 291.34, 1.844379, 0.000040 }, { 161.72, 24.198154, 0.000037 },
	{ 239.56, 25.513099, 0.000035 }, { 331.55, 3.592518, 0.000023 }
};

static const char *const can[] = {
	"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"
};
static const char *const chi[] = {
	"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu",
	"Tuất", "Hợi"
};

static double
series(const struct term *t, size_t n, double tau)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += t[i].a * cos(t[i].b + t[i].c * tau);
	return s;
}

/*
 * Delta T = TT - UT in seconds for decimal year y, Espenak & Meeus
 * polynomials (valid 1700-2200 here; the module stays in 1798-2201).
 */
static double
delta_t(double y)
{
	double t, u;

	if (y < 1800) {
		t = y - 1700;
		return 8.83 + t * (0.1603 + t * (-0.0059285 + t * (0.00013336 -
		    t / 1174000)));
	}
	if (y < 1860) {
		t = y - 1800;
		return 13.72 + t * (-0.332447 + t * (0.0068612 + t * (0.0041116 +
		    t * (-0.00037436 + t * (0.0000121272 + t * (-0.0000001699 +
		    t * 0.000000000875))))));
	}
	if (y < 1900) {
		t = y - 1860;
		return 7.62 + t * (0.5737 + t * (-0.251754 + t * (0.01680668 +
		    t * (-0.0004473624 + t / 233174))));
	}
	if (y < 1920) {
		t = y - 1900;
		return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 -
		    t * 0.000197)));
	}
	if (y < 1941) {
		t = y - 1920;
		return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
	}
	if (y < 1961) {
		t = y - 1950;
		return 29.07 + t * (0.407 + t * (-1 / 233.0 + t / 2547));
	}
	if (y < 1986) {
		t = y - 1975;
		return 45.45 + t * (1.067 + t * (-1 / 260.0 - t / 718));
	}
	if (y < 2005) {
		t = y - 2000;
		return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 +
		    t * (0.000651814 + t * 0.00002373599))));
	}
	if (y < 2050) {
		t = y - 2000;
		return 62.92 + t * (0.32217 + t * 0.005589);
	}
	u = (y - 1820) / 100;
	if (y < 2150)
		return -20 + 32 * u * u - 0.5628 * (2150 - y);
	return -20 + 32 * u * u;
}

static double
tt_to_ut(double jde)
{
	return jde - delta_t(2000 + (jde - 2451545) / 365.25) / 86400;
}

/* Nutation in longitude (degrees) for T Julian centuries of TT. */
static double
nutation_lon(double t)
{
	double d, m, mp, f, om, s = 0;
	size_t i;

	d = (297.85036 + t * (445267.111480 + t * (-0.0019142 + t / 189474)))
	    * DEG;
	m = (357.52772 + t * (35999.050340 + t * (-0.0001603 - t / 300000)))
	    * DEG;
	mp = (134.96298 + t * (477198.867398 + t * (0.0086972 + t / 56250)))
	    * DEG;
	f = (93.27191 + t * (483202.017538 + t * (-0.0036825 + t / 327270)))
	    * DEG;
	om = (125.04452 + t * (-1934.136261 + t * (0.0020708 + t / 450000)))
	    * DEG;
	for (i = 0; i < NELEM(nut); i++)
		s += (nut[i].s0 + nut[i].s1 * t) * sin(nut[i].d * d +
		    nut[i].m * m + nut[i].mp * mp + nut[i].f * f +
		    nut[i].om * om);
	return s / 36000000.0;
}

/* The sun's apparent geocentric longitude in degrees [0, 360) (Meeus 25). */
static double
sun_lon(double jde)
{
	double tau, l, r, t, lon;

	tau = (jde - 2451545) / 365250;
	l = series(L0, NELEM(L0), tau) + tau * (series(L1, NELEM(L1), tau) +
	    tau * (series(L2, NELEM(L2), tau) + tau * (series(L3, NELEM(L3),
	    tau) + tau * (series(L4, NELEM(L4), tau) + tau *
	    series(L5, NELEM(L5), tau)))));
	r = series(R0, NELEM(R0), tau) + tau * (series(R1, NELEM(R1), tau) +
	    tau * series(R2, NELEM(R2), tau));
	l /= 1e8;
	r /= 1e8;
	t = tau * 10;
	lon = l / DEG + 180;
	/* To FK5 (25.9), then nutation and aberration (25.10). */
	lon += -0.09033 / 3600 + nutation_lon(t) - 20.4898 / 3600 / r;
	lon = fmod(lon, 360);
	if (lon < 0)
		lon += 360;
	return lon;
}

/* JDE of the true new moon of lunation k (k = 0 on 2000-01-06). */
static double
new_moon(int k)
{
	double t, jde, e, m, mp, f, om, s = 0, ep;
	size_t i;

	t = k / 1236.85;
	jde = 2451550.09766 + SYNODIC * k + t * t * (0.00015437 +
	    t * (-0.000000150 + t * 0.00000000073));
	e = 1 + t * (-0.002516 - t * 0.0000074);
	m = (2.5534 + 29.10535670 * k + t * t * (-0.0000014 - t * 0.00000011))
	    * DEG;
	mp = (201.5643 + 385.81693528 * k + t * t * (0.0107582 +
	    t * (0.00001238 - t * 0.000000058))) * DEG;
	f = (160.7108 + 390.67050284 * k + t * t * (-0.0016118 +
	    t * (-0.00000227 + t * 0.000000011))) * DEG;
	om = (124.7746 - 1.56375588 * k + t * t * (0.0020672 +
	    t * 0.00000215)) * DEG;
	for (i = 0; i < NELEM(nmterm); i++) {
		ep = nmterm[i].e == 0 ? 1 : nmterm[i].e == 1 ? e : e * e;
		s += nmterm[i].c * ep * sin(nmterm[i].m * m +
		    nmterm[i].mp * mp + nmterm[i].f * f + nmterm[i].om * om);
	}
	for (i = 0; i < NELEM(planet); i++)
		s += planet[i].c * sin((planet[i].a + planet[i].b * k -
		    (i == 0 ? 0.009173 * t * t : 0)) * DEG);
	return jde + s;
}

/* Hours east of UTC of the calendar's meridian for a local day. */
static int
zone_of_day(const struct lunar_cal *cal, long day)
{
	switch (cal->meridian) {
	case LUNAR_UTC7:
		return 7;
	case LUNAR_UTC8:
		return 8;
	default:
		return day < DAY_1968 ? 8 : 7;
	}
}

/*
 * The local day (days since 1970-01-01) holding the UT instant jd.  Under
 * the historical rule the clock moved from UTC+8 to UTC+7 at local
 * midnight starting 1968-01-01, i.e. 1967-12-31 16:00 UTC.
 */
static long
local_day(const struct lunar_cal *cal, double jd)
{
	double switch_jd = JD_UNIX + DAY_1968 - 8 / 24.0;
	int zone;

	if (cal->meridian == LUNAR_HISTORICAL)
		zone = jd < switch_jd ? 8 : 7;
	else
		zone = cal->meridian == LUNAR_UTC8 ? 8 : 7;
	return (long)floor(jd + zone / 24.0 - JD_UNIX);
}

/* The sun's apparent longitude at the local midnight starting day. */
static double
sun_lon_at_day(const struct lunar_cal *cal, long day)
{
	double jd = JD_UNIX + day - zone_of_day(cal, day) / 24.0;

	return sun_lon(jd + delta_t(2000 + (jd - 2451545) / 365.25) / 86400);
}

static long
new_moon_day(const struct lunar_cal *cal, int k)
{
	return local_day(cal, tt_to_ut(new_moon(k)));
}

/* Degrees from 270 to lon, in (-180, 180]. */
static double
from_solstice(double lon)
{
	double d = fmod(lon - 270 + 540, 360) - 180;

	return d <= -180 ? d + 360 : d;
}

/*
 * The lunation whose month holds the day of the December solstice of
 * Gregorian year y: its first day has not passed 270 degrees at midnight,
 * the next month's first day has.
 */
static int
solstice_lunation(const struct lunar_cal *cal, int y)
{
	long dec21 = util_days_from_civil(y, 12, 21);
	int k, i;

	k = (int)floor((JD_UNIX + dec21 - 2451550.09766) / SYNODIC);
	for (i = 0; i < 4; i++) {
		if (from_solstice(sun_lon_at_day(cal, new_moon_day(cal, k)))
		    > 0)
			k--;
		else if (from_solstice(sun_lon_at_day(cal,
		    new_moon_day(cal, k + 1))) <= 0)
			k++;
		else
			return k;
	}
	fatal("lunar: no winter solstice month for %d", y);
}

/* Months from month 11 of Gregorian year y - 1 to month 11 of year y. */
static const struct lunar_sui *
get_sui(struct lunar_cal *cal, int y)
{
	struct lunar_sui *s = &cal->sui[y - FIRST_SUI];
	double lon[14];
	int k0, i, p, leap = 0;

	if (s->done)
		return s;
	k0 = solstice_lunation(cal, y - 1);
	s->n = solstice_lunation(cal, y) - k0;
	if (s->n != 12 && s->n != 13)
		fatal("lunar: %d months in the year before %d", s->n, y);
	for (i = 0; i <= s->n; i++)
		s->start[i] = (int)new_moon_day(cal, k0 + i);
	p = s->n;
	if (s->n == 13) {
		/* The first month without a major solar term is the leap. */
		for (i = 1; i <= 13; i++)
			lon[i] = sun_lon_at_day(cal, s->start[i]);
		for (p = 1; p < 13; p++)
			if (floor(lon[p] / 30) == floor(lon[p + 1] / 30))
				break;
		if (p == 13)
			fatal("lunar: no leap month in the year before %d", y);
	}
	for (i = 0; i < s->n; i++) {
		if (i == p)
			leap = 1;
		s->mon[i] = (unsigned char)((10 + i - leap) % 12 + 1);
		s->leap[i] = i == p;
	}
	s->done = 1;
	return s;
}

/* Index of the month 1 (not leap) in a sui. */
static int
sui_new_year(const struct lunar_sui *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->mon[i] == 1 && !s->leap[i])
			return i;
	fatal("lunar: sui without a month 1");
}

/* The months of lunar year ly, from two consecutive sui. */
static const struct lunar_year *
get_year(struct lunar_cal *cal, int ly)
{
	struct lunar_year *yr = &cal->year[ly - FIRST_LYEAR];
	const struct lunar_sui *a, *b;
	int i, j, n = 0;

	if (yr->done)
		return yr;
	a = get_sui(cal, ly);
	b = get_sui(cal, ly + 1);
	yr->leapmon = 0;
	for (i = sui_new_year(a); i < a->n; i++, n++) {
		yr->start[n] = a->start[i];
		yr->mon[n] = a->mon[i];
		yr->leap[n] = a->leap[i];
	}
	j = sui_new_year(b);
	for (i = 0; i < j; i++, n++) {
		yr->start[n] = b->start[i];
		yr->mon[n] = b->mon[i];
		yr->leap[n] = b->leap[i];
	}
	yr->start[n] = b->start[j];
	yr->n = n;
	for (i = 0; i < n; i++)
		if (yr->leap[i])
			yr->leapmon = yr->mon[i];
	yr->done = 1;
	return yr;
}

struct lunar_cal *
lunar_new(enum lunar_meridian meridian)
{
	struct lunar_cal *cal;

	cal = xcalloc(1, sizeof(*cal));
	cal->meridian = meridian;
	cal->sui = xcalloc(NSUI, sizeof(*cal->sui));
	cal->year = xcalloc(NLYEARS, sizeof(*cal->year));
	return cal;
}

void
lunar_free(struct lunar_cal *cal)
{
	if (cal == NULL)
		return;
	free(cal->sui);
	free(cal->year);
	free(cal);
}

static int
lyear_in_range(int ly)
{
	return ly >= FIRST_LYEAR && ly <= LUNAR_MAX_YEAR;
}

int
lunar_from_solar(struct lunar_cal *cal, int y, int m, int d,
    struct lunar_date *out)
{
	const struct lunar_year *yr;
	long day;
	int ly = y, i;

	if (y < LUNAR_MIN_YEAR || y > LUNAR_MAX_YEAR ||
	    !util_valid_date(y, m, d))
		return -1;
	day = util_days_from_civil(y, m, d);
	yr = get_year(cal, ly);
	if (day < yr->start[0])
		yr = get_year(cal, --ly);
	for (i = yr->n - 1; i > 0 && day < yr->start[i]; i--)
		;
	out->day = (int)(day - yr->start[i]) + 1;
	out->month = yr->mon[i];
	out->year = ly;
	out->leap = yr->leap[i];
	return 0;
}

/* Index of a month in its year's table, or -1. */
static int
month_index(const struct lunar_year *yr, int month, int leap)
{
	int i;

	for (i = 0; i < yr->n; i++)
		if (yr->mon[i] == month && yr->leap[i] == (leap != 0))
			return i;
	return -1;
}

int
lunar_to_solar(struct lunar_cal *cal, const struct lunar_date *ld,
    int *y, int *m, int *d)
{
	const struct lunar_year *yr;
	struct ymd t;
	long day;
	int i;

	if (!lyear_in_range(ld->year) || ld->month < 1 || ld->month > 12 ||
	    ld->day < 1 || ld->day > 30)
		return -1;
	yr = get_year(cal, ld->year);
	if ((i = month_index(yr, ld->month, ld->leap)) == -1)
		return -1;
	day = yr->start[i] + ld->day - 1;
	if (day >= yr->start[i + 1])
		return -1;
	t = util_civil_from_days(day);
	if (t.y < LUNAR_MIN_YEAR || t.y > LUNAR_MAX_YEAR)
		return -1;
	*y = t.y;
	*m = t.m;
	*d = t.d;
	return 0;
}

int
lunar_leap_month(struct lunar_cal *cal, int lunar_year)
{
	if (!lyear_in_range(lunar_year))
		return -1;
	return get_year(cal, lunar_year)->leapmon;
}

int
lunar_month_days(struct lunar_cal *cal, int lunar_year, int month, int leap)
{
	const struct lunar_year *yr;
	int i;

	if (!lyear_in_range(lunar_year))
		return 0;
	yr = get_year(cal, lunar_year);
	if ((i = month_index(yr, month, leap)) == -1)
		return 0;
	return yr->start[i + 1] - yr->start[i];
}

int
lunar_can_chi(int lunar_year, char *buf, size_t len)
{
	int n;

	if (lunar_year < 0)
		return -1;
	/* Reduce first: lunar_year + 6 overflows near INT_MAX. */
	n = snprintf(buf, len, "%s %s", can[(lunar_year % 10 + 6) % 10],
	    chi[(lunar_year % 12 + 8) % 12]);
	if (n < 0 || (size_t)n >= len)
		return -1;
	return 0;
}

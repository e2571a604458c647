/*
 * Occurrences of observances in a date range.  Gregorian rules are placed
 * per Gregorian year; lunar rules per lunar year through lunar.c, since a
 * lunar date can fall twice, or not at all, in one Gregorian year.
 * Rows known only to the month occur on its 1st, flagged.  The titles are
 * in rules_title.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lunar.h"
#include "rules.h"

static const char *const kind_names[KIND_COUNT] = {
	"relation", "partnership", "national-day", "commemoration",
	"festival", "new-year", "local"
};

static const char *const milestone_names[] = {
	"none", "round", "decade", "jubilee"
};

static const char *const dow_names[] = {
	"sun", "mon", "tue", "wed", "thu", "fri", "sat"
};

void
rules_opts_init(struct rules_opts *o)
{
	int k;

	memset(o, 0, sizeof(*o));
	for (k = 0; k < KIND_COUNT; k++)
		o->milestones[k] = MILESTONE_ALL;
}

int
rules_in_group(const struct group_set *g, const char *group,
    const char *country, int year)
{
	size_t i;

	for (i = 0; g != NULL && i < g->n; i++)
		if (strcmp(g->v[i].country, country) == 0 &&
		    strcmp(g->v[i].group, group) == 0)
			return g->v[i].since <= year;
	return 0;
}

const char *
rules_kind_name(enum kind k)
{
	return (unsigned)k < KIND_COUNT ? kind_names[k] : "?";
}

const char *
rules_kind_label(enum kind k, enum lang lang)
{
	static const char *const vi[KIND_COUNT] = {
		"Quan hệ ngoại giao", "Quan hệ đối tác", "Quốc khánh",
		"Kỷ niệm", "Lễ hội", "Năm mới", "Sự kiện địa phương",
	};
	static const char *const en[KIND_COUNT] = {
		"Diplomatic relations", "Partnership", "National day",
		"Commemoration", "Festival", "New year", "Local event",
	};

	if ((unsigned)k >= KIND_COUNT)
		return "";
	return lang == LANG_EN ? en[k] : vi[k];
}

int
rules_kind_parse(const char *name)
{
	int k;

	for (k = 0; k < KIND_COUNT; k++)
		if (strcmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

const char *
rules_milestone_name(enum milestone m)
{
	return (unsigned)m < NELEM(milestone_names) ? milestone_names[m] : "?";
}

/*
 * The one vocabulary of the classes, as the reports write it: năm chẵn
 * (a multiple of 5), năm tròn (of 10), đại lễ (25, 50, 75, 100...).
 */
const char *
rules_milestone_label(enum milestone m, enum lang lang, int capital)
{
	static const char *const label[2][2][4] = {
		{ { "", "năm chẵn", "năm tròn", "đại lễ" },
		  { "", "Năm chẵn", "Năm tròn", "Đại lễ" } },
		{ { "", "round", "decade", "jubilee" },
		  { "", "Round", "Decade", "Jubilee" } },
	};

	if ((unsigned)m >= NELEM(label[0][0]))
		return "";
	return label[lang == LANG_EN][capital != 0][m];
}

int
rules_milestone_parse(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(milestone_names); i++)
		if (strcmp(name, milestone_names[i]) == 0)
			return (int)i;
	return -1;
}

enum milestone
rules_milestone(int n)
{
	if (n <= 0 || n % 5 != 0)
		return MILESTONE_NONE;
	if (n % 25 == 0)
		return MILESTONE_JUBILEE;
	if (n % 10 == 0)
		return MILESTONE_DECADE;
	return MILESTONE_ROUND;
}

int
rules_is_milestone(const struct rules_opts *o, const struct occurrence *oc)
{
	if (oc->milestone == MILESTONE_NONE)
		return 0;
	return (o->milestones[oc->obs->kind] >> oc->milestone) & 1;
}

int
rules_has_tag(const struct observance *obs, const char *tag)
{
	const char *p = obs->tags;
	size_t n = strlen(tag);

	while (p != NULL && *p != '\0') {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == n && strncmp(p, tag, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

/* Parse exactly n digits at s; -1 if any is not a digit. */
static int
num(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (!isdigit((unsigned char)*s))
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

static int
parse_lunar(const char *s, struct rule *r, const char **err)
{
	size_t len;

	r->type = RULE_LUNAR;
	len = strcspn(s, " ");
	if (len == 10 && s[4] == '-' && s[7] == '-') {
		r->base_year = num(s, 4);
		s += 5;
		len = 5;
	}
	if (len != 5 || s[2] != '-' || r->base_year < 0) {
		*err = "lunar date must be 'lunar MM-DD' or 'lunar YYYY-MM-DD'";
		return -1;
	}
	r->month = num(s, 2);
	r->day = num(s + 3, 2);
	if (r->month < 1 || r->month > 12 || r->day < 1 || r->day > 30) {
		*err = "lunar month must be 1-12 and day 1-30";
		return -1;
	}
	s += 5;
	if (strcmp(s, " leap") == 0)
		r->leap = 1;
	else if (*s != '\0') {
		*err = "unexpected text after lunar date (only ' leap')";
		return -1;
	}
	return 0;
}

static int
parse_weekday(const char *s, struct rule *r, const char **err)
{
	size_t i;
	long nth;

	*err = "weekday rule must be 'MM DOW#N' (e.g. '06 sat#2')";
	r->type = RULE_WEEKDAY;
	r->month = num(s, 2);
	if (r->month < 1 || r->month > 12 || s[2] != ' ' ||
	    strlen(s) < 7 || s[6] != '#')
		return -1;
	for (i = 0; i < NELEM(dow_names); i++)
		if (strncmp(s + 3, dow_names[i], 3) == 0)
			break;
	if (i == NELEM(dow_names) ||
	    util_parse_int(s + 7, -1, 5, &nth) == -1 || nth == 0)
		return -1;
	r->weekday = (int)i;
	r->nth = (int)nth;
	return 0;
}

static int
parse_gregorian(const char *s, struct rule *r, const char **err)
{
	size_t len = strlen(s);
	struct ymd t;

	if (len == 10) {
		if (util_parse_ymd(s, &t) == -1) {
			*err = "no such date (want YYYY-MM-DD)";
			return -1;
		}
		r->type = RULE_FIXED;
		r->base_year = t.y;
		r->month = t.m;
		r->day = t.d;
		return 0;
	}
	if (len == 5 && s[2] == '-') {
		r->type = RULE_FIXED;
		r->month = num(s, 2);
		r->day = num(s + 3, 2);
		/* 2000 is a leap year, so 02-29 is accepted. */
		if (r->month < 1 || !util_valid_date(2000, r->month, r->day)) {
			*err = "no such day (want MM-DD)";
			return -1;
		}
		return 0;
	}
	if ((len == 7 && s[4] == '-' && num(s, 4) > 0 && num(s + 5, 2) >= 1 &&
	    num(s + 5, 2) <= 12) || (len == 4 && num(s, 4) > 0)) {
		r->type = RULE_UNDATED;
		r->precision = len == 4 ? 1 : 2;
		r->base_year = num(s, 4);
		if (len == 7)
			r->month = num(s + 5, 2);
		return 0;
	}
	*err = "unrecognised date (want YYYY-MM-DD, MM-DD, 'lunar MM-DD' "
	    "or 'MM DOW#N')";
	return -1;
}

int
rules_parse(const char *spec, struct rule *out, const char **err)
{
	memset(out, 0, sizeof(*out));
	if (*spec == '\0') {
		out->type = RULE_UNDATED;
		return 0;
	}
	if (strncmp(spec, "lunar ", 6) == 0)
		return parse_lunar(spec + 6, out, err);
	if (strlen(spec) > 3 && spec[2] == ' ')
		return parse_weekday(spec, out, err);
	return parse_gregorian(spec, out, err);
}

/* The day of the nth (or last, nth = -1) weekday wd in y-m. */
static int
nth_weekday(int y, int m, int wd, int nth)
{
	int first = util_weekday(y, m, 1);
	int d = 1 + (wd - first + 7) % 7;
	int last = util_month_days(y, m);

	if (nth > 0) {
		d += 7 * (nth - 1);
		return d <= last ? d : 0;
	}
	while (d + 7 <= last)
		d += 7;
	return d;
}

/*
 * Where a rule falls in anchor year y (Gregorian; lunar year for lunar
 * rules).  Returns 1 and sets *t, 0 if it does not fall that year, -1 on
 * a lunar conversion error.
 */
static int
place(const struct rules_opts *o, struct lunar_cal *lunar,
    const struct rule *r, int y, struct ymd *t)
{
	struct lunar_date ld;
	int days;

	switch (r->type) {
	case RULE_FIXED:
		t->y = y, t->m = r->month, t->d = r->day;
		if (r->month == 2 && r->day == 29 && !util_is_leap(y)) {
			if (o->feb29_mar1)
				t->m = 3, t->d = 1;
			else
				t->d = 28;
		}
		return 1;
	case RULE_WEEKDAY:
		t->y = y, t->m = r->month;
		t->d = nth_weekday(y, r->month, r->weekday, r->nth);
		return t->d > 0;
	case RULE_LUNAR:
		if (y < LUNAR_MIN_YEAR || y >= LUNAR_MAX_YEAR)
			return 0;
		ld.year = y, ld.month = r->month, ld.day = r->day;
		/* A leap-month date in a year without that leap month is kept
		 * in the ordinary month; day 30 of a 29-day month on the 29th,
		 * as families do for death anniversaries. */
		ld.leap = r->leap && lunar_leap_month(lunar, y) == r->month;
		days = lunar_month_days(lunar, y, ld.month, ld.leap);
		if (days == 0)
			return -1;
		if (ld.day > days)
			ld.day = days;
		if (lunar_to_solar(lunar, &ld, &t->y, &t->m, &t->d) == -1)
			return -1;
		return 1;
	case RULE_UNDATED:
		/* Known to the month: on its 1st, flagged by the caller. */
		if (r->precision != 2)
			break;
		t->y = y, t->m = r->month, t->d = 1;
		return 1;
	}
	return 0;
}

static void
occ_push(struct occ_list *l, const struct occurrence *oc)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = *oc;
}

void
occ_list_release(struct occ_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static const struct dated *
dated_for(const struct observance *obs, int y)
{
	size_t i;

	for (i = 0; i < obs->ndates; i++)
		if (obs->dates[i].year == y)
			return &obs->dates[i];
	return NULL;
}

/* One observance's occurrences in [from, to]. */
static int
occur(const struct rules_opts *o, struct lunar_cal *lunar,
    const struct observance *obs, struct ymd from, struct ymd to,
    struct occ_list *out)
{
	const struct dated *dt;
	struct occurrence oc;
	int y, rc;

	for (y = from.y - 1; y <= to.y; y++) {
		memset(&oc, 0, sizeof(oc));
		oc.obs = obs;
		oc.days = obs->days > 0 ? obs->days : 1;
		oc.precision = rules_precision(obs);
		if ((dt = dated_for(obs, y)) != NULL) {
			oc.date = dt->start;
			oc.days = (int)(util_days_from_civil(dt->end.y,
			    dt->end.m, dt->end.d) - util_days_from_civil(
			    dt->start.y, dt->start.m, dt->start.d)) + 1;
		} else if ((rc = place(o, lunar, &obs->rule, y,
		    &oc.date)) <= 0) {
			if (rc == -1)
				return -1;
			continue;
		}
		if (obs->rule.base_year > 0) {
			oc.n = y - obs->rule.base_year;
			if (oc.n <= 0)
				continue;
			oc.milestone = rules_milestone(oc.n);
		}
		if (util_ymd_cmp(oc.date, from) >= 0 &&
		    util_ymd_cmp(oc.date, to) <= 0)
			occ_push(out, &oc);
	}
	return 0;
}

static int
occ_cmp(const void *a, const void *b)
{
	const struct occurrence *x = a, *y = b;
	int c = util_ymd_cmp(x->date, y->date);

	return c != 0 ? c : strcmp(x->obs->key, y->obs->key);
}

static int
obs_key_cmp(const void *a, const void *b)
{
	const struct observance *const *x = a, *const *y = b;

	return strcmp((*x)->key, (*y)->key);
}

/*
 * Order v[0..n) by date with a counting sort over the window's days.  The
 * occurrences were made from observances in key order, and the sort is
 * stable, so equal dates stay in key order: the order occ_cmp() defines,
 * in linear time (a comparison sort of a million occurrences spent three
 * quarters of the engine's time in the comparator).
 */
static void
occ_sort_by_day(struct occurrence *v, size_t n, struct ymd from, long span)
{
	struct occurrence *tmp = xcalloc(n, sizeof(*tmp));
	size_t *pos = xcalloc((size_t)span + 1, sizeof(*pos));
	long base = util_days_from_civil(from.y, from.m, from.d);
	size_t i, sum = 0, c;
	long d;

	for (i = 0; i < n; i++)
		pos[util_days_from_civil(v[i].date.y, v[i].date.m,
		    v[i].date.d) - base]++;
	for (d = 0; d <= span; d++) {
		c = pos[d];
		pos[d] = sum;
		sum += c;
	}
	for (i = 0; i < n; i++)
		tmp[pos[util_days_from_civil(v[i].date.y, v[i].date.m,
		    v[i].date.d) - base]++] = v[i];
	memcpy(v, tmp, n * sizeof(*v));
	free(pos);
	free(tmp);
}

int
rules_occurrences(const struct rules_opts *o, struct lunar_cal *lunar,
    struct observance *const *obs, size_t nobs, struct ymd from,
    struct ymd to, struct occ_list *out)
{
	struct observance **byk = NULL;
	size_t i, n, start = out->n;
	long span;
	int ret = -1;

	if (nobs > 0) {
		byk = xcalloc(nobs, sizeof(*byk));
		memcpy(byk, obs, nobs * sizeof(*byk));
		qsort(byk, nobs, sizeof(*byk), obs_key_cmp);
	}
	for (i = 0; i < nobs; i++)
		if (occur(o, lunar, byk[i], from, to, out) == -1)
			goto done;
	n = out->n - start;
	span = util_days_from_civil(to.y, to.m, to.d) -
	    util_days_from_civil(from.y, from.m, from.d);
	/* A window far wider than its occurrences is cheaper compared. */
	if (n > 0 && span >= 0 && (size_t)span <= 4 * n + 4096)
		occ_sort_by_day(out->v + start, n, from, span);
	else if (n > 0)		/* qsort(NULL, 0) is undefined */
		qsort(out->v + start, n, sizeof(*out->v), occ_cmp);
	ret = 0;
done:
	free(byk);
	return ret;
}

void
rules_undated(struct observance *const *obs, size_t nobs, int year,
    struct occ_list *out)
{
	struct occurrence oc;
	size_t i;

	for (i = 0; i < nobs; i++) {
		if (rules_precision(obs[i]) != PREC_YEAR ||
		    obs[i]->rule.base_year <= 0 ||
		    year <= obs[i]->rule.base_year)
			continue;
		memset(&oc, 0, sizeof(oc));
		oc.obs = obs[i];
		oc.date = (struct ymd){ year, 1, 1 };
		oc.days = 1;
		oc.n = year - obs[i]->rule.base_year;
		oc.milestone = rules_milestone(oc.n);
		oc.precision = PREC_YEAR;
		occ_push(out, &oc);
	}
}

void
occ_list_drop_partial(struct occ_list *l)
{
	size_t i, keep = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].precision == PREC_DAY)
			l->v[keep++] = l->v[i];
	l->n = keep;
}

struct ymd
rules_last_day(const struct occurrence *oc)
{
	struct ymd d = oc->date;

	if (oc->precision == PREC_YEAR)
		d.m = 12;
	if (oc->precision != PREC_DAY)
		d.d = util_month_days(d.y, d.m);
	return d;
}

enum precision
rules_precision(const struct observance *obs)
{
	if (obs->rule.type != RULE_UNDATED)
		return PREC_DAY;
	return obs->rule.precision == 2 ? PREC_MONTH : PREC_YEAR;
}

static const char *const confidence_names[] = { "confirmed",
	"single-source", "recalled" };
static const char *const precision_names[] = { "day", "month", "year" };

enum confidence
rules_confidence(const struct observance *obs)
{
	size_t i;

	if (obs->confidence == NULL || obs->confidence[0] == '\0')
		return CONF_CONFIRMED;
	for (i = 0; i < NELEM(confidence_names); i++)
		if (strcmp(obs->confidence, confidence_names[i]) == 0)
			return (enum confidence)i;
	return CONF_RECALLED;
}

const char *
rules_confidence_name(enum confidence c)
{
	return (unsigned)c < NELEM(confidence_names) ? confidence_names[c] :
	    "?";
}

const char *
rules_precision_name(enum precision p)
{
	return (unsigned)p < NELEM(precision_names) ? precision_names[p] : "?";
}

static void
observance_release(struct observance *obs)
{
	free(obs->key);
	free(obs->spec);
	free(obs->name_en);
	free(obs->name_vi);
	free(obs->level);
	free(obs->country_en);
	free(obs->country_vi);
	free(obs->formal_en);
	free(obs->formal_vi);
	free(obs->title_en);
	free(obs->title_vi);
	free(obs->tags);
	free(obs->source);
	free(obs->confidence);
	free(obs->note);
	free(obs->dates);
	memset(obs, 0, sizeof(*obs));
}

void
observance_free(struct observance *obs)
{
	if (obs == NULL)
		return;
	observance_release(obs);
	free(obs);
}

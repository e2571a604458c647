/*
 * The words of occurrences: the full title that lists, plans, pages and
 * mail print, in the phrasing of the unions' own reports (shared/seeds);
 * the short title of a feed's SUMMARY; dates at their precision; the
 * unverified marker.  Part of the rules module (rules.h); pure text.
 */
#include <ctype.h>
#include <string.h>

#include "lunar.h"
#include "rules.h"
#include "vntime.h"

void
rules_ordinal(int n, struct buf *out)
{
	const char *suf = "th";

	if (n % 100 < 11 || n % 100 > 13) {
		if (n % 10 == 1)
			suf = "st";
		else if (n % 10 == 2)
			suf = "nd";
		else if (n % 10 == 3)
			suf = "rd";
	}
	buf_printf(out, "%d%s", n, suf);
}

/* Append s with its first letter upper-cased (ASCII only: the phrases'
 * first letters are ASCII or already capitals); English loses a leading
 * "the " first when drop_the. */
static void
put_capitalised(struct buf *out, const char *s, int drop_the)
{
	if (s == NULL || *s == '\0')
		return;
	if (drop_the && strncmp(s, "the ", 4) == 0)
		s += 4;
	buf_putc(out, toupper((unsigned char)*s));
	buf_puts(out, s + 1);
}

static const char *
level_name(const char *level, enum lang lang)
{
	if (level == NULL)
		return "";
	if (strcmp(level, "comprehensive-strategic") == 0)
		return lang == LANG_EN ? "Comprehensive Strategic Partnership" :
		    "Đối tác Chiến lược Toàn diện";
	if (strcmp(level, "strategic") == 0)
		return lang == LANG_EN ? "Strategic Partnership" :
		    "Đối tác Chiến lược";
	return lang == LANG_EN ? "Comprehensive Partnership" :
	    "Đối tác Toàn diện";
}

static const char *
country_name(const struct observance *obs, enum lang lang)
{
	const char *cn = lang == LANG_EN ? obs->country_en : obs->country_vi;

	return cn != NULL ? cn : obs->country;
}

void
rules_put_country(const char *cn, enum lang lang, struct buf *out)
{
	static const char *const words[] = { "Republic", "Kingdom", "Union",
	    "States", "Islands", "Emirates" };
	static const char *const plural[] = { "Bahamas", "Comoros",
	    "Gambia", "Maldives", "Netherlands", "Philippines", "Seychelles" };
	size_t i;
	int the = 0;

	for (i = 0; lang == LANG_EN && i < NELEM(words); i++)
		the |= strstr(cn, words[i]) != NULL;
	for (i = 0; lang == LANG_EN && i < NELEM(plural); i++)
		the |= strcmp(cn, plural[i]) == 0;
	if (the && strncmp(cn, "the ", 4) != 0 && strncmp(cn, "The ", 4) != 0)
		buf_puts(out, "the ");
	buf_puts(out, cn);
}

static const char *
formal(const struct observance *obs, enum lang lang)
{
	const char *f = lang == LANG_EN ? obs->formal_en : obs->formal_vi;

	if (f != NULL && *f != '\0')
		return f;
	return country_name(obs, lang);
}

static const char *
name_of(const struct observance *obs, enum lang lang)
{
	return lang == LANG_EN ? obs->name_en : obs->name_vi;
}

/*
 * A national day with a holiday name of its own ("ngày Thống nhất nước
 * Đức"): the phrase as it is after "Kỷ niệm N năm", or alone with a capital
 * (and without English's leading "the").  0 when the row has none.
 */
static int
holiday_title(const struct observance *obs, enum lang lang, int counted,
    struct buf *out)
{
	const char *t = lang == LANG_EN ? obs->title_en : obs->title_vi;

	if (t == NULL || *t == '\0')
		return 0;
	if (counted)
		buf_puts(out, t);
	else
		put_capitalised(out, t, lang == LANG_EN);
	return 1;
}

/* The subject phrase: what "Kỷ niệm N năm" / "Nth anniversary of" take. */
static void
subject(const struct observance *obs, enum lang lang, int counted,
    struct buf *out)
{
	const char *cn = country_name(obs, lang);

	switch (obs->kind) {
	case KIND_RELATION:
		if (lang == LANG_EN)
			buf_printf(out, "Vietnam–%s diplomatic relations", cn);
		else
			buf_printf(out, "%s quan hệ ngoại giao Việt Nam – %s",
			    counted ? "thiết lập" : "Thiết lập", cn);
		return;
	case KIND_PARTNERSHIP:
		if (lang == LANG_EN)
			buf_printf(out, "%s Vietnam–%s %s",
			    counted ? "the" : "The", cn,
			    level_name(obs->level, lang));
		else
			buf_printf(out, "%s %s Việt Nam – %s",
			    counted ? "quan hệ" : "Quan hệ",
			    level_name(obs->level, lang), cn);
		return;
	case KIND_NATIONAL_DAY:
		if (holiday_title(obs, lang, counted, out))
			return;
		if (lang == LANG_EN) {
			buf_puts(out, counted ? "the National Day of " :
			    "National Day of ");
			rules_put_country(counted ? formal(obs, lang) : cn,
			    lang, out);
		} else
			buf_printf(out, "Quốc khánh %s",
			    counted ? formal(obs, lang) : cn);
		return;
	default:
		if (counted)
			buf_puts(out, name_of(obs, lang));
		else
			put_capitalised(out, name_of(obs, lang), 0);
		return;
	}
}

/* 1 if the text from start ends with a bracketed phrase after a space:
 * "Tết cổ truyền Bunpimay (Lào)", not "@SUM(A1)". */
static int
ends_in_bracket(const struct buf *b, size_t start)
{
	size_t i = b->len;
	int depth = 0;

	if (i <= start || b->data[i - 1] != ')')
		return 0;
	while (i-- > start) {
		if (b->data[i] == ')')
			depth++;
		else if (b->data[i] == '(' && --depth == 0)
			return i > start && b->data[i - 1] == ' ';
	}
	return 0;
}

/*
 * Tết carries its year's name, as the reports write it: "Tết Nguyên đán
 * Giáp Thìn" (then the year in a full title); in English inside the
 * name's bracket ("Vietnamese Lunar New Year (Tết Giáp Thìn)").  The
 * Gregorian year of lunar 1/1 is its lunar year.
 */
static void
year_name(const struct occurrence *oc, int full, struct buf *out)
{
	const struct rule *r = &oc->obs->rule;
	char cc[32];

	if (r->type != RULE_LUNAR || r->month != 1 || r->day != 1 ||
	    r->leap || oc->n > 0 || lunar_can_chi(oc->date.y, cc,
	    sizeof(cc)) == -1)
		return;
	if (ends_in_bracket(out, 0)) {
		out->data[--out->len] = '\0';
		buf_printf(out, " %s)", cc);
		return;
	}
	buf_printf(out, " %s", cc);
	if (full)
		buf_printf(out, " %d", oc->date.y);
}

void
rules_format_date(const struct occurrence *oc, enum lang lang,
    struct buf *out)
{
	switch (oc->precision) {
	case PREC_DAY:
		vntime_format_date(oc->date, lang, out);
		return;
	case PREC_MONTH:
		vntime_format_month(oc->date.y, oc->date.m, lang, out);
		return;
	case PREC_YEAR:
		buf_printf(out, "%d", oc->date.y);
		return;
	}
}

/* The base date of a counted rule at the occurrence's precision. */
static void
base_date(const struct occurrence *oc, enum lang lang, struct buf *out)
{
	const struct rule *r = &oc->obs->rule;
	struct occurrence base = *oc;

	base.date = (struct ymd){ r->base_year, r->month ? r->month : 1,
	    r->day ? r->day : 1 };
	rules_format_date(&base, lang, out);
}

/* The inside of the title's bracket: "21/9/1973 – 21/9/2023", "6/2013 –
 * 6/2023", "10/2/2024, 1/1 âm lịch", "13 – 16/4/2024" (a span as the
 * report writes it, vntime_format_range()). */
static void
span(const struct occurrence *oc, enum lang lang, struct buf *out)
{
	const struct rule *r = &oc->obs->rule;

	if (oc->n > 0 && (r->type == RULE_FIXED || oc->precision !=
	    PREC_DAY)) {
		base_date(oc, lang, out);
		buf_puts(out, " – ");
	}
	if (r->type != RULE_LUNAR && oc->days > 1 && oc->n == 0 &&
	    oc->precision == PREC_DAY) {
		vntime_format_range(oc->date, util_ymd_add_days(oc->date,
		    oc->days - 1), lang, out);
		return;
	}
	rules_format_date(oc, lang, out);
	if (r->type == RULE_LUNAR) {
		buf_printf(out, lang == LANG_EN ? ", lunar %d/%d" :
		    ", %d/%d âm lịch", r->day, r->month);
		return;
	}
	if (oc->days > 1 && oc->n == 0) {
		buf_puts(out, " – ");
		vntime_format_date(util_ymd_add_days(oc->date, oc->days - 1),
		    lang, out);
	}
}

void
rules_title(const struct occurrence *oc, enum lang lang, struct buf *out)
{
	size_t start = out->len;

	if (oc->n > 0) {
		if (lang == LANG_EN) {
			rules_ordinal(oc->n, out);
			buf_puts(out, " anniversary of ");
		} else
			buf_printf(out, "Kỷ niệm %d năm ", oc->n);
	}
	subject(oc->obs, lang, oc->n > 0, out);
	year_name(oc, 1, out);
	/* One pair of brackets: a name that ends in its own takes the
	 * dates inside it. */
	if (ends_in_bracket(out, start)) {
		out->data[--out->len] = '\0';
		buf_puts(out, ", ");
	} else
		buf_puts(out, " (");
	span(oc, lang, out);
	buf_puts(out, ")");
}

/* A name without a trailing " (Country)" that the short title's prefix
 * already says: "Tết cổ truyền Bunpimay (Lào)" after "Lào: ". */
static void
put_name_without(struct buf *out, const char *name, const char *cn,
    int capital)
{
	size_t n = strlen(name), c = strlen(cn);
	struct buf t;

	buf_init(&t);
	if (c > 0 && n > c + 3 && name[n - 1] == ')' &&
	    strncmp(name + n - c - 1, cn, c) == 0 &&
	    strncmp(name + n - c - 3, " (", 2) == 0)
		buf_add(&t, name, n - c - 3);
	else
		buf_puts(&t, name);
	if (capital)
		put_capitalised(out, t.data, 1);
	else
		buf_puts(out, t.data);
	buf_release(&t);
}

/* "55 năm quan hệ ngoại giao" / "55 years of diplomatic relations" and
 * the partnerships' "10 năm Đối tác Chiến lược". */
static void
short_relation(const struct occurrence *oc, enum lang lang,
    struct buf *out)
{
	const struct observance *o = oc->obs;
	const char *what = o->kind == KIND_RELATION ? (lang == LANG_EN ?
	    "diplomatic relations" : "quan hệ ngoại giao") :
	    level_name(o->level, lang);

	if (oc->n <= 0)
		put_capitalised(out, what, 0);
	else if (lang == LANG_EN)
		buf_printf(out, "%d years of %s", oc->n, what);
	else
		buf_printf(out, "%d năm %s", oc->n, what);
}

/*
 * A counted occasion of Vietnam's own, led by the occasion as a foreign
 * one is led by its country: "Quốc khánh: 81 năm", "Bác sĩ Alexandre
 * Yersin: 163 năm ngày sinh" / "National Day: 81 years", "Dr Alexandre
 * Yersin: birth, 163 years".  A birth or a death puts the person first;
 * the national day needs no "of Vietnam" in a Vietnamese union's
 * calendar.
 */
static void
short_domestic(const struct occurrence *oc, enum lang lang,
    struct buf *out)
{
	static const struct {
		const char *prefix, *what;
		int whole;	/* 1: the prefix alone is the subject */
	} vi[] = {
		{ "ngày sinh ", "ngày sinh", 0 },
		{ "ngày mất ", "ngày mất", 0 },
		{ "Quốc khánh", NULL, 1 },
	}, en[] = {
		{ "the birth of ", "birth", 0 },
		{ "the death of ", "death", 0 },
		{ "the National Day", NULL, 1 },
	};
	const char *name = name_of(oc->obs, lang), *what = NULL;
	const size_t n = lang == LANG_EN ? NELEM(en) : NELEM(vi);
	size_t i, len;
	struct buf t;

	buf_init(&t);
	buf_puts(&t, name != NULL ? name : "");
	for (i = 0; i < n; i++) {
		const char *p = lang == LANG_EN ? en[i].prefix : vi[i].prefix;

		len = strlen(p);
		if (strncmp(t.data, p, len) != 0)
			continue;
		what = lang == LANG_EN ? en[i].what : vi[i].what;
		t.len = 0;
		buf_puts(&t, (lang == LANG_EN ? en[i].whole : vi[i].whole) ?
		    p : name + len);
		break;
	}
	put_capitalised(out, t.data, 1);
	buf_puts(out, ": ");
	if (lang == LANG_EN && what != NULL)
		buf_printf(out, "%s, ", what);
	buf_printf(out, lang == LANG_EN ? "%d years" : "%d năm", oc->n);
	if (lang != LANG_EN && what != NULL)
		buf_printf(out, " %s", what);
	buf_release(&t);
}

void
rules_short_title(const struct occurrence *oc, enum lang lang,
    struct buf *out)
{
	const struct observance *o = oc->obs;
	const char *cn = country_name(o, lang);
	int en = lang == LANG_EN;

	if (o->country[0] != '\0')
		buf_printf(out, "%s: ", cn);
	switch (o->kind) {
	case KIND_RELATION:
	case KIND_PARTNERSHIP:
		short_relation(oc, lang, out);
		return;
	case KIND_NATIONAL_DAY:
		if (!holiday_title(o, lang, 0, out))
			buf_puts(out, en ? "National Day" : "Quốc khánh");
		break;
	default:
		if (oc->n > 0 && o->country[0] == '\0') {
			short_domestic(oc, lang, out);
			return;
		}
		if (oc->n > 0 && !en)
			buf_printf(out, "%d năm ", oc->n);
		put_name_without(out, name_of(o, lang), o->country[0] ? cn :
		    "", oc->n <= 0 || en);
		year_name(oc, 0, out);
		if (oc->n <= 0 || !en)
			return;
		break;
	}
	if (oc->n > 0)
		buf_printf(out, en ? ", %d years" : ", %d năm", oc->n);
}

void
rules_unverified(const struct observance *obs, enum lang lang,
    struct buf *out)
{
	if (rules_confidence(obs) != CONF_CONFIRMED)
		buf_puts(out, lang == LANG_EN ? " (unverified)" :
		    " (chưa xác minh)");
}

void
rules_subject(const struct observance *obs, enum lang lang, struct buf *out)
{
	subject(obs, lang, 0, out);
}

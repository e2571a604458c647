/*
 * The words of one congratulation letter: its occasion as Vietnam's
 * official messages name it ("kỷ niệm 49 năm Quốc khánh nước Cộng hòa
 * Dân chủ Nhân dân Lào", "Quốc khánh" capitalised as Decree 30/2020/NĐ-CP
 * and the reports write it), the relationship in the words of the
 * statements (calendars/relationship-phrases.csv), and the addressee in
 * the form of address of a Vietnamese or an English diplomatic letter.
 * Which letters there are, and the template, are letter.c's.
 */
#include <string.h>

#include "config.h"
#include "contact.h"
#include "dataset.h"
#include "letter_int.h"
#include "vntime.h"
#include "wording.h"

/* Append s with its first letter in capitals (ASCII: the phrases begin
 * with "the", "ngày", "kỷ" or a capital already). */
static void
put_capital(struct buf *out, const char *s)
{
	if (*s >= 'a' && *s <= 'z') {
		buf_putc(out, *s - 'a' + 'A');
		s++;
	}
	buf_puts(out, s);
}

static int
starts(const char *s, const char *prefix)
{
	return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A republic is "nước Cộng hòa ..." in Vietnamese, as the messages write
 * "Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào"; a kingdom or a state
 * with another name is its name. */
static void
state_name(const struct observance *o, enum lang lang, struct buf *out)
{
	const char *f = lang == LANG_EN ? o->formal_en : o->formal_vi;

	if (f == NULL || *f == '\0')
		f = lang == LANG_EN ? o->country_en : o->country_vi;
	if (f == NULL)
		f = o->country;
	if (lang == LANG_VI && starts(f, "Cộng hòa"))
		buf_puts(out, "nước ");
	buf_puts(out, f);
}

static const char *
country_name(const struct observance *o, enum lang lang)
{
	const char *cn = lang == LANG_EN ? o->country_en : o->country_vi;

	return cn != NULL ? cn : o->country;
}

/* The country's short name in a sentence, with the article English
 * gives some (rules_put_country()). */
static void
put_country(const struct observance *o, enum lang lang, struct buf *out)
{
	rules_put_country(country_name(o, lang), lang, out);
}

/* A day as a letter writes it: "2/12/1975", "2 December 1975". */
static void
day_of(struct ymd d, enum lang lang, struct buf *out)
{
	if (lang == LANG_EN)
		/* The dateline's English form, without a place. */
		vntime_format_dateline(NULL, d, LANG_EN, out);
	else
		vntime_format_date(d, LANG_VI, out);
}

/* "2/12/1975 – 2/12/2024" for a counted day, else its date. */
static void
span(const struct occurrence *oc, enum lang lang, struct buf *out)
{
	const struct rule *r = &oc->obs->rule;
	struct ymd base = { r->base_year, r->month, r->day };

	if (oc->n > 0 && r->type == RULE_FIXED) {
		day_of(base, lang, out);
		buf_puts(out, " – ");
	}
	day_of(oc->date, lang, out);
}

/*
 * The day itself: a national day by its holiday name (holiday-titles.csv)
 * or as "Quốc khánh" / "the National Day of" the state; the establishment
 * of diplomatic relations.  Uncounted, it stands first and takes a
 * capital.
 */
static void
day_name(const struct observance *o, enum lang lang, int counted,
    struct buf *out)
{
	const char *t = lang == LANG_EN ? o->title_en : o->title_vi;
	struct buf b;

	buf_init(&b);
	if (o->kind == KIND_RELATION) {
		buf_puts(&b, lang == LANG_EN ? "the establishment of "
		    "diplomatic relations between Viet Nam and " :
		    "thiết lập quan hệ ngoại giao Việt Nam – ");
		put_country(o, lang, &b);
	} else if (t != NULL && *t != '\0')
		buf_puts(&b, t);
	else {
		buf_puts(&b, lang == LANG_EN ? "the National Day of " :
		    "Quốc khánh ");
		state_name(o, lang, &b);
	}
	if (counted || lang == LANG_EN)
		buf_puts(out, b.data);
	else
		put_capital(out, b.data);
	buf_release(&b);
}

/* "kỷ niệm 49 năm Quốc khánh ...", "the 49th anniversary of the
 * National Day of ...", "Quốc khánh Nhật Bản": the occasion without its
 * dates. */
static void
subject(const struct occurrence *oc, enum lang lang, struct buf *out)
{
	if (oc->n > 0) {
		if (lang == LANG_EN) {
			buf_puts(out, "the ");
			rules_ordinal(oc->n, out);
			buf_puts(out, " anniversary of ");
		} else
			buf_printf(out, "kỷ niệm %d năm ", oc->n);
	}
	day_name(oc->obs, lang, oc->n > 0, out);
}

/* {subject}, the occasion in the "V/v" / "Re:" line: "kỷ niệm 49 năm
 * Quốc khánh ...", "National Day of Japan" (English without its article,
 * a heading's capital). */
static void
subject_line(const struct occurrence *oc, enum lang lang, struct buf *out)
{
	struct buf b;

	if (lang == LANG_VI) {
		subject(oc, lang, out);
		return;
	}
	buf_init(&b);
	subject(oc, lang, &b);
	put_capital(out, b.data + (starts(b.data, "the ") ? 4 : 0));
	buf_release(&b);
}

void
letter_occasion_plain(const struct occurrence *oc, enum lang lang,
    struct buf *out)
{
	subject(oc, lang, out);
	buf_puts(out, " (");
	span(oc, lang, out);
	buf_putc(out, ')');
}

/*
 * The occasion after "Nhân dịp" / "On the occasion of": a national day
 * whose messages name it otherwise (letter-titles.csv: Japan's 23/2)
 * by both names, as TTXVN writes "kỷ niệm ngày sinh của Nhà Vua Nhật
 * Bản, đồng thời là Quốc khánh nước Nhật Bản"; else its own title.
 */
static int
occasion(const struct letter_input *in, const struct occurrence *oc,
    enum lang lang, struct buf *out)
{
	struct buf t;
	int rc = 0;

	buf_init(&t);
	if (oc->obs->kind == KIND_NATIONAL_DAY && oc->n == 0 &&
	    (rc = wording_title(in->st, oc->obs->country, lang, &t)) == 1) {
		buf_printf(out, lang == LANG_EN ? "%s, " :
		    "kỷ niệm %s, đồng thời là ", t.data);
		rc = 0;
	}
	buf_release(&t);
	if (rc == -1)
		return -1;
	letter_occasion_plain(oc, lang, out);
	return 0;
}

/* The words of a partnership level, as the statements write them. */
static const char *
level_words(const char *level, enum lang lang)
{
	if (strcmp(level, "comprehensive-strategic") == 0)
		return lang == LANG_EN ? "the Comprehensive Strategic "
		    "Partnership" : "quan hệ Đối tác chiến lược toàn diện";
	if (strcmp(level, "strategic") == 0)
		return lang == LANG_EN ? "the Strategic Partnership" :
		    "quan hệ Đối tác chiến lược";
	return lang == LANG_EN ? "the Comprehensive Partnership" :
	    "quan hệ Đối tác toàn diện";
}

/* The partnership of country reached last by day, or NULL. */
static const struct observance *
partnership_on(const struct dataset *d, const char *country, struct ymd day)
{
	const struct observance *o, *best = NULL;
	struct ymd since, best_since = { 0, 0, 0 };
	size_t i;

	for (i = 0; i < d->set.n; i++) {
		o = d->set.v[i];
		if (o->kind != KIND_PARTNERSHIP || o->level == NULL ||
		    strcmp(o->country, country) != 0 || o->rule.base_year <= 0)
			continue;
		since = (struct ymd){ o->rule.base_year, o->rule.month ?
		    o->rule.month : 1, o->rule.day ? o->rule.day : 1 };
		if (util_ymd_cmp(since, day) > 0 || (best != NULL &&
		    util_ymd_cmp(since, best_since) <= 0))
			continue;
		best = o;
		best_since = since;
	}
	return best;
}

/* {relationship}: the statements' words on the occasion's day, else the
 * partnership's level, else general words.  0 or -1. */
static int
relationship(const struct letter_input *in, const struct occurrence *oc,
    enum lang lang, struct buf *out)
{
	const struct observance *p;
	int rc;

	rc = wording_phrase(in->st, oc->obs->country, oc->date, lang, out);
	if (rc != 0)
		return rc == 1 ? 0 : -1;
	if ((p = partnership_on(in->data, oc->obs->country, oc->date)) !=
	    NULL)
		buf_puts(out, level_words(p->level, lang));
	else
		buf_puts(out, lang == LANG_EN ? "the friendship and "
		    "cooperation" : "quan hệ hữu nghị và hợp tác");
	return 0;
}

/* The place after the last " tại " (" in ") of a mission's name, else
 * its city, else Viet Nam. */
static void
place_of(const struct contact *c, enum lang lang, struct buf *out)
{
	const char *name = lang == LANG_EN ? c->name_en : c->name_vi;
	const char *sep = lang == LANG_EN ? " in " : " tại ", *p, *last = NULL;

	for (p = name; p != NULL && (p = strstr(p, sep)) != NULL; p++)
		last = p;
	if (last != NULL)
		buf_puts(out, last + strlen(sep));
	else if (c->city != NULL && lang == LANG_VI)
		buf_puts(out, c->city);
	else
		buf_puts(out, lang == LANG_EN ? "Viet Nam" : "Việt Nam");
}

static int
is_mission(const struct contact *c)
{
	return contact_kind_index(c->kind) < CONTACT_MISSIONS;
}

/* The head's office in a mission: "Đại sứ Đặc mệnh toàn quyền",
 * "Consul General". */
static const char *
office(const struct contact *c, enum lang lang)
{
	if (strcmp(c->kind, "embassy") == 0)
		return lang == LANG_EN ? "Ambassador Extraordinary and "
		    "Plenipotentiary" : "Đại sứ Đặc mệnh toàn quyền";
	if (strcmp(c->kind, "consulate-general") == 0)
		return lang == LANG_EN ? "Consul General" : "Tổng Lãnh sự";
	return lang == LANG_EN ? "Consul" : "Lãnh sự";
}

/*
 * 1 if the contact's head is a person ("His Excellency Mr ITO Naoki",
 * "Ngài ITO Naoki"), 0 if it is the office only ("His/Her Excellency the
 * Ambassador", "Ngài Đại sứ", "Consul General"), as calendars/ ships it.
 */
static int
named(const struct contact *c, enum lang lang)
{
	static const char *const en[] = { "His Excellency ", "Her Excellency ",
	    "Mr ", "Ms ", "Mrs ", "Madam ", "Dr " };
	static const char *const offices[] = { "Đại sứ", "Tổng Lãnh sự",
	    "Lãnh sự", "Trưởng" };
	const char *h = lang == LANG_EN ? c->head_title_en : c->head_title_vi;
	size_t i;

	if (h == NULL)
		return 0;
	if (lang == LANG_EN) {
		for (i = 0; i < NELEM(en); i++)
			if (starts(h, en[i]))
				return strstr(h, " the ") == NULL;
		return 0;
	}
	if (starts(h, "Ngài "))
		h += strlen("Ngài ");
	else if (starts(h, "Bà ") || starts(h, "Ông "))
		h += strlen(starts(h, "Bà ") ? "Bà " : "Ông ");
	else
		return 0;
	for (i = 0; i < NELEM(offices); i++)
		if (starts(h, offices[i]))
			return 0;
	return 1;
}

/*
 * The addressee: "Ngài Đại sứ Đặc mệnh toàn quyền nước Cộng hòa Dân chủ
 * Nhân dân Lào tại Việt Nam", "Ngài ITO Naoki, Đại sứ ...", "His
 * Excellency Mr ITO Naoki, Ambassador Extraordinary and Plenipotentiary
 * of Japan to Viet Nam", "The Ambassador Extraordinary and
 * Plenipotentiary of Japan to Viet Nam" when the head is not known; an
 * association or organisation by its head and its name.
 */
static void
addressee(const struct contact *c, const struct observance *o,
    enum lang lang, struct buf *out)
{
	const char *head = lang == LANG_EN ? c->head_title_en :
	    c->head_title_vi;
	int en = lang == LANG_EN;

	if (!is_mission(c)) {
		if (head != NULL && (named(c, lang) || !en))
			buf_printf(out, en ? "%s, " : "%s ", head);
		buf_puts(out, en ? c->name_en : c->name_vi);
		return;
	}
	if (named(c, lang))
		buf_printf(out, "%s, %s", head, office(c, lang));
	else if (en)
		buf_printf(out, "The %s", office(c, lang));
	else
		buf_printf(out, "%s %s", starts(head, "Bà ") ? "Bà" : "Ngài",
		    office(c, lang));
	buf_puts(out, en ? " of " : " ");
	state_name(o, lang, out);
	if (strcmp(c->kind, "embassy") == 0) {
		buf_puts(out, en ? " to Viet Nam" : " tại Việt Nam");
		return;
	}
	buf_puts(out, en ? " in " : " tại ");
	place_of(c, lang, out);
}

/* {head}, whom the body speaks to: "Ngài Đại sứ", "Ngài Tổng Lãnh sự";
 * in English "Your Excellency" to an ambassador, else "you". */
static void
head_of(const struct contact *c, enum lang lang, struct buf *out)
{
	const char *head = lang == LANG_EN ? c->head_title_en :
	    c->head_title_vi;

	if (lang == LANG_EN) {
		buf_puts(out, strcmp(c->kind, "embassy") == 0 ||
		    starts(head, "His") || starts(head, "Her") ?
		    "Your Excellency" : "you");
		return;
	}
	if (is_mission(c) && (head == NULL || named(c, lang)))
		buf_printf(out, "%s %s", starts(head, "Bà ") ? "Bà" : "Ngài",
		    strcmp(c->kind, "embassy") == 0 ? "Đại sứ" :
		    office(c, lang));
	else
		buf_puts(out, head != NULL ? head : c->name_vi);
}

/* {dear}, the English salutation: "Your Excellency", "Dear Consul
 * General"; in Vietnamese the same as {head}. */
static void
dear_of(const struct contact *c, enum lang lang, struct buf *out)
{
	if (lang == LANG_VI) {
		head_of(c, lang, out);
		return;
	}
	if (strcmp(c->kind, "embassy") == 0 || starts(c->head_title_en,
	    "His") || starts(c->head_title_en, "Her"))
		buf_puts(out, "Your Excellency");
	else if (is_mission(c))
		buf_printf(out, "Dear %s", office(c, lang));
	else
		buf_puts(out, "Dear Sir or Madam");
}

/* {org}: the union's name; in English with its article ("on behalf of
 * the Khanh Hoa Union of Friendship Organisations"). */
static void
org_of(const struct config *cfg, enum lang lang, struct buf *out)
{
	const char *n = lang == LANG_EN ? cfg->org_name_en : cfg->org_name;

	if (lang == LANG_EN) {
		if (!starts(n, "the ") && !starts(n, "The "))
			buf_puts(out, "the ");
		buf_puts(out, n != NULL ? n : "Union of Friendship "
		    "Organisations");
		return;
	}
	buf_puts(out, n != NULL ? n : "Liên hiệp các tổ chức hữu nghị");
}

int
letter_values_fill(struct letter_values *vs, const struct letter_input *in,
    const struct occurrence *oc, const struct contact *c, enum lang lang)
{
	const struct observance *o = oc->obs;
	struct buf *b = vs->b;
	int i, ret = 0;

	for (i = 0; i < LV_COUNT; i++)
		buf_init(&b[i]);
	if (occasion(in, oc, lang, &b[LV_OCCASION]) == -1 ||
	    relationship(in, oc, lang, &b[LV_RELATIONSHIP]) == -1)
		ret = -1;
	subject_line(oc, lang, &b[LV_SUBJECT]);
	if (oc->n > 0)
		buf_printf(&b[LV_YEARS], "%d", oc->n);
	day_of(oc->date, lang, &b[LV_DATE]);
	buf_printf(&b[LV_YEAR], "%d", oc->date.y);
	put_country(o, lang, &b[LV_COUNTRY]);
	state_name(o, lang, &b[LV_STATE]);
	buf_puts(&b[LV_MISSION], lang == LANG_EN ? c->name_en : c->name_vi);
	head_of(c, lang, &b[LV_HEAD]);
	addressee(c, o, lang, &b[LV_MISSION_HEAD]);
	dear_of(c, lang, &b[LV_DEAR]);
	org_of(in->cfg, lang, &b[LV_ORG]);
	buf_puts(&b[LV_PROVINCE], in->cfg->org_province != NULL ?
	    in->cfg->org_province : "");
	for (i = 0; i < LV_COUNT; i++)
		vs->v[i] = b[i].data != NULL ? b[i].data : "";
	if (ret == -1)
		letter_values_release(vs);
	return ret;
}

void
letter_values_release(struct letter_values *vs)
{
	int i;

	for (i = 0; i < LV_COUNT; i++)
		buf_release(&vs->b[i]);
	memset(vs, 0, sizeof(*vs));
}

/*
 * Congratulation letters: the occasions (national days and relation
 * anniversaries, from the rules engine) of the countries whose contacts
 * [letters] contacts chooses, one letter per contact and language, its
 * words from the template (letter_tmpl.c) and the values of the occasion
 * and the contact; and whether the letters of an occasion were sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "contact.h"
#include "dataset.h"
#include "doc.h"
#include "letter.h"
#include "letter_tmpl.h"
#include "log.h"
#include "rules.h"
#include "store.h"
#include "text.h"

static void occasion_phrase(const struct occurrence *, enum lang,
    const char *, struct buf *);

/* The title of an activity recording a letter sent, which a letter
 * activity entered by hand starts with too. */
#define SENT_TITLE	"Gửi thư chúc mừng "

/* The UID of the activity that records the letters of observance key for
 * the occasion of year as sent: kyniem-letter-YEAR-KEY@DOMAIN (':' of the
 * key as '-'); the caller frees. */
static char *
letter_uid(const char *key, int year, const char *domain)
{
	char *uid = xasprintf("kyniem-letter-%d-%s@%s", year, key, domain), *p;

	for (p = uid; *p != '@'; p++)
		if (*p == ':')
			*p = '-';
	return uid;
}

int
letter_sent(const struct activity_list *al, const char *key,
    struct ymd date, const char *domain)
{
	char *uid = letter_uid(key, date.y, domain);
	long d = util_days_from_civil(date.y, date.m, date.d), s;
	const struct activity *a;
	size_t i;
	int sent = 0;

	for (i = 0; i < al->n && !sent; i++) {
		a = &al->v[i];
		if (a->status != ACTIVITY_DONE)
			continue;
		if (a->uid != NULL && strcmp(a->uid, uid) == 0) {
			sent = 1;
			continue;
		}
		if (a->observance == NULL || strcmp(a->observance, key) != 0)
			continue;
		/* A letter activity entered by hand counts too. */
		if ((a->category == NULL || strcmp(a->category,
		    LETTER_CATEGORY) != 0) && (a->title == NULL ||
		    strncmp(a->title, SENT_TITLE, strlen(SENT_TITLE)) != 0))
			continue;
		s = util_days_from_civil(a->start.y, a->start.m, a->start.d);
		sent = s >= d - 183 && s <= d + 183;
	}
	free(uid);
	return sent;
}

/* Append s with its first letter in lower case when it is the capital
 * of "Kỷ niệm" / "Quốc khánh"... (ASCII): the words go after "Nhân
 * dịp". */
static void
put_lowered(struct buf *out, const char *s)
{
	if (s[0] >= 'A' && s[0] <= 'Z' && s[1] != '\0' && !(s[1] >= 'A' &&
	    s[1] <= 'Z')) {
		buf_putc(out, s[0] - 'A' + 'a');
		s++;
	}
	buf_puts(out, s);
}

/* The contacts of country the letters go to, "; "-joined, for an
 * activity's partner organisations; NULL when none or too long. */
static char *
addressed(struct store *st, const struct config *cfg, const char *country)
{
	struct contact_list cl;
	struct buf b;
	size_t i;

	if (contact_for_country(st, cfg, country, &cl) == -1)
		return NULL;
	buf_init(&b);
	for (i = 0; i < cl.n; i++)
		buf_printf(&b, "%s%s", i > 0 ? "; " : "", cl.v[i].name_vi);
	contact_list_release(&cl);
	if (b.len == 0 || text_check(b.data, TEXT_LINE_MAX, 0, NULL) == -1) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int
letter_mark_sent(struct store *st, const struct config *cfg,
    const struct dataset *d, struct lunar_cal *lunar, const char *key,
    int year, struct ymd today, const char *who, time_t now,
    struct activity *a)
{
	struct observance *o = obs_set_find(&d->set, key);
	struct occ_list l = { 0 };
	struct ymd from = { year, 1, 1 }, to = { year, 12, 31 };
	struct buf b, t;
	int changed, ret;

	memset(a, 0, sizeof(*a));
	if (o == NULL)
		return 1;
	if (rules_occurrences(&cfg->rules, lunar, &o, 1, from, to, &l) == -1)
		return -1;
	if (l.n == 0) {
		occ_list_release(&l);
		return 1;
	}
	buf_init(&b);
	buf_init(&t);
	buf_puts(&b, SENT_TITLE);
	rules_title(&l.v[0], LANG_VI, &t);
	occasion_phrase(&l.v[0], LANG_VI, t.data, &b);
	buf_release(&t);
	a->uid = letter_uid(key, year, cfg->domain);
	a->title = buf_detach(&b);
	a->all_day = 1;
	a->start = a->end = today;
	a->observance = xstrdup(key);
	a->status = ACTIVITY_DONE;
	/* What the year-end report counts as a letter sent, to whom. */
	a->category = xstrdup(LETTER_CATEGORY);
	if (o->country[0] != '\0') {
		a->countries = xstrdup(o->country);
		a->partner = addressed(st, cfg, o->country);
	}
	occ_list_release(&l);
	ret = activity_save(st, a, who, "letter.sent", now, &changed);
	if (ret == -1)
		activity_release(a);
	return ret;
}

/* A republic is "nước Cộng hòa ..." in a letter; a kingdom, a federation
 * or a state with another name is its name. */
static int
wants_nuoc(const char *formal)
{
	return strncmp(formal, "Cộng hòa", strlen("Cộng hòa")) == 0;
}

/* The state as a letter names it: "nước Cộng hòa Dân chủ Nhân dân Lào",
 * "Vương quốc Campuchia", "the Kingdom of Cambodia". */
static void
state_name(const struct observance *o, enum lang lang, struct buf *out)
{
	const char *f = lang == LANG_EN ? o->formal_en : o->formal_vi;

	if (f == NULL || *f == '\0')
		f = lang == LANG_EN ? o->country_en : o->country_vi;
	if (f == NULL)
		f = o->country;
	if (lang == LANG_VI && wants_nuoc(f))
		buf_puts(out, "nước ");
	buf_puts(out, f);
}

/*
 * The occasion after "Nhân dịp" / "On the occasion of the": the engine's
 * title, its first letter lowered, a republic's name after "nước"
 * ("kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào
 * (2/12/1975 – 2/12/2024)").
 */
static void
occasion_phrase(const struct occurrence *oc, enum lang lang,
    const char *title, struct buf *out)
{
	const char *f = oc->obs->formal_vi, *at;
	struct buf t;

	buf_init(&t);
	put_lowered(&t, title);
	if (lang == LANG_VI && f != NULL && wants_nuoc(f) &&
	    (at = strstr(t.data, f)) != NULL && (at - t.data < 6 ||
	    strncmp(at - 6, "nước ", 6) != 0)) {
		buf_add(out, t.data, (size_t)(at - t.data));
		buf_puts(out, "nước ");
		buf_puts(out, at);
	} else
		buf_puts(out, t.data);
	buf_release(&t);
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

/*
 * Whom the letter is addressed to: "Ngài Đại sứ Đặc mệnh toàn quyền nước
 * Cộng hòa Dân chủ Nhân dân Lào tại Việt Nam", "Ngài Tổng Lãnh sự nước
 * ... tại Thành phố Hồ Chí Minh"; an association or organisation by its
 * head's title and its name.
 */
static void
mission_head(const struct contact *c, const struct observance *o,
    enum lang lang, struct buf *out)
{
	const char *head = lang == LANG_EN ? c->head_title_en :
	    c->head_title_vi;
	int embassy = strcmp(c->kind, "embassy") == 0;

	if (contact_kind_index(c->kind) >= CONTACT_MISSIONS) {
		if (head != NULL)
			buf_printf(out, "%s ", head);
		buf_puts(out, lang == LANG_EN ? c->name_en : c->name_vi);
		return;
	}
	buf_puts(out, head != NULL ? head : lang == LANG_EN ?
	    "the Head of Mission" : "Ngài Trưởng cơ quan đại diện");
	/* An ambassador's full title, as letters to embassies write it. */
	if (embassy && head != NULL && lang == LANG_VI &&
	    strstr(head, "Đặc mệnh") == NULL)
		buf_puts(out, " Đặc mệnh toàn quyền");
	if (embassy && head != NULL && lang == LANG_EN &&
	    strstr(head, "Plenipotentiary") == NULL)
		buf_puts(out, " Extraordinary and Plenipotentiary");
	buf_puts(out, lang == LANG_EN ? " of " : " ");
	state_name(o, lang, out);
	if (embassy) {
		buf_puts(out, lang == LANG_EN ? " to Viet Nam" :
		    " tại Việt Nam");
		return;
	}
	buf_puts(out, lang == LANG_EN ? " in " : " tại ");
	place_of(c, lang, out);
}

/* The values of one letter's placeholders. */
struct values {
	struct buf b[LV_COUNT];
	const char *v[LV_COUNT];
};

static void
values_fill(struct values *vs, const struct letter_input *in,
    const struct occurrence *oc, const struct contact *c, enum lang lang,
    const char *title)
{
	const struct observance *o = oc->obs;
	const struct config *cfg = in->cfg;
	const char *cn = lang == LANG_EN ? o->country_en : o->country_vi;
	int i;

	for (i = 0; i < LV_COUNT; i++)
		buf_init(&vs->b[i]);
	occasion_phrase(oc, lang, title, &vs->b[LV_OCCASION]);
	if (oc->n > 0)
		buf_printf(&vs->b[LV_YEARS], "%d", oc->n);
	rules_format_date(oc, lang, &vs->b[LV_DATE]);
	buf_printf(&vs->b[LV_YEAR], "%d", oc->date.y);
	buf_puts(&vs->b[LV_COUNTRY], cn != NULL ? cn : o->country);
	state_name(o, lang, &vs->b[LV_STATE]);
	buf_puts(&vs->b[LV_MISSION], lang == LANG_EN ? c->name_en :
	    c->name_vi);
	buf_puts(&vs->b[LV_HEAD], (lang == LANG_EN ? c->head_title_en :
	    c->head_title_vi) != NULL ? (lang == LANG_EN ? c->head_title_en :
	    c->head_title_vi) : "");
	mission_head(c, o, lang, &vs->b[LV_MISSION_HEAD]);
	buf_puts(&vs->b[LV_ORG], lang == LANG_EN && cfg->org_name_en != NULL ?
	    cfg->org_name_en : cfg->org_name != NULL ? cfg->org_name :
	    lang == LANG_EN ? "the Union of Friendship Organisations" :
	    "Liên hiệp các tổ chức hữu nghị");
	buf_puts(&vs->b[LV_PROVINCE], cfg->org_province != NULL ?
	    cfg->org_province : "");
	for (i = 0; i < LV_COUNT; i++)
		vs->v[i] = vs->b[i].data != NULL ? vs->b[i].data : "";
}

static void
values_release(struct values *vs)
{
	int i;

	for (i = 0; i < LV_COUNT; i++)
		buf_release(&vs->b[i]);
}

/* A template's sections joined as one line ([summary], [salutation]). */
static char *
one_line(const struct letter_tmpl *t, int sect, const char *const *v)
{
	char **p = NULL, *s;
	size_t n = 0, i;
	struct buf b;

	buf_init(&b);
	(void)letter_tmpl_fill(t, sect, v, 0, &p, &n);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, p[i]);
		free(p[i]);
	}
	free(p);
	s = buf_detach(&b);
	if (s == NULL)
		s = xstrdup("");
	return s;
}

static char *
file_name(int year, const char *key, const char *contact, enum lang lang)
{
	char *s = xasprintf("%d-%s-%s-%s", year, key, contact, lang == LANG_EN
	    ? "en" : "vi"), *p;

	for (p = s; *p != '\0'; p++)
		if (*p == ':' || *p == '/')
			*p = '_';
	return s;
}

/* Draft one letter into l; 0 or -1 (a template's placeholder). */
static int
draft(const struct letter_input *in, const struct letter_tmpl *t,
    const struct occurrence *oc, const struct contact *c, enum lang lang,
    struct letter *l)
{
	struct values vs;
	struct buf title;
	int body = oc->obs->kind == KIND_NATIONAL_DAY && t->has[LT_BODY_ND] ?
	    LT_BODY_ND : oc->obs->kind == KIND_RELATION && t->has[LT_BODY_REL]
	    ? LT_BODY_REL : LT_BODY, ret;

	memset(l, 0, sizeof(*l));
	buf_init(&title);
	rules_title(oc, lang, &title);
	values_fill(&vs, in, oc, c, lang, title.data);
	/* Both titles: a digest or a page lists the letter in its reader's
	 * language. */
	l->key = xstrdup(oc->obs->key);
	l->contact = xstrdup(c->key);
	l->country = xstrdup(oc->obs->country);
	l->lang = lang;
	l->date = oc->date;
	l->n = oc->n;
	l->title[lang] = buf_detach(&title);
	buf_init(&title);
	rules_title(oc, lang == LANG_EN ? LANG_VI : LANG_EN, &title);
	l->title[lang == LANG_EN ? LANG_VI : LANG_EN] = buf_detach(&title);
	l->summary = one_line(t, LT_SUMMARY, vs.v);
	l->salutation = one_line(t, LT_SALUTATION, vs.v);
	l->name = file_name(oc->date.y, l->key, l->contact, lang);
	ret = letter_tmpl_fill(t, body, vs.v, 0, &l->paras, &l->npara);
	if (ret == 0)
		ret = letter_tmpl_fill(t, LT_RECIPIENTS, vs.v, 1,
		    &l->recipients, &l->nrecip);
	values_release(&vs);
	return ret;
}

static void
letter_release(struct letter *l)
{
	size_t i;

	free(l->key);
	free(l->contact);
	free(l->country);
	free(l->title[LANG_VI]);
	free(l->title[LANG_EN]);
	free(l->summary);
	free(l->salutation);
	for (i = 0; i < l->npara; i++)
		free(l->paras[i]);
	free(l->paras);
	for (i = 0; i < l->nrecip; i++)
		free(l->recipients[i]);
	free(l->recipients);
	free(l->name);
}

void
letter_list_release(struct letter_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		letter_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
letter_list_drop_sent(struct letter_list *l, const struct activity_list *al,
    const char *domain)
{
	size_t i, keep = 0;

	for (i = 0; i < l->n; i++) {
		if (letter_sent(al, l->v[i].key, l->v[i].date, domain))
			letter_release(&l->v[i]);
		else
			l->v[keep++] = l->v[i];
	}
	l->n = keep;
}

/* The observances letters are written for: national days and relations
 * of a country some chosen contact belongs to, narrowed by in. */
static void
occasions_of(const struct letter_input *in, const struct contact_list *cl,
    struct observance ***out, size_t *n)
{
	const struct obs_set *set = &in->data->set;
	struct observance *o;
	size_t i, k;

	*out = NULL;
	*n = 0;
	for (i = 0; i < set->n; i++) {
		o = set->v[i];
		if (o->kind != KIND_NATIONAL_DAY && o->kind != KIND_RELATION)
			continue;
		if ((in->country != NULL && strcmp(o->country, in->country)) ||
		    (in->occasion != NULL && strcmp(o->key, in->occasion)))
			continue;
		for (k = 0; k < cl->n; k++)
			if (strcmp(cl->v[k].country, o->country) == 0)
				break;
		if (k == cl->n)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = o;
	}
}

static struct letter *
grow(struct letter_list *l)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	return &l->v[l->n++];
}

/* The letters of one occasion, to every chosen contact of its country. */
static int
occasion_letters(const struct letter_input *in,
    const struct letter_tmpl *t, const struct occurrence *oc,
    const struct contact_list *cl, struct letter_list *out)
{
	const struct contact *c;
	size_t k;

	for (k = 0; k < cl->n; k++) {
		c = &cl->v[k];
		if (strcmp(c->country, oc->obs->country) != 0)
			continue;
		if (draft(in, &t[LANG_VI], oc, c, LANG_VI, grow(out)) == -1)
			return -1;
		if (contact_sel_match(&in->cfg->letters_english_sel,
		    c->key, c->kind, c->country,
		    in->cfg->focus) && draft(in, &t[LANG_EN], oc, c, LANG_EN,
		    grow(out)) == -1)
			return -1;
	}
	return 0;
}

/* The templates: Vietnamese always, English when some contact needs it. */
static int
load_templates(const struct letter_input *in, const struct contact_list *cl,
    struct letter_tmpl *t)
{
	char *path;
	size_t k;
	int need_en = 0, ret;

	for (k = 0; k < cl->n; k++)
		need_en |= contact_sel_match(&in->cfg->letters_english_sel,
		    cl->v[k].key, cl->v[k].kind, cl->v[k].country,
		    in->cfg->focus);
	path = config_letter_template(in->cfg, LANG_VI);
	ret = letter_tmpl_load(path, &t[LANG_VI]);
	free(path);
	if (ret == -1 || !need_en)
		return ret;
	path = config_letter_template(in->cfg, LANG_EN);
	if ((ret = letter_tmpl_load(path, &t[LANG_EN])) == -1)
		letter_tmpl_release(&t[LANG_VI]);
	free(path);
	return ret;
}

int
letter_build(const struct letter_input *in, struct letter_list *out)
{
	struct contact_list cl = { 0 };
	struct letter_tmpl t[2];
	struct observance **obs = NULL;
	struct occ_list occ = { 0 };
	size_t nobs, i;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	memset(t, 0, sizeof(t));
	if (contact_for_country(in->st, in->cfg, in->country, &cl) == -1)
		return -1;
	occasions_of(in, &cl, &obs, &nobs);
	/* No occasion, no template needed (a union without contacts). */
	if (nobs == 0) {
		ret = 0;
		goto done;
	}
	if (load_templates(in, &cl, t) == -1)
		goto done;
	if (rules_occurrences(&in->cfg->rules, in->lunar, obs, nobs, in->from,
	    in->to, &occ) == -1) {
		log_warnx("cannot compute the occasions of the letters");
		goto done;
	}
	/* A letter names its day: rows known only to the month wait. */
	occ_list_drop_partial(&occ);
	for (i = 0; i < occ.n; i++)
		if (occasion_letters(in, t, &occ.v[i], &cl, out) == -1)
			goto done;
	ret = 0;
done:
	if (ret == -1)
		letter_list_release(out);
	occ_list_release(&occ);
	letter_tmpl_release(&t[LANG_VI]);
	letter_tmpl_release(&t[LANG_EN]);
	free(obs);
	contact_list_release(&cl);
	return ret;
}

int
letter_render(const struct letter *l, const struct config *cfg,
    enum doc_format fmt, struct buf *out)
{
	struct org org;
	struct doc_head h;
	struct doc *d;
	size_t i;
	int ret;

	org_from_config(cfg, &org);
	memset(&h, 0, sizeof(h));
	h.summary = l->summary[0] != '\0' ? l->summary : NULL;
	d = doc_new(&org, l->lang, &h);
	doc_salutation(d, l->salutation);
	for (i = 0; i < l->npara; i++)
		doc_para(d, l->paras[i]);
	doc_end(d, (const char *const *)l->recipients, l->nrecip);
	ret = doc_render(d, fmt, out);
	doc_free(d);
	return ret;
}

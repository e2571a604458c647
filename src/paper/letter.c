/*
 * Congratulation letters: the occasions (national days, and relation
 * anniversaries in milestone years unless [letters] relations = all, from
 * the rules engine) of the countries whose contacts [letters] contacts
 * chooses or the caller names, one letter per contact and language, its
 * words from the template (letter_tmpl.c) filled with the occasion's and
 * the contact's (letter_words.c); and whether the letters of an occasion
 * were sent.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "activity.h"
#include "config.h"
#include "contact.h"
#include "dataset.h"
#include "doc.h"
#include "letter_int.h"
#include "log.h"
#include "rules.h"
#include "store.h"
#include "text.h"

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
	struct buf b;
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
	buf_puts(&b, SENT_TITLE);
	letter_occasion_plain(&l.v[0], LANG_VI, &b);
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

long
letter_marked(const struct activity_list *al, const char *key, int year,
    const char *domain)
{
	char *uid = letter_uid(key, year, domain);
	long id = 0;
	size_t i;

	for (i = 0; i < al->n && id == 0; i++)
		if (al->v[i].status == ACTIVITY_DONE && al->v[i].uid != NULL &&
		    strcmp(al->v[i].uid, uid) == 0)
			id = al->v[i].id;
	free(uid);
	return id;
}

int
letter_mark_unsent(struct store *st, const struct activity_list *al,
    const char *domain, const char *key, int year, const char *who,
    time_t now)
{
	struct activity a;
	long id = letter_marked(al, key, year, domain);
	int changed, ret;

	if (id == 0)
		return 1;
	if ((ret = activity_get(st, id, &a)) != 0)
		return ret;
	a.status = ACTIVITY_CANCELLED;
	ret = activity_save(st, &a, who, "letter.unsent", now, &changed);
	activity_release(&a);
	return ret;
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

/* Draft one letter into l; 0 or -1 (logged). */
static int
draft(const struct letter_input *in, const struct letter_tmpl *t,
    const struct occurrence *oc, const struct contact *c, enum lang lang,
    struct letter *l)
{
	struct letter_values vs;
	struct buf title;
	int body = oc->obs->kind == KIND_NATIONAL_DAY && t->has[LT_BODY_ND] ?
	    LT_BODY_ND : oc->obs->kind == KIND_RELATION && t->has[LT_BODY_REL]
	    ? LT_BODY_REL : LT_BODY, ret;

	memset(l, 0, sizeof(*l));
	if (letter_values_fill(&vs, in, oc, c, lang) == -1)
		return -1;
	l->key = xstrdup(oc->obs->key);
	l->contact = xstrdup(c->key);
	l->country = xstrdup(oc->obs->country);
	l->lang = lang;
	l->date = oc->date;
	l->n = oc->n;
	/* Both titles: a digest or a page lists the letter in its reader's
	 * language. */
	buf_init(&title);
	rules_title(oc, LANG_VI, &title);
	l->title[LANG_VI] = buf_detach(&title);
	buf_init(&title);
	rules_title(oc, LANG_EN, &title);
	l->title[LANG_EN] = buf_detach(&title);
	l->summary = one_line(t, LT_SUMMARY, vs.v);
	l->salutation = one_line(t, LT_SALUTATION, vs.v);
	l->name = file_name(oc->date.y, l->key, l->contact, lang);
	ret = letter_tmpl_fill(t, body, vs.v, 0, &l->paras, &l->npara);
	if (ret == 0)
		ret = letter_tmpl_fill(t, LT_RECIPIENTS, vs.v, 1,
		    &l->recipients, &l->nrecip);
	letter_values_release(&vs);
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

/*
 * Keep the occurrences a letter is written for: a day known to the day
 * (a letter names it); a relation anniversary counted, and in a
 * milestone year unless [letters] relations = all (the reports send
 * letters "vào dịp năm chẵn, năm tròn"); every national day.
 */
static void
keep_occasions(const struct config *cfg, struct occ_list *occ)
{
	size_t i, keep = 0;
	const struct occurrence *oc;

	occ_list_drop_partial(occ);
	for (i = 0; i < occ->n; i++) {
		oc = &occ->v[i];
		if (oc->obs->kind == KIND_RELATION && (oc->n <= 0 ||
		    (!cfg->letters_relations_all &&
		    oc->milestone == MILESTONE_NONE)))
			continue;
		occ->v[keep++] = *oc;
	}
	occ->n = keep;
}

static struct letter *
grow(struct letter_list *l)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	return &l->v[l->n++];
}

/* The languages contact c is written in: the caller's, else Vietnamese
 * and, for the contacts [letters] english chooses, English. */
static int
langs_of(const struct letter_input *in, const struct contact *c)
{
	if (in->langs != 0)
		return in->langs;
	return LETTER_VI | (contact_sel_match(&in->cfg->letters_english_sel,
	    c->key, c->kind, c->country, in->cfg->focus) ? LETTER_EN : 0);
}

/* The letters of one occasion, to every chosen contact of its country. */
static int
occasion_letters(const struct letter_input *in,
    const struct letter_tmpl *t, const struct occurrence *oc,
    const struct contact_list *cl, struct letter_list *out)
{
	const struct contact *c;
	size_t k;
	int langs;

	for (k = 0; k < cl->n; k++) {
		c = &cl->v[k];
		if (strcmp(c->country, oc->obs->country) != 0)
			continue;
		langs = langs_of(in, c);
		if ((langs & LETTER_VI) && draft(in, &t[LANG_VI], oc, c,
		    LANG_VI, grow(out)) == -1)
			return -1;
		if ((langs & LETTER_EN) && draft(in, &t[LANG_EN], oc, c,
		    LANG_EN, grow(out)) == -1)
			return -1;
	}
	return 0;
}

/*
 * The template of lang: [letters] template_vi or template_en as set (a
 * file that must be there); unset, the file beside the config if there
 * is one, else the shipped wording compiled in.
 */
static int
load_template(const struct config *cfg, enum lang lang,
    struct letter_tmpl *t)
{
	const char *set = lang == LANG_EN ? cfg->letters_template_en :
	    cfg->letters_template_vi;
	char *path = config_letter_template(cfg, lang);
	int ret;

	if ((set == NULL || *set == '\0') && access(path, F_OK) == -1 &&
	    errno == ENOENT)
		ret = lang == LANG_EN ? letter_tmpl_parse("the shipped "
		    "letter.en.txt", (const char *)letter_shipped_en,
		    letter_shipped_en_len, t) : letter_tmpl_parse("the "
		    "shipped letter.vi.txt", (const char *)letter_shipped_vi,
		    letter_shipped_vi_len, t);
	else
		ret = letter_tmpl_load(path, t);
	free(path);
	return ret;
}

/* The templates of the languages some contact of cl is written in; an
 * English letter needs the union's English name. */
static int
load_templates(const struct letter_input *in, const struct contact_list *cl,
    struct letter_tmpl *t)
{
	size_t k;
	int langs = 0;

	for (k = 0; k < cl->n; k++)
		langs |= langs_of(in, &cl->v[k]);
	if ((langs & LETTER_EN) && (in->cfg->org_name_en == NULL ||
	    *in->cfg->org_name_en == '\0')) {
		log_warnx("English letters need the union's English name: set "
		    "name_en in [organisation] of %s", in->cfg->path != NULL ?
		    in->cfg->path : "the configuration");
		return -1;
	}
	if ((langs & LETTER_VI) && load_template(in->cfg, LANG_VI,
	    &t[LANG_VI]) == -1)
		return -1;
	if ((langs & LETTER_EN) && load_template(in->cfg, LANG_EN,
	    &t[LANG_EN]) == -1) {
		letter_tmpl_release(&t[LANG_VI]);
		return -1;
	}
	return 0;
}

/*
 * The contacts letters go to: [letters] contacts' choice; for a country
 * asked for, its contacts that choice takes, else all its missions (a
 * country need not be a focus country to be written to).  0, or -1
 * (logged: an unknown country, one without a mission).
 */
static int
contacts_of(const struct letter_input *in, struct contact_list *cl)
{
	struct contact_list all;
	size_t i;
	int rc;

	if (contact_for_country(in->st, in->cfg, in->country, cl) == -1)
		return -1;
	if (in->country == NULL || cl->n > 0)
		return 0;
	if ((rc = store_country_exists(in->st, in->country)) != 1) {
		if (rc == 0)
			log_warnx("unknown country code '%s' (not in "
			    "calendars/countries.csv)", in->country);
		return -1;
	}
	if (contact_load(in->st, in->country, &all) == -1)
		return -1;
	for (i = 0; i < all.n; i++) {
		if (contact_kind_index(all.v[i].kind) >= CONTACT_MISSIONS) {
			contact_release(&all.v[i]);
			continue;
		}
		cl->v = xrealloc(cl->v, (cl->n + 1) * sizeof(*cl->v));
		cl->v[cl->n++] = all.v[i];
	}
	free(all.v);
	if (cl->n == 0) {
		log_warnx("no mission of the country %s among the contacts: "
		    "add one (kyniem import, or the contacts page)",
		    in->country);
		return -1;
	}
	return 0;
}

int
letter_build(const struct letter_input *in, struct letter_list *out)
{
	struct contact_list cl = { 0 };
	struct letter_tmpl t[2];
	struct observance **obs = NULL;
	struct occ_list occ = { 0 };
	size_t nobs = 0, i;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	memset(t, 0, sizeof(t));
	if (contacts_of(in, &cl) == -1)
		goto done;
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
	keep_occasions(in->cfg, &occ);
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

/* Letter l as a document of the union (the caller frees it). */
static struct doc *
letter_doc(const struct letter *l, const struct config *cfg)
{
	struct org org;
	struct doc_head h;
	struct doc *d;
	size_t i;

	org_from_config(cfg, &org);
	memset(&h, 0, sizeof(h));
	/* Day and month blank for the signing; the occasion's year. */
	h.date.y = l->date.y;
	h.summary = l->summary[0] != '\0' ? l->summary : NULL;
	d = doc_new(&org, l->lang, &h);
	doc_salutation(d, l->salutation);
	for (i = 0; i < l->npara; i++)
		doc_para(d, l->paras[i]);
	doc_end(d, (const char *const *)l->recipients, l->nrecip);
	return d;
}

int
letter_render(const struct letter *l, const struct config *cfg,
    enum doc_format fmt, struct buf *out)
{
	struct doc *d = letter_doc(l, cfg);
	int ret = doc_render(d, fmt, out);

	doc_free(d);
	return ret;
}

int
letter_render_many(const struct letter *v, size_t n,
    const struct config *cfg, enum doc_format fmt, struct buf *out)
{
	struct doc **d = xcalloc(n > 0 ? n : 1, sizeof(*d));
	size_t i;
	int ret;

	for (i = 0; i < n; i++)
		d[i] = letter_doc(&v[i], cfg);
	ret = doc_render_many((const struct doc *const *)d, n, fmt, out);
	for (i = 0; i < n; i++)
		doc_free(d[i]);
	free(d);
	return ret;
}

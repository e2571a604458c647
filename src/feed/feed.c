/*
 * iCalendar feeds: the list of feeds, their selection of occurrences and
 * activities, and their text, built only through libical's API (libical
 * 3.0 escapes text, ends lines with CRLF and folds them at 75 octets
 * without splitting a UTF-8 sequence).  The anniversaries come from rules.c;
 * nothing here reads the clock or the database.
 */
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "feed.h"
#include "ical.h"
#include "log.h"
#include "lunar.h"
#include "rank.h"

#define FEED_PRODID	"-//kyniem//kyniem anniversaries//VI"
/* A source longer than this is cut at a space in DESCRIPTION: thousands of
 * events repeat it and Google Calendar drops feeds over 1 MB. */
#define SOURCE_MAX	120

static void
window(const struct feed_ctx *ctx, const struct config_feed *f,
    struct ymd *from, struct ymd *to)
{
	*from = util_ymd_add_days(ctx->today, -(long)f->days_back);
	*to = util_ymd_add_days(ctx->today, f->days_ahead);
}

static void
texts_release(struct feed_occ_cache *c)
{
	size_t i, v;

	for (v = 0; v < FEED_TEXT_VARIANTS; v++) {
		if (c->texts[v].text != NULL)
			for (i = 0; i < c->all.n; i++)
				free(c->texts[v].text[i]);
		free(c->texts[v].text);
		memset(&c->texts[v], 0, sizeof(c->texts[v]));
	}
}

static void
cache_release(struct feed_occ_cache *c)
{
	texts_release(c);
	occ_list_release(&c->all);
	c->valid = 0;
}

/* Compute the occurrences of [from, to] into the cache. */
static int
cache_fill(const struct feed_ctx *ctx, struct ymd from, struct ymd to)
{
	struct feed_occ_cache *c = ctx->cache;

	cache_release(c);
	if (rules_occurrences(&ctx->cfg->rules, ctx->lunar, ctx->data->set.v,
	    ctx->data->set.n, from, to, &c->all) == -1) {
		log_warnx("feeds: a lunar date is outside %d-%d",
		    LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		occ_list_release(&c->all);
		return -1;
	}
	c->from = from;
	c->to = to;
	c->valid = 1;
	return 0;
}

/* The cached occurrences, computed for f's window unless the cache
 * covers it: a feed takes those dated within its window (the engine's
 * own test, so a wider window filtered gives the same list).  NULL
 * (logged) when the engine fails. */
static const struct occ_list *
window_occurrences(const struct feed_ctx *ctx, const struct config_feed *f)
{
	struct feed_occ_cache *c = ctx->cache;
	struct ymd from, to;

	window(ctx, f, &from, &to);
	if (c->valid && util_ymd_cmp(c->from, from) <= 0 &&
	    util_ymd_cmp(c->to, to) >= 0)
		return &c->all;
	return cache_fill(ctx, from, to) == 0 ? &c->all : NULL;
}

void
feed_ctx_cover(const struct feed_ctx *ctx, const struct feed_defs *defs)
{
	struct ymd from, to, f, t;
	size_t i;
	int any = 0;

	for (i = 0; i < defs->n; i++) {
		if (defs->v[i].conf->activities)
			continue;
		window(ctx, defs->v[i].conf, &f, &t);
		if (!any || util_ymd_cmp(f, from) < 0)
			from = f;
		if (!any || util_ymd_cmp(t, to) > 0)
			to = t;
		any = 1;
	}
	if (any)
		(void)cache_fill(ctx, from, to);	/* a failure is logged */
}

/* Whether f, whose window is [from, to], holds the occurrence: a
 * calendar needs a day, so rows known only to the month go only into a
 * feed that asks for them (on the 1st, DESCRIPTION says so). */
static int
feed_holds(const struct feed_ctx *ctx, const struct config_feed *f,
    struct ymd from, struct ymd to, const struct occurrence *oc)
{
	return (f->partial || oc->precision == PREC_DAY) &&
	    util_ymd_cmp(oc->date, from) >= 0 &&
	    util_ymd_cmp(oc->date, to) <= 0 &&
	    select_match(&f->sel, &ctx->env, oc) >= 0;
}

const char *
feed_title(const struct config_feed *f)
{
	if (f->lang == LANG_EN && f->title_en != NULL)
		return f->title_en;
	return f->title != NULL ? f->title : f->name;
}

const char *
feed_description(const struct config_feed *f)
{
	if (f->lang == LANG_EN && f->description_en != NULL)
		return f->description_en;
	return f->description;
}

void
feed_in_lang(const struct config_feed *f, enum lang lang,
    struct config_feed *out)
{
	*out = *f;
	out->lang = lang;
}


/* Feed definitions. */

static int
obs_country_cmp(const void *a, const void *b)
{
	const struct observance *x = *(const struct observance *const *)a;
	const struct observance *y = *(const struct observance *const *)b;

	return strcmp(x->country, y->country);
}

static void
add_def(struct feed_defs *d, const struct config_feed *conf,
    struct config_feed *own)
{
	d->v = xrealloc(d->v, (d->n + 1) * sizeof(*d->v));
	d->v[d->n].own = own;
	d->v[d->n].conf = own != NULL ? own : conf;
	d->v[d->n].name = xstrdup(d->v[d->n].conf->name);
	d->n++;
}

/* A public feed of one country's dates, named in the config's language
 * after the country's short name. */
static struct config_feed *
country_feed(const struct config *cfg, const struct observance *obs)
{
	struct config_feed *f = xcalloc(1, sizeof(*f));
	const char *cname;
	char err[128], *term;

	f->name = xasprintf("country/%s", obs->country);
	f->lang = cfg->lang;
	cname = obs->country_en ? obs->country_en : obs->country;
	f->title_en = xasprintf("Anniversaries: %s", cname);
	f->description_en = xasprintf("Anniversaries of %s and of its "
	    "relations with Vietnam", cname);
	cname = obs->country_vi ? obs->country_vi : obs->country;
	f->title = xasprintf("Kỷ niệm: %s", cname);
	f->description = xasprintf("Các ngày kỷ niệm của %s và của quan hệ "
	    "với Việt Nam", cname);
	f->countries = xstrdup(obs->country);
	term = xasprintf("country:%s", obs->country);
	select_everything(&f->sel);
	if (select_and(&f->sel, term, err, sizeof(err)) == -1)
		fatal("country feed %s: %s", obs->country, err);
	free(term);
	f->days_back = 365;
	f->days_ahead = 5 * 365;
	f->alarm_minutes = -1;
	f->max_bytes = FEED_MAX_BYTES;
	f->builtin = 1;
	return f;
}

void
feed_defs_init(struct feed_defs *out, const struct config *cfg,
    struct observance *const *obs, size_t nobs)
{
	struct observance **seen;
	size_t i, n = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < cfg->nfeeds; i++)
		add_def(out, &cfg->feeds[i], NULL);
	seen = xcalloc(nobs + 1, sizeof(*seen));
	for (i = 0; i < nobs; i++)
		if (obs[i]->country[0] != '\0')
			seen[n++] = obs[i];
	qsort(seen, n, sizeof(*seen), obs_country_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(seen[i]->country, seen[i - 1]->country) == 0)
			continue;
		if (config_feed_find(cfg, seen[i]->country) != NULL)
			continue;
		add_def(out, NULL, country_feed(cfg, seen[i]));
	}
	free(seen);
}

static void
own_release(struct config_feed *f)
{
	free(f->name);
	free(f->title);
	free(f->description);
	free(f->title_en);
	free(f->description_en);
	free(f->countries);
	select_release(&f->sel);
	free(f);
}

void
feed_defs_release(struct feed_defs *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].name);
		if (d->v[i].own != NULL)
			own_release(d->v[i].own);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

const struct feed_def *
feed_defs_find(const struct feed_defs *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].name, name) == 0)
			return &d->v[i];
	return NULL;
}

/* Rendering. */

/*
 * The year an occurrence belongs to, for its UID: the anniversary's year
 * when counted, the lunar year for lunar rules (a lunar date can fall twice
 * in one Gregorian year), else the Gregorian year.
 */
static int
anchor_year(const struct feed_ctx *ctx, const struct occurrence *oc)
{
	struct lunar_date ld;

	if (oc->n > 0)
		return oc->obs->rule.base_year + oc->n;
	if (oc->obs->rule.type == RULE_LUNAR && oc->obs->ndates == 0 &&
	    lunar_from_solar(ctx->lunar, oc->date.y, oc->date.m,
	    oc->date.d, &ld) == 0)
		return ld.year;
	return oc->date.y;
}

/* The end of a bracketed group that closes at s[n - 1], or n. */
static size_t
group_start(const char *s, size_t n)
{
	size_t i = n;
	int depth = 0;

	while (i > 0) {
		i--;
		if (s[i] == ')')
			depth++;
		else if (s[i] == '(' && --depth == 0)
			return i;
	}
	return n;
}

/*
 * A source as a feed shows it: its first citation (up to "; " outside
 * brackets) without what the citation says in brackets ("vietnamplus.vn
 * post1069356"), cut at a space with "…" past SOURCE_MAX bytes: never in
 * the middle of a word.  The full source stays in show, mail and the data.
 */
static void
put_source(struct buf *b, const char *src)
{
	size_t n = 0, cut;
	int depth = 0;

	for (; src[n] != '\0'; n++) {
		depth += src[n] == '(' ? 1 : src[n] == ')' ? -1 : 0;
		if (depth == 0 && src[n] == ';' && src[n + 1] == ' ')
			break;
	}
	while (n > 0 && src[n - 1] == ')' && (cut = group_start(src, n)) > 0 &&
	    cut < n && src[cut - 1] == ' ')
		n = cut - 1;
	if (n <= SOURCE_MAX) {
		buf_add(b, src, n);
		return;
	}
	for (cut = SOURCE_MAX; cut > 0 && src[cut] != ' '; cut--)
		;
	while (cut > 0 && (src[cut - 1] == ',' || src[cut - 1] == ' '))
		cut--;
	buf_add(b, src, cut);
	buf_puts(b, "…");
}

/*
 * The first web address in a row's source, for the caller to free, or
 * NULL: up to a space, without the sentence's closing punctuation or a
 * bracket the address did not open.  A client makes it a link (URL, and
 * the full address in DESCRIPTION), where a citation such as
 * "en.vietnamplus.vn 268260" is only text.
 */
static char *
source_url(const char *src)
{
	const char *p;
	size_t n;

	for (p = src; p != NULL && *p != '\0'; p++)
		if (strncmp(p, "https://", 8) == 0 ||
		    strncmp(p, "http://", 7) == 0)
			break;
	if (p == NULL || *p == '\0')
		return NULL;
	n = strcspn(p, " \t\n");
	while (n > 0 && strchr(".,;:", p[n - 1]) != NULL)
		n--;
	if (n > 0 && p[n - 1] == ')' && memchr(p, '(', n) == NULL)
		n--;
	return xasprintf("%.*s", (int)n, p);
}

/* Why a row is not confirmed, for DESCRIPTION. */
static const char *
unverified_text(const struct observance *obs, enum lang lang)
{
	switch (rules_confidence(obs)) {
	case CONF_SINGLE_SOURCE:
		return lang == LANG_EN ? "Unverified: seen in a single source." :
		    "Chưa xác minh: mới thấy ở một nguồn.";
	case CONF_RECALLED:
		return lang == LANG_EN ? "Unverified: recalled, not found in "
		    "any source." : "Chưa xác minh: ghi theo trí nhớ, chưa có "
		    "nguồn.";
	case CONF_CONFIRMED:
		break;
	}
	return NULL;
}

/*
 * DESCRIPTION: the full title (the reports' words, when SUMMARY is the
 * short one), the milestone class, a day that is not known, the unverified
 * note, the row's note and the source (its web address when it has one,
 * else the short citation), a line each.
 */
static void
describe(const struct config *cfg, const struct config_feed *f,
    const struct occurrence *oc, const char *url, struct buf *b)
{
	const struct observance *obs = oc->obs;
	const char *u = unverified_text(obs, f->lang);
	int en = f->lang == LANG_EN;

	buf_puts(b, "");
	if (!f->full_summary) {
		rules_title(oc, f->lang, b);
		buf_putc(b, '\n');
	}
	if (rules_is_milestone(&cfg->rules, oc))
		buf_printf(b, "%s: %s.\n", en ? "Milestone" : "Mốc kỷ niệm",
		    rules_milestone_label(oc->milestone, f->lang, 0));
	if (oc->precision != PREC_DAY) {
		buf_puts(b, en ? "The day is not known, only the month: shown "
		    "on the 1st (" : "Chưa rõ ngày, chỉ biết tháng: ghi vào "
		    "ngày 1 (");
		rules_format_date(oc, f->lang, b);
		buf_puts(b, ").\n");
	}
	if (u != NULL)
		buf_printf(b, "%s\n", u);
	if (obs->note != NULL && obs->note[0] != '\0')
		buf_printf(b, "%s: %s\n", en ? "Note (in Vietnamese)" :
		    "Ghi chú", obs->note);
	if (url != NULL)
		buf_printf(b, "%s%s", en ? "Source: " : "Nguồn: ", url);
	else if (obs->source != NULL && obs->source[0] != '\0') {
		buf_puts(b, en ? "Source: " : "Nguồn: ");
		put_source(b, obs->source);
	} else if (b->len > 0)
		b->data[--b->len] = '\0';
}

/* The feeds' ORGANIZER: the union's own address, or none (no robot's
 * address a client would show as a mail link). */
static const char *
organizer(const struct config *cfg)
{
	return cfg->org_email != NULL && cfg->org_email[0] != '\0' ?
	    cfg->org_email : NULL;
}

static const char *
organizer_name(const struct config *cfg)
{
	return cfg->org_name != NULL && cfg->org_name[0] != '\0' ?
	    cfg->org_name : NULL;
}

/* One value of CATEGORIES: a comma would split it in two. */
static void
put_category(struct buf *b, const char *word)
{
	if (word == NULL || *word == '\0')
		return;
	if (b->len > 0)
		buf_putc(b, ',');
	for (; *word != '\0'; word++)
		buf_putc(b, *word == ',' ? ' ' : *word);
}

/*
 * CATEGORIES of an occurrence in the feed's words, each its own value
 * (Outlook makes each a colour category): the kind, the milestone class,
 * the country's short name, "Quan hệ ngoại giao,Đại lễ,Nhật Bản".
 */
static void
occurrence_categories(const struct feed_ctx *ctx,
    const struct config_feed *f, const struct occurrence *oc, struct buf *b)
{
	const struct observance *obs = oc->obs;
	const char *cn = f->lang == LANG_EN ? obs->country_en : obs->country_vi;

	put_category(b, rules_kind_label(obs->kind, f->lang));
	if (oc->n > 0 && rules_is_milestone(&ctx->cfg->rules, oc))
		put_category(b, rules_milestone_label(oc->milestone, f->lang,
		    1));
	if (obs->country[0] != '\0')
		put_category(b, cn != NULL ? cn : obs->country);
}

/* The line a crowded day's last kept event of a capped feed adds to its
 * DESCRIPTION: what was left out is said, not hidden. */
static void
put_more(const struct config_feed *f, size_t more, struct buf *desc)
{
	if (more == 0)
		return;
	if (desc->len > 0)
		buf_putc(desc, '\n');
	buf_printf(desc, f->lang == LANG_EN ? "%zu more event%s this day in "
	    "the complete calendars." : "Cùng ngày còn %zu sự kiện khác, có "
	    "trong các lịch đầy đủ.", more, more == 1 ? "" : "s");
}

static icalcomponent *
occurrence_event(const struct feed_ctx *ctx, const struct config_feed *f,
    const struct occurrence *oc, size_t more)
{
	const struct observance *obs = oc->obs;
	struct ical_event e;
	struct buf uid, sum, desc, cat;
	icalcomponent *ev;
	char *url = source_url(obs->source);

	buf_init(&uid);
	buf_init(&sum);
	buf_init(&desc);
	buf_init(&cat);
	buf_printf(&uid, "%s-%d@%s", obs->key, anchor_year(ctx, oc),
	    ctx->cfg->domain);
	if (f->full_summary)
		rules_title(oc, f->lang, &sum);
	else
		rules_short_title(oc, f->lang, &sum);
	describe(ctx->cfg, f, oc, url, &desc);
	put_more(f, more, &desc);
	occurrence_categories(ctx, f, oc, &cat);
	memset(&e, 0, sizeof(e));
	e.uid = uid.data;
	e.summary = sum.data;
	e.description = desc.data;
	e.categories = cat.data;
	e.url = url;
	e.organizer = organizer(ctx->cfg);
	e.organizer_name = organizer_name(ctx->cfg);
	e.stamp = obs->modified;
	e.revision = obs->revision;
	e.alarm_minutes = f->alarm_minutes;
	ev = ical_occurrence_event(oc, &e);
	buf_release(&uid);
	buf_release(&sum);
	buf_release(&desc);
	buf_release(&cat);
	free(url);
	return ev;
}

/* 1 if anyone may read feed f: it holds only what is public. */
static int
public_feed(const struct config_feed *f)
{
	return f->token == NULL;
}

/* What staff read of an activity: its organiser, occasion and notes. */
static void
activity_description(const struct feed_ctx *ctx, const struct config_feed *f,
    const struct activity *a, struct buf *desc)
{
	int en = f->lang == LANG_EN;
	struct buf occ;

	buf_init(&occ);
	if (a->organiser != NULL && a->organiser[0] != '\0')
		buf_printf(desc, "%s: %s\n", en ? "Organiser" :
		    "Đơn vị tổ chức", a->organiser);
	if (a->observance != NULL && dataset_occasion(ctx->data, ctx->cfg,
	    ctx->lunar, a->observance, a->start, f->lang, &occ) == 0)
		buf_printf(desc, "%s: %s\n", en ? "Occasion" : "Dịp",
		    occ.data);
	if (a->notes != NULL && a->notes[0] != '\0')
		buf_printf(desc, "%s\n", a->notes);
	if (desc->len > 0)
		desc->data[--desc->len] = '\0';
	buf_release(&occ);
}

/*
 * An activity's event.  A public feed holds its title, date and place
 * only; its organiser, occasion, notes and the report's record (result,
 * partners, participants) go to feeds with a token.
 */
static icalcomponent *
activity_event(const struct feed_ctx *ctx, const struct config_feed *f,
    const struct activity *a, size_t more)
{
	const struct config_category *c = a->category != NULL ?
	    config_category_find(ctx->cfg, a->category) : NULL;
	struct ical_event e;
	struct buf uid, desc, cat;
	icalcomponent *ev;

	buf_init(&uid);
	buf_init(&desc);
	buf_init(&cat);
	put_category(&cat, f->lang == LANG_EN ? "Activity" : "Hoạt động");
	/* The report's category is the union's own business. */
	if (c != NULL && !public_feed(f))
		put_category(&cat, f->lang == LANG_EN ? c->name_en :
		    c->name_vi);
	if (a->uid != NULL && a->uid[0] != '\0')
		buf_puts(&uid, a->uid);
	else
		buf_printf(&uid, "activity-%ld@%s", a->id, ctx->cfg->domain);
	if (!public_feed(f))
		activity_description(ctx, f, a, &desc);
	put_more(f, more, &desc);
	memset(&e, 0, sizeof(e));
	e.uid = uid.data;
	e.summary = a->title;
	e.description = desc.data;
	e.categories = cat.data;
	e.organizer = organizer(ctx->cfg);
	e.organizer_name = organizer_name(ctx->cfg);
	e.stamp = a->modified;
	e.revision = a->revision;
	e.alarm_minutes = f->alarm_minutes;
	e.public_view = public_feed(f);
	ev = ical_activity_event(a, &e);
	buf_release(&uid);
	buf_release(&desc);
	buf_release(&cat);
	return ev;
}

static icalcomponent *
calendar(const struct feed_ctx *ctx, const struct config_feed *f)
{
	icalcomponent *cal = ical_calendar(FEED_PRODID,
	    organizer(ctx->cfg) != NULL);
	struct icaldurationtype ttl;
	const char *title = feed_title(f);
	const char *desc = feed_description(f) != NULL ?
	    feed_description(f) : title;
	char *s;

	icalcomponent_add_property(cal, icalproperty_new_name(title));
	ical_add_x(cal, "X-WR-CALNAME", title);
	icalcomponent_add_property(cal, icalproperty_new_description(desc));
	ical_add_x(cal, "X-WR-CALDESC", desc);
	ttl = icaldurationtype_from_int(ctx->cfg->refresh_minutes * 60);
	icalcomponent_add_property(cal, icalproperty_new_refreshinterval(ttl));
	s = icaldurationtype_as_ical_string_r(ttl);
	ical_add_x(cal, "X-PUBLISHED-TTL", s);
	free(s);
	ical_add_x(cal, "X-WR-TIMEZONE", ICAL_TZID);
	return cal;
}

static time_t
newer(time_t a, time_t b)
{
	return a > b ? a : b;
}

/* One event of a feed: an occurrence (the idx-th of the window's) or an
 * activity, its day, and how many of its day a capped feed left out
 * (said in its DESCRIPTION). */
struct item {
	struct ymd date;
	const struct occurrence *oc;
	size_t idx;
	const struct activity *a;
	size_t more;
};

/* The activities in the window, in date order (activity_load's); a
 * public feed's only those marked public. */
static struct item *
activity_items(const struct feed_ctx *ctx, const struct config_feed *f,
    size_t *n, int *timed)
{
	const struct activity_list *al = &ctx->data->acts;
	struct item *v = xcalloc(al->n + 1, sizeof(*v));
	struct ymd from, to;
	size_t i;

	window(ctx, f, &from, &to);
	*n = 0;
	for (i = 0; i < al->n; i++) {
		if (util_ymd_cmp(al->v[i].end, from) < 0 ||
		    util_ymd_cmp(al->v[i].start, to) > 0 ||
		    (public_feed(f) && al->v[i].public != 1))
			continue;
		v[*n].date = al->v[i].start;
		v[(*n)++].a = &al->v[i];
		*timed |= !al->v[i].all_day;
	}
	return v;
}

/* The occurrences of f's window that it holds, in date order, pointing
 * into the window's cache.  NULL (logged) when the engine fails. */
static struct item *
occurrence_items(const struct feed_ctx *ctx, const struct config_feed *f,
    size_t *n)
{
	const struct occ_list *all = window_occurrences(ctx, f);
	struct ymd from, to;
	struct item *v;
	size_t i, cap = 16;

	if (all == NULL)
		return NULL;
	window(ctx, f, &from, &to);
	/* Grown as needed: most of some 400 feeds hold a few events of the
	 * thousands in the window. */
	v = xmalloc(cap * sizeof(*v));
	*n = 0;
	for (i = 0; i < all->n; i++) {
		if (!feed_holds(ctx, f, from, to, &all->v[i]))
			continue;
		if (*n == cap)
			v = xrealloc(v, (cap *= 2) * sizeof(*v));
		memset(&v[*n], 0, sizeof(v[*n]));
		v[*n].date = all->v[i].date;
		v[*n].oc = &all->v[i];
		v[(*n)++].idx = i;
	}
	return v;
}

/* The window's texts in f's words, taking a free variant the first time;
 * NULL when all are taken by others. */
static struct feed_text_cache *
text_cache(const struct feed_ctx *ctx, const struct config_feed *f)
{
	struct feed_occ_cache *c = ctx->cache;
	struct feed_text_cache *t;
	size_t v;

	for (v = 0; v < FEED_TEXT_VARIANTS; v++) {
		t = &c->texts[v];
		if (t->used && (int)f->lang == t->lang &&
		    f->full_summary == t->full_summary &&
		    f->alarm_minutes == t->alarm_minutes)
			return t;
		if (!t->used) {
			t->used = 1;
			t->lang = (int)f->lang;
			t->full_summary = f->full_summary;
			t->alarm_minutes = f->alarm_minutes;
			t->text = xcalloc(c->all.n + 1, sizeof(*t->text));
			return t;
		}
	}
	return NULL;
}

static char *
render_item(const struct feed_ctx *ctx, const struct config_feed *f,
    const struct item *it)
{
	icalcomponent *ev = it->a != NULL ? activity_event(ctx, f, it->a,
	    it->more) : occurrence_event(ctx, f, it->oc, it->more);
	char *s = ical_text(ev);

	icalcomponent_free(ev);
	return s;
}

/* The event's text: an occurrence's from the window's cache (written on
 * first use), an activity's new, in *owned for the caller to free. */
static const char *
item_text(const struct feed_ctx *ctx, const struct config_feed *f,
    const struct item *it, char **owned)
{
	struct feed_text_cache *t;

	*owned = NULL;
	if (it->oc == NULL || it->more > 0 || (t = text_cache(ctx, f)) == NULL)
		return *owned = render_item(ctx, f, it);
	if (t->text[it->idx] == NULL)
		t->text[it->idx] = render_item(ctx, f, it);
	return t->text[it->idx];
}

/*
 * Write the events, newest first, while they fit the feed's byte budget
 * (Google Calendar drops a subscription over about 1 MB; Outlook.com is
 * slow on large ones), then put them in date order between the calendar's
 * head and end.  Building and writing one event at a time also keeps the
 * memory to the events kept.
 */
static int
assemble(const struct feed_ctx *ctx, const struct config_feed *f,
    const char *head, const struct item *v, size_t n, struct feed_out *out)
{
	const char *end = strstr(head, "END:VCALENDAR\r\n");
	size_t headlen = (size_t)(end - head), used, first = n, i;
	const char **texts = xcalloc(n + 1, sizeof(*texts));
	char **owned = xcalloc(n + 1, sizeof(*owned));
	struct buf b;
	int ret = -1;

	used = strlen(head);
	while (first > 0) {
		const char *t = item_text(ctx, f, &v[first - 1],
		    &owned[first - 1]);

		if (t == NULL)
			goto done;
		if (used + strlen(t) > (size_t)f->max_bytes)
			break;
		used += strlen(t);
		texts[--first] = t;
	}
	buf_init(&b);
	buf_add(&b, head, headlen);
	for (i = first; i < n; i++) {
		buf_puts(&b, texts[i]);
		out->modified = newer(out->modified, v[i].a != NULL ?
		    v[i].a->modified : v[i].oc->obs->modified);
	}
	buf_puts(&b, end);
	out->len = b.len;
	out->text = buf_detach(&b);
	out->nevents = n - first;
	out->dropped = first;
	if (first > 0)
		log_warnx("feed '%s': %zu of its %zu events left out, the "
		    "oldest first, to stay under its %d-byte budget "
		    "(max_bytes)", f->name, first, n, f->max_bytes);
	ret = 0;
done:
	for (i = 0; i < n; i++)
		free(owned[i]);
	free(owned);
	free(texts);
	return ret;
}

/* The union's feed: its occurrences and its activities, in date order
 * (an occurrence before an activity of its day).  v is freed. */
static struct item *
merge_activities(const struct feed_ctx *ctx, const struct config_feed *f,
    struct item *v, size_t *n, int *timed)
{
	size_t na = 0, i = 0, k = 0, j = 0;
	struct item *a = activity_items(ctx, f, &na, timed);
	struct item *m = xcalloc(*n + na + 1, sizeof(*m));

	while (i < *n || j < na)
		if (j == na || (i < *n && util_ymd_cmp(v[i].date,
		    a[j].date) <= 0))
			m[k++] = v[i++];
		else
			m[k++] = a[j++];
	free(v);
	free(a);
	*n = k;
	return m;
}

/* The days [first, last] of an item, as offsets into the window. */
static void
item_days(const struct item *it, struct ymd from, long ndays, long *first,
    long *last)
{
	long base = util_days_from_civil(from.y, from.m, from.d);
	struct ymd end = it->a != NULL ? it->a->end :
	    util_ymd_add_days(it->date, it->oc->days > 1 ? it->oc->days - 1 :
	    0);

	*first = util_days_from_civil(it->date.y, it->date.m, it->date.d) -
	    base;
	*last = util_days_from_civil(end.y, end.m, end.d) - base;
	if (*first < 0)
		*first = 0;
	if (*last >= ndays)
		*last = ndays - 1;
}

/* A crowded day's candidate: the union's activities first, then the
 * milestones as the plan ranks them (rank.h). */
struct cand {
	size_t i;
	const struct item *it;
	struct rank r;
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if ((x->it->a != NULL) != (y->it->a != NULL))
		return x->it->a != NULL ? -1 : 1;
	if (x->it->a != NULL)
		return x->i < y->i ? -1 : x->i > y->i;
	return rank_cmp(&x->r, x->it->oc, &y->r, y->it->oc);
}

/* The window's days, for a capped feed: events, those left out and the
 * last one kept (its index + 1) on each. */
struct days {
	struct ymd from;
	long n;
	int *count, *left;
	size_t *last;
};

/*
 * Rank the events of the crowded days (c, nc) and keep the best while
 * their days have room: the union's activities first, then the dates as
 * the plan ranks them.  Marks keep[] and fills the days' counts.
 */
static void
keep_best(const struct feed_ctx *ctx, const struct config_feed *f,
    struct cand *c, size_t nc, struct days *dd, char *keep)
{
	struct rank_union u = { ctx->cfg->focus, ctx->cfg->org_tag };
	long d, lo, hi;
	size_t k;
	int ok;

	for (k = 0; k < nc; k++)
		if (c[k].it->oc != NULL)
			rank_score(ctx->data, &u, c[k].it->date.y, c[k].it->oc,
			    &c[k].r);
	qsort(c, nc, sizeof(*c), cand_cmp);
	for (k = 0; k < nc; k++) {
		item_days(c[k].it, dd->from, dd->n, &lo, &hi);
		for (ok = 1, d = lo; d <= hi; d++)
			ok &= dd->count[d] < f->max_per_day;
		for (d = lo; d <= hi; d++) {
			if (!ok)
				dd->left[d]++;
			else {
				dd->count[d]++;
				dd->last[d] = c[k].i + 1;
			}
		}
		keep[c[k].i] = (char)ok;
	}
}

/*
 * Keep at most f->max_per_day events on any day of the window: an event
 * on no crowded day stays; on a crowded day the best ranked stay
 * (keep_best()), and the last kept says how many were left out.  Ranking
 * only the crowded days' events keeps a big database's feed fast.
 * Returns the number kept, compacted in date order.
 */
static size_t
cap_days(const struct feed_ctx *ctx, const struct config_feed *f,
    struct item *v, size_t n)
{
	struct days dd;
	struct ymd to;
	long d, lo, hi;
	size_t i, k, nc = 0;
	struct cand *c = xcalloc(n + 1, sizeof(*c));
	char *keep = xcalloc(n + 1, 1);
	int ok;

	window(ctx, f, &dd.from, &to);
	dd.n = util_days_from_civil(to.y, to.m, to.d) -
	    util_days_from_civil(dd.from.y, dd.from.m, dd.from.d) + 1;
	dd.count = xcalloc((size_t)dd.n, sizeof(*dd.count));
	dd.left = xcalloc((size_t)dd.n, sizeof(*dd.left));
	dd.last = xcalloc((size_t)dd.n, sizeof(*dd.last));
	for (i = 0; i < n; i++) {	/* how many a day, all told */
		item_days(&v[i], dd.from, dd.n, &lo, &hi);
		for (d = lo; d <= hi; d++)
			dd.left[d]++;
	}
	for (i = 0; i < n; i++) {
		item_days(&v[i], dd.from, dd.n, &lo, &hi);
		for (ok = 1, d = lo; d <= hi; d++)
			ok &= dd.left[d] <= f->max_per_day;
		keep[i] = (char)ok;
		if (!ok) {
			c[nc].i = i;
			c[nc++].it = &v[i];
		}
	}
	memset(dd.left, 0, (size_t)dd.n * sizeof(*dd.left));
	keep_best(ctx, f, c, nc, &dd, keep);
	for (d = 0; d < dd.n; d++)
		if (dd.left[d] > 0 && dd.last[d] > 0 &&
		    v[dd.last[d] - 1].more < (size_t)dd.left[d])
			v[dd.last[d] - 1].more = (size_t)dd.left[d];
	for (i = k = 0; i < n; i++)
		if (keep[i])
			v[k++] = v[i];
	free(dd.count);
	free(dd.left);
	free(dd.last);
	free(keep);
	free(c);
	return k;
}

int
feed_render(const struct feed_ctx *ctx, const struct config_feed *f,
    struct feed_out *out)
{
	struct item *v;
	icalcomponent *cal;
	char *head;
	size_t n = 0;
	int timed = 0, ret = -1;

	memset(out, 0, sizeof(*out));
	if (f->activities)
		v = activity_items(ctx, f, &n, &timed);
	else if ((v = occurrence_items(ctx, f, &n)) == NULL)
		return -1;
	if (f->suggested)
		v = merge_activities(ctx, f, v, &n, &timed);
	if (f->max_per_day > 0)
		n = cap_days(ctx, f, v, n);
	cal = calendar(ctx, f);
	/* RFC 5545 wants a component in every calendar: an empty feed keeps
	 * the VTIMEZONE (its events would refer to it). */
	if (timed || n == 0)
		icalcomponent_add_component(cal, ical_vtimezone());
	head = ical_text(cal);
	icalcomponent_free(cal);
	if (head != NULL && assemble(ctx, f, head, v, n, out) == 0)
		ret = 0;
	else
		log_warnx("feed '%s' not written", f->name);
	free(head);
	free(v);
	return ret;
}

void
feed_ctx_init(struct feed_ctx *ctx, const struct dataset *d,
    const struct config *cfg, struct lunar_cal *lunar, struct ymd today)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->cfg = cfg;
	ctx->data = d;
	ctx->lunar = lunar;
	ctx->today = today;
	ctx->cache = xcalloc(1, sizeof(*ctx->cache));
	dataset_env(d, cfg, today.y, &ctx->env);
}

void
feed_ctx_release(struct feed_ctx *ctx)
{
	dataset_env_release(&ctx->env);
	if (ctx->cache != NULL)
		cache_release(ctx->cache);
	free(ctx->cache);
	ctx->cache = NULL;
}

void
feed_out_release(struct feed_out *o)
{
	free(o->text);
	memset(o, 0, sizeof(*o));
}

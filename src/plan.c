/*
 * The yearly plan skeleton.  plan_build() turns the year's occurrences
 * (from the rules engine) and planned activities into one document model;
 * the renderers below write it as Markdown, HTML, CSV or .docx (docx.c).
 * Which observance goes to which section is the [plan] mapping of the
 * config; the structure is that of the unions' year-end reports.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "cmd.h"
#include "config.h"
#include "docx.h"
#include "log.h"
#include "lunar.h"
#include "output.h"
#include "plan.h"
#include "store.h"
#include "util.h"

/* Sections with a mapping, in the order of config.plan_map. */
enum { S_1_1, S_1_2, S_1_3, S_1_4, S_3, S_COUNT };

static const char *const section_label[S_COUNT] = {
	"1.1", "1.2", "1.3", "1.4", "3"
};

/* Their keys in [plan]. */
static const char *const map_key[S_COUNT] = {
	"section_1_1", "section_1_2", "section_1_3", "section_1_4", "section_3"
};

/*
 * The reports' structure.  The special blocks 1.2-1.4 claim an occurrence
 * before 1.1 does (see claim_order); section 3 names what to publicise
 * whatever section it is in.  A selector's position orders the bullets:
 * focus countries, then partners, then the rest.
 */
static const char *const default_map[S_COUNT] = {
	"focus+milestone, partner+milestone, kind:relation+milestone, "
	    "kind:partnership+milestone, kind:commemoration+milestone, "
	    "kind:local+milestone",
	"tag:asean, kind:national-day+country:KH, "
	    "kind:national-day+country:LA, asean+milestone",
	"tag:overseas-vietnamese",
	"tag:annual, kind:national-day+focus+!milestone, "
	    "kind:national-day+partner+!milestone",
	"kind:relation+milestone, kind:partnership+milestone, "
	    "kind:commemoration+milestone"
};
static const int claim_order[] = { S_1_2, S_1_3, S_1_4, S_1_1 };

/* The countries the unions of the reports have friendship associations
 * for: Laos, Cambodia, Cuba, Russia, China, Japan, Korea, Germany, France,
 * Italy. */
static const char default_focus[] = "LA,KH,CU,RU,CN,JP,KR,DE,FR,IT";

/* ASEAN members and the year each joined (Viet Nam itself has no rows). */
static const struct {
	const char code[3];
	int year;
} asean[] = {
	{ "BN", 1984 }, { "ID", 1967 }, { "KH", 1999 }, { "LA", 1997 },
	{ "MM", 1997 }, { "MY", 1967 }, { "PH", 1967 }, { "SG", 1967 },
	{ "TH", 1967 }, { "TL", 2025 },
};

enum term_type { TM_KIND, TM_COUNTRY, TM_TAG, TM_KEY, TM_FOCUS, TM_PARTNER,
    TM_ASEAN, TM_MILESTONE };

struct term {
	enum term_type type;
	int neg;
	int kind;
	char *arg;
};

struct selector {
	struct term *t;
	size_t n;
};

struct smap {
	struct selector *v;
	size_t n;
};

/* One occurrence and where it goes. */
struct placed {
	const struct occurrence *oc;
	int section;		/* S_1_1..S_1_4, -1 = appendix only */
	int group;		/* selector that matched */
	int in3, group3;	/* also named in section 3 */
	struct buf acts;	/* planned activities, "; "-separated */
	int nacts;
};

struct ctx {
	const struct plan_input *in;
	struct plan_doc *doc;
	struct smap map[S_COUNT];
	char *focus;		/* ",LA,KH," */
	struct buf partners;	/* ",CN,JP," */
	struct occ_list occ;
	struct placed *pl;
	char year[8];		/* the year as text */
};

/* The texts of the document in each language. */
struct words {
	const char *org, *title, *draft[2], *h1[4], *h2[4], *empty, *activity,
	    *blank, *letters, *ngo[3], *info_rel, *info_other, *info_news,
	    *other[2], *appendix, *cols[5], *no_dates, *month[12];
};

static const struct words vi = {
	"Liên hiệp các tổ chức hữu nghị",
	"PHƯƠNG HƯỚNG HOẠT ĐỘNG NĂM ",
	{ "Dự thảo do kyniem lập ngày ", " từ lịch các ngày kỷ niệm; các chỗ "
	    "“…” để cán bộ bổ sung." },
	{ "1. Công tác hòa bình, đoàn kết, hữu nghị",
	    "2. Công tác phi chính phủ nước ngoài",
	    "3. Công tác thông tin đối ngoại", "4. Công tác khác" },
	{ "1.1. Các ngày kỷ niệm năm chẵn, năm tròn",
	    "1.2. Hoạt động khối ASEAN", "1.3. Hoạt động kiều bào",
	    "1.4. Hoạt động thường niên" },
	"Không có ngày kỷ niệm nào trong mục này.",
	"Hoạt động: ",
	"Hoạt động dự kiến: …",
	"Gửi thư, điện chúc mừng nhân dịp Quốc khánh các nước:",
	{ "Tăng cường sự kết hợp giữa công tác hòa bình, đoàn kết, hữu "
	    "nghị với công tác vận động viện trợ phi chính phủ nước ngoài.",
	    "Tiếp tục hỗ trợ các tổ chức đối tác triển khai hoạt động: …",
	    "Đi thăm, kết nối, vận động viện trợ các tổ chức phi chính phủ "
	    "nước ngoài: …" },
	"Tuyên truyền các hoạt động kỷ niệm năm chẵn, năm tròn thiết lập "
	    "quan hệ ngoại giao giữa Việt Nam với các nước trong năm ",
	"Tuyên truyền ",
	"Đăng tải tin, bài về hoạt động đối ngoại nhân dân trên trang thông "
	    "tin điện tử; xuất bản Bản tin Hữu nghị năm ",
	{ "Thực hiện các chương trình công tác theo chỉ đạo của Liên hiệp "
	    "các tổ chức hữu nghị Việt Nam và lãnh đạo địa phương.", "…" },
	"Phụ lục: Lịch các ngày kỷ niệm năm ",
	{ "Ngày", "Sự kiện", "Năm chẵn, tròn", "Mục", "Hoạt động" },
	"Không có ngày nào trong tháng.",
	{ "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6",
	    "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11",
	    "Tháng 12" },
};

static const struct words en = {
	"Union of Friendship Organizations",
	"ACTIVITY PLAN FOR ",
	{ "Draft made by kyniem on ", " from the calendar of anniversaries; "
	    "fill in the blanks (“…”)." },
	{ "1. Peace, solidarity and friendship work",
	    "2. Work with foreign non-governmental organisations",
	    "3. External information work", "4. Other work" },
	{ "1.1. Milestone anniversaries", "1.2. ASEAN activities",
	    "1.3. Overseas Vietnamese", "1.4. Annual activities" },
	"No dates in this section.",
	"Activity: ",
	"Planned activity: …",
	"Send congratulatory letters for the national days of:",
	{ "Combine peace, solidarity and friendship work with the "
	    "mobilisation of foreign non-governmental aid.",
	    "Keep supporting partner organisations' activities: …",
	    "Visit and mobilise aid from foreign non-governmental "
	    "organisations: …" },
	"Publicise the round anniversaries of diplomatic relations between "
	    "Vietnam and other countries in ",
	"Publicise the ",
	"Post news and articles on people-to-people diplomacy on the "
	    "website; publish the Friendship Bulletin of ",
	{ "Carry out the work programmes directed by the Vietnam Union of "
	    "Friendship Organizations and the local leadership.", "…" },
	"Appendix: calendar of ",
	{ "Date", "Event", "Milestone", "Section", "Activities" },
	"No dates this month.",
	{ "January", "February", "March", "April", "May", "June", "July",
	    "August", "September", "October", "November", "December" },
};

static const struct words *
words(enum lang lang)
{
	return lang == LANG_EN ? &en : &vi;
}

/* --- the section mapping ------------------------------------------- */

static int
parse_term(char *s, struct term *t, const char **err)
{
	static const struct {
		const char *name;
		enum term_type type;
		int arg;
	} names[] = {
		{ "kind", TM_KIND, 1 }, { "country", TM_COUNTRY, 1 },
		{ "tag", TM_TAG, 1 }, { "key", TM_KEY, 1 },
		{ "focus", TM_FOCUS, 0 }, { "partner", TM_PARTNER, 0 },
		{ "asean", TM_ASEAN, 0 }, { "milestone", TM_MILESTONE, 0 },
	};
	char *colon, *p;
	size_t i;

	memset(t, 0, sizeof(*t));
	if (*s == '!') {
		t->neg = 1;
		s++;
	}
	if ((colon = strchr(s, ':')) != NULL)
		*colon++ = '\0';
	for (i = 0; i < NELEM(names); i++)
		if (strcmp(s, names[i].name) == 0)
			break;
	if (i == NELEM(names)) {
		*err = "unknown term (want kind:, country:, tag:, key:, focus, "
		    "partner, asean or milestone)";
		return -1;
	}
	t->type = names[i].type;
	if (names[i].arg != (colon != NULL) || (colon && *colon == '\0')) {
		*err = names[i].arg ? "kind:, country:, tag: and key: need a "
		    "value" : "focus, partner, asean and milestone take no value";
		return -1;
	}
	if (t->type == TM_KIND && (t->kind = rules_kind_parse(colon)) < 0) {
		*err = "unknown kind";
		return -1;
	}
	if (t->type == TM_COUNTRY) {
		for (p = colon; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		if (strlen(colon) != 2) {
			*err = "country: wants a two-letter ISO code";
			return -1;
		}
	}
	t->arg = colon ? xstrdup(colon) : NULL;
	return 0;
}

static void
smap_release(struct smap *m)
{
	size_t i, j;

	for (i = 0; i < m->n; i++) {
		for (j = 0; j < m->v[i].n; j++)
			free(m->v[i].t[j].arg);
		free(m->v[i].t);
	}
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

/* Strip blanks around s in place. */
static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

static int
parse_selector(char *s, struct selector *sel, const char **err)
{
	char *save = NULL, *tok;

	sel->t = NULL;
	sel->n = 0;
	for (tok = strtok_r(s, "+", &save); tok != NULL;
	    tok = strtok_r(NULL, "+", &save)) {
		sel->t = xrealloc(sel->t, (sel->n + 1) * sizeof(*sel->t));
		if (parse_term(trim(tok), &sel->t[sel->n], err) == -1)
			return -1;
		sel->n++;
	}
	if (sel->n == 0) {
		*err = "empty selector";
		return -1;
	}
	return 0;
}

static int
parse_map(const char *map, struct smap *out, const char **err)
{
	char *copy = xstrdup(map), *save = NULL, *tok;
	int ret = -1;

	out->v = NULL;
	out->n = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		if (parse_selector(tok, &out->v[out->n], err) == -1) {
			out->n++;
			goto done;
		}
		out->n++;
	}
	ret = 0;
done:
	free(copy);
	if (ret == -1)
		smap_release(out);
	return ret;
}

int
plan_map_check(const char *map, const char **err)
{
	struct smap m;

	if (parse_map(map, &m, err) == -1)
		return -1;
	smap_release(&m);
	return 0;
}

/* 1 if ",CC," is in the list. */
static int
in_list(const char *list, const char *cc)
{
	char needle[5];

	if (cc[0] == '\0')
		return 0;
	snprintf(needle, sizeof(needle), ",%s,", cc);
	return strstr(list, needle) != NULL;
}

static int
is_asean(const char *cc, int year)
{
	size_t i;

	for (i = 0; i < NELEM(asean); i++)
		if (strcmp(asean[i].code, cc) == 0)
			return asean[i].year <= year;
	return 0;
}

static int
term_holds(const struct ctx *c, const struct term *t,
    const struct occurrence *oc)
{
	const struct observance *o = oc->obs;
	int r = 0;

	switch (t->type) {
	case TM_KIND:
		r = (int)o->kind == t->kind;
		break;
	case TM_COUNTRY:
		r = strcmp(o->country, t->arg) == 0;
		break;
	case TM_TAG:
		r = rules_has_tag(o, t->arg);
		break;
	case TM_KEY:
		r = strcmp(o->key, t->arg) == 0;
		break;
	case TM_FOCUS:
		r = in_list(c->focus, o->country);
		break;
	case TM_PARTNER:
		r = c->partners.data && in_list(c->partners.data, o->country);
		break;
	case TM_ASEAN:
		r = is_asean(o->country, c->in->year);
		break;
	case TM_MILESTONE:
		r = rules_is_milestone(&c->in->cfg->rules, oc);
		break;
	}
	return t->neg ? !r : r;
}

/* Index of the first selector of m the occurrence matches, or -1. */
static int
map_match(const struct ctx *c, const struct smap *m,
    const struct occurrence *oc)
{
	size_t i, j;

	for (i = 0; i < m->n; i++) {
		for (j = 0; j < m->v[i].n; j++)
			if (!term_holds(c, &m->v[i].t[j], oc))
				break;
		if (j == m->v[i].n)
			return (int)i;
	}
	return -1;
}

/* --- building -------------------------------------------------------- */

static struct plan_block *
block_add(struct plan_doc *d, enum plan_block_type type, int level,
    const char *text)
{
	struct plan_block *b;

	if (d->nblocks == d->blocks_cap) {
		d->blocks_cap = d->blocks_cap ? d->blocks_cap * 2 : 64;
		d->blocks = xrealloc(d->blocks, d->blocks_cap *
		    sizeof(*d->blocks));
	}
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	b->level = level;
	b->text = text ? xstrdup(text) : NULL;
	return b;
}

/* A block whose text is the strings given, up to a NULL, joined.  (The
 * texts are data, not formats, so -Wformat-nonliteral holds.) */
static void
block_cat(struct plan_doc *d, enum plan_block_type type, int level, ...)
{
	struct plan_block *b = block_add(d, type, level, NULL);
	const char *s;
	struct buf t;
	va_list ap;

	buf_init(&t);
	va_start(ap, level);
	while ((s = va_arg(ap, const char *)) != NULL)
		buf_puts(&t, s);
	va_end(ap);
	b->text = buf_detach(&t);
}

/* Focus countries from config (or the default) as ",LA,KH,". */
static char *
focus_list(const struct config *cfg)
{
	const char *src = cfg->focus_countries ? cfg->focus_countries :
	    default_focus;
	struct buf b;
	const char *p;

	buf_init(&b);
	buf_putc(&b, ',');
	for (p = src; *p; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		buf_putc(&b, *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
	}
	buf_putc(&b, ',');
	return buf_detach(&b);
}

/*
 * Strategic and comprehensive-strategic partners as of the plan's first
 * day: a partnership established in an earlier year.  The plan is
 * written in December for the year ahead.
 */
static void
partner_list(struct ctx *c)
{
	const struct observance *o;
	size_t i;

	buf_puts(&c->partners, ",");
	for (i = 0; i < c->in->nobs; i++) {
		o = c->in->obs[i];
		if (o->kind != KIND_PARTNERSHIP || o->level == NULL ||
		    o->rule.base_year == 0 || o->rule.base_year >= c->in->year)
			continue;
		if (strcmp(o->level, "strategic") != 0 &&
		    strcmp(o->level, "comprehensive-strategic") != 0)
			continue;
		if (!in_list(c->partners.data, o->country))
			buf_printf(&c->partners, "%s,", o->country);
	}
}

static void
place_all(struct ctx *c)
{
	struct placed *p;
	size_t i, k;
	int g;

	c->pl = xcalloc(c->occ.n ? c->occ.n : 1, sizeof(*c->pl));
	for (i = 0; i < c->occ.n; i++) {
		p = &c->pl[i];
		p->oc = &c->occ.v[i];
		p->section = -1;
		buf_init(&p->acts);
		for (k = 0; k < NELEM(claim_order); k++) {
			g = map_match(c, &c->map[claim_order[k]], p->oc);
			if (g >= 0) {
				p->section = claim_order[k];
				p->group = g;
				break;
			}
		}
		p->group3 = map_match(c, &c->map[S_3], p->oc);
		p->in3 = p->group3 >= 0;
	}
}

/* "Hội thao (14/4/2024, Nha Trang)" */
static void
activity_text(const struct activity *a, enum lang lang, struct buf *out)
{
	buf_puts(out, a->title);
	buf_puts(out, " (");
	rules_format_date(a->start, lang, out);
	if (!a->all_day)
		buf_printf(out, " %02d:%02d", a->start_min / 60,
		    a->start_min % 60);
	if (a->location && *a->location)
		buf_printf(out, ", %s", a->location);
	buf_puts(out, ")");
}

static int
activity_in_year(const struct activity *a, int year)
{
	return a->status != ACTIVITY_CANCELLED && a->start.y <= year &&
	    (a->end.y >= year || a->start.y == year);
}

/* Attach the year's activities to the occurrences they are linked to;
 * the others become rows of their own in add_rows(). */
static void
link_activities(struct ctx *c)
{
	const struct activity_list *al = c->in->acts;
	const struct activity *a;
	size_t i, j;

	if (al == NULL)
		return;
	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		if (!activity_in_year(a, c->in->year) || a->observance == NULL)
			continue;
		for (j = 0; j < c->occ.n; j++)
			if (strcmp(c->pl[j].oc->obs->key, a->observance) == 0)
				break;
		if (j == c->occ.n)
			continue;
		if (c->pl[j].nacts++ > 0)
			buf_puts(&c->pl[j].acts, "; ");
		activity_text(a, c->in->lang, &c->pl[j].acts);
	}
}

static int
linked(const struct ctx *c, const struct activity *a)
{
	size_t j;

	if (a->observance == NULL)
		return 0;
	for (j = 0; j < c->occ.n; j++)
		if (strcmp(c->pl[j].oc->obs->key, a->observance) == 0)
			return 1;
	return 0;
}

/*
 * The bullet's text: the reports' title for a milestone; for a yearly
 * date its plain name and day; for a lunar date the Gregorian day, the
 * lunar one and, at Tết, the year's Can Chi ("Tết Nguyên đán Giáp Thìn
 * 2024 (10/2/2024, 1/1 âm lịch)").
 */
static void
item_text(const struct ctx *c, const struct occurrence *oc, struct buf *out)
{
	const struct observance *o = oc->obs;
	enum lang lang = c->in->lang;
	struct occurrence plain = *oc;
	struct ymd end;
	char cc[32];

	if (rules_is_milestone(&c->in->cfg->rules, oc)) {
		rules_title(oc, lang, out);
		return;
	}
	if (o->rule.type == RULE_LUNAR && oc->n == 0) {
		buf_puts(out, lang == LANG_EN ? o->name_en : o->name_vi);
		if (o->rule.month == 1 && o->rule.day == 1 && !o->rule.leap &&
		    lunar_can_chi(oc->date.y, cc, sizeof(cc)) == 0)
			buf_printf(out, " %s %d", cc, oc->date.y);
		buf_puts(out, " (");
		rules_format_date(oc->date, lang, out);
		buf_printf(out, lang == LANG_EN ? ", lunar %d/%d)" :
		    ", %d/%d âm lịch)", o->rule.day, o->rule.month);
		return;
	}
	plain.n = 0;
	rules_title(&plain, lang, out);
	if (oc->days > 1 && out->len > 0 && out->data[out->len - 1] == ')') {
		/* The engine names the first day; a festival lasts longer. */
		out->data[--out->len] = '\0';
		end = util_ymd_add_days(oc->date, oc->days - 1);
		buf_puts(out, " – ");
		rules_format_date(end, lang, out);
		buf_puts(out, ")");
	}
}

static void
bullet_with_activity(struct ctx *c, const struct placed *p)
{
	const struct words *w = words(c->in->lang);
	struct buf t;

	buf_init(&t);
	item_text(c, p->oc, &t);
	block_add(c->doc, PB_BULLET, 0, t.data);
	buf_release(&t);
	if (p->nacts > 0)
		block_cat(c->doc, PB_BULLET, 1, w->activity, p->acts.data,
		    (char *)NULL);
	else
		block_add(c->doc, PB_BULLET, 1, w->blank);
}

/* The placed occurrences of a section ordered by selector, then date. */
static size_t
section_members(const struct ctx *c, int s, const struct placed ***out)
{
	const struct placed **v = xcalloc(c->occ.n + 1, sizeof(*v));
	size_t i, n = 0;
	int g, maxg = (int)c->map[s].n;

	for (g = 0; g < maxg; g++)
		for (i = 0; i < c->occ.n; i++) {
			if (s == S_3 ? c->pl[i].in3 && c->pl[i].group3 == g :
			    c->pl[i].section == s && c->pl[i].group == g)
				v[n++] = &c->pl[i];
		}
	*out = v;
	return n;
}

static void
build_section(struct ctx *c, int s)
{
	const struct words *w = words(c->in->lang);
	const struct placed **m;
	size_t i, n, nletters = 0;

	block_add(c->doc, PB_H2, 0, w->h2[s]);
	n = section_members(c, s, &m);
	for (i = 0; i < n; i++) {
		/* Greetings for national days gather under one bullet. */
		if (s == S_1_4 && m[i]->oc->obs->kind == KIND_NATIONAL_DAY &&
		    !rules_is_milestone(&c->in->cfg->rules, m[i]->oc)) {
			nletters++;
			continue;
		}
		bullet_with_activity(c, m[i]);
	}
	if (nletters > 0)
		block_add(c->doc, PB_BULLET, 0, w->letters);
	for (i = 0; i < n && nletters > 0; i++) {
		struct buf t;

		if (m[i]->oc->obs->kind != KIND_NATIONAL_DAY ||
		    rules_is_milestone(&c->in->cfg->rules, m[i]->oc))
			continue;
		buf_init(&t);
		item_text(c, m[i]->oc, &t);
		block_add(c->doc, PB_BULLET, 1, t.data);
		buf_release(&t);
	}
	if (n == 0)
		block_add(c->doc, PB_PARA, 0, w->empty);
	free(m);
}

/* Section 3: the relations' countries in one sentence, as the reports
 * write it ("Thụy Điển, Mông Cổ, Brazil"), then the other anniversaries. */
static void
build_info(struct ctx *c)
{
	const struct words *w = words(c->in->lang);
	const struct placed **m;
	const struct observance *o;
	struct buf names, t;
	size_t i, n;

	block_add(c->doc, PB_H1, 0, w->h1[2]);
	n = section_members(c, S_3, &m);
	buf_init(&names);
	for (i = 0; i < n; i++) {
		o = m[i]->oc->obs;
		if (o->kind != KIND_RELATION)
			continue;
		if (names.len > 0)
			buf_puts(&names, ", ");
		buf_puts(&names, (c->in->lang == LANG_EN ? o->country_en :
		    o->country_vi) ? (c->in->lang == LANG_EN ? o->country_en :
		    o->country_vi) : o->country);
	}
	if (names.len > 0)
		block_cat(c->doc, PB_BULLET, 0, w->info_rel, c->year,
		    ": ", names.data, ".", (char *)NULL);
	buf_release(&names);
	for (i = 0; i < n; i++) {
		if (m[i]->oc->obs->kind == KIND_RELATION)
			continue;
		buf_init(&t);
		rules_title(m[i]->oc, c->in->lang, &t);
		/* Mid-sentence: "Tuyên truyền kỷ niệm ...". */
		if (c->in->lang == LANG_VI && strncmp(t.data, "Kỷ", 3) == 0)
			t.data[0] = 'k';
		block_cat(c->doc, PB_BULLET, 0, w->info_other, t.data, ".",
		    (char *)NULL);
		buf_release(&t);
	}
	block_cat(c->doc, PB_BULLET, 0, w->info_news, c->year, ": …",
	    (char *)NULL);
	free(m);
}

static void
build_header(struct ctx *c)
{
	const struct config *cfg = c->in->cfg;
	const struct words *w = words(c->in->lang);
	struct ymd t = c->in->today;
	const char *prov = cfg->org_province ? cfg->org_province : "";
	struct buf b;

	block_add(c->doc, PB_META, 0, cfg->org_name && *cfg->org_name ?
	    cfg->org_name : w->org);
	buf_init(&b);
	if (c->in->lang == LANG_EN) {
		if (*prov)
			buf_printf(&b, "%s, ", prov);
		rules_format_date(t, LANG_EN, &b);
	} else
		buf_printf(&b, "%s%s%sgày %d tháng %d năm %d", prov,
		    *prov ? ", " : "", *prov ? "n" : "N", t.d, t.m, t.y);
	block_add(c->doc, PB_META, 1, b.data);
	buf_release(&b);
	block_cat(c->doc, PB_TITLE, 0, w->title, c->year, (char *)NULL);
	buf_init(&b);
	rules_format_date(t, c->in->lang, &b);
	block_cat(c->doc, PB_PARA, 0, w->draft[0], b.data, w->draft[1],
	    (char *)NULL);
	buf_release(&b);
}

static void
build_sections(struct ctx *c)
{
	const struct words *w = words(c->in->lang);
	int s;

	block_add(c->doc, PB_H1, 0, w->h1[0]);
	for (s = S_1_1; s <= S_1_4; s++)
		build_section(c, s);
	block_add(c->doc, PB_H1, 0, w->h1[1]);
	for (s = 0; s < 3; s++)
		block_add(c->doc, PB_BULLET, 0, w->ngo[s]);
	build_info(c);
	block_add(c->doc, PB_H1, 0, w->h1[3]);
	for (s = 0; s < 2; s++)
		block_add(c->doc, PB_BULLET, 0, w->other[s]);
}

/* --- the appendix ---------------------------------------------------- */

static struct plan_row *
row_add(struct plan_doc *d)
{
	struct plan_row *r;

	if (d->nrows == d->rows_cap) {
		d->rows_cap = d->rows_cap ? d->rows_cap * 2 : 256;
		d->rows = xrealloc(d->rows, d->rows_cap * sizeof(*d->rows));
	}
	r = &d->rows[d->nrows++];
	memset(r, 0, sizeof(*r));
	return r;
}

static void
row_occurrence(struct ctx *c, const struct placed *p)
{
	const struct occurrence *oc = p->oc;
	struct plan_row *r = row_add(c->doc);
	struct buf t;

	r->date = oc->date;
	r->days = oc->days;
	r->key = xstrdup(oc->obs->key);
	r->kind = xstrdup(rules_kind_name(oc->obs->kind));
	r->country = xstrdup(oc->obs->country);
	r->n = oc->n;
	r->milestone = oc->milestone;
	r->counts = rules_is_milestone(&c->in->cfg->rules, oc);
	r->section = xasprintf("%s%s%s", p->section >= 0 ?
	    section_label[p->section] : "", p->section >= 0 && p->in3 ?
	    ", " : "", p->in3 ? "3" : "");
	buf_init(&t);
	rules_title(oc, c->in->lang, &t);
	r->title = buf_detach(&t);
	r->activities = xstrdup(p->nacts ? p->acts.data : "");
}

static void
row_activity(struct ctx *c, const struct activity *a)
{
	struct plan_row *r = row_add(c->doc);
	struct buf t;

	r->date = a->start;
	r->days = a->all_day && util_ymd_cmp(a->end, a->start) > 0 ?
	    (int)(util_days_from_civil(a->end.y, a->end.m, a->end.d) -
	    util_days_from_civil(a->start.y, a->start.m, a->start.d) + 1) : 1;
	r->key = xasprintf("activity:%ld", a->id);
	r->kind = xstrdup("activity");
	r->country = xstrdup("");
	r->section = xstrdup("");
	r->title = xstrdup(a->title);
	buf_init(&t);
	activity_text(a, c->in->lang, &t);
	r->activities = buf_detach(&t);
}

static int
row_cmp(const void *a, const void *b)
{
	const struct plan_row *x = a, *y = b;
	int r = util_ymd_cmp(x->date, y->date);

	return r ? r : strcmp(x->key, y->key);
}

static void
add_rows(struct ctx *c)
{
	const struct activity_list *al = c->in->acts;
	size_t i;

	for (i = 0; i < c->occ.n; i++)
		row_occurrence(c, &c->pl[i]);
	for (i = 0; al != NULL && i < al->n; i++)
		if (activity_in_year(&al->v[i], c->in->year) &&
		    al->v[i].start.y == c->in->year && !linked(c, &al->v[i]))
			row_activity(c, &al->v[i]);
	if (c->doc->nrows > 0)
		qsort(c->doc->rows, c->doc->nrows, sizeof(*c->doc->rows),
		    row_cmp);
}

/* "14/4" or "14/4 – 16/4"; "14 Apr" in English. */
static void
short_date(struct ymd d, int days, enum lang lang, struct buf *out)
{
	struct ymd e = util_ymd_add_days(d, days - 1);

	if (lang == LANG_EN)
		buf_printf(out, "%d %.3s", d.d, en.month[d.m - 1]);
	else
		buf_printf(out, "%d/%d", d.d, d.m);
	if (days <= 1)
		return;
	if (lang == LANG_EN)
		buf_printf(out, " – %d %.3s", e.d, en.month[e.m - 1]);
	else
		buf_printf(out, " – %d/%d", e.d, e.m);
}

static void
month_table(struct ctx *c, size_t from, size_t to)
{
	const struct words *w = words(c->in->lang);
	struct plan_block *b = block_add(c->doc, PB_TABLE, 0, NULL);
	const struct plan_row *r;
	struct buf t;
	size_t i, k;

	b->ncols = 5;
	b->nrows = to - from + 1;
	b->cells = xcalloc(b->ncols * b->nrows, sizeof(*b->cells));
	for (k = 0; k < 5; k++)
		b->cells[k] = xstrdup(w->cols[k]);
	for (i = from; i < to; i++) {
		r = &c->doc->rows[i];
		k = (i - from + 1) * 5;
		buf_init(&t);
		short_date(r->date, r->days, c->in->lang, &t);
		b->cells[k] = buf_detach(&t);
		b->cells[k + 1] = xstrdup(r->title);
		b->cells[k + 2] = xstrdup(r->counts ?
		    output_milestone_label(r->milestone, c->in->lang) : "");
		b->cells[k + 3] = xstrdup(r->section);
		b->cells[k + 4] = xstrdup(r->activities);
	}
}

static void
build_appendix(struct ctx *c)
{
	const struct words *w = words(c->in->lang);
	size_t i = 0, j;
	int m;

	block_cat(c->doc, PB_H1, 0, w->appendix, c->year, (char *)NULL);
	for (m = 1; m <= 12; m++) {
		block_add(c->doc, PB_H2, 0, w->month[m - 1]);
		while (i < c->doc->nrows && c->doc->rows[i].date.m < m)
			i++;
		for (j = i; j < c->doc->nrows && c->doc->rows[j].date.m == m;
		    j++)
			;
		if (j == i)
			block_add(c->doc, PB_PARA, 0, w->no_dates);
		else
			month_table(c, i, j);
		i = j;
	}
}

int
plan_build(const struct plan_input *in, struct plan_doc *doc)
{
	struct ctx c;
	const char *err;
	size_t i;
	int s, ret = -1;

	memset(doc, 0, sizeof(*doc));
	memset(&c, 0, sizeof(c));
	doc->year = in->year;
	doc->lang = in->lang;
	c.in = in;
	c.doc = doc;
	snprintf(c.year, sizeof(c.year), "%d", in->year);
	buf_init(&c.partners);
	for (s = 0; s < S_COUNT; s++) {
		const char *m = in->cfg->plan_map[s] ? in->cfg->plan_map[s] :
		    default_map[s];

		if (parse_map(m, &c.map[s], &err) == -1) {
			log_warnx("[plan] %s: %s", map_key[s], err);
			goto done;
		}
	}
	c.focus = focus_list(in->cfg);
	partner_list(&c);
	if (rules_occurrences(&in->cfg->rules, in->obs, in->nobs,
	    (struct ymd){ in->year, 1, 1 }, (struct ymd){ in->year, 12, 31 },
	    &c.occ) == -1) {
		log_warnx("cannot compute the dates of %d", in->year);
		goto done;
	}
	place_all(&c);
	link_activities(&c);
	build_header(&c);
	build_sections(&c);
	add_rows(&c);
	build_appendix(&c);
	ret = 0;
done:
	for (i = 0; c.pl != NULL && i < c.occ.n; i++)
		buf_release(&c.pl[i].acts);
	free(c.pl);
	occ_list_release(&c.occ);
	for (s = 0; s < S_COUNT; s++)
		smap_release(&c.map[s]);
	free(c.focus);
	buf_release(&c.partners);
	if (ret == -1)
		plan_doc_release(doc);
	return ret;
}

void
plan_doc_release(struct plan_doc *doc)
{
	size_t i, k;

	for (i = 0; i < doc->nblocks; i++) {
		free(doc->blocks[i].text);
		for (k = 0; k < doc->blocks[i].ncols * doc->blocks[i].nrows;
		    k++)
			free(doc->blocks[i].cells[k]);
		free(doc->blocks[i].cells);
	}
	free(doc->blocks);
	for (i = 0; i < doc->nrows; i++) {
		free(doc->rows[i].key);
		free(doc->rows[i].kind);
		free(doc->rows[i].country);
		free(doc->rows[i].section);
		free(doc->rows[i].title);
		free(doc->rows[i].activities);
	}
	free(doc->rows);
	memset(doc, 0, sizeof(*doc));
}

/* --- renderers -------------------------------------------------------- */

int
plan_parse_format(const char *s, enum plan_format *out)
{
	static const char *const names[] = { "md", "html", "csv", "docx" };
	size_t i;

	for (i = 0; i < NELEM(names); i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum plan_format)i;
			return 0;
		}
	return -1;
}

const char *
plan_content_type(enum plan_format fmt)
{
	switch (fmt) {
	case PLAN_MD:
		return "text/markdown; charset=utf-8";
	case PLAN_HTML:
		return "text/html; charset=utf-8";
	case PLAN_CSV:
		return "text/csv; charset=utf-8";
	case PLAN_DOCX:
		break;
	}
	return "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document";
}

/* Markdown table cells: a pipe would end the cell, a newline the row. */
static void
md_cell(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			buf_puts(b, "\\|");
		else if (*s == '\n' || *s == '\r')
			buf_putc(b, ' ');
		else
			buf_putc(b, *s);
	}
}

static void
md_table(struct buf *b, const struct plan_block *t)
{
	size_t r, k;

	for (r = 0; r < t->nrows; r++) {
		buf_puts(b, "|");
		for (k = 0; k < t->ncols; k++) {
			buf_putc(b, ' ');
			md_cell(b, t->cells[r * t->ncols + k]);
			buf_puts(b, " |");
		}
		buf_putc(b, '\n');
		if (r == 0) {
			buf_puts(b, "|");
			for (k = 0; k < t->ncols; k++)
				buf_puts(b, "---|");
			buf_putc(b, '\n');
		}
	}
}

static void
render_md(const struct plan_doc *d, struct buf *b)
{
	const struct plan_block *p;
	size_t i;

	for (i = 0; i < d->nblocks; i++) {
		p = &d->blocks[i];
		/* A blank line between blocks, none inside a list. */
		if (i > 0 && !(p->type == PB_BULLET &&
		    d->blocks[i - 1].type == PB_BULLET))
			buf_putc(b, '\n');
		switch (p->type) {
		case PB_TITLE:
			buf_printf(b, "# %s\n", p->text);
			break;
		case PB_META:
			buf_printf(b, p->level == 0 ? "**%s**\n" : "_%s_\n",
			    p->text);
			break;
		case PB_H1:
			buf_printf(b, "## %s\n", p->text);
			break;
		case PB_H2:
			buf_printf(b, "### %s\n", p->text);
			break;
		case PB_PARA:
			buf_printf(b, "%s\n", p->text);
			break;
		case PB_BULLET:
			buf_printf(b, "%s- %s\n", p->level ? "  " : "",
			    p->text);
			break;
		case PB_TABLE:
			md_table(b, p);
			break;
		}
	}
}

static void
render_csv(const struct plan_doc *d, struct buf *b)
{
	const struct plan_row *r;
	char date[11];
	size_t i;

	buf_puts(b, "date,key,kind,country,n,milestone,section,title,"
	    "activities\r\n");
	for (i = 0; i < d->nrows; i++) {
		r = &d->rows[i];
		util_format_ymd(r->date, date, sizeof(date));
		buf_printf(b, "%s,", date);
		output_csv_field(b, r->key);
		buf_putc(b, ',');
		output_csv_field(b, r->kind);
		buf_printf(b, ",%s,", r->country);
		if (r->n > 0)
			buf_printf(b, "%d", r->n);
		buf_printf(b, ",%s,", rules_milestone_name(r->milestone));
		output_csv_field(b, r->section);
		buf_putc(b, ',');
		output_csv_field(b, r->title);
		buf_putc(b, ',');
		output_csv_field(b, r->activities);
		buf_puts(b, "\r\n");
	}
}

static void
html_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		default:
			buf_putc(b, *s);
		}
	}
}

/* One self-contained page: no scripts, fonts or images to fetch, and
 * print rules for A4 (the paper of Vietnamese official documents). */
static const char html_style[] =
	"@page{size:A4;margin:20mm 20mm 20mm 30mm}"
	"body{font-family:'Times New Roman',Times,'Liberation Serif',serif;"
	"font-size:13pt;line-height:1.4;max-width:170mm;margin:1.5em auto;"
	"padding:0 1em;color:#000;background:#fff}"
	".org{font-weight:bold;margin:0}"
	".date{font-style:italic;text-align:right;margin:0 0 1em}"
	"h1{font-size:15pt;text-align:center;margin:1em 0}"
	"h2{font-size:13.5pt;margin:1.2em 0 .4em}"
	"h3{font-size:13pt;font-style:italic;margin:.9em 0 .3em}"
	"h1,h2,h3{page-break-after:avoid;break-after:avoid}"
	"ul{margin:.2em 0;padding-left:1.4em;list-style-type:'- '}"
	"ul ul{list-style-type:'+ '}"
	"li{margin:.1em 0}"
	"table{border-collapse:collapse;width:100%;font-size:10.5pt;"
	"margin:.3em 0 .8em}"
	"th,td{border:1px solid #444;padding:2px 4px;vertical-align:top;"
	"text-align:left}"
	"th{background:#eee}"
	"thead{display:table-header-group}"
	"tr{page-break-inside:avoid;break-inside:avoid}"
	"td:first-child{white-space:nowrap}"
	"@media print{body{margin:0;max-width:none;padding:0}"
	"th{background:none}}";

/* Open and close <ul>/<li> so nested bullets become nested lists. */
static void
html_list(struct buf *b, int *depth, int want, const char *text)
{
	if (want < 0) {
		if (*depth == 2)
			buf_puts(b, "</li></ul>");
		if (*depth >= 1)
			buf_puts(b, "</li></ul>\n");
		*depth = 0;
		return;
	}
	if (want == 0) {
		buf_puts(b, *depth == 0 ? "<ul>" : *depth == 1 ? "</li>\n" :
		    "</li></ul></li>\n");
		*depth = 1;
	} else {
		buf_puts(b, *depth == 0 ? "<ul><li><ul>" : *depth == 1 ?
		    "<ul>" : "</li>");
		*depth = 2;
	}
	buf_puts(b, "<li>");
	html_escape(b, text);
}

static void
html_table(struct buf *b, const struct plan_block *t)
{
	size_t r, k;

	buf_puts(b, "<table>\n<thead>");
	for (r = 0; r < t->nrows; r++) {
		buf_puts(b, "<tr>");
		for (k = 0; k < t->ncols; k++) {
			buf_puts(b, r == 0 ? "<th>" : "<td>");
			html_escape(b, t->cells[r * t->ncols + k]);
			buf_puts(b, r == 0 ? "</th>" : "</td>");
		}
		buf_puts(b, r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
}

static void
html_block(struct buf *b, const struct plan_block *p)
{
	static const char *const tag[] = { "h1", "p", "h2", "h3", "p" };

	if (p->type == PB_TABLE) {
		html_table(b, p);
		return;
	}
	if (p->type == PB_META)
		buf_printf(b, "<p class=\"%s\">", p->level ? "date" : "org");
	else
		buf_printf(b, "<%s>", tag[p->type]);
	html_escape(b, p->text);
	buf_printf(b, "</%s>\n", p->type == PB_META ? "p" : tag[p->type]);
}

static void
render_html(const struct plan_doc *d, struct buf *b)
{
	size_t i;
	int depth = 0;

	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>",
	    d->lang == LANG_EN ? "en" : "vi");
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].type == PB_TITLE)
			html_escape(b, d->blocks[i].text);
	buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n",
	    html_style);
	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type == PB_BULLET) {
			html_list(b, &depth, d->blocks[i].level,
			    d->blocks[i].text);
			continue;
		}
		html_list(b, &depth, -1, NULL);
		html_block(b, &d->blocks[i]);
	}
	html_list(b, &depth, -1, NULL);
	buf_puts(b, "</body>\n</html>\n");
}

static int
render_docx(const struct plan_doc *d, char **out, size_t *len)
{
	static const int widths[] = { 12, 40, 11, 7, 30 };
	struct docx *x = docx_new(d->lang == LANG_EN ? "en-GB" : "vi-VN");
	const struct plan_block *p;
	size_t i;
	int ret;

	for (i = 0; i < d->nblocks; i++) {
		p = &d->blocks[i];
		switch (p->type) {
		case PB_TITLE:
			docx_heading(x, 0, p->text);
			break;
		case PB_META:
			docx_para(x, p->text, p->level ? DOCX_ITALIC :
			    DOCX_BOLD);
			break;
		case PB_H1:
			docx_heading(x, 1, p->text);
			break;
		case PB_H2:
			docx_heading(x, 2, p->text);
			break;
		case PB_PARA:
			docx_para(x, p->text, 0);
			break;
		case PB_BULLET:
			docx_bullet(x, p->level, p->text);
			break;
		case PB_TABLE:
			docx_table(x, p->ncols, p->nrows, p->cells, widths);
			break;
		}
	}
	ret = docx_finish(x, out, len);
	docx_free(x);
	return ret;
}

int
plan_render(const struct plan_doc *doc, enum plan_format fmt, char **out,
    size_t *len)
{
	struct buf b;

	if (fmt == PLAN_DOCX)
		return render_docx(doc, out, len);
	buf_init(&b);
	if (fmt == PLAN_MD)
		render_md(doc, &b);
	else if (fmt == PLAN_HTML)
		render_html(doc, &b);
	else
		render_csv(doc, &b);
	if (b.data == NULL)
		buf_puts(&b, "");
	*len = b.len;
	*out = buf_detach(&b);
	return 0;
}

int
plan_make(struct app *app, int year, enum lang lang, enum plan_format fmt,
    char **out, size_t *len)
{
	struct obs_set set = { NULL, 0 };
	struct activity_list acts = { NULL, 0 };
	struct plan_input in;
	struct plan_doc doc;
	int ret = -1;

	if (store_load(app->store, -1, &set) == -1 ||
	    activity_load(app->store, &acts) == -1)
		goto done;
	in.cfg = app->cfg;
	in.obs = set.v;
	in.nobs = set.n;
	in.acts = &acts;
	in.lunar = app->lunar;
	in.year = year;
	in.lang = lang;
	in.today = app->today;
	if (plan_build(&in, &doc) == -1)
		goto done;
	ret = plan_render(&doc, fmt, out, len);
	plan_doc_release(&doc);
done:
	activity_list_release(&acts);
	obs_set_release(&set);
	return ret;
}

void
plan_files_free(struct plan_file *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].body);
	}
	free(v);
}

int
plan_files(const struct plan_input *in, int from, int to,
    struct plan_file **out, size_t *n)
{
	static const enum plan_format fmts[] = { PLAN_MD, PLAN_HTML,
	    PLAN_DOCX };
	static const char *const ext[] = { "md", "html", "csv", "docx" };
	struct plan_input one = *in;
	struct plan_file *v = NULL, *f;
	struct plan_doc doc;
	size_t k, nv = 0;
	int y;

	for (y = from; y <= to; y++) {
		one.year = y;
		if (plan_build(&one, &doc) == -1)
			goto fail;
		v = xrealloc(v, (nv + NELEM(fmts)) * sizeof(*v));
		for (k = 0; k < NELEM(fmts); k++) {
			f = &v[nv];
			if (plan_render(&doc, fmts[k], &f->body, &f->len) == -1)
				break;
			f->fmt = fmts[k];
			f->path = xasprintf("/plan/%d.%s", y, ext[fmts[k]]);
			nv++;
		}
		plan_doc_release(&doc);
		if (k < NELEM(fmts))
			goto fail;
	}
	*out = v;
	*n = nv;
	return 0;
fail:
	plan_files_free(v, nv);
	return -1;
}

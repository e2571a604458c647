/*
 * The year-end report: the year's done activities sorted into the
 * reports' sections by category and occasion, the milestones of the year
 * (chosen as the plan chooses them) each with what was done for it, the
 * counts of section III and next year's plan as section IV.  Layout and
 * escaping are doc.c's; the plan is plan.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "log.h"
#include "narrative.h"
#include "plan.h"
#include "report.h"
#include "rules.h"
#include "select.h"
#include "vntime.h"

/* The report's words, Vietnamese as the reports write them.  The
 * headings of the narrative sections are texts.c's. */
struct words {
	const char *kind, *title, *and_plan, *h1[2], *direction;
	const char *union_default;
	const char *deleg_h, *deleg_sum, *deleg_none, *out, *in, *unit;
	const char *peace_h, *milestones_h, *on_occasion, *did;
	const char *other_anniv, *annual_h, *letters_h, *letters_sum;
	const char *letter_unit, *letters_none, *none_yet, *unmarked_h;
	const char *unmarked_todo, *undone, *partner, *people, *result;
	const char *uncategorised, *results_sum;
	const char *ending;
};

static const struct words vi = {
	"BÁO CÁO", "Kết quả công tác đối ngoại nhân dân năm ",
	" và phương hướng hoạt động năm ",
	{ "Kết quả công tác đối ngoại nhân dân", "Đánh giá chung" },
	"Phương hướng hoạt động năm ",
	"Liên hiệp",
	"1. Hoạt động đoàn ra, đoàn vào",
	"Trong năm $1, $2 tổ chức $3 đoàn ra và đón $4 đoàn vào.",
	"Trong năm $1, $2 chưa ghi nhận đoàn ra, đoàn vào nào.",
	"Đoàn ra", "Đoàn vào", "$1: $2 đoàn:",
	"2. Công tác hòa bình, đoàn kết, hữu nghị",
	"2.1. Hoạt động nhân dịp năm chẵn, năm tròn, sự kiện nổi bật trong năm",
	"Nhân ", "$1 chủ trì, phối hợp và tham gia các hoạt động:",
	"Các hoạt động kỷ niệm khác:",
	"2.2. Hoạt động thường niên",
	"2.3. Thư chúc mừng",
	"Gửi $1 thư chúc mừng đến Đại sứ quán, Tổng Lãnh sự quán các nước "
	    "và các đối tác nhân các dịp:",
	"$1: $2 thư",
	"Chưa ghi nhận thư chúc mừng nào đã gửi trong năm.",
	"Chưa ghi nhận hoạt động nào đã thực hiện.",
	"Các ngày kỷ niệm năm chẵn, năm tròn trong năm chưa ghi nhận hoạt động",
	"[Cần quyết định: bổ sung hoạt động đã thực hiện nhân các dịp dưới "
	    "đây, hoặc bỏ các dịp không liên quan khỏi báo cáo]",
	" (có $1 hoạt động chưa ghi nhận kết quả)",
	"đối tác: ", "$1 người tham dự", "Kết quả: ",
	"Hoạt động chưa phân loại",
	"Trong năm $1, $2 đã thực hiện $3 hoạt động, trong đó $4 đoàn ra, $5 "
	    "đoàn vào và $6 thư chúc mừng; tổng số $7 lượt người tham dự; hợp "
	    "tác, giao lưu với đối tác của $8 nước$9.",
	"$1 báo cáo./.",
};

static const struct words en = {
	"REPORT", "People-to-people diplomacy in ", " and the plan for ",
	{ "Results", "Assessment" }, "Plan for ",
	"the Union",
	"1. Delegations",
	"In $1, $2 sent delegations abroad: $3; received delegations: $4.",
	"In $1, $2 recorded no delegation sent or received.",
	"Delegations abroad", "Delegations received", "$1 ($2):",
	"2. Peace, solidarity and friendship",
	"2.1. Milestone anniversaries and events of the year",
	"On the ", "$1 organised, co-organised and took part in:",
	"Other anniversary activities:",
	"2.2. Annual activities",
	"2.3. Letters of congratulation",
	"Letters of congratulation sent ($1) to embassies, consulates "
	    "general and partners, on:",
	"$1 ($2)",
	"No letter of congratulation was recorded as sent this year.",
	"No activity was recorded as done.",
	"Milestone anniversaries of the year with no activity recorded",
	"[To decide: add what was done on the occasions below, or leave out "
	    "those that do not concern the union]",
	" ($1 activities without a recorded result)",
	"partner: ", "$1 participants", "Result: ",
	"Activities without a category",
	"In $1, $2 carried out activities: $3, of which delegations abroad: "
	    "$4, received: $5, letters of congratulation: $6; participants in "
	    "all: $7; partner countries: $8$9.",
	"$1, report./.",
};

/*
 * Append template t with $1..$9 replaced by v[0..n): the words' numbers
 * and names, in the order each language puts them.
 */
static void
fill(struct buf *out, const char *t, const char *const *v, size_t n)
{
	for (; *t != '\0'; t++)
		if (t[0] == '$' && t[1] >= '1' && t[1] <= '9' &&
		    (size_t)(t[1] - '1') < n) {
			buf_puts(out, v[t[1] - '1']);
			t++;
		} else
			buf_putc(out, *t);
}

/* Where a done activity goes in section II. */
enum slot { SLOT_OUT, SLOT_IN, SLOT_LETTER, SLOT_MILESTONE, SLOT_ANNIV,
    SLOT_ANNUAL, SLOT_CATEGORY, SLOT_NONE };

struct item {
	const struct activity *a;
	enum slot slot;
	size_t milestone;	/* SLOT_MILESTONE: index into ctx.ms */
};

/* A milestone of the year and how many of its activities are not done. */
struct mstone {
	const struct occurrence *oc;
	int done, undone;
};

struct ctx {
	const struct plan_input *in;
	const struct words *w;
	struct doc *doc;
	const char *who;	/* the union in sentences */
	struct occ_list occ, undated;
	struct mstone *ms;
	size_t nms;
	struct item *items;
	size_t nitems;
	struct report_counts n;
	int h1;			/* first-level headings so far */
};

/* A first-level heading, numbered I, II... in the order they come: a
 * narrative section not written is left out with its heading. */
static void
heading1(struct ctx *c, const char *text)
{
	static const char *const roman[] = { "I", "II", "III", "IV", "V",
	    "VI", "VII", "VIII" };
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s. %s", roman[c->h1 < (int)NELEM(roman) ? c->h1 :
	    (int)NELEM(roman) - 1], text);
	c->h1++;
	doc_heading(c->doc, 1, b.data);
	buf_release(&b);
}

/* Narrative section key of the report's year, as heading1() numbers
 * them (level 1) or "N." under one (level 2, *num counting); 1 if it is
 * written. */
static int
narrative(struct ctx *c, const char *key, int level, int *num)
{
	const struct text_section *s = text_section_find("report", key);
	char n[16];

	if (text_find(&c->in->data->texts, "report", c->in->year, key,
	    NULL) == NULL)
		return 0;
	if (level == 1)
		heading1(c, c->in->lang == LANG_EN ? s->en : s->vi);
	snprintf(n, sizeof(n), "%d.", num != NULL ? ++*num : 0);
	return narrative_section(c->doc, &c->in->data->texts, "report",
	    c->in->year, key, level == 2 ? 2 : 0, n, c->in->lang);
}

/* n with two digits at least, as Vietnamese reports count: "01 đoàn";
 * English writes "1". */
static const char *
num2(const struct ctx *c, char *s, size_t len, long n)
{
	snprintf(s, len, c->in->lang == LANG_EN ? "%ld" : "%02ld", n);
	return s;
}

static const char *
cat_key(const struct activity *a)
{
	return a->category != NULL ? a->category : "";
}

/* The category's name in the report's language, or NULL. */
static const char *
cat_name(const struct ctx *c, const char *key)
{
	const struct config_category *k = config_category_find(c->in->cfg,
	    key);

	if (k == NULL)
		return NULL;
	return c->in->lang == LANG_EN ? k->name_en : k->name_vi;
}

/* 1 if the occurrence is a milestone the report lists: one the plan
 * would put in its sections 1.1 or 1.2. */
static int
listed(const struct ctx *c, const struct select_env *env,
    const struct occurrence *oc)
{
	const struct config *cfg = c->in->cfg;

	return rules_is_milestone(&cfg->rules, oc) &&
	    (select_match(&cfg->plan_sel[PLAN_S_1_1], env, oc) >= 0 ||
	    select_match(&cfg->plan_sel[PLAN_S_1_2], env, oc) >= 0);
}

/* The index in c->ms of the milestone of observance key, or -1. */
static long
find_milestone(const struct ctx *c, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < c->nms; i++)
		if (strcmp(c->ms[i].oc->obs->key, key) == 0)
			return (long)i;
	return -1;
}

static void
add_milestone(struct ctx *c, const struct occurrence *oc)
{
	if (find_milestone(c, oc->obs->key) >= 0)
		return;
	c->ms = xrealloc(c->ms, (c->nms + 1) * sizeof(*c->ms));
	c->ms[c->nms++] = (struct mstone){ oc, 0, 0 };
}

/* By date, the rows known only to the year last. */
static int
mstone_cmp(const void *x, const void *y)
{
	const struct occurrence *a = ((const struct mstone *)x)->oc;
	const struct occurrence *b = ((const struct mstone *)y)->oc;
	int ya = a->precision == PREC_YEAR, yb = b->precision == PREC_YEAR;

	if (ya != yb)
		return ya - yb;
	if (util_ymd_cmp(a->date, b->date) != 0)
		return util_ymd_cmp(a->date, b->date);
	return strcmp(a->obs->key, b->obs->key);
}

/*
 * The year's milestones: those the plan lists, and any milestone an
 * activity of the year was done for, so that no done activity is lost;
 * dated ones by date, then those known only to the year.
 */
static int
collect_milestones(struct ctx *c)
{
	const struct plan_input *in = c->in;
	const struct activity_list *al = &in->data->acts;
	struct select_env env;
	size_t i, k;

	if (rules_occurrences(&in->cfg->rules, in->lunar, in->data->set.v,
	    in->data->set.n, (struct ymd){ in->year, 1, 1 },
	    (struct ymd){ in->year, 12, 31 }, &c->occ) == -1) {
		log_warnx("cannot compute the dates of %d", in->year);
		return -1;
	}
	rules_undated(in->data->set.v, in->data->set.n, in->year,
	    &c->undated);
	dataset_env(in->data, in->cfg, in->year, &env);
	for (k = 0; k < 2; k++) {
		const struct occ_list *l = k == 0 ? &c->occ : &c->undated;

		for (i = 0; i < l->n; i++)
			if (listed(c, &env, &l->v[i]))
				add_milestone(c, &l->v[i]);
	}
	dataset_env_release(&env);
	/* A milestone outside those sections that has a done activity. */
	for (i = 0; i < al->n; i++) {
		if (al->v[i].status != ACTIVITY_DONE || al->v[i].start.y !=
		    in->year || al->v[i].observance == NULL)
			continue;
		for (k = 0; k < c->occ.n; k++)
			if (strcmp(c->occ.v[k].obs->key,
			    al->v[i].observance) == 0 && rules_is_milestone(
			    &in->cfg->rules, &c->occ.v[k]))
				add_milestone(c, &c->occ.v[k]);
	}
	if (c->nms > 1)
		qsort(c->ms, c->nms, sizeof(*c->ms), mstone_cmp);
	return 0;
}

/* The section of a done activity of category k for observance obs. */
static enum slot
slot_of(struct ctx *c, const char *k, const char *obs, size_t *ms)
{
	long m;

	if (strcmp(k, "delegation-out") == 0 && cat_name(c, k))
		return SLOT_OUT;
	if (strcmp(k, "delegation-in") == 0 && cat_name(c, k))
		return SLOT_IN;
	if (strcmp(k, "letter") == 0 && cat_name(c, k))
		return SLOT_LETTER;
	if ((m = find_milestone(c, obs)) >= 0) {
		*ms = (size_t)m;
		return SLOT_MILESTONE;
	}
	if (strcmp(k, "anniversary") == 0 && cat_name(c, k))
		return SLOT_ANNIV;
	if (strcmp(k, "annual") == 0 && cat_name(c, k))
		return SLOT_ANNUAL;
	return cat_name(c, k) != NULL ? SLOT_CATEGORY : SLOT_NONE;
}

/* "JP US" counted into a list of distinct codes. */
/* The letters one letter activity stands for: one to each organisation
 * among its partners ("Đại sứ quán Lào; Tổng Lãnh sự quán Lào", as
 * `kyniem letters sent` records them), one when it names none. */
static int
letters_in(const struct activity *a)
{
	const char *p = a->partner;
	int n = 1;

	if (p == NULL)
		return 1;
	for (; (p = strchr(p, ';')) != NULL; p++)
		if (p[1 + strspn(p + 1, " ")] != '\0')
			n++;
	return n;
}

static void
count_countries(const char *list, struct buf *seen)
{
	char *copy = xstrdup(list), *save = NULL, *cc;
	char key[8];

	for (cc = strtok_r(copy, " ", &save); cc != NULL;
	    cc = strtok_r(NULL, " ", &save)) {
		snprintf(key, sizeof(key), ",%s,", cc);
		if (seen->data == NULL || strstr(seen->data, key) == NULL) {
			if (seen->len == 0)
				buf_putc(seen, ',');
			buf_printf(seen, "%s,", cc);
		}
	}
	free(copy);
}

/* Sort the year's activities: done ones into slots, the others counted
 * against their milestone; cancelled ones are left out. */
static void
collect_items(struct ctx *c, struct buf *countries)
{
	const struct activity_list *al = &c->in->data->acts;
	const struct activity *a;
	struct item it;
	long m;
	size_t i;

	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		if (a->start.y != c->in->year || a->status ==
		    ACTIVITY_CANCELLED)
			continue;
		if (a->status != ACTIVITY_DONE) {
			if ((m = find_milestone(c, a->observance)) >= 0)
				c->ms[m].undone++;
			continue;
		}
		memset(&it, 0, sizeof(it));
		it.a = a;
		it.slot = slot_of(c, cat_key(a), a->observance,
		    &it.milestone);
		if (it.slot == SLOT_MILESTONE)
			c->ms[it.milestone].done++;
		c->n.done++;
		c->n.out += it.slot == SLOT_OUT;
		c->n.in += it.slot == SLOT_IN;
		if (it.slot == SLOT_LETTER)
			c->n.letters += letters_in(a);
		c->n.participants += a->participants;
		if (a->countries != NULL)
			count_countries(a->countries, countries);
		c->items = xrealloc(c->items, (c->nitems + 1) *
		    sizeof(*c->items));
		c->items[c->nitems++] = it;
	}
}

/* "21/9/2023", "1 – 6/12/2023", "30/11 – 2/12/2023". */
static void
when(const struct ctx *c, const struct activity *a, struct buf *out)
{
	if (c->in->lang == LANG_EN || util_ymd_cmp(a->start, a->end) == 0 ||
	    a->start.y != a->end.y) {
		vntime_format_date(a->start, c->in->lang, out);
		if (util_ymd_cmp(a->start, a->end) != 0) {
			buf_puts(out, " – ");
			vntime_format_date(a->end, c->in->lang, out);
		}
		return;
	}
	if (a->start.m == a->end.m)
		buf_printf(out, "%d – ", a->start.d);
	else
		buf_printf(out, "%d/%d – ", a->start.d, a->start.m);
	vntime_format_date(a->end, c->in->lang, out);
}

/* An activity as a bullet: title (when; partner; people). Result. */
static void
activity_text(const struct ctx *c, const struct activity *a,
    struct buf *out)
{
	buf_printf(out, "%s (", a->title);
	when(c, a, out);
	if (a->partner != NULL)
		buf_printf(out, "; %s%s", c->w->partner, a->partner);
	if (a->participants > 0) {
		char n[16];
		const char *v[1] = { n };

		snprintf(n, sizeof(n), "%d", a->participants);
		buf_puts(out, "; ");
		fill(out, c->w->people, v, 1);
	}
	buf_putc(out, ')');
	if (a->result != NULL)
		buf_printf(out, ". %s%s", c->w->result, a->result);
}

static void
bullet_activity(struct ctx *c, int level, const struct activity *a,
    const char *prefix)
{
	struct buf b;

	buf_init(&b);
	if (prefix != NULL)
		buf_printf(&b, "%s: ", prefix);
	activity_text(c, a, &b);
	doc_bullet(c->doc, level, b.data);
	buf_release(&b);
}

/* The bullets of every item in slot (and category key); the count. */
static int
bullets(struct ctx *c, enum slot slot, const char *key, int level)
{
	size_t i;
	int n = 0;

	for (i = 0; i < c->nitems; i++) {
		if (c->items[i].slot != slot || (key != NULL &&
		    strcmp(cat_key(c->items[i].a), key) != 0))
			continue;
		bullet_activity(c, level, c->items[i].a, NULL);
		n++;
	}
	return n;
}

/* The delegations of one direction (what, n of them, in slot): a bullet
 * with their number, then one a delegation; nothing when there are none. */
static void
delegation_list(struct ctx *c, const char *what, const char *n, int count,
    enum slot slot, struct buf *b)
{
	const char *v[2] = { what, n };

	if (count == 0)
		return;
	b->len = 0;
	fill(b, c->w->unit, v, NELEM(v));
	doc_bullet(c->doc, 0, b->data);
	bullets(c, slot, NULL, 1);
}

static void
delegations(struct ctx *c)
{
	const struct words *w = c->w;
	struct buf b;

	char y[8], o[16], i[16];
	const char *v[4] = { y, c->who, o, i };

	snprintf(y, sizeof(y), "%d", c->in->year);
	num2(c, o, sizeof(o), c->n.out);
	num2(c, i, sizeof(i), c->n.in);
	doc_heading(c->doc, 2, w->deleg_h);
	buf_init(&b);
	fill(&b, c->n.out + c->n.in == 0 ? w->deleg_none : w->deleg_sum, v,
	    NELEM(v));
	doc_para(c->doc, b.data);
	delegation_list(c, w->out, o, c->n.out, SLOT_OUT, &b);
	delegation_list(c, w->in, i, c->n.in, SLOT_IN, &b);
	buf_release(&b);
}

/* "Nhân kỷ niệm 50 năm ... (21/9/1973 – 21/9/2023), Liên hiệp ...:". */
static void
milestone_para(struct ctx *c, const struct occurrence *oc)
{
	struct buf t, b;

	buf_init(&t);
	buf_init(&b);
	rules_title(oc, c->in->lang, &t);
	/* "Kỷ niệm ..." reads "Nhân kỷ niệm ..." inside a sentence. */
	if (c->in->lang == LANG_VI && strncmp(t.data, "Kỷ", 3) == 0)
		t.data[0] = 'k';
	buf_printf(&b, "%s%s, ", c->w->on_occasion, t.data);
	fill(&b, c->w->did, &c->who, 1);
	doc_para(c->doc, b.data);
	buf_release(&t);
	buf_release(&b);
}

static void
milestones(struct ctx *c)
{
	size_t i, k;
	int other = 0;

	doc_heading(c->doc, 3, c->w->milestones_h);
	for (i = 0; i < c->nms; i++) {
		if (c->ms[i].done == 0)
			continue;
		milestone_para(c, c->ms[i].oc);
		for (k = 0; k < c->nitems; k++)
			if (c->items[k].slot == SLOT_MILESTONE &&
			    c->items[k].milestone == i)
				bullet_activity(c, 0, c->items[k].a, NULL);
	}
	for (k = 0; k < c->nitems; k++)
		other += c->items[k].slot == SLOT_ANNIV;
	if (other > 0) {
		doc_para(c->doc, c->w->other_anniv);
		bullets(c, SLOT_ANNIV, NULL, 0);
	}
	for (i = 0; i < c->nms && c->ms[i].done == 0; i++)
		;
	if (i == c->nms && other == 0)
		doc_todo(c->doc, c->w->none_yet);
}

/* What an activity's occasion is, without its year: "Quốc khánh ...". */
static void
subject(const struct ctx *c, const char *key, struct buf *out)
{
	const struct observance *o = key != NULL ?
	    obs_set_find(&c->in->data->set, key) : NULL;

	if (o != NULL)
		rules_subject(o, c->in->lang, out);
}

static void
annual(struct ctx *c)
{
	struct buf s;
	size_t i;
	int n = 0;

	doc_heading(c->doc, 3, c->w->annual_h);
	buf_init(&s);
	for (i = 0; i < c->nitems; i++) {
		if (c->items[i].slot != SLOT_ANNUAL)
			continue;
		s.len = 0;
		subject(c, c->items[i].a->observance, &s);
		bullet_activity(c, 0, c->items[i].a, s.len > 0 ? s.data :
		    NULL);
		n++;
	}
	buf_release(&s);
	if (n == 0)
		doc_todo(c->doc, c->w->none_yet);
}

/* Letters counted by occasion: their subject, or their title. */
static void
letters(struct ctx *c)
{
	struct buf b, *keys = NULL;
	size_t i, k, nkeys = 0;
	int *count = NULL;
	char total[16];
	const char *n = num2(c, total, sizeof(total), c->n.letters), *v[2];

	doc_heading(c->doc, 3, c->w->letters_h);
	if (c->n.letters == 0) {
		doc_para(c->doc, c->w->letters_none);
		return;
	}
	buf_init(&b);
	fill(&b, c->w->letters_sum, &n, 1);
	doc_para(c->doc, b.data);
	for (i = 0; i < c->nitems; i++) {
		if (c->items[i].slot != SLOT_LETTER)
			continue;
		b.len = 0;
		subject(c, c->items[i].a->observance, &b);
		if (b.len == 0)
			buf_puts(&b, c->items[i].a->title);
		for (k = 0; k < nkeys && strcmp(keys[k].data, b.data) != 0;
		    k++)
			;
		if (k == nkeys) {
			keys = xrealloc(keys, (nkeys + 1) * sizeof(*keys));
			count = xrealloc(count, (nkeys + 1) * sizeof(*count));
			buf_init(&keys[nkeys]);
			buf_puts(&keys[nkeys], b.data);
			count[nkeys++] = 0;
		}
		count[k] += letters_in(c->items[i].a);
	}
	for (k = 0; k < nkeys; k++) {
		b.len = 0;
		v[0] = keys[k].data;
		v[1] = num2(c, total, sizeof(total), count[k]);
		fill(&b, c->w->letter_unit, v, 2);
		doc_bullet(c->doc, 0, b.data);
		buf_release(&keys[k]);
	}
	free(keys);
	free(count);
	buf_release(&b);
}

/* The configured categories without a section of their own, in order,
 * then the activities with none; numbered from 3. */
static int
other_sections(struct ctx *c)
{
	const struct config *cfg = c->in->cfg;
	const char *key;
	struct buf h;
	size_t i, ms;
	int num = 3;

	buf_init(&h);
	for (i = 0; i < cfg->ncategories; i++) {
		key = cfg->categories[i].key;
		/* Only those slot_of() gives no section of their own to
		 * (delegations, letters... have theirs). */
		if (slot_of(c, key, NULL, &ms) != SLOT_CATEGORY)
			continue;
		h.len = 0;
		buf_printf(&h, "%d. %s", num++, cat_name(c, key));
		doc_heading(c->doc, 2, h.data);
		if (bullets(c, SLOT_CATEGORY, key, 0) == 0)
			doc_todo(c->doc, c->w->none_yet);
	}
	for (i = 0; i < c->nitems && c->items[i].slot != SLOT_NONE; i++)
		;
	if (i < c->nitems) {
		h.len = 0;
		buf_printf(&h, "%d. %s", num++, c->w->uncategorised);
		doc_heading(c->doc, 2, h.data);
		bullets(c, SLOT_NONE, NULL, 0);
	}
	buf_release(&h);
	return num;
}

/* The milestones with no done activity: never dropped silently. */
static void
unmarked(struct ctx *c, int num)
{
	struct buf b;
	size_t i;

	c->n.milestones = (int)c->nms;
	for (i = 0; i < c->nms; i++)
		c->n.unmarked += c->ms[i].done == 0;
	if (c->n.unmarked == 0)
		return;
	buf_init(&b);
	buf_printf(&b, "%d. %s", num, c->w->unmarked_h);
	doc_heading(c->doc, 2, b.data);
	doc_todo(c->doc, c->w->unmarked_todo);
	for (i = 0; i < c->nms; i++) {
		if (c->ms[i].done > 0)
			continue;
		b.len = 0;
		rules_title(c->ms[i].oc, c->in->lang, &b);
		rules_unverified(c->ms[i].oc->obs, c->in->lang, &b);
		if (c->ms[i].undone > 0) {
			char u[16];
			const char *v[1] = { u };

			snprintf(u, sizeof(u), "%d", c->ms[i].undone);
			fill(&b, c->w->undone, v, 1);
		}
		doc_bullet(c->doc, 0, b.data);
	}
	buf_release(&b);
}

/* Section III: the figures, then what staff write. */
static void
assessment(struct ctx *c, const struct buf *countries)
{
	const struct words *w = c->w;
	struct buf b, names;
	char *copy, *save = NULL, *cc;
	const struct observance *o;
	char key[32], y[8], p[24], f[5][16], h[160];
	const char *v[9];
	int num = 0;

	buf_init(&b);
	buf_init(&names);
	copy = xstrdup(countries->data != NULL ? countries->data : "");
	for (cc = strtok_r(copy, ",", &save); cc != NULL;
	    cc = strtok_r(NULL, ",", &save)) {
		c->n.countries++;
		/* The country's short name, from its national day. */
		snprintf(key, sizeof(key), "national-day:%s", cc);
		o = obs_set_find(&c->in->data->set, key);
		buf_printf(&names, "%s%s", names.len > 0 ? ", " : ": ",
		    o != NULL && o->country_vi != NULL ? (c->in->lang ==
		    LANG_EN ? o->country_en : o->country_vi) : cc);
	}
	free(copy);
	heading1(c, w->h1[1]);
	snprintf(h, sizeof(h), "%d. %s", ++num, c->in->lang == LANG_EN ?
	    text_section_find("report", "assessment")->en :
	    text_section_find("report", "assessment")->vi);
	doc_heading(c->doc, 2, h);
	snprintf(y, sizeof(y), "%d", c->in->year);
	snprintf(p, sizeof(p), "%ld", c->n.participants);
	v[0] = y;
	v[1] = c->who;
	v[2] = num2(c, f[0], sizeof(f[0]), c->n.done);
	v[3] = num2(c, f[1], sizeof(f[1]), c->n.out);
	v[4] = num2(c, f[2], sizeof(f[2]), c->n.in);
	v[5] = num2(c, f[3], sizeof(f[3]), c->n.letters);
	v[6] = p;
	v[7] = num2(c, f[4], sizeof(f[4]), c->n.countries);
	v[8] = names.len > 0 ? names.data : "";
	fill(&b, w->results_sum, v, NELEM(v));
	doc_para(c->doc, b.data);
	narrative_paras(c->doc, text_find(&c->in->data->texts, "report",
	    c->in->year, "assessment", NULL));
	narrative(c, "difficulties", 2, &num);
	narrative(c, "lessons", 2, &num);
	narrative(c, "proposals", 2, &num);
	buf_release(&b);
	buf_release(&names);
}

/*
 * Section IV: next year's direction as staff wrote it (the narrative
 * section "direction"), else next year's plan (plan.c) in this document,
 * from its first section to its "Nơi nhận": its draft note, its own
 * recipients and signature and its appendices (the other milestones,
 * the calendar) stay with the plan's own document.
 */
static int
next_plan(struct ctx *c)
{
	struct plan_input pin = *c->in;
	struct plan_doc pd;
	struct buf h;

	buf_init(&h);
	buf_printf(&h, "%s%d", c->w->direction, c->in->year + 1);
	heading1(c, h.data);
	buf_release(&h);
	if (narrative(c, "direction", 0, NULL))
		return 0;
	pin.year++;
	if (plan_build(&pin, &pd) == -1)
		return -1;
	plan_render_body(&pd, c->doc);
	plan_doc_release(&pd);
	return 0;
}

static struct doc *
new_doc(const struct plan_input *in, const struct words *w)
{
	struct doc_head h;
	struct org org;
	struct buf title;
	struct doc *d;

	org_from_config(in->cfg, &org);
	buf_init(&title);
	buf_printf(&title, "%s%d%s%d", w->title, in->year, w->and_plan,
	    in->year + 1);
	memset(&h, 0, sizeof(h));
	h.kind = w->kind;
	h.title = title.data;
	h.symbol = "BC";
	h.date = in->today;
	d = doc_new(&org, in->lang, &h);
	buf_release(&title);
	return d;
}

static void
ending(struct ctx *c)
{
	struct org org;
	struct buf b;

	org_from_config(c->in->cfg, &org);
	const char *name = c->in->lang == LANG_EN ? org.name_en : org.name;

	buf_init(&b);
	fill(&b, c->w->ending, &name, 1);
	doc_para(c->doc, b.data);
	buf_release(&b);
	/* "Nơi nhận": [report] recipients. */
	doc_end_list(c->doc, c->in->lang == LANG_EN ?
	    c->in->cfg->report_recipients_en : c->in->cfg->report_recipients);
}

int
report_build(const struct plan_input *in, struct doc **out,
    struct report_counts *counts)
{
	struct ctx c;
	struct buf countries;
	int num, ret = -1;

	memset(&c, 0, sizeof(c));
	c.in = in;
	c.w = in->lang == LANG_EN ? &en : &vi;
	/* The short name is Vietnamese: English says "the Union". */
	c.who = in->lang == LANG_VI && in->cfg->org_short_name != NULL &&
	    *in->cfg->org_short_name ? in->cfg->org_short_name :
	    c.w->union_default;
	buf_init(&countries);
	*out = NULL;
	if (collect_milestones(&c) == -1)
		goto done;
	collect_items(&c, &countries);
	c.doc = new_doc(in, c.w);
	narrative(&c, "intro", 0, NULL);
	narrative(&c, "context", 1, NULL);
	heading1(&c, c.w->h1[0]);
	delegations(&c);
	doc_heading(c.doc, 2, c.w->peace_h);
	milestones(&c);
	annual(&c);
	letters(&c);
	num = other_sections(&c);
	unmarked(&c, num);
	assessment(&c, &countries);
	if (next_plan(&c) == -1)
		goto done;
	ending(&c);
	if (counts != NULL)
		*counts = c.n;
	*out = c.doc;
	c.doc = NULL;
	ret = 0;
done:
	if (c.doc != NULL)
		doc_free(c.doc);
	buf_release(&countries);
	free(c.ms);
	free(c.items);
	occ_list_release(&c.occ);
	occ_list_release(&c.undated);
	return ret;
}

char *
report_filename(int year, enum doc_format fmt, enum lang lang)
{
	const char *ext = fmt == DOC_DOCX ? "docx" : fmt == DOC_MD ? "md" :
	    "html";

	return xasprintf("%s-%d.%s", lang == LANG_EN ? "report" : "bao-cao",
	    year, ext);
}

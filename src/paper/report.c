/*
 * The year-end report in the reports' structure and voice: I. the
 * context as staff wrote it; II. the results, the union's delegations,
 * its milestones (ranked as the plan ranks them) and annual work, then
 * each category's section, the member organisations' activities grouped
 * by member, the conferences attended; III. the year's figures, said
 * only as far as they are known, and staff's assessment, difficulties,
 * lessons and proposals; IV. next year's plan (or the direction staff
 * wrote).  A narrative section not written (texts.h) is left out with
 * its heading, never a placeholder; narrative.c prints the texts.  What
 * goes where
 * is decided once (report_collect()); one activity's sentence is
 * report_line.c's, layout and escaping doc.c's, the plan plan.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "config.h"
#include "dataset.h"
#include "log.h"
#include "narrative.h"
#include "plan.h"
#include "rank.h"
#include "report_int.h"
#include "select.h"
#include "vntime.h"

static const char *const words[RW_COUNT][2] = {
	[RW_KIND] = { "BÁO CÁO", "REPORT" },
	[RW_TITLE] = { "Kết quả công tác đối ngoại nhân dân năm ",
	    "People-to-people diplomacy in " },
	[RW_AND_PLAN] = { " và phương hướng hoạt động năm ",
	    " and the plan for " },
	[RW_H1_RESULTS] = { "Kết quả công tác đối ngoại nhân dân", "Results" },
	[RW_H1_ASSESSMENT] = { "Đánh giá chung", "Assessment" },
	[RW_DIRECTION] = { "Phương hướng hoạt động năm ", "Plan for " },
	[RW_UNION_DEFAULT] = { "Liên hiệp", "the Union" },
	[RW_DELEG_H] = { "Hoạt động đoàn ra, đoàn vào", "Delegations" },
	[RW_DELEG_OUT] = { "Trong năm $1, $2 tổ chức $3 đoàn ra.",
	    "In $1, $2 sent delegations abroad: $3." },
	[RW_DELEG_IN] = { "Trong năm $1, $2 đón $3 đoàn vào.",
	    "In $1, $2 received delegations: $3." },
	[RW_DELEG_BOTH] = {
	    "Trong năm $1, $2 tổ chức $3 đoàn ra và đón $4 đoàn vào.",
	    "In $1, $2 sent delegations abroad ($3) and received "
	    "delegations ($4)." },
	[RW_OUT] = { "Đoàn ra", "Delegations abroad" },
	[RW_IN] = { "Đoàn vào", "Delegations received" },
	[RW_UNIT] = { "$1: $2 đoàn: ", "$1 ($2): " },
	[RW_PEACE_H] = { "Công tác hòa bình, đoàn kết, hữu nghị",
	    "Peace, solidarity and friendship" },
	[RW_MILESTONES_H] = { "Hoạt động nhân dịp năm chẵn, năm tròn, sự kiện "
	    "nổi bật trong năm",
	    "Milestone anniversaries and events of the year" },
	[RW_ON_OCCASION] = { "Nhân ", "On the " },
	[RW_DID] = { "$1 chủ trì, phối hợp và tham gia một số hoạt động như:",
	    "$1 organised, co-organised and took part in:" },
	[RW_OTHER_ANNIV] = { "Các hoạt động kỷ niệm khác:",
	    "Other anniversary activities:" },
	[RW_ANNUAL_H] = { "Hoạt động thường niên", "Annual activities" },
	[RW_LETTERS_H] = { "Thư chúc mừng", "Letters of congratulation" },
	[RW_LETTERS_SUM] = { "Gửi $1 thư chúc mừng đến Đại sứ quán, Tổng Lãnh "
	    "sự quán các nước và các đối tác nhân các dịp:",
	    "Letters of congratulation sent ($1) to embassies, consulates "
	    "general and partners, on:" },
	[RW_LETTER_UNIT] = { "$1: $2 thư", "$1 ($2)" },
	[RW_MEMBERS_H] = { "Hoạt động của các đơn vị thành viên",
	    "Activities of the member organisations" },
	[RW_ASSOC_H] = { "Các hội hữu nghị song phương, đa phương",
	    "Friendship associations" },
	[RW_UNITS_H] = { "Các đơn vị thành viên khác",
	    "Other member organisations" },
	[RW_OTHER_H] = { "Hoạt động khác", "Other activities" },
	[RW_AID_ONE] = {
	    "Trong năm $1, tổng số tiền tài trợ vận động được là $2.",
	    "In $1, the aid mobilised came to $2." },
	[RW_AID_SUM] = {
	    "Trong năm $1, tổng số tiền tài trợ vận động được là $2 "
	    "($3 hoạt động có ghi số tiền).",
	    "In $1, the aid mobilised came to $2 (recorded for $3 "
	    "activities)." },
	[RW_AID_AND] = { " và ", " and " },
	[RW_RESULTS_SUM] = { "Trong năm $1, $2 đã thực hiện $3 hoạt động",
	    "In $1, $2 carried out $3 activities" },
	[RW_RESULTS_MEMBERS] = { "các đơn vị thành viên thực hiện $1 hoạt động",
	    "the member organisations $1 more" },
	[RW_RESULTS_PEOPLE] = { "tổng số $1 lượt người tham dự",
	    "$1 participants in all" },
	[RW_RESULTS_SOME] = { "$1 lượt người tham dự ($2 trong $3 hoạt động "
	    "có ghi số người)",
	    "$1 participants (recorded for $2 of $3 activities)" },
	[RW_RESULTS_COUNTRIES] = {
	    "hợp tác, giao lưu với đối tác của $1 nước: $2",
	    "partners from $1 countries: $2" },
	[RW_ENDING] = { "$1 báo cáo./.", "$1, report./." },
	[RW_AT] = { " tại ", " in " },
	[RW_BY] = { " do $1 tổ chức", ", organised by $1" },
	[RW_WITH] = { ", phối hợp với $1", ", with $1" },
	[RW_PEOPLE] = { " với $1 người tham gia", ", $1 participants" },
	[RW_PLANNED] = { "dự kiến $1", "planned for $1" },
	[RW_PLANNED_UNDATED] = { "dự kiến", "planned" },
	[RW_VND] = { "đồng", "VND" },
	[RW_VERB1] = { "Tham dự", "Attended" },
	[RW_VERB2] = { "Dự", NULL },
};

const char *
report_word(const struct report_ctx *c, enum report_word id)
{
	return words[id][c->in->lang];
}

/* The category keys the report gives a place of their own. */
#define CAT_OUT		"delegation-out"
#define CAT_IN		"delegation-in"
#define CAT_ANNIV	"anniversary"
#define CAT_ANNUAL	"annual"
#define CAT_LETTER	"letter"
#define CAT_CONFERENCE	"conference"
#define CAT_OTHER	"other"

static const char *
cat_key(const struct activity *a)
{
	return a->category != NULL ? a->category : "";
}

/* The category's name in the report's language, or NULL. */
static const char *
cat_name(const struct report_ctx *c, const char *key)
{
	const struct config_category *k = config_category_find(c->in->cfg,
	    key);

	if (k == NULL)
		return NULL;
	return c->in->lang == LANG_EN ? k->name_en : k->name_vi;
}

static int
is(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

/* 1 if the occurrence is a milestone the plan would name (1.1, 1.2). */
static int
listed(const struct report_ctx *c, const struct select_env *env,
    const struct occurrence *oc)
{
	const struct config *cfg = c->in->cfg;

	return rules_is_milestone(&cfg->rules, oc) &&
	    (select_match(&cfg->plan_sel[PLAN_S_1_1], env, oc) >= 0 ||
	    select_match(&cfg->plan_sel[PLAN_S_1_2], env, oc) >= 0);
}

static long
find_milestone(const struct report_ctx *c, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < c->nms; i++)
		if (strcmp(c->ms[i].oc->obs->key, key) == 0)
			return (long)i;
	return -1;
}

static void
add_milestone(struct report_ctx *c, const struct occurrence *oc)
{
	struct rank_union who = { c->in->cfg->focus, c->in->cfg->org_tag };
	struct rank r;

	if (find_milestone(c, oc->obs->key) >= 0)
		return;
	rank_score(c->in->data, &who, c->in->year, oc, &r);
	c->ms = xrealloc(c->ms, (c->nms + 1) * sizeof(*c->ms));
	c->ms[c->nms++] = (struct report_ms){ oc, r.score, 0, 0 };
}

/* The plan's order: the best score first (jubilees and focus countries
 * lead), then by date, those known only to the year last. */
static int
ms_cmp(const void *x, const void *y)
{
	const struct report_ms *p = x, *q = y;
	const struct occurrence *a = p->oc, *b = q->oc;
	int ya = a->precision == PREC_YEAR, yb = b->precision == PREC_YEAR;

	if (p->score != q->score)
		return q->score - p->score;
	if (ya != yb)
		return ya - yb;
	if (util_ymd_cmp(a->date, b->date) != 0)
		return util_ymd_cmp(a->date, b->date);
	return strcmp(a->obs->key, b->obs->key);
}

/* 1 if a is in the report: of the year, done, or still to come. */
static int
live(const struct report_ctx *c, const struct activity *a, int *planned)
{
	*planned = a->status != ACTIVITY_DONE;
	return a->start.y == c->in->year && a->status != ACTIVITY_CANCELLED &&
	    (!*planned || util_ymd_cmp(a->start, c->in->today) > 0);
}

/*
 * The year's milestones: those the plan names, and any milestone a live
 * activity of the year is for, so that none is lost; ranked.
 */
static int
collect_milestones(struct report_ctx *c)
{
	const struct plan_input *in = c->in;
	const struct activity_list *al = &in->data->acts;
	struct select_env env;
	size_t i, k;
	int planned;

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
	for (i = 0; i < al->n; i++) {
		if (!live(c, &al->v[i], &planned) || al->v[i].observance ==
		    NULL)
			continue;
		for (k = 0; k < c->occ.n; k++)
			if (strcmp(c->occ.v[k].obs->key,
			    al->v[i].observance) == 0 && rules_is_milestone(
			    &in->cfg->rules, &c->occ.v[k]))
				add_milestone(c, &c->occ.v[k]);
	}
	if (c->nms > 1)
		qsort(c->ms, c->nms, sizeof(*c->ms), ms_cmp);
	return 0;
}

/* Where an activity goes; *m its milestone (-1: none). */
static enum slot
slot_of(const struct report_ctx *c, const struct activity *a, long m)
{
	const char *k = cat_key(a);

	if (a->member != NULL)
		return SLOT_MEMBER;
	if (cat_name(c, k) == NULL)
		return m >= 0 ? SLOT_MILESTONE : SLOT_OTHER;
	if (is(k, CAT_OUT))
		return SLOT_OUT;
	if (is(k, CAT_IN))
		return SLOT_IN;
	if (is(k, CAT_LETTER))
		return SLOT_LETTER;
	if (is(k, CAT_ANNUAL))
		return SLOT_ANNUAL;
	if (is(k, CAT_ANNIV))
		return m >= 0 ? SLOT_MILESTONE : SLOT_ANNIV;
	return SLOT_CATEGORY;
}

/* The letters one letter activity stands for: one to each organisation
 * among its partners ("Đại sứ quán Lào; Tổng Lãnh sự quán Lào", as
 * `kyniem letters sent` records them), one when it names none. */
int
report_letters_in(const struct activity *a)
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
count_countries(struct report_ctx *c, const char *list)
{
	char *copy = xstrdup(list), *save = NULL, *cc;
	char key[8];

	for (cc = strtok_r(copy, " ", &save); cc != NULL;
	    cc = strtok_r(NULL, " ", &save)) {
		snprintf(key, sizeof(key), ",%s,", cc);
		if (c->countries.data != NULL && strstr(c->countries.data,
		    key) != NULL)
			continue;
		if (c->countries.len == 0)
			buf_putc(&c->countries, ',');
		buf_printf(&c->countries, "%s,", cc);
		c->n.countries++;
	}
	free(copy);
}

static void
count_aid(struct report_ctx *c, const struct activity *a)
{
	size_t i;

	if (a->amount <= 0 || a->currency == NULL)
		return;
	for (i = 0; i < c->naid; i++)
		if (strcmp(c->aid[i].currency, a->currency) == 0)
			break;
	if (i == c->naid) {
		c->aid = xrealloc(c->aid, (c->naid + 1) * sizeof(*c->aid));
		memset(&c->aid[i], 0, sizeof(c->aid[i]));
		snprintf(c->aid[i].currency, sizeof(c->aid[i].currency), "%s",
		    a->currency);
		c->naid++;
	}
	c->aid[i].amount += a->amount;
	c->aid[i].n++;
}

/* The figures of a done activity in its slot. */
static void
tally(struct report_ctx *c, const struct report_item *it)
{
	const struct activity *a = it->a;

	if (a->member != NULL)
		c->n.members++;
	else
		c->n.own++;
	c->n.out += it->slot == SLOT_OUT;
	c->n.in += it->slot == SLOT_IN;
	if (it->slot == SLOT_LETTER)
		c->n.letters += report_letters_in(a);
	if (a->participants > 0) {
		c->n.people += a->participants;
		c->n.with_people++;
	}
	if (a->countries != NULL)
		count_countries(c, a->countries);
	count_aid(c, a);
}

/* Every live activity of the year into its slot.  What is still to come
 * is said as planned, but counts nowhere, and a delegation or a letter
 * is one only once done. */
static void
collect_items(struct report_ctx *c)
{
	const struct activity_list *al = &c->in->data->acts;
	struct report_item it;
	long m;
	size_t i;

	for (i = 0; i < al->n; i++) {
		memset(&it, 0, sizeof(it));
		it.a = &al->v[i];
		if (!live(c, it.a, &it.planned))
			continue;
		m = find_milestone(c, it.a->observance);
		if (m >= 0)
			c->ms[m].any++;
		it.slot = slot_of(c, it.a, m);
		if (it.planned && (it.slot == SLOT_OUT || it.slot == SLOT_IN ||
		    it.slot == SLOT_LETTER))
			continue;
		if (it.slot == SLOT_MILESTONE) {
			it.milestone = (size_t)m;
			c->ms[m].own++;
		}
		if (!it.planned)
			tally(c, &it);
		c->items = xrealloc(c->items, (c->nitems + 1) *
		    sizeof(*c->items));
		c->items[c->nitems++] = it;
	}
}

/* By the day it is known to, the year's undated ones after the dated:
 * a list reads in time order, then what was done during the year. */
static int
item_cmp(const void *x, const void *y)
{
	const struct report_item *a = x, *b = y;
	int ua = activity_undated(a->a), ub = activity_undated(b->a);

	if (ua != ub)
		return ua - ub;
	/* The load's order (by start, then id) otherwise. */
	return (a->a > b->a) - (a->a < b->a);
}

int
report_collect(struct report_ctx *c, const struct plan_input *in)
{
	memset(c, 0, sizeof(*c));
	c->in = in;
	/* The short name is Vietnamese: English says "the Union". */
	c->who = in->lang == LANG_VI && in->cfg->org_short_name != NULL &&
	    *in->cfg->org_short_name ? in->cfg->org_short_name :
	    report_word(c, RW_UNION_DEFAULT);
	buf_init(&c->countries);
	if (collect_milestones(c) == -1)
		return -1;
	collect_items(c);
	if (c->nitems > 1)
		qsort(c->items, c->nitems, sizeof(*c->items), item_cmp);
	return 0;
}

void
report_ctx_release(struct report_ctx *c)
{
	if (c->doc != NULL)
		doc_free(c->doc);
	free(c->ms);
	free(c->items);
	free(c->aid);
	buf_release(&c->countries);
	occ_list_release(&c->occ);
	occ_list_release(&c->undated);
	memset(c, 0, sizeof(*c));
}

/* How many items of slot (and category key, or member key) there are. */
static int
count_slot(const struct report_ctx *c, enum slot slot, const char *key)
{
	size_t i;
	int n = 0;

	for (i = 0; i < c->nitems; i++)
		n += c->items[i].slot == slot && (key == NULL ||
		    (slot == SLOT_MEMBER ? is(c->items[i].a->member, key) :
		    is(cat_key(c->items[i].a), key)));
	return n;
}

/* A bullet of one activity, after prefix ("Tết Nguyên đán: "). */
static void
bullet(struct report_ctx *c, int level, const struct report_item *it,
    const char *prefix)
{
	struct buf b;

	buf_init(&b);
	if (prefix != NULL)
		buf_puts(&b, prefix);
	report_line(c, it->a, it->planned, 0, &b);
	doc_bullet(c->doc, level, b.data);
	buf_release(&b);
}

/* The items of slot (and key) as bullets. */
static void
bullets(struct report_ctx *c, enum slot slot, const char *key, int level)
{
	size_t i;

	for (i = 0; i < c->nitems; i++)
		if (c->items[i].slot == slot && (key == NULL ||
		    (slot == SLOT_MEMBER ? is(c->items[i].a->member, key) :
		    is(cat_key(c->items[i].a), key))))
			bullet(c, level, &c->items[i], NULL);
}

/*
 * The items of slot (and category key) as one sentence after lead, as
 * the reports list them: "lead S." for one, "lead (1) S1; (2) S2." for
 * several.
 */
static void
numbered(struct report_ctx *c, enum slot slot, const char *key, int flags,
    struct buf *out)
{
	size_t i;
	int n = count_slot(c, slot, key), k = 0;

	for (i = 0; i < c->nitems; i++) {
		if (c->items[i].slot != slot || (key != NULL &&
		    !is(cat_key(c->items[i].a), key)))
			continue;
		if (n > 1)
			buf_printf(out, "%s(%d) ", k > 0 ? "; " : "", k + 1);
		report_line(c, c->items[i].a, c->items[i].planned,
		    flags | LINE_NO_STOP, out);
		k++;
	}
	buf_putc(out, '.');
}

/* "3." or "2.1.": the next number of a heading. */
static void
heading(struct report_ctx *c, int level, const char *num, const char *text)
{
	struct buf h;

	buf_init(&h);
	buf_printf(&h, "%s %s", num, text);
	doc_heading(c->doc, level, h.data);
	buf_release(&h);
}

static void
section(struct report_ctx *c, int *sec, const char *text)
{
	char num[16];

	snprintf(num, sizeof(num), "%d.", ++*sec);
	heading(c, 2, num, text);
}

static void
subsection(struct report_ctx *c, int sec, int *sub, const char *text)
{
	char num[24];

	snprintf(num, sizeof(num), "%d.%d.", sec, ++*sub);
	heading(c, 3, num, text);
}

/* One direction of the union's delegations: "Đoàn ra: 01 đoàn: S." */
static void
delegation_line(struct report_ctx *c, const char *what, int n,
    enum slot slot)
{
	char num[16];
	const char *v[2] = { what, num };
	struct buf b;

	if (n == 0)
		return;
	report_num(c, num, sizeof(num), n);
	buf_init(&b);
	buf_fill(&b, report_word(c, RW_UNIT), v, NELEM(v));
	numbered(c, slot, NULL, 0, &b);
	doc_bullet(c->doc, 0, b.data);
	buf_release(&b);
}

static void
delegations(struct report_ctx *c, int *sec)
{
	char y[8], o[16], i[16];
	const char *v[4] = { y, c->who, o, i };
	struct buf b;

	if (c->n.out + c->n.in == 0)
		return;
	snprintf(y, sizeof(y), "%d", c->in->year);
	report_num(c, o, sizeof(o), c->n.out);
	report_num(c, i, sizeof(i), c->n.in);
	if (c->n.out == 0)
		v[2] = i;
	section(c, sec, report_word(c, RW_DELEG_H));
	buf_init(&b);
	buf_fill(&b, report_word(c, c->n.in == 0 ? RW_DELEG_OUT :
	    c->n.out == 0 ? RW_DELEG_IN : RW_DELEG_BOTH), v, NELEM(v));
	doc_para(c->doc, b.data);
	buf_release(&b);
	delegation_line(c, report_word(c, RW_OUT), c->n.out, SLOT_OUT);
	delegation_line(c, report_word(c, RW_IN), c->n.in, SLOT_IN);
}

/*
 * One milestone's paragraph: "Nhân kỷ niệm 50 năm … (21/9/1973 –
 * 21/9/2023), Liên hiệp … một số hoạt động như:" and a bullet each; for
 * one activity, one sentence: "Nhân kỷ niệm 10 năm … (…): S."
 */
static void
milestone(struct report_ctx *c, size_t m)
{
	struct buf t, b;
	size_t i;

	buf_init(&t);
	buf_init(&b);
	rules_title(c->ms[m].oc, c->in->lang, &t);
	/* "Kỷ niệm ..." reads "Nhân kỷ niệm ..." inside a sentence. */
	if (c->in->lang == LANG_VI && strncmp(t.data, "Kỷ", 3) == 0)
		t.data[0] = 'k';
	buf_printf(&b, "%s%s", report_word(c, RW_ON_OCCASION), t.data);
	for (i = 0; c->ms[m].own == 1 && i < c->nitems; i++)
		if (c->items[i].slot == SLOT_MILESTONE &&
		    c->items[i].milestone == m) {
			buf_puts(&b, ": ");
			report_line(c, c->items[i].a, c->items[i].planned, 0,
			    &b);
		}
	if (c->ms[m].own > 1) {
		buf_puts(&b, ", ");
		buf_fill(&b, report_word(c, RW_DID), &c->who, 1);
	}
	doc_para(c->doc, b.data);
	for (i = 0; c->ms[m].own > 1 && i < c->nitems; i++)
		if (c->items[i].slot == SLOT_MILESTONE &&
		    c->items[i].milestone == m)
			bullet(c, 0, &c->items[i], NULL);
	buf_release(&t);
	buf_release(&b);
}

static void
milestones(struct report_ctx *c, int sec, int *sub)
{
	size_t i;

	if (count_slot(c, SLOT_MILESTONE, NULL) + count_slot(c, SLOT_ANNIV,
	    NULL) == 0)
		return;
	subsection(c, sec, sub, report_word(c, RW_MILESTONES_H));
	for (i = 0; i < c->nms; i++)
		if (c->ms[i].own > 0)
			milestone(c, i);
	if (count_slot(c, SLOT_ANNIV, NULL) > 0) {
		doc_para(c->doc, report_word(c, RW_OTHER_ANNIV));
		bullets(c, SLOT_ANNIV, NULL, 0);
	}
}

/* What an activity's occasion is, without its year: "Quốc khánh Lào". */
static void
subject(const struct report_ctx *c, const char *key, struct buf *out)
{
	const struct observance *o = key != NULL ?
	    obs_set_find(&c->in->data->set, key) : NULL;

	if (o != NULL)
		rules_subject(o, c->in->lang, out);
}

/* 1 if the title names the subject already ("… nhân ngày Giỗ Tổ Hùng
 * Vương"): case aside. */
static int
names(const char *title, const char *subj)
{
	struct buf a, b;
	int hit;

	buf_init(&a);
	buf_init(&b);
	collate_lower("vi", title, &a);
	collate_lower("vi", subj, &b);
	hit = a.data != NULL && b.data != NULL && strstr(a.data, b.data) !=
	    NULL;
	buf_release(&a);
	buf_release(&b);
	return hit;
}

static void
annual(struct report_ctx *c, int sec, int *sub)
{
	struct buf s;
	size_t i;

	if (count_slot(c, SLOT_ANNUAL, NULL) == 0)
		return;
	subsection(c, sec, sub, report_word(c, RW_ANNUAL_H));
	buf_init(&s);
	for (i = 0; i < c->nitems; i++) {
		if (c->items[i].slot != SLOT_ANNUAL)
			continue;
		s.len = 0;
		subject(c, c->items[i].a->observance, &s);
		if (s.len > 0 && !names(c->items[i].a->title, s.data) &&
		    c->items[i].a->report_text == NULL)
			buf_puts(&s, ": ");
		else
			s.len = 0;
		bullet(c, 0, &c->items[i], s.len > 0 ? s.data : NULL);
	}
	buf_release(&s);
}

/* Letters counted by occasion: their subject, or their title. */
static void
letters(struct report_ctx *c, int sec, int *sub)
{
	struct buf b, *keys = NULL;
	size_t i, k, nkeys = 0;
	int *count = NULL;
	char total[16];
	const char *n, *v[2];

	if (c->n.letters == 0)
		return;
	subsection(c, sec, sub, report_word(c, RW_LETTERS_H));
	n = report_num(c, total, sizeof(total), c->n.letters);
	buf_init(&b);
	buf_fill(&b, report_word(c, RW_LETTERS_SUM), &n, 1);
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
		count[k] += report_letters_in(c->items[i].a);
	}
	for (k = 0; k < nkeys; k++) {
		b.len = 0;
		v[0] = keys[k].data;
		v[1] = report_num(c, total, sizeof(total), count[k]);
		buf_fill(&b, report_word(c, RW_LETTER_UNIT), v, 2);
		/* A list the sentence above opens: ";" then "." at its end. */
		buf_putc(&b, k + 1 < nkeys ? ';' : '.');
		doc_bullet(c->doc, 0, b.data);
		buf_release(&keys[k]);
	}
	free(keys);
	free(count);
	buf_release(&b);
}

static void
peace(struct report_ctx *c, int *sec)
{
	int sub = 0;

	if (count_slot(c, SLOT_MILESTONE, NULL) + count_slot(c, SLOT_ANNIV,
	    NULL) + count_slot(c, SLOT_ANNUAL, NULL) + c->n.letters == 0)
		return;
	section(c, sec, report_word(c, RW_PEACE_H));
	milestones(c, *sec, &sub);
	annual(c, *sec, &sub);
	letters(c, *sec, &sub);
}

/* The aid of the year, per currency: "149.814 USD và 20.000 EUR". */
static void
aid(struct report_ctx *c)
{
	struct buf b, sum;
	char y[8], n[16];
	const char *v[3] = { y, NULL, n };
	size_t i;
	int acts = 0;

	if (c->naid == 0)
		return;
	buf_init(&b);
	buf_init(&sum);
	for (i = 0; i < c->naid; i++) {
		if (i > 0)
			buf_puts(&sum, i + 1 == c->naid ?
			    report_word(c, RW_AID_AND) : ", ");
		report_money(c, c->aid[i].amount, c->aid[i].currency, &sum);
		acts += c->aid[i].n;
	}
	snprintf(y, sizeof(y), "%d", c->in->year);
	snprintf(n, sizeof(n), "%d", acts);
	v[1] = sum.data;
	buf_fill(&b, report_word(c, acts > 1 ? RW_AID_SUM : RW_AID_ONE), v,
	    3);
	doc_para(c->doc, b.data);
	buf_release(&b);
	buf_release(&sum);
}

/* The conferences attended: "Liên hiệp … tham dự các hội nghị: (1) …". */
static void
conferences(struct report_ctx *c, const char *key, const char *name)
{
	struct buf b, low;

	buf_init(&b);
	buf_init(&low);
	collate_lower(c->in->lang == LANG_EN ? "en" : "vi", name, &low);
	buf_printf(&b, "%s %s: ", c->in->lang == LANG_EN ? "The Union" :
	    c->who, low.data);
	numbered(c, SLOT_CATEGORY, key, LINE_NO_VERB, &b);
	doc_para(c->doc, b.data);
	buf_release(&b);
	buf_release(&low);
}

/* One member's activities: "Name: S." or "Name:" and a bullet each. */
static void
member_block(struct report_ctx *c, const struct member *m)
{
	struct buf b;
	size_t i;
	int n = count_slot(c, SLOT_MEMBER, m->key);

	if (n == 0)
		return;
	buf_init(&b);
	buf_printf(&b, "%s:", m->name);
	if (n == 1) {
		for (i = 0; i < c->nitems; i++)
			if (c->items[i].slot == SLOT_MEMBER &&
			    is(c->items[i].a->member, m->key)) {
				buf_putc(&b, ' ');
				report_line(c, c->items[i].a,
				    c->items[i].planned, 0, &b);
			}
		doc_bullet(c->doc, 0, b.data);
	} else {
		doc_bullet(c->doc, 0, b.data);
		bullets(c, SLOT_MEMBER, m->key, 1);
	}
	buf_release(&b);
}

static int
association(const struct member *m)
{
	return is(m->kind, "bilateral") || is(m->kind, "multilateral");
}

/* How many members of one group (associations, or the others) have an
 * activity. */
static int
group_count(const struct report_ctx *c, int assoc)
{
	const struct member_list *l = &c->in->data->members;
	size_t i;
	int n = 0;

	for (i = 0; i < l->n; i++)
		n += association(&l->v[i]) == assoc &&
		    count_slot(c, SLOT_MEMBER, l->v[i].key) > 0;
	return n;
}

/*
 * "Hoạt động của các đơn vị thành viên", member by member in the union's
 * order: the friendship associations, then the other members, each
 * group under its own heading when both have activities.
 */
static void
members(struct report_ctx *c, int *sec)
{
	const struct member_list *l = &c->in->data->members;
	int groups[2], g, sub = 0;
	size_t i;

	groups[0] = group_count(c, 1);
	groups[1] = group_count(c, 0);
	if (groups[0] + groups[1] == 0)
		return;
	section(c, sec, report_word(c, RW_MEMBERS_H));
	for (g = 0; g < 2; g++) {
		if (groups[g] == 0)
			continue;
		if (groups[0] > 0 && groups[1] > 0)
			subsection(c, *sec, &sub, report_word(c, g == 0 ?
			    RW_ASSOC_H : RW_UNITS_H));
		for (i = 0; i < l->n; i++)
			if (association(&l->v[i]) == (g == 0))
				member_block(c, &l->v[i]);
	}
}

/* A configured category's section, when it has something to say. */
static void
category(struct report_ctx *c, int *sec, const char *key)
{
	int n = count_slot(c, SLOT_CATEGORY, key);
	int other = is(key, CAT_OTHER) ? count_slot(c, SLOT_OTHER, NULL) : 0;
	int aided = is(key, ACTIVITY_AID_CATEGORY) && c->naid > 0;

	if (n + other == 0 && !aided)
		return;
	section(c, sec, cat_name(c, key));
	if (aided)
		aid(c);
	if (is(key, CAT_CONFERENCE) && n > 0)
		conferences(c, key, cat_name(c, key));
	else
		bullets(c, SLOT_CATEGORY, key, 0);
	/* Activities without a category are other activities. */
	if (other > 0)
		bullets(c, SLOT_OTHER, NULL, 0);
}

/*
 * The configured categories without a place of their own, in order,
 * with the members' section before the conferences and other activities
 * (what the union attended and the rest close section II, as in the
 * reports); uncategorised activities at the end when "other" is not
 * configured.
 */
static void
categories(struct report_ctx *c, int *sec)
{
	const struct config *cfg = c->in->cfg;
	const char *key;
	size_t i;
	int done_members = 0;

	for (i = 0; i < cfg->ncategories; i++) {
		key = cfg->categories[i].key;
		if (is(key, CAT_OUT) || is(key, CAT_IN) || is(key, CAT_ANNIV) ||
		    is(key, CAT_ANNUAL) || is(key, CAT_LETTER))
			continue;
		if (!done_members && (is(key, CAT_CONFERENCE) ||
		    is(key, CAT_OTHER))) {
			members(c, sec);
			done_members = 1;
		}
		category(c, sec, key);
	}
	if (!done_members)
		members(c, sec);
	if (config_category_find(cfg, CAT_OTHER) == NULL &&
	    count_slot(c, SLOT_OTHER, NULL) > 0) {
		section(c, sec, report_word(c, RW_OTHER_H));
		bullets(c, SLOT_OTHER, NULL, 0);
	}
}

/* The partner countries' names: ": Pháp, Nhật Bản, …". */
static void
country_names(const struct report_ctx *c, struct buf *out)
{
	char *copy = xstrdup(c->countries.data != NULL ? c->countries.data :
	    ""), *save = NULL, *cc;
	const struct observance *o;
	char key[32];

	for (cc = strtok_r(copy, ",", &save); cc != NULL;
	    cc = strtok_r(NULL, ",", &save)) {
		/* The country's short name, from its national day. */
		snprintf(key, sizeof(key), "national-day:%s", cc);
		o = obs_set_find(&c->in->data->set, key);
		buf_printf(out, "%s%s", out->len > 0 ? ", " : "",
		    o != NULL && o->country_vi != NULL ? (c->in->lang ==
		    LANG_EN ? o->country_en : o->country_vi) : cc);
	}
	free(copy);
}

/*
 * The year's figures in one sentence, each part only when there is
 * something to say, and a total of people saying how many activities it
 * covers when not all of them record one.
 */
static void
figures(struct report_ctx *c)
{
	int all = c->n.own + c->n.members, vi = c->in->lang == LANG_VI;
	char y[8], f[4][16], p[32], k[16];
	const char *v[3];
	struct buf b, part, names;

	if (all == 0)
		return;
	buf_init(&b);
	buf_init(&part);
	buf_init(&names);
	snprintf(y, sizeof(y), "%d", c->in->year);
	v[0] = y;
	v[1] = c->who;
	v[2] = report_num(c, f[0], sizeof(f[0]), c->n.own);
	buf_fill(&b, report_word(c, RW_RESULTS_SUM), v, 3);
	if (c->n.out + c->n.in + c->n.letters > 0) {
		buf_puts(&b, vi ? ", trong đó " : ", including ");
		if (c->n.out > 0)
			buf_printf(&part, "%s %s", report_num(c, f[1],
			    sizeof(f[1]), c->n.out), vi ? "đoàn ra" :
			    c->n.out == 1 ? "delegation abroad" :
			    "delegations abroad");
		if (c->n.in > 0)
			buf_printf(&part, "%s%s %s", part.len == 0 ? "" :
			    c->n.letters == 0 ? (vi ? " và " : " and ") : ", ",
			    report_num(c, f[2], sizeof(f[2]), c->n.in), vi ?
			    "đoàn vào" : c->n.in == 1 ? "delegation received" :
			    "delegations received");
		if (c->n.letters > 0)
			buf_printf(&part, "%s%s %s", part.len > 0 ? (vi ?
			    " và " : " and ") : "",
			    report_num(c, f[3], sizeof(f[3]), c->n.letters),
			    vi ? "thư chúc mừng" : c->n.letters == 1 ?
			    "letter" : "letters");
		buf_puts(&b, part.data);
	}
	if (c->n.members > 0) {
		buf_puts(&b, "; ");
		v[0] = report_num(c, f[0], sizeof(f[0]), c->n.members);
		buf_fill(&b, report_word(c, RW_RESULTS_MEMBERS), v, 1);
	}
	if (c->n.with_people > 0) {
		part.len = 0;
		buf_put_grouped(&part, c->n.people, vi ? '.' : ',');
		snprintf(p, sizeof(p), "%s", part.data);
		snprintf(k, sizeof(k), "%d", c->n.with_people);
		snprintf(f[1], sizeof(f[1]), "%d", all);
		v[0] = p;
		v[1] = k;
		v[2] = f[1];
		buf_puts(&b, "; ");
		buf_fill(&b, report_word(c, c->n.with_people == all ?
		    RW_RESULTS_PEOPLE : RW_RESULTS_SOME), v, 3);
	}
	if (c->n.countries > 0) {
		country_names(c, &names);
		v[0] = report_num(c, f[2], sizeof(f[2]), c->n.countries);
		v[1] = names.data;
		buf_puts(&b, "; ");
		buf_fill(&b, report_word(c, RW_RESULTS_COUNTRIES), v, 2);
	}
	buf_putc(&b, '.');
	doc_para(c->doc, b.data);
	buf_release(&b);
	buf_release(&part);
	buf_release(&names);
}

/* A narrative section's heading in the report's language. */
static const char *
section_name(const struct report_ctx *c, const char *key)
{
	const struct text_section *s = text_section_find("report", key);

	return c->in->lang == LANG_EN ? s->en : s->vi;
}

/*
 * Narrative section key of the report's year: under a first-level
 * heading of its own (level 1), as "N. heading" under one (level 2,
 * *num counting), or before the first (level 0, the introduction).
 * 1 if it is written; else nothing is added.
 */
static int
narrative(struct report_ctx *c, const char *key, int level, int *num)
{
	char n[16];

	if (text_find(&c->in->data->texts, "report", c->in->year, key,
	    NULL) == NULL)
		return 0;
	if (level == 1)
		doc_heading_next(c->doc, &c->h1, section_name(c, key));
	if (level == 2)
		snprintf(n, sizeof(n), "%d.", num != NULL ? ++*num : 0);
	return narrative_section(c->doc, &c->in->data->texts, "report",
	    c->in->year, key, level, level == 2 ? n : NULL, c->in->lang);
}

/* Section III: the figures and staff's assessment under "1. Kết quả đạt
 * được", then the difficulties, lessons and proposals staff wrote. */
static void
assessment(struct report_ctx *c)
{
	char h[160];
	int num = 1;

	doc_heading_next(c->doc, &c->h1, report_word(c, RW_H1_ASSESSMENT));
	snprintf(h, sizeof(h), "1. %s", section_name(c, "assessment"));
	doc_heading(c->doc, 2, h);
	figures(c);
	narrative_section(c->doc, &c->in->data->texts, "report", c->in->year,
	    "assessment", 2, NULL, c->in->lang);
	narrative(c, "difficulties", 2, &num);
	narrative(c, "lessons", 2, &num);
	narrative(c, "proposals", 2, &num);
}

/*
 * Section IV: next year's direction as staff wrote it (the narrative
 * section "direction"), else next year's plan (plan.c) in this document,
 * from its first section to its "Nơi nhận": its own recipients,
 * signature and appendices stay with the plan's own document.
 */
static int
next_plan(struct report_ctx *c)
{
	struct plan_input pin = *c->in;
	struct plan *p;
	struct buf h;

	buf_init(&h);
	buf_printf(&h, "%s%d", report_word(c, RW_DIRECTION), c->in->year + 1);
	doc_heading_next(c->doc, &c->h1, h.data);
	buf_release(&h);
	/* Staff's own numbering ("1.", "1.1.") heads it as the plan's. */
	if (narrative_section(c->doc, &c->in->data->texts, "report",
	    c->in->year, "direction", 1, NULL, c->in->lang))
		return 0;
	pin.year++;
	if (plan_place(&pin, &p) == -1)
		return -1;
	/* Empty, the heading stands alone: --check names "direction". */
	(void)plan_body(p, c->doc);
	plan_free(p);
	return 0;
}

static struct doc *
new_doc(const struct report_ctx *c)
{
	const struct plan_input *in = c->in;
	struct doc_head h;
	struct org org;
	struct buf title;
	struct doc *d;

	org_from_config(in->cfg, &org);
	buf_init(&title);
	buf_printf(&title, "%s%d%s%d", report_word(c, RW_TITLE), in->year,
	    report_word(c, RW_AND_PLAN), in->year + 1);
	memset(&h, 0, sizeof(h));
	h.kind = report_word(c, RW_KIND);
	h.title = title.data;
	h.symbol = "BC";
	h.date = in->today;
	d = doc_new(&org, in->lang, &h);
	buf_release(&title);
	return d;
}

static void
ending(struct report_ctx *c)
{
	struct org org;
	struct buf b;
	const char *name;

	org_from_config(c->in->cfg, &org);
	name = c->in->lang == LANG_EN ? org.name_en : org.name;
	buf_init(&b);
	buf_fill(&b, report_word(c, RW_ENDING), &name, 1);
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
	struct report_ctx c;
	int sec = 0, ret = -1;

	*out = NULL;
	if (report_collect(&c, in) == -1)
		goto done;
	c.doc = new_doc(&c);
	narrative(&c, "intro", 0, NULL);
	narrative(&c, "context", 1, NULL);
	doc_heading_next(c.doc, &c.h1, report_word(&c, RW_H1_RESULTS));
	delegations(&c, &sec);
	peace(&c, &sec);
	categories(&c, &sec);
	assessment(&c);
	if (next_plan(&c) == -1)
		goto done;
	ending(&c);
	if (counts != NULL) {
		memset(counts, 0, sizeof(*counts));
		counts->done = c.n.own + c.n.members;
		counts->own = c.n.own;
		counts->members = c.n.members;
		counts->out = c.n.out;
		counts->in = c.n.in;
		counts->letters = c.n.letters;
		counts->participants = c.n.people;
		counts->with_participants = c.n.with_people;
		counts->countries = c.n.countries;
	}
	*out = c.doc;
	c.doc = NULL;
	ret = 0;
done:
	report_ctx_release(&c);
	return ret;
}

int
report_year_ok(const struct plan_input *in, int *first)
{
	const struct activity_list *al = &in->data->acts;
	size_t i;

	*first = in->today.y;
	for (i = 0; i < al->n; i++)
		if (al->v[i].status != ACTIVITY_CANCELLED &&
		    al->v[i].start.y < *first)
			*first = al->v[i].start.y;
	return in->year <= in->today.y && in->year >= *first;
}

char *
report_filename(int year, enum doc_format fmt, enum lang lang)
{
	return xasprintf("%s-%d.%s", lang == LANG_EN ? "report" : "bao-cao",
	    year, doc_format_ext(fmt));
}

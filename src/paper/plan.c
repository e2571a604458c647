/*
 * The yearly plan skeleton.  plan_build() turns the year's occurrences
 * (from the rules engine) and planned activities into one document model;
 * plan_render.c writes it as Markdown, HTML, CSV or .docx.  Which
 * observance goes to which section is the [plan] mapping of the config,
 * compiled selectors; the structure is that of the unions' year-end
 * reports.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "log.h"
#include "lunar.h"
#include "plan.h"
#include "plan_int.h"
#include "rank.h"
#include "util.h"
#include "vntime.h"

const char *const plan_section_label[S_COUNT] = {
	"1.1", "1.2", "1.3", "1.4", "3"
};

/* The special blocks 1.2-1.4 claim an occurrence before 1.1 does. */
static const int claim_order[] = { S_1_2, S_1_3, S_1_4, S_1_1 };

/* A candidate of section 1.1, dated or known only to the year. */
struct cand {
	const struct occurrence *oc;
	struct placed *p;	/* NULL: c->undated.v[u] */
	size_t u;
	struct rank rank;
	enum plan_choice choice;
};

static const struct words vi = {
	"KẾ HOẠCH",
	"Phương hướng hoạt động năm ",
	"Phụ lục: Các ngày kỷ niệm năm chẵn khác",
	"Các ngày kỷ niệm năm chẵn, năm tròn của năm chưa đưa vào mục 1.1, "
	    "xếp theo mức độ liên quan với đơn vị; cán bộ có thể đưa vào kế "
	    "hoạch trên trang Tài liệu.",
	"Mức độ liên quan: ",
	"PL",
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
	"Các ngày kỷ niệm năm chẵn, năm tròn chưa rõ ngày (cần xác minh "
	    "ngày trước khi lên kế hoạch):",
	"Các ngày kỷ niệm chưa rõ ngày",
	"chưa rõ ngày",
};

static const struct words en = {
	"PLAN",
	"Activity plan for ",
	"Appendix: other milestone anniversaries",
	"The year's milestone anniversaries not named in section 1.1, by "
	    "relevance to the union; staff can add them to the plan on the "
	    "Documents page.",
	"Relevance: ",
	"App.",
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
	"Milestone anniversaries whose day is not known (confirm the day "
	    "before planning):",
	"Anniversaries whose day is not known",
	"day unknown",
};

const struct words *
plan_words(enum lang lang)
{
	return lang == LANG_EN ? &en : &vi;
}

/* --- building -------------------------------------------------------- */

struct plan_block *
plan_block_add(struct plan_doc *d, enum plan_block_type type, int level,
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
void
plan_block_cat(struct plan_doc *d, enum plan_block_type type, int level,
    ...)
{
	struct plan_block *b = plan_block_add(d, type, level, NULL);
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
			g = select_match(&c->map[claim_order[k]], &c->env,
			    p->oc);
			if (g >= 0) {
				p->section = claim_order[k];
				p->group = g;
				break;
			}
		}
		p->group3 = select_match(&c->map[S_3], &c->env, p->oc);
		p->in3 = p->group3 >= 0;
	}
}

/* "Hội thao (14/4/2024, Nha Trang)" */
void
plan_activity_text(const struct activity *a, enum lang lang,
    struct buf *out)
{
	buf_puts(out, a->title);
	buf_puts(out, " (");
	vntime_format_date(a->start, lang, out);
	if (!a->all_day)
		buf_printf(out, " %02d:%02d", a->start_min / 60,
		    a->start_min % 60);
	if (a->location && *a->location)
		buf_printf(out, ", %s", a->location);
	buf_puts(out, ")");
}

int
plan_activity_in_year(const struct activity *a, int year)
{
	return a->status != ACTIVITY_CANCELLED && a->start.y <= year &&
	    (a->end.y >= year || a->start.y == year);
}

/* Attach the year's activities to the occurrences they are linked to;
 * the others become rows of their own in plan_add_rows(). */
static void
link_activities(struct ctx *c)
{
	const struct activity_list *al = &c->in->data->acts;
	const struct activity *a;
	size_t i, j;

	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		if (!plan_activity_in_year(a, c->in->year) ||
		    a->observance == NULL)
			continue;
		for (j = 0; j < c->occ.n; j++)
			if (strcmp(c->pl[j].oc->obs->key, a->observance) == 0)
				break;
		if (j == c->occ.n)
			continue;
		if (c->pl[j].nacts++ > 0)
			buf_puts(&c->pl[j].acts, "; ");
		plan_activity_text(a, c->in->lang, &c->pl[j].acts);
	}
}

int
plan_linked(const struct ctx *c, const struct activity *a)
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
 * The bullet's text: the reports' title for a milestone, else its plain
 * name and day ("Quốc khánh Lào (2/12/2024)", "Tết Nguyên đán Giáp Thìn
 * 2024 (10/2/2024, 1/1 âm lịch)"), then "(chưa xác minh)" for a date not
 * confirmed.
 */
static void
item_text(const struct ctx *c, const struct occurrence *oc, struct buf *out)
{
	struct occurrence plain = *oc;

	if (!rules_is_milestone(&c->in->cfg->rules, oc))
		plain.n = 0;
	rules_title(&plain, c->in->lang, out);
	rules_unverified(oc->obs, c->in->lang, out);
}

/* The row's note, as the reports would add it: "Lưu ý: ...". */
void
plan_note_text(const struct ctx *c, const struct observance *o,
    struct buf *out)
{
	if (o->note == NULL || o->note[0] == '\0')
		return;
	buf_puts(out, c->in->lang == LANG_EN ? "Note (in Vietnamese): " :
	    "Lưu ý: ");
	buf_puts(out, o->note);
}

/* A level-0 bullet for oc, with its note under it. */
static void
bullet(struct ctx *c, const struct occurrence *oc)
{
	struct buf t;

	buf_init(&t);
	item_text(c, oc, &t);
	plan_block_add(c->doc, PB_BULLET, 0, t.data);
	t.len = 0;
	plan_note_text(c, oc->obs, &t);
	if (t.len > 0)
		plan_block_add(c->doc, PB_BULLET, 1, t.data);
	buf_release(&t);
}

static void
bullet_with_activity(struct ctx *c, const struct placed *p)
{
	const struct words *w = plan_words(c->in->lang);

	bullet(c, p->oc);
	if (p->nacts > 0)
		plan_block_cat(c->doc, PB_BULLET, 1, w->activity, p->acts.data,
		    (char *)NULL);
	else
		plan_block_add(c->doc, PB_BULLET, 1, w->blank);
}

/* The placed occurrences of a section ordered by selector, then date. */
static size_t
section_members(const struct ctx *c, int s, const struct placed ***out)
{
	const struct placed **v = xcalloc(c->occ.n + 1, sizeof(*v));
	size_t i, n = 0;
	/* Staff's additions that no selector of 1.1 takes come last. */
	int g, maxg = (int)c->map[s].n + (s == S_1_1);

	for (g = 0; g < maxg; g++)
		for (i = 0; i < c->occ.n; i++) {
			if (s == S_1_1 && !c->pl[i].in11)
				continue;
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
	const struct words *w = plan_words(c->in->lang);
	const struct placed **m;
	size_t i, n, nletters = 0;

	plan_block_add(c->doc, PB_H2, 0, w->h2[s]);
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
		plan_block_add(c->doc, PB_BULLET, 0, w->letters);
	for (i = 0; i < n && nletters > 0; i++) {
		struct buf t;

		if (m[i]->oc->obs->kind != KIND_NATIONAL_DAY ||
		    rules_is_milestone(&c->in->cfg->rules, m[i]->oc))
			continue;
		/* A list of countries, as the reports write it; their
		 * notes are in the appendix. */
		buf_init(&t);
		item_text(c, m[i]->oc, &t);
		plan_block_add(c->doc, PB_BULLET, 1, t.data);
		buf_release(&t);
	}
	if (n == 0)
		plan_block_add(c->doc, PB_PARA, 0, w->empty);
	free(m);
}

/* Section 3: the relations' countries in one sentence, as the reports
 * write it ("Thụy Điển, Mông Cổ, Brazil"), then the other anniversaries. */
static void
build_info(struct ctx *c)
{
	const struct words *w = plan_words(c->in->lang);
	const struct placed **m;
	const struct observance *o;
	struct buf names, t;
	size_t i, n;

	plan_block_add(c->doc, PB_H1, 0, w->h1[2]);
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
		rules_unverified(o, c->in->lang, &names);
	}
	if (names.len > 0)
		plan_block_cat(c->doc, PB_BULLET, 0, w->info_rel, c->year,
		    ": ", names.data, ".", (char *)NULL);
	buf_release(&names);
	for (i = 0; i < n; i++) {
		if (m[i]->oc->obs->kind == KIND_RELATION)
			continue;
		buf_init(&t);
		rules_title(m[i]->oc, c->in->lang, &t);
		rules_unverified(m[i]->oc->obs, c->in->lang, &t);
		/* Mid-sentence: "Tuyên truyền kỷ niệm ...". */
		if (c->in->lang == LANG_VI && strncmp(t.data, "Kỷ", 3) == 0)
			t.data[0] = 'k';
		plan_block_cat(c->doc, PB_BULLET, 0, w->info_other, t.data, ".",
		    (char *)NULL);
		buf_release(&t);
	}
	plan_block_cat(c->doc, PB_BULLET, 0, w->info_news, c->year, ": …",
	    (char *)NULL);
	free(m);
}

/* 1 if a row known only to the year goes to section 1.1's list. */
static int
undated_in_1_1(const struct ctx *c, const struct occurrence *oc)
{
	return rules_is_milestone(&c->in->cfg->rules, oc) &&
	    select_match(&c->map[S_1_1], &c->env, oc) >= 0;
}

/* The milestones of section 1.1 whose day is not known (rows known only
 * to the year): listed so that none is silently missing, to be dated. */
static void
build_undated(struct ctx *c)
{
	const struct occurrence *oc;
	size_t i;
	int intro = 0;

	for (i = 0; i < c->undated.n; i++) {
		oc = &c->undated.v[i];
		if (!c->un11[i])
			continue;
		if (!intro++)
			plan_block_add(c->doc, PB_PARA, 0,
			    plan_words(c->in->lang)->undated_intro);
		bullet(c, oc);
		plan_block_add(c->doc, PB_BULLET, 1,
		    plan_words(c->in->lang)->blank);
	}
}

/* The header is doc.c's; the body opens with the note on the draft. */
/* --- ranking section 1.1 ---------------------------------------------- */

/* Staff's additions: an occurrence of the year another section (or none)
 * took moves to 1.1. */
static void
apply_includes(struct ctx *c)
{
	const struct plan_choice_list *ch = &c->in->data->choices;
	struct placed *p;
	size_t i;
	int g;

	for (i = 0; i < c->occ.n; i++) {
		p = &c->pl[i];
		if (p->section == S_1_1 || plan_choice_find(ch, c->in->year,
		    p->oc->obs->key) != PLAN_CHOICE_INCLUDE)
			continue;
		g = select_match(&c->map[S_1_1], &c->env, p->oc);
		p->section = S_1_1;
		p->group = g >= 0 ? g : (int)c->map[S_1_1].n;
	}
}

/* Best first, by rank.c's order. */
static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	return rank_cmp(&x->rank, x->oc, &y->rank, y->oc);
}

/* The candidates of 1.1, scored and sorted; the caller frees. */
static struct cand *
candidates(struct ctx *c, size_t *n)
{
	const struct plan_input *in = c->in;
	struct cand *v = xcalloc(c->occ.n + c->undated.n + 1, sizeof(*v));
	size_t i, k = 0;

	for (i = 0; i < c->occ.n; i++)
		if (c->pl[i].section == S_1_1) {
			v[k].oc = c->pl[i].oc;
			v[k++].p = &c->pl[i];
		}
	for (i = 0; i < c->undated.n; i++) {
		c->uncand[i] = undated_in_1_1(c, &c->undated.v[i]) ||
		    plan_choice_find(&in->data->choices, in->year,
		    c->undated.v[i].obs->key) == PLAN_CHOICE_INCLUDE;
		if (c->uncand[i]) {
			v[k].oc = &c->undated.v[i];
			v[k++].u = i;
		}
	}
	for (i = 0; i < k; i++) {
		rank_score(in->data, &c->who, in->year, v[i].oc, &v[i].rank);
		v[i].choice = plan_choice_find(&in->data->choices, in->year,
		    v[i].oc->obs->key);
	}
	if (k > 0)
		qsort(v, k, sizeof(*v), cand_cmp);
	*n = k;
	return v;
}

/* The pick the web page offers staff to change. */
static void
pick_add(struct ctx *c, const struct cand *k, int in11)
{
	struct plan_doc *d = c->doc;
	struct plan_pick *p;
	struct buf t;

	d->picks = xrealloc(d->picks, (d->npicks + 1) * sizeof(*d->picks));
	p = &d->picks[d->npicks++];
	memset(p, 0, sizeof(*p));
	p->key = xstrdup(k->oc->obs->key);
	buf_init(&t);
	item_text(c, k->oc, &t);
	p->text = buf_detach(&t);
	buf_init(&t);
	rank_explain(&k->rank, c->in->lang, &t);
	p->why = buf_detach(&t);
	p->score = k->rank.score;
	p->choice = k->choice;
	p->in_1_1 = in11;
	p->planned = k->p != NULL && k->p->nacts > 0;
}

/*
 * Name in 1.1 what staff added, what has an activity this year, and the
 * best of the rest up to [plan] top scoring at least min_score; what
 * staff took out never.  The others go to the appendix.
 */
static void
select_1_1(struct ctx *c)
{
	const struct config *cfg = c->in->cfg;
	struct cand *v;
	size_t i, n;
	int in11, ranked = 0;

	apply_includes(c);
	v = candidates(c, &n);
	for (i = 0; i < n; i++) {
		if (v[i].choice == PLAN_CHOICE_EXCLUDE)
			in11 = 0;
		else if (v[i].choice == PLAN_CHOICE_INCLUDE || (v[i].p != NULL &&
		    v[i].p->nacts > 0))
			in11 = 1;
		else if (ranked < cfg->plan_top &&
		    v[i].rank.score >= cfg->plan_min_score)
			in11 = ++ranked > 0;
		else
			in11 = 0;
		if (v[i].p != NULL)
			v[i].p->in11 = in11;
		else
			c->un11[v[i].u] = in11;
		pick_add(c, &v[i], in11);
	}
	free(v);
}

/* The appendix of the milestones 1.1 leaves out, by rank, each with why,
 * so none is silently dropped. */
static void
build_others(struct ctx *c)
{
	const struct words *w = plan_words(c->in->lang);
	const struct plan_pick *p;
	size_t i;
	int head = 0;

	c->doc->others_from = c->doc->nblocks;
	for (i = 0; i < c->doc->npicks; i++) {
		p = &c->doc->picks[i];
		if (p->in_1_1)
			continue;
		if (!head++) {
			plan_block_add(c->doc, PB_H1, 0, w->others_h);
			plan_block_add(c->doc, PB_PARA, 0, w->others_intro);
		}
		plan_block_add(c->doc, PB_BULLET, 0, p->text);
		plan_block_cat(c->doc, PB_BULLET, 1, w->why, p->why,
		    (char *)NULL);
	}
	c->doc->others_to = c->doc->nblocks;
}

static void
build_header(struct ctx *c)
{
	const struct words *w = plan_words(c->in->lang);
	struct buf b;

	org_from_config(c->in->cfg, &c->doc->org);
	c->doc->date = c->in->today;
	c->doc->kind = w->kind;
	c->doc->title = xasprintf("%s%d", w->title, c->in->year);
	buf_init(&b);
	vntime_format_date(c->in->today, c->in->lang, &b);
	plan_block_cat(c->doc, PB_TODO, 0, w->draft[0], b.data, w->draft[1],
	    (char *)NULL);
	buf_release(&b);
}

/* "Nơi nhận" ([plan] recipients) and the signature, before the
 * appendix as the decree has it. */
static void
build_end(struct ctx *c)
{
	const struct config *cfg = c->in->cfg;

	plan_block_add(c->doc, PB_END, 0, c->in->lang == LANG_EN ?
	    cfg->plan_recipients_en : cfg->plan_recipients);
}

static void
build_sections(struct ctx *c)
{
	const struct words *w = plan_words(c->in->lang);
	int s;

	plan_block_add(c->doc, PB_H1, 0, w->h1[0]);
	for (s = S_1_1; s <= S_1_4; s++) {
		build_section(c, s);
		if (s == S_1_1)
			build_undated(c);
	}
	plan_block_add(c->doc, PB_H1, 0, w->h1[1]);
	for (s = 0; s < 3; s++)
		plan_block_add(c->doc, PB_BULLET, 0, w->ngo[s]);
	build_info(c);
	plan_block_add(c->doc, PB_H1, 0, w->h1[3]);
	for (s = 0; s < 2; s++)
		plan_block_add(c->doc, PB_BULLET, 0, w->other[s]);
	build_end(c);
}

int
plan_build(const struct plan_input *in, struct plan_doc *doc)
{
	struct ctx c;
	size_t i;
	int ret = -1;

	memset(doc, 0, sizeof(*doc));
	memset(&c, 0, sizeof(c));
	doc->year = in->year;
	doc->lang = in->lang;
	c.in = in;
	c.doc = doc;
	snprintf(c.year, sizeof(c.year), "%d", in->year);
	c.map = in->cfg->plan_sel;
	c.who.focus = in->cfg->focus;
	c.who.tag = in->cfg->org_tag;
	dataset_env(in->data, in->cfg, in->year, &c.env);
	if (rules_occurrences(&in->cfg->rules, in->lunar, in->data->set.v,
	    in->data->set.n, (struct ymd){ in->year, 1, 1 },
	    (struct ymd){ in->year, 12, 31 }, &c.occ) == -1) {
		log_warnx("cannot compute the dates of %d", in->year);
		goto done;
	}
	rules_undated(in->data->set.v, in->data->set.n, in->year, &c.undated);
	place_all(&c);
	link_activities(&c);
	c.un11 = xcalloc(c.undated.n + 1, sizeof(*c.un11));
	c.uncand = xcalloc(c.undated.n + 1, sizeof(*c.uncand));
	select_1_1(&c);
	build_header(&c);
	build_sections(&c);
	build_others(&c);
	plan_add_rows(&c);
	plan_build_appendix(&c);
	ret = 0;
done:
	for (i = 0; c.pl != NULL && i < c.occ.n; i++)
		buf_release(&c.pl[i].acts);
	free(c.pl);
	free(c.un11);
	free(c.uncand);
	occ_list_release(&c.occ);
	occ_list_release(&c.undated);
	dataset_env_release(&c.env);
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
		for (k = 0; k < (doc->blocks[i].type == PB_END ?
		    doc->blocks[i].nrows : doc->blocks[i].ncols *
		    doc->blocks[i].nrows); k++)
			free(doc->blocks[i].cells[k]);
		free(doc->blocks[i].cells);
	}
	free(doc->blocks);
	free(doc->title);
	for (i = 0; i < doc->nrows; i++) {
		free(doc->rows[i].key);
		free(doc->rows[i].kind);
		free(doc->rows[i].country);
		free(doc->rows[i].section);
		free(doc->rows[i].title);
		free(doc->rows[i].text);
		free(doc->rows[i].note);
		free(doc->rows[i].activities);
	}
	free(doc->rows);
	for (i = 0; i < doc->npicks; i++) {
		free(doc->picks[i].key);
		free(doc->picks[i].text);
		free(doc->picks[i].why);
	}
	free(doc->picks);
	memset(doc, 0, sizeof(*doc));
}


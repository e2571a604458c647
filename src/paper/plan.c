/*
 * The yearly plan as a KẾ HOẠCH, written from the placement
 * (plan_place.c) into a document of doc.h: I. Mục đích, yêu cầu (staff's
 * text); II. Nội dung, the occasions of the year with the activities
 * planned for each, the letters, delegations, foreign NGO and
 * information work in the unions' plans' words; III. Tổ chức thực hiện,
 * who is in charge of what, and staff's text; IV. Kinh phí, staff's
 * text.  Its appendix is plan_appendix.c's.  Also the plan's renderings
 * for the CLI, the server and the year-end report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "collate.h"
#include "config.h"
#include "dataset.h"
#include "log.h"
#include "member.h"
#include "narrative.h"
#include "plan.h"
#include "plan_int.h"
#include "texts.h"
#include "util.h"
#include "vntime.h"

const char *const plan_section_label[S_COUNT] = {
	"1.1", "1.2", "1.3", "1.4", "3"
};

static const char *const words[PW_COUNT][2] = {
	[PW_KIND] = { "KẾ HOẠCH", "PLAN" },
	[PW_TITLE] = { "Hoạt động đối ngoại nhân dân năm ",
	    "People-to-people diplomacy activities in " },
	[PW_FILENAME] = { "ke-hoach", "activity-plan" },
	[PW_PART_PURPOSE] = { "I. Mục đích, yêu cầu",
	    "I. Purpose and requirements" },
	[PW_PART_CONTENT] = { "II. Nội dung", "II. Content" },
	[PW_PART_IMPLEMENTATION] = { "III. Tổ chức thực hiện",
	    "III. Implementation" },
	[PW_PART_BUDGET] = { "IV. Kinh phí", "IV. Budget" },
	[PW_AREA_PEACE] = { "Công tác hòa bình, đoàn kết, hữu nghị",
	    "Peace, solidarity and friendship work" },
	[PW_AREA_NGO] = { "Công tác phi chính phủ nước ngoài",
	    "Work with foreign non-governmental organisations" },
	[PW_AREA_INFO] = { "Công tác thông tin đối ngoại",
	    "External information work" },
	[PW_AREA_OTHER] = { "Công tác khác", "Other work" },
	[PW_SUB_MILESTONES] = { "Các ngày kỷ niệm năm chẵn, năm tròn",
	    "Milestone anniversaries" },
	[PW_SUB_ASEAN] = { "Hoạt động khối ASEAN", "ASEAN activities" },
	[PW_SUB_OVERSEAS] = { "Hoạt động kiều bào", "Overseas Vietnamese" },
	[PW_SUB_ANNUAL] = { "Hoạt động thường niên", "Annual activities" },
	[PW_SUB_LETTERS] = { "Thư, điện chúc mừng",
	    "Letters of congratulation" },
	[PW_SUB_DELEGATIONS] = { "Đoàn ra, đoàn vào", "Delegations" },
	[PW_MARK_ANNIV] = { "Tổ chức các hoạt động ",
	    "Activities to mark the " },
	[PW_MARK_OCCASION] = { "Tổ chức các hoạt động nhân dịp ",
	    "Activities on the occasion of " },
	[PW_WITH_ANNIV] = { "Nhân ", "For the " },
	[PW_WITH_OCCASION] = { "Nhân dịp ", "On the occasion of " },
	[PW_AT] = { "tại ", "in " },
	[PW_IN_CHARGE] = { " chủ trì", " in charge" },
	[PW_OWNER] = { " phụ trách", " responsible" },
	[PW_LETTERS] = {
	    "Gửi thư, điện chúc mừng đến Đại sứ quán, Tổng Lãnh sự quán các "
	    "nước nhân dịp ",
	    "Send letters of congratulation to the embassies and consulates "
	    "general on " },
	[PW_LETTERS_MILESTONES] = {
	    "Gửi thư, điện hoa chúc mừng nhân các ngày lễ lớn, ngày thiết "
	    "lập quan hệ ngoại giao giữa Việt Nam với các nước vào dịp năm "
	    "chẵn, năm tròn.",
	    "Send letters and flowers on major holidays and on the "
	    "milestone anniversaries of diplomatic relations between "
	    "Vietnam and other countries." },
	[PW_NGO] = {
	    "Tăng cường sự kết hợp giữa công tác hòa bình, đoàn kết, hữu "
	    "nghị với công tác vận động viện trợ phi chính phủ nước ngoài.",
	    "Combine peace, solidarity and friendship work with the "
	    "mobilisation of foreign non-governmental aid." },
	[PW_NGO_PLACE] = {
	    "Tiếp tục hỗ trợ các tổ chức đối tác triển khai hoạt động tại ",
	    "Keep supporting partner organisations' activities in " },
	[PW_NGO_PLACE_END] = { ".", "." },
	[PW_NGO_VISIT] = {
	    "Tổ chức đi thăm, kết nối, vận động viện trợ các tổ chức phi "
	    "chính phủ nước ngoài.",
	    "Visit, connect with and mobilise aid from foreign "
	    "non-governmental organisations." },
	[PW_INFO_REL] = {
	    "Tuyên truyền các hoạt động kỷ niệm năm chẵn, năm tròn thiết "
	    "lập quan hệ ngoại giao giữa Việt Nam với các nước trong năm ",
	    "Publicise the milestone anniversaries of diplomatic relations "
	    "between Vietnam and other countries in " },
	[PW_INFO_OTHER] = { "Tuyên truyền ", "Publicise the " },
	[PW_INFO_NEWS] = {
	    "Tiếp tục đăng tải tin, bài về hoạt động đối ngoại nhân dân "
	    "trên trang thông tin điện tử và bản tin của Liên hiệp.",
	    "Keep posting news and articles on people-to-people diplomacy "
	    "on the union's website and bulletin." },
	[PW_OTHER] = {
	    "Thực hiện các chương trình công tác theo chỉ đạo của Liên hiệp "
	    "các tổ chức hữu nghị Việt Nam và lãnh đạo địa phương.",
	    "Carry out the work programmes directed by the Vietnam Union of "
	    "Friendship Organizations and the local leadership." },
	[PW_OWN_SHARE] = {
	    " chủ trì, phối hợp với các tổ chức thành viên và các cơ quan, "
	    "đơn vị liên quan tổ chức thực hiện Kế hoạch.",
	    " carries out the plan with the member organisations and the "
	    "agencies concerned." },
	[PW_ASSIGN] = { "Các tổ chức thành viên chủ trì các hoạt động:",
	    "The member organisations in charge of activities:" },
	[PW_ASSIGN_OWNERS] = { "Cán bộ phụ trách các hoạt động của Liên hiệp:",
	    "The staff responsible for the Union's activities:" },
	[PW_BUDGET] = { "Kinh phí dự kiến của các hoạt động: ",
	    "The activities' planned cost: " },
	[PW_BUDGET_OF] = { " trong ", " of the " },
	[PW_BUDGET_SOME] = { " hoạt động có dự trù kinh phí",
	    " activities have a budget" },
	[PW_BUDGET_LIST] = { ", gồm:", ", of which:" },
	[PW_VND] = { " đồng", " VND" },
	[PW_UNION_DEFAULT] = { "Liên hiệp", "The Union" },
	[PW_LABEL_OTHER] = { "PL", "App." },
	[PW_APPENDIX] = { "Lịch các ngày kỷ niệm năm ",
	    "Calendar of anniversaries, " },
	[PW_COL_DATE] = { "Ngày", "Date" },
	[PW_COL_ANNIV] = { "Ngày kỷ niệm", "Anniversary" },
	[PW_COL_MILESTONE] = { "Năm chẵn, tròn", "Milestone" },
	[PW_COL_PLANNED] = { "Hoạt động dự kiến", "Planned activities" },
	[PW_JANUARY] = { "Tháng 1", "January" },
	[PW_FEBRUARY] = { "Tháng 2", "February" },
	[PW_MARCH] = { "Tháng 3", "March" },
	[PW_APRIL] = { "Tháng 4", "April" },
	[PW_MAY] = { "Tháng 5", "May" },
	[PW_JUNE] = { "Tháng 6", "June" },
	[PW_JULY] = { "Tháng 7", "July" },
	[PW_AUGUST] = { "Tháng 8", "August" },
	[PW_SEPTEMBER] = { "Tháng 9", "September" },
	[PW_OCTOBER] = { "Tháng 10", "October" },
	[PW_NOVEMBER] = { "Tháng 11", "November" },
	[PW_DECEMBER] = { "Tháng 12", "December" },
	[PW_IN_MONTH] = { "Trong tháng", "During the month" },
	[PW_IN_YEAR] = { "Trong năm ", "During " },
};

const char *
plan_word(enum lang lang, enum plan_word id)
{
	return words[id][lang];
}

/* What writing the plan needs: the document, the placement, the words,
 * and the numbers of part II's areas and subsections so far. */
struct writer {
	const struct plan *p;
	const struct plan_input *in;
	enum lang lang;		/* p's */
	struct doc *d;
	int area, sub;
};

/* --- texts ------------------------------------------------------------ */

const char *
plan_in_charge(const struct plan *p, const struct activity *a)
{
	const struct member *m;

	if (a->member != NULL && (m = member_find(&p->in->data->members,
	    a->member)) != NULL)
		return m->name;
	if (a->organiser != NULL && *a->organiser != '\0')
		return a->organiser;
	return NULL;
}

/* The names of a's owners, ", "-separated after sep, then " phụ
 * trách"; nothing when none has a name the dataset knows. */
static void
owners_text(const struct plan *p, const struct activity *a,
    const char *sep, struct buf *out)
{
	const char *name;
	size_t i;
	int k = 0;

	for (i = 0; i < a->nowners; i++)
		if ((name = dataset_person(p->in->data, a->owners[i])) != NULL)
			buf_printf(out, "%s%s", k++ > 0 ? ", " : sep, name);
	if (k > 0)
		buf_puts(out, plan_word(p->in->lang, PW_OWNER));
}

/* a as the plan names it; with who (not NULL), saying who is in charge
 * ("" for the union) and the staff who see to it. */
static void
activity_text(const struct plan *p, const struct activity *a,
    const char *who, struct buf *out)
{
	enum lang lang = p->in->lang;
	size_t open;

	buf_puts(out, a->title);
	buf_puts(out, " (");
	open = out->len;
	/* No span for one known only to its year. */
	if (!activity_undated(a))
		vntime_format_range(a->start, a->all_day ? a->end : a->start,
		    lang, out);
	/* "... tại Hà Nội" needs no "tại Hà Nội" after it. */
	if (a->location != NULL && *a->location != '\0' &&
	    strstr(a->title, a->location) == NULL)
		buf_printf(out, "%s%s%s", out->len > open ? ", " : "",
		    plan_word(lang, PW_AT), a->location);
	if (who != NULL && *who != '\0')
		buf_printf(out, "%s%s%s", out->len > open ? ", " : "", who,
		    plan_word(lang, PW_IN_CHARGE));
	if (who != NULL)
		owners_text(p, a, out->len > open ? ", " : "", out);
	if (out->len > open)
		buf_putc(out, ')');
	else {
		out->len = open - 2;
		out->data[out->len] = '\0';
	}
}

void
plan_activity_text(const struct plan *p, const struct activity *a,
    struct buf *out)
{
	const char *who = plan_in_charge(p, a);

	activity_text(p, a, who != NULL ? who : "", out);
}

void
plan_acts_text(const struct plan *p, const struct plan_place *pl,
    struct buf *out)
{
	size_t i;

	for (i = 0; i < pl->nacts; i++) {
		if (i > 0)
			buf_puts(out, "; ");
		plan_activity_text(p, pl->acts[i], out);
	}
}

void
plan_place_title(const struct plan *p, const struct plan_place *pl,
    int marks, struct buf *out)
{
	struct occurrence plain = *pl->oc;

	if (!rules_is_milestone(&p->in->cfg->rules, pl->oc))
		plain.n = 0;
	rules_title(&plain, p->in->lang, out);
	if (marks)
		rules_unverified(pl->oc->obs, p->in->lang, out);
}

/* 1 if pl is named as an anniversary ("Kỷ niệm 50 năm ..."). */
static int
anniversary(const struct writer *wr, const struct plan_place *pl)
{
	return pl->oc->n > 0 && rules_is_milestone(&wr->in->cfg->rules,
	    pl->oc);
}

/* pl's title inside a sentence: "kỷ niệm 50 năm ..." after a verb, "the
 * victory ..." after "on the occasion of". */
static void
title_inside(const struct writer *wr, const struct plan_place *pl,
    struct buf *out)
{
	size_t at = out->len;

	/* "on the occasion of the National Day of Laos" */
	if (wr->in->lang == LANG_EN && strncmp(pl->oc->obs->key,
	    "national-day:", 13) == 0 && !anniversary(wr, pl))
		buf_puts(out, "the ");
	at = out->len;
	plan_place_title(wr->p, pl, 0, out);
	if ((wr->in->lang == LANG_VI && strncmp(out->data + at, "Kỷ", 3) ==
	    0) || (wr->in->lang == LANG_EN && strncmp(out->data + at, "The ",
	    4) == 0))
		out->data[at] = (char)(out->data[at] - 'A' + 'a');
}

/* --- narrative --------------------------------------------------------- */

/*
 * Section key ("basis", "purpose", "requirements", "organisation",
 * "budget" of texts.c) of the year's plan, or an earlier year's until
 * this one has its own, laid out under level as every document lays out
 * such text (narrative.c); headed "number heading" when number is not
 * NULL.  1 if it is written, else nothing added and 0.
 */
static int
narrative_text(struct writer *wr, const char *key, int level,
    const char *number)
{
	return narrative_section(wr->d, &wr->in->data->texts, "plan",
	    wr->in->year, key, level, number, wr->in->lang);
}

/* Sections keys under headings of level numbered from 1, each only when
 * it is written: "1. Mục đích", "2. Yêu cầu". */
static void
narrative_numbered(struct writer *wr, const char *const *keys, size_t n,
    int level)
{
	char num[16];
	size_t i;
	int k = 0;

	for (i = 0; i < n; i++) {
		snprintf(num, sizeof(num), "%d.", k + 1);
		k += narrative_text(wr, keys[i], level, num);
	}
}

/* --- part II ------------------------------------------------------------ */

/* "2. Công tác ..." for the next area. */
static void
area_heading(struct writer *wr, int area)
{
	char *t = xasprintf("%d. %s", ++wr->area, plan_word(wr->lang,
	    PW_AREA_PEACE + area));

	doc_heading(wr->d, 2, t);
	free(t);
	wr->sub = 0;
}

/* "1.3. Hoạt động kiều bào" for the next subsection of the area. */
static void
sub_heading(struct writer *wr, enum plan_slot slot)
{
	char *t = xasprintf("%d.%d. %s", wr->area, ++wr->sub,
	    plan_word(wr->lang, PW_SUB_MILESTONES + slot));

	doc_heading(wr->d, 3, t);
	free(t);
}

/* The slot where part II names occurrences of section s. */
static enum plan_slot
section_slot(int s)
{
	static const enum plan_slot map[] = { [S_1_1] = PLAN_SLOT_MILESTONES,
	    [S_1_2] = PLAN_SLOT_ASEAN, [S_1_3] = PLAN_SLOT_OVERSEAS,
	    [S_1_4] = PLAN_SLOT_ANNUAL, [S_3] = PLAN_SLOT_INFO };

	return map[s];
}

/*
 * The occurrences of section s part II names: for 1.1 in the order of
 * their rank (rank.h); for 1.2-1.4 in date order (p->v is, by
 * rules_occurrences()), as a plan reads through the year whichever
 * selector took an occasion; for 3, its dated ones in the order of its
 * selectors, then by date.  The caller frees.
 */
static size_t
members(const struct plan *p, int s, const struct plan_place ***out)
{
	const struct plan_place **v = xcalloc(p->n + 1, sizeof(*v));
	const struct plan_place *pl;
	size_t i, n = 0;
	int g, maxg = (int)p->in->cfg->plan_sel[s].n;

	for (i = 0; s == S_1_1 && i < p->nranked; i++)
		if (p->ranked[i]->shown)
			v[n++] = p->ranked[i];
	for (i = 0; s != S_1_1 && s != S_3 && i < p->n; i++) {
		pl = &p->v[i];
		if (pl->dated && pl->shown && pl->section == s)
			v[n++] = pl;
	}
	for (g = 0; s == S_3 && g < maxg; g++)
		for (i = 0; i < p->n; i++) {
			pl = &p->v[i];
			if (pl->dated && pl->group3 == g)
				v[n++] = pl;
		}
	*out = v;
	return n;
}

/* The activities listed on their own in slot. */
static size_t
count_items(const struct plan *p, enum plan_slot slot)
{
	size_t i, n = 0;

	for (i = 0; i < p->nitems; i++)
		n += p->items[i].slot == slot;
	return n;
}

static void
items(struct writer *wr, enum plan_slot slot)
{
	struct buf t;
	size_t i;

	buf_init(&t);
	for (i = 0; i < wr->p->nitems; i++) {
		if (wr->p->items[i].slot != slot)
			continue;
		t.len = 0;
		plan_activity_text(wr->p, wr->p->items[i].a, &t);
		buf_putc(&t, '.');
		doc_bullet(wr->d, 0, t.data);
	}
	buf_release(&t);
}

/*
 * One occurrence: "Tổ chức các hoạt động kỷ niệm ... ." without
 * activities; "Nhân dịp ...: Hội thao (...)." with one; with several,
 * one bullet each under "Nhân dịp ...:".
 */
static void
occasion(struct writer *wr, const struct plan_place *pl)
{
	int anniv = anniversary(wr, pl);
	struct buf t;
	size_t i;

	buf_init(&t);
	if (pl->nacts == 0) {
		buf_puts(&t, plan_word(wr->lang, anniv ? PW_MARK_ANNIV :
		    PW_MARK_OCCASION));
		title_inside(wr, pl, &t);
		buf_putc(&t, '.');
		doc_bullet(wr->d, 0, t.data);
		buf_release(&t);
		return;
	}
	buf_puts(&t, plan_word(wr->lang, anniv ? PW_WITH_ANNIV :
	    PW_WITH_OCCASION));
	title_inside(wr, pl, &t);
	buf_putc(&t, ':');
	if (pl->nacts == 1) {
		buf_putc(&t, ' ');
		plan_activity_text(wr->p, pl->acts[0], &t);
		buf_putc(&t, '.');
	}
	doc_bullet(wr->d, 0, t.data);
	for (i = 0; pl->nacts > 1 && i < pl->nacts; i++) {
		t.len = 0;
		plan_activity_text(wr->p, pl->acts[i], &t);
		buf_putc(&t, i + 1 < pl->nacts ? ';' : '.');
		doc_bullet(wr->d, 1, t.data);
	}
	buf_release(&t);
}

/* A subsection of the occurrences of section s and the activities of
 * its slot, when it has any. */
static void
occasions(struct writer *wr, int s)
{
	enum plan_slot slot = section_slot(s);
	const struct plan_place **m;
	size_t i, n = members(wr->p, s, &m);

	if (n + count_items(wr->p, slot) > 0) {
		sub_heading(wr, slot);
		for (i = 0; i < n; i++)
			occasion(wr, m[i]);
		items(wr, slot);
	}
	free(m);
}

/* 1.5: the national days greeted by letter in one sentence, as the
 * reports write it, the milestones' letters, the letters planned. */
static void
letters(struct writer *wr)
{
	struct buf t;
	size_t i, k = 0;

	sub_heading(wr, PLAN_SLOT_LETTERS);
	buf_init(&t);
	buf_puts(&t, plan_word(wr->lang, PW_LETTERS));
	for (i = 0; i < wr->p->n; i++) {
		if (!wr->p->v[i].greeting)
			continue;
		if (k++ > 0)
			buf_puts(&t, "; ");
		plan_place_title(wr->p, &wr->p->v[i], 0, &t);
	}
	buf_putc(&t, '.');
	if (k > 0)
		doc_bullet(wr->d, 0, t.data);
	doc_bullet(wr->d, 0, plan_word(wr->lang, PW_LETTERS_MILESTONES));
	items(wr, PLAN_SLOT_LETTERS);
	buf_release(&t);
}

static void
peace(struct writer *wr)
{
	area_heading(wr, AREA_PEACE);
	occasions(wr, S_1_1);
	occasions(wr, S_1_2);
	occasions(wr, S_1_3);
	occasions(wr, S_1_4);
	letters(wr);
	if (count_items(wr->p, PLAN_SLOT_DELEGATIONS) > 0) {
		sub_heading(wr, PLAN_SLOT_DELEGATIONS);
		items(wr, PLAN_SLOT_DELEGATIONS);
	}
}

static void
ngo(struct writer *wr)
{
	const struct config *cfg = wr->in->cfg;
	const char *place = cfg->org_province != NULL &&
	    *cfg->org_province != '\0' ? cfg->org_province : NULL;
	struct buf t;

	area_heading(wr, AREA_NGO);
	doc_bullet(wr->d, 0, plan_word(wr->lang, PW_NGO));
	if (place != NULL) {
		buf_init(&t);
		buf_puts(&t, plan_word(wr->lang, PW_NGO_PLACE));
		/* English writes Vietnamese places without their marks. */
		if (wr->in->lang == LANG_EN)
			collate_ascii(place, &t);
		else
			buf_puts(&t, place);
		buf_puts(&t, plan_word(wr->lang, PW_NGO_PLACE_END));
		doc_bullet(wr->d, 0, t.data);
		buf_release(&t);
	}
	doc_bullet(wr->d, 0, plan_word(wr->lang, PW_NGO_VISIT));
	items(wr, PLAN_SLOT_NGO);
}

static const char *
country_name(const struct observance *o, enum lang lang)
{
	const char *s = lang == LANG_EN ? o->country_en : o->country_vi;

	return s != NULL ? s : o->country;
}

/* 3: the relations' countries in one sentence, as the reports write it
 * ("Thụy Điển, Mông Cổ, Brazil"), then the other anniversaries. */
static void
info(struct writer *wr)
{
	const struct plan_place **m;
	const struct observance *o;
	struct buf names, t;
	size_t i, n;

	area_heading(wr, AREA_INFO);
	n = members(wr->p, S_3, &m);
	buf_init(&names);
	buf_init(&t);
	for (i = 0; i < n; i++) {
		o = m[i]->oc->obs;
		if (o->kind != KIND_RELATION)
			continue;
		if (names.len > 0)
			buf_puts(&names, ", ");
		buf_puts(&names, country_name(o, wr->in->lang));
	}
	if (names.len > 0) {
		buf_printf(&t, "%s%d: %s.", plan_word(wr->lang, PW_INFO_REL),
		    wr->in->year, names.data);
		doc_bullet(wr->d, 0, t.data);
	}
	for (i = 0; i < n; i++) {
		if (m[i]->oc->obs->kind == KIND_RELATION)
			continue;
		t.len = 0;
		buf_puts(&t, plan_word(wr->lang, PW_INFO_OTHER));
		title_inside(wr, m[i], &t);
		buf_putc(&t, '.');
		doc_bullet(wr->d, 0, t.data);
	}
	doc_bullet(wr->d, 0, plan_word(wr->lang, PW_INFO_NEWS));
	items(wr, PLAN_SLOT_INFO);
	buf_release(&names);
	buf_release(&t);
	free(m);
}

static void
other(struct writer *wr)
{
	area_heading(wr, AREA_OTHER);
	doc_bullet(wr->d, 0, plan_word(wr->lang, PW_OTHER));
	items(wr, PLAN_SLOT_OTHER);
}

/* Part II, its areas numbered from 1. */
static void
content(struct writer *wr)
{
	wr->area = 0;
	peace(wr);
	ngo(wr);
	info(wr);
	other(wr);
}

/* --- part III ----------------------------------------------------------- */

/* The union in a sentence: its short name (Vietnamese), else "Liên
 * hiệp". */
static const char *
own_name(const struct writer *wr)
{
	const struct config *cfg = wr->in->cfg;

	if (wr->in->lang == LANG_VI && cfg->org_short_name != NULL &&
	    *cfg->org_short_name != '\0')
		return cfg->org_short_name;
	return plan_word(wr->lang, PW_UNION_DEFAULT);
}

/* The year's activities of member m, by date; the caller frees. */
static size_t
member_acts(const struct writer *wr, const struct member *m,
    const struct activity ***out)
{
	const struct activity_list *al = &wr->in->data->acts;
	const struct activity **v = xcalloc(al->n + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < al->n; i++)
		if (plan_activity_in_year(&al->v[i], wr->in->year) &&
		    al->v[i].member != NULL &&
		    strcmp(al->v[i].member, m->key) == 0)
			v[n++] = &al->v[i];
	*out = v;
	return n;
}

/* Who, then the n activities of v: "- Hội Ái mộ Yersin chủ trì: Lễ
 * tưởng niệm ... (1/3/2024, tại Nha Trang)." or a bullet each under
 * "- Hội Ái mộ Yersin chủ trì:". */
static void
duty_lines(struct writer *wr, const char *who,
    const struct activity *const *v, size_t n)
{
	struct buf t;
	size_t i;

	buf_init(&t);
	buf_puts(&t, who);
	if (n == 1) {
		buf_putc(&t, ' ');
		activity_text(wr->p, v[0], NULL, &t);
		buf_putc(&t, '.');
	}
	doc_bullet(wr->d, 0, t.data);
	for (i = 0; n > 1 && i < n; i++) {
		t.len = 0;
		activity_text(wr->p, v[i], NULL, &t);
		buf_putc(&t, i + 1 < n ? ';' : '.');
		doc_bullet(wr->d, 1, t.data);
	}
	buf_release(&t);
}

/* The names of the staff who see to the union's own activities of the
 * year, each once, in the order of their first activity; the caller
 * frees the array, not the names. */
static size_t
owner_names(const struct writer *wr, const char ***out)
{
	const struct activity_list *al = &wr->in->data->acts;
	const struct activity *a;
	const char **v = NULL, *name;
	size_t i, j, k, n = 0;

	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		if (!plan_activity_in_year(a, wr->in->year) || a->member != NULL)
			continue;
		for (j = 0; j < a->nowners; j++) {
			if ((name = dataset_person(wr->in->data,
			    a->owners[j])) == NULL)
				continue;
			for (k = 0; k < n && strcmp(v[k], name) != 0; k++)
				;
			if (k == n) {
				v = xrealloc(v, (n + 1) * sizeof(*v));
				v[n++] = name;
			}
		}
	}
	*out = v;
	return n;
}

/* 1 if one of a's owners is named name. */
static int
owned_by(const struct writer *wr, const struct activity *a,
    const char *name)
{
	const char *s;
	size_t i;

	for (i = 0; i < a->nowners; i++)
		if ((s = dataset_person(wr->in->data, a->owners[i])) != NULL &&
		    strcmp(s, name) == 0)
			return 1;
	return 0;
}

/* The union's own activities by the staff who see to them: "- Nguyễn
 * Văn A phụ trách:" and one bullet each. */
static void
owner_duties(struct writer *wr)
{
	const struct activity_list *al = &wr->in->data->acts;
	const struct activity **v = xcalloc(al->n + 1, sizeof(*v));
	const char **names;
	struct buf t;
	size_t i, k, n, nn = owner_names(wr, &names);

	buf_init(&t);
	if (nn > 0)
		doc_para(wr->d, plan_word(wr->lang, PW_ASSIGN_OWNERS));
	for (k = 0; k < nn; k++) {
		for (i = n = 0; i < al->n; i++)
			if (plan_activity_in_year(&al->v[i], wr->in->year) &&
			    al->v[i].member == NULL &&
			    owned_by(wr, &al->v[i], names[k]))
				v[n++] = &al->v[i];
		t.len = 0;
		buf_printf(&t, "%s%s:", names[k],
		    plan_word(wr->lang, PW_OWNER));
		duty_lines(wr, t.data, v, n);
	}
	buf_release(&t);
	free(names);
	free(v);
}

/* Staff's text on who does what (else the union's share), the staff
 * who see to the union's own activities, then each member
 * organisation (in the union's order) with the activities it is in
 * charge of.  Part II lists the others, and those of the occasions it
 * names with who is in charge. */
static void
duties(struct writer *wr)
{
	const struct member_list *l = &wr->in->data->members;
	const struct activity **v;
	struct buf t;
	size_t i, n;
	int head = 0;

	if (!narrative_text(wr, "organisation", 1, NULL)) {
		buf_init(&t);
		buf_printf(&t, "%s%s", own_name(wr),
		    plan_word(wr->lang, PW_OWN_SHARE));
		doc_para(wr->d, t.data);
		buf_release(&t);
	}
	owner_duties(wr);
	for (i = 0; i < l->n; i++) {
		if ((n = member_acts(wr, &l->v[i], &v)) > 0) {
			if (!head++)
				doc_para(wr->d, plan_word(wr->lang, PW_ASSIGN));
			buf_init(&t);
			buf_printf(&t, "%s%s:", l->v[i].name,
			    plan_word(wr->lang, PW_IN_CHARGE));
			duty_lines(wr, t.data, v, n);
			buf_release(&t);
		}
		free(v);
	}
}

/* --- part IV ------------------------------------------------------------ */

/* "45.000.000 đồng", "45,000,000 VND". */
static void
money(const struct writer *wr, long vnd, struct buf *out)
{
	buf_put_grouped(out, vnd, wr->in->lang == LANG_EN ? ',' : '.');
	buf_puts(out, plan_word(wr->lang, PW_VND));
}

/*
 * The year's activities' budgets summed, then each: "Kinh phí dự kiến
 * của các hoạt động: 45.000.000 đồng (3 trong 7 hoạt động có dự trù
 * kinh phí), gồm:"; the share of activities counted is said whenever
 * some have no budget.  Nothing when none has one.
 */
static void
budget(struct writer *wr)
{
	const struct activity_list *al = &wr->in->data->acts;
	const struct activity *a;
	struct buf t;
	size_t i, n = 0, k = 0;
	long sum = 0;

	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		if (!plan_activity_in_year(a, wr->in->year))
			continue;
		n++;
		if (a->budget > 0) {
			k++;
			sum += a->budget;
		}
	}
	if (k == 0)
		return;
	buf_init(&t);
	buf_puts(&t, plan_word(wr->lang, PW_BUDGET));
	money(wr, sum, &t);
	if (k < n)
		buf_printf(&t, " (%zu%s%zu%s)", k,
		    plan_word(wr->lang, PW_BUDGET_OF), n,
		    plan_word(wr->lang, PW_BUDGET_SOME));
	buf_puts(&t, plan_word(wr->lang, PW_BUDGET_LIST));
	doc_para(wr->d, t.data);
	for (i = 0; i < al->n; i++) {
		a = &al->v[i];
		if (!plan_activity_in_year(a, wr->in->year) || a->budget <= 0)
			continue;
		t.len = 0;
		activity_text(wr->p, a, NULL, &t);
		buf_puts(&t, ": ");
		money(wr, a->budget, &t);
		buf_puts(&t, --k > 0 ? ";" : ".");
		doc_bullet(wr->d, 0, t.data);
	}
	buf_release(&t);
}

/* --- the document ------------------------------------------------------- */

static void
writer_init(struct writer *wr, const struct plan *p, struct doc *d)
{
	memset(wr, 0, sizeof(*wr));
	wr->p = p;
	wr->in = p->in;
	wr->lang = p->in->lang;
	wr->d = d;
}

struct doc *
plan_doc_new(const struct plan *p, const char *appendix)
{
	const struct plan_input *in = p->in;
	struct doc_head h;
	struct org org;
	struct doc *d;
	char *title;

	org_from_config(in->cfg, &org);
	title = xasprintf("%s%d", plan_word(in->lang, PW_TITLE), in->year);
	memset(&h, 0, sizeof(h));
	h.kind = plan_word(in->lang, PW_KIND);
	h.title = title;
	h.symbol = "KH";
	h.date = in->today;
	d = appendix != NULL ? doc_new_appendix(&org, in->lang, &h,
	    appendix) : doc_new(&org, in->lang, &h);
	free(title);
	return d;
}

struct doc *
plan_doc(const struct plan *p)
{
	static const char *const purpose[] = { "purpose", "requirements" };
	const struct plan_input *in = p->in;
	struct writer wr;

	writer_init(&wr, p, plan_doc_new(p, NULL));
	/* "Căn cứ ..., Liên hiệp xây dựng Kế hoạch ... như sau:" */
	narrative_text(&wr, "basis", 1, NULL);
	doc_heading(wr.d, 1, plan_word(in->lang, PW_PART_PURPOSE));
	narrative_numbered(&wr, purpose, NELEM(purpose), 2);
	doc_heading(wr.d, 1, plan_word(in->lang, PW_PART_CONTENT));
	content(&wr);
	doc_heading(wr.d, 1, plan_word(in->lang, PW_PART_IMPLEMENTATION));
	duties(&wr);
	doc_heading(wr.d, 1, plan_word(in->lang, PW_PART_BUDGET));
	budget(&wr);
	narrative_text(&wr, "budget", 1, NULL);
	doc_end_list(wr.d, in->lang == LANG_EN ? in->cfg->plan_recipients_en :
	    in->cfg->plan_recipients);
	return wr.d;
}

int
plan_body(const struct plan *p, struct doc *d)
{
	struct writer wr;

	writer_init(&wr, p, d);
	content(&wr);
	return 1;
}

int
plan_render(const struct plan *p, enum plan_part part, enum doc_format fmt,
    struct buf *out)
{
	struct doc *d;
	int ret;

	if (fmt == DOC_CSV) {
		plan_csv(p, out);
		return 0;
	}
	d = part == PLAN_APPENDIX ? plan_appendix_doc(p) : plan_doc(p);
	ret = doc_render(d, fmt, out);
	doc_free(d);
	return ret;
}

/* --- files for the server ---------------------------------------------- */

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

char *
plan_disposition(int year, enum doc_format fmt, enum lang lang)
{
	/* ASCII, in the words of the document's kind. */
	return xasprintf("%s; filename=\"%s-%d.%s\"", fmt == DOC_HTML ?
	    "inline" : "attachment", plan_word(lang, PW_FILENAME), year,
	    doc_format_ext(fmt));
}

/* Render p in each of fmts as files of its year, appended to *v. */
static int
year_files(const struct plan *p, struct plan_file **v, size_t *nv)
{
	static const enum doc_format fmts[] = { DOC_MD, DOC_HTML, DOC_DOCX };
	struct plan_file *f;
	struct buf b;
	size_t k;

	*v = xrealloc(*v, (*nv + NELEM(fmts)) * sizeof(**v));
	for (k = 0; k < NELEM(fmts); k++) {
		buf_init(&b);
		if (plan_render(p, PLAN_MAIN, fmts[k], &b) == -1) {
			buf_release(&b);
			return -1;
		}
		f = &(*v)[(*nv)++];
		f->fmt = fmts[k];
		f->year = p->in->year;
		f->path = xasprintf("/plan/%d.%s", p->in->year,
		    doc_format_ext(fmts[k]));
		/* NUL-terminated text; the docx bytes keep their length. */
		buf_putc(&b, '\0');
		f->len = b.len - 1;
		f->body = buf_detach(&b);
	}
	return 0;
}

int
plan_files(const struct plan_input *in, int from, int to,
    struct plan_file **out, size_t *n)
{
	struct plan_input one = *in;
	struct plan_file *v = NULL;
	struct plan *p;
	size_t nv = 0;
	int y, ret;

	for (y = from; y <= to; y++) {
		one.year = y;
		if (plan_place(&one, &p) == -1)
			goto fail;
		ret = year_files(p, &v, &nv);
		plan_free(p);
		if (ret == -1)
			goto fail;
	}
	*out = v;
	*n = nv;
	return 0;
fail:
	plan_files_free(v, nv);
	return -1;
}

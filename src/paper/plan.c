/*
 * The yearly plan's sections, written from the placement (plan_place.c)
 * into a document of doc.h: the structure of the unions' plans, the
 * milestones 1.1 names and the appendix of those it leaves out; the
 * calendar of the year is plan_appendix.c's.  Also the plan's renderings
 * for the CLI, the server and the year-end report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "log.h"
#include "plan.h"
#include "plan_int.h"
#include "rank.h"
#include "util.h"
#include "vntime.h"

const char *const plan_section_label[S_COUNT] = {
	"1.1", "1.2", "1.3", "1.4", "3"
};

static const struct plan_words vi = {
	.kind = "KẾ HOẠCH",
	.title = "Phương hướng hoạt động năm ",
	.others_h = "Các ngày kỷ niệm năm chẵn khác",
	.others_intro = "Các ngày kỷ niệm năm chẵn, năm tròn của năm chưa "
	    "đưa vào mục 1.1, xếp theo mức độ liên quan với đơn vị; cán bộ có "
	    "thể đưa vào kế hoạch trên trang Tài liệu.",
	.why = "Mức độ liên quan: ",
	.label_other = "PL",
	.draft = { "Dự thảo do kyniem lập ngày ", " từ lịch các ngày kỷ "
	    "niệm; các chỗ “…” để cán bộ bổ sung." },
	.h1 = { "1. Công tác hòa bình, đoàn kết, hữu nghị",
	    "2. Công tác phi chính phủ nước ngoài",
	    "3. Công tác thông tin đối ngoại", "4. Công tác khác" },
	.h2 = { "1.1. Các ngày kỷ niệm năm chẵn, năm tròn",
	    "1.2. Hoạt động khối ASEAN", "1.3. Hoạt động kiều bào",
	    "1.4. Hoạt động thường niên" },
	.empty = "Không có ngày kỷ niệm nào trong mục này.",
	.activity = "Hoạt động: ",
	.blank = "Hoạt động dự kiến: …",
	.letters = "Gửi thư, điện chúc mừng nhân dịp Quốc khánh các nước:",
	.ngo = { "Tăng cường sự kết hợp giữa công tác hòa bình, đoàn kết, hữu "
	    "nghị với công tác vận động viện trợ phi chính phủ nước ngoài.",
	    "Tiếp tục hỗ trợ các tổ chức đối tác triển khai hoạt động: …",
	    "Đi thăm, kết nối, vận động viện trợ các tổ chức phi chính phủ "
	    "nước ngoài: …" },
	.info_rel = "Tuyên truyền các hoạt động kỷ niệm năm chẵn, năm tròn "
	    "thiết lập quan hệ ngoại giao giữa Việt Nam với các nước trong "
	    "năm ",
	.info_other = "Tuyên truyền ",
	.info_news = "Đăng tải tin, bài về hoạt động đối ngoại nhân dân trên "
	    "trang thông tin điện tử; xuất bản Bản tin Hữu nghị năm ",
	.other = { "Thực hiện các chương trình công tác theo chỉ đạo của Liên "
	    "hiệp các tổ chức hữu nghị Việt Nam và lãnh đạo địa phương.", "…" },
	.appendix = "Lịch các ngày kỷ niệm năm ",
	.cols = { "Ngày", "Sự kiện", "Năm chẵn, tròn", "Mục", "Hoạt động" },
	.no_dates = "Không có ngày nào trong tháng.",
	.month = { "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5",
	    "Tháng 6", "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11",
	    "Tháng 12" },
	.undated_intro = "Các ngày kỷ niệm năm chẵn, năm tròn chưa rõ ngày "
	    "(cần xác minh ngày trước khi lên kế hoạch):",
	.undated_h = "Các ngày kỷ niệm chưa rõ ngày",
	.day_unknown = "chưa rõ ngày",
};

static const struct plan_words en = {
	.kind = "PLAN",
	.title = "Activity plan for ",
	.others_h = "Other milestone anniversaries",
	.others_intro = "The year's milestone anniversaries not named in "
	    "section 1.1, by relevance to the union; staff can add them to "
	    "the plan on the Documents page.",
	.why = "Relevance: ",
	.label_other = "App.",
	.draft = { "Draft made by kyniem on ", " from the calendar of "
	    "anniversaries; fill in the blanks (“…”)." },
	.h1 = { "1. Peace, solidarity and friendship work",
	    "2. Work with foreign non-governmental organisations",
	    "3. External information work", "4. Other work" },
	.h2 = { "1.1. Milestone anniversaries", "1.2. ASEAN activities",
	    "1.3. Overseas Vietnamese", "1.4. Annual activities" },
	.empty = "No dates in this section.",
	.activity = "Activity: ",
	.blank = "Planned activity: …",
	.letters = "Send congratulatory letters for the national days of:",
	.ngo = { "Combine peace, solidarity and friendship work with the "
	    "mobilisation of foreign non-governmental aid.",
	    "Keep supporting partner organisations' activities: …",
	    "Visit and mobilise aid from foreign non-governmental "
	    "organisations: …" },
	.info_rel = "Publicise the round anniversaries of diplomatic "
	    "relations between Vietnam and other countries in ",
	.info_other = "Publicise the ",
	.info_news = "Post news and articles on people-to-people diplomacy "
	    "on the website; publish the Friendship Bulletin of ",
	.other = { "Carry out the work programmes directed by the Vietnam "
	    "Union of Friendship Organizations and the local leadership.",
	    "…" },
	.appendix = "Calendar of ",
	.cols = { "Date", "Event", "Milestone", "Section", "Activities" },
	.no_dates = "No dates this month.",
	.month = { "January", "February", "March", "April", "May", "June",
	    "July", "August", "September", "October", "November",
	    "December" },
	.undated_intro = "Milestone anniversaries whose day is not known "
	    "(confirm the day before planning):",
	.undated_h = "Anniversaries whose day is not known",
	.day_unknown = "day unknown",
};

const struct plan_words *
plan_words(enum lang lang)
{
	return lang == LANG_EN ? &en : &vi;
}

/* What writing the sections needs: the document, the placement, the
 * words, and how many levels down the headings go. */
struct writer {
	const struct plan *p;
	const struct plan_input *in;
	const struct plan_words *w;
	struct doc *d;
	int down;
};

/* --- texts ------------------------------------------------------------ */

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

void
plan_acts_text(const struct plan_place *pl, enum lang lang,
    struct buf *out)
{
	size_t i;

	for (i = 0; i < pl->nacts; i++) {
		if (i > 0)
			buf_puts(out, "; ");
		plan_activity_text(pl->acts[i], lang, out);
	}
}

void
plan_note_text(enum lang lang, const struct observance *o, struct buf *out)
{
	if (o->note == NULL || o->note[0] == '\0')
		return;
	buf_puts(out, lang == LANG_EN ? "Note (in Vietnamese): " : "Lưu ý: ");
	buf_puts(out, o->note);
}

void
plan_place_title(const struct plan *p, const struct plan_place *pl,
    struct buf *out)
{
	struct occurrence plain = *pl->oc;

	if (!rules_is_milestone(&p->in->cfg->rules, pl->oc))
		plain.n = 0;
	rules_title(&plain, p->in->lang, out);
	rules_unverified(pl->oc->obs, p->in->lang, out);
}

/* --- the sections ------------------------------------------------------ */

static void
heading(struct writer *wr, int level, const char *text)
{
	doc_heading(wr->d, level + wr->down, text);
}

/* A bullet whose text is a, b and c joined (c may be NULL). */
static void
bullet3(struct writer *wr, int level, const char *a, const char *b,
    const char *c)
{
	struct buf t;

	buf_init(&t);
	buf_puts(&t, a);
	buf_puts(&t, b);
	if (c != NULL)
		buf_puts(&t, c);
	doc_bullet(wr->d, level, t.data);
	buf_release(&t);
}

/* A level-0 bullet for pl, with its note under it. */
static void
bullet(struct writer *wr, const struct plan_place *pl)
{
	struct buf t;

	buf_init(&t);
	plan_place_title(wr->p, pl, &t);
	doc_bullet(wr->d, 0, t.data);
	t.len = 0;
	plan_note_text(wr->in->lang, pl->oc->obs, &t);
	if (t.len > 0)
		doc_bullet(wr->d, 1, t.data);
	buf_release(&t);
}

static void
bullet_with_activity(struct writer *wr, const struct plan_place *pl)
{
	struct buf t;

	bullet(wr, pl);
	if (pl->nacts == 0) {
		doc_bullet(wr->d, 1, wr->w->blank);
		return;
	}
	buf_init(&t);
	plan_acts_text(pl, wr->in->lang, &t);
	bullet3(wr, 1, wr->w->activity, t.data, NULL);
	buf_release(&t);
}

/* The dated occurrences of section s ordered by selector, then date;
 * for 1.1 only those it names, staff's additions that no selector of
 * 1.1 takes last.  The caller frees. */
static size_t
members(const struct plan *p, int s, const struct plan_place ***out)
{
	const struct plan_place **v = xcalloc(p->n + 1, sizeof(*v));
	const struct plan_place *pl;
	size_t i, n = 0;
	int g, maxg = (int)p->in->cfg->plan_sel[s].n + (s == S_1_1);

	for (g = 0; g < maxg; g++)
		for (i = 0; i < p->n; i++) {
			pl = &p->v[i];
			if (!pl->dated || (s == S_1_1 && !pl->chosen))
				continue;
			if (s == S_3 ? pl->group3 == g : pl->section == s &&
			    pl->group == g)
				v[n++] = pl;
		}
	*out = v;
	return n;
}

/* A national day that is no milestone: a greeting, one line of 1.4's
 * list of letters. */
static int
greeting(const struct writer *wr, const struct plan_place *pl)
{
	return pl->oc->obs->kind == KIND_NATIONAL_DAY &&
	    !rules_is_milestone(&wr->in->cfg->rules, pl->oc);
}

static void
section(struct writer *wr, int s)
{
	const struct plan_place **m;
	struct buf t;
	size_t i, n, nletters = 0;

	heading(wr, 2, wr->w->h2[s]);
	n = members(wr->p, s, &m);
	for (i = 0; i < n; i++) {
		/* Greetings for national days gather under one bullet. */
		if (s == S_1_4 && greeting(wr, m[i])) {
			nletters++;
			continue;
		}
		bullet_with_activity(wr, m[i]);
	}
	if (nletters > 0)
		doc_bullet(wr->d, 0, wr->w->letters);
	for (i = 0; i < n && nletters > 0; i++) {
		if (!greeting(wr, m[i]))
			continue;
		/* A list of countries, as the reports write it; their
		 * notes are in the appendix. */
		buf_init(&t);
		plan_place_title(wr->p, m[i], &t);
		doc_bullet(wr->d, 1, t.data);
		buf_release(&t);
	}
	if (n == 0)
		doc_para(wr->d, wr->w->empty);
	free(m);
}

/* The milestones of section 1.1 whose day is not known (rows known only
 * to the year): listed so that none is silently missing, to be dated. */
static void
undated(struct writer *wr)
{
	const struct plan_place *pl;
	size_t i;
	int intro = 0;

	for (i = 0; i < wr->p->n; i++) {
		pl = &wr->p->v[i];
		if (pl->dated || !pl->chosen)
			continue;
		if (!intro++)
			doc_para(wr->d, wr->w->undated_intro);
		bullet(wr, pl);
		doc_bullet(wr->d, 1, wr->w->blank);
	}
}

static const char *
country_name(const struct observance *o, enum lang lang)
{
	const char *s = lang == LANG_EN ? o->country_en : o->country_vi;

	return s != NULL ? s : o->country;
}

/* Section 3: the relations' countries in one sentence, as the reports
 * write it ("Thụy Điển, Mông Cổ, Brazil"), then the other anniversaries. */
static void
info(struct writer *wr)
{
	const struct plan_place **m;
	const struct observance *o;
	struct buf names, t;
	char year[16];
	size_t i, n;

	snprintf(year, sizeof(year), "%d", wr->in->year);
	heading(wr, 1, wr->w->h1[2]);
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
		rules_unverified(o, wr->in->lang, &names);
	}
	if (names.len > 0) {
		buf_printf(&t, "%s%s: %s.", wr->w->info_rel, year, names.data);
		doc_bullet(wr->d, 0, t.data);
	}
	for (i = 0; i < n; i++) {
		if (m[i]->oc->obs->kind == KIND_RELATION)
			continue;
		t.len = 0;
		rules_title(m[i]->oc, wr->in->lang, &t);
		rules_unverified(m[i]->oc->obs, wr->in->lang, &t);
		/* Mid-sentence: "Tuyên truyền kỷ niệm ...". */
		if (wr->in->lang == LANG_VI && strncmp(t.data, "Kỷ", 3) == 0)
			t.data[0] = 'k';
		bullet3(wr, 0, wr->w->info_other, t.data, ".");
	}
	bullet3(wr, 0, wr->w->info_news, year, ": …");
	buf_release(&names);
	buf_release(&t);
	free(m);
}

/* From the first section to the last, before the end. */
static void
sections(struct writer *wr)
{
	int s;

	heading(wr, 1, wr->w->h1[0]);
	for (s = S_1_1; s <= S_1_4; s++) {
		section(wr, s);
		if (s == S_1_1)
			undated(wr);
	}
	heading(wr, 1, wr->w->h1[1]);
	for (s = 0; s < 3; s++)
		doc_bullet(wr->d, 0, wr->w->ngo[s]);
	info(wr);
	heading(wr, 1, wr->w->h1[3]);
	for (s = 0; s < 2; s++)
		doc_bullet(wr->d, 0, wr->w->other[s]);
}

/* The appendix of the milestones 1.1 leaves out, by rank, each with why,
 * so none is silently dropped. */
static void
others(struct writer *wr)
{
	const struct plan_place *pl;
	struct buf t;
	size_t i;
	int head = 0;

	buf_init(&t);
	for (i = 0; i < wr->p->nranked; i++) {
		pl = wr->p->ranked[i];
		if (pl->chosen)
			continue;
		if (!head++) {
			doc_appendix(wr->d, wr->w->others_h);
			doc_para(wr->d, wr->w->others_intro);
		}
		t.len = 0;
		plan_place_title(wr->p, pl, &t);
		doc_bullet(wr->d, 0, t.data);
		t.len = 0;
		rank_explain(&pl->rank, wr->in->lang, &t);
		bullet3(wr, 1, wr->w->why, t.data, NULL);
	}
	buf_release(&t);
}

/* The draft's note, above the sections. */
static void
draft_note(struct writer *wr)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, wr->w->draft[0]);
	vntime_format_date(wr->in->today, wr->in->lang, &b);
	buf_puts(&b, wr->w->draft[1]);
	doc_todo(wr->d, b.data);
	buf_release(&b);
}

struct doc *
plan_doc(const struct plan *p, int with_others)
{
	const struct plan_input *in = p->in;
	struct writer wr;
	struct doc_head h;
	struct org org;
	char *title;

	memset(&wr, 0, sizeof(wr));
	wr.p = p;
	wr.in = in;
	wr.w = plan_words(in->lang);
	org_from_config(in->cfg, &org);
	title = xasprintf("%s%d", wr.w->title, in->year);
	memset(&h, 0, sizeof(h));
	h.kind = wr.w->kind;
	h.title = title;
	h.symbol = "KH";
	h.date = in->today;
	wr.d = doc_new(&org, in->lang, &h);
	free(title);
	draft_note(&wr);
	sections(&wr);
	/* "Nơi nhận" ([plan] recipients) and the signature, before the
	 * appendices as the decree has it. */
	doc_end_list(wr.d, in->lang == LANG_EN ? in->cfg->plan_recipients_en :
	    in->cfg->plan_recipients);
	if (with_others)
		others(&wr);
	plan_calendar(p, wr.d);
	return wr.d;
}

int
plan_body(const struct plan *p, struct doc *d)
{
	struct writer wr;

	memset(&wr, 0, sizeof(wr));
	wr.p = p;
	wr.in = p->in;
	wr.w = plan_words(p->in->lang);
	wr.d = d;
	wr.down = 1;
	sections(&wr);
	return 1;
}

int
plan_render(const struct plan *p, enum doc_format fmt, struct buf *out)
{
	struct doc *d;
	int ret;

	if (fmt == DOC_CSV) {
		plan_csv(p, out);
		return 0;
	}
	d = plan_doc(p, 1);
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
	/* ASCII, in the words of the document's title. */
	return xasprintf("%s; filename=\"%s-%d.%s\"", fmt == DOC_HTML ?
	    "inline" : "attachment", lang == LANG_EN ? "activity-plan" :
	    "phuong-huong", year, doc_format_ext(fmt));
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
		if (plan_render(p, fmts[k], &b) == -1) {
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

/*
 * The consolidated report.  Every member of [cluster] members is looked
 * up among the records received for the year (read again with
 * record_parse(): they were checked when they came); what several
 * members share is found by the occasion's key.  The sentences are the
 * members' own, as their records carry them; layout and escaping are
 * doc.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "cluster_int.h"
#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "log.h"
#include "plan.h"
#include "received.h"
#include "record.h"
#include "report.h"
#include "store.h"
#include "texts.h"
#include "vntime.h"

/* The report's words, each term once: Vietnamese as the seed reports
 * write it, then English (indexed by enum lang). */
enum word {
	W_KIND, W_TITLE, W_INTRO,
	W_H1_CONTEXT, W_H1_RESULTS, W_H1_ASSESSMENT, W_H1_PROPOSALS,
	W_H1_DIRECTION,
	W_FIGURES_H,
	W_COL_NO, W_COL_MEMBER, W_COL_ACTIVITIES, W_COL_OUT, W_COL_IN,
	W_COL_LETTERS, W_COL_PEOPLE, W_COL_AID,
	W_TOTAL, W_NOTABLE_H, W_NO_NOTABLE, W_SHARED_H, W_NO_SHARED,
	W_MISSING_H, W_MISSING, W_ALL_IN, W_PLANNED_H, W_NO_PLANNED,
	W_HEAD_H, W_HEAD, W_ANNIV, W_ENDING,
	W_COUNT
};

static const char *const words[W_COUNT][2] = {
	[W_KIND] = { "BÁO CÁO", "REPORT" },
	[W_TITLE] = { "Tổng kết hoạt động năm $1 của $2",
	    "The activities of $2 in $1" },
	[W_INTRO] = { "Trên cơ sở báo cáo tổng kết công tác năm $1 của các "
	    "thành viên, $2 (Cụm trưởng năm $1) tổng hợp kết quả hoạt động "
	    "năm $1 của $3 như sau:",
	    "From the members' reports of $1, $2 (the cluster's head in $1) "
	    "sums up the activities of $3 in $1 as follows:" },
	[W_H1_CONTEXT] = { "Bối cảnh tình hình", "Context" },
	[W_H1_RESULTS] = { "Kết quả hoạt động", "Results" },
	[W_H1_ASSESSMENT] = { "Đánh giá chung", "Overall assessment" },
	[W_H1_PROPOSALS] = { "Đề xuất, kiến nghị", "Proposals" },
	[W_H1_DIRECTION] = { "Phương hướng hoạt động năm ", "Direction for " },
	[W_FIGURES_H] = { "1. Số liệu của các thành viên",
	    "1. The members' figures" },
	[W_COL_NO] = { "TT", "No." },
	[W_COL_MEMBER] = { "Thành viên", "Member" },
	[W_COL_ACTIVITIES] = { "Hoạt động", "Activities" },
	[W_COL_OUT] = { "Đoàn ra", "Delegations abroad" },
	[W_COL_IN] = { "Đoàn vào", "Delegations received" },
	[W_COL_LETTERS] = { "Thư chúc mừng", "Letters" },
	[W_COL_PEOPLE] = { "Người tham gia", "Participants" },
	[W_COL_AID] = { "Viện trợ PCPNN", "Foreign NGO aid" },
	[W_TOTAL] = { "Tổng cộng", "Total" },
	[W_NOTABLE_H] = { "2. Hoạt động nổi bật của các thành viên",
	    "2. The members' notable activities" },
	[W_NO_NOTABLE] = { "Không có hoạt động kỷ niệm năm chẵn, năm tròn.",
	    "No milestone anniversary activity." },
	[W_SHARED_H] = { "3. Các ngày kỷ niệm nhiều thành viên cùng tổ chức",
	    "3. Anniversaries several members marked" },
	[W_NO_SHARED] = { "Không có ngày kỷ niệm nào được từ hai thành viên "
	    "trở lên cùng tổ chức.",
	    "No anniversary was marked by two members or more." },
	[W_MISSING_H] = { "4. Thành viên chưa gửi báo cáo",
	    "4. Members that have not reported" },
	[W_MISSING] = { "Đến ngày $1, chưa nhận được báo cáo năm $2 của: $3.",
	    "By $1, no report of $2 had come from: $3." },
	[W_ALL_IN] = { "Các thành viên đều đã gửi báo cáo năm $1.",
	    "Every member has sent its report of $1." },
	[W_PLANNED_H] = { "Các ngày kỷ niệm nhiều thành viên dự kiến tổ chức",
	    "Anniversaries several members plan" },
	[W_NO_PLANNED] = { "Chưa có ngày kỷ niệm nào được từ hai thành viên "
	    "trở lên dự kiến tổ chức.",
	    "No anniversary is planned by two members or more yet." },
	[W_HEAD_H] = { "2. Cụm trưởng năm ", "2. The cluster's head in " },
	[W_HEAD] = { "$1 làm Cụm trưởng năm $2.",
	    "$1 heads the cluster in $2." },
	[W_ANNIV] = { "$1: $2.", "$1: $2." },
	[W_ENDING] = {
	    "Trên đây là báo cáo tổng kết hoạt động năm $1 của $2./.",
	    "This is the report of $2 on its activities in $1./." },
};

struct ctx {
	const struct cluster_input *in;
	struct cluster_member *v;	/* the members of c->set */
	size_t n;
	struct cluster_set set;
	struct doc *doc;
	int h1;			/* first-level headings so far */
	struct buf unwritten;	/* the sections not written, "a, b" */
};

/* Term id in the report's language. */
static const char *
word(const struct ctx *c, enum word id)
{
	return words[id][c->in->lang];
}

/* A paragraph of template t. */
static void
para(struct ctx *c, const char *t, const char *const *v, size_t n)
{
	struct buf b;

	buf_init(&b);
	buf_fill(&b, t, v, n);
	doc_para(c->doc, b.data);
	buf_release(&b);
}

static const char *
name_of(const struct ctx *c, const struct cluster_member *x)
{
	return cluster_member_name(c->in->cfg, x);
}

const char *
cluster_name(const struct config *cfg)
{
	return cfg->cluster_name != NULL ? cfg->cluster_name :
	    cfg->cluster_id != NULL ? cfg->cluster_id : "Cụm";
}

/* Each member and its record; 0 or -1 (logged). */
static int
collect(struct ctx *c)
{
	if (cluster_collect(c->in, &c->set) == -1)
		return -1;
	c->v = c->set.v;
	c->n = c->set.n;
	return 0;
}

static void
release(struct ctx *c)
{
	cluster_set_release(&c->set);
}

/* n with the thousands marked, the language's way: "6.100", "6,100". */
static void
number(const struct ctx *c, long long n, struct buf *out)
{
	buf_put_grouped(out, (long)n, c->in->lang == LANG_EN ? ',' : '.');
}

/* "149.814 USD; 3.400.000.000 VND", or "" for none. */
static void
aid_text(const struct ctx *c, const struct record_kv *aid, size_t n,
    struct buf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(out, "; ");
		number(c, aid[i].n, out);
		buf_printf(out, " %s", aid[i].key);
	}
}

/* The text of section key for the cluster's year, or NULL (not
 * written, or emptied on purpose); -1 on a store failure. */
static int
section_text(struct ctx *c, const char *key, char **body)
{
	int inherited;

	*body = NULL;
	if (text_get(c->in->st, "cluster", c->in->year, key, body,
	    &inherited) == -1)
		return -1;
	if (*body != NULL && (*body)[strspn(*body, " \t\r\n")] == '\0') {
		free(*body);
		*body = NULL;
	}
	return 0;
}

/* A narrative section of the cluster's year under heading h (NULL: under
 * the heading already written), laid out as every document lays out
 * staff's text (doc_text()); one not written is named in c->unwritten
 * and left out, heading and all. */
static int
narrative(struct ctx *c, const char *key, const char *h)
{
	char *body;

	if (section_text(c, key, &body) == -1)
		return -1;
	if (body == NULL) {
		buf_printf(&c->unwritten, "%s%s", c->unwritten.len > 0 ?
		    ", " : "", key);
		return 0;
	}
	if (h != NULL)
		doc_heading_next(c->doc, &c->h1, h);
	doc_text(c->doc, 1, body);
	free(body);
	return 0;
}

/* The figures' row of one member (or the total, name given). */
static void
figures_row(struct ctx *c, char **cell, int no, const char *name,
    const struct record_counts *k)
{
	struct buf b;

	buf_init(&b);
	cell[0] = no > 0 ? xasprintf("%d", no) : xstrdup("");
	cell[1] = xstrdup(name);
	number(c, k->activities, &b);
	cell[2] = buf_detach(&b);
	number(c, k->out, &b);
	cell[3] = buf_detach(&b);
	number(c, k->in, &b);
	cell[4] = buf_detach(&b);
	number(c, k->letters, &b);
	cell[5] = buf_detach(&b);
	number(c, k->people, &b);
	cell[6] = buf_detach(&b);
	aid_text(c, k->aid, k->naid, &b);
	cell[7] = buf_detach(&b);
}

/* k += one member's counts; aid summed by currency. */
static void
add_counts(struct record_counts *k, const struct record_counts *x)
{
	size_t i, j;

	k->activities += x->activities;
	k->out += x->out;
	k->in += x->in;
	k->letters += x->letters;
	k->people += x->people;
	k->people_acts += x->people_acts;
	for (i = 0; i < x->naid; i++) {
		for (j = 0; j < k->naid && strcmp(k->aid[j].key,
		    x->aid[i].key) != 0; j++)
			;
		if (j == k->naid) {
			k->aid = xrealloc(k->aid, (k->naid + 1) *
			    sizeof(*k->aid));
			k->aid[k->naid].key = x->aid[i].key;
			k->aid[k->naid++].n = 0;
		}
		k->aid[j].n += x->aid[i].n;
	}
}

/* 1. The table: each member that reported, then the total. */
static void
figures(struct ctx *c)
{
	static const int widths[8] = { 7, 28, 10, 9, 9, 10, 11, 16 };
	struct record_counts total;
	char **cells;
	size_t i, rows = 1, k;
	int no = 0;

	memset(&total, 0, sizeof(total));
	doc_heading(c->doc, 2, word(c, W_FIGURES_H));
	cells = xcalloc((c->n + 2) * 8, sizeof(*cells));
	for (k = 0; k < 8; k++)
		cells[k] = xstrdup(word(c, W_COL_NO + k));
	for (i = 0; i < c->n; i++) {
		if (!c->v[i].have)
			continue;
		figures_row(c, cells + rows++ * 8, ++no, name_of(c, &c->v[i]),
		    &c->v[i].r.counts);
		add_counts(&total, &c->v[i].r.counts);
	}
	figures_row(c, cells + rows++ * 8, 0, word(c, W_TOTAL), &total);
	doc_table(c->doc, 8, rows, cells, widths);
	for (k = 0; k < rows * 8; k++)
		free(cells[k]);
	free(cells);
	free(total.aid);
}

/* 2. Each member's activities of a milestone, in its own sentences. */
static void
notable(struct ctx *c)
{
	struct buf b;
	size_t i, j;
	int any, no = 0;

	doc_heading(c->doc, 2, word(c, W_NOTABLE_H));
	buf_init(&b);
	for (i = 0; i < c->n; i++) {
		if (!c->v[i].have)
			continue;
		b.len = 0;
		buf_printf(&b, "%c) %s", 'a' + no++ % 26, name_of(c, &c->v[i]));
		doc_heading(c->doc, 3, b.data);
		for (j = 0, any = 0; j < c->v[i].r.nacts; j++)
			if (c->v[i].r.acts[j].milestone) {
				doc_bullet(c->doc, 0, c->v[i].r.acts[j].sentence);
				any = 1;
			}
		if (!any)
			doc_para(c->doc, word(c, W_NO_NOTABLE));
	}
	buf_release(&b);
}

/* An occasion several members share, and who. */
struct shared {
	const struct record_milestone *m;	/* the first member's */
	struct buf who;				/* "A, B" */
	int count;
};

static int
shared_cmp(const void *x, const void *y)
{
	const struct shared *a = x, *b = y;
	int d = strcmp(a->m->date, b->m->date);

	return d != 0 ? d : strcmp(a->m->observance, b->m->observance);
}

/* The milestones (planned: next year's) two members or more have, by
 * date; *out to release with shared_release(). */
static size_t
shared_collect(struct ctx *c, int planned, struct shared **out)
{
	const struct record_milestone *list, *m;
	struct shared *v = NULL;
	size_t n = 0, i, j, k, len, kept = 0;

	for (i = 0; i < c->n; i++) {
		if (!c->v[i].have)
			continue;
		list = planned ? c->v[i].r.next : c->v[i].r.milestones;
		len = planned ? c->v[i].r.nnext : c->v[i].r.nmilestones;
		for (j = 0; j < len; j++) {
			m = &list[j];
			for (k = 0; k < n && strcmp(v[k].m->observance,
			    m->observance) != 0; k++)
				;
			if (k == n) {
				v = xrealloc(v, (n + 1) * sizeof(*v));
				v[n].m = m;
				v[n].count = 0;
				buf_init(&v[n++].who);
			}
			buf_printf(&v[k].who, "%s%s", v[k].count++ ? ", " : "",
			    name_of(c, &c->v[i]));
		}
	}
	for (i = 0; i < n; i++)
		if (v[i].count >= 2)
			v[kept++] = v[i];
		else
			buf_release(&v[i].who);
	if (kept > 1)
		qsort(v, kept, sizeof(*v), shared_cmp);
	*out = v;
	return kept;
}

static void
shared_release(struct shared *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_release(&v[i].who);
	free(v);
}

/* One shared milestone as a bullet: its title as the records word it
 * ("Kỷ niệm 50 năm ... (21/9/1973 – 21/9/2023)"), then who. */
static void
shared_bullet(struct ctx *c, const struct shared *s)
{
	const char *v[2] = { s->m->title, s->who.data };
	struct buf b;

	buf_init(&b);
	buf_fill(&b, word(c, W_ANNIV), v, 2);
	doc_bullet(c->doc, 0, b.data);
	buf_release(&b);
}

/* 3. and IV.1: the shared milestones, or the sentence saying none. */
static void
shared(struct ctx *c, int planned)
{
	struct shared *v;
	size_t n = shared_collect(c, planned, &v), i;

	for (i = 0; i < n; i++)
		shared_bullet(c, &v[i]);
	if (n == 0)
		doc_para(c->doc, word(c, planned ? W_NO_PLANNED :
		    W_NO_SHARED));
	shared_release(v, n);
}

/* 4. Who has not reported, by today. */
static void
missing(struct ctx *c)
{
	struct buf names, date;
	const char *v[3];
	char year[16];
	size_t i;

	buf_init(&names);
	buf_init(&date);
	for (i = 0; i < c->n; i++) {
		if (c->v[i].have)
			continue;
		buf_printf(&names, "%s%s", names.len ? "; " : "",
		    name_of(c, &c->v[i]));
		/* No record and no name: the page says the id, which
		 * nobody signs; say where the name goes. */
		if (name_of(c, &c->v[i]) == c->v[i].m->id)
			log_warnx("the report names '%s' by its id: set its "
			    "name in [cluster-member %s]", c->v[i].m->id,
			    c->v[i].m->id);
	}
	snprintf(year, sizeof(year), "%d", c->in->year);
	vntime_format_date(c->in->today, c->in->lang, &date);
	v[0] = date.data;
	v[1] = year;
	v[2] = names.data;
	doc_heading(c->doc, 2, word(c, W_MISSING_H));
	para(c, word(c, names.len > 0 ? W_MISSING : W_ALL_IN),
	    names.len > 0 ? v : v + 1, names.len > 0 ? 3 : 1);
	buf_release(&names);
	buf_release(&date);
}

/* The member called id: its name, as name_of() says it. */
static const char *
member_name(const struct ctx *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].m->id, id) == 0)
			return name_of(c, &c->v[i]);
	return id;
}

/* IV. Next year: staff's direction, the shared plans, the next head. */
static int
direction(struct ctx *c)
{
	const struct config *cfg = c->in->cfg;
	char year[16];
	const char *v[2];
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s%d", word(c, W_H1_DIRECTION), c->in->year + 1);
	doc_heading_next(c->doc, &c->h1, b.data);
	buf_release(&b);
	/* Written or not: the shared plans and the next head are said. */
	if (narrative(c, "direction", NULL) == -1)
		return -1;
	buf_init(&b);
	buf_printf(&b, "1. %s", word(c, W_PLANNED_H));
	doc_heading(c->doc, 2, b.data);
	buf_release(&b);
	shared(c, 1);
	if (cfg->cluster_next_head != NULL) {
		buf_init(&b);
		buf_printf(&b, "%s%d", word(c, W_HEAD_H), c->in->year + 1);
		doc_heading(c->doc, 2, b.data);
		buf_release(&b);
		snprintf(year, sizeof(year), "%d", c->in->year + 1);
		v[0] = member_name(c, cfg->cluster_next_head);
		v[1] = year;
		para(c, word(c, W_HEAD), v, 2);
	}
	return 0;
}

static struct doc *
new_doc(struct ctx *c)
{
	const char *v[2];
	struct doc_head h;
	struct org org;
	struct buf title;
	char year[16];
	struct doc *d;

	org_from_config(c->in->cfg, &org);
	snprintf(year, sizeof(year), "%d", c->in->year);
	v[0] = year;
	v[1] = cluster_name(c->in->cfg);
	buf_init(&title);
	buf_fill(&title, word(c, W_TITLE), v, 2);
	memset(&h, 0, sizeof(h));
	h.kind = word(c, W_KIND);
	h.title = title.data;
	h.symbol = "BC";
	h.date = c->in->today;
	d = doc_new(&org, c->in->lang, &h);
	buf_release(&title);
	return d;
}

/* The opening sentence and the ending, which name the head. */
static const char *
head_name(const struct ctx *c)
{
	const struct config *cfg = c->in->cfg;

	if (c->in->lang == LANG_EN && cfg->org_name_en != NULL)
		return cfg->org_name_en;
	return cfg->org_name != NULL ? cfg->org_name :
	    "Liên hiệp các tổ chức hữu nghị";
}

static int
body(struct ctx *c)
{
	const char *v[3];
	char year[16];

	snprintf(year, sizeof(year), "%d", c->in->year);
	v[0] = year;
	v[1] = head_name(c);
	v[2] = cluster_name(c->in->cfg);
	para(c, word(c, W_INTRO), v, 3);
	if (narrative(c, "context", word(c, W_H1_CONTEXT)) == -1)
		return -1;
	doc_heading_next(c->doc, &c->h1, word(c, W_H1_RESULTS));
	figures(c);
	notable(c);
	doc_heading(c->doc, 2, word(c, W_SHARED_H));
	shared(c, 0);
	missing(c);
	if (narrative(c, "assessment", word(c, W_H1_ASSESSMENT)) == -1 ||
	    narrative(c, "proposals", word(c, W_H1_PROPOSALS)) == -1 ||
	    direction(c) == -1)
		return -1;
	v[1] = cluster_name(c->in->cfg);
	para(c, word(c, W_ENDING), v, 2);
	doc_end_list(c->doc, c->in->lang == LANG_EN ?
	    c->in->cfg->cluster_recipients_en :
	    c->in->cfg->cluster_recipients);
	return 0;
}

int
cluster_report(const struct cluster_input *in, struct doc **out)
{
	struct ctx c;
	int ret = -1;

	memset(&c, 0, sizeof(c));
	c.in = in;
	buf_init(&c.unwritten);
	*out = NULL;
	if (in->cfg->nmembers == 0) {
		log_warnx("this union heads no cluster: [cluster] members is "
		    "not set");
		goto done;
	}
	if (collect(&c) == -1)
		goto done;
	c.doc = new_doc(&c);
	if (body(&c) == -1)
		goto done;
	/* As the union's report says it: the document holds no note. */
	if (c.unwritten.len > 0)
		log_warnx("cluster report %d: sections not written: %s "
		    "('kyniem text set cluster %d KEY --file FILE' writes "
		    "one)", in->year, c.unwritten.data, in->year);
	*out = c.doc;
	c.doc = NULL;
	ret = 0;
done:
	if (c.doc != NULL)
		doc_free(c.doc);
	buf_release(&c.unwritten);
	release(&c);
	return ret;
}

int
cluster_own_year(const struct cluster_input *in, const char *id)
{
	const struct dataset *d = in->data;
	size_t i;

	if (d == NULL || in->cfg->org_id == NULL ||
	    strcmp(id, in->cfg->org_id) != 0)
		return 0;
	for (i = 0; i < d->acts.n; i++)
		if (d->acts.v[i].start.y == in->year &&
		    d->acts.v[i].status == ACTIVITY_DONE)
			return 1;
	return 0;
}

/*
 * The head's own row when it holds no record of its own: the record its
 * database makes, as `kyniem record export` would (unsigned: it does not
 * leave the head).  0, 1 when x is not the head or its database has no
 * done activity of the year (it has not reported), or -1 (logged).
 */
static int
own_record(const struct cluster_input *in, struct cluster_member *x)
{
	struct plan_input pin = { 0 };
	struct buf b;

	if (!cluster_own_year(in, x->m->id))
		return 1;
	pin.cfg = in->cfg;
	pin.data = in->data;
	pin.lunar = in->lunar;
	pin.year = in->year;
	pin.lang = LANG_VI;
	pin.today = in->today;
	buf_init(&b);
	if (report_record(&pin, NULL, in->now, in->version != NULL ?
	    in->version : "", &b) == -1) {
		buf_release(&b);
		return -1;
	}
	x->held.body = b.data;
	x->held.len = b.len;
	return 0;
}

int
cluster_collect(const struct cluster_input *in, struct cluster_set *out)
{
	const struct config *cfg = in->cfg;
	struct cluster_member *x;
	char why[300];
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	out->v = xcalloc(cfg->nmembers > 0 ? cfg->nmembers : 1,
	    sizeof(*out->v));
	for (i = 0; i < cfg->nmembers; i++, out->n++) {
		x = &out->v[i];
		x->m = &cfg->members[i];
		rc = received_get(in->st, x->m->id, in->year, &x->held);
		if (rc == 1)
			rc = own_record(in, x);
		if (rc == -1)
			return -1;
		if (rc == 1)
			continue;
		if (record_parse(x->held.body, x->held.len, &x->r, why,
		    sizeof(why)) == 0)
			x->have = 1;
		else {
			log_warnx("the record of '%s' for %d no longer reads: "
			    "%s", x->m->id, in->year, why);
			record_release(&x->r);
		}
	}
	return 0;
}

void
cluster_set_release(struct cluster_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->v[i].have)
			record_release(&s->v[i].r);
		received_release(&s->v[i].held);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

const char *
cluster_member_name(const struct config *cfg, const struct cluster_member *x)
{
	if (x->have)
		return x->r.name;
	if (x->m->name != NULL)
		return x->m->name;
	if (cfg->org_id != NULL && cfg->org_name != NULL &&
	    strcmp(cfg->org_id, x->m->id) == 0)
		return cfg->org_name;
	return x->m->id;
}

char *
cluster_filename(int year, enum doc_format fmt, enum lang lang)
{
	return xasprintf("%s-%d.%s", lang == LANG_EN ? "cluster-report" :
	    "bao-cao-cum", year, doc_format_ext(fmt));
}

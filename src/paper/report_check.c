/*
 * Before the report is printed: what staff look at, never the report
 * itself.  The year's milestones no activity was recorded for (to add
 * what was done, or to leave them), the done activities without a
 * result or without a day, the planned ones whose day has passed with
 * their status unchanged, and the narrative sections not written for
 * the year (texts.h), or carried over from an earlier year unedited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "plan.h"
#include "report_int.h"
#include "vntime.h"

static void
add(struct report_gaps *l, enum report_gap_kind kind, long id,
    const char *key, const char *text)
{
	struct report_gap *t;

	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	t = &l->v[l->n++];
	t->kind = kind;
	t->activity = id;
	t->key = key != NULL ? xstrdup(key) : NULL;
	t->text = xstrdup(text);
}

/* The milestones no live activity of the year is for, in the report's
 * order, with a doubt about their data said. */
static void
milestones(const struct report_ctx *c, struct report_gaps *out)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < c->nms; i++) {
		if (c->ms[i].any > 0)
			continue;
		b.len = 0;
		rules_title(c->ms[i].oc, c->in->lang, &b);
		rules_unverified(c->ms[i].oc->obs, c->in->lang, &b);
		add(out, REPORT_GAP_MILESTONE, 0, c->ms[i].oc->obs->key,
		    b.data);
	}
	buf_release(&b);
}

/* An activity as the list names it: its title and its day. */
static void
activity_gap(const struct report_ctx *c, const struct activity *a,
    enum report_gap_kind kind, struct report_gaps *out)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, a->title);
	if (!activity_undated(a)) {
		buf_puts(&b, " (");
		vntime_format_date(a->start, c->in->lang, &b);
		buf_putc(&b, ')');
	}
	add(out, kind, a->id, NULL, b.data);
	buf_release(&b);
}

static void
activities(const struct report_ctx *c, struct report_gaps *out)
{
	const struct activity_list *al = &c->in->data->acts;
	const struct activity *a;
	size_t i;
	int k;

	/* One pass a kind: the list is read a kind at a time. */
	for (k = REPORT_GAP_RESULT; k <= REPORT_GAP_STALE; k++)
		for (i = 0; i < al->n; i++) {
			a = &al->v[i];
			if (a->start.y != c->in->year || a->status ==
			    ACTIVITY_CANCELLED)
				continue;
			if (a->status == ACTIVITY_DONE ? (k ==
			    REPORT_GAP_RESULT && a->result == NULL &&
			    a->report_text == NULL) || (k ==
			    REPORT_GAP_DATE && activity_undated(a)) :
			    k == REPORT_GAP_STALE &&
			    util_ymd_cmp(a->start, c->in->today) <= 0)
				activity_gap(c, a, (enum report_gap_kind)k,
				    out);
		}
}

/* The report's sections without this year's text: none at all
 * (text_unwritten()), or an earlier year's not edited since; a section
 * emptied, for the year or an earlier one, was left out on purpose. */
static void
sections(const struct report_ctx *c, struct report_gaps *out)
{
	const struct text_section *s = text_sections("report");
	const char *body;
	struct buf b;
	int from, en = c->in->lang == LANG_EN;

	buf_init(&b);
	for (; s != NULL && s->key != NULL; s++) {
		body = text_find(&c->in->data->texts, "report", c->in->year,
		    s->key, &from);
		if (from == c->in->year || (body == NULL &&
		    !text_unwritten(&c->in->data->texts, "report",
		    c->in->year, s)))
			continue;
		b.len = 0;
		buf_puts(&b, en ? s->en : s->vi);
		if (body != NULL)
			buf_printf(&b, en ? " (the text of %d, not yet edited "
			    "for %d)" : " (văn bản năm %d, chưa sửa cho năm %d)",
			    from, c->in->year);
		add(out, REPORT_GAP_SECTION, 0, s->key, b.data);
	}
	buf_release(&b);
}

int
report_check(const struct plan_input *in, struct report_gaps *out)
{
	struct report_ctx c;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	if (report_collect(&c, in) == 0) {
		milestones(&c, out);
		activities(&c, out);
		sections(&c, out);
		ret = 0;
	}
	report_ctx_release(&c);
	return ret;
}

void
report_gaps_release(struct report_gaps *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].text);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

const char *
report_gap_heading(enum report_gap_kind kind, enum lang lang)
{
	static const char *const vi[] = {
		"Các ngày kỷ niệm năm chẵn, năm tròn chưa ghi nhận hoạt động "
		    "(bổ sung hoạt động đã thực hiện, hoặc bỏ qua nếu không "
		    "liên quan)",
		"Hoạt động đã thực hiện chưa ghi kết quả",
		"Hoạt động đã thực hiện chưa ghi ngày",
		"Hoạt động đã qua ngày dự kiến nhưng chưa cập nhật trạng thái",
		"Các phần báo cáo chưa viết",
	};
	static const char *const en[] = {
		"Milestones of the year with no activity recorded (add what "
		    "was done, or leave them if they do not concern the union)",
		"Done activities without a result",
		"Done activities without a day",
		"Planned activities whose day has passed, their status "
		    "unchanged",
		"Sections of the report not yet written",
	};

	if ((size_t)kind >= NELEM(vi))
		return "";
	return lang == LANG_EN ? en[kind] : vi[kind];
}

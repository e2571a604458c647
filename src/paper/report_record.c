/*
 * The union's year record (doc/record-format.md): what its year-end
 * report is made of, as JSON, for the head of its cluster.  The same
 * collection as the report (report_collect()): the done activities, each
 * with the sentence the report prints for it (report_line()), the
 * figures as section III counts them, the milestones marked; and next
 * year's milestones as the plan's section 1.1 names them.  Written
 * through lib/json; signed over the canonical bytes (record.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dataset.h"
#include "jsonw.h"
#include "log.h"
#include "member.h"
#include "plan.h"
#include "record.h"
#include "report_int.h"
#include "sign.h"
#include "vntime.h"

#define UID_PREFIX	"kyniem-activity-"

/* Text, or null when there is none (the format's "empty is null"). */
static void
opt_str(struct jsonw *j, const char *key, const char *s)
{
	if (s == NULL || *s == '\0')
		jsonw_null(j, key);
	else
		jsonw_str(j, key, s);
}

static void
ymd_str(struct jsonw *j, const char *key, struct ymd d)
{
	char s[16];

	util_format_ymd(d, s, sizeof(s));
	jsonw_str(j, key, s);
}

/* "JP US" as ["JP", "US"]. */
static void
codes(struct jsonw *j, const char *key, const char *list)
{
	char *copy = xstrdup(list != NULL ? list : ""), *save = NULL, *cc;

	jsonw_array(j, key);
	for (cc = strtok_r(copy, " ", &save); cc != NULL;
	    cc = strtok_r(NULL, " ", &save))
		jsonw_str(j, NULL, cc);
	jsonw_end(j);
	free(copy);
}

/* The activity's key: its UID without kyniem's prefix, as the CSV. */
static const char *
act_key(const struct activity *a)
{
	size_t n = strlen(UID_PREFIX);

	return strncmp(a->uid, UID_PREFIX, n) == 0 && a->uid[n] != '\0' ?
	    a->uid + n : a->uid;
}

/* The milestone of the year the activity is for, or -1. */
static long
milestone_of(const struct report_ctx *c, const struct activity *a)
{
	size_t i;

	for (i = 0; a->observance != NULL && i < c->nms; i++)
		if (strcmp(c->ms[i].oc->obs->key, a->observance) == 0)
			return (long)i;
	return -1;
}

static void
activity(const struct report_ctx *c, struct jsonw *j, const struct activity *a)
{
	const struct member *m = a->member != NULL ?
	    member_find(&c->in->data->members, a->member) : NULL;
	struct buf s;

	buf_init(&s);
	report_line(c, a, 0, 0, &s);
	jsonw_object(j, NULL);
	jsonw_str(j, "key", act_key(a));
	jsonw_str(j, "title", a->title);
	jsonw_str(j, "sentence", s.data);
	ymd_str(j, "start", a->start);
	ymd_str(j, "end", a->end);
	jsonw_bool(j, "dated", !activity_undated(a));
	opt_str(j, "place", a->location);
	opt_str(j, "category", a->category);
	opt_str(j, "observance", a->observance);
	codes(j, "countries", a->countries);
	opt_str(j, "partners", a->partner);
	if (a->participants > 0)
		jsonw_int(j, "participants", a->participants);
	else
		jsonw_null(j, "participants");
	opt_str(j, "result", a->result);
	record_write_credit(j, a->member, m != NULL ? m->name : a->member,
	    a->amount, a->amount > 0 ? a->currency : NULL);
	if (a->budget > 0)
		jsonw_int(j, "budget", a->budget);
	else
		jsonw_null(j, "budget");
	jsonw_bool(j, "milestone", milestone_of(c, a) >= 0);
	jsonw_end(j);
	buf_release(&s);
}

/* The kind of the letter's occasion: "national-day", "relation"...,
 * "other" when it has none. */
static const char *
occasion_kind(const struct report_ctx *c, const struct activity *a)
{
	const struct observance *o = a->observance != NULL ?
	    obs_set_find(&c->in->data->set, a->observance) : NULL;

	return o != NULL ? rules_kind_name(o->kind) : "other";
}

static void
letters(const struct report_ctx *c, struct jsonw *j)
{
	const char *kinds[64];
	long n[64];
	size_t i, k, nk = 0;

	for (i = 0; i < c->nitems; i++) {
		if (c->items[i].planned || c->items[i].slot != SLOT_LETTER)
			continue;
		for (k = 0; k < nk && strcmp(kinds[k], occasion_kind(c,
		    c->items[i].a)) != 0; k++)
			;
		if (k == nk && nk == NELEM(kinds))
			k = 0;	/* more kinds than there are: never */
		else if (k == nk) {
			kinds[nk] = occasion_kind(c, c->items[i].a);
			n[nk++] = 0;
		}
		n[k] += report_letters_in(c->items[i].a);
	}
	jsonw_object(j, "letters");
	jsonw_int(j, "total", c->n.letters);
	jsonw_object(j, "by_occasion");
	for (k = 0; k < nk; k++)
		jsonw_int(j, kinds[k], n[k]);
	jsonw_end(j);
	jsonw_end(j);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The partner countries, sorted: ",JP,US," in c->countries. */
static void
countries(const struct report_ctx *c, struct jsonw *j)
{
	char *copy = xstrdup(c->countries.data != NULL ? c->countries.data :
	    ""), *save = NULL, *cc, **v = NULL;
	size_t n = 0, i;

	for (cc = strtok_r(copy, ",", &save); cc != NULL;
	    cc = strtok_r(NULL, ",", &save)) {
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = cc;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), str_cmp);
	jsonw_array(j, "countries");
	for (i = 0; i < n; i++)
		jsonw_str(j, NULL, v[i]);
	jsonw_end(j);
	free(v);
	free(copy);
}

static void
counts(const struct report_ctx *c, struct jsonw *j)
{
	size_t i;

	jsonw_object(j, "counts");
	jsonw_int(j, "activities", c->n.own + c->n.members);
	jsonw_int(j, "delegations_out", c->n.out);
	jsonw_int(j, "delegations_in", c->n.in);
	letters(c, j);
	jsonw_object(j, "participants");
	jsonw_int(j, "people", c->n.people);
	jsonw_int(j, "activities", c->n.with_people);
	jsonw_end(j);
	countries(c, j);
	jsonw_array(j, "ngo_aid");
	for (i = 0; i < c->naid; i++) {
		jsonw_object(j, NULL);
		jsonw_str(j, "currency", c->aid[i].currency);
		jsonw_int(j, "amount", c->aid[i].amount);
		jsonw_end(j);
	}
	jsonw_end(j);
	jsonw_end(j);
}

/* One milestone: observance, title, date, years. */
static void
milestone_head(struct jsonw *j, const struct occurrence *oc)
{
	struct buf t;

	buf_init(&t);
	rules_title(oc, LANG_VI, &t);
	jsonw_str(j, "observance", oc->obs->key);
	jsonw_str(j, "title", t.data);
	ymd_str(j, "date", oc->date);
	jsonw_int(j, "years", oc->n);
	buf_release(&t);
}

/* The year's milestones with a done activity, the union's or a
 * member's, in the report's order, each with its activities' keys. */
static void
marked(const struct report_ctx *c, struct jsonw *j)
{
	size_t m, i, k;

	jsonw_array(j, "milestones");
	for (m = 0; m < c->nms; m++) {
		for (i = 0, k = 0; i < c->nitems; i++)
			k += !c->items[i].planned &&
			    milestone_of(c, c->items[i].a) == (long)m;
		if (k == 0 || c->ms[m].oc->n <= 0)
			continue;
		jsonw_object(j, NULL);
		milestone_head(j, c->ms[m].oc);
		jsonw_array(j, "activities");
		for (i = 0; i < c->nitems; i++)
			if (!c->items[i].planned && milestone_of(c,
			    c->items[i].a) == (long)m)
				jsonw_str(j, NULL, act_key(c->items[i].a));
		jsonw_end(j);
		jsonw_end(j);
	}
	jsonw_end(j);
}

/* Next year's milestones the plan's section 1.1 names, by date. */
static int
next_year(const struct report_ctx *c, struct jsonw *j)
{
	struct plan_input next = *c->in;
	struct plan *p = NULL;
	size_t i;

	next.year = c->in->year + 1;
	next.lang = LANG_VI;
	if (plan_place(&next, &p) == -1)
		return -1;
	jsonw_object(j, "next_year");
	jsonw_int(j, "year", next.year);
	jsonw_array(j, "milestones");
	/* The placement lists the year's occurrences by date. */
	for (i = 0; i < p->n; i++)
		if (p->v[i].chosen && p->v[i].oc->n > 0) {
			jsonw_object(j, NULL);
			milestone_head(j, p->v[i].oc);
			jsonw_end(j);
		}
	jsonw_end(j);
	jsonw_end(j);
	plan_free(p);
	return 0;
}

/* What body() writes a record of. */
struct record_arg {
	const struct report_ctx *c;
	time_t now;
	const char *version;
};

/* The record (record_write()'s body), on a few lines a person can read:
 * the signature covers its canonical form, whatever the spacing. */
static int
body(void *arg, const char *sig_key, const char *sig, struct buf *out)
{
	const struct record_arg *ra = arg;
	const struct report_ctx *c = ra->c;
	const struct config *cfg = c->in->cfg;
	struct jsonw j;
	size_t i;

	record_write_begin(&j, out, "union", cfg->org_id, cfg->org_name !=
	    NULL ? cfg->org_name : "Liên hiệp các tổ chức hữu nghị",
	    cfg->org_province, c->in->year, ra->now, ra->version);
	jsonw_array(&j, "activities");
	for (i = 0; i < c->nitems; i++)
		if (!c->items[i].planned)
			activity(c, &j, c->items[i].a);
	jsonw_end(&j);
	counts(c, &j);
	marked(c, &j);
	if (next_year(c, &j) == -1)
		return -1;
	record_write_end(&j, sig_key, sig);
	return 0;
}

int
report_record(const struct plan_input *in, const struct sign_key *key,
    time_t now, const char *version, struct buf *out)
{
	struct plan_input vi = *in;
	struct report_ctx c;
	struct record_arg ra = { &c, now, version };
	int ret = -1;

	if (in->cfg->org_id == NULL) {
		log_warnx("a record names its union: set [organisation] id "
		    "(e.g. khanh-hoa)");
		return -1;
	}
	/* Records are in the reports' language: the head consolidates
	 * them into a Vietnamese report. */
	vi.lang = LANG_VI;
	if (report_collect(&c, &vi) == 0)
		ret = record_write(key, body, &ra, out);
	report_ctx_release(&c);
	return ret;
}

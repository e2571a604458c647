/*
 * The cluster's consolidated record: one year record (record.h) at level
 * "cluster" made of the members' records, for the level above (VUFO, or
 * a cluster of clusters) to import as one member's.  Activities keep the
 * union they are of ("union") and are keyed "UNION/KEY", unique across
 * the members; figures are summed; a milestone is listed once with every
 * union that marked (or plans) it; each member is listed, reported or
 * not.  A member's record may itself be a cluster's: its activities and
 * unions are taken as they are, so that levels nest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster_int.h"
#include "config.h"
#include "jsonw.h"
#include "log.h"
#include "record.h"
#include "sign.h"
#include "vntime.h"

/* A key and a count, summed over the members. */
struct sum {
	const char *key;
	long long n;
};

struct sums {
	struct sum *v;
	size_t n;
};

static void
sum_add(struct sums *s, const char *key, long long n)
{
	size_t i;

	for (i = 0; i < s->n && strcmp(s->v[i].key, key) != 0; i++)
		;
	if (i == s->n) {
		s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
		s->v[s->n].key = key;
		s->v[s->n++].n = 0;
	}
	s->v[i].n += n;
}

static int
sum_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sum *)a)->key,
	    ((const struct sum *)b)->key);
}

static void
opt_str(struct jsonw *j, const char *key, const char *s)
{
	if (s == NULL)
		jsonw_null(j, key);
	else
		jsonw_str(j, key, s);
}

static void
opt_int(struct jsonw *j, const char *key, long long n)
{
	if (n < 0)
		jsonw_null(j, key);
	else
		jsonw_int(j, key, n);
}

/* The union an activity of member x is of. */
static const char *
union_of(const struct cluster_member *x, const struct record_activity *a)
{
	return a->union_id != NULL ? a->union_id : x->r.id;
}

/* "UNION/KEY", or the key as a cluster's record has it already. */
static void
act_key(const struct cluster_member *x, const char *key, struct buf *out)
{
	out->len = 0;
	if (x->r.cluster)
		buf_puts(out, key);
	else
		buf_printf(out, "%s/%s", x->r.id, key);
}

static void
activity(struct jsonw *j, const struct cluster_member *x,
    const struct record_activity *a)
{
	struct buf k;
	size_t i;

	buf_init(&k);
	act_key(x, a->key, &k);
	jsonw_object(j, NULL);
	jsonw_str(j, "key", k.data);
	jsonw_str(j, "title", a->title);
	jsonw_str(j, "sentence", a->sentence);
	jsonw_str(j, "start", a->start);
	jsonw_str(j, "end", a->end);
	jsonw_bool(j, "dated", a->dated);
	opt_str(j, "place", a->place);
	opt_str(j, "category", a->category);
	opt_str(j, "observance", a->observance);
	jsonw_array(j, "countries");
	for (i = 0; i < a->ncountries; i++)
		jsonw_str(j, NULL, a->countries[i]);
	jsonw_end(j);
	opt_str(j, "partners", a->partners);
	opt_int(j, "participants", a->participants);
	opt_str(j, "result", a->result);
	record_write_credit(j, a->member_key, a->member_name, a->amount,
	    a->amount >= 0 ? a->currency : NULL);
	opt_int(j, "budget", a->budget);
	jsonw_bool(j, "milestone", a->milestone);
	jsonw_str(j, "union", union_of(x, a));
	jsonw_end(j);
	buf_release(&k);
}

static void
activities(struct jsonw *j, const struct cluster_set *s)
{
	size_t i, k;

	jsonw_array(j, "activities");
	for (i = 0; i < s->n; i++)
		for (k = 0; s->v[i].have && k < s->v[i].r.nacts; k++)
			activity(j, &s->v[i], &s->v[i].r.acts[k]);
	jsonw_end(j);
}

/* A list of codes in sorted order, each once. */
static void
code_list(struct jsonw *j, const char *key, struct sums *s)
{
	size_t i;

	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), sum_cmp);
	jsonw_array(j, key);
	for (i = 0; i < s->n; i++)
		jsonw_str(j, NULL, s->v[i].key);
	jsonw_end(j);
}

/* The members' counts, summed; to the record's "counts" or a member's. */
static void
counts(struct jsonw *j, const char *key, const struct record_counts *const *v,
    size_t n)
{
	struct sums by = { 0 }, cc = { 0 }, aid = { 0 };
	long long t[6] = { 0 };
	size_t i, k;

	for (i = 0; i < n; i++) {
		t[0] += v[i]->activities;
		t[1] += v[i]->out;
		t[2] += v[i]->in;
		t[3] += v[i]->letters;
		t[4] += v[i]->people;
		t[5] += v[i]->people_acts;
		for (k = 0; k < v[i]->nletters_by; k++)
			sum_add(&by, v[i]->letters_by[k].key,
			    v[i]->letters_by[k].n);
		for (k = 0; k < v[i]->ncountries; k++)
			sum_add(&cc, v[i]->countries[k], 0);
		for (k = 0; k < v[i]->naid; k++)
			sum_add(&aid, v[i]->aid[k].key, v[i]->aid[k].n);
	}
	jsonw_object(j, key);
	jsonw_int(j, "activities", t[0]);
	jsonw_int(j, "delegations_out", t[1]);
	jsonw_int(j, "delegations_in", t[2]);
	jsonw_object(j, "letters");
	jsonw_int(j, "total", t[3]);
	jsonw_object(j, "by_occasion");
	if (by.n > 1)
		qsort(by.v, by.n, sizeof(*by.v), sum_cmp);
	for (k = 0; k < by.n; k++)
		jsonw_int(j, by.v[k].key, by.v[k].n);
	jsonw_end(j);
	jsonw_end(j);
	jsonw_object(j, "participants");
	jsonw_int(j, "people", t[4]);
	jsonw_int(j, "activities", t[5]);
	jsonw_end(j);
	code_list(j, "countries", &cc);
	jsonw_array(j, "ngo_aid");
	if (aid.n > 1)
		qsort(aid.v, aid.n, sizeof(*aid.v), sum_cmp);
	for (k = 0; k < aid.n; k++) {
		jsonw_object(j, NULL);
		jsonw_str(j, "currency", aid.v[k].key);
		jsonw_int(j, "amount", aid.v[k].n);
		jsonw_end(j);
	}
	jsonw_end(j);
	jsonw_end(j);
	free(by.v);
	free(cc.v);
	free(aid.v);
}

static void
total(struct jsonw *j, const struct cluster_set *s)
{
	const struct record_counts **v = xcalloc(s->n + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		if (s->v[i].have)
			v[n++] = &s->v[i].r.counts;
	counts(j, "counts", v, n);
	free(v);
}

/* The milestones of member x's record, of its year or (planned) of the
 * next, and their number in *len (none when it sent no record). */
static const struct record_milestone *
milestones_of(const struct cluster_member *x, int planned, size_t *len)
{
	if (!x->have) {
		*len = 0;
		return NULL;
	}
	*len = planned ? x->r.nnext : x->r.nmilestones;
	return planned ? x->r.next : x->r.milestones;
}

/* One occasion's milestone over the members: its first record's words,
 * and every activity and union that has it. */
static void
milestone(struct jsonw *j, const struct cluster_set *s, const char *obs,
    int planned)
{
	const struct record_milestone *first = NULL, *m, *ms;
	struct sums unions = { 0 };
	struct buf k;
	size_t i, p, q, len;

	buf_init(&k);
	jsonw_object(j, NULL);
	for (i = 0; i < s->n; i++) {
		ms = milestones_of(&s->v[i], planned, &len);
		for (p = 0; p < len; p++) {
			m = &ms[p];
			if (strcmp(m->observance, obs) != 0)
				continue;
			if (first == NULL) {
				first = m;
				jsonw_str(j, "observance", m->observance);
				jsonw_str(j, "title", m->title);
				jsonw_str(j, "date", m->date);
				jsonw_int(j, "years", m->years);
				if (!planned)
					jsonw_array(j, "activities");
			}
			for (q = 0; !planned && q < m->nactivities; q++) {
				act_key(&s->v[i], m->activities[q], &k);
				jsonw_str(j, NULL, k.data);
			}
			for (q = 0; q < m->nunions; q++)
				sum_add(&unions, m->unions[q], 0);
			if (!s->v[i].r.cluster)
				sum_add(&unions, s->v[i].r.id, 0);
		}
	}
	if (!planned)
		jsonw_end(j);
	code_list(j, "unions", &unions);
	jsonw_end(j);
	free(unions.v);
	buf_release(&k);
}

/* The occasions any member marked (planned: plans), by date and key. */
static void
milestones(struct jsonw *j, const char *key, const struct cluster_set *s,
    int planned)
{
	struct sums seen = { 0 };
	const struct record_milestone *m, *ms;
	size_t i, p, len;

	for (i = 0; i < s->n; i++) {
		ms = milestones_of(&s->v[i], planned, &len);
		for (p = 0; p < len; p++) {
			m = &ms[p];
			sum_add(&seen, m->observance, 0);
		}
	}
	jsonw_array(j, key);
	if (seen.n > 1)
		qsort(seen.v, seen.n, sizeof(*seen.v), sum_cmp);
	for (i = 0; i < seen.n; i++)
		milestone(j, s, seen.v[i].key, planned);
	jsonw_end(j);
	free(seen.v);
}

static void
members(struct jsonw *j, const struct config *cfg, const struct cluster_set *s)
{
	const struct record_counts *c;
	size_t i;

	jsonw_array(j, "members");
	for (i = 0; i < s->n; i++) {
		jsonw_object(j, NULL);
		jsonw_str(j, "id", s->v[i].m->id);
		if (s->v[i].have || s->v[i].m->name != NULL)
			jsonw_str(j, "name", cluster_member_name(cfg, &s->v[i]));
		else
			jsonw_null(j, "name");
		jsonw_bool(j, "reported", s->v[i].have);
		jsonw_bool(j, "signed", s->v[i].have && s->v[i].r.is_signed &&
		    s->v[i].m->key != NULL);
		if (s->v[i].have) {
			c = &s->v[i].r.counts;
			counts(j, "counts", &c, 1);
		} else
			jsonw_null(j, "counts");
		jsonw_end(j);
	}
	jsonw_end(j);
}

/* What body() writes a record of. */
struct record_arg {
	const struct cluster_input *in;
	const struct cluster_set *s;
	const char *version;
};

/* The consolidated record (record_write()'s body). */
static int
body(void *arg, const char *sig_key, const char *sig, struct buf *out)
{
	const struct record_arg *ra = arg;
	const struct cluster_input *in = ra->in;
	const struct cluster_set *s = ra->s;
	struct jsonw j;

	record_write_begin(&j, out, "cluster", in->cfg->cluster_id,
	    cluster_name(in->cfg), NULL, in->year, in->now, ra->version);
	activities(&j, s);
	total(&j, s);
	milestones(&j, "milestones", s, 0);
	jsonw_object(&j, "next_year");
	jsonw_int(&j, "year", in->year + 1);
	milestones(&j, "milestones", s, 1);
	jsonw_end(&j);
	members(&j, in->cfg, s);
	record_write_end(&j, sig_key, sig);
	return 0;
}

int
cluster_record(const struct cluster_input *in, const struct sign_key *key,
    const char *version, struct buf *out)
{
	struct cluster_set s;
	struct record_arg ra = { in, &s, version };
	int ret = -1;

	if (in->cfg->nmembers == 0) {
		log_warnx("this union heads no cluster: [cluster] members is "
		    "not set");
		return -1;
	}
	if (in->cfg->cluster_id == NULL) {
		log_warnx("a cluster's record names the cluster: set [cluster] "
		    "id (e.g. cum-3)");
		return -1;
	}
	if (cluster_collect(in, &s) == 0)
		ret = record_write(key, body, &ra, out);
	cluster_set_release(&s);
	return ret;
}

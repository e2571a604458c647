/*
 * Selector parsing and matching.  Parsing turns names into masks and
 * upper-cased code lists once, so matching an occurrence is a few integer
 * tests and short string compares: a feed matches tens of thousands of
 * occurrences per build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "select.h"
#include "util.h"

static const struct {
	const char *name;
	enum sel_type type;
	int arg;		/* 1: takes values after ':' */
} term_names[] = {
	{ "all", SEL_ALL, 0 },
	{ "asean", SEL_GROUP, 0 },	/* group:asean */
	{ "class", SEL_CLASS, 1 },
	{ "confidence", SEL_CONFIDENCE, 1 },
	{ "country", SEL_COUNTRY, 1 },
	{ "focus", SEL_FOCUS, 0 },
	{ "group", SEL_GROUP, 1 },
	{ "key", SEL_KEY, 1 },
	{ "kind", SEL_KIND, 1 },
	{ "milestone", SEL_MILESTONE, 0 },
	{ "milestones", SEL_MILESTONE, 0 },
	{ "partner", SEL_PARTNER, 0 },
	{ "precision", SEL_PRECISION, 1 },
	{ "tag", SEL_TAG, 1 },
};

static void
term_release(struct sel_term *t)
{
	size_t i;

	for (i = 0; i < t->nvals; i++)
		free(t->vals[i]);
	free(t->vals);
}

static void
alt_release(struct sel_alt *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		term_release(&a->t[i]);
	free(a->t);
}

void
select_release(struct selector *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		alt_release(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void
select_everything(struct selector *s)
{
	s->v = xcalloc(1, sizeof(*s->v));
	s->n = 1;
}

/* The index of s among the n names that name(i) gives, or -1. */
static int
name_index(const char *(*name)(int), int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(name(i), s) == 0)
			return i;
	return -1;
}

static const char *
confidence_name(int i)
{
	return rules_confidence_name((enum confidence)i);
}

static const char *
precision_name(int i)
{
	return rules_precision_name((enum precision)i);
}

/* One value of a term into t; 0 or -1 with a reason. */
static int
add_value(struct sel_term *t, char *v, const char **why)
{
	int i;
	char *p;

	switch (t->type) {
	case SEL_KIND:
		if ((i = rules_kind_parse(v)) < 0)
			return *why = "unknown kind", -1;
		break;
	case SEL_CLASS:
		if ((i = rules_milestone_parse(v)) <= 0)
			return *why = "class must be round, decade or jubilee",
			    -1;
		break;
	case SEL_CONFIDENCE:
		if ((i = name_index(confidence_name, CONF_RECALLED + 1, v)) <
		    0)
			return *why = "confidence must be confirmed, "
			    "single-source or recalled", -1;
		break;
	case SEL_PRECISION:
		if ((i = name_index(precision_name, PREC_YEAR + 1, v)) < 0)
			return *why = "precision must be day, month or year",
			    -1;
		break;
	case SEL_COUNTRY:
		for (p = v; *p != '\0'; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		if (strlen(v) != 2 || v[0] < 'A' || v[0] > 'Z' ||
		    v[1] < 'A' || v[1] > 'Z')
			return *why = "country wants a two-letter ISO code", -1;
		/* FALLTHROUGH */
	default:
		if (*v == '\0')
			return *why = "empty value", -1;
		t->vals = xrealloc(t->vals, (t->nvals + 1) * sizeof(*t->vals));
		t->vals[t->nvals++] = xstrdup(v);
		return 0;
	}
	t->mask |= 1u << i;
	return 0;
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

/* Parse one term (s is modified); 0 or -1 with *why. */
static int
parse_term(char *s, struct sel_term *t, const char **why)
{
	char *colon, *save = NULL, *v;
	size_t i;

	memset(t, 0, sizeof(*t));
	s = trim(s);
	if (*s == '!') {
		t->neg = 1;
		s = trim(s + 1);
	}
	if ((colon = strchr(s, ':')) != NULL)
		*colon++ = '\0';
	for (i = 0; i < NELEM(term_names); i++)
		if (strcmp(s, term_names[i].name) == 0)
			break;
	if (i == NELEM(term_names))
		return *why = "unknown term (want kind:, country:, tag:, key:, "
		    "group:, class:, confidence:, precision:, focus, partner, "
		    "asean, milestone or all)", -1;
	t->type = term_names[i].type;
	if (term_names[i].arg != (colon != NULL))
		return *why = term_names[i].arg ? "this term needs a value "
		    "after ':'" : "this term takes no value", -1;
	if (colon == NULL)
		return t->type == SEL_GROUP ? add_value(t, (char[]){ "asean" },
		    why) : 0;
	for (v = strtok_r(colon, "|", &save); v != NULL;
	    v = strtok_r(NULL, "|", &save))
		if (add_value(t, trim(v), why) == -1)
			return -1;
	if (t->mask == 0 && t->nvals == 0)
		return *why = "empty value", -1;
	return 0;
}

static int
alt_add_term(struct sel_alt *a, const char *text, char *err, size_t errlen)
{
	char *copy = xstrdup(text);
	const char *why = NULL;
	struct sel_term t;

	if (parse_term(copy, &t, &why) == -1) {
		snprintf(err, errlen, "'%s': %s", text, why);
		term_release(&t);
		free(copy);
		return -1;
	}
	a->t = xrealloc(a->t, (a->n + 1) * sizeof(*a->t));
	a->t[a->n++] = t;
	free(copy);
	return 0;
}

static int
parse_alt(char *s, struct sel_alt *a, char *err, size_t errlen)
{
	char *save = NULL, *tok;

	memset(a, 0, sizeof(*a));
	for (tok = strtok_r(s, "+", &save); tok != NULL;
	    tok = strtok_r(NULL, "+", &save))
		if (alt_add_term(a, trim(tok), err, errlen) == -1)
			return -1;
	if (a->n == 0) {
		snprintf(err, errlen, "empty selector between commas");
		return -1;
	}
	return 0;
}

int
select_parse(const char *text, struct selector *out, char *err,
    size_t errlen)
{
	char *copy = xstrdup(text), *save = NULL, *tok;
	int ret = -1;

	out->v = NULL;
	out->n = 0;
	if (*trim(copy) == '\0')
		ret = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		if (parse_alt(tok, &out->v[out->n++], err, errlen) == -1)
			goto done;
		ret = 0;
	}
done:
	free(copy);
	if (ret == -1)
		select_release(out);
	return ret;
}

int
select_and(struct selector *s, const char *term, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (alt_add_term(&s->v[i], term, err, errlen) == -1)
			return -1;
	return 0;
}

/* 1 if ",CC," is in the list. */
static int
in_list(const char *list, const char *cc)
{
	char needle[5];

	if (list == NULL || cc[0] == '\0')
		return 0;
	snprintf(needle, sizeof(needle), ",%s,", cc);
	return strstr(list, needle) != NULL;
}

static int
has_value(const struct sel_term *t, const char *v)
{
	size_t i;

	for (i = 0; i < t->nvals; i++)
		if (strcmp(t->vals[i], v) == 0)
			return 1;
	return 0;
}

static int
any_tag(const struct sel_term *t, const struct observance *o)
{
	size_t i;

	for (i = 0; i < t->nvals; i++)
		if (rules_has_tag(o, t->vals[i]))
			return 1;
	return 0;
}

static int
any_group(const struct sel_term *t, const struct select_env *env,
    const struct observance *o)
{
	size_t i;

	for (i = 0; i < t->nvals; i++)
		if (rules_in_group(env->groups, t->vals[i], o->country,
		    env->year))
			return 1;
	return 0;
}

/* Whether t holds; oc is NULL for an observance without a year. */
static int
term_holds(const struct sel_term *t, const struct select_env *env,
    const struct observance *o, const struct occurrence *oc)
{
	int r = 0;

	switch (t->type) {
	case SEL_ALL: r = 1; break;
	case SEL_KIND: r = (t->mask >> o->kind) & 1; break;
	case SEL_COUNTRY: r = has_value(t, o->country); break;
	case SEL_TAG: r = any_tag(t, o); break;
	case SEL_KEY: r = has_value(t, o->key); break;
	case SEL_GROUP: r = any_group(t, env, o); break;
	case SEL_FOCUS: r = in_list(env->focus, o->country); break;
	case SEL_PARTNER: r = in_list(env->partners, o->country); break;
	case SEL_MILESTONE:
		r = oc != NULL && rules_is_milestone(env->rules, oc);
		break;
	case SEL_CLASS:
		r = oc != NULL && oc->n > 0 && ((t->mask >> oc->milestone) & 1);
		break;
	case SEL_CONFIDENCE:
		r = (t->mask >> rules_confidence(o)) & 1;
		break;
	case SEL_PRECISION:
		r = (t->mask >> rules_precision(o)) & 1;
		break;
	}
	return t->neg ? !r : r;
}

static int
match(const struct selector *s, const struct select_env *env,
    const struct observance *o, const struct occurrence *oc)
{
	size_t i, j;

	for (i = 0; i < s->n; i++) {
		for (j = 0; j < s->v[i].n; j++)
			if (!term_holds(&s->v[i].t[j], env, o, oc))
				break;
		if (j == s->v[i].n)
			return (int)i;
	}
	return -1;
}

int
select_match(const struct selector *s, const struct select_env *env,
    const struct occurrence *oc)
{
	return match(s, env, oc->obs, oc);
}

int
select_match_obs(const struct selector *s, const struct select_env *env,
    const struct observance *obs)
{
	return match(s, env, obs, NULL);
}

void
select_partners(struct observance *const *obs, size_t nobs, int year,
    struct buf *out)
{
	const struct observance *o;
	size_t i;

	buf_puts(out, ",");
	for (i = 0; i < nobs; i++) {
		o = obs[i];
		if (o->kind != KIND_PARTNERSHIP || o->level == NULL ||
		    o->rule.base_year == 0 || o->rule.base_year >= year)
			continue;
		if (strcmp(o->level, "strategic") != 0 &&
		    strcmp(o->level, "comprehensive-strategic") != 0)
			continue;
		if (!in_list(out->data, o->country))
			buf_printf(out, "%s,", o->country);
	}
}

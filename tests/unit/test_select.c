/*
 * Selectors: the syntax (alternatives, '+', '!', '|', every term and its
 * errors), matching observances and occurrences against kind, country,
 * tag, key, group by year, focus, partner, milestone, class, confidence
 * and precision, and select_and().
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "rules.h"
#include "select.h"
#include "util.h"

static const struct {
	const char *text;
	int ok;
	const char *err;	/* a part of the message */
} syntax[] = {
	{ "kind:relation", 1, NULL },
	{ "focus+milestone, partner+!milestone", 1, NULL },
	{ "country:la+kind:national-day, tag:asean, key:tet", 1, NULL },
	{ " asean + milestone ,kind:local", 1, NULL },
	{ "kind:relation|national-day+class:round|decade", 1, NULL },
	{ "confidence:recalled|single-source, precision:month|year", 1, NULL },
	{ "group:asean+!focus, all, milestones", 1, NULL },
	{ "", 1, NULL },
	{ "kind:bogus", 0, "unknown kind" },
	{ "country:LAO", 0, "two-letter" },
	{ "kind:", 0, "empty value" },
	{ "focus:LA", 0, "takes no value" },
	{ "kind", 0, "needs a value" },
	{ "milestone+", 1, NULL },	/* an empty term is skipped */
	{ "weird", 0, "unknown term" },
	{ "!", 0, "unknown term" },
	{ "a,,b", 0, "unknown term" },
	{ "class:none", 0, "round, decade or jubilee" },
	{ "confidence:sure", 0, "confirmed, single-source or recalled" },
	{ "precision:hour", 0, "day, month or year" },
	{ "kind:relation|", 1, NULL },
};

START_TEST(parse)
{
	struct selector s;
	char err[256] = "";
	int rc = select_parse(syntax[_i].text, &s, err, sizeof(err));

	ck_assert_msg((rc == 0) == syntax[_i].ok, "'%s': %s", syntax[_i].text,
	    err);
	if (rc == 0)
		select_release(&s);
	else
		ck_assert_msg(strstr(err, syntax[_i].err) != NULL, "'%s': %s",
		    syntax[_i].text, err);
}
END_TEST

static struct observance obs[5];
static struct rules_opts opts;
static struct group_member members[] = {
	{ "asean", "LA", 1997 }, { "asean", "TL", 2025 },
};
static struct group_set groups = { members, NELEM(members) };
static struct select_env env;

static void
setup(void)
{
	const char *err;

	memset(obs, 0, sizeof(obs));
	rules_opts_init(&opts);
	obs[0].key = (char *)"relation:LA";
	obs[0].kind = KIND_RELATION;
	memcpy(obs[0].country, "LA", 3);
	obs[0].confidence = (char *)"confirmed";
	ck_assert_int_eq(rules_parse("1962-09-05", &obs[0].rule, &err), 0);
	obs[1].key = (char *)"relation:TL";
	obs[1].kind = KIND_RELATION;
	memcpy(obs[1].country, "TL", 3);
	obs[1].confidence = (char *)"recalled";
	ck_assert_int_eq(rules_parse("2002-07", &obs[1].rule, &err), 0);
	obs[2].key = (char *)"tet";
	obs[2].kind = KIND_FESTIVAL;
	obs[2].tags = (char *)"festival;overseas-vietnamese";
	ck_assert_int_eq(rules_parse("lunar 01-01", &obs[2].rule, &err), 0);
	obs[3].key = (char *)"partnership:JP:strategic";
	obs[3].kind = KIND_PARTNERSHIP;
	obs[3].level = (char *)"strategic";
	memcpy(obs[3].country, "JP", 3);
	ck_assert_int_eq(rules_parse("2009-04-20", &obs[3].rule, &err), 0);
	obs[4].key = (char *)"relation:SE";
	obs[4].kind = KIND_RELATION;
	memcpy(obs[4].country, "SE", 3);
	obs[4].confidence = (char *)"single-source";
	ck_assert_int_eq(rules_parse("1969", &obs[4].rule, &err), 0);
	memset(&env, 0, sizeof(env));
	env.rules = &opts;
	env.focus = ",LA,KH,";
	env.groups = &groups;
	env.year = 2024;
}

/* Which of obs[] a selector takes, as a string of indexes ("024"). */
static void
which(const char *text, int year, char *out)
{
	struct selector s;
	struct observance *p[NELEM(obs)];
	struct buf partners;
	char err[200];
	size_t i;

	ck_assert_msg(select_parse(text, &s, err, sizeof(err)) == 0, "%s",
	    err);
	for (i = 0; i < NELEM(obs); i++)
		p[i] = &obs[i];
	buf_init(&partners);
	select_partners(p, NELEM(obs), year, &partners);
	env.partners = partners.data;
	env.year = year;
	for (i = 0; i < NELEM(obs); i++)
		if (select_match_obs(&s, &env, &obs[i]) >= 0)
			*out++ = (char)('0' + i);
	*out = '\0';
	buf_release(&partners);
	env.partners = NULL;
	select_release(&s);
}

static const struct {
	const char *text;
	int year;
	const char *want;
} matches[] = {
	{ "kind:relation", 2024, "014" },
	{ "kind:relation|festival", 2024, "0124" },
	{ "!kind:relation", 2024, "23" },
	{ "country:la", 2024, "0" },
	{ "country:LA|SE+kind:relation", 2024, "04" },
	{ "tag:overseas-vietnamese", 2024, "2" },
	{ "key:tet, key:relation:SE", 2024, "24" },
	{ "asean", 2024, "0" },
	{ "asean", 2025, "01" },
	{ "group:asean", 1990, "" },
	{ "focus", 2024, "0" },
	{ "partner", 2009, "" },		/* not before its first year */
	{ "partner", 2010, "3" },
	{ "confidence:confirmed", 2024, "023" },	/* no value: confirmed */
	{ "confidence:recalled|single-source", 2024, "14" },
	{ "precision:day", 2024, "023" },
	{ "precision:month", 2024, "1" },
	{ "precision:year", 2024, "4" },
	{ "all", 2024, "01234" },
	{ "", 2024, "" },
	{ "milestone", 2024, "" },		/* no year: never a milestone */
};

START_TEST(match)
{
	char got[16];

	which(matches[_i].text, matches[_i].year, got);
	ck_assert_msg(strcmp(got, matches[_i].want) == 0, "'%s' in %d: got "
	    "'%s', want '%s'", matches[_i].text, matches[_i].year, got,
	    matches[_i].want);
}
END_TEST

/* Occurrence terms: 2022 is Laos's 60th (decade), 2027 its 65th. */
START_TEST(occurrences)
{
	struct occurrence oc = { &obs[0], { 2022, 9, 5 }, 1, 60,
	    MILESTONE_DECADE, PREC_DAY };
	struct selector s;
	char err[200];

	ck_assert_int_eq(select_parse("milestone+class:decade|jubilee", &s,
	    err, sizeof(err)), 0);
	ck_assert_int_eq(select_match(&s, &env, &oc), 0);
	oc.n = 65;
	oc.milestone = rules_milestone(65);
	ck_assert_int_eq(select_match(&s, &env, &oc), -1);
	/* Relations count only decades here: 60 is, 65 is not. */
	opts.milestones[KIND_RELATION] = 1u << MILESTONE_DECADE;
	select_release(&s);
	ck_assert_int_eq(select_parse("kind:festival, milestone", &s, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(select_match(&s, &env, &oc), -1);
	oc.n = 60;
	oc.milestone = MILESTONE_DECADE;
	ck_assert_int_eq(select_match(&s, &env, &oc), 1);	/* 2nd alt */
	select_release(&s);
}
END_TEST

START_TEST(and_terms)
{
	struct selector s;
	char err[200];

	select_everything(&s);
	ck_assert_int_eq(select_match_obs(&s, &env, &obs[2]), 0);
	ck_assert_int_eq(select_and(&s, "kind:relation", err, sizeof(err)), 0);
	ck_assert_int_eq(select_and(&s, "country:SE|LA", err, sizeof(err)), 0);
	ck_assert_int_eq(select_match_obs(&s, &env, &obs[2]), -1);
	ck_assert_int_eq(select_match_obs(&s, &env, &obs[4]), 0);
	ck_assert_int_eq(select_and(&s, "nope", err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "'nope'"));
	select_release(&s);
	ck_assert_int_eq(select_parse("key:tet, kind:relation", &s, err,
	    sizeof(err)), 0);
	ck_assert_int_eq(select_and(&s, "!country:LA", err, sizeof(err)), 0);
	ck_assert_int_eq(select_match_obs(&s, &env, &obs[0]), -1);
	ck_assert_int_eq(select_match_obs(&s, &env, &obs[2]), 0);
	ck_assert_int_eq(select_match_obs(&s, &env, &obs[4]), 1);
	select_release(&s);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("select");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_loop_test(tc, parse, 0, NELEM(syntax));
	tcase_add_loop_test(tc, match, 0, NELEM(matches));
	tcase_add_test(tc, occurrences);
	tcase_add_test(tc, and_terms);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

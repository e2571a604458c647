/*
 * The words of contacts the config speaks: the kinds of contact, the
 * shape of their keys, and the [letters] contacts selector, compiled
 * once when the config is read.  The contacts themselves are the store's
 * (contact.c).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact_sel.h"
#include "text.h"
#include "util.h"

/* The kinds, in the order lists show them; the key prefix of each. */
static const struct {
	const char *kind, *prefix, *vi, *en;
	int mission, cc;	/* the key names the country: PREFIX:CC... */
} kinds[] = {
	{ "embassy", "embassy", "Đại sứ quán", "Embassy", 1, 1 },
	{ "consulate-general", "cg", "Tổng Lãnh sự quán",
	    "Consulate general", 1, 1 },
	{ "consulate", "consulate", "Lãnh sự quán", "Consulate", 1, 1 },
	{ "association", "association", "Hội hữu nghị", "Association", 0, 0 },
	{ "organisation", "organisation", "Tổ chức đối tác", "Organisation",
	    0, 0 },
};

int
contact_kind_index(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && i < NELEM(kinds); i++)
		if (strcmp(kind, kinds[i].kind) == 0)
			return (int)i;
	return -1;
}

const char *
contact_kind_label(const char *kind, int english)
{
	int k = contact_kind_index(kind);

	if (k < 0)
		return kind != NULL ? kind : "";
	return english ? kinds[k].en : kinds[k].vi;
}

static int
slug_ok(const char *s)
{
	if (*s == '\0' || *s == '-')
		return 0;
	for (; *s != '\0'; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= '0' && *s <= '9') &&
		    *s != '-')
			return 0;
	return 1;
}

static int
country_ok(const char *cc)
{
	return cc != NULL && strlen(cc) == 2 && isupper((unsigned char)cc[0])
	    && isupper((unsigned char)cc[1]);
}

/* 1 if key has the shape kind and country ask for. */
int
contact_key_ok(const char *key, int k, const char *cc)
{
	size_t n = strlen(kinds[k].prefix);
	const char *rest = key + n + 1;

	if (strlen(key) > TEXT_KEY_MAX || strncmp(key, kinds[k].prefix, n) !=
	    0 || key[n] != ':')
		return 0;
	if (!kinds[k].cc)
		return slug_ok(rest);
	if (!country_ok(cc) || strncmp(rest, cc, 2) != 0)
		return 0;
	if (k == 0)
		return rest[2] == '\0';
	return rest[2] == ':' && slug_ok(rest + 3);
}


/* The key prefixes: a term starting with one is a contact's key. */
static const char *const key_prefixes[] = {
	"embassy:", "cg:", "consulate:", "association:", "organisation:"
};

static int
is_key(const char *t)
{
	size_t i;

	for (i = 0; i < NELEM(key_prefixes); i++)
		if (strncmp(t, key_prefixes[i], strlen(key_prefixes[i])) == 0)
			return 1;
	return 0;
}

/* One filter of a term into *t; 0, or -1 with the reason in err. */
static int
filter(const char *f, struct contact_term *t, char *err, size_t errlen)
{
	int k;

	if (strcmp(f, "focus") == 0)
		t->focus = 1;
	else if (strcmp(f, "mission") == 0)
		t->kinds |= (1u << CONTACT_MISSIONS) - 1;
	else if (strcmp(f, "all") == 0)
		;
	else if (strncmp(f, "kind:", 5) == 0 &&
	    (k = contact_kind_index(f + 5)) >= 0)
		t->kinds |= 1u << k;
	else if (strncmp(f, "country:", 8) == 0 && strlen(f + 8) == 2 &&
	    f[8] >= 'A' && f[8] <= 'Z' && f[9] >= 'A' && f[9] <= 'Z')
		memcpy(t->country, f + 8, 3);
	else {
		snprintf(err, errlen, "unknown term '%s' (want a contact key "
		    "such as embassy:LA, or focus, mission, kind:K, country:CC, "
		    "all joined by +)", f);
		return -1;
	}
	return 0;
}

/* One comma-separated term (spaces trimmed) into *t. */
static int
term(char *s, struct contact_term *t, char *err, size_t errlen)
{
	char *save = NULL, *f;

	memset(t, 0, sizeof(*t));
	if (is_key(s)) {
		if (strpbrk(s, "+ ") != NULL) {
			snprintf(err, errlen, "a contact key stands alone, not "
			    "'%s'", s);
			return -1;
		}
		t->key = xstrdup(s);
		return 0;
	}
	for (f = strtok_r(s, "+", &save); f != NULL;
	    f = strtok_r(NULL, "+", &save))
		if (filter(f, t, err, errlen) == -1)
			return -1;
	return 0;
}

int
contact_sel_parse(const char *s, struct contact_sel *sel, char *err,
    size_t errlen)
{
	char *copy = xstrdup(s), *save = NULL, *tok, *end;
	struct contact_term t;
	int ret = 0;

	memset(sel, 0, sizeof(*sel));
	for (tok = strtok_r(copy, ",", &save); tok != NULL && ret == 0;
	    tok = strtok_r(NULL, ",", &save)) {
		tok += strspn(tok, " \t");
		for (end = tok + strlen(tok); end > tok && (end[-1] == ' ' ||
		    end[-1] == '\t'); end--)
			end[-1] = '\0';
		if (*tok == '\0')
			continue;
		if ((ret = term(tok, &t, err, errlen)) == 0) {
			sel->v = xrealloc(sel->v, (sel->n + 1) *
			    sizeof(*sel->v));
			sel->v[sel->n++] = t;
		}
	}
	free(copy);
	if (ret == -1)
		contact_sel_release(sel);
	return ret;
}

void
contact_sel_release(struct contact_sel *sel)
{
	size_t i;

	for (i = 0; i < sel->n; i++)
		free(sel->v[i].key);
	free(sel->v);
	sel->v = NULL;
	sel->n = 0;
}

static int
term_match(const struct contact_term *t, const char *key, const char *kind,
    const char *country, const char *focus)
{
	char cc[5];
	int k;

	if (t->key != NULL)
		return strcmp(t->key, key) == 0;
	k = contact_kind_index(kind);
	if (t->kinds != 0 && (k < 0 || !(t->kinds & (1u << k))))
		return 0;
	if (t->country[0] != '\0' && strcmp(t->country, country) != 0)
		return 0;
	snprintf(cc, sizeof(cc), ",%s,", country);
	return !t->focus || (focus != NULL && strstr(focus, cc) != NULL);
}

int
contact_sel_match(const struct contact_sel *sel, const char *key,
    const char *kind, const char *country, const char *focus)
{
	size_t i;

	for (i = 0; i < sel->n; i++)
		if (term_match(&sel->v[i], key, kind, country, focus))
			return 1;
	return 0;
}


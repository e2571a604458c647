/*
 * Which contacts the union writes to: the [letters] contacts list,
 * compiled once when the config is read (config.c calls
 * contact_sel_parse()), and the contacts of a country it chooses, what
 * the congratulation letters are addressed to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "contact.h"
#include "util.h"

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
term_match(const struct contact_term *t, const struct contact *c,
    const char *focus)
{
	char cc[5];
	int k;

	if (t->key != NULL)
		return strcmp(t->key, c->key) == 0;
	k = contact_kind_index(c->kind);
	if (t->kinds != 0 && (k < 0 || !(t->kinds & (1u << k))))
		return 0;
	if (t->country[0] != '\0' && strcmp(t->country, c->country) != 0)
		return 0;
	snprintf(cc, sizeof(cc), ",%s,", c->country);
	return !t->focus || (focus != NULL && strstr(focus, cc) != NULL);
}

int
contact_sel_match(const struct contact_sel *sel, const struct contact *c,
    const char *focus)
{
	size_t i;

	for (i = 0; i < sel->n; i++)
		if (term_match(&sel->v[i], c, focus))
			return 1;
	return 0;
}

int
contact_for_country(struct store *st, const struct config *cfg,
    const char *country, struct contact_list *out)
{
	struct contact_list all;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (contact_load(st, country, &all) == -1)
		return -1;
	for (i = 0; i < all.n; i++) {
		if (!contact_sel_match(&cfg->letters_sel, &all.v[i],
		    cfg->focus)) {
			contact_release(&all.v[i]);
			continue;
		}
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = all.v[i];
	}
	free(all.v);
	return 0;
}

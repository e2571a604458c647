/*
 * The staff search's folded texts and its matching: a query's words must
 * all be found, each anywhere in a row's folded text.  The folding is
 * ICU's decomposition (collate.c), done once per dataset for the rows it
 * holds.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "dataset.h"
#include "rules.h"
#include "search.h"
#include "util.h"

/* Append s and a space when s has text. */
static void
add(struct buf *b, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	buf_puts(b, s);
	buf_putc(b, ' ');
}

static char *
fold(const struct buf *raw)
{
	struct buf f;

	buf_init(&f);
	buf_puts(&f, "");
	collate_fold(raw->data != NULL ? raw->data : "", &f);
	return buf_detach(&f);
}

static char *
activity_text(const struct activity *a)
{
	struct buf raw;
	char *s;

	buf_init(&raw);
	add(&raw, a->title);
	add(&raw, a->location);
	add(&raw, a->organiser);
	add(&raw, a->partner);
	add(&raw, a->notes);
	s = fold(&raw);
	buf_release(&raw);
	return s;
}

static char *
observance_text(const struct observance *o)
{
	struct buf raw;
	char *s;

	buf_init(&raw);
	rules_subject(o, LANG_VI, &raw);
	buf_putc(&raw, ' ');
	rules_subject(o, LANG_EN, &raw);
	buf_putc(&raw, ' ');
	add(&raw, o->country_vi);
	add(&raw, o->country_en);
	add(&raw, o->formal_vi);
	add(&raw, o->formal_en);
	add(&raw, o->title_vi);
	add(&raw, o->title_en);
	s = fold(&raw);
	buf_release(&raw);
	return s;
}

/* The countries of d, each once: its first observance and its names. */
static void
countries_build(const struct dataset *d, struct search_index *ix)
{
	const struct observance *o;
	struct buf raw;
	size_t i, k;

	ix->cty = xcalloc(d->set.n + 1, sizeof(*ix->cty));
	ix->cty_text = xcalloc(d->set.n + 1, sizeof(*ix->cty_text));
	for (i = 0; i < d->set.n; i++) {
		o = d->set.v[i];
		for (k = 0; k < ix->ncty && strcmp(
		    d->set.v[ix->cty[k]]->country, o->country) != 0; k++)
			;
		if (o->country[0] == '\0' || k < ix->ncty)
			continue;
		buf_init(&raw);
		add(&raw, o->country_vi);
		add(&raw, o->country_en);
		ix->cty[ix->ncty] = i;
		ix->cty_text[ix->ncty++] = fold(&raw);
		buf_release(&raw);
	}
}

static char *
contact_text(const struct contact *c)
{
	struct buf raw;
	char *s;

	buf_init(&raw);
	add(&raw, c->name_vi);
	add(&raw, c->name_en);
	add(&raw, c->city);
	add(&raw, c->address);
	s = fold(&raw);
	buf_release(&raw);
	return s;
}

int
search_index_build(const struct dataset *d, struct store *st,
    struct search_index *ix)
{
	size_t i;

	memset(ix, 0, sizeof(*ix));
	ix->acts = xcalloc(d->acts.n + 1, sizeof(*ix->acts));
	for (i = 0; i < d->acts.n; i++)
		ix->acts[i] = activity_text(&d->acts.v[i]);
	ix->nacts = d->acts.n;
	word_index_build(&ix->words, ix->acts, ix->nacts);
	ix->obs = xcalloc(d->set.n + 1, sizeof(*ix->obs));
	for (i = 0; i < d->set.n; i++)
		ix->obs[i] = observance_text(d->set.v[i]);
	ix->nobs = d->set.n;
	countries_build(d, ix);
	if (contact_load(st, NULL, &ix->contacts) == -1)
		return -1;
	ix->contact_text = xcalloc(ix->contacts.n + 1,
	    sizeof(*ix->contact_text));
	for (i = 0; i < ix->contacts.n; i++)
		ix->contact_text[i] = contact_text(&ix->contacts.v[i]);
	return 0;
}

void
search_index_release(struct search_index *ix)
{
	size_t i;

	for (i = 0; ix->acts != NULL && i < ix->nacts; i++)
		free(ix->acts[i]);
	for (i = 0; ix->obs != NULL && i < ix->nobs; i++)
		free(ix->obs[i]);
	for (i = 0; i < ix->ncty; i++)
		free(ix->cty_text[i]);
	for (i = 0; ix->contact_text != NULL && i < ix->contacts.n; i++)
		free(ix->contact_text[i]);
	word_index_release(&ix->words);
	free(ix->acts);
	free(ix->obs);
	free(ix->cty);
	free(ix->cty_text);
	free(ix->contact_text);
	contact_list_release(&ix->contacts);
	memset(ix, 0, sizeof(*ix));
}

void
search_query_init(struct search_query *sq, const char *q)
{
	struct buf f;
	char *p, *end;

	memset(sq, 0, sizeof(*sq));
	buf_init(&f);
	buf_puts(&f, "");
	collate_fold(q != NULL ? q : "", &f);
	/* Words are what lies between the folded text's spaces and
	 * punctuation: "Nhật-Bản" is two. */
	for (p = f.data; *p != '\0' && sq->n < SEARCH_WORDS; p = end) {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		for (end = p; *end != '\0' && isalnum((unsigned char)*end);
		    end++)
			;
		if (end > p)
			sq->w[sq->n++] = xstrndup(p, (size_t)(end - p));
	}
	buf_release(&f);
}

void
search_query_release(struct search_query *sq)
{
	size_t i;

	for (i = 0; i < sq->n; i++)
		free(sq->w[i]);
	memset(sq, 0, sizeof(*sq));
}

/* 1 if w starts a word of hay ("ban" in "nhat ban", "bang"; not in
 * "urban"). */
static int
word_in(const char *hay, const char *w)
{
	const char *p;

	for (p = hay; (p = strstr(p, w)) != NULL; p++)
		if (p == hay || !isalnum((unsigned char)p[-1]))
			return 1;
	return 0;
}

int
search_match(const struct search_query *sq, const char *hay)
{
	size_t i;

	if (sq->n == 0 || hay == NULL)
		return 0;
	for (i = 0; i < sq->n; i++)
		if (!word_in(hay, sq->w[i]))
			return 0;
	return 1;
}

int
search_phrase(const struct search_query *sq, const char *hay)
{
	const char *p, *q;
	size_t i;

	if (sq->n == 0 || hay == NULL)
		return 0;
	/* The words in a row, anything but letters and digits between. */
	for (p = hay; (p = strstr(p, sq->w[0])) != NULL; p++) {
		if (p != hay && isalnum((unsigned char)p[-1]))
			continue;
		q = p + strlen(sq->w[0]);
		for (i = 1; i < sq->n; i++) {
			if (*q == '\0' || isalnum((unsigned char)*q))
				break;
			while (*q != '\0' && !isalnum((unsigned char)*q))
				q++;
			if (strncmp(q, sq->w[i], strlen(sq->w[i])) != 0)
				break;
			q += strlen(sq->w[i]);
		}
		if (i == sq->n)
			return 1;
	}
	return 0;
}

size_t
search_activities(const struct search_index *ix,
    const struct search_query *sq, uint64_t *set)
{
	return word_index_find(&ix->words, sq->w, sq->n, set);
}

/* The rows of set from the newest, in turn: the one before row (ix->nacts
 * at first), or SIZE_MAX when none is left. */
static size_t
before(const uint64_t *set, size_t row)
{
	while (row-- > 0) {
		/* A whole word of the set empty: skip it. */
		if (row % 64 == 63 && set[row / 64] == 0) {
			row -= 63;
			continue;
		}
		if (set[row / 64] & ((uint64_t)1 << (row % 64)))
			return row;
	}
	return SIZE_MAX;
}

size_t
search_activities_page(const struct search_index *ix,
    const struct search_query *sq, const uint64_t *set, size_t count,
    size_t offset, size_t limit, size_t *rows)
{
	size_t want = offset + limit, *phr, *rest, np = 0, nr = 0, i, n = 0;
	size_t row = ix->nacts;
	struct word_phrase ph;

	if (want > count)
		want = count;
	if (sq->n == 0)
		return 0;
	word_phrase_init(&ix->words, sq->w, sq->n, &ph);
	phr = xcalloc(want + 1, sizeof(*phr));
	rest = xcalloc(want + 1, sizeof(*rest));
	/* Newest first, until the page is made of rows with the phrase or
	 * every row was looked at (the others follow them). */
	while (np < want && (row = before(set, row)) != SIZE_MAX) {
		if (word_index_phrase(&ix->words, &ph, row))
			phr[np++] = row;
		else if (nr < want)
			rest[nr++] = row;
	}
	for (i = offset; i < want; i++)
		if (i < np)
			rows[n++] = phr[i];
		else if (i - np < nr)
			rows[n++] = rest[i - np];
	word_phrase_release(&ph);
	free(phr);
	free(rest);
	return n;
}

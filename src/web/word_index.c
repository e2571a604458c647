/*
 * The word index: built in two passes over the texts (a hash table gives
 * each distinct word a number and counts its texts, then each word's
 * texts are laid out in one array), then the words sorted so that the
 * words starting with a query's are one range found by bisection.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "word_index.h"

/* What building needs and the index does not keep. */
struct builder {
	uint32_t *slots;	/* word number + 1; 0: free */
	size_t nslots;		/* a power of two */
	size_t ntoks, captoks;	/* of ix->toks */
	uint32_t *last;		/* per word: the last text counted + 1 */
	size_t capwords;
};

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void
grow_slots(struct word_index *ix, struct builder *b)
{
	size_t i, k;
	const struct word_entry *e;

	free(b->slots);
	b->nslots = b->nslots > 0 ? 2 * b->nslots : 1024;
	b->slots = xcalloc(b->nslots, sizeof(*b->slots));
	for (i = 0; i < ix->nwords; i++) {
		e = &ix->words[i];
		for (k = hash(e->w, e->len) & (b->nslots - 1); b->slots[k] != 0;
		    k = (k + 1) & (b->nslots - 1))
			;
		b->slots[k] = (uint32_t)i + 1;
	}
}

/* The number of the word w (len bytes), added when new. */
static uint32_t
word_number(struct word_index *ix, struct builder *b, const char *w,
    size_t len)
{
	struct word_entry *e;
	size_t k;

	if (2 * (ix->nwords + 1) > b->nslots)
		grow_slots(ix, b);
	for (k = hash(w, len) & (b->nslots - 1); b->slots[k] != 0;
	    k = (k + 1) & (b->nslots - 1)) {
		e = &ix->words[b->slots[k] - 1];
		if (e->len == len && memcmp(e->w, w, len) == 0)
			return b->slots[k] - 1;
	}
	if (ix->nwords == b->capwords) {
		b->capwords = b->capwords > 0 ? 2 * b->capwords : 1024;
		ix->words = xrealloc(ix->words, b->capwords *
		    sizeof(*ix->words));
		b->last = xrealloc(b->last, b->capwords * sizeof(*b->last));
	}
	e = &ix->words[ix->nwords];
	e->w = w;
	e->len = (uint32_t)len;
	e->first = e->n = 0;
	e->num = (uint32_t)ix->nwords;
	b->last[ix->nwords] = 0;
	b->slots[k] = (uint32_t)++ix->nwords;
	return b->slots[k] - 1;
}

/* Number text t's words into ix->toks and count the texts of each. */
static void
scan_text(struct word_index *ix, struct builder *b, const char *s,
    uint32_t t)
{
	const char *end;
	uint32_t w;

	for (; *s != '\0'; s = end) {
		while (*s != '\0' && !isalnum((unsigned char)*s))
			s++;
		for (end = s; *end != '\0' && isalnum((unsigned char)*end);
		    end++)
			;
		if (end == s)
			continue;
		w = word_number(ix, b, s, (size_t)(end - s));
		if (b->ntoks == b->captoks) {
			b->captoks = b->captoks > 0 ? 2 * b->captoks : 4096;
			ix->toks = xrealloc(ix->toks, b->captoks *
			    sizeof(*ix->toks));
		}
		ix->toks[b->ntoks++] = w;
		/* A word twice in a text counts it once. */
		if (b->last[w] != t + 1) {
			b->last[w] = t + 1;
			ix->words[w].n++;
		}
	}
}

static int
word_cmp(const void *pa, const void *pb)
{
	const struct word_entry *a = pa, *b = pb;
	int c = memcmp(a->w, b->w, a->len < b->len ? a->len : b->len);

	return c != 0 ? c : (a->len > b->len) - (a->len < b->len);
}

/* Lay each word's texts out in ix->rows, in the order of the texts. */
static void
fill_rows(struct word_index *ix, struct builder *b)
{
	size_t i, k, total = 0;
	uint32_t w, *fill;

	for (i = 0; i < ix->nwords; i++) {
		ix->words[i].first = (uint32_t)total;
		total += ix->words[i].n;
		b->last[i] = 0;
	}
	ix->rows = xcalloc(total + 1, sizeof(*ix->rows));
	fill = xcalloc(ix->nwords + 1, sizeof(*fill));
	for (i = 0; i < ix->ntexts; i++)
		for (k = ix->tfirst[i]; k < ix->tfirst[i + 1]; k++) {
			w = ix->toks[k];
			if (b->last[w] == i + 1)
				continue;
			b->last[w] = (uint32_t)i + 1;
			ix->rows[ix->words[w].first + fill[w]++] = (uint32_t)i;
		}
	free(fill);
}

/* Sort the words, and the texts' words to indexes of the sorted ones. */
static void
sort_words(struct word_index *ix, struct builder *b)
{
	size_t i;

	if (ix->nwords > 1)
		qsort(ix->words, ix->nwords, sizeof(*ix->words), word_cmp);
	/* b->last becomes each word number's index. */
	for (i = 0; i < ix->nwords; i++)
		b->last[ix->words[i].num] = (uint32_t)i;
	for (i = 0; i < b->ntoks; i++)
		ix->toks[i] = b->last[ix->toks[i]];
}

void
word_index_build(struct word_index *ix, char *const *texts, size_t n)
{
	struct builder b;
	size_t i;

	memset(ix, 0, sizeof(*ix));
	memset(&b, 0, sizeof(b));
	ix->ntexts = n;
	ix->tfirst = xcalloc(n + 1, sizeof(*ix->tfirst));
	for (i = 0; i < n; i++) {
		ix->tfirst[i] = (uint32_t)b.ntoks;
		scan_text(ix, &b, texts[i], (uint32_t)i);
	}
	ix->tfirst[n] = (uint32_t)b.ntoks;
	fill_rows(ix, &b);
	sort_words(ix, &b);
	free(b.slots);
	free(b.last);
}

void
word_index_release(struct word_index *ix)
{
	free(ix->words);
	free(ix->rows);
	free(ix->toks);
	free(ix->tfirst);
	memset(ix, 0, sizeof(*ix));
}

size_t
word_index_set_words(const struct word_index *ix)
{
	return (ix->ntexts + 63) / 64 + 1;
}

/* The first word of ix not before w (len bytes). */
static size_t
lower_bound(const struct word_index *ix, const char *w, size_t len)
{
	struct word_entry key = { w, (uint32_t)len, 0, 0, 0 };
	size_t lo = 0, hi = ix->nwords, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (word_cmp(&ix->words[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The words [*lo, *hi) of ix that start with w. */
static void
starting(const struct word_index *ix, const char *w, size_t *lo,
    size_t *hi)
{
	size_t len = strlen(w), i;
	const struct word_entry *e;

	*lo = lower_bound(ix, w, len);
	for (i = *lo; i < ix->nwords; i++) {
		e = &ix->words[i];
		if (e->len < len || memcmp(e->w, w, len) != 0)
			break;
	}
	*hi = i;
}

/* Set in set the texts having a word that starts with w. */
static void
mark(const struct word_index *ix, const char *w, uint64_t *set)
{
	const struct word_entry *e;
	size_t i, k, lo, hi;

	starting(ix, w, &lo, &hi);
	for (i = lo; i < hi; i++) {
		e = &ix->words[i];
		for (k = e->first; k < e->first + e->n; k++)
			set[ix->rows[k] / 64] |= (uint64_t)1 << (ix->rows[k] % 64);
	}
}

/* The bits set in x (the parallel count of Hacker's Delight, 5-2). */
static size_t
ones(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555u;
	x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fu;
	return (size_t)((x * 0x0101010101010101u) >> 56);
}

size_t
word_index_find(const struct word_index *ix, char *const *w, size_t n,
    uint64_t *set)
{
	size_t nw = word_index_set_words(ix), i, k, count = 0;
	uint64_t *more;

	memset(set, 0, nw * sizeof(*set));
	if (n == 0)
		return 0;
	mark(ix, w[0], set);
	more = n > 1 ? xcalloc(nw, sizeof(*more)) : NULL;
	for (i = 1; i < n; i++) {
		memset(more, 0, nw * sizeof(*more));
		mark(ix, w[i], more);
		for (k = 0; k < nw; k++)
			set[k] &= more[k];
	}
	free(more);
	for (k = 0; k < nw; k++)
		count += ones(set[k]);
	return count;
}

void
word_phrase_init(const struct word_index *ix, char *const *w, size_t n,
    struct word_phrase *ph)
{
	size_t i, k, len;

	memset(ph, 0, sizeof(*ph));
	ph->n = n;
	ph->exact = xcalloc(n, sizeof(*ph->exact));
	for (i = 0; i + 1 < n; i++) {
		len = strlen(w[i]);
		k = lower_bound(ix, w[i], len);
		if (k == ix->nwords || ix->words[k].len != len ||
		    memcmp(ix->words[k].w, w[i], len) != 0)
			ph->none = 1;
		ph->exact[i] = (uint32_t)k;
	}
	starting(ix, w[n - 1], &ph->lo, &ph->hi);
	if (ph->lo == ph->hi)
		ph->none = 1;
}

void
word_phrase_release(struct word_phrase *ph)
{
	free(ph->exact);
	memset(ph, 0, sizeof(*ph));
}

int
word_index_phrase(const struct word_index *ix,
    const struct word_phrase *ph, size_t t)
{
	const uint32_t *tok = ix->toks + ix->tfirst[t];
	size_t n = ix->tfirst[t + 1] - ix->tfirst[t], k, i;

	if (ph->none || ph->n == 0)
		return 0;
	for (k = 0; k + ph->n <= n; k++) {
		for (i = 0; i + 1 < ph->n && tok[k + i] == ph->exact[i]; i++)
			;
		if (i + 1 == ph->n && tok[k + i] >= ph->lo &&
		    tok[k + i] < ph->hi)
			return 1;
	}
	return 0;
}

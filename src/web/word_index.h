/*
 * An index of the words of many folded texts (search.c's activities), so
 * that a search finds the texts having words that start with the query's
 * without reading every text: each distinct word once, sorted, with the
 * texts that have it.  A word is a run of ASCII letters and digits, as
 * search_match() sees them.
 */
#ifndef KYNIEM_WORD_INDEX_H
#define KYNIEM_WORD_INDEX_H

#include <stddef.h>
#include <stdint.h>

struct word_entry {
	const char *w;		/* in one of the texts; not terminated */
	uint32_t len;
	uint32_t first, n;	/* its texts: rows[first .. first + n) */
	uint32_t num;		/* its number while building */
};

struct word_index {
	struct word_entry *words;	/* sorted by their bytes */
	size_t nwords;
	uint32_t *rows;		/* each word's texts, ascending */
	size_t ntexts;
	uint32_t *toks;		/* each text's words in turn, as indexes
				   of words: text t's are toks[tfirst[t]
				   .. tfirst[t + 1]) */
	uint32_t *tfirst;
};

/* Words one after the other in a text, as word_index_phrase() looks for
 * them: each but the last a whole word, the last a word's start. */
struct word_phrase {
	uint32_t *exact;	/* the whole words' indexes */
	size_t n;		/* all the words */
	size_t lo, hi;		/* the words the last one starts */
	int none;		/* 1: no text can have it */
};

/* Index texts[0 .. n), which ix borrows: they must outlive it. */
void word_index_build(struct word_index *ix, char *const *texts, size_t n);
void word_index_release(struct word_index *ix);

/* The uint64_t a set of ix's texts takes, a bit each. */
size_t word_index_set_words(const struct word_index *ix);

/*
 * Set in set (word_index_set_words() of them, cleared here) the bit of
 * each text that, for every one of the words w[0 .. n), has a word
 * starting with it; returns how many texts (0 when n is 0).
 */
size_t word_index_find(const struct word_index *ix, char *const *w, size_t n,
    uint64_t *set);

/* The phrase of words w[0 .. n) (n > 0) in ix's words, into ph. */
void word_phrase_init(const struct word_index *ix, char *const *w, size_t n,
    struct word_phrase *ph);
void word_phrase_release(struct word_phrase *ph);
/* 1 if text t of ix has ph's words one after the other, else 0. */
int word_index_phrase(const struct word_index *ix,
    const struct word_phrase *ph, size_t t);

#endif

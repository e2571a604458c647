/*
 * What the staff search looks in: the dataset's activities and occasions
 * with their text folded once (collate_fold(): no marks, lower case), so
 * that "nhat ban" finds "Nhật Bản" without folding 100,000 titles a
 * request.  A thread builds its index when it first searches a dataset
 * and drops it with the dataset (web_thread.c); the page is web_search.c.
 */
#ifndef KYNIEM_SEARCH_H
#define KYNIEM_SEARCH_H

#include <stddef.h>

#include "contact.h"
#include "word_index.h"

struct dataset;
struct store;

struct search_index {
	char **acts;	/* per activity of the dataset: title, place,
			   organiser, partners, notes */
	char **obs;	/* per observance: its subject in both languages,
			   its country's names */
	size_t nacts, nobs;
	struct word_index words;	/* of acts: a search reads only the
					   texts it shows */
	size_t *cty;	/* per country: its first observance in d */
	char **cty_text;	/* and its names */
	size_t ncty;
	struct contact_list contacts;	/* every contact, loaded */
	char **contact_text;	/* names, city, address */
};

/* Fold d's texts and st's contacts into ix (which borrows nothing from
 * d); 0, or -1 (logged) when the contacts cannot be read. */
int search_index_build(const struct dataset *d, struct store *st,
    struct search_index *ix);
void search_index_release(struct search_index *ix);

/* The words of a query, folded: at most SEARCH_WORDS of them. */
#define SEARCH_WORDS	8
struct search_query {
	char *w[SEARCH_WORDS];
	size_t n;
};

/* Fold q into words (none when q is empty or only spaces). */
void search_query_init(struct search_query *sq, const char *q);
void search_query_release(struct search_query *sq);

/* 1 if every word of sq starts a word of the folded text hay ("ban"
 * is in "nhat ban" and "bang", not in "urban"), else 0 (0 for a query
 * of no word). */
int search_match(const struct search_query *sq, const char *hay);
/*
 * The activities of ix that match sq (as search_match() would): their
 * bits in set (word_index_set_words(&ix->words) of them), and how many.
 */
size_t search_activities(const struct search_index *ix,
    const struct search_query *sq, uint64_t *set);
/*
 * Rows offset .. offset + limit of those activities (set, count of them)
 * as the page lists them into rows (limit of them): those with sq's words
 * one after the other (search_phrase()) first, each part newest first.
 * Returns how many.  The phrase is looked for in the words the index
 * keeps of each text, not in its text.
 */
size_t search_activities_page(const struct search_index *ix,
    const struct search_query *sq, const uint64_t *set, size_t count,
    size_t offset, size_t limit, size_t *rows);

/* 1 if hay has sq's words one after the other ("nhat ban" in "viet
 * nam - nhat ban"): such rows are shown first. */
int search_phrase(const struct search_query *sq, const char *hay);

#endif

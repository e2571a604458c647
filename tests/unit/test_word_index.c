/*
 * word_index.c: the texts a query finds through the index, and the
 * phrase found in the index's words, are those search_match() and
 * search_phrase() (search.c) find reading each text, over texts and
 * queries drawn from words that start one another ("ban", "bang",
 * "urban") and separators of several kinds; and a few cases by hand.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "util.h"
#include "word_index.h"

static const char *const words[] = {
	"nhat", "ban", "bang", "ba", "urban", "b", "1", "12", "123", "viet",
	"nam", "na",
};
static const char *const seps[] = { " ", " - ", ", ", "  ", "(", ")" };

#define NTEXTS	300
#define NQUERIES	400

/* A fixed sequence (a linear congruential generator): the same texts
 * and queries every run. */
static unsigned long
next(unsigned long *seed)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return (*seed >> 33) % 1000003;
}

static char *
random_text(unsigned long *seed)
{
	struct buf b;
	size_t i, n = next(seed) % 7;

	buf_init(&b);
	buf_puts(&b, "");
	if (next(seed) % 4 == 0)
		buf_puts(&b, seps[next(seed) % NELEM(seps)]);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, seps[next(seed) % NELEM(seps)]);
		buf_puts(&b, words[next(seed) % NELEM(words)]);
	}
	return buf_detach(&b);
}

static void
random_query(unsigned long *seed, struct buf *q)
{
	size_t i, n = 1 + next(seed) % 3;

	q->len = 0;
	buf_puts(q, "");
	for (i = 0; i < n; i++)
		buf_printf(q, "%s%s", i > 0 ? " " : "",
		    words[next(seed) % NELEM(words)]);
}

/* The index's answers to query q against the texts read one by one. */
static void
compare(const struct word_index *ix, char *const *texts, size_t n,
    const char *q)
{
	uint64_t *set = xcalloc(word_index_set_words(ix), sizeof(*set));
	struct search_query sq;
	struct word_phrase ph;
	size_t i, count, expect = 0;
	int in;

	search_query_init(&sq, q);
	count = word_index_find(ix, sq.w, sq.n, set);
	word_phrase_init(ix, sq.w, sq.n, &ph);
	for (i = 0; i < n; i++) {
		in = (set[i / 64] >> (i % 64)) & 1;
		ck_assert_msg(in == search_match(&sq, texts[i]),
		    "'%s' in '%s': index %d", q, texts[i], in);
		expect += (size_t)in;
		ck_assert_msg(word_index_phrase(ix, &ph, i) ==
		    search_phrase(&sq, texts[i]), "phrase '%s' in '%s'", q,
		    texts[i]);
	}
	ck_assert_uint_eq(count, expect);
	word_phrase_release(&ph);
	search_query_release(&sq);
	free(set);
}

START_TEST(as_reading_each_text)
{
	char *texts[NTEXTS];
	struct word_index ix;
	unsigned long seed = 23;
	struct buf q;
	size_t i;

	for (i = 0; i < NTEXTS; i++)
		texts[i] = random_text(&seed);
	word_index_build(&ix, texts, NTEXTS);
	buf_init(&q);
	for (i = 0; i < NQUERIES; i++) {
		random_query(&seed, &q);
		compare(&ix, texts, NTEXTS, q.data);
	}
	buf_release(&q);
	word_index_release(&ix);
	for (i = 0; i < NTEXTS; i++)
		free(texts[i]);
}
END_TEST

START_TEST(by_hand)
{
	static const char *const hand[] = { "viet nam - nhat ban", "urban",
	    "bang ban", "nhat bang", "", "ban nhat" };
	char *texts[NELEM(hand)], nhat[] = "nhat", ban[] = "ban";
	char *q[] = { nhat, ban }, *one[] = { ban };
	uint64_t set[2];
	struct word_index ix;
	struct word_phrase ph;
	size_t i;

	for (i = 0; i < NELEM(hand); i++)
		texts[i] = xstrdup(hand[i]);
	word_index_build(&ix, texts, NELEM(texts));
	ck_assert_uint_eq(word_index_set_words(&ix), 2);
	/* "ban" starts "ban" and "bang", never "urban". */
	ck_assert_uint_eq(word_index_find(&ix, one, 1, set), 4);
	ck_assert_uint_eq(set[0], 0x2d);
	ck_assert_uint_eq(word_index_find(&ix, q, 2, set), 3);
	ck_assert_uint_eq(set[0], 0x29);
	ck_assert_uint_eq(word_index_find(&ix, q, 0, set), 0);
	word_phrase_init(&ix, q, 2, &ph);
	ck_assert_int_eq(word_index_phrase(&ix, &ph, 0), 1);
	ck_assert_int_eq(word_index_phrase(&ix, &ph, 3), 1);
	ck_assert_int_eq(word_index_phrase(&ix, &ph, 5), 0);
	ck_assert_int_eq(word_index_phrase(&ix, &ph, 4), 0);
	word_phrase_release(&ph);
	word_index_release(&ix);
	for (i = 0; i < NELEM(hand); i++)
		free(texts[i]);
}
END_TEST

/* No text, or texts of no word (every activity deleted, or untitled):
 * an index that finds nothing. */
START_TEST(empty)
{
	char blank[] = " - ", ban[] = "ban", *texts[] = { blank }, *q[] = { ban };
	uint64_t set[8];
	struct word_index ix;
	struct word_phrase ph;

	word_index_build(&ix, texts, 0);
	ck_assert_uint_le(word_index_set_words(&ix), NELEM(set));
	ck_assert_uint_eq(word_index_find(&ix, q, 1, set), 0);
	word_index_release(&ix);
	word_index_build(&ix, texts, 1);
	ck_assert_uint_le(word_index_set_words(&ix), NELEM(set));
	ck_assert_uint_eq(word_index_find(&ix, q, 1, set), 0);
	word_phrase_init(&ix, q, 1, &ph);
	ck_assert_int_eq(word_index_phrase(&ix, &ph, 0), 0);
	word_phrase_release(&ph);
	word_index_release(&ix);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("word_index");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, as_reading_each_text);
	tcase_add_test(tc, by_hand);
	tcase_add_test(tc, empty);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * Inside the letters module: the words of one letter (letter_words.c),
 * which letter.c drafts with the template.
 */
#ifndef KYNIEM_LETTER_INT_H
#define KYNIEM_LETTER_INT_H

#include "letter.h"
#include "letter_tmpl.h"
#include "rules.h"

struct contact;

/* The values of one letter's placeholders: v[i] is b[i]'s text. */
struct letter_values {
	struct buf b[LV_COUNT];
	const char *v[LV_COUNT];
};

/*
 * Fill vs for the letter of occasion oc to contact c in lang: the
 * occasion as the letter names it (Japan's day as Vietnam's messages do,
 * from letter-titles.csv), the relationship's phrase on the occasion's
 * day (relationship-phrases.csv, else the partnership's level, else
 * general words), the addressee in the form of address of a letter in
 * lang.  0, or -1 (logged) with vs released.
 */
int letter_values_fill(struct letter_values *vs,
    const struct letter_input *in, const struct occurrence *oc,
    const struct contact *c, enum lang lang);
void letter_values_release(struct letter_values *vs);

/*
 * Append the occasion of oc by its own title, after "Gửi thư chúc mừng
 * ": "kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào
 * (2/12/1975 – 2/12/2024)", "Quốc khánh Nhật Bản (23/2/2024)".
 */
void letter_occasion_plain(const struct occurrence *oc, enum lang lang,
    struct buf *out);

#endif

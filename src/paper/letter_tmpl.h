/*
 * The template of a congratulation letter (letter_tmpl.c): sections of
 * lines with {placeholders}, read from the file a union edits and filled
 * by letter.c.
 */
#ifndef KYNIEM_LETTER_TMPL_H
#define KYNIEM_LETTER_TMPL_H

#include <stddef.h>

#include "util.h"

/* Sections, in the file's [names]. */
enum { LT_SUMMARY, LT_SALUTATION, LT_BODY, LT_BODY_ND, LT_BODY_REL,
    LT_RECIPIENTS, LT_NSECT };

/* Placeholders: {occasion} ... {dear}, in letter_tmpl.c's names. */
enum { LV_OCCASION, LV_YEARS, LV_DATE, LV_YEAR, LV_COUNTRY, LV_STATE,
    LV_MISSION, LV_HEAD, LV_MISSION_HEAD, LV_ORG, LV_PROVINCE, LV_SUBJECT,
    LV_RELATIONSHIP, LV_DEAR, LV_COUNT };

struct lt_line {
	int sect;
	long line;		/* in the file, for messages */
	char *text;
};

struct letter_tmpl {
	char *path;
	struct lt_line *lines;
	size_t nlines;
	int has[LT_NSECT];	/* the section has lines */
};

/*
 * Read and check the template at path into *t: every problem (an unknown
 * placeholder or section, an unmatched brace, text before a section, no
 * [body] or [salutation], a line that is not UTF-8 text) logged as
 * PATH:LINE: reason.  0, or -1 with t empty.
 */
int letter_tmpl_load(const char *path, struct letter_tmpl *t);
/* The same from data[0..len) (copied), named name in messages. */
int letter_tmpl_parse(const char *name, const char *data, size_t len,
    struct letter_tmpl *t);
void letter_tmpl_release(struct letter_tmpl *t);

/*
 * Append to *out (n in *nout) section sect filled with the values v
 * (LV_COUNT of them; NULL is empty): paragraphs, lines joined by a
 * space, or one entry a line when per_line.  0, or -1 (logged).
 */
int letter_tmpl_fill(const struct letter_tmpl *t, int sect,
    const char *const *v, int per_line, char ***out, size_t *nout);

/* The shipped templates (config/letter.vi.txt and letter.en.txt, compiled
 * in by scripts/embed-text): what a config without a template of its own
 * falls back to. */
extern const unsigned char letter_shipped_vi[], letter_shipped_en[];
extern const size_t letter_shipped_vi_len, letter_shipped_en_len;

#endif

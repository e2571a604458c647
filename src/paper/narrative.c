/*
 * Narrative sections into a document.  What the texts are and which a
 * document has is texts.c's; how a text's lines are laid out is
 * doc_text()'s (doc.c), for every document.
 */
#include <stdlib.h>
#include <string.h>

#include "narrative.h"

int
narrative_section(struct doc *d, const struct text_list *l,
    const char *doc, int year, const char *key, int level,
    const char *number, enum lang lang)
{
	const struct text_section *s = text_section_find(doc, key);
	const char *body = text_find(l, doc, year, key, NULL);
	const char *h;
	char *numbered;

	if (s == NULL || body == NULL)
		return 0;
	if (number != NULL) {
		h = lang == LANG_EN ? s->en : s->vi;
		numbered = xasprintf("%s %s", number, h);
		doc_heading(d, level, numbered);
		free(numbered);
	}
	doc_text(d, level, body);
	return 1;
}

int
narrative_missing_line(const struct text_list *l, const char *doc,
    int year, enum lang lang, struct buf *out)
{
	const struct text_section *s = text_sections(doc);
	int n = 0;

	for (; s != NULL && s->key != NULL; s++) {
		if (!text_unwritten(l, doc, year, s))
			continue;
		if (n++ == 0)
			buf_puts(out, lang == LANG_EN ? "Draft – not yet "
			    "written: " : "Dự thảo – chưa viết: ");
		else
			buf_puts(out, "; ");
		buf_puts(out, lang == LANG_EN ? s->en : s->vi);
	}
	if (n > 0)
		buf_putc(out, '.');
	return n > 0;
}

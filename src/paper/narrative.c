/*
 * Narrative sections into a document.  What the texts are and which a
 * document has is texts.c's; the layout of a paragraph or a bullet is
 * doc.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "narrative.h"

int
narrative_paras(struct doc *d, const char *body)
{
	const char *p = body, *nl;
	char *line;
	size_t len;
	int n = 0;

	for (; p != NULL && *p != '\0'; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		/* Blanks around a line are the typist's, not the text's. */
		while (len > 0 && (*p == ' ' || *p == '\t'))
			p++, len--;
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len == 0)
			continue;
		line = xstrndup(p, len);
		if (len > 2 && (line[0] == '-' || line[0] == '+') &&
		    line[1] == ' ')
			doc_bullet(d, line[0] == '+', line + 2 +
			    strspn(line + 2, " \t"));
		else
			doc_para(d, line);
		free(line);
		n++;
	}
	return n;
}

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
	h = lang == LANG_EN ? s->en : s->vi;
	if (level > 0 && number != NULL) {
		numbered = xasprintf("%s %s", number, h);
		doc_heading(d, level, numbered);
		free(numbered);
	} else if (level > 0)
		doc_heading(d, level, h);
	narrative_paras(d, body);
	return 1;
}

int
narrative_missing_line(const struct text_list *l, const char *doc,
    int year, enum lang lang, struct buf *out)
{
	const struct text_section *s = text_sections(doc);
	int from, n = 0;

	for (; s != NULL && s->key != NULL; s++) {
		/* An emptied section was left out on purpose. */
		if (s->optional || text_find(l, doc, year, s->key, &from) !=
		    NULL || from != 0)
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

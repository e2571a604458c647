/*
 * The wording of congratulation letters: a template file a union edits
 * (config/letter.vi.txt, letter.en.txt), read and checked here, and
 * filled with one letter's values.  Which letters there are is letter.c's.
 *
 * The file: '#' lines are comments; [summary], [salutation], [body],
 * [body national-day], [body relation] and [recipients] open sections;
 * a section's blank lines end paragraphs (recipients: one a line);
 * {name} is a placeholder, "{{" and "}}" literal braces.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "letter_tmpl.h"
#include "log.h"
#include "text.h"

static const char *const sections[LT_NSECT] = {
	"summary", "salutation", "body", "body national-day",
	"body relation", "recipients"
};

static const char *const vars[LV_COUNT] = {
	"occasion", "years", "date", "year", "country", "state", "mission",
	"head", "mission_head", "org", "province", "subject", "relationship",
	"dear"
};

/* The placeholder name[0..n) as an index, or -1. */
static int
var_index(const char *name, size_t n)
{
	int i;

	for (i = 0; i < LV_COUNT; i++)
		if (strlen(vars[i]) == n && memcmp(vars[i], name, n) == 0)
			return i;
	return -1;
}

/* An unknown placeholder, with the names a template may use. */
static void
unknown(const char *path, long line, const char *p, size_t n)
{
	struct buf known;
	int i;

	buf_init(&known);
	for (i = 0; i < LV_COUNT; i++)
		buf_printf(&known, "%s{%s}", i > 0 ? " " : "", vars[i]);
	log_warnx("%s:%ld: unknown placeholder '%.*s'; known: %s", path, line,
	    (int)n, p, known.data);
	buf_release(&known);
}

/*
 * Walk one line: with v NULL check it (errors logged as PATH:LINE), else
 * append it filled to out.  0 or -1.
 */
static int
walk(const char *path, long line, const char *s, const char *const *v,
    struct buf *out)
{
	const char *p, *end;
	int i;

	for (p = s; *p != '\0'; p++) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' &&
		    p[1] == '}')) {
			if (out != NULL)
				buf_putc(out, *p);
			p++;
			continue;
		}
		if (*p == '}') {
			log_warnx("%s:%ld: '}' without '{' (write '}}' for a "
			    "brace)", path, line);
			return -1;
		}
		if (*p != '{') {
			if (out != NULL)
				buf_putc(out, *p);
			continue;
		}
		if ((end = strchr(p + 1, '}')) == NULL) {
			log_warnx("%s:%ld: '{' without '}' (write '{{' for a "
			    "brace)", path, line);
			return -1;
		}
		if ((i = var_index(p + 1, (size_t)(end - p - 1))) == -1) {
			unknown(path, line, p, (size_t)(end - p + 1));
			return -1;
		}
		if (out != NULL && v[i] != NULL)
			buf_puts(out, v[i]);
		p = end;
	}
	return 0;
}

/* A "[name]" line's section, or -1 (logged). */
static int
section_of(const char *path, long line, const char *s)
{
	size_t n = strlen(s);
	int i;

	for (i = 0; i < LT_NSECT; i++)
		if (n == strlen(sections[i]) + 2 && strncmp(s + 1, sections[i],
		    n - 2) == 0 && s[n - 1] == ']')
			return i;
	log_warnx("%s:%ld: unknown section '%s'; known: [summary] "
	    "[salutation] [body] [body national-day] [body relation] "
	    "[recipients]", path, line, s);
	return -1;
}

static void
add_line(struct letter_tmpl *t, int sect, const char *s, long line)
{
	struct lt_line *l;

	t->lines = xrealloc(t->lines, (t->nlines + 1) * sizeof(*t->lines));
	l = &t->lines[t->nlines++];
	l->sect = sect;
	l->line = line;
	l->text = xstrdup(s);
}

/* One line of the file; errors counted in *bad. */
static void
parse_line(struct letter_tmpl *t, char *s, long line, int *sect, int *bad)
{
	size_t n = strlen(s);
	const char *why;

	if (n > 0 && s[n - 1] == '\r')
		s[--n] = '\0';
	if (text_check(s, TEXT_SOURCE_MAX, 0, &why) == -1) {
		log_warnx("%s:%ld: the line %s", t->path, line, why);
		(*bad)++;
		return;
	}
	if (s[0] == '#')
		return;
	if (s[0] == '[') {
		if ((*sect = section_of(t->path, line, s)) == -1)
			(*bad)++;
		return;
	}
	if (*sect == -1) {
		if (n > 0 && strspn(s, " \t") != n) {
			log_warnx("%s:%ld: text before the first section "
			    "([summary], [salutation], [body]...)", t->path,
			    line);
			(*bad)++;
		}
		return;
	}
	if (walk(t->path, line, s, NULL, NULL) == -1)
		(*bad)++;
	add_line(t, *sect, s, line);
}

/* Which sections t has; -1 (logged) when a letter needs one it has
 * not. */
static int
check_sections(struct letter_tmpl *t, const char *name)
{
	size_t k;

	memset(t->has, 0, sizeof(t->has));
	for (k = 0; k < t->nlines; k++)
		t->has[t->lines[k].sect] = 1;
	if (!t->has[LT_BODY] && !(t->has[LT_BODY_ND] && t->has[LT_BODY_REL])) {
		log_warnx("%s: no [body] section: the letter would be empty",
		    name);
		return -1;
	}
	if (!t->has[LT_SALUTATION]) {
		log_warnx("%s: no [salutation] section (\"Kính gửi: "
		    "{mission_head}\")", name);
		return -1;
	}
	return 0;
}

int
letter_tmpl_load(const char *path, struct letter_tmpl *t)
{
	char *data;
	size_t len;
	int ret;

	memset(t, 0, sizeof(*t));
	if ((data = file_read(path, &len)) == NULL) {
		log_warn("cannot read the letter template '%s'", path);
		return -1;
	}
	ret = letter_tmpl_parse(path, data, len, t);
	free(data);
	return ret;
}

int
letter_tmpl_parse(const char *name, const char *text, size_t len,
    struct letter_tmpl *t)
{
	char *data, *p, *nl;
	long line = 0;
	int sect = -1, bad = 0;

	memset(t, 0, sizeof(*t));
	t->path = xstrdup(name);
	/* A NUL inside is no text: the line check refuses it. */
	data = xmalloc(len + 1);
	memcpy(data, text, len);
	data[len] = '\0';
	if (strlen(data) != len) {
		log_warnx("%s: a NUL byte in the template", name);
		free(data);
		letter_tmpl_release(t);
		return -1;
	}
	for (p = data; *p != '\0'; p = nl + 1) {
		line++;
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		parse_line(t, p, line, &sect, &bad);
		if (nl == NULL)
			break;
	}
	free(data);
	if (bad || check_sections(t, name) == -1) {
		letter_tmpl_release(t);
		return -1;
	}
	return 0;
}

void
letter_tmpl_release(struct letter_tmpl *t)
{
	size_t i;

	for (i = 0; i < t->nlines; i++)
		free(t->lines[i].text);
	free(t->lines);
	free(t->path);
	memset(t, 0, sizeof(*t));
}

static void
push(char ***v, size_t *n, struct buf *b)
{
	if (b->len == 0)
		return;
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = buf_detach(b);
}

int
letter_tmpl_fill(const struct letter_tmpl *t, int sect,
    const char *const *v, int per_line, char ***out, size_t *nout)
{
	struct buf b;
	size_t i, skip;

	buf_init(&b);
	for (i = 0; i < t->nlines; i++) {
		const struct lt_line *l = &t->lines[i];

		if (l->sect != sect)
			continue;
		skip = strspn(l->text, " \t");
		if (l->text[skip] == '\0' || per_line) {
			push(out, nout, &b);
			if (l->text[skip] == '\0')
				continue;
		}
		if (b.len > 0)
			buf_putc(&b, ' ');
		if (walk(t->path, l->line, l->text + skip, v, &b) == -1) {
			buf_release(&b);
			return -1;
		}
	}
	push(out, nout, &b);
	return 0;
}

/*
 * One activity as the year-end report says it, in the reports' voice:
 * "Chủ tịch Liên hiệp Khánh Hòa tham dự Liên hoan hữu nghị nhân dân Việt
 * Nam – Ấn Độ lần thứ 11 tại Tamilnadu và Puduchery, Ấn Độ (1 – 6/12/2023)."
 * The title carries the sentence; the place, organiser, partners and
 * number of people join it only when the title does not already say
 * them, and the result only when it says more than the title.  Where the
 * sentence goes is report.c's.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "dataset.h"
#include "plan.h"
#include "report_int.h"
#include "vntime.h"

const char *
report_num(const struct report_ctx *c, char *s, size_t len, long n)
{
	snprintf(s, len, c->in->lang == LANG_EN ? "%ld" : "%02ld", n);
	return s;
}

void
report_money(const struct report_ctx *c, long amount, const char *currency,
    struct buf *out)
{
	int vi = c->in->lang == LANG_VI;

	buf_put_grouped(out, amount, vi ? '.' : ',');
	/* Vietnamese says đồng; other currencies by their code. */
	buf_printf(out, " %s", strcmp(currency, "VND") == 0 ?
	    report_word(c, RW_VND) : currency);
}

/*
 * The words of s folded for comparing, each between spaces: small
 * letters without marks ("Tổng Lãnh sự" is " tong lanh su "), anything
 * but letters and digits a separator.
 */
static void
fold_words(const char *s, struct buf *out)
{
	struct buf low, asc;
	const char *p;

	buf_init(&low);
	buf_init(&asc);
	collate_lower("vi", s, &low);
	collate_ascii(low.data != NULL ? low.data : "", &asc);
	buf_putc(out, ' ');
	for (p = asc.data != NULL ? asc.data : ""; *p != '\0'; p++)
		if (isalnum((unsigned char)*p))
			buf_putc(out, *p);
		else if (out->data[out->len - 1] != ' ')
			buf_putc(out, ' ');
	if (out->data[out->len - 1] != ' ')
		buf_putc(out, ' ');
	buf_release(&low);
	buf_release(&asc);
}

/*
 * 1 if what says nothing the text hay (folded) does not: at least
 * percent of its words are among hay's.  "Tổng lãnh sự quán Thái Lan tại
 * thành phố Hồ Chí Minh" is said by "Đón tiếp … đoàn Tổng lãnh sự Thái Lan
 * tại thành phố Hồ Chí Minh".
 */
static int
said(const char *what, const struct buf *hay, int percent)
{
	struct buf w, word;
	const char *p, *q;
	int n = 0, found = 0;

	buf_init(&w);
	buf_init(&word);
	fold_words(what, &w);
	/* w is " a b c ": each word looked for with its spaces. */
	for (p = w.data; (q = strchr(p + 1, ' ')) != NULL; p = q) {
		word.len = 0;
		buf_add(&word, p, (size_t)(q - p) + 1);
		n++;
		found += strstr(hay->data, word.data) != NULL;
	}
	buf_release(&w);
	buf_release(&word);
	return n > 0 && found * 100 >= n * percent;
}

/* 1 if s has the number n, as "100" or grouped "6.000", not inside a
 * longer number. */
static int
has_number(const char *s, long n)
{
	char plain[32];
	struct buf grouped;
	const char *forms[2], *p;
	size_t i, len;
	int hit = 0;

	snprintf(plain, sizeof(plain), "%ld", n);
	buf_init(&grouped);
	buf_put_grouped(&grouped, n, '.');
	forms[0] = plain;
	forms[1] = grouped.data;
	for (i = 0; i < 2 && !hit; i++) {
		len = strlen(forms[i]);
		for (p = s; !hit && (p = strstr(p, forms[i])) != NULL; p++)
			hit = (p == s || !isdigit((unsigned char)p[-1])) &&
			    !isdigit((unsigned char)p[len]) && !(p[len] ==
			    '.' && isdigit((unsigned char)p[len + 1]));
	}
	buf_release(&grouped);
	return hit;
}

/* "21/9/2023", "1 – 6/12/2023", "30/11 – 2/12/2023". */
static void
when(const struct report_ctx *c, const struct activity *a, struct buf *out)
{
	vntime_format_range(a->start, a->end, c->in->lang, out);
}

/* 1 if the title dates the activity itself: "… 8/3", "(03/10)", "…
 * (01/3/1943 - 01/3/2023)" in the activity's year. */
static int
title_dated(const char *title, struct ymd d)
{
	char forms[3][16];
	const char *p;
	size_t i, len;

	snprintf(forms[0], sizeof(forms[0]), "/%d", d.y);
	snprintf(forms[1], sizeof(forms[1]), "%d/%d", d.d, d.m);
	snprintf(forms[2], sizeof(forms[2]), "%02d/%02d", d.d, d.m);
	for (i = 0; i < NELEM(forms); i++) {
		len = strlen(forms[i]);
		for (p = title; (p = strstr(p, forms[i])) != NULL; p++)
			if ((i == 0 || p == title ||
			    !isdigit((unsigned char)p[-1])) &&
			    !isdigit((unsigned char)p[len]))
				return 1;
	}
	return 0;
}

/* s on one line: line breaks (a result may have them) as spaces, blanks
 * at the ends and a final period dropped. */
static void
put_line(struct buf *out, const char *s)
{
	size_t start = out->len;

	for (s += strspn(s, " \t\r\n"); *s != '\0'; s++)
		if (*s == '\r' || *s == '\n' || *s == '\t') {
			if (out->len > start && out->data[out->len - 1] != ' ')
				buf_putc(out, ' ');
		} else
			buf_putc(out, *s);
	while (out->len > start && (out->data[out->len - 1] == ' ' ||
	    out->data[out->len - 1] == '.' || out->data[out->len - 1] == ';'))
		out->data[--out->len] = '\0';
}

/* The bytes of the UTF-8 character at s (1 at its end). */
static size_t
char_len(const char *s)
{
	size_t n = 1;

	while (s[0] != '\0' && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/* The character at s in small letters (small: 1) or capitals (0) into
 * out, and whether it changed. */
static int
char_case(const char *s, int small, struct buf *out)
{
	struct buf ch;
	int changed;

	buf_init(&ch);
	buf_add(&ch, s, char_len(s));
	out->len = 0;
	if (small)
		collate_lower("vi", ch.data, out);
	else
		collate_upper("vi", ch.data, out);
	changed = strcmp(out->data, ch.data) != 0;
	buf_release(&ch);
	return changed;
}

/*
 * 1 if s can go on a sentence with its first letter small: "Tặng quà …"
 * reads "tặng quà …"; *small is that letter.  A first word in capitals
 * ("UBND"), or followed by a capital ("Hội Hữu nghị", "Chỉ thị 12") or by
 * a number ("Hơn 6.000"), is a name or begins a sentence of its own.
 */
static int
can_lower(const char *s, struct buf *small)
{
	const char *sp = strchr(s, ' ');
	struct buf tmp;
	size_t n = char_len(s);
	int ok;

	buf_init(&tmp);
	ok = sp != NULL && char_case(s, 1, small) && (s + n == sp ||
	    !char_case(s + n, 1, &tmp)) && char_case(sp + 1, 0, &tmp);
	buf_release(&tmp);
	return ok;
}

/*
 * The result after the title: after a colon when it is a list ("…: đón
 * các đoàn …; chương trình …"), else after a comma when it reads on (a
 * small letter, a number), else as a sentence of its own.
 */
static void
put_result(struct buf *out, const char *s)
{
	struct buf small, tmp;
	int list, cased, lower;

	s += strspn(s, " \t\r\n");
	buf_init(&small);
	buf_init(&tmp);
	list = strchr(s, ';') != NULL;
	/* "02 số/năm", "“…”": no letter to make small, it reads on. */
	cased = char_case(s, 1, &tmp) || char_case(s, 0, &tmp);
	lower = can_lower(s, &small);
	buf_puts(out, list ? ": " : lower || !cased ? ", " : ". ");
	if (lower) {
		buf_puts(out, small.data);
		s += char_len(s);
	}
	put_line(out, s);
	buf_release(&small);
	buf_release(&tmp);
}

/* The partners the title, organiser and result do not name, joined. */
static void
new_partners(const char *list, const struct buf *hay, struct buf *out)
{
	char *copy = xstrdup(list), *save = NULL, *p;

	for (p = strtok_r(copy, ";", &save); p != NULL;
	    p = strtok_r(NULL, ";", &save)) {
		p += strspn(p, " ");
		if (*p == '\0' || said(p, hay, 80))
			continue;
		if (out->len > 0)
			buf_puts(out, ", ");
		put_line(out, p);
	}
	free(copy);
}

/* The title, without a leading verb the list's lead already says. */
static void
put_title(const struct report_ctx *c, const char *title, int flags,
    struct buf *out)
{
	const char *t = title, *verb;
	enum report_word i;
	size_t n;

	for (i = RW_VERB1; (flags & LINE_NO_VERB) && i <= RW_VERB2 &&
	    (verb = report_word(c, i)) != NULL; i++) {
		n = strlen(verb);
		/* "Tham dự Hội nghị …": what follows is a name. */
		if (strncmp(t, verb, n) == 0 && t[n] == ' ' &&
		    isupper((unsigned char)t[n + 1])) {
			t += n + 1;
			break;
		}
	}
	put_line(out, t);
}

/* The clauses after the title: place, organiser, partners, people. */
static void
clauses(const struct report_ctx *c, const struct activity *a,
    struct buf *hay, struct buf *out)
{
	struct buf p;
	char n[32];
	const char *v[1];

	if (a->location != NULL && !said(a->location, hay, 100)) {
		buf_puts(out, report_word(c, RW_AT));
		put_line(out, a->location);
	}
	if (a->organiser != NULL && !said(a->organiser, hay, 80)) {
		v[0] = a->organiser;
		buf_fill(out, report_word(c, RW_BY), v, 1);
	}
	buf_init(&p);
	/* A partner that is the organiser is said once. */
	if (a->organiser != NULL)
		fold_words(a->organiser, hay);
	if (a->partner != NULL)
		new_partners(a->partner, hay, &p);
	if (p.len > 0) {
		v[0] = p.data;
		buf_fill(out, report_word(c, RW_WITH), v, 1);
	}
	buf_release(&p);
	if (a->participants > 0 && !has_number(a->title, a->participants) &&
	    (a->result == NULL || !has_number(a->result, a->participants))) {
		struct buf g;

		buf_init(&g);
		buf_put_grouped(&g, a->participants, c->in->lang == LANG_VI ?
		    '.' : ',');
		snprintf(n, sizeof(n), "%s", g.data);
		buf_release(&g);
		v[0] = n;
		buf_fill(out, report_word(c, RW_PEOPLE), v, 1);
	}
}

void
report_line(const struct report_ctx *c, const struct activity *a,
    int planned, int flags, struct buf *out)
{
	const struct member *m;
	struct buf hay, d;
	const char *v[1];

	if (a->report_text != NULL && *a->report_text != '\0') {
		put_line(out, a->report_text);
		if (!(flags & LINE_NO_STOP))
			buf_putc(out, '.');
		return;
	}
	buf_init(&hay);
	buf_init(&d);
	fold_words(a->title, &hay);
	if (a->result != NULL)
		fold_words(a->result, &hay);
	/* Under its member's name, the member is said already. */
	if (a->member != NULL && c->in->data != NULL &&
	    (m = member_find(&c->in->data->members, a->member)) != NULL)
		fold_words(m->name, &hay);
	put_title(c, a->title, flags, out);
	clauses(c, a, &hay, out);
	if (planned || (!activity_undated(a) && !title_dated(a->title,
	    a->start))) {
		if (!activity_undated(a))
			when(c, a, &d);
		v[0] = d.data != NULL ? d.data : "";
		buf_puts(out, " (");
		buf_fill(out, !planned ? "$1" : report_word(c, d.len > 0 ?
		    RW_PLANNED : RW_PLANNED_UNDATED), v, 1);
		buf_putc(out, ')');
	}
	/* The result, unless the title says it already. */
	hay.len = 0;
	fold_words(a->title, &hay);
	if (a->result != NULL && !said(a->result, &hay, 80))
		put_result(out, a->result);
	if (!(flags & LINE_NO_STOP))
		buf_putc(out, '.');
	buf_release(&hay);
	buf_release(&d);
}

/*
 * Text, CSV (RFC 4180) and JSON renderings of occurrence lists.  The text
 * form is for people (dates d/m/yyyy in Vietnamese, "6/2013" for a date
 * known to the month, "(chưa xác minh)" after what is not confirmed), the
 * others for programs and spreadsheets.
 */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "output.h"
#include "util.h"
#include "vntime.h"

int
output_parse_format(const char *s, enum out_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = OUT_TEXT;
	else if (strcmp(s, "csv") == 0)
		*out = OUT_CSV;
	else if (strcmp(s, "json") == 0)
		*out = OUT_JSON;
	else
		return -1;
	return 0;
}

int
output_parse_lang(const char *s, enum lang *out)
{
	if (strcmp(s, "vi") == 0)
		*out = LANG_VI;
	else if (strcmp(s, "en") == 0)
		*out = LANG_EN;
	else
		return -1;
	return 0;
}

void
output_list_begin(struct output_list *o, enum out_format fmt,
    const char *csv_header)
{
	o->fmt = fmt;
	buf_init(&o->b);
	jsonw_init(&o->j, &o->b, 1);
	if (fmt == OUT_CSV)
		buf_puts(&o->b, csv_header);
	else if (fmt == OUT_JSON)
		jsonw_array(&o->j, NULL);
}

void
output_list_end(struct output_list *o, FILE *f)
{
	if (o->fmt == OUT_JSON) {
		jsonw_end(&o->j);
		buf_putc(&o->b, '\n');
	}
	fwrite(o->b.data ? o->b.data : "", 1, o->b.len, f);
	buf_release(&o->b);
}

static void
json_row(struct jsonw *j, const struct occurrence *oc, const char *date,
    const char *title)
{
	jsonw_object(j, NULL);
	jsonw_str(j, "date", date);
	jsonw_str(j, "key", oc->obs->key);
	jsonw_str(j, "kind", rules_kind_name(oc->obs->kind));
	jsonw_str(j, "country", oc->obs->country);
	if (oc->n > 0)
		jsonw_int(j, "n", oc->n);
	else
		jsonw_null(j, "n");
	jsonw_str(j, "milestone", rules_milestone_name(oc->milestone));
	jsonw_str(j, "precision", rules_precision_name(oc->precision));
	jsonw_str(j, "confidence", rules_confidence_name(rules_confidence(
	    oc->obs)));
	jsonw_str(j, "title", title);
	jsonw_end(j);
}

static void
one(struct output_list *o, const struct occurrence *oc, enum lang lang,
    struct buf *title)
{
	const char *prec = rules_precision_name(oc->precision);
	const char *conf = rules_confidence_name(rules_confidence(oc->obs));
	char date[16], n[16] = "";
	struct buf *b = &o->b;

	util_format_ymd(oc->date, date, sizeof(date));
	if (oc->n > 0)
		snprintf(n, sizeof(n), "%d", oc->n);
	title->len = 0;
	rules_title(oc, lang, title);
	if (o->fmt == OUT_TEXT) {
		rules_format_date(oc, lang, b);
		buf_printf(b, "\t%s", title->data);
		rules_unverified(oc->obs, lang, b);
		if (oc->milestone != MILESTONE_NONE)
			buf_printf(b, " [%s]",
			    rules_milestone_label(oc->milestone, lang, 0));
		buf_putc(b, '\n');
	} else if (o->fmt == OUT_CSV) {
		buf_printf(b, "%s,", date);
		esc_csv(b, oc->obs->key);
		buf_printf(b, ",%s,%s,%s,%s,%s,%s,", rules_kind_name(
		    oc->obs->kind), oc->obs->country, n, rules_milestone_name(
		    oc->milestone), prec, conf);
		esc_csv(b, title->data);
		buf_puts(b, "\r\n");
	} else
		json_row(&o->j, oc, date, title->data);
}

void
output_occurrences(FILE *f, const struct occ_list *l, enum lang lang,
    enum out_format fmt)
{
	struct output_list o;
	struct buf title;
	size_t i;

	buf_init(&title);
	output_list_begin(&o, fmt, "date,key,kind,country,n,milestone,"
	    "precision,confidence,title\r\n");
	for (i = 0; i < l->n; i++)
		one(&o, &l->v[i], lang, &title);
	output_list_end(&o, f);
	buf_release(&title);
}

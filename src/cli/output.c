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

static void
one(struct buf *b, const struct occurrence *oc, enum lang lang,
    enum out_format fmt, struct buf *title)
{
	const char *prec = rules_precision_name(oc->precision);
	const char *conf = rules_confidence_name(rules_confidence(oc->obs));
	char date[16], n[16] = "";

	util_format_ymd(oc->date, date, sizeof(date));
	if (oc->n > 0)
		snprintf(n, sizeof(n), "%d", oc->n);
	title->len = 0;
	rules_title(oc, lang, title);
	if (fmt == OUT_TEXT) {
		rules_format_date(oc, lang, b);
		buf_printf(b, "\t%s", title->data);
		rules_unverified(oc->obs, lang, b);
		if (oc->milestone != MILESTONE_NONE)
			buf_printf(b, " [%s]",
			    rules_milestone_label(oc->milestone, lang, 0));
		buf_putc(b, '\n');
	} else if (fmt == OUT_CSV) {
		buf_printf(b, "%s,", date);
		esc_csv(b, oc->obs->key);
		buf_printf(b, ",%s,%s,%s,%s,%s,%s,", rules_kind_name(
		    oc->obs->kind), oc->obs->country, n, rules_milestone_name(
		    oc->milestone), prec, conf);
		esc_csv(b, title->data);
		buf_puts(b, "\r\n");
	} else {
		buf_printf(b, "{\"date\":\"%s\",\"key\":", date);
		esc_json(b, oc->obs->key);
		buf_printf(b, ",\"kind\":\"%s\",\"country\":",
		    rules_kind_name(oc->obs->kind));
		esc_json(b, oc->obs->country);
		buf_printf(b, ",\"n\":%s,\"milestone\":\"%s\",\"precision\":"
		    "\"%s\",\"confidence\":\"%s\",\"title\":",
		    oc->n > 0 ? n : "null", rules_milestone_name(oc->milestone),
		    prec, conf);
		esc_json(b, title->data);
		buf_putc(b, '}');
	}
}

void
output_occurrences(FILE *f, const struct occ_list *l, enum lang lang,
    enum out_format fmt)
{
	struct buf b, title;
	size_t i;

	buf_init(&b);
	buf_init(&title);
	if (fmt == OUT_CSV)
		buf_puts(&b, "date,key,kind,country,n,milestone,precision,"
		    "confidence,title\r\n");
	if (fmt == OUT_JSON)
		buf_putc(&b, '[');
	for (i = 0; i < l->n; i++) {
		if (fmt == OUT_JSON)
			buf_puts(&b, i ? ",\n " : "\n ");
		one(&b, &l->v[i], lang, fmt, &title);
	}
	if (fmt == OUT_JSON)
		buf_puts(&b, l->n ? "\n]\n" : "]\n");
	fwrite(b.data ? b.data : "", 1, b.len, f);
	buf_release(&b);
	buf_release(&title);
}

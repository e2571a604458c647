/*
 * kyniem list: the observances in the database, one per line, with their
 * date rule and how sure the data is; --edited: the local corrections
 * made in the web application, each applied or superseded.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "correction.h"
#include "config.h"
#include "escape.h"
#include "jsonw.h"
#include "log.h"
#include "output.h"
#include "store.h"
#include "vntime.h"

/* What a row's date rule leaves open, for the text form. */
static const char *
known(const struct observance *o)
{
	if (o->rule.type != RULE_UNDATED)
		return "";
	if (o->rule.precision == 0)
		return " (no date)";
	return rules_precision(o) == PREC_MONTH ? " (day not known)" :
	    " (only the year)";
}

static void
json_row(struct jsonw *j, const struct observance *o)
{
	jsonw_object(j, NULL);
	jsonw_str(j, "key", o->key);
	jsonw_str(j, "kind", rules_kind_name(o->kind));
	jsonw_str(j, "country", o->country);
	jsonw_str(j, "date", o->spec);
	if (o->rule.base_year > 0)
		jsonw_int(j, "base_year", o->rule.base_year);
	else
		jsonw_null(j, "base_year");
	jsonw_bool(j, "dated", o->rule.type != RULE_UNDATED);
	jsonw_str(j, "precision", rules_precision_name(rules_precision(o)));
	jsonw_str(j, "confidence", o->confidence);
	jsonw_end(j);
}

static void
row(struct output_list *out, const struct observance *o)
{
	struct buf *b = &out->b;
	char base[16] = "";

	if (o->rule.base_year > 0)
		snprintf(base, sizeof(base), "%d", o->rule.base_year);
	if (out->fmt == OUT_TEXT) {
		buf_printf(b, "%-28s %-14s %-2s %-12s %-5s %s%s\n", o->key,
		    rules_kind_name(o->kind), o->country, o->spec ? o->spec :
		    "", base, rules_confidence_name(rules_confidence(o)),
		    known(o));
	} else if (out->fmt == OUT_CSV) {
		esc_csv(b, o->key);
		buf_printf(b, ",%s,%s,", rules_kind_name(o->kind), o->country);
		esc_csv(b, o->spec);
		buf_printf(b, ",%s,%s\r\n", base, o->confidence ?
		    o->confidence : "");
	} else
		json_row(&out->j, o);
}

static void
edited_json(struct jsonw *j, const struct correction *c, const char *state,
    const char *at)
{
	jsonw_object(j, NULL);
	jsonw_str(j, "key", c->key);
	jsonw_str(j, "date", c->rule);
	jsonw_str(j, "shipped_date", c->shipped_rule);
	jsonw_str(j, "state", state);
	jsonw_str(j, "at", at);
	jsonw_str(j, "who", c->who);
	jsonw_str(j, "source", c->source);
	jsonw_end(j);
}

static void
edited_row(struct output_list *out, const struct correction *c)
{
	const char *state = c->active ? "applied" : "superseded";
	struct buf *b = &out->b, at;

	buf_init(&at);
	vntime_format_iso(vntime_day(c->at, NULL), -1, &at);
	if (out->fmt == OUT_TEXT) {
		buf_printf(b, "%-28s %-12s %-12s %-10s %s %s\n", c->key,
		    c->rule, c->shipped_rule != NULL &&
		    c->shipped_rule[0] != '\0' ? c->shipped_rule :
		    "-", state, at.data, c->who);
	} else if (out->fmt == OUT_CSV) {
		esc_csv(b, c->key);
		buf_putc(b, ',');
		esc_csv(b, c->rule);
		buf_putc(b, ',');
		esc_csv(b, c->shipped_rule);
		buf_printf(b, ",%s,%s,", state, at.data);
		esc_csv(b, c->who);
		buf_putc(b, ',');
		esc_csv(b, c->source);
		buf_puts(b, "\r\n");
	} else
		edited_json(&out->j, c, state, at.data);
	buf_release(&at);
}

/* --edited: the corrections, applied ones and superseded ones. */
static int
list_edited(struct app *app, enum out_format fmt)
{
	struct correction_list l;
	struct output_list out;
	size_t i;

	if (correction_load(app->store, &l) == -1)
		return 1;
	output_list_begin(&out, fmt,
	    "key,date,shipped_date,state,at,who,source\r\n");
	for (i = 0; i < l.n; i++)
		edited_row(&out, &l.v[i]);
	output_list_end(&out, stdout);
	correction_list_release(&l);
	return fflush(stdout) == 0 ? 0 : 1;
}

int
cmd_list(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "country", required_argument, NULL, 'C' },
		{ "edited", no_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	struct obs_set set;
	struct output_list out;
	enum out_format fmt = OUT_TEXT;
	const char *country = NULL;
	size_t i;
	int ch, kind = -1, edited = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'C')
			country = optarg;
		else if (ch == 'e')
			edited = 1;
		else if (ch == 'k' && (kind = rules_kind_parse(optarg)) < 0) {
			log_warnx("--kind: unknown kind '%s'", optarg);
			return 2;
		} else if (ch == 'f' && output_parse_format(optarg, &fmt)
		    == -1) {
			log_warnx("--format must be text, csv or json");
			return 2;
		} else if (ch != 'k' && ch != 'f' && ch != 'e') {
			cmd_usage("list");
			return ch == 'h' ? 0 : 2;
		}
	}
	if (optind != argc)
		return cmd_usage("list");
	if (edited && (kind >= 0 || country != NULL)) {
		log_warnx("--edited lists every correction: no --kind or "
		    "--country with it");
		return 2;
	}
	if (edited)
		return list_edited(app, fmt);
	if (store_load(app->store, kind, &set) == -1)
		return 1;
	output_list_begin(&out, fmt,
	    "key,kind,country,date,base_year,confidence\r\n");
	for (i = 0; i < set.n; i++)
		if (country == NULL || strcmp(set.v[i]->country, country) == 0)
			row(&out, set.v[i]);
	output_list_end(&out, stdout);
	obs_set_release(&set);
	return 0;
}

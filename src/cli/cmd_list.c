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
#include "escape.h"
#include "config.h"
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
row(struct buf *b, const struct observance *o, enum out_format fmt)
{
	char base[16] = "";

	if (o->rule.base_year > 0)
		snprintf(base, sizeof(base), "%d", o->rule.base_year);
	if (fmt == OUT_TEXT) {
		buf_printf(b, "%-28s %-14s %-2s %-12s %-5s %s%s\n", o->key,
		    rules_kind_name(o->kind), o->country, o->spec ? o->spec :
		    "", base, rules_confidence_name(rules_confidence(o)),
		    known(o));
		return;
	}
	if (fmt == OUT_CSV) {
		esc_csv(b, o->key);
		buf_printf(b, ",%s,%s,", rules_kind_name(o->kind), o->country);
		esc_csv(b, o->spec);
		buf_printf(b, ",%s,%s\r\n", base, o->confidence ?
		    o->confidence : "");
		return;
	}
	buf_puts(b, "{\"key\":");
	esc_json(b, o->key);
	buf_printf(b, ",\"kind\":\"%s\",\"country\":",
	    rules_kind_name(o->kind));
	esc_json(b, o->country);
	buf_puts(b, ",\"date\":");
	esc_json(b, o->spec);
	buf_printf(b, ",\"base_year\":%s,\"dated\":%s,\"precision\":\"%s\","
	    "\"confidence\":", base[0] ? base : "null",
	    o->rule.type == RULE_UNDATED ? "false" : "true",
	    rules_precision_name(rules_precision(o)));
	esc_json(b, o->confidence);
	buf_putc(b, '}');
}

static void
edited_row(struct buf *b, const struct correction *c, enum out_format fmt)
{
	const char *state = c->active ? "applied" : "superseded";
	struct buf at;

	buf_init(&at);
	vntime_format_iso(vntime_day(c->at, NULL), -1, &at);
	if (fmt == OUT_TEXT) {
		buf_printf(b, "%-28s %-12s %-12s %-10s %s %s\n", c->key,
		    c->rule, c->shipped_rule != NULL &&
		    c->shipped_rule[0] != '\0' ? c->shipped_rule :
		    "-", state, at.data, c->who);
	} else if (fmt == OUT_CSV) {
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
	} else {
		buf_puts(b, "{\"key\":");
		esc_json(b, c->key);
		buf_puts(b, ",\"date\":");
		esc_json(b, c->rule);
		buf_puts(b, ",\"shipped_date\":");
		esc_json(b, c->shipped_rule);
		buf_printf(b, ",\"state\":\"%s\",\"at\":\"%s\",\"who\":",
		    state, at.data);
		esc_json(b, c->who);
		buf_puts(b, ",\"source\":");
		esc_json(b, c->source);
		buf_putc(b, '}');
	}
	buf_release(&at);
}

/* --edited: the corrections, applied ones and superseded ones. */
static int
list_edited(struct app *app, enum out_format fmt)
{
	struct correction_list l;
	struct buf b;
	size_t i;

	if (correction_load(app->store, &l) == -1)
		return 1;
	buf_init(&b);
	if (fmt == OUT_CSV)
		buf_puts(&b, "key,date,shipped_date,state,at,who,source\r\n");
	if (fmt == OUT_JSON)
		buf_putc(&b, '[');
	for (i = 0; i < l.n; i++) {
		if (fmt == OUT_JSON)
			buf_puts(&b, i ? ",\n " : "\n ");
		edited_row(&b, &l.v[i], fmt);
	}
	if (fmt == OUT_JSON)
		buf_puts(&b, l.n ? "\n]\n" : "]\n");
	fwrite(b.data ? b.data : "", 1, b.len, stdout);
	buf_release(&b);
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
	enum out_format fmt = OUT_TEXT;
	const char *country = NULL;
	struct buf b;
	size_t i, n = 0;
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
	buf_init(&b);
	if (fmt == OUT_CSV)
		buf_puts(&b, "key,kind,country,date,base_year,confidence\r\n");
	if (fmt == OUT_JSON)
		buf_putc(&b, '[');
	for (i = 0; i < set.n; i++) {
		if (country && strcmp(set.v[i]->country, country) != 0)
			continue;
		if (fmt == OUT_JSON)
			buf_puts(&b, n ? ",\n " : "\n ");
		row(&b, set.v[i], fmt);
		n++;
	}
	if (fmt == OUT_JSON)
		buf_puts(&b, n ? "\n]\n" : "]\n");
	fwrite(b.data ? b.data : "", 1, b.len, stdout);
	buf_release(&b);
	obs_set_release(&set);
	return 0;
}

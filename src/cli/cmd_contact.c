/*
 * kyniem contact list|show: the missions and organisations a union writes
 * to, as they are now (a web edit applied), or those [letters] contacts
 * chooses.  The CSV is calendars/contacts.csv's shape, so it imports back.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "contact.h"
#include "escape.h"
#include "log.h"
#include "options.h"
#include "output.h"
#include "vntime.h"

static const char *const origins[] = { "imported", "edited", "added" };

/* The row of calendars/contacts.csv: contact_fields' columns. */
static void
csv_row(struct buf *b, const struct contact *c)
{
	const struct field *f;

	for (f = contact_fields; f->name != NULL; f++) {
		if (f != contact_fields)
			buf_putc(b, ',');
		esc_csv(b, field_value(f, c));
	}
	buf_puts(b, "\r\n");
}

static void
print_list(const struct contact_list *l, enum out_format fmt)
{
	struct output_list out;
	size_t i;

	output_list_begin(&out, fmt, CONTACT_CSV_HEADER "\r\n");
	for (i = 0; i < l->n; i++) {
		const struct contact *c = &l->v[i];

		if (fmt == OUT_CSV)
			csv_row(&out.b, c);
		else if (fmt == OUT_JSON)
			contact_json_value(&out.j, c, 1);
		else
			buf_printf(&out.b, "%-24s %-2s %-17s %-13s %s%s\n",
			    c->key, c->country, c->kind, c->confidence,
			    c->name_vi, c->origin == CONTACT_IMPORTED ? "" :
			    c->origin == CONTACT_EDITED ? " (edited)" :
			    " (added)");
	}
	output_list_end(&out, stdout);
}

/* Warn of the keys [letters] contacts names that no contact has. */
static void
unknown_keys(const struct config *cfg, const struct contact_list *all)
{
	size_t i, j;

	for (i = 0; i < cfg->letters_sel.n; i++) {
		const char *key = cfg->letters_sel.v[i].key;

		for (j = 0; key != NULL && j < all->n; j++)
			if (strcmp(all->v[j].key, key) == 0)
				break;
		if (key != NULL && j == all->n)
			log_warnx("[letters] contacts names '%s', which is no "
			    "contact", key);
	}
}

/* --letters: keep the contacts the config chooses. */
static void
keep_chosen(const struct config *cfg, struct contact_list *l)
{
	size_t i, n = 0;

	unknown_keys(cfg, l);
	for (i = 0; i < l->n; i++) {
		if (contact_sel_match(&cfg->letters_sel, l->v[i].key,
		    l->v[i].kind, l->v[i].country, cfg->focus))
			l->v[n++] = l->v[i];
		else
			contact_release(&l->v[i]);
	}
	l->n = n;
}

static int
contact_list(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "country", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "letters", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct contact_list l;
	enum out_format fmt = OUT_TEXT;
	const char *country = NULL;
	int ch, letters = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'c')
			country = optarg;
		else if (ch == 'l')
			letters = 1;
		else if (ch == 'f' && output_parse_format(optarg, &fmt) == 0)
			;
		else {
			cmd_usage("contact");
			return ch == 'h' ? 0 : 2;
		}
	}
	if (optind != argc)
		return cmd_usage("contact");
	if (contact_load(app->store, country, &l) == -1)
		return 1;
	if (letters)
		keep_chosen(app->cfg, &l);
	print_list(&l, fmt);
	contact_list_release(&l);
	return 0;
}

static void
field(const char *name, const char *v)
{
	if (v != NULL && *v != '\0')
		printf("%-14s %s\n", name, v);
}

/* show KEY */
static int
contact_show(int argc, char **argv, struct app *app)
{
	const char *key = argv[1];
	struct contact c;
	struct buf at;
	int rc;

	(void)argc;
	if ((rc = contact_get(app->store, key, &c)) != 0) {
		if (rc == 1)
			log_warnx("no contact '%s'", key);
		return 1;
	}
	field("key", c.key);
	field("country", c.country);
	printf("%-14s %s (%s)\n", "kind", c.kind,
	    contact_kind_label(c.kind, 0));
	field("city", c.city);
	field("name_vi", c.name_vi);
	field("name_en", c.name_en);
	field("address", c.address);
	field("email", c.email);
	field("website", c.website);
	field("head_title_vi", c.head_title_vi);
	field("head_title_en", c.head_title_en);
	field("confidence", c.confidence);
	field("source", c.source);
	field("note", c.note);
	buf_init(&at);
	if (c.origin != CONTACT_IMPORTED)
		vntime_format_time(c.at, &at);
	printf("%-14s %s%s%s%s%s\n", "origin", origins[c.origin],
	    at.len ? " " : "", at.len ? at.data : "", c.who ? " by " : "",
	    c.who ? c.who : "");
	buf_release(&at);
	contact_release(&c);
	return 0;
}

/* Sorted by name. */
static const struct subcommand subs[] = {
	{ "list", contact_list, -1 },
	{ "show", contact_show, 1 },
};

int
cmd_contact(int argc, char **argv, struct app *app)
{
	return options_sub("contact", subs, NELEM(subs), argc, argv, app);
}

/*
 * kyniem.conf parsing with inih.  inih's handler is not told the line, so
 * the file is fed through ini_parse_stream() with a reader that counts
 * lines (and refuses lines longer than inih's buffer, which it would
 * otherwise split into a second, injected line); the handler runs right
 * after its line is read.  Keys are looked up in one table per section
 * kind, so adding a key is adding a row.
 */
#include <sys/stat.h>

#include <errno.h>
#include <ini.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "config.h"
#include "config_int.h"
#include "log.h"
#include "sign.h"
#include "text.h"
#include "util.h"

#define VALUE_MAX	2000
/* inih keeps section names in a 50-byte buffer (MAX_SECTION in Debian's
 * build) and cuts longer ones: [feed NAME] leaves 44 for the name. */
#define SECTION_MAX	49
/* Marks a section refused by the reader: its keys are skipped. */
#define BAD_SECTION	"\x01"

enum type { T_STR, T_LIST, T_INT, T_LANG, T_BOOL, T_MILESTONES, T_FEB29,
    T_MERIDIAN, T_STARTTLS, T_SELECTOR, T_OFFSETS, T_SUMMARY, T_CONTACTS,
    T_ABBREV, T_NUMSTYLE, T_ENTRIES, T_RELATIONS, T_SLUG, T_PUBKEY };

struct key {
	const char *section;	/* "feed" matches every [feed NAME] */
	const char *name;
	enum type type;
	size_t off;		/* into struct config, or config_feed */
	long min, max;		/* T_INT; max: characters of T_STR (0 any) */
};

#define C(f) offsetof(struct config, f)
#define F(f) offsetof(struct config_feed, f)
#define M(f) offsetof(struct config_member, f)

static const struct key keys[] = {
	{ "activities", "first_year", T_INT, C(act_first_year), 1800, 2199 },
	{ "activities", "last_year", T_INT, C(act_last_year), 1800, 2199 },
	{ "activities", "max_owners", T_INT, C(act_max_owners), 1, 1000 },
	{ "app", "idle_minutes", T_INT, C(app_idle_minutes), 5, 43200 },
	{ "app", "session_days", T_INT, C(app_session_days), 1, 365 },
	{ "backup", "dir", T_STR, C(backup_dir), 0, 0 },
	{ "backup", "keep_daily", T_INT, C(backup_daily), 1, 3660 },
	{ "backup", "keep_monthly", T_INT, C(backup_monthly), 0, 1200 },
	{ "backup", "keep_weekly", T_INT, C(backup_weekly), 0, 520 },
	{ "backup", "key_file", T_STR, C(backup_key_file), 0, 0 },
	{ "cluster", "id", T_SLUG, C(cluster_id), 0, 0 },
	{ "cluster", "max_bytes", T_INT, C(cluster_max_bytes), 1000,
	    100000000 },
	{ "cluster", "members", T_LIST, C(cluster_members), 0, 0 },
	{ "cluster", "name", T_STR, C(cluster_name), 0, 200 },
	{ "cluster", "next_head", T_SLUG, C(cluster_next_head), 0, 0 },
	{ "cluster", "recipients", T_ENTRIES, C(cluster_recipients), 0, 0 },
	{ "cluster", "recipients_en", T_ENTRIES, C(cluster_recipients_en), 0,
	    0 },
	{ "cluster", "timeout", T_INT, C(cluster_timeout), 1, 3600 },
	{ "cluster-member", "key", T_PUBKEY, M(key), 0, 0 },
	{ "cluster-member", "name", T_STR, M(name), 0, 200 },
	{ "cluster-member", "token", T_STR, M(token), 0, 0 },
	{ "cluster-member", "url", T_STR, M(url), 0, 0 },
	{ "database", "path", T_STR, C(db_path), 0, 0 },
	{ "feed", "activities", T_BOOL, F(activities), 0, 0 },
	{ "feed", "alarm_minutes", T_INT, F(alarm_minutes), -1, 525600 },
	{ "feed", "countries", T_LIST, F(countries), 0, 0 },
	{ "feed", "days_ahead", T_INT, F(days_ahead), 0, 36600 },
	{ "feed", "days_back", T_INT, F(days_back), 0, 36600 },
	{ "feed", "description", T_STR, F(description), 0, 0 },
	{ "feed", "description_en", T_STR, F(description_en), 0, 0 },
	{ "feed", "kinds", T_LIST, F(kinds), 0, 0 },
	{ "feed", "lang", T_LANG, F(lang), 0, 0 },
	{ "feed", "max_bytes", T_INT, F(max_bytes), 10000, 100000000 },
	{ "feed", "max_per_day", T_INT, F(max_per_day), 0, 1000 },
	{ "feed", "milestones", T_MILESTONES, F(milestones), 0, 0 },
	{ "feed", "partial", T_BOOL, F(partial), 0, 0 },
	{ "feed", "select", T_LIST, F(select), 0, 0 },
	{ "feed", "summary", T_SUMMARY, F(full_summary), 0, 0 },
	{ "feed", "tags", T_LIST, F(tags), 0, 0 },
	{ "feed", "title", T_STR, F(title), 0, 0 },
	{ "feed", "title_en", T_STR, F(title_en), 0, 0 },
	{ "feed", "token", T_STR, F(token), 0, 0 },
	{ "general", "feb29", T_FEB29, C(rules.feb29_mar1), 0, 0 },
	{ "general", "lang", T_LANG, C(lang), 0, 0 },
	{ "general", "meridian", T_MERIDIAN, C(meridian), 0, 0 },
	{ "letters", "contacts", T_CONTACTS, C(letters_contacts), 0, 0 },
	{ "letters", "english", T_CONTACTS, C(letters_english), 0, 0 },
	{ "letters", "relations", T_RELATIONS, C(letters_relations_all), 0,
	    0 },
	{ "letters", "template_en", T_STR, C(letters_template_en), 0, 0 },
	{ "letters", "template_vi", T_STR, C(letters_template_vi), 0, 0 },
	{ "organisation", "abbrev", T_ABBREV, C(org_abbrev), 0, 20 },
	{ "organisation", "email", T_STR, C(org_email), 0, 0 },
	{ "organisation", "focus_countries", T_LIST, C(focus_countries), 0,
	    0 },
	{ "organisation", "id", T_SLUG, C(org_id), 0, 0 },
	{ "organisation", "name", T_STR, C(org_name), 0, 200 },
	{ "organisation", "name_en", T_STR, C(org_name_en), 0, 200 },
	{ "organisation", "name_lines", T_STR, C(org_name_lines), 0, 220 },
	{ "organisation", "number_style", T_NUMSTYLE, C(org_number_party), 0,
	    0 },
	{ "organisation", "parent", T_STR, C(org_parent), 0, 200 },
	{ "organisation", "place", T_STR, C(org_place), 0, 100 },
	{ "organisation", "province", T_STR, C(org_province), 0, 100 },
	{ "organisation", "short_name", T_STR, C(org_short_name), 0, 100 },
	{ "organisation", "signer", T_STR, C(org_signer), 0, 100 },
	{ "organisation", "signer_title", T_STR, C(org_signer_title), 0,
	    200 },
	{ "organisation", "signer_title_en", T_STR, C(org_signer_title_en),
	    0, 200 },
	{ "plan", "min_score", T_INT, C(plan_min_score), 0, 1000 },
	{ "plan", "recipients", T_ENTRIES, C(plan_recipients), 0, 0 },
	{ "plan", "recipients_en", T_ENTRIES, C(plan_recipients_en), 0, 0 },
	{ "plan", "section_1_1", T_SELECTOR, C(plan_sel[PLAN_S_1_1]), 0, 0 },
	{ "plan", "section_1_2", T_SELECTOR, C(plan_sel[PLAN_S_1_2]), 0, 0 },
	{ "plan", "section_1_3", T_SELECTOR, C(plan_sel[PLAN_S_1_3]), 0, 0 },
	{ "plan", "section_1_4", T_SELECTOR, C(plan_sel[PLAN_S_1_4]), 0, 0 },
	{ "plan", "section_3", T_SELECTOR, C(plan_sel[PLAN_S_3]), 0, 0 },
	{ "plan", "top", T_INT, C(plan_top), 0, 100 },
	{ "reminders", "milestone_days", T_INT, C(milestone_days), 0, 3660 },
	{ "report", "recipients", T_ENTRIES, C(report_recipients), 0, 0 },
	{ "report", "recipients_en", T_ENTRIES, C(report_recipients_en), 0,
	    0 },
	{ "records", "token", T_STR, C(records_token), 0, 0 },
	{ "reminders", "offsets", T_OFFSETS, C(remind_offsets), 0, 0 },
	{ "server", "base_url", T_STR, C(base_url), 0, 0 },
	{ "server", "body_min_rate", T_INT, C(body_min_rate), 1, 100000000 },
	{ "server", "body_timeout", T_INT, C(body_timeout), 1, 3600 },
	{ "server", "connection_timeout", T_INT, C(connection_timeout), 1,
	    3600 },
	{ "server", "domain", T_STR, C(domain), 0, 0 },
	{ "server", "header_timeout", T_INT, C(header_timeout), 1, 3600 },
	{ "server", "listen", T_STR, C(listen), 0, 0 },
	{ "server", "max_connections", T_INT, C(max_connections), 1, 100000 },
	{ "server", "max_per_address", T_INT, C(max_per_address), 1, 100000 },
	{ "server", "poll_seconds", T_INT, C(poll_seconds), 1, 3600 },
	{ "server", "refresh_minutes", T_INT, C(refresh_minutes), 1, 100000 },
	{ "server", "trusted_proxies", T_LIST, C(trusted_proxies), 0, 0 },
	{ "smtp", "cafile", T_STR, C(smtp_cafile), 0, 0 },
	{ "smtp", "from", T_STR, C(smtp_from), 0, 0 },
	{ "smtp", "password_file", T_STR, C(smtp_password_file), 0, 0 },
	{ "smtp", "starttls", T_STARTTLS, C(smtp_starttls), 0, 0 },
	{ "smtp", "reuse", T_BOOL, C(smtp_reuse), 0, 0 },
	{ "smtp", "timeout", T_INT, C(smtp_timeout), 1, 3600 },
	{ "smtp", "url", T_STR, C(smtp_url), 0, 0 },
	{ "smtp", "username", T_STR, C(smtp_username), 0, 0 },
	{ "web", "dashboard_items", T_INT, C(web_dashboard_items), 1, 100 },
};

/* 1 if a key of type t is a string of the config's own (char *). */
static int
is_string(enum type t)
{
	return t == T_STR || t == T_LIST || t == T_ABBREV || t == T_OFFSETS ||
	    t == T_CONTACTS || t == T_SLUG || t == T_PUBKEY;
}

/* Every key at its default (config_defaults.c): the table's values, a
 * copy of each of its strings, the default [plan] mapping compiled. */
static void
apply_defaults(struct config *cfg)
{
	char **slot, err[200];
	size_t i;
	int s;

	*cfg = config_default;
	for (i = 0; i < NELEM(keys); i++) {
		/* The keys of [feed NAME] and [cluster-member ID] are
		 * offsets into their own structs. */
		if (strcmp(keys[i].section, "feed") == 0 ||
		    strcmp(keys[i].section, "cluster-member") == 0 ||
		    !is_string(keys[i].type))
			continue;
		slot = (char **)((char *)cfg + keys[i].off);
		if (*slot != NULL)
			*slot = xstrdup(*slot);
	}
	rules_opts_init(&cfg->rules);
	for (s = 0; s < PLAN_S_COUNT; s++)
		if (select_parse(config_default_plan[s], &cfg->plan_sel[s], err,
		    sizeof(err)) == -1)
			fatal("default plan mapping: %s", err);
}

/* A new [feed NAME] at the feed defaults. */
static struct config_feed *
feed_add(struct config *cfg, const char *name)
{
	struct config_feed *f;

	cfg->feeds = xrealloc(cfg->feeds, (cfg->nfeeds + 1) *
	    sizeof(*cfg->feeds));
	f = &cfg->feeds[cfg->nfeeds++];
	*f = config_default_feed;
	f->name = xstrdup(name);
	return f;
}

/* If f is named after a built-in feed, give it that feed's settings (a
 * [feed activities] section changes only the keys it sets): 1, else 0. */
static int
feed_builtin(struct config_feed *f)
{
	const struct config_builtin *b;
	size_t i;

	for (i = 0; i < config_nbuiltins; i++) {
		b = &config_builtins[i];
		if (strcmp(f->name, b->name) != 0)
			continue;
		free(f->title);
		free(f->title_en);
		free(f->kinds);
		free(f->description);
		free(f->description_en);
		f->title = xstrdup(b->title);
		f->title_en = xstrdup(b->title_en);
		f->description = b->description != NULL ?
		    xstrdup(b->description) : NULL;
		f->description_en = b->description_en != NULL ?
		    xstrdup(b->description_en) : NULL;
		f->suggested = b->suggested;
		f->max_per_day = b->max_per_day;
		f->kinds = b->kinds != NULL ? xstrdup(b->kinds) : NULL;
		f->milestones = b->milestones;
		f->activities = b->activities;
		f->days_back = b->back;
		f->days_ahead = b->ahead;
		return 1;
	}
	return 0;
}

/* The built-in feeds a [feed] section did not override. */
static void
add_builtins(struct config *cfg)
{
	struct config_feed *f;
	size_t i;

	for (i = 0; i < config_nbuiltins; i++) {
		if (config_feed_find(cfg, config_builtins[i].name) != NULL)
			continue;	/* overridden by a [feed] section */
		f = feed_add(cfg, config_builtins[i].name);
		(void)feed_builtin(f);
		f->lang = cfg->lang;
		f->builtin = 1;
	}
}

/* An activity category, appended in report order. */
static void
category_add(struct config *cfg, const char *key, const char *vi,
    const char *en)
{
	struct config_category *c;

	cfg->categories = xrealloc(cfg->categories, (cfg->ncategories + 1) *
	    sizeof(*cfg->categories));
	c = &cfg->categories[cfg->ncategories++];
	c->key = xstrdup(key);
	c->name_vi = xstrdup(vi);
	c->name_en = xstrdup(en);
}

/* The reports' categories, when [categories] gave none. */
static void
default_categories(struct config *cfg)
{
	const struct config_default_category *c;
	size_t i;

	for (i = 0; i < config_default_ncategories; i++) {
		c = &config_default_categories[i];
		category_add(cfg, c->key, c->vi, c->en);
	}
}

/* A key already set, to report duplicates. */
struct seen {
	char *section, *name;
	long line;
};

struct parse {
	struct config *cfg;
	const char *path;
	FILE *f;
	long line;
	int errors;
	int continued;		/* the line read continues the last value */
	long header;		/* line of the last [section] header */
	int header_seen;	/* and no key has come after it yet */
	struct config_feed *feed;	/* current [feed NAME] section */
	struct config_member *member;	/* current [cluster-member ID] */
	char *section;			/* last section seen */
	struct seen *seen;	/* keys set, to report duplicates */
	size_t nseen;
	struct seen *sections;	/* sections begun, likewise */
	size_t nsections;
};

static int
bad(struct parse *p, const char *fmt, const char *a, const char *b)
{
	char msg[256];

	snprintf(msg, sizeof(msg), "%s:%ld: ", p->path, p->line);
	log_warnx("%s%s '%s'%s%s", msg, fmt, a, b ? ": " : "", b ? b : "");
	p->errors++;
	return 1;	/* keep parsing to report every error */
}

static int
parse_milestones(const char *v, unsigned *mask)
{
	char *copy = xstrdup(v), *save = NULL, *tok;
	int m, ret = 0;

	*mask = 0;
	for (tok = strtok_r(copy, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		if ((m = rules_milestone_parse(tok)) < 0) {
			ret = -1;
			break;
		}
		if (m > 0)
			*mask |= 1u << m;
	}
	free(copy);
	return ret;
}

/* A string value; a continuation line of a list is appended to it. */
static void
set_string(struct parse *p, char **slot, const char *v, int list)
{
	char *old = *slot;

	if (list && p->continued && old != NULL) {
		*slot = xasprintf("%s, %s", old, v);
		free(old);
		return;
	}
	free(old);
	*slot = xstrdup(v);
}

static int
set_selector(struct parse *p, const struct key *k, char *base, const char *v)
{
	struct selector *sel = (struct selector *)(base + k->off);
	char err[200];

	if (p->continued)
		return bad(p, "a selector must be on one line:", k->name, NULL);
	select_release(sel);
	if (select_parse(v, sel, err, sizeof(err)) == -1)
		return bad(p, "bad selector for", k->name, err);
	return 0;
}

static int
set_offsets(struct parse *p, const struct key *k, char *base, const char *v)
{
	int n = vntime_parse_offsets(v, p->cfg->remind_secs);

	if (n < 0)
		return bad(p, "offsets must be a list like 30d,7d,1d (w, d or "
		    "h; at most 16), not", v, NULL);
	p->cfg->nremind = n;
	free(*(char **)(base + k->off));
	*(char **)(base + k->off) = xstrdup(v);
	return 0;
}

/* [letters] contacts: a list (it may go on over lines), compiled as it
 * grows so an error names its line. */
static int
set_contacts(struct parse *p, const struct key *k, char *base, const char *v)
{
	char **slot = (char **)(base + k->off), err[200];
	struct contact_sel *sel = strcmp(k->name, "english") == 0 ?
	    &p->cfg->letters_english_sel : &p->cfg->letters_sel;

	set_string(p, slot, v, 1);
	contact_sel_release(sel);
	if (contact_sel_parse(*slot, sel, err, sizeof(err)) == -1)
		return bad(p, "bad list for", k->name, err);
	return 0;
}

static int
set_enum(struct parse *p, const struct key *k, char *base, const char *v)
{
	switch (k->type) {
	case T_LANG:
		if (strcmp(v, "vi") != 0 && strcmp(v, "en") != 0)
			return bad(p, "lang must be vi or en, not", v, NULL);
		*(enum lang *)(base + k->off) = v[0] == 'e' ? LANG_EN : LANG_VI;
		return 0;
	case T_BOOL:
		if (strcmp(v, "yes") && strcmp(v, "no") && strcmp(v, "true") &&
		    strcmp(v, "false"))
			return bad(p, "want yes or no for", k->name, v);
		*(int *)(base + k->off) = v[0] == 'y' || v[0] == 't';
		return 0;
	case T_FEB29:
		if (strcmp(v, "feb28") && strcmp(v, "mar1"))
			return bad(p, "feb29 must be feb28 or mar1, not", v,
			    NULL);
		*(int *)(base + k->off) = v[0] == 'm';
		return 0;
	case T_MERIDIAN:
		if (strcmp(v, "historical") == 0)
			p->cfg->meridian = LUNAR_HISTORICAL;
		else if (strcmp(v, "utc7") == 0)
			p->cfg->meridian = LUNAR_UTC7;
		else if (strcmp(v, "utc8") == 0)
			p->cfg->meridian = LUNAR_UTC8;
		else
			return bad(p, "meridian must be historical, utc7 or "
			    "utc8, not", v, NULL);
		return 0;
	case T_STARTTLS:
		if (strcmp(v, "required") && strcmp(v, "off"))
			return bad(p, "starttls must be required or off, not",
			    v, NULL);
		*(int *)(base + k->off) = v[0] == 'r';
		return 0;
	case T_NUMSTYLE:
		if (strcmp(v, "state") && strcmp(v, "party"))
			return bad(p, "number_style must be state or party, "
			    "not", v, NULL);
		*(int *)(base + k->off) = v[0] == 'p';
		return 0;
	case T_RELATIONS:
		if (strcmp(v, "milestones") && strcmp(v, "all"))
			return bad(p, "relations must be milestones or all, "
			    "not", v, NULL);
		*(int *)(base + k->off) = v[0] == 'a';
		return 0;
	case T_SUMMARY:
		if (strcmp(v, "short") && strcmp(v, "full"))
			return bad(p, "summary must be short or full, not", v,
			    NULL);
		*(int *)(base + k->off) = v[0] == 'f';
		return 0;
	default:
		break;
	}
	return 0;
}

static int
set_value(struct parse *p, const struct key *k, char *base, const char *v)
{
	const char *why;
	char *old;
	long n;

	if (text_check(v, (k->type == T_STR || k->type == T_ABBREV) &&
	    k->max > 0 ? (size_t)k->max : VALUE_MAX, 0, &why) == -1)
		return bad(p, "the value of", k->name, why);
	if (p->continued && k->type != T_LIST && k->type != T_SELECTOR &&
	    k->type != T_CONTACTS && k->type != T_ENTRIES)
		return bad(p, "a continuation line for", k->name,
		    "only lists may go on over several lines");
	switch (k->type) {
	case T_STR:
	case T_LIST:
		set_string(p, (char **)(base + k->off), v, k->type == T_LIST);
		return 0;
	case T_INT:
		if (util_parse_int(v, k->min, k->max, &n) == -1)
			return bad(p, "bad number for", k->name, v);
		*(int *)(base + k->off) = (int)n;
		return 0;
	case T_ENTRIES:
		/* "A; B", or one entry a line: each line goes on the list. */
		if (p->continued && *(char **)(base + k->off) != NULL) {
			old = *(char **)(base + k->off);
			*(char **)(base + k->off) = xasprintf("%s; %s", old, v);
			free(old);
		} else
			set_string(p, (char **)(base + k->off), v, 0);
		return 0;
	case T_ABBREV:
		/* It goes after "/KH-" in a document's symbol. */
		if (v[0] == '\0' || v[strcspn(v, " \t/,;")] != '\0')
			return bad(p, "abbrev must be one word without '/' "
			    "(e.g. LHHN), not", v, NULL);
		set_string(p, (char **)(base + k->off), v, 0);
		return 0;
	case T_SLUG:
		if (!text_slug_valid(v))
			return bad(p, "want a slug (1-32 of a-z 0-9 -, "
			    "e.g. khanh-hoa) for", k->name, v);
		set_string(p, (char **)(base + k->off), v, 0);
		return 0;
	case T_PUBKEY:
		/* The last word: `kyniem key show`'s whole line will do. */
		v = strrchr(v, ' ') != NULL ? strrchr(v, ' ') + 1 : v;
		if (!sign_pub_valid(v))
			return bad(p, "want a public key as `kyniem key show` "
			    "prints it (44 characters of base64) for", k->name,
			    v);
		set_string(p, (char **)(base + k->off), v, 0);
		return 0;
	case T_MILESTONES:
		if (parse_milestones(v, (unsigned *)(base + k->off)) == -1)
			return bad(p, "milestones must be a list of round, "
			    "decade, jubilee (or none), not", v, NULL);
		return 0;
	case T_SELECTOR:
		return set_selector(p, k, base, v);
	case T_OFFSETS:
		return set_offsets(p, k, base, v);
	case T_CONTACTS:
		return set_contacts(p, k, base, v);
	default:
		return set_enum(p, k, base, v);
	}
}

static int
unknown_key(struct parse *p, const char *name, const char *section)
{
	log_warnx("%s:%ld: unknown key '%s' in [%s]", p->path, p->line, name,
	    section);
	p->errors++;
	return 1;
}

/*
 * Remember section.name; 1 if it was set before on another line (then
 * reported).  A continuation line repeats its key on purpose.
 */
static int
duplicate(struct parse *p, const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < p->nseen; i++) {
		if (strcmp(p->seen[i].section, section) != 0 ||
		    strcmp(p->seen[i].name, name) != 0)
			continue;
		if (p->continued)
			return 0;
		log_warnx("%s:%ld: duplicate key '%s' in [%s] (first on line "
		    "%ld)", p->path, p->line, name, section, p->seen[i].line);
		p->errors++;
		return 1;
	}
	p->seen = xrealloc(p->seen, (p->nseen + 1) * sizeof(*p->seen));
	p->seen[p->nseen].section = xstrdup(section);
	p->seen[p->nseen].name = xstrdup(name);
	p->seen[p->nseen].line = p->line;
	p->nseen++;
	return 0;
}

/* [milestones] kind = classes: which classes count per kind. */
static int
set_milestones(struct parse *p, const char *name, const char *v)
{
	int kind = rules_kind_parse(name);

	if (kind < 0) {
		log_warnx("%s:%ld: unknown kind '%s' in [milestones]", p->path,
		    p->line, name);
		p->errors++;
		return 1;
	}
	if (parse_milestones(v, &p->cfg->rules.milestones[kind]) == -1)
		return bad(p, "milestones must be a list of round, decade, "
		    "jubilee (or none), not", v, NULL);
	return 1;
}

/* A copy of s[0..n) without the blanks around it. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xasprintf("%.*s", (int)n, s);
}

/* [categories] key = Vietnamese name | English name, in report order. */
static int
set_category(struct parse *p, const char *name, const char *v)
{
	const char *bar = strchr(v, '|'), *why;
	char *vi, *en;
	size_t i;

	if (p->continued)
		return bad(p, "a category must be on one line:", name, NULL);
	for (i = 0; name[i] != '\0'; i++)
		if (!(name[i] >= 'a' && name[i] <= 'z') && !(name[i] >= '0' &&
		    name[i] <= '9') && name[i] != '-')
			break;
	if (i == 0 || i > 32 || name[i] != '\0')
		return bad(p, "a category key must be 1-32 of a-z 0-9 -, not",
		    name, NULL);
	if (text_check(v, VALUE_MAX, 0, &why) == -1)
		return bad(p, "the value of", name, why);
	vi = trimmed(v, bar != NULL ? (size_t)(bar - v) : strlen(v));
	en = bar != NULL ? trimmed(bar + 1, strlen(bar + 1)) : xstrdup(vi);
	if (*vi == '\0' || *en == '\0' || (bar != NULL && strchr(bar + 1,
	    '|') != NULL))
		bad(p, "want 'Vietnamese name | English name' for", name, v);
	else
		category_add(p->cfg, name, vi, *en != '\0' ? en : vi);
	free(vi);
	free(en);
	return 1;
}

static int
start_feed(struct parse *p, const char *section)
{
	const char *name = section + 5;
	size_t i;

	for (i = 0; name[i]; i++)
		if (!(name[i] >= 'a' && name[i] <= 'z') && !(name[i] >= '0' &&
		    name[i] <= '9') && name[i] != '-' && name[i] != '_')
			break;
	if (i == 0 || name[i] != '\0') {
		p->feed = NULL;
		return bad(p, "feed name must be a-z 0-9 - _, not", name,
		    NULL);
	}
	p->feed = feed_add(p->cfg, name);
	/* A built-in's section starts from the built-in: "[feed activities]
	 * token = ..." must not turn the activities into all the dates. */
	(void)feed_builtin(p->feed);
	return 1;
}

/* [cluster-member ID]: the member's settings, in section order until
 * finish() puts them in the order of [cluster] members. */
static int
start_member(struct parse *p, const char *section)
{
	const char *id = section + sizeof("cluster-member");
	struct config *cfg = p->cfg;

	p->member = NULL;
	if (!text_slug_valid(id))
		return bad(p, "a cluster member's id must be a slug (1-32 of "
		    "a-z 0-9 -), not", id, NULL);
	if (config_member_find(cfg, id) != NULL)
		return 1;	/* a duplicate section, reported */
	cfg->members = xrealloc(cfg->members, (cfg->nmembers + 1) *
	    sizeof(*cfg->members));
	p->member = &cfg->members[cfg->nmembers++];
	memset(p->member, 0, sizeof(*p->member));
	p->member->id = xstrdup(id);
	p->member->line = p->header;
	return 1;
}

/* A new section begins (inih reports it with its first key). */
static void
new_section(struct parse *p, const char *section)
{
	size_t i;

	for (i = 0; i < p->nsections; i++)
		if (strcmp(p->sections[i].section, section) == 0) {
			log_warnx("%s:%ld: duplicate section [%s] (first on "
			    "line %ld)", p->path, p->header, section,
			    p->sections[i].line);
			p->errors++;
			break;
		}
	p->sections = xrealloc(p->sections, (p->nsections + 1) *
	    sizeof(*p->sections));
	p->sections[p->nsections].section = xstrdup(section);
	p->sections[p->nsections].name = NULL;
	p->sections[p->nsections++].line = p->header;
	free(p->section);
	p->section = xstrdup(section);
	p->feed = NULL;
	p->member = NULL;
	if (strncmp(section, "feed ", 5) == 0)
		start_feed(p, section);
	if (strncmp(section, "cluster-member ", 15) == 0)
		start_member(p, section);
}

static int
handler(void *user, const char *section, const char *name, const char *v)
{
	struct parse *p = user;
	int is_feed = strncmp(section, "feed ", 5) == 0;
	int is_member = strncmp(section, "cluster-member ", 15) == 0;
	size_t i;

	/* Debian's inih does not report empty sections, so a section
	 * starts when its first key arrives. */
	if (strcmp(section, BAD_SECTION) == 0)
		return 1;	/* reported by the reader */
	if (p->header_seen || p->section == NULL ||
	    strcmp(p->section, section) != 0)
		new_section(p, section);
	p->header_seen = 0;
	if ((is_feed && p->feed == NULL) || (is_member && p->member == NULL))
		return 1;	/* bad name, already reported */
	if (duplicate(p, section, name))
		return 1;
	if (strcmp(section, "milestones") == 0)
		return set_milestones(p, name, v);
	if (strcmp(section, "categories") == 0)
		return set_category(p, name, v);
	for (i = 0; i < NELEM(keys); i++) {
		if (strcmp(keys[i].name, name) != 0)
			continue;
		if (is_feed && strcmp(keys[i].section, "feed") == 0)
			return set_value(p, &keys[i], (char *)p->feed, v), 1;
		if (is_member && strcmp(keys[i].section, "cluster-member") ==
		    0)
			return set_value(p, &keys[i], (char *)p->member, v), 1;
		/* A bare [feed] is not a feed: its keys would land at
		 * struct config_feed offsets inside struct config. */
		if (!is_feed && strcmp(keys[i].section, "feed") != 0 &&
		    strcmp(keys[i].section, "cluster-member") != 0 &&
		    strcmp(keys[i].section, section) == 0)
			return set_value(p, &keys[i], (char *)p->cfg, v), 1;
	}
	return unknown_key(p, name, section);
}

/*
 * fgets that counts lines, so the handler knows where it is.  A line that
 * does not fit inih's buffer is reported and handed over as a comment:
 * split, its tail would be parsed as a line of its own.
 */
static char *
reader(char *str, int num, void *stream)
{
	struct parse *p = stream;
	char *s;
	size_t n;
	int c;

	if (fgets(str, num, p->f) == NULL)
		return NULL;
	p->line++;
	n = strlen(str);
	p->continued = (str[0] == ' ' || str[0] == '\t') && str[strspn(str,
	    " \t\r\n")] != '\0' && str[strspn(str, " \t")] != ';' &&
	    str[strspn(str, " \t")] != '#';
	if (n > 0 && str[n - 1] != '\n' && !feof(p->f)) {
		log_warnx("%s:%ld: line longer than %d bytes", p->path,
		    p->line, num - 2);
		p->errors++;
		while ((c = fgetc(p->f)) != EOF && c != '\n')
			;
		snprintf(str, (size_t)num, ";\n");
		return str;
	}
	if (str[strspn(str, " \t")] == '[') {
		p->header = p->line;
		p->header_seen = 1;
		if ((s = strchr(str, ']')) != NULL && s - str -
		    (long)strspn(str, " \t") - 1 > SECTION_MAX) {
			log_warnx("%s:%ld: section name longer than %d bytes",
			    p->path, p->line, SECTION_MAX);
			p->errors++;
			snprintf(str, (size_t)num, "[" BAD_SECTION "]\n");
		}
	}
	return str;
}

/* "a, b" to "kind:a|b" (or "country:", "tag:") for select_and(). */
static char *
list_term(const char *prefix, const char *list)
{
	char *copy = xstrdup(list), *save = NULL, *tok;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, prefix);
	for (tok = strtok_r(copy, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save))
		buf_printf(&b, "%s%s", b.data[b.len - 1] == ':' ? "" : "|",
		    tok);
	free(copy);
	return buf_detach(&b);
}

/* Compile a feed's select, kinds, countries, tags and milestones into one
 * selector; 0, or -1 (logged). */
static int
compile_feed(struct config *cfg, struct config_feed *f)
{
	const char *lists[3] = { f->kinds, f->countries, f->tags };
	static const char *const prefix[3] = { "kind:", "country:", "tag:" };
	char err[200], *term;
	int i, ret = 0;

	if (f->select != NULL) {
		if (select_parse(f->select, &f->sel, err, sizeof(err)) == -1)
			goto bad;
	} else if (f->suggested) {
		/* The union's own: its focus countries, the milestones, its
		 * local dates and those tagged with its province. */
		term = cfg->org_tag != NULL && cfg->org_tag[0] != '\0' ?
		    xasprintf("focus,milestone,kind:local,tag:%s",
		    cfg->org_tag) : xstrdup("focus,milestone,kind:local");
		ret = select_parse(term, &f->sel, err, sizeof(err));
		free(term);
		if (ret == -1)
			goto bad;
	} else
		select_everything(&f->sel);
	for (i = 0; i < 3 && ret == 0; i++) {
		if (lists[i] == NULL || lists[i][strspn(lists[i], ", ")] ==
		    '\0')
			continue;
		term = list_term(prefix[i], lists[i]);
		ret = select_and(&f->sel, term, err, sizeof(err));
		free(term);
	}
	if (ret == 0 && f->milestones != 0) {
		term = xasprintf("class:%s%s%s", (f->milestones & 2) ?
		    "round|" : "", (f->milestones & 4) ? "decade|" : "",
		    (f->milestones & 8) ? "jubilee" : "");
		if (term[strlen(term) - 1] == '|')
			term[strlen(term) - 1] = '\0';
		ret = select_and(&f->sel, "milestone", err, sizeof(err));
		if (ret == 0)
			ret = select_and(&f->sel, term, err, sizeof(err));
		free(term);
	}
	if (ret == 0)
		return 0;
bad:
	log_warnx("%s: [feed %s]: %s", cfg->path ? cfg->path : "config",
	    f->name, err);
	return -1;
}

/* ",LA,KH," from "la, KH" (upper-cased when upper); "," for none. */
static char *
code_list(const char *src, int upper)
{
	struct buf b;
	const char *p;

	buf_init(&b);
	buf_putc(&b, ',');
	for (p = src; p != NULL && *p; p++) {
		if (*p == ' ' || *p == '\t' || (*p == ',' &&
		    b.data[b.len - 1] == ','))
			continue;
		buf_putc(&b, upper && *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' :
		    *p);
	}
	if (b.data[b.len - 1] != ',')
		buf_putc(&b, ',');
	return buf_detach(&b);
}

/* The directory name beside the file path: "/var/lib/kyniem/backups". */
static char *
sibling_dir(const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(name);
	return xasprintf("%.*s/%s", (int)(slash - path), path, name);
}

/* Everything that depends on more than one key, once all are read. */
/* The "Nơi nhận" of the report and the plan the file did not set. */
static void
default_recipients(struct config *cfg)
{
	const char *parent = cfg->org_parent;

	if (cfg->report_recipients == NULL)
		cfg->report_recipients = xstrdup(
		    config_default_report_recipients);
	if (cfg->report_recipients_en == NULL)
		cfg->report_recipients_en = xstrdup(
		    config_default_report_recipients_en);
	if (cfg->plan_recipients == NULL && parent != NULL && *parent != '\0')
		cfg->plan_recipients = xasprintf("%s; %s (để báo cáo); %s",
		    config_default_plan_recipients_head, parent,
		    config_default_plan_recipients_tail);
	else if (cfg->plan_recipients == NULL)
		cfg->plan_recipients = xasprintf("%s; %s",
		    config_default_plan_recipients_head,
		    config_default_plan_recipients_tail);
	if (cfg->plan_recipients_en == NULL)
		cfg->plan_recipients_en = xstrdup(
		    config_default_plan_recipients_en);
	if (cfg->cluster_recipients == NULL)
		cfg->cluster_recipients = xstrdup(
		    config_default_cluster_recipients);
	if (cfg->cluster_recipients_en == NULL)
		cfg->cluster_recipients_en = xstrdup(
		    config_default_cluster_recipients_en);
}

static void member_release(struct config_member *);

/* [cluster] members in their order, each with its [cluster-member]
 * section's settings; a section for no member, a member named twice and
 * a next_head that is no member are errors.  0 or -1 (logged). */
static int
order_members(struct config *cfg)
{
	struct config_member *v = NULL, *m;
	char *copy = xstrdup(cfg->cluster_members != NULL ?
	    cfg->cluster_members : ""), *save = NULL, *tok;
	const char *path = cfg->path != NULL ? cfg->path : "config";
	size_t n = 0, i;
	int ret = 0;

	for (tok = strtok_r(copy, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		for (i = 0; i < n && strcmp(v[i].id, tok) != 0; i++)
			;
		if (!text_slug_valid(tok) || i < n) {
			log_warnx("%s: [cluster] members: '%s' is %s", path,
			    tok, i < n ? "named twice" : "not a union's id "
			    "(1-32 of a-z 0-9 -)");
			ret = -1;
			continue;
		}
		v = xrealloc(v, (n + 1) * sizeof(*v));
		memset(&v[n], 0, sizeof(v[n]));
		if ((m = (struct config_member *)config_member_find(cfg,
		    tok)) != NULL) {
			v[n] = *m;
			m->id = NULL;	/* moved */
		} else
			v[n].id = xstrdup(tok);
		n++;
	}
	for (i = 0; i < cfg->nmembers; i++)
		if (cfg->members[i].id != NULL) {
			log_warnx("%s:%ld: [cluster-member %s]: not one of "
			    "[cluster] members", path, cfg->members[i].line,
			    cfg->members[i].id);
			member_release(&cfg->members[i]);
			ret = -1;
		}
	free(cfg->members);
	free(copy);
	cfg->members = v;
	cfg->nmembers = n;
	return ret;
}

static int
finish(struct config *cfg)
{
	struct buf tag;
	size_t i;
	int ret = 0;

	add_builtins(cfg);
	if (cfg->ncategories == 0)
		default_categories(cfg);
	/* The province's tag first: the union's feed selects by it. */
	buf_init(&tag);
	collate_slug(cfg->org_province != NULL ? cfg->org_province : "",
	    &tag);
	cfg->org_tag = tag.data != NULL ? buf_detach(&tag) : xstrdup("");
	for (i = 0; i < cfg->nfeeds; i++)
		if (compile_feed(cfg, &cfg->feeds[i]) == -1)
			ret = -1;
	if (cfg->nremind == 0 && (cfg->nremind = vntime_parse_offsets(
	    cfg->remind_offsets, cfg->remind_secs)) < 0)
		fatal("default reminder offsets");
	cfg->focus = code_list(cfg->focus_countries, 1);
	default_recipients(cfg);
	if (cfg->letters_contacts == NULL && contact_sel_parse(
	    CONTACT_SEL_DEFAULT, &cfg->letters_sel, NULL, 0) == -1)
		fatal("default [letters] contacts");
	/* RFC 5546: a PUBLISH event has an ORGANIZER.  A mailed calendar's
	 * is the union's own address, else the one mail comes from, else
	 * one at the UIDs' domain; the feeds take the union's or none
	 * (feed.c). */
	cfg->organizer = cfg->org_email != NULL && *cfg->org_email ?
	    xstrdup(cfg->org_email) : cfg->smtp_from != NULL &&
	    *cfg->smtp_from ? xstrdup(cfg->smtp_from) :
	    xasprintf("kyniem@%s", cfg->domain);
	cfg->trusted = code_list(cfg->trusted_proxies, 0);
	if (order_members(cfg) == -1)
		ret = -1;
	if (cfg->backup_dir == NULL)
		cfg->backup_dir = sibling_dir(cfg->db_path, "backups");

	if (config_check(cfg) == -1)
		ret = -1;
	return ret;
}

/* Open path for reading as a config: a regular file. */
static FILE *
open_config(const char *path)
{
	struct stat sb;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		log_warn("cannot open config '%s'", path);
		return NULL;
	}
	if (fstat(fileno(f), &sb) == -1 || !S_ISREG(sb.st_mode)) {
		log_warnx("config '%s' is not a regular file", path);
		fclose(f);
		return NULL;
	}
	if (config_check_file("config", path, S_IWGRP | S_IWOTH, "go-w") ==
	    -1) {
		fclose(f);
		return NULL;
	}
	return f;
}

static void
parse_release(struct parse *p)
{
	size_t i;

	for (i = 0; i < p->nseen; i++) {
		free(p->seen[i].section);
		free(p->seen[i].name);
	}
	for (i = 0; i < p->nsections; i++)
		free(p->sections[i].section);
	free(p->seen);
	free(p->sections);
	free(p->section);
}

int
config_load(struct config *cfg, const char *path)
{
	struct parse p;
	int rc;

	memset(&p, 0, sizeof(p));
	p.cfg = cfg;
	p.path = path;
	apply_defaults(cfg);
	if (path != NULL) {
		cfg->path = xstrdup(path);
		if ((p.f = open_config(path)) == NULL)
			return -1;
		rc = ini_parse_stream(reader, &p, handler, &p);
		if (ferror(p.f))
			bad(&p, "cannot read", path, strerror(errno));
		fclose(p.f);
		if (rc > 0) {
			log_warnx("%s:%d: syntax error (want [section] or key "
			    "= value)", path, rc);
			p.errors++;
		} else if (rc < 0)
			bad(&p, "cannot parse", path, NULL);
		parse_release(&p);
	}
	if (finish(cfg) == -1)
		p.errors++;
	return p.errors > 0 ? -1 : 0;
}

static void
member_release(struct config_member *m)
{
	free(m->id);
	free(m->name);
	free(m->key);
	free(m->url);
	if (m->token != NULL)
		explicit_bzero(m->token, strlen(m->token));
	free(m->token);
	memset(m, 0, sizeof(*m));
}

static void
feed_release(struct config_feed *f)
{
	free(f->name);
	free(f->title);
	free(f->description);
	free(f->title_en);
	free(f->description_en);
	free(f->select);
	free(f->kinds);
	free(f->countries);
	free(f->tags);
	free(f->token);
	select_release(&f->sel);
}

void
config_release(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nfeeds; i++)
		feed_release(&cfg->feeds[i]);
	free(cfg->feeds);
	for (i = 0; i < cfg->nmembers; i++)
		member_release(&cfg->members[i]);
	free(cfg->members);
	free(cfg->cluster_id);
	free(cfg->cluster_name);
	free(cfg->cluster_members);
	free(cfg->cluster_next_head);
	free(cfg->cluster_recipients);
	free(cfg->cluster_recipients_en);
	free(cfg->records_token);
	free(cfg->path);
	free(cfg->db_path);
	free(cfg->backup_dir);
	free(cfg->backup_key_file);
	free(cfg->listen);
	free(cfg->base_url);
	free(cfg->domain);
	free(cfg->smtp_url);
	free(cfg->smtp_from);
	free(cfg->smtp_username);
	free(cfg->smtp_password_file);
	free(cfg->smtp_cafile);
	free(cfg->remind_offsets);
	free(cfg->org_id);
	free(cfg->org_name);
	free(cfg->org_email);
	free(cfg->organizer);
	free(cfg->org_province);
	free(cfg->org_short_name);
	free(cfg->org_parent);
	free(cfg->org_name_en);
	free(cfg->org_abbrev);
	free(cfg->org_place);
	free(cfg->org_signer);
	free(cfg->org_signer_title);
	free(cfg->org_signer_title_en);
	free(cfg->org_name_lines);
	free(cfg->report_recipients);
	free(cfg->report_recipients_en);
	free(cfg->plan_recipients);
	free(cfg->plan_recipients_en);
	free(cfg->focus_countries);
	free(cfg->focus);
	free(cfg->org_tag);
	free(cfg->trusted_proxies);
	free(cfg->trusted);
	free(cfg->letters_contacts);
	contact_sel_release(&cfg->letters_sel);
	free(cfg->letters_english);
	contact_sel_release(&cfg->letters_english_sel);
	free(cfg->letters_template_vi);
	free(cfg->letters_template_en);
	for (i = 0; i < PLAN_S_COUNT; i++)
		select_release(&cfg->plan_sel[i]);
	for (i = 0; i < cfg->ncategories; i++) {
		free(cfg->categories[i].key);
		free(cfg->categories[i].name_vi);
		free(cfg->categories[i].name_en);
	}
	free(cfg->categories);
	memset(cfg, 0, sizeof(*cfg));
}

const struct config_category *
config_category_find(const struct config *cfg, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < cfg->ncategories; i++)
		if (strcmp(cfg->categories[i].key, key) == 0)
			return &cfg->categories[i];
	return NULL;
}

const struct config_member *
config_member_find(const struct config *cfg, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < cfg->nmembers; i++)
		if (cfg->members[i].id != NULL &&
		    strcmp(cfg->members[i].id, id) == 0)
			return &cfg->members[i];
	return NULL;
}

const struct config_feed *
config_feed_find(const struct config *cfg, const char *name)
{
	size_t i;

	for (i = 0; i < cfg->nfeeds; i++)
		if (strcmp(cfg->feeds[i].name, name) == 0)
			return &cfg->feeds[i];
	return NULL;
}

char *
config_letter_template(const struct config *cfg, enum lang lang)
{
	const char *set = lang == LANG_EN ? cfg->letters_template_en :
	    cfg->letters_template_vi;
	const char *name = set != NULL && *set != '\0' ? set : lang ==
	    LANG_EN ? "letter.en.txt" : "letter.vi.txt";
	const char *slash;

	if (name[0] == '/')
		return xstrdup(name);
	if (cfg->path == NULL)
		return xasprintf("/etc/kyniem/%s", name);
	if ((slash = strrchr(cfg->path, '/')) == NULL)
		return xstrdup(name);
	return xasprintf("%.*s/%s", (int)(slash - cfg->path), cfg->path,
	    name);
}

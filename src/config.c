/*
 * kyniem.conf parsing with inih.  inih's handler is not told the line, so
 * the file is fed through ini_parse_stream() with a reader that counts
 * lines; the handler runs right after its line is read.  Keys are looked
 * up in one table per section kind, so adding a key is adding a row.
 */
#include <errno.h>
#include <ini.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "plan.h"
#include "util.h"

enum type { T_STR, T_INT, T_LANG, T_BOOL, T_MILESTONES, T_FEB29, T_MERIDIAN,
    T_STARTTLS, T_PLANMAP };

struct key {
	const char *section;	/* "feed" matches every [feed NAME] */
	const char *name;
	enum type type;
	size_t off;		/* into struct config, or config_feed */
	long min, max;		/* T_INT */
};

#define C(f) offsetof(struct config, f)
#define F(f) offsetof(struct config_feed, f)

static const struct key keys[] = {
	{ "database", "path", T_STR, C(db_path), 0, 0 },
	{ "feed", "activities", T_BOOL, F(activities), 0, 0 },
	{ "feed", "alarm_minutes", T_INT, F(alarm_minutes), -1, 525600 },
	{ "feed", "countries", T_STR, F(countries), 0, 0 },
	{ "feed", "days_ahead", T_INT, F(days_ahead), 0, 36600 },
	{ "feed", "days_back", T_INT, F(days_back), 0, 36600 },
	{ "feed", "description", T_STR, F(description), 0, 0 },
	{ "feed", "kinds", T_STR, F(kinds), 0, 0 },
	{ "feed", "lang", T_LANG, F(lang), 0, 0 },
	{ "feed", "milestones", T_MILESTONES, F(milestones), 0, 0 },
	{ "feed", "tags", T_STR, F(tags), 0, 0 },
	{ "feed", "title", T_STR, F(title), 0, 0 },
	{ "feed", "token", T_STR, F(token), 0, 0 },
	{ "general", "feb29", T_FEB29, C(rules.feb29_mar1), 0, 0 },
	{ "general", "lang", T_LANG, C(lang), 0, 0 },
	{ "general", "meridian", T_MERIDIAN, C(meridian), 0, 0 },
	{ "organisation", "focus_countries", T_STR, C(focus_countries), 0, 0 },
	{ "organisation", "name", T_STR, C(org_name), 0, 0 },
	{ "organisation", "province", T_STR, C(org_province), 0, 0 },
	{ "plan", "section_1_1", T_PLANMAP, C(plan_map[0]), 0, 0 },
	{ "plan", "section_1_2", T_PLANMAP, C(plan_map[1]), 0, 0 },
	{ "plan", "section_1_3", T_PLANMAP, C(plan_map[2]), 0, 0 },
	{ "plan", "section_1_4", T_PLANMAP, C(plan_map[3]), 0, 0 },
	{ "plan", "section_3", T_PLANMAP, C(plan_map[4]), 0, 0 },
	{ "reminders", "milestone_days", T_INT, C(milestone_days), 0, 3660 },
	{ "reminders", "offsets", T_STR, C(remind_offsets), 0, 0 },
	{ "server", "base_url", T_STR, C(base_url), 0, 0 },
	{ "server", "connection_timeout", T_INT, C(connection_timeout), 1,
	    3600 },
	{ "server", "domain", T_STR, C(domain), 0, 0 },
	{ "server", "listen", T_STR, C(listen), 0, 0 },
	{ "server", "max_connections", T_INT, C(max_connections), 1, 100000 },
	{ "server", "poll_seconds", T_INT, C(poll_seconds), 1, 3600 },
	{ "server", "refresh_minutes", T_INT, C(refresh_minutes), 1, 100000 },
	{ "smtp", "cafile", T_STR, C(smtp_cafile), 0, 0 },
	{ "smtp", "from", T_STR, C(smtp_from), 0, 0 },
	{ "smtp", "password_file", T_STR, C(smtp_password_file), 0, 0 },
	{ "smtp", "starttls", T_STARTTLS, C(smtp_starttls), 0, 0 },
	{ "smtp", "reuse", T_BOOL, C(smtp_reuse), 0, 0 },
	{ "smtp", "timeout", T_INT, C(smtp_timeout), 1, 3600 },
	{ "smtp", "url", T_STR, C(smtp_url), 0, 0 },
	{ "smtp", "username", T_STR, C(smtp_username), 0, 0 },
};

/* Built-in feeds: name, title (vi), kinds, milestone mask, activities. */
static const struct {
	const char *name, *title, *kinds;
	unsigned milestones;
	int activities;
} builtins[] = {
	{ "all", "Kỷ niệm: tất cả các ngày", NULL, 0, 0 },
	{ "milestones", "Kỷ niệm năm chẵn, năm tròn", NULL, MILESTONE_ALL, 0 },
	{ "national-days", "Quốc khánh các nước", "national-day", 0, 0 },
	{ "lunar-festivals", "Lễ, Tết âm lịch", "festival", 0, 0 },
	{ "activities", "Hoạt động đã lên kế hoạch", NULL, 0, 1 },
};

struct parse {
	struct config *cfg;
	const char *path;
	FILE *f;
	long line;
	int errors;
	struct config_feed *feed;	/* current [feed NAME] section */
	char *section;			/* last section seen */
};

static void
feed_defaults(struct config_feed *f, const char *name)
{
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	f->days_back = 365;
	f->days_ahead = 5 * 365;
	f->alarm_minutes = -1;
}

static struct config_feed *
feed_add(struct config *cfg, const char *name)
{
	struct config_feed *f;

	cfg->feeds = xrealloc(cfg->feeds, (cfg->nfeeds + 1) *
	    sizeof(*cfg->feeds));
	f = &cfg->feeds[cfg->nfeeds++];
	feed_defaults(f, name);
	return f;
}

static void
defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	rules_opts_init(&cfg->rules, NULL);
	cfg->db_path = xstrdup("/var/lib/kyniem/kyniem.db");
	cfg->meridian = LUNAR_HISTORICAL;
	cfg->listen = xstrdup("127.0.0.1:8080");
	cfg->domain = xstrdup("kyniem.invalid");
	cfg->refresh_minutes = 720;
	cfg->poll_seconds = 2;
	cfg->max_connections = 1024;
	cfg->connection_timeout = 15;
	cfg->smtp_starttls = 1;
	cfg->smtp_timeout = 30;
	cfg->smtp_reuse = 1;
	cfg->remind_offsets = xstrdup("30d,7d,1d");
	cfg->milestone_days = 90;
}

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

static int
set_value(struct parse *p, const struct key *k, char *base, const char *v)
{
	const char *err;
	long n;

	switch (k->type) {
	case T_STR:
		free(*(char **)(base + k->off));
		*(char **)(base + k->off) = xstrdup(v);
		return 0;
	case T_INT:
		if (util_parse_int(v, k->min, k->max, &n) == -1)
			return bad(p, "bad number for", k->name, v);
		*(int *)(base + k->off) = (int)n;
		return 0;
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
	case T_MILESTONES:
		if (parse_milestones(v, (unsigned *)(base + k->off)) == -1)
			return bad(p, "milestones must be a list of round, "
			    "decade, jubilee (or none), not", v, NULL);
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
	case T_PLANMAP:
		if (plan_map_check(v, &err) == -1)
			return bad(p, "bad section mapping", v, err);
		free(*(char **)(base + k->off));
		*(char **)(base + k->off) = xstrdup(v);
		return 0;
	case T_STARTTLS:
		if (strcmp(v, "required") && strcmp(v, "off"))
			return bad(p, "starttls must be required or off, not",
			    v, NULL);
		*(int *)(base + k->off) = v[0] == 'r';
		return 0;
	}
	return 0;
}

static int
unknown_key(struct parse *p, const char *name, const char *section)
{
	log_warnx("%s:%ld: unknown key '%s' in [%s]", p->path, p->line, name,
	    section);
	p->errors++;
	return 1;
}

/* [milestones] kind = classes: which classes count per kind. */
static int
set_milestones(struct parse *p, const char *name, const char *v)
{
	int kind = rules_kind_parse(name);

	if (kind < 0)
		return bad(p, "unknown kind", name, "in [milestones]");
	if (parse_milestones(v, &p->cfg->rules.milestones[kind]) == -1)
		return bad(p, "milestones must be a list of round, decade, "
		    "jubilee (or none), not", v, NULL);
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
	if (i == 0 || name[i] != '\0' || i > 64) {
		p->feed = NULL;
		return bad(p, "feed name must be a-z 0-9 - _, not", name,
		    NULL);
	}
	p->feed = (struct config_feed *)config_feed_find(p->cfg, name);
	if (p->feed == NULL)
		p->feed = feed_add(p->cfg, name);
	return 1;
}

static int
handler(void *user, const char *section, const char *name, const char *v)
{
	struct parse *p = user;
	int is_feed = strncmp(section, "feed ", 5) == 0;
	size_t i;

	/* Debian's inih does not report empty sections, so a section
	 * starts when its first key arrives. */
	if (p->section == NULL || strcmp(p->section, section) != 0) {
		free(p->section);
		p->section = xstrdup(section);
		p->feed = NULL;
		if (is_feed)
			start_feed(p, section);
	}
	if (is_feed && p->feed == NULL)
		return 1;	/* bad feed name, already reported */
	if (strcmp(section, "milestones") == 0)
		return set_milestones(p, name, v);
	for (i = 0; i < NELEM(keys); i++) {
		if (strcmp(keys[i].name, name) != 0)
			continue;
		if (is_feed && strcmp(keys[i].section, "feed") == 0)
			return set_value(p, &keys[i], (char *)p->feed, v), 1;
		/* A bare [feed] is not a feed: its keys would land at
		 * struct config_feed offsets inside struct config. */
		if (!is_feed && strcmp(keys[i].section, "feed") != 0 &&
		    strcmp(keys[i].section, section) == 0)
			return set_value(p, &keys[i], (char *)p->cfg, v), 1;
	}
	return unknown_key(p, name, section);
}

/* fgets that counts lines, so the handler knows where it is. */
static char *
reader(char *str, int num, void *stream)
{
	struct parse *p = stream;
	char *s = fgets(str, num, p->f);

	if (s != NULL)
		p->line++;
	return s;
}

static void
add_builtins(struct config *cfg)
{
	struct config_feed *f;
	size_t i;

	for (i = 0; i < NELEM(builtins); i++) {
		if (config_feed_find(cfg, builtins[i].name) != NULL)
			continue;	/* overridden by a [feed] section */
		f = feed_add(cfg, builtins[i].name);
		f->title = xstrdup(builtins[i].title);
		f->kinds = builtins[i].kinds ? xstrdup(builtins[i].kinds) :
		    NULL;
		f->milestones = builtins[i].milestones;
		f->activities = builtins[i].activities;
		f->lang = cfg->lang;
		f->builtin = 1;
	}
}

int
config_load(struct config *cfg, const char *path)
{
	struct parse p = { cfg, path, NULL, 0, 0, NULL, NULL };
	int rc;

	defaults(cfg);
	if (path != NULL) {
		cfg->path = xstrdup(path);
		if ((p.f = fopen(path, "r")) == NULL) {
			log_warn("cannot open config '%s'", path);
			return -1;
		}
		rc = ini_parse_stream(reader, &p, handler, &p);
		fclose(p.f);
		free(p.section);
		if (rc > 0 && p.errors == 0) {
			p.line = rc;
			bad(&p, "syntax error (want [section] or key = value)",
			    "", NULL);
		} else if (rc < 0)
			bad(&p, "cannot parse", path, NULL);
	}
	add_builtins(cfg);
	return p.errors > 0 ? -1 : 0;
}

static void
feed_release(struct config_feed *f)
{
	free(f->name);
	free(f->title);
	free(f->description);
	free(f->kinds);
	free(f->countries);
	free(f->tags);
	free(f->token);
}

void
config_release(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nfeeds; i++)
		feed_release(&cfg->feeds[i]);
	free(cfg->feeds);
	free(cfg->path);
	free(cfg->db_path);
	free(cfg->listen);
	free(cfg->base_url);
	free(cfg->domain);
	free(cfg->smtp_url);
	free(cfg->smtp_from);
	free(cfg->smtp_username);
	free(cfg->smtp_password_file);
	free(cfg->smtp_cafile);
	free(cfg->remind_offsets);
	free(cfg->org_name);
	free(cfg->org_province);
	free(cfg->focus_countries);
	for (i = 0; i < NELEM(cfg->plan_map); i++)
		free(cfg->plan_map[i]);
	memset(cfg, 0, sizeof(*cfg));
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

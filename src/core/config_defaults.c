/*
 * What kyniem.conf means when it says nothing: the defaults of every key,
 * the reports' [plan] mapping and activity categories, and the built-in
 * feeds.  config.c reads the file over them.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "config_int.h"
#include "lunar.h"
#include "rules.h"
#include "select.h"
#include "util.h"

/*
 * The reports' structure, the default [plan] mapping.  The special blocks
 * 1.2-1.4 claim an occurrence before 1.1 does; section 3 names what to
 * publicise whatever section it is in.  A selector's position orders the
 * bullets: focus countries, then partners, then the rest.
 */
static const char *const default_plan[PLAN_S_COUNT] = {
	"focus+milestone, partner+milestone, kind:relation+milestone, "
	    "kind:partnership+milestone, kind:commemoration+milestone, "
	    "kind:local+milestone",
	"tag:asean, kind:national-day+country:KH, "
	    "kind:national-day+country:LA, asean+milestone",
	"tag:overseas-vietnamese",
	"tag:annual, kind:national-day+focus+!milestone, "
	    "kind:national-day+partner+!milestone",
	"kind:relation+milestone, kind:partnership+milestone, "
	    "kind:commemoration+milestone"
};

/*
 * The activity categories of the reports, in the order their section II
 * reports them; a [categories] section replaces the whole list.
 */
static const struct {
	const char *key, *vi, *en;
} default_categories[] = {
	{ "delegation-out", "Đoàn ra", "Delegations abroad" },
	{ "delegation-in", "Đoàn vào", "Incoming delegations" },
	{ "anniversary", "Hoạt động kỷ niệm", "Anniversary activities" },
	{ "annual", "Hoạt động thường niên", "Annual activities" },
	{ "letter", "Thư chúc mừng", "Letters of congratulation" },
	{ "ngo", "Công tác phi chính phủ nước ngoài",
	    "Foreign non-governmental organisations" },
	{ "overseas", "Công tác người Việt Nam ở nước ngoài",
	    "Overseas Vietnamese" },
	{ "information", "Công tác thông tin đối ngoại",
	    "External information" },
	{ "other", "Hoạt động khác", "Other activities" },
};

/*
 * Built-in feeds: name, title (vi), kinds, milestone mask, activities,
 * and the window (days back, days ahead).  The windows keep every feed
 * of the shipped data, with room for the rows still to be dated, within
 * its byte budget: "all" holds some 400 dates a year.
 */
static const struct {
	const char *name, *title, *title_en, *kinds;
	unsigned milestones;
	int activities, back, ahead;
} builtins[] = {
	{ "all", "Kỷ niệm: tất cả các ngày", "Anniversaries: every date",
	    NULL, 0, 0, 180, 3 * 365 },
	{ "milestones", "Kỷ niệm năm chẵn, năm tròn", "Milestone anniversaries",
	    NULL, MILESTONE_ALL, 0, 365, 5 * 365 },
	{ "national-days", "Quốc khánh các nước", "National days",
	    "national-day", 0, 0, 365, 5 * 365 },
	{ "lunar-festivals", "Lễ, Tết âm lịch", "Lunar festivals",
	    "festival", 0, 0, 365, 5 * 365 },
	{ "activities", "Hoạt động đã lên kế hoạch", "Planned activities",
	    NULL, 0, 1, 365, 5 * 365 },
};

static void
feed_defaults(struct config_feed *f, const char *name)
{
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	f->days_back = 365;
	f->days_ahead = 5 * 365;
	f->alarm_minutes = -1;
	f->max_bytes = FEED_MAX_BYTES;
}

struct config_feed *
config_feed_add(struct config *cfg, const char *name)
{
	struct config_feed *f;

	cfg->feeds = xrealloc(cfg->feeds, (cfg->nfeeds + 1) *
	    sizeof(*cfg->feeds));
	f = &cfg->feeds[cfg->nfeeds++];
	feed_defaults(f, name);
	return f;
}

void
config_defaults(struct config *cfg)
{
	char err[200];
	int s;

	memset(cfg, 0, sizeof(*cfg));
	for (s = 0; s < PLAN_S_COUNT; s++)
		if (select_parse(default_plan[s], &cfg->plan_sel[s], err,
		    sizeof(err)) == -1)
			fatal("default plan mapping: %s", err);
	rules_opts_init(&cfg->rules);
	cfg->db_path = xstrdup("/var/lib/kyniem/kyniem.db");
	cfg->meridian = LUNAR_HISTORICAL;
	cfg->listen = xstrdup("127.0.0.1:8080");
	cfg->domain = xstrdup("kyniem.invalid");
	cfg->refresh_minutes = 720;
	cfg->poll_seconds = 2;
	cfg->max_connections = 4096;
	cfg->max_per_address = 64;
	cfg->header_timeout = 10;
	cfg->body_timeout = 20;
	cfg->body_min_rate = 500;
	cfg->connection_timeout = 15;
	cfg->smtp_starttls = 1;
	cfg->smtp_timeout = 30;
	cfg->smtp_reuse = 1;
	cfg->remind_offsets = xstrdup("30d,7d,1d");
	cfg->milestone_days = 90;
	/* From the union's founding years to well past any plan. */
	cfg->act_first_year = 1945;
	cfg->act_last_year = 2100;
	cfg->act_max_owners = 20;
	cfg->backup_daily = 7;
	cfg->backup_weekly = 4;
	cfg->backup_monthly = 12;
	cfg->app_idle_minutes = 480;
	cfg->app_session_days = 7;
	/* The reports' plans name three to six occasions in 1.1. */
	cfg->plan_top = 6;
	cfg->plan_min_score = 30;
}

void
config_category_add(struct config *cfg, const char *key, const char *vi,
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

void
config_default_recipients(struct config *cfg)
{
	const char *parent = cfg->org_parent;
	int up = parent != NULL && *parent != '\0';

	if (cfg->report_recipients == NULL)
		cfg->report_recipients = xstrdup("Liên hiệp các tổ chức hữu "
		    "nghị Việt Nam; Ban Chấp hành Liên hiệp");
	if (cfg->report_recipients_en == NULL)
		cfg->report_recipients_en = xstrdup("Viet Nam Union of "
		    "Friendship Organisations; The Union's Executive "
		    "Committee");
	if (cfg->plan_recipients == NULL)
		cfg->plan_recipients = xasprintf("Liên hiệp các tổ chức hữu "
		    "nghị Việt Nam (để báo cáo); %s%sCác tổ chức thành viên "
		    "(để thực hiện)", up ? parent : "", up ? " (để báo cáo); " :
		    "");
	if (cfg->plan_recipients_en == NULL)
		cfg->plan_recipients_en = xstrdup("Vietnam Union of Friendship "
		    "Organizations (to report); Member organisations (to "
		    "implement)");
}

void
config_default_categories(struct config *cfg)
{
	size_t i;

	for (i = 0; i < NELEM(default_categories); i++)
		config_category_add(cfg, default_categories[i].key,
		    default_categories[i].vi, default_categories[i].en);
}

int
config_feed_builtin(struct config_feed *f)
{
	size_t i;

	for (i = 0; i < NELEM(builtins); i++) {
		if (strcmp(f->name, builtins[i].name) != 0)
			continue;
		free(f->title);
		free(f->title_en);
		free(f->kinds);
		f->title = xstrdup(builtins[i].title);
		f->title_en = xstrdup(builtins[i].title_en);
		f->kinds = builtins[i].kinds ? xstrdup(builtins[i].kinds) :
		    NULL;
		f->milestones = builtins[i].milestones;
		f->activities = builtins[i].activities;
		f->days_back = builtins[i].back;
		f->days_ahead = builtins[i].ahead;
		return 1;
	}
	return 0;
}

void
config_add_builtins(struct config *cfg)
{
	struct config_feed *f;
	size_t i;

	for (i = 0; i < NELEM(builtins); i++) {
		if (config_feed_find(cfg, builtins[i].name) != NULL)
			continue;	/* overridden by a [feed] section */
		f = config_feed_add(cfg, builtins[i].name);
		(void)config_feed_builtin(f);
		f->lang = cfg->lang;
		f->builtin = 1;
	}
}

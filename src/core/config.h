/*
 * kyniem.conf: an INI file read with inih.  Owns the defaults, the table of
 * known sections and keys, and validation; every unknown key, bad value,
 * duplicate or overlong line is reported as FILE:LINE: reason.  Values
 * that have a structure (selectors, reminder offsets) are compiled here,
 * once, so their users never parse text.
 */
#ifndef KYNIEM_CONFIG_H
#define KYNIEM_CONFIG_H

#include <sys/types.h>

#include "contact_sel.h"
#include "lunar.h"
#include "rules.h"
#include "select.h"
#include "vntime.h"

/* A feed's default size budget: Google Calendar stops at about 1 MB. */
#define FEED_MAX_BYTES	(900 * 1024)

/* One [feed NAME] section, or a built-in feed. */
struct config_feed {
	char *name;		/* URL name: /calendars/NAME.ics */
	char *title;		/* calendar name shown to subscribers */
	char *description;
	char *title_en, *description_en;	/* the English feed's; NULL:
						   the above */
	char *select;		/* a selector (select.h); NULL = all */
	char *kinds;		/* comma list; NULL = every kind */
	char *countries;	/* comma list of ISO codes; NULL = all */
	char *tags;		/* comma list; NULL = any */
	unsigned milestones;	/* mask of 1 << MILESTONE_x; 0 = every year */
	struct selector sel;	/* all of the above, compiled */
	enum lang lang;
	int days_back, days_ahead;	/* window around today */
	char *token;		/* secret for private feeds; NULL = public */
	int alarm_minutes;	/* VALARM before start; -1 = none */
	int max_bytes;		/* the feed's size budget; oldest go first */
	int activities;		/* 1: planned activities instead of dates */
	int partial;		/* 1: also rows known only to the month */
	int full_summary;	/* 1: SUMMARY is the full title, not short */
	int max_per_day;	/* events a day at most, the best ranked
				   kept; 0: no limit */
	int suggested;		/* 1: the union's own feed (built-in
				   "union"): its dates and activities */
	int builtin;
};

/* One member of the cluster: a name of [cluster] members, with what its
 * [cluster-member SLUG] section says (all NULL without one). */
struct config_member {
	char *id;		/* the member union's [organisation] id */
	char *name;		/* its name before its first record; NULL */
	char *key;		/* its pinned public key (base64); NULL: any */
	char *url;		/* where its record is: .../records/{year}.json */
	char *token;		/* the token of that url */
	long line;		/* of the section, for messages; 0: none */
};

/* The records a cluster head accepts at most (a record of the four
 * reports is some 100 KB). */
#define CLUSTER_MAX_BYTES	(10 * 1024 * 1024)

/* One activity category of [categories], in the report's order. */
struct config_category {
	char *key;		/* "delegation-out" */
	char *name_vi;		/* "Đoàn ra" */
	char *name_en;		/* "Delegations abroad" */
};

/* Sections of the plan with a selector, in the order of plan_sel. */
enum { PLAN_S_1_1, PLAN_S_1_2, PLAN_S_1_3, PLAN_S_1_4, PLAN_S_3,
    PLAN_S_COUNT };

struct config {
	char *path;		/* the file read, NULL when none */
	char *db_path;
	enum lang lang;
	struct rules_opts rules;	/* feb29, milestone classes per kind */
	enum lunar_meridian meridian;

	/* [server] */
	char *listen;		/* ADDR:PORT */
	char *base_url;		/* https://host/prefix used in links */
	char *domain;		/* right-hand side of UIDs */
	int refresh_minutes;	/* REFRESH-INTERVAL of feeds */
	int poll_seconds;	/* how often the server checks the database */
	int max_connections;	/* at once; the oldest idle goes first */
	int max_per_address;	/* connections from one client address */
	int header_timeout;	/* seconds to send a request's headers */
	int body_timeout;	/* seconds to send a request's body, */
	int body_min_rate;	/* plus one per this many bytes sent */
	int connection_timeout;	/* seconds a connection may be idle */
	char *trusted_proxies;	/* comma list of addresses, as written */
	char *trusted;		/* the same as ",127.0.0.1,::1,"; "," */

	/* [feed NAME] sections, then the built-ins not overridden */
	struct config_feed *feeds;
	size_t nfeeds;

	/* [smtp] */
	char *smtp_url;
	char *smtp_from;
	int smtp_starttls;	/* 1 required (default), 0 off */
	char *smtp_username;
	char *smtp_password_file;
	int smtp_timeout;	/* seconds */
	char *smtp_cafile;	/* CA bundle for a private relay; NULL = system */
	int smtp_reuse;		/* 1: one connection per batch (default) */

	/* [reminders] */
	char *remind_offsets;	/* "30d,7d,1d", as written */
	long remind_secs[VNTIME_MAX_OFFSETS];	/* the same, compiled */
	int nremind;
	int milestone_days;

	/* [organisation] */
	char *org_id;		/* the union's slug in records: "khanh-hoa" */
	char *org_email;	/* the union's address */
	char *organizer;	/* ORGANIZER of mailed calendars: org_email,
				   else smtp_from, else kyniem@domain (the
				   feeds have org_email or none) */
	char *org_name;
	char *org_province;
	/* The header and signature blocks of documents (doc.h). */
	char *org_parent;	/* the body above the union; NULL none */
	char *org_name_en;
	char *org_abbrev;	/* of the symbol "Số: .../KH-LHHN" */
	char *org_short_name;	/* in sentences: "Liên hiệp Hữu nghị" */
	char *org_place;	/* of the date line; NULL: province */
	char *org_signer, *org_signer_title, *org_signer_title_en;
	char *org_name_lines;	/* the name, '|' where its lines break */
	int org_number_party;	/* number_style = party: "Số …-KH/LHHN" */
	char *focus_countries;	/* comma list of ISO codes, as written */
	char *focus;		/* the same as ",LA,KH,"; "," when none */
	char *org_tag;		/* the province as the calendars tag it,
				   "khanh-hoa"; "" when none */

	/* [letters] which contacts the union writes to */
	char *letters_contacts;	/* as written; NULL: the default */
	struct contact_sel letters_sel;	/* the same, compiled */
	char *letters_english;	/* contacts also sent an English letter */
	struct contact_sel letters_english_sel;	/* compiled; none default */
	char *letters_template_vi;	/* NULL: letter.vi.txt next to the */
	char *letters_template_en;	/* config (config_letter_template()) */
	int letters_relations_all;	/* relations = all: every year's
					   relation anniversaries, not only
					   the milestones */

	/* [activities] what an activity may hold */
	int act_first_year, act_last_year;	/* its dates' years */
	int act_max_owners;	/* owners, who get its reminders */
	/* [backup] */
	char *backup_dir;	/* the copies; default backups/ beside the
				   database */
	char *backup_key_file;	/* encrypts them when set */
	int backup_daily, backup_weekly, backup_monthly;	/* kept */

	/* [app] the staff web application's sessions */
	int app_idle_minutes;	/* since the last request (8 h) */
	int app_session_days;	/* since the login (7 days) */
	/* [web] the staff web application's pages */
	int web_dashboard_items;	/* "Cần lên kế hoạch" shows this many */

	/* [report] and [plan] recipients: "Nơi nhận", entries split by
	 * ';' (doc_end_list()); NULL: the shipped list */
	char *report_recipients, *report_recipients_en;
	char *plan_recipients, *plan_recipients_en;

	/* [plan] which dates go to which section */
	struct selector plan_sel[PLAN_S_COUNT];
	int plan_top;		/* 1.1 names at most this many by rank */
	int plan_min_score;	/* and only those scoring this much (rank.h) */

	/* [records] the union's year record at /records/YEAR.json */
	char *records_token;	/* NULL: no such route */

	/* [cluster] this union as the head of a cluster of unions */
	char *cluster_id;	/* the cluster's slug in its own record */
	char *cluster_name;	/* "Cụm Liên hiệp ... địa phương số 3" */
	char *cluster_members;	/* the members' ids, as written */
	char *cluster_next_head;	/* the next year's head's id */
	char *cluster_recipients, *cluster_recipients_en;	/* "Nơi
					   nhận" of the consolidated report */
	int cluster_max_bytes;	/* a record fetched or uploaded, at most */
	int cluster_timeout;	/* seconds a fetch may take */
	struct config_member *members;	/* in the order of members */
	size_t nmembers;

	/* [categories] of activities, in the report's order: the file's
	 * when it has the section, else the defaults */
	struct config_category *categories;
	size_t ncategories;
};

/*
 * Read path (NULL: defaults only) into *cfg, which it initialises.  Errors
 * are printed as FILE:LINE: reason; returns 0, or -1 after any error
 * (release *cfg either way).
 */
int config_load(struct config *cfg, const char *path);
void config_release(struct config *cfg);

/*
 * The checks that span keys (config_check.c): the SMTP URL, TLS and
 * password file, the trusted proxies.  Errors are logged; 0 or -1.
 */
int config_check(const struct config *cfg);

/*
 * -1 (logged, with the chmod that fixes it) when file exists with any of
 * the mode bits bad (S_IWOTH...), else 0; what names it in the message.
 */
int config_check_file(const char *what, const char *file, mode_t bad,
    const char *fix);

/* The activity category called key, or NULL. */
const struct config_category *config_category_find(const struct config *cfg,
    const char *key);

/* The cluster member called id, or NULL. */
const struct config_member *config_member_find(const struct config *cfg,
    const char *id);

/* The feed called name, or NULL. */
const struct config_feed *config_feed_find(const struct config *cfg,
    const char *name);

/* The template of lang: [letters] template_vi or template_en, a relative
 * path resolved against the config file's directory; by default
 * letter.vi.txt or letter.en.txt there (config/ of the source tree,
 * /etc/kyniem installed).  The caller frees. */
char *config_letter_template(const struct config *cfg, enum lang lang);

#endif

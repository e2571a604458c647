/*
 * What kyniem.conf means when it says nothing, as data: the value of
 * every key the file may leave out, the reports' [plan] mapping and
 * activity categories, and the built-in feeds.  Nothing here runs:
 * config.c applies these tables, then reads the file over them.
 */
#include <stddef.h>

#include "config.h"
#include "config_int.h"
#include "lunar.h"
#include "rules.h"
#include "util.h"

/*
 * Every key at its default.  The strings are the table's (hence the
 * casts): config.c gives the config a copy of each before anything may
 * free it.
 */
const struct config config_default = {
	.db_path = (char *)"/var/lib/kyniem/kyniem.db",
	.lang = LANG_VI,
	.meridian = LUNAR_HISTORICAL,
	.listen = (char *)"127.0.0.1:8080",
	.domain = (char *)"kyniem.invalid",
	.refresh_minutes = 720,
	.poll_seconds = 2,
	.max_connections = 4096,
	.max_per_address = 64,
	.header_timeout = 10,
	.body_timeout = 20,
	.body_min_rate = 500,
	.connection_timeout = 15,
	.smtp_starttls = 1,
	.smtp_timeout = 30,
	.smtp_reuse = 1,
	.remind_offsets = (char *)"30d,7d,1d",
	.milestone_days = 90,
	/* From the union's founding years to well past any plan. */
	.act_first_year = 1945,
	.act_last_year = 2100,
	.act_max_owners = 20,
	.backup_daily = 7,
	.backup_weekly = 4,
	.backup_monthly = 12,
	.app_idle_minutes = 480,
	.cluster_max_bytes = CLUSTER_MAX_BYTES,
	.cluster_timeout = 30,
	.app_session_days = 7,
	.web_dashboard_items = 8,
	/* The reports' plans name three to six occasions in 1.1. */
	.plan_top = 6,
	.plan_min_score = 30,
};

/* A [feed NAME] section before it sets a key (its name aside). */
const struct config_feed config_default_feed = {
	.days_back = 365,
	.days_ahead = 5 * 365,
	.alarm_minutes = -1,
	.max_bytes = FEED_MAX_BYTES,
};

/*
 * The reports' structure, the default [plan] mapping.  The special blocks
 * 1.2-1.4 claim an occurrence before 1.1 does; section 3 names what to
 * publicise whatever section it is in.  A selector's position orders the
 * bullets: focus countries, then partners, then the rest.
 */
const char *const config_default_plan[PLAN_S_COUNT] = {
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
const struct config_default_category config_default_categories[] = {
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
	/* Meetings, congresses, seminars and courses the union attended
	 * (the reports' "Tham dự các hội nghị"); one it organised is its
	 * subject's category. */
	{ "conference", "Tham dự các hội nghị", "Conferences attended" },
	{ "other", "Hoạt động khác", "Other activities" },
};
const size_t config_default_ncategories = NELEM(config_default_categories);

/*
 * Built-in feeds: name, title (vi), kinds, milestone mask, activities,
 * and the window (days back, days ahead).  The windows keep every feed
 * of the shipped data, with room for the rows still to be dated, within
 * its byte budget: "all" holds some 400 dates a year.
 */
const struct config_builtin config_builtins[] = {
	/* The one the index page suggests first: the union's own things,
	 * never more than a month grid shows in a day (Thunderbird shows
	 * some five events a day and no "+N more"). */
	{ "union", "Lịch của Liên hiệp", "The union's calendar", NULL, 0, 0,
	    180, 2 * 365, "Các nước trọng điểm, các mốc năm chẵn, năm tròn, "
	    "ngày của địa phương và hoạt động của Liên hiệp; tối đa 4 sự kiện "
	    "một ngày, giữ những sự kiện quan trọng nhất (các lịch đầy đủ có "
	    "tất cả)", "Focus countries, milestone anniversaries, the "
	    "union's own dates and its activities; at most 4 events a day, "
	    "the most important kept (the complete calendars have them all)",
	    1, 4 },
	{ "all", "Kỷ niệm: tất cả các ngày", "Anniversaries: every date",
	    NULL, 0, 0, 180, 3 * 365, NULL, NULL, 0, 0 },
	{ "milestones", "Kỷ niệm năm chẵn, năm tròn", "Milestone anniversaries",
	    NULL, MILESTONE_ALL, 0, 365, 5 * 365, NULL, NULL, 0, 0 },
	{ "national-days", "Quốc khánh các nước", "National days",
	    "national-day", 0, 0, 365, 5 * 365, NULL, NULL, 0, 0 },
	{ "lunar-festivals", "Lễ, Tết âm lịch", "Lunar festivals",
	    "festival", 0, 0, 365, 5 * 365, NULL, NULL, 0, 0 },
	{ "activities", "Hoạt động đã lên kế hoạch", "Planned activities",
	    NULL, 0, 1, 365, 5 * 365, NULL, NULL, 0, 0 },
};
const size_t config_nbuiltins = NELEM(config_builtins);

const char config_default_report_recipients[] = "Liên hiệp các tổ chức "
    "hữu nghị Việt Nam; Ban Chấp hành Liên hiệp";
const char config_default_report_recipients_en[] = "Viet Nam Union of "
    "Friendship Organisations; The Union's Executive Committee";
const char config_default_plan_recipients_head[] = "Liên hiệp các tổ chức "
    "hữu nghị Việt Nam (để báo cáo)";
const char config_default_plan_recipients_tail[] = "Các tổ chức thành "
    "viên (để thực hiện)";
const char config_default_plan_recipients_en[] = "Viet Nam Union of "
    "Friendship Organisations (to report); Member organisations (to "
    "implement)";
/* The cluster head reports to VUFO and sends the members their copy. */
const char config_default_cluster_recipients[] = "Liên hiệp các tổ chức "
    "hữu nghị Việt Nam (để báo cáo); Các Liên hiệp thành viên Cụm";
const char config_default_cluster_recipients_en[] = "Viet Nam Union of "
    "Friendship Organisations (to report); The member unions of the "
    "cluster";

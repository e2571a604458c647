/*
 * config: the defaults, every type of key with its bounds and its error
 * message (FILE:LINE: reason on stderr, which log.c writes), unknown keys
 * and sections, [feed NAME] sections and the bare [feed], and the
 * built-in feeds, added or overridden.
 */
#include <check.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "file.h"
#include "csv.h"
#include "util.h"

static char dir[64];
static char path[96];
static char errpath[96];

static void
setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/kyniem-test-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/k.conf", dir);
	snprintf(errpath, sizeof(errpath), "%s/stderr", dir);
	/* Messages start "kyniem: ", not a journald level. */
	unsetenv("JOURNAL_STREAM");
}

static void
teardown(void)
{
	unlink(path);
	unlink(errpath);
	ck_assert_int_eq(rmdir(dir), 0);
}

/*
 * Load file with stderr captured.  Returns what was printed (to free);
 * *rc is config_load()'s return value.
 */
static char *
capture(const char *file, struct config *cfg, int *rc)
{
	size_t len;
	char *err;
	int fd, saved;

	fflush(stderr);
	ck_assert_int_ge(saved = dup(2), 0);
	ck_assert_int_ge(fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC,
	    0600), 0);
	ck_assert_int_eq(dup2(fd, 2), 2);
	close(fd);
	*rc = config_load(cfg, file);
	fflush(stderr);
	ck_assert_int_eq(dup2(saved, 2), 2);
	close(saved);
	ck_assert_ptr_nonnull(err = file_read(errpath, &len));
	return err;
}

/* Write text to the test's config file and load it (see capture()). */
static char *
load(const char *text, struct config *cfg, int *rc)
{
	FILE *f;

	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	ck_assert_int_ge(fputs(text, f), 0);
	ck_assert_int_eq(fclose(f), 0);
	return capture(path, cfg, rc);
}

/* err is the one message config.c prints for line LINE of the test file. */
static void
want_error(const char *err, long line, const char *msg)
{
	char want[512];

	snprintf(want, sizeof(want), "kyniem: %s:%ld: %s\n", path, line, msg);
	ck_assert_str_eq(err, want);
}

/* Load text that must be accepted without a word on stderr. */
static void
load_ok(const char *text, struct config *cfg)
{
	char *err;
	int rc;

	err = load(text, cfg, &rc);
	ck_assert_msg(rc == 0, "rejected:\n%s\nwith: %s", text, err);
	ck_assert_str_eq(err, "");
	free(err);
}

START_TEST(defaults)
{
	static const char *const names[] = { "union", "all", "milestones",
	    "national-days", "lunar-festivals", "activities" };
	struct config cfg;
	int k;

	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	ck_assert_ptr_null(cfg.path);
	ck_assert_str_eq(cfg.db_path, "/var/lib/kyniem/kyniem.db");
	ck_assert_str_eq(cfg.backup_dir, "/var/lib/kyniem/backups");
	ck_assert_ptr_null(cfg.backup_key_file);
	ck_assert_int_eq(cfg.backup_daily, 7);
	ck_assert_int_eq(cfg.backup_weekly, 4);
	ck_assert_int_eq(cfg.backup_monthly, 12);
	ck_assert_int_eq(cfg.lang, LANG_VI);
	ck_assert_int_eq(cfg.rules.feb29_mar1, 0);
	for (k = 0; k < KIND_COUNT; k++)
		ck_assert_uint_eq(cfg.rules.milestones[k], MILESTONE_ALL);
	ck_assert_int_eq(cfg.meridian, LUNAR_HISTORICAL);
	ck_assert_str_eq(cfg.listen, "127.0.0.1:8080");
	ck_assert_ptr_null(cfg.base_url);
	ck_assert_str_eq(cfg.domain, "kyniem.invalid");
	ck_assert_int_eq(cfg.refresh_minutes, 720);
	ck_assert_int_eq(cfg.poll_seconds, 2);
	ck_assert_int_eq(cfg.max_connections, 4096);
	ck_assert_int_eq(cfg.max_per_address, 64);
	ck_assert_int_eq(cfg.header_timeout, 10);
	ck_assert_int_eq(cfg.connection_timeout, 15);
	ck_assert_ptr_null(cfg.smtp_url);
	ck_assert_ptr_null(cfg.smtp_from);
	ck_assert_int_eq(cfg.smtp_starttls, 1);
	ck_assert_ptr_null(cfg.smtp_username);
	ck_assert_ptr_null(cfg.smtp_password_file);
	ck_assert_int_eq(cfg.smtp_timeout, 30);
	ck_assert_ptr_null(cfg.smtp_cafile);
	ck_assert_int_eq(cfg.smtp_reuse, 1);
	ck_assert_str_eq(cfg.remind_offsets, "30d,7d,1d");
	ck_assert_int_eq(cfg.milestone_days, 90);
	ck_assert_ptr_null(cfg.org_name);
	ck_assert_ptr_null(cfg.org_province);
	/* Section 1.1: the reports' three to six occasions. */
	ck_assert_int_eq(cfg.plan_top, 6);
	ck_assert_int_eq(cfg.plan_min_score, 30);
	ck_assert_ptr_null(cfg.focus_countries);
	ck_assert_str_eq(cfg.focus, ",");
	ck_assert_int_eq(cfg.nremind, 3);
	for (k = 0; k < PLAN_S_COUNT; k++)
		ck_assert_uint_gt(cfg.plan_sel[k].n, 0);

	/* Only the built-in feeds, in their order, with the feed defaults. */
	ck_assert_uint_eq(cfg.nfeeds, NELEM(names));
	for (k = 0; k < (int)NELEM(names); k++) {
		const struct config_feed *f = &cfg.feeds[k];

		ck_assert_str_eq(f->name, names[k]);
		ck_assert_ptr_nonnull(f->title);
		ck_assert_int_eq(f->builtin, 1);
		ck_assert_int_eq(f->lang, LANG_VI);
		/* all.ics is kept within its budget by a shorter window;
		 * the union's own looks two years ahead, at most 4 events
		 * a day. */
		ck_assert_int_eq(f->days_back, k <= 1 ? 180 : 365);
		ck_assert_int_eq(f->days_ahead, k == 0 ? 2 * 365 : k == 1 ?
		    3 * 365 : 5 * 365);
		ck_assert_int_eq(f->suggested, k == 0);
		ck_assert_int_eq(f->max_per_day, k == 0 ? 4 : 0);
		ck_assert_int_eq(f->max_bytes, FEED_MAX_BYTES);
		ck_assert_int_eq(f->alarm_minutes, -1);
		ck_assert_ptr_null(f->token);
		ck_assert_ptr_null(f->countries);
		ck_assert_ptr_eq(config_feed_find(&cfg, names[k]), f);
	}
	ck_assert_str_eq(cfg.feeds[0].title, "Lịch của Liên hiệp");
	ck_assert_int_eq(cfg.feeds[0].activities, 0);
	ck_assert_str_eq(cfg.feeds[1].title, "Kỷ niệm: tất cả các ngày");
	ck_assert_ptr_null(cfg.feeds[1].kinds);
	ck_assert_uint_eq(cfg.feeds[2].milestones, MILESTONE_ALL);
	ck_assert_uint_eq(cfg.feeds[1].milestones, 0);
	ck_assert_str_eq(cfg.feeds[3].kinds, "national-day");
	ck_assert_str_eq(cfg.feeds[4].kinds, "festival");
	ck_assert_int_eq(cfg.feeds[5].activities, 1);
	ck_assert_int_eq(cfg.feeds[0].activities, 0);
	ck_assert_ptr_null(config_feed_find(&cfg, "nope"));
	config_release(&cfg);
	/* Released, the struct is empty and may be released again. */
	ck_assert_ptr_null(cfg.feeds);
	ck_assert_uint_eq(cfg.nfeeds, 0);
	config_release(&cfg);
}
END_TEST

/*
 * Integer keys: both bounds are accepted, one past either bound is not,
 * and neither is a number with trailing garbage.  Keys of [feed NAME] are
 * read from feed "t".
 */
static const struct {
	const char *section, *key;
	long min, max;
	size_t off;
	int feed;
} ints[] = {
	{ "backup", "keep_daily", 1, 3660,
	    offsetof(struct config, backup_daily), 0 },
	{ "backup", "keep_monthly", 0, 1200,
	    offsetof(struct config, backup_monthly), 0 },
	{ "backup", "keep_weekly", 0, 520,
	    offsetof(struct config, backup_weekly), 0 },
	{ "feed t", "alarm_minutes", -1, 525600,
	    offsetof(struct config_feed, alarm_minutes), 1 },
	{ "feed t", "days_ahead", 0, 36600,
	    offsetof(struct config_feed, days_ahead), 1 },
	{ "feed t", "days_back", 0, 36600,
	    offsetof(struct config_feed, days_back), 1 },
	{ "reminders", "milestone_days", 0, 3660,
	    offsetof(struct config, milestone_days), 0 },
	{ "server", "connection_timeout", 1, 3600,
	    offsetof(struct config, connection_timeout), 0 },
	{ "server", "max_connections", 1, 100000,
	    offsetof(struct config, max_connections), 0 },
	{ "server", "poll_seconds", 1, 3600,
	    offsetof(struct config, poll_seconds), 0 },
	{ "server", "refresh_minutes", 1, 100000,
	    offsetof(struct config, refresh_minutes), 0 },
	{ "smtp", "timeout", 1, 3600, offsetof(struct config, smtp_timeout),
	    0 },
};

static int
int_value(const struct config *cfg, size_t i)
{
	const char *base = (const char *)cfg;

	if (ints[i].feed) {
		base = (const char *)config_feed_find(cfg, "t");
		ck_assert_ptr_nonnull(base);
	}
	return *(const int *)(const void *)(base + ints[i].off);
}

/* [categories]: the reports' nine by default, in the report's order; a
 * section replaces them; bad keys and values by line. */
/* The backups go beside the database wherever it is, unless set. */
START_TEST(backup_dir)
{
	static const struct {
		const char *text, *dir;
	} cases[] = {
		{ "[database]\npath = /srv/u/k.db\n", "/srv/u/backups" },
		{ "[database]\npath = k.db\n", "backups" },
		{ "[database]\npath = /k.db\n", "/backups" },
		{ "[database]\npath = /srv/u/k.db\n[backup]\ndir = /mnt/b\n",
		    "/mnt/b" },
	};
	struct config cfg;
	size_t i;
	char *err;
	int rc;

	for (i = 0; i < NELEM(cases); i++) {
		err = load(cases[i].text, &cfg, &rc);
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(err, "");
		ck_assert_str_eq(cfg.backup_dir, cases[i].dir);
		free(err);
		config_release(&cfg);
	}
}
END_TEST

START_TEST(categories)
{
	struct config cfg;
	char *err;
	int rc;

	load_ok("[general]\nlang = vi\n", &cfg);
	ck_assert_uint_eq(cfg.ncategories, 10);
	ck_assert_str_eq(cfg.categories[0].key, "delegation-out");
	ck_assert_str_eq(cfg.categories[0].name_vi, "Đoàn ra");
	ck_assert_str_eq(cfg.categories[9].key, "other");
	ck_assert_str_eq(config_category_find(&cfg, "ngo")->name_vi,
	    "Công tác phi chính phủ nước ngoài");
	ck_assert_ptr_null(config_category_find(&cfg, "gala"));
	config_release(&cfg);
	load_ok("[categories]\nngo = Công tác PCPNN | NGO work \n"
	    "delegation = Đoàn ra, đoàn vào\n", &cfg);
	ck_assert_uint_eq(cfg.ncategories, 2);
	ck_assert_str_eq(cfg.categories[0].name_vi, "Công tác PCPNN");
	ck_assert_str_eq(cfg.categories[0].name_en, "NGO work");
	ck_assert_str_eq(cfg.categories[1].name_en, "Đoàn ra, đoàn vào");
	config_release(&cfg);
	err = load("[categories]\nNGO = x\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	want_error(err, 2, "a category key must be 1-32 of a-z 0-9 -, not "
	    "'NGO'");
	free(err);
	config_release(&cfg);
	err = load("[categories]\nngo = | NGO\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	want_error(err, 2, "want 'Vietnamese name | English name' for 'ngo': "
	    "| NGO");
	free(err);
	config_release(&cfg);
}
END_TEST

START_TEST(int_bounds)
{
	const long good[] = { ints[_i].min, ints[_i].max };
	char text[256], bad[4][32], msg[256];
	struct config cfg;
	char *err;
	size_t j;
	int rc;

	for (j = 0; j < NELEM(good); j++) {
		snprintf(text, sizeof(text), "[%s]\n%s = %ld\n",
		    ints[_i].section, ints[_i].key, good[j]);
		load_ok(text, &cfg);
		ck_assert_int_eq(int_value(&cfg, _i), good[j]);
		config_release(&cfg);
	}
	snprintf(bad[0], sizeof(bad[0]), "%ld", ints[_i].min - 1);
	snprintf(bad[1], sizeof(bad[1]), "%ld", ints[_i].max + 1);
	snprintf(bad[2], sizeof(bad[2]), "%ldx", ints[_i].min);
	snprintf(bad[3], sizeof(bad[3]), "soon");
	for (j = 0; j < NELEM(bad); j++) {
		snprintf(text, sizeof(text), "[%s]\n%s = %s\n",
		    ints[_i].section, ints[_i].key, bad[j]);
		err = load(text, &cfg, &rc);
		ck_assert_int_eq(rc, -1);
		snprintf(msg, sizeof(msg), "bad number for '%s': %s",
		    ints[_i].key, bad[j]);
		want_error(err, 2, msg);
		free(err);
		config_release(&cfg);
	}
}
END_TEST

/*
 * Keys with a fixed set of values: each accepted spelling and the value
 * it sets, then a refused one with its message.
 */
enum field { GEN_LANG, GEN_FEB29, GEN_MERIDIAN, SMTP_STARTTLS, SMTP_REUSE,
    FEED_LANG, FEED_ACTIVITIES, FEED_MILESTONES, MS_RELATION, MS_LOCAL,
    ORG_NUMBER };

static const struct {
	const char *text;
	enum field field;
	int want;		/* the value set; -1: refused */
	const char *err;	/* the message for line 2 when refused */
} values[] = {
	{ "[general]\nlang = en\n", GEN_LANG, LANG_EN, NULL },
	{ "[general]\nlang = vi\n", GEN_LANG, LANG_VI, NULL },
	{ "[general]\nlang = fr\n", GEN_LANG, -1,
	    "lang must be vi or en, not 'fr'" },
	{ "[general]\nlang = EN\n", GEN_LANG, -1,
	    "lang must be vi or en, not 'EN'" },
	{ "[general]\nfeb29 = mar1\n", GEN_FEB29, 1, NULL },
	{ "[general]\nfeb29 = feb28\n", GEN_FEB29, 0, NULL },
	{ "[general]\nfeb29 = mar01\n", GEN_FEB29, -1,
	    "feb29 must be feb28 or mar1, not 'mar01'" },
	{ "[general]\nmeridian = utc7\n", GEN_MERIDIAN, LUNAR_UTC7, NULL },
	{ "[general]\nmeridian = utc8\n", GEN_MERIDIAN, LUNAR_UTC8, NULL },
	{ "[general]\nmeridian = historical\n", GEN_MERIDIAN,
	    LUNAR_HISTORICAL, NULL },
	{ "[general]\nmeridian = utc9\n", GEN_MERIDIAN, -1,
	    "meridian must be historical, utc7 or utc8, not 'utc9'" },
	{ "[smtp]\nstarttls = off\n", SMTP_STARTTLS, 0, NULL },
	{ "[smtp]\nstarttls = required\n", SMTP_STARTTLS, 1, NULL },
	{ "[smtp]\nstarttls = yes\n", SMTP_STARTTLS, -1,
	    "starttls must be required or off, not 'yes'" },
	{ "[smtp]\nreuse = no\n", SMTP_REUSE, 0, NULL },
	{ "[smtp]\nreuse = false\n", SMTP_REUSE, 0, NULL },
	{ "[smtp]\nreuse = yes\n", SMTP_REUSE, 1, NULL },
	{ "[smtp]\nreuse = true\n", SMTP_REUSE, 1, NULL },
	{ "[smtp]\nreuse = on\n", SMTP_REUSE, -1,
	    "want yes or no for 'reuse': on" },
	{ "[smtp]\nreuse = 1\n", SMTP_REUSE, -1,
	    "want yes or no for 'reuse': 1" },
	{ "[feed t]\nlang = en\n", FEED_LANG, LANG_EN, NULL },
	{ "[feed t]\nlang = de\n", FEED_LANG, -1,
	    "lang must be vi or en, not 'de'" },
	{ "[feed t]\nactivities = yes\n", FEED_ACTIVITIES, 1, NULL },
	{ "[feed t]\nactivities = maybe\n", FEED_ACTIVITIES, -1,
	    "want yes or no for 'activities': maybe" },
	{ "[feed t]\nmilestones = round, decade\n", FEED_MILESTONES,
	    (1 << MILESTONE_ROUND) | (1 << MILESTONE_DECADE), NULL },
	{ "[feed t]\nmilestones = jubilee\n", FEED_MILESTONES,
	    1 << MILESTONE_JUBILEE, NULL },
	{ "[feed t]\nmilestones = none\n", FEED_MILESTONES, 0, NULL },
	{ "[feed t]\nmilestones = round, tiny\n", FEED_MILESTONES, -1,
	    "milestones must be a list of round, decade, jubilee (or none), "
	    "not 'round, tiny'" },
	{ "[milestones]\nrelation = decade,jubilee\n", MS_RELATION,
	    (1 << MILESTONE_DECADE) | (1 << MILESTONE_JUBILEE), NULL },
	{ "[milestones]\nlocal = none\n", MS_LOCAL, 0, NULL },
	{ "[milestones]\nrelation = all\n", MS_RELATION, -1,
	    "milestones must be a list of round, decade, jubilee (or none), "
	    "not 'all'" },
	{ "[milestones]\nbogus = round\n", MS_RELATION, -1,
	    "unknown kind 'bogus' in [milestones]" },
	{ "[plan]\ntop = 101\n", GEN_LANG, -1, "bad number for 'top': 101" },
	{ "[plan]\nmin_score = -1\n", GEN_LANG, -1,
	    "bad number for 'min_score': -1" },
	/* The symbol's abbreviation goes after "/KH-": one short word. */
	{ "[organisation]\nabbrev = LH/HN\n", GEN_LANG, -1,
	    "abbrev must be one word without '/' (e.g. LHHN), not 'LH/HN'" },
	{ "[organisation]\nabbrev = LH HN\n", GEN_LANG, -1,
	    "abbrev must be one word without '/' (e.g. LHHN), not 'LH HN'" },
	{ "[organisation]\nabbrev = ABCDEFGHIJKLMNOPQRSTU\n", GEN_LANG, -1,
	    "the value of 'abbrev': is longer than the limit" },
	{ "[organisation]\nsigner = \x01\n", GEN_LANG, -1,
	    "the value of 'signer': contains a control character" },
	{ "[organisation]\nnumber_style = party\n", ORG_NUMBER, 1, NULL },
	{ "[organisation]\nnumber_style = state\n", ORG_NUMBER, 0, NULL },
	{ "[organisation]\nnumber_style = Party\n", ORG_NUMBER, -1,
	    "number_style must be state or party, not 'Party'" },
};

static int
field_value(const struct config *cfg, enum field fld)
{
	const struct config_feed *f = config_feed_find(cfg, "t");

	switch (fld) {
	case GEN_LANG:
		return cfg->lang;
	case GEN_FEB29:
		return cfg->rules.feb29_mar1;
	case GEN_MERIDIAN:
		return cfg->meridian;
	case SMTP_STARTTLS:
		return cfg->smtp_starttls;
	case SMTP_REUSE:
		return cfg->smtp_reuse;
	case MS_RELATION:
		return (int)cfg->rules.milestones[KIND_RELATION];
	case MS_LOCAL:
		return (int)cfg->rules.milestones[KIND_LOCAL];
	case ORG_NUMBER:
		return cfg->org_number_party;
	default:
		break;
	}
	ck_assert_ptr_nonnull(f);
	switch (fld) {
	case FEED_LANG:
		return f->lang;
	case FEED_ACTIVITIES:
		return f->activities;
	case FEED_MILESTONES:
		return (int)f->milestones;
	default:
		ck_abort_msg("no field %d", fld);
	}
	return -1;
}

START_TEST(enum_values)
{
	struct config cfg;
	char *err;
	int rc;

	if (values[_i].want >= 0) {
		load_ok(values[_i].text, &cfg);
		ck_assert_int_eq(field_value(&cfg, values[_i].field),
		    values[_i].want);
	} else {
		err = load(values[_i].text, &cfg, &rc);
		ck_assert_int_eq(rc, -1);
		want_error(err, 2, values[_i].err);
		free(err);
	}
	config_release(&cfg);
}
END_TEST

/* "Nơi nhận": one entry a line or ';' between them; the defaults name
 * the parent body; name_lines must be the name. */
START_TEST(recipients)
{
	struct config cfg;
	char *err;
	int rc;

	load_ok("[report]\nrecipients = Thường trực Tỉnh ủy (b/c);\n"
	    "  UBND tỉnh (b/c)\n  Lưu: VT\n[plan]\nrecipients_en = A; B\n",
	    &cfg);
	ck_assert_str_eq(cfg.report_recipients, "Thường trực Tỉnh ủy (b/c);; "
	    "UBND tỉnh (b/c); Lưu: VT");
	ck_assert_str_eq(cfg.plan_recipients_en, "A; B");
	ck_assert_str_eq(cfg.report_recipients_en, "Viet Nam Union of "
	    "Friendship Organisations; The Union's Executive Committee");
	config_release(&cfg);
	load_ok("[organisation]\nparent = Ủy ban MTTQ Việt Nam tỉnh Phú Yên\n"
	    "name = Liên hiệp hữu nghị tỉnh Phú Yên\n"
	    "name_lines = Liên hiệp hữu nghị |  tỉnh Phú Yên\n", &cfg);
	ck_assert_str_eq(cfg.plan_recipients, "Liên hiệp các tổ chức hữu "
	    "nghị Việt Nam (để báo cáo); Ủy ban MTTQ Việt Nam tỉnh Phú Yên (để "
	    "báo cáo); Các tổ chức thành viên (để thực hiện)");
	ck_assert_str_eq(cfg.org_name_lines, "Liên hiệp hữu nghị |  tỉnh Phú "
	    "Yên");
	config_release(&cfg);
	err = load("[organisation]\nname = Liên hiệp hữu nghị tỉnh Phú Yên\n"
	    "name_lines = Liên hiệp hữu | nghị tỉnh Phú Thọ\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(err, "[organisation] name_lines 'Liên hiệp hữu | "
	    "nghị tỉnh Phú Thọ' is not the name 'Liên hiệp hữu nghị tỉnh Phú "
	    "Yên' with '|' where its lines break") != NULL, "%s", err);
	free(err);
	config_release(&cfg);
}
END_TEST

/* Every string key lands in its field; a key given twice keeps the last. */
static const struct {
	const char *section, *key;
	size_t off;
} strs[] = {
	{ "backup", "dir", offsetof(struct config, backup_dir) },
	{ "database", "path", offsetof(struct config, db_path) },
	{ "organisation", "focus_countries",
	    offsetof(struct config, focus_countries) },
	{ "organisation", "name", offsetof(struct config, org_name) },
	{ "organisation", "name_en", offsetof(struct config, org_name_en) },
	{ "organisation", "parent", offsetof(struct config, org_parent) },
	{ "organisation", "place", offsetof(struct config, org_place) },
	{ "organisation", "province", offsetof(struct config, org_province) },
	{ "organisation", "signer", offsetof(struct config, org_signer) },
	{ "organisation", "signer_title",
	    offsetof(struct config, org_signer_title) },
	{ "organisation", "signer_title_en",
	    offsetof(struct config, org_signer_title_en) },
	{ "server", "base_url", offsetof(struct config, base_url) },
	{ "server", "domain", offsetof(struct config, domain) },
	{ "server", "listen", offsetof(struct config, listen) },
	{ "smtp", "cafile", offsetof(struct config, smtp_cafile) },
	{ "smtp", "from", offsetof(struct config, smtp_from) },
	{ "smtp", "password_file",
	    offsetof(struct config, smtp_password_file) },
	{ "smtp", "username", offsetof(struct config, smtp_username) },
};

START_TEST(strings)
{
	struct config cfg;
	char text[256];
	const char *got;

	snprintf(text, sizeof(text), "[%s]\n%s = Khánh Hòa, Nha Trang\n",
	    strs[_i].section, strs[_i].key);
	load_ok(text, &cfg);
	got = *(char *const *)(const void *)((const char *)&cfg +
	    strs[_i].off);
	ck_assert_pstr_eq(got, "Khánh Hòa, Nha Trang");
	config_release(&cfg);
}
END_TEST

START_TEST(plan_map)
{
	struct config cfg;
	char *err;
	int rc;

	/* A section's selector replaces the default, compiled at load. */
	load_ok("[plan]\ntop = 3\nmin_score = 0\n", &cfg);
	ck_assert_int_eq(cfg.plan_top, 3);
	ck_assert_int_eq(cfg.plan_min_score, 0);
	config_release(&cfg);

	load_ok("[plan]\nsection_1_1 = country:se+milestone\n"
	    "section_3 = key:relation:MN, kind:relation|partnership\n", &cfg);
	ck_assert_uint_eq(cfg.plan_sel[PLAN_S_1_1].n, 1);
	ck_assert_uint_eq(cfg.plan_sel[PLAN_S_1_1].v[0].n, 2);
	ck_assert_int_eq(cfg.plan_sel[PLAN_S_1_1].v[0].t[0].type,
	    SEL_COUNTRY);
	ck_assert_str_eq(cfg.plan_sel[PLAN_S_1_1].v[0].t[0].vals[0], "SE");
	ck_assert_int_eq(cfg.plan_sel[PLAN_S_1_1].v[0].t[1].type,
	    SEL_MILESTONE);
	ck_assert_uint_eq(cfg.plan_sel[PLAN_S_3].n, 2);
	ck_assert_uint_eq(cfg.plan_sel[PLAN_S_3].v[1].t[0].mask,
	    (1u << KIND_RELATION) | (1u << KIND_PARTNERSHIP));
	/* The others keep the default (1.2: four alternatives). */
	ck_assert_uint_eq(cfg.plan_sel[PLAN_S_1_2].n, 4);
	config_release(&cfg);

	err = load("[plan]\n\nsection_1_2 = kind:relation+bogus\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(err, ":3: bad selector for 'section_1_2': "
	    "'bogus': unknown term") != NULL, "%s", err);
	free(err);
	config_release(&cfg);
}
END_TEST

/*
 * A file with several errors: each one reported with its own line (blank
 * lines and comments counted), none stopping the others, and the good
 * keys between them still read.
 */
START_TEST(every_error_with_its_line)
{
	static const char text[] =
	    "# kyniem.conf\n"				/* 1 */
	    "[database]\n"				/* 2 */
	    "path = /tmp/x.db\n"			/* 3 */
	    "colour = blue\n"				/* 4 */
	    "\n"					/* 5 */
	    "; a comment\n"				/* 6 */
	    "[server]\n"				/* 7 */
	    "poll_seconds = soon\n"			/* 8 */
	    "refresh_minutes = 60\n"			/* 9 */
	    "[nosuch]\n"				/* 10 */
	    "key = 1\n"					/* 11 */
	    "[general]\n"				/* 12 */
	    "title = x\n"				/* 13 */
	    "lang = en\n"				/* 14 */
	    "[server]\n"				/* 15 */
	    "path = /elsewhere\n";			/* 16 */
	struct config cfg;
	char *err, want[2048];
	int rc;

	err = load(text, &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	snprintf(want, sizeof(want),
	    "kyniem: %s:4: unknown key 'colour' in [database]\n"
	    "kyniem: %s:8: bad number for 'poll_seconds': soon\n"
	    "kyniem: %s:11: unknown key 'key' in [nosuch]\n"
	    "kyniem: %s:13: unknown key 'title' in [general]\n"
	    "kyniem: %s:15: duplicate section [server] (first on line 7)\n"
	    "kyniem: %s:16: unknown key 'path' in [server]\n",
	    path, path, path, path, path, path);
	ck_assert_str_eq(err, want);
	/* The good keys around the bad ones were read. */
	ck_assert_str_eq(cfg.db_path, "/tmp/x.db");
	ck_assert_int_eq(cfg.refresh_minutes, 60);
	ck_assert_int_eq(cfg.lang, LANG_EN);
	ck_assert_int_eq(cfg.poll_seconds, 2);
	free(err);
	config_release(&cfg);
}
END_TEST

START_TEST(syntax_error)
{
	struct config cfg;
	char *err, want[256];
	int rc;

	err = load("[server]\npoll_seconds = 3\njust some words\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	snprintf(want, sizeof(want), "kyniem: %s:3: syntax error", path);
	ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "%s", err);
	ck_assert_int_eq(cfg.poll_seconds, 3);
	free(err);
	config_release(&cfg);
}
END_TEST

START_TEST(missing_file)
{
	struct config cfg;
	char *err, none[128], want[256];
	int rc;

	snprintf(none, sizeof(none), "%s/none.conf", dir);
	err = capture(none, &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_pstr_eq(cfg.path, none);
	snprintf(want, sizeof(want), "kyniem: cannot open config '%s': "
	    "No such file or directory\n", none);
	ck_assert_str_eq(err, want);
	free(err);
	config_release(&cfg);
}
END_TEST

/*
 * [feed NAME]: the names allowed, and what a bad one costs.  (The longest
 * name that works today has 44 characters: see long_feed_name.)
 */
static const struct {
	const char *name;
	int ok;
} feed_names[] = {
	{ "laos-cambodia", 1 }, { "a", 1 }, { "x_1", 1 }, { "2024", 1 },
	{ "abcdefghij-abcdefghij-abcdefghij-abcdefghijk", 1 },	/* 44 */
	{ "Bad Name", 0 }, { "UPPER", 0 }, { "a.b", 0 }, { "a/b", 0 },
	{ "lào", 0 }, { "", 0 },
};

START_TEST(feed_name)
{
	struct config cfg;
	char text[256], msg[256];
	char *err;
	int rc;

	snprintf(text, sizeof(text), "[feed %s]\ntitle = T\ncountries = LA\n"
	    "[general]\nlang = en\n", feed_names[_i].name);
	if (feed_names[_i].ok) {
		const struct config_feed *f;

		load_ok(text, &cfg);
		ck_assert_uint_eq(cfg.nfeeds, 7);
		f = config_feed_find(&cfg, feed_names[_i].name);
		ck_assert_ptr_eq(f, &cfg.feeds[0]);
		ck_assert_str_eq(f->title, "T");
		ck_assert_str_eq(f->countries, "LA");
		ck_assert_int_eq(f->builtin, 0);
	} else {
		/* One message for the name; its keys are not reported
		 * again, and the sections after it are read. */
		err = load(text, &cfg, &rc);
		ck_assert_int_eq(rc, -1);
		snprintf(msg, sizeof(msg), "feed name must be a-z 0-9 - _, "
		    "not '%s'", feed_names[_i].name);
		want_error(err, 2, msg);
		ck_assert_uint_eq(cfg.nfeeds, 6);
		ck_assert_int_eq(cfg.lang, LANG_EN);
		free(err);
	}
	config_release(&cfg);
}
END_TEST

START_TEST(feed_sections)
{
	struct config cfg;
	const struct config_feed *f;

	/* Feed defaults, every feed key, and a section that comes back. */
	load_ok("[feed laos]\ntitle = Lào\ndescription = Các ngày của Lào\n"
	    "kinds = relation, national-day\ncountries = LA\ntags = asean\n"
	    "token = s3cret\nalarm_minutes = 1440\n[general]\nlang = en\n"
	    "[feed other]\ndays_back = 0\nmax_per_day = 3\n", &cfg);
	ck_assert_uint_eq(cfg.nfeeds, 8);
	f = config_feed_find(&cfg, "laos");
	ck_assert_ptr_eq(f, &cfg.feeds[0]);
	ck_assert_str_eq(f->title, "Lào");
	ck_assert_str_eq(f->description, "Các ngày của Lào");
	ck_assert_str_eq(f->kinds, "relation, national-day");
	ck_assert_str_eq(f->countries, "LA");
	ck_assert_str_eq(f->tags, "asean");
	ck_assert_str_eq(f->token, "s3cret");
	ck_assert_int_eq(f->alarm_minutes, 1440);
	ck_assert_int_eq(f->days_back, 365);
	ck_assert_int_eq(f->days_ahead, 5 * 365);
	ck_assert_uint_eq(f->milestones, 0);
	ck_assert_int_eq(f->activities, 0);
	ck_assert_int_eq(f->builtin, 0);
	f = config_feed_find(&cfg, "other");
	ck_assert_ptr_eq(f, &cfg.feeds[1]);
	ck_assert_int_eq(f->days_back, 0);
	ck_assert_int_eq(f->max_per_day, 3);
	ck_assert_int_eq(f->suggested, 0);
	ck_assert_ptr_null(f->title);
	/* The built-ins follow, in [general]'s language. */
	ck_assert_str_eq(cfg.feeds[3].name, "all");
	ck_assert_int_eq(cfg.feeds[3].builtin, 1);
	ck_assert_int_eq(cfg.feeds[3].lang, LANG_EN);
	config_release(&cfg);
}
END_TEST

/*
 * A bare [feed] is no feed: its keys are unknown (they once landed at
 * struct config_feed offsets inside struct config), nothing is added, and
 * the config around it is intact.
 */
START_TEST(bare_feed)
{
	struct config cfg;
	char *err, want[512];
	int rc;

	err = load("[database]\npath = /tmp/k.db\n[feed]\ncountries = LA\n"
	    "token = s3cret\ntitle = T\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	snprintf(want, sizeof(want),
	    "kyniem: %s:4: unknown key 'countries' in [feed]\n"
	    "kyniem: %s:5: unknown key 'token' in [feed]\n"
	    "kyniem: %s:6: unknown key 'title' in [feed]\n", path, path, path);
	ck_assert_str_eq(err, want);
	ck_assert_uint_eq(cfg.nfeeds, 6);
	ck_assert_str_eq(cfg.db_path, "/tmp/k.db");
	ck_assert_str_eq(cfg.listen, "127.0.0.1:8080");
	ck_assert_str_eq(cfg.domain, "kyniem.invalid");
	free(err);
	config_release(&cfg);

	/* And a feed key outside any feed is unknown too. */
	err = load("[server]\ntoken = s3cret\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	want_error(err, 2, "unknown key 'token' in [server]");
	free(err);
	config_release(&cfg);
}
END_TEST

/*
 * A section named after a built-in replaces it: one feed of that name,
 * first, not built-in, with the built-in's settings and the section's
 * keys over them.  The other built-ins stay.  "[feed activities]" with a
 * token alone is the activities feed behind a token, not a feed of every
 * date (whose token the plans would not take).
 */
START_TEST(builtin_overridden)
{
	struct config cfg;
	const struct config_feed *f;
	size_t i, n = 0;

	load_ok("[feed milestones]\ntitle = Năm tròn\ncountries = JP\n", &cfg);
	ck_assert_uint_eq(cfg.nfeeds, 6);
	for (i = 0; i < cfg.nfeeds; i++)
		n += strcmp(cfg.feeds[i].name, "milestones") == 0;
	ck_assert_uint_eq(n, 1);
	f = config_feed_find(&cfg, "milestones");
	ck_assert_ptr_eq(f, &cfg.feeds[0]);
	ck_assert_int_eq(f->builtin, 0);
	ck_assert_str_eq(f->title, "Năm tròn");
	ck_assert_str_eq(f->countries, "JP");
	ck_assert_uint_eq(f->milestones, MILESTONE_ALL);
	ck_assert_int_eq(f->activities, 0);
	ck_assert_str_eq(cfg.feeds[1].name, "union");
	ck_assert_str_eq(cfg.feeds[2].name, "all");
	ck_assert_str_eq(cfg.feeds[5].name, "activities");
	ck_assert_int_eq(cfg.feeds[5].builtin, 1);
	config_release(&cfg);
	load_ok("[feed activities]\ntoken = s3cret\n", &cfg);
	f = config_feed_find(&cfg, "activities");
	ck_assert_ptr_eq(f, &cfg.feeds[0]);
	ck_assert_int_eq(f->activities, 1);
	ck_assert_str_eq(f->token, "s3cret");
	ck_assert_str_eq(f->title, "Hoạt động đã lên kế hoạch");
	ck_assert_int_eq(f->days_back, 365);
	config_release(&cfg);
	load_ok("[feed national-days]\nkinds = relation\ndays_ahead = 30\n",
	    &cfg);
	f = config_feed_find(&cfg, "national-days");
	ck_assert_str_eq(f->kinds, "relation");
	ck_assert_int_eq(f->days_ahead, 30);
	ck_assert_int_eq(f->days_back, 365);
	config_release(&cfg);
	/* The union's feed behind a token keeps its selection and cap. */
	load_ok("[feed union]\ntoken = s3cret\n", &cfg);
	f = config_feed_find(&cfg, "union");
	ck_assert_ptr_eq(f, &cfg.feeds[0]);
	ck_assert_int_eq(f->suggested, 1);
	ck_assert_int_eq(f->max_per_day, 4);
	ck_assert_str_eq(f->title, "Lịch của Liên hiệp");
	ck_assert_ptr_nonnull(f->description);
	ck_assert_uint_eq(f->sel.n, 3);	/* no province: no tag */
	config_release(&cfg);
	load_ok("[organisation]\nprovince = Khánh Hòa\n", &cfg);
	f = config_feed_find(&cfg, "union");
	ck_assert_uint_eq(f->sel.n, 4);	/* focus, milestone, local, tag */
	ck_assert_str_eq(f->sel.v[3].t[0].vals[0], "khanh-hoa");
	config_release(&cfg);
}
END_TEST

/*
 * libinih reads into fixed buffers (in Debian's build, 200 bytes a line,
 * 50 a section name); config.c refuses what they would cut.
 *
 * A longer line: the value must be read whole, or the line refused with
 * its own number, and the lines after it keep their numbers.  Today the
 * value is cut at 197 bytes and the rest read as a line of its own (a
 * continuation that replaces the value when it starts with a space, a
 * syntax error otherwise), and every later line number is one too high.
 */
START_TEST(long_line)
{
	struct config cfg;
	char value[512], text[1024], want[256], *err;
	size_t n;
	int rc;

	/* focus_countries listing 58 countries: a 249-byte line. */
	n = (size_t)snprintf(value, sizeof(value), "LA");
	while (n < 230)
		n += (size_t)snprintf(value + n, sizeof(value) - n, ", KH");
	snprintf(text, sizeof(text), "[organisation]\nfocus_countries = %s\n"
	    "[server]\nbogus = 1\n", value);
	err = load(text, &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	snprintf(want, sizeof(want), "kyniem: %s:4: unknown key 'bogus' in "
	    "[server]\n", path);
	/* Either refused on line 2, then line 4; or read whole. */
	if (strstr(err, ":2: ") != NULL) {
		ck_assert_ptr_nonnull(strstr(err, want));
	} else {
		ck_assert_str_eq(err, want);
		ck_assert_pstr_eq(cfg.focus_countries, value);
	}
	free(err);
	config_release(&cfg);
}
END_TEST

/*
 * A section name is cut at 49 bytes by libinih, so [feed NAME] takes
 * names of 44 characters at most; a longer one is refused on its line
 * (it would otherwise silently become a feed of its first 44
 * characters, served under another URL), and its keys are not read.
 */
START_TEST(long_feed_name)
{
	static const char n44[] = "abcdefghij-abcdefghij-abcdefghij-"
	    "abcdefghijk";
	static const char n45[] = "abcdefghij-abcdefghij-abcdefghij-"
	    "abcdefghijkl";
	struct config cfg;
	char text[256], *err;
	int rc;

	ck_assert_uint_eq(strlen(n44), 44);
	snprintf(text, sizeof(text), "[feed %s]\ntitle = T\n", n44);
	load_ok(text, &cfg);
	ck_assert_ptr_nonnull(config_feed_find(&cfg, n44));
	config_release(&cfg);

	snprintf(text, sizeof(text), "[feed %s]\ntitle = T\n[server]\n"
	    "bogus = 1\n", n45);
	err = load(text, &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(err, ":1: section name longer than 49 bytes\n")
	    != NULL, "%s", err);
	ck_assert_msg(strstr(err, ":4: unknown key 'bogus' in [server]") !=
	    NULL, "%s", err);
	ck_assert_ptr_null(strstr(err, "title"));
	ck_assert_uint_eq(cfg.nfeeds, 6);
	free(err);
	config_release(&cfg);
}
END_TEST

/* Duplicate keys and sections are errors naming both lines. */
START_TEST(duplicates)
{
	struct config cfg;
	char *err, want[512];
	int rc;

	err = load("[server]\nlisten = 127.0.0.1:1\nlisten = 127.0.0.1:2\n"
	    "[feed a]\ntitle = A\n[feed a]\ntitle = B\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	snprintf(want, sizeof(want),
	    "kyniem: %s:3: duplicate key 'listen' in [server] (first on "
	    "line 2)\n"
	    "kyniem: %s:6: duplicate section [feed a] (first on line 4)\n"
	    "kyniem: %s:7: duplicate key 'title' in [feed a] (first on "
	    "line 5)\n", path, path, path);
	ck_assert_str_eq(err, want);
	ck_assert_str_eq(cfg.listen, "127.0.0.1:1");
	free(err);
	config_release(&cfg);
}
END_TEST

/* Regression: "offsets = soon" was taken and disabled every reminder. */
START_TEST(offsets)
{
	struct config cfg;
	char *err;
	int rc;

	load_ok("[reminders]\noffsets = 2w, 3d, 12h\n", &cfg);
	ck_assert_int_eq(cfg.nremind, 3);
	ck_assert_int_eq(cfg.remind_secs[0], 14 * 86400L);
	ck_assert_int_eq(cfg.remind_secs[2], 12 * 3600L);
	config_release(&cfg);
	err = load("[reminders]\noffsets = soon\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	want_error(err, 2, "offsets must be a list like 30d,7d,1d (w, d or h; "
	    "at most 16), not 'soon'");
	free(err);
	config_release(&cfg);
}
END_TEST

/* [letters]: english compiles like contacts (none by default), a bad
 * term is refused by line; the templates resolve next to the file. */
START_TEST(letters_keys)
{
	struct config cfg;
	char *err, *p, want[600];
	int rc;

	load_ok("[letters]\ncontacts = embassy:LA, embassy:KH\n"
	    "english = embassy:KH\ntemplate_en = /srv/en.txt\n", &cfg);
	ck_assert_int_eq(contact_sel_match(&cfg.letters_english_sel,
	    "embassy:KH", "embassy", "KH", cfg.focus), 1);
	ck_assert_int_eq(contact_sel_match(&cfg.letters_english_sel,
	    "embassy:LA", "embassy", "LA", cfg.focus), 0);
	ck_assert_str_eq(p = config_letter_template(&cfg, LANG_EN),
	    "/srv/en.txt");
	free(p);
	p = config_letter_template(&cfg, LANG_VI);
	snprintf(want, sizeof(want), "%.*s/letter.vi.txt",
	    (int)(strrchr(path, '/') - path), path);
	ck_assert_str_eq(p, want);
	free(p);
	config_release(&cfg);
	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	ck_assert_uint_eq(cfg.letters_english_sel.n, 0);
	config_release(&cfg);
	err = load("[letters]\nenglish = kind:consul\n", &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	ck_assert_ptr_nonnull(strstr(err, ":2: bad list for 'english': "
	    "unknown term 'kind:consul'"));
	free(err);
	config_release(&cfg);
}
END_TEST

#define PUB1 "lWUG1+UMGcatbiFaX5RHY/anFdhKpugyeJaenxpjDeM="

/* [cluster] and its [cluster-member ID] sections: the members in the
 * order of the list, a section's settings with its member, a member
 * without one, [records] token. */
START_TEST(cluster)
{
	struct config cfg;
	const struct config_member *m;

	load_ok("[organisation]\nid = khanh-hoa\n"
	    "[cluster-member gia-lai]\nkey = " PUB1 "\n"
	    "url = https://gialai.example.org/records/{year}.json\n"
	    "token = t0k\n"
	    "[cluster]\nid = cum-3\nname = Cụm số 3\n"
	    "members = khanh-hoa, gia-lai,\n  dak-lak\nnext_head = dak-lak\n"
	    "[cluster-member dak-lak]\nkey = dak-lak ed25519 " PUB1 "\n"
	    "url = http://127.0.0.1:8080/records/{year}.json\n"
	    "[records]\ntoken = s3cret\n", &cfg);
	ck_assert_str_eq(cfg.org_id, "khanh-hoa");
	ck_assert_str_eq(cfg.cluster_id, "cum-3");
	ck_assert_str_eq(cfg.cluster_name, "Cụm số 3");
	ck_assert_str_eq(cfg.cluster_next_head, "dak-lak");
	ck_assert_str_eq(cfg.records_token, "s3cret");
	ck_assert_int_eq(cfg.cluster_max_bytes, 10 * 1024 * 1024);
	ck_assert_int_eq(cfg.cluster_timeout, 30);
	ck_assert_uint_eq(cfg.nmembers, 3);
	ck_assert_str_eq(cfg.members[0].id, "khanh-hoa");
	ck_assert_ptr_null(cfg.members[0].key);
	ck_assert_ptr_null(cfg.members[0].url);
	m = config_member_find(&cfg, "gia-lai");
	ck_assert_ptr_eq(m, &cfg.members[1]);
	ck_assert_str_eq(m->key, PUB1);
	ck_assert_str_eq(m->token, "t0k");
	/* key show's whole line: its last word. */
	ck_assert_str_eq(cfg.members[2].key, PUB1);
	ck_assert_ptr_null(config_member_find(&cfg, "quang-binh"));
	config_release(&cfg);
	ck_assert_int_eq(config_load(&cfg, NULL), 0);
	ck_assert_uint_eq(cfg.nmembers, 0);
	ck_assert_ptr_null(cfg.records_token);
	config_release(&cfg);
}
END_TEST

/* What a cluster's config may not say, each refused with its reason. */
static const struct {
	const char *text, *msg;
	long line;	/* 0: a message without a line */
} cluster_bad[] = {
	{ "[cluster]\nmembers = a\n[cluster-member b]\ntoken = x\n",
	    "[cluster-member b]: not one of [cluster] members", 3 },
	{ "[cluster]\nmembers = a, a\n",
	    "[cluster] members: 'a' is named twice", 0 },
	{ "[cluster]\nmembers = a, Bé\n",
	    "[cluster] members: 'Bé' is not a union's id (1-32 of a-z 0-9 -)",
	    0 },
	{ "[cluster]\nmembers = a\nnext_head = b\n",
	    "[cluster] next_head: 'b' is not one of its members", 0 },
	{ "[cluster]\nmembers = a\n[cluster-member a]\nkey = abc\n",
	    "want a public key as `kyniem key show` prints it (44 characters "
	    "of base64) for 'key': abc", 4 },
	{ "[cluster]\nmembers = a\n[cluster-member a]\n"
	    "url = http://example.org/r.json\n",
	    "[cluster-member a] url 'http://example.org/r.json': only a "
	    "server on this machine may go without TLS (https)", 0 },
	{ "[cluster]\nmembers = a\n[cluster-member a]\n"
	    "url = ftp://example.org/r.json\n",
	    "[cluster-member a] url 'ftp://example.org/r.json' is not "
	    "https://HOST/...", 0 },
	{ "[cluster]\nmembers = a\n[cluster-member a]\n"
	    "url = https://u:p@example.org/r.json\n",
	    "[cluster-member a] url 'https://***@example.org/r.json' holds "
	    "credentials: put the secret in token", 0 },
	{ "[cluster-member A_b]\ntoken = x\n",
	    "a cluster member's id must be a slug (1-32 of a-z 0-9 -), not "
	    "'A_b'", 2 },
	{ "[cluster]\nid = Cụm 3\n",
	    "want a slug (1-32 of a-z 0-9 -, e.g. khanh-hoa) for 'id': Cụm 3",
	    2 },
	{ "[cluster-member]\nkey = x\n",
	    "unknown key 'key' in [cluster-member]", 2 },
};

START_TEST(cluster_refused)
{
	struct config cfg;
	char *err, want[512];
	int rc;

	err = load(cluster_bad[_i].text, &cfg, &rc);
	ck_assert_int_eq(rc, -1);
	if (cluster_bad[_i].line > 0)
		want_error(err, cluster_bad[_i].line, cluster_bad[_i].msg);
	else {
		snprintf(want, sizeof(want), "kyniem: %s: %s\n", path,
		    cluster_bad[_i].msg);
		ck_assert_str_eq(err, want);
	}
	free(err);
	config_release(&cfg);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, categories);
	tcase_add_test(tc, backup_dir);
	tcase_add_loop_test(tc, int_bounds, 0, NELEM(ints));
	tcase_add_loop_test(tc, enum_values, 0, NELEM(values));
	tcase_add_test(tc, recipients);
	tcase_add_loop_test(tc, strings, 0, NELEM(strs));
	tcase_add_test(tc, plan_map);
	tcase_add_test(tc, every_error_with_its_line);
	tcase_add_test(tc, syntax_error);
	tcase_add_test(tc, missing_file);
	tcase_add_loop_test(tc, feed_name, 0, NELEM(feed_names));
	tcase_add_test(tc, feed_sections);
	tcase_add_test(tc, bare_feed);
	tcase_add_test(tc, builtin_overridden);
	tcase_add_test(tc, long_line);
	tcase_add_test(tc, long_feed_name);
	tcase_add_test(tc, duplicates);
	tcase_add_test(tc, offsets);
	tcase_add_test(tc, letters_keys);
	tcase_add_test(tc, cluster);
	tcase_add_loop_test(tc, cluster_refused, 0, NELEM(cluster_bad));
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"

/*
 * kyniem: the command table, global options (--config, --today, --now) and
 * the only reading of the clock.  Each command lives in its cmd_*.c file.
 */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "lunar.h"
#include "store.h"
#include "vntime.h"

#define NEED_STORE	0x1	/* open (and migrate) the database */
#define NEW_STORE	0x2	/* and build it when it does not exist */

/* From debian/changelog through the Makefile. */
#ifndef KYNIEM_VERSION
#define KYNIEM_VERSION "unknown"
#endif

struct command {
	const char *name;
	int (*fn)(int, char **, struct app *);
	int min_args;		/* operands after the command name */
	int flags;
	const char *usage;
};

/* Sorted by name. */
static const struct command commands[] = {
	{ "activity", cmd_activity, 1, NEED_STORE,
	    "activity add --title TEXT --start YYYY-MM-DD[THH:MM] "
	    "[--end ...] [--location TEXT] [--organiser TEXT] "
	    "[--owner EMAIL]... [--remind 30d,7d,1d] [--observance KEY] "
	    "[--notes TEXT] [--status S] [--category KEY] [--country CC]... "
	    "[--partner TEXT] [--participants N] [--result TEXT] "
	    "[--member KEY] [--amount N --currency CUR] [--budget VND] "
	    "[--report-text TEXT] [--public | --no-public] | "
	    "list [--category KEY] [--year YYYY] [--csv] | show ID | "
	    "edit ID [options of add] | cancel ID" },
	{ "anniversaries", cmd_anniversaries, 1, NEED_STORE,
	    "anniversaries YEAR [--milestones] [--kind K] [--country CC] "
	    "[--select SELECTOR] [--lang vi|en] [--format text|csv|json]" },
	{ "audit", cmd_audit, 0, NEED_STORE, "audit [--limit N]" },
	{ "backup", cmd_backup, 0, 0, "backup [--out FILE] | --list" },
	{ "cluster", cmd_cluster, 1, NEED_STORE,
	    "cluster import FILE... | fetch YEAR | status YEAR | "
	    "export YEAR [--out FILE] | "
	    "report YEAR [--format md|html|docx|pdf] [--lang vi|en] "
	    "[--out FILE]" },
	{ "contact", cmd_contact, 1, NEED_STORE,
	    "contact list [--country CC] [--letters] "
	    "[--format text|csv|json] | show KEY" },
	{ "export", cmd_export, 0, NEED_STORE, "export --out DIR" },
	{ "feed", cmd_feed, 0, NEED_STORE, "feed NAME | --check" },
	{ "import", cmd_import, 1, NEED_STORE,
	    "import [--attendees-as-owners] FILE..." },
	{ "init", cmd_init, 0, NEED_STORE | NEW_STORE,
	    "init [--calendars DIR]" },
	{ "key", cmd_key, 1, NEED_STORE, "key init [--rotate] | show [--all]" },
	{ "letters", cmd_letters, 1, NEED_STORE,
	    "letters YEAR [--country CC] [--occasion KEY] [--lang vi|en] "
	    "[--format md|docx|pdf] [--out FILE|DIR] | sent KEY YEAR "
	    "[--country CC]" },
	{ "list", cmd_list, 0, NEED_STORE,
	    "list [--kind K] [--country CC] [--edited] "
	    "[--format text|csv|json]" },
	{ "lunar", cmd_lunar, 0, 0,
	    "lunar [YYYY-MM-DD] [--to-solar D/M/YYYY[/leap]] "
	    "[--format text|json]" },
	{ "member", cmd_member, 1, NEED_STORE,
	    "member add KEY --name NAME [--kind bilateral|multilateral|other] "
	    "| edit KEY [--name NAME] [--kind K] | list "
	    "[--format text|csv|json] | remove KEY" },
	{ "merge", cmd_merge, 1, NEED_STORE, "merge [--dry-run] OTHER.db" },
	{ "outbox", cmd_outbox, 0, NEED_STORE, "outbox [--failed]" },
	{ "plan", cmd_plan, 1, NEED_STORE,
	    "plan YEAR [--appendix] [--format md|html|docx|pdf|csv] "
	    "[--lang vi|en] [--out FILE] [--include KEY] [--exclude KEY] "
	    "[--reset KEY] [--draft]" },
	{ "recipient", cmd_recipient, 1, NEED_STORE,
	    "recipient add --email EMAIL --name NAME [--lang vi|en] "
	    "[--follow milestones|kind:K|country:CC]... | list | "
	    "remove EMAIL" },
	{ "record", cmd_record, 2, NEED_STORE,
	    "record export YEAR [--out FILE]" },
	{ "remind", cmd_remind, 0, NEED_STORE, "remind [--dry-run]" },
	{ "report", cmd_report, 1, NEED_STORE,
	    "report YEAR [--format md|html|docx|pdf] [--lang vi|en] "
	    "[--out FILE] [--draft] | report YEAR --check [--lang vi|en]" },
	{ "restore", cmd_restore, 1, 0, "restore [--check] FILE" },
	{ "serve", cmd_serve, 0, NEED_STORE,
	    "serve [--listen ADDR:PORT]" },
	{ "show", cmd_show, 1, NEED_STORE, "show KEY [--lang vi|en]" },
	{ "text", cmd_text, 1, NEED_STORE,
	    "text sections report|plan|cluster [--lang vi|en] | "
	    "set DOC YEAR KEY --file FILE|- | show DOC YEAR KEY | "
	    "history DOC YEAR KEY | restore DOC YEAR KEY VERSION" },
	{ "upcoming", cmd_upcoming, 0, NEED_STORE,
	    "upcoming [--days 90] [--from YYYY-MM-DD] [--milestones] "
	    "[--kind K] [--country CC] [--select SELECTOR] [--lang vi|en] "
	    "[--format text|csv|json]" },
	{ "user", cmd_user, 1, NEED_STORE,
	    "user add EMAIL --name NAME --role admin|editor|viewer "
	    "[--password-file FILE] | list | disable EMAIL | enable EMAIL | "
	    "reset EMAIL" },
};

static const struct command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
cmd_usage(const char *name)
{
	const struct command *c = find_command(name);

	fprintf(stderr, "usage: kyniem [--config PATH] [--today YYYY-MM-DD] "
	    "%s\n", c ? c->usage : name);
	return 2;
}

/*
 * Who runs this process, for the audit trail: "cli:" and the name of the
 * effective user (the one whose rights write the database), or its
 * number when the system has no name for it; into out.
 */
static void
cli_who(char *out, size_t len)
{
	struct passwd pw, *res = NULL;
	char buf[4096];
	uid_t uid = geteuid();

	if (getpwuid_r(uid, &pw, buf, sizeof(buf), &res) == 0 && res != NULL)
		snprintf(out, len, "cli:%s", pw.pw_name);
	else
		snprintf(out, len, "cli:%lu", (unsigned long)uid);
}

/* The full usage: on stdout for --help (exit 0), else stderr (exit 2). */
static int
usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: kyniem [--version] [--config PATH] "
	    "[--today YYYY-MM-DD] [--now YYYY-MM-DDTHH:MM] COMMAND [ARGS]\n"
	    "\ncommands:\n");
	for (i = 0; i < NELEM(commands); i++)
		fprintf(f, "  kyniem %s\n", commands[i].usage);
	fprintf(f, "\n'kyniem COMMAND --help' describes one command\n");
	return f == stdout ? 0 : 2;
}

/* The config file to read: --config, $KYNIEM_CONFIG, the source tree's
 * config/kyniem.conf, then /etc/kyniem/kyniem.conf; NULL for defaults. */
static const char *
config_path(const char *opt)
{
	const char *env = getenv("KYNIEM_CONFIG");

	if (opt != NULL)
		return opt;
	if (env != NULL && *env != '\0')
		return env;
	if (access("config/kyniem.conf", R_OK) == 0)
		return "config/kyniem.conf";
	if (access("/etc/kyniem/kyniem.conf", R_OK) == 0)
		return "/etc/kyniem/kyniem.conf";
	return NULL;
}

/* "YYYY-MM-DDTHH:MM" in Vietnam's time to an instant. */
static int
parse_now(const char *s, time_t *out)
{
	struct ymd d;
	int min;

	if (vntime_parse(s, &d, &min) == -1 || min < 0)
		return -1;
	*out = vntime_make(d, min);
	return 0;
}

static int
run(const struct command *c, int argc, char **argv, const char *cfgpath,
    struct app *app)
{
	struct config cfg;
	int ret = 1;

	if (config_load(&cfg, cfgpath) == -1) {
		config_release(&cfg);
		return 1;
	}
	app->cfg = &cfg;
	app->lunar = lunar_new(cfg.meridian);
	if ((c->flags & NEED_STORE) &&
	    store_open(cfg.db_path, (c->flags & NEW_STORE) ? STORE_CREATE |
	    STORE_STAGED : 0, &app->store) == -1)
		goto done;
	ret = c->fn(argc, argv, app);
done:
	store_close(app->store);
	lunar_free(app->lunar);
	config_release(&cfg);
	return ret;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "now", required_argument, NULL, 'n' },
		{ "today", required_argument, NULL, 't' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct app app = { 0 };
	const struct command *c;
	const char *cfgpath = NULL;
	char who[300];
	int ch, have_today = 0, have_now = 0;

	log_init("kyniem");
	app.progname = "kyniem";
	app.version = KYNIEM_VERSION;
	cli_who(who, sizeof(who));
	app.who = who;
	while ((ch = getopt_long(argc, argv, "+c:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			cfgpath = optarg;
			break;
		case 't':
			if (util_parse_ymd(optarg, &app.today) == -1) {
				log_warnx("--today: '%s' is not a date "
				    "(YYYY-MM-DD)", optarg);
				return 2;
			}
			have_today = 1;
			break;
		case 'n':
			if (parse_now(optarg, &app.now) == -1) {
				log_warnx("--now: '%s' is not YYYY-MM-DDTHH:MM",
				    optarg);
				return 2;
			}
			have_now = 1;
			break;
		case 'h':
			return usage(stdout);
		case 'V':
			printf("kyniem %s\n", KYNIEM_VERSION);
			return 0;
		default:
			return usage(stderr);
		}
	}
	if (optind >= argc)
		return usage(stderr);
	if ((c = find_command(argv[optind])) == NULL) {
		log_warnx("unknown command '%s'", argv[optind]);
		return usage(stderr);
	}
	/* A pinned day alone runs at 08:00 of that day. */
	if (!have_now)
		app.now = have_today ? vntime_make(app.today, 8 * 60) :
		    time(NULL);
	if (!have_today)
		app.today = vntime_day(app.now, NULL);
	argc -= optind;
	argv += optind;
	if (argc - 1 < c->min_args && !(argc > 1 &&
	    strcmp(argv[1], "--help") == 0))
		return cmd_usage(c->name);
	optind = 0;	/* glibc: full reinitialisation for the command */
	return run(c, argc, argv, config_path(cfgpath), &app);
}

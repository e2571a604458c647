/*
 * Subcommands of the kyniem binary.  main.c owns the table that maps names
 * to these handlers; each cmd_*.c parses its own options, calls modules and
 * returns the exit status: 0 ok, 1 runtime failure, 2 usage error.
 */
#ifndef KYNIEM_CMD_H
#define KYNIEM_CMD_H

#include <time.h>

#include "util.h"

struct config;
struct store;
struct lunar_cal;

/* What every command receives: configuration, database and "now". */
struct app {
	struct config *cfg;
	struct store *store;		/* NULL unless the command asks for it */
	struct lunar_cal *lunar;	/* per the configured meridian */
	struct ymd today;		/* --today, or the clock in UTC+7 */
	time_t now;			/* --now, or the clock */
	const char *progname;
	const char *version;		/* debian/changelog's, for records */
	/* "cli:USER", the Unix user: who every write records in the
	 * audit trail. */
	const char *who;
};

int cmd_activity(int argc, char **argv, struct app *app);
int cmd_anniversaries(int argc, char **argv, struct app *app);
int cmd_audit(int argc, char **argv, struct app *app);
int cmd_backup(int argc, char **argv, struct app *app);
int cmd_cluster(int argc, char **argv, struct app *app);
int cmd_contact(int argc, char **argv, struct app *app);
int cmd_export(int argc, char **argv, struct app *app);
int cmd_feed(int argc, char **argv, struct app *app);
int cmd_import(int argc, char **argv, struct app *app);
int cmd_init(int argc, char **argv, struct app *app);
int cmd_key(int argc, char **argv, struct app *app);
int cmd_letters(int argc, char **argv, struct app *app);
int cmd_list(int argc, char **argv, struct app *app);
int cmd_lunar(int argc, char **argv, struct app *app);
int cmd_member(int argc, char **argv, struct app *app);
int cmd_merge(int argc, char **argv, struct app *app);
int cmd_outbox(int argc, char **argv, struct app *app);
int cmd_plan(int argc, char **argv, struct app *app);
int cmd_report(int argc, char **argv, struct app *app);
int cmd_record(int argc, char **argv, struct app *app);
int cmd_recipient(int argc, char **argv, struct app *app);
int cmd_remind(int argc, char **argv, struct app *app);
int cmd_restore(int argc, char **argv, struct app *app);
int cmd_serve(int argc, char **argv, struct app *app);
int cmd_show(int argc, char **argv, struct app *app);
int cmd_text(int argc, char **argv, struct app *app);
int cmd_upcoming(int argc, char **argv, struct app *app);
int cmd_user(int argc, char **argv, struct app *app);

/*
 * Shared by the cmd_ files: print "usage: kyniem LINE" for the named
 * command to stderr and return 2.
 */
int cmd_usage(const char *name);

#endif

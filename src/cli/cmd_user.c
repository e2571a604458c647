/*
 * kyniem user add EMAIL --name NAME --role admin|editor|viewer
 * [--password-file FILE] | list | disable EMAIL | enable EMAIL |
 * reset EMAIL: the staff accounts of the web application.  Without a
 * password file, add and reset print a one-time link (and mail it when
 * [smtp] is set) that lets the person choose a password within 24 hours.
 */
#include <sys/stat.h>

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "escape.h"
#include "file.h"
#include "invite.h"
#include "log.h"
#include "mail.h"
#include "options.h"
#include "recipient.h"
#include "remind.h"
#include "site.h"
#include "user.h"
#include "vntime.h"

/* The first line of a password file no one else may read. */
static char *
read_password(const char *path)
{
	char *data, *nl;
	size_t len;

	if (config_check_file("password file", path, S_IRWXG | S_IRWXO,
	    "600") == -1)
		return NULL;
	if ((data = file_read(path, &len)) == NULL) {
		log_warn("cannot read '%s'", path);
		return NULL;
	}
	if ((nl = strpbrk(data, "\r\n")) != NULL)
		*nl = '\0';
	return data;
}

/*
 * Queue the message with the link and send it now (the person waits for
 * it; a relay that fails leaves it in the outbox for `kyniem remind`).
 * 0 when it was sent, -1.
 */
static int
mail_link(struct app *app, const struct user *u, const char *url)
{
	struct remind_stats st = { 0 };
	struct remind_in in;

	if (invite_queue(app->store, app->cfg, u, url, app->now) == -1)
		return -1;
	in.cfg = app->cfg;
	in.store = app->store;
	in.lunar = app->lunar;
	in.now = app->now;
	in.today = vntime_day(app->now, NULL);
	if (remind_send_links(&in, &mail_smtp, 30, NULL, &st) == -1 ||
	    st.sent == 0) {
		log_warnx("the link to '%s' was not mailed; it waits in the "
		    "outbox for kyniem remind", u->email);
		return -1;
	}
	return 0;
}

/* Print the account's one-time link of token tok (wiped and freed) and
 * mail it when SMTP is set; reset says it replaced the password. */
static int
give_link(struct app *app, const struct user *u, char *tok, int reset)
{
	char *base, *url;
	int ret = 0;

	if (reset)
		printf("the password of %s no longer works and its sessions "
		    "have ended\n", u->email);
	/* Only base_url's links are mailed; without it, the link of the
	 * listen address is for the admin to pass on. */
	if ((base = invite_mail_base(app->cfg)) == NULL)
		base = site_base_url(app->cfg, NULL);
	url = invite_url(base, tok);
	printf("%s can choose a password within 24 hours at:\n%s\n", u->email,
	    url);
	if (app->cfg->smtp_url != NULL && app->cfg->smtp_from != NULL) {
		if (app->cfg->base_url == NULL || app->cfg->base_url[0] == '\0')
			log_warnx("the link was not mailed: [server] base_url "
			    "(the address people open) is not set");
		else if (mail_link(app, u, url) == 0)
			printf("the link was mailed to %s\n", u->email);
		else
			ret = 1;
	}
	util_free_secret(url);
	util_free_secret(tok);
	free(base);
	return ret;
}

/* The command's own option, beside user_fields'. */
struct add_opts {
	const char *password_file;
};

static const struct field own_opts[] = {
	{ "password-file", NULL, offsetof(struct add_opts, password_file), 0,
	    0, 0, NULL, NULL, NULL, NULL },
	{ NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* add EMAIL with the options of user_fields (--name, --role) and
 * --password-file. */
static int
user_add_cmd(int argc, char **argv, struct app *app)
{
	struct user_input in = { 0 };
	struct add_opts own = { 0 };
	struct field_errs errs;
	struct field_opts fo;
	const char *why;
	char *pw = NULL, *tok = NULL;
	struct user u;
	int rc, ret = 1;

	user_init();
	field_errs_init(&errs);
	rc = options_fields(argc, argv, user_fields, &in, own_opts, &own, &fo);
	if (rc != 0 || optind != argc - 1 || options_missing(user_fields,
	    &in) != NULL) {
		cmd_usage("user");
		ret = rc == 1 ? 0 : 2;
		goto done;
	}
	in.email = argv[optind];
	if (user_check(&in, &errs) == -1) {
		options_refused(&errs);
		goto done;
	}
	if (own.password_file != NULL) {
		if ((pw = read_password(own.password_file)) == NULL)
			goto done;
		if ((why = user_password_problem(in.email, pw)) != NULL) {
			log_warnx("%s: %s", own.password_file, why);
			goto done;
		}
	}
	if ((rc = user_add(app->store, in.email, in.name, (enum role)
	    user_role_parse(in.role), pw, app->who, app->now, &tok)) != 0) {
		if (rc == 1)
			log_warnx("an account '%s' exists", in.email);
		goto done;
	}
	if (user_get(app->store, in.email, &u) != 0)
		goto done;
	printf("added %s (%s)\n", u.email, user_role_name(u.role));
	ret = tok == NULL ? 0 : give_link(app, &u, tok, 0);
	tok = NULL;
	user_release(&u);
done:
	util_free_secret(tok);
	util_free_secret(pw);
	field_errs_release(&errs);
	options_release(&fo);
	return ret;
}

static int
user_list_cmd(int argc, char **argv, struct app *app)
{
	struct user_list l;
	size_t i;

	(void)argc;
	(void)argv;
	if (user_load(app->store, &l) == -1)
		return 1;
	for (i = 0; i < l.n; i++)
		printf("%s\t%s\t%s\t%s\n", l.v[i].email,
		    user_role_name(l.v[i].role), l.v[i].disabled ? "disabled" :
		    l.v[i].has_password ? "active" : "no password yet",
		    l.v[i].name);
	user_list_release(&l);
	return 0;
}

/* disable, enable and reset EMAIL: argv[0] says which. */
static int
user_change_cmd(int argc, char **argv, struct app *app)
{
	const char *what = argv[0], *email = argv[1];
	struct user u;
	char *tok;
	int rc;

	(void)argc;
	user_init();
	if (strcmp(what, "reset") == 0) {
		if ((rc = user_get(app->store, email, &u)) == 0) {
			tok = user_reset(app->store, u.id, app->who, app->now);
			rc = tok != NULL ? give_link(app, &u, tok, 1) : 1;
			user_release(&u);
			return rc;
		}
	} else if ((rc = user_set_disabled(app->store, email,
	    strcmp(what, "disable") == 0, app->who, app->now)) == 0) {
		printf("%sd %s\n", what, email);
		return 0;
	}
	if (rc == 1)
		log_warnx("no account '%s'", email);
	return 1;
}

/* Sorted by name. */
static const struct subcommand subs[] = {
	{ "add", user_add_cmd, -1 },
	{ "disable", user_change_cmd, 1 },
	{ "enable", user_change_cmd, 1 },
	{ "list", user_list_cmd, 0 },
	{ "reset", user_change_cmd, 1 },
};

int
cmd_user(int argc, char **argv, struct app *app)
{
	return options_sub("user", subs, NELEM(subs), argc, argv, app);
}

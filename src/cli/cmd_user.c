/*
 * kyniem user add EMAIL --name NAME --role admin|editor|viewer
 * [--password-file FILE] | list | disable EMAIL | enable EMAIL |
 * reset EMAIL: the staff accounts of the web application.  Without a
 * password file, add and reset print a one-time link (and mail it when
 * [smtp] is set) that lets the person choose a password within 24 hours.
 */
#include <sys/stat.h>

#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "cmd.h"
#include "config.h"
#include "escape.h"
#include "file.h"
#include "invite.h"
#include "log.h"
#include "mail.h"
#include "recipient.h"
#include "remind.h"
#include "site.h"
#include "text.h"
#include "user.h"
#include "vntime.h"

/* Who runs the command, for the audit trail. */
static char *
who(void)
{
	struct passwd *pw = getpwuid(getuid());

	return xasprintf("cli:%s", pw != NULL ? pw->pw_name : "?");
}

static void
audit(struct app *app, const char *action, const char *email,
    const char *after)
{
	char *w = who(), *obj = xasprintf("user:%s", email);

	(void)audit_add(app->store, w, action, obj, NULL, after, app->now);
	free(w);
	free(obj);
}

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

/* Print the account's one-time link and mail it when SMTP is set; a
 * reset also ends its password and sessions (user_reset()). */
static int
give_link(struct app *app, const struct user *u, int reset)
{
	char *tok, *base, *url;
	int ret = 0;

	if ((tok = reset ? user_reset(app->store, u->id, app->now) :
	    user_link_new(app->store, u->id, app->now)) == NULL)
		return 1;
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
	explicit_bzero(url, strlen(url));
	explicit_bzero(tok, strlen(tok));
	free(url);
	free(tok);
	free(base);
	return ret;
}

static int
user_add_cmd(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "role", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *name = NULL, *pwfile = NULL, *why;
	char *pw = NULL, err[200];
	struct user u;
	int ch, role = -1, rc, ret = 1;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'n': name = optarg; break;
		case 'p': pwfile = optarg; break;
		case 'r':
			if ((role = user_role_parse(optarg)) < 0) {
				log_warnx("--role must be admin, editor or "
				    "viewer, not '%s'", optarg);
				return 2;
			}
			break;
		default:
			return cmd_usage("user");
		}
	}
	if (optind != argc - 1 || name == NULL || role < 0)
		return cmd_usage("user");
	if (!text_email_valid(argv[optind])) {
		log_warnx("'%s' is not an email address", argv[optind]);
		return 1;
	}
	if (text_check_field("--name", name, TEXT_LINE_MAX, TEXT_REQUIRED,
	    err, sizeof(err)) == -1) {
		log_warnx("%s", err);
		return 1;
	}
	if (pwfile != NULL) {
		if ((pw = read_password(pwfile)) == NULL)
			return 1;
		if ((why = user_password_problem(argv[optind], pw)) != NULL) {
			log_warnx("%s: %s", pwfile, why);
			goto done;
		}
	}
	if ((rc = user_add(app->store, argv[optind], name, (enum role)role,
	    pw, app->now)) != 0) {
		if (rc == 1)
			log_warnx("an account '%s' exists", argv[optind]);
		goto done;
	}
	if (user_get(app->store, argv[optind], &u) != 0)
		goto done;
	audit(app, "user.add", u.email, user_role_name(u.role));
	printf("added %s (%s)\n", u.email, user_role_name(u.role));
	ret = pw != NULL ? 0 : give_link(app, &u, 0);
	user_release(&u);
done:
	if (pw != NULL)
		explicit_bzero(pw, strlen(pw));
	free(pw);
	return ret;
}

static int
user_list_cmd(struct app *app)
{
	struct user_list l;
	size_t i;

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

static int
user_change_cmd(const char *what, const char *email, struct app *app)
{
	struct user u;
	int rc;

	if (strcmp(what, "reset") == 0) {
		if ((rc = user_get(app->store, email, &u)) == 0) {
			audit(app, "user.reset", u.email, NULL);
			rc = give_link(app, &u, 1);
			user_release(&u);
			return rc;
		}
	} else if ((rc = user_set_disabled(app->store, email,
	    strcmp(what, "disable") == 0, app->now)) == 0) {
		audit(app, strcmp(what, "disable") == 0 ? "user.disable" :
		    "user.enable", email, NULL);
		printf("%sd %s\n", what, email);
		return 0;
	}
	if (rc == 1)
		log_warnx("no account '%s'", email);
	return 1;
}

int
cmd_user(int argc, char **argv, struct app *app)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		cmd_usage("user");
		return argc < 2 ? 2 : 0;
	}
	user_init();
	if (strcmp(argv[1], "add") == 0) {
		optind = 0;
		return user_add_cmd(argc - 1, argv + 1, app);
	}
	if (strcmp(argv[1], "list") == 0 && argc == 2)
		return user_list_cmd(app);
	if (argc == 3 && (strcmp(argv[1], "disable") == 0 ||
	    strcmp(argv[1], "enable") == 0 || strcmp(argv[1], "reset") == 0))
		return user_change_cmd(argv[1], argv[2], app);
	return cmd_usage("user");
}

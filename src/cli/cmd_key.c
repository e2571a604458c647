/*
 * kyniem key init [--rotate] | show [--all]: the union's Ed25519 key that
 * signs its year records (sign.h keeps it beside the database, mode
 * 0600).  A cluster head pins the public key `key show` prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cmd.h"
#include "config.h"
#include "jsonw.h"
#include "log.h"
#include "options.h"
#include "sign.h"
#include "store.h"

/* The one option of a sub-command (--rotate, --all): 1 given, 0 not,
 * -1 a usage error, -2 --help. */
static int
flag(int argc, char **argv, const char *name)
{
	struct option opts[] = {
		{ name, no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, set = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'f')
			set = 1;
		else
			return ch == 'h' ? -2 : -1;
	}
	return optind == argc ? set : -1;
}

/* {"public":KEY}: the trail is no place for the secret. */
static char *
public_json(const char *pub)
{
	struct jsonw j;
	struct buf b;

	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "public", pub);
	jsonw_end(&j);
	return buf_detach(&b);
}

static int
key_init(int argc, char **argv, struct app *app)
{
	char pub[SIGN_PUB_LEN + 1], today[11], *path, *old = NULL;
	const char *who = app->who;
	char *before = NULL, *after;
	int rotate = flag(argc, argv, "rotate"), ret = 1;

	if (rotate < 0)
		return rotate == -2 ? (cmd_usage("key"), 0) : cmd_usage("key");
	path = sign_key_path(app->cfg->db_path);
	util_format_ymd(app->today, today, sizeof(today));
	if (sign_key_create(path, rotate, today, pub, &old) == 0) {
		if (old != NULL)
			before = public_json(old);
		after = public_json(pub);
		/* The key is a file, not a row: its trail entry is an event
		 * of its own, and a trail that cannot take it fails the
		 * command after the key is written, which it says. */
		ret = audit_event(app->store, who, rotate ? "key.rotate" :
		    "key.create", "key:signing", before, after, app->now);
		printf("signing key written to %s (mode 0600)\n", path);
		if (old != NULL)
			printf("retired public key: %s\n", old);
		printf("public key: %s\n", pub);
		if (ret == -1)
			log_warnx("the key is written, but not in the audit "
			    "trail");
		ret = ret == 0 ? 0 : 1;
		free(before);
		free(after);
	}
	free(old);
	free(path);
	return ret;
}

static int
key_show(int argc, char **argv, struct app *app)
{
	struct sign_key k;
	char *path;
	size_t i;
	int all = flag(argc, argv, "all"), rc;

	if (all < 0)
		return all == -2 ? (cmd_usage("key"), 0) : cmd_usage("key");
	path = sign_key_path(app->cfg->db_path);
	rc = sign_key_load(path, &k);
	if (rc == 1)
		log_warnx("no signing key at '%s': `kyniem key init` makes "
		    "one", path);
	free(path);
	if (rc != 0)
		return 1;
	/* The key last, so that `awk '{print $NF}'` takes it. */
	printf("%s ed25519 %s\n", app->cfg->org_id != NULL ?
	    app->cfg->org_id : "-", k.pub);
	for (i = 0; all && i < k.nretired; i++)
		printf("retired %s ed25519 %s\n", k.retired[i].until,
		    k.retired[i].pub);
	sign_key_release(&k);
	return fflush(stdout) == 0 ? 0 : 1;
}

int
cmd_key(int argc, char **argv, struct app *app)
{
	static const struct subcommand subs[] = {
		{ "init", key_init, -1 },
		{ "show", key_show, -1 },
	};

	return options_sub("key", subs, NELEM(subs), argc, argv, app);
}

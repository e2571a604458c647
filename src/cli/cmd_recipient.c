/*
 * kyniem recipient add|list|remove: who gets milestone reminders and
 * what they follow.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "output.h"
#include "recipient.h"
#include "store.h"

static int
recipient_add(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "email", required_argument, NULL, 'e' },
		{ "follow", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "lang", required_argument, NULL, 'l' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct recipient r;
	struct buf follows;
	char err[160];
	int ch, ret = 2;

	memset(&r, 0, sizeof(r));
	r.lang = app->cfg->lang;
	buf_init(&follows);
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'e': r.email = optarg; break;
		case 'n': r.name = optarg; break;
		case 'f':
			if (follows.len > 0)
				buf_putc(&follows, ',');
			buf_puts(&follows, optarg);
			break;
		case 'l':
			if (output_parse_lang(optarg, &r.lang) == 0)
				break;
			log_warnx("--lang must be vi or en, not '%s'", optarg);
			goto done;
		default:
			cmd_usage("recipient");
			ret = ch == 'h' ? 0 : 2;
			goto done;
		}
	}
	if (optind != argc || r.email == NULL || r.name == NULL) {
		cmd_usage("recipient");
		goto done;
	}
	ret = 1;
	if (follows.len == 0)
		buf_puts(&follows, "milestones");
	r.follows = follows.data;
	if (recipient_check(&r, err, sizeof(err)) == -1) {
		log_warnx("%s", err);
		goto done;
	}
	if (recipient_put(app->store, &r, (long)app->now) == -1)
		goto done;
	ret = 0;
done:
	buf_release(&follows);
	return ret;
}

static int
recipient_list(int argc, struct app *app)
{
	struct recipient_list l;
	size_t i;

	if (argc != 1)
		return cmd_usage("recipient");
	if (recipient_load(app->store, &l) == -1)
		return 1;
	for (i = 0; i < l.n; i++)
		printf("%s\t%s\t%s\t%s\n", l.v[i].email, l.v[i].name,
		    l.v[i].lang == LANG_EN ? "en" : "vi", l.v[i].follows);
	recipient_list_release(&l);
	return 0;
}

int
cmd_recipient(int argc, char **argv, struct app *app)
{
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		cmd_usage("recipient");
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "add") == 0) {
		optind = 0;
		return recipient_add(argc - 1, argv + 1, app);
	}
	if (strcmp(argv[1], "list") == 0)
		return recipient_list(argc - 1, app);
	if (strcmp(argv[1], "remove") == 0 && argc == 3) {
		if ((rc = recipient_remove(app->store, argv[2])) == 1)
			log_warnx("no recipient '%s'", argv[2]);
		return rc == 0 ? 0 : 1;
	}
	return cmd_usage("recipient");
}

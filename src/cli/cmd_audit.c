/*
 * kyniem audit [--limit N]: the changes made through the web application
 * and the account commands, newest first.
 */
#include <getopt.h>
#include <stdio.h>

#include "audit.h"
#include "cmd.h"
#include "escape.h"
#include "log.h"
#include "vntime.h"

/* A value from the trail on one line: Vietnamese as it reads, what could
 * break the line or fool the terminal escaped. */
static void
put(struct buf *b, const char *s)
{
	esc_term(b, s != NULL ? s : "-", 4096);
}

int
cmd_audit(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "limit", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct audit_list l;
	struct buf b;
	long limit = 100;
	size_t i;
	int ch;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'n' && util_parse_int(optarg, 1, 1000000, &limit) == 0)
			continue;
		cmd_usage("audit");
		return ch == 'h' ? 0 : 2;
	}
	if (optind != argc)
		return cmd_usage("audit");
	if (audit_load(app->store, limit, &l) == -1)
		return 1;
	buf_init(&b);
	for (i = 0; i < l.n; i++) {
		b.len = 0;
		vntime_format_time(l.v[i].at, &b);
		buf_putc(&b, '\t');
		put(&b, l.v[i].who);
		buf_putc(&b, '\t');
		put(&b, l.v[i].action);
		buf_putc(&b, '\t');
		put(&b, l.v[i].object);
		buf_putc(&b, '\t');
		put(&b, l.v[i].before);
		buf_puts(&b, " -> ");
		put(&b, l.v[i].after);
		puts(b.data);
	}
	buf_release(&b);
	audit_list_release(&l);
	return fflush(stdout) == 0 ? 0 : 1;
}

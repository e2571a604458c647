/*
 * kyniem outbox [--failed]: what was sent, what waits and what failed,
 * with the server's reasons.
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "message.h"
#include "outbox.h"

static void
print_time(long t)
{
	struct buf b;

	buf_init(&b);
	message_format_date((time_t)t, &b);
	printf("%s", b.data);
	buf_release(&b);
}

int
cmd_outbox(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "failed", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct outbox_list l;
	struct outbox_item *it;
	int ch, failed = 0;
	size_t i;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'f') {
			failed = 1;
			continue;
		}
		cmd_usage("outbox");
		return ch == 'h' ? 0 : 2;
	}
	if (optind != argc)
		return cmd_usage("outbox");
	if (outbox_load(app->store, failed ? OUTBOX_LOAD_FAILED :
	    OUTBOX_LOAD_ALL, 0, &l) == -1)
		return 1;
	for (i = 0; i < l.n; i++) {
		it = &l.v[i];
		printf("%s\t%s\t%s\tattempts=%d\t", outbox_state_name(it->state),
		    it->recipient, it->reminder, it->attempts);
		if (it->state == OUTBOX_PENDING) {
			printf("next try ");
			print_time(it->next_try);
		} else
			print_time(it->done);
		if (it->last_error != NULL)
			printf("\t%s", it->last_error);
		printf("\n");
	}
	outbox_list_release(&l);
	return 0;
}

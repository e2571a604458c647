/*
 * The outbox: one row per (reminder, recipient), written before anything
 * is sent, holding the finished message.  States: pending -> sent, or
 * pending -> failed (a permanent refusal, or too many temporary ones).
 * A temporary failure keeps the row pending with attempts + 1 and a later
 * next_try (exponential backoff).
 */
#ifndef KYNIEM_OUTBOX_H
#define KYNIEM_OUTBOX_H

#include <stddef.h>

struct buf;
struct store;

enum outbox_state { OUTBOX_PENDING, OUTBOX_SENT, OUTBOX_FAILED };

/* Temporary failures before a message is given up as failed. */
#define OUTBOX_MAX_ATTEMPTS 12

struct outbox_item {
	long id;
	char *reminder, *recipient, *message_id, *subject;
	char *message;		/* the whole RFC 5322 message */
	size_t len;
	enum outbox_state state;
	int attempts;
	long next_try, created, done;
	char *last_error;
};

struct outbox_list {
	struct outbox_item *v;
	size_t n;
};

/* 1 if (reminder, recipient) is in the outbox, 0 if not, -1 on error. */
int outbox_exists(struct store *st, const char *reminder,
    const char *recipient);
/*
 * Queue a message unless (reminder, recipient) is already there (then
 * nothing changes).  Returns 0 or -1.
 */
int outbox_add(struct store *st, const char *reminder, const char *recipient,
    const char *message_id, const char *subject, const char *msg,
    size_t len, long now);

/*
 * Queue a message that carries a secret good until expires (a one-time
 * password link), as outbox_add() does.  It is not sent after expires
 * (outbox_expire()) and its text is wiped once it is sent or has failed,
 * so that the link does not lie in the database longer than it must.
 */
int outbox_add_expiring(struct store *st, const char *reminder,
    const char *recipient, const char *message_id, const char *subject,
    const char *msg, size_t len, long now, long expires);
/*
 * Give up the pending messages whose reminder key starts with prefix
 * ("link:12:", an account's earlier links), as failed with reason, their
 * text wiped.  0 or -1.
 */
int outbox_forget(struct store *st, const char *prefix, const char *reason,
    long now);
/* Fail the pending messages whose secret expired by now, their text
 * wiped.  0 or -1. */
int outbox_expire(struct store *st, long now);

/* Which items outbox_load() loads. */
enum outbox_which {
	OUTBOX_LOAD_ALL,	/* every item */
	OUTBOX_LOAD_FAILED,	/* the failed ones */
	OUTBOX_LOAD_DUE,	/* the pending ones due at now */
	/* Of those, the messages with a secret (a password link) that has
	 * not expired: what the server sends as soon as a page queued it. */
	OUTBOX_LOAD_SECRETS,
};

/* Load the items which says, oldest first.  0 or -1. */
int outbox_load(struct store *st, enum outbox_which which, long now,
    struct outbox_list *out);
void outbox_list_release(struct outbox_list *l);
void outbox_item_release(struct outbox_item *it);
/* The item as a JSON object for the audit trail: state, attempts,
 * recipient, subject, last_error (never the message), appended to out. */
void outbox_item_json(const struct outbox_item *it, struct buf *out);

/*
 * A page of items for a listing, newest first, without their messages
 * (message is "", len 0): of state (or every state when state < 0), with
 * ids below before (0: from the newest), at most limit.  0 or -1.
 */
int outbox_query(struct store *st, int state, long before, long limit,
    struct outbox_list *out);
/* Item id with its message: 0 and *out (release it), 1 if none, -1. */
int outbox_get(struct store *st, long id, struct outbox_item *out);

/*
 * Make a failed or pending item due at now for the next sending run:
 * pending, attempts back to 0 (a failed item has used up its temporary
 * failures, and would otherwise fail again at the first one), done
 * cleared.  last_error is kept until the next attempt replaces it, so
 * the reason stays visible.  who asked: the audit row ("outbox.retry" on
 * "outbox:ID", the item's state before) is written in the same
 * transaction.  0, 1 when there is no such item, it was already sent, or
 * its text was wiped (an expired link: an administrator makes a new
 * one), -1 (nothing changed).
 */
int outbox_retry(struct store *st, long id, const char *who, long now);

int outbox_mark_sent(struct store *st, long id, long now);
/* Permanent failure with the server's reply. */
int outbox_mark_failed(struct store *st, long id, long now,
    const char *error);
/* Temporary failure: retry later, or failed after too many attempts. */
int outbox_mark_retry(struct store *st, long id, long now,
    const char *error);
/* Seconds to wait after the given number of failed attempts. */
long outbox_backoff(int attempts);

const char *outbox_state_name(enum outbox_state s);

#endif

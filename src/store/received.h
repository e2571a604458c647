/*
 * The year records a cluster head received from its members: each one
 * checked (record.h, then against [cluster]: a member, its pinned key,
 * the year) and kept as it came, one per union and year, a newer one
 * replacing the older in the same transaction as its audit row.
 */
#ifndef KYNIEM_RECEIVED_H
#define KYNIEM_RECEIVED_H

#include <stddef.h>
#include <time.h>

#include "sign.h"

struct config;
struct store;

/* One record held. */
struct received {
	char *union_id, *name, *level;	/* level "union" or "cluster" */
	int year;
	char *generated_at;
	time_t generated, at;		/* made, and received */
	char *source;			/* "file NAME", "fetch URL", ... */
	int is_signed;
	char *key;			/* the key it verified with, or NULL */
	char *sha256;			/* of body, hex */
	char *body;			/* the record as it came (JSON) */
	size_t len;
};

struct received_list {
	struct received *v;
	size_t n;
};

/* What received_import() did with a record that passed its checks. */
enum received_outcome {
	RECEIVED_NEW,		/* the first of its union and year */
	RECEIVED_REPLACED,	/* newer than the one held, which it replaced */
	RECEIVED_SAME		/* the very record held already: nothing */
};

/* What a record came as, for its checks and its row. */
struct received_in {
	const char *text;	/* the bytes as they came */
	size_t len;
	const char *source;	/* "file NAME", "fetch URL", "upload NAME" */
	const char *want_id;	/* the union it must be of; NULL: any */
	int want_year;		/* the year it must be of; 0: any */
	int today_year;		/* a record of a later year is refused */
	const char *who;	/* for the audit trail */
	time_t now;
};

/*
 * Check the record in->text and keep it: within [cluster] max_bytes, a
 * record (record_parse()), from one of [cluster] members, signed with
 * the member's pinned key when it has one, of want_year (or any year up
 * to today's), and not older than the one held for its union and year.
 * All or nothing: one transaction, with its audit row (cluster.receive,
 * cluster.replace).  Returns 0 with *outcome, 1 with the refusal in why
 * (nothing written), or -1 on a database error (logged).
 */
int received_import(struct store *st, const struct config *cfg,
    const struct received_in *in, enum received_outcome *outcome,
    char *why, size_t whylen);

/* The records of year (0: every year), by union id; 0 or -1. */
int received_list(struct store *st, int year, struct received_list *out);
/* The record of union id and year: 0, 1 when none, -1 on error. */
int received_get(struct store *st, const char *id, int year,
    struct received *out);
void received_release(struct received *r);
void received_list_release(struct received_list *l);

#endif

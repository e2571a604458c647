/*
 * The received table: a member's year record kept byte for byte as it
 * came (its signature stays checkable), with what the listing and the
 * consolidated report need beside it.  The checks that need the config
 * (membership, pinned keys, the year) are here, the format's in record.c.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "jsonw.h"
#include "log.h"
#include "received.h"
#include "record.h"
#include "store.h"
#include "util.h"

static void
sha256_hex(const char *data, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	if (sodium_init() < 0)
		fatal("cannot initialise libsodium");
	crypto_hash_sha256(h, (const unsigned char *)data, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* The refusals of a record that reads well but that this cluster does not
 * take: 0, or -1 with why. */
static int
check(const struct config *cfg, const struct received_in *in,
    const struct record *r, char *why, size_t whylen)
{
	const struct config_member *m = config_member_find(cfg, r->id);

	if (cfg->nmembers == 0) {
		snprintf(why, whylen, "this union heads no cluster ([cluster] "
		    "members is not set)");
		return -1;
	}
	if (m == NULL) {
		snprintf(why, whylen, "unknown union '%s': not one of [cluster] "
		    "members (%s)", r->id, cfg->cluster_members);
		return -1;
	}
	if (m->key != NULL && !r->is_signed) {
		snprintf(why, whylen, "not signed, but [cluster-member %s] pins "
		    "a key: the member must export it signed", r->id);
		return -1;
	}
	if (m->key != NULL && strcmp(m->key, r->key) != 0) {
		snprintf(why, whylen, "signed with the key %s, not the key "
		    "pinned for '%s' (%s)", r->key, r->id, m->key);
		return -1;
	}
	if (in->want_id != NULL && strcmp(r->id, in->want_id) != 0) {
		snprintf(why, whylen, "the record of '%s', not of '%s'", r->id,
		    in->want_id);
		return -1;
	}
	if (in->want_year != 0 && r->year != in->want_year) {
		snprintf(why, whylen, "a record of %d, not of %d", r->year,
		    in->want_year);
		return -1;
	}
	if (in->today_year != 0 && r->year > in->today_year) {
		snprintf(why, whylen, "a record of %d, a year still to come",
		    r->year);
		return -1;
	}
	return 0;
}

/* The audit trail's view of a record: who, which year, made when, and
 * which bytes; never the record itself. */
static char *
summary(const char *id, int year, const char *generated_at, int is_signed,
    const char *sha)
{
	struct jsonw j;
	struct buf b;

	buf_init(&b);
	jsonw_init(&j, &b, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "union", id);
	jsonw_int(&j, "year", year);
	jsonw_str(&j, "generated_at", generated_at);
	jsonw_bool(&j, "signed", is_signed);
	jsonw_str(&j, "sha256", sha);
	jsonw_end(&j);
	return buf_detach(&b);
}

static int
put(struct store *st, const struct received_in *in, const struct record *r,
    const char *sha)
{
	sqlite3_stmt *stmt = store_prepare(st, "INSERT OR REPLACE INTO"
	    " received (union_id, year, level, name, generated_at, generated,"
	    " received, source, signed, key, sha256, body) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");

	if (stmt != NULL) {
		store_bind_text(stmt, 1, r->id);
		sqlite3_bind_int(stmt, 2, r->year);
		store_bind_text(stmt, 3, r->cluster ? "cluster" : "union");
		store_bind_text(stmt, 4, r->name);
		store_bind_text(stmt, 5, r->generated_at);
		sqlite3_bind_int64(stmt, 6, (sqlite3_int64)r->generated);
		sqlite3_bind_int64(stmt, 7, (sqlite3_int64)in->now);
		store_bind_text(stmt, 8, in->source);
		sqlite3_bind_int(stmt, 9, r->is_signed);
		store_bind_text(stmt, 10, r->is_signed ? r->key : NULL);
		store_bind_text(stmt, 11, sha);
		sqlite3_bind_text(stmt, 12, in->text, (int)in->len,
		    SQLITE_TRANSIENT);
	}
	return store_step_done(st, stmt);
}

/* Keep r unless the one held is the same or newer: in st's transaction,
 * with its audit row.  0 with *outcome, 1 (why), -1. */
static int
keep(struct store *st, const struct received_in *in, const struct record *r,
    enum received_outcome *outcome, char *why, size_t whylen)
{
	struct received held;
	char sha[65], *before = NULL, *after, *obj;
	int rc, ret = -1;

	sha256_hex(in->text, in->len, sha);
	if ((rc = received_get(st, r->id, r->year, &held)) == -1)
		return -1;
	if (rc == 0 && strcmp(held.sha256, sha) == 0) {
		*outcome = RECEIVED_SAME;
		received_release(&held);
		return 0;
	}
	if (rc == 0 && held.generated >= r->generated) {
		snprintf(why, whylen, "not newer than the record of '%s' for "
		    "%d already held (made %s)", r->id, r->year,
		    held.generated_at);
		received_release(&held);
		return 1;
	}
	if (rc == 0)
		before = summary(held.union_id, held.year, held.generated_at,
		    held.is_signed, held.sha256);
	after = summary(r->id, r->year, r->generated_at, r->is_signed, sha);
	obj = xasprintf("record:%s:%d", r->id, r->year);
	if (put(st, in, r, sha) == 0 && audit_add(st, in->who, rc == 0 ?
	    "cluster.replace" : "cluster.receive", obj, before, after,
	    in->now) == 0) {
		*outcome = rc == 0 ? RECEIVED_REPLACED : RECEIVED_NEW;
		ret = 0;
	}
	free(obj);
	free(before);
	free(after);
	if (rc == 0)
		received_release(&held);
	return ret;
}

int
received_import(struct store *st, const struct config *cfg,
    const struct received_in *in, enum received_outcome *outcome,
    char *why, size_t whylen)
{
	struct record r;
	int ret = 1;

	if (in->len > (size_t)cfg->cluster_max_bytes) {
		snprintf(why, whylen, "larger than the %d bytes [cluster] "
		    "max_bytes allows", cfg->cluster_max_bytes);
		return 1;
	}
	if (record_parse(in->text, in->len, &r, why, whylen) == 0 &&
	    check(cfg, in, &r, why, whylen) == 0) {
		if (store_begin(st) == -1)
			ret = -1;
		else if ((ret = keep(st, in, &r, outcome, why, whylen)) == 0)
			ret = store_commit(st);
		else
			(void)store_rollback(st);
	}
	record_release(&r);
	return ret;
}

/* The columns of COLUMNS. */
static const struct store_col received_cols[] = {
	STORE_COL_TEXT(0, struct received, union_id),
	STORE_COL_INT(1, struct received, year),
	STORE_COL_TEXT(2, struct received, level),
	STORE_COL_TEXT(3, struct received, name),
	STORE_COL_TEXT(4, struct received, generated_at),
	STORE_COL_TIME(5, struct received, generated),
	STORE_COL_TIME(6, struct received, at),
	STORE_COL_TEXT(7, struct received, source),
	STORE_COL_INT(8, struct received, is_signed),
	STORE_COL_TEXT(9, struct received, key),
	STORE_COL_TEXT(10, struct received, sha256),
	STORE_COL_TEXT(11, struct received, body),
};

static void
row(sqlite3_stmt *stmt, void *elem)
{
	struct received *r = elem;

	store_columns(stmt, received_cols, NELEM(received_cols), r);
	r->len = r->body != NULL ? (size_t)sqlite3_column_bytes(stmt, 11) : 0;
}

#define COLUMNS "union_id, year, level, name, generated_at, generated," \
	" received, source, signed, key, sha256, body"

int
received_list(struct store *st, int year, struct received_list *out)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT " COLUMNS " FROM"
	    " received WHERE ?1 = 0 OR year = ?1 ORDER BY union_id, year",
	    STORE_INT(year));

	memset(out, 0, sizeof(*out));
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row) == -1) {
		received_list_release(out);
		return -1;
	}
	return 0;
}

int
received_get(struct store *st, const char *id, int year,
    struct received *out)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT " COLUMNS " FROM"
	    " received WHERE union_id = ?1 AND year = ?2",
	    STORE_TEXT(id), STORE_INT(year));

	return store_get_one(st, stmt, out, sizeof(*out), row);
}

void
received_release(struct received *r)
{
	free(r->union_id);
	free(r->name);
	free(r->level);
	free(r->generated_at);
	free(r->source);
	free(r->key);
	free(r->sha256);
	free(r->body);
	memset(r, 0, sizeof(*r));
}

void
received_list_release(struct received_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		received_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/*
 * Accounts.  Argon2id with OWASP's minimum (19 MiB, 2 passes) rather than
 * libsodium's "interactive" 64 MiB: a login storm then costs the server
 * a bounded amount of memory, and at most HASHES_AT_ONCE hashes run at a
 * time whatever the number of threads.  An unknown address is checked
 * against a hash made at start, so it takes as long as a wrong password.
 */
#include <pthread.h>
#include <sodium.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "jsonw.h"
#include "log.h"
#include "store.h"
#include "text.h"
#include "token.h"
#include "user.h"
#include "util.h"

#define PW_OPS		2
#define PW_MEM		(19u * 1024 * 1024)
#define HASHES_AT_ONCE	2

/* In the order of enum role; the role field's choices. */
static const char *const role_names[] = { "viewer", "editor", "admin",
	NULL };

#define IN(m)	offsetof(struct user_input, m)

const struct field user_fields[] = {
	/* The operand of `kyniem user add`. */
	FIELD_EMAIL("email", IN(email), FIELD_REQUIRED | FIELD_NOOPT),
	{ "name", NULL, IN(name), 0, TEXT_LINE_MAX, FIELD_REQUIRED, NULL,
	    NULL, NULL, NULL },
	{ "role", NULL, IN(role), 0, 16, FIELD_REQUIRED, NULL, role_names,
	    "Hãy chọn một vai trò.",
	    "Must be admin, editor or viewer, not '%s'." },
	{ NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static pthread_mutex_t hash_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hash_cond = PTHREAD_COND_INITIALIZER;
static int hashing;
static char dummy[crypto_pwhash_STRBYTES];

void
user_init(void)
{
	token_init();
	if (crypto_pwhash_str(dummy, "not a password", 14, PW_OPS, PW_MEM) !=
	    0)
		fatal("cannot hash a password (out of memory)");
}

/* Run at most HASHES_AT_ONCE Argon2 computations; each takes PW_MEM. */
static void
hash_enter(void)
{
	pthread_mutex_lock(&hash_lock);
	while (hashing >= HASHES_AT_ONCE)
		pthread_cond_wait(&hash_cond, &hash_lock);
	hashing++;
	pthread_mutex_unlock(&hash_lock);
}

static void
hash_leave(void)
{
	pthread_mutex_lock(&hash_lock);
	hashing--;
	pthread_cond_signal(&hash_cond);
	pthread_mutex_unlock(&hash_lock);
}

int
user_check(const struct user_input *in, struct field_errs *errs)
{
	return field_check(user_fields, in, 0, errs);
}

const char *
user_role_name(enum role r)
{
	return (size_t)r < NELEM(role_names) - 1 ? role_names[r] : "viewer";
}

void
user_json(const struct user *u, struct buf *out)
{
	struct jsonw j;

	jsonw_init(&j, out, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "email", u->email);
	jsonw_str(&j, "name", u->name);
	jsonw_str(&j, "role", user_role_name(u->role));
	jsonw_bool(&j, "disabled", u->disabled);
	jsonw_end(&j);
}

int
user_role_parse(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i + 1 < NELEM(role_names); i++)
		if (strcmp(s, role_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
user_password_problem(const char *email, const char *password)
{
	const char *why, *at = strchr(email, '@');
	size_t local = at != NULL ? (size_t)(at - email) : strlen(email);

	if (text_check(password, 1000, TEXT_REQUIRED, &why) == -1)
		return "the password must be text of at most 1000 characters";
	if (text_chars(password) < USER_PASSWORD_MIN)
		return "the password needs at least 10 characters";
	if (strcasecmp(password, email) == 0 || (strlen(password) == local &&
	    strncasecmp(password, email, local) == 0))
		return "the password must not be the email address";
	return NULL;
}

/* The hash of a password; 0 or -1 (out of memory, logged). */
static int
hash_password(const char *password, char *out)
{
	int rc;

	hash_enter();
	rc = crypto_pwhash_str(out, password, strlen(password), PW_OPS, PW_MEM);
	hash_leave();
	if (rc != 0)
		log_warnx("cannot hash a password: out of memory");
	return rc == 0 ? 0 : -1;
}

#define USER_COLUMNS "id, email, name, role, password IS NOT NULL, " \
	"disabled, created"

/* The columns of USER_COLUMNS read as they are; row_user() reads the
 * role (3). */
static const struct store_col user_cols[] = {
	STORE_COL_LONG(0, struct user, id),
	STORE_COL_TEXT(1, struct user, email),
	STORE_COL_TEXT(2, struct user, name),
	STORE_COL_INT(4, struct user, has_password),
	STORE_COL_INT(5, struct user, disabled),
	STORE_COL_TIME(6, struct user, created),
};

static void
row_user(sqlite3_stmt *stmt, void *elem)
{
	struct user *u = elem;
	int r;

	memset(u, 0, sizeof(*u));
	store_columns(stmt, user_cols, NELEM(user_cols), u);
	r = user_role_parse((const char *)sqlite3_column_text(stmt, 3));
	u->role = r < 0 ? ROLE_VIEWER : (enum role)r;
}

int
user_get(struct store *st, const char *email, struct user *out)
{
	char *addr = xstrlower(email);
	sqlite3_stmt *stmt = store_stmt(st, "SELECT " USER_COLUMNS
	    " FROM users WHERE email = ?1",
	    STORE_TEXT(addr));
	int ret;

	ret = store_get_one(st, stmt, out, sizeof(*out), row_user);
	free(addr);
	return ret;
}

int
user_get_id(struct store *st, long id, struct user *out)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT " USER_COLUMNS
	    " FROM users WHERE id = ?1",
	    STORE_INT(id));

	return store_get_one(st, stmt, out, sizeof(*out), row_user);
}

void
user_release(struct user *u)
{
	free(u->email);
	free(u->name);
	memset(u, 0, sizeof(*u));
}

int
user_load(struct store *st, struct user_list *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT " USER_COLUMNS
	    " FROM users ORDER BY email");

	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_user) == -1) {
		user_list_release(out);
		return -1;
	}
	return 0;
}

int
user_page(struct store *st, long offset, long limit, struct user_list *out,
    long *total)
{
	sqlite3_stmt *stmt;

	memset(out, 0, sizeof(*out));
	if (store_count(st, "SELECT count(*) FROM users", NULL, total) == -1)
		return -1;
	stmt = store_stmt(st, "SELECT " USER_COLUMNS " FROM users"
	    " ORDER BY email LIMIT ?1 OFFSET ?2",
	    STORE_INT(limit), STORE_INT(offset));
	if (store_collect(st, stmt, &out->v, &out->n, sizeof(*out->v),
	    row_user) == -1) {
		user_list_release(out);
		return -1;
	}
	return 0;
}

void
user_list_release(struct user_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		user_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int
user_verify(struct store *st, const char *email, const char *password,
    struct user *out)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT password FROM users"
	    " WHERE email = ?1 AND disabled = 0 AND password IS NOT NULL");
	char hash[crypto_pwhash_STRBYTES], *addr = xstrlower(email);
	int rc, ok;

	hash[0] = '\0';
	if (stmt == NULL) {
		free(addr);
		return -1;
	}
	store_bind_text(stmt, 1, addr);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		snprintf(hash, sizeof(hash), "%s",
		    (const char *)sqlite3_column_text(stmt, 0));
	if (store_rows_done(st, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc) ==
	    -1) {
		free(addr);
		return -1;
	}
	/* No such account: the same work against the dummy hash. */
	hash_enter();
	ok = crypto_pwhash_str_verify(hash[0] != '\0' ? hash : dummy,
	    password, strlen(password)) == 0 && hash[0] != '\0';
	hash_leave();
	rc = ok ? user_get(st, addr, out) : 1;
	free(addr);
	if (rc == -1)
		return -1;
	return ok && rc == 0 ? 1 : 0;
}

/* The audit row of action on the account of email by who, the account
 * before and after as JSON (either NULL: a password or a link, which
 * the trail never holds); 0 or -1. */
static int
audit_user(struct store *st, const char *who, const char *action,
    const char *email, const struct user *before, const struct user *after,
    time_t now)
{
	struct buf obj, b, a;
	int ret;

	buf_init(&obj);
	buf_init(&b);
	buf_init(&a);
	buf_printf(&obj, "user:%s", email);
	if (before != NULL)
		user_json(before, &b);
	if (after != NULL)
		user_json(after, &a);
	ret = audit_add(st, who, action, obj.data, b.data, a.data, now);
	buf_release(&obj);
	buf_release(&b);
	buf_release(&a);
	return ret;
}

/* End every session of account id; 0 or -1. */
static int
end_sessions(struct store *st, long id)
{
	return store_exec(st,
	    "DELETE FROM sessions WHERE user = ?1",
	    STORE_INT(id));
}

/*
 * Store a new link for account id, inside the caller's transaction, and
 * return its token (NULL, logged).  A reset also drops the password and
 * ends the account's sessions: whoever knew the old password (or held a
 * session) is out at once, not when the link is used.
 */
static char *
link_in_tx(struct store *st, long id, time_t now, int reset)
{
	sqlite3_stmt *stmt;
	char h[TOKEN_HASH_LEN + 1], *tok = token_new();

	token_hash(tok, h);
	stmt = store_prepare(st, reset ? "UPDATE users SET link_hash = ?2,"
	    " link_until = ?3, password = NULL, modified = ?4 WHERE id = ?1" :
	    "UPDATE users SET link_hash = ?2, link_until = ?3 WHERE id = ?1");
	if (stmt != NULL) {
		sqlite3_bind_int64(stmt, 1, id);
		store_bind_text(stmt, 2, h);
		sqlite3_bind_int64(stmt, 3, (sqlite3_int64)(now +
		    USER_LINK_SECONDS));
		if (reset)
			sqlite3_bind_int64(stmt, 4, (sqlite3_int64)now);
	}
	if (store_step_done(st, stmt) == 0 && (!reset ||
	    end_sessions(st, id) == 0))
		return tok;
	util_free_secret(tok);
	return NULL;
}

/* The write of user_add() inside its transaction: 0, 1 or -1; *link is
 * the new link's token when the account has no password (hash NULL). */
static int
add_in_tx(struct store *st, const struct user *u, const char *hash,
    const char *who, time_t now, char **link)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_exists(st, "SELECT 1 FROM users WHERE email = ?1",
	    u->email, NULL)) != 0)
		return rc == 1 ? 1 : -1;
	stmt = store_stmt(st, "INSERT INTO users (email, name, role,"
	    " password, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
	    STORE_TEXT(u->email), STORE_TEXT(u->name),
	    STORE_TEXT(user_role_name(u->role)), STORE_TEXT(hash),
	    STORE_INT(now));
	if (store_step_done(st, stmt) == -1)
		return -1;
	if (hash == NULL && (*link = link_in_tx(st, (long)
	    sqlite3_last_insert_rowid(store_db(st)), now, 0)) == NULL)
		return -1;
	return audit_user(st, who, "user.add", u->email, NULL, u, now);
}

int
user_add(struct store *st, const char *email, const char *name,
    enum role role, const char *password, const char *who, time_t now,
    char **link)
{
	char hash[crypto_pwhash_STRBYTES], *tok = NULL;
	struct user u = { 0 };
	int ret = -1;

	u.email = xstrlower(email);
	u.name = (char *)name;
	u.role = role;
	/* Hashed before the transaction: Argon2 takes its time, and the
	 * database is not locked meanwhile. */
	if (password != NULL && hash_password(password, hash) == -1)
		goto done;
	if (store_begin(st) == -1)
		goto done;
	ret = store_finish(st, add_in_tx(st, &u, password != NULL ? hash :
	    NULL, who, now, &tok));
	if (ret == 0 && link != NULL) {
		*link = tok;
		tok = NULL;
	}
done:
	util_free_secret(tok);
	sodium_memzero(hash, sizeof(hash));
	free(u.email);
	return ret;
}

/* Set the disabled flag of the account before (as loaded), ending its
 * sessions when disabled, with the audit row; 0 or -1. */
static int
set_disabled(struct store *st, const struct user *before, int disabled,
    const char *who, time_t now)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE users SET disabled ="
	    " ?2, modified = ?3 WHERE id = ?1",
	    STORE_INT(before->id), STORE_INT(disabled != 0), STORE_INT(now));
	struct user after = *before;

	if (store_step_done(st, stmt) == -1 || (disabled &&
	    end_sessions(st, before->id) == -1))
		return -1;
	after.disabled = disabled != 0;
	return audit_user(st, who, disabled ? "user.disable" : "user.enable",
	    before->email, before, &after, now);
}

int
user_set_disabled(struct store *st, const char *email, int disabled,
    const char *who, time_t now)
{
	struct user u;
	int rc;

	if (store_begin(st) == -1)
		return -1;
	if ((rc = user_get(st, email, &u)) == 0) {
		rc = set_disabled(st, &u, disabled, who, now);
		user_release(&u);
	}
	return store_finish(st, rc);
}

/* The write of user_change() inside its transaction: 0, 1, 2 or -1. */
static int
change_in_tx(struct store *st, long id, enum role role, int disabled,
    const char *who, const char *action, time_t now)
{
	sqlite3_stmt *stmt;
	struct user before, after;
	int rc;

	if ((rc = user_get_id(st, id, &before)) != 0)
		return rc;
	stmt = store_stmt(st, "UPDATE users SET role = ?2, disabled = ?3,"
	    " modified = ?4 WHERE id = ?1",
	    STORE_INT(id), STORE_TEXT(user_role_name(role)),
	    STORE_INT(disabled != 0), STORE_INT(now));
	rc = -1;
	if (store_step_done(st, stmt) == -1)
		goto done;
	/* Checked after the write, inside the transaction: two admins
	 * demoting each other at once cannot both succeed. */
	if ((rc = store_exists(st, "SELECT 1 FROM users WHERE role = ?1"
	    " AND disabled = 0", "admin", NULL)) != 1) {
		rc = rc == 0 ? 2 : -1;
		goto done;
	}
	rc = -1;
	if (disabled && end_sessions(st, id) == -1)
		goto done;
	after = before;
	after.role = role;
	after.disabled = disabled != 0;
	rc = audit_user(st, who, action, before.email, &before, &after, now);
done:
	user_release(&before);
	return rc;
}

int
user_change(struct store *st, long id, enum role role, int disabled,
    const char *who, const char *action, time_t now)
{
	if (store_begin(st) == -1)
		return -1;
	return store_finish(st, change_in_tx(st, id, role, disabled, who,
	    action, now));
}

/* The write of user_set_password() inside its transaction. */
static int
password_in_tx(struct store *st, long id, const char *hash, const char *who,
    time_t now)
{
	sqlite3_stmt *stmt;
	struct user u;
	int rc;

	if ((rc = user_get_id(st, id, &u)) != 0)
		return rc;
	/* Setting a password uses up the one-time link. */
	stmt = store_stmt(st, "UPDATE users SET password = ?2,"
	    " link_hash = NULL, link_until = NULL, modified = ?3"
	    " WHERE id = ?1",
	    STORE_INT(id), STORE_TEXT(hash), STORE_INT(now));
	rc = store_step_done(st, stmt) == 0 && end_sessions(st, id) == 0 ?
	    audit_user(st, who, "user.password", u.email, NULL, NULL, now) :
	    -1;
	user_release(&u);
	return rc;
}

int
user_set_password(struct store *st, long id, const char *password,
    const char *who, time_t now)
{
	char hash[crypto_pwhash_STRBYTES];
	int ret = -1;

	if (hash_password(password, hash) == -1)
		return -1;
	if (store_begin(st) == 0)
		ret = store_finish(st, password_in_tx(st, id, hash, who, now));
	sodium_memzero(hash, sizeof(hash));
	return ret;
}

/* The write of user_reset() inside its transaction: the token, or NULL
 * (logged, or no such account). */
static char *
reset_in_tx(struct store *st, long id, const char *who, time_t now)
{
	struct user u;
	char *tok = NULL;

	if (user_get_id(st, id, &u) != 0)
		return NULL;
	if ((tok = link_in_tx(st, id, now, 1)) != NULL &&
	    audit_user(st, who, "user.reset", u.email, NULL, NULL, now) ==
	    -1) {
		util_free_secret(tok);
		tok = NULL;
	}
	user_release(&u);
	return tok;
}

char *
user_reset(struct store *st, long id, const char *who, time_t now)
{
	char *tok;

	if (store_begin(st) == -1)
		return NULL;
	if ((tok = reset_in_tx(st, id, who, now)) == NULL) {
		store_rollback(st);
		return NULL;
	}
	if (store_commit(st) == 0)
		return tok;
	util_free_secret(tok);
	return NULL;
}

int
user_link_find(struct store *st, const char *token, time_t now,
    struct user *out)
{
	char h[TOKEN_HASH_LEN + 1];

	token_hash(token, h);
	return store_get_one(st, store_stmt(st, "SELECT " USER_COLUMNS
	    " FROM users WHERE link_hash = ?1 AND link_until > ?2"
	    " AND disabled = 0", STORE_TEXT(h), STORE_INT(now)), out,
	    sizeof(*out), row_user);
}

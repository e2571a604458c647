/*
 * Staff accounts of the web application: the users table, roles,
 * passwords hashed with Argon2id (libsodium's crypto_pwhash_str), and
 * the one-time link that lets a new or reset account choose its
 * password.  Sessions are session.c's; who may do what is web.c's.
 */
#ifndef KYNIEM_USER_H
#define KYNIEM_USER_H

#include <stddef.h>
#include <time.h>

#include "field.h"

struct buf;
struct store;

/* Ordered: each role may do what the ones before it may. */
enum role { ROLE_VIEWER, ROLE_EDITOR, ROLE_ADMIN };

/* Characters a password needs at least. */
#define USER_PASSWORD_MIN	10
/* How long a one-time link is good for. */
#define USER_LINK_SECONDS	(24 * 3600)

struct user {
	long id;
	char *email, *name;
	enum role role;
	int disabled;
	int has_password;
	time_t created;
};

struct user_list {
	struct user *v;
	size_t n;
};

/* An account to add, as typed: the web's add form, `kyniem user add`
 * (the address its operand, --name and --role). */
struct user_input {
	const char *email, *name, *role;
};

/* The fields of a user_input: the address, the name and the role. */
extern const struct field user_fields[];

/* Check an account to add against user_fields: 0, or -1 with the
 * refusals added to errs. */
int user_check(const struct user_input *in, struct field_errs *errs);

/* Call once before anything else here (libsodium's sodium_init). */
void user_init(void);

const char *user_role_name(enum role r);
/* The account as a JSON object for the audit trail: email, name, role,
 * disabled (never its password or link), appended to out. */
void user_json(const struct user *u, struct buf *out);
/* Role from its name; -1 if unknown. */
int user_role_parse(const char *s);

/*
 * Check a new password for email: at least USER_PASSWORD_MIN characters,
 * not the address (nor its local part), valid text.  NULL, or a static
 * reason in English (web_session.c says it in the user's language).
 */
const char *user_password_problem(const char *email, const char *password);

/*
 * Add an account (email lower-cased) by who, with its audit row
 * ("user.add" on "user:EMAIL", the account as after), in one
 * transaction.  password may be NULL: the person then sets it through a
 * one-time link (good for USER_LINK_SECONDS), made in the same
 * transaction, whose token is *link (caller frees; link may be NULL
 * when password is not).  Returns 0, 1 if the address exists, -1 (all
 * but 0 with nothing written).
 */
int user_add(struct store *st, const char *email, const char *name,
    enum role role, const char *password, const char *who, time_t now,
    char **link);

/* The account of email or id into *out: 0, 1 if none, -1 on error. */
int user_get(struct store *st, const char *email, struct user *out);
int user_get_id(struct store *st, long id, struct user *out);
void user_release(struct user *u);

/* Every account, by address; 0 or -1. */
int user_load(struct store *st, struct user_list *out);
/* A page of user_load()'s list: offset rows skipped, at most limit;
 * *total is the whole list's length.  0 or -1. */
int user_page(struct store *st, long offset, long limit,
    struct user_list *out, long *total);
void user_list_release(struct user_list *l);

/*
 * Every write below is made by who and records its audit row on
 * "user:EMAIL" in its own transaction: the change and the row are
 * written together, or neither.
 */

/* Disable or enable an account (its sessions end), "user.disable" or
 * "user.enable"; 0, 1 if none, -1. */
int user_set_disabled(struct store *st, const char *email, int disabled,
    const char *who, time_t now);
/*
 * Set the role and the disabled flag of account id at once, refusing a
 * change that would leave no enabled admin account (no one could then
 * manage accounts from the web application).  Disabling ends the
 * account's sessions.  The audit row is action ("user.role",
 * "user.disable"...) with the account before and after.  Returns 0, 1 if
 * there is no such account, 2 when refused (nothing changed), -1 on
 * error.
 */
int user_change(struct store *st, long id, enum role role, int disabled,
    const char *who, const char *action, time_t now);
/* Set the password (hashed) and end the account's sessions,
 * "user.password" (never the password itself); 0, 1 if none, -1. */
int user_set_password(struct store *st, long id, const char *password,
    const char *who, time_t now);

/*
 * Verify email's password.  Returns 1 and the account in *out (release
 * it) when right and the account is enabled, 0 when not (an unknown or
 * disabled address costs the same time as a wrong password), -1 on
 * error.
 */
int user_verify(struct store *st, const char *email, const char *password,
    struct user *out);

/*
 * A reset, "user.reset": a new one-time link (its hash stored, good for
 * USER_LINK_SECONDS, replacing any earlier link), and at once the
 * account's password stops working and its sessions end.  Returns the
 * token to put in the link (caller frees; never in the trail), or NULL
 * (logged, or no such account).
 */
char *user_reset(struct store *st, long id, const char *who, time_t now);
/* The account whose link token this is, if not expired: 0 and *out, 1
 * when none, -1 on error. */
int user_link_find(struct store *st, const char *token, time_t now,
    struct user *out);

#endif

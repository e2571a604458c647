/*
 * Contacts: the foreign missions in Vietnam (embassies, consulates
 * general, consulates), friendship associations and partner
 * organisations a union writes to, with the form of address of their
 * head.  Rows come from calendars/contacts.csv and `kyniem import` (the
 * imported layer); the web application's edits are a layer of their own,
 * which a re-import leaves alone until the imported row itself changes
 * (the rule corrections follow, correction.h).  Nothing removes a
 * contact: which ones the union writes to is [letters] contacts in the
 * config, contact_for_country().
 */
#ifndef KYNIEM_CONTACT_H
#define KYNIEM_CONTACT_H

#include <stddef.h>
#include <time.h>

#include "contact_sel.h"
#include "field.h"

struct buf;
struct config;
struct jsonw;
struct store;

/* The columns of calendars/contacts.csv, in order (import.c's header). */
#define CONTACT_CSV_HEADER "key,country,kind,city,name_vi,name_en,address," \
	"email,website,head_title_vi,head_title_en,confidence,source,note"
#define CONTACT_CSV_FIELDS	14

/* Where the values of a loaded contact come from. */
enum contact_origin {
	CONTACT_IMPORTED,	/* calendars/ or kyniem import, as is */
	CONTACT_EDITED,		/* an imported row changed in the web app */
	CONTACT_ADDED		/* added in the web app */
};

/*
 * One contact.  As input (contact_check(), _import(), _put()) the fields
 * are borrowed and NULL means empty; a loaded contact owns them (release
 * with contact_release()).
 */
struct contact {
	char *key;		/* embassy:JP, cg:LA:da-nang, association:x */
	char *country;		/* ISO 3166-1 alpha-2, a row of countries */
	char *kind;		/* embassy, consulate-general, consulate,
				 * association, organisation */
	char *city, *name_vi, *name_en, *address, *email, *website;
	char *head_title_vi;	/* "Ngài Đại sứ" */
	char *head_title_en;	/* "His/Her Excellency the Ambassador" */
	char *confidence;	/* confirmed, single-source, unverified */
	char *source, *note;
	/* Loaded only. */
	enum contact_origin origin;
	char *who;		/* who edited or added it (not IMPORTED) */
	time_t at;		/* and when */
};

struct contact_list {
	struct contact *v;
	size_t n;
};

/*
 * The fields of a contact, in the order of CONTACT_CSV_HEADER's columns,
 * each at its member of struct contact: the import's columns and the web
 * form's fields.
 */
extern const struct field contact_fields[];

/*
 * Check a contact: every field through its row of contact_fields (names
 * and titles one line of TEXT_LINE_MAX, source and note TEXT_SOURCE_MAX;
 * key, country, kind, name_vi, name_en, confidence and source required;
 * the kind one of the five; the country two capital letters; the email
 * as text_email_valid() wants; the website http:// or https:// without
 * spaces; the confidence one of the three), then the key's shape agreeing
 * with kind and country (embassy:CC, cg:CC:CITY, consulate:CC:CITY,
 * association:NAME, organisation:NAME; CITY and NAME of a-z 0-9 -), the
 * country a row of countries when st is not NULL, and a note for an
 * unverified contact.  Returns 0, 1 with the refusals added to errs, or
 * -1 when the database failed (logged).
 */
int contact_check(struct store *st, const struct contact *c,
    struct field_errs *errs);

/* Borrow the fields of a CSV row (CONTACT_CSV_HEADER's order) into c. */
void contact_from_csv(char **f, struct contact *c);

/*
 * Insert or update the imported row of c->key (checked first).  *changed
 * is 1 when a row was added or a value differed (its revision then moves,
 * which supersedes a web edit made on the old row), 0 when it was already
 * the same: importing a file twice changes nothing.  0 or -1 (logged).
 */
int contact_import(struct store *st, const struct contact *c, long now,
    int *changed);

/*
 * Record the web application's version of c (checked first) by who: an
 * edit of the imported row of the same key, kept over re-imports of that
 * row while it is unchanged, or an addition when there is none; with its
 * audit row ("contact.edit", or "contact.add" for a key that had no
 * contact, on "contact:KEY", the contact before and after) in one
 * transaction.  0, or -1 (logged) with nothing written.
 */
int contact_put(struct store *st, const struct contact *c, const char *who,
    time_t now);

/* The contact key as it is now into *out (release it): 0, 1 when there is
 * none, -1 on error (logged). */
int contact_get(struct store *st, const char *key, struct contact *out);

/*
 * The contacts as they are now, of country (NULL: all), sorted by
 * country, then embassy, consulates general, consulates, associations,
 * organisations, then key.  0 or -1 (logged); release with
 * contact_list_release().
 */
int contact_load(struct store *st, const char *country,
    struct contact_list *out);
void contact_release(struct contact *c);
/* A page of contact_load()'s list: offset rows skipped, at most limit;
 * *total is the whole list's length.  0 or -1. */
int contact_page(struct store *st, const char *country, long offset,
    long limit, struct contact_list *out, long *total);
void contact_list_release(struct contact_list *l);

/* c as a JSON object of its 14 columns (and "origin" when loaded is
 * set), the shape of the audit trail and of `kyniem contact --format
 * json`: contact_json() appends it to out alone, contact_json_value()
 * writes it as the next value of j (in a list). */
void contact_json(const struct contact *c, int loaded, struct buf *out);
void contact_json_value(struct jsonw *j, const struct contact *c,
    int loaded);

/*
 * The contacts of country the union writes to, as [letters] contacts of
 * cfg chooses them, in contact_load()'s order: what a congratulation
 * letter for that country's day is addressed to (none is an empty list,
 * not an error).  0 or -1 (logged); release with contact_list_release().
 */
int contact_for_country(struct store *st, const struct config *cfg,
    const char *country, struct contact_list *out);

#endif

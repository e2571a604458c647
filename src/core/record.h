/*
 * A union's year record (doc/record-format.md): reading one that another
 * union sent, checking each field and its signature, into a struct whose
 * strings are borrowed from the parsed document; and the head, the
 * signature and the signing of one written.  Its body is
 * report_record.c's and cluster_record.c's (paper/), storing received
 * ones received.c's.
 */
#ifndef KYNIEM_RECORD_H
#define KYNIEM_RECORD_H

#include <stddef.h>
#include <time.h>

#include "sign.h"
#include "util.h"

/* jansson's tree, kept out of this header: its json_* names reach only
 * the files that read records. */
struct json_t;
struct jsonw;

#define RECORD_FORMAT	"kyniem-year-record"
/* The version this kyniem writes and the newest it reads; every older
 * one is read too (fields a version added are optional before it). */
#define RECORD_VERSION	1

/* A count by a key: letters by occasion, aid by currency. */
struct record_kv {
	const char *key;
	long long n;
};

/* The figures of a union's (or a cluster's) year, as its report gives
 * them. */
struct record_counts {
	long long activities;		/* done in the year */
	long long out, in;		/* the union's own delegations */
	long long letters;
	struct record_kv *letters_by;	/* by occasion kind, sorted */
	size_t nletters_by;
	long long people;		/* participants, summed */
	long long people_acts;		/* activities that state them */
	const char **countries;		/* partner countries, sorted */
	size_t ncountries;
	struct record_kv *aid;		/* foreign NGO aid by currency */
	size_t naid;
};

struct record_activity {
	const char *key, *title, *sentence;
	const char *start, *end;	/* YYYY-MM-DD */
	int dated;			/* 0: some day of the year */
	const char *place, *category, *observance;	/* NULL: none */
	const char **countries;
	size_t ncountries;
	const char *partners, *result;	/* NULL: none */
	long long participants;		/* -1: not stated */
	const char *member_key, *member_name;	/* NULL: the union's */
	long long amount;		/* NGO aid; -1: none */
	const char *currency;
	long long budget;		/* VND; -1: none */
	int milestone;			/* of a milestone of the year */
	const char *union_id;		/* a cluster's: whose; else NULL */
};

/* A milestone marked in the year, or planned for the next. */
struct record_milestone {
	const char *observance, *title, *date;
	long long years;
	const char **activities;	/* the keys of its activities */
	size_t nactivities;
	const char **unions;		/* a cluster's: who marked it */
	size_t nunions;
};

/* A member of a cluster, in a cluster's record. */
struct record_member {
	const char *id, *name;		/* name NULL: never reported */
	int reported, is_signed;
	int has_counts;
	struct record_counts counts;
};

struct record {
	struct json_t *doc;		/* owns every string below */
	long long version;
	int cluster;			/* level "cluster" */
	const char *id, *name, *province;	/* the union (or cluster) */
	int year;
	const char *generated_at;
	time_t generated;		/* the same, as an instant */
	struct record_activity *acts;
	size_t nacts;
	struct record_counts counts;
	struct record_milestone *milestones;
	size_t nmilestones;
	int next_year;
	struct record_milestone *next;	/* next year's planned */
	size_t nnext;
	struct record_member *members;	/* a cluster's */
	size_t nmembers;
	int is_signed;			/* with a signature that verified */
	char key[SIGN_PUB_LEN + 1];	/* the key it verified with */
};

/*
 * Read text[0..len) as a year record into *r: JSON (jansson, duplicate
 * names refused), the format's name, a version no newer than
 * RECORD_VERSION, every field of its type and within its limits, and a
 * signature when it has one, checked over the record's canonical bytes
 * (record_canonical()).  Returns 0, or -1 with the reason in why (a
 * sentence naming the field: "activities[3].start: not a date
 * YYYY-MM-DD"; "bad signature: ...").  Release *r either way.
 */
int record_parse(const char *text, size_t len, struct record *r, char *why,
    size_t whylen);
void record_release(struct record *r);

/*
 * The bytes a record's signature covers: the document without its
 * "signature" member in RFC 8785 canonical form (jcs.h), appended to out.
 * 0, or -1 when the document holds a real number.
 */
int record_canonical(const struct json_t *doc, struct buf *out);

/*
 * The signature of the record text[0..len) (JSON, any "signature" member
 * left out) with k, over its canonical bytes, into sig: what record
 * export writes.  0, or -1 with why (not JSON, or a real number).
 */
int record_sign(const char *text, size_t len, const struct sign_key *k,
    char sig[SIGN_SIG_LEN + 1], char *why, size_t whylen);

/*
 * Start a record in out, on a few lines a person can read (the
 * signature covers its canonical form, whatever the spacing), with what
 * every record starts with: format, version, level ("union" or
 * "cluster"), the union (id, name, province: NULL or "" writes null),
 * year, generated_at (now in Vietnam's time) and generator ("kyniem
 * VERSION").
 */
void record_write_begin(struct jsonw *j, struct buf *out, const char *level,
    const char *id, const char *name, const char *province, int year,
    time_t now, const char *version);
/* End it: the signature member when sig is not NULL (alg, key, value),
 * the closing brace and a newline. */
void record_write_end(struct jsonw *j, const char *key, const char *sig);
/* Whom an activity is credited to and what aid it mobilised: member,
 * {key, name} or null when member is NULL, and amount, {value,
 * currency} or null when currency is NULL. */
void record_write_credit(struct jsonw *j, const char *member,
    const char *name, long long amount, const char *currency);
/*
 * A record into out: put(arg, key, sig, out) writes it, ending it with
 * record_write_end(key, sig).  Without k, the unsigned text
 * (key and sig NULL); with k, the text again with the signature of the
 * unsigned one's canonical bytes.  0, or -1 (logged, or body's -1).
 */
int record_write(const struct sign_key *k, int (*put)(void *arg,
    const char *key, const char *sig, struct buf *out), void *arg,
    struct buf *out);

/* An ISO 8601 instant with seconds and offset, "2024-01-05T08:00:00+07:00"
 * (or Z), as a time; 0 or -1 (not one). */
int record_parse_instant(const char *s, time_t *out);

#endif

/*
 * Reading a year record.  jansson parses (RFC 8259, valid UTF-8, no NUL,
 * duplicate names refused); every field is then checked here as the JSON
 * Schema of doc/record.schema.json says, so that what a document, a page
 * or the database later takes from a record is of its type and within
 * its limits.  The first error is the one reported, with its path.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jcs.h"
#include "jsonw.h"
#include "log.h"
#include "record.h"
#include "sign.h"
#include "text.h"
#include "util.h"
#include "vntime.h"

/* JSON numbers above this lose digits in ECMAScript (RFC 8785). */
#define SAFE_MAX	9007199254740991LL
#define PATH_MAX_LEN	96

struct ctx {
	char *why;
	size_t len;
	int failed;
};

static int
failf(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (!c->failed) {
		va_start(ap, fmt);
		vsnprintf(c->why, c->len, fmt, ap);
		va_end(ap);
	}
	c->failed = 1;
	return -1;
}

/* A field's path for messages, into out (PATH_MAX_LEN bytes); a path
 * too long to fit (a long key) ends in "...". */
static void
path_fmt(char *out, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, PATH_MAX_LEN, fmt, ap);
	va_end(ap);
	if (n >= PATH_MAX_LEN)
		memcpy(out + PATH_MAX_LEN - 4, "...", 4);
}

/* "activities[3]" + "start": "activities[3].start". */
static void
join(char *out, const char *path, const char *name)
{
	path_fmt(out, "%s%s%s", path, *path ? "." : "", name);
}

/*
 * The member name of obj if it is of type t; NULL when it is absent or
 * null and not required (absent and required, or of another type, is an
 * error).
 */
static json_t *
get(struct ctx *c, json_t *obj, const char *path, const char *name,
    json_type t, int required)
{
	json_t *v = json_object_get(obj, name);
	char p[PATH_MAX_LEN];
	static const char *const types[] = { "an object", "an array",
	    "a string", "an integer", "a number", "true or false",
	    "true or false", "null" };

	join(p, path, name);
	if (v == NULL || json_is_null(v)) {
		if (required)
			failf(c, "%s: missing", p);
		return NULL;
	}
	if (json_typeof(v) != t && !(t == JSON_TRUE && json_is_boolean(v))) {
		failf(c, "%s: not %s", p, types[t]);
		return NULL;
	}
	return v;
}

/* A string member checked as a text field of at most max characters. */
static const char *
str(struct ctx *c, json_t *obj, const char *path, const char *name,
    int required, size_t max)
{
	json_t *v = get(c, obj, path, name, JSON_STRING, required);
	const char *s, *why;
	char p[PATH_MAX_LEN];

	if (v == NULL)
		return NULL;
	s = json_string_value(v);
	if (text_check(s, max, required ? TEXT_REQUIRED : 0, &why) == -1) {
		join(p, path, name);
		failf(c, "%s: %s", p, why);
		return NULL;
	}
	return *s != '\0' ? s : NULL;
}

static long long
integer(struct ctx *c, json_t *obj, const char *path, const char *name,
    int required, long long min, long long max)
{
	json_t *v = get(c, obj, path, name, JSON_INTEGER, required);
	char p[PATH_MAX_LEN];
	long long n;

	if (v == NULL)
		return -1;
	n = json_integer_value(v);
	if (n < min || n > max) {
		join(p, path, name);
		failf(c, "%s: %lld is not within %lld-%lld", p, n, min, max);
		return -1;
	}
	return n;
}

static int
boolean(struct ctx *c, json_t *obj, const char *path, const char *name)
{
	json_t *v = get(c, obj, path, name, JSON_TRUE, 1);

	return v != NULL && json_is_true(v);
}

static int
is_date(const char *s)
{
	struct ymd d;

	return s != NULL && strlen(s) == 10 && util_parse_ymd(s, &d) == 0;
}

static int
is_country(const char *s)
{
	return strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	    s[1] <= 'Z';
}

static int
is_currency(const char *s)
{
	return strlen(s) == 3 && is_country(s + 1) && s[0] >= 'A' &&
	    s[0] <= 'Z';
}

static int
is_key(const char *s)
{
	const char *why;

	return text_check(s, TEXT_KEY_MAX * 2, TEXT_REQUIRED, &why) == 0 &&
	    strpbrk(s, " \t") == NULL;
}

static const char *
date(struct ctx *c, json_t *obj, const char *path, const char *name)
{
	const char *s = str(c, obj, path, name, 1, 10);
	char p[PATH_MAX_LEN];

	if (s != NULL && !is_date(s)) {
		join(p, path, name);
		failf(c, "%s: '%s' is not a date YYYY-MM-DD", p, s);
		return NULL;
	}
	return s;
}

/* The array name of obj (required) into *a, and room for its elements,
 * size bytes each (the caller frees it); NULL when it is absent or
 * empty. */
static void *
array_room(struct ctx *c, json_t *obj, const char *path, const char *name,
    size_t size, json_t **a)
{
	*a = get(c, obj, path, name, JSON_ARRAY, 1);
	if (*a == NULL || json_array_size(*a) == 0)
		return NULL;
	return xcalloc(json_array_size(*a), size);
}

/* An array of strings each ok() accepts, as borrowed pointers (NULL when
 * empty or absent; the caller frees the array). */
static const char **
strings(struct ctx *c, json_t *obj, const char *path, const char *name,
    int (*ok)(const char *), const char *what, size_t *n)
{
	json_t *a, *v;
	const char **out = array_room(c, obj, path, name, sizeof(*out), &a);
	char p[PATH_MAX_LEN];
	size_t i;

	*n = 0;
	if (out == NULL)
		return NULL;
	json_array_foreach(a, i, v) {
		join(p, path, name);
		if (!json_is_string(v) || !ok(json_string_value(v))) {
			failf(c, "%s[%zu]: not %s", p, i, what);
			break;
		}
		out[(*n)++] = json_string_value(v);
	}
	return out;
}

/* An object of counts, {"KEY": n, ...}, or an array of {key, n} with the
 * given member names (aid: "currency" and "amount"). */
static struct record_kv *
kv_object(struct ctx *c, json_t *obj, const char *path, const char *name,
    size_t *n)
{
	json_t *o = get(c, obj, path, name, JSON_OBJECT, 1), *v;
	struct record_kv *out;
	const char *k;
	char p[PATH_MAX_LEN], q[PATH_MAX_LEN];

	*n = 0;
	if (o == NULL || json_object_size(o) == 0)
		return NULL;
	join(p, path, name);
	out = xcalloc(json_object_size(o), sizeof(*out));
	json_object_foreach(o, k, v) {
		if (!is_key(k)) {
			failf(c, "%s: '%s' is not a key", p, k);
			break;
		}
		out[*n].key = k;
		join(q, p, k);
		if (!json_is_integer(v) || json_integer_value(v) < 0 ||
		    json_integer_value(v) > SAFE_MAX) {
			failf(c, "%s: not a count", q);
			break;
		}
		out[(*n)++].n = json_integer_value(v);
	}
	return out;
}

static struct record_kv *
aid(struct ctx *c, json_t *obj, const char *path, size_t *n)
{
	json_t *a, *v;
	struct record_kv *out = array_room(c, obj, path, "ngo_aid",
	    sizeof(*out), &a);
	char p[PATH_MAX_LEN];
	size_t i;

	*n = 0;
	if (out == NULL)
		return NULL;
	json_array_foreach(a, i, v) {
		path_fmt(p, "%s.ngo_aid[%zu]", path, i);
		if (!json_is_object(v)) {
			failf(c, "%s: not an object", p);
			break;
		}
		out[*n].key = str(c, v, p, "currency", 1, 3);
		out[*n].n = integer(c, v, p, "amount", 1, 0, SAFE_MAX);
		if (c->failed)
			break;
		if (!is_currency(out[*n].key)) {
			failf(c, "%s.currency: not an ISO 4217 code", p);
			break;
		}
		(*n)++;
	}
	return out;
}

static void
counts(struct ctx *c, json_t *obj, const char *path, struct record_counts *k)
{
	json_t *o;
	char p[PATH_MAX_LEN];

	k->activities = integer(c, obj, path, "activities", 1, 0, SAFE_MAX);
	k->out = integer(c, obj, path, "delegations_out", 1, 0, SAFE_MAX);
	k->in = integer(c, obj, path, "delegations_in", 1, 0, SAFE_MAX);
	if ((o = get(c, obj, path, "letters", JSON_OBJECT, 1)) != NULL) {
		join(p, path, "letters");
		k->letters = integer(c, o, p, "total", 1, 0, SAFE_MAX);
		k->letters_by = kv_object(c, o, p, "by_occasion",
		    &k->nletters_by);
	}
	if ((o = get(c, obj, path, "participants", JSON_OBJECT, 1)) != NULL) {
		join(p, path, "participants");
		k->people = integer(c, o, p, "people", 1, 0, SAFE_MAX);
		k->people_acts = integer(c, o, p, "activities", 1, 0,
		    SAFE_MAX);
	}
	k->countries = strings(c, obj, path, "countries", is_country,
	    "an ISO 3166-1 code", &k->ncountries);
	k->aid = aid(c, obj, path, &k->naid);
}

static void
counts_release(struct record_counts *k)
{
	free(k->letters_by);
	free(k->countries);
	free(k->aid);
}

/* The optional objects of an activity: its member and its amount. */
static void
activity_parts(struct ctx *c, json_t *o, const char *p,
    struct record_activity *a)
{
	json_t *v;
	char q[PATH_MAX_LEN];

	a->member_key = a->member_name = a->currency = NULL;
	a->amount = a->budget = -1;
	if ((v = get(c, o, p, "member", JSON_OBJECT, 0)) != NULL) {
		join(q, p, "member");
		a->member_key = str(c, v, q, "key", 1, TEXT_KEY_MAX);
		a->member_name = str(c, v, q, "name", 1, TEXT_LINE_MAX);
	}
	if ((v = get(c, o, p, "amount", JSON_OBJECT, 0)) != NULL) {
		join(q, p, "amount");
		a->amount = integer(c, v, q, "value", 1, 0, SAFE_MAX);
		a->currency = str(c, v, q, "currency", 1, 3);
		if (a->currency != NULL && !is_currency(a->currency))
			failf(c, "%s.currency: not an ISO 4217 code", q);
	}
	if (get(c, o, p, "budget", JSON_INTEGER, 0) != NULL)
		a->budget = integer(c, o, p, "budget", 0, 0, SAFE_MAX);
	if (get(c, o, p, "participants", JSON_INTEGER, 0) != NULL)
		a->participants = integer(c, o, p, "participants", 0, 0,
		    SAFE_MAX);
	else
		a->participants = -1;
}

static void
activity(struct ctx *c, json_t *o, const char *p, struct record_activity *a,
    int cluster)
{
	a->key = str(c, o, p, "key", 1, TEXT_KEY_MAX * 2);
	a->title = str(c, o, p, "title", 1, TEXT_TITLE_MAX);
	a->sentence = str(c, o, p, "sentence", 1, TEXT_NOTES_MAX);
	a->start = date(c, o, p, "start");
	a->end = date(c, o, p, "end");
	a->dated = boolean(c, o, p, "dated");
	a->place = str(c, o, p, "place", 0, TEXT_LINE_MAX);
	a->category = str(c, o, p, "category", 0, TEXT_KEY_MAX);
	a->observance = str(c, o, p, "observance", 0, TEXT_KEY_MAX * 2);
	a->countries = strings(c, o, p, "countries", is_country,
	    "an ISO 3166-1 code", &a->ncountries);
	a->partners = str(c, o, p, "partners", 0, TEXT_LINE_MAX);
	a->result = str(c, o, p, "result", 0, TEXT_NOTES_MAX);
	a->milestone = boolean(c, o, p, "milestone");
	activity_parts(c, o, p, a);
	a->union_id = cluster ? str(c, o, p, "union", 1, TEXT_SLUG_MAX) :
	    NULL;
	if (a->union_id != NULL && !text_slug_valid(a->union_id))
		failf(c, "%s.union: not a union's id", p);
	if (a->start != NULL && a->end != NULL && strcmp(a->end, a->start) <
	    0)
		failf(c, "%s.end: before its start", p);
}

static int
is_slug(const char *s)
{
	return text_slug_valid(s);
}

static void
milestone(struct ctx *c, json_t *o, const char *p, struct record_milestone *m,
    int cluster, int planned)
{
	m->observance = str(c, o, p, "observance", 1, TEXT_KEY_MAX * 2);
	m->title = str(c, o, p, "title", 1, TEXT_TITLE_MAX);
	m->date = date(c, o, p, "date");
	m->years = integer(c, o, p, "years", 1, 1, 10000);
	if (!planned)
		m->activities = strings(c, o, p, "activities", is_key, "a key",
		    &m->nactivities);
	if (cluster)
		m->unions = strings(c, o, p, "unions", is_slug,
		    "a union's id", &m->nunions);
}

/* An array member of the record, each element an object handed to fn. */
static void *
each(struct ctx *c, json_t *obj, const char *path, const char *name,
    size_t size, size_t *n, void (*fn)(struct ctx *, json_t *,
    const char *, void *, void *), void *arg)
{
	json_t *a = get(c, obj, path, name, JSON_ARRAY, 1), *v;
	char p[PATH_MAX_LEN], q[PATH_MAX_LEN];
	char *out;
	size_t i;

	*n = 0;
	if (a == NULL || json_array_size(a) == 0)
		return NULL;
	out = xcalloc(json_array_size(a), size);
	join(q, path, name);
	json_array_foreach(a, i, v) {
		path_fmt(p, "%s[%zu]", q, i);
		if (!json_is_object(v)) {
			failf(c, "%s: not an object", p);
			break;
		}
		fn(c, v, p, out + i * size, arg);
		if (c->failed)
			break;
		(*n)++;
	}
	return out;
}

static void
each_activity(struct ctx *c, json_t *o, const char *p, void *elem, void *arg)
{
	activity(c, o, p, elem, *(int *)arg);
}

static void
each_marked(struct ctx *c, json_t *o, const char *p, void *elem, void *arg)
{
	milestone(c, o, p, elem, *(int *)arg, 0);
}

static void
each_planned(struct ctx *c, json_t *o, const char *p, void *elem, void *arg)
{
	milestone(c, o, p, elem, *(int *)arg, 1);
}

static void
each_member(struct ctx *c, json_t *o, const char *p, void *elem, void *arg)
{
	struct record_member *m = elem;
	json_t *k;
	char q[PATH_MAX_LEN];

	(void)arg;
	m->id = str(c, o, p, "id", 1, TEXT_SLUG_MAX);
	if (m->id != NULL && !text_slug_valid(m->id))
		failf(c, "%s.id: not a union's id", p);
	m->name = str(c, o, p, "name", 0, TEXT_LINE_MAX);
	m->reported = boolean(c, o, p, "reported");
	m->is_signed = boolean(c, o, p, "signed");
	if ((k = get(c, o, p, "counts", JSON_OBJECT, 0)) != NULL) {
		join(q, p, "counts");
		counts(c, k, q, &m->counts);
		m->has_counts = 1;
	}
}

int
record_canonical(const struct json_t *doc, struct buf *out)
{
	json_t *copy = json_copy((json_t *)doc);
	int ret;

	if (copy == NULL)
		fatal("out of memory");
	json_object_del(copy, "signature");
	ret = jcs_write(copy, out);
	json_decref(copy);
	return ret;
}

int
record_sign(const char *text, size_t len, const struct sign_key *k,
    char sig[SIGN_SIG_LEN + 1], char *why, size_t whylen)
{
	json_error_t err;
	json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	struct buf b;
	int ret = -1;

	if (doc == NULL) {
		snprintf(why, whylen, "not JSON: line %d, column %d: %s",
		    err.line, err.column, err.text);
		return -1;
	}
	buf_init(&b);
	if (!json_is_object(doc) || record_canonical(doc, &b) == -1)
		snprintf(why, whylen, "not a record of integers and text");
	else {
		sign_data(k, b.data, b.len, sig);
		ret = 0;
	}
	buf_release(&b);
	json_decref(doc);
	return ret;
}

/* The signature, when there is one: the algorithm, the key and a value
 * that verifies over the canonical bytes. */
static void
signature(struct ctx *c, struct record *r)
{
	json_t *s = get(c, r->doc, "", "signature", JSON_OBJECT, 0);
	const char *alg, *key, *value;
	struct buf b;

	if (s == NULL)
		return;
	alg = str(c, s, "signature", "alg", 1, 20);
	key = str(c, s, "signature", "key", 1, SIGN_PUB_LEN);
	value = str(c, s, "signature", "value", 1, SIGN_SIG_LEN);
	if (c->failed)
		return;
	if (strcmp(alg, "ed25519") != 0) {
		failf(c, "signature.alg: '%s' is not ed25519", alg);
		return;
	}
	if (!sign_pub_valid(key)) {
		failf(c, "signature.key: not an Ed25519 public key");
		return;
	}
	buf_init(&b);
	if (record_canonical(r->doc, &b) == -1)
		failf(c, "a number that is not an integer: records have none");
	else if (!sign_verify(key, value, b.data, b.len))
		failf(c, "bad signature: the record was changed after it was "
		    "signed, or the signature is not the key's");
	else {
		r->is_signed = 1;
		snprintf(r->key, sizeof(r->key), "%s", key);
	}
	buf_release(&b);
}

/* Format, version and level: what says how to read the rest. */
static void
header(struct ctx *c, struct record *r)
{
	json_t *f = json_object_get(r->doc, "format");
	const char *level;

	if (!json_is_string(f) || strcmp(json_string_value(f),
	    RECORD_FORMAT) != 0) {
		failf(c, "not a kyniem year record (format is not '%s')",
		    RECORD_FORMAT);
		return;
	}
	r->version = integer(c, r->doc, "", "version", 1, 1, SAFE_MAX);
	if (!c->failed && r->version > RECORD_VERSION) {
		failf(c, "format version %lld is newer than this kyniem reads "
		    "(%d): upgrade kyniem to read it", r->version,
		    RECORD_VERSION);
		return;
	}
	level = str(c, r->doc, "", "level", 1, 10);
	if (level != NULL && strcmp(level, "union") != 0 &&
	    strcmp(level, "cluster") != 0)
		failf(c, "level: '%s' is not union or cluster", level);
	r->cluster = level != NULL && strcmp(level, "cluster") == 0;
}

static void
body(struct ctx *c, struct record *r)
{
	json_t *u, *n;

	if ((u = get(c, r->doc, "", "union", JSON_OBJECT, 1)) != NULL) {
		r->id = str(c, u, "union", "id", 1, TEXT_SLUG_MAX);
		if (r->id != NULL && !text_slug_valid(r->id))
			failf(c, "union.id: '%s' is not a union's id", r->id);
		r->name = str(c, u, "union", "name", 1, TEXT_LINE_MAX);
		r->province = str(c, u, "union", "province", 0, TEXT_LINE_MAX);
	}
	r->year = (int)integer(c, r->doc, "", "year", 1, 1900, 2200);
	r->generated_at = str(c, r->doc, "", "generated_at", 1, 40);
	if (r->generated_at != NULL && record_parse_instant(r->generated_at,
	    &r->generated) == -1)
		failf(c, "generated_at: '%s' is not YYYY-MM-DDTHH:MM:SS+07:00",
		    r->generated_at);
	r->acts = each(c, r->doc, "", "activities", sizeof(*r->acts),
	    &r->nacts, each_activity, &r->cluster);
	if ((u = get(c, r->doc, "", "counts", JSON_OBJECT, 1)) != NULL)
		counts(c, u, "counts", &r->counts);
	r->milestones = each(c, r->doc, "", "milestones",
	    sizeof(*r->milestones), &r->nmilestones, each_marked, &r->cluster);
	if ((n = get(c, r->doc, "", "next_year", JSON_OBJECT, 1)) != NULL) {
		r->next_year = (int)integer(c, n, "next_year", "year", 1, 1901,
		    2201);
		r->next = each(c, n, "next_year", "milestones",
		    sizeof(*r->next), &r->nnext, each_planned, &r->cluster);
		if (!c->failed && r->next_year != r->year + 1)
			failf(c, "next_year.year: %d is not the year after %d",
			    r->next_year, r->year);
	}
	if (r->cluster)
		r->members = each(c, r->doc, "", "members", sizeof(*r->members),
		    &r->nmembers, each_member, NULL);
}

int
record_parse(const char *text, size_t len, struct record *r, char *why,
    size_t whylen)
{
	struct ctx c = { why, whylen, 0 };
	json_error_t err;

	memset(r, 0, sizeof(*r));
	snprintf(why, whylen, "?");
	r->doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (r->doc == NULL)
		return failf(&c, "not JSON: line %d, column %d: %s", err.line,
		    err.column, err.text);
	if (!json_is_object(r->doc))
		return failf(&c, "not a kyniem year record (not a JSON "
		    "object)");
	header(&c, r);
	if (!c.failed)
		body(&c, r);
	if (!c.failed)
		signature(&c, r);
	return c.failed ? -1 : 0;
}

/* Elements each() allocated for the array name of obj (all zeroed past
 * the ones read). */
static size_t
allocated(json_t *obj, const char *name)
{
	return json_array_size(json_object_get(obj, name));
}

void
record_release(struct record *r)
{
	json_t *next = json_object_get(r->doc, "next_year");
	size_t i;

	for (i = 0; r->acts != NULL && i < allocated(r->doc, "activities");
	    i++)
		free(r->acts[i].countries);
	for (i = 0; r->milestones != NULL && i < allocated(r->doc,
	    "milestones"); i++) {
		free(r->milestones[i].activities);
		free(r->milestones[i].unions);
	}
	for (i = 0; r->next != NULL && i < allocated(next, "milestones"); i++)
		free(r->next[i].unions);
	for (i = 0; r->members != NULL && i < allocated(r->doc, "members");
	    i++)
		counts_release(&r->members[i].counts);
	free(r->acts);
	free(r->milestones);
	free(r->next);
	free(r->members);
	counts_release(&r->counts);
	json_decref(r->doc);
	memset(r, 0, sizeof(*r));
}

/* 1 if s has the shape of pattern, where 'd' is any digit. */
static int
shaped(const char *s, const char *pattern)
{
	for (; *pattern != '\0'; s++, pattern++)
		if (*pattern == 'd' ? !(*s >= '0' && *s <= '9') : *s != *pattern)
			return 0;
	return *s == '\0';
}

static int
num(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + *s++ - '0';
	return v;
}

int
record_parse_instant(const char *s, time_t *out)
{
	int y, mo, d, h, mi, sec, off = 0;

	if (shaped(s, "dddd-dd-ddTdd:dd:ddZ"))
		off = 0;
	else if (shaped(s, "dddd-dd-ddTdd:dd:dd+dd:dd") ||
	    shaped(s, "dddd-dd-ddTdd:dd:dd-dd:dd"))
		off = (s[19] == '-' ? -1 : 1) * (num(s + 20, 2) * 3600 +
		    num(s + 23, 2) * 60);
	else
		return -1;
	y = num(s, 4);
	mo = num(s + 5, 2);
	d = num(s + 8, 2);
	h = num(s + 11, 2);
	mi = num(s + 14, 2);
	sec = num(s + 17, 2);
	if (!util_valid_date(y, mo, d) || h > 23 || mi > 59 || sec > 59 ||
	    off > 14 * 3600 || off < -14 * 3600)
		return -1;
	*out = (time_t)util_days_from_civil(y, mo, d) * 86400 + h * 3600 +
	    mi * 60 + sec - off;
	return 0;
}

void
record_write_begin(struct jsonw *j, struct buf *out, const char *level,
    const char *id, const char *name, const char *province, int year,
    time_t now, const char *version)
{
	struct buf when, gen;

	buf_init(&when);
	buf_init(&gen);
	vntime_format_rfc3339(now, &when);
	buf_printf(&gen, "kyniem %s", version);
	jsonw_init(j, out, 2);
	jsonw_object(j, NULL);
	jsonw_str(j, "format", RECORD_FORMAT);
	jsonw_int(j, "version", RECORD_VERSION);
	jsonw_str(j, "level", level);
	jsonw_object(j, "union");
	jsonw_str(j, "id", id);
	jsonw_str(j, "name", name);
	if (province == NULL || *province == '\0')
		jsonw_null(j, "province");
	else
		jsonw_str(j, "province", province);
	jsonw_end(j);
	jsonw_int(j, "year", year);
	jsonw_str(j, "generated_at", when.data);
	jsonw_str(j, "generator", gen.data);
	buf_release(&when);
	buf_release(&gen);
}

void
record_write_end(struct jsonw *j, const char *key, const char *sig)
{
	if (sig != NULL) {
		jsonw_object(j, "signature");
		jsonw_str(j, "alg", "ed25519");
		jsonw_str(j, "key", key);
		jsonw_str(j, "value", sig);
		jsonw_end(j);
	}
	jsonw_end(j);
	buf_putc(j->out, '\n');
}

void
record_write_credit(struct jsonw *j, const char *member, const char *name,
    long long amount, const char *currency)
{
	if (jsonw_object_or_null(j, "member", member != NULL)) {
		jsonw_str(j, "key", member);
		jsonw_str(j, "name", name);
		jsonw_end(j);
	}
	if (jsonw_object_or_null(j, "amount", currency != NULL)) {
		jsonw_int(j, "value", amount);
		jsonw_str(j, "currency", currency);
		jsonw_end(j);
	}
}

int
record_write(const struct sign_key *k, int (*put)(void *arg,
    const char *key, const char *sig, struct buf *out), void *arg,
    struct buf *out)
{
	char sig[SIGN_SIG_LEN + 1], why[200];
	struct buf plain;
	int ret = -1;

	buf_init(&plain);
	if (put(arg, NULL, NULL, &plain) == -1)
		goto done;
	if (k == NULL) {
		buf_add(out, plain.data, plain.len);
		ret = 0;
	} else if (record_sign(plain.data, plain.len, k, sig, why,
	    sizeof(why)) == -1)
		log_warnx("cannot sign the record: %s", why);
	else
		ret = put(arg, k->pub, sig, out);
done:
	buf_release(&plain);
	return ret;
}

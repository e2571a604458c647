/*
 * Planned activities (a volleyball match for Bunpimay, a meeting for a
 * national day): the model, its validation and the CSV row form.  The
 * tables are activity_db.c's; the .ics form is ical.c's; reminders are
 * remind.c's business.
 */
#include <sys/random.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "escape.h"
#include "log.h"
#include "recipient.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "vntime.h"

static const char *const status_names[] = {
	"planned", "confirmed", "done", "cancelled"
};

const char *
activity_status_name(enum activity_status s)
{
	return (size_t)s < NELEM(status_names) ? status_names[s] : "planned";
}

int
activity_status_parse(const char *s)
{
	size_t i;

	for (i = 0; i < NELEM(status_names); i++)
		if (s != NULL && strcmp(s, status_names[i]) == 0)
			return (int)i;
	return -1;
}

int
activity_public_parse(const char *s)
{
	if (s != NULL && (strcmp(s, "yes") == 0 || strcmp(s, "1") == 0))
		return 1;
	if (s != NULL && (strcmp(s, "no") == 0 || strcmp(s, "0") == 0))
		return 0;
	return -1;
}

void
activity_release(struct activity *a)
{
	size_t i;

	free(a->uid);
	free(a->title);
	free(a->location);
	free(a->organiser);
	free(a->observance);
	free(a->notes);
	free(a->remind);
	free(a->result);
	free(a->category);
	free(a->countries);
	free(a->partner);
	for (i = 0; i < a->nowners; i++)
		free(a->owners[i]);
	free(a->owners);
	memset(a, 0, sizeof(*a));
}

void
activity_list_release(struct activity_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		activity_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

time_t
activity_start(const struct activity *a)
{
	return vntime_make(a->start, a->all_day ? -1 : a->start_min);
}

void
activity_add_owner(struct activity *a, const char *email)
{
	char *e = xstrdup(email), *at = strrchr(e, '@'), *p;
	size_t i;

	/* The local part may be case-sensitive (RFC 5321), the domain
	 * is not. */
	for (p = at; p != NULL && *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	for (i = 0; i < a->nowners; i++)
		if (strcmp(a->owners[i], e) == 0) {
			free(e);
			return;
		}
	a->owners = xrealloc(a->owners, (a->nowners + 1) *
	    sizeof(*a->owners));
	a->owners[a->nowners++] = e;
}

const char *
activity_set_times(struct activity *a, const char *start, const char *end)
{
	int smin, emin;
	long t;

	if (vntime_parse(start, &a->start, &smin) == -1)
		return "start must be YYYY-MM-DD or YYYY-MM-DDTHH:MM";
	a->all_day = smin < 0;
	a->start_min = smin < 0 ? 0 : smin;
	if (end == NULL || *end == '\0') {
		/* A timed activity without an end lasts an hour. */
		a->end = a->start;
		a->end_min = a->start_min;
		if (!a->all_day) {
			t = util_days_from_civil(a->start.y, a->start.m,
			    a->start.d) * 1440L + a->start_min + 60;
			a->end = util_civil_from_days(t / 1440);
			a->end_min = (int)(t % 1440);
		}
		return NULL;
	}
	if (vntime_parse(end, &a->end, &emin) == -1)
		return "end must be YYYY-MM-DD or YYYY-MM-DDTHH:MM";
	if ((emin < 0) != a->all_day)
		return "start and end must both be dates or both have times";
	a->end_min = emin < 0 ? 0 : emin;
	if (util_ymd_cmp(a->end, a->start) < 0 || (util_ymd_cmp(a->end,
	    a->start) == 0 && a->end_min < a->start_min))
		return "end is before start";
	return NULL;
}

/* The text fields and their limits; *field names the one at fault. */
static int
check_texts(const struct activity *a, const char **field, char *err,
    size_t errlen)
{
	const struct {
		const char *name, *value;
		size_t max;
		int flags;
	} f[] = {
		{ "title", a->title, TEXT_TITLE_MAX, TEXT_REQUIRED },
		{ "location", a->location, TEXT_LINE_MAX, 0 },
		{ "organiser", a->organiser, TEXT_LINE_MAX, 0 },
		{ "notes", a->notes, TEXT_NOTES_MAX, TEXT_MULTILINE },
		{ "result", a->result, TEXT_NOTES_MAX, TEXT_MULTILINE },
		{ "partner", a->partner, TEXT_LINE_MAX, 0 },
		{ "category", a->category, TEXT_KEY_MAX, 0 },
		{ "countries", a->countries, TEXT_LINE_MAX, 0 },
		{ "uid", a->uid, TEXT_LINE_MAX, 0 },
		{ "observance", a->observance, TEXT_KEY_MAX, 0 },
		{ "remind", a->remind, TEXT_KEY_MAX, 0 },
	};
	size_t i;

	for (i = 0; i < NELEM(f); i++)
		if (text_check_field(f[i].name, f[i].value, f[i].max,
		    f[i].flags, err, errlen) == -1) {
			*field = f[i].name;
			return -1;
		}
	return 0;
}

/* Every partner country is in the countries table; 0 or -1. */
static int
check_countries(struct store *st, const char *list, char *err,
    size_t errlen)
{
	char *copy = xstrdup(list != NULL ? list : ""), *save = NULL, *cc;
	int rc = 1;

	for (cc = strtok_r(copy, " ", &save); cc != NULL && rc == 1;
	    cc = strtok_r(NULL, " ", &save))
		if ((rc = st != NULL ? store_country_exists(st, cc) : 1) == 0)
			snprintf(err, errlen, "unknown country code '%s' in "
			    "countries", cc);
		else if (rc == -1)
			snprintf(err, errlen, "database error");
	free(copy);
	return rc == 1 ? 0 : -1;
}

/* The category is one of cfg's (any well-formed key without cfg). */
static int
check_category(const struct config *cfg, const char *key, char *err,
    size_t errlen)
{
	struct buf keys;
	size_t i;

	if (key == NULL || cfg == NULL || config_category_find(cfg, key))
		return 0;
	buf_init(&keys);
	for (i = 0; i < cfg->ncategories; i++)
		buf_printf(&keys, "%s%s", i > 0 ? ", " : "",
		    cfg->categories[i].key);
	snprintf(err, errlen, "unknown category '%s' (one of: %s)", key,
	    keys.data != NULL ? keys.data : "");
	buf_release(&keys);
	return -1;
}

/* The start and end fall within the configured years; *field names
 * the one that does not. */
static int
check_years(const struct config *cfg, const struct activity *a,
    const char **field, char *err, size_t errlen)
{
	const struct ymd *d[] = { &a->start, &a->end };
	const char *names[] = { "start", "end" };
	char day[16];
	size_t i;

	for (i = 0; cfg != NULL && i < NELEM(d); i++) {
		if (d[i]->y >= cfg->act_first_year &&
		    d[i]->y <= cfg->act_last_year)
			continue;
		*field = names[i];
		util_format_ymd(*d[i], day, sizeof(day));
		snprintf(err, errlen, "%s %s is outside the years %d-%d "
		    "([activities] first_year, last_year)", names[i], day,
		    cfg->act_first_year, cfg->act_last_year);
		return -1;
	}
	return 0;
}

/*
 * Owners get the activity's reminders: addresses of the union's own
 * people (an enabled account or a recipient), at most max_owners of
 * them.  An owner the stored activity already has stays (an exported
 * list imports back); an address from outside is added as a recipient
 * by an administrator first.
 */
static int
check_owners(struct store *st, const struct config *cfg,
    const struct activity *a, char *err, size_t errlen)
{
	size_t i;
	int rc;

	if (cfg != NULL && a->nowners > (size_t)cfg->act_max_owners)
		return snprintf(err, errlen, "owners: at most %d addresses "
		    "get an activity's reminders, not %zu ([activities] "
		    "max_owners)", cfg->act_max_owners, a->nowners), -1;
	for (i = 0; i < a->nowners; i++) {
		if (!text_email_valid(a->owners[i]))
			return snprintf(err, errlen, "'%s' is not an email "
			    "address", a->owners[i]), -1;
		if (st == NULL)
			continue;
		if ((rc = activity_owner_allowed(st, a->uid,
		    a->owners[i])) == -1)
			return snprintf(err, errlen, "database error"), -1;
		if (rc == 0)
			return snprintf(err, errlen, "owners: '%s' is neither "
			    "an account nor a recipient; an administrator "
			    "adds it as a recipient first", a->owners[i]), -1;
	}
	return 0;
}

/* activity_check() naming the field at fault. */
static int
check(struct store *st, const struct config *cfg, const struct activity *a,
    const char **field, char *err, size_t errlen)
{
	long secs[VNTIME_MAX_OFFSETS];
	int rc;

	*field = "title";
	if (a->title == NULL || *a->title == '\0')
		return snprintf(err, errlen, "a title is required"), -1;
	if (check_texts(a, field, err, errlen) == -1)
		return -1;
	if (check_years(cfg, a, field, err, errlen) == -1)
		return -1;
	*field = "owners";
	if (check_owners(st, cfg, a, err, errlen) == -1)
		return -1;
	*field = "remind";
	if (a->remind != NULL && vntime_parse_offsets(a->remind, secs) < 0)
		return snprintf(err, errlen, "reminder offsets '%s' must be "
		    "like 30d,7d,1d (w, d or h)", a->remind), -1;
	*field = "participants";
	if (a->participants < 0 || a->participants > ACTIVITY_PEOPLE_MAX)
		return snprintf(err, errlen, "participants must be a number "
		    "from 0 to %d", ACTIVITY_PEOPLE_MAX), -1;
	*field = "category";
	if (check_category(cfg, a->category, err, errlen) == -1)
		return -1;
	*field = "countries";
	if (check_countries(st, a->countries, err, errlen) == -1)
		return -1;
	*field = "observance";
	if (a->observance != NULL && *a->observance != '\0') {
		if ((rc = store_observance_exists(st, a->observance)) == -1)
			return snprintf(err, errlen, "database error"), -1;
		if (rc == 0)
			return snprintf(err, errlen, "unknown observance key "
			    "'%s'", a->observance), -1;
	}
	*field = NULL;
	return 0;
}

int
activity_check(struct store *st, const struct config *cfg,
    const struct activity *a, char *err, size_t errlen)
{
	const char *field;

	return check(st, cfg, a, &field, err, errlen);
}

char *
activity_countries_norm(const char *list)
{
	char *copy = xstrdup(list != NULL ? list : ""), *save = NULL, *cc, *p;
	struct buf b;
	size_t n;

	buf_init(&b);
	for (cc = strtok_r(copy, " ;,\t", &save); cc != NULL;
	    cc = strtok_r(NULL, " ;,\t", &save)) {
		for (p = cc; *p != '\0'; p++)
			*p = (char)toupper((unsigned char)*p);
		n = strlen(cc);
		/* Once each: "JP jp" is one country. */
		for (p = b.data; p != NULL && (p = strstr(p, cc)) != NULL;
		    p += n)
			if ((p == b.data || p[-1] == ' ') && (p[n] == ' ' ||
			    p[n] == '\0'))
				break;
		if (p == NULL)
			buf_printf(&b, "%s%s", b.len > 0 ? " " : "", cc);
	}
	free(copy);
	if (b.len > 0)
		return buf_detach(&b);
	buf_release(&b);
	return NULL;
}

char *
activity_new_uid(const char *domain)
{
	unsigned char r[12];
	char hex[sizeof(r) * 2 + 1];
	size_t i;

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		fatal("getrandom failed");
	for (i = 0; i < sizeof(r); i++)
		snprintf(hex + 2 * i, 3, "%02x", r[i]);
	return xasprintf("kyniem-activity-%s@%s", hex, domain);
}

static void
split_owners(struct activity *a, const char *list)
{
	char *copy = xstrdup(list), *save = NULL, *tok;

	for (tok = strtok_r(copy, "; ,", &save); tok != NULL;
	    tok = strtok_r(NULL, "; ,", &save))
		activity_add_owner(a, tok);
	free(copy);
}

static char *
opt_dup(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

int
activity_from_csv(struct store *st, const struct config *cfg, char **f,
    struct activity *a, char *err, size_t errlen)
{
	const char *why;
	int status = ACTIVITY_PLANNED;
	long n;

	a->uid = xasprintf("kyniem-activity-%s", f[0]);
	a->title = xstrdup(f[1]);
	if ((why = activity_set_times(a, f[2], f[3])) != NULL)
		return snprintf(err, errlen, "%s", why), -1;
	a->location = opt_dup(f[4]);
	a->organiser = opt_dup(f[5]);
	split_owners(a, f[6]);
	a->remind = opt_dup(f[7]);
	a->observance = opt_dup(f[8]);
	if (*f[9] != '\0' && (status = activity_status_parse(f[9])) < 0)
		return snprintf(err, errlen, "status must be planned, "
		    "confirmed, done or cancelled, not '%s'", f[9]), -1;
	a->status = (enum activity_status)status;
	a->notes = opt_dup(f[10]);
	a->category = opt_dup(f[11]);
	a->countries = activity_countries_norm(f[12]);
	a->partner = opt_dup(f[13]);
	if (*f[14] != '\0' && util_parse_int(f[14], 0, ACTIVITY_PEOPLE_MAX,
	    &n) == -1)
		return snprintf(err, errlen, "participants must be a number "
		    "from 0 to %d, not '%s'", ACTIVITY_PEOPLE_MAX, f[14]), -1;
	a->participants = *f[14] != '\0' ? (int)n : 0;
	a->result = opt_dup(f[15]);
	a->public = -1;
	if (*f[16] != '\0' && (a->public = activity_public_parse(f[16])) < 0)
		return snprintf(err, errlen, "public must be yes or no, not "
		    "'%s'", f[16]), -1;
	return activity_check(st, cfg, a, err, errlen);
}

/* The CSV key of an activity: its UID without kyniem's prefix. */
static const char *
csv_key(const char *uid)
{
	static const char prefix[] = "kyniem-activity-";

	return strncmp(uid, prefix, sizeof(prefix) - 1) == 0 ?
	    uid + sizeof(prefix) - 1 : uid;
}

void
activity_to_csv(const struct activity *a, struct buf *out)
{
	const char *v[ACTIVITY_CSV_FIELDS] = { 0 };
	struct buf start, end, owners;
	char n[16];
	size_t i;

	buf_init(&start);
	buf_init(&end);
	buf_init(&owners);
	vntime_format_iso(a->start, a->all_day ? -1 : a->start_min, &start);
	vntime_format_iso(a->end, a->all_day ? -1 : a->end_min, &end);
	for (i = 0; i < a->nowners; i++)
		buf_printf(&owners, "%s%s", i > 0 ? ";" : "", a->owners[i]);
	snprintf(n, sizeof(n), "%d", a->participants);
	v[0] = csv_key(a->uid);
	v[1] = a->title;
	v[2] = start.data;
	v[3] = end.data;
	v[4] = a->location;
	v[5] = a->organiser;
	v[6] = owners.data;
	v[7] = a->remind;
	v[8] = a->observance;
	v[9] = activity_status_name(a->status);
	v[10] = a->notes;
	v[11] = a->category;
	v[12] = a->countries;
	v[13] = a->partner;
	v[14] = a->participants > 0 ? n : NULL;
	v[15] = a->result;
	v[16] = a->public == 1 ? "yes" : "no";
	for (i = 0; i < ACTIVITY_CSV_FIELDS; i++) {
		if (i > 0)
			buf_putc(out, ',');
		esc_csv(out, v[i]);
	}
	buf_puts(out, "\r\n");
	buf_release(&start);
	buf_release(&end);
	buf_release(&owners);
}


int
activity_planned(const struct activity_list *al, const char *key,
    struct ymd date)
{
	long d = util_days_from_civil(date.y, date.m, date.d), s;
	size_t i;

	for (i = 0; i < al->n; i++) {
		if (al->v[i].observance == NULL || al->v[i].status ==
		    ACTIVITY_CANCELLED || strcmp(al->v[i].observance, key) != 0)
			continue;
		s = util_days_from_civil(al->v[i].start.y, al->v[i].start.m,
		    al->v[i].start.d);
		if (s >= d - 366 && s <= d + 366)
			return 1;
	}
	return 0;
}

static void
replace(char **dst, const char *src)
{
	if (src == NULL)
		return;
	free(*dst);
	*dst = *src != '\0' ? xstrdup(src) : NULL;
}

/* The start and end as they are, for an edit that gives only one. */
static void
current_times(const struct activity *a, char *s, char *e, size_t len)
{
	struct buf b;

	buf_init(&b);
	vntime_format_iso(a->start, a->all_day ? -1 : a->start_min, &b);
	snprintf(s, len, "%s", b.data);
	b.len = 0;
	vntime_format_iso(a->end, a->all_day ? -1 : a->end_min, &b);
	snprintf(e, len, "%s", b.data);
	buf_release(&b);
}

/* The times of in applied to a; 0, or -1 naming the field. */
static int
apply_times(const struct activity_input *in, struct activity *a,
    const char **field, char *err, size_t errlen)
{
	char s[32], e[32];
	const char *why;

	if (in->start == NULL && in->end == NULL)
		return 0;
	/* Re-derive both ends so an edited start keeps its kind. */
	current_times(a, s, e, sizeof(s));
	why = activity_set_times(a, in->start != NULL ? in->start : s,
	    in->end != NULL ? in->end : in->start != NULL ? NULL : e);
	if (why == NULL)
		return 0;
	*field = strncmp(why, "start", 5) == 0 ? "start" : "end";
	snprintf(err, errlen, "%s", why);
	return -1;
}

int
activity_apply(struct store *st, const struct config *cfg,
    const struct activity_input *in, struct activity *a,
    const char **field, char *err, size_t errlen)
{
	long n;
	int status;

	if (apply_times(in, a, field, err, errlen) == -1)
		return -1;
	replace(&a->title, in->title);
	replace(&a->location, in->location);
	replace(&a->organiser, in->organiser);
	replace(&a->remind, in->remind);
	replace(&a->observance, in->observance);
	replace(&a->notes, in->notes);
	replace(&a->result, in->result);
	replace(&a->category, in->category);
	replace(&a->partner, in->partner);
	if (in->public != NULL) {
		if ((status = activity_public_parse(*in->public != '\0' ?
		    in->public : "no")) < 0) {
			*field = "public";
			return snprintf(err, errlen, "public must be yes or no, "
			    "not '%s'", in->public), -1;
		}
		a->public = status;
	}
	if (in->countries != NULL) {
		free(a->countries);
		a->countries = activity_countries_norm(in->countries);
	}
	if (in->status != NULL) {
		if ((status = activity_status_parse(in->status)) < 0) {
			*field = "status";
			return snprintf(err, errlen, "status must be planned, "
			    "confirmed, done or cancelled, not '%s'",
			    in->status), -1;
		}
		a->status = (enum activity_status)status;
	}
	if (in->participants != NULL && *in->participants == '\0')
		a->participants = 0;
	else if (in->participants != NULL) {
		if (util_parse_int(in->participants, 0, ACTIVITY_PEOPLE_MAX,
		    &n) == -1) {
			*field = "participants";
			return snprintf(err, errlen, "participants must be a "
			    "number from 0 to %d", ACTIVITY_PEOPLE_MAX), -1;
		}
		a->participants = (int)n;
	}
	if (in->owners != NULL) {
		while (a->nowners > 0)
			free(a->owners[--a->nowners]);
		split_owners(a, in->owners);
	}
	return check(st, cfg, a, field, err, errlen);
}

void
activity_json(const struct activity *a, struct buf *out)
{
	size_t i;

	buf_puts(out, "{\"title\":");
	esc_json(out, a->title);
	buf_puts(out, ",\"start\":\"");
	vntime_format_iso(a->start, a->all_day ? -1 : a->start_min, out);
	buf_puts(out, "\",\"end\":\"");
	vntime_format_iso(a->end, a->all_day ? -1 : a->end_min, out);
	buf_puts(out, "\",\"location\":");
	esc_json(out, a->location);
	buf_puts(out, ",\"organiser\":");
	esc_json(out, a->organiser);
	buf_puts(out, ",\"observance\":");
	esc_json(out, a->observance);
	buf_puts(out, ",\"owners\":[");
	for (i = 0; i < a->nowners; i++) {
		if (i > 0)
			buf_putc(out, ',');
		esc_json(out, a->owners[i]);
	}
	buf_puts(out, "],\"remind\":");
	esc_json(out, a->remind);
	buf_printf(out, ",\"status\":\"%s\",\"notes\":",
	    activity_status_name(a->status));
	esc_json(out, a->notes);
	buf_puts(out, ",\"result\":");
	esc_json(out, a->result);
	buf_printf(out, ",\"participants\":%d,\"category\":",
	    a->participants);
	esc_json(out, a->category);
	buf_puts(out, ",\"countries\":");
	esc_json(out, a->countries);
	buf_puts(out, ",\"partner\":");
	esc_json(out, a->partner);
	buf_printf(out, ",\"public\":%s}", a->public == 1 ? "true" : "false");
}

int
activity_has_country(const struct activity *a, const char *cc)
{
	const char *p, *list = a->countries;
	size_t n = strlen(cc);

	if (list == NULL || n == 0)
		return 0;
	for (p = list; (p = strstr(p, cc)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
	return 0;
}

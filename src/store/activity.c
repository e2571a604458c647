/*
 * Planned activities (a volleyball match for Bunpimay, a meeting for a
 * national day): the model, its input fields (activity_fields, the one
 * table the command line, the web form and the CSV import read), its
 * validation and the CSV row form.  The tables are activity_db.c's; the
 * .ics form is ical.c's; reminders are remind.c's business.
 */
#include <sys/random.h>

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "escape.h"
#include "jsonw.h"
#include "log.h"
#include "member.h"
#include "recipient.h"
#include "store.h"
#include "text.h"
#include "util.h"
#include "vntime.h"

/* In the order of enum activity_status; the status field's choices. */
static const char *const status_names[] = {
	"planned", "confirmed", "done", "cancelled", NULL
};

static const char *const public_words[] = { "yes", "no", "1", "0", NULL };

const char *
activity_status_name(enum activity_status s)
{
	return (size_t)s < NELEM(status_names) - 1 ? status_names[s] :
	    "planned";
}

int
activity_status_parse(const char *s)
{
	size_t i;

	for (i = 0; i + 1 < NELEM(status_names); i++)
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
	free(a->member);
	free(a->currency);
	free(a->report_text);
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

int
activity_undated(const struct activity *a)
{
	return a->start.m == 1 && a->start.d == 1 && a->end.y == a->start.y &&
	    a->end.m == 12 && a->end.d == 31;
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

/* The value is a start or an end as activity_set_times() reads it. */
static int
time_ok(const char *s)
{
	struct ymd d;
	int min;

	return vntime_parse(s, &d, &min) == 0;
}

static int
offsets_ok(const char *s)
{
	long secs[VNTIME_MAX_OFFSETS];

	return vntime_parse_offsets(s, secs) > 0;
}

static int
people_ok(const char *s)
{
	long n;

	return util_parse_int(s, 0, ACTIVITY_PEOPLE_MAX, &n) == 0;
}

static int
money_ok(const char *s)
{
	long n;

	return util_parse_int(s, 0, ACTIVITY_MONEY_MAX, &n) == 0;
}

/* Three letters, as ISO 4217 writes a currency (either case: stored in
 * capitals). */
static int
currency_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (i >= 3 || !((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' &&
		    s[i] <= 'z')))
			return 0;
	return i == 3;
}

/* Characters of a list of owners at most: more than any form posts. */
#define OWNERS_MAX	(1024 * 1024)

#define STR_(x)	#x
#define STR(x)	STR_(x)
#define IN(m)	offsetof(struct activity_input, m)
#define OBJ(m)	offsetof(struct activity, m)
#define TIME_VI	"phải có dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam)."
#define TIME_EN	"Must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time), " \
	"not '%s'."

const struct field activity_fields[] = {
	{ "title", NULL, IN(title), OBJ(title), TEXT_TITLE_MAX,
	    FIELD_REQUIRED | FIELD_COPY, NULL, NULL, NULL, NULL },
	{ "start", NULL, IN(start), 0, TEXT_KEY_MAX, FIELD_REQUIRED, time_ok,
	    NULL, "Ngày bắt đầu " TIME_VI, TIME_EN },
	{ "end", NULL, IN(end), 0, TEXT_KEY_MAX, 0, time_ok, NULL,
	    "Ngày kết thúc " TIME_VI, TIME_EN },
	{ "location", NULL, IN(location), OBJ(location), TEXT_LINE_MAX,
	    FIELD_COPY, NULL, NULL, NULL, NULL },
	{ "organiser", NULL, IN(organiser), OBJ(organiser), TEXT_LINE_MAX,
	    FIELD_COPY, NULL, NULL, NULL, NULL },
	/* How many is [activities] max_owners' to say (check_owners()). */
	{ "owners", "owner", IN(owners), 0, OWNERS_MAX, FIELD_LIST, NULL,
	    NULL, NULL, NULL },
	{ "remind", NULL, IN(remind), OBJ(remind), TEXT_KEY_MAX, FIELD_COPY,
	    offsets_ok, NULL, "Nhắc trước phải có dạng như 7d,1d (w: tuần, "
	    "d: ngày, h: giờ).", "Must be like 30d,7d,1d (w: weeks, d: days, "
	    "h: hours), not '%s'." },
	{ "observance", NULL, IN(observance), OBJ(observance), TEXT_KEY_MAX,
	    FIELD_COPY, NULL, NULL, NULL, NULL },
	{ "status", NULL, IN(status), 0, TEXT_KEY_MAX, 0, NULL, status_names,
	    "Trạng thái không hợp lệ.", "Must be planned, confirmed, done or "
	    "cancelled, not '%s'." },
	{ "notes", NULL, IN(notes), OBJ(notes), TEXT_NOTES_MAX,
	    FIELD_MULTILINE | FIELD_COPY, NULL, NULL, NULL, NULL },
	{ "category", NULL, IN(category), OBJ(category), TEXT_KEY_MAX,
	    FIELD_COPY, NULL, NULL, NULL, NULL },
	{ "countries", "country", IN(countries), 0, TEXT_LINE_MAX, FIELD_LIST,
	    NULL, NULL, NULL, NULL },
	{ "partner", NULL, IN(partner), OBJ(partner), TEXT_LINE_MAX,
	    FIELD_COPY, NULL, NULL, NULL, NULL },
	{ "participants", NULL, IN(participants), 0, TEXT_KEY_MAX, 0,
	    people_ok, NULL, "Số người tham dự phải là một số từ 0 đến "
	    STR(ACTIVITY_PEOPLE_MAX) ".", "Must be a number from 0 to "
	    STR(ACTIVITY_PEOPLE_MAX) ", not '%s'." },
	{ "result", NULL, IN(result), OBJ(result), TEXT_NOTES_MAX,
	    FIELD_MULTILINE | FIELD_COPY, NULL, NULL, NULL, NULL },
	/* A key of the members table (check_member()). */
	{ "member", NULL, IN(member), OBJ(member), TEXT_KEY_MAX, FIELD_COPY,
	    NULL, NULL, NULL, NULL },
	{ "amount", NULL, IN(amount), 0, TEXT_KEY_MAX, 0, money_ok, NULL,
	    "Số tiền tài trợ phải là một số nguyên (đơn vị tiền tệ), không "
	    "có dấu chấm, ví dụ 149814.", "Must be a whole number of units "
	    "without separators, like 149814, not '%s'." },
	{ "currency", NULL, IN(currency), 0, TEXT_KEY_MAX, 0, currency_ok,
	    NULL, "Đơn vị tiền tệ là mã ISO 4217 gồm 3 chữ, ví dụ USD, EUR, "
	    "VND.", "Must be a three-letter ISO 4217 code like USD, EUR or "
	    "VND, not '%s'." },
	{ "budget", NULL, IN(budget), 0, TEXT_KEY_MAX, 0, money_ok, NULL,
	    "Kinh phí phải là một số nguyên (đồng), không có dấu chấm, ví dụ "
	    "25000000.", "Must be a whole number of đồng without separators, "
	    "like 25000000, not '%s'." },
	{ "report_text", "report-text", IN(report_text), OBJ(report_text),
	    TEXT_NOTES_MAX, FIELD_COPY, NULL, NULL, NULL, NULL },
	{ "public", NULL, IN(public), 0, TEXT_KEY_MAX, FIELD_SWITCH, NULL,
	    public_words, "Công khai phải là có (yes) hoặc không (no).",
	    "Must be yes or no, not '%s'." },
	{ NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* An imported UID: not typed, but it goes into feeds and mail. */
static const struct field uid_field = { "uid", NULL, 0, 0, TEXT_LINE_MAX,
	0, NULL, NULL, NULL, NULL };

static const struct field_err times_mixed = { "end",
	"Ngày bắt đầu và ngày kết thúc phải cùng là ngày, hoặc cùng có giờ.",
	"Start and end must both be dates or both have times." };
static const struct field_err times_order = { "end",
	"Ngày kết thúc không được trước ngày bắt đầu.",
	"Must not be before the start." };
static const struct field_err start_bad = { "start",
	"Ngày bắt đầu " TIME_VI,
	"Must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time)." };
static const struct field_err end_bad = { "end",
	"Ngày kết thúc " TIME_VI,
	"Must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time)." };

const struct field_err *
activity_set_times(struct activity *a, const char *start, const char *end)
{
	int smin, emin;
	long t;

	if (vntime_parse(start, &a->start, &smin) == -1)
		return &start_bad;
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
		return &end_bad;
	if ((emin < 0) != a->all_day)
		return &times_mixed;
	a->end_min = emin < 0 ? 0 : emin;
	if (util_ymd_cmp(a->end, a->start) < 0 || (util_ymd_cmp(a->end,
	    a->start) == 0 && a->end_min < a->start_min))
		return &times_order;
	return NULL;
}

/* Every partner country is in the countries table: 0, 1 refused, -1. */
static int
check_countries(struct store *st, const char *list, struct field_errs *es)
{
	char *copy = xstrdup(list != NULL ? list : ""), *save = NULL, *cc;
	struct field_err *e;
	int rc = 1;

	for (cc = strtok_r(copy, " ", &save); cc != NULL && rc == 1;
	    cc = strtok_r(NULL, " ", &save))
		if ((rc = st != NULL ? store_country_exists(st, cc) : 1) ==
		    0) {
			e = field_errs_add(es, "countries");
			snprintf(e->vi, sizeof(e->vi), "Nước đối tác phải là "
			    "các mã ISO 2 chữ có trong danh sách nước (ví dụ "
			    "JP US), cách nhau bằng dấu cách; không có “%s”.",
			    cc);
			snprintf(e->en, sizeof(e->en), "Unknown country code "
			    "'%s'.", cc);
		}
	free(copy);
	return rc == 1 ? 0 : rc == 0 ? 1 : -1;
}

/* The category is one of cfg's (any well-formed key without cfg). */
static int
check_category(const struct config *cfg, const char *key,
    struct field_errs *es)
{
	struct field_err *e;
	struct buf keys;
	size_t i;

	if (key == NULL || cfg == NULL || config_category_find(cfg, key))
		return 0;
	buf_init(&keys);
	for (i = 0; i < cfg->ncategories; i++)
		buf_printf(&keys, "%s%s", i > 0 ? ", " : "",
		    cfg->categories[i].key);
	e = field_errs_add(es, "category");
	snprintf(e->vi, sizeof(e->vi), "Hãy chọn một loại hoạt động trong "
	    "danh sách.");
	snprintf(e->en, sizeof(e->en), "Unknown category '%s' (one of: %s).",
	    key, keys.data != NULL ? keys.data : "");
	buf_release(&keys);
	return 1;
}

/* The start and end fall within the configured years. */
static int
check_years(const struct config *cfg, const struct activity *a,
    struct field_errs *es)
{
	const struct ymd *d[] = { &a->start, &a->end };
	const char *names[] = { "start", "end" };
	const char *vi[] = { "Ngày bắt đầu", "Ngày kết thúc" };
	struct field_err *e;
	char day[16];
	size_t i;
	int bad = 0;

	for (i = 0; cfg != NULL && i < NELEM(d); i++) {
		if (d[i]->y >= cfg->act_first_year &&
		    d[i]->y <= cfg->act_last_year)
			continue;
		util_format_ymd(*d[i], day, sizeof(day));
		e = field_errs_add(es, names[i]);
		snprintf(e->vi, sizeof(e->vi), "%s phải trong các năm từ %d "
		    "đến %d.", vi[i], cfg->act_first_year, cfg->act_last_year);
		snprintf(e->en, sizeof(e->en), "Must be within the years %d to "
		    "%d ([activities] first_year, last_year), not %s.",
		    cfg->act_first_year, cfg->act_last_year, day);
		bad = 1;
	}
	return bad;
}

/*
 * Owners get the activity's reminders: addresses of the union's own
 * people (an enabled account or a recipient), at most max_owners of
 * them.  An owner the stored activity already has stays (an exported
 * list imports back); an address from outside is added as a recipient
 * by an administrator first.  0, 1 refused, -1 on a database error.
 */
static int
check_owners(struct store *st, const struct config *cfg,
    const struct activity *a, struct field_errs *es)
{
	struct field_err *e;
	size_t i;
	int rc;

	if (cfg != NULL && a->nowners > (size_t)cfg->act_max_owners) {
		e = field_errs_add(es, "owners");
		snprintf(e->vi, sizeof(e->vi), "Nhiều nhất %d người phụ trách "
		    "nhận thư nhắc của một hoạt động.", cfg->act_max_owners);
		snprintf(e->en, sizeof(e->en), "At most %d addresses get an "
		    "activity's reminders, not %zu ([activities] max_owners).",
		    cfg->act_max_owners, a->nowners);
		return 1;
	}
	for (i = 0; i < a->nowners; i++) {
		if (!text_email_valid(a->owners[i])) {
			e = field_errs_add(es, "owners");
			snprintf(e->vi, sizeof(e->vi), "“%s” không phải là địa "
			    "chỉ email. Người phụ trách là các địa chỉ email, "
			    "cách nhau bằng dấu phẩy.", a->owners[i]);
			snprintf(e->en, sizeof(e->en), "'%s' is not an email "
			    "address.", a->owners[i]);
			return 1;
		}
		if (st == NULL)
			continue;
		if ((rc = activity_owner_allowed(st, a->uid,
		    a->owners[i])) == -1)
			return -1;
		if (rc == 1)
			continue;
		e = field_errs_add(es, "owners");
		snprintf(e->vi, sizeof(e->vi), "“%s” không phải người dùng "
		    "hay người nhận của hội. Chỉ người dùng và người nhận được "
		    "giao phụ trách và nhận thư nhắc; quản trị viên cần thêm "
		    "địa chỉ này vào danh sách người nhận trước.",
		    a->owners[i]);
		snprintf(e->en, sizeof(e->en), "'%s' is neither an account nor "
		    "a recipient; an administrator adds it as a recipient "
		    "first.", a->owners[i]);
		return 1;
	}
	return 0;
}

/* The linked observance exists: 0, 1 refused, -1. */
static int
check_observance(struct store *st, const char *key, struct field_errs *es)
{
	struct field_err *e;
	int rc;

	if (key == NULL || *key == '\0' || st == NULL ||
	    (rc = store_observance_exists(st, key)) == 1)
		return 0;
	if (rc == -1)
		return -1;
	e = field_errs_add(es, "observance");
	snprintf(e->vi, sizeof(e->vi), "Không có dịp kỷ niệm với mã “%s”.",
	    key);
	snprintf(e->en, sizeof(e->en), "Unknown observance key '%s'.", key);
	return 1;
}

/* The member is one of the members table's: 0, 1 refused, -1. */
static int
check_member(struct store *st, const char *key, struct field_errs *es)
{
	struct field_err *e;
	int rc;

	if (key == NULL || *key == '\0' || st == NULL ||
	    (rc = member_exists(st, key)) == 1)
		return 0;
	if (rc == -1)
		return -1;
	e = field_errs_add(es, "member");
	snprintf(e->vi, sizeof(e->vi), "Không có đơn vị thành viên với mã "
	    "“%s” (xem danh sách đơn vị thành viên).", key);
	snprintf(e->en, sizeof(e->en), "Unknown member '%s' ('kyniem member "
	    "list' shows them).", key);
	return 1;
}

/* Aid is an amount in a currency, mobilised by NGO work. */
static int
check_aid(const struct activity *a, struct field_errs *es)
{
	struct field_err *e;

	if ((a->amount > 0) != (a->currency != NULL)) {
		e = field_errs_add(es, a->amount > 0 ? "currency" : "amount");
		snprintf(e->vi, sizeof(e->vi), "Số tiền tài trợ và đơn vị "
		    "tiền tệ đi cùng nhau: hãy điền cả hai, hoặc bỏ trống cả "
		    "hai.");
		snprintf(e->en, sizeof(e->en), "An amount needs its currency "
		    "and a currency its amount: give both or neither.");
		return 1;
	}
	if (a->amount > 0 && (a->category == NULL || strcmp(a->category,
	    ACTIVITY_AID_CATEGORY) != 0)) {
		e = field_errs_add(es, "amount");
		snprintf(e->vi, sizeof(e->vi), "Chỉ hoạt động loại công tác phi "
		    "chính phủ nước ngoài (%s) mới ghi số tiền tài trợ vận "
		    "động được.", ACTIVITY_AID_CATEGORY);
		snprintf(e->en, sizeof(e->en), "Only an activity of category "
		    "%s records the aid it mobilised.", ACTIVITY_AID_CATEGORY);
		return 1;
	}
	return 0;
}

void
activity_view(const struct activity *a, struct activity_view *v)
{
	size_t i;

	memset(v, 0, sizeof(*v));
	buf_init(&v->start);
	buf_init(&v->end);
	buf_init(&v->owners);
	field_view(activity_fields, a, &v->in);
	if (a->start.y != 0) {
		vntime_format_iso(a->start, a->all_day ? -1 : a->start_min,
		    &v->start);
		vntime_format_iso(a->end, a->all_day ? -1 : a->end_min,
		    &v->end);
	}
	for (i = 0; i < a->nowners; i++)
		buf_printf(&v->owners, "%s%s", i > 0 ? ", " : "",
		    a->owners[i]);
	if (a->participants > 0)
		snprintf(v->participants, sizeof(v->participants), "%d",
		    a->participants);
	v->in.start = v->start.data;
	v->in.end = v->end.data;
	v->in.owners = v->owners.data;
	v->in.participants = a->participants > 0 ? v->participants : NULL;
	if (a->amount > 0)
		snprintf(v->amount, sizeof(v->amount), "%ld", a->amount);
	if (a->budget > 0)
		snprintf(v->budget, sizeof(v->budget), "%ld", a->budget);
	v->in.amount = a->amount > 0 ? v->amount : NULL;
	v->in.budget = a->budget > 0 ? v->budget : NULL;
	v->in.currency = a->currency;
	v->in.status = activity_status_name(a->status);
	v->in.countries = a->countries;
	v->in.public = a->public == 1 ? "yes" : a->public == 0 ? "no" : NULL;
}

void
activity_view_release(struct activity_view *v)
{
	buf_release(&v->start);
	buf_release(&v->end);
	buf_release(&v->owners);
}

int
activity_check(struct store *st, const struct config *cfg,
    const struct activity *a, struct field_errs *errs)
{
	struct activity_view v;
	int bad, rc;

	/* The fields as a form would show them, through the one table. */
	activity_view(a, &v);
	bad = field_check(activity_fields, &v.in, 0, errs) == -1;
	activity_view_release(&v);
	bad |= field_check_value(&uid_field, a->uid, errs) == -1;
	if (bad)
		return 1;
	bad = check_years(cfg, a, errs);
	if ((rc = check_owners(st, cfg, a, errs)) == -1)
		return -1;
	bad |= rc;
	bad |= check_category(cfg, a->category, errs);
	bad |= check_aid(a, errs);
	if ((rc = check_member(st, a->member, errs)) == -1)
		return -1;
	bad |= rc;
	if ((rc = check_countries(st, a->countries, errs)) == -1)
		return -1;
	bad |= rc;
	if ((rc = check_observance(st, a->observance, errs)) == -1)
		return -1;
	return bad | rc;
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

int
activity_from_csv(struct store *st, const struct config *cfg, char **f,
    struct activity *a, struct field_errs *errs)
{
	struct activity_input in;
	struct activity old = { 0 };
	struct activity_view view;
	const struct field *col;
	size_t i = 1;
	int kept = 0, rc;

	memset(&in, 0, sizeof(in));
	a->uid = xasprintf("kyniem-activity-%s", f[0]);
	a->status = ACTIVITY_PLANNED;
	a->public = -1;
	/* A column the file leaves out keeps the stored value: the stored
	 * activity as the form shows it gives it. */
	for (col = activity_fields; col->name != NULL && !kept; col++, i++)
		kept = f[i] == NULL;
	if (kept && (rc = activity_get_uid(st, a->uid, &old)) != 0) {
		kept = 0;
		if (rc == -1)
			return -1;
	}
	if (kept)
		activity_view(&old, &view);
	/* The columns after the key are the table's, in its order. */
	for (col = activity_fields, i = 1; col->name != NULL; col++, i++)
		if (f[i] == NULL && kept)
			*field_slot(col, &in) = field_value(col, &view.in);
		else if (f[i] != NULL && *f[i] != '\0')
			*field_slot(col, &in) = f[i];
	rc = activity_apply(st, cfg, &in, a, errs);
	if (kept) {
		activity_view_release(&view);
		activity_release(&old);
	}
	return rc;
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
	char n[16], amount[24], budget[24];
	size_t i;

	buf_init(&start);
	buf_init(&end);
	buf_init(&owners);
	vntime_format_iso(a->start, a->all_day ? -1 : a->start_min, &start);
	vntime_format_iso(a->end, a->all_day ? -1 : a->end_min, &end);
	for (i = 0; i < a->nowners; i++)
		buf_printf(&owners, "%s%s", i > 0 ? ";" : "", a->owners[i]);
	snprintf(n, sizeof(n), "%d", a->participants);
	snprintf(amount, sizeof(amount), "%ld", a->amount);
	snprintf(budget, sizeof(budget), "%ld", a->budget);
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
	v[16] = a->member;
	v[17] = a->amount > 0 ? amount : NULL;
	v[18] = a->currency;
	v[19] = a->budget > 0 ? budget : NULL;
	v[20] = a->report_text;
	v[21] = a->public == 1 ? "yes" : "no";
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

/* The times of in applied to a; 0, or -1 with the refusal added. */
static int
apply_times(const struct activity_input *in, struct activity *a,
    struct field_errs *errs)
{
	const struct field_err *why;
	char s[32], e[32];

	if (in->start == NULL && in->end == NULL)
		return 0;
	/* Re-derive both ends so an edited start keeps its kind. */
	current_times(a, s, e, sizeof(s));
	why = activity_set_times(a, in->start != NULL ? in->start : s,
	    in->end != NULL ? in->end : in->start != NULL ? NULL : e);
	if (why == NULL)
		return 0;
	*field_errs_add(errs, why->field) = *why;
	return -1;
}

/* The currency in capitals; "" clears it. */
static void
set_currency(struct activity *a, const char *s)
{
	char *p;

	free(a->currency);
	a->currency = *s != '\0' ? xstrdup(s) : NULL;
	for (p = a->currency; p != NULL && *p != '\0'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
}

int
activity_apply(struct store *st, const struct config *cfg,
    const struct activity_input *in, struct activity *a,
    struct field_errs *errs)
{
	long n;

	if (field_check(activity_fields, in, FIELD_GIVEN, errs) == -1 ||
	    apply_times(in, a, errs) == -1)
		return 1;
	field_copy(activity_fields, in, a);
	/* An unticked box is no. */
	if (in->public != NULL)
		a->public = activity_public_parse(*in->public != '\0' ?
		    in->public : "no");
	if (in->countries != NULL) {
		free(a->countries);
		a->countries = activity_countries_norm(in->countries);
	}
	if (in->status != NULL && *in->status != '\0')
		a->status = (enum activity_status)activity_status_parse(
		    in->status);
	if (in->participants != NULL)
		a->participants = util_parse_int(in->participants, 0,
		    ACTIVITY_PEOPLE_MAX, &n) == 0 ? (int)n : 0;
	if (in->amount != NULL)
		a->amount = util_parse_int(in->amount, 0, ACTIVITY_MONEY_MAX,
		    &n) == 0 ? n : 0;
	if (in->budget != NULL)
		a->budget = util_parse_int(in->budget, 0, ACTIVITY_MONEY_MAX,
		    &n) == 0 ? n : 0;
	if (in->currency != NULL)
		set_currency(a, in->currency);
	if (in->owners != NULL) {
		while (a->nowners > 0)
			free(a->owners[--a->nowners]);
		split_owners(a, in->owners);
	}
	return activity_check(st, cfg, a, errs);
}

/* A date and time of a as an ISO string member. */
static void
iso_member(struct jsonw *j, const char *key, struct ymd d, int min)
{
	struct buf t;

	buf_init(&t);
	vntime_format_iso(d, min, &t);
	jsonw_str(j, key, t.data);
	buf_release(&t);
}

void
activity_json(const struct activity *a, struct buf *out)
{
	struct jsonw j;
	size_t i;

	jsonw_init(&j, out, 0);
	jsonw_object(&j, NULL);
	jsonw_str(&j, "title", a->title);
	iso_member(&j, "start", a->start, a->all_day ? -1 : a->start_min);
	iso_member(&j, "end", a->end, a->all_day ? -1 : a->end_min);
	jsonw_str(&j, "location", a->location);
	jsonw_str(&j, "organiser", a->organiser);
	jsonw_str(&j, "observance", a->observance);
	jsonw_array(&j, "owners");
	for (i = 0; i < a->nowners; i++)
		jsonw_str(&j, NULL, a->owners[i]);
	jsonw_end(&j);
	jsonw_str(&j, "remind", a->remind);
	jsonw_str(&j, "status", activity_status_name(a->status));
	jsonw_str(&j, "notes", a->notes);
	jsonw_str(&j, "result", a->result);
	jsonw_int(&j, "participants", a->participants);
	jsonw_str(&j, "category", a->category);
	jsonw_str(&j, "countries", a->countries);
	jsonw_str(&j, "partner", a->partner);
	jsonw_str(&j, "member", a->member);
	jsonw_int(&j, "amount", a->amount);
	jsonw_str(&j, "currency", a->currency);
	jsonw_int(&j, "budget", a->budget);
	jsonw_str(&j, "report_text", a->report_text);
	jsonw_bool(&j, "public", a->public == 1);
	jsonw_end(&j);
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

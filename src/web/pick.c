/*
 * The activity form's pickers and what they post, turned back into the
 * fields of activity_fields.  Names shown are Vietnamese or English as
 * the page is; the codes (keys, ISO codes, "7d") stay in the values the
 * browser sends back, never in what staff read.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "collate.h"
#include "config.h"
#include "escape.h"
#include "log.h"
#include "pick.h"
#include "recipient.h"
#include "rules.h"
#include "ui.h"
#include "user.h"

/* The reminders offered as boxes, in the order they are written. */
static const struct {
	const char *offset, *vi, *en;
} boxes[] = {
	{ "30d", "30 ngày trước", "30 days before" },
	{ "7d", "7 ngày trước", "7 days before" },
	{ "1d", "1 ngày trước", "1 day before" },
};

void
pick_post_init(struct pick_post *pp)
{
	buf_init(&pp->start);
	buf_init(&pp->end);
	buf_init(&pp->owners);
	buf_init(&pp->remind);
	buf_init(&pp->countries);
}

void
pick_post_release(struct pick_post *pp)
{
	buf_release(&pp->start);
	buf_release(&pp->end);
	buf_release(&pp->owners);
	buf_release(&pp->remind);
	buf_release(&pp->countries);
}

/* b's text, "" when empty. */
static const char *
text_of(struct buf *b)
{
	buf_add(b, "", 0);
	return b->data;
}

/* The values of every field called name, joined by sep. */
static void
join(struct web_req *r, const char *name, const char *sep, struct buf *b)
{
	const char *v;
	size_t i;

	for (i = 0; (v = http_req_field_nth(r->hr, name, i)) != NULL; i++) {
		if (*v == '\0')
			continue;
		if (b->len > 0)
			buf_puts(b, sep);
		buf_puts(b, v);
	}
}

/* "2023-09-21" and "09:30" as "2023-09-21T09:30" (the date alone when
 * no time was given). */
static const char *
when_posted(struct web_req *r, const char *name, struct buf *b)
{
	char f[32];
	const char *d, *t;

	snprintf(f, sizeof(f), "%s_date", name);
	if ((d = http_req_field(r->hr, f)) == NULL)
		return NULL;
	snprintf(f, sizeof(f), "%s_time", name);
	t = http_req_field(r->hr, f);
	buf_puts(b, d);
	if (*d != '\0' && t != NULL && *t != '\0')
		buf_printf(b, "T%s", t);
	return text_of(b);
}

static const char *
remind_posted(struct web_req *r, struct buf *b)
{
	const char *other = http_req_field(r->hr, "remind_other");

	if (http_req_field(r->hr, "remind_box") == NULL)
		return NULL;
	join(r, "remind_pick", ",", b);
	if (other != NULL) {
		while (isspace((unsigned char)*other))
			other++;
		if (*other != '\0')
			buf_printf(b, "%s%s", b->len > 0 ? "," : "", other);
	}
	return text_of(b);
}

/* s folded, its words joined by one space: "Việt Nam – Nhật Bản" and
 * "viet nam - nhat ban" are both "viet nam nhat ban". */
static void
words_of(const char *s, struct buf *out)
{
	struct buf f;
	const char *p;
	int gap = 0;

	buf_init(&f);
	buf_puts(&f, "");
	collate_fold(s, &f);
	buf_puts(out, "");
	for (p = f.data; *p != '\0'; p++) {
		if (!isalnum((unsigned char)*p)) {
			gap = out->len > 0;
			continue;
		}
		if (gap)
			buf_putc(out, ' ');
		buf_putc(out, *p);
		gap = 0;
	}
	buf_release(&f);
}

/* 1 if a and b have the same words, whatever their marks and case. */
static int
same_folded(const char *a, const char *b)
{
	struct buf fa, fb;
	int same;

	buf_init(&fa);
	buf_init(&fb);
	words_of(a, &fa);
	words_of(b, &fb);
	same = fa.len > 0 && strcmp(fa.data, fb.data) == 0;
	buf_release(&fa);
	buf_release(&fb);
	return same;
}

/* The key of the occasion named name (in either language, marks and
 * capitals as they come), or name itself: a key, or something
 * activity_apply() will refuse in words. */
static const char *
occasion_posted(struct web_req *r, const char *name)
{
	const struct obs_set *set = &r->data->set;
	struct buf t;
	size_t i;
	int lang, hit = 0;

	if (name == NULL || *name == '\0' || obs_set_find(set, name) != NULL)
		return name;
	for (lang = 0; lang < 2 && !hit; lang++)
		for (i = 0; i < set->n && !hit; i++) {
			buf_init(&t);
			rules_subject(set->v[i], lang == 0 ? LANG_VI : LANG_EN,
			    &t);
			hit = t.data != NULL && same_folded(t.data, name);
			buf_release(&t);
			if (hit)
				return set->v[i]->key;
		}
	return name;
}

const char *
pick_posted(struct web_req *r, struct pick_post *pp, const char *name)
{
	const char *v = http_req_field(r->hr, name);

	if (strcmp(name, "observance") == 0)
		return occasion_posted(r, v);
	if (v != NULL)
		return v;
	if (strcmp(name, "start") == 0)
		return when_posted(r, "start", &pp->start);
	if (strcmp(name, "end") == 0)
		return when_posted(r, "end", &pp->end);
	if (strcmp(name, "remind") == 0)
		return remind_posted(r, &pp->remind);
	if (strcmp(name, "owners") == 0 && http_req_field(r->hr,
	    "owners_box") != NULL) {
		join(r, "owner", ", ", &pp->owners);
		return text_of(&pp->owners);
	}
	if (strcmp(name, "countries") == 0 && http_req_field(r->hr,
	    "countries_box") != NULL) {
		join(r, "country", " ", &pp->countries);
		return text_of(&pp->countries);
	}
	return NULL;
}

/* 1 if word is one of list's, which separators (", ", " ") split;
 * case-blind when nocase (addresses). */
static int
in_list(const char *list, const char *word, int nocase)
{
	const char *p = list;
	size_t n = strlen(word), k;

	while (p != NULL && *p != '\0') {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		for (k = 0; p[k] != '\0' && p[k] != ',' &&
		    !isspace((unsigned char)p[k]); k++)
			;
		if (k == n && k > 0 && (nocase ? strncasecmp(p, word, n) :
		    strncmp(p, word, n)) == 0)
			return 1;
		p += k;
	}
	return 0;
}

/* The label, hint and error of a group of inputs. */
static void
group_open(struct web_req *r, const char *name, const char *legend,
    const char *error)
{
	html_printf(r->out, "<fieldset class=\"field picks%s\" id=\"f-%s\""
	    "><legend>%s</legend>", error != NULL ? " invalid" : "", name,
	    legend);
	if (error != NULL)
		html_printf(r->out, "<p class=\"error\" id=\"e-%s\">%s</p>",
		    name, error);
}

static void
group_close(struct web_req *r, const char *hint)
{
	if (hint != NULL)
		html_printf(r->out, "<p class=\"hint\">%s</p>", hint);
	html_raw(r->out, "</fieldset>\n");
}

void
pick_when(struct web_req *r, const char *name, const char *label,
    const char *value, const char *error, int required)
{
	char date[16] = "", time[8] = "";
	const char *t;

	if (value != NULL) {
		snprintf(date, sizeof(date), "%.10s", value);
		if ((t = strchr(value, 'T')) != NULL)
			snprintf(time, sizeof(time), "%.5s", t + 1);
	}
	html_printf(r->out, "<div class=\"field when%s\"><label for=\"f-%s\">"
	    "%s%s</label>", error != NULL ? " invalid" : "", name, label,
	    required ? " *" : "");
	if (error != NULL)
		html_printf(r->out, "<p class=\"error\" id=\"e-%s\">%s</p>",
		    name, error);
	html_printf(r->out, "<input type=\"date\" id=\"f-%s\" name=\"%s_date\""
	    " value=\"%s\"%s%s> <label for=\"f-%s_time\">%s</label> <input "
	    "type=\"time\" id=\"f-%s_time\" name=\"%s_time\" value=\"%s\">",
	    name, name, date, required ? " required" : "", error != NULL ?
	    " aria-invalid=\"true\"" : "", name, L(r, "lúc", "at"), name, name,
	    time);
	html_printf(r->out, "<p class=\"hint\">%s</p></div>\n", required ?
	    L(r, "Ngày/tháng/năm; giờ Việt Nam, bỏ trống nếu cả ngày.",
	    "Day, month, year; Vietnam time, empty for all day.") :
	    L(r, "Bỏ trống nếu trong một ngày.", "Empty for one day."));
}

/* One owner's box. */
static void
owner_box(struct web_req *r, const char *email, const char *name,
    const char *value)
{
	html_printf(r->out, "<label><input type=\"checkbox\" name=\"owner\" "
	    "value=\"%s\"%s> %s <span class=\"muted\">%s</span></label>",
	    email, value != NULL && in_list(value, email, 1) ? " checked" : "",
	    name != NULL && *name != '\0' ? name : email, email);
}

void
pick_owners(struct web_req *r, const char *value, const char *error)
{
	struct user_list ul = { NULL, 0 };
	struct recipient_list rl = { NULL, 0 };
	struct buf shown;
	const char *p;
	char email[320], hint[400];
	size_t i, k;
	int extra;

	/* A list that cannot be read shows fewer boxes; the owners the
	 * activity has are shown whatever. */
	if (user_load(r->st, &ul) == -1 || recipient_load(r->st, &rl) == -1)
		log_warnx("the owners' picker lacks accounts or recipients");
	group_open(r, "owners", L(r, "Người phụ trách", "Owners"), error);
	html_raw(r->out, "<input type=\"hidden\" name=\"owners_box\" "
	    "value=\"1\"><div class=\"boxes\">");
	buf_init(&shown);
	buf_puts(&shown, ",");
	for (i = 0; i < ul.n; i++)
		if (!ul.v[i].disabled && !in_list(shown.data, ul.v[i].email,
		    1)) {
			owner_box(r, ul.v[i].email, ul.v[i].name, value);
			buf_printf(&shown, "%s,", ul.v[i].email);
		}
	for (i = 0; i < rl.n; i++)
		if (!in_list(shown.data, rl.v[i].email, 1)) {
			owner_box(r, rl.v[i].email, rl.v[i].name, value);
			buf_printf(&shown, "%s,", rl.v[i].email);
		}
	/* The activity's other owners (a refused post's too, up to a few
	 * more than may be). */
	for (p = value, extra = 0; p != NULL && *p != '\0' &&
	    extra <= r->cfg->act_max_owners; p += k) {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		for (k = 0; p[k] != '\0' && p[k] != ',' &&
		    !isspace((unsigned char)p[k]); k++)
			;
		snprintf(email, sizeof(email), "%.*s", (int)k, p);
		if (k > 0 && !in_list(shown.data, email, 1)) {
			extra++;
			owner_box(r, email, NULL, value);
			buf_printf(&shown, "%s,", email);
		}
	}
	html_raw(r->out, "</div>");
	snprintf(hint, sizeof(hint), L(r, "Người được chọn (nhiều nhất %d "
	    "người) nhận thư nhắc việc. Người ngoài hội phải được quản trị "
	    "viên thêm vào danh sách người nhận trước.", "They get the "
	    "reminders (%d people at most). Someone from outside must first "
	    "be added as a recipient by an administrator."),
	    r->cfg->act_max_owners);
	group_close(r, hint);
	buf_release(&shown);
	user_list_release(&ul);
	recipient_list_release(&rl);
}

void
pick_remind(struct web_req *r, const char *value, const char *error)
{
	struct buf other;
	const char *p;
	size_t i, k, j;
	int boxed;

	if (value == NULL || *value == '\0')
		value = r->cfg->remind_offsets;
	group_open(r, "remind", L(r, "Nhắc trước", "Remind"), error);
	html_raw(r->out, "<input type=\"hidden\" name=\"remind_box\" "
	    "value=\"1\"><div class=\"boxes\">");
	for (i = 0; i < NELEM(boxes); i++)
		html_printf(r->out, "<label><input type=\"checkbox\" "
		    "name=\"remind_pick\" value=\"%s\"%s> %s</label>",
		    boxes[i].offset, in_list(value, boxes[i].offset, 0) ?
		    " checked" : "", L(r, boxes[i].vi, boxes[i].en));
	/* What the boxes do not say goes to the free field. */
	buf_init(&other);
	buf_puts(&other, "");
	for (p = value; *p != '\0'; p += k) {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		for (k = 0; p[k] != '\0' && p[k] != ','; k++)
			;
		for (j = 0, boxed = 0; j < NELEM(boxes); j++)
			boxed |= k == strlen(boxes[j].offset) &&
			    strncmp(p, boxes[j].offset, k) == 0;
		if (k > 0 && !boxed)
			buf_printf(&other, "%s%.*s", other.len > 0 ? "," : "",
			    (int)k, p);
	}
	html_printf(r->out, "</div><label for=\"f-remind_other\">%s</label> "
	    "<input type=\"text\" id=\"f-remind_other\" name=\"remind_other\" "
	    "value=\"%s\" autocomplete=\"off\">", L(r, "Thời điểm khác",
	    "Other times"), other.data);
	group_close(r, L(r, "Thời điểm khác, nếu cần: số ngày (d), tuần (w) "
	    "hoặc giờ (h) trước, cách nhau bằng dấu phẩy, ví dụ 14d, 2h.",
	    "Other times if needed: days (d), weeks (w) or hours (h) before, "
	    "comma-separated, e.g. 14d, 2h."));
	buf_release(&other);
}

void
pick_occasion(struct web_req *r, const char *value, const char *error)
{
	const struct obs_set *set = &r->data->set;
	const struct observance *o;
	struct buf t;
	size_t i;

	buf_init(&t);
	buf_puts(&t, "");
	if (value != NULL && (o = obs_set_find(set, value)) != NULL)
		rules_subject(o, r->lang, &t);
	else if (value != NULL)
		buf_puts(&t, value);
	html_printf(r->out, "<div class=\"field%s\"><label "
	    "for=\"f-observance\">%s</label>", error != NULL ? " invalid" :
	    "", L(r, "Dịp kỷ niệm", "Occasion"));
	/* activity.c's words name a key; staff typed a name. */
	if (error != NULL)
		html_printf(r->out, "<p class=\"error\" id=\"e-observance\">%s"
		    "</p>", L(r, "Không có dịp kỷ niệm nào tên như vậy. Hãy gõ "
		    "vài chữ của tên rồi chọn trong danh sách.", "There is no "
		    "occasion of that name. Type a few letters of it and pick "
		    "it from the list."));
	html_printf(r->out, "<input type=\"text\" id=\"f-observance\" "
	    "name=\"observance\" list=\"occasions\" value=\"%s\" "
	    "autocomplete=\"off\" aria-describedby=\"h-observance\"%s>"
	    "<datalist id=\"occasions\">", t.data, error != NULL ?
	    " aria-invalid=\"true\"" : "");
	for (i = 0; i < set->n; i++) {
		buf_release(&t);
		buf_init(&t);
		rules_subject(set->v[i], r->lang, &t);
		if (t.data != NULL)
			html_printf(r->out, "<option value=\"%s\">", t.data);
	}
	html_printf(r->out, "</datalist><p class=\"hint\" id=\"h-observance\">"
	    "%s</p></div>\n", L(r, "Gõ vài chữ của tên dịp rồi chọn trong "
	    "danh sách, ví dụ \"Nhật Bản\"; để trống nếu không gắn với dịp "
	    "nào.", "Type a few letters of its name and pick it from the "
	    "list, e.g. \"Japan\"; empty for none."));
	buf_release(&t);
}

/* One country of the picker. */
struct country_item {
	const char *code, *name;
};

static const char *
country_name(const void *e)
{
	return ((const struct country_item *)e)->name;
}

/* The countries of the occasions, by name in r's language, sorted as
 * the language sorts (free the array); *n of them. */
static struct country_item *
country_items(struct web_req *r, size_t *n)
{
	const struct obs_set *set = &r->data->set;
	struct country_item *v = xcalloc(set->n + 1, sizeof(*v));
	const struct observance *o;
	/* A country code is two capitals: one flag each (a list page
	 * draws this on every request, over a thousand observances). */
	unsigned char seen[26 * 26] = { 0 };
	const char *c;
	size_t i;

	*n = 0;
	for (i = 0; i < set->n; i++) {
		o = set->v[i];
		c = o->country;
		if (c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' ||
		    seen[(c[0] - 'A') * 26 + c[1] - 'A'])
			continue;
		seen[(c[0] - 'A') * 26 + c[1] - 'A'] = 1;
		v[*n].code = c;
		v[(*n)++].name = L(r, o->country_vi, o->country_en) != NULL ?
		    L(r, o->country_vi, o->country_en) : c;
	}
	collate_sort(L(r, "vi", "en"), v, *n, sizeof(*v), country_name);
	return v;
}

void
pick_country(struct web_req *r, const char *label, const char *value)
{
	size_t i, n;
	struct country_item *v = country_items(r, &n);
	const char **pairs = xcalloc(2 * n + 3, sizeof(*pairs));

	pairs[0] = "";
	pairs[1] = L(r, "Tất cả", "Any");
	for (i = 0; i < n; i++) {
		pairs[2 + 2 * i] = v[i].code;
		pairs[3 + 2 * i] = v[i].name;
	}
	ui_select(r, "country", label, pairs, value != NULL ? value : "");
	free(pairs);
	free(v);
}

void
pick_countries(struct web_req *r, const char *value, const char *error)
{
	size_t i, n;
	struct country_item *v = country_items(r, &n);

	group_open(r, "countries", L(r, "Nước đối tác", "Partner countries"),
	    error);
	html_printf(r->out, "<input type=\"hidden\" name=\"countries_box\" "
	    "value=\"1\"><label class=\"vh\" for=\"f-country\">%s</label>"
	    "<select multiple size=\"6\" id=\"f-country\" name=\"country\"",
	    L(r, "Nước đối tác", "Partner countries"));
	html_raw(r->out, error != NULL ? " aria-invalid=\"true\" "
	    "aria-describedby=\"e-countries\">" : ">");
	for (i = 0; i < n; i++)
		html_printf(r->out, "<option value=\"%s\"%s>%s</option>",
		    v[i].code, value != NULL && in_list(value, v[i].code, 0) ?
		    " selected" : "", v[i].name);
	html_raw(r->out, "</select>");
	group_close(r, L(r, "Chọn một hoặc nhiều nước (giữ Ctrl khi bấm để "
	    "chọn thêm).", "Choose one or more (hold Ctrl to add one)."));
	free(v);
}

/* The currencies an NGO's aid comes in, the union's own first. */
static const char *const currencies[] = {
	"VND", "USD", "EUR", "JPY", "KRW", "AUD", "GBP", "CHF", "CAD", "CNY",
	"SGD", "THB", "NZD", "SEK", "NOK", "DKK", "HKD", "TWD", NULL
};

/* Append code and its name in r's language to pairs at *n; the name
 * lives in name.  ICU without a name for it: the code as it is. */
static void
currency_pair(struct web_req *r, const char *code, struct buf *name,
    const char **pairs, size_t *n)
{
	buf_init(name);
	if (collate_currency(L(r, "vi", "en"), code, name) == -1)
		buf_puts(name, code);
	pairs[(*n)++] = code;
	pairs[(*n)++] = name->data;
}

void
pick_currency(struct web_req *r, const char *value, const char *error)
{
	const char *v = value != NULL ? value : "";
	size_t i, n = 0, k = 0, nc = NELEM(currencies);
	struct buf *names = xcalloc(nc + 1, sizeof(*names));
	const char **pairs = xcalloc(2 * nc + 5, sizeof(*pairs));
	int known = *v == '\0';

	pairs[n++] = "";
	pairs[n++] = L(r, "(không có)", "(none)");
	for (i = 0; currencies[i] != NULL; i++) {
		known |= strcasecmp(currencies[i], v) == 0;
		currency_pair(r, currencies[i], &names[k++], pairs, &n);
	}
	/* A stored currency not in the list stays, to be seen. */
	if (!known)
		currency_pair(r, v, &names[k++], pairs, &n);
	ui_select(r, "currency", L(r, "Đơn vị tiền tệ", "Currency"), pairs,
	    v);
	if (error != NULL)
		html_printf(r->out, "<p class=\"error\" role=\"alert\">%s"
		    "</p>\n", error);
	for (i = 0; i < k; i++)
		buf_release(&names[i]);
	free(names);
	free(pairs);
}

/*
 * Reminder mail's words and attachments.  Every body line goes to the text
 * and the HTML body alike (the HTML through html_printf, so a title is
 * never markup); calendars are built by ical.c, METHOD:PUBLISH with the
 * union as ORGANIZER (RFC 5546).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "config.h"
#include "dataset.h"
#include "escape.h"
#include "ical.h"
#include "letter.h"
#include "remind_mail.h"
#include "vntime.h"

#define PRODID	"-//kyniem//reminder//VI"

void
mail_init(struct mail *m, const char *key, const char *to,
    const char *to_name, enum lang lang)
{
	memset(m, 0, sizeof(*m));
	m->key = key;
	m->to = to;
	m->to_name = to_name;
	m->lang = lang;
	buf_init(&m->subject);
	buf_init(&m->text);
	buf_init(&m->html);
	buf_puts(&m->html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
	    "</head><body>\n");
}

void
mail_release(struct mail *m)
{
	size_t i;

	buf_release(&m->subject);
	buf_release(&m->text);
	buf_release(&m->html);
	free(m->ics);
	free(m->ics_name);
	for (i = 0; i < m->nfiles; i++) {
		free(m->files[i].name);
		free(m->files[i].data);
	}
	free(m->files);
}

/* A "label: value" line in both bodies, when value is set. */
static void
line(struct mail *m, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_printf(&m->text, "%s: %s\n", label, value);
	html_printf(&m->html, "<p><b>%s:</b> %s</p>\n", label, value);
}

static void
para(struct mail *m, const char *text)
{
	buf_printf(&m->text, "%s\n\n", text);
	html_printf(&m->html, "<p>%s</p>\n", text);
}

/* A link line, when the staff web application's address is known. */
static void
link_line(struct mail *m, const char *label, const char *url)
{
	buf_printf(&m->text, "%s: %s\n", label, url);
	html_printf(&m->html, "<p><a href=\"%s\">%s</a></p>\n", url, label);
}

/* "{base_url}/app/..." or NULL when base_url is not set (caller frees). */
static char *
app_url(const struct config *cfg, const char *path, const char *key)
{
	size_t n;
	struct buf b;

	if (cfg->base_url == NULL || cfg->base_url[0] == '\0')
		return NULL;
	n = strlen(cfg->base_url);
	while (n > 0 && cfg->base_url[n - 1] == '/')
		n--;
	buf_init(&b);
	buf_add(&b, cfg->base_url, n);
	buf_puts(&b, path);
	if (key != NULL)
		esc_url(&b, key);
	return buf_detach(&b);
}

static void
footer(struct mail *m, const struct config *cfg)
{
	const char *org = cfg->org_name ? cfg->org_name : "kyniem";

	buf_printf(&m->text, "-- \n%s\n", org);
	html_printf(&m->html, "<hr><p>%s</p>\n</body></html>\n", org);
}

/* What every event of a mail calendar says besides its dates. */
static void
event_init(struct ical_event *e, const struct config *cfg, time_t now)
{
	memset(e, 0, sizeof(*e));
	e->stamp = now;
	e->alarm_minutes = -1;
	e->organizer = cfg->organizer;
	e->organizer_name = cfg->org_name;
}

/* A METHOD:PUBLISH calendar as text; cal is freed. */
static char *
calendar_text(icalcomponent *cal)
{
	char *s = ical_text(cal);

	icalcomponent_free(cal);
	return s;
}

static char *
activity_ics(const struct config *cfg, const struct activity *a,
    enum lang lang, time_t now)
{
	icalcomponent *cal = ical_calendar(PRODID, 1);
	const struct config_category *c = a->category != NULL ?
	    config_category_find(cfg, a->category) : NULL;
	struct ical_event e;

	event_init(&e, cfg, now);
	/* The category's words, as the feeds write them: a client shows
	 * CATEGORIES to people (the key is X-KYNIEM-CATEGORY). */
	if (c != NULL)
		e.categories = lang == LANG_EN ? c->name_en : c->name_vi;
	e.uid = a->uid;
	e.summary = a->title;
	e.description = a->notes;
	e.revision = a->revision;
	if (!a->all_day)
		icalcomponent_add_component(cal, ical_vtimezone());
	icalcomponent_add_component(cal, ical_activity_event(a, &e));
	return calendar_text(cal);
}

void
remind_mail_activity(struct mail *m, const struct config *cfg,
    const struct dataset *d, struct lunar_cal *lunar,
    const struct activity *a, long days_left, time_t now)
{
	int en = m->lang == LANG_EN;
	struct buf w, t;
	char *url;

	buf_init(&w);
	buf_init(&t);
	vntime_format_when(a->start, a->all_day ? -1 : a->start_min, m->lang,
	    &w);
	buf_printf(&m->subject, "%s: %s (%s)", en ? "Reminder" :
	    "Nhắc việc", a->title, w.data);
	if (en)
		buf_printf(&t, "\"%s\" takes place on %s (in %ld day%s).",
		    a->title, w.data, days_left, days_left == 1 ? "" : "s");
	else
		buf_printf(&t, "Hoạt động \"%s\" diễn ra vào %s (còn %ld "
		    "ngày).", a->title, w.data, days_left);
	para(m, t.data);
	t.len = 0;
	if (a->observance != NULL && dataset_occasion(d, cfg, lunar,
	    a->observance, a->start, m->lang, &t) == 0)
		line(m, en ? "Occasion" : "Dịp", t.data);
	line(m, en ? "Location" : "Địa điểm", a->location);
	line(m, en ? "Organiser" : "Đơn vị tổ chức", a->organiser);
	line(m, en ? "Status" : "Trạng thái", en ?
	    activity_status_name(a->status) : a->status ==
	    ACTIVITY_CONFIRMED ? "đã xác nhận" : "dự kiến");
	line(m, en ? "Notes" : "Ghi chú", a->notes);
	t.len = 0;
	buf_printf(&t, "/app/activities/%ld", a->id);
	if ((url = app_url(cfg, t.data, NULL)) != NULL)
		link_line(m, en ? "The activity" : "Xem hoạt động", url);
	free(url);
	para(m, en ? "The event is attached: open it to add it to your "
	    "calendar." : "Sự kiện được đính kèm: mở tệp để thêm vào lịch "
	    "của bạn.");
	footer(m, cfg);
	m->ics = activity_ics(cfg, a, m->lang, now);
	m->ics_name = xstrdup(a->title);
	buf_release(&w);
	buf_release(&t);
}

/* A line of a digest item, "label: value", in both bodies; none for an
 * empty value. */
static void
item_line(struct mail *m, const char *label, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	buf_printf(&m->text, "  %s: %s\n", label, value);
	html_printf(&m->html, "<br>%s: %s", label, value);
}

/* A digest item's link to path and key in the application (when
 * base_url is set) in both bodies. */
static void
item_link(struct mail *m, const struct config *cfg, const char *label,
    const char *path, const char *key)
{
	char *url = app_url(cfg, path, key);

	if (url == NULL)
		return;
	buf_printf(&m->text, "  %s: %s\n", label, url);
	html_printf(&m->html, "<br><a href=\"%s\">%s</a>", url, label);
	free(url);
}

/* One item of the digest in both bodies. */
static void
digest_item(struct mail *m, const struct config *cfg,
    const struct occurrence *oc, struct ymd today)
{
	int en = m->lang == LANG_EN;
	long left = vntime_days_between(today, oc->date);
	struct buf when, title;

	buf_init(&when);
	buf_init(&title);
	rules_format_date(oc, m->lang, &when);
	if (oc->precision != PREC_DAY)
		buf_puts(&when, en ? " (day not known)" : " (chưa rõ ngày)");
	else
		buf_printf(&when, en ? " (in %ld day%s)" : " (còn %ld ngày)",
		    left, left == 1 ? "" : "s");
	rules_title(oc, m->lang, &title);
	rules_unverified(oc->obs, m->lang, &title);
	if (rules_is_milestone(&cfg->rules, oc))
		buf_printf(&title, " [%s]", rules_milestone_label(oc->milestone, m->lang, 0));
	buf_printf(&m->text, "- %s: %s\n", when.data, title.data);
	html_printf(&m->html, "<li><b>%s</b>: %s", when.data, title.data);
	item_line(m, en ? "Note (in Vietnamese)" : "Ghi chú", oc->obs->note);
	item_line(m, en ? "Source" : "Nguồn", oc->obs->source);
	item_link(m, cfg, en ? "Plan an activity" : "Lên kế hoạch hoạt động",
	    "/app/activities/new?observance=", oc->obs->key);
	html_printf(&m->html, "</li>\n");
	buf_release(&when);
	buf_release(&title);
}

/* The items with a day as one calendar; NULL when none has one. */
static char *
digest_ics(const struct config *cfg, const struct occurrence *const *items,
    size_t n, enum lang lang, time_t now)
{
	icalcomponent *cal = NULL;
	struct ical_event e;
	struct buf uid, sum;
	size_t i;

	buf_init(&uid);
	buf_init(&sum);
	for (i = 0; i < n; i++) {
		if (items[i]->precision != PREC_DAY)
			continue;
		if (cal == NULL)
			cal = ical_calendar(PRODID, 1);
		uid.len = sum.len = 0;
		buf_printf(&uid, "%s-%d@%s", items[i]->obs->key,
		    items[i]->obs->rule.base_year + items[i]->n, cfg->domain);
		rules_title(items[i], lang, &sum);
		event_init(&e, cfg, now);
		e.uid = uid.data;
		e.summary = sum.data;
		e.revision = items[i]->obs->revision;
		icalcomponent_add_component(cal, ical_occurrence_event(items[i],
		    &e));
	}
	buf_release(&uid);
	buf_release(&sum);
	return cal != NULL ? calendar_text(cal) : NULL;
}

/* Attach each letter's draft as NAME.docx; a draft that cannot be
 * rendered is left out (logged). */
static void
attach_letters(struct mail *m, const struct config *cfg,
    const struct letter *const *letters, size_t nl)
{
	struct buf b;
	size_t i;

	m->files = xcalloc(nl + 1, sizeof(*m->files));
	for (i = 0; i < nl; i++) {
		buf_init(&b);
		if (letter_render(letters[i], cfg, DOC_DOCX, &b) == -1) {
			buf_release(&b);
			continue;
		}
		m->files[m->nfiles].name = xasprintf("%s.docx",
		    letters[i]->name);
		m->files[m->nfiles].len = b.len;
		m->files[m->nfiles++].data = buf_detach(&b);
	}
}

/* The addressee of a letter without "Kính gửi: " / "To: ". */
static const char *
addressee(const struct letter *l)
{
	const char *colon = strstr(l->salutation, ": ");

	return colon != NULL ? colon + 2 : l->salutation;
}

/* One occasion of the letters due: letters[0..n) share its key. */
static void
letter_item(struct mail *m, const struct config *cfg,
    const struct letter *const *letters, size_t n, struct ymd today)
{
	int en = m->lang == LANG_EN;
	long left = vntime_days_between(today, letters[0]->date);
	char year[8];
	size_t i;

	buf_printf(&m->text, en ? "- %d/%d/%d (in %ld day%s): %s\n" :
	    "- %d/%d/%d (còn %ld ngày%s): %s\n", letters[0]->date.d,
	    letters[0]->date.m, letters[0]->date.y, left, en && left != 1 ?
	    "s" : "", letters[0]->title[m->lang]);
	html_printf(&m->html, en ? "<li><b>%d/%d/%d (in %ld day%s)</b>: %s" :
	    "<li><b>%d/%d/%d (còn %ld ngày%s)</b>: %s", letters[0]->date.d,
	    letters[0]->date.m, letters[0]->date.y, left, en && left != 1 ?
	    "s" : "", letters[0]->title[m->lang]);
	for (i = 0; i < n; i++) {
		buf_printf(&m->text, "  %s %s (%s.docx)\n", en ? "To:" :
		    "Gửi:", addressee(letters[i]), letters[i]->name);
		html_printf(&m->html, "<br>%s %s (%s.docx)", en ? "To:" :
		    "Gửi:", addressee(letters[i]), letters[i]->name);
	}
	snprintf(year, sizeof(year), "%d", letters[0]->date.y);
	item_link(m, cfg, en ? "Mark it sent" : "Đánh dấu đã gửi",
	    "/app/letters?year=", year);
	html_printf(&m->html, "</li>\n");
}

/* The letters due, one item per occasion, their drafts attached. */
static void
digest_letters(struct mail *m, const struct config *cfg,
    const struct letter *const *letters, size_t nl, struct ymd today)
{
	int en = m->lang == LANG_EN;
	size_t i, j;

	para(m, en ? "Congratulation letters to send (the drafts are "
	    "attached):" : "Thư chúc mừng cần gửi (bản nháp đính kèm):");
	html_printf(&m->html, "<ul>\n");
	for (i = 0; i < nl; i = j) {
		for (j = i + 1; j < nl && strcmp(letters[j]->key,
		    letters[i]->key) == 0 && letters[j]->date.y ==
		    letters[i]->date.y; j++)
			;
		letter_item(m, cfg, letters + i, j - i, today);
	}
	html_printf(&m->html, "</ul>\n");
	buf_putc(&m->text, '\n');
	attach_letters(m, cfg, letters, nl);
}

/* The subject: the one thing it is about, else how many. */
static void
digest_subject(struct mail *m, const struct occurrence *const *items,
    size_t n, const struct letter *const *letters, size_t nl)
{
	int en = m->lang == LANG_EN;
	size_t occasions = 0, i;
	struct buf t;

	for (i = 0; i < nl; i++)
		occasions += i == 0 || strcmp(letters[i]->key,
		    letters[i - 1]->key) != 0;
	buf_init(&t);
	if (n == 1)
		rules_title(items[0], m->lang, &t);
	else if (n > 1)
		buf_printf(&t, en ? "%zu milestone anniversaries" :
		    "%zu ngày kỷ niệm năm chẵn, năm tròn", n);
	if (occasions > 0 && n > 0)
		buf_puts(&t, en ? "; " : "; ");
	if (occasions == 1)
		buf_printf(&t, en ? "letters for the %s" : "thư chúc mừng %s",
		    letters[0]->title[m->lang]);
	else if (occasions > 1)
		buf_printf(&t, en ? "letters for %zu occasions" :
		    "thư chúc mừng %zu dịp", occasions);
	buf_printf(&m->subject, "%s: %s", en ? "Coming up" : "Sắp đến",
	    t.data);
	m->ics_name = n == 1 ? buf_detach(&t) : xstrdup(en ?
	    "Coming anniversaries" : "Các ngày kỷ niệm sắp đến");
	buf_release(&t);
}

void
remind_mail_digest(struct mail *m, const struct config *cfg,
    const struct occurrence *const *items, size_t n,
    const struct letter *const *letters, size_t nl, struct ymd today,
    time_t now)
{
	int en = m->lang == LANG_EN;
	size_t i;

	digest_subject(m, items, n, letters, nl);
	if (n > 0) {
		para(m, en ? "Milestone anniversaries ahead with no activity "
		    "planned yet:" : "Các ngày kỷ niệm năm chẵn, năm tròn sắp "
		    "đến chưa có hoạt động nào được lên kế hoạch:");
		html_printf(&m->html, "<ul>\n");
		for (i = 0; i < n; i++)
			digest_item(m, cfg, items[i], today);
		html_printf(&m->html, "</ul>\n");
		buf_putc(&m->text, '\n');
	}
	if (nl > 0)
		digest_letters(m, cfg, letters, nl, today);
	m->ics = digest_ics(cfg, items, n, m->lang, now);
	if (m->ics != NULL)
		para(m, en ? "The dates are attached: open the file to add "
		    "them to your calendar." : "Các ngày trên được đính kèm: "
		    "mở tệp để thêm vào lịch của bạn.");
	footer(m, cfg);
}

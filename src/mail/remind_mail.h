/*
 * The words of reminder mail (remind.c decides what is due and queues
 * it): the reminder of an activity to its owners and the digest of the
 * milestones ahead to a recipient, each with its text and HTML bodies and
 * its calendar attachment named after what it holds.  Mail says what is
 * coming and links to the staff web application's forms when [server]
 * base_url is set; it never carries a command line.
 */
#ifndef KYNIEM_REMIND_MAIL_H
#define KYNIEM_REMIND_MAIL_H

#include <stddef.h>
#include <time.h>

#include "rules.h"
#include "util.h"

struct activity;
struct config;
struct dataset;
struct letter;
struct lunar_cal;

/* A file attached to a message (owned). */
struct mail_file {
	char *name;		/* ASCII, message_build()'s token */
	char *data;
	size_t len;
};

/* One message for one person, as the outbox will hold it. */
struct mail {
	const char *key, *to, *to_name;	/* borrowed */
	enum lang lang;
	struct buf subject, text, html;
	char *ics;			/* the attachment, or NULL */
	char *ics_name;			/* its file name without .ics */
	struct mail_file *files;	/* .docx drafts after the calendar */
	size_t nfiles;
};

/* Start m (bodies empty); release it with mail_release(). */
void mail_init(struct mail *m, const char *key, const char *to,
    const char *to_name, enum lang lang);
void mail_release(struct mail *m);

/*
 * Fill m with the reminder of activity a, days_left calendar days ahead:
 * what, when, where, the occasion's title (d and lunar find it), a link to
 * its page, and the event attached.
 */
void remind_mail_activity(struct mail *m, const struct config *cfg,
    const struct dataset *d, struct lunar_cal *lunar,
    const struct activity *a, long days_left, time_t now);

/*
 * Fill m with the digest of the n milestones ahead in items (in date
 * order): each with its date (d/m/yyyy, or the month when the day is not
 * known), the days left from today, its title, the unverified marker, its
 * note and source, and a link to the form that plans it; those with a day
 * are attached as one calendar.  Then the nl congratulation letters due
 * (letter.h; those of one occasion next to each other): each occasion
 * with its date, days left, title, addressees and a link to the page
 * that marks it sent, every letter's draft attached as NAME.docx.
 * Either n or nl may be 0.
 */
void remind_mail_digest(struct mail *m, const struct config *cfg,
    const struct occurrence *const *items, size_t n,
    const struct letter *const *letters, size_t nl, struct ymd today,
    time_t now);

#endif

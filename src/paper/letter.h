/*
 * Congratulation letters: which letters a union owes (each national day,
 * and each relation anniversary in a milestone year unless [letters]
 * relations = all, of the countries whose missions [letters] contacts
 * chooses, one letter per chosen contact, and an English one for those
 * [letters] english chooses), their wording from a template file a union
 * edits (else the shipped one) and from calendars/ (the relationship's
 * phrase, Japan's day as Vietnam's messages name it), and whether a
 * letter was sent (an activity recorded for it); letter_render() lays a
 * letter out as a document through doc.h.
 */
#ifndef KYNIEM_LETTER_H
#define KYNIEM_LETTER_H

#include <stddef.h>
#include <time.h>

#include "doc.h"
#include "util.h"

struct activity;
struct activity_list;
struct config;
struct dataset;
struct lunar_cal;
struct store;

/* The activity category of a letter sent (of the default [categories]). */
#define LETTER_CATEGORY	"letter"

/* One drafted letter; every string owned. */
struct letter {
	char *key;		/* the observance: national-day:LA */
	char *contact;		/* the contact's key: embassy:LA */
	char *country;		/* LA */
	enum lang lang;
	struct ymd date;	/* the occasion's day */
	int n;			/* years counted; 0 = not counted */
	char *title[2];		/* the occasion as rules_title() writes it,
				 * [LANG_VI] and [LANG_EN] (lists in the
				 * reader's language) */
	char *summary;		/* "V/v chúc mừng ..." */
	char *salutation;	/* "Kính gửi: Ngài Đại sứ ..." */
	char **paras;		/* the body */
	size_t npara;
	char **recipients;	/* "Nơi nhận" */
	size_t nrecip;
	char *name;		/* a file name without extension:
				 * 2024-national-day_LA-embassy_LA-vi */
};

struct letter_list {
	struct letter *v;
	size_t n;
};

/* The languages of letter_input: both bits, or none for the config's
 * choice (Vietnamese to all, English to [letters] english). */
#define LETTER_VI	(1 << LANG_VI)
#define LETTER_EN	(1 << LANG_EN)

/* What letters are drafted from; pointers borrowed. */
struct letter_input {
	struct store *st;
	const struct config *cfg;
	const struct dataset *data;
	struct lunar_cal *lunar;
	struct ymd from, to;	/* occasions on these days, inclusive */
	const char *country;	/* only this country's; NULL = all */
	const char *occasion;	/* only this observance; NULL = all */
	int langs;		/* LETTER_VI, LETTER_EN; 0: the config's */
};

/*
 * Draft the letters of in's occasions, sorted by date, observance,
 * contact (in contact_load()'s order) and language (Vietnamese first).
 * A country asked for is written to at the contacts [letters] contacts
 * chooses of it, else at all its missions, whether or not it is a focus
 * country; an unknown country or one without a mission is refused.
 * English letters need [organisation] name_en.  The templates are read
 * from cfg's [letters] template_vi and template_en (unset: the file
 * beside the config, else the shipped one); a bad template is reported
 * as FILE:LINE: reason.  0, or -1 (logged) with out empty.
 */
int letter_build(const struct letter_input *in, struct letter_list *out);
void letter_list_release(struct letter_list *l);

/* Drop from l the letters whose occasion's letters were sent
 * (letter_sent()), keeping the order. */
void letter_list_drop_sent(struct letter_list *l,
    const struct activity_list *al, const char *domain);

/*
 * Append letter l as a document of the union (doc.h: the header's two
 * blocks, "V/v" summary, salutation, body, recipients and signature) in
 * fmt to out; the date line is left blank for the day it is signed.
 * 0, or -1 (logged).
 */
int letter_render(const struct letter *l, const struct config *cfg,
    enum doc_format fmt, struct buf *out);
/* The letters v[0..n) (n > 0) as one file: one letter a page (DOC_DOCX,
 * DOC_PDF), or a rule between them (DOC_MD).  0, or -1 (logged). */
int letter_render_many(const struct letter *v, size_t n,
    const struct config *cfg, enum doc_format fmt, struct buf *out);

/*
 * 1 if the letters of observance key for its occasion on date were sent:
 * a done activity of al has the letter UID, or is linked to key within
 * half a year of date with the category letter or a title starting "Gửi
 * thư chúc mừng".
 */
int letter_sent(const struct activity_list *al, const char *key,
    struct ymd date, const char *domain);

/*
 * Record that the letters of observance key for its occasion in year were
 * sent on today: an activity with the letter UID (so marking twice is one
 * activity), linked to key, status done, category letter, the country as
 * its partner country and the contacts written to as its partners, titled
 * "Gửi thư chúc mừng " and the occasion ("kỷ niệm 49 năm Quốc khánh
 * ...").  who did it: the activity is saved with its audit row
 * ("letter.sent", activity_save()).  0 with the saved activity in *a
 * (release it), 1 when key is no observance or has no occasion in year,
 * -1 on error (logged; nothing saved).
 */
int letter_mark_sent(struct store *st, const struct config *cfg,
    const struct dataset *d, struct lunar_cal *lunar, const char *key,
    int year, struct ymd today, const char *who, time_t now,
    struct activity *a);

/* The id of the done activity letter_mark_sent() recorded for key's
 * occasion in year among al, 0 when there is none. */
long letter_marked(const struct activity_list *al, const char *key,
    int year, const char *domain);

/*
 * Undo letter_mark_sent() for key's occasion in year: the activity with
 * the letter UID among al is cancelled (so letter_sent() no longer counts
 * it, and marking again makes it done again), saved by who with its audit
 * row ("letter.unsent", activity_save()).  0, 1 when the letters were not
 * marked sent that way, -1 on error (logged; nothing saved).
 */
int letter_mark_unsent(struct store *st, const struct activity_list *al,
    const char *domain, const char *key, int year, const char *who,
    time_t now);

#endif

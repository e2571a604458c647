/*
 * iCalendar feeds built with libical: which feeds exist (the configured and
 * built-in ones, plus one per country), which occurrences and activities go
 * into each, and their RFC 5545 text.  Serving them is http.c's business.
 */
#ifndef KYNIEM_FEED_H
#define KYNIEM_FEED_H

#include <stddef.h>
#include <time.h>

#include "rules.h"
#include "select.h"
#include "util.h"

struct config;
struct config_feed;
struct dataset;
struct lunar_cal;

/* The variants of event text a build keeps (a site has two languages). */
#define FEED_TEXT_VARIANTS	4

/* Everything a feed is built from. */
struct feed_ctx {
	const struct config *cfg;	/* borrowed */
	const struct dataset *data;	/* borrowed */
	struct lunar_cal *lunar;	/* borrowed */
	struct ymd today;		/* centre of the window */
	struct select_env env;		/* today's year; owned */
	/* Every occurrence of the last window computed: a site has some
	 * 400 feeds (each country in two languages) on one window, and
	 * computing the dates once instead of per feed makes a build
	 * several times faster.  Owned; feed_render() fills it. */
	struct feed_occ_cache {
		struct ymd from, to;
		struct occ_list all;
		int valid;
		/* Their events' text per variant of the words (language,
		 * summary, alarm), aligned with all.v: an event is in
		 * all.ics, its kind's feed and its country's, and libical
		 * writes it once instead of three or four times. */
		struct feed_text_cache {
			int used, lang, full_summary, alarm_minutes;
			char **text;
		} texts[FEED_TEXT_VARIANTS];
	} *cache;
};

/* Fill ctx for rendering feeds of d on today; release it with
 * feed_ctx_release(). */
void feed_ctx_init(struct feed_ctx *ctx, const struct dataset *d,
    const struct config *cfg, struct lunar_cal *lunar, struct ymd today);
void feed_ctx_release(struct feed_ctx *ctx);

/* One feed to build: a config feed, or a generated country feed. */
struct feed_def {
	char *name;			/* "all", "country/JP" */
	const struct config_feed *conf;	/* points at own for countries */
	struct config_feed *own;	/* owned country feed, else NULL */
};

struct feed_defs {
	struct feed_def *v;
	size_t n;
};

/* A rendered feed: the iCalendar text and what a server needs to know. */
struct feed_out {
	char *text;		/* NUL-terminated, CRLF lines; owned */
	size_t len;
	size_t nevents;
	size_t dropped;		/* events left out for the byte budget */
	time_t modified;	/* newest change among its rows; 0 if none */
};

/*
 * Fill out with every feed of cfg, then a "country/CC" feed for each
 * country that has an observance (in the config's language), in that
 * order.  Release with feed_defs_release().
 */
void feed_defs_init(struct feed_defs *out, const struct config *cfg,
    struct observance *const *obs, size_t nobs);
void feed_defs_release(struct feed_defs *d);
/* The feed called name ("all", "country/JP"), or NULL. */
const struct feed_def *feed_defs_find(const struct feed_defs *d,
    const char *name);

/* Compute the occurrences of every window in defs at once (a site's
 * feeds have two: all.ics's and the others'), so that rendering them one
 * by one computes none again and writes each event's text once. */
void feed_ctx_cover(const struct feed_ctx *ctx,
    const struct feed_defs *defs);

/* The feed's calendar name and description in its language (the English
 * ones when f->lang is English and set); the description may be NULL. */
const char *feed_title(const struct config_feed *f);
const char *feed_description(const struct config_feed *f);

/* Fill out with f in lang: the same feed, its titles and its events'
 * words in lang (the English feeds under /en/calendars/).  out borrows
 * everything from f. */
void feed_in_lang(const struct config_feed *f, enum lang lang,
    struct config_feed *out);

/*
 * Render feed f as an iCalendar object into *out (release with
 * feed_out_release()).  Returns 0, or -1 (logged).
 */
int feed_render(const struct feed_ctx *ctx, const struct config_feed *f,
    struct feed_out *out);
void feed_out_release(struct feed_out *o);

#endif

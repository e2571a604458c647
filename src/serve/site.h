/*
 * The published site: every feed and the index page, rendered from one
 * load of the database into documents that the server (http.c) serves
 * from memory and `kyniem export` writes to disk.
 */
#ifndef KYNIEM_SITE_H
#define KYNIEM_SITE_H

#include <stddef.h>
#include <time.h>

#include "feed.h"

struct config;
struct dataset;
struct lunar_cal;

/* One rendered document. */
struct site_doc {
	char *path;		/* "/calendars/all.ics", "/index.html" */
	const char *ctype;	/* static string */
	char *token;		/* required ?token= value; NULL = public */
	char *disposition;	/* Content-Disposition value ("attachment;
				   filename=..."); NULL = none */
	char *body;		/* owned */
	size_t len;
	size_t nevents;		/* feeds: events in it */
	time_t modified;	/* newest row change in it; 0 if unknown */
};

struct site {
	struct site_doc *v;
	size_t n;
};

/* What a site is built from; every pointer borrowed. */
struct site_input {
	const struct dataset *data;
	const struct config *cfg;
	struct lunar_cal *lunar;
	struct ymd today;
	time_t now;		/* a year record's generated_at */
	const char *version;	/* kyniem's, a year record's generator */
	const char *base_url;	/* http(s)://host[:port][/prefix], no '/' */
};

/*
 * Render every feed (/calendars/NAME.ics, and in English
 * /en/calendars/NAME.ics), the index page in both languages (index.html,
 * index.en.html), the plans and, with [records] token, the union's year
 * records of last year and this one (/records/YEAR.json, behind that
 * token).  Returns 0, or -1 (logged) with out left empty.  Release with
 * site_release().
 */
int site_build(const struct site_input *in, struct site *out);
void site_release(struct site *s);

/* The default base URL for a listen address: "http://ADDR:PORT"; free it. */
char *site_base_url(const struct config *cfg, const char *listen);

#endif

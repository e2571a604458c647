/*
 * The published site: every feed and the index page, rendered from one
 * load of the database into documents that the server (http.c) serves
 * from memory and `kyniem export` writes to disk.
 */
#ifndef KYNIEM_SITE_H
#define KYNIEM_SITE_H

#include <stddef.h>
#include <time.h>

#include "activity.h"
#include "feed.h"
#include "store.h"

struct config;

/* What the documents are built from. */
struct site_data {
	struct obs_set set;
	struct activity_list acts;
};

/* One rendered document. */
struct site_doc {
	char *path;		/* "/calendars/all.ics", "/index.html" */
	const char *ctype;	/* static string */
	char *token;		/* required ?token= value; NULL = public */
	char *body;		/* owned */
	size_t len;
	size_t nevents;		/* feeds: events in it */
	time_t modified;	/* newest row change in it; 0 if unknown */
};

struct site {
	struct site_doc *v;
	size_t n;
};

/* Load every observance and activity; 0, or -1 (logged). */
int site_load(struct store *st, struct site_data *d);
void site_data_release(struct site_data *d);

/* Fill ctx to render feeds from d (borrowing it). */
void site_ctx(const struct site_data *d, const struct config *cfg,
    struct ymd today, struct feed_ctx *ctx);

/*
 * Render every feed and the index page in both languages (index.html,
 * index.en.html), with links under base_url (no final slash).  Returns 0,
 * or -1 (logged) with out left empty.  Release with site_release().
 */
int site_build(const struct site_data *d, const struct config *cfg,
    struct ymd today, const char *base_url, struct site *out);
void site_release(struct site *s);

/* The default base URL for a listen address: "http://ADDR:PORT"; free it. */
char *site_base_url(const struct config *cfg, const char *listen);

#endif

/*
 * The index page a person opens: every public feed with its subscribe
 * links, and the milestone anniversaries of this year and the next 90
 * days.  Plain HTML and CSS (no script), in Vietnamese or English.
 */
#ifndef KYNIEM_PAGE_H
#define KYNIEM_PAGE_H

#include "feed.h"
#include "rules.h"
#include "util.h"

struct page_in {
	const struct feed_ctx *ctx;	/* data, config and today */
	const struct feed_defs *defs;
	const size_t *nevents;		/* per def, events in its feed */
	const char *base_url;		/* http(s)://host[:port][/prefix] */
};

/* Append the page in lang to out; 0, or -1 (logged). */
int page_render(const struct page_in *in, enum lang lang, struct buf *out);

#endif

/*
 * The stylesheet and the script of the pages.  Pages link them with the
 * assets' hash in the query (?v=), so a versioned URL can be kept for a
 * year and a new build is fetched at once.
 */
#include <stdio.h>
#include <string.h>

#include "assets.h"
#include "ui.h"
#include "web_pages.h"

int
web_static(struct web_req *r)
{
	const struct asset *a = assets_find(r->arg);
	const char *v = http_req_query(r->hr, "v");
	const char *inm = http_req_header(r->hr, "If-None-Match");
	char etag[64];

	if (a == NULL)
		return web_error(r, 404, "Không có tệp này.", "No such file.");
	/* Weak: the same file goes out plain or gzipped (http.c). */
	snprintf(etag, sizeof(etag), "W/\"%s\"", assets_version());
	http_resp_header(r->rs, "ETag", etag);
	http_resp_header(r->rs, "Cache-Control", v != NULL &&
	    strcmp(v, assets_version()) == 0 ?
	    "public, max-age=31536000, immutable" : "no-cache");
	if (inm != NULL && strcmp(inm, etag) == 0) {
		r->rs->status = 304;
		return 0;
	}
	r->rs->ctype = a->ctype;
	buf_add(r->out, a->data, a->len);
	return 0;
}

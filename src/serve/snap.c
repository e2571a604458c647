/*
 * A published site as prebuilt libmicrohttpd responses: for each
 * document its body plain and gzipped (compressed once per publish), the
 * 304 answers, the validators (ETag, Last-Modified) and Cache-Control.
 * Any number of connections share them; http.c swaps whole snapshots.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>
#include <zlib.h>

#include "httpreq.h"
#include "log.h"
#include "site.h"
#include "snap.h"
#include "token.h"
#include "util.h"

#define CC_FEED		"public, max-age=300"
#define CC_PRIVATE	"private, max-age=300"
#define CC_PAGE		"public, max-age=60"

static void
free_body(void *p)
{
	free(p);
}

/*
 * gzip with one deflate stream for many bodies: deflateInit2 allocates
 * about 400 KB of tables, so a publish of a few hundred documents resets
 * one stream instead of making and freeing a set per document.
 */
struct gzipper {
	z_stream z;
	int ready;
};

static void
gzipper_init(struct gzipper *g, int level)
{
	memset(g, 0, sizeof(*g));
	g->ready = deflateInit2(&g->z, level, Z_DEFLATED, 15 + 16, 9,
	    Z_DEFAULT_STRATEGY) == Z_OK;
}

static void
gzipper_end(struct gzipper *g)
{
	if (g->ready)
		deflateEnd(&g->z);
	g->ready = 0;
}

/* The gzip of len bytes, sized to fit, or NULL (zlib failed). */
static char *
gzipper_run(struct gzipper *g, const char *data, size_t len,
    size_t *outlen)
{
	z_stream *z = &g->z;
	char *out;
	uLong cap;
	int rc;

	if (!g->ready)
		return NULL;
	cap = deflateBound(z, (uLong)len) + 32;
	out = xmalloc(cap);
	z->next_in = (Bytef *)(uintptr_t)data;
	z->avail_in = (uInt)len;
	z->next_out = (Bytef *)out;
	z->avail_out = (uInt)cap;
	rc = deflate(z, Z_FINISH);
	*outlen = z->total_out;
	if (deflateReset(z) != Z_OK)
		gzipper_end(g);
	if (rc != Z_STREAM_END) {
		free(out);
		return NULL;
	}
	/* deflateBound is above the plain size: keep only what is used. */
	return xrealloc(out, *outlen > 0 ? *outlen : 1);
}

char *
snap_gzip(const char *data, size_t len, int level, size_t *outlen)
{
	struct gzipper g;
	char *out;

	gzipper_init(&g, level);
	out = gzipper_run(&g, data, len, outlen);
	gzipper_end(&g);
	return out;
}

/* 64-bit FNV-1a: a validator, not a security measure. */
static uint64_t
fnv1a(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037ULL;

	while (n-- > 0) {
		h ^= (unsigned char)*p++;
		h *= 1099511628211ULL;
	}
	return h;
}

static void
add_headers(struct MHD_Response *r, const char *ctype, const char *etag,
    const char *lastmod, const char *cc, const char *enc, const char *disp)
{
	if (ctype != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	if (disp != NULL)
		MHD_add_response_header(r,
		    MHD_HTTP_HEADER_CONTENT_DISPOSITION, disp);
	MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, etag);
	MHD_add_response_header(r, MHD_HTTP_HEADER_LAST_MODIFIED, lastmod);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, cc);
	MHD_add_response_header(r, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
	if (enc != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING,
		    enc);
}

struct MHD_Response *
snap_body_response(char *body, size_t len)
{
	struct MHD_Response *r;

	r = MHD_create_response_from_buffer_with_free_callback_cls(len, body,
	    free_body, body);
	if (r == NULL)
		fatal("cannot create a response");
	return r;
}

/* A 304 sends no body, but its Content-Length must be the 200's (RFC
 * 9110 8.6), not libmicrohttpd's 0 for an empty buffer: a response of the
 * right size whose reader is never called. */
static ssize_t
no_body(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)cls, (void)pos, (void)buf, (void)max;
	return MHD_CONTENT_READER_END_WITH_ERROR;
}

static struct MHD_Response *
not_modified_response(size_t len)
{
	struct MHD_Response *r;

	r = MHD_create_response_from_callback(len, 4096, no_body, NULL, NULL);
	if (r == NULL)
		fatal("cannot create a response");
	return r;
}

/*
 * Turn doc into r, taking its body.  Last-Modified is the newest row in it;
 * when the bytes differ from what was served before under that path and
 * the rows do not say so (the window moved), the change time is now.
 */
static void
res_make(struct res *r, struct site_doc *doc, const struct res *prev,
    time_t now, struct gzipper *g)
{
	char lastmod[40];
	const char *cc;
	char *gz;
	size_t gzlen = 0, plain_len;
	uint64_t h = fnv1a(doc->body, doc->len);

	memset(r, 0, sizeof(*r));
	r->path = doc->path, doc->path = NULL;
	r->token = doc->token, doc->token = NULL;
	snprintf(r->etag, sizeof(r->etag), "\"%016llx-%zx\"",
	    (unsigned long long)h, doc->len);
	snprintf(r->etag_gz, sizeof(r->etag_gz), "\"%016llx-%zx-gz\"",
	    (unsigned long long)h, doc->len);
	if (prev != NULL && strcmp(prev->etag, r->etag) == 0)
		r->lastmod = prev->lastmod;
	else if (prev != NULL || doc->modified == 0)
		r->lastmod = doc->modified > now ? doc->modified : now;
	else
		r->lastmod = doc->modified;
	httpreq_date(r->lastmod, lastmod, sizeof(lastmod));
	cc = r->token != NULL ? CC_PRIVATE : strstr(doc->ctype, "html") ?
	    CC_PAGE : CC_FEED;
	gz = gzipper_run(g, doc->body, doc->len, &gzlen);
	plain_len = doc->len;
	r->plain = snap_body_response(doc->body, doc->len);
	doc->body = NULL;
	add_headers(r->plain, doc->ctype, r->etag, lastmod, cc, NULL,
	    doc->disposition);
	r->nm_plain = not_modified_response(plain_len);
	add_headers(r->nm_plain, NULL, r->etag, lastmod, cc, NULL, NULL);
	if (gz != NULL) {
		r->gz = snap_body_response(gz, gzlen);
		add_headers(r->gz, doc->ctype, r->etag_gz, lastmod, cc, "gzip",
		    doc->disposition);
		r->nm_gz = not_modified_response(gzlen);
		add_headers(r->nm_gz, NULL, r->etag_gz, lastmod, cc, NULL,
		    NULL);
	} else
		log_warnx("cannot compress '%s'; it is served plain", r->path);
}

static int
res_cmp(const void *a, const void *b)
{
	return strcmp(((const struct res *)a)->path,
	    ((const struct res *)b)->path);
}

/* A document at path, or NULL. */
static const struct res *
snap_find(const struct snap *s, const char *path)
{
	struct res key;

	if (s == NULL || s->n == 0)
		return NULL;
	key.path = (char *)(uintptr_t)path;
	return bsearch(&key, s->v, s->n, sizeof(*s->v), res_cmp);
}

/* The variants at path: the first and their number (sorted by path). */
static const struct res *
variants(const struct snap *s, const char *path, size_t *n)
{
	const struct res *r = snap_find(s, path);

	*n = 0;
	if (r == NULL)
		return NULL;
	while (r > s->v && strcmp(r[-1].path, path) == 0)
		r--;
	while (r + *n < s->v + s->n && strcmp(r[*n].path, path) == 0)
		(*n)++;
	return r;
}

const struct res *
snap_find_for(const struct snap *s, const char *path, const char *token)
{
	const struct res *v, *pub = NULL;
	size_t i, n;
	int guarded = 0;

	v = variants(s, path, &n);
	for (i = 0; i < n; i++) {
		if (v[i].token == NULL) {
			pub = &v[i];
			continue;
		}
		guarded = 1;
		if (token != NULL && token_equal(token, v[i].token))
			return &v[i];
	}
	return token != NULL && guarded ? NULL : pub;
}

/* The variant of prev with the same path and token as doc, or NULL. */
static const struct res *
same_variant(const struct snap *prev, const struct site_doc *doc)
{
	const struct res *v;
	size_t i, n;

	if (prev == NULL)
		return NULL;
	v = variants(prev, doc->path, &n);
	for (i = 0; i < n; i++)
		if ((v[i].token == NULL) == (doc->token == NULL) &&
		    (doc->token == NULL || strcmp(v[i].token, doc->token) == 0))
			return &v[i];
	return NULL;
}

void
snap_free(struct snap *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		/* Drops our reference; MHD frees once no request uses it. */
		MHD_destroy_response(s->v[i].plain);
		MHD_destroy_response(s->v[i].nm_plain);
		if (s->v[i].gz != NULL) {
			MHD_destroy_response(s->v[i].gz);
			MHD_destroy_response(s->v[i].nm_gz);
		}
		free(s->v[i].path);
		free(s->v[i].token);
	}
	free(s->v);
	free(s);
}

struct snap *
snap_build(struct site *site, const struct snap *prev, time_t now)
{
	struct snap *s = xcalloc(1, sizeof(*s));
	struct gzipper g;
	size_t i;

	s->v = xcalloc(site->n + 1, sizeof(*s->v));
	gzipper_init(&g, 9);
	for (i = 0; i < site->n; i++)
		res_make(&s->v[s->n++], &site->v[i], same_variant(prev,
		    &site->v[i]), now, &g);
	gzipper_end(&g);
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), res_cmp);
	site_release(site);
	return s;
}

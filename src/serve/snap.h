/*
 * A published site as prebuilt responses (snap.c): what http.c serves
 * for every public document, swapped whole when the site is rebuilt.
 */
#ifndef KYNIEM_SNAP_H
#define KYNIEM_SNAP_H

#include <stddef.h>
#include <time.h>

struct MHD_Response;
struct site;

/* One document, ready to queue. */
struct res {
	char *path;
	char *token;		/* required ?token=; NULL = public */
	struct MHD_Response *plain, *gz, *nm_plain, *nm_gz;
	char etag[64], etag_gz[64];
	time_t lastmod;
};

struct snap {
	struct res *v;		/* sorted by path */
	size_t n;
};

/*
 * Turn site into a snapshot, taking its documents (site is left empty).
 * prev (may be NULL) is the snapshot served so far: a document whose
 * bytes did not change keeps its Last-Modified; one that changed while
 * its rows did not (the window moved) gets now.
 */
struct snap *snap_build(struct site *site, const struct snap *prev,
    time_t now);

/* A response that owns body (freed with it); never NULL. */
struct MHD_Response *snap_body_response(char *body, size_t len);

/* gzip (RFC 1952) of len bytes at zlib's level (1-9), caller frees; NULL
 * if zlib fails. */
char *snap_gzip(const char *data, size_t len, int level, size_t *outlen);

/*
 * The document at path for a request that sent token (NULL: none).  A
 * path may have a public variant and one that needs a token (a plan
 * with every activity): a token picks its variant, and a wrong one gets
 * NULL (a 404) when a variant needs one; without a token, or where no
 * variant needs one, the public variant.  NULL when there is none.
 */
const struct res *snap_find_for(const struct snap *s, const char *path,
    const char *token);

/* Drop the snapshot's references (libmicrohttpd frees the responses
 * once no request uses them); NULL is fine. */
void snap_free(struct snap *s);

#endif

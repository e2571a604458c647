/*
 * The web application's static files (src/static/: stylesheet, script),
 * compiled into the binary by scripts/embed so that the server needs no
 * files beside it and the CSP can name only 'self'.
 */
#ifndef KYNIEM_ASSETS_H
#define KYNIEM_ASSETS_H

#include <stddef.h>

struct asset {
	const char *name;	/* "app.css" */
	const char *ctype;
	const unsigned char *data;
	size_t len;
};

/* Generated: every file, and a hash of them all. */
extern const struct asset assets[];
extern const unsigned assets_count;
extern const char assets_hash[];

/* The file called name, or NULL. */
const struct asset *assets_find(const char *name);
/* A version string for URLs (?v=): changes when any file changes. */
const char *assets_version(void);

#endif

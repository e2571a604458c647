/*
 * What each worker thread of the web application keeps between requests:
 * its own database connection and lunar calendar (neither may be shared
 * between threads), the dataset, the sessions it has read and parts of
 * pages it has made.  What came from the database is dropped when the
 * database changes: its files' signature (store_signature()) is looked at
 * on every request and the database itself read again when it moved, and
 * at least every two seconds.
 */
#ifndef KYNIEM_WEB_THREAD_H
#define KYNIEM_WEB_THREAD_H

#include <stddef.h>
#include <time.h>

#include "session.h"
#include "util.h"

struct config;
struct dataset;
struct lunar_cal;
struct search_index;
struct store;
struct web_threads;
struct web_thread;

/* The state of every thread, for web.c; never NULL. */
struct web_threads *web_threads_new(void);
/* Free it all, once no thread uses it (the server stopped). */
void web_threads_free(struct web_threads *ts);

/* The calling thread's state, made at its first request. */
struct web_thread *web_thread(struct web_threads *ts);

/*
 * Start a request: the configured database and lunar calendar (opened
 * again when a new config changed them), and whether the database may
 * have changed since the last request.  0 or -1 (logged).
 */
int web_thread_begin(struct web_thread *t, const struct config *cfg);
struct store *web_thread_store(struct web_thread *t);
struct lunar_cal *web_thread_lunar(struct web_thread *t);

/* The dataset as the database has it now; NULL on error (logged). */
const struct dataset *web_thread_data(struct web_thread *t);

/*
 * The session of a cookie's token, as session_get() answers (0 and *out,
 * 1 when there is none, -1 on error), without reading the database while
 * it has not changed and the session is not near its limits.
 */
/* The search index of web_thread_data()'s dataset, built on first use
 * and dropped with it; NULL (logged) when the data cannot be loaded. */
const struct search_index *web_thread_index(struct web_thread *t);

int web_thread_session(struct web_thread *t, const char *token,
    const struct session_limits *lim, time_t now, struct session *out);

/*
 * A part of a page kept under key for the day and the config generation
 * gen, and the data it was made of: 1 and appended to out, or 0.
 */
int web_thread_cache_get(struct web_thread *t, const char *key,
    struct ymd day, unsigned gen, struct buf *out);
void web_thread_cache_put(struct web_thread *t, const char *key,
    struct ymd day, unsigned gen, const char *part, size_t len);

#endif

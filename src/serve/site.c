/*
 * The published site: one load of the database rendered into every feed
 * (in its language, and in English under /en/), the index pages and the
 * plans.  A failed build leaves nothing behind, so the server
 * keeps what it had.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "dataset.h"
#include "log.h"
#include "page.h"
#include "plan.h"
#include "report.h"
#include "sign.h"
#include "site.h"

#define CT_ICS	"text/calendar; charset=utf-8"
#define CT_HTML	"text/html; charset=utf-8"
#define CT_JSON	"application/json"

static struct site_doc *
add_doc(struct site *s, const char *path, const char *ctype)
{
	struct site_doc *doc;

	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	doc = &s->v[s->n++];
	memset(doc, 0, sizeof(*doc));
	doc->path = xstrdup(path);
	doc->ctype = ctype;
	return doc;
}

/* Feed f of def at /calendars/NAME.ics, or under /en/ in English. */
static int
add_feed(const struct feed_ctx *ctx, const struct feed_def *def,
    const struct config_feed *f, const char *prefix, struct site *out)
{
	struct feed_out fo;
	struct site_doc *doc;
	char *path;

	if (feed_render(ctx, f, &fo) == -1)
		return -1;
	path = xasprintf("%s/calendars/%s.ics", prefix, def->name);
	doc = add_doc(out, path, CT_ICS);
	free(path);
	doc->body = fo.text;
	doc->len = fo.len;
	doc->nevents = fo.nevents;
	doc->modified = fo.modified;
	if (f->token != NULL)
		doc->token = xstrdup(f->token);
	return 0;
}

/* Every feed in its language, and the same feeds in English under /en/
 * for the English page. */
static int
add_feeds(const struct feed_ctx *ctx, const struct feed_defs *defs,
    size_t *nevents, struct site *out)
{
	struct config_feed en;
	size_t i;

	for (i = 0; i < defs->n; i++) {
		if (add_feed(ctx, &defs->v[i], defs->v[i].conf, "", out) == -1)
			return -1;
		nevents[i] = out->v[out->n - 1].nevents;
		feed_in_lang(defs->v[i].conf, LANG_EN, &en);
		if (add_feed(ctx, &defs->v[i], &en, "/en", out) == -1)
			return -1;
	}
	return 0;
}

static int
add_pages(const struct page_in *in, time_t modified, struct site *out)
{
	static const struct {
		const char *path;
		enum lang lang;
	} pages[] = {
		{ "/index.html", LANG_VI },
		{ "/index.en.html", LANG_EN },
	};
	struct site_doc *doc;
	struct buf b;
	size_t i;

	for (i = 0; i < NELEM(pages); i++) {
		buf_init(&b);
		if (page_render(in, pages[i].lang, &b) == -1) {
			buf_release(&b);
			return -1;
		}
		doc = add_doc(out, pages[i].path, CT_HTML);
		doc->len = b.len;
		doc->body = buf_detach(&b);
		doc->modified = modified;
	}
	return 0;
}

/* The token of a private feed of activities, or NULL: whoever has it
 * reads every activity, in the plans too. */
static const char *
activities_token(const struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nfeeds; i++)
		if (cfg->feeds[i].activities && cfg->feeds[i].token != NULL)
			return cfg->feeds[i].token;
	return NULL;
}

/* The yearly plans (plan.c) of last year to two years ahead, made of
 * data, each guarded by token (NULL: public): last year's for the
 * year-end report, then the years being planned. */
static int
add_plan_files(const struct site_input *si, const struct dataset *data,
    const char *token, time_t modified, struct site *out)
{
	struct plan_input in;
	struct plan_file *f;
	struct site_doc *doc;
	size_t i, n;

	memset(&in, 0, sizeof(in));
	in.cfg = si->cfg;
	in.data = data;
	in.lunar = si->lunar;
	in.lang = si->cfg->lang;
	in.today = si->today;
	if (plan_files(&in, si->today.y - 1, si->today.y + 2, &f, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		doc = add_doc(out, f[i].path, doc_content_type(f[i].fmt));
		doc->disposition = plan_disposition(f[i].year, f[i].fmt,
		    in.lang);
		doc->body = f[i].body;
		doc->len = f[i].len;
		doc->modified = modified;
		if (token != NULL)
			doc->token = xstrdup(token);
		f[i].body = NULL;
	}
	plan_files_free(f, n);
	return 0;
}

/*
 * /plan/YEAR.*: what anyone may read lists only the public activities;
 * with the token of the activities feed, the same path gives staff the
 * plans with every activity (snap_find_for() picks).  Logged-in staff
 * have them at /app/documents too.
 */
static int
add_plans(const struct site_input *si, time_t modified, struct site *out)
{
	const char *token = activities_token(si->cfg);
	struct dataset view;
	int internal = dataset_public_view(si->data, &view), ret;

	ret = add_plan_files(si, &view, NULL, modified, out);
	if (ret == 0 && internal && token != NULL)
		ret = add_plan_files(si, si->data, token, modified, out);
	dataset_view_release(&view);
	return ret;
}

/* /records/YEAR.json of year, signed with key (NULL: unsigned). */
static int
add_record(const struct site_input *si, const struct sign_key *key,
    int year, struct site *out)
{
	struct plan_input in;
	struct site_doc *doc;
	struct buf b;
	char path[32];

	memset(&in, 0, sizeof(in));
	in.cfg = si->cfg;
	in.data = si->data;
	in.lunar = si->lunar;
	in.year = year;
	in.lang = LANG_VI;
	in.today = si->today;
	buf_init(&b);
	if (report_record(&in, key, si->now, si->version != NULL ?
	    si->version : "", &b) == -1) {
		buf_release(&b);
		return -1;
	}
	snprintf(path, sizeof(path), "/records/%d.json", year);
	doc = add_doc(out, path, CT_JSON);
	doc->token = xstrdup(si->cfg->records_token);
	doc->len = b.len;
	doc->body = buf_detach(&b);
	return 0;
}

/*
 * The year records the head of the union's cluster fetches: last year's
 * (made in January) and this one's, only with [records] token and an id.
 * A key that cannot be read publishes none: better no record than an
 * unsigned one the head would refuse.  A failure here is logged and
 * leaves the rest of the site alone.
 */
static void
add_records(const struct site_input *si, struct site *out)
{
	const struct config *cfg = si->cfg;
	struct sign_key k;
	char *path;
	int rc, y;

	if (cfg->records_token == NULL || *cfg->records_token == '\0')
		return;
	if (cfg->org_id == NULL) {
		log_warnx("[records] token is set but [organisation] id is not: "
		    "no year record is published");
		return;
	}
	path = sign_key_path(cfg->db_path);
	rc = sign_key_load(path, &k);
	free(path);
	if (rc == -1)
		return;
	for (y = si->today.y - 1; y <= si->today.y; y++)
		if (add_record(si, rc == 0 ? &k : NULL, y, out) == -1)
			log_warnx("the year record of %d is not published", y);
	if (rc == 0)
		sign_key_release(&k);
}

int
site_build(const struct site_input *si, struct site *out)
{
	struct feed_ctx ctx;
	struct feed_defs defs;
	struct page_in in;
	size_t *nevents = NULL, i;
	time_t modified = 0;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	feed_ctx_init(&ctx, si->data, si->cfg, si->lunar, si->today);
	feed_defs_init(&defs, si->cfg, si->data->set.v, si->data->set.n);
	feed_ctx_cover(&ctx, &defs);
	nevents = xcalloc(defs.n + 1, sizeof(*nevents));
	if (add_feeds(&ctx, &defs, nevents, out) == -1)
		goto done;
	for (i = 0; i < out->n; i++)
		if (out->v[i].modified > modified)
			modified = out->v[i].modified;
	in.ctx = &ctx;
	in.defs = &defs;
	in.nevents = nevents;
	in.base_url = si->base_url;
	if (add_pages(&in, modified, out) == -1)
		goto done;
	if (add_plans(si, modified, out) == -1)
		goto done;
	add_records(si, out);
	ret = 0;
done:
	if (ret == -1)
		site_release(out);
	free(nevents);
	feed_defs_release(&defs);
	feed_ctx_release(&ctx);
	return ret;
}

void
site_release(struct site *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].path);
		free(s->v[i].token);
		free(s->v[i].disposition);
		free(s->v[i].body);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

char *
site_base_url(const struct config *cfg, const char *listen)
{
	size_t n;

	if (cfg->base_url != NULL && cfg->base_url[0] != '\0') {
		n = strlen(cfg->base_url);
		while (n > 0 && cfg->base_url[n - 1] == '/')
			n--;
		return xstrndup(cfg->base_url, n);
	}
	return xasprintf("http://%s", listen != NULL ? listen : cfg->listen);
}

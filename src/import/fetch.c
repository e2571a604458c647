/*
 * One GET through libcurl's easy interface.  The size limit is kept by
 * the write callback (Content-Length may be absent or lie): past it the
 * transfer is aborted.  The token goes in a header only, never in a
 * message: libcurl's error text names the host, not the request.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fetch.h"
#include "received.h"
#include "util.h"

struct sink {
	struct buf *body;
	size_t max;
	int over;
};

static size_t
write_cb(char *data, size_t size, size_t n, void *arg)
{
	struct sink *s = arg;

	if (s->body->len + n > s->max) {
		s->over = 1;
		return 0;	/* aborts the transfer */
	}
	buf_add(s->body, data, n);
	(void)size;	/* always 1 */
	return n;
}

static CURL *
setup(const char *url, struct curl_slist *hdr, long timeout, struct sink *s,
    char *errbuf)
{
	CURL *c = curl_easy_init();

	if (c == NULL)
		fatal("curl_easy_init failed");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout < 10 ? timeout :
	    10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s->max);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "kyniem cluster fetch");
	return c;
}

int
fetch_get(const char *url, const char *token, long max_bytes, long timeout,
    struct buf *body, char *why, size_t whylen)
{
	struct sink s = { body, (size_t)max_bytes, 0 };
	struct curl_slist *hdr = NULL;
	char errbuf[CURL_ERROR_SIZE] = "", *auth = NULL;
	CURLcode rc;
	long status = 0;
	CURL *c;
	int ret = -1;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		fatal("curl_global_init failed");
	if (token != NULL) {
		auth = xasprintf("Authorization: Bearer %s", token);
		hdr = curl_slist_append(hdr, auth);
	}
	c = setup(url, hdr, timeout, &s, errbuf);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (s.over || rc == CURLE_FILESIZE_EXCEEDED)
		snprintf(why, whylen, "larger than the %ld bytes [cluster] "
		    "max_bytes allows", max_bytes);
	else if (rc != CURLE_OK)
		snprintf(why, whylen, "%s", errbuf[0] != '\0' ? errbuf :
		    curl_easy_strerror(rc));
	else if (status == 404)
		snprintf(why, whylen, "HTTP 404: no record there (a wrong "
		    "token, or no [records] token on that server)");
	else if (status != 200)
		snprintf(why, whylen, "HTTP %ld", status);
	else
		ret = 0;
	curl_easy_cleanup(c);
	curl_slist_free_all(hdr);
	util_free_secret(auth);
	curl_global_cleanup();
	return ret;
}

char *
fetch_url(const struct config_member *m, int year)
{
	const char *at;

	if (m->url == NULL)
		return NULL;
	if ((at = strstr(m->url, "{year}")) == NULL)
		return xstrdup(m->url);
	return xasprintf("%.*s%d%s", (int)(at - m->url), m->url, year,
	    at + strlen("{year}"));
}

int
fetch_member(struct store *st, const struct config *cfg,
    const struct config_member *m, int year, int today_year,
    const char *who, time_t now, enum received_outcome *outcome, char *why,
    size_t whylen)
{
	struct received_in in = { 0 };
	char *url = fetch_url(m, year), *src;
	struct buf body;
	int ret;

	if (url == NULL) {
		snprintf(why, whylen, "no url in [cluster-member %s]", m->id);
		return 1;
	}
	buf_init(&body);
	if (fetch_get(url, m->token, cfg->cluster_max_bytes,
	    cfg->cluster_timeout, &body, why, whylen) == -1) {
		free(url);
		buf_release(&body);
		return 1;
	}
	src = xasprintf("fetch %s", url);
	in.text = body.data != NULL ? body.data : "";
	in.len = body.len;
	in.source = src;
	in.want_id = m->id;
	in.want_year = year;
	in.today_year = today_year;
	in.who = who;
	in.now = now;
	ret = received_import(st, cfg, &in, outcome, why, whylen);
	free(src);
	free(url);
	buf_release(&body);
	return ret;
}

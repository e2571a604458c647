/*
 * The checks of kyniem.conf that span keys or look outside the file: the
 * SMTP relay's URL and TLS, who may read the password file and write the
 * config, the trusted proxies' addresses, the union's address and name.
 * config.c calls them once every key is read.
 */
#include <sys/stat.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "text.h"
#include "util.h"

/* Every trusted proxy must be a numeric address, as connections report
 * theirs. */
static int
check_addresses(const struct config *cfg)
{
	unsigned char a[sizeof(struct in6_addr)];
	char *copy = xstrdup(cfg->trusted), *save = NULL, *tok;
	int ret = 0;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		if (inet_pton(AF_INET, tok, a) != 1 &&
		    inet_pton(AF_INET6, tok, a) != 1) {
			log_warnx("%s: [server] trusted_proxies: '%s' is not "
			    "an IPv4 or IPv6 address", cfg->path ? cfg->path :
			    "config", tok);
			ret = -1;
		}
	free(copy);
	return ret;
}

/* The url with any user information hidden, for a message. */
static char *
masked_url(const char *url)
{
	const char *start = strstr(url, "://"), *at;

	start = start != NULL ? start + 3 : url;
	at = strchr(start, '@');
	if (at == NULL || (strchr(start, '/') != NULL && strchr(start, '/') <
	    at))
		return xstrdup(url);
	return xasprintf("%.*s***%s", (int)(start - url), url, at);
}

/* 1 if host is this machine (a relay that no network can overhear). */
static int
loopback(const char *host)
{
	return strcmp(host, "localhost") == 0 || strcmp(host, "::1") == 0 ||
	    strcmp(host, "[::1]") == 0 || strncmp(host, "127.", 4) == 0;
}

/* A URL as libcurl reads it, for the checks below: its scheme, host and
 * user information (each NULL when absent) and the URL as a message may
 * show it. */
struct url {
	char *scheme, *host, *user, *shown;
};

/* Read url into *p (release it with url_release()); 0, or -1 when it
 * does not parse or has no scheme or host. */
static int
url_read(struct url *p, const char *url)
{
	CURLU *u = curl_url();
	int ret = -1;

	if (u == NULL)
		fatal("out of memory");
	memset(p, 0, sizeof(*p));
	p->shown = masked_url(url);
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &p->scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &p->host, 0) == CURLUE_OK) {
		if (curl_url_get(u, CURLUPART_USER, &p->user, 0) != CURLUE_OK)
			p->user = NULL;
		ret = 0;
	}
	curl_url_cleanup(u);
	return ret;
}

static void
url_release(struct url *p)
{
	curl_free(p->scheme);
	curl_free(p->host);
	curl_free(p->user);
	free(p->shown);
}

/* [smtp] url: smtp:// or smtps://, a host, no credentials (they belong in
 * username and password_file); plain text only to a loopback relay. */
static int
check_smtp_url(const struct config *cfg, const char *path)
{
	struct url u;
	int ret = -1;

	if (url_read(&u, cfg->smtp_url) == -1 || (strcmp(u.scheme, "smtp") !=
	    0 && strcmp(u.scheme, "smtps") != 0))
		log_warnx("%s: [smtp] url '%s' is not smtp://HOST[:PORT] or "
		    "smtps://HOST[:PORT]", path, u.shown);
	else if (u.user != NULL)
		log_warnx("%s: [smtp] url '%s' holds credentials: put the "
		    "name in username and the password in password_file",
		    path, u.shown);
	else if (!cfg->smtp_starttls && strcmp(u.scheme, "smtp") == 0 &&
	    cfg->smtp_username != NULL && !loopback(u.host))
		log_warnx("%s: [smtp] starttls = off would send the password "
		    "in clear text to '%s'; only a relay on this machine may "
		    "go without TLS", path, u.host);
	else
		ret = 0;
	url_release(&u);
	return ret;
}

/* A cluster member's url: http(s)://HOST..., no credentials (the token
 * is a key of its own), plain http only to this machine. */
static int
check_member_url(const char *path, const struct config_member *m)
{
	struct url u;
	int ret = -1;

	if (url_read(&u, m->url) == -1 || (strcmp(u.scheme, "https") != 0 &&
	    strcmp(u.scheme, "http") != 0))
		log_warnx("%s: [cluster-member %s] url '%s' is not "
		    "https://HOST/...", path, m->id, u.shown);
	else if (u.user != NULL)
		log_warnx("%s: [cluster-member %s] url '%s' holds "
		    "credentials: put the secret in token", path, m->id,
		    u.shown);
	else if (strcmp(u.scheme, "http") == 0 && !loopback(u.host))
		log_warnx("%s: [cluster-member %s] url '%s': only a server on "
		    "this machine may go without TLS (https)", path, m->id,
		    u.shown);
	else
		ret = 0;
	url_release(&u);
	return ret;
}

/* The next head is a member; each member's url is one to fetch. */
static int
check_cluster(const struct config *cfg)
{
	const char *path = cfg->path ? cfg->path : "config";
	int ret = 0;
	size_t i;

	if (cfg->cluster_next_head != NULL && config_member_find(cfg,
	    cfg->cluster_next_head) == NULL) {
		log_warnx("%s: [cluster] next_head: '%s' is not one of its "
		    "members", path, cfg->cluster_next_head);
		ret = -1;
	}
	for (i = 0; i < cfg->nmembers; i++)
		if (cfg->members[i].url != NULL &&
		    check_member_url(path, &cfg->members[i]) == -1)
			ret = -1;
	return ret;
}

/*
 * Like ssh with its keys: a config that others can write could point the
 * server anywhere, and a password file that others can read or write is
 * no secret.  The message says how to fix it.
 */
int
config_check_file(const char *what, const char *file, mode_t bad,
    const char *fix)
{
	struct stat sb;

	if (file == NULL || stat(file, &sb) == -1 || !(sb.st_mode & bad))
		return 0;
	log_warnx("%s '%s' is %s by others (mode %04o): run 'chmod %s %s'",
	    what, file, bad & S_IROTH ? "readable or writable" : "writable",
	    (unsigned)(sb.st_mode & 07777), fix, file);
	return -1;
}

static int
check_smtp(const struct config *cfg)
{
	const char *path = cfg->path ? cfg->path : "config";
	int ret = 0;

	if (cfg->smtp_url != NULL && check_smtp_url(cfg, path) == -1)
		ret = -1;
	if (config_check_file("[smtp] password_file", cfg->smtp_password_file,
	    S_IRWXO | S_IWGRP, "o-rwx,g-w") == -1)
		ret = -1;
	return ret;
}

/* s without '|' and with one space between words, for comparing. */
static char *
words_of(const char *s)
{
	struct buf b;
	int gap = 0;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (*s == '|' || *s == ' ' || *s == '\t') {
			gap = b.len > 0;
			continue;
		}
		if (gap)
			buf_putc(&b, ' ');
		gap = 0;
		buf_putc(&b, *s);
	}
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

/* name_lines is the name with its breaks marked, nothing else: a header
 * must not print another name than the sentences do. */
static int
check_name_lines(const struct config *cfg)
{
	char *a, *b;
	int ret = 0;

	if (cfg->org_name_lines == NULL || cfg->org_name == NULL)
		return 0;
	a = words_of(cfg->org_name_lines);
	b = words_of(cfg->org_name);
	if (strcmp(a, b) != 0) {
		log_warnx("%s: [organisation] name_lines '%s' is not the name "
		    "'%s' with '|' where its lines break", cfg->path ?
		    cfg->path : "config", cfg->org_name_lines, cfg->org_name);
		ret = -1;
	}
	free(a);
	free(b);
	return ret;
}

int
config_check(const struct config *cfg)
{
	int ret = 0;

	if (check_addresses(cfg) == -1)
		ret = -1;
	if (check_smtp(cfg) == -1)
		ret = -1;
	if (cfg->act_first_year > cfg->act_last_year) {
		log_warnx("%s: [activities] first_year %d is after last_year "
		    "%d", cfg->path ? cfg->path : "config", cfg->act_first_year,
		    cfg->act_last_year);
		ret = -1;
	}
	/* Whoever reads the backups' key reads every copy made with it. */
	if (config_check_file("[backup] key_file", cfg->backup_key_file,
	    S_IRWXO | S_IWGRP, "o-rwx,g-w") == -1)
		ret = -1;
	if (check_name_lines(cfg) == -1)
		ret = -1;
	if (check_cluster(cfg) == -1)
		ret = -1;
	/* It goes into every calendar's ORGANIZER. */
	if (cfg->org_email != NULL && *cfg->org_email != '\0' &&
	    !text_email_valid(cfg->org_email)) {
		log_warnx("%s: [organisation] email '%s' is not an address",
		    cfg->path ? cfg->path : "config", cfg->org_email);
		ret = -1;
	}
	return ret;
}

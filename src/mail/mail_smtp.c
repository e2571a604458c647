/*
 * The libcurl SMTP backend.  One easy handle lives for the whole batch,
 * so libcurl keeps the connection (and its TLS session and AUTH) open
 * between messages; [smtp] reuse = no forbids that, for relays that limit
 * a session to one message.  smtp:// upgrades with STARTTLS and requires
 * it (CURLUSESSL_ALL) unless starttls = off; smtps:// is TLS from the
 * start.  The password is read from a file, handed to libcurl and wiped;
 * the debug callback only ever looks at what the server sends.
 */
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "log.h"
#include "mail.h"
#include "util.h"

struct mail_session {
	CURL *curl;
	const char *data;	/* the message being sent */
	size_t len, off;
	char reply[256];	/* the server's last error reply */
	char errbuf[CURL_ERROR_SIZE];
};

static size_t
read_cb(char *ptr, size_t size, size_t nmemb, void *user)
{
	struct mail_session *s = user;
	size_t n = size * nmemb;

	if (n > s->len - s->off)
		n = s->len - s->off;
	memcpy(ptr, s->data + s->off, n);
	s->off += n;
	return n;
}

/* Keep the server's last 4xx/5xx reply line (libcurl's QUIT answer
 * comes after it); never look at what we send. */
static int
debug_cb(CURL *h, curl_infotype type, char *data, size_t size, void *user)
{
	struct mail_session *s = user;
	size_t n = size;

	(void)h;
	if (type != CURLINFO_HEADER_IN || size == 0 || (data[0] != '4' &&
	    data[0] != '5'))
		return 0;
	while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r'))
		n--;
	if (n >= sizeof(s->reply))
		n = sizeof(s->reply) - 1;
	memcpy(s->reply, data, n);
	s->reply[n] = '\0';
	return 0;
}

/* The password file's first line; NULL (logged) when unreadable. */
static char *
read_password(const char *path)
{
	char line[1024], *pw = NULL;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		log_warn("cannot open password file '%s'", path);
		return NULL;
	}
	if (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] != '\0')
			pw = xstrdup(line);
	}
	if (pw == NULL)
		log_warnx("password file '%s' is empty", path);
	fclose(f);
	explicit_bzero(line, sizeof(line));
	return pw;
}

static int
set_auth(CURL *c, const struct config *cfg)
{
	char *pw;

	if (cfg->smtp_username == NULL)
		return 0;
	if (cfg->smtp_password_file == NULL) {
		log_warnx("[smtp] username needs password_file");
		return -1;
	}
	if ((pw = read_password(cfg->smtp_password_file)) == NULL)
		return -1;
	curl_easy_setopt(c, CURLOPT_USERNAME, cfg->smtp_username);
	curl_easy_setopt(c, CURLOPT_PASSWORD, pw);	/* libcurl copies */
	util_free_secret(pw);
	return 0;
}

static struct mail_session *
smtp_open(const struct config *cfg)
{
	struct mail_session *s;
	const char *url = cfg->smtp_url;
	int smtps;

	if (url == NULL || cfg->smtp_from == NULL) {
		log_warnx("[smtp] url and from must be set to send reminders");
		return NULL;
	}
	smtps = strncasecmp(url, "smtps://", 8) == 0;
	if (!smtps && strncasecmp(url, "smtp://", 7) != 0) {
		log_warnx("[smtp] url must be smtp://HOST:PORT or "
		    "smtps://HOST:PORT, not '%s'", url);
		return NULL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		fatal("curl_global_init failed");
	s = xcalloc(1, sizeof(*s));
	if ((s->curl = curl_easy_init()) == NULL)
		fatal("curl_easy_init failed");
	curl_easy_setopt(s->curl, CURLOPT_URL, url);
	/* Never a silent fall-back to plain text. */
	curl_easy_setopt(s->curl, CURLOPT_USE_SSL, smtps || cfg->smtp_starttls
	    ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	if (cfg->smtp_cafile != NULL)
		curl_easy_setopt(s->curl, CURLOPT_CAINFO, cfg->smtp_cafile);
	curl_easy_setopt(s->curl, CURLOPT_CONNECTTIMEOUT,
	    (long)cfg->smtp_timeout);
	curl_easy_setopt(s->curl, CURLOPT_TIMEOUT, (long)cfg->smtp_timeout);
	curl_easy_setopt(s->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(s->curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(s->curl, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(s->curl, CURLOPT_READDATA, s);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);
	curl_easy_setopt(s->curl, CURLOPT_ERRORBUFFER, s->errbuf);
	curl_easy_setopt(s->curl, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(s->curl, CURLOPT_DEBUGDATA, s);
	curl_easy_setopt(s->curl, CURLOPT_VERBOSE, 1L);
	if (!cfg->smtp_reuse)
		curl_easy_setopt(s->curl, CURLOPT_FORBID_REUSE, 1L);
	if (set_auth(s->curl, cfg) == -1) {
		curl_easy_cleanup(s->curl);
		free(s);
		return NULL;
	}
	return s;
}

/* Failures of our side or the transport are temporary: the outbox keeps
 * the message for a later run.  Only a 5xx reply to the message itself
 * is permanent. */
static enum mail_status
classify(CURLcode rc, long code)
{
	if (rc == CURLE_OK)
		return MAIL_SENT;
	if (rc == CURLE_LOGIN_DENIED || rc == CURLE_USE_SSL_FAILED ||
	    rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_PEER_FAILED_VERIFICATION)
		return MAIL_TEMPFAIL;
	/* 530/534/535/538: TLS or authentication refused, a problem of our
	 * configuration, not of this message. */
	if (code == 530 || code == 534 || code == 535 || code == 538)
		return MAIL_TEMPFAIL;
	if (code >= 500 && code < 600)
		return MAIL_PERMFAIL;
	return MAIL_TEMPFAIL;
}

static void
smtp_send(struct mail_session *s, const char *from, const char *to,
    const char *msg, size_t len, struct mail_result *res)
{
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	CURLcode rc;
	long code = 0;

	if (rcpt == NULL)
		fatal("out of memory");
	s->data = msg;
	s->len = len;
	s->off = 0;
	s->reply[0] = s->errbuf[0] = '\0';
	curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(s->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	rc = curl_easy_perform(s->curl);
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	res->status = classify(rc, code);
	/* A transport failure may leave a stale reply from the last
	 * message: report the reply only when it decided the outcome. */
	res->code = rc == CURLE_OK || (code >= 400 && code < 600) ? code : 0;
	if (res->code != 0 && s->reply[0] != '\0')
		snprintf(res->error, sizeof(res->error), "%s", s->reply);
	else
		snprintf(res->error, sizeof(res->error), "%s",
		    s->errbuf[0] ? s->errbuf : curl_easy_strerror(rc));
}

static void
smtp_close(struct mail_session *s)
{
	if (s == NULL)
		return;
	curl_easy_cleanup(s->curl);
	free(s);
	curl_global_cleanup();
}

const struct mail_backend mail_smtp = {
	"smtp", smtp_open, smtp_send, smtp_close
};

/*
 * Sending mail.  A backend (mail_smtp.c: libcurl SMTP) fills one
 * struct mail_backend; callers open a session for a batch, send each
 * message through it and close it, so a backend can keep one connection
 * for the whole batch.
 */
#ifndef KYNIEM_MAIL_H
#define KYNIEM_MAIL_H

#include <stddef.h>

struct config;
struct mail_session;

enum mail_status {
	MAIL_SENT,
	MAIL_TEMPFAIL,	/* 4xx, refused connection, timeout: try later */
	MAIL_PERMFAIL	/* 5xx: the server said no for good */
};

struct mail_result {
	enum mail_status status;
	long code;		/* the SMTP reply code, 0 when none */
	char error[256];	/* the server's reply or the transport error */
};

struct mail_backend {
	const char *name;
	/* Check the config and set up (no connection yet); NULL on error
	 * (logged). */
	struct mail_session *(*open)(const struct config *cfg);
	/* Send msg[0..len) from from to one recipient; fills *res. */
	void (*send)(struct mail_session *s, const char *from,
	    const char *to, const char *msg, size_t len,
	    struct mail_result *res);
	/* Close the connection and free the session (NULL is fine). */
	void (*close)(struct mail_session *s);
};

extern const struct mail_backend mail_smtp;

#endif

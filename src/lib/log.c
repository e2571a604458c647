/*
 * stderr logging with journald level prefixes (sd-daemon(3) convention).
 * Secrets must never be passed here; callers log names, not values.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

static const char *prog = "kyniem";

void
log_init(const char *progname)
{
	if (progname != NULL)
		prog = progname;
}

static void vlog(int, int, const char *, va_list)
    __attribute__((format(printf, 3, 0)));

static void
vlog(int level, int with_errno, const char *fmt, va_list ap)
{
	int saved = errno;
	char msg[2048];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (getenv("JOURNAL_STREAM") != NULL)
		fprintf(stderr, "<%d>%s", level, msg);
	else
		fprintf(stderr, "%s: %s", prog, msg);
	if (with_errno)
		fprintf(stderr, ": %s", strerror(saved));
	fputc('\n', stderr);
	errno = saved;
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(3, 1, fmt, ap);
	va_end(ap);
}

void
log_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(3, 0, fmt, ap);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(6, 0, fmt, ap);
	va_end(ap);
}

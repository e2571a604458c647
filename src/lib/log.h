/*
 * Diagnostics on stderr.  Each line starts with a syslog level prefix
 * ("<4>") when stderr goes to journald (JOURNAL_STREAM set), so the journal
 * keeps the level; otherwise "kyniem: " for a terminal user.
 */
#ifndef KYNIEM_LOG_H
#define KYNIEM_LOG_H

/* Call once from main with the program name used as a prefix. */
void log_init(const char *progname);
/* Error with ": strerror(errno)" appended. */
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Error without errno. */
void log_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Informational line (level 6). */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

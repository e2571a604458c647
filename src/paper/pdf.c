/*
 * PDF through LibreOffice: the .docx written to a temporary directory,
 * soffice run there headless with a profile of its own (two soffice
 * processes sharing one profile refuse each other) and HOME pointed at
 * it, the PDF read back, the directory removed.  Only the conversion is
 * here; the document is docx.c's.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "log.h"
#include "pdf.h"
#include "util.h"

/* A long document takes LibreOffice a few seconds; a hung one is
 * stopped after this long. */
#define PDF_TIMEOUT_MS	120000

/* The path of soffice on PATH, or NULL; the caller frees. */
static char *
find_soffice(void)
{
	const char *path = getenv("PATH"), *p;
	char *f;
	size_t n;

	for (p = path != NULL ? path : "/usr/bin:/bin"; *p != '\0'; p += n) {
		n = strcspn(p, ":");
		f = xasprintf("%.*s/soffice", (int)n, n > 0 ? p : ".");
		if (access(f, X_OK) == 0)
			return f;
		free(f);
		if (p[n] == ':')
			n++;
	}
	return NULL;
}

int
pdf_available(void)
{
	char *f = find_soffice();

	free(f);
	return f != NULL;
}

/* Remove dir and everything under it; errors are ignored (a temporary
 * directory left behind is no harm to the document). */
static void
rm_tree(const char *dir)
{
	struct dirent *e;
	struct stat sb;
	DIR *d;
	char *p;

	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			p = xasprintf("%s/%s", dir, e->d_name);
			if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
				rm_tree(p);
			else
				unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Wait for pid up to PDF_TIMEOUT_MS; its exit status, or -1 (killed). */
static int
wait_for(pid_t pid)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	int status, ms;
	pid_t r;

	for (ms = 0; ms < PDF_TIMEOUT_MS; ms += 20) {
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (r == -1 && errno != EINTR)
			return -1;
		nanosleep(&tick, NULL);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	log_warnx("LibreOffice took longer than %d s to make a PDF",
	    PDF_TIMEOUT_MS / 1000);
	return -1;
}

/* Run soffice on dir/in.docx, its output into dir/soffice.log; its exit
 * status, or -1 logged. */
static int
run_soffice(const char *soffice, const char *dir)
{
	posix_spawn_file_actions_t fa;
	char *profile = xasprintf("-env:UserInstallation=file://%s/profile",
	    dir), *in = xasprintf("%s/in.docx", dir), *log = xasprintf(
	    "%s/soffice.log", dir), *home = xasprintf("HOME=%s", dir),
	    *path = xasprintf("PATH=%s", getenv("PATH") != NULL ?
	    getenv("PATH") : "/usr/bin:/bin");
	char *argv[] = { (char *)"soffice", (char *)"--headless",
	    (char *)"--norestore", (char *)"--nolockcheck", profile,
	    (char *)"--convert-to", (char *)"pdf", (char *)"--outdir",
	    (char *)dir, in, NULL };
	char *envp[] = { home, path, (char *)"LC_ALL=C.UTF-8", NULL };
	pid_t pid;
	int rc, ret = -1;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT |
	    O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	if ((rc = posix_spawn(&pid, soffice, &fa, NULL, argv, envp)) != 0) {
		errno = rc;
		log_warn("cannot run '%s'", soffice);
	} else
		ret = wait_for(pid);
	posix_spawn_file_actions_destroy(&fa);
	free(profile);
	free(in);
	free(log);
	free(home);
	free(path);
	return ret;
}

/* Why soffice made no PDF: the last line it wrote, for the log. */
static void
log_failure(const char *dir, int status)
{
	char *f = xasprintf("%s/soffice.log", dir), *text, *line, *end;
	size_t len;

	text = file_read(f, &len);
	line = text != NULL ? text : (char *)"";
	while ((end = strchr(line, '\n')) != NULL && end[1] != '\0')
		line = end + 1;
	if (end != NULL)
		*end = '\0';
	log_warnx("LibreOffice made no PDF (exit %d)%s%s", status,
	    *line ? ": " : "", line);
	free(text);
	free(f);
}

int
pdf_from_docx(const char *docx, size_t len, struct buf *out)
{
	const char *tmp = getenv("TMPDIR");
	char *soffice = NULL, *dir = NULL, *in = NULL, *pdf = NULL,
	    *data = NULL;
	size_t n;
	int ret = -1, status;

	if ((soffice = find_soffice()) == NULL) {
		log_warnx("cannot make a PDF: LibreOffice (soffice) is not "
		    "installed; install the package " PDF_PACKAGE);
		return -1;
	}
	dir = xasprintf("%s/kyniem-pdf-XXXXXX", tmp != NULL && *tmp ? tmp :
	    "/tmp");
	if (mkdtemp(dir) == NULL) {
		log_warn("cannot make a directory for LibreOffice '%s'", dir);
		free(dir);
		free(soffice);
		return -1;
	}
	in = xasprintf("%s/in.docx", dir);
	pdf = xasprintf("%s/in.pdf", dir);
	if (file_write_atomic(in, docx, len) == -1)
		goto done;
	status = run_soffice(soffice, dir);
	if (status != 0 || (data = file_read(pdf, &n)) == NULL || n < 5 ||
	    memcmp(data, "%PDF-", 5) != 0) {
		log_failure(dir, status);
		goto done;
	}
	buf_add(out, data, n);
	ret = 0;
done:
	free(data);
	rm_tree(dir);
	free(dir);
	free(in);
	free(pdf);
	free(soffice);
	return ret;
}

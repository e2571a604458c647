/*
 * libFuzzer target: raw bytes sent to the real server.  http.c has no
 * per-request entry point short of libmicrohttpd's, so the fuzzer starts
 * the server once on a loopback port (one thread, a site built from the
 * shipped calendars, and under /app an application that reads every
 * field, file and header it is asked for, so that forms, uploads, the
 * body limit and the header checks before a body are reached) and sends
 * each input on a new connection, then reads the answer until the server
 * closes it.  A crash or sanitizer report in the server's thread ends the
 * run like any other.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "config.h"
#include "http.h"
#include "import.h"
#include "dataset.h"
#include "lunar.h"
#include "site.h"
#include "store.h"
#include "util.h"

#ifndef KYNIEM_SRCDIR
#define KYNIEM_SRCDIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The application: echoes the lengths of what the request names in its
 * "f" query (a field, file, header and cookie of that name). */
static int
echo(void *cls, const struct http_req *rq, struct http_resp *rs)
{
	const char *name = http_req_query(rq, "f"), *v, *data, *fname;
	size_t len;

	(void)cls;
	if (name == NULL)
		name = "a";
	buf_printf(&rs->body, "%s %s %s problem %d\n", http_req_method(rq),
	    http_req_path(rq), http_req_client(rq), http_req_body_problem(rq));
	if ((v = http_req_field(rq, name)) != NULL)
		buf_printf(&rs->body, "field %zu\n", strlen(v));
	if (http_req_file(rq, name, &data, &len, &fname) == 0)
		buf_printf(&rs->body, "file %zu %zu\n", len, strlen(fname));
	if ((v = http_req_header(rq, name)) != NULL)
		buf_printf(&rs->body, "header %zu\n", strlen(v));
	if ((v = http_req_cookie(rq, name)) != NULL)
		buf_printf(&rs->body, "cookie %zu\n", strlen(v));
	rs->ctype = "text/plain; charset=utf-8";
	if (http_req_body_problem(rq) == 1)
		rs->status = 413;
	return 0;
}

static const struct http_app app = { "/app", echo, NULL, 64 * 1024 };

static struct http_server *srv;
static struct store *st;	/* kept for the life of the process */
static unsigned port;

static void
setup(void)
{
	static struct config cfg;
	static const char *files[] = { "countries.csv", "relations.csv",
	    "national-days.csv", "festivals.csv" };
	struct import_stats stats = { 0 };
	struct ymd today = { 2024, 3, 1 };
	static struct lunar_cal *cal;
	struct dataset d;
	struct site_input in;
	struct site site;
	struct http_opts o;
	char path[512];
	size_t i;

	signal(SIGPIPE, SIG_IGN);
	cal = lunar_new(LUNAR_HISTORICAL);
	if (config_load(&cfg, NULL) == -1 || store_open(":memory:", STORE_CREATE, &st) == -1)
		fatal("setup failed");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/calendars/%s", KYNIEM_SRCDIR,
		    files[i]);
		if (import_file(st, cal, path, "fuzz", 0, 0, &stats) == -1)
			fatal("cannot import '%s'", path);
	}
	if (dataset_load(st, DATASET_ACTIVITIES, &d) == -1)
		fatal("cannot load the dataset");
	in.data = &d;
	in.cfg = &cfg;
	in.lunar = cal;
	in.today = today;
	in.now = 0;
	in.version = "fuzz";
	in.base_url = "http://127.0.0.1";
	if (site_build(&in, &site) == -1)
		fatal("cannot build the site");
	dataset_release(&d);
	http_opts_init(&o);
	o.listen = "127.0.0.1:0";
	o.threads = 1;
	o.timeout = 2;
	o.site = &site;
	o.apps = &app;
	o.napps = 1;
	if (http_start(&o, &srv) == -1)
		fatal("cannot start the server");
	port = http_port(srv);
}

/* The server is set up before the first input, outside the time limit of
 * an input: building every feed under ASan takes seconds. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setup();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sockaddr_in sa;
	struct timeval tv = { 3, 0 };
	char buf[65536];
	size_t off = 0;
	ssize_t n;
	int fd;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		fatal("socket failed");
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == -1)
		fatal("connect failed");
	while (off < size && (n = write(fd, data + off, size - off)) > 0)
		off += (size_t)n;
	shutdown(fd, SHUT_WR);
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	close(fd);
	return 0;
}

/*
 * kyniem lunar [YYYY-MM-DD] | --to-solar D/M/YYYY[/leap]: converts one date
 * between the Gregorian and the Vietnamese lunar calendar.  The conversion
 * is lunar.c's, with the calendar (meridian) main.c made from the config.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "jsonw.h"
#include "log.h"
#include "lunar.h"
#include "output.h"
#include "util.h"

enum lunar_fmt { FMT_TEXT, FMT_JSON };

/*
 * Parses "D/M/YYYY", optionally followed by "/leap" (or "/nhuận",
 * "/nhuan"); only the shape is checked here.  Returns 0 or -1.
 */
static int
parse_lunar(const char *s, struct lunar_date *out)
{
	char copy[64], *f[4], *p, *save;
	long v[3];
	int n = 0, i;

	if (strlen(s) >= sizeof(copy))
		return -1;
	memcpy(copy, s, strlen(s) + 1);
	for (p = strtok_r(copy, "/", &save); p != NULL;
	    p = strtok_r(NULL, "/", &save)) {
		if (n == 4)
			return -1;
		f[n++] = p;
	}
	if (n < 3 || s[strlen(s) - 1] == '/' || strstr(s, "//") != NULL)
		return -1;
	for (i = 0; i < 3; i++)
		if (util_parse_int(f[i], 0, 9999, &v[i]) == -1)
			return -1;
	out->leap = 0;
	if (n == 4) {
		if (strcmp(f[3], "leap") != 0 && strcmp(f[3], "nhuận") != 0 &&
		    strcmp(f[3], "nhuan") != 0)
			return -1;
		out->leap = 1;
	}
	out->day = (int)v[0];
	out->month = (int)v[1];
	out->year = (int)v[2];
	return 0;
}

static void
print_result(const struct lunar_date *l, struct ymd t, int to_solar,
    enum lunar_fmt fmt)
{
	char canchi[32], iso[16];
	struct jsonw j;
	struct buf b;

	if (lunar_can_chi(l->year, canchi, sizeof(canchi)) == -1)
		canchi[0] = '\0';
	util_format_ymd(t, iso, sizeof(iso));
	buf_init(&b);
	if (fmt == FMT_JSON) {
		jsonw_init(&j, &b, 0);
		jsonw_object(&j, NULL);
		jsonw_int(&j, "day", l->day);
		jsonw_int(&j, "month", l->month);
		jsonw_int(&j, "year", l->year);
		jsonw_bool(&j, "leap", l->leap);
		jsonw_str(&j, "can_chi", canchi);
		jsonw_str(&j, "gregorian", iso);
		jsonw_end(&j);
		buf_putc(&b, '\n');
	} else if (to_solar) {
		buf_printf(&b, "%d/%d/%d âm lịch%s (%s): %s\n", l->day,
		    l->month, l->year, l->leap ? ", tháng nhuận" : "", canchi,
		    iso);
	} else {
		buf_printf(&b, "%s: %d/%d/%d âm lịch%s (%s)\n", iso, l->day,
		    l->month, l->year, l->leap ? ", tháng nhuận" : "", canchi);
	}
	fputs(b.data, stdout);
	buf_release(&b);
}

static int
to_solar(struct app *app, const char *arg, enum lunar_fmt fmt)
{
	struct lunar_date l;
	struct ymd t;

	if (parse_lunar(arg, &l) == -1) {
		log_warnx("'%s' is not D/M/YYYY[/leap]", arg);
		return 2;
	}
	if (l.year < LUNAR_MIN_YEAR - 1 || l.year > LUNAR_MAX_YEAR) {
		log_warnx("lunar date '%s' outside %d-%d", arg,
		    LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		return 1;
	}
	if (lunar_to_solar(app->lunar, &l, &t.y, &t.m, &t.d) == -1) {
		log_warnx("no such lunar date '%s'", arg);
		return 1;
	}
	print_result(&l, t, 1, fmt);
	return 0;
}

static int
from_solar(struct app *app, const char *arg, enum lunar_fmt fmt)
{
	struct lunar_date l;
	struct ymd t = app->today;

	if (arg != NULL && util_parse_ymd(arg, &t) == -1) {
		log_warnx("'%s' is not a date YYYY-MM-DD", arg);
		return 2;
	}
	if (lunar_from_solar(app->lunar, t.y, t.m, t.d, &l) == -1) {
		log_warnx("date '%s' outside %d-%d", arg ? arg : "today",
		    LUNAR_MIN_YEAR, LUNAR_MAX_YEAR);
		return 1;
	}
	print_result(&l, t, 0, fmt);
	return 0;
}

int
cmd_lunar(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "to-solar", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum lunar_fmt fmt = FMT_TEXT;
	const char *lunar = NULL;
	int ch;

	optind = 0;	/* glibc: argv[0] is "lunar", start afresh */
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 's':
			lunar = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				fmt = FMT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				fmt = FMT_JSON;
			else {
				log_warnx("unknown format '%s'", optarg);
				return cmd_usage("lunar");
			}
			break;
		case 'h':
			cmd_usage("lunar");
			return 0;
		default:
			return cmd_usage("lunar");
		}
	}
	if (argc - optind > (lunar != NULL ? 0 : 1))
		return cmd_usage("lunar");
	if (lunar != NULL)
		return to_solar(app, lunar, fmt);
	return from_solar(app, optind < argc ? argv[optind] : NULL, fmt);
}

/*
 * kyniem show KEY: one observance in full (its note and whole source
 * included), with its next occurrences.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "output.h"
#include "store.h"
#include "vntime.h"

static void
field(const char *name, const char *value)
{
	if (value != NULL && *value != '\0')
		printf("%-12s %s\n", name, value);
}

static int
next_five(struct app *app, struct observance *o, enum lang lang)
{
	struct occ_list l = { 0 };
	struct buf t;
	size_t i;
	int y;

	if (rules_occurrences(&app->cfg->rules, app->lunar, &o, 1, app->today,
	    util_ymd_add_days(app->today, 366 * 5), &l) == -1)
		return -1;
	for (y = app->today.y; y < app->today.y + 5; y++)
		rules_undated(&o, 1, y, &l);	/* known only to the year */
	buf_init(&t);
	for (i = 0; i < l.n; i++) {
		t.len = 0;
		rules_format_date(&l.v[i], lang, &t);
		buf_puts(&t, "  ");
		rules_title(&l.v[i], lang, &t);
		rules_unverified(o, lang, &t);
		printf("%-12s %s\n", i == 0 ? "next" : "", t.data);
	}
	buf_release(&t);
	occ_list_release(&l);
	return 0;
}

int
cmd_show(int argc, char **argv, struct app *app)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "lang", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct obs_set set;
	struct observance *o;
	enum lang lang = app->cfg->lang;
	char base[16] = "";
	int ch, ret = 1;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'l' && output_parse_lang(optarg, &lang) == 0)
			continue;
		cmd_usage("show");
		return ch == 'h' ? 0 : 2;
	}
	if (argc - optind != 1)
		return cmd_usage("show");
	if (store_load(app->store, -1, &set) == -1)
		return 1;
	if ((o = obs_set_find(&set, argv[optind])) == NULL) {
		log_warnx("no observance with key '%s' ('kyniem list' shows "
		    "them)", argv[optind]);
		goto done;
	}
	if (o->rule.base_year > 0)
		snprintf(base, sizeof(base), "%d", o->rule.base_year);
	field("key", o->key);
	field("kind", rules_kind_name(o->kind));
	field("country", o->country);
	field("name", lang == LANG_EN ? o->country_en : o->country_vi);
	field("date", o->spec);
	field("base year", base);
	field("level", o->level);
	field("title", lang == LANG_EN ? o->name_en : o->name_vi);
	field("tags", o->tags);
	field("confidence", o->confidence);
	field("source", o->source);
	field("note", o->note);
	if (rules_precision(o) == PREC_MONTH)
		printf("%-12s %s\n", "", lang == LANG_EN ?
		    "the day is not known: anniversaries are listed at their "
		    "month" : "chưa rõ ngày: ngày kỷ niệm ghi theo tháng");
	else if (rules_precision(o) == PREC_YEAR)
		printf("%-12s %s\n", "", lang == LANG_EN ?
		    "only the year is known: the plans list its anniversaries "
		    "as days to confirm" : "chỉ biết năm: kế hoạch năm ghi vào "
		    "các ngày kỷ niệm chưa rõ ngày");
	ret = next_five(app, o, lang) == 0 ? 0 : 1;
done:
	obs_set_release(&set);
	return ret;
}

/*
 * The defaults config.c applies before it reads a file, as data that
 * config_defaults.c holds (and nothing else reads): config.c calls
 * nothing there, config_defaults.c calls nothing here.
 */
#ifndef KYNIEM_CONFIG_INT_H
#define KYNIEM_CONFIG_INT_H

#include <stddef.h>

#include "config.h"

/* Every key at its default; its strings are borrowed (copy each). */
extern const struct config config_default;
/* A [feed NAME] section before it sets a key, its name aside. */
extern const struct config_feed config_default_feed;
/* The reports' [plan] mapping: a selector per section of plan_sel. */
extern const char *const config_default_plan[PLAN_S_COUNT];

/* The activity categories when [categories] gives none, in the order
 * the reports' section II lists them. */
struct config_default_category {
	const char *key, *vi, *en;
};
extern const struct config_default_category config_default_categories[];
extern const size_t config_default_ncategories;

/* A built-in feed: a [feed NAME] section of its name changes only the
 * keys it sets. */
struct config_builtin {
	const char *name, *title, *title_en;
	const char *kinds;	/* NULL: every kind */
	unsigned milestones;	/* mask of 1 << MILESTONE_x; 0 every year */
	int activities;		/* 1: planned activities, not dates */
	int back, ahead;	/* the window, in days around today */
	const char *description, *description_en;	/* NULL: none */
	int suggested, max_per_day;	/* the union's feed (config.h) */
};
extern const struct config_builtin config_builtins[];
extern const size_t config_nbuiltins;

/* The report's and plan's "Nơi nhận" when the file sets none; the plan's
 * lists [organisation] parent (to report) between its head and tail. */
extern const char config_default_report_recipients[];
extern const char config_default_report_recipients_en[];
extern const char config_default_plan_recipients_head[];
extern const char config_default_plan_recipients_tail[];
extern const char config_default_plan_recipients_en[];
/* The consolidated report's "Nơi nhận": VUFO and the members. */
extern const char config_default_cluster_recipients[];
extern const char config_default_cluster_recipients_en[];

#endif

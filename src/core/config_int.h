/*
 * config.c's helpers in config_defaults.c; not for other modules.
 */
#ifndef KYNIEM_CONFIG_INT_H
#define KYNIEM_CONFIG_INT_H

#include "config.h"

/* Every key at its default, the default [plan] mapping compiled. */
void config_defaults(struct config *cfg);
/* A new [feed NAME] at the feed defaults. */
struct config_feed *config_feed_add(struct config *cfg, const char *name);
/* An activity category, appended in report order. */
void config_category_add(struct config *cfg, const char *key,
    const char *vi, const char *en);
/* The reports' nine categories, when [categories] gave none. */
void config_default_categories(struct config *cfg);
/* The report's and plan's "Nơi nhận" the file did not set, the plan's
 * naming [organisation] parent. */
void config_default_recipients(struct config *cfg);
/* If f is named after a built-in feed, give it that feed's settings (a
 * [feed activities] section changes only the keys it sets): 1, else 0. */
int config_feed_builtin(struct config_feed *f);
/* The built-in feeds a [feed] section did not override. */
void config_add_builtins(struct config *cfg);

#endif

/*
 * Printing occurrences and observances as text, CSV or JSON for the
 * listing commands.  The CSV and JSON fields are fixed: date, key, kind,
 * country, n, milestone, precision (day, month: date is the 1st of the
 * month), confidence (confirmed, single-source, recalled), title.
 */
#ifndef KYNIEM_OUTPUT_H
#define KYNIEM_OUTPUT_H

#include <stdio.h>

#include "rules.h"

enum out_format { OUT_TEXT, OUT_CSV, OUT_JSON };

/* "text", "csv" or "json"; 0 or -1. */
int output_parse_format(const char *s, enum out_format *out);
/* "vi" or "en"; 0 or -1. */
int output_parse_lang(const char *s, enum lang *out);

/* Print the occurrences of l in the given language and format. */
void output_occurrences(FILE *f, const struct occ_list *l, enum lang lang,
    enum out_format fmt);

#endif

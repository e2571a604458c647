/*
 * Printing occurrences and observances as text, CSV or JSON for the
 * listing commands.  The CSV and JSON fields are fixed: date, key, kind,
 * country, n, milestone, precision (day, month: date is the 1st of the
 * month), confidence (confirmed, single-source, recalled), title.
 */
#ifndef KYNIEM_OUTPUT_H
#define KYNIEM_OUTPUT_H

#include <stdio.h>

#include "jsonw.h"
#include "rules.h"
#include "util.h"

enum out_format { OUT_TEXT, OUT_CSV, OUT_JSON };

/*
 * A listing on its way out: rows go into b as text or CSV, or into j as
 * the next values of one JSON array, one record a line ("[\n {...},\n
 * {...}\n]\n"; an empty list is "[]\n").
 */
struct output_list {
	enum out_format fmt;
	struct buf b;
	struct jsonw j;
};

/* "text", "csv" or "json"; 0 or -1. */
int output_parse_format(const char *s, enum out_format *out);
/* "vi" or "en"; 0 or -1. */
int output_parse_lang(const char *s, enum lang *out);

/* Start a listing in fmt; a CSV one gets csv_header (with its CRLF). */
void output_list_begin(struct output_list *o, enum out_format fmt,
    const char *csv_header);
/* Close the listing, write it to f and free it (the caller flushes f and
 * sees its errors). */
void output_list_end(struct output_list *o, FILE *f);

/* Print the occurrences of l in the given language and format. */
void output_occurrences(FILE *f, const struct occ_list *l, enum lang lang,
    enum out_format fmt);

#endif

/*
 * What several commands read the same way: the options of a declared
 * field table (field.h), a command's sub-commands from a table like
 * main.c's, and the YEAR of a yearly document.
 */
#ifndef KYNIEM_OPTIONS_H
#define KYNIEM_OPTIONS_H

#include <stddef.h>

#include "field.h"
#include "rules.h"
#include "util.h"

struct app;

/* The items FIELD_LIST options gave, joined; release with
 * options_release(). */
struct field_opts {
	struct buf *lists;	/* one a row of the table */
	size_t n;
};

/*
 * Read the options of argv (getopt_long) for the rows of t into the
 * input struct in, and for the rows of own, the command's own options
 * (NULL: none), into own_in: --NAME VALUE (--OPT VALUE when the row names
 * an option), a FIELD_LIST option once per item, the items joined with
 * "," (--country "" gives ""), a FIELD_SWITCH as --NAME ("yes") and
 * --no-NAME ("no"), and -h, --help; FIELD_NOOPT rows are no options.  An
 * option not given leaves its member alone.  Returns 0, 1 after --help,
 * 2 on a usage error (getopt said which); release fo in every case.
 */
int options_fields(int argc, char **argv, const struct field *t, void *in,
    const struct field *own, void *own_in, struct field_opts *fo);
void options_release(struct field_opts *fo);

/* The first FIELD_REQUIRED option of t that in has no value for, or
 * NULL: what `add` cannot do without. */
const struct field *options_missing(const struct field *t, const void *in);

/* Print every refusal of errs as "field: message"; returns 1, the exit
 * status of a refused input. */
int options_refused(const struct field_errs *errs);

/* A sub-command: "add", its handler, and its operands. */
struct subcommand {
	const char *name;
	int (*fn)(int argc, char **argv, struct app *app);
	int operands;		/* exactly these after the name, no options;
				 * -1: the handler reads its own */
};

/*
 * Run the sub-command argv[1] of command cmd from the n rows of t: its
 * handler gets argv from the sub-command's name on, getopt reset.  No
 * sub-command, an unknown one or the wrong number of operands is a usage
 * error (2); --help prints the usage and returns 0.
 */
int options_sub(const char *cmd, const struct subcommand *t, size_t n,
    int argc, char **argv, struct app *app);

#endif

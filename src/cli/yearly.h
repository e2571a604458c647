/*
 * What the commands of a year's paperwork (plan, report, letters, the
 * year records) share: reading their arguments and the YEAR operand,
 * keeping a .docx or .pdf off a terminal, the input a year's plan or
 * report is built from, and the union's signing key.  The documents are
 * paper/'s.
 */
#ifndef KYNIEM_YEARLY_H
#define KYNIEM_YEARLY_H

#include "doc.h"
#include "util.h"

struct app;
struct config;
struct dataset;
struct plan_input;

/* The YEAR operand s, from LUNAR_MIN_YEAR to last, into *year: 0, or -1
 * after saying why (a usage error). */
int yearly_year(const char *s, int last, int *year);

/*
 * 1 after saying why when a binary document (ext "docx" or "pdf"; NULL
 * for text) would be written to a terminal, for want of --out: a zip
 * archive or a PDF is no use there and may upset it.  out_what names what
 * --out takes ("FILE").  0 otherwise.
 */
int yearly_binary_to_tty(const char *ext, const char *out,
    const char *out_what);

/*
 * The input of year's plan or report in lang (plan.h): the database's
 * dataset with its activities loaded into *d (release it with
 * dataset_release()), and app's config, calendar and day.  0, or -1
 * (logged) with nothing to release.
 */
int yearly_input(struct app *app, int year, enum lang lang,
    struct dataset *d, struct plan_input *in);

/*
 * The narrative sections of doc ("report", "plan") not written for year
 * in d: a warning on stderr naming their keys, and with draft (when dd
 * is not NULL) the line on dd's first page that names them.  Returns
 * how many there are.
 */
struct doc;
int yearly_texts(const struct dataset *d, const char *doc, int year,
    enum lang lang, int draft, struct doc *dd);

/* What a document command's (report, cluster report) options and
 * operand say. */
struct yearly_args {
	enum doc_format fmt;	/* --format */
	enum lang lang;		/* --lang */
	const char *out;	/* --out FILE, NULL for stdout */
	int check, draft;	/* --check, --draft, where opts has them */
	int year;		/* the YEAR operand */
};

/*
 * Parse the arguments of document command cmd: --format (md, html, docx
 * or pdf), --lang, --out FILE, --help and, with checks, --check and
 * --draft; then the one YEAR operand, up to last, and the guard against
 * a .docx or .pdf on a terminal.  a's fmt and lang hold the defaults.
 * 0 to go on, 1 after --help, 2 after saying why the arguments are
 * refused (a usage error).
 */
int yearly_args(int argc, char **argv, const char *cmd, int checks,
    int last, struct yearly_args *a);

/*
 * The arguments of a record export (record export, cluster export):
 * --out FILE, --help, and the one YEAR operand up to last.  0 to go on,
 * 1 after --help, 2 after saying why they are refused.
 */
int yearly_export_args(int argc, char **argv, const char *cmd, int last,
    int *year, const char **out);

/*
 * Write the year record that make writes (with arg, signed with k when
 * k is not NULL) to out (stdout when NULL), signed with the union's key
 * when it has one; without a key it goes out unsigned, and says so.  The
 * exit status: 0, or 1 (logged).
 */
struct buf;
struct sign_key;
typedef int (*yearly_record_fn)(void *arg, const struct sign_key *k,
    struct buf *out);
int yearly_record_out(struct app *app, const char *out,
    yearly_record_fn make, void *arg);

#endif

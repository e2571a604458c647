/*
 * The cluster head's year: the consolidated report ("Báo cáo tổng kết
 * hoạt động năm YYYY của Cụm ...") made from the members' year records
 * the head received (received.h), in the Decree 30 layout of the union's
 * own documents (doc.h), and the cluster's consolidated record, which
 * the level above imports as one member's.
 */
#ifndef KYNIEM_CLUSTER_H
#define KYNIEM_CLUSTER_H

#include <time.h>

#include "doc.h"
#include "util.h"

struct buf;
struct config;
struct dataset;
struct lunar_cal;
struct store;

/* What a consolidated report or record is made of. */
struct cluster_input {
	struct store *st;		/* the received records, the texts */
	const struct config *cfg;	/* [cluster], [organisation] */
	int year;
	struct ymd today;		/* the date line */
	time_t now;			/* the record's generated_at */
	enum lang lang;
	/* The head's own year, when it is a member of its cluster: its
	 * row is made from its database unless it imported a record of
	 * its own.  NULL data: the received records only. */
	const struct dataset *data;
	struct lunar_cal *lunar;
	const char *version;		/* kyniem's, in the records */
};

/*
 * The consolidated report of in->year into *out (free with doc_free()):
 * I. the context staff write (kyniem text ... cluster YEAR context);
 * II. a table of the members with their figures, each member's notable
 * work (its milestone activities, in its own report's sentences), the
 * milestones several members marked, and the members that have not
 * reported; III. the assessment and proposals staff write; IV. next
 * year: the milestones several members plan and the next head.  0, or -1
 * (logged).
 */
int cluster_report(const struct cluster_input *in, struct doc **out);

/*
 * 1 if member id is the head itself and its database recorded in->year
 * (an activity of it done): the head's row is then made from its own
 * database until it imports a record of its own.  0 otherwise.
 */
int cluster_own_year(const struct cluster_input *in, const char *id);

struct sign_key;

/*
 * The cluster's consolidated record of in->year (doc/record-format.md,
 * level "cluster", id [cluster] id) into out: every member's activities
 * ("UNION/KEY", with "union"), the figures summed, each milestone marked
 * or planned once with the unions that have it, each member reported or
 * not; made at in->now by kyniem version, signed with key unless NULL.
 * The level above imports it as one member's record.  0, or -1 (logged:
 * no [cluster] members or id).
 */
int cluster_record(const struct cluster_input *in, const struct sign_key *key,
    const char *version, struct buf *out);

/* "bao-cao-cum-2023.docx" ("cluster-report-2023.docx"); to free. */
char *cluster_filename(int year, enum doc_format fmt, enum lang lang);

#endif

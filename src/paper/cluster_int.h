/*
 * What the cluster's files share: the members of [cluster] and the
 * records received from them for a year.  cluster.c writes the
 * consolidated report, cluster_record.c the consolidated record.
 */
#ifndef KYNIEM_CLUSTER_INT_H
#define KYNIEM_CLUSTER_INT_H

#include "cluster.h"
#include "received.h"
#include "record.h"

struct config_member;

/* One member and its record of the year, when it sent one. */
struct cluster_member {
	const struct config_member *m;
	int have;		/* r and held hold its record */
	struct record r;
	struct received held;
};

struct cluster_set {
	struct cluster_member *v;	/* in the order of [cluster] members */
	size_t n;
};

/*
 * Each member of in->cfg's [cluster] and its record of in->year (a
 * stored record that no longer reads is logged and counts as missing).
 * 0, or -1 (logged); release out with cluster_set_release() either way.
 */
int cluster_collect(const struct cluster_input *in, struct cluster_set *out);
void cluster_set_release(struct cluster_set *s);

/* The member's name: its record's, else its [cluster-member] name, else
 * the union's own name when it is this union, else its id. */
const char *cluster_member_name(const struct config *cfg,
    const struct cluster_member *x);

/* The cluster's name: [cluster] name, else its id. */
const char *cluster_name(const struct config *cfg);

#endif

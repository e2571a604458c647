/*
 * Member organisations: the friendship associations and units a union
 * counts as its members (Hội hữu nghị Việt Nam – Lào tỉnh, Hội Ái mộ
 * Yersin, Sở Du lịch), to which an activity may be credited (its member
 * field).  The year-end report groups their activities under "Hoạt động
 * của các đơn vị thành viên"; the plan names them among who does what.
 */
#ifndef KYNIEM_MEMBER_H
#define KYNIEM_MEMBER_H

#include <stddef.h>
#include <time.h>

#include "field.h"

struct buf;
struct store;

/* The columns of a members file (import_csv.c's header). */
#define MEMBER_CSV_HEADER	"key,name,kind"

/* A loaded member (owns its strings; member_release()). */
struct member {
	char *key;		/* "vn-lao": a-z, 0-9 and '-' */
	char *name;		/* "Hội hữu nghị Việt Nam – Lào tỉnh" */
	char *kind;		/* bilateral, multilateral or other */
};

struct member_list {
	struct member *v;
	size_t n;
};

/* Values as typed (borrowed; NULL: not given). */
struct member_input {
	const char *key, *name, *kind;
};

/*
 * The fields of a member, in MEMBER_CSV_HEADER's order: the command
 * line's options (the key is an operand), the web form's fields and the
 * import's columns.  The kind, when not given, is other.
 */
extern const struct field member_fields[];

/* The kinds, NULL-terminated, in the order pages list them. */
extern const char *const member_kinds[];

/*
 * Check in: key, name and kind through member_fields (key and name
 * required).  Returns 0, or 1 with the refusals added to errs.
 */
int member_check(const struct member_input *in, struct field_errs *errs);

/*
 * The import's write, inside the import's transaction: insert or update
 * the row of in->key (checked first by the caller); *changed is 1 when a
 * row was added or a value differed.  0 or -1 (logged).
 */
int member_import(struct store *st, const struct member_input *in,
    long now, int *changed);

/*
 * Add (exists == 0) or change (exists == 1) the member in->key, checked
 * first, and write the audit row of who in the same transaction
 * ("member.add", "member.edit").  Returns 0, 1 with the refusals in errs
 * (a key that is taken on add, unknown on edit, named as the key
 * field's), or -1 (logged).
 */
int member_put(struct store *st, const struct member_input *in,
    int exists, const char *who, time_t now, struct field_errs *errs);

/*
 * Remove member key and audit it ("member.remove") in one transaction.
 * A member some activity is credited to stays: 0 removed, 1 no such
 * member, 2 activities name it (*used says how many), -1 (logged).
 */
int member_remove(struct store *st, const char *key, const char *who,
    time_t now, long *used);

/* The member key into *out: 0, 1 when there is none, -1 (logged). */
int member_get(struct store *st, const char *key, struct member *out);
/* 1 if key is a member, 0 if not, -1 (logged). */
int member_exists(struct store *st, const char *key);

/* Every member, in the order they were added (a members file's order):
 * the order the union lists them in, which the report keeps.  0 or -1
 * (logged). */
int member_load(struct store *st, struct member_list *out);
void member_release(struct member *m);
void member_list_release(struct member_list *l);
/* The member of l with key, or NULL. */
const struct member *member_find(const struct member_list *l,
    const char *key);

/* m as a JSON object of its three fields (the audit trail's shape). */
void member_json(const struct member_input *m, struct buf *out);

#endif

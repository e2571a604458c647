/*
 * The activity form's pickers: staff choose by name, never by code.  The
 * date and time as the browser's own date and time inputs, the owners as
 * checkboxes of the union's users and recipients, the reminders as
 * checkboxes (30, 7, 1 ngày trước) and a field for other offsets, the
 * occasion by its Vietnamese name from a list the browser filters as one
 * types (<datalist>, no script needed), the partner countries by name
 * (a multiple <select>).  What they post is put back into the fields
 * activity_fields knows ("2023-09-21T09:00", "a@x, b@y", "7d,1d",
 * "relation:JP", "JP US"), so activity_apply() checks it as it checks
 * the CLI's; a form that posts those fields itself still works.
 */
#ifndef KYNIEM_PICK_H
#define KYNIEM_PICK_H

#include "util.h"
#include "web_req.h"

/* What the pickers of one posted form make (the strings live here). */
struct pick_post {
	struct buf start, end, owners, remind, countries;
};

void pick_post_init(struct pick_post *pp);
void pick_post_release(struct pick_post *pp);

/*
 * The value of activity field name as the form posted it: the field
 * itself when it was sent, else what its pickers make (NULL when the
 * form had no picker for it either: not sent).
 */
const char *pick_posted(struct web_req *r, struct pick_post *pp,
    const char *name);

/* One picker, showing value (in activity_fields' text) and error (NULL:
 * none).  name is "start" or "end"; required marks the start's date. */
void pick_when(struct web_req *r, const char *name, const char *label,
    const char *value, const char *error, int required);
void pick_owners(struct web_req *r, const char *value, const char *error);
void pick_remind(struct web_req *r, const char *value, const char *error);
void pick_occasion(struct web_req *r, const char *value, const char *error);
void pick_countries(struct web_req *r, const char *value,
    const char *error);
/* One country by name, or any: a list's filter (name "country"). */
void pick_country(struct web_req *r, const char *label, const char *value);
/* The aid's currency by its name ("Đô la Mỹ"), none, or value as it is
 * stored (ISO 4217). */
void pick_currency(struct web_req *r, const char *value, const char *error);

#endif

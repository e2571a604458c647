/*
 * The words of contacts the config speaks: the kinds of contact (an
 * embassy, a consulate general... an association), the shape of their
 * keys (embassy:LA, cg:LA:da-nang, association:viet-lao), and the
 * [letters] contacts selector.  The rows are the store's (contact.h).
 */
#ifndef KYNIEM_CONTACT_SEL_H
#define KYNIEM_CONTACT_SEL_H

#include <stddef.h>

/* The kinds in the order lists show them, the first three the missions:
 * the index of kind (0 embassy ... 4 organisation), or -1. */
#define CONTACT_KINDS		5
#define CONTACT_MISSIONS	3
int contact_kind_index(const char *kind);

/* Vietnamese / English words for a kind ("Đại sứ quán"); the kind itself
 * when unknown. */
const char *contact_kind_label(const char *kind, int english);

/*
 * Which contacts the union writes to: [letters] contacts, a comma list of
 * terms.  A term is a contact's key (embassy:LA, cg:LA:da-nang), or one
 * or more filters joined by "+", all of which must hold: focus (a country
 * of [organisation] focus_countries), mission (an embassy, consulate
 * general or consulate), kind:K, country:CC, all.  Default:
 * "focus+mission", every mission of the focus countries.
 */
struct contact_term {
	char *key;		/* a key term, else NULL */
	unsigned kinds;		/* 1 << index of the kind; 0 = any */
	char country[3];	/* "" = any */
	int focus;
};

struct contact_sel {
	struct contact_term *v;
	size_t n;
};

#define CONTACT_SEL_DEFAULT	"focus+mission"

/* Compile s into *sel (release it); 0, or -1 with a reason in err. */
int contact_sel_parse(const char *s, struct contact_sel *sel, char *err,
    size_t errlen);
void contact_sel_release(struct contact_sel *sel);
/* 1 if sel chooses the contact of key, kind and country; focus is the
 * config's ",LA,KH," list. */
int contact_sel_match(const struct contact_sel *sel, const char *key,
    const char *kind, const char *country, const char *focus);

/* 1 if key has the shape of kind index k's keys (for the missions, of
 * country cc's: embassy:CC, cg:CC:city-slug). */
int contact_key_ok(const char *key, int k, const char *cc);

#endif

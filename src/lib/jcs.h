/*
 * Canonical JSON (RFC 8785, the JSON Canonicalization Scheme) of a tree
 * jansson parsed: the bytes a signature covers, the same whoever wrote
 * the document and however it was spaced.  Only what the year records
 * hold: objects, arrays, strings, integers, true, false and null.
 */
#ifndef KYNIEM_JCS_H
#define KYNIEM_JCS_H

#include <jansson.h>

#include "util.h"

/*
 * Append the canonical form of v to out: no white space, members sorted
 * by their names' UTF-16 code units, strings escaped as ECMAScript's
 * JSON.stringify() does (\" \\ \b \f \n \r \t, other controls as
 * \u00xx, everything else as it is), integers in decimal.  Returns 0, or
 * -1 for a real number, whose form RFC 8785 takes from ECMAScript and
 * which no record has (out is then incomplete).
 */
int jcs_write(const json_t *v, struct buf *out);

#endif

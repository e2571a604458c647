/*
 * What web_activity.c's pages share with the module that words their
 * messages (web_activity_msg.c).
 */
#ifndef KYNIEM_WEB_ACTIVITY_INT_H
#define KYNIEM_WEB_ACTIVITY_INT_H

#include <stddef.h>

struct web_req;

/*
 * The message for a field at fault, in the request's language, from
 * activity_apply()'s field and English reason en: the field's own words,
 * with the value it names (an owner's address, the configured years)
 * written into buf.  Returns a static string, buf, or en.
 */
const char *web_activity_message(struct web_req *r, const char *field,
    const char *en, char *buf, size_t len);

#endif

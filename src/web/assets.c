/*
 * Lookup of the embedded static files; the arrays themselves are
 * generated into the build directory from src/static/.
 */
#include <string.h>

#include "assets.h"

const struct asset *
assets_find(const char *name)
{
	unsigned i;

	for (i = 0; i < assets_count; i++)
		if (strcmp(assets[i].name, name) == 0)
			return &assets[i];
	return NULL;
}

const char *
assets_version(void)
{
	return assets_hash;
}

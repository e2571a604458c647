/*
 * The keys of a file being imported, in the temporary table import_key
 * of the connection: one row per key with the line it was first met on.
 */
#include <string.h>

#include "import_keys.h"
#include "store.h"

int
import_keys_open(struct store *st, struct import_keys *k)
{
	memset(k, 0, sizeof(*k));
	k->st = st;
	if (store_step_done(st, store_prepare(st, "CREATE TEMP TABLE IF NOT"
	    " EXISTS import_key (key TEXT PRIMARY KEY, line INTEGER NOT"
	    " NULL) WITHOUT ROWID")) == -1 ||
	    store_step_done(st, store_prepare(st, "DELETE FROM"
	    " temp.import_key")) == -1)
		return -1;
	k->add = store_prepare(st, "INSERT INTO temp.import_key (key, line)"
	    " VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING");
	k->find = store_prepare(st, "SELECT line FROM temp.import_key"
	    " WHERE key = ?1");
	return k->add != NULL && k->find != NULL ? 0 : -1;
}

int
import_keys_add(struct import_keys *k, const char *key, long line,
    long *first)
{
	int rc;

	sqlite3_reset(k->add);
	store_bind_text(k->add, 1, key);
	sqlite3_bind_int64(k->add, 2, line);
	if (sqlite3_step(k->add) != SQLITE_DONE)
		goto fail;
	if (sqlite3_changes(store_db(k->st)) > 0)
		return 0;
	sqlite3_reset(k->find);
	store_bind_text(k->find, 1, key);
	if ((rc = sqlite3_step(k->find)) != SQLITE_ROW)
		goto fail;
	*first = (long)sqlite3_column_int64(k->find, 0);
	sqlite3_reset(k->find);
	return 1;
fail:
	store_warn(k->st);
	return -1;
}

void
import_keys_close(struct import_keys *k)
{
	if (k->st == NULL)
		return;
	sqlite3_finalize(k->add);
	sqlite3_finalize(k->find);
	/* Free the table's pages now, not at the next file's. */
	if (k->add != NULL)
		store_step_done(k->st, store_prepare(k->st, "DELETE FROM"
		    " temp.import_key"));
	memset(k, 0, sizeof(*k));
}

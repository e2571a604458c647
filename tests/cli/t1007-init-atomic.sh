# kyniem init builds a new database in a temporary file beside it and puts
# it in place only once every calendar file is in: an init that fails (no
# calendar files, a bad row) leaves no database and no temporary file, so
# later commands and the server say there is no database; a good init
# creates it (mode 0644 less the umask, as SQLite makes files); an init
# over an existing database imports into it as before, and one that fails
# there keeps what it had.
. "$SRC/tests/lib.sh"
mkconf
db=$T/kyniem.db
TODAY=2024-06-01
# leftovers: the names beside the database (its temporary files too).
leftovers() { ls -a "$T" | grep '^kyniem\.db' || true; }

mkdir "$T/empty"
test_must_fail --status=1 K init --calendars "$T/empty" >"$T/out" 2>"$T/err"
expect_grep "no calendar files in '$T/empty'" "$T/err"
expect "no database after an init without calendar files" [ ! -e "$db" ]
expect "and nothing beside it ($(leftovers))" [ -z "$(leftovers)" ]
test_must_fail --status=1 K list >"$T/out" 2>"$T/err"
expect_grep "no database at '$db' (run 'kyniem init'" "$T/err"
# (Were there one, the server would serve it: timeout ends that.)
test_must_fail --status=1 timeout 20 "$KYNIEM" serve --listen \
    "127.0.0.1:$(free_port)" >"$T/out" 2>"$T/err"
expect_grep "no database at '$db'" "$T/err"

# A bad row in one file of many: nothing at all.
cp -r "$SRC/calendars" "$T/cal"
printf 'XX,1990-01-01,confirmed,s,\n' >>"$T/cal/relations.csv"
test_must_fail --status=1 K init --calendars "$T/cal" >"$T/out" 2>"$T/err"
expect_grep "relations.csv:[0-9]*: unknown country code 'XX'" "$T/err"
expect "no database after a bad row" [ ! -e "$db" ]
expect "and nothing beside it ($(leftovers))" [ -z "$(leftovers)" ]

# A good init creates it.
expect "init" sh -c 'umask 022 && exec "$@"' sh "$KYNIEM" init \
    --calendars "$SRC/calendars" >"$T/out"
expect_grep "^$db: [0-9]* rows from '$SRC/calendars', [0-9]* added" "$T/out"
expect "the database is mode 644 ($(stat -c %a "$db"))" \
    [ "$(stat -c %a "$db")" = 644 ]
expect "no temporary file ($(leftovers | tr '\n' ' '))" \
    [ -z "$(leftovers | grep -v '^kyniem\.db\(-wal\|-shm\)\?$')" ]
K list --kind relation --format csv >"$T/rel"
expect_grep '^relation:JP,' "$T/rel"

# Over an existing database: imports into it; a failing init keeps it.
K activity add --title "Gặp mặt" --start 2024-07-01 >/dev/null ||
    die "activity add failed"
test_must_fail --status=1 K init --calendars "$T/cal" >"$T/out" 2>"$T/err"
expect_grep "unknown country code 'XX'" "$T/err"
expect "the database is still there" [ -f "$db" ]
K activity list | cut -f2- >"$T/acts"
expect_grep '^2024-07-01	planned	.*Gặp mặt$' "$T/acts"
expect "init again" K init --calendars "$SRC/calendars" >"$T/out"
expect_grep ", 0 added or changed$" "$T/out"
K activity list | cut -f2- >"$T/acts"
expect_grep '^2024-07-01	planned	.*Gặp mặt$' "$T/acts"

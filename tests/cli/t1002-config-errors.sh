# Config: unknown keys and bad values are errors naming FILE:LINE; the
# database path comes from [database] path; --config beats KYNIEM_CONFIG.
. "$SRC/tests/lib.sh"
cat >"$T/bad.conf" <<EOC
[database]
path = $T/x.db
colour = blue

[server]
poll_seconds = soon
[general]
lang = fr
[milestones]
relation = round, tiny
[feed Bad Name]
title = x
EOC
test_must_fail --status=1 "$KYNIEM" --config "$T/bad.conf" list >"$T/out" \
    2>"$T/err"
cat >"$T/want" <<EOW
kyniem: $T/bad.conf:3: unknown key 'colour' in [database]
kyniem: $T/bad.conf:6: bad number for 'poll_seconds': soon
kyniem: $T/bad.conf:8: lang must be vi or en, not 'fr'
kyniem: $T/bad.conf:10: milestones must be a list of round, decade, jubilee (or none), not 'round, tiny'
kyniem: $T/bad.conf:12: feed name must be a-z 0-9 - _, not 'Bad Name'
EOW
expect_diff "$T/want" "$T/err"

printf '[database]\npath = %s/made-here.db\n' "$T" >"$T/good.conf"
expect "init with --config over KYNIEM_CONFIG" env \
    KYNIEM_CONFIG=/nonexistent "$KYNIEM" --config "$T/good.conf" init \
    --calendars "$SRC/calendars" >/dev/null
expect "init created the configured database" [ -s "$T/made-here.db" ]
expect "the database has the schema, WAL and the countries" "$PYTHON" -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute('pragma user_version').fetchone()[0] >= 1
assert db.execute('pragma journal_mode').fetchone()[0] == 'wal'
assert db.execute('select count(*) from countries').fetchone()[0] >= 195
" "$T/made-here.db"

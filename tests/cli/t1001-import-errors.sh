# kyniem import: bad rows are reported as FILE:LINE: reason, every bad row
# of a file in one run, nothing of that file is written, exit status 1;
# importing the same file twice changes nothing; a changed row is updated
# in place.
. "$SRC/tests/lib.sh"
initdb
"$KYNIEM" list --format csv >"$T/before"

cat >"$T/bad.csv" <<'EOC'
country,date,confidence,source,note
JP,1973-09-22,confirmed,changed,
XX,1973-09-21,confirmed,s,
SE,1969-02-31,confirmed,s,
SE,1969-01-11,confirmed,s
LA,1962-09-05,confirmed,s,,extra
EOC
printf 'KH,1967-06-24,confirmed,s\377,\n' >>"$T/bad.csv"
printf 'JP,1973-09-21,confirmed,s,\n' >>"$T/bad.csv"
test_must_fail --status=1 "$KYNIEM" import "$T/bad.csv" >"$T/out" 2>"$T/err"
cat >"$T/want" <<EOW
kyniem: $T/bad.csv:3: unknown country code 'XX'
kyniem: $T/bad.csv:4: date '1969-02-31': no such date (want YYYY-MM-DD)
kyniem: $T/bad.csv:5: 4 fields, expected 5 (country,date,confidence,source,note)
kyniem: $T/bad.csv:6: 6 fields, expected 5 (country,date,confidence,source,note)
kyniem: $T/bad.csv:7: invalid UTF-8
kyniem: $T/bad.csv:8: duplicate key 'relation:JP' (first on line 2)
kyniem: $T/bad.csv: 6 errors; nothing from this file was written
EOW
expect_diff "$T/want" "$T/err"
"$KYNIEM" list --format csv >"$T/after"
expect_diff "$T/before" "$T/after"

# A lunar day 30 in a 29-day month (lunar 1/2023 has 29 days).
cat >"$T/lunar.csv" <<'EOC'
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
x_death,local,lunar 01-30,2023,1,,X,X,,s
EOC
test_must_fail --status=1 "$KYNIEM" import "$T/lunar.csv" 2>"$T/lerr"
expect_grep "lunar.csv:2: lunar day 30 in a 29-day month" "$T/lerr"

# The same file twice: nothing changes; a changed row is updated in place.
"$KYNIEM" import "$SRC/calendars/relations.csv" >"$T/again"
expect_grep "0 added or changed" "$T/again"
sed 's/^JP,1973-09-21,confirmed,/JP,1973-09-21,confirmed,updated source; /' \
    "$SRC/calendars/relations.csv" >"$T/rel2.csv"
"$KYNIEM" import "$T/rel2.csv" >"$T/upd"
expect_grep "1 added or changed" "$T/upd"
"$KYNIEM" list --kind relation --format csv >"$T/rel"
expect "relation:JP once, not duplicated" \
    [ "$(grep -c '^relation:JP,' "$T/rel")" = 1 ]
"$KYNIEM" show relation:JP >"$T/show"
expect_grep "updated source" "$T/show"

# Usage errors exit 2; runtime errors 1.
test_must_fail_with --status=2 "usage: kyniem [--config PATH]" \
    "$KYNIEM" anniversaries
expect_grep ' anniversaries YEAR ' "$T/err"
test_must_fail_with --status=2 "--kind: unknown kind 'nope'" \
    "$KYNIEM" anniversaries 2023 --kind nope
test_must_fail --status=1 "$KYNIEM" import /nonexistent.csv 2>"$T/nf"
expect_grep "cannot read '/nonexistent.csv'" "$T/nf"

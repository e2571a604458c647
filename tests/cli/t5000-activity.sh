# kyniem activity add/list/show/edit/cancel, kyniem recipient
# add/list/remove, and activities imported from CSV and .ics: all or
# nothing with FILE:LINE errors, a second import changes nothing.
. "$SRC/tests/lib.sh"
initdb
known_owners an@example.org binh@example.org
TODAY=2023-07-01

id=$(K activity add --title 'Gặp mặt hữu nghị' --start 2023-11-09T09:00 \
    --end 2023-11-09T11:30 --location 'Hội trường' --owner an@example.org \
    --owner binh@example.org --remind 30d,7d --observance national-day:KH) ||
    die "activity add"
expect "the first id is 1 (got '$id')" [ "$id" = 1 ]
K activity show 1 >"$T/show"
expect_grep '^start       2023-11-09T09:00$' "$T/show"
expect_grep '^end         2023-11-09T11:30$' "$T/show"
expect_grep '^owners      an@example.org$' "$T/show"
expect_grep '^            binh@example.org$' "$T/show"
expect_grep '^status      planned$' "$T/show"
# Its occasion by title beside the key.
expect_grep '^observance  national-day:KH$' "$T/show"
expect_grep '^occasion    Kỷ niệm 70 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2023)$' "$T/show"
# Its UID carries the configured domain, like every UID kyniem makes.
expect_grep '^uid         kyniem-activity-[0-9a-f]\{24\}@kyniem.invalid$' "$T/show"

test_must_fail_with --status=1 \
    "start: must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time)" \
    K activity add --title X --start 2023-02-30
test_must_fail_with --status=1 "owners: 'an@localhost' is not an email address" \
    K activity add --title X --start 2023-02-01 --owner an@localhost
test_must_fail_with --status=1 \
    "remind: must be like 30d,7d,1d (w: weeks, d: days, h: hours), not 'soon'" \
    K activity add --title X --start 2023-02-01 --remind soon
test_must_fail_with --status=1 "observance: unknown observance key 'no:such'" \
    K activity add --title X --start 2023-02-01 --observance no:such
test_must_fail_with --status=1 \
    "start and end must both be dates or both have times" \
    K activity add --title X --start 2023-02-01T10:00 --end 2023-02-01
# A missing --title is a usage error.
test_must_fail_with --status=2 "activity add --title TEXT --start" \
    K activity add --start 2023-02-01

K activity edit 1 --location 'Nhà văn hóa' --status confirmed >"$T/out"
expect_grep '^1 changed$' "$T/out"
K activity edit 1 --location 'Nhà văn hóa' >"$T/out"
expect_grep '^1 unchanged$' "$T/out"
K activity cancel 1 >"$T/out"
expect_grep '^1 cancelled$' "$T/out"
K activity show 1 >"$T/show"
expect_grep '^status      cancelled$' "$T/show"
expect_grep '^location    Nhà văn hóa$' "$T/show"
expect_grep '^revision    3$' "$T/show"
test_must_fail --status=1 K activity show 99 2>"$T/err"
expect_grep "no activity with id 99" "$T/err"

# CSV: every bad row reported, nothing written.
test_must_fail --status=1 K import "$DATA/activities-bad.csv" >"$T/out" \
    2>"$T/err"
f="$DATA/activities-bad.csv"
cat >"$T/expected" <<EOC
kyniem: $f:2: title: a value is required
kyniem: $f:3: start: must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time), not '2023-02-31'
kyniem: $f:4: owners: 'an@localhost' is not an email address
kyniem: $f:5: remind: must be like 30d,7d,1d (w: weeks, d: days, h: hours), not '9x'
kyniem: $f:6: status: must be planned, confirmed, done or cancelled, not 'maybe'
kyniem: $f:7: observance: unknown observance key 'no:such'
kyniem: $f:8: end: must not be before the start
kyniem: $f:9: duplicate key 'a7' (first on line 8)
kyniem: $f:10: 3 fields, expected 11 (key,title,start,end,location,organiser,owners,remind,observance,status,notes)
kyniem: $f: 9 errors; nothing from this file was written
EOC
expect_diff "$T/expected" "$T/err"
K activity list >"$T/list"
expect "no row of the bad file written: one activity" \
    [ "$(wc -l <"$T/list")" -eq 1 ]

expect "CSV import" K import "$DATA/activities.csv" >"$T/out"
expect_grep '^2 rows read, 2 added or changed, 0 with errors$' "$T/out"
expect "CSV import again" K import "$DATA/activities.csv" >"$T/out"
expect_grep '^2 rows read, 0 added or changed, 0 with errors$' "$T/out"

# .ics: VEVENTs with their UID, times converted to Vietnam's time.
test_must_fail --status=1 K import --attendees-as-owners \
    "$DATA/activities-bad.ics" >"$T/out" 2>"$T/err"
f="$DATA/activities-bad.ics"
cat >"$T/expected" <<EOC
kyniem: $f:9: VEVENT without a UID
kyniem: $f:13: owners: 'nobody' is not an email address
kyniem: $f:19: duplicate UID 'ok-1'
kyniem: $f: 3 errors; nothing from this file was written
EOC
expect_diff "$T/expected" "$T/err"
expect_grep '^4 rows read, 0 added or changed, 3 with errors$' "$T/out"
expect ".ics import" K import "$DATA/activities.ics" >"$T/out"
expect_grep '^2 rows read, 2 added or changed, 0 with errors$' "$T/out"
expect ".ics import again" K import "$DATA/activities.ics" >"$T/out"
expect_grep '^2 rows read, 0 added or changed, 0 with errors$' "$T/out"
K activity list | cut -f2- >"$T/list"
cat >"$T/expected" <<'EOC'
2023-09-18	planned	internal	Triển lãm ảnh 50 năm quan hệ Việt Nam – Nhật Bản
2023-11-09T09:00	cancelled	internal	Gặp mặt hữu nghị
2023-11-09T09:00	confirmed	internal	Gặp mặt kỷ niệm 70 năm Quốc khánh Campuchia
2024-11-02T08:00	planned	internal	Giao lưu bóng chuyền sinh viên Lào – Campuchia
2024-12-01	cancelled	internal	Ngày hội văn hóa
EOC
expect_diff "$T/expected" "$T/list"
id=$(K activity list | grep 'Giao lưu' | cut -f1)
K activity show "$id" >"$T/show"
expect_grep '^end         2024-11-02T11:30$' "$T/show"
expect_grep '^location    Trường Bunpimay, Nha Trang$' "$T/show"
expect_grep '^organiser   Hội hữu nghị Việt – Lào$' "$T/show"
expect_grep '^remind      2d$' "$T/show"
# ATTENDEEs of an invitation are not owners (they would get reminders)
# unless the import asks for it.
grep -q '^owners' "$T/show" && fail "an ATTENDEE became an owner"
K import --attendees-as-owners "$DATA/activities.ics" >"$T/out" ||
    fail ".ics import with attendees"
K activity show "$id" >"$T/show"
expect_grep '^owners      an@example.org$' "$T/show"
id=$(K activity list | grep 'Ngày hội' | cut -f1)
K activity show "$id" >"$T/show"
expect_grep '^end         2024-12-02$' "$T/show"

# Recipients.
expect "recipient add binh" K recipient add --email binh@example.org \
    --name 'Trần Bình' --follow country:JP --follow kind:national-day
expect "recipient add carol" K recipient add --email carol@example.org \
    --name Carol --lang en
test_must_fail_with --status=1 "'x@y' is not an email address" \
    K recipient add --email 'x@y' --name X
test_must_fail_with --status=1 \
    "follows: not a valid follows list: 'kind:nope': unknown kind" \
    K recipient add --email x@example.org --name X --follow kind:nope
K recipient list >"$T/out"
printf 'an@example.org\tan\tvi\tnone\nbinh@example.org\tTrần Bình\tvi\tcountry:JP,kind:national-day\ncarol@example.org\tCarol\ten\tmilestones\n' >"$T/expected"
expect_diff "$T/expected" "$T/out"
expect "recipient remove" K recipient remove carol@example.org
test_must_fail_with --status=1 "no recipient 'carol@example.org'" \
    K recipient remove carol@example.org
K recipient list >"$T/out"
expect "two recipients left after the remove" [ "$(wc -l <"$T/out")" -eq 2 ]

# Every input's fields are one table: a refused value is "field:
# reason" (exit 1), all of them at once; sub-commands are a table too.
test_must_fail --status=1 K recipient add --email x@example.org --name X \
    --lang fr 2>"$T/err"
expect_grep "^kyniem: lang: must be vi or en, not 'fr'$" "$T/err"
test_must_fail --status=1 K recipient add --email 'x@y' --name ' ' \
    2>"$T/err"
expect_grep "^kyniem: email: 'x@y' is not an email address$" "$T/err"
expect_grep '^kyniem: name: needs at least one visible character' "$T/err"
test_must_fail --status=1 K user add u@example.org --name U --role boss \
    2>"$T/err"
expect_grep "^kyniem: role: must be admin, editor or viewer, not 'boss'$" \
    "$T/err"
test_must_fail --status=2 K user add u@example.org --name U 2>"$T/err"
expect_grep '^usage: kyniem .* user add EMAIL' "$T/err"
test_must_fail --status=2 K activity copy 1 2>"$T/err"
expect_grep "^kyniem: unknown activity command 'copy'$" "$T/err"
test_must_fail --status=2 K contact show 2>"$T/err"
expect_grep '^usage: kyniem .* contact list' "$T/err"
test_must_fail --status=2 K activity cancel 1 --status done 2>"$T/err"
expect_grep '^usage: kyniem .* activity add' "$T/err"
expect "activity add --help" K activity add --help 2>"$T/err"
expect_grep '^usage: kyniem .* activity add --title TEXT' "$T/err"
id=$(K activity list | grep 'Ngày hội' | cut -f1)
K activity edit "$id" --public >/dev/null
K activity show "$id" >"$T/show"
expect_grep '^public      yes$' "$T/show"
K activity edit "$id" --no-public >/dev/null
K activity show "$id" >"$T/show"
expect_grep '^public      no$' "$T/show"
exit 0

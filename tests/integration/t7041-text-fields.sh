# One validator for every input path (issue 21): a title of three spaces,
# of zero-width characters only, or holding a bidirectional override
# (U+202E) is refused on the web form (422, the reason on the field, in
# both languages), on the command line, in a CSV and in an .ics import
# (FILE:LINE, nothing written); notes, which are several lines, keep
# right-to-left marks.  A date outside [activities] first_year and
# last_year (9999-12-31) is refused on every path, naming the field and
# the years.  Names of recipients and accounts need a visible character
# too.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
web_users
start_server 2023-08-20
TODAY=2023-08-20
for w in admin editor; do
	[ "$(web_login $w)" = 303 ] || die "$w cannot log in"
done
ZW=$(printf '\342\200\213\342\200\213')	# two U+200B ZERO WIDTH SPACE
RLO=$(printf 'Hop mat \342\200\256gpj.exe')	# U+202E RIGHT-TO-LEFT OVERRIDE

# The web form.
expect "a title of three spaces is refused (422)" [ "$(web_post editor \
    /app/activities 'title=   ' start=2023-09-01)" = 422 ]
expect_grep 'id="e-title">Phải có ít nhất một chữ nhìn thấy được' \
    "$T/post.html"
expect_grep 'id="f-title" name="title"[^>]*aria-invalid="true"' "$T/post.html"
expect "a title of zero-width spaces is refused (422)" [ "$(web_post \
    editor /app/activities "title=$ZW" start=2023-09-01)" = 422 ]
expect_grep 'id="e-title">Phải có ít nhất một chữ nhìn thấy được' \
    "$T/post.html"
expect "a title with U+202E is refused (422)" [ "$(web_post editor \
    /app/activities "title=$RLO" start=2023-09-01)" = 422 ]
expect_grep 'id="e-title">Có ký tự điều khiển hướng chữ (như U+202E)' \
    "$T/post.html"
expect "a location with U+202E is refused (422)" [ "$(web_post editor \
    /app/activities title=Họp start=2023-09-01 "location=$RLO")" = 422 ]
expect_grep 'id="e-location">Có ký tự điều khiển hướng chữ' "$T/post.html"
expect "a start in 9999 is refused (422)" [ "$(web_post editor \
    /app/activities title=Họp start=9999-12-31)" = 422 ]
expect_grep 'id="e-start">Ngày bắt đầu phải trong các năm từ 1945 đến 2100.' \
    "$T/post.html"
expect "an end in 2101 is refused (422)" [ "$(web_post editor \
    /app/activities title=Họp start=2100-12-31 end=2101-01-01)" = 422 ]
expect_grep 'id="e-end">Ngày kết thúc phải trong các năm từ 1945 đến 2100.' \
    "$T/post.html"
web_get editor '/app/lang/en?next=%2Fapp%2F' "$T/lang.html" >/dev/null
web_post editor /app/activities 'title=   ' start=2023-09-01 >/dev/null
expect_grep 'id="e-title">Needs at least one visible character' "$T/post.html"
web_post editor /app/activities title=X start=9999-12-31 >/dev/null
expect_grep 'id="e-start">Must be within the years 1945 to 2100' \
    "$T/post.html"
web_get editor '/app/lang/vi?next=%2Fapp%2F' "$T/lang.html" >/dev/null
expect "nothing was saved" [ -z "$(K activity list)" ]
# Notes are several lines: a right-to-left mark stays.
expect "notes keep an RLO (303)" [ "$(web_post editor /app/activities \
    title=Họp start=2023-09-01 "notes=$RLO")" = 303 ]

# Names of recipients and accounts.
expect "a recipient named with spaces is refused (422)" [ "$(web_post \
    admin /app/recipients email=r@example.org 'name=   ' lang=vi \
    follows=milestones)" = 422 ]
expect_grep 'Phải có ít nhất một chữ nhìn thấy được' "$T/post.html"
expect "an account named with zero-width spaces is refused (422)" \
    [ "$(web_post admin /app/users email=u@example.org "name=$ZW" \
    role=viewer)" = 422 ]
expect_grep 'Phải có ít nhất một chữ nhìn thấy được' "$T/post.html"

# The command line.
test_must_fail --status=1 K activity add --title '   ' --start 2023-09-01 \
    2>"$T/err"
expect_grep '^kyniem: title: needs at least one visible character (not only spaces or invisible characters)$' \
    "$T/err"
test_must_fail --status=1 K activity add --title "$RLO" \
    --start 2023-09-01 2>"$T/err"
expect_grep '^kyniem: title: contains a bidirectional control character (such as U+202E), which makes the text show other than it is$' \
    "$T/err"
test_must_fail --status=1 K activity add --title Họp --start 9999-12-31 \
    2>"$T/err"
expect_grep '^kyniem: start: must be within the years 1945 to 2100 (\[activities\] first_year, last_year), not 9999-12-31$' \
    "$T/err"
test_must_fail --status=1 K recipient add --email r@example.org \
    --name "$ZW" 2>"$T/err"
expect_grep '^kyniem: name: needs at least one visible character' "$T/err"

# A CSV: every line named, nothing written.
{
	echo 'key,title,start,end,location,organiser,owners,remind,observance,status,notes'
	echo 'ok-1,Họp,2023-09-02,,,,,,,,'
	echo 'sp-1,   ,2023-09-03,,,,,,,,'
	echo "zw-1,$ZW,2023-09-03,,,,,,,,"
	echo "rl-1,$RLO,2023-09-03,,,,,,,,"
	echo 'yr-1,Họp,9999-12-31,,,,,,,,'
} >"$T/acts.csv"
test_must_fail --status=1 K import "$T/acts.csv" 2>"$T/err"
f="$T/acts.csv"
cat >"$T/expected" <<EOC
kyniem: $f:3: title: needs at least one visible character (not only spaces or invisible characters)
kyniem: $f:4: title: needs at least one visible character (not only spaces or invisible characters)
kyniem: $f:5: title: contains a bidirectional control character (such as U+202E), which makes the text show other than it is
kyniem: $f:6: start: must be within the years 1945 to 2100 ([activities] first_year, last_year), not 9999-12-31
kyniem: $f: 4 errors; nothing from this file was written
EOC
expect_diff "$T/expected" "$T/err"
# An .ics file.
cat >"$T/ev.ics" <<EOC
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:ev-1@test
DTSTAMP:20230801T000000Z
DTSTART;VALUE=DATE:20230905
SUMMARY:$RLO
END:VEVENT
BEGIN:VEVENT
UID:ev-2@test
DTSTAMP:20230801T000000Z
DTSTART;VALUE=DATE:22000101
SUMMARY:Hội thảo
END:VEVENT
END:VCALENDAR
EOC
test_must_fail --status=1 K import "$T/ev.ics" 2>"$T/err"
expect_grep 'ev.ics:4: title: contains a bidirectional control character' \
    "$T/err"
expect_grep 'ev.ics:10: start: must be within the years 1945 to 2100 (\[activities\] first_year, last_year), not 2200-01-01' \
    "$T/err"
expect "one activity, the one with notes" [ "$(K activity list | wc -l)" -eq 1 ]
expect_clean_stop

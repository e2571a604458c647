# Recurring events of an .ics file (RRULE, RDATE, EXDATE, RECURRENCE-ID
# overrides, COUNT and UNTIL, all-day and timed, TZIDs with and without
# daylight saving, floating times), as Google Calendar, Outlook and
# Thunderbird write them, import as one activity per occurrence within the
# activities feed's window: the occurrences, starts and ends (in Vietnam's
# time) that ical.js, Thunderbird's parser, expands.  Importing again
# changes nothing; a series kyniem cannot expand faithfully is refused by
# its line and event, and nothing of the file is written; an override
# whose event is not in the file stands alone until the event comes.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/nodelib.sh"
initdb
TODAY=2024-03-01
FROM=2023-03-02 TO=2029-02-28	# a year back, five ahead (the feed's)
# acts: every activity as START<TAB>END<TAB>STATUS<TAB>TITLE, sorted.
acts() {
	K activity list --csv | "$PYTHON" -c 'import csv, sys
for r in csv.DictReader(sys.stdin):
    print("\t".join((r["start"], r["end"], r["status"], r["title"])))' |
	    LC_ALL=C sort
}

g=$DATA/recurring-google.ics o=$DATA/recurring-outlook.ics
t=$DATA/recurring-thunderbird.ics
expect "Google's file imports" K import "$g" >"$T/out"
cat >"$T/want" <<EOW
4 rows read, 17 added or changed, 0 with errors
2 recurring events: 16 occurrences from $FROM to $TO, each an activity
EOW
expect_diff "$T/want" "$T/out"
expect "Outlook's file imports" K import "$o" >"$T/out"
expect_grep '^3 rows read, 10 added or changed, 0 with errors$' "$T/out"
expect "Thunderbird's file imports" K import "$t" >"$T/out"
expect_grep '^4 rows read, 15 added or changed, 0 with errors$' "$T/out"
acts >"$T/acts"
expect "42 activities" [ "$(wc -l <"$T/acts")" -eq 42 ]
# Europe/Berlin goes to summer time on 31/3: 10:00 there is 16:00, then
# 15:00 here; the 19th is cancelled by its override, the 2nd of April by
# an EXDATE in UTC, the 21st of March added by an RDATE.
grep 'Hội hữu nghị Đức – Việt$' "$T/acts" | cut -f1,3 >"$T/berlin"
cat >"$T/want" <<'EOW'
2024-03-05T16:00	planned
2024-03-12T16:00	planned
2024-03-19T16:00	cancelled
2024-03-21T16:00	planned
2024-03-26T16:00	planned
2024-04-09T15:00	planned
2024-04-16T15:00	planned
EOW
expect_diff "$T/want" "$T/berlin"
expect_grep '^2024-01-16T14:00	2024-01-16T15:00	confirmed	Giao ban tuần (chiều thứ Ba)$' "$T/acts"
expect_no_grep '^2024-02-12' "$T/acts"
expect_grep '^2024-09-01	2024-09-02	planned	Ngày hội văn hóa Việt – Đức$' "$T/acts"
expect_grep '^2024-04-15T08:00	2024-04-15T09:30	planned	Lớp tiếng Việt' "$T/acts"
K activity list --csv | cut -d, -f1 | grep '^3b2a' | LC_ALL=C sort | head -2 \
    >"$T/keys"
cat >"$T/want" <<'EOW'
3b2a9f0c1de84c6b8f1a2e3d4c5b6a79@google.com/20240108T020000Z
3b2a9f0c1de84c6b8f1a2e3d4c5b6a79@google.com/20240115T020000Z
EOW
expect_diff "$T/want" "$T/keys"

# Again: the same keys, nothing changes.
for f in "$g" "$o" "$t"; do
	K import "$f" >"$T/again" || fail "import $f again failed"
	expect_grep ' 0 added or changed, 0 with errors$' "$T/again"
done
acts >"$T/acts2"
expect_diff "$T/acts" "$T/acts2"

# Series that cannot be expanded faithfully: refused, each by its event.
ev() { printf 'BEGIN:VEVENT\r\nUID:%s\r\nSUMMARY:%s\r\n%s\r\nEND:VEVENT\r\n' \
    "$1" "$2" "$3"; }
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kyniem tests//EN\r\n'
	ev h1 "Trực ban" 'DTSTART:20240301T020000Z
RRULE:FREQ=HOURLY;COUNT=5'
	ev d1 "Điểm danh" 'DTSTART;VALUE=DATE:20240301
RRULE:FREQ=DAILY'
	ev t1 "Dời lịch" 'DTSTART:20240305T020000Z
RECURRENCE-ID;RANGE=THISANDFUTURE:20240304T020000Z'
	ev z1 "Múi giờ lạ" 'DTSTART;TZID=Mars/Olympus:20240305T090000'
	ev x1 "Exrule" 'DTSTART:20240305T020000Z
RRULE:FREQ=WEEKLY;COUNT=4
EXRULE:FREQ=WEEKLY;COUNT=2'
	ev p1 "Khoảng" 'DTSTART:20240305T020000Z
RDATE;VALUE=PERIOD:20240310T020000Z/PT1H'
	ev o1 "Họp" 'DTSTART:20240305T020000Z
RRULE:FREQ=WEEKLY;COUNT=3'
	ev o1 "Họp (A)" 'DTSTART:20240312T030000Z
RECURRENCE-ID:20240312T020000Z'
	ev o1 "Họp (B)" 'DTSTART:20240312T040000Z
RECURRENCE-ID:20240312T020000Z'
	ev ok "Hợp lệ" 'DTSTART;VALUE=DATE:20240601'
	printf 'END:VCALENDAR\r\n'
} >"$T/bad.ics"
test_must_fail --status=1 K import "$T/bad.ics" >"$T/out" 2>"$T/err"
f=$T/bad.ics
cat >"$T/want" <<EOW
kyniem: $f:4: recurring event 'Trực ban': it repeats more often than daily (FREQ=HOURLY): kyniem plans activities, not hours
kyniem: $f:10: recurring event 'Điểm danh': more than 1000 occurrences from $FROM to $TO: give it an end (UNTIL or COUNT)
kyniem: $f:22: TZID 'Mars/Olympus' of DTSTART is neither a VTIMEZONE of the file nor a time zone libical knows
kyniem: $f:27: recurring event 'Exrule': EXRULE is not supported (RFC 5545 dropped it)
kyniem: $f:34: recurring event 'Khoảng': an RDATE is a period or cannot be read: kyniem reads dates and times
kyniem: $f:52: a second VEVENT for the occurrence 20240312T020000Z of UID 'o1' (first on line 46)
kyniem: $f:16: RECURRENCE-ID;RANGE=THISANDFUTURE (this and the later occurrences) is not supported
kyniem: $f: 7 errors; nothing from this file was written
EOW
expect_diff "$T/want" "$T/err"
acts >"$T/acts3"
expect_diff "$T/acts" "$T/acts3"

# An override alone: the occurrence it names, moved; when its event comes,
# the event's own occurrence of that day replaces it (the last import wins).
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kyniem tests//EN\r\n'
	ev lone "Gặp đối tác (dời)" 'DTSTART:20240312T030000Z
RECURRENCE-ID:20240312T020000Z'
	printf 'END:VCALENDAR\r\n'
} >"$T/lone.ics"
expect "an override alone imports" K import "$T/lone.ics" >"$T/out"
expect_grep '^1 rows read, 1 added or changed, 0 with errors$' "$T/out"
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kyniem tests//EN\r\n'
	ev lone "Gặp đối tác" 'DTSTART:20240305T020000Z
RRULE:FREQ=WEEKLY;COUNT=3'
	printf 'END:VCALENDAR\r\n'
} >"$T/series.ics"
expect "its series imports" K import "$T/series.ics" >"$T/out"
expect_grep '^1 rows read, 3 added or changed, 0 with errors$' "$T/out"
acts | grep 'Gặp đối tác' | cut -f1 >"$T/lone"
printf '2024-03-05T09:00\n2024-03-12T09:00\n2024-03-19T09:00\n' >"$T/want"
expect_diff "$T/want" "$T/lone"

# ical.js expands the three files to the same activities.
need_node_modules ical.js/dist/ical.js
"$NODE" "$SRC/tests/integration/icaljs-expand.mjs" "$NODE_DIR" "$FROM" "$TO" \
    "$g" "$o" "$t" >"$T/icaljs.raw" || die "ical.js cannot read the files"
LC_ALL=C sort "$T/icaljs.raw" >"$T/icaljs"
expect "ical.js expands the files to 42 occurrences" \
    [ "$(wc -l <"$T/icaljs")" -eq 42 ]
expect_diff "$T/icaljs" "$T/acts"

# kyniem import of .ics files with very long lines: a 7 MB SUMMARY on one
# line, or folded over 100,000 lines, is refused by the line it starts on
# and the reason, and nothing of the file is written; the events after it
# keep their own line numbers; a 7 MB inline attachment (ATTACH, which
# kyniem does not keep) is skipped and its event imported; a file that is
# one 7 MB line is not a calendar; a line of invalid UTF-8 is named.  How
# fast: bench/import.sh (linear in the line's length).
. "$SRC/tests/lib.sh"
initdb
TODAY=2024-06-01
big=$((7 * 1024 * 1024))
# ics FILE TEXT-OF-LINE-7: a calendar of two events, the first with
# TEXT as its line 7 (CRLF line ends), the second without a UID.
ics() {
	{
		printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'
		printf 'PRODID:-//kyniem tests//EN\r\nBEGIN:VEVENT\r\n'
		printf 'UID:long-1@example.org\r\nDTSTART;VALUE=DATE:20241201\r\n'
		cat
		printf '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:no uid\r\n'
		printf 'DTSTART;VALUE=DATE:20241202\r\nEND:VEVENT\r\n'
		printf 'END:VCALENDAR\r\n'
	} >"$1"
}
K activity list >"$T/before"

# One physical line of 7 MB.
{ printf 'SUMMARY:'; head -c $big /dev/zero | tr '\0' a; } | ics "$T/one.ics"
test_must_fail --status=1 K import "$T/one.ics" >"$T/out" 2>"$T/err"
cat >"$T/want" <<EOW
kyniem: $T/one.ics:7: the SUMMARY line is longer than 1048576 bytes
kyniem: $T/one.ics: 1 error; nothing from this file was written
EOW
expect_diff "$T/want" "$T/err"

# The same folded at 75 octets: 100,000 physical lines and more.  The
# event after it is reported at its own line.
{ printf 'SUMMARY:'; head -c $big /dev/zero | tr '\0' a; } |
    fold -b -w 70 | sed '2,$s/^/ /' | sed 's/$/\r/' | head -c -2 |
    ics "$T/folded.ics"
n=$(wc -l <"$T/folded.ics")
cat >"$T/want" <<EOW
kyniem: $T/folded.ics:7: the SUMMARY line is longer than 1048576 bytes
kyniem: $T/folded.ics: 1 error; nothing from this file was written
EOW
test_must_fail --status=1 K import "$T/folded.ics" >"$T/out" 2>"$T/err"
expect_diff "$T/want" "$T/err"
expect "the folded file has over 100,000 lines ($n)" [ "$n" -gt 100000 ]
# With a short title the second event's missing UID is found at its line.
{ printf 'SUMMARY:ok\r\nX-FOLDED:'; head -c 100000 /dev/zero | tr '\0' b; } |
    fold -b -w 70 | sed '2,$s/^/ /' | sed 's/$/\r/' | head -c -2 |
    ics "$T/folded2.ics"
uidline=$(($(grep -n '^SUMMARY:no uid' "$T/folded2.ics" | cut -d: -f1) - 1))
test_must_fail --status=1 K import "$T/folded2.ics" >"$T/out" 2>"$T/err"
expect_grep "^kyniem: $T/folded2.ics:$uidline: VEVENT without a UID\$" "$T/err"

# An inline attachment of 7 MB: skipped, the event imported.
{ printf 'SUMMARY:Triển lãm ảnh\r\nATTACH;ENCODING=BASE64;VALUE=BINARY:'
  head -c $big /dev/zero | tr '\0' Q; } | ics "$T/attach.ics"
sed -i '/^BEGIN:VEVENT\r$/{n;/^SUMMARY:no uid/i UID:second@example.org\r
}' "$T/attach.ics"
expect "an event with a 7 MB attachment imports" K import "$T/attach.ics" \
    >"$T/out" 2>"$T/err"
expect_grep '^2 rows read, 2 added or changed, 0 with errors$' "$T/out"
K activity list | cut -f2- >"$T/list"
expect_grep '^2024-12-01	planned	.*Triển lãm ảnh$' "$T/list"

# A file that is one 7 MB line: not a calendar, said of line 1.
{ printf 'BEGIN:VCALENDAR'; head -c $big /dev/zero | tr '\0' x; } >"$T/flat.ics"
test_must_fail --status=1 K import "$T/flat.ics" >"$T/out" 2>"$T/err"
expect_grep "^kyniem: $T/flat.ics:1: " "$T/err"

# Invalid UTF-8 on one line: that line.
printf 'SUMMARY:caf\351' | ics "$T/latin1.ics"
test_must_fail --status=1 K import "$T/latin1.ics" >"$T/out" 2>"$T/err"
expect_grep "^kyniem: $T/latin1.ics:7: invalid UTF-8\$" "$T/err"

# Every built-in feed and some country feeds, as `kyniem export` writes
# them: RFC 5545 octets (CRLF, 75-octet folds, UTF-8 kept whole), parsed by
# python3-icalendar and by ical.js with the number of events the engine
# computes, the Japan 50th anniversary as an all-day event, stable bytes,
# and every feed under 1 MB.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/feedlib.sh"

TODAY=2023-06-15
initdb
"$KYNIEM" activity add --title "Giao lưu bóng chuyền, Bunpimay" \
    --start 2023-07-01T09:00 --end 2023-07-01T11:30 \
    --location "Nhà thi đấu; Nha Trang" --owner a@example.org >/dev/null ||
    die "activity add failed"
"$KYNIEM" --today $TODAY export --out "$T/site" >"$T/export.out" ||
    die "export failed"

feed() {	# feed NAME EXPECTED
	if [ -f "$T/site/calendars/$1.ics" ]; then
		check_feed "$T/site/calendars/$1.ics" "$1.ics" "$2"
	else
		fail "no feed $1"
	fi
}

feed all "$(engine_count $TODAY --window 180 1095)"
feed milestones "$(engine_count $TODAY --milestones)"
feed national-days "$(engine_count $TODAY --kind national-day)"
feed lunar-festivals "$(engine_count $TODAY --kind festival)"
feed activities 1
for cc in JP KH LA SE; do
	feed "country/$cc" "$(engine_count $TODAY --country $cc)"
done
n=$(ls "$T/site/calendars/country" | wc -l)
expect "a feed per country: $n" [ "$n" -gt 150 ]
# The largest feed of all, built-in or per country, is under 1 MB.
find "$T/site/calendars" -name '*.ics' >"$T/feeds"
find "$T/site/calendars" -name '*.ics' -size +976k >"$T/big"
expect "feeds exported: $(wc -l <"$T/feeds")" [ -s "$T/feeds" ]
expect "no feed over 1 MB: $(tr '\n' ' ' <"$T/big")" [ ! -s "$T/big" ]

# Japan: the 50th anniversary on 2023-09-21, all day, stable UID.
expect "Japan's 50th: all day on 2023-09-21, stable UID" \
    "$PYTHON" - "$T/site/calendars/country/JP.ics" <<'PY'
import datetime, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = [e for e in cal.walk("VEVENT") if "50 năm" in str(e["SUMMARY"])
      and "ngoại giao" in str(e["SUMMARY"])]
assert len(ev) == 1, ev
e = ev[0]
assert e["DTSTART"].params.get("VALUE") == "DATE"
assert e["DTSTART"].dt == datetime.date(2023, 9, 21), e["DTSTART"].dt
assert e["DTEND"].dt == datetime.date(2023, 9, 22)
assert str(e["UID"]).endswith("-2023@kyniem.invalid"), e["UID"]
assert str(e["TRANSP"]) == "TRANSPARENT"
assert "jubilee" in e["CATEGORIES"].to_ical().decode()
assert "Nhật Bản" in str(e["SUMMARY"]) and "(21/9/1973 – 21/9/2023)" in str(e["SUMMARY"])
print("JP 50th:", e["UID"], e["DTSTART"].dt)
PY
# The activity is a timed event in Asia/Ho_Chi_Minh with its VTIMEZONE.
expect_grep 'DTSTART;TZID=Asia/Ho_Chi_Minh:20230701T090000' \
    "$T/site/calendars/activities.ics"
expect_grep 'BEGIN:VTIMEZONE' "$T/site/calendars/activities.ics"

# `kyniem feed` writes the same bytes; a second run too (stable UIDs,
# DTSTAMPs from the rows, not the clock).
expect "kyniem feed country/JP" \
    "$KYNIEM" --today $TODAY feed country/JP >"$T/jp1.ics"
expect "feed and export give the same bytes" \
    cmp "$T/jp1.ics" "$T/site/calendars/country/JP.ics"
expect "kyniem feed all.ics" "$KYNIEM" --today $TODAY feed all.ics >"$T/all2.ics"
expect "a rebuild gives the same bytes" \
    cmp "$T/all2.ics" "$T/site/calendars/all.ics"
test_must_fail --status=1 "$KYNIEM" feed nosuch 2>"$T/err"
expect_grep "no feed 'nosuch'" "$T/err"

# An English feed from config, with an alarm.
cat >>"$T/kyniem.conf" <<EOC
[feed en-jp]
title = Japan, in English
countries = JP
lang = en
alarm_minutes = 1440
EOC
expect "kyniem feed en-jp" "$KYNIEM" --today $TODAY feed en-jp >"$T/en.ics"
expect "the en-jp feed is good iCalendar" \
    "$PYTHON" "$SRC/tests/integration/icscheck.py" "$T/en.ics" >/dev/null
expect_grep '50th anniversary of' "$T/en.ics"
expect_grep 'TRIGGER:-P1D' "$T/en.ics"
echo ok

# An activity is internal unless marked public.  As served, the public
# activities feed (and its English twin) holds exactly the public
# activities, and of them only the title, the date and the place: no
# notes, organiser, occasion, owners, partners, participants, result nor
# any X-KYNIEM- property.  A feed with a token holds every activity with
# all of it, and imports back into another database with the public
# flags.  Both feeds are read by python3-icalendar and ical.js.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/feedlib.sh"
. "$SRC/tests/integration/serverlib.sh"

TODAY=2023-06-15
TOKEN=st4ff-only-activities-77
initdb
known_owners canbo1@example.org canbo2@example.org
cat >>"$T/kyniem.conf" <<EOC
[feed staff]
title = Hoạt động (nội bộ)
activities = yes
token = $TOKEN
EOC

# Every private field filled in, on a public and an internal activity.
ID1=$(K activity add --public --title 'Giao lưu văn hóa Việt – Lào' \
    --start 2023-07-01T09:00 --end 2023-07-01T11:30 \
    --location 'Nhà văn hóa Nha Trang' --status done \
    --organiser 'Đơn vị kín 1' --notes 'Ghi chú nội bộ 1' \
    --partner 'Đối tác kín 1' --participants 41 --result 'Kết quả kín 1' \
    --category annual --country LA --observance national-day:LA \
    --owner canbo1@example.org) || die "activity add (public)"
ID2=$(K activity add --title 'Gặp mặt kín Zeta' --start 2023-08-02 \
    --location 'Phòng họp kín' --organiser 'Đơn vị kín 2' \
    --notes 'Ghi chú nội bộ 2' --partner 'Đối tác kín 2' \
    --participants 42 --result 'Kết quả kín 2' --category annual \
    --country LA --observance national-day:LA --owner canbo2@example.org) ||
    die "activity add (internal)"
# Public once, internal again.
ID3=$(K activity add --public --title 'Hội thảo đã rút lại' \
    --start 2023-09-03) || die "activity add (withdrawn)"
K activity edit "$ID3" --no-public >/dev/null || die "activity edit --no-public"
ID4=$(K activity add --public --title 'Ngày hội hữu nghị' \
    --start 2024-01-20 --location 'Quảng trường 2/4') ||
    die "activity add (second public)"

# What the command line shows of it.
K activity show "$ID1" >"$T/show1"
K activity show "$ID2" >"$T/show2"
K activity show "$ID3" >"$T/show3"
expect_grep '^public      yes$' "$T/show1"
expect_grep '^public      no$' "$T/show2"
expect_grep '^public      no$' "$T/show3"
K activity list | cut -f4- >"$T/list"
expect_diff - "$T/list" <<'EOC'
public	Giao lưu văn hóa Việt – Lào
internal	Gặp mặt kín Zeta
internal	Hội thảo đã rút lại
public	Ngày hội hữu nghị
EOC
K activity list --csv | cut -d, -f1 --complement >"$T/csv"
expect_grep '^title,.*,partner,participants,result,member,amount,currency,budget,report_text,public' "$T/csv"
expect_grep '^Giao lưu văn hóa Việt – Lào,.*,Kết quả kín 1,,,,,,yes' "$T/csv"
expect_grep '^Gặp mặt kín Zeta,.*,Kết quả kín 2,,,,,,no' "$T/csv"

start_server $TODAY
expect "GET /calendars/activities.ics: 200" [ "$(fetch \
    "$BASE/calendars/activities.ics" "$T/activities.ics")" = 200 ]
expect "GET /en/calendars/activities.ics: 200" [ "$(fetch \
    "$BASE/en/calendars/activities.ics" "$T/en-activities.ics")" = 200 ]
for p in calendars en/calendars; do
	u="$BASE/$p/staff.ics"
	f="$T/$(echo "$p" | sed 's|calendars||; s|/$|-|')staff.ics"
	expect "GET /$p/staff.ics without the token: 404" [ "$(code "$u")" = 404 ]
	expect "GET /$p/staff.ics with a wrong token: 404" \
	    [ "$(code "$u?token=st4ff")" = 404 ]
	expect "GET /$p/staff.ics with the token: 200" \
	    [ "$(fetch "$u?token=$TOKEN" "$f")" = 200 ]
done
{
	printf '%s\tactivities.ics\t2\n' "$T/activities.ics"
	printf '%s\ten/activities.ics\t2\n' "$T/en-activities.ics"
	printf '%s\tstaff.ics\t4\n' "$T/staff.ics"
	printf '%s\ten/staff.ics\t4\n' "$T/en-staff.ics"
} >"$T/feeds.tsv"
check_feeds "$T/feeds.tsv"

# The public feeds: exactly the public titles, and of each event only
# what says what, when and where (and the calendar's own properties).
for f in activities en-activities; do
	expect "$f.ics: only the public activities, only title, date and place" \
	    "$PYTHON" - "$T/$f.ics" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
evs = cal.walk("VEVENT")
titles = sorted(str(e["SUMMARY"]) for e in evs)
assert titles == ["Giao lưu văn hóa Việt – Lào", "Ngày hội hữu nghị"], titles
allowed = {"UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY",
           "DTSTART", "DTEND", "LOCATION", "STATUS", "TRANSP",
           "CATEGORIES", "ORGANIZER"}
for e in evs:
    names = set(e.keys())
    assert names <= allowed, sorted(names - allowed)
    # In words, and only "activity": the report's category is the
    # union's own business.
    want = ["Activity"] if "en-" in sys.argv[1] else ["Hoạt động"]
    assert e["CATEGORIES"].cats == want, e["CATEGORIES"].cats
    # No [organisation] email: no ORGANIZER at all.
    assert "ORGANIZER" not in e, e["ORGANIZER"]
    assert not e.subcomponents, e.subcomponents
e = [e for e in evs if str(e["SUMMARY"]).startswith("Giao")][0]
assert str(e["LOCATION"]) == "Nhà văn hóa Nha Trang", e["LOCATION"]
assert e["DTSTART"].dt.isoformat() == "2023-07-01T09:00:00+07:00", e["DTSTART"].dt
assert e["DTEND"].dt.isoformat() == "2023-07-01T11:30:00+07:00", e["DTEND"].dt
print("public events:", titles)
PY
	unfold "$T/$f.ics" >"$T/$f.txt"
	for w in 'kín' 'Zeta' 'nội bộ' 'canbo' 'X-KYNIEM' 'Organiser' 'tổ chức' \
	    'annual' 'national-day' 'Occasion' 'Dịp' 'rút lại'; do
		expect_no_grep "$w" "$T/$f.txt"
	done
done

# The feeds with the token: every activity, with all of it.
expect "staff.ics: every activity with its record and public flag" \
    "$PYTHON" - "$T/staff.ics" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
evs = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
assert sorted(evs) == sorted(["Giao lưu văn hóa Việt – Lào",
    "Gặp mặt kín Zeta", "Hội thảo đã rút lại", "Ngày hội hữu nghị"]), evs
for n, title in ((1, "Giao lưu văn hóa Việt – Lào"), (2, "Gặp mặt kín Zeta")):
    e = evs[title]
    d = str(e["DESCRIPTION"])
    assert f"Đơn vị tổ chức: Đơn vị kín {n}" in d, d
    assert "Dịp: Kỷ niệm 48 năm Quốc khánh" in d, d
    assert f"Ghi chú nội bộ {n}" in d, d
    assert str(e["X-KYNIEM-PARTNER"]) == f"Đối tác kín {n}"
    assert str(e["X-KYNIEM-PARTICIPANTS"]) == f"4{n}"
    assert str(e["X-KYNIEM-RESULT"]) == f"Kết quả kín {n}"
    assert str(e["X-KYNIEM-COUNTRIES"]) == "LA"
    assert str(e["X-KYNIEM-CATEGORY"]) == "annual"
flags = {t: str(e["X-KYNIEM-PUBLIC"]) for t, e in evs.items()}
assert flags == {"Giao lưu văn hóa Việt – Lào": "yes",
    "Gặp mặt kín Zeta": "no", "Hội thảo đã rút lại": "no",
    "Ngày hội hữu nghị": "yes"}, flags
print("staff events:", sorted(evs))
PY
unfold "$T/en-staff.ics" >"$T/en-staff.txt"
expect_grep '^DESCRIPTION:Organiser: Đơn vị kín 2\\nOccasion: ' "$T/en-staff.txt"
expect_grep '^X-KYNIEM-RESULT:Kết quả kín 2$' "$T/en-staff.txt"
# The index page lists the public feed only.
fetch "$BASE/" "$T/index.html" >/dev/null
expect_grep 'calendars/activities.ics' "$T/index.html"
expect_no_grep 'staff\|Zeta\|kín' "$T/index.html"
expect_clean_stop

# The token feed imports into another database with the public flags.
mv "$T/kyniem.db" "$T/first.db"
initdb
known_owners canbo1@example.org canbo2@example.org
expect "the token feed imports" K import "$T/staff.ics"
K activity list | cut -f4- >"$T/list2"
expect_diff "$T/list" "$T/list2"
# A bad flag is refused by line; an .ics that does not say (another
# calendar's CLASS:PUBLIC says nothing of the union's choice) keeps the
# stored flag, and makes a new activity internal.
cat >"$T/bad.ics" <<'EOC'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:other-2@example.org
DTSTAMP:20230101T000000Z
DTSTART;VALUE=DATE:20230911
SUMMARY:Sai cờ
X-KYNIEM-PUBLIC:maybe
END:VEVENT
END:VCALENDAR
EOC
test_must_fail --status=1 K import "$T/bad.ics" 2>"$T/err"
expect_grep "bad.ics:[0-9]*: X-KYNIEM-PUBLIC must be yes or no, not 'maybe'" \
    "$T/err"
cat >"$T/outlook.ics" <<'EOC'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:other-1@example.org
DTSTAMP:20230101T000000Z
DTSTART;VALUE=DATE:20230910
SUMMARY:Sự kiện từ Outlook
CLASS:PUBLIC
END:VEVENT
END:VCALENDAR
EOC
expect "an Outlook-like event imports" K import "$T/outlook.ics"
K activity list >"$T/list3"
expect_grep '	internal	Sự kiện từ Outlook$' "$T/list3"
grep -v 'X-KYNIEM-PUBLIC' "$T/staff.ics" >"$T/noflag.ics"
expect "the feed without its flags imports" K import "$T/noflag.ics"
K activity list | cut -f4- >"$T/list4"
expect_grep '^public	Giao lưu văn hóa Việt – Lào$' "$T/list4"
exit 0

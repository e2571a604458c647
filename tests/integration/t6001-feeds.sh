# Every built-in feed and some country feeds, as `kyniem export` writes
# them, in their language and in English under en/calendars/: RFC 5545
# octets (CRLF, 75-octet folds, UTF-8 kept whole), parsed by
# python3-icalendar and by ical.js with the number of events the engine
# computes, the Japan 50th anniversary as an all-day event with a short
# SUMMARY and the reports' title in DESCRIPTION, categories in words (no
# code), no ORGANIZER without the union's address (nor a METHOD), Vietnam's
# own occasions led by the occasion, stable bytes, every feed under 1 MB (also with every row still
# undated given a day: the windows leave room), rows known to the month
# only when a feed asks, an empty feed that still parses, feed --check.
# The activities are marked public: the others are in no public feed.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/feedlib.sh"

TODAY=2023-06-15
initdb
known_owners a@example.org
"$KYNIEM" activity add --public --title "Giao lưu bóng chuyền, Bunpimay" \
    --start 2023-07-01T09:00 --end 2023-07-01T11:30 \
    --location "Nhà thi đấu; Nha Trang" --owner a@example.org >/dev/null ||
    die "activity add failed"
"$KYNIEM" activity add --public --title "Gặp mặt nhân Quốc khánh Lào" \
    --start 2023-12-01 --observance national-day:LA >/dev/null ||
    die "activity add failed"
"$KYNIEM" --today $TODAY export --out "$T/site" >"$T/export.out" ||
    die "export failed"

# feed NAME EXPECTED: onto the list of feeds check_feeds reads.
: >"$T/feeds.tsv"
feed() {
	if [ -f "$T/site/calendars/$1.ics" ]; then
		printf '%s\t%s\t%s\n' "$T/site/calendars/$1.ics" "$1.ics" "$2" \
		    >>"$T/feeds.tsv"
	else
		fail "no feed $1"
	fi
}

feed all "$(engine_count $TODAY --window 180 1095)"
feed milestones "$(engine_count $TODAY --milestones)"
feed national-days "$(engine_count $TODAY --kind national-day)"
feed lunar-festivals "$(engine_count $TODAY --kind festival)"
feed activities 2
for cc in JP KH LA SE; do
	feed "country/$cc" "$(engine_count $TODAY --country $cc)"
done
# The same feeds in English, for the English page.
for f in all milestones national-days country/JP; do
	if [ -f "$T/site/en/calendars/$f.ics" ]; then
		printf '%s\t%s\t%s\n' "$T/site/en/calendars/$f.ics" \
		    "en/$f.ics" "$(grep -c '^BEGIN:VEVENT' \
		    "$T/site/calendars/$f.ics")" >>"$T/feeds.tsv"
	else
		fail "no English feed $f"
	fi
done
check_feeds "$T/feeds.tsv"
unfold "$T/site/en/calendars/country/JP.ics" >"$T/en-jp.txt"
expect_grep '^X-WR-CALNAME:Anniversaries: Japan$' "$T/en-jp.txt"
expect_grep '^SUMMARY:Japan: 50 years of diplomatic relations$' "$T/en-jp.txt"
unfold "$T/site/en/calendars/all.ics" >"$T/en-all.txt"
expect_grep '^X-WR-CALNAME:Anniversaries: every date$' "$T/en-all.txt"
expect_no_grep 'Kỷ niệm\|quan hệ ngoại giao' "$T/en-all.txt"
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
# Each category its own value, in words: Outlook makes each a colour.
assert e["CATEGORIES"].cats == ["Quan hệ ngoại giao", "Đại lễ", "Nhật Bản"], \
    e["CATEGORIES"].cats
# The month view shows what tells events apart; DESCRIPTION the reports'
# title, the milestone class and the source, a line each.
assert str(e["SUMMARY"]) == "Nhật Bản: 50 năm quan hệ ngoại giao", e["SUMMARY"]
d = str(e["DESCRIPTION"]).split("\n")
assert d[0] == "Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023)", d
assert d[1] == "Mốc kỷ niệm: đại lễ.", d
assert d[-1].startswith("Nguồn: "), d
# No [organisation] email: no ORGANIZER (no made-up address a client
# shows as a mail link), so no METHOD:PUBLISH either (RFC 5546).
assert "ORGANIZER" not in e, e["ORGANIZER"]
assert "METHOD" not in cal, cal["METHOD"]
print("JP 50th:", e["UID"], e["DTSTART"].dt)
PY
# A recalled date and a row's note reach DESCRIPTION (Georgia, 30/6/1994).
unfold "$T/site/calendars/all.ics" >"$T/all.txt"
expect_grep '^SUMMARY:Gruzia: 29 năm quan hệ ngoại giao$' "$T/all.txt"
expect_grep '^DESCRIPTION:Kỷ niệm 29 năm thiết lập quan hệ ngoại giao Việt Nam – Gruzia (30/6/1994 – 30/6/2023)\\nChưa xác minh: ghi theo trí nhớ\\, chưa có nguồn.\\nGhi chú: Ngày ghi theo trí nhớ' "$T/all.txt"
expect_grep '^SUMMARY:Tết Nguyên đán Giáp Thìn$' "$T/all.txt"
expect_grep '^SUMMARY:Lào: Quốc khánh\\, 48 năm$' "$T/all.txt"
# Vietnam's own occasions lead with the occasion, as foreign ones lead
# with the country; their DESCRIPTION keeps the reports' title.
expect_grep '^SUMMARY:Quốc khánh: 78 năm$' "$T/all.txt"
expect_grep '^SUMMARY:Bác sĩ Alexandre Yersin: 160 năm ngày sinh$' "$T/all.txt"
expect_grep '^DESCRIPTION:Kỷ niệm 160 năm ngày sinh bác sĩ Alexandre Yersin (22/9/1863 – 22/9/2023)' "$T/all.txt"
expect_no_grep '^SUMMARY:[0-9]' "$T/all.txt"
expect_grep '^SUMMARY:National Day: 78 years$' "$T/en-all.txt"
expect_grep '^SUMMARY:Dr Alexandre Yersin: birth\\, 160 years$' "$T/en-all.txt"
# Vietnam's National Day cites the Vietnamese source the data lists first.
expect_grep '^DESCRIPTION:Kỷ niệm 78 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (2/9/1945 – 2/9/2023)\\nNguồn: vietnam.vnanet.vn 341690$' "$T/all.txt"
expect_no_grep 'mppre' "$T/all.txt"
# No internal code among the categories (kind, class, country) in either
# language.
expect_no_grep '^CATEGORIES:.*\(relation\|national-day\|partnership\|commemoration\|jubilee\|decade\|round\|,[A-Z][A-Z]$\|,[A-Z][A-Z],\)' "$T/all.txt"
expect_no_grep '^CATEGORIES:.*\(,[A-Z][A-Z]$\|,[A-Z][A-Z],\|national-day\)' "$T/en-all.txt"
expect_grep '^CATEGORIES:Quốc khánh,Lào$' "$T/all.txt"
expect_grep '^CATEGORIES:National day,Laos$' "$T/en-all.txt"
# Rows known only to the month are not in the feeds by default.
expect_no_grep 'Samoa (3/1994' "$T/all.txt"
# The activity is a timed event in Asia/Ho_Chi_Minh with its VTIMEZONE.
expect_grep 'DTSTART;TZID=Asia/Ho_Chi_Minh:20230701T090000' \
    "$T/site/calendars/activities.ics"
expect_grep 'BEGIN:VTIMEZONE' "$T/site/calendars/activities.ics"
# An activity names its occasion by the title, never by its key, in a
# feed with a token (the public one says what, when and where only:
# t6008); `kyniem export` writes no feed with a token.
unfold "$T/site/calendars/activities.ics" >"$T/acts.txt"
expect_no_grep 'national-day:LA\|Dịp' "$T/acts.txt"
cp "$T/kyniem.conf" "$T/kyniem.conf.orig"
printf '[feed staff]\nactivities = yes\ntoken = t6001-staff\n' \
    >>"$T/kyniem.conf"
expect "export with a private feed" "$KYNIEM" --today $TODAY export \
    --out "$T/site2" >/dev/null
expect "export leaves the private feed out" \
    [ ! -e "$T/site2/calendars/staff.ics" ]
"$KYNIEM" --today $TODAY feed staff >"$T/staff.ics" ||
    fail "kyniem feed staff"
unfold "$T/staff.ics" >"$T/staff.txt"
expect_grep '^DESCRIPTION:Dịp: Kỷ niệm 48 năm Quốc khánh Cộng hòa Dân chủ Nhân dân Lào (2/12/1975 – 2/12/2023)$' "$T/staff.txt"
expect_no_grep 'national-day:LA' "$T/staff.txt"
"$KYNIEM" --today $TODAY feed en/staff >"$T/staff-en.ics" ||
    fail "kyniem feed en/staff"
unfold "$T/staff-en.ics" >"$T/acts-en.txt"
expect_grep "^DESCRIPTION:Occasion: 48th anniversary of the National Day of the Lao People's Democratic Republic (2 Dec 1975 – 2 Dec 2023)$" "$T/acts-en.txt"
mv "$T/kyniem.conf.orig" "$T/kyniem.conf"

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
expect_grep 'Japan: 50 years of diplomatic relations' "$T/en.ics"
expect_grep '50th anniversary of' "$T/en.ics"
expect_grep 'TRIGGER:-P1D' "$T/en.ics"

# A feed that asks for rows known to the month gets them on the 1st, and
# says the day is not known; summary = full puts the reports' title in
# SUMMARY.  An empty feed still holds a component and parses.
cat >>"$T/kyniem.conf" <<EOC
[feed partial]
kinds = relation, partnership
partial = yes
summary = full
[feed nothing]
select = key:no-such-key
EOC
expect "kyniem feed partial" "$KYNIEM" --today $TODAY feed partial \
    >"$T/partial.ics"
n=$(engine_count $TODAY --partial --select 'kind:relation|partnership')
check_feed "$T/partial.ics" "partial.ics, with rows known to the month" \
    "$n" >/dev/null
unfold "$T/partial.ics" >"$T/partial.txt"
expect_grep '^SUMMARY:Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024)$' "$T/partial.txt"
expect_grep '^DESCRIPTION:Mốc kỷ niệm: năm tròn.\\nChưa rõ ngày\\, chỉ biết tháng: ghi vào ngày 1 (3/2024).' "$T/partial.txt"
expect_grep '^DTSTART;VALUE=DATE:20240301$' "$T/partial.txt"
expect "kyniem feed nothing" "$KYNIEM" --today $TODAY feed nothing \
    >"$T/nothing.ics"
check_feed "$T/nothing.ics" nothing.ics 0 >/dev/null
expect_grep '^BEGIN:VTIMEZONE' "$T/nothing.ics"

# feed --check: every feed and its English one, within budget.
expect "feed --check" "$KYNIEM" --today $TODAY feed --check >"$T/check"
expect_grep '^all  *[0-9][0-9]* *[0-9][0-9]* *921600 *0$' "$T/check"
expect_grep '^en/country/JP ' "$T/check"
expect "every feed twice in feed --check" [ "$(grep -c '^en/' "$T/check")" -eq \
    "$(($(wc -l <"$T/check") - 1 - $(grep -c '^en/' "$T/check")))" ]

# The windows leave room for the rows still undated: with every one of
# them given a day, no feed leaves an event out.
mkdir -p "$T/dated"
cp -r "$SRC/calendars/." "$T/dated/"
"$PYTHON" - "$T/dated" <<'PY'
import csv, os, sys
for name in ("relations.csv", "partnerships.csv"):
    path = os.path.join(sys.argv[1], name)
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    i = rows[0].index("date")
    for r in rows[1:]:
        d = r[i]
        if d == "":
            d = "1990"
        if len(d) == 4:
            d += "-07"
        if len(d) == 7:
            r[i] = d + "-15"
    csv.writer(open(path, "w", encoding="utf-8", newline=""),
               lineterminator="\n").writerows(rows)
PY
mkconf
expect "init from the dated copy" "$KYNIEM" init --calendars "$T/dated" \
    >"$T/dated.log"
expect_no_grep 'no exact' "$T/dated.log"
for today in 2023-06-15 2026-12-31; do
	"$KYNIEM" --today $today feed --check >"$T/dated-check" 2>&1 ||
	    fail "a feed leaves events out on $today: $(grep -v ' 0$' \
	    "$T/dated-check" | head -n 3)"
	pass "every feed fits with every row dated, on $today"
	echo "with every row dated, on $today:"
	grep '^\(en/\)\?\(all\|milestones\|national-days\) ' "$T/dated-check"
done

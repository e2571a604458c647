# What a year-end report needs of an activity: category, partner
# countries, partner organisations, participants, result and status, on
# the command line (bad values named by field and value), in the
# activities CSV (a list exported with --csv imports back unchanged, the
# older header still imports) and in .ics (X-KYNIEM- properties), with
# the categories of [categories] replacing the defaults.
. "$SRC/tests/lib.sh"
initdb
known_owners an@example.org
TODAY=2023-07-01

id=$(K activity add --title 'Tiếp đoàn Tổng lãnh sự Thái Lan' \
    --start 2023-06-12 --category delegation-in --country th \
    --country TH --partner 'Tổng lãnh sự quán Thái Lan tại TP. Hồ Chí Minh' \
    --participants 12 --result 'Trao đổi hợp tác, giao lưu' \
    --status done) || die "activity add"
K activity show "$id" >"$T/show"
expect_grep '^category    delegation-in$' "$T/show"
expect_grep '^countries   TH$' "$T/show"
expect_grep '^partner     Tổng lãnh sự quán Thái Lan tại TP. Hồ Chí Minh$' \
    "$T/show"
expect_grep '^participants 12$' "$T/show"
expect_grep '^result      Trao đổi hợp tác, giao lưu$' "$T/show"
expect_grep '^status      done$' "$T/show"

# Bad values: the field and the value in the message, nothing written.
test_must_fail_with --status=1 \
    "category: unknown category 'delegation' (one of: delegation-out, delegation-in, anniversary, annual, letter, ngo, overseas, information, conference, other)" \
    K activity add --title X --start 2023-02-01 --category delegation
test_must_fail_with --status=1 "countries: unknown country code 'XX'" \
    K activity add --title X --start 2023-02-01 --country JP --country xx
test_must_fail_with --status=1 \
    "participants: must be a number from 0 to 1000000, not '-3'" \
    K activity add --title X --start 2023-02-01 --participants -3
test_must_fail_with --status=1 \
    "status: must be planned, confirmed, done or cancelled, not 'finished'" \
    K activity add --title X --start 2023-02-01 --status finished
expect "nothing was added" [ "$(K activity list | wc -l)" -eq 1 ]

# Edit: a second country, then clearing the partner and the countries.
K activity edit "$id" --country TH --country LA >/dev/null
K activity show "$id" >"$T/show"
expect_grep '^countries   TH LA$' "$T/show"
K activity edit "$id" --country '' --partner '' >/dev/null
K activity show "$id" >"$T/show"
expect_no_grep '^countries' "$T/show"
expect_no_grep '^partner' "$T/show"
expect_grep '^result      Trao đổi hợp tác, giao lưu$' "$T/show"

# list --category, and an unknown one is a usage error.
K activity add --title 'Gửi thư chúc mừng Quốc khánh Lào' --start 2023-12-01 \
    --category letter --country LA >/dev/null
K activity list --category letter | cut -f3- >"$T/letters"
expect_diff "$T/letters" - <<EOC
planned	internal	Gửi thư chúc mừng Quốc khánh Lào
EOC
test_must_fail --status=2 K activity list --category nope 2>"$T/err"
expect_grep "unknown category 'nope'" "$T/err"

# CSV: a file with every column imports; the export reads back the same.
cat >"$T/acts.csv" <<'EOC'
key,title,start,end,location,organiser,owners,remind,observance,status,notes,category,countries,partner,participants,result
jp-amy,Giao lưu gặp mặt các bạn Nhật Bản,2023-03-18,,Nha Trang,Trung tâm Amy,an@example.org,,relation:JP,done,,anniversary,JP,Trung tâm văn hóa và Nhật ngữ Amy,45,"Gặp mặt, giao lưu; tặng quà"
in-11,Liên hoan hữu nghị Việt Nam - Ấn Độ lần thứ 11,2023-12-01,2023-12-06,Tamil Nadu,,,,,done,,delegation-out,IN,Hội Hữu nghị Ấn Độ - Việt Nam,1,"Tham dự liên hoan
tại Tamil Nadu và Puducherry"
EOC
K import "$T/acts.csv" >/dev/null || die "import of the full CSV"
K activity list --csv --year 2023 >"$T/export.csv"
expect_grep '^jp-amy,Giao lưu gặp mặt các bạn Nhật Bản,2023-03-18,2023-03-18,Nha Trang,Trung tâm Amy,an@example.org,,relation:JP,done,,anniversary,JP,Trung tâm văn hóa và Nhật ngữ Amy,45,"Gặp mặt, giao lưu; tặng quà"' \
    "$T/export.csv"
expect "the export has the header" \
    [ "$(head -n 1 "$T/export.csv" | tr -d '\r')" = \
    "key,title,start,end,location,organiser,owners,remind,observance,status,notes,category,countries,partner,participants,result,member,amount,currency,budget,report_text,public" ]
# Into a fresh database and out again: the same file.
mv "$T/kyniem.db" "$T/first.db"
initdb
known_owners an@example.org
K import "$T/export.csv" >/dev/null || die "import of the export"
K activity list --csv --year 2023 >"$T/export2.csv"
expect_diff "$T/export.csv" "$T/export2.csv"
# Importing it again changes nothing.
K import "$T/export.csv" >"$T/again"
expect_grep ' 0 added or changed, 0 with errors' "$T/again"

# Bad record columns, by line and field.
cat >"$T/bad.csv" <<'EOC'
key,title,start,end,location,organiser,owners,remind,observance,status,notes,category,countries,partner,participants,result
b1,X,2023-01-01,,,,,,,,,gala,,,,
b2,X,2023-01-01,,,,,,,,,,JP ZZ,,,
b3,X,2023-01-01,,,,,,,,,,,,many,
EOC
test_must_fail --status=1 K import "$T/bad.csv" 2>"$T/err"
f="$T/bad.csv"
expect_grep "$f:2: category: unknown category 'gala'" "$T/err"
expect_grep "$f:3: countries: unknown country code 'ZZ'" "$T/err"
expect_grep "$f:4: participants: must be a number from 0 to 1000000, not 'many'" "$T/err"

# The import takes a column's limit from activity_fields, as the command
# line and the web form do: twenty owners (max_owners), 899 characters,
# are one row's owners.
owners=$(seq -f 'nguyen.van.thanh.%02g@hoi-huu-nghi.example.org' 1 20 |
    tr '\n' ';')
# shellcheck disable=SC2046
known_owners $(echo "$owners" | tr ';' ' ')
printf '%s\n' 'key,title,start,end,location,organiser,owners,remind,observance,status,notes' \
    "own-20,Họp ban chấp hành,2023-05-05,,,,$owners,,,," >"$T/owners.csv"
expect "twenty long owners import" K import "$T/owners.csv"
K activity show "$(K activity list | grep 'Họp ban chấp hành' | cut -f1)" \
    >"$T/show"
expect "all twenty are owners" [ "$(grep -c 'nguyen.van.thanh' \
    "$T/show")" -eq 20 ]

# The public column: yes or no; empty, or a file without the column,
# keeps what the activity is (a new one is internal).
H16=key,title,start,end,location,organiser,owners,remind,observance,status,notes,category,countries,partner,participants,result
printf '%s\n' "$H16,public" 'p1,Công khai P,2023-05-01,,,,,,,,,,,,,,yes' \
    'p2,Nội bộ P,2023-05-02,,,,,,,,,,,,,,no' \
    'p3,Chưa nói P,2023-05-03,,,,,,,,,,,,,,' >"$T/pub.csv"
K import "$T/pub.csv" >/dev/null || fail "the public column imports"
K activity list | grep ' P$' | cut -f4- >"$T/pub"
expect_diff - "$T/pub" <<'EOC'
public	Công khai P
internal	Nội bộ P
internal	Chưa nói P
EOC
K activity edit "$(K activity list | grep 'Chưa nói P' | cut -f1)" --public \
    >/dev/null || fail "activity edit --public"
K import "$T/pub.csv" >/dev/null || fail "the public column imports again"
printf '%s\n' "$H16" 'p1,Công khai P,2023-05-01,,,,,,,,,,,,,' >"$T/pub16.csv"
K import "$T/pub16.csv" >/dev/null || fail "the sixteen columns import"
K activity list | grep ' P$' | cut -f4- >"$T/pub"
expect_diff - "$T/pub" <<'EOC'
public	Công khai P
internal	Nội bộ P
public	Chưa nói P
EOC
printf '%s\n' "$H16,public" 'p4,Sai P,2023-05-04,,,,,,,,,,,,,,maybe' \
    >"$T/badpub.csv"
test_must_fail --status=1 K import "$T/badpub.csv" 2>"$T/err"
expect_grep "badpub.csv:2: public: must be yes or no, not 'maybe'" "$T/err"
test_must_fail_with --status=2 "option '--public' doesn't allow an argument" \
    K activity add --title X --start 2023-01-01 --public=yes

# The older header still imports (no record columns).
printf '%s\n' 'key,title,start,end,location,organiser,owners,remind,observance,status,notes' \
    'old-1,Hoạt động cũ,2023-02-02,,,,,,,,' >"$T/old.csv"
K import "$T/old.csv" >/dev/null || fail "the older header imports"
# ... and re-importing the older form keeps what the application recorded.
K activity edit "$(K activity list | grep 'Hoạt động cũ' | cut -f1)" \
    --category other --result 'Đã làm' >/dev/null
K import "$T/old.csv" >/dev/null
K activity list --category other >"$T/other"
expect_grep 'Hoạt động cũ' "$T/other"

# .ics: the record goes out as X-KYNIEM- properties and comes back.
cat >"$T/in.ics" <<'EOC'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:ics-1@example.org
DTSTAMP:20230101T000000Z
DTSTART;VALUE=DATE:20230409
SUMMARY:Lễ cầu an Tết Bunpimay
STATUS:CONFIRMED
CATEGORIES:annual
X-KYNIEM-CATEGORY:annual
X-KYNIEM-COUNTRIES:LA KH
X-KYNIEM-PARTNER:Sinh viên Lào\, Campuchia
X-KYNIEM-PARTICIPANTS:120
X-KYNIEM-RESULT:Giao lưu bóng chuyền\nthăm tặng quà
X-KYNIEM-STATUS:done
END:VEVENT
END:VCALENDAR
EOC
K import "$T/in.ics" >/dev/null || die "ics import"
id=$(K activity list | grep 'Bunpimay' | cut -f1)
K activity show "$id" >"$T/show"
expect_grep '^category    annual$' "$T/show"
expect_grep '^countries   LA KH$' "$T/show"
expect_grep '^participants 120$' "$T/show"
expect_grep '^status      done$' "$T/show"
expect_grep '^partner     Sinh viên Lào, Campuchia$' "$T/show"

# ... and an activities feed with a token writes them, so that it
# imports back into another database with its record (the public one
# has none of it: t6008).
printf '[feed staff]\nactivities = yes\ntoken = t5006\n' >>"$T/kyniem.conf"
K feed staff >"$T/feed.ics" || fail "the activities feed"
expect_grep '^X-KYNIEM-CATEGORY:annual' "$T/feed.ics"
# The category in words for people, its key for kyniem.
expect_grep '^CATEGORIES:Hoạt động,Hoạt động thường niên' "$T/feed.ics"
mv "$T/kyniem.db" "$T/second.db"
initdb
K import "$T/feed.ics" >/dev/null || fail "the feed imports"
id=$(K activity list | grep 'Bunpimay' | cut -f1)
K activity show "$id" >"$T/show2"
for l in '^category    annual$' '^countries   LA KH$' '^participants 120$' \
    '^status      done$' '^partner     Sinh viên Lào, Campuchia$' \
    '^result      Giao lưu bóng chuyền$' '^            thăm tặng quà$'; do
	expect_grep "$l" "$T/show2"
done

# [categories] replaces the list: the report's own names and order.
cat >>"$T/kyniem.conf" <<'EOC'
[categories]
delegation = Đoàn ra, đoàn vào | Delegations
other = Hoạt động khác | Other
EOC
test_must_fail --status=1 K activity add --title Y --start 2023-02-01 \
    --category annual 2>"$T/err"
expect_grep "unknown category 'annual' (one of: delegation, other)" "$T/err"
K activity add --title Y --start 2023-02-01 --category delegation \
    >/dev/null || fail "a configured category is taken"
printf '[categories]\nBad Key = X\nx = A | B | C\n' >"$T/bad.conf"
test_must_fail --status=1 "$KYNIEM" --config "$T/bad.conf" activity list \
    2>"$T/err"
expect_grep "bad.conf:2: a category key must be 1-32 of a-z 0-9 -, not 'Bad Key'" "$T/err"
expect_grep "bad.conf:3: want 'Vietnamese name | English name' for 'x'" "$T/err"

#!/bin/sh
# kyniem plan --format csv: one row per date of the year (rows known to
# the month at their month, those known only to the year last) plus the
# activities linked to none, with precision, confidence and note; planned
# activities show in the plan; a custom [plan] mapping moves dates; a bad
# mapping is FILE:LINE.
. "$SRC/tests/lib.sh"
initdb

"$KYNIEM" --today 2023-12-20 activity add --title 'Triển lãm ảnh Thụy Điển' \
    --start 2024-01-11 --location 'Nha Trang' --observance relation:SE \
    >"$T/id1" || die "activity add"
"$KYNIEM" --today 2023-12-20 activity add --title 'Hội thao sinh viên Lào, Campuchia' \
    --start 2024-04-12T08:00 --location 'Sân vận động' >"$T/id2" ||
    die "activity add"
"$KYNIEM" --today 2023-12-20 activity add --title 'Đã hủy' \
    --start 2024-06-01 --status cancelled >/dev/null || die "activity add"
id2=$(cat "$T/id2")

expect "plan 2024 --format csv" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --format csv >"$T/plan.csv"
head -n 1 "$T/plan.csv" | tr -d '\r' >"$T/head"
echo 'date,key,kind,country,n,milestone,precision,confidence,section,title,note,activities' >"$T/want"
expect_diff "$T/want" "$T/head"
tr -d '\r' <"$T/plan.csv" >"$T/plan.lf"
# Sweden has an activity this year: named in 1.1 whatever its rank; the
# milestones 1.1 leaves to the appendix are "PL" (phụ lục).
expect_grep '^2024-01-11,relation:SE,relation,SE,55,round,day,confirmed,"1.1, 3",Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024),,"Triển lãm ảnh Thụy Điển (11/1/2024, tại Nha Trang)"$' "$T/plan.lf"
expect_grep '^2024-11-17,relation:MN,relation,MN,70,decade,day,confirmed,"PL, 3",.*,Một nguồn (nvsk.vnanet.vn) ghi 17/11/1950,$' "$T/plan.lf"
expect_grep '^2024-05-08,relation:BR,relation,BR,35,round,day,confirmed,"PL, 3",' "$T/plan.lf"
expect_grep '^2024-02-10,tet,festival,,,none,day,confirmed,1.3,' "$T/plan.lf"
expect_grep '^2024-03-01,relation:WS,relation,WS,30,decade,month,confirmed,"PL, 3",.*(3/1994 – 3/2024),"Chỉ biết tháng, chưa tìm thấy ngày",$' "$T/plan.lf"
expect_grep '^2024-06-30,relation:GE,relation,GE,30,decade,day,recalled,"PL, 3",' "$T/plan.lf"
expect_grep '^2024-01-01,relation:MU,relation,MU,30,decade,year,confirmed,PL,Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Mauritius (1994 – 2024),' "$T/plan.lf"
expect_grep "^2024-04-12,activity:$id2,activity,,,none,,,,\"Hội thao sinh viên Lào, Campuchia\",,\"Hội thao sinh viên Lào, Campuchia (12/4/2024, tại Sân vận động)\"\$" "$T/plan.lf"
# The cancelled activity is left out (the planned ones are in, above).
expect_no_grep 'Đã hủy' "$T/plan.lf"
# One row per date of the year, one per row known only to the year, one
# per unlinked activity, sorted (those known only to the year last).
"$KYNIEM" anniversaries 2024 --format csv >"$T/all.csv"
grep -c ',year,' "$T/plan.lf" >"$T/nyear" || true
expect "rows known only to the year: $(cat "$T/nyear")" [ "$(cat "$T/nyear")" -gt 20 ]
expect "one row per date and one for the unlinked activity" \
    [ $(($(wc -l <"$T/plan.lf") - 1)) -eq $(($(wc -l <"$T/all.csv") - 1 + 1 + $(cat "$T/nyear"))) ]
tail -n +2 "$T/plan.lf" | grep -v ',year,' | cut -d, -f1 >"$T/dates"
expect "rows sorted by date" sort -c "$T/dates"
tail -n "$(cat "$T/nyear")" "$T/plan.lf" >"$T/last"
expect_no_grep ',day,' "$T/last"
# Valid CSV with twelve fields on every row.
expect "CSV that parses, twelve fields a row" "$PYTHON" - "$T/plan.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert all(len(r) == 12 for r in rows), [r for r in rows if len(r) != 12][:1]
PY

# The md plan names the activity with its anniversary, and the one for
# no occasion under "Công tác khác" (it has no category).
"$KYNIEM" --today 2023-12-20 plan 2024 >"$T/plan.md"
expect_grep '^- Nhân kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024): Triển lãm ảnh Thụy Điển (11/1/2024, tại Nha Trang)\.$' "$T/plan.md"
sed -n '/^### 4\. Công tác khác$/,/^## III/p' "$T/plan.md" >"$T/other"
expect_grep '^- Hội thao sinh viên Lào, Campuchia (12/4/2024, tại Sân vận động)\.$' "$T/other"
expect_no_grep 'Đã hủy' "$T/plan.md"

# A custom mapping: 1.1 holds Sweden only; Mongolia goes to the appendix.
cat >>"$T/kyniem.conf" <<EOC
[plan]
section_1_1 = country:se+milestone
section_3 = key:relation:MN
EOC
"$KYNIEM" --today 2023-12-20 plan 2024 --format csv | tr -d '\r' >"$T/c.csv"
expect_grep '^2024-01-11,relation:SE,relation,SE,55,round,day,confirmed,1.1,' "$T/c.csv"
expect_grep '^2024-11-17,relation:MN,relation,MN,70,decade,day,confirmed,3,' "$T/c.csv"
expect_grep '^2024-05-08,relation:BR,relation,BR,35,round,day,confirmed,,' "$T/c.csv"

# A bad mapping is reported with its file and line.
mkconf
printf '[plan]\nsection_1_2 = kind:relation+bogus\n' >>"$T/kyniem.conf"
test_must_fail --status=1 "$KYNIEM" plan 2024 >/dev/null 2>"$T/err"
expect_grep "kyniem.conf:4: bad selector for 'section_1_2': 'bogus': unknown term" "$T/err"
exit 0

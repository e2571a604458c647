# Anniversaries as the engine computes them from calendars/: the
# milestones the reports name (all their dated events: t2002), the CSV and
# JSON fields with precision and confidence, rows known only to the month
# at their month, the unverified marker, 29 February and lunar festivals.
. "$SRC/tests/lib.sh"
initdb

"$KYNIEM" anniversaries 2023 --milestones --format csv >"$T/2023.csv"
"$KYNIEM" anniversaries 2024 --milestones --format csv >"$T/2024.csv"
"$KYNIEM" anniversaries 2022 --milestones --format csv >"$T/2022.csv"
head -n 1 "$T/2023.csv" | tr -d '\r' >"$T/header"
echo "date,key,kind,country,n,milestone,precision,confidence,title" >"$T/header.want"
expect_diff "$T/header.want" "$T/header"

cat >"$T/want" <<'EOW'
2023-03-30,relation:MY,relation,MY,50,jubilee,day,confirmed,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Malaysia (30/3/1973 – 30/3/2023)
2023-04-12,relation:FR,relation,FR,50,jubilee,day,confirmed,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Pháp (12/4/1973 – 12/4/2023)
2023-08-01,relation:SG,relation,SG,50,jubilee,day,confirmed,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Singapore (1/8/1973 – 1/8/2023)
2023-09-21,relation:JP,relation,JP,50,jubilee,day,confirmed,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023)
2023-11-09,national-day:KH,national-day,KH,70,decade,day,confirmed,Kỷ niệm 70 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2023)
2023-03-01,yersin_death,commemoration,,80,decade,day,confirmed,Kỷ niệm 80 năm ngày mất bác sĩ Alexandre Yersin (1/3/1943 – 1/3/2023)
2023-09-22,yersin_birth,commemoration,,160,decade,day,confirmed,Kỷ niệm 160 năm ngày sinh bác sĩ Alexandre Yersin (22/9/1863 – 22/9/2023)
2024-01-11,relation:SE,relation,SE,55,round,day,confirmed,Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024)
2024-11-17,relation:MN,relation,MN,70,decade,day,confirmed,Kỷ niệm 70 năm thiết lập quan hệ ngoại giao Việt Nam – Mông Cổ (17/11/1954 – 17/11/2024)
2024-05-08,relation:BR,relation,BR,35,round,day,confirmed,Kỷ niệm 35 năm thiết lập quan hệ ngoại giao Việt Nam – Brazil (8/5/1989 – 8/5/2024)
2022-09-05,relation:LA,relation,LA,60,decade,day,confirmed,Kỷ niệm 60 năm thiết lập quan hệ ngoại giao Việt Nam – Lào (5/9/1962 – 5/9/2022)
2022-06-24,relation:KH,relation,KH,55,round,day,confirmed,Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Campuchia (24/6/1967 – 24/6/2022)
2022-08-15,khanh_hoa_union_founding,local,,35,round,day,confirmed,Kỷ niệm 35 năm thành lập Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa (15/8/1987 – 15/8/2022)
EOW
cat "$T/2022.csv" "$T/2023.csv" "$T/2024.csv" | tr -d '\r' >"$T/all"
while IFS= read -r line; do
	expect "a row: $line" grep -qxF "$line" "$T/all"
done <"$T/want"

# Sorted by date, and the milestone filter keeps only N % 5 == 0.
tail -n +2 "$T/2023.csv" | cut -d, -f1 >"$T/dates"
expect "2023 sorted by date" sort -c "$T/dates"
tail -n +2 "$T/2023.csv" >"$T/2023.rows"
expect "2023 has rows" [ -s "$T/2023.rows" ]
expect "only milestones (N % 5 == 0) with --milestones" \
    awk -F, '$5 % 5 != 0 { exit 1 }' "$T/2023.rows"

# English titles.
"$KYNIEM" anniversaries 2023 --country JP --lang en --format csv |
    tr -d '\r' >"$T/jp-en"
expect_grep '^2023-09-21,relation:JP,relation,JP,50,jubilee,day,confirmed,50th anniversary of Vietnam–Japan diplomatic relations (21 Sep 1973 – 21 Sep 2023)$' "$T/jp-en"

# JSON has exactly the fields, and parses.
"$KYNIEM" anniversaries 2024 --milestones --format json >"$T/2024.json"
expect "JSON with exactly the fields" "$PYTHON" - "$T/2024.json" <<'EOP'
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows, "no rows"
for r in rows:
    assert list(r) == ["date", "key", "kind", "country", "n", "milestone",
                       "precision", "confidence", "title"], r
se = [r for r in rows if r["key"] == "relation:SE"][0]
assert se["n"] == 55 and se["milestone"] == "round" and se["date"] == "2024-01-11", se
assert se["precision"] == "day" and se["confidence"] == "confirmed", se
ws = [r for r in rows if r["key"] == "relation:WS"][0]
assert ws["date"] == "2024-03-01" and ws["precision"] == "month", ws
assert ws["title"].endswith("(3/1994 – 3/2024)"), ws
ge = [r for r in rows if r["key"] == "relation:GE"][0]
assert ge["confidence"] == "recalled", ge
EOP

# Nothing silently missing: a row known only to the month (Samoa, 3/1994)
# is listed at its month, dated the 1st in CSV, the month in text; the
# 10th of the Thai strategic partnership (25/6/2013) is the reports'.
"$KYNIEM" anniversaries 2024 --country WS --format csv | tr -d '\r' \
    >"$T/ws.csv"
expect_grep '^2024-03-01,relation:WS,relation,WS,30,decade,month,confirmed,Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024)$' "$T/ws.csv"
"$KYNIEM" anniversaries 2024 --country WS >"$T/ws.txt"
expect_grep '^3/2024	Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024) \[năm tròn\]$' "$T/ws.txt"
"$KYNIEM" anniversaries 2024 --country WS --lang en >"$T/ws-en.txt"
expect_grep '^Mar 2024	30th anniversary of Vietnam–Samoa diplomatic relations (Mar 1994 – Mar 2024) \[decade\]$' "$T/ws-en.txt"
# The selector's precision term picks them.
"$KYNIEM" anniversaries 2024 --select precision:month --format csv |
    tr -d '\r' | tail -n +2 >"$T/months"
expect "rows known to the month in 2024: $(wc -l <"$T/months")" \
    [ "$(wc -l <"$T/months")" -ge 12 ]
expect_no_grep ',day,' "$T/months"
# Rows known only to the year are no occurrences (the plan lists them).
expect_no_grep ',relation:BJ,' "$T/ws.csv"
"$KYNIEM" anniversaries 2023 --select precision:year --format csv |
    tr -d '\r' >"$T/years"
expect "no occurrence of a row known only to the year" \
    [ "$(wc -l <"$T/years")" -eq 1 ]

# Every output carries the confidence: recalled and single-source dates
# are "(chưa xác minh)" in text, plans and pages.
"$KYNIEM" anniversaries 2024 --country GE >"$T/ge.txt"
expect_grep '^30/6/2024	Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Gruzia (30/6/1994 – 30/6/2024) (chưa xác minh) \[năm tròn\]$' "$T/ge.txt"
"$KYNIEM" anniversaries 2024 --country GE --lang en >"$T/ge-en.txt"
expect_grep '(30 Jun 1994 – 30 Jun 2024) (unverified) \[decade\]$' "$T/ge-en.txt"
expect_grep '^26/5/2024	Kỷ niệm 106 năm Quốc khánh Gruzia (26/5/1918 – 26/5/2024)$' "$T/ge.txt"

# Brunei, 29/2/1992: 28 Feb in common years by default, 1 Mar by config.
"$KYNIEM" anniversaries 2022 --country BN --kind relation --format csv |
    tr -d '\r' >"$T/bn"
expect_grep '^2022-02-28,relation:BN,relation,BN,30,decade,' "$T/bn"
printf '[general]\nfeb29 = mar1\n' >>"$T/kyniem.conf"
"$KYNIEM" anniversaries 2022 --country BN --kind relation --format csv |
    tr -d '\r' >"$T/bn2"
expect_grep '^2022-03-01,relation:BN,' "$T/bn2"

# Lunar festivals through the lunar module.
"$KYNIEM" anniversaries 2024 --kind festival --format csv | tr -d '\r' \
    >"$T/fest"
expect_grep '^2024-02-10,tet,festival,' "$T/fest"
expect_grep '^2024-04-18,hung_kings,festival,' "$T/fest"
expect_grep '^2024-09-17,mid_autumn,festival,' "$T/fest"

# show: a row's note and whole source, the marker, the month or the year.
"$KYNIEM" --today 2024-01-01 show relation:CD >"$T/cd"
expect_grep '^note         Ngày Zaire ra thông cáo lập quan hệ với Chính phủ Cách mạng lâm thời Cộng hòa miền Nam Việt Nam (1975); điện mừng của Việt Nam không dùng ngày này$' "$T/cd"
expect_grep '^next         5/4/2024  Kỷ niệm 49 năm thiết lập quan hệ ngoại giao Việt Nam – Cộng hòa Dân chủ Congo (5/4/1975 – 5/4/2024) (chưa xác minh)$' "$T/cd"
"$KYNIEM" --today 2024-01-01 show relation:WS >"$T/ws-show"
expect_grep '^next         3/2024  Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024)$' "$T/ws-show"
"$KYNIEM" --today 2024-01-01 show relation:BJ >"$T/bj"
expect_grep '^next         2024  Kỷ niệm 51 năm thiết lập quan hệ ngoại giao Việt Nam – Benin (1973 – 2024)$' "$T/bj"
"$KYNIEM" list >"$T/list"
expect_grep '^relation:WS .* confirmed (day not known)$' "$T/list"
expect_grep '^relation:BJ .* confirmed (only the year)$' "$T/list"
expect_grep '^relation:GE .* recalled$' "$T/list"

# upcoming keeps a row known to the month while its month lasts.
"$KYNIEM" --today 2024-03-15 upcoming --days 30 >"$T/up"
expect_grep '^3/2024	Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024) \[năm tròn\]$' "$T/up"
"$KYNIEM" --today 2024-04-01 upcoming --days 30 >"$T/up2"
expect_no_grep 'Samoa (3/1994' "$T/up2"
expect_grep '^4/4/2024	Kỷ niệm 64 năm Quốc khánh Senegal' "$T/up2"

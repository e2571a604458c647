# Every dated anniversary the reports in shared/seeds name, as the engine
# computes it from calendars/: the acceptance cases of the core issue.
. "$SRC/tests/lib.sh"
initdb

"$KYNIEM" anniversaries 2023 --milestones --format csv >"$T/2023.csv"
"$KYNIEM" anniversaries 2024 --milestones --format csv >"$T/2024.csv"
"$KYNIEM" anniversaries 2022 --milestones --format csv >"$T/2022.csv"
head -n 1 "$T/2023.csv" | tr -d '\r' >"$T/header"
echo "date,key,kind,country,n,milestone,title" >"$T/header.want"
expect_diff "$T/header.want" "$T/header"

cat >"$T/want" <<'EOW'
2023-03-30,relation:MY,relation,MY,50,jubilee,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Malaysia (30/3/1973 – 30/3/2023)
2023-04-12,relation:FR,relation,FR,50,jubilee,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Pháp (12/4/1973 – 12/4/2023)
2023-08-01,relation:SG,relation,SG,50,jubilee,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Singapore (1/8/1973 – 1/8/2023)
2023-09-21,relation:JP,relation,JP,50,jubilee,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023)
2023-11-09,national-day:KH,national-day,KH,70,decade,Kỷ niệm 70 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2023)
2023-03-01,yersin_death,commemoration,,80,decade,Kỷ niệm 80 năm ngày mất bác sĩ Alexandre Yersin (1/3/1943 – 1/3/2023)
2023-09-22,yersin_birth,commemoration,,160,decade,Kỷ niệm 160 năm ngày sinh bác sĩ Alexandre Yersin (22/9/1863 – 22/9/2023)
2024-01-11,relation:SE,relation,SE,55,round,Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024)
2024-11-17,relation:MN,relation,MN,70,decade,Kỷ niệm 70 năm thiết lập quan hệ ngoại giao Việt Nam – Mông Cổ (17/11/1954 – 17/11/2024)
2024-05-08,relation:BR,relation,BR,35,round,Kỷ niệm 35 năm thiết lập quan hệ ngoại giao Việt Nam – Brazil (8/5/1989 – 8/5/2024)
2022-09-05,relation:LA,relation,LA,60,decade,Kỷ niệm 60 năm thiết lập quan hệ ngoại giao Việt Nam – Lào (5/9/1962 – 5/9/2022)
2022-06-24,relation:KH,relation,KH,55,round,Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Campuchia (24/6/1967 – 24/6/2022)
2022-08-15,khanh_hoa_union_founding,local,,35,round,Kỷ niệm 35 năm thành lập Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa (15/8/1987 – 15/8/2022)
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
expect_grep '^2023-09-21,relation:JP,relation,JP,50,jubilee,50th anniversary of Vietnam–Japan diplomatic relations (21 Sep 1973 – 21 Sep 2023)$' "$T/jp-en"

# JSON has exactly the fields, and parses.
"$KYNIEM" anniversaries 2024 --milestones --format json >"$T/2024.json"
expect "JSON with exactly the fields" "$PYTHON" - "$T/2024.json" <<'EOP'
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows, "no rows"
for r in rows:
    assert list(r) == ["date", "key", "kind", "country", "n", "milestone", "title"], r
se = [r for r in rows if r["key"] == "relation:SE"][0]
assert se["n"] == 55 and se["milestone"] == "round" and se["date"] == "2024-01-11", se
EOP

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

# Every dated event of the five reports in shared/seeds (Khánh Hòa 2021 and
# 2023, Gia Lai 2023, Quảng Bình 2023, Đắk Lắk 2023, each with its plan for
# the next year), as the engine produces it for the year reported: date,
# anniversary number and milestone class.  Other provinces' unions are
# left out (the Quảng Nam union's 20th).  A line per mention: an event two
# reports name is two lines.
. "$SRC/tests/lib.sh"
initdb

# REPORT YEAR KEY DATE N CLASS: N is "-" when the event is not counted.
cat >"$T/events" <<'EOE'
KH21 2021 womens_day 2021-03-08 111 none
KH21 2021 yersin_death 2021-03-01 78 none
KH21 2021 yersin_birth 2021-09-22 158 none
KH21 2021 lao_new_year 2021-04-14 - none
KH21 2021 khmer_new_year 2021-04-14 - none
KH21 2021 national-day:CN 2021-10-01 72 none
KH21 2021 national-day:FR 2021-07-14 - none
KH21 2021 national-day:DE 2021-10-03 31 none
KH21 2021 national-day:RU 2021-06-12 31 none
KH21 2021 national-day:JP 2021-02-23 - none
KH21 2022 relation:LA 2022-09-05 60 decade
KH21 2022 relation:KH 2022-06-24 55 round
KH21 2022 victory_genocide 2022-01-07 43 none
KH21 2022 national-day:KH 2022-11-09 69 none
KH21 2022 national-day:LA 2022-12-02 47 none
KH21 2022 tet 2022-02-01 - none
KH21 2022 hung_kings 2022-04-10 - none
KH21 2022 mid_autumn 2022-09-10 - none
KH21 2022 khanh_hoa_union_founding 2022-08-15 35 round
KH21 2022 francophonie_day 2022-03-20 52 none
KH23 2023 relation:JP 2023-09-21 50 jubilee
KH23 2023 partnership:US:comprehensive 2023-07-25 10 decade
KH23 2023 partnership:TH:strategic 2023-06-25 10 decade
KH23 2023 tet 2023-01-22 - none
KH23 2023 womens_day 2023-03-08 113 none
KH23 2023 hung_kings 2023-04-29 - none
KH23 2023 lao_new_year 2023-04-14 - none
KH23 2023 khmer_new_year 2023-04-14 - none
KH23 2023 national-day:LA 2023-12-02 48 none
KH23 2023 national-day:KH 2023-11-09 70 decade
KH23 2023 mid_autumn 2023-09-29 - none
KH23 2023 people_diplomacy_day 2023-11-17 73 none
KH23 2023 yersin_death 2023-03-01 80 decade
KH23 2023 yersin_birth 2023-09-22 160 decade
KH23 2023 victory_day_ru 2023-05-09 78 none
KH23 2023 national-day:DE 2023-10-03 33 none
KH23 2024 lao_new_year 2024-04-14 - none
KH23 2024 khmer_new_year 2024-04-13 - none
KH23 2024 national-day:KH 2024-11-09 71 none
KH23 2024 national-day:LA 2024-12-02 49 none
KH23 2024 tet 2024-02-10 - none
KH23 2024 hung_kings 2024-04-18 - none
KH23 2024 mid_autumn 2024-09-17 - none
KH23 2024 new_year_day 2024-01-01 - none
KH23 2024 womens_day 2024-03-08 114 none
GL23 2023 tet 2023-01-22 - none
GL23 2024 khmer_new_year 2024-04-13 - none
GL23 2024 lao_new_year 2024-04-14 - none
GL23 2024 tet 2024-02-10 - none
QB23 2023 lao_new_year 2023-04-14 - none
QB23 2023 relation:IT 2023-03-23 50 jubilee
QB23 2023 fidel_castro_visit 2023-09-15 50 jubilee
DL23 2023 ap_bac_victory 2023-01-02 60 decade
DL23 2023 paris_accords 2023-01-27 50 jubilee
DL23 2023 cpv_founding 2023-02-03 93 none
DL23 2023 tet 2023-01-22 - none
DL23 2023 dong_sy_nguyen_birth 2023-03-01 100 jubilee
DL23 2023 hung_kings 2023-04-29 - none
DL23 2023 reunification 2023-04-30 48 none
DL23 2023 labour_day 2023-05-01 137 none
DL23 2023 hcm_birthday 2023-05-19 133 none
DL23 2023 relation:MY 2023-03-30 50 jubilee
DL23 2023 relation:FR 2023-04-12 50 jubilee
DL23 2023 propaganda_work_day 2023-08-01 93 none
DL23 2023 victory_genocide 2023-01-07 44 none
DL23 2023 relation:SG 2023-08-01 50 jubilee
DL23 2023 relation:JP 2023-09-21 50 jubilee
DL23 2023 national-day:LA 2023-12-02 48 none
DL23 2023 lao_new_year 2023-04-14 - none
DL23 2023 khmer_new_year 2023-04-14 - none
DL23 2023 national-day:KH 2023-11-09 70 decade
DL23 2023 national-day:JP 2023-02-23 - none
DL23 2024 relation:SE 2024-01-11 55 round
DL23 2024 relation:MN 2024-11-17 70 decade
DL23 2024 relation:BR 2024-05-08 35 round
EOE

for y in 2021 2022 2023 2024; do
	"$KYNIEM" anniversaries $y --format csv | tr -d '\r' >"$T/$y.csv" ||
	    die "anniversaries $y failed"
done
while read -r report year key date n class; do
	[ "$n" = - ] && n=
	expect "$report: $key in $year on $date, ${n:-not counted}, $class" \
	    grep -q "^$date,$key,[^,]*,[^,]*,$n,$class,day," "$T/$year.csv"
done <"$T/events"
unique=$(awk '{ print $2, $3 }' "$T/events" | sort -u | wc -l)
echo "$(wc -l <"$T/events") mentions, $unique events"
expect "the reports' 63 events, each year once" [ "$unique" -eq 63 ]

# The reports' own phrasing for a sample, with their numbers.
for l in \
    '2023-09-21,relation:JP,.*,Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023)$' \
    '2023-06-25,partnership:TH:strategic,.*,Kỷ niệm 10 năm quan hệ Đối tác Chiến lược Việt Nam – Thái Lan (25/6/2013 – 25/6/2023)$' \
    '2023-11-09,national-day:KH,.*,Kỷ niệm 70 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2023)$' \
    '2023-03-01,dong_sy_nguyen_birth,.*,Kỷ niệm 100 năm ngày sinh đồng chí Trung tướng Đồng Sỹ Nguyên (1/3/1923 – 1/3/2023)$' \
    '2023-10-03,national-day:DE,.*,Kỷ niệm 33 năm ngày Thống nhất nước Đức (3/10/1990 – 3/10/2023)$'
do
	expect_grep "$l" "$T/2023.csv"
done
expect_grep '^2024-02-10,tet,.*"Tết Nguyên đán Giáp Thìn 2024 (10/2/2024, 1/1 âm lịch)"$' "$T/2024.csv"
expect_grep '^2024-04-14,lao_new_year,.*"Tết cổ truyền Bunpimay (Lào, 14 – 17/4/2024)"$' "$T/2024.csv"
expect_grep '^2024-04-13,khmer_new_year,.*"Tết cổ truyền Chol Chnam Thmay (Campuchia, 13 – 16/4/2024)"$' "$T/2024.csv"

#!/bin/sh
# kyniem plan YEAR --format md: the reports' structure, the best ranked
# milestones of 2024 in section 1.1 (at most [plan] top, focus countries
# first), the others in their own appendix with why, all in section 3, the Tết line with its Can Chi, the
# ASEAN block with the year's New Year dates, and a golden file.
. "$SRC/tests/lib.sh"
initdb
# The union's focus countries (those of the reports' unions) lead 1.1.
cat >>"$T/kyniem.conf" <<EOC
[organisation]
focus_countries = LA, KH, CU, RU, CN, JP, KR, DE, FR, IT
EOC

expect "plan 2024 --format md" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --format md >"$T/plan.md"
expect_diff "$DATA/plan-2024.md" "$T/plan.md"

# section BEGIN END FILE: the lines from heading BEGIN to heading END.
section() {
	awk -v b="$1" -v e="$2" 'index($0, b) == 1 { on = 1; next }
	    index($0, e) == 1 { on = 0 } on' "$3"
}
section '### 1.1.' '### 1.2.' "$T/plan.md" >"$T/s11"
section '## 3.' '## 4.' "$T/plan.md" >"$T/s3"
section '### 1.2.' '### 1.3.' "$T/plan.md" >"$T/s12"
section '### 1.3.' '### 1.4.' "$T/plan.md" >"$T/s13"
section '### 1.4.' '## 2.' "$T/plan.md" >"$T/s14"
section '**CÁC NGÀY KỶ NIỆM NĂM CHẴN KHÁC**' '**LỊCH CÁC NGÀY' \
    "$T/plan.md" >"$T/others"

# 1.1 names six (the default top), the focus countries' and partners'
# first; the 21 others of the year are in the appendix, by relevance,
# each with why: what the reports' plans do (Đắk Lắk's names three).
expect "1.1 names 6 milestones ($(grep -c '^- ' "$T/s11"))" \
    [ "$(grep -c '^- ' "$T/s11")" -eq 6 ]
for l in \
    '- Kỷ niệm 75 năm Quốc khánh Cộng hòa Nhân dân Trung Hoa (1/10/1949 – 1/10/2024)' \
    '- Kỷ niệm 15 năm quan hệ Đối tác Chiến lược Việt Nam – Hàn Quốc (21/10/2009 – 21/10/2024)'
do
	expect "1.1 has '$l'" grep -qxF -- "$l" "$T/s11"
done
for l in \
    '- Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024)' \
    '- Kỷ niệm 70 năm thiết lập quan hệ ngoại giao Việt Nam – Mông Cổ (17/11/1954 – 17/11/2024)' \
    '- Kỷ niệm 35 năm thiết lập quan hệ ngoại giao Việt Nam – Brazil (8/5/1989 – 8/5/2024)'
do
	expect "the appendix of others has '$l'" grep -qxF -- "$l" "$T/others"
	expect "1.1 has not '$l'" sh -c '! grep -qxF -- "$1" "$2"' _ "$l" \
	    "$T/s11"
done
expect "every other milestone says why" \
    [ "$(grep -c '^- ' "$T/others")" -eq \
    "$(grep -c '^  - Mức độ liên quan: [0-9]* điểm' "$T/others")" ]
expect_grep '^  - Mức độ liên quan: 20 điểm (năm chẵn 10, đối tác toàn diện 10)$' "$T/others"
# The CSV's section column counts the same: "1.1" or "PL" (appendix).
"$KYNIEM" --today 2023-12-20 plan 2024 --format csv >"$T/plan.csv"
n11=$(grep -c '^- ' "$T/s11")
nothers=$(grep -c '^- ' "$T/others")
want=$("$PYTHON" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(sum(r["section"].split(",")[0] in ("1.1", "PL") for r in rows),
      sum(r["section"].split(",")[0] == "1.1" for r in rows))
' "$T/plan.csv")
expect "1.1 and the appendix hold the CSV's milestones of 1.1 and PL: $n11 + $nothers, $want" \
    [ "$((n11 + nothers)) $n11" = "$want" ]
# Every bullet of 1.1 has its line for the planned activity.
expect "every bullet of 1.1 has an activity line" \
    [ "$(grep -c '^- ' "$T/s11")" -eq "$(grep -c '^  - Hoạt động' "$T/s11")" ]
# Focus countries first: Cuba's national day (65) leads.
head -n 2 "$T/s11" >"$T/s11.head"
expect_grep 'Cuba' "$T/s11.head"
for c in 'Thụy Điển' 'Mông Cổ' 'Brazil'; do
	expect_grep "trong năm 2024: .*$c" "$T/s3"
done
expect_grep '^- Tết Nguyên đán Giáp Thìn 2024 (10/2/2024, 1/1 âm lịch)$' "$T/s13"
expect_grep '^- Giỗ Tổ Hùng Vương (18/4/2024, 10/3 âm lịch)$' "$T/s13"
expect_grep '^- Tết cổ truyền Bunpimay (Lào, 14/4/2024 – 17/4/2024)$' "$T/s12"
expect_grep '^- Tết cổ truyền Chol Chnam Thmay (Campuchia, 13/4/2024 – 16/4/2024)$' "$T/s12"
expect_grep '^- Quốc khánh Lào (2/12/2024)$' "$T/s12"
expect_grep '^- Quốc khánh Campuchia (9/11/2024)$' "$T/s12"
expect_grep '^- Ngày Quốc tế Phụ nữ (8/3/2024)$' "$T/s14"
expect_grep '^- Tết Trung thu (17/9/2024, 15/8 âm lịch)$' "$T/s14"
expect_grep '^- Ngày truyền thống công tác đối ngoại nhân dân (17/11/2024)$' "$T/s14"
expect_grep '^  - Quốc khánh Nhật Bản (23/2/2024)$' "$T/s14"
expect_grep '^## 2. Công tác phi chính phủ nước ngoài$' "$T/plan.md"
expect_grep '^## 4. Công tác khác$' "$T/plan.md"
# Nothing silently missing: a row known to the month at its month, those
# known only to the year in 1.1's list of days to confirm and at the end
# of the appendix; what is not confirmed says so; notes under the bullet.
expect_grep '^- Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024)$' "$T/others"
expect_grep '^Các ngày kỷ niệm năm chẵn, năm tròn chưa rõ ngày (cần xác minh ngày trước khi lên kế hoạch):$' "$T/s11"
expect_grep '^- Kỷ niệm 20 năm quan hệ Đối tác Toàn diện Việt Nam – Nam Phi (2004 – 2024)$' "$T/s11"
expect_grep '^- Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Mauritius (1994 – 2024)$' "$T/others"
expect_grep '^- Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Gruzia (30/6/1994 – 30/6/2024) (chưa xác minh)$' "$T/others"
expect_grep '^| 30/6 | Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Gruzia (30/6/1994 – 30/6/2024) (chưa xác minh) (Lưu ý: Ngày ghi theo trí nhớ, chưa có nguồn xác nhận' "$T/plan.md"
expect_grep '^| chưa rõ ngày | Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024) (Lưu ý: Chỉ biết tháng, chưa tìm thấy ngày) | năm tròn |' "$T/plan.md"
# The appendix: every month, every date of the year, then the rows known
# only to the year.
expect "12 months in the appendix" \
    [ "$(grep -c '^### Tháng ' "$T/plan.md")" -eq 12 ]
"$KYNIEM" anniversaries 2024 --format csv >"$T/all.csv"
want=$(($(wc -l <"$T/all.csv") - 1))
got=$(sed -n '/^\*\*LỊCH CÁC NGÀY/,/^### Các ngày kỷ niệm chưa rõ ngày/p' "$T/plan.md" |
    grep -c '^| [0-9]\|^| chưa rõ ngày')
expect "the appendix has every date: $got of $want" [ "$got" -eq "$want" ]
section '### Các ngày kỷ niệm chưa rõ ngày' '#' "$T/plan.md" >"$T/undated"
expect_grep '^| chưa rõ ngày | Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Bénin (1974 – 2024)\|^| chưa rõ ngày | Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Mauritius (1994 – 2024)' "$T/undated"

# Organisation and province from config; English on request.
cat >>"$T/kyniem.conf" <<EOC
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
province = Khánh Hòa
EOC
"$KYNIEM" --today 2023-12-20 plan 2024 >"$T/org.md"
# Too long for its half of the page: broken before "tỉnh", not inside.
expect_grep '^\*\*LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ\*\*  $' "$T/org.md"
expect_grep '^\*\*TỈNH KHÁNH HÒA\*\*  $' "$T/org.md"
expect_grep '^_Khánh Hòa, ngày 20 tháng 12 năm 2023_$' "$T/org.md"
# The decree's header: the number with the plan's symbol, the motto, the
# kind and title; the recipients and signature close the plan's body.
expect_grep '^Số: .*/KH-LHHN$' "$T/org.md"
expect_grep '^\*\*Độc lập - Tự do - Hạnh phúc\*\*$' "$T/org.md"
expect_grep '^# KẾ HOẠCH$' "$T/org.md"
expect_grep '^\*\*Phương hướng hoạt động năm 2024\*\*$' "$T/org.md"
expect_grep '^\*\*Nơi nhận:\*\*$' "$T/org.md"
expect_grep '^\*\*CHỦ TỊCH\*\*$' "$T/org.md"
"$KYNIEM" --today 2023-12-20 plan 2024 --lang en >"$T/en.md"
expect_grep '^# PLAN$' "$T/en.md"
expect_grep '^\*\*Activity plan for 2024\*\*$' "$T/en.md"
expect_grep '^_Khanh Hoa, 20 December 2023_$' "$T/en.md"
expect_grep '^\*\*SOCIALIST REPUBLIC OF VIET NAM\*\*  $' "$T/en.md"
expect_grep '^- 55th anniversary of Vietnam–Sweden diplomatic relations (11 Jan 1969 – 11 Jan 2024)$' "$T/en.md"
expect_grep 'Vietnam and other countries in 2024: .*Sweden' "$T/en.md"

# Usage errors exit 2, naming what is wrong.
test_must_fail_with --status=2 \
    "--format must be md, html, docx, pdf or csv, not 'odt'" \
    "$KYNIEM" plan 2024 --format odt
test_must_fail_with --status=2 "'abc' is not a year between 1800 and" \
    "$KYNIEM" plan abc
test_must_fail_with --status=2 "--lang must be vi or en, not 'fr'" \
    "$KYNIEM" plan 2024 --lang fr
test_must_fail_with --status=2 "'1700' is not a year between 1800 and" \
    "$KYNIEM" plan 1700
expect "docx to a file on stdout" \
    "$KYNIEM" plan 2024 --format docx >"$T/pipe.docx"
exit 0

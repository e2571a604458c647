#!/bin/sh
# kyniem plan YEAR on the shipped configuration (the Khánh Hòa union's):
# a KẾ HOẠCH with its four parts (I. Mục đích, yêu cầu; II. Nội dung;
# III. Tổ chức thực hiện; IV. Kinh phí) and staff's texts in them (the
# sections of `kyniem text`, in their places), the best ranked milestones of
# 2024 in II.1.1 (at most [plan] top, focus countries first), the
# ASEAN, overseas and annual occasions, the letters, the relations to
# publicise, nothing meant for staff only, and a golden file; the
# calendar of the year only with --appendix, a document of its own.
. "$SRC/tests/lib.sh"
initdb_shipped
TODAY=2023-12-20
# Its narrative sections written, as staff write them.
for key in basis purpose requirements organisation budget; do
	K text set plan 2024 "$key" --file "$DATA/plan-texts/$key.txt" \
	    >/dev/null || die "text set plan 2024 $key"
done

expect "plan 2024 --format md" K plan 2024 --format md >"$T/plan.md"
expect_diff "$DATA/plan-2024.md" "$T/plan.md"

# section BEGIN END FILE: the lines from heading BEGIN to heading END.
section() {
	awk -v b="$1" -v e="$2" 'index($0, b) == 1 { on = 1; next }
	    index($0, e) == 1 { on = 0 } on' "$3"
}
# The four parts, in order, and the end after them.
grep -n '^## \|^\*\*Nơi nhận:\*\*$' "$T/plan.md" | cut -d: -f2- >"$T/parts"
expect_diff - "$T/parts" <<'EOF'
## I. Mục đích, yêu cầu
## II. Nội dung
## III. Tổ chức thực hiện
## IV. Kinh phí
**Nơi nhận:**
EOF
grep '^###' "$T/plan.md" >"$T/heads"
expect_diff - "$T/heads" <<'EOF'
### 1. Mục đích
### 2. Yêu cầu
### 1. Công tác hòa bình, đoàn kết, hữu nghị
#### 1.1. Các ngày kỷ niệm năm chẵn, năm tròn
#### 1.2. Hoạt động khối ASEAN
#### 1.3. Hoạt động kiều bào
#### 1.4. Hoạt động thường niên
#### 1.5. Thư, điện chúc mừng
### 2. Công tác phi chính phủ nước ngoài
### 3. Công tác thông tin đối ngoại
### 4. Công tác khác
EOF
section '#### 1.1.' '#### 1.2.' "$T/plan.md" >"$T/s11"
section '#### 1.2.' '#### 1.3.' "$T/plan.md" >"$T/s12"
section '#### 1.3.' '#### 1.4.' "$T/plan.md" >"$T/s13"
section '#### 1.4.' '#### 1.5.' "$T/plan.md" >"$T/s14"
section '#### 1.5.' '### 2.' "$T/plan.md" >"$T/s15"
section '### 3.' '### 4.' "$T/plan.md" >"$T/s3"

# Notes, marks of unconfirmed dates, scores, stamps and blanks for staff
# are never in the plan (Japan's partnership has a note and is not
# confirmed; it is in 1.1 all the same).
for w in 'Lưu ý' 'chưa xác minh' 'điểm' 'kyniem' '…' 'Dự thảo' \
    'Hoạt động dự kiến' 'Cần bổ sung' 'Phụ lục' 'Tháng 1'; do
	expect_no_grep "$w" "$T/plan.md"
done

# 1.2-1.4 read through the year in date order, whichever of the
# section's selectors took an occasion (Brunei's 23/2 before Cambodia's
# 13/4, though the ASEAN national days are its second selector); only
# 1.1 is ranked.
grep -o 'Pol Pot\|Brunei\|Chol Chnam Thmay\|Bunpimay\|Quốc khánh Campuchia\|Quốc khánh Lào' \
    "$T/s12" >"$T/s12.order"
expect_diff - "$T/s12.order" <<'EOF'
Pol Pot
Brunei
Chol Chnam Thmay
Bunpimay
Quốc khánh Campuchia
Quốc khánh Lào
EOF
grep -o 'Tết Dương lịch\|Phụ nữ\|Trung thu\|đối ngoại nhân dân' "$T/s14" \
    >"$T/s14.order"
expect_diff - "$T/s14.order" <<'EOF'
Tết Dương lịch
Phụ nữ
Trung thu
đối ngoại nhân dân
EOF

# 1.1 names six (the default top) by rank: the focus countries' and the
# partners' first; the others of the year are not in the plan (the
# documents page lists them with their scores).
expect "1.1 names 6 milestones ($(grep -c '^- ' "$T/s11"))" \
    [ "$(grep -c '^- ' "$T/s11")" -eq 6 ]
head -n 2 "$T/s11" | tail -n 1 >"$T/s11.head"
expect_diff - "$T/s11.head" <<'EOF'
- Tổ chức các hoạt động kỷ niệm 75 năm Quốc khánh Cộng hòa Nhân dân Trung Hoa (1/10/1949 – 1/10/2024).
EOF
for l in \
    '- Tổ chức các hoạt động kỷ niệm 15 năm quan hệ Đối tác Chiến lược Việt Nam – Nhật Bản (20/4/2009 – 20/4/2024).' \
    '- Tổ chức các hoạt động kỷ niệm 65 năm Quốc khánh Cộng hòa Cuba (1/1/1959 – 1/1/2024).' \
    '- Tổ chức các hoạt động kỷ niệm 20 năm quan hệ Đối tác Toàn diện Việt Nam – Nam Phi (2004 – 2024).'
do
	expect "1.1 has '$l'" grep -qxF -- "$l" "$T/s11"
done
for c in 'Thụy Điển' 'Mông Cổ' 'Brazil'; do
	expect_no_grep "$c" "$T/s11"
	expect_grep "trong năm 2024: .*$c" "$T/s3"
done
# The CSV's section column counts the same: "1.1" named, "PL" not.
K plan 2024 --format csv >"$T/plan.csv"
want=$("$PYTHON" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(sum(r["section"].split(",")[0] == "1.1" for r in rows))
' "$T/plan.csv")
expect "1.1 holds the CSV's rows of 1.1 ($want)" \
    [ "$(grep -c '^- ' "$T/s11")" -eq "$want" ]

expect_grep '^- Tổ chức các hoạt động nhân dịp Tết cổ truyền Bunpimay (Lào, 14 – 17/4/2024)\.$' "$T/s12"
expect_grep '^- Tổ chức các hoạt động nhân dịp Quốc khánh Lào (2/12/2024)\.$' "$T/s12"
expect_grep '^- Tổ chức các hoạt động nhân dịp Quốc khánh Campuchia (9/11/2024)\.$' "$T/s12"
expect_grep '^- Tổ chức các hoạt động nhân dịp Tết Nguyên đán Giáp Thìn 2024 (10/2/2024, 1/1 âm lịch)\.$' "$T/s13"
expect_grep '^- Tổ chức các hoạt động nhân dịp Giỗ Tổ Hùng Vương (18/4/2024, 10/3 âm lịch)\.$' "$T/s13"
expect_grep '^- Tổ chức các hoạt động nhân dịp Ngày Quốc tế Phụ nữ (8/3/2024)\.$' "$T/s14"
expect_grep '^- Tổ chức các hoạt động nhân dịp Tết Trung thu (17/9/2024, 15/8 âm lịch)\.$' "$T/s14"
expect_grep '^- Tổ chức các hoạt động nhân dịp Ngày truyền thống công tác đối ngoại nhân dân (17/11/2024)\.$' "$T/s14"
# The national days of focus countries and partners in one sentence,
# by date.
expect_grep '^- Gửi thư, điện chúc mừng đến Đại sứ quán, Tổng Lãnh sự quán các nước nhân dịp Ngày Australia (26/1/2024); .*; Quốc khánh Nhật Bản (23/2/2024); .*; Quốc khánh Thái Lan (5/12/2024)\.$' "$T/s15"
expect_grep '^- Tiếp tục hỗ trợ các tổ chức đối tác triển khai hoạt động tại Khánh Hòa\.$' "$T/plan.md"
# Staff's texts where they belong: the basis before I, the purpose and
# the requirements numbered in I, who does what in III (instead of the
# union's share), the funding in IV.
awk '/^## I\./ { exit } on && NF; /^\*\*Hoạt động đối ngoại/ { on = 1 }' \
    "$T/plan.md" >"$T/basis"
expect_diff "$DATA/plan-texts/basis.txt" "$T/basis"
section '### 1. Mục đích' '### 2. Yêu cầu' "$T/plan.md" | grep . >"$T/purpose"
grep . "$DATA/plan-texts/purpose.txt" >"$T/purpose.want"
expect_diff "$T/purpose.want" "$T/purpose"
section '## III.' '## IV.' "$T/plan.md" | grep . >"$T/part3"
grep . "$DATA/plan-texts/organisation.txt" >"$T/part3.want"
expect_diff "$T/part3.want" "$T/part3"
section '## IV.' '**Nơi nhận' "$T/plan.md" | grep . >"$T/part4"
grep . "$DATA/plan-texts/budget.txt" >"$T/part4.want"
expect_diff "$T/part4.want" "$T/part4"
# Without them, the union's share in III, and no heading of a section
# nobody wrote; an empty text ends what an earlier year's gave.
expect "plan 2025 without texts of its own" K plan 2025 >"$T/p25.md"
expect_grep '^### 2\. Yêu cầu$' "$T/p25.md"
for key in basis purpose requirements organisation budget; do
	K text set plan 2025 "$key" --file /dev/null >/dev/null ||
	    die "text set plan 2025 $key ''"
done
expect "plan 2025 with its texts emptied" K plan 2025 >"$T/e25.md"
expect_no_grep 'Mục đích$' "$T/e25.md"
expect_no_grep 'Yêu cầu$' "$T/e25.md"
expect_grep '^Liên hiệp chủ trì, phối hợp với các tổ chức thành viên và các cơ quan, đơn vị liên quan tổ chức thực hiện Kế hoạch\.$' "$T/e25.md"

# The header from the shipped [organisation]: too long for its half of
# the page, the name is broken before "tỉnh", not inside.
expect_grep '^\*\*LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ\*\*  $' "$T/plan.md"
expect_grep '^\*\*TỈNH KHÁNH HÒA\*\*  $' "$T/plan.md"
expect_grep '^_Khánh Hòa, ngày 20 tháng 12 năm 2023_$' "$T/plan.md"
expect_grep '^Số: .*/KH-LHHN$' "$T/plan.md"
expect_grep '^\*\*Độc lập - Tự do - Hạnh phúc\*\*$' "$T/plan.md"
expect_grep '^# KẾ HOẠCH$' "$T/plan.md"
expect_grep '^\*\*Hoạt động đối ngoại nhân dân năm 2024\*\*$' "$T/plan.md"
expect_grep '^\*\*CHỦ TỊCH\*\*$' "$T/plan.md"

# The appendix: the calendar of the milestones and the focus countries'
# days, a document of its own headed as attached to the plan.
expect "plan 2024 --appendix" K plan 2024 --appendix >"$T/appendix.md"
# The number's blank is no-break spaces, kept by every format.
head -n 5 "$T/appendix.md" | sed 's/\xc2\xa0/ /g' >"$T/appendix.head"
expect_diff - "$T/appendix.head" <<'EOF'
**Phụ lục**

**LỊCH CÁC NGÀY KỶ NIỆM NĂM 2024**

_(Kèm theo Kế hoạch số       /KH-LHHN ngày 20/12/2023 của Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa)_
EOF
expect_grep '^| 18/1 | Kỷ niệm 74 năm thiết lập quan hệ ngoại giao Việt Nam – Trung Quốc (18/1/1950 – 18/1/2024) |  |  |$' "$T/appendix.md"
expect_grep '^| 14/1 | Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Malta (14/1/1974 – 14/1/2024) | đại lễ |  |$' "$T/appendix.md"
expect_grep '^| Trong tháng | Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024) | năm tròn |  |$' "$T/appendix.md"
expect_grep '^| 30/6 | Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Gruzia (30/6/1994 – 30/6/2024) | năm tròn |  |$' "$T/appendix.md"
expect_grep '^### Trong năm 2024$' "$T/appendix.md"
expect_grep '^| 2024 | Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Mauritius (1994 – 2024) | năm tròn |  |$' "$T/appendix.md"
# Neither a milestone nor a focus country's: not in it.
expect_no_grep 'Bahamas' "$T/appendix.md"
for w in 'Lưu ý' 'chưa xác minh' 'điểm' 'Nơi nhận' 'CỘNG HÒA'; do
	expect_no_grep "$w" "$T/appendix.md"
done
# Every milestone of the year is in it (the CSV's rows that count).
"$PYTHON" - "$T/plan.csv" "$T/appendix.md" <<'EOF' >"$T/missing"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
text = open(sys.argv[2], encoding="utf-8").read()
for r in rows:
    if r["milestone"] != "none" and r["kind"] != "activity" and \
            r["title"] not in text:
        print(r["title"])
EOF
expect "every milestone of the year in the appendix" [ ! -s "$T/missing" ]

# English on request.
K plan 2024 --lang en >"$T/en.md"
expect_grep '^# PLAN$' "$T/en.md"
expect_grep '^\*\*People-to-people diplomacy activities in 2024\*\*$' "$T/en.md"
expect_grep '^_Khanh Hoa, 20 December 2023_$' "$T/en.md"
expect_grep '^\*\*SOCIALIST REPUBLIC OF VIET NAM\*\*  $' "$T/en.md"
expect_grep '^## III. Implementation$' "$T/en.md"
expect_grep '^- Activities to mark the 75th anniversary of the founding of the People.s Republic of China\|^- Activities to mark the 75th anniversary' "$T/en.md"
expect_grep 'Vietnam and other countries in 2024: .*Sweden' "$T/en.md"
# English gives the country its article where it takes one.
expect_grep 'National Day of the United States (4 Jul 2024)' "$T/en.md"
expect_grep 'National Day of the Philippines (12 Jun 2024)' "$T/en.md"
expect_grep 'National Day of Japan (23 Feb 2024)' "$T/en.md"
expect_no_grep 'of United States\|of Philippines\|of Republic' "$T/en.md"
K plan 2024 --lang en --appendix >"$T/en-appendix.md"
expect_grep '^\*\*Appendix\*\*$' "$T/en-appendix.md"
expect_grep '^_(Attached to Plan No\.' "$T/en-appendix.md"

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

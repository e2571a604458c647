#!/bin/sh
# The Khánh Hòa plan for 2024 as a union prints it: the shipped
# configuration and calendars, the plan's narrative sections written
# (tests/data/plan-texts), the .docx printed by LibreOffice.  It has the
# four parts of a KẾ HOẠCH with staff's texts under them, nothing meant
# for staff only, and fits in 12 pages; its appendix is a document of
# its own.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/lolib.sh"
lo_ready || skip_all "LibreOffice (libreoffice-writer) or poppler-utils not installed"
[ "$KYNIEM_BUILD" = san ] &&
    skip_all "the sanitizer build makes the same files; printed once, in the normal build"
initdb_shipped
TODAY=2023-12-20

# The narrative sections, every one the plan has, as staff write them.
"$KYNIEM" text sections plan | cut -f1 >"$T/keys"
expect "the plan has five sections" [ "$(wc -l <"$T/keys")" = 5 ]
while read -r key; do
	expect "text set plan 2024 $key" K text set plan 2024 "$key" \
	    --file "$DATA/plan-texts/$key.txt"
done <"$T/keys"

expect "plan 2024 --format docx" K plan 2024 --format docx \
    --out "$T/plan.docx"
expect "plan 2024 --appendix --format docx" K plan 2024 --appendix \
    --format docx --out "$T/appendix.docx"
expect "plan 2024 --format md" K plan 2024 >"$T/plan.md"
lo_pdf "$T/pdf" "$T/plan.docx" "$T/appendix.docx"
expect "LibreOffice printed the plan" [ -s "$T/pdf/plan.pdf" ]
n=$(lo_pages "$T/pdf/plan.pdf")
echo "pages: plan $n, appendix $(lo_pages "$T/pdf/appendix.pdf")" >&2
expect "the plan fits in 12 pages ($n)" [ "${n:-99}" -le 12 ]
expect "the plan is more than its first page ($n)" [ "${n:-0}" -ge 2 ]

# What the printed plan says: its parts in order, staff's texts in them.
pdftotext -layout "$T/pdf/plan.pdf" "$T/plan.txt"
sed -e 's/^[[:space:]]*//' "$T/plan.txt" | grep -e '^I\. ' -e '^II\. ' \
    -e '^III\. ' -e '^IV\. ' >"$T/parts"
expect_diff - "$T/parts" <<'EOF'
I. Mục đích, yêu cầu
II. Nội dung
III. Tổ chức thực hiện
IV. Kinh phí
EOF
for l in '### 1. Mục đích' '### 2. Yêu cầu' \
    'Các tổ chức thành viên căn cứ Kế hoạch này, chủ động xây dựng kế hoạch hoạt động của đơn vị mình và phối hợp với Văn phòng Liên hiệp tổ chức thực hiện; định kỳ 6 tháng và cuối năm báo cáo kết quả về Liên hiệp.' \
    'Các tổ chức thành viên chủ động bố trí kinh phí cho các hoạt động do đơn vị mình chủ trì.'; do
	expect "the plan has '$l'" grep -qxF -- "$l" "$T/plan.md"
done
awk '/^## I\./ { on = 1 } /^## II\./ { on = 0 } on' "$T/plan.md" >"$T/part1"
expect_grep '^Tăng cường quan hệ hữu nghị' "$T/part1"
expect_grep '^Chủ động nắm bắt tình hình' "$T/part1"
awk '/^## IV\./ { on = 1 } /^\*\*Nơi nhận/ { on = 0 } on' "$T/plan.md" \
    >"$T/part4"
expect_grep '^Kinh phí thực hiện Kế hoạch từ nguồn ngân sách' "$T/part4"
# The basis opens the plan, before its part I.
awk '/^\*\*Hoạt động đối ngoại nhân dân năm 2024\*\*$/ { on = 1; next }
    /^## I\./ { on = 0 } on && NF' "$T/plan.md" >"$T/basis"
expect_diff "$DATA/plan-texts/basis.txt" "$T/basis"
for w in 'Lưu ý' 'chưa xác minh' 'điểm' 'kyniem' '…' 'Dự thảo' \
    'Cần bổ sung' 'Hoạt động dự kiến' 'Kèm theo'; do
	expect "the printed plan has no '$w'" \
	    [ "$(grep -c -- "$w" "$T/plan.txt")" = 0 ]
done
expect_grep 'kỷ niệm 75 năm Quốc khánh' \
    "$T/plan.txt"
expect_grep 'CHỦ TỊCH' "$T/plan.txt"

# Its appendix, printed on its own: headed as attached to the plan.
pdftotext -f 1 -l 1 "$T/pdf/appendix.pdf" - | grep -v '^[[:space:]]*$' |
    sed -n '1,3p' >"$T/appendix.txt"
expect_diff - "$T/appendix.txt" <<'EOF'
Phụ lục
LỊCH CÁC NGÀY KỶ NIỆM NĂM 2024
(Kèm theo Kế hoạch số
EOF
exit 0

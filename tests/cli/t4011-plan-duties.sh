#!/bin/sh
# The plan says who does what and what it costs, from the activities
# staff enter with `kyniem activity add`: each under its occasion with
# its dates, place, the member organisation or organiser in charge and
# the staff who see to it (by name, never by address); in part III the
# staff and then the member organisations with their activities; in
# part IV the budgets summed, saying how many activities the sum
# covers.  The CSV's rows carry the same names.
. "$SRC/tests/lib.sh"
initdb_shipped
TODAY=2023-12-20

K recipient add --email an@example.org --name 'Nguyễn Thị An' \
    --follow none >/dev/null || die "recipient add"
K member add vn-lao --name 'Hội hữu nghị Việt Nam – Lào tỉnh' \
    --kind bilateral >/dev/null || die "member add"
add() {
	K activity add "$@" >/dev/null || die "activity add $*"
}
add --title 'Giao lưu bóng chuyền sinh viên Việt Nam – Lào – Campuchia' \
    --start 2024-04-14 --location 'Nha Trang' --observance lao_new_year \
    --owner an@example.org --budget 15000000 --category annual
add --title 'Gặp mặt học viên Lào' --start 2024-12-01 \
    --location 'Trường Chính trị tỉnh' --observance national-day:LA \
    --member vn-lao --budget 5000000
add --title 'Lớp học tiếng Lào' --start 2024-01-01 --end 2024-12-31 \
    --member vn-lao
add --title 'Đoàn công tác thăm tỉnh Champasak' --start 2024-10-07 \
    --end 2024-10-11 --location 'Champasak, Lào' --category delegation-out \
    --organiser 'Sở Ngoại vụ'
add --title 'Đăng tin về Năm Du lịch quốc gia' --start 2024-05-01 \
    --category information --owner an@example.org
add --title 'Hủy bỏ' --start 2024-06-01 --status cancelled --budget 1000000

expect "plan 2024" K plan 2024 >"$T/plan.md"
# section BEGIN END: the lines from heading BEGIN to heading END.
section() {
	awk -v b="$1" -v e="$2" 'index($0, b) == 1 { on = 1; next }
	    index($0, e) == 1 { on = 0 } on' "$T/plan.md"
}
section '#### 1.2. Hoạt động khối ASEAN' '#### 1.3.' >"$T/asean"
expect_grep '^- Nhân dịp Tết cổ truyền Bunpimay (Lào, 14 – 17/4/2024): Giao lưu bóng chuyền sinh viên Việt Nam – Lào – Campuchia (14/4/2024, tại Nha Trang, Nguyễn Thị An phụ trách)\.$' "$T/asean"
expect_grep '^- Nhân dịp Quốc khánh Lào (2/12/2024): Gặp mặt học viên Lào (1/12/2024, tại Trường Chính trị tỉnh, Hội hữu nghị Việt Nam – Lào tỉnh chủ trì)\.$' "$T/asean"
section '#### 1.6. Đoàn ra, đoàn vào' '### 2.' >"$T/deleg"
expect_grep '^- Đoàn công tác thăm tỉnh Champasak (7 – 11/10/2024, tại Champasak, Lào, Sở Ngoại vụ chủ trì)\.$' "$T/deleg"
section '### 3. Công tác thông tin đối ngoại' '### 4.' >"$T/info"
expect_grep '^- Đăng tin về Năm Du lịch quốc gia (1/5/2024, Nguyễn Thị An phụ trách)\.$' "$T/info"
# A member's activity for no occasion is in III only, without a span
# for a year whose days are not known.
expect "the member's course is listed once" \
    [ "$(grep -c 'Lớp học tiếng Lào' "$T/plan.md")" = 1 ]
section '## III. Tổ chức thực hiện' '## IV.' | grep . >"$T/part3"
expect_diff - "$T/part3" <<'EOF'
Liên hiệp chủ trì, phối hợp với các tổ chức thành viên và các cơ quan, đơn vị liên quan tổ chức thực hiện Kế hoạch.
Cán bộ phụ trách các hoạt động của Liên hiệp:
- Nguyễn Thị An phụ trách:
  - Giao lưu bóng chuyền sinh viên Việt Nam – Lào – Campuchia (14/4/2024, tại Nha Trang);
  - Đăng tin về Năm Du lịch quốc gia (1/5/2024).
Các tổ chức thành viên chủ trì các hoạt động:
- Hội hữu nghị Việt Nam – Lào tỉnh chủ trì:
  - Lớp học tiếng Lào;
  - Gặp mặt học viên Lào (1/12/2024, tại Trường Chính trị tỉnh).
EOF
section '## IV. Kinh phí' '**Nơi nhận' | grep . >"$T/part4"
expect_diff - "$T/part4" <<'EOF'
Kinh phí dự kiến của các hoạt động: 20.000.000 đồng (2 trong 5 hoạt động có dự trù kinh phí), gồm:
- Giao lưu bóng chuyền sinh viên Việt Nam – Lào – Campuchia (14/4/2024, tại Nha Trang): 15.000.000 đồng;
- Gặp mặt học viên Lào (1/12/2024, tại Trường Chính trị tỉnh): 5.000.000 đồng.
EOF
for w in 'example.org' 'Hủy bỏ' '31/12'; do
	expect_no_grep "$w" "$T/plan.md"
done
# English: the same facts in its words.
K plan 2024 --lang en >"$T/en.md"
expect_grep '^The activities.* planned cost: 20,000,000 VND (2 of the 5 activities have a budget), of which:$' "$T/en.md"
expect_grep '^- Nguyễn Thị An responsible:$' "$T/en.md"
# The CSV names the staff as the plan does.
K plan 2024 --format csv | tr -d '\r' >"$T/plan.csv"
expect_grep ',"Giao lưu bóng chuyền sinh viên Việt Nam – Lào – Campuchia (14/4/2024, tại Nha Trang, Nguyễn Thị An phụ trách)"$' "$T/plan.csv"
exit 0

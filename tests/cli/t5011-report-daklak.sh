# The year-end report of a second union, Đắk Lắk 2023, from the fixture
# made of its report (tests/data/seeds/dak-lak-2023), on 20/11/2023 as
# the report was written (its December events still to come).  The union
# itself sent or received no delegation: no such section, no zero count.
# Its own milestone activities lead 2.1 (France's contest said as
# planned, Singapore's race in the singular); the member associations'
# work, Japan's 50th and Cambodia's 70th national day among it, is under
# the members' section, association by association; the aid is totalled
# in đồng; the eleven meetings attended are one numbered sentence with
# their places; information work keeps its anniversaries.  The
# narrative sections are the report's own texts, set with `kyniem text
# set`: the context is I, the assessment follows the figures, the
# proposals come next (the report has no difficulties apart from its
# assessment: that section is emptied, left out on purpose and the
# headings renumbered), the direction is IV; no placeholder is left.
# The .docx says what the Markdown says (python3-docx).
. "$SRC/tests/lib.sh"
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[organisation]
name = Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk
short_name = Liên hiệp hữu nghị
province = Đắk Lắk
focus_countries = LA, KH, JP, KR
EOC
S="$DATA/seeds/dak-lak-2023"
TODAY=2023-11-20
K import "$S/members.csv" "$S/activities.csv" >"$T/import" ||
    die "the fixture does not import"
expect_grep '^76 rows read, 76 added or changed, 0 with errors$' "$T/import"

# Before the texts, the four sections the report needs are named.
K report 2023 >/dev/null 2>"$T/bare.err" || die "kyniem report 2023"
expect_grep "report 2023: sections not written: context, assessment, difficulties, proposals " \
    "$T/bare.err"
for k in context assessment proposals direction; do
	K text set report 2023 $k --file "$S/texts/$k.txt" >/dev/null ||
	    die "text set report 2023 $k"
done
K text set report 2023 difficulties --file /dev/null >"$T/empty" ||
    die "text set report 2023 difficulties (empty)"
expect_grep '^report 2023 difficulties: version 1 (empty: the section is left out)$' \
    "$T/empty"

K report 2023 >"$T/report.md" 2>"$T/report.err" || die "kyniem report 2023"
R="$T/report.md"
expect "nothing is left to write" [ ! -s "$T/report.err" ]
grep '^## ' "$R" >"$T/h1"
expect_diff - "$T/h1" <<'EOC'
## I. Bối cảnh tình hình
## II. Kết quả công tác đối ngoại nhân dân
## III. Đánh giá chung
## IV. Phương hướng hoạt động năm 2024
EOC
{ sed -n '/^## I\./,/^## IV\./p' "$R"; sed -n '/báo cáo\.\/\.$/,$p' "$R"; } \
    >"$T/own"
expect "the report's own part is there" [ "$(wc -l <"$T/own")" -gt 60 ]
grep -e '\\\[' -e 'Cần bổ sung' -e 'Dự thảo' "$R" >"$T/marks" || true
expect "no placeholder" [ ! -s "$T/marks" ]
# The texts as written, paragraph by paragraph, where they go.
sed -n '/^## I\./,/^## II\./p' "$R" | sed '1d;$d' | grep -v '^$' >"$T/i"
grep -v '^$' "$S/texts/context.txt" >"$T/want"
expect_diff "$T/want" "$T/i"
sed -n '/^### 1\. Kết quả đạt được$/,/^### 2\./p' "$R" | sed '1,2d;$d' |
    grep -v -e '^$' -e '^Trong năm 2023, Liên hiệp hữu nghị đã thực hiện ' \
    >"$T/iii1"
grep -v '^$' "$S/texts/assessment.txt" >"$T/want"
expect_diff "$T/want" "$T/iii1"
sed -n '/^### 2\. Đề xuất, kiến nghị$/,/^## IV\./p' "$R" | sed '1d;$d' |
    grep -v '^$' >"$T/prop"
grep -v '^$' "$S/texts/proposals.txt" >"$T/want"
expect_diff "$T/want" "$T/prop"
sed -n '/^## IV\./,/báo cáo\.\/\.$/p' "$R" | sed '1d;$d' | grep -v '^$' \
    >"$T/iv"
# (a bullet's text starts after the blanks that follow its dash)
grep -v '^$' "$S/texts/direction.txt" | sed 's/^\([-+]\)  */\1 /' \
    >"$T/want"
expect_diff "$T/want" "$T/iv"
expect_no_grep 'khó khăn, hạn chế$' "$T/own"
for bad in 'Kết quả:' 'đối tác:' 'Lưu ý' 'chưa xác minh' '[0-9] điểm' \
    'kyniem' 'Cần quyết định' 'chưa ghi nhận' '[^0-9]00 ' \
    '(1/1 – 31/12/2023)' 'Đoàn ra' 'Đoàn vào' 'Chưa '; do
	expect_no_grep "$bad" "$T/own"
done

grep '^### [0-9]' "$T/own" >"$T/sections"
expect_diff - "$T/sections" <<'EOC'
### 1. Công tác hòa bình, đoàn kết, hữu nghị
### 2. Công tác phi chính phủ nước ngoài
### 3. Công tác người Việt Nam ở nước ngoài
### 4. Công tác thông tin đối ngoại
### 5. Hoạt động của các đơn vị thành viên
### 6. Tham dự các hội nghị
### 7. Hoạt động khác
### 1. Kết quả đạt được
### 2. Đề xuất, kiến nghị
EOC
sed -n '/^#### 1\.1\./,/^#### 1\.2\./p' "$T/own" | grep '^Nhân' >"$T/ms"
expect_diff - "$T/ms" <<'EOC'
Nhân kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Pháp (12/4/1973 – 12/4/2023): Phối hợp với Đoàn trường Đại học Tây Nguyên tổ chức Hội thi sắc màu Việt Nam - Pháp tỉnh Đắk Lắk năm 2023, nhân kỷ niệm 50 năm thiết lập quan hệ ngoại giao (dự kiến 1/12/2023).
Nhân kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Singapore (1/8/1973 – 1/8/2023): Phối hợp với trường Phân hiệu Đại học Luật Hà Nội tại Đắk Lắk tổ chức thành công Giải Việt dã hữu nghị Việt Nam - Singapore tỉnh Đắk Lắk năm 2023 nhân kỷ niệm 50 năm ngày thiết lập quan hệ ngoại giao Việt Nam với Singapore (25/3/2023).
EOC
expect_grep '^Gửi 03 thư chúc mừng đến' "$R"
expect_grep '^- Thiết lập quan hệ ngoại giao Việt Nam – Malaysia: 01 thư$' "$R"
expect_grep '^Trong năm 2023, tổng số tiền tài trợ vận động được là 1\.060\.000\.000 đồng\.$' "$R"
expect_grep '^- Phối hợp với Hội hữu nghị Việt Nam - Nhật Bản và Chính quyền huyện Krông Năng triển khai Dự án xây dựng trường Mầm non Hoa Huệ do Tổ chức Espérance/Thụy Sỹ tài trợ tại thôn Ea Chiêu, xã Ea Tân, huyện Krông Năng (1/8/2023): trị giá 1 tỷ 060 triệu; khánh thành và bàn giao vào tháng 8/2023\.$' "$R"
expect_grep '^- Tuyên truyền kỷ niệm 60 năm ngày chiến thắng Ấp Bắc (02/01/1963-02/01/2023)\.$' "$R"

# The members, in the union's order; the one without activity not named.
sed -n '/^### 5\. Hoạt động của các đơn vị thành viên$/,/^### 6\./p' "$R" \
    >"$T/members"
grep '^- ' "$T/members" >"$T/names"
expect_diff - "$T/names" <<'EOC'
- Hội Hữu nghị Việt Nam - Lào tỉnh:
- Hội Hữu nghị Việt Nam - Campuchia tỉnh:
- Hội hữu nghị Việt Nam - Nhật Bản tỉnh:
- Hội hữu nghị Việt Nam - Hàn Quốc tỉnh:
EOC
expect_grep '^  - Tổ chức Gặp mặt kỷ niệm 70 năm Quốc khánh Vương quốc Campuchia (09/11/1953 – 09/11/2023) tại Đồn Biên phòng Sê Rê Pốk (743) cac Krông Ana, huyện Buôn Đôn\.$' "$T/members"
expect_grep '^  - Chương trình giao lưu văn hóa Việt Nam – Nhật Bản tỉnh Đắk Lắk năm 2023 nhân kỷ niệm 50 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973-21/9/2023)\.$' "$T/members"
expect_grep '^  - Đón tiếp, làm việc và hỗ trợ thủ tục pháp lý cho 4 đoàn, tổng số 10 người' "$T/members"
expect_no_grep 'Liên lạc với người Việt Nam' "$T/names"
sed -n '/^#### 1\.1\./,/^#### 1\.2\./p' "$T/own" >"$T/s11"
expect_no_grep 'Nhật Bản' "$T/s11"
expect_no_grep 'Campuchia' "$T/s11"

# The meetings attended, with their places and days.
grep '^Liên hiệp hữu nghị tham dự các hội nghị: ' "$R" >"$T/conf"
expect "eleven meetings" [ "$(grep -o '; ([0-9]*) ' "$T/conf" | wc -l)" -eq 10 ]
expect_grep ': (1) Hội nghị sơ kết 6 tháng đầu năm 2023 Cụm 3 tại tỉnh Quảng Nam (29/6/2023); (2) Hội nghi toàn quốc về công tác đối ngoại nhân dân năm 2023 tại tỉnh Bình Định (18 – 20/7/2023); (3) ' "$T/conf"
# What is still to come, as planned; the figures as far as they go.
expect_grep '^- Tổ chức giải bóng chuyền hữu nghị Việt Nam - Malaysia cho sinh viên các trường Đại học, Cao đẳng trên địa bàn tỉnh (dự kiến 1/12/2023)\.$' "$R"
expect_grep '^Trong năm 2023, Liên hiệp hữu nghị đã thực hiện 51 hoạt động, trong đó 03 thư chúc mừng; các đơn vị thành viên thực hiện 18 hoạt động; 134 lượt người tham dự (2 trong 69 hoạt động có ghi số người); hợp tác, giao lưu với đối tác của 13 nước: ' "$R"

# The checklist names the milestones left and the activities to
# complete, none of which is in the report.
K report 2023 --check >"$T/check"
expect_grep '^  Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Australia (26/2/1973 – 26/2/2023)$' "$T/check"
expect_grep '^Hoạt động đã thực hiện chưa ghi ngày (41):$' "$T/check"
expect_no_grep 'Việt Nam – Australia' "$T/own"
expect_no_grep '^  Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Malaysia' \
    "$T/check"
expect_no_grep 'Các phần báo cáo chưa viết' "$T/check"

# The .docx says the same.
if "$PYTHON" -c 'import docx' 2>/dev/null; then
	K report 2023 --format docx --out "$T/report.docx" || die "report docx"
	expect "the docx has the report's sentences" "$PYTHON" - \
	    "$T/report.docx" <<'PY'
import sys
import docx

text = [p.text for p in docx.Document(sys.argv[1]).paragraphs]
want = [
    "Hoạt động của các đơn vị thành viên",
    "Hội Hữu nghị Việt Nam - Lào tỉnh:",
    "Trong năm 2023, tổng số tiền tài trợ vận động được là 1.060.000.000 đồng.",
    "Năm 2023, thế giới có nhiều biến động phức tạp và khó lường.",
    "Đề nghị PACCOM tạo mọi điều kiện",
    "Tiếp tục đẩy mạnh công tác thông tin đối ngoại",
]
for w in want:
    if not any(w in t for t in text):
        sys.exit("no paragraph with %r" % w)
marks = [t for t in text if "[" in t or "Cần bổ sung" in t]
if marks:
    sys.exit("marked paragraphs: %r" % marks)
print("%d paragraphs" % len(text))
PY
else
	skip "python3-docx not installed"
fi

# The year-end report of a union year built from the Khánh Hòa 2023
# report (../shared/seeds: its activities entered in
# tests/data/khanhhoa-2023-activities.csv with the dates, titles,
# categories, countries and results the report gives; where it names no
# day, the fixture takes the occasion's day or a day of the month it
# names, plus one cancelled delegation and one anniversary activity still
# planned), imported with `kyniem import`.  Section II lists the 50th
# anniversary of Vietnam–Japan relations with its activities and counts
# the delegations as the report does ("01 đoàn"); the milestones of the
# year with no done activity are listed; the cancelled one is left out.
# The narrative sections are the report's own (tests/data/seeds), set
# with `kyniem text set`: no placeholder is left, and a section the
# report has not (proposals) is left out, heading and all.
# The .docx reads back with python3-docx paragraph for paragraph like the
# Markdown; LibreOffice prints it and its first page is looked at;
# a logged-in viewer downloads the same report from the web application.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
. "$SRC/tests/integration/lolib.sh"
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[organisation]
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
short_name = Liên hiệp Hữu nghị
province = Khánh Hòa
focus_countries = LA, KH, JP, RU, CN, FR, IN
EOC
TODAY=2023-12-15
K import "$DATA/khanhhoa-2023-activities.csv" >"$T/import" ||
    die "the fixture does not import"
expect_grep '^33 rows read, 33 added or changed, 0 with errors$' "$T/import"

# Before the texts: the sections not written are named on stderr and
# left out, and the first-level headings follow on (I. is the results).
K report 2023 >"$T/bare.md" 2>"$T/bare.err" || die "kyniem report 2023"
expect_grep "report 2023: sections not written: context, assessment, difficulties, proposals ('kyniem text set report 2023 KEY --file FILE' writes one)" \
    "$T/bare.err"
expect_grep '^## I\. Kết quả công tác đối ngoại nhân dân$' "$T/bare.md"
expect_no_grep 'Bối cảnh' "$T/bare.md"
expect_no_grep 'Cần bổ sung' "$T/bare.md"
K report 2023 --draft >"$T/draft.md" 2>/dev/null || fail "report --draft"
expect_grep '^_Dự thảo – chưa viết: Bối cảnh tình hình; Kết quả đạt được; Một số khó khăn, hạn chế; Đề xuất, kiến nghị\._$' \
    "$T/draft.md"
expect "the draft's line is on top, once" [ "$(grep -c 'Dự thảo' \
    "$T/draft.md")" = 1 ]
TX="$DATA/seeds/khanh-hoa-2023/texts"
for k in context assessment difficulties; do
	K text set report 2023 $k --file "$TX/$k.txt" >/dev/null ||
	    die "text set report 2023 $k"
done
K text set report 2023 proposals --file /dev/null >/dev/null ||
    die "text set report 2023 proposals (empty)"

K report 2023 >"$T/report.md" 2>"$T/report.err" || die "kyniem report 2023"
R="$T/report.md"
expect_no_grep 'not written' "$T/report.err"
K report 2023 --draft >"$T/draft.md" 2>/dev/null || fail "report --draft"
expect_diff "$R" "$T/draft.md"
expect_grep '^# BÁO CÁO$' "$R"
expect_grep '^\*\*Kết quả công tác đối ngoại nhân dân năm 2023 và phương hướng hoạt động năm 2024\*\*$' "$R"
expect_grep '^_Khánh Hòa, ngày 15 tháng 12 năm 2023_$' "$R"
for h in '## I. Bối cảnh tình hình' \
    '## II. Kết quả công tác đối ngoại nhân dân' \
    '## III. Đánh giá chung' '## IV. Phương hướng hoạt động năm 2024'; do
	expect_grep "^$h\$" "$R"
done
# I: the context as staff wrote it, paragraph by paragraph.
sed -n '/^## I\./,/^## II\./p' "$R" | sed '1d;$d' | grep -v '^$' >"$T/i"
grep -v '^$' "$TX/context.txt" >"$T/want"
expect_diff "$T/want" "$T/i"
expect_no_grep 'Cần bổ sung' "$R"

# II.1: the delegations, counted the reports' way; the cancelled one out.
expect_grep '^Trong năm 2023, Liên hiệp Hữu nghị tổ chức 01 đoàn ra và đón 01 đoàn vào\.$' "$R"
expect_grep '^- Đoàn ra: 01 đoàn:$' "$R"
expect_grep '^  - Chủ tịch Liên hiệp Khánh Hòa tham dự Liên hoan hữu nghị nhân dân Việt Nam - Ấn Độ lần thứ 11 (1 – 6/12/2023; ' "$R"
expect_grep '^- Đoàn vào: 01 đoàn:$' "$R"
expect_grep '^  - Đón tiếp và làm việc với đoàn Tổng lãnh sự Thái Lan tại thành phố Hồ Chí Minh (15/8/2023' "$R"
sed -n '/^## II\./,/^## IV\./p' "$R" >"$T/results"
expect_no_grep 'Hàn Quốc' "$T/results"

# II.2.1: the 50th anniversary of relations with Japan, then its seven
# done activities in date order, and nothing else before the next one.
sed -n '/^Nhân kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản/,/^Nhân kỷ niệm 160 năm/p' \
    "$R" | grep -v '^$' >"$T/jp"
expect_diff - "$T/jp" <<'EOC'
Nhân kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023), Liên hiệp Hữu nghị chủ trì, phối hợp và tham gia các hoạt động:
- Tiếp và làm việc với ông Matsunaga Hiroshi - nguyên Chủ tịch Trung tâm văn hóa và thể thao Việt Nam Nhật Bản (JVCSC) (20/3/2023; đối tác: Trung tâm văn hóa và thể thao Việt Nam Nhật Bản (JVCSC)). Kết quả: Tặng quà cho trẻ em Làng SOS
- Tham gia đoàn tham quan và giao lưu trên tàu JS Izumo (22/6/2023). Kết quả: Tham quan và giao lưu trên chiến hạm lớn nhất của Nhật Bản tại Cam Ranh
- Triển khai Cuộc thi ca khúc hữu nghị Việt - Nhật “Tomodachi - Tình bạn” (1/8/2023; đối tác: Tổng lãnh sự quán Nhật Bản). Kết quả: Triển khai đến Hội hữu nghị Việt - Nhật tỉnh và Trung tâm văn hóa Nhật ngữ Amy
- Giao lưu gặp mặt các bạn Nhật Bản đang sinh sống tại Khánh Hòa (16/9/2023; đối tác: Trung tâm văn hóa và Nhật ngữ Amy). Kết quả: Chủ trì, phối hợp với Trung tâm văn hóa và Nhật ngữ Amy tổ chức giao lưu gặp mặt
- Tham gia Lễ Kỷ niệm và Chương trình “Gặp gỡ Nhật Bản” tại Hà Nội (21/9/2023; đối tác: Trung ương Hội hữu nghị Việt - Nhật; Bộ Ngoại giao). Kết quả: Tham gia Lễ Kỷ niệm do Liên hiệp các tổ chức hữu nghị Việt Nam và Trung ương Hội hữu nghị Việt - Nhật tổ chức và Chương trình “Gặp gỡ Nhật Bản” do Bộ Ngoại giao tổ chức
- Lễ hội Giao lưu văn hóa Việt Nam - Nhật Bản và Hội nghị xúc tiến đầu tư Khánh Hòa - Nhật Bản (14/10/2023). Kết quả: Phối hợp, hỗ trợ các cơ quan trong tỉnh kết nối, phiên dịch với một số người Nhật
- Ra mắt tập thơ số 4 “Haiku xứ trầm” (28/10/2023; đối tác: Hội hữu nghị Việt - Nhật tỉnh Khánh Hòa)
Nhân kỷ niệm 160 năm ngày sinh bác sĩ Alexandre Yersin (22/9/1863 – 22/9/2023), Liên hiệp Hữu nghị chủ trì, phối hợp và tham gia các hoạt động:
EOC
# The other milestones the report marks, each with its activity.
for m in 'Nhân kỷ niệm 10 năm quan hệ Đối tác Toàn diện Việt Nam – Hoa Kỳ (25/7/2013 – 25/7/2023)' \
    'Nhân kỷ niệm 10 năm quan hệ Đối tác Chiến lược Việt Nam – Thái Lan (25/6/2013 – 25/6/2023)' \
    'Nhân kỷ niệm 80 năm ngày mất bác sĩ Alexandre Yersin (1/3/1943 – 1/3/2023)' \
    'Nhân kỷ niệm 70 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2023)'; do
	expect_grep "^$m, Liên hiệp Hữu nghị" "$R"
done
# II.2.2 annual activities with their occasion; II.2.3 letters by
# occasion; the other categories in the configured order.
expect_grep '^- Tết Nguyên đán: Giao lưu gặp mặt Kiều bào' "$R"
expect_grep '^- Giỗ Tổ Hùng Vương: Đoàn người nước ngoài và Kiều bào dâng hương' "$R"
expect_grep '^- Tết cổ truyền Bunpimay (Lào): Lễ cầu an tại Chùa Vạn Đức' "$R"
expect_grep '^- Tết Trung thu: Đêm hội “Ánh trăng hòa bình”.*100 người tham dự' "$R"
expect_grep '^- Ngày truyền thống công tác đối ngoại nhân dân: Gặp mặt' "$R"
expect_grep '^Gửi 04 thư chúc mừng đến Đại sứ quán, Tổng Lãnh sự quán' "$R"
expect_grep '^- Quốc khánh Lào: 02 thư$' "$R"
expect_grep '^- Quốc khánh Campuchia: 01 thư$' "$R"
grep '^### [0-9]\.' "$R" | sed -n '1,8p' >"$T/sections"
expect_diff - "$T/sections" <<'EOC'
### 1. Hoạt động đoàn ra, đoàn vào
### 2. Công tác hòa bình, đoàn kết, hữu nghị
### 3. Công tác phi chính phủ nước ngoài
### 4. Công tác người Việt Nam ở nước ngoài
### 5. Công tác thông tin đối ngoại
### 6. Tham dự các hội nghị
### 7. Hoạt động khác
### 8. Các ngày kỷ niệm năm chẵn, năm tròn trong năm chưa ghi nhận hoạt động
EOC
expect_grep 'Kết quả: Tổng số tiền tài trợ tính đến thời điểm báo cáo là 149.814 USD$' "$R"

# The milestones with no done activity, for staff to decide on: Finland,
# France (its activity only planned, and said so), and not Japan.
sed -n '/^### 8\./,/^## III/p' "$R" >"$T/unmarked"
expect_grep '^_\\\[Cần quyết định: ' "$T/unmarked"
expect_grep '^- Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Phần Lan (25/1/1973 – 25/1/2023)$' "$T/unmarked"
expect_grep '^- Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Pháp (12/4/1973 – 12/4/2023) (có 1 hoạt động chưa ghi nhận kết quả)$' "$T/unmarked"
expect_no_grep 'Nhật Bản' "$T/unmarked"
expect_no_grep 'Yersin' "$T/unmarked"
expect "many milestones are left to decide on ($(grep -c '^- ' "$T/unmarked"))" \
    [ "$(grep -c '^- ' "$T/unmarked")" -ge 40 ]

# III: the counts, then what staff wrote: the assessment under 1, the
# difficulties as 2 (its lines, bullets in the report, are the
# document's bullets); no proposals.
expect_grep '^Trong năm 2023, Liên hiệp Hữu nghị đã thực hiện 31 hoạt động, trong đó 01 đoàn ra, 01 đoàn vào và 04 thư chúc mừng; tổng số 101 lượt người tham dự; hợp tác, giao lưu với đối tác của 09 nước: ' "$R"
expect_grep '^Trong năm 2023 với điều kiện nhân sự, kinh phí còn hạn chế, Liên hiệp và các đơn vị thành viên đã chủ động' "$R"
sed -n '/^### 2\. Một số khó khăn, hạn chế$/,/^## IV\./p' "$R" | sed '1d;$d' |
    grep -v '^$' >"$T/hard"
grep -v '^$' "$TX/difficulties.txt" >"$T/want"
expect_diff "$T/want" "$T/hard"
expect_no_grep 'Đề xuất' "$R"
# IV: the plan of 2024 as `kyniem plan 2024` writes it, its sections one
# level down, without its own recipients and appendices.
expect_grep '^### 1\. Công tác hòa bình, đoàn kết, hữu nghị$' "$R"
expect_grep '^#### 1\.1\. Các ngày kỷ niệm năm chẵn, năm tròn$' "$R"
K plan 2024 >"$T/plan.md" || fail "kyniem plan 2024"
sed -n '/^## 1\. /,/^\*\*Nơi nhận/p' "$T/plan.md" | sed 's/^#/##/' |
    grep -v -e '^$' -e '^\*\*Nơi nhận' >"$T/plan-body"
sed -n '/^## IV\./,/báo cáo\.\/\.$/p' "$R" | sed '1d;$d' | grep -v '^$' \
    >"$T/report-iv"
expect "section IV has the plan's sections" [ -s "$T/report-iv" ]
expect_diff "$T/plan-body" "$T/report-iv"
expect_no_grep 'Phụ lục' "$R"
expect_grep '^Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa báo cáo\./\.$' "$R"
expect_grep '^\*\*Nơi nhận:\*\*$' "$R"

# HTML and English.
K report 2023 --format html >"$T/report.html" || fail "report html"
expect_grep '<h3>2. Một số khó khăn, hạn chế</h3>' "$T/report.html"
expect_no_grep 'Cần bổ sung' "$T/report.html"
expect_grep '<li>Quốc khánh Lào: 02 thư</li>' "$T/report.html"
K report 2023 --lang en >"$T/report-en.md" || fail "report --lang en"
expect_grep '^On the 50th anniversary of Vietnam–Japan diplomatic relations (21 Sep 1973 – 21 Sep 2023), the Union organised, co-organised and took part in:$' \
    "$T/report-en.md"
expect_grep '^- Delegations abroad (1):$' "$T/report-en.md"
# Usage errors.
test_must_fail --status=2 K report 2023 --format csv 2>"$T/err"
expect_grep "format must be md, html, docx or pdf, not 'csv'" "$T/err"
test_must_fail_with --status=2 "'23x' is not a year between 1800 and" \
    K report 23x

# The docx: the same paragraphs, in the same order.
K report 2023 --format docx --out "$T/report.docx" || die "report docx"
if "$PYTHON" -c 'import docx' 2>/dev/null; then
	expect "the docx says what the md says" "$PYTHON" - "$R" \
	    "$T/report.docx" <<'PY'
import re, sys
import docx

def md_body(path):
    out, on = [], False
    for line in open(path, encoding="utf-8").read().splitlines():
        if line.startswith("# "):
            on = True
        if line.startswith("**Nơi nhận"):
            break
        if not on or not line.strip():
            continue
        line = re.sub(r"^#+ ", "", line)
        line = re.sub(r"^ *- ", "", line)
        m = re.match(r"^(\*\*|_)(.*)\1$", line)
        if m:
            line = m.group(2)
        out.append(re.sub(r"\\(.)", r"\1", line))
    return out

d = docx.Document(sys.argv[2])
dx = [p.text for p in d.paragraphs if p.text.strip()]
md = md_body(sys.argv[1])
for i, (a, b) in enumerate(zip(md, dx)):
    if a != b:
        sys.exit("paragraph %d: md %r, docx %r" % (i, a, b))
if len(md) != len(dx):
    sys.exit("md has %d paragraphs, docx %d" % (len(md), len(dx)))
styles = {p.style.name for p in d.paragraphs}
for s in ("Title", "Heading 1", "Heading 2", "Heading 3"):
    if s not in styles:
        sys.exit("no paragraph in style " + s)
cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
for want in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:"):
    if not any(want in c for c in cells):
        sys.exit("no table cell with " + want)
print("%d paragraphs match" % len(md))
PY
else
	skip "python3-docx not installed"
fi
# Printed as staff print it: docx to PDF by LibreOffice, the first page
# a PNG by pdftoppm (the writer-only package has no PNG export), looked
# at by page_check.py.
if lo_ready; then
	expect "LibreOffice prints the report" lo_pdf "$T/pdf" "$T/report.docx"
	expect "the report has pages ($(lo_pages "$T/pdf/report.pdf"))" \
	    [ "$(lo_pages "$T/pdf/report.pdf")" -gt 1 ]
	lo_png "$T/pdf/report.pdf" 1 "$T/report-1.png"
	expect "the first page as printed ($T/report-1.png)" "$PYTHON" \
	    "$SRC/tests/integration/page_check.py" "$T/report-1.png" report 2 2
else
	skip "LibreOffice (libreoffice-writer) or poppler-utils not installed"
fi

# The web application: a logged-in viewer downloads the same report.
web_users
start_server 2023-12-15
[ "$(web_login viewer)" = 303 ] || die "viewer cannot log in"
expect "the documents page opens" \
    [ "$(web_get viewer /app/documents "$T/docs.html")" = 200 ]
expect_grep 'href="/app/documents/report-2023.docx" download>' "$T/docs.html"
expect "the report downloads as md" \
    [ "$(web_get viewer /app/documents/report-2023.md "$T/web.md")" = 200 ]
expect_diff "$R" "$T/web.md"
curl -s -b "$T/viewer.jar" -D "$T/docx.hdr" -o "$T/web.docx" \
    "$BASE/app/documents/report-2023.docx"
expect_grep '^Content-Disposition: attachment; filename="bao-cao-2023.docx"' \
    "$T/docx.hdr"
expect_grep '^Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document' \
    "$T/docx.hdr"
expect "the web's docx is the command's" cmp -s "$T/report.docx" \
    "$T/web.docx"
expect "an unknown report is a 404" [ "$(web_get viewer \
    /app/documents/report-2023.odt "$T/404.html")" = 404 ]
expect "no report without a login" [ "$(web_get anon \
    /app/documents/report-2023.md "$T/anon.html")" = 303 ]
expect_clean_stop

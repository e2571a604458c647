#!/bin/sh
# Every kind of document (the plan, the year-end report, a Vietnamese and
# an English letter, a plan in the party's numbering style) printed as a
# union's staff print them, and checked against Decree 30/2020/NĐ-CP:
# python3-docx reads the .docx (justified, indented body text, the PAGE
# field from page 2, the three drawn lines, "Nơi nhận" 12 pt over 11 pt
# entries from [report] recipients, appendices on pages of their own);
# one LibreOffice converts them all to PDF (page counts, the page number
# on page 2 and not on page 1, the appendix's first page); the first page
# of each, as a PNG, is measured (page_check.py: the lines under the
# name, motto and title and their lengths, the justified body, the
# indents).  `--format pdf` gives the same PDF and fails without
# LibreOffice naming the package; the web application offers the PDFs.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/lolib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
"$PYTHON" -c 'import docx, PIL' 2>/dev/null ||
    skip_all "python3-docx or python3-pil not installed"
lo_ready || skip_all "LibreOffice (libreoffice-writer) or poppler-utils not installed"
initdb
cat >>"$T/kyniem.conf" <<EOC
[organisation]
parent = Ủy ban MTTQ Việt Nam tỉnh Khánh Hòa
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
name_en = Khanh Hoa Union of Friendship Organisations
short_name = Liên hiệp Hữu nghị
province = Khánh Hòa
signer = Nguyễn Văn A
signer_title = Chủ tịch
focus_countries = LA, KH, JP, RU, CN, FR, IN
[letters]
contacts = embassy:LA, embassy:JP
english = embassy:JP
template_vi = $SRC/config/letter.vi.txt
template_en = $SRC/config/letter.en.txt
[report]
recipients = Liên hiệp các tổ chức hữu nghị Việt Nam (để báo cáo);
    Thường trực Tỉnh ủy (để báo cáo)
    Lưu: VT, VP
EOC
K() { "$KYNIEM" --today 2023-12-15 "$@"; }
K import "$DATA/khanhhoa-2023-activities.csv" >"$T/import" ||
    die "the fixture does not import"
D="$T/docs"
mkdir -p "$D"
K report 2023 --format docx --out "$D/report.docx" || die "report docx"
K plan 2024 --format docx --out "$D/plan.docx" || die "plan docx"
K plan 2024 --appendix --format docx --out "$D/plan-appendix.docx" ||
    die "plan appendix docx"
K letters 2024 --country LA --occasion national-day:LA --format docx \
    --out "$T/let/" >/dev/null || die "letters LA"
"$KYNIEM" --today 2024-01-10 letters 2024 --country JP \
    --occasion national-day:JP --format docx --out "$T/let/" >/dev/null ||
    die "letters JP"
cp "$T/let/2024-national-day_LA-embassy_LA-vi.docx" "$D/letter-vi.docx"
cp "$T/let/2024-national-day_JP-embassy_JP-en.docx" "$D/letter-en.docx"
# The party's numbering and a name broken where the config says.
sed -e 's/^name = .*/&\nname_lines = Liên hiệp các tổ chức | hữu nghị tỉnh Khánh Hòa\nnumber_style = party/' \
    "$T/kyniem.conf" >"$T/party.conf"
K --config "$T/party.conf" plan 2024 --format docx \
    --out "$D/plan-party.docx" || die "party plan docx"
K --config "$T/party.conf" plan 2024 >"$T/party.md"
expect_grep '^\*\*LIÊN HIỆP CÁC TỔ CHỨC\*\*  $' "$T/party.md"
expect_grep '^\*\*HỮU NGHỊ TỈNH KHÁNH HÒA\*\*  $' "$T/party.md"
expect_grep '^Số .*-KH/LHHN$' "$T/party.md"

# The docx, read back.
L="$SRC/tests/integration/docx_layout.py"
expect "report: the decree's layout in the docx" "$PYTHON" "$L" \
    "$D/report.docx" report "- Liên hiệp các tổ chức hữu nghị Việt Nam (để báo cáo);" \
    "- Thường trực Tỉnh ủy (để báo cáo);" "- Lưu: VT, VP."
expect "plan: the decree's layout in the docx" "$PYTHON" "$L" \
    "$D/plan.docx" plan "- Ủy ban MTTQ Việt Nam tỉnh Khánh Hòa (để báo cáo);"
expect "party plan: the same layout, a star under the name" "$PYTHON" "$L" \
    "$D/plan-party.docx" plan:party
expect "Vietnamese letter: the decree's layout in the docx" "$PYTHON" "$L" \
    "$D/letter-vi.docx" letter "- Lưu: VT."
expect "English letter: the same layout" "$PYTHON" "$L" \
    "$D/letter-en.docx" letter
# The office's copy is not written twice.
K report 2023 >"$T/report.md"
expect "one office copy" [ "$(grep -c '^- Lưu' "$T/report.md")" -eq 1 ]

# Printed: one soffice for all five.
[ "$KYNIEM_BUILD" = san ] &&
    skip_all "the sanitizer build made the same files; printed once, in the normal build"
lo_pdf "$T/pdf" "$D"/*.docx
for f in report plan plan-party letter-vi letter-en; do
	expect "LibreOffice printed $f.docx" [ -s "$T/pdf/$f.pdf" ]
done
echo "pages: report $(lo_pages "$T/pdf/report.pdf"), plan $(lo_pages \
    "$T/pdf/plan.pdf"), letters $(lo_pages "$T/pdf/letter-vi.pdf")" \
    "$(lo_pages "$T/pdf/letter-en.pdf")" >&2
expect "a letter is one page" [ "$(lo_pages "$T/pdf/letter-vi.pdf")" = 1 ]
expect "the English letter is one page" \
    [ "$(lo_pages "$T/pdf/letter-en.pdf")" = 1 ]
expect "the report has several pages" \
    [ "$(lo_pages "$T/pdf/report.pdf")" -ge 2 ]
# Page numbers: none on the first page, "2" at the top of the second.
for f in report plan; do
	expect "$f: page 2 is numbered at the top" \
	    [ "$(lo_first_line "$T/pdf/$f.pdf" 2)" = 2 ]
	first=$(lo_first_line "$T/pdf/$f.pdf" 1)
	expect "$f: page 1 is not numbered ($first)" \
	    [ "${first#ỦY BAN MTTQ VIỆT NAM }" != "$first" ]
done
# The plan ends with its signature; its appendix, printed on its own,
# opens with its heading and the line naming the plan, then its
# calendar, the page number from its page 2.
expect "the plan holds no appendix" [ "$(pdftotext "$T/pdf/plan.pdf" - |
    grep -c 'Kèm theo')" = 0 ]
pdftotext -f 1 -l 1 "$T/pdf/plan-appendix.pdf" - |
    grep -v '^[[:space:]]*$' | sed -n '1,4p' >"$T/appendix.txt"
expect_diff - "$T/appendix.txt" <<EOC
Phụ lục
LỊCH CÁC NGÀY KỶ NIỆM NĂM 2024
(Kèm theo Kế hoạch số
/KH-LHHN ngày 15/12/2023 của Liên hiệp các tổ
EOC
expect "the appendix: a calendar of several pages, numbered from page 2" \
    [ "$(lo_pages "$T/pdf/plan-appendix.pdf")" -ge 2 ] && \
    [ "$(lo_first_line "$T/pdf/plan-appendix.pdf" 2)" = 2 ]
expect "the appendix has no signature" [ "$(pdftotext \
    "$T/pdf/plan-appendix.pdf" - | grep -c 'Nơi nhận')" = 0 ]

# The first pages, looked at: NAME_LINES and TITLE_LINES per document.
C="$SRC/tests/integration/page_check.py"
# The party's style has a star under the name, not a line: 0.
for spec in "report report 2 2" "plan plan 2 1" "plan-party plan 0 1" \
    "letter-vi letter 2 0" "letter-en letter 2 0"; do
	set -- $spec
	lo_png "$T/pdf/$1.pdf" 1 "$T/$1-1.png"
	expect "$1: the first page as a union prints it" \
	    "$PYTHON" "$C" "$T/$1-1.png" "$2" "$3" "$4"
done

# --format pdf: the same document; without LibreOffice, a clear error
# and no file.
expect "report --format pdf" K report 2023 --format pdf --out "$T/direct.pdf"
head -c 5 "$T/direct.pdf" >"$T/magic"
expect_grep '^%PDF-' "$T/magic"
expect "the same pages as the docx printed" [ "$(lo_pages "$T/direct.pdf")" = \
    "$(lo_pages "$T/pdf/report.pdf")" ]
expect "letters --format pdf into a directory" K letters 2024 --country LA \
    --occasion national-day:LA --format pdf --out "$T/letpdf/"
expect "one PDF a letter" [ -s "$T/letpdf/2024-national-day_LA-embassy_LA-vi.pdf" ]
test_must_fail env PATH=/nonexistent "$KYNIEM" --today 2023-12-15 \
    plan 2024 --format pdf --out "$T/none.pdf" 2>"$T/none.err"
expect_grep "install the package libreoffice-writer" "$T/none.err"
expect "no file when LibreOffice is missing" [ ! -e "$T/none.pdf" ]

# The web application offers the PDFs and serves them.
web_users
start_server 2023-12-15
[ "$(web_login viewer)" = 303 ] || die "viewer cannot log in"
expect "the documents page opens" \
    [ "$(web_get viewer /app/documents "$T/docs.html")" = 200 ]
expect_grep 'href="/app/documents/report-2023.pdf" download>' "$T/docs.html"
expect_grep 'href="/app/documents/plan-2024.pdf" download>' "$T/docs.html"
curl -s -b "$T/viewer.jar" -D "$T/pdf.hdr" -o "$T/web.pdf" \
    "$BASE/app/documents/report-2023.pdf"
expect_grep '^Content-Type: application/pdf' "$T/pdf.hdr"
head -c 5 "$T/web.pdf" >"$T/webmagic"
expect_grep '^%PDF-' "$T/webmagic"
expect_clean_stop

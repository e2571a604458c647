#!/bin/sh
# The 2024 letters for Laos's, Cambodia's and Japan's national days, in
# Vietnamese and (Japan) English, printed as a union's staff print them:
# python3-docx reads each .docx back (the words the leader signs, and
# nothing that stays inside kyniem), LibreOffice converts them to PDF
# (docx -> pdf, as tests/integration/lolib.sh does): each letter is one
# page, and all of them in one .docx are one page a letter with no page
# number on any letter's first page; the first page of each, made a PNG
# by pdftoppm, has the decree's lines under the name and the motto and a
# justified, indented body (page_check.py).  `--format pdf` gives a PDF
# a letter a page; a failed one leaves no file.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/lolib.sh"
"$PYTHON" -c 'import docx, PIL' 2>/dev/null ||
    skip_all "python3-docx or python3-pil not installed"
initdb
cat >>"$T/kyniem.conf" <<EOC
[organisation]
parent = Ủy ban MTTQ Việt Nam tỉnh Khánh Hòa
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
name_en = Khanh Hoa Union of Friendship Organisations
province = Khánh Hòa
signer = Nguyễn Văn A
signer_title = Chủ tịch
focus_countries = LA, KH, CU, RU, CN, JP, KR, DE, FR, IT
[letters]
english = embassy:JP
EOC
TODAY=2024-01-10
L="$T/let"
for c in LA KH JP; do
	K letters 2024 --country $c --occasion national-day:$c --format docx \
	    --out "$L/" >"$T/$c.list" || die "letters $c"
done
for f in LA-embassy_LA-vi KH-embassy_KH-vi JP-embassy_JP-vi JP-embassy_JP-en; do
	expect "$f drafted" [ -s "$L/2024-national-day_$f.docx" ]
done

# What the leader signs, read back from the .docx.
expect "the letters say it, and nothing else" "$PYTHON" - "$L" <<'PY'
import os, sys, docx
d = sys.argv[1]

def read(name):
    doc = docx.Document(os.path.join(d, "2024-national-day_%s.docx" % name))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    paras = [p.text for p in doc.paragraphs if p.text]
    text = "\n".join(cells + paras)
    for bad in ("Lưu ý", "chưa xác minh", "unverified", "điểm", "kyniem",
                "Dự thảo", "Cần bổ sung", "His/Her", "quốc khánh",
                "national Day", "To:"):
        assert bad not in text, (name, bad)
    return cells, paras

cells, p = read("LA-embassy_LA-vi")
assert any("V/v chúc mừng kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in c for c in cells), cells
assert "Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền nước Cộng hòa Dân chủ Nhân dân Lào tại Việt Nam" in p, p
assert any("quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện giữa Việt Nam và Lào" in x for x in p), p

cells, p = read("KH-embassy_KH-vi")
assert any("V/v chúc mừng kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia" in c for c in cells), cells
assert any(x.startswith("Nhân dịp kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024)") for x in p), p
assert any("quan hệ láng giềng tốt đẹp, hữu nghị truyền thống, hợp tác toàn diện, bền vững lâu dài giữa Việt Nam và Campuchia" in x for x in p), p

cells, p = read("JP-embassy_JP-vi")
assert any("V/v chúc mừng Quốc khánh Nhật Bản" in c for c in cells), cells
assert any(x.startswith("Nhân dịp kỷ niệm Ngày sinh Nhà vua Nhật Bản, đồng thời là Quốc khánh Nhật Bản (23/2/2024)") for x in p), p
assert p.count("Trân trọng!") == 1, p

cells, p = read("JP-embassy_JP-en")
assert any("Re: National Day of Japan" in c for c in cells), cells
assert any("SOCIALIST REPUBLIC OF VIET NAM" in c for c in cells), cells
assert "The Ambassador Extraordinary and Plenipotentiary of Japan to Viet Nam" in p, p
assert "Your Excellency," in p, p
assert any(x.startswith("On the occasion of the Birthday of His Majesty the Emperor of Japan, the National Day of Japan (23 February 2024), on behalf of the Khanh Hoa Union of Friendship Organisations,") for x in p), p
assert any("Recipients:" in c and "- As above;" in c and "- Filed: Office." in c for c in cells), cells
PY

# Several letters in one .docx: Laos's three missions, and Japan's four
# letters (three Vietnamese, the embassy's English).
expect "Laos's letters in one .docx" \
    K letters 2024 --country LA --occasion national-day:LA \
    --out "$T/la.docx"
expect "Japan's in one .docx" K letters 2024 --country JP \
    --occasion national-day:JP --out "$T/jp.docx"

lo_ready || skip_all "LibreOffice (libreoffice-writer) or poppler-utils not installed"
[ "$KYNIEM_BUILD" = san ] &&
    skip_all "the sanitizer build made the same files; printed once, in the normal build"
mkdir -p "$T/docs"
for f in LA-embassy_LA-vi KH-embassy_KH-vi JP-embassy_JP-vi JP-embassy_JP-en; do
	cp "$L/2024-national-day_$f.docx" "$T/docs/$f.docx"
done
cp "$T/la.docx" "$T/jp.docx" "$T/docs/"
lo_pdf "$T/pdf" "$T/docs"/*.docx
for f in LA-embassy_LA-vi KH-embassy_KH-vi JP-embassy_JP-vi JP-embassy_JP-en; do
	expect "$f: one page" [ "$(lo_pages "$T/pdf/$f.pdf")" = 1 ]
	lo_png "$T/pdf/$f.pdf" 1 "$T/$f.png"
	expect "$f: the first page as a union prints it" \
	    "$PYTHON" "$SRC/tests/integration/page_check.py" "$T/$f.png" \
	    letter 2 0
done
expect "Laos's three letters: three pages" [ "$(lo_pages "$T/pdf/la.pdf")" = 3 ]
expect "Japan's four letters: four pages" [ "$(lo_pages "$T/pdf/jp.pdf")" = 4 ]
# Each page is a letter of its own: its header first, no page number.
for p in 1 2 3 4; do
	first=$(lo_first_line "$T/pdf/jp.pdf" $p)
	case $first in
	"ỦY BAN MTTQ VIỆT NAM"*|"KHANH HOA UNION OF"*)
		pass "page $p of jp.pdf starts with the union's block" ;;
	*)	fail "page $p of jp.pdf starts with '$first'" ;;
	esac
done
pdftotext -layout "$T/pdf/jp.pdf" "$T/jp.txt"
expect "four letters, four signatures" [ "$(grep -c 'Nguyễn Văn A' "$T/jp.txt")" = 4 ]

# --format pdf: one PDF of all, a page a letter; without LibreOffice no
# file at all.
expect "letters --format pdf" K letters 2024 --country LA \
    --occasion national-day:LA --format pdf --out "$T/la-direct.pdf"
expect "a page a letter" [ "$(lo_pages "$T/la-direct.pdf")" = 3 ]
test_must_fail env PATH=/nonexistent "$KYNIEM" --today $TODAY letters 2024 \
    --country LA --out "$T/none.pdf" 2>"$T/none.err"
expect_grep "install the package libreoffice-writer" "$T/none.err"
expect "no PDF when LibreOffice is missing" [ ! -e "$T/none.pdf" ]
test_must_fail env PATH=/nonexistent "$KYNIEM" --today $TODAY letters 2024 \
    --country LA --format pdf --out "$T/nonedir/" 2>/dev/null
expect "nor a directory's PDFs" [ ! -e "$T/nonedir/2024-national-day_LA-embassy_LA-vi.pdf" ]

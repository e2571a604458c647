#!/bin/sh
# The plan in the layout of Decree 30/2020/NĐ-CP, read back from the .docx
# with python3-docx: the header as a borderless two-column table (the
# parent body and the union over the number "Số: .../KH-LHHN", the
# national motto over the italic place-date line), the kind and title
# centred, Times New Roman styles, A4 with the decree's margins, and the
# recipients and signature as a borderless two-column table.  Converted
# to PDF by LibreOffice and the first page looked at as a PNG.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/lolib.sh"
"$PYTHON" -c 'import docx' 2>/dev/null || skip_all "python3-docx not installed"
initdb
cat >>"$T/kyniem.conf" <<EOC
[organisation]
parent = Ủy ban MTTQ Việt Nam tỉnh Khánh Hòa
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
name_en = Khanh Hoa Union of Friendship Organisations
abbrev = LHHN
province = Khánh Hòa
signer = Nguyễn Văn A
signer_title = Chủ tịch
EOC

expect "plan 2024 --format docx" \
    "$KYNIEM" --today 2024-02-05 plan 2024 --format docx --out "$T/plan.docx"
expect "plan 2024 --format docx --lang en" \
    "$KYNIEM" --today 2023-12-15 plan 2024 --format docx --lang en \
    --out "$T/plan-en.docx"

# check.py FILE LANG: the layout, in the words of that language.
cat >"$T/check.py" <<'PY'
import sys
import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

d = docx.Document(sys.argv[1])
en = sys.argv[2] == "en"
W = {
    False: dict(org=["LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ", "TỈNH KHÁNH HÒA"],
                parent=["ỦY BAN MTTQ VIỆT NAM", "TỈNH KHÁNH HÒA"],
                motto=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "Độc lập - Tự do - Hạnh phúc"),
                number="Số:", date="Khánh Hòa, ngày 05 tháng 02 năm 2024",
                kind="KẾ HOẠCH",
                title="Hoạt động đối ngoại nhân dân năm 2024",
                to="Nơi nhận:", file="- Lưu: VT.", sign="CHỦ TỊCH"),
    True: dict(org=["KHANH HOA UNION OF", "FRIENDSHIP ORGANISATIONS"],
               parent=[],
               motto=("SOCIALIST REPUBLIC OF VIET NAM",
                      "Independence - Freedom - Happiness"),
               number="No.:", date="Khanh Hoa, 15 December 2023",
               kind="PLAN",
               title="People-to-people diplomacy activities in 2024",
               to="Recipients:", file="- Filed: Office.", sign="PRESIDENT"),
}[en]

def texts(cell):
    """The lines of a cell, without the drawn lines' empty paragraphs."""
    return [p.text for p in cell.paragraphs if p.text]

def borderless(t):
    b = t._tbl.tblPr.find(qn("w:tblBorders"))
    assert b is not None, "no tblBorders"
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = b.find(qn("w:" + side))
        assert e is not None and e.get(qn("w:val")) in ("nil", "none"), side

# A4, margins within the decree's ranges.
s = d.sections[0]
assert abs(s.page_width - Mm(210)) < Mm(0.5), s.page_width.mm
assert abs(s.page_height - Mm(297)) < Mm(0.5), s.page_height.mm
for name, v, lo, hi in (("top", s.top_margin, 20, 25),
                        ("bottom", s.bottom_margin, 20, 25),
                        ("left", s.left_margin, 30, 35),
                        ("right", s.right_margin, 15, 20)):
    assert lo <= v.mm <= hi, (name, v.mm)

# Times New Roman 13-14 pt in the styles staff edit.
for name in ("Normal", "Title", "Heading 1", "Heading 2"):
    st = d.styles[name]
    f = st.font
    while f.name is None and st.base_style is not None:
        st = st.base_style
        f = st.font
    assert f.name == "Times New Roman", (name, f.name)
normal = d.styles["Normal"].font.size.pt
assert 13 <= normal <= 14, normal
assert 13 <= d.styles["Title"].font.size.pt <= 14

# The header: the first thing in the body is a borderless table.
body = d.element.body
assert body[0].tag == qn("w:tbl"), body[0].tag
head = d.tables[0]
borderless(head)
assert len(head.columns) == 2 and len(head.rows) == 2
left, right = texts(head.cell(0, 0)), texts(head.cell(0, 1))
want_left = W["parent"] + W["org"]
assert left == want_left, left
org = [p for p in head.cell(0, 0).paragraphs if p.text][-1]
assert all(r.bold for r in org.runs), "the union's name is bold"
assert right == list(W["motto"]), right
assert all(r.bold for p in head.cell(0, 1).paragraphs for r in p.runs)
number = texts(head.cell(1, 0))[0]
assert number.startswith(W["number"]) and number.endswith("/KH-LHHN"), number
date = [p for p in head.cell(1, 1).paragraphs if p.text][0]
assert date.text == W["date"], date.text
assert date.runs and all(r.italic for r in date.runs), "the date is italic"
for c in (head.cell(0, 0), head.cell(0, 1), head.cell(1, 1)):
    for p in c.paragraphs:
        assert not p.text or p.alignment == WD_ALIGN_PARAGRAPH.CENTER, p.text

# Kind in the Title style, the title bold and centred under it.
paras = d.paragraphs
kind = [p for p in paras if p.style.name == "Title"]
assert [p.text for p in kind] == [W["kind"]], [p.text for p in kind]
i = paras.index(kind[0])
title = paras[i + 1]
assert title.text == W["title"], title.text
assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
assert all(r.bold for r in title.runs)

# The end: recipients left, title and signer right, no borders.
end = [t for t in d.tables[1:] if t.cell(0, 0).paragraphs[0].text == W["to"]]
assert len(end) == 1, [t.cell(0, 0).text[:20] for t in d.tables]
end = end[0]
borderless(end)
to = texts(end.cell(0, 0))
assert to[-1] == W["file"], to
assert all(t.startswith("- ") for t in to[1:]), to
sig = [t for t in texts(end.cell(0, 1)) if t]
assert sig == [W["sign"], "Nguyễn Văn A"], sig
# The plan ends with its signature: its appendix is a document of its
# own (--appendix).
assert d.tables[-1]._tbl is end._tbl
assert not [t for t in d.tables if t.cell(0, 0).text in ("Ngày", "Date")]
print("layout ok:", sys.argv[1])
PY
expect "the Vietnamese plan has the decree's layout" \
    "$PYTHON" "$T/check.py" "$T/plan.docx" vi
expect "the English plan has the same blocks in English" \
    "$PYTHON" "$T/check.py" "$T/plan-en.docx" en

# Markdown and HTML carry the same header and end.
"$KYNIEM" --today 2024-02-05 plan 2024 --format md >"$T/plan.md"
expect_grep '^ỦY BAN MTTQ VIỆT NAM  $' "$T/plan.md"
expect_grep '^TỈNH KHÁNH HÒA  $' "$T/plan.md"
expect_grep '^_Khánh Hòa, ngày 05 tháng 02 năm 2024_$' "$T/plan.md"
expect_grep '^\*\*Nguyễn Văn A\*\*$' "$T/plan.md"
"$KYNIEM" --today 2024-02-05 plan 2024 --format html >"$T/plan.html"
expect_grep '<p class="date">Khánh Hòa, ngày 05 tháng 02 năm 2024</p>' "$T/plan.html"
expect_grep '<h1 class="kind">KẾ HOẠCH</h1>' "$T/plan.html"

# Printed as staff print it: docx to PDF by LibreOffice, the first page a
# PNG by pdftoppm (the writer-only package has no PNG export).
if ! lo_ready; then
	skip "LibreOffice (libreoffice-writer) or poppler-utils not installed"
	exit 0
fi
expect "LibreOffice converts both plans to PDF" lo_pdf "$T/pdf" \
    "$T/plan.docx" "$T/plan-en.docx"
expect "a PDF of the plan" [ -s "$T/pdf/plan.pdf" ]
expect "a PDF of the English plan" [ -s "$T/pdf/plan-en.pdf" ]
expect "the plans have pages" [ "$(lo_pages "$T/pdf/plan.pdf")" -gt 1 ]
lo_png "$T/pdf/plan.pdf" 1 "$T/plan-1.png"
expect "the first page as printed" "$PYTHON" \
    "$SRC/tests/integration/page_check.py" "$T/plan-1.png" plan 2 1
exit 0

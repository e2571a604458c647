#!/bin/sh
# kyniem plan --format docx: read back with python3-docx, the headings
# (Title, Heading 1 to 3) and list items (real numbered paragraphs with
# their level) match the md plan line for line; the appendix's tables
# (--appendix) hold its rows as its md has them, those whose day is not
# known among them; LibreOffice converts it to PDF where it is
# installed.
. "$SRC/tests/lib.sh"
"$PYTHON" -c 'import docx' 2>/dev/null || skip_all "python3-docx not installed"
initdb

expect "plan 2024 --format md" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --format md >"$T/plan.md"
expect "plan 2024 --format docx --out" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --format docx --out "$T/plan.docx"
expect "no temporary file left behind" [ ! -e "$T/plan.docx.tmp" ]
expect "plan 2024 --format docx to a file on stdout" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --format docx >"$T/stdout.docx"
expect "--out and stdout give the same docx" \
    cmp -s "$T/plan.docx" "$T/stdout.docx"
expect "plan 2024 --appendix --format md" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --appendix >"$T/appendix.md"
expect "plan 2024 --appendix --format docx --out" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --appendix --format docx \
    --out "$T/appendix.docx"

expect "the docx matches the md" "$PYTHON" - "$T/plan.md" "$T/plan.docx" \
    "$T/appendix.md" "$T/appendix.docx" <<'PY'
import re, sys, zipfile
import docx
from docx.oxml.ns import qn

md = open(sys.argv[1], encoding="utf-8").read().splitlines()
want = []
to = False
for line in md:
    # The recipients are lines of the signature's layout table in the
    # docx, not list items.
    if line == "**Nơi nhận:**":
        to = True
    # The appendices after it, each on a page of its own.
    if line == "---":
        to = False
    m = re.match(r"^(#{1,4}) (.*)$", line)
    if m:
        to = False
        style = {1: "Title", 2: "Heading 1", 3: "Heading 2",
                 4: "Heading 3"}[len(m.group(1))]
        want.append((style, m.group(2)))
        continue
    m = re.match(r"^( *)- (.*)$", line)
    if m and not to:
        want.append(("item%d" % (len(m.group(1)) // 2), m.group(2)))

d = docx.Document(sys.argv[2])
got = []
for p in d.paragraphs:
    name = p.style.name
    if name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        got.append((name, p.text))
        continue
    numpr = p._p.pPr.find(qn("w:numPr")) if p._p.pPr is not None else None
    if numpr is not None:
        ilvl = numpr.find(qn("w:ilvl")).get(qn("w:val"))
        numid = numpr.find(qn("w:numId")).get(qn("w:val"))
        assert numid == "1", numid
        got.append(("item" + ilvl, p.text))

for i, (w, g) in enumerate(zip(want, got)):
    if w != g:
        sys.exit("paragraph %d: md %r, docx %r" % (i, w, g))
if len(want) != len(got):
    sys.exit("md has %d headings and items, docx %d" % (len(want), len(got)))
print("%d headings and list items match" % len(got))

# Real bullets: the numbering part defines numId 1 as a bullet list.
z = zipfile.ZipFile(sys.argv[2])
num = z.read("word/numbering.xml").decode()
assert 'w:numFmt w:val="bullet"' in num and 'w:numId="1"' in num
assert set(z.namelist()) >= {"[Content_Types].xml", "_rels/.rels",
    "word/document.xml", "word/styles.xml", "word/numbering.xml"}

# The appendix's tables: one per month, then the rows known only to the
# year; each row as in its md.
assert not [l for l in md if l.startswith("| ")], "a table in the plan"
md = open(sys.argv[3], encoding="utf-8").read().splitlines()
md_rows = [l for l in md if re.match(r"^\| ([0-9]|Trong tháng)", l)]
assert [l for l in md_rows if l.startswith("| Trong tháng")]
assert [l for l in md_rows if l.startswith("| 2024 |")]
d = docx.Document(sys.argv[4])
cells = []
# The calendar's tables; the header and signature are layout tables.
for t in d.tables:
    if t.rows[0].cells[0].text != "Ngày":
        continue
    for r in t.rows[1:]:
        cells.append([c.text for c in r.cells])
assert len(cells) == len(md_rows), (len(cells), len(md_rows))
for c, l in zip(cells, md_rows):
    parts = [x.strip().replace("\\|", "|")
             for x in re.split(r"(?<!\\)\|", l)[1:-1]]
    assert c == parts, (c, parts)
print("%d table rows match" % len(cells))
PY

# LibreOffice is not among the test packages (scripts/install-deps): a
# developer's machine may have it.
lo=$(command -v libreoffice || command -v soffice || true)
if [ -z "$lo" ]; then
	skip "LibreOffice not installed: no conversion to PDF"
	exit 0
fi
expect "LibreOffice converts the docx to PDF" env HOME="$T" timeout 120 \
    "$lo" --headless --norestore \
    -env:UserInstallation="file://$T/lo-profile" \
    --convert-to pdf --outdir "$T" "$T/plan.docx" >"$T/lo.log" 2>&1
expect "a PDF file" [ -s "$T/plan.pdf" ]
head -c 5 "$T/plan.pdf" >"$T/plan.magic" 2>/dev/null || true
expect_grep '%PDF-' "$T/plan.magic"
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$T/plan.pdf" "$T/plan.txt"
	expect_grep 'Thụy Điển' "$T/plan.txt"
else
	skip "pdftotext (poppler-utils) not installed: PDF text not read"
fi
exit 0

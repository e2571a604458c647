"""docx_layout.py FILE KIND [RECIPIENT...]: a kyniem .docx read back with
python3-docx against Decree 30/2020/ND-CP's layout.

KIND is plan, report (a title under the kind) or letter; "plan:party"
is a plan in the party's style, a star under the name instead of a line.  Checks: body
paragraphs justified, their first line indented 1-1.27 cm, 6 pt after,
lines 1-1.15 apart; a PAGE field centred in the header of every page but
the first (titlePg, an empty first-page header); the lines drawn under the
union's name and the motto (and the title), each the bottom border of an
empty paragraph; "Nơi nhận" 12 pt bold italic over 11 pt entries, which
are the RECIPIENTs given; an appendix starts a new page with its "(Kèm
theo ...)" line, and a plan has none (its appendix is a file of its own).  Prints what it saw; exits non-zero on the first miss.
"""
import sys
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

path, kind = sys.argv[1], sys.argv[2]
# "plan:party": the party's style, a star under the name, no line.
party = kind.endswith(":party")
kind = kind.split(":")[0]
recipients = sys.argv[3:]
d = docx.Document(path)


def fail(msg):
    sys.exit("%s: %s" % (path, msg))


def style_attr(p, get):
    """The paragraph's own value, else its style's, up the chain."""
    v = get(p.paragraph_format)
    st = p.style
    while v is None and st is not None:
        v = get(st.paragraph_format)
        st = st.base_style
    return v


def rules_in(paras):
    """The paragraphs that only draw a line: their bottom border."""
    out = []
    for p in paras:
        ppr = p._p.pPr
        if ppr is None or p.text:
            continue
        bdr = ppr.find(qn("w:pBdr"))
        if bdr is not None and bdr.find(qn("w:bottom")) is not None:
            out.append(p)
    return out


# Body text: every Body Text paragraph justified and indented.
body = [p for p in d.paragraphs if p.style.name == "Body Text" and p.text]
# A plan's paragraphs are mostly what staff write; its lists are
# generated.
if len(body) < {"letter": 0, "plan": 1}.get(kind, 3):
    fail("only %d body paragraphs" % len(body))
for p in body:
    if style_attr(p, lambda f: f.alignment) != WD_ALIGN_PARAGRAPH.JUSTIFY:
        fail("not justified: %r" % p.text[:40])
    ind = style_attr(p, lambda f: f.first_line_indent)
    if ind is None or not Cm(0.99) <= ind <= Cm(1.28):
        fail("first-line indent %r: %r" % (ind, p.text[:40]))
    after = style_attr(p, lambda f: f.space_after)
    if after != Pt(6):
        fail("space after %r: %r" % (after, p.text[:40]))
    ls = style_attr(p, lambda f: f.line_spacing)
    if ls is None or not 1.0 <= ls <= 1.15:
        fail("line spacing %r" % ls)
print("%d body paragraphs justified, indented, 6 pt after" % len(body))

# The page number: a PAGE field in the default header, none on page 1.
sect = d.sections[0]
if not sect.different_first_page_header_footer:
    fail("no titlePg: the first page would be numbered")
if any(p.text.strip() for p in sect.first_page_header.paragraphs):
    fail("the first page's header is not empty")
z = zipfile.ZipFile(path)
rels = z.read("word/_rels/document.xml.rels").decode()
hdr = sect.header._element
instr = "".join(t.text or "" for t in hdr.iter(qn("w:instrText")))
if instr.strip() != "PAGE":
    fail("the header's field is %r, not PAGE" % instr)
if sect.header.paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.CENTER:
    fail("the page number is not centred")
print("PAGE field centred at the top from page 2")

# The header table: the lines under the name and the motto.
head = d.tables[0]
left, right = head.cell(0, 0), head.cell(0, 1)
name_rules = rules_in(left.paragraphs)
motto_rules = rules_in(right.paragraphs)
if len(name_rules) != (0 if party else 1) or len(motto_rules) != 1:
    fail("lines under name/motto: %d, %d" % (len(name_rules),
                                             len(motto_rules)))
if party and left.paragraphs[-1].text != "*":
    fail("no star under the name")
if not party and not rules_in(left.paragraphs[-1:]):
    fail("the line is not right under the name")
if [p.text for p in right.paragraphs if p.text][-1] not in (
        "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"):
    fail("the line is not under the motto")
rules = 1 if party else 2
if kind != "letter":
    title = [p for p in d.paragraphs if p.style.name == "Title"]
    if len(title) != 1:
        fail("%d kind lines" % len(title))
    paras = d.paragraphs
    i = [p._p for p in paras].index(title[0]._p)
    if rules_in(paras[i + 2:i + 3]) == []:
        fail("no line under the title %r" % paras[i + 1].text)
    rules += 1
print("%d lines drawn (%smotto%s)" % (rules, "" if party else "name, ",
                                      "" if kind == "letter" else ", title"))

# "Nơi nhận": 12 pt bold italic, entries 11 pt.
end = [t for t in d.tables[1:]
       if t.cell(0, 0).paragraphs[0].text in ("Nơi nhận:", "Recipients:")]
if len(end) != 1:
    fail("%d recipients blocks" % len(end))
cell = end[0].cell(0, 0).paragraphs
h = cell[0].runs[0]
if not (h.bold and h.italic and h.font.size == Pt(12)):
    fail("Nơi nhận: bold %s italic %s size %s" % (h.bold, h.italic,
                                                   h.font.size))
entries = [p for p in cell[1:] if p.text]
for p in entries:
    if any(r.font.size != Pt(11) for r in p.runs):
        fail("entry not 11 pt: %r" % p.text)
got = [p.text for p in entries]
for r in recipients:
    if r not in got:
        fail("recipient %r not in %r" % (r, got))
print("Nơi nhận 12 pt bold italic, %d entries at 11 pt" % len(entries))

# Appendices: "Phụ lục" on a new page, then the "(Kèm theo ...)" line.
n = 0
paras = d.paragraphs
for i, p in enumerate(paras):
    if not p.text.startswith("(Kèm theo ") and \
            not p.text.startswith("(Attached to "):
        continue
    n += 1
    label = paras[i - 2]
    if not label.text.startswith(("Phụ lục", "Appendix")):
        fail("no Phụ lục over %r" % p.text)
    if not label.paragraph_format.page_break_before:
        fail("%r does not start a page" % label.text)
    if not all(r.italic for r in p.runs):
        fail("the (Kèm theo) line is not italic")
if kind == "plan" and n > 0:
    fail("the plan holds its appendix, a document of its own")
print("%d appendices, each on a new page" % n)

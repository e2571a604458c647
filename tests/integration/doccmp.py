# doccmp.py MD DOCX: the text lines of a letter's Markdown and of its .docx
# (paragraphs and the layout tables' cells), markup and spacing left out,
# are the same set; a line of one missing from the other is printed.
import re
import sys

import docx


def norm(s):
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\\(.)", r"\1", s)          # Markdown's escapes
    s = re.sub(r"\*\*|__|(?<!\w)_|_(?!\w)", "", s)
    return re.sub(r"\s+", " ", s).strip()


def md_lines(path):
    out = set()
    for line in open(path, encoding="utf-8").read().splitlines():
        line = norm(line)
        if line and line != "---":
            out.add(line)
    return out


def docx_lines(path):
    d = docx.Document(path)
    out = set()
    texts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    for t in texts:
        for line in t.splitlines():
            line = norm(line)
            if line:
                out.add(line)
    return out


m, x = md_lines(sys.argv[1]), docx_lines(sys.argv[2])
for line in sorted(m - x):
    print("only in md:   " + line)
for line in sorted(x - m):
    print("only in docx: " + line)
sys.exit(1 if m != x else 0)

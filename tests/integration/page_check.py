"""page_check.py PNG KIND NAME_LINES TITLE_LINES: the first page of a
document as LibreOffice printed it (pdftoppm -r 100), looked at.

Finds the lines drawn on the page (rows with a dark run of 10 mm or more
that no text touches) and checks each against the text above it: under
the union's name a line 1/3 to 1/2 as long as the name's widest line
(NAME_LINES lines), under the motto one as long as the motto (within 6%),
and for a plan or report (KIND) one under the title of TITLE_LINES lines,
1/3 to 1/2 of its widest line.  Then the body below the header: the long
lines all end at one right edge (justified, not ragged), some lines start
1-1.27 cm in (first-line indents), and nothing is printed in the top
margin (no page number on page 1).  Prints what it measured.
"""
import sys

from PIL import Image

png, kind = sys.argv[1], sys.argv[2]  # NAME_LINES 0: no line, a star
name_lines, title_lines = int(sys.argv[3]), int(sys.argv[4])
im = Image.open(png).convert("L")
W, H = im.size
MM = W / 210.0          # pixels per millimetre of an A4 page
pix = im.load()
dark = [[pix[x, y] < 150 for x in range(W)] for y in range(H)]


def fail(msg):
    sys.exit("%s: %s" % (png, msg))


def longest_run(row, x0=0, x1=None):
    best, start, run = (0, 0, 0), 0, 0
    for x in range(x0, W if x1 is None else x1):
        if row[x]:
            if run == 0:
                start = x
            run += 1
            if run > best[0]:
                best = (run, start, x)
        else:
            run = 0
    return best


# The drawn lines: a run of 10 mm in a row, no longer than 3 rows.
rules, y = [], 0
while y < H:
    n, x0, x1 = longest_run(dark[y])
    if n >= 10 * MM:
        y1 = y
        while y1 + 1 < H and longest_run(dark[y1 + 1])[0] >= 10 * MM:
            y1 += 1
        if y1 - y <= 3:
            rules.append((y, x0, x1))
        y = y1 + 1
    else:
        y += 1


def text_lines_above(y, x0, x1, count):
    """The x extents of the count text lines above row y, in x0..x1."""
    out = []
    while y > 0 and len(out) < count:
        while y > 0 and not any(dark[y][x0:x1]):
            y -= 1
        bottom = y
        while y > 0 and any(dark[y][x0:x1]):
            y -= 1
        if bottom - y < 0.8 * MM:
            continue            # a speck, not a line of text
        xs = [x for yy in range(y + 1, bottom + 1)
              for x in range(x0, x1) if dark[yy][x]]
        out.append((min(xs), max(xs)))
    return out


header = sorted(r for r in rules if r[0] < H * 0.45)
title_rule = header.pop() if kind != "letter" and header else None
centre = [(r, (r[1] + r[2]) / 2) for r in header]
name_rule = [r for r, c in centre if c < 100 * MM]
motto_rule = [r for r, c in centre if c >= 100 * MM]
print("lines drawn in the header: %d under the name, %d under the motto, "
      "%d under the title" % (len(name_rule), len(motto_rule),
                              title_rule is not None))
# NAME_LINES 0: the party's style, a star under the name, no line.
if len(name_rule) != (1 if name_lines else 0) or len(motto_rule) != 1 or \
        (kind != "letter" and title_rule is None):
    fail("lines drawn in the header: %r" % rules)
motto_rule = motto_rule[0]
split = int(100 * MM)


def ratio(rule, x0, x1, count):
    lines = text_lines_above(rule[0] - 1, x0, x1, count)
    widest = max(b - a + 1 for a, b in lines)
    return (rule[2] - rule[1] + 1) / widest, widest


if name_lines:
    name_rule = name_rule[0]
    r, w = ratio(name_rule, 0, split, name_lines)
    print("name: line %.0f mm under a name %.0f mm wide (%.2f)" %
          ((name_rule[2] - name_rule[1]) / MM, w / MM, r))
    if not 1 / 3 - 0.02 <= r <= 1 / 2 + 0.02:
        fail("the line under the name is %.2f of it, not 1/3 to 1/2" % r)
r, w = ratio(motto_rule, split, W, 1)
print("motto: line %.0f mm under a motto %.0f mm wide (%.2f)" %
      ((motto_rule[2] - motto_rule[1]) / MM, w / MM, r))
if not 0.94 <= r <= 1.06:
    fail("the line under the motto is %.2f of it, not as long" % r)
below = max(r[0] for r in header)
if kind != "letter":
    r, w = ratio(title_rule, 0, W, title_lines)
    print("title: line %.0f mm under a title %.0f mm wide (%.2f)" %
          ((title_rule[2] - title_rule[1]) / MM, w / MM, r))
    if not 1 / 3 - 0.02 <= r <= 1 / 2 + 0.02:
        fail("the line under the title is %.2f of it" % r)
    mid = (title_rule[1] + title_rule[2]) / 2
    text_mid = (32 + (210 - 17 - 32) / 2) * MM
    if abs(mid - text_mid) > 3 * MM:
        fail("the title's line is not centred (%.0f mm off)" %
             ((mid - text_mid) / MM))
    below = title_rule[0]

# Nothing in the top margin of the first page: no page number.
if any(any(row) for row in dark[:int(18 * MM)]):
    fail("something is printed in the first page's top margin")

# The body: text lines below the header, their left and right ends.
lines, y = [], below + int(12 * MM)
while y < H - 20 * MM:
    if not any(dark[y]):
        y += 1
        continue
    y0 = y
    while y < H and any(dark[y]):
        y += 1
    if y - y0 < 1.5 * MM or y - y0 > 6 * MM:
        continue                # a rule, a table, a stray mark
    xs = [x for yy in range(y0, y) for x in range(W) if dark[yy][x]]
    lines.append((min(xs), max(xs), y0, y))
if len(lines) < 5:
    fail("only %d lines of text under the header" % len(lines))
# The text between the decree's margins (left 30-35 mm, right 15-20 mm;
# the docx has 32 and 17); the header's blocks reach further out.
lines = [ln for ln in lines if ln[0] >= 31 * MM]
# A paragraph's last line is followed by its spacing (6 pt and more), a
# wider gap than between the lines of a paragraph: it may end anywhere.
gaps = sorted(n[2] - ln[3] for ln, n in zip(lines, lines[1:]))
line_gap = gaps[len(gaps) // 4] if gaps else 0
last = {i for i, (ln, n) in enumerate(zip(lines, lines[1:]))
        if n[2] - ln[3] > line_gap + 1.5 * MM} | {len(lines) - 1}
ends_para = [i in last for i in range(len(lines))]
lines = [(a, b) for a, b, _, _ in lines]
right = max(b for a, b in lines)
left = min(a for a, b in lines)
print("body: text from %.1f to %.1f mm" % (left / MM, right / MM))
if not (31 * MM <= left <= 35 * MM and 190 * MM <= right <= 195 * MM):
    fail("the body is not between the margins")
width = right - left
# A justified paragraph's lines but its last end at the margin; ragged
# lines end anywhere short of it.  Lines ending a paragraph are left out.
long_lines = [b for (a, b), e in zip(lines, ends_para)
              if b - a > 0.75 * width and not e]
flush = [b for b in long_lines if right - b <= 0.8 * MM]
print("body: %d lines, %d long, %d of them end at the right margin" %
      (len(lines), len(long_lines), len(flush)))
if len(flush) < 3 or len(flush) < 0.75 * len(long_lines):
    fail("the body is not justified: %d of %d long lines end at %d" %
         (len(flush), len(long_lines), right))
indented = [a for a, b in lines if 9.5 * MM <= a - left <= 13.2 * MM]
print("%d lines start 1-1.27 cm in" % len(indented))
if len(indented) < 2:
    fail("no first-line indents: %r" %
         sorted(set(round((a - left) / MM) for a, b in lines)))
print("first page ok")

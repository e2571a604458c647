#!/bin/sh
# kyniem plan --format html: one self-contained, well-formed page with
# print rules for A4, rendered in headless Chromium (screenshot and PDF
# saved under $T).
. "$SRC/tests/lib.sh"
initdb

expect "plan 2024 --format html --out" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --format html --out "$T/plan.html"
"$KYNIEM" --today 2023-12-20 plan 2024 --format md >"$T/plan.md"

expect "one well-formed, self-contained page with the md's headings and items" \
    "$PYTHON" - "$T/plan.html" "$T/plan.md" <<'PY'
import re, sys
from html.parser import HTMLParser

html = open(sys.argv[1], encoding="utf-8").read()
md = open(sys.argv[2], encoding="utf-8").read().splitlines()
assert "@page{size:A4" in html and "@media print" in html
# Self-contained: nothing to fetch, nothing to run.
assert not re.search(r"<(script|link|img|iframe)\b", html, re.I)
assert not re.search(r"\b(src|href)\s*=", html, re.I)
assert "url(" not in html

VOID = {"meta", "br"}
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.heads, self.items, self.text = [], [], [], None
        self.li_depth = 0
    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag in ("h1", "h2", "h3") or tag == "li":
            self.text = ""
        if tag == "li":
            self.li_depth = self.stack.count("li") - 1
        if tag == "ul" and self.text is not None and self.stack.count("li"):
            self.items.append((self.li_depth, self.text))
            self.text = None
    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()
        if tag in ("h1", "h2", "h3"):
            self.heads.append((tag, self.text))
            self.text = None
        if tag == "li" and self.text is not None:
            self.items.append((self.stack.count("li"), self.text))
            self.text = None
    def handle_data(self, d):
        if self.text is not None:
            self.text += d
p = P()
p.feed(html)
p.close()
assert not p.stack, p.stack
want_h = [("h%d" % len(m.group(1)), m.group(2)) for m in
          (re.match(r"^(#{1,3}) (.*)$", l) for l in md) if m]
assert p.heads == want_h, (p.heads[:3], want_h[:3])
want_i = [(len(m.group(1)) // 2, m.group(2)) for m in
          (re.match(r"^( *)- (.*)$", l) for l in md) if m]
assert p.items == want_i, [x for x in zip(p.items, want_i) if x[0] != x[1]][:2]
print("%d headings, %d list items match the md" % (len(p.heads), len(p.items)))
PY

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	skip "chromium not installed: no screenshot or PDF"
	exit 0
fi
flags="--headless --no-sandbox --disable-gpu --disable-background-networking
--disable-component-update --disable-sync --no-first-run --hide-scrollbars"
# shellcheck disable=SC2086
expect "chromium takes a screenshot" timeout 60 "$browser" $flags \
    --user-data-dir="$(mktemp -d "$T/chr.XXXXXX")" \
    --screenshot="$T/plan.png" --window-size=1240,1754 \
    "file://$T/plan.html" >"$T/chromium.log" 2>&1
# shellcheck disable=SC2086
expect "chromium prints a PDF" timeout 60 "$browser" $flags \
    --user-data-dir="$(mktemp -d "$T/chr.XXXXXX")" \
    --print-to-pdf="$T/plan.pdf" --no-pdf-header-footer \
    "file://$T/plan.html" >>"$T/chromium.log" 2>&1
expect "a 1240x1754 screenshot and A4 pages" \
    "$PYTHON" - "$T/plan.png" "$T/plan.pdf" <<'PY'
import re, struct, sys
png = open(sys.argv[1], "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a png"
w, h = struct.unpack(">II", png[16:24])
assert (w, h) == (1240, 1754), (w, h)
pdf = open(sys.argv[2], "rb").read()
assert pdf[:5] == b"%PDF-"
# A4 is 595 x 842 points.
boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf)
assert boxes, "no MediaBox"
for bw, bh in boxes:
    assert abs(float(bw) - 595.3) < 2 and abs(float(bh) - 841.9) < 2, (bw, bh)
print("screenshot %dx%d, %d A4 pages" % (w, h, len(boxes)))
PY
echo "screenshot: $T/plan.png"
exit 0

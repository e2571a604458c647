#!/bin/sh
# kyniem serve offers the plans at /plan/YEAR.md, .html and .docx (last
# year to two years ahead): the same bytes as `kyniem plan`, the right
# Content-Type, a Content-Disposition naming the file a person saves
# ("ke-hoach-2024.docx"), a docx python3-docx reads with the plan's parts
# and sections, 404 for other years and types.
. "$SRC/tests/lib.sh"
initdb

port=$(free_port)
"$KYNIEM" --today 2023-12-20 serve --listen "127.0.0.1:$port" \
    >"$T/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
base="http://127.0.0.1:$port"
i=0
until curl -fsS -o /dev/null "$base/plan/2024.md" 2>/dev/null; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || { cat "$T/serve.log"; die "server not up"; }
	kill -0 "$pid" 2>/dev/null || { cat "$T/serve.log"; die "server died"; }
	sleep 0.1
done

for ext in md html docx; do
	expect "GET /plan/2024.$ext" curl -fsS -D "$T/h.$ext" -o "$T/srv.$ext" \
	    "$base/plan/2024.$ext"
	expect "plan --format $ext" "$KYNIEM" --today 2023-12-20 plan 2024 \
	    --format "$ext" --out "$T/cli.$ext"
	expect "/plan/2024.$ext is what kyniem plan writes" \
	    cmp "$T/cli.$ext" "$T/srv.$ext"
done
expect_grep '^Content-Type: text/markdown; charset=utf-8' "$T/h.md"
expect_grep '^Content-Type: text/html; charset=utf-8' "$T/h.html"
expect_grep '^Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document' "$T/h.docx"
expect_grep '^Content-Disposition: attachment; filename="ke-hoach-2024.docx"' "$T/h.docx"
expect_grep '^Content-Disposition: attachment; filename="ke-hoach-2024.md"' "$T/h.md"
expect_grep '^Content-Disposition: inline; filename="ke-hoach-2024.html"' "$T/h.html"
expect "python3-docx reads the served docx" "$PYTHON" - "$T/srv.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
heads = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
for h in ("I. Mục đích, yêu cầu", "II. Nội dung", "III. Tổ chức thực hiện",
          "IV. Kinh phí", "1.2. Hoạt động khối ASEAN"):
    assert h in heads, (h, heads[:5])
PY
# HEAD, and the years around today.
expect "HEAD /plan/2024.docx" curl -fsS -I "$base/plan/2024.docx" >"$T/head"
expect_grep '^HTTP/1.1 200' "$T/head"
for y in 2022 2023 2025; do
	expect "a plan for $y" curl -fsS -o /dev/null "$base/plan/$y.md"
done
for p in /plan/2021.md /plan/2026.md /plan/2024.pdf /plan/2024 /plan/; do
	code=$(curl -s -o /dev/null -w '%{http_code}' "$base$p")
	expect "$p answers 404 (got $code)" [ "$code" = 404 ]
done
kill "$pid"
rc=0
wait "$pid" || rc=$?
trap - EXIT
expect "the server stops cleanly on SIGTERM (exit $rc)" [ "$rc" -eq 0 ]
exit 0

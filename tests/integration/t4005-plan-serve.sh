#!/bin/sh
# kyniem serve offers the plans at /plan/YEAR.md, .html and .docx (last
# year to two years ahead): the same bytes as `kyniem plan`, the right
# Content-Type, a docx python3-docx reads, 404 for other years and types.
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
	curl -fsS -D "$T/h.$ext" -o "$T/srv.$ext" "$base/plan/2024.$ext" ||
	    fail "GET /plan/2024.$ext"
	"$KYNIEM" --today 2023-12-20 plan 2024 --format "$ext" \
	    --out "$T/cli.$ext" || fail "plan --format $ext"
	cmp "$T/cli.$ext" "$T/srv.$ext" || fail "/plan/2024.$ext differs"
done
expect_grep '^Content-Type: text/markdown; charset=utf-8' "$T/h.md"
expect_grep '^Content-Type: text/html; charset=utf-8' "$T/h.html"
expect_grep '^Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document' "$T/h.docx"
"$PYTHON" - "$T/srv.docx" <<'PY' || fail "served docx"
import sys, docx
d = docx.Document(sys.argv[1])
heads = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
assert "1.1. Các ngày kỷ niệm năm chẵn, năm tròn" in heads, heads[:5]
PY
# HEAD, and the years around today.
curl -fsS -I "$base/plan/2024.docx" >"$T/head" || fail "HEAD"
expect_grep '^HTTP/1.1 200' "$T/head"
for y in 2022 2023 2025; do
	curl -fsS -o /dev/null "$base/plan/$y.md" || fail "no plan for $y"
done
for p in /plan/2021.md /plan/2026.md /plan/2024.pdf /plan/2024 /plan/; do
	code=$(curl -s -o /dev/null -w '%{http_code}' "$base$p")
	[ "$code" = 404 ] || fail "$p answered $code, not 404"
done
exit 0

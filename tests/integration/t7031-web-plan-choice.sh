#!/bin/sh
# Tài liệu lists the milestones the year's plan may name (its section
# II.1.1) by rank, each with its score, its unconfirmed date marked, and
# whether the plan names it; an editor puts one in the plan or takes it
# out (a button per milestone, with the CSRF token), kept for that
# year in the same table as `kyniem plan --include`, with an audit entry;
# the plan on the page, its downloads and the CLI follow.  Viewers get no
# buttons and may not post; a bad key or year is a 404 that writes nothing.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

initdb
web_users
start_server 2023-12-20
SE='Kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024)'
# choices: the plan_choice table, one "year key choice who" a line.
choices() {
	"$PYTHON" -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for r in db.execute("SELECT year, observance_key, choice, who FROM plan_choice ORDER BY 1, 2"):
    print(*r)
' "$T/kyniem.db"
}
# s11 FILE: the bullets of section II.1.1 of a plan in Markdown.
s11() {
	awk '/^#### 1\.1\./ { on = 1; next } /^#### 1\.2\./ { on = 0 }
	    on && /^- /' "$1"
}

expect "the viewer logs in" [ "$(web_login viewer)" = 303 ]
expect "the editor logs in" [ "$(web_login editor)" = 303 ]

expect "the viewer's documents page for 2024 (200)" \
    [ "$(web_get viewer '/app/documents?year=2024' "$T/v.html")" = 200 ]
expect_grep '<h2 id="picks">Các ngày kỷ niệm năm chẵn, năm tròn năm 2024</h2>' "$T/v.html"
expect_grep "<tr><td><a href=\"/app/occasions/relation:SE\">$SE</a></td><td>10 điểm (năm chẵn 10)</td><td>Không</td><td></td></tr>" "$T/v.html"
expect_grep '<td>50 điểm (đại lễ 30, đối tác chiến lược toàn diện 20)</td><td>Có</td>' "$T/v.html"
# For staff, the page marks a date not confirmed; the plan never does.
expect_grep '<a href="/app/occasions/partnership:JP:strategic">Kỷ niệm 15 năm quan hệ Đối tác Chiến lược Việt Nam – Nhật Bản (20/4/2009 – 20/4/2024) (chưa xác minh)</a>' "$T/v.html"
expect_no_grep '/include"' "$T/v.html"
expect "a viewer may not choose (403)" \
    [ "$(web_post viewer /app/documents/2024/relation:SE/include)" = 403 ]

expect "the editor's documents page for 2024 (200)" \
    [ "$(web_get editor '/app/documents?year=2024' "$T/e.html")" = 200 ]
expect_grep '<form class="inline" method="post" action="/app/documents/2024/relation:SE/include"><input type="hidden" name="csrf" value="[^"]*"><button type="submit">Đưa vào kế hoạch</button></form>' "$T/e.html"
expect_grep '<form class="inline" method="post" action="/app/documents/2024/relation:MT/exclude">' "$T/e.html"

# Without the token, or from another origin: refused, nothing written.
expect "no CSRF token (403)" [ "$(curl -s -o /dev/null -w '%{http_code}' \
    -b "$T/editor.jar" -H "Origin: $BASE" -d csrf=x \
    "$BASE/app/documents/2024/relation:SE/include")" = 403 ]
choices >"$T/c0"
expect "no choice yet" [ ! -s "$T/c0" ]

expect "the editor puts Sweden in 1.1 (303)" \
    [ "$(web_post editor /app/documents/2024/relation:SE/include)" = 303 ]
expect_grep '^Location: /app/documents?year=2024#choices' "$T/post.hdr"
expect "the editor takes Malta out (303)" \
    [ "$(web_post editor /app/documents/2024/relation:MT/exclude)" = 303 ]
printf '2024 relation:MT exclude editor@example.org\n2024 relation:SE include editor@example.org\n' >"$T/want"
choices >"$T/c1"
expect_diff "$T/want" "$T/c1"
"$KYNIEM" audit --limit 2 >"$T/audit"
expect_grep '	editor@example.org	plan.include	plan:2024:relation:SE	- -> {"choice":"include"}' "$T/audit"
expect_grep '	editor@example.org	plan.exclude	plan:2024:relation:MT	- -> {"choice":"exclude"}' "$T/audit"

expect "the page again (200)" \
    [ "$(web_get editor '/app/documents?year=2024' "$T/e2.html")" = 200 ]
expect_grep '<p class="flash" role="status">Đã lưu.</p>' "$T/e2.html"
web_get editor '/app/documents?year=2024' "$T/e3.html" >/dev/null
expect_no_grep 'class="flash"' "$T/e3.html"
expect_grep "<td>Có (cán bộ chọn)</td><td><form class=\"inline\" method=\"post\" action=\"/app/documents/2024/relation:SE/exclude\">" "$T/e2.html"
expect_grep '<td>Không (cán bộ bỏ ra)</td><td><form class="inline" method="post" action="/app/documents/2024/relation:MT/include">' "$T/e2.html"
expect_grep 'action="/app/documents/2024/relation:SE/reset"><input type="hidden" name="csrf" value="[^"]*"><button type="submit" class="secondary">Theo xếp hạng</button>' "$T/e2.html"
# The plan on the page, its download and the CLI's have Sweden in 1.1.
expect_grep "<li>Tổ chức các hoạt động kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024).</li>" "$T/e2.html"
expect "the plan's Markdown (200)" \
    [ "$(web_get editor /app/documents/plan-2024.md "$T/plan.md")" = 200 ]
s11 "$T/plan.md" >"$T/s11"
expect_grep "^- Tổ chức các hoạt động kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024)\\.\$" "$T/s11"
expect_no_grep 'Malta' "$T/s11"
"$KYNIEM" --today 2023-12-20 plan 2024 >"$T/cli.md"
expect "the CLI's plan is the page's" cmp -s "$T/plan.md" "$T/cli.md"
# Another year knows nothing of them.
web_get editor '/app/documents?year=2025' "$T/e25.html" >/dev/null
expect_no_grep 'Có (cán bộ chọn)' "$T/e25.html"

# Bad keys and years: 404, nothing written.
expect "an unknown key (404)" \
    [ "$(web_post editor /app/documents/2024/relation:XX/include)" = 404 ]
expect "a key with no date in the year (404)" \
    [ "$(web_post editor /app/documents/1960/relation:SE/include)" = 404 ]
expect "a year out of range (404)" \
    [ "$(web_post editor /app/documents/99999/relation:SE/include)" = 404 ]
expect "GET is not a way to choose (405)" \
    [ "$(web_get editor /app/documents/2024/relation:SE/include "$T/g.html")" = 405 ]
choices >"$T/c2"
expect_diff "$T/want" "$T/c2"

# Back to the ranking.
expect "reset Sweden (303)" \
    [ "$(web_post editor /app/documents/2024/relation:SE/reset)" = 303 ]
printf '2024 relation:MT exclude editor@example.org\n' >"$T/want"
choices >"$T/c3"
expect_diff "$T/want" "$T/c3"
"$KYNIEM" audit --limit 1 >"$T/audit"
expect_grep '	editor@example.org	plan.reset	plan:2024:relation:SE	{"choice":"include"} -> -' "$T/audit"
expect_audit_json
expect_clean_stop
exit 0

# Dữ liệu cần xác minh lists the rows known only to the month or year or
# not fully confirmed, nearest milestone first, each linking to its
# occasion page.  Tài liệu shows the year's plan as a page (this year by
# default, another by ?year=) with its downloads: .docx (a zip with
# word/document.xml), .md, .csv and .html, each with its type and a file
# name, and its appendix's (the calendar, no .csv); a title with markup
# is escaped on the page.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

TODAY=2023-08-20
initdb
cat >"$T/xss.csv" <<'EOC'
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
xss_test,commemoration,08-25,2003,1,,<script>alert(1)</script> day,<script>alert(1)</script> ngày,test,test
EOC
"$KYNIEM" import "$T/xss.csv" >/dev/null || die "import of xss.csv failed"
web_users
start_server $TODAY
expect "the viewer logs in" [ "$(web_login viewer)" = 303 ]

expect "the verify page opens (200)" \
    [ "$(web_get viewer /app/verify "$T/v.html")" = 200 ]
expect_grep '<h1>Dữ liệu cần xác minh</h1>' "$T/v.html"
expect_grep '<a href="/app/verify" aria-current="page">' "$T/v.html"
expect_grep '<th>Mốc gần nhất</th><th>Dữ liệu</th>' "$T/v.html"
# Fifty rows a page: the pages one after the other, as one list.
p=1
cp "$T/v.html" "$T/vp.html"
while grep -q 'rel="next"' "$T/vp.html" && [ $p -lt 100 ]; do
	p=$((p + 1))
	web_get viewer "/app/verify?page=$p" "$T/vp.html" >/dev/null
	cat "$T/vp.html" >>"$T/v.html"
done
expect "the rows take more than one page ($p)" [ $p -gt 1 ]
# Samoa (1994-03): the 30th in March 2024; Benin (1973): the 50th this
# year, before it; Tonga's national day (single source) is not counted.
expect_grep '<tr><td>Kỷ niệm 30 năm (tháng 3/2024)</td><td><a href="/app/occasions/relation:WS">Thiết lập quan hệ ngoại giao Việt Nam – Samoa</a></td><td>tháng 3/1994 (chưa rõ ngày)</td>' \
    "$T/v.html"
expect_grep '<td>Kỷ niệm 50 năm (năm 2023)</td><td><a href="/app/occasions/relation:BJ">' \
    "$T/v.html"
expect_grep '<a href="/app/occasions/relation:SO">Thiết lập quan hệ ngoại giao Việt Nam – Somalia</a></td><td>chưa có ngày</td><td><span class="badge unconfirmed">Theo trí nhớ, chưa kiểm chứng</span>' \
    "$T/v.html"
expect_grep '<tr><td>Không tính số năm</td><td><a href="/app/occasions/national-day:TO">Quốc khánh Tonga</a></td><td>4/6 hằng năm</td><td><span class="badge unconfirmed">Một nguồn</span>' \
    "$T/v.html"
expect_no_grep 'occasions/relation:JP"' "$T/v.html"
bj=$(grep -n 'occasions/relation:BJ"' "$T/v.html" | cut -d: -f1)
ws=$(grep -n 'occasions/relation:WS"' "$T/v.html" | cut -d: -f1)
so=$(grep -n 'occasions/relation:SO"' "$T/v.html" | cut -d: -f1)
expect "the nearest milestone comes first (Benin $bj, Samoa $ws)" \
    [ "${bj:-0}" -lt "${ws:-0}" ]
expect "a row without a year comes last (Samoa $ws, Somalia $so)" \
    [ "${ws:-0}" -lt "${so:-0}" ]

expect "the documents page opens (200)" \
    [ "$(web_get viewer /app/documents "$T/d.html")" = 200 ]
expect_grep '<h1>Tài liệu</h1>' "$T/d.html"
expect_grep '<h2 class="kind">KẾ HOẠCH</h2>' "$T/d.html"
expect_grep '<p class="doc-title"><span class="ruled short">Hoạt động đối ngoại nhân dân năm 2023</span></p>' "$T/d.html"
expect_grep '<span class="nobr">Độc lập - Tự do - Hạnh phúc</span>' "$T/d.html"
expect_grep '<h3>II. Nội dung</h3>' "$T/d.html"
expect_grep '<h4>1. Công tác hòa bình, đoàn kết, hữu nghị</h4>' "$T/d.html"
# The page shows the plan; its appendix is a download of its own.
expect_no_grep 'Kèm theo' "$T/d.html"
expect_grep '<a href="/app/documents/plan-appendix-2023.docx" download>' "$T/d.html"
expect_grep '<option value="2023" selected>2023</option>' "$T/d.html"
for y in 2023 2024; do
	expect_grep "<a href=\"/app/documents/plan-$y.docx\" download>" "$T/d.html"
done
expect_grep '&lt;script&gt;alert(1)&lt;/script&gt; ngày' "$T/d.html"
# Downloads are named by what they are, not by their file names.
expect_grep '<a href="/app/documents/plan-2024.docx" download>Kế hoạch năm 2024 — Word</a>' "$T/d.html"
expect_grep '<a href="/app/documents/plan-2024.md" download>Kế hoạch năm 2024 — Markdown</a>' "$T/d.html"
expect_grep '<a href="/app/documents/plan-2023.csv" download>Kế hoạch năm 2023 — bảng tính (CSV)</a>' "$T/d.html"
expect_grep '<a href="/app/documents/plan-appendix-2023.docx" download>Phụ lục kế hoạch năm 2023 — Word</a>' "$T/d.html"
expect_grep '<a href="/app/documents/plan-2023.docx?draft=1" download>Kế hoạch năm 2023 — bản dự thảo' "$T/d.html"
expect_no_grep 'download>[a-z-]*-20[0-9][0-9]\.' "$T/d.html"
# A PDF is offered only where LibreOffice is installed.
if grep -q 'plan-2024.pdf"' "$T/d.html"; then
	expect_grep 'plan-2024.pdf" download>Kế hoạch năm 2024 — PDF</a>' "$T/d.html"
fi
# The preview is folded by section, each heading its summary.
expect_grep '<details class="fold"><summary><h3>II. Nội dung</h3></summary>' "$T/d.html"
n=$(grep -c '<details class="fold">' "$T/d.html")
m=$(grep -c '</details>' "$T/d.html")
expect "the preview folds its sections ($n)" [ "$n" -ge 3 ]
expect "each fold is closed ($n opened, $m closed)" [ "$m" -ge "$n" ]
curl -s -b "$T/viewer.jar" -b kyniem_lang=en -o "$T/d.en.html" \
    "$BASE/app/documents"
expect_grep '<a href="/app/documents/plan-2024.docx" download>Plan 2024 — Word</a>' "$T/d.en.html"
expect_grep '<a href="/app/documents/plan-appendix-2023.md" download>Plan appendix 2023 — Markdown</a>' "$T/d.en.html"
expect_no_grep '<script>alert' "$T/d.html"
# Weighed on the wire, gzipped, as the browser test weighs pages: the
# page has the whole plan and, since 1.1 is ranked, the table of its
# milestones with their scores.
n=$(curl -s --compressed -b "$T/viewer.jar" -o /dev/null \
    -w '%{size_download}' "$BASE/app/documents")
expect "the documents page is under 100 KB on the wire ($n bytes)" \
    sh -c '[ "$1" -gt 0 ] && [ "$1" -lt 100000 ]' _ "$n"
n=$(wc -c <"$T/d.html")
expect "the documents page is under 150 KB unpacked ($n bytes)" \
    [ "$n" -lt 150000 ]
web_get viewer '/app/documents?year=2025' "$T/d25.html" >/dev/null
expect_grep '<p class="doc-title"><span class="ruled short">Hoạt động đối ngoại nhân dân năm 2025</span></p>' "$T/d25.html"
expect_grep '<option value="2025" selected>2025</option>' "$T/d25.html"

# download NAME TYPE: one check of the status, type and file name.
download() {
	curl -s -b "$T/viewer.jar" -D "$T/$1.hdr" -o "$T/$1" \
	    -w '%{http_code} %{content_type}' "$BASE/app/documents/$1" \
	    >"$T/$1.st"
	expect "$1: 200 and $2 ($(cat "$T/$1.st"))" \
	    [ "$(cat "$T/$1.st")" = "200 $2" ]
	expect_grep "Content-Disposition: attachment; filename=\"$1\"" "$T/$1.hdr"
	expect "$1 is not empty" [ -s "$T/$1" ]
}
download plan-2024.docx \
    application/vnd.openxmlformats-officedocument.wordprocessingml.document
download plan-2024.md 'text/markdown; charset=utf-8'
download plan-2024.csv 'text/csv; charset=utf-8'
download plan-2024.html 'text/html; charset=utf-8'
download plan-appendix-2024.docx \
    application/vnd.openxmlformats-officedocument.wordprocessingml.document
download plan-appendix-2024.md 'text/markdown; charset=utf-8'
expect_grep '^_(Kèm theo Kế hoạch số' "$T/plan-appendix-2024.md"
expect_grep '^| 14/1 | Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Malta' "$T/plan-appendix-2024.md"
expect "the .docx is a zip with word/document.xml" /usr/bin/python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
assert "Hoạt động đối ngoại nhân dân năm 2024" in z.read("word/document.xml").decode()
' "$T/plan-2024.docx"
expect_grep '^\*\*Hoạt động đối ngoại nhân dân năm 2024\*\*$' "$T/plan-2024.md"
expect_grep '^date,' "$T/plan-2024.csv"
expect_grep '<title>KẾ HOẠCH: Hoạt động đối ngoại nhân dân năm 2024</title>' "$T/plan-2024.html"
for bad in plan-2024.odt plan-24.md notes-2024.md report-2024.csv report-24.md \
    plan-1700.md plan-appendix-2024.csv plan-appendix-24.md plan-appendix.md; do
	expect "$bad is a 404" \
	    [ "$(web_get viewer "/app/documents/$bad" "$T/e.html")" = 404 ]
done
expect "a download needs a login" \
    [ "$(code "$BASE/app/documents/plan-2024.md")" = 303 ]
expect_clean_stop

# Năm YYYY: /app/year goes to this year; the year page lists every
# anniversary month by month with the activities of the year (a
# cancelled one struck through), under 100 KB; the filters (kind,
# country, milestone class, focus, confidence) narrow it and stay on the
# previous/next links; an unknown filter value is ignored; a title with
# markup is escaped; the stylesheet prints on A4 landscape.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

TODAY=2023-08-20
initdb
cat >>"$T/kyniem.conf" <<EOC
[organisation]
focus_countries = LA, KH
EOC
cat >"$T/xss.csv" <<'EOC'
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
xss_test,commemoration,08-25,2003,1,,<script>alert(1)</script> day,<script>alert(1)</script> ngày,test,test
EOC
"$KYNIEM" import "$T/xss.csv" >/dev/null || die "import of xss.csv failed"
jp=$(K activity add --title 'Gặp mặt kỷ niệm 50 năm quan hệ Việt Nam – Nhật Bản' \
    --start 2023-09-21 --observance relation:JP) || die "activity add"
off=$(K activity add --title 'Giao lưu văn nghệ' --start 2023-10-05 \
    --status cancelled) || die "activity add (cancelled)"
web_users
start_server $TODAY
expect "the viewer logs in" [ "$(web_login viewer)" = 303 ]

expect "/app/year redirects (303)" [ "$(web_get viewer /app/year "$T/r.html")" = 303 ]
curl -s -b "$T/viewer.jar" -D "$T/r.hdr" -o /dev/null "$BASE/app/year"
expect_grep "Location: /app/year/2023" "$T/r.hdr"

expect "the year page opens (200)" \
    [ "$(web_get viewer /app/year/2023 "$T/y.html")" = 200 ]
expect_grep '<h1>Năm 2023</h1>' "$T/y.html"
expect_grep '<h2 id="m9">Tháng 9</h2>' "$T/y.html"
# Each line a short title, country first (issue 23: the page was 26,733 px
# tall at 390 px); the full one is on the occasion's page.
expect_grep '<b>21</b> <a href="/app/occasions/relation:JP">Nhật Bản: 50 năm quan hệ ngoại giao</a>' \
    "$T/y.html"
# This month and the next are open, the others folded with their counts.
expect_grep '<section aria-labelledby="m8"><details open><summary><h2 id="m8">Tháng 8</h2>' \
    "$T/y.html"
expect_grep '<section aria-labelledby="m9"><details open>' "$T/y.html"
expect_grep '<section aria-labelledby="m10"><details><summary><h2 id="m10">Tháng 10</h2> <span class="muted">[0-9]* ngày kỷ niệm, 1 hoạt động</span></summary>' \
    "$T/y.html"
expect_grep '<a href="/app/year/2023?open=all">Mở tất cả các tháng (để in)</a>' \
    "$T/y.html"
web_get viewer '/app/year/2023?open=all' "$T/all.html" >/dev/null
expect "every month open with ?open=all" \
    [ "$(grep -c '<details open>' "$T/all.html")" -eq 12 ]
expect_grep "<a href=\"/app/activities/$jp\">Gặp mặt kỷ niệm 50 năm" "$T/y.html"
expect_grep "<li class=\"activity status-cancelled\"><b>5</b> <a href=\"/app/activities/$off\">Giao lưu văn nghệ</a>" \
    "$T/y.html"
# The page counts what the command line lists for the year.
n_year=$(K anniversaries 2023 --format csv | tail -n +2 | wc -l)
expect "the CLI lists the year's anniversaries" [ "$n_year" -gt 300 ]
expect_grep "<p>$n_year ngày kỷ niệm, 2 hoạt động.</p>" "$T/y.html"
expect_grep 'rel="prev" href="/app/year/2022"' "$T/y.html"
expect_grep 'rel="next" href="/app/year/2024"' "$T/y.html"
expect_grep '<form class="filters" method="get" action="/app/year/2023"' "$T/y.html"
expect_grep '<label for="f-country">Quốc gia</label><select id="f-country" name="country">' \
    "$T/y.html"
expect_grep '<option value="JP">Nhật Bản</option>' "$T/y.html"
expect_grep '<button type="submit">Lọc</button>' "$T/y.html"
# The markup of an imported title is text.
expect_grep '&lt;script&gt;alert(1)&lt;/script&gt; ngày' "$T/y.html"
expect_no_grep '<script>alert' "$T/y.html"
web_get viewer /app/occasions/xss_test "$T/xss.html" >/dev/null
expect_grep '<title>&lt;script&gt;alert(1)&lt;/script&gt; ngày · kyniem</title>' \
    "$T/xss.html"
expect_grep '<h1>&lt;script&gt;alert(1)&lt;/script&gt; ngày</h1>' "$T/xss.html"
expect_no_grep '<script>alert' "$T/xss.html"
for y in 2023 2030; do
	web_get viewer /app/year/$y "$T/size.html" >/dev/null
	n=$(wc -c <"$T/size.html")
	expect "the unfiltered year $y is under 100 KB ($n bytes)" [ "$n" -lt 100000 ]
done

# One country, one kind.
web_get viewer '/app/year/2023?kind=relation&country=JP&class=&focus=&confidence=' \
    "$T/jp.html" >/dev/null
expect_grep '<p>1 ngày kỷ niệm, 1 hoạt động.</p>' "$T/jp.html"
expect_grep '>Nhật Bản: 50 năm quan hệ ngoại giao<' "$T/jp.html"
expect "a filtered page has every month open" \
    [ "$(grep -c '<details open>' "$T/jp.html")" -eq 12 ]
expect_no_grep 'occasions/national-day:' "$T/jp.html"
expect_no_grep 'Giao lưu văn nghệ' "$T/jp.html"
expect_grep '<option value="relation" selected>' "$T/jp.html"
expect_grep '<option value="JP" selected>' "$T/jp.html"
expect_grep 'rel="next" href="/app/year/2024?kind=relation&amp;country=JP"' "$T/jp.html"
expect_grep '<a href="/app/year/2023">Bỏ lọc</a>' "$T/jp.html"

# 25, 50, 75, 100 years.
web_get viewer '/app/year/2023?class=jubilee' "$T/jub.html" >/dev/null
expect_grep '>Nhật Bản: 50 năm quan hệ ngoại giao<' "$T/jub.html"
expect_grep '>Myanmar: Quốc khánh, 75 năm<' "$T/jub.html"
expect_no_grep ' 64 năm' "$T/jub.html"
expect_no_grep ' 60 năm' "$T/jub.html"
expect_grep ' 50 năm' "$T/y.html"
expect_grep ' 60 năm' "$T/y.html"

# The focus countries of the config.
web_get viewer '/app/year/2023?focus=yes&kind=national-day' "$T/focus.html" >/dev/null
expect_grep '>Lào: Quốc khánh, 48 năm<' "$T/focus.html"
expect_grep '>Campuchia: Quốc khánh, 70 năm<' "$T/focus.html"
expect_grep '<p>2 ngày kỷ niệm, 0 hoạt động.</p>' "$T/focus.html"

# Not fully confirmed: Tonga's national day is the one single-source day.
web_get viewer '/app/year/2023?confidence=unconfirmed&kind=national-day' \
    "$T/conf.html" >/dev/null
expect_grep '>Tonga: Quốc khánh<' "$T/conf.html"
expect_grep '<p>1 ngày kỷ niệm, 0 hoạt động.</p>' "$T/conf.html"

# A value the form does not offer is no filter.
web_get viewer '/app/year/2023?kind=bogus&country=jp%3Cx' "$T/bogus.html" >/dev/null
expect_grep "<p>$n_year ngày kỷ niệm, 2 hoạt động.</p>" "$T/bogus.html"
expect_no_grep 'Bỏ lọc' "$T/bogus.html"

expect "a year outside the calendar is a 404" \
    [ "$(web_get viewer /app/year/1700 "$T/e.html")" = 404 ]
expect "a year that is no number is a 404" \
    [ "$(web_get viewer /app/year/abc "$T/e.html")" = 404 ]
expect "the year page needs a login" [ "$(code "$BASE/app/year/2023")" = 303 ]

# English.
printf '127.0.0.1\tFALSE\t/app\tFALSE\t0\tkyniem_lang\ten\n' >>"$T/viewer.jar"
web_get viewer /app/year/2023 "$T/en.html" >/dev/null
expect_grep '<h1>Year 2023</h1>' "$T/en.html"
expect_grep '>Japan: 50 years of diplomatic relations<' "$T/en.html"
expect_grep '<span class="muted">[0-9]* anniversaries, 0 activities</span>' \
    "$T/en.html"

fetch "$BASE/app/static/app.css" "$T/app.css" >/dev/null
expect_grep '@page { size: A4 landscape' "$T/app.css"
expect_grep '\.months { grid-template-columns: repeat(4, 1fr)' "$T/app.css"
expect_clean_stop

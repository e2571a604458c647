# Tháng MM/YYYY (issue 23): /app/month/YYYY-MM is the month as a wall
# calendar, weeks from Monday; each day's cell has its anniversaries
# (with the milestone badge) and activities linked to their pages, and
# its lunar date; previous/next month, the year page and the dashboard
# link to it; a bad month is a 404 with a message; a login is needed;
# a title with markup is escaped; the stylesheet prints it on A4
# landscape and stacks the days on a phone.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

TODAY=2023-08-20
initdb
jp=$(K activity add --title 'Gặp mặt kỷ niệm 50 năm quan hệ Việt Nam – Nhật Bản' \
    --start 2023-09-21 --observance relation:JP) || die "activity add"
xss=$(K activity add --title '<script>alert(1)</script> giao lưu' \
    --start 2023-09-04 --end 2023-09-05) || die "activity add (markup)"
web_users
start_server $TODAY

expect "the month page needs a login" \
    [ "$(code "$BASE/app/month/2023-09")" = 303 ]
expect "the viewer logs in" [ "$(web_login viewer)" = 303 ]
expect "the month page opens (200)" \
    [ "$(web_get viewer /app/month/2023-09 "$T/m.html")" = 200 ]

# The cell of a day: from its <td> to the next.
cell() {
	tr '\n' ' ' <"$T/m.html" | sed 's|<td|\n<td|g' |
	    grep "<div class=\"dn\"><b>$1</b> "
}
expect_grep '<caption>Tháng 9/2023</caption>' "$T/m.html"
expect_grep '<th scope="col">Thứ Hai</th><th scope="col">Thứ Ba</th>' "$T/m.html"
expect_grep '<th scope="col">Chủ Nhật</th></tr>' "$T/m.html"
# 1/9/2023 is a Friday: four empty cells before it on the first row.
expect_grep '<tbody><tr><td class="out"></td><td class="out"></td><td class="out"></td><td class="out"></td><td><div class="dn"><b>1</b>' \
    "$T/m.html"
cell 21 >"$T/21.html"
expect_grep '<a href="/app/occasions/relation:JP">Nhật Bản: 50 năm quan hệ ngoại giao</a> <span class="badge m3">Đại lễ</span>' "$T/21.html"
expect_grep "<a href=\"/app/activities/$jp\">Gặp mặt kỷ niệm 50 năm quan hệ Việt Nam – Nhật Bản</a>" \
    "$T/21.html"
# 21/9/2023 is the 7th of the 8th lunar month.
expect_grep '<small class="lunar" title="Âm lịch">7/8</small>' "$T/21.html"
cell 20 >"$T/20.html"
expect_no_grep 'relation:JP' "$T/20.html"
# An activity of two days is on both, its title escaped.
cell 4 >"$T/4.html"
cell 5 >"$T/5.html"
expect_grep "<a href=\"/app/activities/$xss\">&lt;script&gt;alert(1)&lt;/script&gt; giao lưu</a>" \
    "$T/4.html"
expect_grep "/app/activities/$xss\"" "$T/5.html"
expect_no_grep '<script>alert' "$T/m.html"
# The anniversaries of no known day (Denmark's partnership, 2013) are
# under the grid, not on the 1st.
sed -n '/<h2>Chưa rõ ngày/,/<\/ul>/p' "$T/m.html" |
    sed -n 's|.*href="/app/occasions/\([^"]*\)".*|\1|p' >"$T/undated.keys"
expect "some anniversaries of no known day ($(wc -l <"$T/undated.keys"))" \
    [ "$(wc -l <"$T/undated.keys")" -ge 1 ]
sed -n '/<table class="month">/,/<\/table>/p' "$T/m.html" |
    grep -o 'href="/app/occasions/[^"]*"' | sed 's|.*occasions/||; s|"||' |
    sort >"$T/grid.keys"
expect "none of them in the grid" \
    [ -z "$(sort "$T/undated.keys" | comm -12 - "$T/grid.keys")" ]
# Links to the months around it and the year.
expect_grep 'rel="prev" href="/app/month/2023-08"' "$T/m.html"
expect_grep 'rel="next" href="/app/month/2023-10"' "$T/m.html"
expect_grep 'href="/app/year/2023"' "$T/m.html"
web_get viewer /app/month/2023-12 "$T/dec.html" >/dev/null
expect_grep 'rel="next" href="/app/month/2024-01"' "$T/dec.html"
# The year page and the dashboard link to it.
web_get viewer /app/year/2023 "$T/y.html" >/dev/null
expect_grep '<a href="/app/month/2023-09">Lịch tháng 9/2023</a>' "$T/y.html"
web_get viewer /app/ "$T/home.html" >/dev/null
expect_grep '<a class="button secondary" href="/app/month/2023-08">Lịch tháng 8/2023</a>' \
    "$T/home.html"
# And to the feeds to subscribe to, whose first is the union's own.
expect_grep '<a class="button secondary" href="/">Đăng ký lịch vào Outlook' \
    "$T/home.html"
curl -s -o "$T/index.html" "$BASE/"
expect "the feeds page suggests the union's feed first" [ "$(grep -o \
    'calendars/[a-z0-9-]*\.ics' "$T/index.html" | head -n 1)" = \
    calendars/union.ics ]
# /app/month goes to this month's.
curl -s -b "$T/viewer.jar" -D "$T/r.hdr" -o /dev/null "$BASE/app/month"
expect_grep "Location: /app/month/2023-08" "$T/r.hdr"

# A bad month: a 404 with a message.
for bad in 2026-13 2026-00 abcd-ef 2026-9 20269 2026-09x; do
	expect "$bad is a 404" \
	    [ "$(web_get viewer "/app/month/$bad" "$T/bad.html")" = 404 ]
	expect_grep 'Không có tháng này' "$T/bad.html"
done

# In English.
curl -s -b "$T/viewer.jar" -c "$T/viewer.jar" -o /dev/null "$BASE/app/lang/en"
web_get viewer /app/month/2023-09 "$T/en.html" >/dev/null
expect_grep '<th scope="col">Monday</th>' "$T/en.html"
expect_grep '<th scope="col">Sunday</th></tr>' "$T/en.html"
expect_grep '<caption>Month 9/2023</caption>' "$T/en.html"
expect "2026-13 in English is a 404" \
    [ "$(web_get viewer /app/month/2026-13 "$T/bad.html")" = 404 ]
expect_grep 'There is no such month' "$T/bad.html"
stop_server

# The stylesheet: A4 landscape in print, the days stacked on a phone.
css="$SRC/src/web/static/app.css"
expect_grep '@page { size: A4 landscape' "$css"
expect "the month's table prints in one piece" \
    sh -c "sed -n '/@media print/,\$p' '$css' | grep -q 'table.month tr { break-inside: avoid'"
expect "the month's days are stacked at 40rem" \
    sh -c "sed -n '/@media (max-width: 40rem)/,/^}/p' '$css' | grep -q 'table.month thead, table.month td.out { display: none; }'"

# An occasion page shows the row (date, source, confidence), its
# anniversaries and its activities; an unknown key is a 404.  Correcting
# Samoa's month-only relation (1994-03 -> 1994-03-14): a viewer gets 403,
# a correction without a source 422 with nothing changed; a good one is
# on the page, the dashboard, `kyniem list --edited`, the audit trail and
# the served feed (within the poll interval), survives `kyniem init`, and
# is superseded when the shipped row changes.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

TODAY=2024-02-20
SAMOA='Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (14/3/1994 – 14/3/2024)'
initdb
cat >>"$T/kyniem.conf" <<EOC
[server]
poll_seconds = 1
EOC
"$KYNIEM" --today $TODAY activity add --title 'Gặp mặt hữu nghị Việt Nam – Samoa' \
    --start 2024-03-14 --observance relation:WS >"$T/act.id" ||
    die "activity add"
web_users
start_server $TODAY
for who in viewer editor; do
	expect "the $who logs in" [ "$(web_login $who)" = 303 ]
done

# all.ics in $T/all.ics; 0 if it has (yes) or lacks (no) PATTERN within
# ten seconds (the server rebuilds its feeds every poll_seconds).
feed_shows() {
	_i=0
	while [ $_i -lt 100 ]; do
		fetch "$BASE/calendars/all.ics" "$T/all.ics" >/dev/null
		if grep -q "$1" "$T/all.ics"; then
			[ "$2" = yes ] && return 0
		else
			[ "$2" = no ] && return 0
		fi
		_i=$((_i + 1))
		sleep 0.1
	done
	return 1
}

expect "the occasion page opens (200)" \
    [ "$(web_get viewer /app/occasions/relation:WS "$T/ws.html")" = 200 ]
expect_grep '<h1>Thiết lập quan hệ ngoại giao Việt Nam – Samoa</h1>' "$T/ws.html"
expect_grep '<dd>tháng 3/1994 (chưa rõ ngày)</dd>' "$T/ws.html"
expect_grep '<dd>talamua.com 2019-03-07' "$T/ws.html"
expect_grep '<dt>Độ tin cậy</dt><dd>Đã xác nhận</dd>' "$T/ws.html"
# Known to the month: its anniversaries are listed by the month, never
# with an invented day.
expect_grep '<td class="date">3/2024</td><td>Kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam – Samoa (3/1994 – 3/2024)' \
    "$T/ws.html"
expect_no_grep '<td class="date">1/3/' "$T/ws.html"
expect_grep "<a href=\"/app/activities/$(cat "$T/act.id")\">Gặp mặt hữu nghị Việt Nam – Samoa</a>" \
    "$T/ws.html"
expect_no_grep 'occasions/relation:WS/correct' "$T/ws.html"
web_get editor /app/occasions/relation:WS "$T/ws-ed.html" >/dev/null
expect_grep '<form class="card" method="post" action="/app/occasions/relation:WS/correct">' \
    "$T/ws-ed.html"
expect_grep '<label for="f-source">Nguồn xác nhận \*</label>' "$T/ws-ed.html"
expect "an unknown occasion is a 404" \
    [ "$(web_get viewer /app/occasions/relation:ZZ "$T/e.html")" = 404 ]
expect_grep 'Không có ngày kỷ niệm này' "$T/e.html"
web_get viewer /app/occasions/relation:JP "$T/jp.html" >/dev/null
expect_grep '<td class="date">21/9/2023</td><td>Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản' \
    "$T/jp.html"
expect_grep '<h2>Các năm kỷ niệm (2014–2034)</h2>' "$T/jp.html"
web_get viewer /app/ "$T/home0.html" >/dev/null
expect_grep '<td class="date">3/2024</td>.*>Samoa: 30 năm quan hệ ngoại giao<' \
    "$T/home0.html"
expect_no_grep '<td class="date">14/3/2024</td><td><a href="/app/occasions/' \
    "$T/home0.html"
expect "the feed has no Samoa relation yet" feed_shows 'UID:relation:WS-2024' no

# Refused corrections change nothing.
expect "a viewer may not correct (403)" [ "$(web_post viewer \
    /app/occasions/relation:WS/correct date=1994-03-14 source=x \
    confidence=confirmed)" = 403 ]
expect "a correction without a source is refused (422)" [ "$(web_post editor \
    /app/occasions/relation:WS/correct date=1994-03-14 source= \
    confidence=confirmed note=)" = 422 ]
expect_grep '<p class="error" id="e-source">Chưa điền mục này.</p>' "$T/post.html"
expect_grep 'type="date" id="f-date_day" name="date_day" autocomplete="off" aria-describedby="h-date_day" value="1994-03-14"' \
    "$T/post.html"
expect "a date that is no date is refused (422)" [ "$(web_post editor \
    /app/occasions/relation:WS/correct date=1994-13-14 source=x \
    confidence=confirmed)" = 422 ]
expect_grep '<p class="error" id="e-date">Ngày không hợp lệ' "$T/post.html"
expect "a relation's date without its year is refused (422)" [ "$(web_post \
    editor /app/occasions/relation:WS/correct date=03-14 source=x \
    confidence=confirmed)" = 422 ]
expect_grep 'Ngày thiết lập quan hệ phải có năm' "$T/post.html"
expect "a correction of an unknown occasion is a 404" [ "$(web_post editor \
    /app/occasions/relation:ZZ/correct date=1994-03-14 source=x \
    confidence=confirmed)" = 404 ]
"$KYNIEM" list --edited >"$T/edited0"
expect "nothing was corrected" [ ! -s "$T/edited0" ]
"$KYNIEM" audit >"$T/audit0"
expect_no_grep 'observance.correct' "$T/audit0"

# The correction.
SRC_WS='talamua.com 2024-03-14 (Samoa và Việt Nam kỷ niệm 30 năm quan hệ ngoại giao)'
expect "the correction is saved (303)" [ "$(web_post editor \
    /app/occasions/relation:WS/correct date=1994-03-14 "source=$SRC_WS" \
    confidence=confirmed note=)" = 303 ]
expect_grep 'Location: /app/occasions/relation:WS' "$T/post.hdr"
web_get editor '/app/occasions/relation:WS' "$T/ws1.html" >/dev/null
expect_grep '<p class="flash" role="status">Đã lưu chỉnh sửa.</p>' "$T/ws1.html"
expect_grep '<dd>14/3/1994</dd>' "$T/ws1.html"
expect_grep "<dd>$SRC_WS</dd>" "$T/ws1.html"
expect_grep 'Dữ liệu gốc: ngày tháng 3/1994 (chưa rõ ngày);' "$T/ws1.html"
expect_grep "<td class=\"date\">14/3/2024</td><td>$SAMOA" "$T/ws1.html"
web_get viewer /app/ "$T/home1.html" >/dev/null
expect_grep '<td class="date">14/3/2024</td>.*>Samoa: 30 năm quan hệ ngoại giao<' \
    "$T/home1.html"
"$KYNIEM" list --edited >"$T/edited1"
expect_grep '^relation:WS *1994-03-14 *1994-03 *applied *2024-02-20 editor@example.org$' \
    "$T/edited1"
"$KYNIEM" list --country WS >"$T/list1"
expect_grep '^relation:WS .* 1994-03-14 *1994 *confirmed$' "$T/list1"
"$KYNIEM" audit >"$T/audit1"
expect_grep 'editor@example.org	observance.correct	observance:relation:WS	{"date":"1994-03",' \
    "$T/audit1"
expect_grep '-> {"date":"1994-03-14","base_year":1994,' "$T/audit1"
expect "the served feed has the anniversary within seconds" \
    feed_shows 'UID:relation:WS-2024' yes
expect_grep 'DTSTART;VALUE=DATE:20240314' "$T/all.ics"

# kyniem init again: the shipped row is the same, the correction stays.
"$KYNIEM" init --calendars "$SRC/calendars" >"$T/init2.log" ||
    die "kyniem init (again) failed"
"$KYNIEM" list --edited >"$T/edited2"
expect_grep '^relation:WS .* applied ' "$T/edited2"
web_get viewer /app/occasions/relation:WS "$T/ws2.html" >/dev/null
expect_grep '<dd>14/3/1994</dd>' "$T/ws2.html"

# A new shipped row wins over the correction.
cp -R "$SRC/calendars" "$T/cal"
sed -i '/^WS,/s/talamua.com 2019-03-07/talamua.com 2019-03-07 (checked again)/' \
    "$T/cal/relations.csv"
"$KYNIEM" init --calendars "$T/cal" >"$T/init3.log" ||
    die "kyniem init (changed calendars) failed"
"$KYNIEM" list --edited >"$T/edited3"
expect_grep '^relation:WS *1994-03-14 *1994-03 *superseded ' "$T/edited3"
"$KYNIEM" list --country WS >"$T/list3"
expect_grep '^relation:WS .* 1994-03 ' "$T/list3"
web_get viewer /app/occasions/relation:WS "$T/ws3.html" >/dev/null
expect_grep '<dd>tháng 3/1994 (chưa rõ ngày)</dd>' "$T/ws3.html"
expect_grep 'không còn áp dụng: dữ liệu gốc đã được cập nhật sau đó' "$T/ws3.html"
expect "the feed drops the superseded date within seconds" \
    feed_shows 'UID:relation:WS-2024' no

test_must_fail_with --status=2 \
    "--edited lists every correction: no --kind or --country with it" \
    "$KYNIEM" list --edited --kind relation
expect_audit_json
expect_clean_stop

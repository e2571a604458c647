# `kyniem serve` on a loopback port: every built-in feed over HTTP parses
# in python3-icalendar and ical.js with the engine's counts; validators and
# 304s; gzip made once that inflates to the same bytes; a token feed; the
# 4xx cases; an import by another process shows up; UIDs and bytes survive
# a restart; one access-log line per request, tokens never logged.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/feedlib.sh"
. "$SRC/tests/integration/serverlib.sh"

TODAY=2023-06-15
TOKEN=Zq8-private-feed-token-41
initdb
cat >>"$T/kyniem.conf" <<EOC
[server]
poll_seconds = 1
[feed private-jp]
title = Nhật Bản (nội bộ)
countries = JP
token = $TOKEN
EOC
start_server $TODAY
expect_grep "serving $BASE/" "$T/serve.out"
expect_grep "$BASE/calendars/all.ics" "$T/serve.out"

# Every built-in feed, as served, with the engine's counts.
get() {	# get NAME: fetch /calendars/NAME.ics into $T/NAME.ics
	mkdir -p "$(dirname "$T/$1.ics")"
	[ "$(fetch "$BASE/calendars/$1.ics" "$T/$1.ics" -D "$T/$1.hdr")" = 200 ] ||
	    fail "GET $1.ics"
}
for f in all milestones national-days lunar-festivals activities country/JP; do
	get $f
done
check_feed "$T/all.ics" all.ics "$(engine_count $TODAY)"
check_feed "$T/milestones.ics" milestones.ics \
    "$(engine_count $TODAY --milestones)"
check_feed "$T/national-days.ics" national-days.ics \
    "$(engine_count $TODAY --kind national-day)"
check_feed "$T/lunar-festivals.ics" lunar-festivals.ics \
    "$(engine_count $TODAY --kind festival)"
check_feed "$T/activities.ics" activities.ics 0
check_feed "$T/country/JP.ics" country/JP.ics \
    "$(engine_count $TODAY --country JP)"
"$KYNIEM" --today $TODAY feed all >"$T/all.cli.ics"
cmp "$T/all.ics" "$T/all.cli.ics" || fail "served all.ics differs from kyniem feed"

hdr() { grep -i "^$1:" "$2" | head -n 1 | cut -d' ' -f2- | tr -d '\r'; }
expect_grep '^Content-Type: text/calendar; charset=utf-8' "$T/all.hdr"
expect_grep '^Cache-Control: ' "$T/all.hdr"
etag=$(hdr ETag "$T/all.hdr")
lastmod=$(hdr Last-Modified "$T/all.hdr")
case $etag in \"*\") ;; *) fail "ETag '$etag' is not a strong tag" ;; esac
[ -n "$lastmod" ] || fail "no Last-Modified"

# Conditional GETs.
[ "$(code "$BASE/calendars/all.ics" -H "If-None-Match: $etag")" = 304 ] ||
    fail "If-None-Match did not give 304"
[ "$(code "$BASE/calendars/all.ics" -H "If-Modified-Since: $lastmod")" = 304 ] ||
    fail "If-Modified-Since did not give 304"
[ "$(code "$BASE/calendars/all.ics" -H 'If-None-Match: "other"')" = 200 ] ||
    fail "a stale ETag did not give 200"
# HEAD: headers, no body.
curl -s -I "$BASE/calendars/all.ics" -o "$T/head.hdr"
expect_grep "^HTTP/1.1 200" "$T/head.hdr"
[ "$(hdr Content-Length "$T/head.hdr")" = "$(wc -c <"$T/all.ics" | tr -d ' ')" ] ||
    fail "HEAD Content-Length"

# gzip: compressed, and inflating gives the same bytes.
curl -s -H 'Accept-Encoding: gzip' -D "$T/gz.hdr" -o "$T/all.ics.gz" \
    "$BASE/calendars/all.ics"
expect_grep '^Content-Encoding: gzip' "$T/gz.hdr"
gunzip -c "$T/all.ics.gz" | cmp - "$T/all.ics" || fail "gzip body differs"
echo "all.ics gzip: $(wc -c <"$T/all.ics.gz") bytes"
gzetag=$(hdr ETag "$T/gz.hdr")
[ "$(code "$BASE/calendars/all.ics" -H 'Accept-Encoding: gzip' \
    -H "If-None-Match: $gzetag")" = 304 ] || fail "gzip 304"

# The token feed.
[ "$(code "$BASE/calendars/private-jp.ics")" = 404 ] || fail "no token: not 404"
[ "$(code "$BASE/calendars/private-jp.ics?token=wrong")" = 404 ] ||
    fail "wrong token: not 404"
[ "$(code "$BASE/calendars/private-jp.ics?token=${TOKEN}x")" = 404 ] ||
    fail "longer token: not 404"
[ "$(fetch "$BASE/calendars/private-jp.ics?token=$TOKEN" "$T/priv.ics")" = 200 ] ||
    fail "right token: not 200"
expect_grep 'Nhật Bản (nội bộ)' "$T/priv.ics"
curl -s "$BASE/" | grep -q private-jp && fail "private feed listed on /"

# 4xx, none of which may hurt the server.
[ "$(code "$BASE/nope")" = 404 ] || fail "/nope"
[ "$(code "$BASE/calendars/nope.ics")" = 404 ] || fail "unknown feed"
[ "$(code "$BASE/calendars/all.txt")" = 404 ] || fail "/calendars/all.txt"
[ "$(code "$BASE/calendars/../kyniem.db" --path-as-is)" = 400 ] ||
    fail "traversal"
[ "$(code "$BASE/calendars/%2e%2e/%2e%2e/etc/passwd.ics" --path-as-is)" = 400 ] ||
    fail "encoded traversal"
[ "$(code "$BASE/calendars//all.ics" --path-as-is)" = 400 ] || fail "//"
long=$(head -c 40000 /dev/zero | tr '\0' a)
[ "$(code "$BASE/$long")" = 414 ] || fail "long URL not 414"
[ "$(code "$BASE/" -H "X-Big: $long")" = 431 ] || fail "big header not 431"
for m in POST PUT DELETE PATCH OPTIONS; do
	c=$(code "$BASE/calendars/all.ics" -X $m -d x)
	[ "$c" = 405 ] || fail "$m gave $c, not 405"
done
curl -s -D "$T/405.hdr" -o /dev/null -X POST -d x "$BASE/"
expect_grep '^Allow: GET, HEAD' "$T/405.hdr"
[ "$(code "$BASE/healthz")" = 200 ] || fail "healthz after the 4xx cases"

# Another process imports a row; the feed shows it within seconds.
cat >"$T/extra.csv" <<'EOC'
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
jp_test_friendship,commemoration,10-01,1993,1,JP,the founding of the test friendship association,ngày thành lập hội hữu nghị thử nghiệm,test,integration test
EOC
before=$(grep -c BEGIN:VEVENT "$T/country/JP.ics")
"$KYNIEM" import "$T/extra.csv" >/dev/null || fail "import failed"
i=0
while :; do
	curl -s "$BASE/calendars/country/JP.ics" -o "$T/jp2.ics"
	[ "$(grep -c BEGIN:VEVENT "$T/jp2.ics")" -gt "$before" ] && break
	i=$((i + 1))
	[ $i -lt 50 ] || { fail "the import did not show up within 10 s"; break; }
	sleep 0.2
done
echo "import seen after about $((i * 200)) ms"
unfold "$T/jp2.ics" >"$T/jp2.txt"
expect_grep 'UID:jp_test_friendship-2023@kyniem.invalid' "$T/jp2.txt"
expect_grep 'Kỷ niệm 30 năm ngày thành lập hội hữu nghị thử nghiệm' "$T/jp2.txt"
[ "$(code "$BASE/calendars/country/JP.ics" -H "If-None-Match: $(hdr ETag "$T/country/JP.hdr")")" = 200 ] ||
    fail "old ETag still matches after the import"
curl -s -o "$T/all.before" "$BASE/calendars/all.ics"
curl -s -D "$T/all2.hdr" -o /dev/null "$BASE/calendars/all.ics"

# Restart: same bytes, same UIDs, and the old validator still holds.
stop_server
start_server $TODAY
curl -s -o "$T/all.after" "$BASE/calendars/all.ics"
grep '^UID:' "$T/all.before" >"$T/uids.before"
grep '^UID:' "$T/all.after" >"$T/uids.after"
expect_diff "$T/uids.before" "$T/uids.after"
cmp "$T/all.before" "$T/all.after" || fail "bytes changed across a restart"
[ "$(code "$BASE/calendars/all.ics" -H "If-None-Match: $(hdr ETag "$T/all2.hdr")")" = 304 ] ||
    fail "no 304 after a restart"
stop_server

# The access log: one line per request, no token in it.
expect_grep '"GET /calendars/all.ics" 200' "$T/serve.err"
expect_grep '"POST /calendars/all.ics" 405' "$T/serve.err"
expect_grep '"GET /calendars/private-jp.ics" 404' "$T/serve.err"
grep -q "$TOKEN" "$T/serve.err" && fail "the token was logged"
echo ok

# `kyniem serve` on a loopback port: every built-in feed over HTTP parses
# in python3-icalendar and ical.js with the engine's counts; validators and
# 304s; gzip made once that inflates to the same bytes; a token feed; the
# 4xx cases; an import by another process shows up; UIDs and bytes survive
# a restart; one access-log line per request, tokens never logged (see
# the end for the forms that leak today).
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
	expect "GET $1.ics: 200" \
	    [ "$(fetch "$BASE/calendars/$1.ics" "$T/$1.ics" -D "$T/$1.hdr")" = 200 ]
}
for f in all milestones national-days lunar-festivals activities country/JP; do
	get $f
done
{
	printf '%s\tall.ics\t%s\n' "$T/all.ics" \
	    "$(engine_count $TODAY --window 180 1095)"
	printf '%s\tmilestones.ics\t%s\n' "$T/milestones.ics" \
	    "$(engine_count $TODAY --milestones)"
	printf '%s\tnational-days.ics\t%s\n' "$T/national-days.ics" \
	    "$(engine_count $TODAY --kind national-day)"
	printf '%s\tlunar-festivals.ics\t%s\n' "$T/lunar-festivals.ics" \
	    "$(engine_count $TODAY --kind festival)"
	printf '%s\tactivities.ics\t0\n' "$T/activities.ics"
	printf '%s\tcountry/JP.ics\t%s\n' "$T/country/JP.ics" \
	    "$(engine_count $TODAY --country JP)"
} >"$T/feeds.tsv"
check_feeds "$T/feeds.tsv"
"$KYNIEM" --today $TODAY feed all >"$T/all.cli.ics"
expect "served all.ics is what kyniem feed writes" \
    cmp "$T/all.ics" "$T/all.cli.ics"

hdr() { grep -i "^$1:" "$2" | head -n 1 | cut -d' ' -f2- | tr -d '\r'; }
expect_grep '^Content-Type: text/calendar; charset=utf-8' "$T/all.hdr"
expect_grep '^Cache-Control: ' "$T/all.hdr"
etag=$(hdr ETag "$T/all.hdr")
lastmod=$(hdr Last-Modified "$T/all.hdr")
strong() { case $1 in \"*\") return 0 ;; esac; return 1; }
expect "ETag '$etag' is a strong tag" strong "$etag"
expect "a Last-Modified" [ -n "$lastmod" ]

# Conditional GETs.
expect "If-None-Match gives 304" \
    [ "$(code "$BASE/calendars/all.ics" -H "If-None-Match: $etag")" = 304 ]
expect "If-Modified-Since gives 304" [ "$(code "$BASE/calendars/all.ics" \
    -H "If-Modified-Since: $lastmod")" = 304 ]
expect "a stale ETag gives 200" \
    [ "$(code "$BASE/calendars/all.ics" -H 'If-None-Match: "other"')" = 200 ]
# HEAD: headers, no body.
curl -s -I "$BASE/calendars/all.ics" -o "$T/head.hdr"
expect_grep "^HTTP/1.1 200" "$T/head.hdr"
expect "HEAD gives the Content-Length of the body" [ "$(hdr Content-Length \
    "$T/head.hdr")" = "$(wc -c <"$T/all.ics" | tr -d ' ')" ]

# gzip: compressed, and inflating gives the same bytes.
curl -s -H 'Accept-Encoding: gzip' -D "$T/gz.hdr" -o "$T/all.ics.gz" \
    "$BASE/calendars/all.ics"
expect_grep '^Content-Encoding: gzip' "$T/gz.hdr"
gunzip -c "$T/all.ics.gz" >"$T/all.ics.gunzip"
expect "the gzip body inflates to the same bytes" \
    cmp "$T/all.ics.gunzip" "$T/all.ics"
echo "all.ics gzip: $(wc -c <"$T/all.ics.gz") bytes"
gzetag=$(hdr ETag "$T/gz.hdr")
expect "If-None-Match of the gzip variant gives 304" \
    [ "$(code "$BASE/calendars/all.ics" -H 'Accept-Encoding: gzip' \
    -H "If-None-Match: $gzetag")" = 304 ]

# The token feed.
status() {	# status WANT URL [CURL OPTIONS...]: one check of a GET's code
	_w=$1 _u=$2
	shift 2
	_c=$(code "$_u" "$@")
	expect "GET ${_u#"$BASE"}: $_w (got $_c)" [ "$_c" = "$_w" ]
}
status 404 "$BASE/calendars/private-jp.ics"
status 404 "$BASE/calendars/private-jp.ics?token=wrong"
status 404 "$BASE/calendars/private-jp.ics?token=${TOKEN}x"
expect "the right token gives 200" \
    [ "$(fetch "$BASE/calendars/private-jp.ics?token=$TOKEN" "$T/priv.ics")" = 200 ]
expect_grep 'Nhật Bản (nội bộ)' "$T/priv.ics"
curl -s "$BASE/" >"$T/index.html"
expect_grep 'all.ics' "$T/index.html"
expect_no_grep private-jp "$T/index.html"

# 4xx, none of which may hurt the server.
status 404 "$BASE/nope"
status 404 "$BASE/calendars/nope.ics"
status 404 "$BASE/calendars/all.txt"
status 400 "$BASE/calendars/../kyniem.db" --path-as-is
status 400 "$BASE/calendars/%2e%2e/%2e%2e/etc/passwd.ics" --path-as-is
status 400 "$BASE/calendars//all.ics" --path-as-is
long=$(head -c 40000 /dev/zero | tr '\0' a)
expect "a long URL gives 414" [ "$(code "$BASE/$long")" = 414 ]
expect "a big header gives 431" [ "$(code "$BASE/" -H "X-Big: $long")" = 431 ]
for m in POST PUT DELETE PATCH OPTIONS; do
	status 405 "$BASE/calendars/all.ics" -X $m -d x
done
curl -s -D "$T/405.hdr" -o /dev/null -X POST -d x "$BASE/"
expect_grep '^Allow: GET, HEAD' "$T/405.hdr"
status 200 "$BASE/healthz"

# Another process imports a row; the feed shows it within seconds.
cat >"$T/extra.csv" <<'EOC'
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
jp_test_friendship,commemoration,10-01,1993,1,JP,the founding of the test friendship association,ngày thành lập hội hữu nghị thử nghiệm,test,integration test
EOC
before=$(grep -c BEGIN:VEVENT "$T/country/JP.ics")
expect "an import by another process" "$KYNIEM" import "$T/extra.csv" >/dev/null
i=0 seen=no
while [ $i -lt 50 ]; do
	curl -s "$BASE/calendars/country/JP.ics" -o "$T/jp2.ics"
	if [ "$(grep -c BEGIN:VEVENT "$T/jp2.ics")" -gt "$before" ]; then
		seen=yes
		break
	fi
	i=$((i + 1))
	sleep 0.2
done
expect "the import shows up within 10 s (after about $((i * 200)) ms)" \
    [ $seen = yes ]
unfold "$T/jp2.ics" >"$T/jp2.txt"
expect_grep 'UID:jp_test_friendship-2023@kyniem.invalid' "$T/jp2.txt"
expect_grep 'Kỷ niệm 30 năm ngày thành lập hội hữu nghị thử nghiệm' "$T/jp2.txt"
expect "the old ETag no longer matches after the import" \
    [ "$(code "$BASE/calendars/country/JP.ics" \
    -H "If-None-Match: $(hdr ETag "$T/country/JP.hdr")")" = 200 ]
curl -s -o "$T/all.before" "$BASE/calendars/all.ics"
curl -s -D "$T/all2.hdr" -o /dev/null "$BASE/calendars/all.ics"

# Restart: same bytes, same UIDs, and the old validator still holds.
expect_clean_stop
# The first server's log is complete: every ?token= request is in it.
first=$(wc -l <"$T/serve.err")
start_server $TODAY
curl -s -o "$T/all.after" "$BASE/calendars/all.ics"
grep '^UID:' "$T/all.before" >"$T/uids.before"
grep '^UID:' "$T/all.after" >"$T/uids.after"
expect_diff "$T/uids.before" "$T/uids.after"
expect "the same bytes across a restart" cmp "$T/all.before" "$T/all.after"
expect "the old validator gives 304 after a restart" \
    [ "$(code "$BASE/calendars/all.ics" \
    -H "If-None-Match: $(hdr ETag "$T/all2.hdr")")" = 304 ]

# A token in the path itself, where a mangled link or a careless client
# puts it: as a ;token= path parameter (also %3B-encoded) and after a
# percent-encoded ? (%3F, %3f with %3D).  The server decodes the path and
# logs it whole.  None of them opens the feed.
status 404 "$BASE/calendars/private-jp.ics;token=$TOKEN" --path-as-is
status 404 "$BASE/calendars/private-jp.ics%3Btoken=$TOKEN" --path-as-is
status 404 "$BASE/calendars/private-jp.ics%3Ftoken=$TOKEN" --path-as-is
status 404 "$BASE/calendars/private-jp.ics%3ftoken%3D$TOKEN" --path-as-is
expect_clean_stop

# The access log: one line per request, without the query string.
expect_grep '"GET /calendars/all.ics" 200' "$T/serve.err"
expect_grep '"POST /calendars/all.ics" 405' "$T/serve.err"
expect_grep '"GET /calendars/private-jp.ics" 404' "$T/serve.err"
expect_grep '"GET /calendars/private-jp.ics" 200' "$T/serve.err"
# So a token given as ?token= is never logged (libmicrohttpd hands over
# the path without the query: this holds by construction)...
head -n "$first" "$T/serve.err" >"$T/serve.first"
expect_no_grep "$TOKEN" "$T/serve.first"
# ...and one in the path is masked: the requests above are logged (4
# lines), each with "token=***" (the server masks ";token=" and a decoded
# "?token=" in the path).
tail -n +"$((first + 1))" "$T/serve.err" |
    grep '"GET /calendars/private-jp.ics[^"]*" 404' >"$T/serve.paths" || true
expect "the four requests with a token in the path are logged" \
    [ "$(wc -l <"$T/serve.paths")" -eq 4 ]
expect_no_grep "$TOKEN" "$T/serve.paths"
expect "each logged with its token masked" \
    [ "$(grep -c 'token=\*\*\*' "$T/serve.paths")" -eq 4 ]

# Every list of the web application is paged (issue 21): after importing
# tens of thousands of activities (20,000; 3,000 on the sanitizer build)
# each page stays small (the activities list was 17 MB and the dashboard
# 13 MB at 86,000), shows 50 rows, links to the first, previous, next and
# last pages keeping its filters, and the last page holds the last row;
# a page past the end is the last one.  The activities list, the
# dashboard's two lists, the year page (50 activities a month, then a
# link to the month's list), an occasion's activities, accounts and
# recipients are checked.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
N=20000
[ "$KYNIEM_BUILD" != san ] || N=3000
MAX=150000	# bytes a page may take, whatever the database holds
initdb
web_users
# N activities from 21/7 to 17/11/2023 around the day (20/8), every
# tenth for Japan's relation, every seventh cancelled.
awk -v n="$N" 'BEGIN {
	print "key,title,start,end,location,organiser,owners,remind," \
	    "observance,status,notes"
	split("31 31 30 31 30", len)
	for (i = 0; i < n; i++) {
		d = 21 + i % 120; m = 7
		for (k = 1; d > len[k]; k++) { d -= len[k]; m++ }
		printf "p%d,Giao lưu hữu nghị số %d,2023-%02d-%02d,,Nha Trang," \
		    "Hội hữu nghị,editor@example.org,7d,%s,%s,\n", i, i, m, d,
		    i % 10 == 0 ? "relation:JP" : "",
		    i % 7 == 0 ? "cancelled" : "planned"
	}
}' >"$T/acts.csv"
"$KYNIEM" import "$T/acts.csv" >"$T/import.out" || die "import"
for i in $(seq 1 60); do
	"$KYNIEM" user add "u$i@example.org" --name "U $i" --role viewer \
	    >/dev/null || die "user add"
	"$KYNIEM" recipient add --email "r$i@example.org" --name "R $i" \
	    --follow none >/dev/null || die "recipient add"
done
start_server 2023-08-20
for w in admin viewer; do
	[ "$(web_login $w)" = 303 ] || die "$w cannot log in"
done
q() { sqlite3 "$T/kyniem.db" "$1"; }
size() { wc -c <"$1"; }
rows() { grep -c '^<tr' "$1" || true; }	# the header is not at ^
# href REL FILE: the pager's link of that rel, unescaped.
href() {
	sed -n "s|.*<a rel=\"$1\" href=\"\\([^\"]*\\)\".*|\\1|p" "$2" |
	    head -n 1 | sed 's/&amp;/\&/g'
}

# Every page stays small.
for p in /app/activities /app/ /app/year/2023 /app/occasions/relation:JP \
    /app/verify /app/contacts /app/letters /app/audit /app/outbox \
    /app/users /app/recipients; do
	f="$T/page$(echo "$p" | tr '/:' '__').html"
	expect "$p answers" [ "$(web_get admin "$p" "$f")" = 200 ]
	expect "$p is small ($(size "$f") bytes)" [ "$(size "$f")" -lt $MAX ]
done

# The activities list: 50 rows, the total, the last page holds the last
# row.
total=$(q "SELECT count(*) FROM activities WHERE start_date LIKE '2023-%'")
web_get viewer /app/activities "$T/a1.html" >/dev/null
expect "50 activities on the first page" [ "$(rows "$T/a1.html")" -eq 50 ]
last=$(( (total + 49) / 50 ))
expect_grep "Trang 1/$last ($total dòng)" "$T/a1.html"
expect_grep 'Giao lưu hữu nghị số 0<' "$T/a1.html"
lasthref=$(href last "$T/a1.html")
expect "a link to the last page ($lasthref)" \
    [ "$lasthref" = "/app/activities?page=$last" ]
web_get viewer "$lasthref" "$T/alast.html" >/dev/null
want=$(q "SELECT title FROM activities ORDER BY start_date DESC,
    all_day ASC, start_min DESC, id DESC LIMIT 1")
expect_grep "$want<" "$T/alast.html"
expect "the last page has the rest ($((total - 50 * (last - 1))) rows)" \
    [ "$(rows "$T/alast.html")" -eq $((total - 50 * (last - 1))) ]
expect_no_grep 'rel="next"' "$T/alast.html"
web_get viewer '/app/activities?year=2023&page=999999' "$T/apast.html" \
    >/dev/null
expect_grep "Trang $last/$last" "$T/apast.html"
expect_grep "$want<" "$T/apast.html"
# The filters are kept on every link.
web_get viewer '/app/activities?year=2023&month=9&status=planned&owner=editor%40example.org&country=JP' \
    "$T/af.html" >/dev/null
n=$(q "SELECT count(*) FROM activities WHERE start_date LIKE '2023-09-%'
    AND status = 'planned' AND observance = 'relation:JP'")
expect_grep "($n dòng)" "$T/af.html"
next=$(href next "$T/af.html")
expect "the next link keeps the filters ($next)" [ "$next" = \
    "/app/activities?year=2023&month=9&status=planned&owner=editor%40example.org&country=JP&page=2" ]
web_get viewer "$next" "$T/af2.html" >/dev/null
expect_grep 'Trang 2/' "$T/af2.html"
expect_grep 'status-planned' "$T/af2.html"
expect_no_grep 'status-cancelled' "$T/af2.html"

# The dashboard: the next 90 days a page at a time, to the last.
web_get viewer /app/ "$T/h1.html" >/dev/null
expect "50 rows of the next 90 days" \
    [ "$(sed -n '/id="next"/,$p' "$T/h1.html" | rows /dev/stdin)" -eq 50 ]
lasthref=$(href last "$T/h1.html")
expect "a link to the dashboard's last page ($lasthref)" \
    [ -n "$lasthref" ]
web_get viewer "$lasthref" "$T/hlast.html" >/dev/null
want=$(q "SELECT title FROM activities WHERE status != 'cancelled' AND
    start_date <= '2023-11-17' ORDER BY start_date DESC, id DESC LIMIT 1")
expect_grep "$want<" "$T/hlast.html"
expect_no_grep 'rel="next"' "$T/hlast.html"

# The year page: 50 activities a month, then the month's list.
expect_grep 'Và [0-9]* hoạt động khác trong tháng: <a href="/app/activities?year=2023&amp;month=9">' \
    "$T/page_app_year_2023.html"
# An occasion's activities.
n=$(q "SELECT count(*) FROM activities WHERE observance = 'relation:JP'")
expect_grep "($n dòng)" "$T/page_app_occasions_relation_JP.html"
lasthref=$(href last "$T/page_app_occasions_relation_JP.html")
web_get viewer "$lasthref" "$T/olast.html" >/dev/null
want=$(q "SELECT title FROM activities WHERE observance = 'relation:JP'
    ORDER BY start_date DESC, id DESC LIMIT 1")
expect_grep "$want<" "$T/olast.html"

# Accounts and recipients: 63 and 60, the last on page 2.
expect_grep 'Trang 1/2 (63 dòng)' "$T/page_app_users.html"
web_get admin '/app/users?page=2' "$T/u2.html" >/dev/null
expect_grep '<td>viewer@example.org</td>' "$T/u2.html"
expect_grep 'Trang 1/2 (60 dòng)' "$T/page_app_recipients.html"
web_get admin '/app/recipients?page=2' "$T/r2.html" >/dev/null
expect_grep 'r9@example.org' "$T/r2.html"
expect_clean_stop

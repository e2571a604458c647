# Nothing public lists an internal activity.  Every public route of the
# server (the index pages, every feed they list in both languages, the
# plans of every year and format, the application's pages open without
# a login) is fetched and none names an internal activity, while the
# public one is where it belongs.  "[feed activities] token = ..." alone
# (no "activities = yes": a section named after a built-in starts from
# it) puts the activities feed behind the token, and with that token the
# plans at the same paths list every activity; a wrong token is a 404.
# Without any token the plans still list only the public activities.
# The report and the letters are behind the login.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[feed activities]
token = pr1vate-plans
EOC
TODAY=2023-12-20
K activity add --title 'Gặp mặt kín Zeta' --start 2024-03-08 \
    --location 'Phòng họp kín' --observance national-day:LA >/dev/null ||
    die "activity add (internal)"
K activity add --title 'Đoàn ra kín Sigma' --start 2023-05-08 --status done \
    --result 'Kết quả kín Sigma' --category delegation-out --country JP \
    >/dev/null || die "activity add (internal, done)"
K activity add --public --title 'Ngày hội công khai Omega' \
    --start 2024-04-09 --location 'Quảng trường' >/dev/null ||
    die "activity add (public)"
start_server 2023-12-20

PRIVATE='Zeta\|Sigma\|kín'
# body URL FILE: GET into FILE, what a reader sees of it in FILE.txt (a
# docx's text); prints the status.
body() {
	_c=$(fetch "$1" "$2")
	case $1 in
	*.docx*) unzip -p "$2" word/document.xml >"$2.txt" 2>/dev/null ||
	    : >"$2.txt" ;;
	*) cp "$2" "$2.txt" ;;
	esac
	echo "$_c"
}
# public PATH [CODES]: one check that anyone gets it (the status is one
# of CODES, 200 by default), one that no internal activity is in it.
n=0
public() {
	n=$((n + 1))
	_c=$(body "$BASE$1" "$T/pub.$n")
	case " ${2:-200} " in
	*" $_c "*) pass "GET $1: $_c" ;;
	*) fail "GET $1: $_c, want ${2:-200}" ;;
	esac
	expect_no_grep "$PRIVATE" "$T/pub.$n.txt"
}

for p in / /index.html /index.en.html '/?lang=en' /healthz /app/login \
    /app/static/app.css /app/static/app.js; do
	public "$p"
done
for p in /app /app/lang/en /app/password /app/password?token=x \
    /app/nosuch /nosuch /plan/ /calendars/; do
	public "$p" '303 404'
done
# Every feed the index pages list, and the routes beside them.
fetch "$BASE/" "$T/index.html" >/dev/null
fetch "$BASE/index.en.html" "$T/index.en.html" >/dev/null
grep -ho 'href="[a-z]*://[^/"]*\(/en\)\{0,1\}/calendars/[^"?%&]*\.ics"' \
    "$T/index.html" "$T/index.en.html" |
    sed 's|^href="[a-z]*://[^/]*||; s|"$||' | sort -u >"$T/feeds"
expect "the index pages list over 300 feeds ($(wc -l <"$T/feeds"))" \
    [ "$(wc -l <"$T/feeds")" -gt 300 ]
expect_no_grep 'activities' "$T/feeds"
while read -r p; do
	public "$p"
done <"$T/feeds"
echo "$n public documents fetched"
for y in 2021 2022 2023 2024 2025 2026; do
	for ext in md html docx; do
		c=$(body "$BASE/plan/$y.$ext" "$T/plan.$y.$ext")
		case $y in
		2021|2026)
			expect "/plan/$y.$ext: 404 ($c)" [ "$c" = 404 ] ;;
		*)
			expect "/plan/$y.$ext without the token: 200 ($c)" \
			    [ "$c" = 200 ]
			expect_no_grep "$PRIVATE" "$T/plan.$y.$ext.txt" ;;
		esac
	done
done
for ext in md html docx; do
	expect_grep 'Ngày hội công khai Omega' "$T/plan.2024.$ext.txt"
done
# The activities feed is the token's now, public activities too.
for p in /calendars/activities.ics /en/calendars/activities.ics; do
	expect "$p without its token: 404" [ "$(code "$BASE$p")" = 404 ]
	expect "$p with a wrong token: 404" \
	    [ "$(code "$BASE$p?token=pr1vate")" = 404 ]
	expect "$p with its token: 200" [ "$(fetch \
	    "$BASE$p?token=pr1vate-plans" "$T/acts.ics")" = 200 ]
	expect_grep 'Zeta' "$T/acts.ics"
	expect_grep 'Omega' "$T/acts.ics"
done

# The token opens the plans with every activity, at the same paths.
for ext in md html docx; do
	c=$(body "$BASE/plan/2024.$ext?token=pr1vate-plans" "$T/tok.$ext")
	expect "/plan/2024.$ext with the token: 200 ($c)" [ "$c" = 200 ]
	expect_grep 'Gặp mặt kín Zeta' "$T/tok.$ext.txt"
	expect_grep 'Ngày hội công khai Omega' "$T/tok.$ext.txt"
	c=$(code "$BASE/plan/2024.$ext?token=wrong")
	expect "/plan/2024.$ext with a wrong token: 404 ($c)" [ "$c" = 404 ]
done
K plan 2024 >"$T/cli.md" || die "kyniem plan"
expect "with the token, /plan/2024.md is what kyniem plan writes" \
    cmp "$T/cli.md" "$T/tok.md"
curl -s -D "$T/tok.hdr" -o /dev/null "$BASE/plan/2024.md?token=pr1vate-plans"
expect_grep '^Cache-Control: private' "$T/tok.hdr"
curl -s -D "$T/pub.hdr" -o /dev/null "$BASE/plan/2024.md"
expect_grep '^Cache-Control: public' "$T/pub.hdr"

# The report and the letters list activities too: behind the login.
for p in /app/documents /app/documents/report-2023.md \
    /app/documents/report-2023.html /app/documents/report-2023.docx \
    /app/documents/plan-2024.md /app/activities /app/year/2024 /app/letters \
    /app/occasions/national-day:LA /app/; do
	c=$(fetch "$BASE$p" "$T/login.html" -D "$T/login.hdr")
	expect "$p without a login: 303 ($c)" [ "$c" = 303 ]
	expect_grep '^Location: /app/login' "$T/login.hdr"
	expect_no_grep "$PRIVATE" "$T/login.html"
done
expect_clean_stop

# Without any token: the public plans still list only public activities.
sed -i '/^\[feed activities\]$/,$d' "$T/kyniem.conf"
start_server 2023-12-20
for ext in md html docx; do
	c=$(body "$BASE/plan/2024.$ext" "$T/notok.$ext")
	expect "/plan/2024.$ext, no token configured: 200 ($c)" [ "$c" = 200 ]
	expect_no_grep "$PRIVATE" "$T/notok.$ext.txt"
	expect_grep 'Ngày hội công khai Omega' "$T/notok.$ext.txt"
	c=$(body "$BASE/plan/2024.$ext?token=pr1vate-plans" "$T/notok2.$ext")
	expect "/plan/2024.$ext?token=..., no token configured: 200 ($c)" \
	    [ "$c" = 200 ]
	expect_no_grep "$PRIVATE" "$T/notok2.$ext.txt"
done
fetch "$BASE/calendars/activities.ics" "$T/acts2.ics" >/dev/null
expect_grep 'Omega' "$T/acts2.ics"
expect_no_grep "$PRIVATE" "$T/acts2.ics"
expect_clean_stop

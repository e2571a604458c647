# The index page in headless Chromium: a screenshot saved under $T (look at
# page.png and page-en.png), the DOM Chromium built, and every feed link on
# it followed with curl (200, text/calendar).  Also Vietnamese by default,
# English with ?lang=en, this year's milestones and the next 90 days.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || skip_all "chromium not installed"
TODAY=2023-08-20
initdb
start_server $TODAY

chrome() {	# chrome ARGS... URL
	"$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$(mktemp -d "$T/chrome.XXXXXX")" \
	    "$@" 2>>"$T/chrome.log"
}
chrome --window-size=412,1400 --screenshot="$T/page.png" "$BASE/"
chrome --window-size=1200,1400 --screenshot="$T/page-en.png" "$BASE/?lang=en"
chrome --dump-dom "$BASE/" >"$T/dom.html"
expect "a screenshot of the page" [ -s "$T/page.png" ]
expect "a screenshot of the English page" [ -s "$T/page-en.png" ]
echo "screenshots: $T/page.png $T/page-en.png"

expect_grep '<html lang="vi">' "$T/dom.html"
expect_grep 'Lịch các ngày kỷ niệm' "$T/dom.html"
expect_grep 'Thêm vào Google Calendar' "$T/dom.html"
expect_grep 'Thêm vào Outlook.com' "$T/dom.html"
# This year's milestones (the Japan 50th) and the next 90 days (France's
# national day is not a milestone; Japan's 50th on 21/9 is within 90 days).
expect_grep 'Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản' "$T/dom.html"
expect_grep '90 ngày tới' "$T/dom.html"
curl -s "$BASE/?lang=en" >"$T/en.html"
expect_grep '<html lang="en">' "$T/en.html"
expect_grep '50th anniversary of Vietnam–Japan diplomatic relations' "$T/en.html"

# Follow every feed link Chromium saw: webcal:// is fetched as http://.
"$PYTHON" - "$T/dom.html" >"$T/links" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "feed" in (a.get("class") or "").split():
            print(a["href"])
P().feed(open(sys.argv[1], encoding="utf-8").read())
PY
n=$(wc -l <"$T/links")
expect "over 300 feed links on the page: $n" [ "$n" -gt 300 ]
expect_grep '^webcal://' "$T/links"
# One curl for them all (a config file of url/output pairs, one connection).
: >"$T/curl.conf"
: >"$T/odd"
while read -r href; do
	url=$href
	case $href in webcal://*) url="http://${href#webcal://}" ;; esac
	case $url in "$BASE"/calendars/*.ics) ;; *) echo "$href" >>"$T/odd" ;; esac
	printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$T/curl.conf"
done <"$T/links"
expect "every feed link is under $BASE/calendars/" [ ! -s "$T/odd" ]
cat "$T/odd"
curl -s -K "$T/curl.conf" -w '%{http_code} %{content_type} %{url_effective}\n' \
    >"$T/links.out"
expect "every link fetched" [ "$(wc -l <"$T/links.out")" -eq "$n" ]
grep -v '^200 text/calendar; charset=utf-8 ' "$T/links.out" >"$T/links.bad" ||
    true
expect "every feed link answers 200 text/calendar" [ ! -s "$T/links.bad" ]
head -n 20 "$T/links.bad"
echo "followed $n feed links"
# The add-to links carry the encoded feed address.
expect_grep 'https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2F127.0.0.1' "$T/dom.html"
expect_grep 'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F127.0.0.1' "$T/dom.html"
expect_clean_stop

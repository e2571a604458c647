# The index page in headless Chromium: a screenshot saved under $T (look at
# page.png and page-en.png), the DOM Chromium built, and every feed link on
# it followed with curl (200, text/calendar).  Also Vietnamese by default,
# English with ?lang=en, this year's milestones and the next 90 days; the
# countries in Vietnamese collation (Afghanistan before "Các Tiểu vương
# quốc Ả Rập Thống nhất"), the union's focus countries first; the English
# page's links to the English feeds under /en/calendars/, whose calendars
# and events have English titles; Outlook.com, Microsoft 365 and Google.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || skip_all "chromium not installed"
TODAY=2023-08-20
initdb
cat >>"$T/kyniem.conf" <<EOC
[organisation]
focus_countries = LA, KH, CU
EOC
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
chrome --dump-dom "$BASE/?lang=en" >"$T/dom-en.html"
expect "a screenshot of the page" [ -s "$T/page.png" ]
expect "a screenshot of the English page" [ -s "$T/page-en.png" ]
echo "screenshots: $T/page.png $T/page-en.png"

expect_grep '<html lang="vi">' "$T/dom.html"
expect_grep 'Lịch các ngày kỷ niệm' "$T/dom.html"
expect_grep 'Thêm vào Google Calendar' "$T/dom.html"
expect_grep 'Thêm vào Outlook.com' "$T/dom.html"
expect_grep 'Thêm vào Microsoft 365' "$T/dom.html"
# This year's milestones (the Japan 50th) and the next 90 days (France's
# national day is not a milestone; Japan's 50th on 21/9 is within 90 days).
expect_grep 'Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản' "$T/dom.html"
expect_grep '90 ngày tới' "$T/dom.html"
curl -s "$BASE/?lang=en" >"$T/en.html"
expect_grep '<html lang="en">' "$T/en.html"
expect_grep '50th anniversary of Vietnam–Japan diplomatic relations' "$T/en.html"

# The countries as Chromium shows them: the focus countries first, in the
# configured order, then by Vietnamese collation, not byte order.
country_titles() {	# country_titles DOM: the country feeds' headings
	"$PYTHON" - "$1" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    inside = False
    h3 = False
    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.inside = True
        self.h3 = self.inside and tag == "h3"
    def handle_data(self, data):
        if self.h3:
            print(data)
            self.h3 = False
P().feed(open(sys.argv[1], encoding="utf-8").read())
PY
}
country_titles "$T/dom.html" >"$T/countries"
head -n 3 "$T/countries" >"$T/focus"
printf 'Kỷ niệm: Lào\nKỷ niệm: Campuchia\nKỷ niệm: Cuba\n' >"$T/focus.want"
expect_diff "$T/focus.want" "$T/focus"
line_of() { grep -n -x -F "$1" "$T/countries" | cut -d: -f1; }
a=$(line_of 'Kỷ niệm: Afghanistan')
u=$(line_of 'Kỷ niệm: Các Tiểu vương quốc Ả Rập Thống nhất')
b=$(line_of 'Kỷ niệm: Brazil')
z=$(line_of 'Kỷ niệm: Zimbabwe')
d=$(line_of 'Kỷ niệm: Đức')
dm=$(line_of 'Kỷ niệm: Dominica')
expect "Afghanistan ($a) before Brazil ($b) before the Emirates ($u)" \
    [ "$a" -lt "$b" ] && [ "$b" -lt "$u" ]
expect "Dominica ($dm) before Đức ($d) before Zimbabwe ($z)" \
    [ "$dm" -lt "$d" ] && [ "$d" -lt "$z" ]
tail -n +4 "$T/countries" | sed 's/^Kỷ niệm: //' >"$T/rest"
expect "the rest in Vietnamese collation (ICU, as the unit test checks)" \
    "$PYTHON" - "$T/rest" <<'PY'
import sys, unicodedata
names = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
# Vietnamese order at the primary level, syllable by syllable: ă and â
# after a, đ after d, ê after e, ô and ơ after o, ư after u; the tones
# only break ties.  Byte order would put "Ả Rập", "Ấn Độ", "Đức" last.
LETTER = {"\u0306": "1", "\u0302": "2", "\u031b": "3"}
def key(s):
    out = []
    for word in s.lower().split():
        w = ""
        for c in unicodedata.normalize("NFD", word):
            if c in LETTER:
                w = w[:-1] + chr(ord(w[-1]) + int(LETTER[c]))
            elif c == "đ":
                w += chr(ord("d") * 4 + 1)
            elif not unicodedata.combining(c):
                w += chr(ord(c) * 4) if c.isalpha() else c
        out.append(w)
    return out
bad = [(a, b) for a, b in zip(names, names[1:]) if key(a) > key(b)]
assert not bad, bad[:5]
PY
country_titles "$T/dom-en.html" >"$T/countries-en"
expect_grep '^Anniversaries: Laos$' "$T/countries-en"
expect "English names in English order" [ "$(sed -n 4p "$T/countries-en")" = \
    "Anniversaries: Afghanistan" ]

# Follow every feed link Chromium saw: webcal:// is fetched as http://.
links() {	# links DOM: the feed links of a page
	"$PYTHON" - "$1" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "feed" in (a.get("class") or "").split():
            print(a["href"])
P().feed(open(sys.argv[1], encoding="utf-8").read())
PY
}
links "$T/dom.html" >"$T/links"
links "$T/dom-en.html" >"$T/links-en"
expect "the English page links the English feeds only" \
    [ "$(grep -c '/en/calendars/' "$T/links-en")" -eq "$(wc -l <"$T/links-en")" ]
expect "as many as the Vietnamese page" \
    [ "$(wc -l <"$T/links-en")" -eq "$(wc -l <"$T/links")" ]
expect_no_grep '/en/calendars/' "$T/links"
# The English feeds the English page links have English titles.
en_jp=$(grep '^http.*/en/calendars/country/JP.ics$' "$T/links-en")
curl -s "$en_jp" | tr -d '\r' >"$T/en-jp.ics"
expect_grep '^X-WR-CALNAME:Anniversaries: Japan$' "$T/en-jp.ics"
expect_grep '^SUMMARY:Japan: 50 years of diplomatic relations$' "$T/en-jp.ics"
cat "$T/links-en" >>"$T/links"
n=$(wc -l <"$T/links")
expect "over 300 feed links on the page: $n" [ "$n" -gt 300 ]
expect_grep '^webcal://' "$T/links"
# One curl for them all (a config file of url/output pairs, one connection).
: >"$T/curl.conf"
: >"$T/odd"
while read -r href; do
	url=$href
	case $href in webcal://*) url="http://${href#webcal://}" ;; esac
	case $url in "$BASE"/calendars/*.ics|"$BASE"/en/calendars/*.ics) ;;
	*) echo "$href" >>"$T/odd" ;; esac
	printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$T/curl.conf"
done <"$T/links"
expect "every feed link is under $BASE/calendars/ or $BASE/en/calendars/" \
    [ ! -s "$T/odd" ]
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
expect_grep 'https://outlook.office.com/calendar/0/addfromweb?url=http%3A%2F%2F127.0.0.1' "$T/dom.html"
expect_grep 'https://outlook.office.com/calendar/0/addfromweb?url=http%3A%2F%2F127.0.0.1%3A[0-9]*%2Fen%2Fcalendars%2F' "$T/dom-en.html"
expect_grep 'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F127.0.0.1' "$T/dom.html"
expect_clean_stop

# The union's own feed (built-in "union"), the one the index page suggests
# first, with the shipped Khánh Hòa config: its focus countries, the
# milestones, its own dates (Yersin) and its public activities, at most 4
# events on any day of its window, the best ranked kept (activities
# first, then as the plan ranks: a focus country above the rest) and the
# number left out said on the day; read by python3-icalendar and by
# ical.js, both counting the same days.  Categories in words (no kind,
# class or country code), ORGANIZER the union's name and configured
# address, nothing at a .invalid address, a source's web address as the
# event's URL; the index page lists it first; with a token, the same scheme
# as every feed (404 without it, every activity with it, off the page).
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/feedlib.sh"
. "$SRC/tests/integration/serverlib.sh"

TODAY=2026-06-15
initdb_shipped
# The union's address, beside the shipped [organisation] keys.
sed -i 's/^\[organisation\]$/[organisation]\nemail = lhhn@khanhhoa.example.org/' \
    "$T/kyniem.conf"
grep -q '^email = lhhn@' "$T/kyniem.conf" || die "no email in the config"
# 15/9/2026 holds six anniversaries (five 205th national days and Fidel
# Castro's visit, Cuba being a focus country); two public activities
# make it eight.  A private one is only in a feed with a token.
add() {
	"$KYNIEM" activity add "$@" >/dev/null || die "activity add $*"
}
add --public --title "Gặp mặt Đại sứ quán Cuba" --start 2026-09-15T09:00 \
    --end 2026-09-15T10:30 --location "Nha Trang"
add --public --title "Triển lãm ảnh hữu nghị" --start 2026-09-14 \
    --end 2026-09-16
add --title "Họp nội bộ chuẩn bị" --start 2026-09-15T14:00 \
    --end 2026-09-15T15:00
# A date of the union's own whose source is a web address: the event
# carries it as its URL, and DESCRIPTION the whole address.
URL=https://baokhanhhoa.example.org/xa-hoi/202110/nha-huu-nghi-8221420/
cat >"$T/local.csv" <<EOC
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
t6009_friendship_house,local,10-20,2016,1,,the opening of the Friendship House,khánh thành Nhà Hữu nghị,khanh-hoa,"Báo Khánh Hòa, $URL (khánh thành 20/10/2016)"
EOC
"$KYNIEM" import "$T/local.csv" >/dev/null || die "import local.csv"
start_server $TODAY

get() {	# get PATH FILE: a GET that must answer 200
	expect "GET $1: 200" [ "$(fetch "$BASE$1" "$2")" = 200 ]
}
get /calendars/union.ics "$T/union.ics"
get /en/calendars/union.ics "$T/union-en.ics"
get /index.html "$T/index.html"

# Both parsers read it; the window is the built-in's (180 days back, two
# years ahead).
feed_window $TODAY 180 730
"$NODE" "$SRC/tests/integration/icaljs-expand.mjs" "$ICALJS_DIR" "$FROM" \
    "$TO" "$T/union.ics" >"$T/js-events" 2>&9 ||
    fail "ical.js cannot read union.ics"
n=$(wc -l <"$T/js-events")
check_feed "$T/union.ics" union.ics "$n"
check_feed "$T/union-en.ics" en/union.ics "$n"

# What each parser counts on every day: the same, and never over 4.
"$PYTHON" - "$T/union.ics" >"$T/py-days" <<'PY'
import collections, datetime, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
vn = datetime.timezone(datetime.timedelta(hours=7))
days = collections.Counter()
for e in cal.walk("VEVENT"):
    s, t = e["DTSTART"].dt, e["DTEND"].dt
    if isinstance(s, datetime.datetime):
        s, t = s.astimezone(vn).date(), t.astimezone(vn).date()
    else:
        t -= datetime.timedelta(days=1)	# DTEND of a date is exclusive
    while s <= t:
        days[s.isoformat()] += 1
        s += datetime.timedelta(days=1)
for d in sorted(days):
    print(d, days[d])
PY
"$PYTHON" - "$T/js-events" >"$T/js-days" <<'PY'
import collections, datetime, sys
days = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    start, end = line.split("\t")[:2]
    s = datetime.date.fromisoformat(start[:10])
    t = datetime.date.fromisoformat(end[:10])
    while s <= t:
        days[s.isoformat()] += 1
        s += datetime.timedelta(days=1)
for d in sorted(days):
    print(d, days[d])
PY
expect "python3-icalendar and ical.js count the same events each day" \
    cmp "$T/py-days" "$T/js-days"
most=$(sort -k2 -n "$T/py-days" | tail -n 1)
expect "at most 4 events on any day (busiest: $most)" \
    awk '$2 > 4 { exit 1 }' "$T/py-days"
expect "a day of the window has 4 events" grep -q ' 4$' "$T/py-days"

# The complete selection, uncapped, as `kyniem feed` writes it: the
# engine's occurrences for the union and the two public activities.
cp "$T/kyniem.conf" "$T/kyniem.conf.orig"
printf '[feed union]\nmax_per_day = 0\n' >>"$T/kyniem.conf"
"$KYNIEM" --today $TODAY feed union >"$T/full.ics" ||
    fail "kyniem feed union, uncapped"
mv "$T/kyniem.conf.orig" "$T/kyniem.conf"
occ=$(engine_count $TODAY --window 180 730 \
    --select 'focus,milestone,kind:local,tag:khanh-hoa')
check_feed "$T/full.ics" "union.ics uncapped" $((occ + 2))
# Every event the cap left out is said on its day: the last event kept
# there says how many the complete feeds have besides.
expect "what the cap leaves out is said on its day, the best ranked kept" \
    "$PYTHON" - "$T/union.ics" "$T/full.ics" <<'PY'
import collections, datetime, re, sys, icalendar
def events(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}
vn = datetime.timezone(datetime.timedelta(hours=7))
def days(e):
    s, t = e["DTSTART"].dt, e["DTEND"].dt
    if isinstance(s, datetime.datetime):
        s, t = s.astimezone(vn).date(), t.astimezone(vn).date()
    else:
        t -= datetime.timedelta(days=1)
    while s <= t:
        yield s
        s += datetime.timedelta(days=1)
kept, full = events(sys.argv[1]), events(sys.argv[2])
assert set(kept) < set(full), set(kept) - set(full)
left = collections.Counter(d for u in set(full) - set(kept)
                           for d in days(full[u]))
said = collections.Counter()
for e in kept.values():
    m = re.search(r"Cùng ngày còn (\d+) sự kiện khác, có trong các lịch "
                  r"đầy đủ\.$", str(e.get("DESCRIPTION", "")))
    for d in days(e):
        said[d] = max(said[d], int(m.group(1)) if m else 0)
bad = [(d.isoformat(), n, said[d]) for d, n in left.items() if said[d] < n]
assert not bad, bad[:5]
assert len(full) - len(kept) > 0, "nothing was left out"
# 15/9/2026: the two activities, Cuba (a focus country), and the first
# of the five 205th national days; four more said.
day = datetime.date(2026, 9, 15)
on = sorted(str(e["SUMMARY"]) for e in kept.values() if day in days(e))
assert on == ["Costa Rica: Quốc khánh, 205 năm",
              "Cuba: 53 năm ngày lãnh tụ Fidel Castro thăm vùng giải "
              "phóng miền Nam Việt Nam",
              "Gặp mặt Đại sứ quán Cuba", "Triển lãm ảnh hữu nghị"], on
assert left[day] == 4 and said[day] == 4, (left[day], said[day])
print(len(full) - len(kept), "of", len(full), "left out on",
      len(left), "days, each said")
PY
unfold "$T/union.ics" >"$T/union.txt"
unfold "$T/union-en.ics" >"$T/union-en.txt"
# The union's own dates and focus countries in, the others' ordinary
# days out; Vietnam's own occasions led by the occasion.
expect_grep '^SUMMARY:Bác sĩ Alexandre Yersin: 163 năm ngày sinh$' \
    "$T/union.txt"
expect_grep '^SUMMARY:Lào: Quốc khánh\\, 51 năm$' "$T/union.txt"
expect_no_grep '^SUMMARY:Thụy Điển: Quốc khánh$' "$T/union.txt"
expect_grep '^SUMMARY:Dr Alexandre Yersin: birth\\, 163 years$' \
    "$T/union-en.txt"
expect_grep '^X-WR-CALNAME:Lịch của Liên hiệp$' "$T/union.txt"
expect_grep '^X-WR-CALNAME:The union.s calendar$' "$T/union-en.txt"
expect_grep '^METHOD:PUBLISH$' "$T/union.txt"

# Categories in words and ORGANIZER the union's, as ical.js reads them
# (and python3-icalendar below): no code, no .invalid address.
"$NODE" "$SRC/tests/integration/icaljs-props.mjs" "$ICALJS_DIR" \
    "$T/union.ics" "$T/union-en.ics" >"$T/js-props" 2>&9 ||
    fail "ical.js cannot read the properties"
expect "ical.js reads one line per event" \
    [ "$(wc -l <"$T/js-props")" -eq $((n * 2)) ]
cut -f 2 "$T/js-props" | tr '|' '\n' | sort -u >"$T/js-cats"
expect "ical.js: no category is a code ($(tr '\n' ',' <"$T/js-cats" |
    cut -c 1-200))" \
    awk '/^[a-z-]+$/ || /^[A-Z][A-Z]$/ || $0 == "-" { exit 1 }' \
    "$T/js-cats"
expect_grep '^Quan hệ ngoại giao$' "$T/js-cats"
expect_grep '^Nhật Bản$' "$T/js-cats"
expect_grep '^Japan$' "$T/js-cats"
expect_grep '^Hoạt động$' "$T/js-cats"
cut -f 3,4 "$T/js-props" | sort -u >"$T/js-org"
printf 'mailto:lhhn@khanhhoa.example.org\tLiên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa\n' \
    >"$T/js-org.want"
expect_diff "$T/js-org.want" "$T/js-org"
expect "python3-icalendar: categories are words, ORGANIZER the union's" \
    "$PYTHON" - "$T/union.ics" "$T/union-en.ics" <<'PY'
import re, sys, icalendar
for path in sys.argv[1:]:
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    for e in cal.walk("VEVENT"):
        cats = e["CATEGORIES"].cats
        assert cats, e["UID"]
        for c in cats:
            assert not re.fullmatch(r"[a-z-]+|[A-Z]{2}", c), (e["UID"], c)
        o = e["ORGANIZER"]
        assert str(o) == "mailto:lhhn@khanhhoa.example.org", o
        assert o.params["CN"] == ("Liên hiệp các tổ chức hữu nghị tỉnh "
                                  "Khánh Hòa"), o.params
PY
awk -F '\t' -v u="$URL" '$1 == "t6009_friendship_house-2026@kyniem.invalid" &&
    $5 == u' "$T/js-props" >"$T/js-url"
expect "ical.js: the event's URL is its source's address" [ -s "$T/js-url" ]
expect "python3-icalendar: the URL, and the whole address in DESCRIPTION" \
    "$PYTHON" - "$T/union.ics" "$URL" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = [e for e in cal.walk("VEVENT")
      if str(e["UID"]) == "t6009_friendship_house-2026@kyniem.invalid"]
assert len(ev) == 1, ev
e = ev[0]
assert str(e["URL"]) == sys.argv[2], e["URL"]
d = str(e["DESCRIPTION"]).split("\n")
assert d[-1] == "Nguồn: " + sys.argv[2], d
assert str(e["SUMMARY"]) == "Khánh thành Nhà Hữu nghị: 10 năm", e["SUMMARY"]
assert e["CATEGORIES"].cats == ["Sự kiện địa phương", "Năm tròn"], \
    e["CATEGORIES"].cats
# A row whose source is a citation, not an address, has no URL.
jp = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "relation:JP-2026@kyniem.invalid"]
assert len(jp) == 1 and "URL" not in jp[0], jp
assert str(jp[0]["DESCRIPTION"]).endswith("Nguồn: en.vietnamplus.vn 268260")
PY

# Nothing a person sees is at a .invalid address (the UIDs' right-hand
# side is [server] domain, which no client shows).
grep -v '^UID:' "$T/union.txt" >"$T/union-shown.txt"
expect_no_grep '\.invalid' "$T/union-shown.txt"
cut -f 3- "$T/js-props" >"$T/js-shown"
expect_no_grep '\.invalid' "$T/js-shown"

# The page suggests it first, before the complete feeds.
"$PYTHON" - "$T/index.html" >"$T/page-feeds" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "feed" in (a.get("class") or "").split() and \
                a["href"].startswith("http"):
            print(a["href"])
P().feed(open(sys.argv[1], encoding="utf-8").read())
PY
expect "the first feed of the page is the union's: $(head -n 1 "$T/page-feeds")" \
    [ "$(head -n 1 "$T/page-feeds")" = "$BASE/calendars/union.ics" ]
expect_grep 'calendars/all.ics' "$T/page-feeds"
expect_grep '<h2>Lịch đề xuất: lịch của Liên hiệp</h2>' "$T/index.html"
expect_grep 'không quá 4 sự kiện một ngày' "$T/index.html"
expect_grep '<h2>Các lịch đầy đủ</h2>' "$T/index.html"
expect_clean_stop

# With a token it is private as every feed is: 404 without it, off the
# page, and with it every activity, the private one too.
TOKEN=t6009-union-token-7f3
printf '[feed union]\ntoken = %s\n' "$TOKEN" >>"$T/kyniem.conf"
start_server $TODAY
expect "GET /calendars/union.ics without the token: 404" \
    [ "$(code "$BASE/calendars/union.ics")" = 404 ]
expect "GET /calendars/union.ics?token=wrong: 404" \
    [ "$(code "$BASE/calendars/union.ics?token=wrong")" = 404 ]
get "/calendars/union.ics?token=$TOKEN" "$T/private.ics"
check_feed "$T/private.ics" "union.ics with its token" \
    "$(grep -c '^BEGIN:VEVENT' "$T/private.ics")"
unfold "$T/private.ics" >"$T/private.txt"
expect_grep '^SUMMARY:Họp nội bộ chuẩn bị$' "$T/private.txt"
expect_no_grep '^SUMMARY:Họp nội bộ chuẩn bị$' "$T/union.txt"
get /index.html "$T/index2.html"
expect_no_grep 'calendars/union.ics' "$T/index2.html"
expect_clean_stop

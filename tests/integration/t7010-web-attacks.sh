# The web application attacked: every POST without the session's CSRF
# token or with a foreign Origin gets 403 and changes nothing (activities
# and audit trail compared before and after); roles; login CSRF, session
# fixation, throttling (per account and address: an attacker at 127.0.0.2
# cannot lock out the owner at 127.0.0.3) and the timing of an unknown
# address; idle and
# absolute expiry, logout, a disabled account and a new password end
# sessions; an activity titled <script> shows as text on every page and
# in the feed; open redirects, paths with "..", an oversized body, a NUL
# in a form, HEAD and the security headers; every change is in the audit
# trail with who did it.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

TODAY=2023-08-20
XSS='<script>alert(1)</script>'
XSS_ESC='&lt;script&gt;alert(1)&lt;/script&gt;'
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[server]
poll_seconds = 1
EOC
web_users
# An account of its own for the throttling, so the others stay usable.
"$KYNIEM" user add victim@example.org --name "Nạn nhân" --role editor \
    --password-file "$T/pw" >/dev/null || die "kyniem user add victim failed"
start_server $TODAY

# --- helpers ----------------------------------------------------------

# snapshot FILE: every row of the database but the login failures (a
# refused login may add one) and when sessions were last seen (any
# request may write it): what a refused request must not change.  The
# sqlite3 shell is quick; Python's module does the same where it is
# missing.
snapshot() {
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 -readonly "$T/kyniem.db" .dump | sed \
		    -e '/^INSERT INTO "*login_failures"* /d' \
		    -e 's/^\(INSERT INTO "*sessions"* VALUES(.*\),[0-9]*);$/\1);/' \
		    >"$1" || die "cannot read the database"
	else
		"$PYTHON" "$SRC/tests/integration/dbstate.py" "$T/kyniem.db" \
		    >"$1" || die "cannot read the database"
	fi
}

# unchanged DESCRIPTION: one check that the database is as snapshotted
# in $T/before.
unchanged() {
	snapshot "$T/after"
	if cmp -s "$T/before" "$T/after"; then
		pass "$1: nothing changed"
	else
		diff -u "$T/before" "$T/after" >&9 || true
		fail "$1: the database changed"
	fi
}

# refused DESCRIPTION PATTERN raw_post-ARGS...: the POST gets 403, its
# page says why (PATTERN), and nothing changed.
refused() {
	_desc=$1 _why=$2
	shift 2
	snapshot "$T/before"
	_code=$(raw_post "$@")
	expect "$_desc: 403 (got $_code)" [ "$_code" = 403 ]
	expect_grep "$_why" "$T/post.html"
	unchanged "$_desc"
}

# status WHO PATH [CURL OPTIONS]: a GET's status with WHO's cookies.
status() {
	_who=$1 _p=$2
	shift 2
	curl -s -b "$T/$_who.jar" -c "$T/$_who.jar" -o "$T/get.html" \
	    -D "$T/get.hdr" -w '%{http_code}' "$@" "$BASE$_p"
}

# session_of JAR: the kyniem_session cookie in a curl jar.
session_of() {
	awk '$6 == "kyniem_session" { print $7 }' "$1"
}

# audit_has WHO ACTION [OBJECT]: one check that the trail has the line.
audit_has() {
	"$KYNIEM" audit --limit 100000 >"$T/audit" || die "kyniem audit failed"
	if awk -F '\t' -v w="$1" -v a="$2" -v o="${3:-}" '$2 == w && $3 == a &&
	    (o == "" || $4 == o) { found = 1 } END { exit !found }' \
	    "$T/audit"; then
		pass "audit: $1 $2 ${3:-}"
	else
		cat "$T/audit" >&9
		fail "audit: no '$1 $2 ${3:-}' in the trail"
	fi
}

# login_as JAR EMAIL [PASSWORD]: a login with a jar of its own; prints
# the status (headers in $T/post.hdr).
login_as() {
	rm -f "$T/$1.jar"
	status "$1" /app/login >/dev/null
	raw_post "$1" /app/login "$(csrf_of "$T/get.html")" "$BASE" - \
	    "email=$2" "password=${3:-$PW}"
}

# login_from ADDR JAR EMAIL PASSWORD: a login from the loopback address
# ADDR (the server sees it as the client) with a jar of its own; prints
# the status (the page in $T/post.html, the headers in $T/post.hdr).
login_from() {
	rm -f "$T/$2.jar"
	status "$2" /app/login --interface "$1" >/dev/null
	curl -s --interface "$1" -b "$T/$2.jar" -c "$T/$2.jar" \
	    -H "Origin: $BASE" -D "$T/post.hdr" -o "$T/post.html" \
	    -w '%{http_code}' --data-urlencode "email=$3" \
	    --data-urlencode "password=$4" \
	    --data-urlencode "csrf=$(csrf_of "$T/get.html")" "$BASE/app/login"
}

# expired WHO: one check that WHO's cookie now leads to the login page.
expired() {
	_c=$(status "$1" /app/)
	expect "$1's old cookie leads to the login page ($_c)" [ "$_c" = 303 ]
	expect_grep '^Location: /app/login' "$T/get.hdr"
}

CR=$(printf '\r')
REFUSED='biểu mẫu không đến từ trang này'
NOROLE='không có quyền'

# --- an activity whose title is a script ------------------------------

for who in editor admin viewer; do
	expect "$who logs in" [ "$(web_login $who)" = 303 ]
done
expect "the editor creates an activity titled $XSS" [ "$(web_post editor \
    /app/activities "title=$XSS" start=2023-09-01 \
    'location=<img src=x onerror=alert(2)>' \
    'notes="><svg onload=alert(3)>' owners=editor@example.org \
    remind=7d observance=relation:JP public=1)" = 303 ]
ID=$(sed -n 's|^Location: /app/activities/\([0-9][0-9]*\).$|\1|p' \
    "$T/post.hdr")
[ -n "$ID" ] || die "no activity id in the redirect"
E_CSRF=$(web_csrf editor)
A_CSRF=$(web_csrf admin)
[ -n "$E_CSRF" ] && [ -n "$A_CSRF" ] || die "no csrf token on the pages"
expect "two sessions have two tokens" [ "$E_CSRF" != "$A_CSRF" ]
# Pages go out gzipped; the token on them is masked anew on each one
# (BREACH), and any of its masks is accepted (below, after this read).
E_CSRF2=$(web_csrf editor)
expect "each page masks the token anew" [ "$E_CSRF2" != "$E_CSRF" ]
expect "a masked token is ${#E_CSRF} characters" [ ${#E_CSRF} -eq 115 ]
curl -s -b "$T/editor.jar" -H 'Accept-Encoding: gzip' -D "$T/gz.hdr" \
    -o "$T/year.gz" "$BASE/app/year/2023"
expect_grep '^Content-Encoding: gzip' "$T/gz.hdr"
expect_grep '^Vary: Accept-Encoding' "$T/gz.hdr"
gzip -dc <"$T/year.gz" >"$T/year.html" || fail "the gzipped page does not decompress"
expect_grep '<h1>Năm 2023</h1>' "$T/year.html"
expect "the gzipped page is under a third of the page" \
    [ $(($(wc -c <"$T/year.gz") * 3)) -lt "$(wc -c <"$T/year.html")" ]
curl -s -b "$T/editor.jar" -D "$T/plain.hdr" -o /dev/null "$BASE/app/year/2023"
expect_no_grep '^Content-Encoding' "$T/plain.hdr"

# The title as text on every page that shows it.
XSS_PAGES="/app/ /app/activities /app/activities/$ID /app/activities/$ID/edit
/app/year/2023 /app/occasions/relation:JP /app/audit"
for p in $XSS_PAGES; do
	c=$(status admin "$p")
	expect "$p answers 200 ($c)" [ "$c" = 200 ]
	cp "$T/get.html" "$T/xss.html"
	expect_grep "$XSS_ESC" "$T/xss.html"
	expect_no_grep '<script>alert' "$T/xss.html"
	expect_no_grep '<img src=x' "$T/xss.html"
	expect_no_grep '<svg' "$T/xss.html"
done
# In the feed it is plain text (iCalendar has no markup to escape).
i=0
until curl -s "$BASE/calendars/activities.ics" >"$T/activities.ics" &&
    grep -q 'alert(1)' "$T/activities.ics"; do
	i=$((i + 1))
	[ $i -lt 100 ] || die "the activity never reached activities.ics"
	sleep 0.1
done
expect_grep "^SUMMARY:$XSS" "$T/activities.ics"
expect_grep '^LOCATION:<img src=x onerror=alert(2)>' "$T/activities.ics"
expect_no_grep '&lt;\|&gt;\|&amp;' "$T/activities.ics"

# --- CSRF token and Origin --------------------------------------------

CREATE="title=Giả_mạo start=2023-10-01"
refused "create without a csrf field" "$REFUSED" \
    editor /app/activities - "$BASE" - $CREATE
refused "create with an empty csrf" "$REFUSED" \
    editor /app/activities "" "$BASE" - $CREATE
refused "create with a wrong csrf" "$REFUSED" \
    editor /app/activities "$(printf '%043d' 0)" "$BASE" - $CREATE
refused "create with another session's csrf" "$REFUSED" \
    editor /app/activities "$A_CSRF" "$BASE" - $CREATE
TAMPERED=$(printf '%s' "$E_CSRF" | sed 's/^\(.\{60\}\)./\1A/; t; s/^/x/')
[ "$TAMPERED" != "$E_CSRF" ] ||
    TAMPERED=$(printf '%s' "$E_CSRF" | sed 's/^\(.\{60\}\)./\1B/')
refused "create with one character of the masked token changed" \
    "$REFUSED" editor /app/activities "$TAMPERED" "$BASE" - $CREATE
refused "create with the csrf but no Origin" "$REFUSED" \
    editor /app/activities "$E_CSRF" - - $CREATE
refused "create from Origin https://evil.example" "$REFUSED" \
    editor /app/activities "$E_CSRF" https://evil.example - $CREATE
refused "create from evil.example claiming same-origin" "$REFUSED" \
    editor /app/activities "$E_CSRF" https://evil.example same-origin \
    $CREATE
refused "create from a host that starts like ours" "$REFUSED" \
    editor /app/activities "$E_CSRF" "$BASE.evil.example" - $CREATE
refused "create from another port of ours" "$REFUSED" \
    editor /app/activities "$E_CSRF" "http://127.0.0.1:1" - $CREATE
refused "create with Origin: null and no Sec-Fetch-Site" "$REFUSED" \
    editor /app/activities "$E_CSRF" null - $CREATE
refused "create with Origin: null from a cross-site page" "$REFUSED" \
    editor /app/activities "$E_CSRF" null cross-site $CREATE
refused "create with Origin: null from a same-site page" "$REFUSED" \
    editor /app/activities "$E_CSRF" null same-site $CREATE
refused "edit with a wrong csrf" "$REFUSED" \
    editor "/app/activities/$ID" "$A_CSRF" "$BASE" - title=Sửa start=2023-09-02
refused "edit from evil.example" "$REFUSED" \
    editor "/app/activities/$ID" "$E_CSRF" https://evil.example - \
    title=Sửa start=2023-09-02
refused "cancel without a csrf field" "$REFUSED" \
    editor "/app/activities/$ID/cancel" - "$BASE" - x=1
refused "done from evil.example" "$REFUSED" \
    editor "/app/activities/$ID/done" "$E_CSRF" https://evil.example - \
    result=Giả participants=5
refused "a new password with a wrong csrf" "$REFUSED" \
    admin /app/account/password "$E_CSRF" "$BASE" - "current=$PW" \
    password=attacker-password password2=attacker-password
refused "logout with a wrong csrf" "$REFUSED" \
    editor /app/logout "$A_CSRF" "$BASE" - x=1
expect "the session refused a logout is still open" \
    [ "$(status editor /app/)" = 200 ]
refused "a POST without a session" "Phiên làm việc đã hết hạn" \
    anon /app/activities "$E_CSRF" "$BASE" - $CREATE

# What a browser sends for our own form under Referrer-Policy: no-referrer
# (Origin: null, Sec-Fetch-Site: same-origin) is accepted.
expect "Origin: null with Sec-Fetch-Site: same-origin creates" \
    [ "$(raw_post editor /app/activities "$E_CSRF" null same-origin \
    title=Gặp mặt start=2023-10-02)" = 303 ]
ID2=$(sed -n 's|^Location: /app/activities/\([0-9][0-9]*\).$|\1|p' \
    "$T/post.hdr")
[ -n "$ID2" ] || die "no activity id in the redirect"

# --- roles ------------------------------------------------------------

V_CSRF=$(web_csrf viewer)
refused "a viewer creates" "$NOROLE" \
    viewer /app/activities "$V_CSRF" "$BASE" - $CREATE
refused "a viewer cancels" "$NOROLE" \
    viewer "/app/activities/$ID/cancel" "$V_CSRF" "$BASE" - x=1
for p in /app/activities/new "/app/activities/$ID/edit"; do
	c=$(status viewer "$p")
	expect "a viewer's GET $p: 403 ($c)" [ "$c" = 403 ]
done
expect_grep "$NOROLE" "$T/get.html"
expect "a viewer reads the list" [ "$(status viewer /app/activities)" = 200 ]
expect_no_grep 'activities/new' "$T/get.html"
expect_grep "$XSS_ESC" "$T/get.html"
expect "a viewer's dashboard" [ "$(status viewer /app/)" = 200 ]
expect_grep 'Cần lên kế hoạch' "$T/get.html"
expect_no_grep 'Lên kế hoạch</a>' "$T/get.html"
# Admin pages: 403 for an editor.
for p in /app/users /app/audit /app/recipients /app/import; do
	a=$(status admin "$p")
	c=$(status editor "$p")
	expect "an admin's GET $p: 200 ($a); an editor's: 403 ($c)" \
	    [ "$a/$c" = 200/403 ]
done
c=$(status anon "/app/activities/$ID")
expect "no session: an activity's page leads to the login page ($c)" \
    [ "$c" = 303 ]
expect_grep "^Location: /app/login?next=%2Fapp%2Factivities%2F$ID" \
    "$T/get.hdr"
c=$(status anon /app/ -b "kyniem_session=$(printf '%043d' 7)")
expect "a made-up session cookie leads to the login page ($c)" \
    [ "$c" = 303 ]

# --- the login ----------------------------------------------------------

# Login CSRF: a login posted without the login cookie's token, or with
# the attacker's own, is refused and opens no session.
rm -f "$T/anon.jar" "$T/thief.jar"
status thief /app/login >/dev/null
THIEF_TOKEN=$(csrf_of "$T/get.html")
status anon /app/login >/dev/null
for csrf in - "$THIEF_TOKEN"; do
	snapshot "$T/before"
	c=$(raw_post anon /app/login "$csrf" "$BASE" - email=editor@example.org \
	    "password=$PW")
	expect "a login with csrf '$csrf' not the login cookie's: 403 ($c)" \
	    [ "$c" = 403 ]
	expect_no_grep 'kyniem_session=[A-Za-z0-9_-]' "$T/post.hdr"
	unchanged "the refused login"
done
rm -f "$T/fresh.jar"
c=$(raw_post fresh /app/login "$THIEF_TOKEN" "$BASE" - \
    email=editor@example.org "password=$PW")
expect "a login with a token but no login cookie: 403 ($c)" [ "$c" = 403 ]
c=$(raw_post thief /app/login "$THIEF_TOKEN" https://evil.example - \
    email=editor@example.org "password=$PW")
expect "a login from a foreign Origin: 403 ($c)" [ "$c" = 403 ]

# Session fixation: a session cookie planted before the login (a made-up
# one, or one the attacker had and logged out of) is not the one after
# it, and the planted token stays dead.
expect "the attacker logs in" \
    [ "$(login_as attacker viewer@example.org)" = 303 ]
PLANTED=$(session_of "$T/attacker.jar")
expect "the attacker logs out" [ "$(web_post attacker /app/logout x=1)" = 303 ]
printf '127.0.0.1\tFALSE\t/app\tFALSE\t0\tkyniem_session\t%s\n' \
    "$PLANTED" >>"$T/attacker.jar"
for planted in "$(printf 'A%042d' 1)" "$PLANTED"; do
	rm -f "$T/victim.jar"
	status victim /app/login >/dev/null
	# curl's jar format: domain, subdomains, path, secure, expiry, name.
	printf '127.0.0.1\tFALSE\t/app\tFALSE\t0\tkyniem_session\t%s\n' \
	    "$planted" >>"$T/victim.jar"
	c=$(raw_post victim /app/login "$(csrf_of "$T/get.html")" "$BASE" - \
	    email=editor@example.org "password=$PW")
	expect "the victim logs in over a planted cookie ($c)" [ "$c" = 303 ]
	NEW=$(session_of "$T/victim.jar")
	expect "a session cookie after the login" [ -n "$NEW" ]
	expect "not the planted one" [ "$NEW" != "$planted" ]
	expect "the victim's session works" [ "$(status victim /app/)" = 200 ]
done
expired attacker

# Open redirects: next= leads only to our own pages.
for next in //evil.example https://evil.example '/\evil.example' \
    /app//evil.example /app/../../evil; do
	c=$(status editor /app/login -G --data-urlencode "next=$next")
	expect "logged in, /app/login?next=$next: 303 ($c)" [ "$c" = 303 ]
	expect_grep "^Location: /app/$CR\$" "$T/get.hdr"
done
c=$(status editor /app/login -G --data-urlencode next=/app/activities)
expect "logged in, /app/login?next=/app/activities: 303 ($c)" [ "$c" = 303 ]
expect_grep "^Location: /app/activities$CR\$" "$T/get.hdr"
rm -f "$T/redir.jar"
status redir /app/login >/dev/null
c=$(raw_post redir /app/login "$(csrf_of "$T/get.html")" "$BASE" - \
    email=editor@example.org "password=$PW" next=//evil.example)
expect "a login with next=//evil.example: 303 ($c)" [ "$c" = 303 ]
expect_grep "^Location: /app/$CR\$" "$T/post.hdr"
c=$(status anon /app/lang/en -G --data-urlencode next=https://evil.example)
expect "the language switch with next=https://evil.example: 303 ($c)" \
    [ "$c" = 303 ]
expect_grep "^Location: /app/$CR\$" "$T/get.hdr"

# Throttling: five failures for one account from one address (an
# attacker at 127.0.0.2), then 429 with Retry-After there, even for the
# right password; from any other address the account's owner logs in
# (before, the account was locked for everyone for 15 minutes).
i=0
while [ $i -lt 5 ]; do
	c=$(login_from 127.0.0.2 attacker2 victim@example.org "wrong password $i")
	expect "failure $((i + 1)) for victim@ from 127.0.0.2: 422 ($c)" \
	    [ "$c" = 422 ]
	i=$((i + 1))
done
c=$(login_from 127.0.0.2 attacker2 victim@example.org "wrong password 5")
expect "the sixth failure from 127.0.0.2: 429 ($c)" [ "$c" = 429 ]
expect_grep '^Retry-After: [1-9][0-9]*' "$T/post.hdr"
expect_grep 'Đăng nhập sai quá nhiều lần' "$T/post.html"
c=$(login_from 127.0.0.2 attacker2 victim@example.org "$PW")
expect "from 127.0.0.2, even the right password: 429 ($c)" [ "$c" = 429 ]
expect_no_grep 'kyniem_session=[A-Za-z0-9_-]' "$T/post.hdr"
c=$(login_from 127.0.0.2 attacker2 editor@example.org "$PW")
expect "127.0.0.2 may still log in to another account ($c)" [ "$c" = 303 ]
c=$(login_from 127.0.0.3 owner3 victim@example.org "$PW")
expect "the owner logs in from 127.0.0.3 meanwhile ($c)" [ "$c" = 303 ]
expect "and the session works" [ "$(status owner3 /app/ \
    --interface 127.0.0.3)" = 200 ]
c=$(login_from 127.0.0.3 owner3 victim@example.org "a typo $i")
expect "a typo from 127.0.0.3 is a plain 422 ($c)" [ "$c" = 422 ]
expect "the owner logs in from 127.0.0.1 too" [ "$(web_login victim)" = 303 ]
# The success from 127.0.0.1 cleared its own failures only.
c=$(login_from 127.0.0.2 attacker2 victim@example.org "$PW")
expect "127.0.0.2 still waits ($c)" [ "$c" = 429 ]

# An unknown address costs the server the same Argon2 work as a wrong
# password: no way to tell which accounts exist by timing.
"$PYTHON" - "$BASE" >"$T/timing" <<'PY' || die "timing the logins failed"
import http.cookiejar, sys, time, urllib.error, urllib.parse, urllib.request
base = sys.argv[1]
def attempt(email):
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = op.open(base + "/app/login").read().decode()
    csrf = page.split('name="csrf" value="')[1].split('"')[0]
    data = urllib.parse.urlencode({"email": email, "password": "not it at all",
                                   "csrf": csrf}).encode()
    req = urllib.request.Request(base + "/app/login", data,
                                 {"Origin": base})
    t = time.monotonic()
    try:
        op.open(req).read()
        code = 200
    except urllib.error.HTTPError as e:
        code = e.code
    return time.monotonic() - t, code
known = unknown = 0.0
codes = set()
for i in range(3):
    d, c = attempt("admin@example.org"); known += d; codes.add(c)
    d, c = attempt("nobody%d@example.org" % i); unknown += d; codes.add(c)
print("%.4f %.4f %s" % (known, unknown, ",".join(map(str, sorted(codes)))))
PY
read -r known unknown codes <"$T/timing"
ratio=$(echo "$unknown / $known" | bc -l)
echo "3 wrong passwords ${known} s, 3 unknown addresses ${unknown} s, ratio $ratio"
expect "wrong password and unknown address both 422 ($codes)" \
    [ "$codes" = 422 ]
expect "an unknown address takes as long as a wrong password (ratio $ratio)" \
    [ "$(echo "$ratio > 0.5 && $ratio < 2" | bc -l)" = 1 ]

# --- requests at the edges --------------------------------------------

# Flash messages come from the session: a ?msg= in the URL (the old
# form, or anyone's link) says nothing on any page that had one.
for p in '/app/?msg=password' '/app/account?msg=password' \
    "/app/activities/$ID?msg=created" "/app/activities/$ID?msg=done" \
    '/app/activities?msg=cancelled' '/app/users?msg=user-disabled' \
    '/app/users?msg=role-changed' '/app/recipients?msg=recipient-added' \
    '/app/outbox?msg=queued' '/app/contacts?msg=saved' \
    '/app/import?msg=imported&file=HACKED.csv&rows=99999&changed=1&undated=0' \
    '/app/occasions/relation:JP?msg=corrected' \
    '/app/documents?year=2023&msg=saved' '/app/letters?msg=saved'; do
	c=$(status admin "$p")
	expect "$p: 200 ($c)" [ "$c" = 200 ]
	expect_no_grep 'class="flash"\|HACKED\|99999' "$T/get.html"
done

for p in '/app/static/../../etc/passwd' '/app/static/%2e%2e/%2e%2e/etc/passwd' \
    '/app/%2e%2e/calendars/all.ics' '/app/static/%2e%2e%2fapp.css' \
    '/app/activities/1/..' '/app/static/.%2e/.%2e/etc/passwd'; do
	c=$(status editor "$p" --path-as-is)
	case $c in 400|404) pass "$p: $c" ;; *) fail "$p: $c, want 400 or 404" ;; esac
	expect_no_grep 'root:' "$T/get.html"
done

snapshot "$T/before"
head -c $((8 * 1024 * 1024)) /dev/zero | tr '\0' a >"$T/big"
c=$(raw_post editor /app/activities "$E_CSRF" "$BASE" - title=Lớn \
    start=2023-10-03 "notes@$T/big")
expect "a form over 8 MiB: 413 ($c)" [ "$c" = 413 ]
c=$(curl -s -b "$T/editor.jar" -H "Origin: $BASE" -o "$T/post.html" \
    -w '%{http_code}' --data "csrf=$E_CSRF&title=a%00b&start=2023-10-03" \
    "$BASE/app/activities")
expect "a form with a NUL byte: 400 ($c)" [ "$c" = 400 ]
expect_grep 'Biểu mẫu gửi lên không hợp lệ' "$T/post.html"
# A body the form parser cannot read (a raw line feed) is a bad form, not
# a large one.
printf 'csrf=%s&title=x\ny&start=2023-10-03' "$E_CSRF" >"$T/lf"
c=$(curl -s -b "$T/editor.jar" -H "Origin: $BASE" -o "$T/post.html" \
    -w '%{http_code}' --data-binary "@$T/lf" "$BASE/app/activities")
expect "a form with a raw line feed: 400 ($c)" [ "$c" = 400 ]
unchanged "the oversized form, the NUL and the line feed"

c=$(status anon /app/login -I)
expect "HEAD /app/login: 200 ($c)" [ "$c" = 200 ]
expect_grep '^Content-Security-Policy: ' "$T/get.hdr"
c=$(status editor /app/ -I)
expect "HEAD /app/ with a session: 200 ($c)" [ "$c" = 200 ]
len=$(sed -n "s/^Content-Length: \([0-9]*\)$CR\$/\1/p" "$T/get.hdr")
status editor /app/ >/dev/null
expect "HEAD announces a length ($len)" [ "${len:-0}" -gt 0 ]
expect "HEAD announces the GET's length" \
    [ "$len" = "$(wc -c <"$T/get.html")" ]
c=$(status editor /app/ -X DELETE)
expect "DELETE /app/: 405 ($c)" [ "$c" = 405 ]

# The security headers on a page, an error page and a refusal.
rm -f "$T/anon.jar"
status anon /app/login >/dev/null
cp "$T/get.hdr" "$T/login.page.hdr"
status editor /app/nosuch >/dev/null
cp "$T/get.hdr" "$T/404.hdr"
status viewer /app/activities/new >/dev/null
cp "$T/get.hdr" "$T/403.hdr"
expect_grep '^HTTP/1.1 404' "$T/404.hdr"
expect_grep '^HTTP/1.1 403' "$T/403.hdr"
for f in login.page 404 403; do
	for h in 'Content-Security-Policy: default-src .self.; script-src .self.' \
	    "Content-Security-Policy: .*frame-ancestors 'none'" 'Referrer-Policy: no-referrer' \
	    'X-Content-Type-Options: nosniff' 'X-Frame-Options: DENY' \
	    'Cache-Control: no-store' 'Content-Type: text/html; charset=utf-8'; do
		expect_grep "^$h" "$T/$f.hdr"
	done
done
expect_grep '^Set-Cookie: kyniem_login=[A-Za-z0-9_-]\{43\}; Path=/app; .*HttpOnly; SameSite=Lax' \
    "$T/login.page.hdr"

# --- changes that succeed, and who made them ----------------------------

expect "the editor edits" [ "$(web_post editor "/app/activities/$ID" \
    "title=$XSS" start=2023-09-01 'location=Nhà hát' \
    observance=relation:JP remind=7d status=confirmed public=1)" = 303 ]
expect_grep "^Location: /app/activities/$ID$CR\$" "$T/post.hdr"
# What the POST did is said once, on the next page of that session.
expect "the admin's page of it" [ "$(status admin "/app/activities/$ID")" = 200 ]
expect_no_grep 'class="flash"' "$T/get.html"
expect "the editor's next page" [ "$(status editor "/app/activities/$ID")" = 200 ]
expect_grep '<p class="flash" role="status">Đã lưu.</p>' "$T/get.html"
expect "and the one after" [ "$(status editor "/app/activities/$ID")" = 200 ]
expect_no_grep 'class="flash"' "$T/get.html"
expect "the editor records the result" [ "$(web_post editor \
    "/app/activities/$ID/done" result=Tốt participants=40 confirm=1)" = 303 ]
expect "the editor cancels the other" \
    [ "$(web_post editor "/app/activities/$ID2/cancel" x=1)" = 303 ]
expect "the admin logs in a second time" \
    [ "$(login_as admin2 admin@example.org)" = 303 ]
NEWPW='a new password for the admin'
expect "the admin changes the password" [ "$(web_post admin \
    /app/account/password "current=$PW" "password=$NEWPW" \
    "password2=$NEWPW")" = 303 ]
expect_grep "^Location: /app/account$CR\$" "$T/post.hdr"
expect "the session that changed the password goes on" \
    [ "$(status admin /app/)" = 200 ]
expired admin2
expect "the old password no longer logs in" \
    [ "$(web_login admin)" = 422 ]
expect "the new one does" [ "$(web_login admin "$NEWPW")" = 303 ]
cp "$T/editor.jar" "$T/old-editor.jar"
expect "the editor logs out" [ "$(web_post editor /app/logout x=1)" = 303 ]
expired old-editor

for a in activity.create activity.edit activity.done session.login \
    session.logout; do
	audit_has editor@example.org $a
done
audit_has editor@example.org activity.create "activity:$ID"
audit_has editor@example.org activity.create "activity:$ID2"
audit_has editor@example.org activity.edit "activity:$ID"
audit_has editor@example.org activity.done "activity:$ID"
audit_has editor@example.org activity.cancel "activity:$ID2"
audit_has admin@example.org user.password
audit_has admin@example.org session.login
grep -c 'activity\.create' "$T/audit" >"$T/creates" || true
expect "two activities created, two in the trail" \
    [ "$(cat "$T/creates")" = 2 ]
expect "two activities in the database" \
    [ "$("$KYNIEM" activity list | wc -l)" = 2 ]
TAB=$(printf '\t')
expect_grep "activity.edit${TAB}activity:$ID${TAB}{.*\"status\":\"planned\".*} -> {.*\"status\":\"confirmed\"" \
    "$T/audit"

# A disabled account's session stops at once.
expect "the viewer's session works" [ "$(status viewer /app/)" = 200 ]
expect "kyniem user disable" "$KYNIEM" user disable viewer@example.org
expired viewer
expect "a disabled account cannot log in" [ "$(web_login viewer)" = 422 ]

# --- expiry: the server restarted with its clock moved on ---------------

expect "a session for the idle limit" \
    [ "$(login_as idle editor@example.org)" = 303 ]
expect "a session for the absolute limit" \
    [ "$(login_as abs admin@example.org "$NEWPW")" = 303 ]
expect_clean_stop
# 7 h 50 min later: idle for less than idle_minutes (480).
start_server 2023-08-20 2023-08-20T15:50
expect "after 7 h 50 min idle the session is open" \
    [ "$(status idle /app/)" = 200 ]
expect_clean_stop
# 8 h 10 min after that request: idle too long.
start_server 2023-08-21 2023-08-21T00:00
expired idle
expect_clean_stop
# Idle allowed 30 days: the absolute limit of 7 days still ends it.
cat >>"$T/kyniem.conf" <<'EOC'
[app]
idle_minutes = 43200
EOC
start_server 2023-08-27 2023-08-27T07:50
expect "6 days 23 h after the login the session is open" \
    [ "$(status abs /app/)" = 200 ]
expect_clean_stop
start_server 2023-08-27 2023-08-27T08:30
expired abs

# From one address, 20 failures on any accounts stop every login there
# for a while (the earlier failures are past the 15 minutes).
i=0
while [ $i -lt 20 ]; do
	c=$(web_login "nobody$i")
	[ "$c" = 422 ] || break
	i=$((i + 1))
done
expect "20 failed logins from one address: 422 each (stopped at $i, $c)" \
    [ $i = 20 ]
c=$(web_login editor)
expect "then even a good login from there: 429 ($c)" [ "$c" = 429 ]
expect_grep '^Retry-After: [1-9][0-9]*' "$T/login.hdr"
expect_clean_stop

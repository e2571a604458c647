# The web application's door: a login sets a fresh HttpOnly session
# cookie and lands on the dashboard; a wrong password does not; pages
# need a login; logout ends the session on the server (the old cookie
# opens nothing); security headers on every page; only a change of the
# data (not a login or a session) rebuilds the feeds.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

TODAY=2023-08-20
initdb
web_users
start_server $TODAY

expect "/app/ without a login redirects to the login page" \
    [ "$(code "$BASE/app/")" = 303 ]
curl -s -D "$T/anon.hdr" -o /dev/null "$BASE/app/"
expect_grep 'Location: /app/login?next=%2Fapp%2F' "$T/anon.hdr"

expect "a wrong password is refused (422)" \
    [ "$(web_login editor 'not the password')" = 422 ]
expect_grep 'Email hoặc mật khẩu không đúng' "$T/login.out"
expect_no_grep 'kyniem_session=[A-Za-z0-9_-]' "$T/login.hdr"

expect "the right password logs in (303)" [ "$(web_login editor)" = 303 ]
expect_grep 'Set-Cookie: kyniem_session=[A-Za-z0-9_-]\{43\}; Path=/app; Max-Age=604800; HttpOnly; SameSite=Lax' \
    "$T/login.hdr"
expect_grep 'Location: /app/' "$T/login.hdr"
cp "$T/editor.jar" "$T/old.jar"

expect "the dashboard opens (200)" \
    [ "$(web_get editor /app/ "$T/home.html")" = 200 ]
expect_grep '<h1>Tổng quan</h1>' "$T/home.html"
expect_grep 'Cần lên kế hoạch' "$T/home.html"
# The Japan 50th (21/9/2023) is a milestone within 90 days of 20/8/2023.
expect_grep '>Nhật Bản: 50 năm quan hệ ngoại giao</a>' "$T/home.html"
expect_grep 'activities/new?observance=relation:JP&amp;date=2023-09-21' \
    "$T/home.html"

curl -s -b "$T/editor.jar" -D "$T/page.hdr" -o /dev/null "$BASE/app/"
for h in 'Cache-Control: no-store' \
    "Content-Security-Policy: default-src 'self'; script-src 'self'" \
    "frame-ancestors 'none'" 'Referrer-Policy: no-referrer' \
    'X-Content-Type-Options: nosniff'; do
	expect_grep "$h" "$T/page.hdr"
done

expect "logout answers 303" [ "$(web_post editor /app/logout)" = 303 ]
expect_grep 'Location: /app/login' "$T/post.hdr"
expect "the old session cookie opens nothing after logout" \
    [ "$(curl -s -b "$T/old.jar" -o /dev/null -w '%{http_code}' "$BASE/app/")" = 303 ]
# Sessions, failed logins and the audit trail are not what feeds are made
# of: two polls later, nothing was rebuilt.  An activity is.
sleep 4.5
expect_no_grep 'feeds rebuilt' "$T/serve.err"
expect "an editor logs in again" [ "$(web_login editor)" = 303 ]
expect "and creates an activity" [ "$(web_post editor /app/activities \
    title=Họp start=2023-08-25 owners=editor@example.org)" = 303 ]
i=0
until grep -q 'feeds rebuilt' "$T/serve.err" || [ $i -ge 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect_grep 'feeds rebuilt' "$T/serve.err"
expect_clean_stop

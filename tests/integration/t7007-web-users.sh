# The users page: an admin adds an account, whose one-time link is shown
# on the page and mailed through a real SMTP server; the link lets the
# person choose a password and log in.  A role change holds at the next
# request; disabling ends the account's session at once and enabling
# lets it log in again; a reset (from the page and from `kyniem user
# reset`) makes a new link, kills the old one, and ends the password and
# the sessions at once.
# The last enabled admin cannot disable or demote itself.  Bad input is a
# 422 with nothing added.  No token is in the audit trail or the log.
# A mailed link is built from [server] base_url whatever Host a request
# names; without base_url no link is mailed (the page says why), from the
# page or from `kyniem user`.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
smtp_conf
PORT=$(free_port)
printf '[server]\nbase_url = http://127.0.0.1:%s/\n' "$PORT" >>"$T/kyniem.conf"
web_users
start_smtpd
start_server 2023-08-20
[ "$(web_login admin)" = 303 ] || die "admin cannot log in"
NEWPW='một mật khẩu đủ dài'

# user_id EMAIL: the account's number on the users page.
user_id() {
	web_get admin /app/users "$T/users.html" >/dev/null
	grep "<td>$1</td>" "$T/users.html" |
	    sed -n 's|.*action="/app/users/\([0-9]*\)/role".*|\1|p'
}
# session_of JAR: the session cookie in a curl jar (a request naming
# another Host gets no cookie from the jar: curl matches that Host).
session_of() { awk '$6 == "kyniem_session" { print $7 }' "$1"; }
# wait_mail N: until N messages arrived (the server's sender mails the
# links the pages queue), 10 s at most.
wait_mail() {
	_w=0
	while [ "$(count_arrived)" -lt "$1" ] && [ $_w -lt 100 ]; do
		sleep 0.1
		_w=$((_w + 1))
	done
}
# link_of FILE: the one-time link a page shows.
link_of() { sed -n 's/.*id="link" readonly value="\([^"]*\)".*/\1/p' "$1"; }

expect "the users page opens" \
    [ "$(web_get admin /app/users "$T/users.html")" = 200 ]
expect_grep '<td>admin@example.org</td><td>Quản trị</td><td>Đang hoạt động</td>' \
    "$T/users.html"

# Bad input: nothing is added.
expect "a bad account is refused (422)" [ "$(web_post admin /app/users \
    email=nope name= role=boss)" = 422 ]
expect_grep 'id="e-email">Địa chỉ email không hợp lệ' "$T/post.html"
expect_grep 'id="e-name">Chưa điền mục này' "$T/post.html"
expect_grep 'Hãy chọn một vai trò' "$T/post.html"
expect "an existing address is refused (422)" [ "$(web_post admin \
    /app/users email=Editor@Example.org name=X role=viewer)" = 422 ]
expect_grep 'Đã có tài khoản với địa chỉ này' "$T/post.html"
"$KYNIEM" user list >"$T/ul0"
expect "still three accounts" [ "$(wc -l <"$T/ul0")" -eq 3 ]

# A new account: the link on the page and in the mail.
expect "an account is added (200, the link page)" [ "$(web_post admin \
    /app/users email=new@example.org 'name=Lê <b>Mới</b>' role=editor)" = 200 ]
cp "$T/post.html" "$T/added.html"
link=$(link_of "$T/added.html")
expect "the page shows the link ($link)" \
    [ "${link%%\?*}" = "$BASE/app/password" ]
expect_grep 'Đã tạo tài khoản' "$T/added.html"
expect_grep 'Lê &lt;b&gt;Mới&lt;/b&gt;' "$T/added.html"
expect_grep 'Liên kết cũng được gửi qua thư điện tử' "$T/added.html"
wait_mail 1
expect "the mail carries the same link" "$PYTHON" - "$MAIL" "$link" <<'EOP'
import email, email.policy, glob, sys
paths = sorted(glob.glob(sys.argv[1] + "/msg-*.eml"))
assert len(paths) == 1, paths
m = email.message_from_bytes(open(paths[0], "rb").read(),
                             policy=email.policy.default)
assert m["To"].addresses[0].addr_spec == "new@example.org", m["To"]
assert sys.argv[2] in m.get_body(("plain",)).get_content()
EOP
"$KYNIEM" user list >"$T/ul1"
expect_grep '^new@example.org	editor	no password yet	Lê <b>Mới</b>$' "$T/ul1"

# The link's page sets the password; then the person logs in.
rm -f "$T/new.jar"
expect "the link opens" [ "$(curl -s -c "$T/new.jar" -o "$T/pw.html" \
    -w '%{http_code}' "$link")" = 200 ]
expect "the password is set (303)" [ "$(curl -s -b "$T/new.jar" \
    -c "$T/new.jar" -H "Origin: $BASE" -o /dev/null -w '%{http_code}' \
    --data-urlencode "token=${link#*token=}" \
    --data-urlencode "password=$NEWPW" --data-urlencode "password2=$NEWPW" \
    --data-urlencode "csrf=$(csrf_of "$T/pw.html")" "$BASE/app/password")" = 303 ]
expect "the link is used up" \
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$link")" = 404 ]
expect "the new account logs in" [ "$(web_login new "$NEWPW")" = 303 ]
expect "and opens the activity form as an editor" \
    [ "$(web_get new /app/activities/new "$T/r.html")" = 200 ]
expect "but not the users page" \
    [ "$(web_get new /app/users "$T/r.html")" = 403 ]

# A role change holds at the next request.
id=$(user_id new@example.org)
expect "the account has a number ($id)" [ -n "$id" ]
expect "the role is changed (303)" \
    [ "$(web_post admin "/app/users/$id/role" role=viewer)" = 303 ]
expect_grep 'Location: /app/users' "$T/post.hdr"
web_get admin /app/users "$T/users.html" >/dev/null
expect_grep '<p class="flash" role="status">Đã thay đổi vai trò của tài khoản.</p>' \
    "$T/users.html"
expect "a viewer now: no activity form" \
    [ "$(web_get new /app/activities/new "$T/r.html")" = 403 ]

# Disabling ends the session at once; enabling lets it log in again.
expect "the account is disabled (303)" \
    [ "$(web_post admin "/app/users/$id/disable")" = 303 ]
expect "its session stops at once" \
    [ "$(web_get new /app/ "$T/r.html")" = 303 ]
expect "it cannot log in" [ "$(web_login new "$NEWPW")" = 422 ]
web_get admin /app/users "$T/users.html" >/dev/null
expect_grep '<td>new@example.org</td><td>Xem</td><td>Đã khóa</td>' \
    "$T/users.html"
expect "a disabled account gets no link (409)" \
    [ "$(web_post admin "/app/users/$id/reset")" = 409 ]
expect "the account is enabled (303)" \
    [ "$(web_post admin "/app/users/$id/enable")" = 303 ]
expect "it logs in again" [ "$(web_login new "$NEWPW")" = 303 ]

# set_password LINK PASSWORD: choose the password through a link's
# page (the status of the POST).
set_password() {
	rm -f "$T/pw.jar"
	curl -s -c "$T/pw.jar" -o "$T/pw.html" "$1"
	curl -s -b "$T/pw.jar" -c "$T/pw.jar" -H "Origin: $BASE" -o /dev/null \
	    -w '%{http_code}' --data-urlencode "token=${1#*token=}" \
	    --data-urlencode "password=$2" --data-urlencode "password2=$2" \
	    --data-urlencode "csrf=$(csrf_of "$T/pw.html")" "$BASE/app/password"
}

# A reset: a new link, and at once the old password stops working and
# the account's sessions end (before, both went on until the link was
# used: a reset did not shut out whoever had the password).
expect "the account's session works before the reset" \
    [ "$(web_get new /app/ "$T/r.html")" = 200 ]
web_get admin /app/users "$T/users.html" >/dev/null
expect_grep 'data-confirm="Tạo liên kết đặt mật khẩu mới cho new@example.org? Mật khẩu hiện tại ngừng hoạt động' \
    "$T/users.html"
expect "a new link is made (200)" \
    [ "$(web_post admin "/app/users/$id/reset")" = 200 ]
expect_grep 'Mật khẩu cũ và liên kết cũ không còn dùng được' "$T/post.html"
link2=$(link_of "$T/post.html")
expect "another link ($link2)" [ -n "$link2" ]
expect "not the old one" [ "$link2" != "$link" ]
expect "the account's session ends at once" \
    [ "$(web_get new /app/ "$T/r.html")" = 303 ]
expect "the old password no longer logs in" \
    [ "$(web_login new "$NEWPW")" = 422 ]
"$KYNIEM" user list >"$T/ul-reset"
expect_grep '^new@example.org	viewer	no password yet	' "$T/ul-reset"
expect "the new link opens" \
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$link2")" = 200 ]
wait_mail 2
expect "two mails arrived" [ "$(count_arrived)" -eq 2 ]
NEWPW2='mật khẩu mới sau khi đặt lại'
expect "the new link sets a password (303)" \
    [ "$(set_password "$link2" "$NEWPW2")" = 303 ]
expect "the new password logs in" [ "$(web_login new "$NEWPW2")" = 303 ]

# The same from the command line: `kyniem user reset`.
expect "kyniem user reset" "$KYNIEM" user reset new@example.org \
    >"$T/reset.out"
expect_grep 'no longer works and its sessions have ended' "$T/reset.out"
expect_grep '^the link was mailed to new@example.org$' "$T/reset.out"
link3=$(grep '/app/password?token=' "$T/reset.out")
expect "the command prints base_url's link ($link3)" \
    [ "${link3%%\?*}" = "$BASE/app/password" ]
wait_mail 3
expect "three mails arrived" [ "$(count_arrived)" -eq 3 ]
expect "the session ends at once" \
    [ "$(web_get new /app/ "$T/r.html")" = 303 ]
expect "the password no longer logs in" \
    [ "$(web_login new "$NEWPW2")" = 422 ]
expect "the printed link sets a password" \
    [ "$(set_password "$link3" "$NEWPW")" = 303 ]
expect "which logs in" [ "$(web_login new "$NEWPW")" = 303 ]

# A reset asked for under another Host: the mailed link is base_url's.
c=$(curl -s -b "kyniem_session=$(session_of "$T/admin.jar")" \
    -H 'Host: evil.example' \
    -H "Origin: $BASE" -o "$T/post.html" -w '%{http_code}' \
    --data-urlencode "csrf=$(web_csrf admin)" "$BASE/app/users/$id/reset")
expect "a reset with Host: evil.example (200: $c)" [ "$c" = 200 ]
expect_grep 'Liên kết cũng được gửi qua thư điện tử' "$T/post.html"
wait_mail 4
expect "four mails arrived" [ "$(count_arrived)" -eq 4 ]
expect "every mailed link is base_url's" "$PYTHON" - "$MAIL" "$BASE" <<'EOP'
import email, email.policy, glob, re, sys
paths = sorted(glob.glob(sys.argv[1] + "/msg-*.eml"))
assert len(paths) == 4, paths
for p in paths:
    raw = open(p, "rb").read()
    assert b"evil" not in raw, p
    m = email.message_from_bytes(raw, policy=email.policy.default)
    links = re.findall(r"\S+/app/password\?token=\S+",
                       m.get_body(("plain",)).get_content())
    assert len(links) == 1, links
    assert links[0].startswith(sys.argv[2] + "/app/password?token="), links
EOP
link4=$(link_of "$T/post.html")
expect_no_grep 'evil' "$T/post.html"
audit_n=$("$KYNIEM" audit | grep -c '	user.reset	user:new@example.org	')
expect "the three resets are in the trail ($audit_n)" [ "$audit_n" = 3 ]

# The last enabled admin stays one.
expect "the last admin cannot disable itself (409)" \
    [ "$(web_post admin /app/users/1/disable)" = 409 ]
expect_grep 'tài khoản quản trị cuối cùng' "$T/post.html"
expect "nor demote itself (409)" \
    [ "$(web_post admin /app/users/1/role role=editor)" = 409 ]
"$KYNIEM" user list >"$T/ul2"
expect_grep '^admin@example.org	admin	active' "$T/ul2"
expect "the admin session still works" \
    [ "$(web_get admin /app/users "$T/r.html")" = 200 ]
eid=$(user_id editor@example.org)
expect "the editor becomes an admin" \
    [ "$(web_post admin "/app/users/$eid/role" role=admin)" = 303 ]
expect "now the first admin may step down (303)" \
    [ "$(web_post admin /app/users/1/role role=editor)" = 303 ]
expect_grep 'Location: /app/' "$T/post.hdr"
expect "and no longer opens the users page" \
    [ "$(web_get admin /app/users "$T/r.html")" = 403 ]

# The trail has every change and no token; nor has the log.
"$KYNIEM" audit >"$T/audit"
for a in user.add user.role user.disable user.enable user.reset; do
	expect_grep "	$a	user:new@example.org	" "$T/audit"
done
expect_grep '	user.role	user:new@example.org	{.*"role":"editor".*} -> {.*"role":"viewer".*}' \
    "$T/audit"
for l in "$link" "$link2"; do
	expect_no_grep "${l#*token=}" "$T/audit"
	expect_no_grep "${l#*token=}" "$T/serve.err"
done
[ "$(web_login editor)" = 303 ] || die "editor cannot log in"
expect "the audit page opens for the new admin" \
    [ "$(web_get editor /app/audit "$T/audit.html")" = 200 ]
expect_grep '<th scope="row">Đã khóa</th><td>Không</td><td>Có</td>' \
    "$T/audit.html"
expect_grep '<td>Đổi vai trò</td><td>user:' \
    "$T/audit.html"
expect_clean_stop

# Without base_url, no link is mailed, whatever the request's Host (the
# page's own link is the one this browser used, for the admin to pass
# on), and the users page says why.
sed -i '/^\[server\]$/d; /^base_url = /d' "$T/kyniem.conf"
expect_no_grep 'base_url' "$T/kyniem.conf"
start_server 2023-08-20
expect "the users page opens" \
    [ "$(web_get editor /app/users "$T/users.html")" = 200 ]
expect_grep 'Liên kết đặt mật khẩu sẽ không được gửi qua thư: máy chủ chưa đặt' \
    "$T/users.html"
expect_grep '\[server\] base_url' "$T/users.html"
before=$(count_arrived)
c=$(curl -s -b "kyniem_session=$(session_of "$T/editor.jar")" \
    -H 'Host: evil.example' \
    -H 'Origin: http://evil.example' -o "$T/post.html" -w '%{http_code}' \
    --data-urlencode "csrf=$(web_csrf editor)" "$BASE/app/users/$id/reset")
expect "a reset with Host: evil.example, no base_url (200: $c)" [ "$c" = 200 ]
expect_grep 'Liên kết không được gửi qua thư vì máy chủ chưa đặt địa chỉ của trang (\[server\] base_url)' \
    "$T/post.html"
sleep 0.5
expect "no mail was sent ($(count_arrived) after $before)" \
    [ "$(count_arrived)" -eq "$before" ]
c=$(curl -s -b "$T/editor.jar" -c "$T/editor.jar" -o "$T/post.html" \
    -w '%{http_code}' --data-urlencode "email=nobase@example.org" \
    --data-urlencode "name=Không base" --data-urlencode role=viewer \
    -H "Origin: $BASE" --data-urlencode "csrf=$(web_csrf editor)" \
    "$BASE/app/users")
expect "an account added without base_url (200: $c)" [ "$c" = 200 ]
expect_grep 'Liên kết không được gửi qua thư' "$T/post.html"
expect_grep "value=\"$BASE/app/password?token=" "$T/post.html"
# The English page says it in English.
curl -s -b "$T/editor.jar" -b kyniem_lang=en -o "$T/users.en.html" \
    "$BASE/app/users"
expect_grep 'Password links will not be mailed' "$T/users.en.html"
# The command line prints the link and says why it did not mail it.
expect "kyniem user reset, no base_url" "$KYNIEM" user reset \
    new@example.org >"$T/reset2.out" 2>"$T/reset2.err"
expect_grep 'the link was not mailed: \[server\] base_url' "$T/reset2.err"
expect_no_grep 'was mailed' "$T/reset2.out"
expect "still no mail ($(count_arrived) after $before)" \
    [ "$(count_arrived)" -eq "$before" ]
expect_audit_json
expect_clean_stop

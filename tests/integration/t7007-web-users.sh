# The users page: an admin adds an account, whose one-time link is shown
# on the page and mailed through a real SMTP server; the link lets the
# person choose a password and log in.  A role change holds at the next
# request; disabling ends the account's session at once and enabling
# lets it log in again; a reset makes a new link and kills the old one.
# The last enabled admin cannot disable or demote itself.  Bad input is a
# 422 with nothing added.  No token is in the audit trail or the log.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
smtp_conf
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
expect_grep 'Location: /app/users?msg=role-changed' "$T/post.hdr"
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

# A reset: a new link; the old password works until a new one is set.
expect "a new link is made (200)" \
    [ "$(web_post admin "/app/users/$id/reset")" = 200 ]
link2=$(link_of "$T/post.html")
expect "another link ($link2)" [ -n "$link2" ]
expect "not the old one" [ "$link2" != "$link" ]
expect "the new link opens" \
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$link2")" = 200 ]
wait_mail 2
expect "two mails arrived" [ "$(count_arrived)" -eq 2 ]

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
expect_grep 'Location: /app/?msg=role-changed' "$T/post.hdr"
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
expect_grep '<th scope="row">disabled</th><td>false</td><td>true</td>' \
    "$T/audit.html"
expect_grep 'Đổi vai trò<br><code class="muted">user.role</code>' \
    "$T/audit.html"
expect_clean_stop

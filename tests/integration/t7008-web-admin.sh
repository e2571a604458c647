# The admin pages against a real server: each renders for an admin; an
# editor and a viewer get 403 on every admin route, GET and POST (with a
# valid CSRF token), and nothing changes; the outbox is the admins' only.
# Recipients: add, bad input (422, per field, nothing added), edit,
# remove, as `kyniem recipient list` and `kyniem audit` see them, markup
# in a name escaped; the audit page shows the changes and pages back.  An
# empty email on the login form is a 422, not a crash.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

initdb
web_users
start_server 2023-08-20
for w in admin editor viewer; do
	[ "$(web_login $w)" = 303 ] || die "$w cannot log in"
done

# Every admin page renders for an admin, with its heading.
for page in 'recipients:Người nhận' 'import:Nhập dữ liệu' \
    'users:Người dùng' 'audit:Nhật ký thay đổi' 'outbox:Hộp thư đi'; do
	expect "/app/${page%%:*} opens for an admin" \
	    [ "$(web_get admin "/app/${page%%:*}" "$T/${page%%:*}.html")" = 200 ]
	expect_grep "<h1>${page#*:}</h1>" "$T/${page%%:*}.html"
done
expect_grep 'href="/app/audit"' "$T/users.html"

# Roles are the server's: editor and viewer are refused every admin
# route, whatever the navigation shows.
admin_gets='/app/recipients /app/recipients/edit?email=x%40example.org
/app/import /app/users /app/audit'
admin_posts='/app/recipients /app/recipients/edit?email=x%40example.org
/app/recipients/remove?email=x%40example.org /app/import /app/users
/app/users/1/disable /app/users/1/enable /app/users/1/reset /app/users/1/role'
for w in editor viewer; do
	for p in $admin_gets; do
		expect "$w: GET $p is 403" \
		    [ "$(web_get $w "$p" "$T/r.html")" = 403 ]
	done
	for p in $admin_posts; do
		expect "$w: POST $p is 403" [ "$(web_post $w "$p" \
		    email=x@example.org name=X lang=vi follows=milestones \
		    role=admin)" = 403 ]
	done
done
expect_grep 'không có quyền' "$T/post.html"
expect_no_grep 'href="/app/users"' "$T/r.html"
"$KYNIEM" recipient list >"$T/rl0"
expect "the refused posts added no recipient" [ ! -s "$T/rl0" ]
"$KYNIEM" user list >"$T/ul0"
expect_grep '^admin@example.org	admin	active' "$T/ul0"
expect "an editor may not open the outbox" \
    [ "$(web_get editor /app/outbox "$T/r.html")" = 403 ]
expect "a viewer may not open the outbox" \
    [ "$(web_get viewer /app/outbox "$T/r.html")" = 403 ]
expect "a viewer may not retry a message" \
    [ "$(web_post viewer /app/outbox/1/retry)" = 403 ]
expect "without a login an admin page redirects to the login" \
    [ "$(web_get anon /app/users "$T/r.html")" = 303 ]

# Recipients.
xss='<script>alert(1)</script>'
expect "a recipient is added (303)" [ "$(web_post admin /app/recipients \
    email=an@example.org "name=Nguyễn An $xss" lang=en \
    'follows=kind:relation,country:JP')" = 303 ]
expect_grep 'Location: /app/recipients' "$T/post.hdr"
"$KYNIEM" recipient list >"$T/rl1"
expect_grep "^an@example.org	Nguyễn An $xss	en	kind:relation,country:JP\$" \
    "$T/rl1"
web_get admin '/app/recipients' "$T/rec.html" >/dev/null
expect_grep 'Đã thêm người nhận' "$T/rec.html"
expect_grep 'Nguyễn An &lt;script&gt;alert(1)&lt;/script&gt;' "$T/rec.html"
expect_no_grep '<script>alert' "$T/rec.html"

expect "a bad recipient is refused (422)" [ "$(web_post admin \
    /app/recipients 'email=not an address' name= lang=vi \
    follows=kind:nope)" = 422 ]
expect_grep 'id="e-email">Địa chỉ email không hợp lệ' "$T/post.html"
expect_grep 'id="e-name">Chưa điền mục này' "$T/post.html"
expect_grep 'id="e-follows">Danh sách theo dõi không hợp lệ' "$T/post.html"
expect_grep 'value="not an address"' "$T/post.html"
expect "the same address twice is refused (422)" [ "$(web_post admin \
    /app/recipients email=an@example.org name=An lang=vi \
    follows=milestones)" = 422 ]
expect_grep 'Đã có người nhận với địa chỉ này' "$T/post.html"
"$KYNIEM" recipient list >"$T/rl2"
expect_diff "$T/rl1" "$T/rl2"

expect "the edit form opens" [ "$(web_get admin \
    '/app/recipients/edit?email=an%40example.org' "$T/edit.html")" = 200 ]
expect_grep 'value="kind:relation,country:JP"' "$T/edit.html"
expect "what a recipient follows is changed (303)" [ "$(web_post admin \
    '/app/recipients/edit?email=an%40example.org' 'name=Nguyễn An' \
    lang=vi follows=milestones)" = 303 ]
"$KYNIEM" recipient list >"$T/rl3"
expect_grep '^an@example.org	Nguyễn An	vi	milestones$' "$T/rl3"
expect "an unknown recipient's edit form is a 404" [ "$(web_get admin \
    '/app/recipients/edit?email=zz%40example.org' "$T/r.html")" = 404 ]

expect "a second recipient is added" [ "$(web_post admin /app/recipients \
    email=binh+tin@example.org 'name=Trần Bình' lang=vi \
    follows=milestones)" = 303 ]
web_get admin /app/recipients "$T/rec.html" >/dev/null
expect_grep 'action="/app/recipients/remove?email=binh%2Btin%40example.org"' \
    "$T/rec.html"
expect_grep 'data-confirm="Xóa người nhận binh+tin@example.org?"' \
    "$T/rec.html"
expect "a recipient is removed (303)" [ "$(web_post admin \
    '/app/recipients/remove?email=binh%2Btin%40example.org')" = 303 ]
expect_grep 'Location: /app/recipients' "$T/post.hdr"
web_get admin /app/recipients "$T/rec5.html" >/dev/null
expect_grep 'Đã xóa người nhận' "$T/rec5.html"
"$KYNIEM" recipient list >"$T/rl4"
expect_no_grep '^binh' "$T/rl4"
expect_grep '^an@example.org' "$T/rl4"
expect "removing it again is a 404" [ "$(web_post admin \
    '/app/recipients/remove?email=binh%2Btin%40example.org')" = 404 ]

"$KYNIEM" audit >"$T/audit"
expect_grep '	admin@example.org	recipient.add	recipient:an@example.org	- -> {"email":"an@example.org","name":"Nguy.*<script>alert(1)</script>","lang":"en","follows":"kind:relation,country:JP"}' \
    "$T/audit"
expect_grep '	admin@example.org	recipient.edit	recipient:an@example.org	{.*"follows":"kind:relation,country:JP"} -> {.*"follows":"milestones"}' \
    "$T/audit"
expect_grep '	admin@example.org	recipient.remove	recipient:binh+tin@example.org	{"email":"binh+tin@example.org".*} -> -' \
    "$T/audit"

# The audit page: the changes, newest first, what changed in a table.
expect "the audit page opens" \
    [ "$(web_get admin /app/audit "$T/audit.html")" = 200 ]
expect_grep '<td>Xóa người nhận</td><td>recipient:binh+tin@example.org' \
    "$T/audit.html"
expect_grep '<th scope="row">Theo dõi</th><td>kind:relation,country:JP</td><td>milestones</td>' \
    "$T/audit.html"
expect_grep '<th scope="row">Tên</th><td><span class="muted">—</span></td><td>Nguyễn An &lt;script&gt;' \
    "$T/audit.html"
expect_no_grep '<script>alert' "$T/audit.html"
expect "newest first" [ "$(grep -o '<td>[^<]* người nhận</td>' \
    "$T/audit.html" | head -n 1)" = '<td>Xóa người nhận</td>' ]
# Fifty entries a page: more make a link to the older ones.
for i in $(seq 26); do
	"$KYNIEM" user disable viewer@example.org >/dev/null &&
	    "$KYNIEM" user enable viewer@example.org >/dev/null ||
	    die "kyniem user disable/enable"
done
web_get admin /app/audit "$T/audit1.html" >/dev/null
expect "50 entries on the first page" \
    [ "$(grep -c '^<tr><td class="date">' "$T/audit1.html")" -eq 50 ]
older=$(sed -n 's|.*<a href="\(/app/audit?before=[0-9]*\)">Cũ hơn.*|\1|p' \
    "$T/audit1.html")
expect "a link to older entries ($older)" [ -n "$older" ]
expect "the older page opens" \
    [ "$(web_get admin "$older" "$T/audit2.html")" = 200 ]
expect_grep '<td>Thêm người nhận</td>' "$T/audit2.html"
expect_no_grep '<td>Thêm người nhận</td>' "$T/audit1.html"

# An empty email on the login form: a 422 page, and the server lives on.
expect "an empty email at login is refused (422)" \
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$T/anon.jar" \
    -c "$T/anon.jar" -H "Origin: $BASE" --data-urlencode email= \
    --data-urlencode password=x --data-urlencode "csrf=$(web_csrf anon)" \
    "$BASE/app/login")" = 422 ]
expect "the server still answers" [ "$(code "$BASE/healthz")" = 200 ]
expect_audit_json
expect_clean_stop

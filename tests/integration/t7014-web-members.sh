# Đơn vị thành viên in the web application: a viewer reads the list, an
# editor adds, edits and removes members (a bad key marked on its field,
# a member activities are credited to kept, each change in the audit
# trail), and the activity form credits an activity to a member and
# records its aid, budget and the report's sentence, which its page
# shows.  Through a real server.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
web_users
TODAY=2023-08-20
K member add vn-lao --name 'Hội hữu nghị Việt Nam – Lào tỉnh' --kind bilateral ||
    die "member add"
start_server $TODAY
[ "$(web_login editor)" = 303 ] || die "editor cannot log in"
[ "$(web_login viewer)" = 303 ] || die "viewer cannot log in"

expect "the viewer reads the members" \
    [ "$(web_get viewer /app/members "$T/v.html")" = 200 ]
expect_grep '<td><code>vn-lao</code></td><td>Hội hữu nghị Việt Nam – Lào tỉnh</td><td>Hội hữu nghị song phương</td>' \
    "$T/v.html"
expect_no_grep 'name="key"' "$T/v.html"
expect_grep 'href="/app/members"' "$T/v.html"
expect "the viewer cannot add (403)" [ "$(web_post viewer /app/members \
    key=vn-nga name=X kind=other)" = 403 ]

# The editor: a bad key is marked, nothing saved; then a good one.
expect "the editor's list has the form" \
    [ "$(web_get editor /app/members "$T/e.html")" = 200 ]
expect_grep 'name="key"' "$T/e.html"
expect "a bad key is refused (422)" [ "$(web_post editor /app/members \
    'key=Hội Nga' 'name=Hội hữu nghị Việt Nam – Nga' kind=bilateral)" = 422 ]
expect_grep '<p class="error" id="e-key">Mã chỉ gồm chữ thường không dấu' \
    "$T/post.html"
expect_grep 'value="Hội hữu nghị Việt Nam – Nga"' "$T/post.html"
expect "a taken key is refused (422)" [ "$(web_post editor /app/members \
    key=vn-lao name=X kind=other)" = 422 ]
expect_grep 'Đã có đơn vị thành viên với mã “vn-lao”' "$T/post.html"
expect "nothing was saved" [ "$(K member list | wc -l)" -eq 1 ]
expect "a member is added (303)" [ "$(web_post editor /app/members \
    key=vn-nga 'name=Hội hữu nghị Việt Nam – Nga <tỉnh>' kind=bilateral)" = 303 ]
web_get editor /app/members "$T/e2.html" >/dev/null
expect_grep 'Đã thêm đơn vị thành viên.' "$T/e2.html"
expect_grep 'Hội hữu nghị Việt Nam – Nga &lt;tỉnh&gt;' "$T/e2.html"
expect "its edit form opens" [ "$(web_get editor \
    '/app/members/edit?key=vn-nga' "$T/edit.html")" = 200 ]
expect_grep '<option value="bilateral" selected>' "$T/edit.html"
expect "an unknown member's form is a 404" [ "$(web_get editor \
    '/app/members/edit?key=nope' "$T/404.html")" = 404 ]
expect "the edit is saved (303)" [ "$(web_post editor \
    '/app/members/edit?key=vn-nga' 'name=Hội hữu nghị Việt Nam – Nga' \
    kind=multilateral)" = 303 ]
K member list >"$T/list"
expect_grep '^vn-nga	multilateral	Hội hữu nghị Việt Nam – Nga$' "$T/list"

# The activity form: the members to choose from, aid, budget, sentence.
web_get editor /app/activities/new "$T/new.html" >/dev/null
expect_grep '<select id="f-member" name="member"><option value="" selected>(hoạt động của Liên hiệp)</option><option value="vn-lao">Hội hữu nghị Việt Nam – Lào tỉnh</option><option value="vn-nga">Hội hữu nghị Việt Nam – Nga</option></select>' \
    "$T/new.html"
for f in amount currency budget report_text; do
	expect_grep "name=\"$f\"" "$T/new.html"
done
expect "aid on other work is refused (422)" [ "$(web_post editor \
    /app/activities title='Giao lưu' start=2023-09-02 category=other \
    amount=5 currency=EUR)" = 422 ]
expect_grep '<p class="error" id="e-amount">Chỉ hoạt động loại công tác phi chính phủ' \
    "$T/post.html"
expect "an unknown member is refused (422)" [ "$(web_post editor \
    /app/activities title='Giao lưu' start=2023-09-02 member=vn-duc)" = 422 ]
expect_grep 'Không có đơn vị thành viên với mã “vn-duc”' "$T/post.html"
expect "nothing was saved" [ -z "$(K activity list)" ]
expect "an activity of a member is created (303)" [ "$(web_post editor \
    /app/activities title='Gặp mặt lưu học sinh Lào' start=2023-09-02 \
    category=annual member=vn-lao budget=25000000 \
    'report_text=Hội hữu nghị Việt Nam – Lào tổ chức gặp mặt.')" = 303 ]
loc=$(sed -n 's/^Location: //p' "$T/post.hdr" | tr -d '\r')
expect "an NGO activity with its aid is created (303)" [ "$(web_post editor \
    /app/activities title='Vận động tài trợ' start=2023-09-03 \
    category=ngo amount=149814 currency=usd)" = 303 ]
K activity list --csv >"$T/acts.csv"
expect_grep ',annual,,,,,vn-lao,,,25000000,Hội hữu nghị Việt Nam – Lào tổ chức gặp mặt\.,no' "$T/acts.csv"
expect_grep ',ngo,,,,,,149814,USD,,,no' "$T/acts.csv"
expect "the viewer sees the activity" \
    [ "$(web_get viewer "${loc%%\?*}" "$T/page.html")" = 200 ]
expect_grep '<dt>Đơn vị thành viên</dt><dd>Hội hữu nghị Việt Nam – Lào tỉnh</dd>' \
    "$T/page.html"
expect_grep '<dt>Kinh phí dự kiến</dt><dd>25.000.000 đồng</dd>' "$T/page.html"
expect_grep '<dt>Câu viết trong báo cáo</dt><dd>Hội hữu nghị Việt Nam – Lào tổ chức gặp mặt.</dd>' \
    "$T/page.html"
id=$(K activity list | grep 'Vận động' | cut -f1)
web_get viewer "/app/activities/$id" "$T/ngo.html" >/dev/null
expect_grep '<dt>Tài trợ vận động được</dt><dd>149.814 USD</dd>' "$T/ngo.html"

# A member credited with an activity stays; another goes.
expect "a member in use is kept (409)" [ "$(web_post editor \
    '/app/members/remove?key=vn-lao')" = 409 ]
expect_grep 'Đơn vị này đang được ghi ở 1 hoạt động' "$T/post.html"
expect "a member is removed (303)" [ "$(web_post editor \
    '/app/members/remove?key=vn-nga')" = 303 ]
K member list >"$T/list"
expect_diff - "$T/list" <<'EOC'
vn-lao	bilateral	Hội hữu nghị Việt Nam – Lào tỉnh
EOC
K audit >"$T/audit"
for a in member.add member.edit member.remove; do
	expect_grep "	editor@example.org	$a	member:vn-nga	" "$T/audit"
done
expect_audit_json
expect_clean_stop

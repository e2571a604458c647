# The outbox page with a real SMTP server: a message the server refuses
# (550) is shown failed with the reply escaped; retrying it on the page
# makes it pending and due, the page says it goes at the next run, and
# the next `kyniem remind` delivers it.  A sent message cannot be retried
# (409), an unknown one is a 404; the filter shows one state; the retry
# is in the audit trail.  The page is the admins': an editor gets 403.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
smtp_conf
web_users
# The first RCPT for binh is refused for good, the next accepted.
cat >"$T/rules" <<'EOC'
binh@example.org 550,250
EOC
start_smtpd --rules "$T/rules"

TODAY=2023-08-20
# The Japan 50th (21/9/2023) is a milestone within 90 days of the day.
K recipient add --email binh@example.org --name 'Trần <b>Bình</b>' \
    --follow country:JP || die "recipient add"
K recipient add --email an@example.org --name 'An' --follow country:JP ||
    die "recipient add"
expect "remind run 1" K --now ${TODAY}T07:00 remind >"$T/run1" 2>"$T/err1"
expect_grep '2 queued, 1 sent, 0 to retry, 1 failed' "$T/run1"
K outbox --failed >"$T/failed"
expect_grep '^failed	binh@example.org	.*550 5.1.1 mailbox unavailable' \
    "$T/failed"

start_server $TODAY
[ "$(web_login editor)" = 303 ] || die "editor cannot log in"
[ "$(web_login admin)" = 303 ] || die "admin cannot log in"
# The page shows people's addresses and the relay's replies: admins
# only, as README says (issue 21).
expect "an editor may not open the outbox (403)" \
    [ "$(web_get editor /app/outbox "$T/r.html")" = 403 ]
expect "an editor may not retry a message (403)" \
    [ "$(web_post editor /app/outbox/1/retry)" = 403 ]
web_get editor /app/ "$T/home.html" >/dev/null
expect_no_grep 'href="/app/outbox"' "$T/home.html"
expect "the outbox opens for an admin" \
    [ "$(web_get admin /app/outbox "$T/out.html")" = 200 ]
expect_grep 'Sắp đến: Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản' \
    "$T/out.html"
expect_grep '<td>binh@example.org</td><td><span class="badge">Không gửi được</span></td><td>1</td><td>Máy chủ thư từ chối thư này: địa chỉ người nhận có thể sai hoặc hộp thư không còn dùng.<details><summary>Chi tiết kỹ thuật</summary><code>550 5.1.1 mailbox unavailable</code>' \
    "$T/out.html"
expect_grep '<td>an@example.org</td><td><span class="badge">Đã gửi</span>' \
    "$T/out.html"
expect "one retry button, for the failed message" \
    [ "$(grep -c 'Gửi lại</button>' "$T/out.html")" -eq 1 ]
expect_grep 'gửi ở lần gửi tới' "$T/out.html"
expect_no_grep 'kyniem remind' "$T/out.html"
web_get admin '/app/outbox?state=failed' "$T/failed.html" >/dev/null
expect_grep 'binh@example.org' "$T/failed.html"
expect_no_grep 'an@example.org' "$T/failed.html"

id=$(sed -n 's|.*action="/app/outbox/\([0-9]*\)/retry".*|\1|p' "$T/out.html")
expect "the failed message has an id ($id)" [ -n "$id" ]
expect "retry it (303)" [ "$(web_post admin "/app/outbox/$id/retry")" = 303 ]
expect_grep 'Location: /app/outbox' "$T/post.hdr"
web_get admin /app/outbox "$T/out2.html" >/dev/null
expect_grep 'Thư sẽ được gửi lại ở lần gửi tới' "$T/out2.html"
expect_grep '<td>binh@example.org</td><td><span class="badge">Chờ gửi</span></td><td>0</td>' \
    "$T/out2.html"
K outbox >"$T/list"
expect_grep '^pending	binh@example.org	.*attempts=0' "$T/list"

# The next run sends it, to the real server.
expect "remind run 2" K --now ${TODAY}T09:00 remind >"$T/run2" 2>"$T/err2"
expect_grep '0 queued, 1 sent, 0 to retry, 0 failed' "$T/run2"
expect "binh's message arrived" \
    [ "$(arrived | cut -f1 | grep -c '^binh@example.org$')" -eq 1 ]
K outbox >"$T/list2"
expect_grep '^sent	binh@example.org' "$T/list2"

expect "a sent message cannot be retried (409)" \
    [ "$(web_post admin "/app/outbox/$id/retry")" = 409 ]
expect "an unknown message is a 404" \
    [ "$(web_post admin /app/outbox/99999/retry)" = 404 ]
K audit >"$T/audit"
expect_grep "	admin@example.org	outbox.retry	outbox:$id	{\"state\":\"failed\",\"attempts\":1,\"recipient\":\"binh@example.org\",.*\"last_error\":\"550 5.1.1 mailbox unavailable\"} -> {\"state\":\"pending\",\"attempts\":0}" \
    "$T/audit"
expect_audit_json
# A relay that cannot be reached is explained, in Vietnamese, with the
# technical message folded away.
sqlite3 "$T/kyniem.db" "UPDATE outbox SET state = 'failed', last_error = 'Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn''t connect to server' WHERE id = (SELECT max(id) FROM outbox)" ||
    die "sqlite3"
web_get admin '/app/outbox?state=failed' "$T/conn.html" >/dev/null
expect_grep 'Không kết nối được máy chủ thư (máy chủ không trả lời hoặc sai địa chỉ, cổng trong cấu hình) — báo quản trị viên.<details><summary>Chi tiết kỹ thuật</summary><code>Failed to connect' \
    "$T/conn.html"
curl -s -b "$T/admin.jar" -c "$T/admin.jar" -o /dev/null "$BASE/app/lang/en"
web_get admin '/app/outbox?state=failed' "$T/conn-en.html" >/dev/null
expect_grep 'Could not connect to the mail server' "$T/conn-en.html"
expect_clean_stop

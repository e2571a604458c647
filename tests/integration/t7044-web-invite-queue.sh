# Password links are mailed through the outbox by the server's sender,
# not from the request's thread (issue 21): with a real relay that
# stalls 6 s before answering each recipient, adding an account answers
# at once, the message waits in the outbox, and it arrives with the
# page's link once the relay answers; its text (the link) is wiped from
# the database once sent.  A new link replaces one still waiting; one
# that expired waiting is never sent and cannot be retried; `kyniem user
# reset` queues and sends through the same path.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
PORT=$(free_port)
cat >>"$T/kyniem.conf" <<EOC
[server]
base_url = http://127.0.0.1:$PORT
[smtp]
url = smtp://127.0.0.1:$SMTP_PORT
from = kyniem@example.org
starttls = off
timeout = 20
EOC
web_users
start_smtpd --delay 6
start_server 2023-08-20
[ "$(web_login admin)" = 303 ] || die "admin cannot log in"
q() { sqlite3 "$T/kyniem.db" "$1"; }
link_of() { sed -n 's/.*id="link" readonly value="\([^"]*\)".*/\1/p' "$1"; }

# The request answers while the relay stalls.
out=$(curl -s -b "$T/admin.jar" -c "$T/admin.jar" -H "Origin: $BASE" \
    -o "$T/added.html" -w '%{http_code} %{time_total}' \
    --data-urlencode email=lan@example.org --data-urlencode name=Lan \
    --data-urlencode role=editor --data-urlencode "csrf=$(web_csrf admin)" \
    "$BASE/app/users")
expect "the account is added (200; got ${out% *})" [ "${out% *}" = 200 ]
expect "the request did not wait for the relay (${out#* } s; it stalls 6 s)" \
    awk "BEGIN { exit !(${out#* } < 3) }"
expect_grep 'thư đã vào hộp thư đi và sẽ đến trong ít phút' "$T/added.html"
link=$(link_of "$T/added.html")
expect "the page shows the link" [ -n "$link" ]
expect "the message waits in the outbox" \
    [ "$(q "SELECT state FROM outbox WHERE recipient = 'lan@example.org'")" = pending ]
web_get admin /app/outbox "$T/outbox.html" >/dev/null
expect_grep '<td>Đặt mật khẩu tài khoản kyniem</td><td>lan@example.org</td><td><span class="badge">Chờ gửi</span>' \
    "$T/outbox.html"
# It arrives once the relay answers.
i=0
while [ "$(count_arrived)" -lt 1 ]; do
	i=$((i + 1))
	[ $i -lt 300 ] || break
	sleep 0.1
done
expect "the message arrived" [ "$(count_arrived)" -eq 1 ]
expect "with the page's link, to the account" "$PYTHON" - "$MAIL" "$link" <<'EOP'
import email, email.policy, glob, sys
paths = sorted(glob.glob(sys.argv[1] + "/msg-*.eml"))
m = email.message_from_bytes(open(paths[0], "rb").read(),
                             policy=email.policy.default)
assert m["To"].addresses[0].addr_spec == "lan@example.org", m["To"]
assert sys.argv[2] in m.get_body(("plain",)).get_content()
EOP
i=0
until [ "$(q "SELECT state FROM outbox WHERE recipient = 'lan@example.org'")" = sent ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || break
	sleep 0.1
done
expect "the row is sent, its text wiped" [ "$(q "SELECT state ||
    length(message) FROM outbox WHERE recipient = 'lan@example.org'")" = sent0 ]
expect "no token in the database" [ "$(q "SELECT count(*) FROM outbox
    WHERE instr(message, '${link#*token=}') > 0")" = 0 ]

# With the relay down, a new link replaces the one still waiting.
stop_smtpd
id=$(q "SELECT id FROM users WHERE email = 'lan@example.org'")
expect "a reset answers (200)" \
    [ "$(web_post admin "/app/users/$id/reset")" = 200 ]
expect "a second reset answers (200)" \
    [ "$(web_post admin "/app/users/$id/reset")" = 200 ]
q "SELECT state, coalesce(last_error, '-'), length(message) > 0 FROM outbox
    WHERE recipient = 'lan@example.org' ORDER BY id" >"$T/rows"
cat "$T/rows"
expect_grep '^failed|replaced by a newer link|0$' "$T/rows"
expect_grep '^pending|.*|1$' "$T/rows"
expect_clean_stop
# Two days later the waiting link has expired: never sent, text wiped.
expect "kyniem remind runs" "$KYNIEM" --today 2023-08-22 remind \
    >"$T/remind.out" 2>&1
expect "the expired link failed, its text wiped" [ "$(q "SELECT count(*)
    FROM outbox WHERE state = 'failed' AND length(message) = 0 AND
    last_error = 'the link expired before it could be sent'")" = 1 ]
expect "nothing is pending" \
    [ "$(q "SELECT count(*) FROM outbox WHERE state = 'pending'")" = 0 ]
expect "nothing more arrived" [ "$(count_arrived)" -eq 1 ]
start_server 2023-08-22
[ "$(web_login admin)" = 303 ] || die "admin cannot log in"
eid=$(q "SELECT id FROM outbox WHERE last_error LIKE 'the link expired%'")
expect "an expired link cannot be retried (409)" \
    [ "$(web_post admin "/app/outbox/$eid/retry")" = 409 ]

# The command line queues and sends through the outbox as well.
start_smtpd
expect "kyniem user reset mails the link" "$KYNIEM" --today 2023-08-22 \
    user reset lan@example.org >"$T/reset.out"
expect_grep '^the link was mailed to lan@example.org$' "$T/reset.out"
expect "it arrived" [ "$(count_arrived)" -eq 2 ]
expect_clean_stop

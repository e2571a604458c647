# kyniem remind over STARTTLS with AUTH against a real SMTP server
# (aiosmtpd requiring STARTTLS and AUTH, with a certificate made here by
# openssl): the message arrives over TLS after AUTH, and the password
# appears in no output, log or database.  A server that offers no
# STARTTLS gets nothing in plain text (no silent fall-back), a wrong
# password leaves the message pending, and it is sent once both are right.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
command -v openssl >/dev/null || die "openssl is missing"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=IP:127.0.0.1,DNS:localhost \
    -keyout "$T/key.pem" -out "$T/cert.pem" 2>"$T/openssl.log" ||
    { cat "$T/openssl.log"; die "openssl"; }
secret="s3cr3t-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$secret" >"$T/password"
printf 'wrong-%s\n' "$secret" >"$T/badpassword"
chmod 600 "$T/password" "$T/badpassword"
base=$(cat "$T/kyniem.conf")
conf() {	# conf PASSWORD_FILE [TIMEOUT]: STARTTLS required, AUTH
	{ printf '%s\n' "$base"; cat <<EOC; } >"$T/kyniem.conf"
[smtp]
url = smtp://127.0.0.1:$SMTP_PORT
from = kyniem@example.org
starttls = required
cafile = $T/cert.pem
username = kyniem
password_file = $1
timeout = ${2:-5}
EOC
}
TODAY=2023-07-01
known_owners an@example.org
K activity add --title 'Triển lãm ảnh 50 năm quan hệ Việt Nam – Nhật Bản' \
    --start 2023-09-18 --owner an@example.org --remind 7d >/dev/null ||
    die "activity add"

# A server without STARTTLS: nothing goes out in plain text.
conf "$T/password"
start_smtpd
# (A relay that cannot be used is a failure, exit 1, for monitoring.)
test_must_fail --status=1 K --now 2023-09-11T07:00 remind >"$T/run1" \
    2>"$T/err1"
expect_grep '1 queued, 0 sent, 1 to retry' "$T/run1"
expect_grep "to 'an@example.org' will be retried: .*STARTTLS" "$T/err1"
expect_grep 'the mail relay could not be reached or used; 1 message left' \
    "$T/err1"
expect "nothing sent without STARTTLS" [ "$(count_arrived)" -eq 0 ]
stop_smtpd

# STARTTLS and AUTH required; a wrong password keeps it pending.
start_smtpd --tls "$T/cert.pem" "$T/key.pem" --auth kyniem "$T/password"
# (aiosmtpd stalls after a failed AUTH; a short timeout keeps this fast.)
conf "$T/badpassword" 1
test_must_fail --status=1 K --now 2023-09-11T09:00 remind >"$T/run2" \
    2>"$T/err2"
expect_grep '0 queued, 0 sent, 1 to retry' "$T/run2"
expect_grep "to 'an@example.org' will be retried: " "$T/err2"
expect_grep 'AUTH .* refused' "$MAIL/log"
expect "nothing sent with a wrong password" [ "$(count_arrived)" -eq 0 ]

conf "$T/password"
expect "remind run 3" K --now 2023-09-11T12:00 remind >"$T/run3" 2>"$T/err3"
expect_grep '0 queued, 1 sent, 0 to retry, 0 failed' "$T/run3"
expect_grep 'AUTH .* ok' "$MAIL/log"
expect_grep 'DATA kyniem@example.org an@example.org tls=True auth=' "$MAIL/log"
expect "a well-formed message" arrived >"$T/arrived"
expect_grep 'Triển lãm ảnh 50 năm quan hệ Việt Nam – Nhật Bản	20230918$' \
    "$T/arrived"
expect "remind run 4" K --now 2023-09-12T07:00 remind >"$T/run4" 2>&1
expect_grep '0 queued, 0 sent, 0 to retry, 0 failed' "$T/run4"
K outbox >"$T/outbox" 2>&1

# The password is nowhere but in its file: not in any output, log,
# message or the database (and its WAL).
stop_smtpd
grep -r -l -a -F "$secret" "$T" >"$T/holders" || true
# It is found where it is (so the search works), and nowhere else.
expect_grep '/password$' "$T/holders"
grep -v -e '/password$' -e '/badpassword$' -e '/holders$' "$T/holders" \
    >"$T/leaks" || true
expect "the password in no output, log, message or database" \
    [ ! -s "$T/leaks" ]
cat "$T/leaks"
exit 0

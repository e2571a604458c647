# kyniem cluster fetch YEAR against a record server on loopback that is
# not kyniem (recordd.py): a member's record fetched with its token as
# "Authorization: Bearer" and kept; and what is refused, each naming the
# member and the reason with the database unchanged: a 20 MB body (cut
# off, not read whole), a self-signed certificate (TLS is verified), a
# wrong token (404), a redirect (not followed: the token would go
# along), a server that does not answer within [cluster] timeout,
# another union's record at the member's url, a record of another year.
# The token never reaches a message.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/recordlib.sh"

mkdir "$T/www"
glkey=$(member_key gl gia-lai) || die "gia-lai's key"
tool sign "$T/gl/kyniem.db.key" "$FIX" >"$T/www/gl-2023.json" ||
    die "sign the record"
tool set "$FIX" union.id '"quang-binh"' >"$T/qb.json"
tool sign "$T/gl/kyniem.db.key" "$T/qb.json" >"$T/www/qb-2023.json"
tool set "$FIX" year 2022 >"$T/y.json"
tool set "$T/y.json" next_year.year 2023 >"$T/y2.json"
tool sign "$T/gl/kyniem.db.key" "$T/y2.json" >"$T/www/gl-2022.json"

TOKEN=member-token-5f1c9a
recordd recordd "$T/www" "$TOKEN"
command -v openssl >/dev/null || die "openssl is missing"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
    -keyout "$T/key.pem" -out "$T/cert.pem" 2>"$T/openssl.log" ||
    { cat "$T/openssl.log"; die "openssl"; }
HP=$P HPID=$RPID
recordd recordd-tls "$T/www" "$TOKEN" --tls "$T/cert.pem" "$T/key.pem"
PS=$P SPID=$RPID P=$HP RPID=$HPID
trap 'kill $RPID $SPID 2>/dev/null || true' EXIT INT TERM

initdb
BASECONF=$(cat "$T/kyniem.conf")
# headconf URL TOKEN [TIMEOUT]: the head's config with gia-lai at URL.
headconf() {
	printf '%s\n[organisation]\nid = khanh-hoa\n[cluster]\nmembers = khanh-hoa, gia-lai, quang-binh\ntimeout = %s\n[cluster-member gia-lai]\nkey = %s\nurl = %s\ntoken = %s\n' \
	    "$BASECONF" "${3:-20}" "$glkey" "$1" "$2" >"$T/kyniem.conf"
}
refused() {	# refused MESSAGE
	state >"$T/before"
	test_must_fail_with --status=1 "gia-lai: $1" \
	    "$KYNIEM" --today 2024-01-10 cluster fetch 2023
	state >"$T/after"
	expect_diff "$T/before" "$T/after"
	expect_no_grep "$TOKEN" "$T/err"
}

headconf "http://127.0.0.1:$P/big/20971520" "$TOKEN"
refused "larger than the 10485760 bytes [cluster] max_bytes allows"
headconf "https://localhost:$PS/records/gl-{year}.json" "$TOKEN"
refused "SSL certificate problem"
headconf "http://127.0.0.1:$P/records/gl-{year}.json" wrong-token
refused "HTTP 404: no record there (a wrong token, or no [records] token on that server)"
asked=$(grep -c '^/records/gl-2023.json' "$T/www/requests.log")
headconf "http://127.0.0.1:$P/redirect/gl-{year}.json" "$TOKEN"
refused "HTTP 302"
expect "the refused redirect went nowhere" [ "$(grep -c \
    '^/records/gl-2023.json' "$T/www/requests.log")" -eq "$asked" ]
headconf "http://127.0.0.1:$P/slow" "$TOKEN" 2
# The whole fetch ends after its 2 s, however loaded the machine: curl
# says so in milliseconds, "after 2000" or a little more.
refused "Operation timed out after 2"
headconf "http://127.0.0.1:$P/records/qb-{year}.json" "$TOKEN"
refused "the record of 'quang-binh', not of 'gia-lai'"
headconf "http://127.0.0.1:$P/records/gl-2022.json" "$TOKEN"
refused "a record of 2022, not of 2023"

# The member's record, fetched with its token.
headconf "http://127.0.0.1:$P/records/gl-{year}.json" "$TOKEN"
"$KYNIEM" --today 2024-01-10 cluster fetch 2023 >"$T/out" 2>"$T/err" ||
    { cat "$T/err"; fail "cluster fetch"; }
expect_grep '^gia-lai: received$' "$T/out"
expect_grep "^/records/gl-2023.json Bearer $TOKEN\$" "$T/www/requests.log"
"$KYNIEM" cluster status 2023 >"$T/status"
expect_grep "^gia-lai	received 2024-01-10T08:00	made 2024-01-05T08:00:00+07:00	signed, pinned key	fetch http://127.0.0.1:$P/records/gl-2023.json\$" \
    "$T/status"
"$KYNIEM" --today 2024-01-10 cluster fetch 2023 >"$T/out" ||
    fail "cluster fetch again"
expect_grep '^gia-lai: already held, unchanged$' "$T/out"

# Without any url there is nothing to fetch.
printf '%s\n[cluster]\nmembers = khanh-hoa\n' "$BASECONF" >"$T/kyniem.conf"
test_must_fail_with --status=1 "no member has a url" \
    "$KYNIEM" cluster fetch 2023
kill $RPID $SPID
exit 0

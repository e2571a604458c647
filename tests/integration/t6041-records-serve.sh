# /records/YEAR.json from kyniem serve: with [records] token, last year's
# and this year's record, signed, to "Authorization: Bearer TOKEN" or
# ?token=TOKEN (the same bytes, valid against the JSON Schema, verified
# by python3-nacl); without the token, with a wrong one, or for another
# year, the same 404 as a path that does not exist; without [records]
# token the route does not exist at all.  `kyniem export` never writes a
# record to disk.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/recordlib.sh"
TOKEN=records-token-8c1e5a

initdb
"$KYNIEM" import "$DATA/seeds/gia-lai-2023/members.csv" \
    "$DATA/seeds/gia-lai-2023/activities.csv" >/dev/null || die "import"
"$KYNIEM" key init >/dev/null || die "key init"
KEY=$("$KYNIEM" key show | awk '{print $NF}')
BASECONF=$(cat "$T/kyniem.conf")
cat >>"$T/kyniem.conf" <<EOF
[organisation]
id = gia-lai
name = Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai
[records]
token = $TOKEN
EOF
start_server 2024-01-10

expect "with Bearer: 200" [ "$(fetch "$BASE/records/2023.json" "$T/bearer.json" \
    -H "Authorization: Bearer $TOKEN" -D "$T/bearer.hdr")" = 200 ]
expect_grep '^Content-Type: application/json' "$T/bearer.hdr"
expect "with ?token=: 200" [ "$(fetch "$BASE/records/2023.json?token=$TOKEN" \
    "$T/query.json")" = 200 ]
expect "the same record either way" cmp -s "$T/bearer.json" "$T/query.json"
expect "valid against the JSON Schema" \
    tool validate "$SRC/doc/record.schema.json" "$T/bearer.json"
expect "signed with the union's key (python3-nacl)" \
    tool verify "$T/bearer.json" "$KEY"
expect_grep '"id":"gia-lai"' "$T/bearer.json"
expect_grep '"year":2023,' "$T/bearer.json"
expect "this year's is there too" [ "$(code "$BASE/records/2024.json" \
    -H "Authorization: Bearer $TOKEN")" = 200 ]

# Everything else: the 404 of a path that does not exist.
fetch "$BASE/no/such/path" "$T/404.body" >/dev/null
for args in "" "-H Authorization:\ Bearer\ wrong" "-H Authorization:\ Basic\ $TOKEN"; do
	eval "set -- $args"
	expect "404 (${args:-no token})" \
	    [ "$(fetch "$BASE/records/2023.json" "$T/r.body" "$@")" = 404 ]
	expect "the body of any 404 (${args:-no token})" \
	    cmp -s "$T/404.body" "$T/r.body"
done
expect "404 with a wrong ?token=" [ "$(code \
    "$BASE/records/2023.json?token=${TOKEN}x")" = 404 ]
expect "404 for a token's prefix" [ "$(code \
    "$BASE/records/2023.json?token=records")" = 404 ]
expect "404 for another year" [ "$(code "$BASE/records/2021.json" \
    -H "Authorization: Bearer $TOKEN")" = 404 ]
expect "404 for another name" [ "$(code "$BASE/records/2023.xml" \
    -H "Authorization: Bearer $TOKEN")" = 404 ]
expect_clean_stop

# kyniem export leaves the records out.
"$KYNIEM" --today 2024-01-10 export --out "$T/site" 2>"$T/export.err" ||
    fail "kyniem export"
expect "no record on disk" [ ! -e "$T/site/records" ]
expect_grep "'/records/2023.json' with its token (private) not exported" \
    "$T/export.err"

# Without [records] token, no such route.
printf '%s\n[organisation]\nid = gia-lai\n' "$BASECONF" >"$T/kyniem.conf"
start_server 2024-01-10
expect "no token configured: 404 even with one" [ "$(code \
    "$BASE/records/2023.json" -H "Authorization: Bearer $TOKEN")" = 404 ]
expect "and with ?token=" [ "$(code \
    "$BASE/records/2023.json?token=$TOKEN")" = 404 ]
expect_clean_stop
exit 0

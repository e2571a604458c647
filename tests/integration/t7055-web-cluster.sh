# The Cụm page (/app/cluster) over HTTP: editors and admins of the head
# see the members, received or missing and signed how; a record uploaded
# through the page is kept, a tampered one refused with its reason (422)
# and the database unchanged; "fetch now" gets a member's record from its
# server; the consolidated report downloads as .docx (python3-docx reads
# it); an admin downloads the union's signed record and public key, an
# editor may not, a viewer sees no page; a POST without the form's token
# changes nothing.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
. "$SRC/tests/integration/recordlib.sh"

# Gia Lai's key, and its record signed with it.
mkdir "$T/www"
glkey=$(member_key gl gia-lai) || die "gia-lai's key"
tool sign "$T/gl/kyniem.db.key" "$FIX" >"$T/gl.json" || die "sign"
tool set "$T/gl.json" counts.delegations_in 4 >"$T/tampered.json"
# Quảng Bình's, unsigned, on its server.
tool set "$FIX" union.id '"quang-binh"' >"$T/qb.json"
tool set "$T/qb.json" union.name '"Liên hiệp các tổ chức hữu nghị tỉnh Quảng Bình"' \
    >"$T/www/qb-2023.json"
recordd recordd "$T/www" qb-token

initdb
"$KYNIEM" key init >/dev/null || die "key init"
cat >>"$T/kyniem.conf" <<EOF
[organisation]
id = khanh-hoa
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
[cluster]
name = Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3
members = khanh-hoa, gia-lai, quang-binh
next_head = quang-binh
[cluster-member gia-lai]
key = $glkey
[cluster-member quang-binh]
url = http://127.0.0.1:$P/records/qb-{year}.json
token = qb-token
EOF
web_users
TODAY=2024-01-10
# The head's own year: one delegation abroad, done.
K activity add --title 'Đoàn công tác tại Lào' --start 2023-06-05 \
    --category delegation-out --status done >/dev/null ||
    die "kyniem activity add"
start_server $TODAY
for who in admin editor viewer; do
	[ "$(web_login $who)" = 303 ] || die "$who cannot log in"
done

expect "a viewer has no Cụm page" \
    [ "$(web_get viewer '/app/cluster?year=2023' "$T/v.html")" = 403 ]
expect "an editor opens it" \
    [ "$(web_get editor '/app/cluster?year=2023' "$T/e.html")" = 200 ]
expect_grep 'Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3' "$T/e.html"
expect_grep '<code>gia-lai</code></th><td><strong>Chưa gửi</strong>' "$T/e.html"
expect_grep 'href="/app/cluster/bao-cao-cum-2023.docx"' "$T/e.html"
expect_no_grep 'key.txt' "$T/e.html"
expect "an editor may not download the key" \
    [ "$(web_get editor /app/cluster/key.txt "$T/k.txt")" = 403 ]
expect "an admin downloads the key" \
    [ "$(web_get admin /app/cluster/key.txt "$T/key.txt")" = 200 ]
"$KYNIEM" key show >"$T/key.cli"
expect_diff "$T/key.cli" "$T/key.txt"
web_get admin '/app/cluster?year=2023' "$T/a.html" >/dev/null
expect_grep 'href="/app/cluster/record-2023.json"' "$T/a.html"
expect "an admin downloads the union's record" [ "$(curl -s -b "$T/admin.jar" \
    -D "$T/rec.hdr" -o "$T/own-2023.json" -w '%{http_code}' \
    "$BASE/app/cluster/record-2023.json")" = 200 ]
expect_grep 'Content-Disposition: attachment; filename="khanh-hoa-2023.json"' \
    "$T/rec.hdr"
expect "the record is valid against the JSON Schema" \
    tool validate "$SRC/doc/record.schema.json" "$T/own-2023.json"
expect "and signed with the union's key" \
    tool verify "$T/own-2023.json" "$(awk '{print $NF}' "$T/key.cli")"
expect "an editor may not download it" \
    [ "$(web_get editor /app/cluster/record-2023.json "$T/x")" = 403 ]
expect "no record of a year to come" \
    [ "$(web_get admin /app/cluster/record-2025.json "$T/x")" = 404 ]
expect "nor of a name that is not one" \
    [ "$(web_get admin /app/cluster/record-23.json "$T/x")" = 404 ]

# upload WHO FILE: the page's form, as the browser sends it.
upload() {
	curl -s -b "$T/$1.jar" -c "$T/$1.jar" -H "Origin: $BASE" \
	    -D "$T/post.hdr" -o "$T/post.html" -w '%{http_code}' \
	    -F "csrf=$(web_csrf "$1")" -F "record=@$2" \
	    "$BASE/app/cluster/upload?year=2023"
}
state >"$T/before"
expect "a tampered record is refused (422)" \
    [ "$(upload editor "$T/tampered.json")" = 422 ]
expect_grep 'tampered.json: bad signature: the record was changed after it was signed' \
    "$T/post.html"
state >"$T/after"
expect_diff "$T/before" "$T/after"
expect "a POST without the form's token is refused" [ "$(curl -s \
    -b "$T/editor.jar" -H "Origin: $BASE" -o /dev/null -w '%{http_code}' \
    -F "record=@$T/gl.json" "$BASE/app/cluster/upload?year=2023")" = 403 ]
state >"$T/after"
expect_diff "$T/before" "$T/after"

expect "Gia Lai's record uploads (303)" [ "$(upload editor "$T/gl.json")" = 303 ]
expect_grep '^Location: .*/app/cluster?year=2023' "$T/post.hdr"
web_get editor '/app/cluster?year=2023' "$T/e2.html" >/dev/null
expect_grep 'Đã nhận báo cáo năm của thành viên.' "$T/e2.html"
expect_grep 'Đã ký, đúng khóa đã ghi nhận' "$T/e2.html"
expect_grep '<code>upload gl.json</code>' "$T/e2.html"
"$KYNIEM" audit >"$T/audit"
expect_grep '	editor@example.org	cluster.receive	record:gia-lai:2023	' "$T/audit"

# Fetch now: Quảng Bình's record from its server.
expect "fetch now (303)" \
    [ "$(web_post editor '/app/cluster/fetch?year=2023')" = 303 ]
web_get editor '/app/cluster?year=2023' "$T/e3.html" >/dev/null
expect_grep 'Đã lấy báo cáo của các thành viên.' "$T/e3.html"
expect_grep "<code>fetch http://127.0.0.1:$P/records/qb-2023.json</code>" \
    "$T/e3.html"
expect_grep '3/3 thành viên đã gửi báo cáo.' "$T/e3.html"
expect_grep '<td>Đơn vị mình</td><td></td><td></td><td>Báo cáo của Cụm lấy từ dữ liệu của đơn vị</td>' \
    "$T/e3.html"
# The head sent no record of its own: its row is its own database's, and
# no member is missing.
expect_grep 'Các thành viên đều đã gửi báo cáo năm 2023.' "$T/e3.html"
expect_no_grep 'chưa nhận được báo cáo' "$T/e3.html"

expect "the report downloads as .docx" [ "$(curl -s -b "$T/editor.jar" \
    -D "$T/docx.hdr" -o "$T/cum.docx" -w '%{http_code}' \
    "$BASE/app/cluster/bao-cao-cum-2023.docx")" = 200 ]
expect_grep 'Content-Disposition: attachment; filename="bao-cao-cum-2023.docx"' \
    "$T/docx.hdr"
"$PYTHON" - "$T/cum.docx" >"$T/docx.txt" <<'EOP' || fail "python3-docx reads it"
import sys, docx
d = docx.Document(sys.argv[1])
for t in d.tables:
    for r in t.rows:
        print(" | ".join(c.text for c in r.cells))
EOP
expect_grep '^1 | Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa | 1 | 1 | 0 | 0 | 0 | $' \
    "$T/docx.txt"
expect_grep '^2 | Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai | 2 | 1 | 0 | 0 | 0 | $' \
    "$T/docx.txt"
expect_grep '^3 | Liên hiệp các tổ chức hữu nghị tỉnh Quảng Bình | 2 | 1 | 0 | 0 | 0 | $' \
    "$T/docx.txt"
expect "an unknown document is a 404" \
    [ "$(web_get editor /app/cluster/bao-cao-cum-2023.xls "$T/x")" = 404 ]
kill $RPID
expect_clean_stop
exit 0

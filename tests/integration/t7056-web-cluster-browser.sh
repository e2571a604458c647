# The Cụm page in Chromium (tests/node/cluster-e2e.mjs, puppeteer-core):
# an editor uploads Gia Lai's signed record through the form, fetches
# Quảng Bình's and Đắk Lắk's from their server with "fetch now", and
# finds the consolidated report's preview and .docx; an admin finds the
# union's key.  Every state of the page is shot at 390 and 1280 px and
# passes axe-core; no request leaves the server.
. "$SRC/tests/lib.sh"
normal_only "the browser's view of the page; its routes run under ASan in t7055"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
. "$SRC/tests/integration/nodelib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || skip_all "chromium not installed"
need_node_modules puppeteer-core/package.json axe-core/axe.min.js
. "$SRC/tests/integration/recordlib.sh"

mkdir "$T/www"
glkey=$(member_key gl gia-lai) || die "gia-lai's key"
tool sign "$T/gl/kyniem.db.key" "$FIX" >"$T/gia-lai-2023.json" || die "sign"
for m in quang-binh:'Quảng Bình' dak-lak:'Đắk Lắk'; do
	id=${m%%:*} name=${m#*:}
	tool set "$FIX" union.id "\"$id\"" >"$T/$id.json"
	tool set "$T/$id.json" union.name \
	    "\"Liên hiệp các tổ chức hữu nghị tỉnh $name\"" \
	    >"$T/www/$id-2023.json"
done
recordd recordd "$T/www" tok

initdb
"$KYNIEM" key init >/dev/null || die "key init"
cat >>"$T/kyniem.conf" <<EOF
[organisation]
id = khanh-hoa
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
[cluster]
name = Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3
members = khanh-hoa, gia-lai, quang-binh, dak-lak
next_head = dak-lak
[cluster-member gia-lai]
key = $glkey
[cluster-member quang-binh]
url = http://127.0.0.1:$P/records/quang-binh-{year}.json
token = tok
[cluster-member dak-lak]
url = http://127.0.0.1:$P/records/dak-lak-{year}.json
token = tok
EOF
web_users
start_server 2024-01-10

rc=0
E2E_BASE=$BASE E2E_OUT=$T E2E_CHROMIUM=$CHROMIUM E2E_YEAR=2023 \
    E2E_EDITOR=editor@example.org E2E_ADMIN=admin@example.org \
    E2E_PASSWORD=$PW E2E_RECORD="$T/gia-lai-2023.json" \
    "$NODE" "$SRC/tests/node/cluster-e2e.mjs" >"$T/e2e.out" 2>&1 || rc=$?
cat "$T/e2e.out"
[ -f "$T/e2e.checks" ] || die "cluster-e2e.mjs recorded nothing (exit $rc)"
while read -r result what; do
	case $result in
	ok) pass "$what" ;;
	*) fail "$what" ;;
	esac
done <"$T/e2e.checks"
expect "cluster-e2e.mjs ran to its end (exit $rc)" [ "$rc" = 0 ]
"$KYNIEM" cluster status 2023 >"$T/status"
expect_grep '^gia-lai	received 2024-01-10T08:00	.*	signed, pinned key	upload gia-lai-2023.json$' \
    "$T/status"
expect_grep '^dak-lak	received ' "$T/status"
kill $RPID
expect_clean_stop
exit 0

# The cluster's year end to end, as in 2023: four unions (the fixtures
# made from the four 2023 reports), each exporting its record signed with
# its own key; Khánh Hòa, the head, imports its own and Gia Lai's files
# and fetches Quảng Bình's and Đắk Lắk's from their kyniem servers on
# loopback with their tokens.  The consolidated report gives each
# member's figures as its report states them, what Khánh Hòa and Đắk Lắk
# marked together, Bình Định (a fifth member) as not reported and Đắk
# Lắk as the next head; its .docx reads in python3-docx and prints in
# LibreOffice.  Refused, each naming its reason and leaving the head's
# database as it was: a record changed after signing, one of a union
# outside the cluster, one signed with a key other than the pinned one,
# one of a newer format and a 20 MB file.  The head's consolidated record
# is imported one level up (VUFO), whose own report and record follow.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/lolib.sh"
. "$SRC/tests/integration/recordlib.sh"
state() { "$PYTHON" "$SRC/tests/integration/dbstate.py" "$T/khanh-hoa/kyniem.db"; }
TODAY=2024-01-10

# union ID NAME: its database from its fixture, its key.
union() {
	mkdir -p "$T/$1"
	cat >"$T/$1.conf" <<EOF
[database]
path = $T/$1/kyniem.db
[organisation]
id = $1
name = Liên hiệp các tổ chức hữu nghị tỉnh $2
province = $2
EOF
	"$KYNIEM" --config "$T/$1.conf" init --calendars "$SRC/calendars" \
	    >/dev/null 2>&1 || die "init $1"
	"$KYNIEM" --config "$T/$1.conf" import \
	    "$DATA/seeds/$1-2023/members.csv" \
	    "$DATA/seeds/$1-2023/activities.csv" >/dev/null || die "import $1"
	"$KYNIEM" --config "$T/$1.conf" key init >/dev/null || die "key $1"
}
key_of() { "$KYNIEM" --config "$T/$1.conf" key show | awk '{print $NF}'; }
U() { _u=$1; shift; "$KYNIEM" --config "$T/$_u.conf" --today $TODAY "$@"; }

union khanh-hoa 'Khánh Hòa'
union gia-lai 'Gia Lai'
union quang-binh 'Quảng Bình'
union dak-lak 'Đắk Lắk'

# Quảng Bình and Đắk Lắk publish their records on their servers.
PIDS=""
trap 'for p in $PIDS; do kill $p 2>/dev/null || true; done' EXIT INT TERM
serve() {	# serve ID TOKEN: PORT_ID set
	_p=$(free_port)
	printf '[records]\ntoken = %s\n' "$2" >>"$T/$1.conf"
	"$KYNIEM" --config "$T/$1.conf" --today $TODAY serve \
	    --listen "127.0.0.1:$_p" >"$T/$1.out" 2>"$T/$1.err" &
	PIDS="$PIDS $!"
	_i=0
	until grep -q '^kyniem: serving ' "$T/$1.out" 2>/dev/null; do
		_i=$((_i + 1))
		[ $_i -lt 600 ] || { cat "$T/$1.err"; die "$1 did not start"; }
		sleep 0.05
	done
	eval "PORT_$(echo "$1" | tr - _)=$_p"
}
serve quang-binh qb-token-71f3
serve dak-lak dl-token-0a9e
expect "a member's record without its token is 404" [ "$(curl -s -o /dev/null \
    -w '%{http_code}' "http://127.0.0.1:$PORT_dak_lak/records/2023.json")" = 404 ]

# The head: every member's key pinned, Bình Định never reports.
cat >>"$T/khanh-hoa.conf" <<EOF
[cluster]
id = cum-3
name = Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3
members = khanh-hoa, gia-lai, quang-binh, dak-lak, binh-dinh
next_head = dak-lak
[cluster-member khanh-hoa]
key = $(key_of khanh-hoa)
[cluster-member gia-lai]
key = $(key_of gia-lai)
[cluster-member quang-binh]
key = $(key_of quang-binh)
url = http://127.0.0.1:$PORT_quang_binh/records/{year}.json
token = qb-token-71f3
[cluster-member dak-lak]
key = $(key_of dak-lak)
url = http://127.0.0.1:$PORT_dak_lak/records/{year}.json
token = dl-token-0a9e
[cluster-member binh-dinh]
name = Liên hiệp các tổ chức hữu nghị tỉnh Bình Định
EOF
U khanh-hoa record export 2023 --out "$T/khanh-hoa-2023.json" ||
    die "export khanh-hoa"
U gia-lai record export 2023 --out "$T/gia-lai-2023.json" ||
    die "export gia-lai"

# The refusals first, each leaving the head's database as it was.
refused() {	# refused FILE MESSAGE
	state >"$T/before"
	test_must_fail_with --status=1 "$1: $2" \
	    U khanh-hoa cluster import "$1"
	state >"$T/after"
	expect_diff "$T/before" "$T/after"
}
tool set "$T/gia-lai-2023.json" counts.delegations_out 5 >"$T/tampered.json"
refused "$T/tampered.json" "bad signature: the record was changed after it was signed"
sed -i 's/^id = quang-binh$/id = phu-yen/' "$T/quang-binh.conf"
U quang-binh record export 2023 --out "$T/outsider.json" ||
    die "export as phu-yen"
sed -i 's/^id = phu-yen$/id = quang-binh/' "$T/quang-binh.conf"
refused "$T/outsider.json" "unknown union 'phu-yen': not one of [cluster] members"
cp "$T/gia-lai/kyniem.db.key" "$T/gia-lai.key"
U gia-lai key init --rotate >/dev/null || die "rotate"
U gia-lai record export 2023 --out "$T/rotated.json" || die "export rotated"
cp "$T/gia-lai.key" "$T/gia-lai/kyniem.db.key"
refused "$T/rotated.json" "signed with the key "
expect_grep ", not the key pinned for 'gia-lai' ($(key_of gia-lai))\$" "$T/err"
tool set "$T/gia-lai-2023.json" version 2 >"$T/v2.json"
tool sign "$T/gia-lai/kyniem.db.key" "$T/v2.json" >"$T/future.json"
refused "$T/future.json" "format version 2 is newer than this kyniem reads (1)"
"$PYTHON" -c 'import sys; sys.stdout.write("{\"pad\": \"" + "x" * (20 << 20) + "\"}")' \
    >"$T/big.json"
refused "$T/big.json" "larger than the 10485760 bytes [cluster] max_bytes allows"

# Before it imports its own record, the head's row is made from its own
# database: the report does not call the head a member that has not
# reported.
U khanh-hoa cluster report 2023 >"$T/before-own.md" 2>"$T/before-own.err" ||
    fail "cluster report before the imports"
# A member named by its id only (no record, no name): said, with where
# its name goes.
expect_grep "the report names 'gia-lai' by its id: set its name in \[cluster-member gia-lai\]" \
    "$T/before-own.err"
expect_no_grep "binh-dinh\|khanh-hoa" "$T/before-own.err"
expect_grep 'chưa nhận được báo cáo năm 2023 của: gia-lai; quang-binh; dak-lak; Liên hiệp các tổ chức hữu nghị tỉnh Bình Định\.$' \
    "$T/before-own.md"
expect_no_grep 'chưa nhận được báo cáo năm 2023 của: .*Khánh Hòa' \
    "$T/before-own.md"

# Two files imported, two records fetched.
U khanh-hoa cluster import "$T/khanh-hoa-2023.json" "$T/gia-lai-2023.json" \
    >"$T/import.out" || fail "cluster import"
expect_grep "gia-lai-2023.json: received\$" "$T/import.out"
U khanh-hoa cluster fetch 2023 >"$T/fetch.out" 2>"$T/fetch.err" ||
    { cat "$T/fetch.err"; fail "cluster fetch"; }
expect_grep '^quang-binh: received$' "$T/fetch.out"
expect_grep '^dak-lak: received$' "$T/fetch.out"
U khanh-hoa cluster status 2023 >"$T/status" || fail "cluster status"
for m in khanh-hoa gia-lai quang-binh dak-lak; do
	expect_grep "^$m	received .*	signed, pinned key	" "$T/status"
done
expect_grep '^binh-dinh	missing$' "$T/status"
expect_grep '^4 of 5 members have sent their record of 2023$' "$T/status"

# The consolidated report: each member's figures as its report states
# them (expected.json; the union's own delegations where the report does
# not count them), the shared milestones, the missing member, the head.
U khanh-hoa cluster report 2023 >"$T/report.md" || fail "cluster report"
"$PYTHON" - "$T/report.md" "$DATA/seeds" "$T" >"$T/report.diff" <<'EOP' ||
import json, sys
md, seeds, t = sys.argv[1:4]
rows = {}
for line in open(md, encoding="utf-8"):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 8 and cells[0].isdigit():
        rows[cells[1]] = cells[2:]
names = {"khanh-hoa": "Khánh Hòa", "gia-lai": "Gia Lai",
         "quang-binh": "Quảng Bình", "dak-lak": "Đắk Lắk"}
bad = []
def dot(n):
    return "{:,}".format(n).replace(",", ".")
for u, name in names.items():
    e = json.load(open("%s/%s-2023/expected.json" % (seeds, u), encoding="utf-8"))
    fs, c = e["fixture_stats"], e["counts"]
    own = fs["union_own_done"]
    out = c["delegations_out"] if c.get("delegations_out") is not None else own["delegation-out"]
    inn = c["delegations_in"] if c.get("delegations_in") is not None else own["delegation-in"]
    want = [str(fs["by_status"]["done"]), str(out), str(inn), str(own["letter"])]
    got = rows.get("Liên hiệp các tổ chức hữu nghị tỉnh " + name)
    if got is None:
        bad.append("no row for " + name)
        continue
    if got[:4] != want:
        bad.append("%s: %s, want %s" % (name, got[:4], want))
    for cur, amount in e["ngo_aid"].get("total_by_currency", {}).items():
        if "%s %s" % (dot(amount), cur) not in got[5]:
            bad.append("%s: aid %s, want %s %s" % (name, got[5], amount, cur))
if bad:
    print("\n".join(bad))
EOP
    fail "the check of the table ran"
if [ -s "$T/report.diff" ]; then
	cat "$T/report.diff"
	fail "each member's figures as its report states them"
else
	pass "each member's figures as its report states them"
fi
expect_grep '^- Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023): Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa, Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk\.$' \
    "$T/report.md"
expect_grep '^Đến ngày 10/1/2024, chưa nhận được báo cáo năm 2023 của: Liên hiệp các tổ chức hữu nghị tỉnh Bình Định\.$' \
    "$T/report.md"
expect_grep '^Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk làm Cụm trưởng năm 2024\.$' \
    "$T/report.md"
# The head's own milestone work, in its own sentence.
qb=$("$PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print([a["sentence"] for a in d["activities"] if a["milestone"]][0])' \
    "$T/khanh-hoa-2023.json")
expect "the head's first milestone activity has a sentence" [ -n "$qb" ]
expect "and the report prints it as a bullet" grep -qF -- "- $qb" "$T/report.md"

U khanh-hoa cluster report 2023 --format docx --out "$T/cum-3.docx" ||
    fail "--format docx"
"$PYTHON" - "$T/cum-3.docx" >"$T/docx.txt" <<'EOP' || fail "python3-docx reads the report"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.text)
for t in d.tables:
    for r in t.rows:
        print(" | ".join(c.text for c in r.cells))
EOP
expect_grep '^Tổng kết hoạt động năm 2023 của Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3$' \
    "$T/docx.txt"
expect_grep '| Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa | 76 | 1 | 1 | 4 | 6.100 | 149.814 USD$' \
    "$T/docx.txt"
if lo_ready; then
	lo_pdf "$T/pdf" "$T/cum-3.docx" || fail "LibreOffice converts the .docx"
	expect "LibreOffice prints it on pages" [ "$(lo_pages "$T/pdf/cum-3.pdf")" -ge 2 ]
	lo_png "$T/pdf/cum-3.pdf" 1 "$T/cum-3-1.png" || fail "pdftoppm"
	expect "the first page renders" [ -s "$T/cum-3-1.png" ]
	pdftotext -layout "$T/pdf/cum-3.pdf" "$T/pdf.txt"
	expect_grep 'BÁO CÁO' "$T/pdf.txt"
	expect_grep 'Bình Định' "$T/pdf.txt"
else
	skip "LibreOffice (libreoffice-writer) or poppler-utils not installed"
fi

# One level up: VUFO pins the head's key and imports the cluster's
# record as one member's; Cụm 5 never reports.
U khanh-hoa cluster export 2023 --out "$T/cum-3-2023.json" ||
    fail "cluster export"
expect "the cluster's record is valid against the JSON Schema" \
    tool validate "$SRC/doc/record.schema.json" "$T/cum-3-2023.json"
expect "and signed with the head's key" \
    tool verify "$T/cum-3-2023.json" "$(key_of khanh-hoa)"
mkdir "$T/vufo"
cat >"$T/vufo.conf" <<EOF
[database]
path = $T/vufo/kyniem.db
[organisation]
id = vufo
name = Liên hiệp các tổ chức hữu nghị Việt Nam
[cluster]
id = vufo-dia-phuong
name = Các Cụm Liên hiệp các tổ chức hữu nghị địa phương
members = cum-3, cum-5
[cluster-member cum-3]
key = $(key_of khanh-hoa)
[cluster-member cum-5]
name = Cụm Liên hiệp các tổ chức hữu nghị địa phương số 5
EOF
"$KYNIEM" --config "$T/vufo.conf" init --calendars "$SRC/calendars" \
    >/dev/null 2>&1 || die "init vufo"
U vufo key init >/dev/null || die "key vufo"
U vufo cluster import "$T/cum-3-2023.json" >"$T/vufo.out" ||
    fail "VUFO imports the cluster's record"
U vufo cluster report 2023 >"$T/vufo.md" || fail "VUFO's report"
total=$("$PYTHON" -c 'import json, sys
print(json.load(open(sys.argv[1]))["counts"]["activities"])' "$T/cum-3-2023.json")
expect "the cluster's activities are its members' (76+15+23+69)" [ "$total" = 183 ]
expect_grep "^| 1 | Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3 | 183 | 3 | 3 | 7 | " \
    "$T/vufo.md"
expect_grep 'chưa nhận được báo cáo năm 2023 của: Cụm Liên hiệp các tổ chức hữu nghị địa phương số 5\.$' \
    "$T/vufo.md"
U vufo cluster export 2023 --out "$T/vufo-2023.json" || fail "VUFO exports"
expect "VUFO's record is valid too" \
    tool validate "$SRC/doc/record.schema.json" "$T/vufo-2023.json"
"$PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1]))
jp = [m for m in d["milestones"] if m["observance"] == "relation:JP"][0]
assert jp["unions"] == ["dak-lak", "khanh-hoa"], jp["unions"]
assert all(a["union"] in ("khanh-hoa", "gia-lai", "quang-binh", "dak-lak")
           for a in d["activities"])' "$T/vufo-2023.json" 2>"$T/nest.err"
expect "two levels up, each activity and milestone keeps its unions" \
    [ ! -s "$T/nest.err" ]

for p in $PIDS; do
	rc=0
	kill "$p"
	wait "$p" || rc=$?
	expect "a member's server stops cleanly (exit $rc)" [ "$rc" = 0 ]
done
PIDS=""
exit 0

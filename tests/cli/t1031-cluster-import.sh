# kyniem cluster import and status: a member's record, written and signed
# by other tools (tests/integration/recordtool.py, python3-nacl) from the
# format-1 fixture tests/data/records/gia-lai-2023.json, is received and
# listed; a newer one replaces it (audited), the same one changes
# nothing.  Each refusal names the file and its reason and leaves the
# database as it was (dbstate.py before and after): a record changed
# after signing, a union outside [cluster] members, a key other than the
# pinned one, an unsigned record from a member with a pinned key, a
# newer format version, a year to come, an older record, not JSON, and a
# 20 MB file.  A file's refusal does not stop the next file.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/recordlib.sh"

# Gia Lai's own database, for its signing key.
glkey=$(member_key gl gia-lai) || die "gia-lai's key"

# The head, Khánh Hòa, with a key of its own (the wrong one for Gia Lai).
initdb
"$KYNIEM" key init >/dev/null || die "key init khanh-hoa"
cat >>"$T/kyniem.conf" <<EOF
[organisation]
id = khanh-hoa
[cluster]
name = Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3
members = khanh-hoa, gia-lai, quang-binh
[cluster-member gia-lai]
key = $glkey
EOF

tool sign "$T/gl/kyniem.db.key" "$FIX" >"$T/gl.json" || die "sign the fixture"
expect "recordtool verifies what it signed" tool verify "$T/gl.json" "$glkey"
expect "the fixture is valid against doc/record.schema.json" \
    tool validate "$SRC/doc/record.schema.json" "$T/gl.json"

# A refusal: the file and reason on stderr, exit 1, nothing changed.
refused() {	# refused FILE MESSAGE
	state >"$T/before"
	test_must_fail_with --status=1 "$1: $2" \
	    "$KYNIEM" --today 2024-01-10 cluster import "$1"
	state >"$T/after"
	expect_diff "$T/before" "$T/after"
}

tool set "$T/gl.json" counts.delegations_out 3 >"$T/tampered.json"
refused "$T/tampered.json" "bad signature: the record was changed after it was signed"
tool set "$FIX" union.id '"binh-dinh"' >"$T/o.json"
tool sign "$T/gl/kyniem.db.key" "$T/o.json" >"$T/outsider.json"
refused "$T/outsider.json" "unknown union 'binh-dinh': not one of [cluster] members (khanh-hoa, gia-lai, quang-binh)"
tool sign "$T/kyniem.db.key" "$FIX" >"$T/wrongkey.json"
refused "$T/wrongkey.json" "signed with the key $("$KYNIEM" key show | awk '{print $NF}'), not the key pinned for 'gia-lai' ($glkey)"
refused "$FIX" "not signed, but [cluster-member gia-lai] pins a key"
tool set "$FIX" version 2 >"$T/v.json"
tool sign "$T/gl/kyniem.db.key" "$T/v.json" >"$T/future.json"
refused "$T/future.json" "format version 2 is newer than this kyniem reads (1): upgrade kyniem to read it"
tool set "$FIX" year 2030 >"$T/y.json"
tool set "$T/y.json" next_year.year 2031 >"$T/y2.json"
tool sign "$T/gl/kyniem.db.key" "$T/y2.json" >"$T/later.json"
refused "$T/later.json" "a record of 2030, a year still to come"
printf '{"format": "kyniem-year-record", ' >"$T/cut.json"
refused "$T/cut.json" "not JSON: line 1, column"
# 20 MB: refused before it is read.
"$PYTHON" -c 'import sys; sys.stdout.write("{\"pad\": \"" + "x" * (20 << 20) + "\"}")' \
    >"$T/big.json"
refused "$T/big.json" "larger than the 10485760 bytes [cluster] max_bytes allows"
expect "no refusal reached the audit trail" \
    [ "$("$KYNIEM" audit | grep -c '	cluster\.')" -eq 0 ]

# Received, listed; one bad file does not stop the next.
test_must_fail --status=1 "$KYNIEM" --today 2024-01-10 cluster import \
    "$T/tampered.json" "$T/gl.json" >"$T/out" 2>"$T/err"
expect_grep "^$T/gl.json: received\$" "$T/out"
expect_grep "tampered.json: bad signature" "$T/err"
"$KYNIEM" cluster status 2023 >"$T/status" || fail "cluster status"
expect_grep "^gia-lai	received 2024-01-10T08:00	made 2024-01-05T08:00:00+07:00	signed, pinned key	file $T/gl.json\$" \
    "$T/status"
# The head's database records nothing of 2023: it has not reported.
expect_grep '^khanh-hoa	missing$' "$T/status"
expect_grep '^1 of 3 members have sent their record of 2023$' "$T/status"
# Once it records an activity of the year done, its row is its own.
"$KYNIEM" activity add --title 'Gặp mặt hữu nghị' --start 2023-05-19 \
    --status done >/dev/null || die "kyniem activity add"
"$KYNIEM" cluster status 2023 >"$T/status" || fail "cluster status"
expect_grep "^khanh-hoa	own	(the cluster's report reads the year this database records)\$" \
    "$T/status"
expect_grep '^quang-binh	missing$' "$T/status"
expect_grep '^2 of 3 members have sent their record of 2023$' "$T/status"
"$KYNIEM" audit >"$T/audit"
expect_grep "	cluster.receive	record:gia-lai:2023	- -> {\"union\":\"gia-lai\",\"year\":2023,\"generated_at\":\"2024-01-05T08:00:00+07:00\",\"signed\":true,\"sha256\":\"[0-9a-f]\{64\}\"}\$" \
    "$T/audit"

# The same record again: nothing; an older one: refused; a newer one
# replaces it.
state >"$T/before"
"$KYNIEM" --today 2024-01-11 cluster import "$T/gl.json" >"$T/out" ||
    fail "the same record again"
expect_grep "^$T/gl.json: already held, unchanged\$" "$T/out"
state >"$T/after"
expect_diff "$T/before" "$T/after"
tool set "$FIX" generated_at '"2024-01-04T08:00:00+07:00"' >"$T/old.json"
tool sign "$T/gl/kyniem.db.key" "$T/old.json" >"$T/older.json"
refused "$T/older.json" "not newer than the record of 'gia-lai' for 2023 already held (made 2024-01-05T08:00:00+07:00)"
tool set "$FIX" generated_at '"2024-01-06T09:30:00+07:00"' >"$T/n.json"
tool set "$T/n.json" counts.delegations_out 2 >"$T/n2.json"
tool sign "$T/gl/kyniem.db.key" "$T/n2.json" >"$T/newer.json"
"$KYNIEM" --today 2024-01-12 cluster import "$T/newer.json" >"$T/out" ||
    fail "a newer record"
expect_grep "^$T/newer.json: replaced the older record\$" "$T/out"
"$KYNIEM" cluster status 2023 >"$T/status"
expect_grep "^gia-lai	received 2024-01-12T08:00	made 2024-01-06T09:30:00+07:00	signed, pinned key	file $T/newer.json\$" \
    "$T/status"
"$KYNIEM" audit >"$T/audit"
expect_grep "	cluster.replace	record:gia-lai:2023	{\"union\":\"gia-lai\",\"year\":2023,\"generated_at\":\"2024-01-05T08:00:00+07:00\",.*} -> {\"union\":\"gia-lai\",\"year\":2023,\"generated_at\":\"2024-01-06T09:30:00+07:00\"," \
    "$T/audit"

test_must_fail --status=2 "$KYNIEM" cluster status
test_must_fail --status=2 "$KYNIEM" cluster import
exit 0

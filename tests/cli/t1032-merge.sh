# kyniem merge OTHER.db [--dry-run]: the Đắk Lắk fixture's database into
# Khánh Hòa's, as after a merger of provinces.  A dry run says what would
# come over and changes nothing; the merge brings the activities (with
# their owners), member organisations, accounts, recipients, contact
# edits and corrections whose keys are new, lists each conflict (a key
# here with other values: this database's row kept; a member
# organisation whose key is taken comes over under a key of its own, its
# activities credited to it), and writes one audit row; merging again
# changes nothing at all (the database as after the first merge).
# Refused, with nothing written: a database of a newer schema, a file
# that is no kyniem database, and this database itself.
. "$SRC/tests/lib.sh"
state() { "$PYTHON" "$SRC/tests/integration/dbstate.py" "$1"; }
sql() { "$PYTHON" -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for r in db.execute(sys.argv[2], sys.argv[3:]): print("|".join(map(str, r)))
db.commit()' "$@"; }

# One union's database from its fixture: members and activities.
union_db() {	# union_db DIR FIXTURE
	mkdir -p "$1"
	printf '[database]\npath = %s/kyniem.db\n' "$1" >"$1/kyniem.conf"
	"$KYNIEM" --config "$1/kyniem.conf" init --calendars "$SRC/calendars" \
	    >/dev/null 2>&1 || die "init $1"
	"$KYNIEM" --config "$1/kyniem.conf" import \
	    "$DATA/seeds/$2/members.csv" "$DATA/seeds/$2/activities.csv" \
	    >/dev/null || die "import $2"
}
KH="$T/kh" GL="$T/dl"
union_db "$KH" khanh-hoa-2023
union_db "$GL" dak-lak-2023
K_KH() { "$KYNIEM" --config "$KH/kyniem.conf" "$@"; }
K_GL() { "$KYNIEM" --config "$GL/kyniem.conf" "$@"; }

# Both unions have an account for the same person, with another role.
K_KH user add chung@lhhn.vn --name 'Chung' --role admin >/dev/null
K_GL user add chung@lhhn.vn --name 'Chung' --role editor >/dev/null
K_GL user add lan@daklak.vn --name 'Lan' --role editor >/dev/null
K_GL recipient add --email tin@daklak.vn --name 'Tin' >/dev/null
# An activity of Đắk Lắk with an owner, one that Khánh Hòa has too (the
# same key) but with another title.
K_GL activity add --title 'Gặp mặt Đại sứ Lào' --start 2023-03-10 \
    --owner lan@daklak.vn >/dev/null || die "activity add"
head -1 "$DATA/seeds/khanh-hoa-2023/activities.csv" >"$T/one.csv"
grep '^kh23-jp-amy,' "$DATA/seeds/khanh-hoa-2023/activities.csv" \
    >>"$T/one.csv"
K_GL import "$T/one.csv" >/dev/null || die "import the shared row"
amy=$(sql "$GL/kyniem.db" "SELECT id FROM activities WHERE uid = 'kyniem-activity-kh23-jp-amy'")
K_GL activity edit "$amy" --title 'Giao lưu với người Nhật (Đắk Lắk)' \
    >/dev/null || die "activity edit"
# A correction Khánh Hòa lacks, one of a date Khánh Hòa does not know,
# and a contact Đắk Lắk added.
sql "$GL/kyniem.db" "INSERT INTO observances (key, kind, rule, base_year,
    name_vi, modified) VALUES ('local:dak-lak-day', 'local', '11-15', 1975,
    'Ngày giải phóng Đắk Lắk', 0)"
sql "$GL/kyniem.db" "INSERT INTO corrections VALUES ('relation:JP',
    '1973-09-21', 1973, 'Bộ Ngoại giao', 'confirmed', NULL, 1,
    'lan@daklak.vn', 0), ('local:dak-lak-day', '03-17', 1975, 'Tỉnh ủy',
    'confirmed', NULL, 1, 'lan@daklak.vn', 0)"
sql "$GL/kyniem.db" "INSERT INTO contact_edits (key, country, kind, name_vi,
    name_en, confidence, who, at) VALUES ('assoc:KH:mondulkiri', 'KH',
    'association', 'Hội người Khmer – Việt Nam tỉnh Mondulkiri',
    'Khmer-Vietnamese Association of Mondulkiri', 'confirmed',
    'lan@daklak.vn', 0)"

# A dry run changes nothing and says what would come over.
state "$KH/kyniem.db" >"$T/before"
K_KH merge --dry-run "$GL/kyniem.db" >"$T/dry" || fail "merge --dry-run"
state "$KH/kyniem.db" >"$T/after"
expect_diff "$T/before" "$T/after"
expect_grep '^activities	72 to add	0 already here	1 in conflict$' "$T/dry"
expect_grep '^members	5 to add	0 already here	1 in conflict$' "$T/dry"
expect_grep "^dry run: nothing written; 81 rows of '$GL/kyniem.db' would come over\$" \
    "$T/dry"

K_KH merge "$GL/kyniem.db" >"$T/merge" || fail "merge"
sed -e 's/ to add/ added/' -e '/^dry run/d' "$T/dry" >"$T/dry-as-done"
grep -v '^merged' "$T/merge" >"$T/merge-lines"
expect_diff "$T/dry-as-done" "$T/merge-lines"
expect_grep '^users	1 added	0 already here	1 in conflict$' "$T/merge"
expect_grep '^recipients	1 added	0 already here	0 in conflict$' "$T/merge"
expect_grep '^contact_edits	1 added	0 already here	0 in conflict$' "$T/merge"
expect_grep '^corrections	1 added	0 already here	1 in conflict$' "$T/merge"
expect_grep "^conflict: users 'chung@lhhn.vn': role differs; this database's row kept\$" \
    "$T/merge"
expect_grep "^conflict: activities 'kyniem-activity-kh23-jp-amy': title differs; this database's row kept\$" \
    "$T/merge"
expect_grep "^conflict: corrections 'local:dak-lak-day': no such observance here; not merged\$" \
    "$T/merge"
expect_grep "^conflict: members 'vn-campuchia': another member has that key here; came over as 'vn-campuchia-2'\$" \
    "$T/merge"
expect_grep "^merged 81 rows of '$GL/kyniem.db'\$" "$T/merge"
expect "Khánh Hòa's and Đắk Lắk's activities, each once" [ "$(sql \
    "$KH/kyniem.db" 'SELECT count(*) FROM activities')" -eq $((78 + 72)) ]
expect "Đắk Lắk's Hội Việt Nam – Campuchia kept its activities" [ "$(sql \
    "$KH/kyniem.db" "SELECT count(*) FROM activities WHERE member = 'vn-campuchia-2' AND uid LIKE 'kyniem-activity-dl23-%'")" -eq 5 ]
expect "and Khánh Hòa's its own" [ "$(sql "$KH/kyniem.db" \
    "SELECT count(*) FROM activities WHERE member = 'vn-campuchia' AND uid LIKE 'kyniem-activity-dl23-%'")" -eq 0 ]
K_KH member list >"$T/members"
expect_grep '^vn-campuchia-2	bilateral	Hội Hữu nghị Việt Nam - Campuchia tỉnh$' "$T/members"
expect "the activity that came over has its owner" [ "$(sql "$KH/kyniem.db" \
    "SELECT o.email FROM activity_owners o JOIN activities a ON a.id = o.activity WHERE a.title = 'Gặp mặt Đại sứ Lào'")" = lan@daklak.vn ]
expect "Khánh Hòa's title was kept" [ "$(sql "$KH/kyniem.db" \
    "SELECT count(*) FROM activities WHERE title LIKE 'Giao lưu với người Nhật (Đắk Lắk)'")" -eq 0 ]
expect "Khánh Hòa's account kept its role" [ "$(sql "$KH/kyniem.db" \
    "SELECT role FROM users WHERE email = 'chung@lhhn.vn'")" = admin ]
K_KH activity list --year 2023 >"$T/acts"
expect_grep 'Gặp mặt Đại sứ Lào' "$T/acts"
expect_grep 'Đắk Lắk\|Buôn Ma Thuột' "$T/acts"
K_KH audit >"$T/audit"
expect_grep "	db.merge	merge:$GL/kyniem.db	- -> {\"file\":\"$GL/kyniem.db\",\"users\":{\"added\":1,\"same\":0,\"conflicts\":1}," \
    "$T/audit"

# Twice is once.
state "$KH/kyniem.db" >"$T/once"
K_KH merge "$GL/kyniem.db" >"$T/again" || fail "merge again"
state "$KH/kyniem.db" >"$T/twice"
expect_diff "$T/once" "$T/twice"
expect_grep "^nothing to merge from '$GL/kyniem.db': every row is here\$" \
    "$T/again"
expect_grep '^activities	0 added	72 already here	1 in conflict$' "$T/again"
expect_grep '^members	0 added	5 already here	0 in conflict$' "$T/again"

# Refusals, each leaving the database as it was.
refused() {	# refused MESSAGE FILE
	test_must_fail_with --status=1 "$1" K_KH merge "$2"
	state "$KH/kyniem.db" >"$T/after"
	expect_diff "$T/once" "$T/after"
}
cp "$GL/kyniem.db" "$T/newer.db"
sql "$T/newer.db" "PRAGMA user_version = 999"
refused "its schema version 999 is newer than this kyniem's" "$T/newer.db"
printf 'not a database\n' >"$T/junk.db"
refused "junk.db" "$T/junk.db"
refused "is this database" "$KH/kyniem.db"
refused "cannot read '$T/none.db'" "$T/none.db"
test_must_fail --status=2 K_KH merge
exit 0

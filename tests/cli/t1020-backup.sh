# kyniem backup and restore from the command line: a backup under
# backups/ beside the database (mode 0600, listed with its time, size and
# whether it is encrypted), --out, a restore that keeps the database as
# .before-restore and counts the rows per table, and the refusals that
# change nothing: a wrong or missing key, a newer schema, a damaged or cut
# file, a stranger's file, the database itself.  Retention over 26 daily
# runs with a pinned clock keeps exactly the copies 7 daily, 4 weekly and
# 12 monthly name.
. "$SRC/tests/lib.sh"
initdb
B="$T/backups"
sum() { md5sum "$@" | cut -d' ' -f1; }
rows() {	# rows DB SQL: one value, through Python's sqlite3
	"$PYTHON" -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"
}

"$KYNIEM" activity add --title 'Trước sao lưu' --start 2025-03-01 >/dev/null ||
    die "activity add"
"$KYNIEM" --now 2025-03-01T02:30 backup >"$T/out" || die "kyniem backup"
f="$B/kyniem-2025-03-01-023000.kyb"
expect_grep "^$f	[0-9]* bytes	not-encrypted	(database [0-9]* bytes, integrity_check ok)\$" "$T/out"
expect "the backup is a file of its own" [ -f "$f" ]
expect "only its owner may read it (0600)" \
    [ "$(stat -c %a "$f")" = 600 ]
expect "and only its owner may open backups/ (0750)" \
    [ "$(stat -c %a "$B")" = 750 ]
expect "the header names it" [ "$(head -c 8 "$f")" = KYNIEMBK ]
"$KYNIEM" backup --list >"$T/list"
printf '2025-03-01T02:30\t%s\tnot-encrypted\t%s\n' "$(stat -c %s "$f")" "$f" |
    expect_diff - "$T/list"

# Restore: the activity added after the backup is gone, the database as
# it was is kept beside it, and the rows per table are said.
"$KYNIEM" activity add --title 'Sau sao lưu' --start 2025-03-02 >/dev/null
before=$(sum "$T/kyniem.db")
"$KYNIEM" restore "$f" >"$T/restore" 2>"$T/restore.err" ||
    { cat "$T/restore.err"; fail "kyniem restore"; }
expect_grep "^'$f': a backup taken 2025-03-01T02:30, schema [0-9]*, not encrypted\$" \
    "$T/restore"
expect_grep "^restored into '$T/kyniem.db' (everyone logs in again)\$" \
    "$T/restore"
expect_grep "^the database as it was: '$T/kyniem.db.before-restore'\$" \
    "$T/restore"
expect_grep '^activities	1$' "$T/restore"
expect_grep "^observances	$(rows "$T/kyniem.db" 'SELECT count(*) FROM observances')\$" \
    "$T/restore"
"$KYNIEM" activity list >"$T/acts"
expect_grep 'Trước sao lưu' "$T/acts"
expect_no_grep 'Sau sao lưu' "$T/acts"
expect "the restored database passes integrity_check" \
    [ "$(rows "$T/kyniem.db" 'PRAGMA integrity_check')" = ok ]
"$KYNIEM" audit >"$T/audit"
expect_grep "	cli:[^	]*	backup.restore	$f	- -> {\"file\":\"$f\",\"taken\":\"2025-03-01T02:30\",\"encrypted\":false,\"schema\":[0-9]*}\$" \
    "$T/audit"
expect_audit_json
expect ".before-restore is private (0600)" \
    [ "$(stat -c %a "$T/kyniem.db.before-restore")" = 600 ]
expect ".before-restore holds both activities" [ "$(rows \
    "$T/kyniem.db.before-restore" 'SELECT count(*) FROM activities')" = 2 ]
# ... and restores like a backup: back where we were.
"$KYNIEM" restore "$T/kyniem.db.before-restore" >"$T/undo" ||
    fail "kyniem restore .before-restore"
expect_grep "an SQLite database, schema" "$T/undo"
"$KYNIEM" activity list >"$T/acts"
expect_grep 'Sau sao lưu' "$T/acts"

# --check reads, checks and counts, and changes nothing.
before=$(sum "$T/kyniem.db")
"$KYNIEM" restore --check "$f" >"$T/check" || fail "restore --check"
expect_grep '^it passes integrity_check and can be restored; nothing was changed$' \
    "$T/check"
expect_grep '^activities	1$' "$T/check"
expect "--check leaves the database" [ "$(sum "$T/kyniem.db")" = "$before" ]

# --out: to a file of one's choosing, replaced whole.
"$KYNIEM" backup --out "$T/copy.kyb" >"$T/out" || fail "backup --out"
"$KYNIEM" backup --out "$T/copy.kyb" >"$T/out" || fail "backup --out again"
expect_grep "^$T/copy.kyb	" "$T/out"
expect "--out is private too" [ "$(stat -c %a "$T/copy.kyb")" = 600 ]
"$KYNIEM" restore --check "$T/copy.kyb" >"$T/check" || fail "check --out"
expect_grep '^activities	2$' "$T/check"

# Refusals: each names the file and the reason, and changes nothing.
refused() {	# refused PATTERN FILE [CONFIG]: restore fails, says PATTERN
	before=$(sum "$T/kyniem.db")
	rm -f "$T/kyniem.db.before-restore"
	test_must_fail --status=1 "$KYNIEM" ${3:+--config "$3"} restore "$2" \
	    >"$T/r.out" 2>"$T/r.err"
	expect_grep "$1" "$T/r.err"
	expect "nothing changed after: $1" [ "$(sum "$T/kyniem.db")" = "$before" ]
	expect "no .before-restore after: $1" \
	    [ ! -e "$T/kyniem.db.before-restore" ]
}
head -c 1000 "$f" >"$T/cut.kyb"
refused "'$T/cut.kyb': truncated: 1000 bytes, its header says" "$T/cut.kyb"
cp "$f" "$T/flip.kyb"
# A byte other than the one there (the data, and so its bytes, vary).
[ "$(od -An -tx1 -j 3000 -N 1 "$f" | tr -d ' ')" = 58 ] && x=Y || x=X
printf '%s' "$x" | dd of="$T/flip.kyb" bs=1 seek=3000 conv=notrunc 2>/dev/null
expect "flip.kyb differs from the backup" \
    [ "$(sum "$f")" != "$(sum "$T/flip.kyb")" ]
refused "'$T/flip.kyb': damaged: its checksum does not match" "$T/flip.kyb"
refused "'$T/kyniem.conf': not a kyniem backup (nor an SQLite database)" \
    "$T/kyniem.conf"
refused "'$T/kyniem.db' is the database itself" "$T/kyniem.db"
refused "cannot read '$T/none.kyb': No such file" "$T/none.kyb"

# A damaged database: refused as a file to restore, and not backed up.
cp "$T/kyniem.db" "$T/bad.db"
"$PYTHON" -c 'import sys
with open(sys.argv[1], "r+b") as f:
    for page in range(30, 60, 3):
        f.seek(page * 4096 + 8)
        f.write(bytes(range(256)) * 15)' "$T/bad.db"
refused "'$T/bad.db' fails SQLite's integrity check\|'$T/bad.db': the database cannot be read" \
    "$T/bad.db"
printf '[database]\npath = %s/bad.db\n[backup]\ndir = %s/bad\n' "$T" "$T" \
    >"$T/bad.conf"
test_must_fail --status=1 "$KYNIEM" --config "$T/bad.conf" backup \
    >"$T/out" 2>"$T/err"
expect_grep "fails SQLite's integrity check\|the database cannot be read" \
    "$T/err"
expect "no backup of a damaged database" [ ! -e "$T/bad" ]

# A newer schema: a backup of a database from a later kyniem.
cp "$T/kyniem.db" "$T/newer.db"
rows "$T/newer.db" 'PRAGMA user_version = 999' >/dev/null 2>&1 || true
expect "newer.db says schema 999" \
    [ "$(rows "$T/newer.db" 'PRAGMA user_version')" = 999 ]
printf '[database]\npath = %s/newer.db\n[backup]\ndir = %s/newer\n' "$T" "$T" \
    >"$T/newer.conf"
"$KYNIEM" --config "$T/newer.conf" backup --out "$T/newer.kyb" >/dev/null ||
    fail "a backup of a newer schema"
refused "'$T/newer.kyb': its schema version 999 is newer than this kyniem's ([0-9]*)" \
    "$T/newer.kyb"
refused "'$T/newer.db': its schema version 999 is newer than this kyniem's" \
    "$T/newer.db"

# Encrypted: [backup] key_file.  Only the key it was made with opens it.
umask 077
head -c 32 /dev/urandom | base64 >"$T/key"
head -c 32 /dev/urandom | base64 >"$T/other.key"
cp "$T/kyniem.conf" "$T/enc.conf"
printf '[backup]\nkey_file = %s/key\n' "$T" >>"$T/enc.conf"
cp "$T/kyniem.conf" "$T/other.conf"
printf '[backup]\nkey_file = %s/other.key\n' "$T" >>"$T/other.conf"
"$KYNIEM" --config "$T/enc.conf" --now 2025-03-02T02:30 backup >"$T/out" ||
    fail "an encrypted backup"
e="$B/kyniem-2025-03-02-023000.kyb"
expect_grep "^$e	[0-9]* bytes	encrypted	" "$T/out"
"$KYNIEM" backup --list >"$T/list"
expect_grep "^2025-03-02T02:30	[0-9]*	encrypted	$e\$" "$T/list"
expect_grep "^2025-03-01T02:30	[0-9]*	not-encrypted	$f\$" "$T/list"
expect "the activity's title is not in the encrypted file" \
    [ "$(grep -c 'Sau sao' "$e")" = 0 ]
refused "'$e': wrong key: the key in '$T/other.key' is not the one this backup was made with" \
    "$e" "$T/other.conf"
refused "'$e' is encrypted: set \[backup\] key_file to the key it was made with" \
    "$e"
printf 'short\n' >"$T/short.key"
cp "$T/kyniem.conf" "$T/short.conf"
printf '[backup]\nkey_file = %s/short.key\n' "$T" >>"$T/short.conf"
refused "\[backup\] key_file '$T/short.key' must hold 16 to 4096 characters (it holds 5)" \
    "$e" "$T/short.conf"
"$KYNIEM" --config "$T/enc.conf" restore "$e" >"$T/restore" ||
    fail "restore with the right key"
expect_grep "^'$e': a backup taken 2025-03-02T02:30, schema [0-9]*, encrypted\$" \
    "$T/restore"
expect_grep '^activities	2$' "$T/restore"
# A key others may read is refused before anything is read.
chmod 644 "$T/key"
test_must_fail --status=1 "$KYNIEM" --config "$T/enc.conf" backup --list \
    2>"$T/err"
expect_grep "\[backup\] key_file '$T/key' is readable or writable by others (mode 0644): run 'chmod o-rwx,g-w $T/key'" \
    "$T/err"
chmod 600 "$T/key"

# root (sudo kyniem backup) leaves files the service's user owns.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	mkdir "$T/own"
	cp "$T/kyniem.db" "$T/own/k.db"
	chown -R nobody "$T/own"
	printf '[database]\npath = %s/own/k.db\n' "$T" >"$T/own.conf"
	"$KYNIEM" --config "$T/own.conf" backup >/dev/null || fail "backup as root"
	expect "backups/ made by root belongs to the database's owner" \
	    [ "$(stat -c %U "$T/own/backups")" = nobody ]
	expect "so does the backup" [ "$(stat -c %U "$T/own/backups/"*.kyb)" = nobody ]
	"$KYNIEM" --config "$T/own.conf" restore "$T/own/backups/"*.kyb \
	    >/dev/null || fail "restore as root"
	expect "and the .before-restore" \
	    [ "$(stat -c %U "$T/own/k.db.before-restore")" = nobody ]
	rm "$T/own/k.db"
	"$KYNIEM" --config "$T/own.conf" restore "$T/own/backups/"*.kyb \
	    >/dev/null || fail "restore as root where there is no database"
	expect "and a database it creates" \
	    [ "$(stat -c %U "$T/own/k.db")" = nobody ]
else
	skip "not root: files made by root"
fi

# Usage.
test_must_fail_with --status=2 "backup [--out FILE] | --list" \
    "$KYNIEM" backup --list --out x
test_must_fail_with --status=2 "backup [--out FILE] | --list" \
    "$KYNIEM" backup extra
test_must_fail_with --status=2 "restore [--check] FILE" "$KYNIEM" restore
test_must_fail_with --status=2 "restore [--check] FILE" \
    "$KYNIEM" restore a b
cp "$T/kyniem.conf" "$T/keep.conf"
printf '[backup]\nkeep_daily = 0\n' >>"$T/keep.conf"
test_must_fail --status=1 "$KYNIEM" --config "$T/keep.conf" backup --list \
    2>"$T/err"
expect_grep "keep.conf:4: bad number for 'keep_daily': 0" "$T/err"

# Retention, as the daily timer would run it: on the 15th of 14 months,
# then every day from 1 to 10 March 2025 (a Monday), plus two runs on
# days that already have one.  7 daily, 4 weekly (Monday to Sunday),
# 12 monthly: the newest of each.
rm -rf "$B"
for m in 2024-01 2024-02 2024-03 2024-04 2024-05 2024-06 2024-07 2024-08 \
    2024-09 2024-10 2024-11 2024-12 2025-01 2025-02; do
	echo "$m-15T02:30"
done >"$T/runs"
for d in 01 02 03 04 05 06 07 08; do echo "2025-03-${d}T02:30"; done >>"$T/runs"
printf '%s\n' 2025-03-09T01:00 2025-03-09T02:30 2025-03-10T02:30 \
    2025-03-10T23:00 >>"$T/runs"
while read -r now; do
	"$KYNIEM" --now "$now" backup >>"$T/runs.out" 2>&1 ||
	    { cat "$T/runs.out"; die "backup at $now"; }
done <"$T/runs"
"$KYNIEM" backup --list | cut -f1 >"$T/kept"
cat >"$T/kept.expected" <<'EOF'
2025-03-10T23:00
2025-03-09T02:30
2025-03-08T02:30
2025-03-07T02:30
2025-03-06T02:30
2025-03-05T02:30
2025-03-04T02:30
2025-03-02T02:30
2025-02-15T02:30
2025-01-15T02:30
2024-12-15T02:30
2024-11-15T02:30
2024-10-15T02:30
2024-09-15T02:30
2024-08-15T02:30
2024-07-15T02:30
2024-06-15T02:30
2024-05-15T02:30
2024-04-15T02:30
EOF
expect_diff "$T/kept.expected" "$T/kept"
expect "backups/ holds the kept copies and nothing else" \
    [ "$(ls "$B" | wc -l)" = 19 ]
for gone in 2024-01-15-023000 2024-03-15-023000 2025-03-01-023000 \
    2025-03-03-023000 2025-03-09-010000 2025-03-10-023000; do
	expect_grep "^removed $B/kyniem-$gone.kyb (kept: 7 daily, 4 weekly, 12 monthly)\$" \
	    "$T/runs.out"
done

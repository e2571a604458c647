# A read-only database and a full disk: `kyniem import` fails with a
# clear message and exit status 1, and writes nothing (the database is
# unchanged and still passes PRAGMA integrity_check).  Root ignores file
# modes, so as root the read-only runs drop to nobody (setpriv); the full
# disk is a 1600 KiB tmpfs (mounting needs root; without it that part is
# reported as skipped).
. "$SRC/tests/lib.sh"
command -v sqlite3 >/dev/null || skip_all "sqlite3 CLI not installed"
W=$(mktemp -d /tmp/kyniem-t8007.XXXXXX)
chmod 755 "$W"
cleanup() {
	mountpoint -q "$W/full" 2>/dev/null && umount "$W/full"
	chmod -R u+w "$W" 2>/dev/null
	rm -rf "$W"
}
trap cleanup EXIT
cp "$KYNIEM" "$W/kyniem"
KYNIEM=$W/kyniem
as_user() { "$@"; }
[ "$(id -u)" -eq 0 ] &&
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
cat >"$W/x.csv" <<'EOC'
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
ro_x,local,05-01,1990,1,,X day,Ngày X,,s
EOC
chmod 644 "$W/x.csv"
sql() { sqlite3 -batch "$1" "$2"; }

# readonly DIRMODE: the database file 444 in a directory of DIRMODE.
readonly_case() {
	rm -rf "$W/db"
	mkdir "$W/db"
	printf '[database]\npath = %s/db/kyniem.db\n' "$W" >"$W/ro.conf"
	chmod 644 "$W/ro.conf"
	KYNIEM_CONFIG=$W/ro.conf "$KYNIEM" init --calendars "$SRC/calendars" \
	    >/dev/null || die "init failed"
	sql "$W/db/kyniem.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
	before=$(md5sum <"$W/db/kyniem.db")
	chmod 444 "$W"/db/*
	chmod "$1" "$W/db"
	test_must_fail --status=1 as_user env KYNIEM_CONFIG="$W/ro.conf" \
	    "$KYNIEM" import "$W/x.csv" >"$T/ro.out" 2>"$T/ro.err"
	chmod 755 "$W/db"
	chmod 644 "$W"/db/*
	cat "$T/ro.err"
	expect "a clear error for a read-only database ($1)" \
	    grep -Eq 'readonly database|read-only|cannot open' "$T/ro.err"
	expect "the read-only database file unchanged ($1)" \
	    [ "$(md5sum <"$W/db/kyniem.db")" = "$before" ]
	expect "nothing written to the read-only database ($1)" \
	    [ "$(sql "$W/db/kyniem.db" "SELECT count(*) FROM observances
	    WHERE key = 'ro_x'")" = 0 ]
	expect "integrity_check ok ($1)" \
	    [ "$(sql "$W/db/kyniem.db" "PRAGMA integrity_check")" = ok ]
}
readonly_case 555
readonly_case 777

# Disk full: a tmpfs that the initialised database nearly fills.
mkdir "$W/full"
if ! mount -t tmpfs -o size=1600k tmpfs "$W/full" 2>"$T/mount.err"; then
	skip "disk-full part: cannot mount a tmpfs: $(cat "$T/mount.err")"
	exit 0
fi
printf '[database]\npath = %s/full/kyniem.db\n' "$W" >"$W/full.conf"
KYNIEM_CONFIG=$W/full.conf "$KYNIEM" init --calendars "$SRC/calendars" \
    >/dev/null || die "init on the tmpfs failed"
total=$(sql "$W/full/kyniem.db" "SELECT count(*) FROM observances")
awk 'BEGIN {
    print "key,kind,date,base_year,days,country,name_en,name_vi,tags,source"
    for (i = 0; i < 20000; i++)
	printf "full_%05d,local,%02d-%02d,1990,1,,Event %d with a long " \
	    "name to fill pages,Sự kiện %d,full,generated\n",
	    i, i % 12 + 1, i % 28 + 1, i, i }' >"$W/big.csv"
test_must_fail --status=1 env KYNIEM_CONFIG="$W/full.conf" \
    "$KYNIEM" import "$W/big.csv" >"$T/full.out" 2>"$T/full.err"
cat "$T/full.out" "$T/full.err"
expect_grep 'database or disk is full' "$T/full.err"
expect_grep 'big.csv: 1 error; nothing from this file was written' "$T/full.err"
expect_grep ' 0 added or changed, 1 with errors' "$T/full.out"
expect "integrity_check ok after the disk filled" \
    [ "$(sql "$W/full/kyniem.db" "PRAGMA integrity_check")" = ok ]
expect "no row written onto the full disk" [ "$(sql "$W/full/kyniem.db" \
    "SELECT count(*) FROM observances")" = "$total" ]

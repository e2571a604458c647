# Backups at scale (issue 21): at 100,000 activities, the database's size,
# then `kyniem backup` (the online copy, integrity_check, deflate, the
# write) plain and encrypted: seconds, the file's size and the peak
# memory; `kyniem restore --check` (read, decrypt, inflate, check,
# count) and a restore over the database.  Beside them, `sqlite3
# .backup` of the same database, the hand-typed command the backup
# replaces, as the peer.
set -eu
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
KYNIEM="$PWD/$BUILD/kyniem"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '[database]\npath = %s/kyniem.db\n' "$tmp" >"$tmp/kyniem.conf"
export KYNIEM_CONFIG="$tmp/kyniem.conf"
"$KYNIEM" init --calendars calendars >/dev/null

"$PYTHON" - "$tmp/a100k.csv" <<'EOP'
import sys
with open(sys.argv[1], "w") as f:
    f.write("key,title,start,end,location,organiser,owners,remind,"
            "observance,status,notes\n")
    for i in range(100000):
        f.write("a%d,Giao lưu hữu nghị %d,20%02d-%02d-%02d,,Nha Trang,"
                "Hội hữu nghị,o%d@example.org;p%d@example.org,7d,,"
                "planned,Ghi chú %d\n" % (i, i, 20 + i % 10, i % 12 + 1,
                                           i % 28 + 1, i % 97, i % 13, i))
EOP
# Owners are the union's people: recipients first.
for a in $(seq -f 'o%g' 0 96) $(seq -f 'p%g' 0 12); do
	"$KYNIEM" recipient add --email "$a@example.org" --name "$a" \
	    --follow none >/dev/null
done
"$KYNIEM" import "$tmp/a100k.csv" >/dev/null
umask 077
head -c 32 /dev/urandom | base64 >"$tmp/key"
cp "$tmp/kyniem.conf" "$tmp/enc.conf"
printf '[backup]\nkey_file = %s/key\n' "$tmp" >>"$tmp/enc.conf"

# run COMMAND...: "SECONDS PEAK_MB" of one run (wall clock, max RSS).
run() {
	"$PYTHON" - "$@" <<'EOP'
import resource, subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("%.2f %d" % (time.monotonic() - t, rss // 1024))
EOP
}
n=$(sqlite3 "$tmp/kyniem.db" 'SELECT count(*) FROM activities' 2>/dev/null ||
    echo 100000)
db=$(stat -c %s "$tmp/kyniem.db")
set -- $(run "$KYNIEM" --now 2025-03-01T02:30 backup)
plain=$(stat -c %s "$tmp/backups/kyniem-2025-03-01-023000.kyb")
echo "at $n activities, database $((db / 1024)) KB:"
echo "  backup: $1 s, $((plain / 1024)) KB ($((db / plain))x smaller), peak $2 MB"
set -- $(run "$KYNIEM" --config "$tmp/enc.conf" --now 2025-03-02T02:30 backup)
enc=$(stat -c %s "$tmp/backups/kyniem-2025-03-02-023000.kyb")
echo "  encrypted backup: $1 s, $((enc / 1024)) KB, peak $2 MB"
set -- $(run "$KYNIEM" restore --check "$tmp/backups/kyniem-2025-03-01-023000.kyb")
echo "  restore --check: $1 s, peak $2 MB"
set -- $(run "$KYNIEM" --config "$tmp/enc.conf" restore \
    "$tmp/backups/kyniem-2025-03-02-023000.kyb")
echo "  restore (encrypted) over the database: $1 s, peak $2 MB"
if command -v sqlite3 >/dev/null; then
	set -- $(run sqlite3 "$tmp/kyniem.db" ".backup $tmp/peer.db")
	echo "  peer: sqlite3 .backup $1 s ($(($(stat -c %s "$tmp/peer.db") / 1024))" \
	    "KB, uncompressed, unchecked), peak $2 MB"
else
	echo "  peer: sqlite3 not installed"
fi

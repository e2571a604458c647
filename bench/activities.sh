# Activities at scale (issue 12): importing 5,000 and 50,000 activities
# (seconds, and their ratio: close to 10 when the import is linear), then
# at 100,000 activities `kyniem activity list`, a feed rebuild (the
# activities feed, within its byte budget) and a whole site build
# (`kyniem export`: every feed, page and plan), and the server's resident
# memory once it serves them (target: under 100 MB; list and feed under
# 1 s).
set -eu
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
KYNIEM="$PWD/$BUILD/kyniem"
tmp=$(mktemp -d)
kpid=""
cleanup() {
	[ -n "$kpid" ] && kill "$kpid" 2>/dev/null && wait "$kpid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
printf '[database]\npath = %s/kyniem.db\n' "$tmp" >"$tmp/kyniem.conf"
export KYNIEM_CONFIG="$tmp/kyniem.conf"
"$KYNIEM" init --calendars calendars >/dev/null

"$PYTHON" - "$tmp" <<'EOP'
import sys
def gen(path, n, first):
    with open(path, "w") as f:
        # Public, so that the public activities feed holds them all.
        f.write("key,title,start,end,location,organiser,owners,remind,"
                "observance,status,notes,category,countries,partner,"
                "participants,result,public\n")
        for i in range(first, first + n):
            f.write("a%d,Giao lưu hữu nghị %d,20%02d-%02d-%02d,,Nha Trang,"
                    "Hội hữu nghị,o%d@example.org;p%d@example.org,7d,,"
                    "planned,Ghi chú %d,,,,,,yes\n" % (i, i, 20 + i % 10,
                    i % 12 + 1, i % 28 + 1, i % 97, i % 13, i))
gen(sys.argv[1] + "/a5k.csv", 5000, 0)
gen(sys.argv[1] + "/a50k.csv", 50000, 100000)
gen(sys.argv[1] + "/a45k.csv", 45000, 200000)
EOP
# Owners are the union's own people: recipients who follow nothing.
for o in $(seq 0 96 | sed 's/^/o/') $(seq 0 12 | sed 's/^/p/'); do
	"$KYNIEM" recipient add --email "$o@example.org" --name "$o" \
	    --follow none >/dev/null
done
secs() {	# secs COMMAND...: wall seconds of one run
	"$PYTHON" - "$@" <<'EOP'
import subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL)
print("%.2f" % (time.monotonic() - t))
EOP
}
i5=$(secs "$KYNIEM" import "$tmp/a5k.csv")
i50=$(secs "$KYNIEM" import "$tmp/a50k.csv")
ratio=$(echo "scale=1; $i50 / $i5" | bc)
echo "import: 5,000 activities ${i5} s, 50,000 ${i50} s (ratio ${ratio}, linear: 10)"
"$KYNIEM" import "$tmp/a45k.csv" >/dev/null
n=$(sqlite3 "$tmp/kyniem.db" 'SELECT count(*) FROM activities')
list=$(secs "$KYNIEM" activity list)
feed=$(secs "$KYNIEM" --today 2024-06-01 feed activities)
site=$(secs "$KYNIEM" --today 2024-06-01 export --out "$tmp/site")
echo "at $n activities: activity list ${list} s, activities feed ${feed} s" \
    "($(wc -c <"$tmp/site/calendars/activities.ics") bytes, budget" \
    "921600), whole site ${site} s (targets: list and feed under 1 s)"

port=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$KYNIEM" --today 2024-06-01 serve --listen "127.0.0.1:$port" \
    >/dev/null 2>"$tmp/serve.log" &
kpid=$!
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$port/calendars/activities.ics"; do
	i=$((i + 1))
	[ $i -lt 300 ] || { echo "server did not start"; exit 1; }
	sleep 0.1
done
rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$kpid/status")
hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$kpid/status")
echo "server at $n activities: RSS $((rss / 1024)) MB (peak during the" \
    "build $((hwm / 1024)) MB; target under 100 MB)"

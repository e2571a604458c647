# Slow clients (issue 21): 50 probe GETs of /healthz from 127.0.0.1, one
# connection each, on an idle server, then during a slow-body flood of
# 5,000 connections (POST /app/login announcing 100,000 bytes, one byte
# every 3 s, reopened when closed, some 5,000 a second) from 127.0.0.2,
# then from 127.0.0.2-5, during a mixed flood of slow headers and slow
# bodies from 127.0.0.2-5, and during that flood reopening its closed
# connections all at once (tests/integration/flood.py, default limits).
# Prints the worst and the 99th-percentile time of the probes of each,
# and what the flooding addresses still held (target: every probe within
# 200 ms; at most 64 connections an address).  N and GETS change the
# defaults below.
set -eu
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
KYNIEM="$PWD/$BUILD/kyniem"
N=${N:-5000}
GETS=${GETS:-50}
command -v curl >/dev/null 2>&1 ||
    { echo "curl not installed (scripts/install-deps bench)"; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge $((N + 1000)) ] ||
    { echo "only $(ulimit -n) files allowed, $((N + 1000)) needed"; exit 1; }
tmp=$(mktemp -d)
kpid=""
cleanup() {
	[ -n "$kpid" ] && kill "$kpid" 2>/dev/null && wait "$kpid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
port() {
	"$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

TODAY=2024-06-01
printf '[database]\npath = %s/kyniem.db\n' "$tmp" >"$tmp/kyniem.conf"
export KYNIEM_CONFIG="$tmp/kyniem.conf"
"$KYNIEM" init --calendars calendars >/dev/null
kport=$(port)
"$KYNIEM" --today $TODAY serve --listen "127.0.0.1:$kport" \
    >/dev/null 2>"$tmp/kyniem.log" &
kpid=$!
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$kport/healthz"; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "the server did not start"; exit 1; }
	sleep 0.1
done

four=127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5
status=0
# run LABEL N KINDS FROM [--burst]: one line of figures.
run() {
	"$PYTHON" tests/integration/flood.py "$kport" "$2" "$GETS" 200 \
	    --kinds "$3" --from "$4" --max-held 64 ${5:-} >"$tmp/out" 2>&1 ||
	    status=1
	sed -n 's/.* worst \([0-9.]*\) ms, p99 \([0-9.]*\) ms, \([0-9]*\) over .*; held \(.*\)/\1 \2 \3 \4/p' \
	    "$tmp/out" >"$tmp/fig"
	read -r worst p99 over held <"$tmp/fig" ||
	    { cat "$tmp/out"; echo "no figures"; exit 1; }
	printf '  %-42s worst %7.1f ms   p99 %7.1f ms   %s over 200 ms' \
	    "$1" "$worst" "$p99" "$over"
	[ "$2" = 0 ] && echo || echo "   held: $held"
}
echo "$GETS GETs of /healthz from 127.0.0.1, one connection each:"
run "idle server" 0 body 127.0.0.2
run "$N slow bodies from 127.0.0.2" "$N" body 127.0.0.2
run "$N slow bodies from 127.0.0.2-5" "$N" body "$four"
run "$N slow headers+bodies from 127.0.0.2-5" "$N" header,body "$four"
run "  the same, reopened in bursts" "$N" header,body "$four" --burst
kill -0 "$kpid" 2>/dev/null || { echo "the server died"; exit 1; }
echo "  target: every GET within 200 ms, 64 connections an address:" \
    "$([ $status = 0 ] && echo met || echo missed)"

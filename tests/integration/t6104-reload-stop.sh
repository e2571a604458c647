# kyniem serve under a service manager's signals: SIGHUP re-reads the
# config (a new [feed NAME], a new title) and rebuilds the feeds in the same
# process, keeping the old config when the new one has errors; SIGTERM
# during a slow download stops new connections, lets that download finish
# whole, and exits 0.  sd_notify messages go to a stand-in NOTIFY_SOCKET.
. "$SRC/tests/lib.sh"
PIDS=""
SERVER=""
cleanup() {
	for p in $SERVER $PIDS; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
}
trap cleanup EXIT INT TERM

initdb
port=$(free_port)
base="http://127.0.0.1:$port"
# "big": fifty years of every date, about 10 MB, more than the socket
# buffers hold, so a slow reader keeps its request in flight.  (Every
# feed is built twice, in its language and in English: a century made
# the sanitizer build's rebuild take longer than READY's 30 seconds.)
cat >>"$T/kyniem.conf" <<EOC
[server]
listen = 127.0.0.1:$port
poll_seconds = 1

[feed big]
title = Big
days_back = 0
days_ahead = 18250
max_bytes = 20000000
EOC
cp "$T/kyniem.conf" "$T/kyniem.conf.orig"

"$PYTHON" "$SRC/tests/integration/notifyd.py" "$T/notify.sock" \
    "$T/notify.log" &
PIDS="$!"
i=0
while [ ! -S "$T/notify.sock" ]; do
	i=$((i + 1)); [ $i -lt 50 ] || die "notify socket not up"; sleep 0.1
done
NOTIFY_SOCKET="$T/notify.sock" "$KYNIEM" --today 2023-06-01 serve \
    >"$T/serve.out" 2>"$T/serve.err" &
SERVER=$!

# wait_ready N: until the Nth READY=1 (30 s at most).
wait_ready() {
	_i=0
	while [ "$(grep -c '^READY=1$' "$T/notify.log" 2>/dev/null)" -lt "$1" ]
	do
		_i=$((_i + 1))
		[ $_i -lt 300 ] || { cat "$T/serve.err"; die "no READY=1 #$1"; }
		kill -0 "$SERVER" 2>/dev/null ||
		    { cat "$T/serve.err"; die "server exited"; }
		sleep 0.1
	done
}
calname() {	# the feed's X-WR-CALNAME, from its first 4 KB
	curl -s "$base/calendars/$1.ics" | head -c 4096 |
	    sed -n 's/^X-WR-CALNAME:\(.*\)\r$/\1/p'
}
wait_ready 1
expect "no laos.ics before the reload" [ "$(curl -s -o /dev/null \
    -w '%{http_code}' "$base/calendars/laos.ics")" = 404 ]
expect "big.ics has its title" [ "$(calname big)" = Big ]

# Reload: a new feed and a new title.
sed -i 's/^title = Big$/title = Cả trăm năm/' "$T/kyniem.conf"
cat >>"$T/kyniem.conf" <<'EOC'

[feed laos]
title = Lào thử nghiệm
countries = LA
EOC
kill -HUP "$SERVER"
wait_ready 2
expect_grep '^RELOADING=1$' "$T/notify.log"
expect "laos.ics after the reload" [ "$(calname laos)" = "Lào thử nghiệm" ]
expect "big.ics has its new title" [ "$(calname big)" = "Cả trăm năm" ]
curl -s -o "$T/laos.ics" "$base/calendars/laos.ics"
expect "laos.ics has the Lao dates only" "$PYTHON" -c 'import icalendar, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = c.walk("VEVENT")
bad = [e for e in ev if "Lào" not in e["CATEGORIES"].cats]
print(len(ev), "events in laos.ics,", len(bad), "not Lao")
sys.exit(1 if bad or not ev else 0)' "$T/laos.ics"
expect_grep "configuration reloaded from '$T/kyniem.conf'" "$T/serve.err"

# A config with an error: reported, the running one kept.
printf '\n[server]\nno_such_key = 1\n' >>"$T/kyniem.conf"
kill -HUP "$SERVER"
wait_ready 3
expect_grep 'no_such_key' "$T/serve.err"
expect_grep 'reload: keeping the previous configuration' "$T/serve.err"
expect "laos.ics kept" [ "$(calname laos)" = "Lào thử nghiệm" ]
cp "$T/kyniem.conf.orig" "$T/kyniem.conf"

# SIGTERM during a slow download of big.ics (5 MB/s).
"$PYTHON" "$SRC/tests/integration/slowget.py" 127.0.0.1 "$port" \
    /calendars/big.ics "$T/started" 5000000 >"$T/slow.out" 2>&1 &
slow=$!
PIDS="$slow $PIDS"
i=0
while [ ! -e "$T/started" ]; do
	i=$((i + 1)); [ $i -lt 100 ] || die "slow download did not start"
	sleep 0.1
done
kill -TERM "$SERVER"
sleep 0.5
# Draining: still running for the download, refusing new connections.
expect "the server stays up to finish the download" kill -0 "$SERVER"
expect "no new connection after SIGTERM" [ "$(curl -s -m 2 -o /dev/null \
    -w '%{http_code}' "$base/healthz")" = 000 ]
expect "the download is finished whole" wait "$slow"
cat "$T/slow.out"
rc=0
wait "$SERVER" || rc=$?
SERVER=""
expect "the server exits 0 (got $rc)" [ "$rc" -eq 0 ]
expect_grep '^STOPPING=1$' "$T/notify.log"
expect_grep 'stopped' "$T/serve.err"
cat "$T/notify.log"

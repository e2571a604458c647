# kyniem serve under socket activation: systemd-socket-activate passes a
# listening socket the way systemd does (fd 3, LISTEN_FDS=1, LISTEN_PID)
# and starts the server on the first connection, which must get the feed
# (not a 503 while the feeds are built); the server never binds the
# configured address itself, tells NOTIFY_SOCKET it is ready, and stops
# cleanly on SIGTERM.
. "$SRC/tests/lib.sh"
command -v systemd-socket-activate >/dev/null ||
    skip_all "systemd-socket-activate not installed"
PIDS=""
cleanup() {
	for p in $PIDS; do
		kill "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
}
trap cleanup EXIT INT TERM

initdb
port=$(free_port)
unused=$(free_port)
cat >>"$T/kyniem.conf" <<EOC
[server]
listen = 127.0.0.1:$unused
EOC
"$PYTHON" "$SRC/tests/integration/notifyd.py" "$T/notify.sock" \
    "$T/notify.log" &
PIDS="$!"
i=0
while [ ! -S "$T/notify.sock" ]; do
	i=$((i + 1)); [ $i -lt 50 ] || die "notify socket not up"; sleep 0.1
done

# systemd-socket-activate passes only the variables named with -E (the
# sanitizer options set by tests/run too).
systemd-socket-activate -E NOTIFY_SOCKET="$T/notify.sock" \
    -E ASAN_OPTIONS -E UBSAN_OPTIONS \
    -l "127.0.0.1:$port" "$KYNIEM" --config "$T/kyniem.conf" \
    --today 2023-06-01 serve \
    >"$T/serve.out" 2>"$T/serve.err" &
srv=$!
PIDS="$srv $PIDS"
# systemd-socket-activate listens at once and execs kyniem on the first
# connection: this very request starts the server.
i=0
until curl -s -o "$T/jp.ics" -w '%{http_code}' \
    "http://127.0.0.1:$port/calendars/country/JP.ics" >"$T/code" 2>/dev/null
do
	i=$((i + 1)); [ $i -lt 50 ] || die "socket not listening"; sleep 0.1
done
expect "the first request gets the feed: $(cat "$T/code")" \
    [ "$(cat "$T/code")" = 200 ]
expect_grep 'Communication attempt on fd 3' "$T/serve.err"
expect "JP.ics parses, with the 50th" "$PYTHON" -c 'import datetime, icalendar, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = c.walk("VEVENT")
hit = [e for e in ev if e.decoded("DTSTART") == datetime.date(2023, 9, 21)
       and str(e["SUMMARY"]) == "Nhật Bản: 50 năm quan hệ ngoại giao"]
print(len(ev), "events in JP.ics;", hit[0]["SUMMARY"] if hit else "no 50th")
sys.exit(0 if hit else 1)' "$T/jp.ics"

# The URLs printed are those of the socket passed, and the configured
# address was never bound.
expect_grep "serving http://127.0.0.1:$port/" "$T/serve.out"
expect "[server] listen is not bound as well" [ "$(curl -s -o /dev/null \
    -w '%{http_code}' "http://127.0.0.1:$unused/healthz")" = 000 ]
# Still the same process (kyniem replaced systemd-socket-activate).
expect "healthz" [ "$(curl -s "http://127.0.0.1:$port/healthz")" = ok ]
expect "the server is still running" kill -0 "$srv"

i=0
until grep -q '^READY=1$' "$T/notify.log" 2>/dev/null || [ $i -ge 50 ]; do
	i=$((i + 1))
	sleep 0.1
done
expect_grep '^READY=1$' "$T/notify.log"
cat "$T/notify.log"
# SIGTERM: it stops cleanly (under the sanitizers: no leak at exit).
kill -TERM "$srv"
rc=0
wait "$srv" || rc=$?
expect "exit 0 on SIGTERM (got $rc)" [ "$rc" -eq 0 ]

# A bad hand-over (two sockets) is refused, not half-used.
port2=$(free_port)
systemd-socket-activate -E ASAN_OPTIONS -E UBSAN_OPTIONS \
    -l "127.0.0.1:$(free_port)" -l "127.0.0.1:$port2" \
    "$KYNIEM" --config "$T/kyniem.conf" --today 2023-06-01 serve \
    >"$T/two.out" 2>"$T/two.err" &
two=$!
PIDS="$two $PIDS"
i=0
while kill -0 "$two" 2>/dev/null && [ $i -lt 50 ]; do
	i=$((i + 1))
	curl -s -m 1 -o /dev/null "http://127.0.0.1:$port2/healthz" || true
	sleep 0.1
done
expect "two sockets: the server does not stay up" \
    eval '! kill -0 "$two" 2>/dev/null'
kill "$two" 2>/dev/null || true	# still up: a failure, not a hang
test_must_fail --status=1 wait "$two"
expect_grep '2 sockets passed' "$T/two.err"

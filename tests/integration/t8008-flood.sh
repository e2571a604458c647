# Connection floods (issue 12): 2,000 slow or idle connections, held open
# and reopened when closed, while 50 normal GETs must each be answered
# within 200 ms.  First with the per-address limit (every attacker is
# 127.0.0.1), then with that limit out of the way so the total limit has
# to close the oldest idle connections; last, a client dribbling one
# header line a second is cut off at the header deadline.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
initdb
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge 5000 ] || { echo "skipped: only $(ulimit -n) files"; exit 77; }

start_server 2024-03-01
"$PYTHON" "$SRC/tests/integration/flood.py" "$PORT" 2000 50 200 \
    >"$T/flood1" 2>&1 || { cat "$T/flood1"; fail "per-address flood"; }
cat "$T/flood1"
kill -0 "$SERVER_PID" || fail "server died"
stop_server

cat >>"$T/kyniem.conf" <<EOC
[server]
max_connections = 1000
max_per_address = 100000
header_timeout = 2
EOC
start_server 2024-03-01
"$PYTHON" "$SRC/tests/integration/flood.py" "$PORT" 2000 50 200 \
    >"$T/flood2" 2>&1 || { cat "$T/flood2"; fail "total-limit flood"; }
cat "$T/flood2"

# Slowloris against the deadline: a header line a second is cut at 2 s.
"$PYTHON" - "$PORT" >"$T/slow" <<'EOP' || { cat "$T/slow"; fail "deadline"; }
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
t0 = time.monotonic()
try:
    for i in range(20):
        time.sleep(1)
        s.sendall(b"X-Slow: %d\r\n" % i)
        s.settimeout(0.01)
        try:
            if s.recv(100) == b"":
                break
        except socket.timeout:
            pass
except OSError:
    pass
took = time.monotonic() - t0
print("closed after %.1f s" % took)
sys.exit(0 if took < 5 else 1)
EOP
cat "$T/slow"
kill -0 "$SERVER_PID" || fail "server died"
exit 0

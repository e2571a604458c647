# Connection floods (issue 12): 2,000 slow or idle connections, held open
# and reopened when closed, while 50 normal GETs must each be answered
# within 200 ms.  First with the per-address limit (every attacker is
# 127.0.0.1), then with that limit out of the way so the total limit has
# to close the oldest idle connections; last, a client dribbling one
# header line a second is cut off at the header deadline.
. "$SRC/tests/lib.sh"
normal_only "thousands of connections; the connection table runs under ASan in t8006"
. "$SRC/tests/integration/serverlib.sh"
initdb
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge 5000 ] || skip_all "only $(ulimit -n) files allowed"
# The sanitizer build runs several times slower: the same flood, a wider
# bound.
limit=200
[ "$KYNIEM_BUILD" = san ] && limit=600

start_server 2024-03-01
expect "50 GETs within $limit ms under 2,000 connections from one address" \
    "$PYTHON" "$SRC/tests/integration/flood.py" "$PORT" 2000 50 "$limit" \
    >"$T/flood1" 2>&1
cat "$T/flood1"
expect "the server is still running" kill -0 "$SERVER_PID"
stop_server

cat >>"$T/kyniem.conf" <<EOC
[server]
max_connections = 1000
max_per_address = 100000
header_timeout = 2
EOC
start_server 2024-03-01
expect "50 GETs within $limit ms with the total limit reached" \
    "$PYTHON" "$SRC/tests/integration/flood.py" "$PORT" 2000 50 "$limit" \
    >"$T/flood2" 2>&1
cat "$T/flood2"

# Slowloris against the deadline: a header line a second is cut at 2 s.
expect "a slowloris client is cut at the 2 s header deadline" \
    "$PYTHON" - "$PORT" >"$T/slow" <<'EOP'
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
expect "the server is still running" kill -0 "$SERVER_PID"
exit 0

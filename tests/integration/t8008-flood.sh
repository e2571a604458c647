# Connection floods (issues 12 and 21): thousands of slow or idle
# connections, held open and reopened when closed, while 50 normal GETs
# from 127.0.0.1 must each be answered within 200 ms.  First 2,000 with
# the per-address limit (every attacker is 127.0.0.1); then 5,000 slow
# headers and slow bodies (POST /app/login announcing 100,000 bytes, one
# byte every 3 s) from 127.0.0.2 and from 127.0.0.2-5, which may keep no
# more than the per-address limit (64) each, in the body phase as in the
# headers; a new connection over that limit closes the address's oldest
# slow one.  Then with the per-address limit out of the way so the total
# limit has to close the oldest slow or idle connections; last, a client
# dribbling header lines is cut off at the header deadline, one
# dribbling its body at the body deadline, while one sending its body
# faster than the minimum rate is answered past that deadline.  The
# connections the server closes are counted, not logged one by one.
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
expect "50 GETs within $limit ms under 5,000 slow headers and bodies from \
127.0.0.2, which holds at most 64" \
    "$PYTHON" "$SRC/tests/integration/flood.py" "$PORT" 5000 50 "$limit" \
    --kinds header,body --from 127.0.0.2 --max-held 64 \
    >"$T/flood-one" 2>&1
cat "$T/flood-one"
expect "50 GETs within $limit ms under 5,000 slow headers and bodies from \
127.0.0.2-5, each holding at most 64" \
    "$PYTHON" "$SRC/tests/integration/flood.py" "$PORT" 5000 50 "$limit" \
    --kinds header,body --from 127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5 \
    --max-held 64 >"$T/flood-four" 2>&1
cat "$T/flood-four"
# The thousands of connections closed are counted, not logged one by one
# (a line each would flood the journal); what the clients closed
# themselves at the end is logged.
n=$(grep -c '127\.0\.0\.[2-5] ' "$T/serve.err" || true)
expect "a few lines for the floods' 127.0.0.2-5, not thousands ($n)" \
    [ "$n" -gt 0 -a "$n" -lt 1000 ]
expect_no_grep 'when reading request\|closed by remote side' "$T/serve.err"

# The 65th connection from an address closes its oldest slow one, here
# one in the middle of its body, and is served.
expect "a new connection over the limit closes the address's oldest \
(a slow body) and is answered" \
    "$PYTHON" - "$PORT" >"$T/oldest" 2>&1 <<'EOP'
import socket, sys, time
port = int(sys.argv[1])
def conn():
    s = socket.socket()
    s.bind(("127.0.0.6", 0))
    s.settimeout(2)
    s.connect(("127.0.0.1", port))
    return s
def closed(s):
    s.setblocking(False)
    try:
        return s.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
first = conn()
first.sendall(b"POST /app/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
              b"application/x-www-form-urlencoded\r\n"
              b"Content-Length: 100000\r\n\r\nab")
rest = [conn() for i in range(63)]
time.sleep(0.5)
new = conn()
new.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
answer = new.recv(100)
time.sleep(0.3)
print("the oldest closed: %s; the new one: %r; others closed: %d"
      % (closed(first), answer[:15], sum(closed(s) for s in rest)))
sys.exit(0 if closed(first) and answer.startswith(b"HTTP/1.1 200")
         and not any(closed(s) for s in rest) else 1)
EOP
cat "$T/oldest"
expect "the server is still running" kill -0 "$SERVER_PID"
stop_server

cat >>"$T/kyniem.conf" <<EOC
[server]
max_connections = 1000
max_per_address = 100000
header_timeout = 2
body_timeout = 2
body_min_rate = 1000
EOC
start_server 2024-03-01
expect "50 GETs within $limit ms with the total limit reached" \
    "$PYTHON" "$SRC/tests/integration/flood.py" "$PORT" 2000 50 "$limit" \
    --kinds idle,header,body >"$T/flood2" 2>&1
cat "$T/flood2"

# Slowloris against the deadline: a header line a second is cut at 2 s.
# (It runs beside the two bodies below: each takes seconds.)
cat >"$T/slow.py" <<'EOP'
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
EOP
"$PYTHON" "$T/slow.py" "$PORT" >"$T/slow" &
slow=$!

# A body: the deadline (2 s) grows by a second per 1,000 bytes received.
# One byte every 0.4 s is cut at about 2 s; 3,000 bytes a second for 4 s
# are read to the end and answered.
cat >"$T/body.py" <<'EOP'
import socket, sys, time
port, size, chunk, pause = (int(sys.argv[1]), int(sys.argv[2]),
                            int(sys.argv[3]), float(sys.argv[4]))
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"POST /app/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
          b"application/x-www-form-urlencoded\r\nConnection: close\r\n"
          b"Content-Length: %d\r\n\r\n" % size)
t0 = time.monotonic()
sent, answer = 0, b""
try:
    while sent < size and time.monotonic() - t0 < 12:
        s.sendall(b"a" * min(chunk, size - sent))
        sent += min(chunk, size - sent)
        time.sleep(pause)
    s.settimeout(5)
    answer = s.recv(100)
except OSError:
    pass
print("%d of %d bytes in %.1f s, then %r" % (sent, size,
      time.monotonic() - t0, answer[:12]))
EOP
"$PYTHON" "$T/body.py" "$PORT" 100000 1 0.4 >"$T/trickle" &
trickle=$!
"$PYTHON" "$T/body.py" "$PORT" 12000 600 0.2 >"$T/steady"
wait $slow $trickle
cat "$T/slow" "$T/trickle" "$T/steady"
expect "a slowloris client is cut at the 2 s header deadline" \
    awk '{ t = $3 + 0 } END { exit !(NR == 1 && t >= 1.5 && t < 5) }' \
    "$T/slow"
expect "a body of one byte every 0.4 s is cut at the 2 s deadline" \
    awk '{ t = $6 + 0 } END { exit !(t >= 1.5 && t < 4.5) }' "$T/trickle"
expect_grep ", then b''" "$T/trickle"
expect_grep "^12000 of 12000 bytes in [4-9]\.[0-9] s, then b'HTTP/1.1 " \
    "$T/steady"
expect "the server is still running" kill -0 "$SERVER_PID"
exit 0

# The server under abuse: 600 idle slowloris connections (each dribbling
# a header line now and then), garbage, truncated, oversized headers and
# URLs, a huge announced body, and connections closed mid-request.  While
# they hold on, a normal request must still be answered within 2 s, the
# server must keep running, and its resident memory must stay bounded.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
initdb
start_server 2024-03-01
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status"; }
curl -s -o /dev/null --max-time 5 "$BASE/calendars/all.ics" ||
    die "first request failed"
before=$(rss)
echo "RSS before: $before kB"

cat >"$T/abuse.py" <<'EOP'
import socket, sys, time
port, n, secs = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
def conn():
    s = socket.socket()
    s.settimeout(2)
    s.connect(("127.0.0.1", port))
    return s
def fire(data, close=True):
    try:
        s = conn()
        s.sendall(data)
        if close:
            s.close()
        return s
    except OSError:
        return None
# Garbage, truncated and oversized requests, many times over.
for i in range(50):
    fire(b"\x00\xff garbage \r\n\r\n" * 10)
    fire(b"GET /calendars/all.ics HTTP/1.1\r\nHost: x\r\n")   # truncated
    fire(b"GET /" + b"a" * 200000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    fire(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 300000 +
         b"\r\n\r\n")
    fire(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n"
         + b"c" * 65536)
    fire(b"GET / HTTP/9.9\r\n\r\n")
    fire(b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
# Slowloris: n connections, each sending a header line now and then.
socks = []
for i in range(n):
    s = fire(b"GET / HTTP/1.1\r\nHost: x\r\n", close=False)
    if s is not None:
        socks.append(s)
print("open", len(socks), flush=True)
end = time.time() + secs
while time.time() < end:
    for s in socks:
        try:
            s.send(b"X-a: b\r\n")
        except OSError:
            pass
    time.sleep(1)
print("done", flush=True)
EOP
"$PYTHON" "$T/abuse.py" "$PORT" 600 8 >"$T/abuse.out" 2>&1 &
apid=$!
trap 'kill $apid 2>/dev/null || true; stop_server' EXIT
i=0
until grep -q '^open' "$T/abuse.out"; do
	i=$((i + 1))
	[ $i -lt 300 ] || { cat "$T/abuse.out"; die "abuse script stuck"; }
	sleep 0.1
done
cat "$T/abuse.out"
# While they hold on, normal requests are answered quickly.
for u in /healthz /calendars/all.ics /; do
	c=$(curl -s -o "$T/body" -w '%{http_code}' --max-time 2 "$BASE$u") ||
	    true
	expect "GET $u: 200 within 2 s under slowloris (got $c)" [ "$c" = 200 ]
done
expect "the abuse script ran through" wait $apid
expect "the server is still running" kill -0 "$SERVER_PID"
c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
    "$BASE/calendars/all.ics") || true
expect "GET /calendars/all.ics: 200 after the abuse (got $c)" [ "$c" = 200 ]
after=$(rss)
echo "RSS after: $after kB (before $before kB)"
# Bounded: each connection's memory is capped (32 KiB pool), so 600 of
# them may cost some megabytes, never the hundreds a leak would.
expect "RSS bounded: from $before kB to $after kB" \
    [ "$after" -lt $((before + 65536)) ]
expect_clean_stop

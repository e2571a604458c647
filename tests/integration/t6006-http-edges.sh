# HTTP edge cases of issue 12, on a real server: a forged log line is one
# escaped line; a token in ";token=" or "%3Ftoken=" form stays out of the
# log; a GET with a body is answered; "%00" and other control escapes are
# a 400, not a truncated path; HTTP/1.1 without Host is a 400; a 304
# carries the 200's Content-Length, not 0; X-Real-IP counts only from a
# trusted proxy.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[feed secret]
token = s3cret-t0ken
EOC
start_server 2024-03-01

raw() {	# raw REQUEST: the status line of the answer to a raw request
	"$PYTHON" - "$PORT" "$1" <<'EOP'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(sys.argv[2].encode().decode("unicode_escape").encode("latin-1"))
data = b""
try:
    while b"\r\n" not in data:
        d = s.recv(4096)
        if not d:
            break
        data += d
except OSError:
    pass
print(data.split(b"\r\n")[0].decode("latin-1") or "(no answer)")
EOP
}

# Log forging: the request line holds a newline, a journald level and a
# terminal escape; the log gets one line, escaped.
before=$(wc -l <"$T/serve.err")
expect "a forged path is a 400" \
    [ "$(code "$BASE/x%0a<0>kyniem:%20EMERGENCY%1b[31m" -g)" = 400 ]
expect "a raw ESC in the path is answered" \
    [ "$(raw 'GET /y\x1b[31mz HTTP/1.1\r\nHost: x\r\n\r\n')" != "(no answer)" ]
sleep 0.3
tail -n +"$((before + 1))" "$T/serve.err" >"$T/forged"
cat "$T/forged"
expect "two requests, two log lines" [ "$(wc -l <"$T/forged")" -eq 2 ]
expect_no_grep '^<0>\|^kyniem: EMERGENCY' "$T/forged"
expect_grep '"GET /x%0a<0>kyniem: EMERGENCY%1b\[31m" 400' "$T/forged"
expect_grep '"GET /y\\x1B\[31mz" ' "$T/forged"
expect "no ESC byte in the log" sh -c "! LC_ALL=C grep -q \"\$(printf '\\033')\" '$T/forged'"

# Tokens in the path stay out of the log.
code "$BASE/calendars/secret.ics;token=s3cret-t0ken" >/dev/null
code "$BASE/calendars/secret.ics%3Ftoken=s3cret-t0ken" >/dev/null
expect "the private feed with its token" \
    [ "$(code "$BASE/calendars/secret.ics?token=s3cret-t0ken")" = 200 ]
sleep 0.3
expect_no_grep 's3cret-t0ken' "$T/serve.err"
expect_grep 'secret.ics;token=\*\*\*' "$T/serve.err"
expect_grep 'secret.ics?token=\*\*\*' "$T/serve.err"

# A GET with a body is answered; HTTP/1.1 needs Host; NUL and controls.
expect "a GET with a body is answered" [ "$(raw \
    'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello')" = \
    "HTTP/1.1 200 OK" ]
expect "HTTP/1.1 without Host: 400" \
    [ "$(raw 'GET /healthz HTTP/1.1\r\n\r\n')" = "HTTP/1.1 400 Bad Request" ]
expect "HTTP/1.0 without Host: 200" \
    [ "$(raw 'GET /healthz HTTP/1.0\r\n\r\n')" = "HTTP/1.1 200 OK" ]
expect "%00 in the path: 400" \
    [ "$(code "$BASE/calendars/all.ics%00.html")" = 400 ]
expect "%00 at the end: 400" [ "$(code "$BASE/calendars/all.ics%00")" = 400 ]
expect "%0d: 400" [ "$(code "$BASE/calendars/all%0d.ics")" = 400 ]
expect "%61 is a letter: 200" [ "$(code "$BASE/calendars/%61ll.ics")" = 200 ]

# A 304 carries the length of the 200, or none, never 0.
curl -s -D "$T/h200" -o "$T/body" "$BASE/calendars/all.ics"
etag=$(tr -d '\r' <"$T/h200" | sed -n 's/^ETag: //p')
curl -s -D "$T/h304" -o /dev/null -H "If-None-Match: $etag" \
    "$BASE/calendars/all.ics"
expect_grep '^HTTP/1.1 304' "$T/h304"
len=$(tr -d '\r' <"$T/h200" | sed -n 's/^Content-Length: //p')
got=$(tr -d '\r' <"$T/h304" | sed -n 's/^Content-Length: //p')
expect "the 304 carries the 200's length ($len) or none, got '$got'" \
    [ -z "$got" -o "$got" = "$len" ]
expect "no Content-Length: 0 on a 304" [ "$got" != 0 ]

# X-Real-IP is believed only from a trusted proxy.
curl -s -o /dev/null -H 'X-Real-IP: 203.0.113.9' "$BASE/healthz"
sleep 0.3
expect_no_grep '^kyniem: 203.0.113.9' "$T/serve.err"
stop_server
printf '[server]\ntrusted_proxies = 127.0.0.1, ::1\n' >>"$T/kyniem.conf"
start_server 2024-03-01
curl -s -o /dev/null -H 'X-Real-IP: 203.0.113.9' "$BASE/healthz"
curl -s -o /dev/null -H 'X-Forwarded-For: 198.51.100.1, 203.0.113.7' \
    "$BASE/healthz"
sleep 0.3
expect_grep '^kyniem: 203.0.113.9 "GET /healthz"' "$T/serve.err"
expect_grep '^kyniem: 203.0.113.7 "GET /healthz"' "$T/serve.err"
exit 0

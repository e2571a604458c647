# HTTP edge cases of issues 12 and 21, on a real server: a forged log
# line is one escaped line; a token in ";token=" or "%3Ftoken=" form stays
# out of the log; a GET with a body is answered; "%00" and other control
# escapes are a 400, not a truncated path; HTTP/1.1 without Host is a 400;
# a 304 carries the 200's Content-Length, not 0; X-Real-IP counts only
# from a trusted proxy.  What libmicrohttpd lets through is refused
# before any body is read, and the connection closed: "Expect:
# 100-continue" over the body limit (413, no "100 Continue"), another
# expectation (417), Transfer-Encoding with Content-Length or either twice
# (400), a transfer coding other than chunked (400 or 501), a bare CR in a
# header or trailer field and a space before the colon (400).
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

# exchange REQUEST: every status line the server answers a raw request
# with (in its first second), then "closed" or "open": whether it
# closed the connection.
exchange() {
	"$PYTHON" - "$PORT" "$1" <<'EOP'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(sys.argv[2].encode().decode("unicode_escape").encode("latin-1"))
data, state, end = b"", "open", time.monotonic() + 1.0
try:
    while time.monotonic() < end:
        s.settimeout(max(end - time.monotonic(), 0.01))
        d = s.recv(65536)
        if not d:
            state = "closed"
            break
        data += d
except socket.timeout:
    pass
except OSError:
    state = "closed"
print(" ".join(l.decode("latin-1") for l in data.split(b"\r\n")
               if l.startswith(b"HTTP/1.")), state)
EOP
}

# answers DESCRIPTION REQUEST WANT: one check that exchange REQUEST
# prints WANT.
answers() {
	_got=$(exchange "$2")
	expect "$1: $3 (got: $_got)" [ "$_got" = "$3" ]
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

# Expect: 100-continue.  A body over the limit (8 MiB for a form, 64 KiB
# for a body nobody reads) is refused at once, without "100 Continue";
# one within it is invited; another expectation is a 417.
form='POST /app/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n'
answers "Expect: 100-continue, a 9,000,000-byte form: no 100" \
    "${form}Expect: 100-continue\r\nContent-Length: 9000000\r\n\r\n" \
    "HTTP/1.1 413 Content Too Large closed"
# libmicrohttpd answers a length over 64 bits itself (0.9.75 writes its
# status line twice, a bug of its own).
got=$(exchange "${form}Expect: 100-Continue\r\nContent-Length: 99999999999999999999\r\n\r\n")
case $got in
"HTTP/1.1 413 Content Too Large "*closed) pass "Expect: 100-continue over 2^64: 413 ($got)" ;;
*) fail "Expect: 100-continue over 2^64: $got" ;;
esac
# curl asks before sending a large body: it sends none of it and shows
# the application's page (in Vietnamese) for the 413.
head -c 9000000 /dev/zero >"$T/big"
curl -s -o "$T/413.html" -w '%{http_code} %{size_upload}' \
    -H 'Expect: 100-continue' -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary "@$T/big" "$BASE/app/login" >"$T/413.out"
expect "curl's 9,000,000-byte form: 413, none of it sent ($(cat "$T/413.out"))" \
    [ "$(cat "$T/413.out")" = "413 0" ]
expect_grep 'Dữ liệu gửi lên quá lớn' "$T/413.html"
rm -f "$T/big"
answers "Expect: 100-continue, a 100,000-byte body to a GET" \
    'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 100000\r\n\r\n' \
    "HTTP/1.1 413 Content Too Large closed"
answers "Expect: 100-continue within the limit: invited, then read" \
    "${form}Expect: 100-continue\r\nContent-Length: 3\r\n\r\n" \
    "HTTP/1.1 100 Continue open"
answers "another expectation" \
    "${form}Expect: 100-continue, x-wish\r\nContent-Length: 3\r\n\r\nabc" \
    "HTTP/1.1 417 Expectation Failed closed"

# The body's length must be unambiguous (RFC 9112 6.1, 6.3): the request
# is refused and its connection closed, so that nothing after it is read
# as another request (here a pipelined GET that must not be answered).
smuggle='0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
answers "Transfer-Encoding with Content-Length" \
    "${form}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n$smuggle" \
    "HTTP/1.1 400 Bad Request closed"
answers "Content-Length with Transfer-Encoding on a GET" \
    "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n$smuggle" \
    "HTTP/1.1 400 Bad Request closed"
answers "Content-Length twice" \
    "${form}Content-Length: 3\r\nContent-Length: 30\r\n\r\nabc" \
    "HTTP/1.1 400 Bad Request closed"
answers "Transfer-Encoding twice" \
    "${form}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n$smuggle" \
    "HTTP/1.1 400 Bad Request closed"
answers "Transfer-Encoding in HTTP/1.0" \
    'POST /app/login HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n' \
    "HTTP/1.1 400 Bad Request closed"
answers "Transfer-Encoding: gzip (no chunked last)" \
    "${form}Transfer-Encoding: gzip\r\n\r\nabc" \
    "HTTP/1.1 400 Bad Request closed"
answers "Transfer-Encoding: gzip, chunked" \
    "${form}Transfer-Encoding: gzip, chunked\r\n\r\n$smuggle" \
    "HTTP/1.1 501 Not Implemented closed"
answers "a chunked form is still read (403: no CSRF token)" \
    "${form}Transfer-Encoding: chunked\r\n\r\n3\r\na=b\r\n0\r\n\r\n" \
    "HTTP/1.1 403 Forbidden open"

# A bare CR inside a field, a CR or a space in a name: 400, closed.
answers "a bare CR in a header value" \
    'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n' \
    "HTTP/1.1 400 Bad Request closed"
answers "a bare CR at a value's end" \
    'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: ab\r\r\n\r\n' \
    "HTTP/1.1 400 Bad Request closed"
answers "a bare CR in a header name" \
    'GET /healthz HTTP/1.1\r\nHost: x\r\nX\rA: b\r\n\r\n' \
    "HTTP/1.1 400 Bad Request closed"
answers "a space before the colon" \
    'GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n' \
    "HTTP/1.1 400 Bad Request closed"
answers "a bare CR in a trailer field" \
    "${form}Transfer-Encoding: chunked\r\n\r\n3\r\na=b\r\n0\r\nX-T: a\rb\r\n\r\n" \
    "HTTP/1.1 400 Bad Request closed"
answers "a GET with no fault" \
    'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a b\r\n\r\n' \
    "HTTP/1.1 200 OK open"

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

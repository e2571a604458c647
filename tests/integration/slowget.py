"""A slow HTTP client: GET http://HOST:PORT/PATH with a small receive
buffer, create the file STARTED once the first body bytes arrived, then
read at RATE bytes per second.  Exit 0 when the whole body (per
Content-Length) arrived and ends the calendar, else 1.
Usage: slowget.py HOST PORT PATH STARTED RATE"""
import os
import socket
import sys
import time

host, port, path, started, rate = sys.argv[1:6]
rate = int(rate)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# Small, so the server cannot hand the whole answer to the kernel at once.
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
s.connect((host, int(port)))
s.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n"
           % (path, host)).encode())
data = b""
while b"\r\n\r\n" not in data:
    chunk = s.recv(4096)
    if not chunk:
        sys.exit("closed before the headers")
    data += chunk
head, body = data.split(b"\r\n\r\n", 1)
lines = head.decode("latin-1").split("\r\n")
length = None
for h in lines[1:]:
    k, _, v = h.partition(":")
    if k.strip().lower() == "content-length":
        length = int(v)
open(started, "w").close()
t0 = time.monotonic()
got = len(body)
tail = body[-64:]
while True:
    chunk = s.recv(16384)
    if not chunk:
        break
    got += len(chunk)
    tail = (tail + chunk)[-64:]
    ahead = got / rate - (time.monotonic() - t0)
    if ahead > 0:
        time.sleep(ahead)
print("%s; Content-Length %s, received %d bytes in %.1f s"
      % (lines[0], length, got, time.monotonic() - t0))
ok = (lines[0].split()[1] == "200" and length == got
      and tail.endswith(b"END:VCALENDAR\r\n"))
sys.exit(0 if ok else 1)

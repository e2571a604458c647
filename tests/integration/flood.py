"""Hold N slow or idle connections to a server while timing normal GETs.

Usage: flood.py PORT N GETS LIMIT_MS
Half the connections send nothing, half send a header line every second
(slowloris); a connection the server closes is opened again a second
later, so the pressure stays.  Meanwhile GETS requests for /healthz, one
connection each, must each be answered (200) within LIMIT_MS.  Prints one
line of figures; exits 1 when a GET was slow or failed."""
import resource
import socket
import sys
import threading
import time

port, n, gets, limit_ms = (int(a) for a in sys.argv[1:5])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

lock = threading.Lock()
socks = {}          # slot -> (socket, slow)
closed = [0]
stop = threading.Event()


def open_slot(i):
    try:
        s = socket.socket()
        s.setblocking(True)
        s.settimeout(1)
        s.connect(("127.0.0.1", port))
        if i % 2:
            s.sendall(b"GET / HTTP/1.1\r\n")
        s.setblocking(False)
        return s
    except OSError:
        return None


def pump():
    """Send the slow ones a line; note and reopen the closed ones."""
    while not stop.is_set():
        for i in range(n):
            with lock:
                s = socks.get(i)
            if s is None:
                s = open_slot(i)
                with lock:
                    socks[i] = s
                continue
            try:
                if s.recv(1) == b"":
                    raise OSError("closed")
            except BlockingIOError:
                pass
            except OSError:
                s.close()
                closed[0] += 1
                with lock:
                    socks[i] = None
                continue
            if i % 2:
                try:
                    s.send(b"X-Slow: %d\r\n" % i)
                except OSError:
                    pass
        stop.wait(1.0)


for i in range(n):
    socks[i] = open_slot(i)
opened = sum(1 for s in socks.values() if s is not None)
t = threading.Thread(target=pump, daemon=True)
t.start()
time.sleep(1.0)
worst, fails = 0.0, 0
for k in range(gets):
    t0 = time.monotonic()
    try:
        c = socket.create_connection(("127.0.0.1", port), timeout=5)
        c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                  b"Connection: close\r\n\r\n")
        data = b""
        while True:
            d = c.recv(4096)
            if not d:
                break
            data += d
        c.close()
        ok = data.startswith(b"HTTP/1.1 200")
    except OSError:
        ok = False
    ms = (time.monotonic() - t0) * 1000
    worst = max(worst, ms)
    if not ok or ms > limit_ms:
        fails += 1
        print("GET %d: %s in %.0f ms" % (k, "ok" if ok else "failed", ms))
    time.sleep(0.05)
stop.set()
print("opened %d of %d, server closed %d, %d GETs, worst %.0f ms, "
      "%d over %d ms or failed" % (opened, n, closed[0], gets, worst, fails,
                                     limit_ms))
sys.exit(1 if fails else 0)

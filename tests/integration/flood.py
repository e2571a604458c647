"""Hold N slow or idle connections to a server while timing normal GETs.

Usage: flood.py PORT N GETS LIMIT_MS [--kinds K,K...] [--from A,A...]
                [--max-held M] [--burst]
Each connection is one of KINDS, in turn (default: idle,header):
  idle    sends nothing;
  header  sends "GET / HTTP/1.1" and then a header line every second
          (slowloris);
  body    sends a whole POST /app/login header announcing a 100,000-byte
          form and then one byte of it every 3 s (a slow body).
The connections of each kind are shared out among the source addresses
of --from (default 127.0.0.1; any 127.x.y.z is this machine).  A
connection the server closes is opened again as soon as the round (once
a second) finds it closed, so the pressure stays; the reopening is spread
over the round (some 5,000 connections a second), not fired at once, so
that the GETs measure the server's limits rather than how fast a server
starved of CPU on a shared machine drains a burst from its accept
queue (--burst reopens them all at once).  Meanwhile GETS requests for /healthz from 127.0.0.1, one
connection each, must each be answered (200) within LIMIT_MS.  Then the
flood pauses for a second and the connections the server still holds
are counted per source address: with --max-held M, no address may hold
more than M.  The flood runs in a child process, so that its work does
not count in the GETs' times.  Prints one line of figures (the worst and
the 99th percentile of the GETs' times, what each address holds); exits
1 when a GET was slow or failed or an address held too many."""
import argparse
import os
import resource
import select
import socket
import time

ap = argparse.ArgumentParser()
ap.add_argument("port", type=int)
ap.add_argument("n", type=int)
ap.add_argument("gets", type=int)
ap.add_argument("limit_ms", type=float)
ap.add_argument("--kinds", default="idle,header")
ap.add_argument("--from", dest="src", default="127.0.0.1")
ap.add_argument("--max-held", type=int, default=0)
ap.add_argument("--burst", action="store_true")
args = ap.parse_args()
port, n = args.port, args.n
kinds = args.kinds.split(",")
sources = args.src.split(",")
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
# Bind the source address but let connect() pick the port: a server that
# closes thousands of connections a second leaves their (address, port)
# pairs in TIME_WAIT, which a port picked at bind() would not avoid.
NO_PORT = getattr(socket, "IP_BIND_ADDRESS_NO_PORT", 24)

BODY_HEAD = (b"POST /app/login HTTP/1.1\r\nHost: x\r\n"
             b"Content-Type: application/x-www-form-urlencoded\r\n"
             b"Content-Length: 100000\r\n\r\n")


def kind(i):
    return kinds[i % len(kinds)]


def source(i):
    return sources[i // len(kinds) % len(sources)]


def open_slot(i):
    try:
        s = socket.socket()
        s.setsockopt(socket.SOL_IP, NO_PORT, 1)
        s.bind((source(i), 0))
        s.settimeout(1)
        s.connect(("127.0.0.1", port))
        if kind(i) == "header":
            s.sendall(b"GET / HTTP/1.1\r\n")
        elif kind(i) == "body":
            s.sendall(BODY_HEAD)
        s.setblocking(False)
        return s
    except OSError:
        return None


def is_open(s):
    try:
        return s.recv(1) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def flood(ctl, out):
    """The child: open, pump once a second until told to stop (a byte
    on ctl), then report on out what the server still holds."""
    socks = [open_slot(i) for i in range(n)]
    opened = sum(1 for s in socks if s is not None)
    os.write(out, b"ready\n")
    closed, tick = 0, 0
    while not select.select([ctl], [], [], 1.0)[0]:
        tick += 1
        reopened = 0
        for i in range(n):
            s = socks[i]
            if s is not None and not is_open(s):
                s.close()
                closed += 1
                s = None
            if s is None:
                socks[i] = open_slot(i)
                reopened += 1
                if reopened % 100 == 0 and not args.burst:
                    time.sleep(0.02)
                continue
            try:
                if kind(i) == "header":
                    s.send(b"X-Slow: %d\r\n" % i)
                elif kind(i) == "body" and (tick + i) % 3 == 0:
                    s.send(b"a")
            except OSError:
                pass
    # What the server still holds of each address once the pressure
    # pauses.
    time.sleep(1.2)
    held = dict((a, 0) for a in sources)
    for i, s in enumerate(socks):
        if s is not None and is_open(s):
            held[source(i)] += 1
    os.write(out, ("%d %d %s\n" % (opened, closed, " ".join(
        "%s=%d" % (a, held[a]) for a in sources))).encode())


def probe():
    """One GET on a new connection: its time in ms and whether it got a
    200."""
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
    return (time.monotonic() - t0) * 1000, ok


ctl_r, ctl_w = os.pipe()
out_r, out_w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(ctl_w)
    os.close(out_r)
    try:
        flood(ctl_r, out_w)
    finally:
        os._exit(0)
os.close(ctl_r)
os.close(out_w)
report = os.fdopen(out_r)
if report.readline() != "ready\n":
    raise SystemExit("the flood did not start")
time.sleep(1.0)
times, fails = [], 0
for k in range(args.gets):
    ms, ok = probe()
    times.append(ms)
    if not ok or ms > args.limit_ms:
        fails += 1
        print("GET %d: %s in %.0f ms" % (k, "ok" if ok else "failed", ms))
    time.sleep(0.05)
os.write(ctl_w, b"x")
line = report.readline().split()
os.waitpid(pid, 0)
if len(line) < 2:
    raise SystemExit("the flood did not report")
opened, closed, held = int(line[0]), int(line[1]), line[2:]
over = [h for h in held if args.max_held and
        int(h.split("=")[1]) > args.max_held]
times.sort()
# The 99th percentile, interpolated between the two nearest ranks.
r = 0.99 * (len(times) - 1)
lo = int(r)
p99 = times[lo] + (times[min(lo + 1, len(times) - 1)] - times[lo]) * (r - lo)
print("opened %d of %d (%s from %s), server closed %d, %d GETs, "
      "worst %.1f ms, p99 %.1f ms, %d over %.0f ms or failed; held %s%s"
      % (opened, n, args.kinds, args.src, closed, args.gets, times[-1],
         p99, fails, args.limit_ms, " ".join(held),
         " (over %d)" % args.max_held if over else ""))
raise SystemExit(1 if fails or over else 0)

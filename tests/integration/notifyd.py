"""Stand-in for systemd's notify socket: bind an AF_UNIX datagram socket
at argv[1] and append every message sd_notify sends to argv[2], one
field per line, flushing each so the test can poll the file."""
import os
import socket
import sys

path, out = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
if os.path.exists(path):
    os.unlink(path)
s.bind(path)
with open(out, "a", encoding="utf-8") as f:
    while True:
        msg = s.recv(4096).decode("utf-8", "replace")
        for line in msg.split("\n"):
            if line:
                f.write(line + "\n")
        f.flush()

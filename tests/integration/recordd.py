"""A member's record server that is not kyniem, for `kyniem cluster
fetch`'s edges: it serves the files of DIR at /records/NAME to a request
with "Authorization: Bearer TOKEN" (anything else is 404, as kyniem's own
server answers), and logs each request's path and Authorization header
to DIR/requests.log.  Special paths: /big/N streams N bytes of JSON
without a Content-Length, /redirect/NAME answers 302 to /records/NAME,
/slow sends nothing for 60 seconds.  With --tls CERT KEY it speaks
HTTPS.  It prints "listening PORT" once it listens.

Usage: recordd.py PORT DIR TOKEN [--tls CERT KEY]
"""
import http.server
import os
import ssl
import sys
import time

PORT, DIR, TOKEN = int(sys.argv[1]), sys.argv[2], sys.argv[3]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        with open(os.path.join(DIR, "requests.log"), "a") as log:
            log.write("%s %s\n" % (self.path,
                                   self.headers.get("Authorization", "-")))
        if self.path == "/slow":
            time.sleep(60)
            return
        if self.headers.get("Authorization") != "Bearer " + TOKEN:
            return self.answer(404, b"not found\n")
        if self.path.startswith("/big/"):
            n = int(self.path[5:])
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"pad": "')
            chunk = b"x" * 65536
            sent = 0
            try:
                while sent < n:
                    self.wfile.write(chunk)
                    sent += len(chunk)
                self.wfile.write(b'"}')
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path.startswith("/redirect/"):
            self.send_response(302)
            self.send_header("Location", "/records/" + self.path[10:])
            self.end_headers()
            return
        name = self.path[len("/records/"):]
        path = os.path.join(DIR, name)
        if not self.path.startswith("/records/") or "/" in name or \
                not os.path.isfile(path):
            return self.answer(404, b"not found\n")
        with open(path, "rb") as f:
            self.answer(200, f.read())

    def answer(self, code, body):
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


srv = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
if len(sys.argv) == 7 and sys.argv[4] == "--tls":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[5], sys.argv[6])
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print("listening", PORT, flush=True)
srv.serve_forever()

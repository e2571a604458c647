#!/usr/bin/python3
"""A recording SMTP server for kyniem's remind tests, on aiosmtpd.

usage: smtpd.py --port N --dir DIR [--tls CERT KEY] [--auth USER PASSFILE]
                [--rules FILE] [--delay SECONDS]

Every accepted message is written to DIR/msg-<n>.eml (written to a
temporary name, then renamed) and every event is a line in DIR/log.
--rules FILE holds lines "ADDRESS CODE[,CODE...]": the nth RCPT TO for
ADDRESS is answered with the nth code (the last one repeats); 250 accepts.
--delay sleeps before answering each RCPT (a slow server, to kill a client
mid-batch).  --tls offers STARTTLS and requires it; --auth requires AUTH.
DIR/ready appears once the server listens; SIGTERM stops it.
"""
import argparse
import asyncio
import itertools
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

REPLIES = {250: "250 OK", 451: "451 4.3.0 try again later",
           550: "550 5.1.1 mailbox unavailable"}


class Recorder:
    def __init__(self, args):
        self.dir = args.dir
        self.delay = args.delay
        self.rules = {}
        self.seen = {}
        self.lock = threading.Lock()
        self.count = itertools.count(len([f for f in os.listdir(args.dir)
                                          if f.startswith("msg-")]) + 1)
        if args.rules:
            with open(args.rules) as f:
                for line in f:
                    if line.strip():
                        addr, codes = line.split()
                        self.rules[addr.lower()] = [int(c) for c in
                                                    codes.split(",")]

    def log(self, text):
        with self.lock, open(os.path.join(self.dir, "log"), "a") as f:
            f.write(text + "\n")

    async def handle_RCPT(self, server, session, envelope, address, options):
        if self.delay:
            await asyncio.sleep(self.delay)
        codes = self.rules.get(address.lower(), [250])
        n = self.seen.get(address.lower(), 0)
        self.seen[address.lower()] = n + 1
        code = codes[min(n, len(codes) - 1)]
        self.log("RCPT %s %d" % (address, code))
        if code != 250:
            return REPLIES.get(code, "%d error" % code)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.count)
        path = os.path.join(self.dir, "msg-%04d.eml" % n)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(path + ".tmp", path)
        self.log("DATA %s %s tls=%s auth=%s" % (
            envelope.mail_from, ",".join(envelope.rcpt_tos),
            session.ssl is not None, session.authenticated))
        return "250 Message accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--auth", nargs=2, metavar=("USER", "PASSFILE"))
    p.add_argument("--rules")
    p.add_argument("--delay", type=float, default=0)
    args = p.parse_args()
    rec = Recorder(args)
    kw = {}
    if args.tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(*args.tls)
        kw.update(tls_context=ctx, require_starttls=True)
    if args.auth:
        user = args.auth[0].encode()
        with open(args.auth[1], "rb") as f:
            password = f.read().strip()

        def authenticator(server, session, envelope, mechanism, data):
            ok = data.login == user and data.password == password
            rec.log("AUTH %s %s" % (mechanism, "ok" if ok else "refused"))
            return AuthResult(success=ok)
        kw.update(authenticator=authenticator, auth_required=True,
                  auth_require_tls=bool(args.tls))
    ctl = Controller(rec, hostname="127.0.0.1", port=args.port, **kw)
    ctl.start()
    open(os.path.join(args.dir, "ready"), "w").close()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    while not stop.wait(0.2):
        pass
    ctl.stop()


if __name__ == "__main__":
    main()

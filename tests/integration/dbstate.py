"""Print every row of a kyniem database, table by table, sorted, for
comparing the state before and after a request that must change nothing.
Left out: login failures (a refused login may add one) and when a session
was last seen (written at most once a minute by any request).
Usage: dbstate.py DATABASE"""
import sqlite3
import sys

db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
tables = [r[0] for r in db.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
for t in tables:
    if t == "login_failures" or t.startswith("sqlite_"):
        continue
    cols = [r[1] for r in db.execute("PRAGMA table_info(%s)" % t)]
    if t == "sessions":
        cols = [c for c in cols if c != "seen"]
    print("==", t, " ".join(cols))
    rows = db.execute("SELECT %s FROM %s" % (", ".join(cols), t))
    for row in sorted(rows, key=repr):
        print(repr(row))

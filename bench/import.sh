# Import at scale (issue 21).  An .ics file whose SUMMARY is one line of
# 1.75, 3.5 and 7 MB, refused (best of 5 runs, seconds, and the ratio of
# 7 MB to 1.75 MB: 4 when linear, 16 when quadratic; it was 0.24, 1.0
# and 4.2 s), and the same sizes as an inline attachment, which is
# skipped and its event imported; beside them, the time of a file of one
# short event (starting the process dominates the figures once linear).
set -eu
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
KYNIEM="$PWD/$BUILD/kyniem"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '[database]\npath = %s/kyniem.db\n' "$tmp" >"$tmp/kyniem.conf"
export KYNIEM_CONFIG="$tmp/kyniem.conf"
"$KYNIEM" init --calendars calendars >/dev/null

"$PYTHON" - "$tmp" <<'EOP'
import sys
d = sys.argv[1]
for mb in ("1.75", "3.5", "7"):
    n = int(float(mb) * 1024 * 1024)
    for prop in ("SUMMARY:", "ATTACH;ENCODING=BASE64;VALUE=BINARY:"):
        name = "summary" if prop.startswith("S") else "attach"
        with open("%s/%s-%s.ics" % (d, name, mb), "w") as f:
            f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                    "PRODID:-//kyniem bench//EN\r\nBEGIN:VEVENT\r\n"
                    "UID:long@example.org\r\nDTSTART;VALUE=DATE:20241201\r\n"
                    + ("" if name == "summary" else "SUMMARY:Long\r\n")
                    + prop + ("a" if name == "summary" else "Q") * n
                    + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
with open(d + "/short.ics", "w") as f:
    f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kyniem bench//EN\r\n"
            "BEGIN:VEVENT\r\nUID:short@example.org\r\nSUMMARY:Short\r\n"
            "DTSTART;VALUE=DATE:20241201\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
EOP
best() {	# best COMMAND...: the least wall seconds of 5 runs
	"$PYTHON" - "$@" <<'EOP'
import subprocess, sys, time
best = None
for _ in range(5):
    t = time.monotonic()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    t = time.monotonic() - t
    best = t if best is None or t < best else best
print("%.3f" % best)
EOP
}
echo "a file of one short event: $(best "$KYNIEM" import "$tmp/short.ics") s"
for kind in summary attach; do
	a=$(best "$KYNIEM" import "$tmp/$kind-1.75.ics")
	b=$(best "$KYNIEM" import "$tmp/$kind-3.5.ics")
	c=$(best "$KYNIEM" import "$tmp/$kind-7.ics")
	what="refused"
	[ $kind = attach ] && what="imported, the attachment skipped"
	echo "one-line $kind, $what: 1.75 MB ${a} s, 3.5 MB ${b} s," \
	    "7 MB ${c} s (ratio $(echo "scale=1; $c / $a" | bc); linear: 4)"
done

# Import at scale (issue 21).  An .ics file whose SUMMARY is one line of
# 1.75, 3.5 and 7 MB, refused (best of 5 runs, seconds, and the ratio of
# 7 MB to 1.75 MB: 4 when linear, 16 when quadratic; it was 0.24, 1.0
# and 4.2 s), and the same sizes as an inline attachment, which is
# skipped and its event imported; beside them, the time of a file of one
# short event (starting the process dominates the figures once linear).
# Then the peak resident memory (/usr/bin/time) and seconds of importing
# 86,000 activities from a CSV file and from an .ics file, beside `kyniem
# list` (the process and its libraries alone): rows are read one at a
# time, so the import adds a few MB whatever the file's size (it was
# 33 MB for the CSV and 297 MB for the .ics, which libical held whole).
set -eu
command -v /usr/bin/time >/dev/null ||
    { echo "/usr/bin/time not installed (scripts/install-deps bench)"; exit 1; }
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

"$PYTHON" - "$tmp" <<'EOP'
import sys
d = sys.argv[1]
with open(d + "/a86k.csv", "w") as f:
    f.write("key,title,start,end,location,organiser,owners,remind,"
            "observance,status,notes\n")
    for i in range(86000):
        f.write("a%d,Giao lưu hữu nghị %d,20%02d-%02d-%02d,,Nha Trang,"
                "Hội hữu nghị,o%d@example.org;p%d@example.org,7d,,"
                "planned,Ghi chú %d\n" % (i, i, 20 + i % 10, i % 12 + 1,
                                           i % 28 + 1, i % 97, i % 13, i))
with open(d + "/a86k.ics", "w") as f:
    f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kyniem bench//EN\r\n")
    for i in range(86000):
        f.write("BEGIN:VEVENT\r\nUID:ev%d@example.org\r\n"
                "DTSTAMP:20240101T000000Z\r\nSUMMARY:Giao lưu hữu nghị %d\r\n"
                "DTSTART;VALUE=DATE:20%02d%02d%02d\r\nLOCATION:Nha Trang\r\n"
                "ORGANIZER;CN=Hội hữu nghị:mailto:hoi@example.org\r\n"
                "DESCRIPTION:Ghi chú %d\r\nEND:VEVENT\r\n"
                % (i, i, 20 + i % 10, i % 12 + 1, i % 28 + 1, i))
    f.write("END:VCALENDAR\r\n")
EOP
peak() {	# peak COMMAND...: "N MB, S s" of one run
	/usr/bin/time -f '%M %e' -o "$tmp/time" "$@" >/dev/null 2>&1 ||
	    { echo "failed: $*" >&2; exit 1; }
	awk '{ printf "%d MB, %s s", $1 / 1024, $2 }' "$tmp/time"
}
echo "kyniem list: $(peak "$KYNIEM" list)"
for f in a86k.csv a86k.ics; do
	rm -f "$tmp"/kyniem.db*
	"$KYNIEM" init --calendars calendars >/dev/null
	# Owners are the union's people: recipients first.
	for a in $(seq -f 'o%g' 0 96) $(seq -f 'p%g' 0 12); do
		"$KYNIEM" recipient add --email "$a@example.org" --name "$a" \
		    --follow none >/dev/null
	done
	echo "import of 86,000 activities from $f" \
	    "($(($(wc -c <"$tmp/$f") / 1048576)) MB): peak $(peak "$KYNIEM" \
	    import "$tmp/$f")"
done

# Sourced by the t6* tests after lib.sh.  Makes ical.js (npm) available
# under $SRC/tests/node (nodelib.sh; ICALJS_DIR), and
# provides check_feed, which parses a feed with python3-icalendar and
# ical.js and compares its events with the engine's count.  Skips (77)
# only when node or npm is missing altogether.
. "$SRC/tests/integration/nodelib.sh"
ICALJS_DIR=$NODE_DIR
need_node_modules ical.js/dist/ical.js

# feed_window TODAY [BACK AHEAD]: sets FROM and TO, BACK days back and
# AHEAD days ahead (a year and five years: the built-in feeds' window).
feed_window() {
	set -- $("$PYTHON" -c 'import datetime as d, sys
t = d.date.fromisoformat(sys.argv[1])
print(t - d.timedelta(days=int(sys.argv[2])),
      t + d.timedelta(days=int(sys.argv[3])))' "$1" "${2:-365}" "${3:-1825}")
	FROM=$1 TO=$2
}

# engine_count TODAY [--window BACK AHEAD] [--partial] OPTIONS...:
# occurrences with a day in the window according to `kyniem anniversaries`
# (csv), options as for that command; with --partial also those known
# only to the month (a feed's partial = yes).  all.ics has the shorter
# window --window 180 1095.
engine_count() {
	_today=$1 _back=365 _ahead=1825 _prec=day
	shift
	if [ "${1:-}" = --window ]; then
		_back=$2 _ahead=$3
		shift 3
	fi
	if [ "${1:-}" = --partial ]; then
		_prec=month
		shift
	fi
	feed_window "$_today" "$_back" "$_ahead"
	_y=${FROM%%-*}
	: >"$T/engine.csv"
	while [ "$_y" -le "${TO%%-*}" ]; do
		"$KYNIEM" --today "$_today" anniversaries "$_y" --format csv \
		    "$@" | tail -n +2 >>"$T/engine.csv"
		_y=$((_y + 1))
	done
	awk -F, -v f="$FROM" -v t="$TO" -v p="$_prec" '$1 >= f && $1 <= t &&
	    ($7 == "day" || $7 == p)' "$T/engine.csv" | wc -l
}

# _count_is PARSER-OUTPUT N: the output's last word is N, a number.
_count_is() {
	case $2 in ''|*[!0-9]*) return 1 ;; esac
	[ -n "$1" ] && [ "${1##* }" = "$2" ]
}

# check_feed FILE LABEL EXPECTED: three checks: python3-icalendar (which
# also checks the RFC 5545 octets) and ical.js each read EXPECTED events,
# and the file is under 1 MB; prints the size.
check_feed() {
	_py=$("$PYTHON" "$SRC/tests/integration/icscheck.py" "$1") || _py=
	_js=$("$NODE" "$SRC/tests/integration/icaljs-count.mjs" "$ICALJS_DIR" \
	    "$1") || _js=
	_size=$(wc -c <"$1")
	printf '%-32s %6s events %9d bytes\n' "$2" "$3" "$_size"
	expect "$2: python3-icalendar reads the engine's '$3' events" \
	    _count_is "$_py" "$3"
	[ -n "$_py" ] || echo "python3-icalendar rejects $2" >&9
	expect "$2: ical.js reads the engine's '$3' events" _count_is "$_js" "$3"
	[ -n "$_js" ] || echo "ical.js rejects $2" >&9
	expect "$2: under 1 MB ($_size bytes)" [ "$_size" -lt 1000000 ]
}

# unfold FILE: the iCalendar text with folded lines joined, LF line ends.
unfold() {
	"$PYTHON" -c 'import sys
s = open(sys.argv[1], encoding="utf-8", newline="").read()
sys.stdout.write(s.replace("\r\n ", "").replace("\r\n", "\n"))' "$1"
}

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
	FROM=$(date -u -d "$1 - ${2:-365} days" +%F) &&
	    TO=$(date -u -d "$1 + ${3:-1825} days" +%F) ||
	    die "feed_window: bad date '$1'"
}

# engine_count TODAY [--window BACK AHEAD] [--partial] OPTIONS...:
# occurrences with a day in the window according to `kyniem upcoming`
# (csv, options as for that command); with --partial also those known
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
	"$KYNIEM" --today "$_today" upcoming --from "$FROM" \
	    --days $((_back + _ahead + 1)) --format csv "$@" >"$T/engine.csv" ||
	    die "kyniem upcoming failed"
	awk -F, -v f="$FROM" -v t="$TO" -v p="$_prec" 'NR > 1 &&
	    $1 >= f && $1 <= t && ($7 == "day" || $7 == p)' "$T/engine.csv" |
	    wc -l
}

# _count_is PARSER-OUTPUT N: the output's last word is N, a number.
_count_is() {
	case $2 in ''|*[!0-9]*) return 1 ;; esac
	[ -n "$1" ] && [ "${1##* }" = "$2" ]
}

# check_feeds LIST: for each line "FILE<tab>LABEL<tab>EXPECTED" of LIST,
# three checks: python3-icalendar (which also checks the RFC 5545 octets)
# and ical.js each read EXPECTED events, and the file is under 1 MB;
# prints the sizes.  One process of each parser reads every file.
check_feeds() {
	cut -f 1 "$1" | tr '\n' '\0' | xargs -0 "$PYTHON" \
	    "$SRC/tests/integration/icscheck.py" >"$T/feeds.py" 2>&9 || true
	cut -f 1 "$1" | tr '\n' '\0' | xargs -0 "$NODE" \
	    "$SRC/tests/integration/icaljs-count.mjs" "$ICALJS_DIR" \
	    >"$T/feeds.js" 2>&9 || true
	while IFS='	' read -r _f _label _n; do
		_py=$(awk -v f="$_f" 'substr($0, 1, length(f) + 1) == f " "' \
		    "$T/feeds.py")
		_js=$(awk -v f="$_f" 'substr($0, 1, length(f) + 1) == f " "' \
		    "$T/feeds.js")
		_size=$(wc -c <"$_f")
		printf '%-32s %6s events %9d bytes\n' "$_label" "$_n" "$_size"
		_what="$_label: python3-icalendar reads the engine's $_n events"
		expect "$_what (got ${_py##* })" _count_is "$_py" "$_n"
		_what="$_label: ical.js reads the engine's $_n events"
		expect "$_what (got ${_js##* })" _count_is "$_js" "$_n"
		expect "$_label: under 1 MB ($_size bytes)" \
		    [ "$_size" -lt 1000000 ]
	done <"$1"
}

# check_feed FILE LABEL EXPECTED: check_feeds for one file.
check_feed() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >"$T/feeds.list"
	check_feeds "$T/feeds.list"
}

# unfold FILE: the iCalendar text with folded lines joined, LF line ends.
unfold() {
	"$PYTHON" -c 'import sys
s = open(sys.argv[1], encoding="utf-8", newline="").read()
sys.stdout.write(s.replace("\r\n ", "").replace("\r\n", "\n"))' "$1"
}

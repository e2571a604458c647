# Sourced by tests/cli and tests/integration scripts (sh).  Provides a
# scratch config and database, and the check helpers.  Every check is one
# line in $T/.checks ("ok", "FAIL" or "skip", then what was checked); a
# failed check is reported and the script goes on, so one failure hides
# nothing after it.  tests/run adds the lines up.  die gives up at once
# (a setup step failed: there is nothing left to check).  See
# tests/README.md.
set -eu
: "${KYNIEM:?}" "${SRC:?}" "${T:?}"
PYTHON=${PYTHON:-/usr/bin/python3}
# normal or san (the ASan/UBSan build); a script may adapt to it.
KYNIEM_BUILD=${KYNIEM_BUILD:-normal}
DATA="$SRC/tests/data"
CHECKS="$T/.checks"
: >"$CHECKS"
# The helpers report on the script's own stderr (its log), even when the
# caller redirected stderr for the command it checks.
exec 9>&2

# A config whose database lives in $T; extra INI text may be appended.
mkconf() {
	cat >"$T/kyniem.conf" <<EOC
[database]
path = $T/kyniem.db
EOC
	export KYNIEM_CONFIG="$T/kyniem.conf"
}

# Initialise the database from the shipped calendars/.
initdb() {
	mkconf
	"$KYNIEM" init --calendars "$SRC/calendars" >"$T/init.log" 2>&1 ||
	    { cat "$T/init.log" >&9; die "kyniem init failed"; }
}

# initdb_shipped: initdb with the shipped config/kyniem.conf (the Khánh
# Hòa union's), its database in $T.
initdb_shipped() {
	sed -e "s|^path = .*|path = $T/kyniem.db|" "$SRC/config/kyniem.conf" \
	    >"$T/kyniem.conf"
	export KYNIEM_CONFIG="$T/kyniem.conf"
	"$KYNIEM" init --calendars "$SRC/calendars" >"$T/init.log" 2>&1 ||
	    { cat "$T/init.log" >&9; die "kyniem init failed"; }
}

# _record RESULT TEXT...: append one line to $CHECKS, on one line, with
# the scratch and source paths left out.
_record() {
	_rr=$1
	shift
	printf '%s %s\n' "$_rr" "$(printf '%s' "$*" | tr '\n\t' '  ' |
	    sed -e "s|$T/||g" -e "s|$KYNIEM|kyniem|g" -e "s|$SRC/||g")" \
	    >>"$CHECKS"
}

# pass DESCRIPTION: record a check that passed (for conditions no other
# helper fits).
pass() { _record ok "$*"; }

# fail MESSAGE: record a failed check, report it, and go on.
fail() {
	_record FAIL "$*"
	echo "FAIL: $*" >&9
	return 0
}

# die MESSAGE: record a failed check and end the script: for a failure
# after which nothing can be checked (no server, no database).  Call it
# from the script itself, not inside $(...) or a pipeline, whose subshell
# it would end instead.
die() {
	_record FAIL "$* (giving up)"
	echo die >>"$CHECKS"
	echo "FAIL: $*; giving up" >&9
	exit 1
}

# skip REASON: record a check that cannot run here, say why, go on.
skip() {
	_record skip "$*"
	echo "skipped: $*" >&9
}

# skip_all REASON: the rest of the script cannot run here: record one
# skip and end the script (status 77).
skip_all() {
	skip "$@"
	exit 77
}

# normal_only REASON: the script runs on the normal build only; on the
# sanitizer build it records one skip saying why the sanitizers would add
# nothing there (its C paths are the ones other scripts run under ASan).
normal_only() {
	[ "$KYNIEM_BUILD" != san ] || skip_all "normal build only: $*"
}

# expect DESCRIPTION COMMAND [ARGS...]: one check, passed when COMMAND
# succeeds.  DESCRIPTION says what should hold ("12 months in the
# appendix").  COMMAND is never a kyniem command that must fail: that is
# test_must_fail.
expect() {
	_ed=$1
	shift
	if "$@"; then
		_record ok "$_ed"
	else
		fail "$_ed"
	fi
}

# test_must_fail [--status=N] COMMAND [ARGS...]: one check that COMMAND
# fails cleanly: exit status 1 to 125, or exactly N.  Success fails the
# check, and so do death by a signal and statuses above 125 (126 and 127:
# not run at all; 128+N: signal N; 199: a sanitizer report, see
# tests/run), whatever N says.
test_must_fail() {
	_mw=
	case $1 in
	--status=*) _mw=${1#--status=}; shift ;;
	esac
	_mrc=0
	"$@" || _mrc=$?
	if [ "$_mrc" -eq 0 ]; then
		fail "should have failed: $*"
	elif [ "$_mrc" -gt 125 ]; then
		fail "crashed (exit $_mrc, a signal or a sanitizer report): $*"
	elif [ -n "$_mw" ] && [ "$_mrc" -ne "$_mw" ]; then
		fail "exit $_mrc, want $_mw: $*"
	else
		_record ok "fails${_mw:+ with $_mw}: $*"
	fi
}

# test_must_fail_with [--status=N] MESSAGE COMMAND [ARGS...]: test_must_fail
# (one check), and a second check that COMMAND's stderr has MESSAGE in it
# (a fixed string, not a pattern): a command that fails for another
# reason, or says nothing, fails the check.  Its stdout is left in $T/out
# and its stderr in $T/err, for further checks.
test_must_fail_with() {
	_mf=
	case $1 in
	--status=*) _mf=$1; shift ;;
	esac
	_mmsg=$1
	shift
	test_must_fail $_mf "$@" >"$T/out" 2>"$T/err"
	if grep -qF -- "$_mmsg" "$T/err"; then
		_record ok "the error says: $_mmsg"
	else
		cat "$T/err" >&9
		fail "the error does not say: $_mmsg"
	fi
}

# K ARGS...: kyniem with --today $TODAY, the day the script pins: set
# TODAY=YYYY-MM-DD before the first call (without it K is a failed check,
# and the script ends).
K() {
	[ -n "${TODAY:-}" ] || die "K needs TODAY=YYYY-MM-DD"
	"$KYNIEM" --today "$TODAY" "$@"
}

# expect_diff EXPECTED ACTUAL: one check that the files are equal; the
# diff goes to the log when not.
expect_diff() {
	if diff -u "$1" "$2" >&9; then
		_record ok "$2 equals $1"
	else
		fail "$2 differs from $1"
	fi
}

# expect_grep PATTERN FILE: one check that FILE has a line matching the
# basic regular expression PATTERN; the file goes to the log when not.
expect_grep() {
	if grep -q -- "$1" "$2"; then
		_record ok "'$1' in $2"
	else
		head -n 50 "$2" >&9 2>&1 || true
		fail "'$1' not in $2"
	fi
}

# expect_no_grep PATTERN FILE: one check that FILE exists and has no line
# matching PATTERN (pair it with an expect_grep of what should be there:
# an empty file passes).
expect_no_grep() {
	if [ ! -f "$2" ]; then
		fail "no file $2 to search for '$1'"
	elif grep -- "$1" "$2" >&9; then
		fail "'$1' in $2 (above)"
	else
		_record ok "'$1' not in $2"
	fi
}

# expect_audit_json [DB]: one check that the audit trail of DB (default
# $T/kyniem.db) has entries with a before or an after, and that each
# before and after is a JSON object Python's json reads (lib/json.c wrote
# it); the entries go to the log.
expect_audit_json() {
	if "$PYTHON" - "${1:-$T/kyniem.db}" >&9 2>&1 <<'EOP'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.text_factory = bytes
n = 0
for row in db.execute("SELECT id, action, before, after FROM audit"):
    for v in row[2:]:
        if v is not None:
            o = json.loads(v.decode("utf-8"))
            assert isinstance(o, dict) and o, (row, o)
            n += 1
print("%d objects in the audit trail" % n)
assert n > 0, "no before or after in the audit trail"
EOP
	then
		_record ok "the audit trail's objects are JSON"
	else
		fail "the audit trail's objects are not all JSON (above)"
	fi
}

# A free TCP port on 127.0.0.1.
free_port() {
	"$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# known_owners ADDRESS...: addresses an activity may have as owners (the
# union's own people, issue 21): each becomes a recipient who follows
# nothing, so that it gets only its activities' reminders.
known_owners() {
	for _a in "$@"; do
		"$KYNIEM" recipient add --email "$_a" --name "${_a%%@*}" \
		    --follow none >/dev/null || die "recipient add $_a"
	done
}

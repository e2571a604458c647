# Sourced by tests/cli and tests/integration scripts (sh).  Provides a
# scratch config and database, and helpers that fail with a message.
set -eu
: "${KYNIEM:?}" "${SRC:?}" "${T:?}"
PYTHON=${PYTHON:-/usr/bin/python3}
DATA="$SRC/tests/data"

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
	    { cat "$T/init.log"; fail "kyniem init failed"; }
}

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_diff EXPECTED ACTUAL: fail with a diff unless they are equal.
expect_diff() { diff -u "$1" "$2" || fail "output differs from $1"; }

# expect_grep PATTERN FILE
expect_grep() { grep -q -- "$1" "$2" || { cat "$2"; fail "'$1' not in $2"; }; }

# A free TCP port on 127.0.0.1.
free_port() {
	"$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

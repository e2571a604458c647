# What the tests of the year records share (sourced after tests/lib.sh):
# recordtool.py (sign a record, set a field), the Gia Lai fixture record,
# a member union's own database with its signing key, and recordd.py, a
# member's server of records.
TOOL="$SRC/tests/integration/recordtool.py"
FIX="$DATA/records/gia-lai-2023.json"
tool() { "$PYTHON" "$TOOL" "$@"; }
state() { "$PYTHON" "$SRC/tests/integration/dbstate.py" "$T/kyniem.db"; }

# member_key DIR ID: union ID's database under $T/DIR (config $T/DIR.conf)
# with its signing key ($T/DIR/kyniem.db.key); prints the public key.
member_key() {
	mkdir -p "$T/$1"
	printf '[database]\npath = %s/%s/kyniem.db\n[organisation]\nid = %s\n' \
	    "$T" "$1" "$2" >"$T/$1.conf"
	"$KYNIEM" --config "$T/$1.conf" init --calendars "$SRC/calendars" \
	    >/dev/null 2>&1 || die "init $2"
	"$KYNIEM" --config "$T/$1.conf" key init >/dev/null ||
	    die "key init $2"
	"$KYNIEM" --config "$T/$1.conf" key show | awk '{print $NF}'
}

# recordd NAME DIR TOKEN [--tls CERT KEY]: recordd.py serving DIR's files
# to TOKEN on a free port, in the background: the port in $P, the pid in
# $RPID, its output in $T/NAME.out and $T/NAME.err.  Returns once it
# listens.
recordd() {
	_rn=$1
	shift
	P=$(free_port)
	"$PYTHON" "$SRC/tests/integration/recordd.py" "$P" "$@" \
	    >"$T/$_rn.out" 2>"$T/$_rn.err" &
	RPID=$!
	_ri=0
	until grep -q listening "$T/$_rn.out" 2>/dev/null; do
		_ri=$((_ri + 1))
		[ $_ri -lt 200 ] || die "recordd $_rn did not start"
		sleep 0.05
	done
}

# Crash safety of `kyniem remind`: kill it with SIGKILL at a random point
# (while queueing or mid-batch against a real SMTP server), many times.
# After each kill: PRAGMA integrity_check is ok; the queue is all or none
# (0 or every (reminder, recipient) due, each exactly once); no row is
# marked sent unless its message arrived; a message that arrived while its
# row is still pending is the one in flight at the kill, so resends are at
# most one per kill and are the same Message-ID.  A final run sends the
# rest: nothing is lost.  Between rounds the outbox and mailbox are
# emptied so every round queues and sends again.
. "$SRC/tests/lib.sh"
normal_only "SIGKILL atomicity of the outbox; remind's code runs under ASan in t5001-t5004"
. "$SRC/tests/integration/smtplib.sh"
command -v sqlite3 >/dev/null || skip_all "sqlite3 CLI not installed"
initdb
cp "$KYNIEM" "$T/kyniem"
KYNIEM=$T/kyniem
smtp_conf
R=10
ITER=${KILL_ITERATIONS:-200}
TODAY=2023-10-01
owners=
i=0
while [ $i -lt $R ]; do
	i=$((i + 1))
	owners="$owners --owner u$i@example.org"
	known_owners "u$i@example.org"
done
# shellcheck disable=SC2086
K activity add --title 'Gặp mặt kỷ niệm Quốc khánh Campuchia' \
    --start 2023-11-09T09:00 $owners --remind 30d >/dev/null ||
    die "activity add"
start_smtpd
sql() { sqlite3 -batch "$T/kyniem.db" "$1"; }
arrived_ids() {
	cat "$MAIL"/msg-*.eml 2>/dev/null | tr -d '\r' |
	    sed -n 's/^Message-ID: *<\{0,1\}\([^>]*\)>\{0,1\}$/\1/p'
}
reset() { sql "DELETE FROM outbox;"; rm -f "$MAIL"/msg-*.eml; kills=0; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }

t0=$(ms)
K --now 2023-10-11T07:00 remind >"$T/calib" 2>&1 || die "remind failed"
span=$(( ($(ms) - t0) * 13 / 10 ))
expect_grep "$R queued, $R sent" "$T/calib"
echo "one remind run takes ~$((span * 10 / 13)) ms; kills within 0-$span ms"

# The invariants after a kill, in one awk over the database's rows
# ($T/db) and the messages that arrived: prints "ok NSENT" (the rows
# marked sent) or what is broken.  Two processes an iteration instead of
# a pipeline per invariant: the loop is 200 rounds.
cat >"$T/check.awk" <<'AWK'
BEGIN {
	# No message yet: the shell passes the pattern itself.
	for (i = 2; i < ARGC; i++)
		if (ARGV[i] ~ /\*/)
			delete ARGV[i]
}
FILENAME == ARGV[1] {
	if (FNR == 1)
		integrity = $0
	else if ($0 ~ /^C\|/)
		counts = substr($0, 3)
	else if (split($0, f, "|") == 2) {
		id = f[2]
		gsub(/^<|>$/, "", id)
		all[id] = 1
		if (f[1] == "sent") {
			sent[id] = 1
			nsent++
		}
	}
	next
}
/^Message-I[Dd]:/ {
	sub(/\r$/, "")
	sub(/^Message-I[Dd]: */, "")
	gsub(/^<|>$/, "", $0)
	arrived[$0]++
	narrived++
}
END {
	if (integrity != "ok") {
		print "integrity_check: " integrity
		exit
	}
	if (counts == "0|0") {
		print "ok 0"
		exit
	}
	if (counts != R "|" R) {
		print "outbox rows, distinct (reminder, recipient): " counts \
		    "; want 0 or " R " of each (all or none, once each)"
		exit
	}
	for (id in sent)
		if (!(id in arrived)) {
			print "marked sent, never arrived: " id
			exit
		}
	for (id in arrived) {
		if (!(id in all)) {
			print "arrived, not in outbox: " id
			exit
		}
		distinct++
	}
	if (narrived - distinct > kills) {
		print narrived - distinct " resends after " kills " kills"
		exit
	}
	print "ok " nsent + 0
}
AWK
check() {	# $1: iteration; the invariants after a kill; sets nsent
	sql "PRAGMA integrity_check;
	    SELECT 'C', count(*), count(DISTINCT reminder || ' ' || recipient)
	    FROM outbox;
	    SELECT state, message_id FROM outbox;" >"$T/db"
	verdict=$(awk -v R=$R -v kills=$kills -f "$T/check.awk" "$T/db" \
	    "$MAIL"/msg-*.eml)
	case $verdict in
	"ok "*) nsent=${verdict#ok } ;;
	*) die "iteration $1: ${verdict:-the check printed nothing}" ;;
	esac
}

# The kill delays, drawn at once.
set -- $(od -An -N$((ITER * 4)) -tu4 /dev/urandom)
reset
killed=0 finished=0 i=0
while [ $i -lt "$ITER" ]; do
	i=$((i + 1))
	d=$(($1 % span))
	shift
	"$KYNIEM" --today 2023-10-01 --now 2023-10-11T07:00 remind \
	    >"$T/run.out" 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))"
	kill -KILL $pid 2>/dev/null || true
	rc=0
	wait $pid || rc=$?
	case $rc in
	0) finished=$((finished + 1)) ;;
	137) killed=$((killed + 1)); kills=$((kills + 1)) ;;
	*) cat "$T/run.out"; die "iteration $i: remind exit $rc" ;;
	esac
	check $i
	# Once everything is sent the next round starts from scratch.
	[ "$nsent" -ne "$R" ] || reset
done
# (A broken invariant ends the loop above: what follows it is moot.)
pass "$ITER runs: the database whole, the queue all or none, nothing lost"
echo "$ITER runs: $killed killed, $finished finished"
expect "a quarter of the runs or more killed: $killed of $ITER" \
    [ $killed -ge $((ITER / 4)) ]

# Nothing lost: one more run sends whatever is pending, then all is sent.
expect "a final remind" K --now 2023-10-11T07:00 remind >"$T/final" 2>&1
check final
expect "every reminder sent: $(sql "SELECT state, count(*) FROM outbox
    GROUP BY state" | tr '\n' ' ')" \
    [ "$(sql "SELECT count(*) FROM outbox WHERE state = 'sent'")" = "$R" ]
n=$(arrived_ids | sort -u | wc -l)
expect "$R distinct messages arrived (got $n)" [ "$n" -eq $R ]

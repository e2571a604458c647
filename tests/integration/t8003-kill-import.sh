# Crash safety of `kyniem import`: kill it with SIGKILL at a random point,
# 200 times, alternating two versions of a 1,000-row file (every row
# differs between them, so every run rewrites them all).  After each kill
# the database must pass PRAGMA integrity_check and hold all or none of
# each version: no mix of old and new rows, no partial insert.
. "$SRC/tests/lib.sh"
normal_only "SIGKILL atomicity of SQLite writes; the import's code runs under ASan in t1001 and t5006"
command -v sqlite3 >/dev/null || skip_all "sqlite3 CLI not installed"
initdb
# A private copy: a rebuild of build/kyniem during the run must not matter.
cp "$KYNIEM" "$T/kyniem"
KYNIEM=$T/kyniem
N=1000
ITER=${KILL_ITERATIONS:-200}
for v in a b; do
	awk -v v=$v -v n=$N 'BEGIN {
	    print "key,kind,date,base_year,days,country,name_en,name_vi,tags,source"
	    for (i = 0; i < n; i++)
		printf "kill_%05d,local,%02d-%02d,1990,1,,Event %d %s," \
		    "Sự kiện %d %s,kill,src-%s\n", i, i % 12 + 1, i % 28 + 1,
		    i, v, i, v, v }' >"$T/$v.csv"
done
sql() { sqlite3 -batch "$T/kyniem.db" "$1"; }

# Calibrate: the kill delay is drawn from 0 to 1.3 times a whole import.
ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(ms)
"$KYNIEM" import "$T/a.csv" >/dev/null || die "import of a.csv failed"
t1=$(ms)
"$KYNIEM" import "$T/b.csv" >/dev/null || die "import of b.csv failed"
span=$(( ($(ms) - t1) * 13 / 10 ))
[ "$span" -gt 5 ] || span=5
echo "one import takes ~$((t1 - t0)) ms; kills within 0-$span ms"

nl='
'
# The kill delays, drawn at once.
set -- $(od -An -N$((ITER * 4)) -tu4 /dev/urandom)
killed=0 finished=0 i=0
while [ $i -lt "$ITER" ]; do
	i=$((i + 1))
	v=a
	[ $((i % 2)) -eq 0 ] && v=b
	d=$(($1 % span))
	shift
	"$KYNIEM" import "$T/$v.csv" >"$T/import.out" 2>"$T/import.err" &
	pid=$!
	sleep "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))"
	kill -KILL $pid 2>/dev/null || true
	rc=0
	wait $pid || rc=$?
	case $rc in
	0) finished=$((finished + 1)) ;;
	137) killed=$((killed + 1)) ;;
	*) cat "$T/import.err"; die "iteration $i: import exit $rc" ;;
	esac
	# One sqlite3 for both: the integrity check's line, then the counts.
	state=$(sql "PRAGMA integrity_check;
	    SELECT count(*), sum(source = 'src-a'),
	    sum(source = 'src-b'), sum(name_en LIKE '% a') FROM observances
	    WHERE key LIKE 'kill\_%' ESCAPE '\'")
	ok=${state%%"$nl"*}
	counts=${state#*"$nl"}
	[ "$ok" = ok ] || die "iteration $i: integrity_check: $state"
	case $counts in
	"$N|$N|0|$N"|"$N|0|$N|0") ;;
	*) die "iteration $i (kill after $d ms): rows, src-a, src-b," \
	    "names of a: $counts; want all of one version" ;;
	esac
	if [ $rc -eq 0 ] && [ "$counts" != "$N|$( [ $v = a ] && echo "$N|0|$N" || echo "0|$N|0")" ]; then
		die "iteration $i: import of $v.csv finished but left $counts"
	fi
done
# (A broken invariant ends the loop above: what follows it is moot.)
pass "$ITER runs: the database whole, with all of one version, every time"
echo "$ITER runs: $killed killed mid-run, $finished finished"
# Both outcomes must have happened, or the delays missed the import.
expect "a quarter of the runs or more killed: $killed of $ITER" \
    [ $killed -ge $((ITER / 4)) ]
expect "a run or more finished: $finished (or the kill window is too short)" \
    [ $finished -ge 1 ]
expect "list after the kills" "$KYNIEM" list --format csv >/dev/null

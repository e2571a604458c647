# kill -9 during `kyniem backup`, 24 times at random points of a backup
# of 10,000 activities: the copies made before are all there, byte for
# byte, and backups/ never holds a partial file: every file in it is a
# backup that restores (`kyniem restore --check`), and there is no other.
. "$SRC/tests/lib.sh"
normal_only "a SIGKILL loop: the backup's C paths run under ASan in t1020 and t8020"
initdb
cat >>"$T/kyniem.conf" <<'EOF'
[backup]
keep_daily = 1000
EOF
B="$T/backups"
"$PYTHON" - "$T/acts.csv" <<'EOP'
import sys
with open(sys.argv[1], "w") as f:
    f.write("key,title,start,end,location,organiser,owners,remind,"
            "observance,status,notes\n")
    for i in range(10000):
        f.write("k%d,Giao lưu hữu nghị %d,2025-%02d-%02d,,Nha Trang,"
                "Hội hữu nghị,o%d@example.org,7d,,planned,Ghi chú %d\n"
                % (i, i, i % 12 + 1, i % 28 + 1, i % 97, i))
EOP
# Owners are the union's people: the 97 addresses are recipients.
known_owners $(seq -f 'o%g@example.org' 0 96)
"$KYNIEM" import "$T/acts.csv" >/dev/null || die "import"

day() { date -u -d "2025-01-01 + $1 days" +%Y-%m-%dT02:30; }
secs() {	# secs COMMAND...: the wall seconds of a run
	"$PYTHON" -c 'import subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print("%.3f" % (time.monotonic() - t))' "$@"
}
dur=$(secs "$KYNIEM" --now "$(day 0)" backup) || die "the first backup"
"$KYNIEM" --now "$(day 1)" backup >/dev/null || die "the second backup"
echo "a backup takes ${dur}s ($(ls -l "$B" | awk 'NR == 2 { print $5 }') bytes)"
(cd "$B" && md5sum ./*) >"$T/complete"

# Then 24 runs killed: 16 after random delays within a backup's time
# (drawn at once), 8 the moment a new name shows in backups/ (a
# partial file would show then).
"$PYTHON" -c 'import random, sys
d = float(sys.argv[1])
for i in range(16): print("%.3f" % random.uniform(0, d))
for i in range(8): print("new")' "$dur" >"$T/delays"
# run_kill WHEN NOW: run a backup, SIGKILL it after WHEN seconds or when
# backups/ has a new entry; print its exit status.
run_kill() {
	"$PYTHON" - "$1" "$B" "$KYNIEM" --now "$2" backup <<'EOP'
import os, signal, subprocess, sys, time
when, d, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
seen = set(os.listdir(d))
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if when == "new":
    while p.poll() is None and set(os.listdir(d)) == seen:
        time.sleep(0.0002)
else:
    time.sleep(float(when))
if p.poll() is None:
    p.send_signal(signal.SIGKILL)
print(-p.wait())
EOP
}
i=1 killed=0 bad=0
while read -r delay; do
	i=$((i + 1))
	st=$(run_kill "$delay" "$(day $i)")
	[ "$st" != 9 ] || killed=$((killed + 1))
	# What was complete is still there, the same.
	(cd "$B" && md5sum -c --quiet "$T/complete") >"$T/md5.out" 2>&1 ||
	    { cat "$T/md5.out"; bad=$((bad + 1)); echo "round $i: a copy changed"; }
	# Every other file is a whole backup: it restores.
	for f in "$B"/* "$B"/.[!.]*; do
		[ -e "$f" ] || continue
		grep -q " \./$(basename "$f")\$" "$T/complete" && continue
		rc=0
		"$KYNIEM" restore --check "$f" >/dev/null 2>"$T/check.err" ||
		    rc=$?
		if [ $rc -eq 0 ]; then
			(cd "$B" && md5sum "./$(basename "$f")") >>"$T/complete"
			continue
		fi
		# A refusal (1) means a partial file was left; anything else
		# is restore --check itself failing.
		[ $rc -eq 1 ] || fail "restore --check exit $rc on $f"
		cat "$T/check.err"
		bad=$((bad + 1))
		echo "round $i (kill: $delay): $f is no backup"
		rm -f "$f"
	done
done <"$T/delays"
echo "$killed of 24 runs killed before they finished"
expect "no copy changed or partial file after 24 kills ($bad bad)" [ $bad -eq 0 ]
expect "most kills land during the backup ($killed of 24)" [ $killed -ge 8 ]
ls "$B" >"$T/names"
expect "backups/ holds only backups' names" \
    [ -z "$(grep -v '^kyniem-[0-9-]*\.kyb$' "$T/names")" ]
"$KYNIEM" backup --list >"$T/list"
expect "--list names every file of backups/" \
    [ "$(wc -l <"$T/list")" = "$(wc -l <"$T/names")" ]

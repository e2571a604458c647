# Backups while the database is in use: the server runs and two writers
# commit as fast as they can (`kyniem activity add` one row at a time,
# `kyniem import` of 300 activities at a time) while `kyniem backup` runs
# four times.  Each backup restores into a database of its own that
# passes integrity_check and holds every row committed before that
# backup began (and each import whole or not at all).  Then a backup is
# restored over the database the server is using: the server's feed
# follows, and shows the data of the backup.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
initdb
cat >>"$T/kyniem.conf" <<'EOF'
[server]
poll_seconds = 1
EOF
py() {	# py DB SQL: the first value, through Python's sqlite3
	"$PYTHON" -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"
}
# A local date before the first backup and one after the last, to tell
# the restored data from the later in the server's feed.
local_date() {	# local_date KEY NAME
	printf '%s\n%s,local,05-20,1995,1,,%s,%s,,t8020\n' \
	    'key,kind,date,base_year,days,country,name_en,name_vi,tags,source' \
	    "$1" "$2" "$2" >"$T/$1.csv"
	"$KYNIEM" import "$T/$1.csv" >/dev/null || die "import $1"
}
local_date t8020_truoc 'Ngay t8020 truoc sao luu'
start_server 2025-04-01

# The writers, each logging what it committed after the commit.
: >"$T/committed"
: >"$T/stop"
rm "$T/stop"
(
	i=0
	while [ ! -e "$T/stop" ]; do
		i=$((i + 1))
		"$KYNIEM" activity add --title "w$i" --start 2025-06-01 \
		    >/dev/null 2>>"$T/writer.err" && echo "w $i" >>"$T/committed"
	done
) &
w1=$!
"$PYTHON" - "$T" <<'EOP'
import sys
for j in range(1, 41):
    with open("%s/imp%d.csv" % (sys.argv[1], j), "w") as f:
        f.write("key,title,start,end,location,organiser,owners,remind,"
                "observance,status,notes\n")
        for k in range(300):
            f.write("imp%d_%d,imp%d-%d,2025-07-%02d,,Nha Trang,,,,,planned,\n"
                    % (j, k, j, k, k % 28 + 1))
EOP
(
	j=0
	while [ ! -e "$T/stop" ] && [ $j -lt 40 ]; do
		j=$((j + 1))
		"$KYNIEM" import "$T/imp$j.csv" >/dev/null 2>>"$T/writer.err" &&
		    echo "i $j" >>"$T/committed"
	done
) &
w2=$!

# Wait until the log has grown by N lines from FROM.
grown() {	# grown FROM N
	_g=0
	while [ "$(wc -l <"$T/committed")" -lt $(($1 + $2)) ]; do
		_g=$((_g + 1))
		[ $_g -lt 600 ] || return 1
		sleep 0.05
	done
}
n=0
for k in 1 2 3 4; do
	grown "$n" 3 || { touch "$T/stop"; die "the writers commit nothing"; }
	cp "$T/committed" "$T/before$k"
	n=$(wc -l <"$T/before$k")
	"$KYNIEM" --now "2025-04-0${k}T02:30" backup >"$T/backup$k.out" \
	    2>"$T/backup$k.err" ||
	    { cat "$T/backup$k.err"; fail "backup $k while the writers run"; }
done
touch "$T/stop"
wait $w1 $w2 || true
expect "the writers' errors are none" [ ! -s "$T/writer.err" ]
cat "$T/writer.err"
echo "committed: $(grep -c '^w' "$T/committed") activities one by one," \
    "$(grep -c '^i' "$T/committed") imports of 300"
local_date t8020_sau 'Ngay t8020 sau sao luu'

# Each backup restores into a database that has all it should.
for k in 1 2 3 4; do
	f=$(cut -f1 "$T/backup$k.out")
	printf '[database]\npath = %s/r%d.db\n' "$T" $k >"$T/r$k.conf"
	"$KYNIEM" --config "$T/r$k.conf" restore "$f" >"$T/restore$k.out" \
	    2>"$T/restore$k.err" ||
	    { cat "$T/restore$k.err"; fail "restore of backup $k"; continue; }
	expect "backup $k restores a database that passes integrity_check" \
	    [ "$(py "$T/r$k.db" 'PRAGMA integrity_check')" = ok ]
	acts=$(py "$T/r$k.db" 'SELECT count(*) FROM activities')
	expect_grep "^activities	$acts\$" "$T/restore$k.out"
	"$PYTHON" - "$T/r$k.db" "$T/before$k" >"$T/missing$k" <<'EOP'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
titles = {r[0] for r in db.execute("SELECT title FROM activities")}
for line in open(sys.argv[2]):
    kind, n = line.split()
    if kind == "w" and "w" + n not in titles:
        print("activity w%s is missing" % n)
    if kind == "i":
        got = sum(1 for k in range(300) if "imp%s-%d" % (n, k) in titles)
        if got != 300:
            print("import %s: %d rows of 300" % (n, got))
# Imports are all or nothing, committed before the backup or not.
for n in range(1, 41):
    got = sum(1 for k in range(300) if "imp%d-%d" % (n, k) in titles)
    if got not in (0, 300):
        print("import %d half there: %d rows" % (n, got))
EOP
	expect "backup $k holds the $(wc -l <"$T/before$k") commits made before it began" \
	    [ ! -s "$T/missing$k" ]
	head -n 5 "$T/missing$k"
done

# Restore the first backup over the database the server runs on: its
# feed follows within a few polls, with the backup's data.
unfold() { "$PYTHON" -c 'import re, sys
sys.stdout.write(re.sub(r"\r\n[ \t]", "", sys.stdin.read()))'; }
feed() { curl -s "$BASE/calendars/all.ics" | unfold >"$T/all.ics"; }
i=0
while feed && ! grep -q 'Ngay t8020 sau sao luu' "$T/all.ics"; do
	i=$((i + 1))
	[ $i -lt 100 ] || break
	sleep 0.1
done
expect_grep 'Ngay t8020 sau sao luu' "$T/all.ics"
"$KYNIEM" restore "$(cut -f1 "$T/backup1.out")" >"$T/restore.out" \
    2>"$T/restore.err" || { cat "$T/restore.err"; fail "restore live"; }
i=0
while feed && grep -q 'Ngay t8020 sau sao luu' "$T/all.ics"; do
	i=$((i + 1))
	[ $i -lt 100 ] || break
	sleep 0.1
done
expect_no_grep 'Ngay t8020 sau sao luu' "$T/all.ics"
expect_grep 'Ngay t8020 truoc sao luu' "$T/all.ics"
expect "the live database passes integrity_check" \
    [ "$(py "$T/kyniem.db" 'PRAGMA integrity_check')" = ok ]
expect "the live database has backup 1's activities" [ "$(py "$T/kyniem.db" \
    'SELECT count(*) FROM activities')" = "$(py "$T/r1.db" \
    'SELECT count(*) FROM activities')" ]
expect "the server still answers" [ "$(code "$BASE/healthz")" = 200 ]
expect_clean_stop

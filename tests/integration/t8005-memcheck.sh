# Valgrind memcheck over an integration run: every command on the shipped
# calendars (init, import of good and bad CSV and .ics files, list, show,
# anniversaries, upcoming, lunar, plan, feed, export, activity, recipient),
# the server answering feeds, pages and bad requests until SIGTERM, and
# `kyniem remind` sending to a real SMTP server.  Any invalid access, use
# of uninitialised memory or definite/indirect leak fails the test.
# `make memcheck` runs it (and .ci/run after make check): make check,
# whose scripts all run under ASan and UBSan too, leaves it out for time.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/smtplib.sh"
[ -n "${KYNIEM_MEMCHECK:-}" ] ||
    skip_all "valgrind memcheck runs in \`make memcheck\` (.ci/run runs it)"
[ "$KYNIEM_BUILD" != san ] ||
    skip_all "valgrind and ASan do not mix: memcheck runs on the normal build"
command -v valgrind >/dev/null || skip_all "valgrind not installed"
VG="valgrind -q --error-exitcode=99 --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --child-silent-after-fork=yes"
n=0
# vg_clean LOG STATUS: memcheck wrote nothing and did not exit 99.
vg_clean() { [ ! -s "$1" ] && [ "$2" -ne 99 ]; }
# vg EXPECTED-STATUS ARGS...: run kyniem under memcheck: two checks,
# memcheck clean and the exit status (1 for the refused inputs: a crash
# is no refusal).
vg() {
	want=$1
	shift
	n=$((n + 1))
	rc=0
	$VG --log-file="$T/vg.$n.log" "$KYNIEM" --today 2024-03-01 "$@" \
	    >"$T/out.$n" 2>"$T/err.$n" || rc=$?
	expect "memcheck clean: kyniem $*" vg_clean "$T/vg.$n.log" $rc
	cat "$T/vg.$n.log"
	expect "kyniem $*: exit $want (got $rc)" [ $rc -eq "$want" ]
}
mkconf
smtp_conf
cat >>"$T/kyniem.conf" <<EOC
[feed private-la]
countries = LA
token = s3cret
EOC
vg 0 init --calendars "$SRC/calendars"
known_owners an@example.org binh@example.org
vg 0 import "$SRC/tests/data/activities.csv"
vg 0 import "$SRC/tests/data/activities.ics"
vg 1 import "$SRC/tests/data/activities-bad.csv"
vg 1 import "$SRC/tests/data/activities-bad.ics"
printf 'country,date,confidence,source,note\nXX,1973-13-01,confirmed,s,\n' \
    >"$T/bad.csv"
vg 1 import "$T/bad.csv"
vg 0 list
vg 0 list --format csv
vg 0 show relation:LA
vg 0 show relation:LA --lang en
vg 0 anniversaries 2025 --milestones
vg 0 upcoming --days 400
vg 0 lunar 2024-02-10
vg 0 lunar --to-solar 1/1/2025
vg 1 lunar --to-solar 30/1/2023
vg 0 plan 2025 --format docx --out "$T/plan.docx"
vg 0 plan 2025 --format html --out "$T/plan.html"
vg 0 feed all
vg 0 export --out "$T/export"
vg 0 recipient add --email an@example.org --name 'Nguyễn An'
vg 0 activity add --title 'Gặp mặt' --start 2024-03-20T09:00 \
    --owner an@example.org --remind 30d
vg 0 activity list

# The server, until SIGTERM, with good and bad requests.
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
$VG --log-file="$T/vg.serve.log" "$KYNIEM" --today 2024-03-01 serve \
    --listen "127.0.0.1:$PORT" >"$T/serve.out" 2>"$T/serve.err" &
spid=$!
trap 'kill $spid 2>/dev/null || true; stop_smtpd' EXIT
i=0
until curl -s -o /dev/null --max-time 5 "$BASE/healthz"; do
	i=$((i + 1))
	[ $i -lt 300 ] || { cat "$T/serve.err"; die "server not up"; }
	kill -0 $spid 2>/dev/null || { cat "$T/serve.err" "$T/vg.serve.log";
	    die "server exited"; }
	sleep 0.1
done
for u in / /healthz /calendars/all.ics /calendars/milestones.ics \
    /calendars/private-la.ics?token=s3cret /calendars/private-la.ics \
    /calendars/nope.ics /calendars/country/LA.ics /plan/2025.md \
    /plan/2025.docx '/%00' '/calendars/../../etc/passwd'; do
	expect "GET $u answered" curl -s -o /dev/null --max-time 30 "$BASE$u"
done
curl -s -o /dev/null --max-time 30 -X POST -d x "$BASE/" || true
printf 'GARBAGE\r\n\r\n' | curl -s --max-time 5 telnet://127.0.0.1:$PORT \
    >/dev/null 2>&1 || true
kill -TERM $spid
rc=0
wait $spid || rc=$?
trap stop_smtpd EXIT
expect "memcheck clean: serve" [ ! -s "$T/vg.serve.log" ]
cat "$T/vg.serve.log"
expect "serve exits 0 on SIGTERM (got $rc)" [ $rc -eq 0 ]

# remind, sending to a real SMTP server.
start_smtpd
vg 0 --now 2024-03-01T07:00 remind
expect_grep ' [1-9][0-9]* sent, 0 to retry, 0 failed' "$T/out.$n"
vg 0 outbox
echo "$n commands and the server clean under memcheck"

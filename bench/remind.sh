#!/bin/sh
# Reminder sending throughput: 1,000 queued reminders sent by
# `kyniem remind` to a local SMTP server (python3-aiosmtpd, the recorder
# the tests use) with one reused connection ([smtp] reuse = yes, the
# default) beside one connection per message (reuse = no), messages per
# second for both and the ratio.  Run from the repo root; BUILD (default
# build) holds the kyniem binary, PYTHON defaults to /usr/bin/python3.
set -eu
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
N=${REMIND_BENCH_N:-1000}
K="$PWD/$BUILD/kyniem"
make -s BUILD="$BUILD" "$BUILD/kyniem"
dir=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
port=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

conf() {	# conf NAME DB URL REUSE
	cat >"$dir/$1.conf" <<EOC
[database]
path = $2
[smtp]
url = $3
from = kyniem@example.org
starttls = off
reuse = $4
EOC
}

# N activities tomorrow, one owner each, reminded one day ahead.
{
	echo "key,title,start,end,location,organiser,owners,remind,observance,status,notes"
	i=1
	while [ $i -le "$N" ]; do
		echo "b$i,Hoạt động hữu nghị số $i,2030-01-02T09:00,,Nha Trang,,u$i@example.org,1d,,,"
		i=$((i + 1))
	done
} >"$dir/acts.csv"
# Queue everything against a closed port (nothing is sent), then copy.
conf queue "$dir/q.db" "smtp://127.0.0.1:1" yes
KYNIEM_CONFIG="$dir/queue.conf" "$K" init --calendars calendars >/dev/null
# Owners are the union's people: recipients (following nothing) first.
i=1
while [ $i -le "$N" ]; do
	KYNIEM_CONFIG="$dir/queue.conf" "$K" recipient add \
	    --email "u$i@example.org" --name "u$i" --follow none >/dev/null
	i=$((i + 1))
done
KYNIEM_CONFIG="$dir/queue.conf" "$K" import "$dir/acts.csv" >/dev/null
# remind exits 1 here: the relay is closed on purpose, the messages wait.
KYNIEM_CONFIG="$dir/queue.conf" "$K" --now 2030-01-01T07:00 remind \
    >/dev/null 2>&1 || [ $? -eq 1 ]
cp "$dir/q.db" "$dir/yes.db"
cp "$dir/q.db" "$dir/no.db"

mkdir -p "$dir/mail"
"$PYTHON" tests/integration/smtpd.py --port "$port" --dir "$dir/mail" \
    >"$dir/smtpd.log" 2>&1 &
pid=$!
while [ ! -f "$dir/mail/ready" ]; do sleep 0.1; done

now() { date +%s.%N; }
run() {		# run yes|no: prints seconds
	conf "$1" "$dir/$1.db" "smtp://127.0.0.1:$port" "$1"
	t0=$(now)
	KYNIEM_CONFIG="$dir/$1.conf" "$K" --now 2030-01-01T08:00 remind \
	    >"$dir/$1.out" 2>&1
	t1=$(now)
	grep -q "0 queued, $N sent, 0 to retry, 0 failed" "$dir/$1.out" ||
	    { cat "$dir/$1.out" >&2; exit 1; }
	echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }'
}
yes_s=$(run yes)
no_s=$(run no)
awk -v n="$N" -v y="$yes_s" -v o="$no_s" 'BEGIN {
	printf "remind: %d reminders to a local aiosmtpd server\n", n
	printf "%-26s %8s %10s\n", "connection", "s", "msg/s"
	printf "%-26s %8.2f %10.0f\n", "one reused (reuse = yes)", y, n / y
	printf "%-26s %8.2f %10.0f\n", "one per message (no)", o, n / o
	printf "ratio reused/per-message: %.2f\n", o / y
}'

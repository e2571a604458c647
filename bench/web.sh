# The staff web application against nginx: logged in, wrk with 50
# connections for 10 s against each of PAGES (the dashboard and the year
# page) from `kyniem serve`, and against nginx serving the same bytes as
# a static file, both on loopback in this run with two workers each.  The
# database has the shipped calendars and a few hundred activities.
# Prints requests per second, p50 and p99 latency and the ratio (targets: p99
# under 20 ms, at least 0.5 of nginx's rate).  PERF=1 records the
# server with perf(1) while wrk runs against it and prints where its time
# went, per page.  DURATION, CONNS, THREADS (wrk's) and ACTIVITIES change
# the defaults below.
set -eu
# The pages measured.
PAGES=${PAGES:-"/app/ /app/year/2024"}
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
KYNIEM="$PWD/$BUILD/kyniem"
DURATION=${DURATION:-10s}
CONNS=${CONNS:-50}
THREADS=${THREADS:-2}
ACTIVITIES=${ACTIVITIES:-400}
for t in wrk nginx curl bc; do
	command -v $t >/dev/null 2>&1 || [ -x /usr/sbin/$t ] ||
	    { echo "$t not installed (scripts/install-deps bench)"; exit 1; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
tmp=$(mktemp -d)
chmod 755 "$tmp"
kpid="" npid=""
cleanup() {
	[ -n "$kpid" ] && kill "$kpid" 2>/dev/null && wait "$kpid" 2>/dev/null
	[ -n "$npid" ] && kill "$npid" 2>/dev/null && wait "$npid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
port() {
	"$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_up() {	# wait_up URL
	i=0
	until curl -sf -o /dev/null "$1"; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "server at $1 did not start"; exit 1; }
		sleep 0.1
	done
}

# The data: the calendars, and activities over this year and the next,
# half of them tied to an occasion, each with two owners.
TODAY=2024-06-01
printf '[database]\npath = %s/kyniem.db\n' "$tmp" >"$tmp/kyniem.conf"
export KYNIEM_CONFIG="$tmp/kyniem.conf"
"$KYNIEM" init --calendars calendars >/dev/null
"$PYTHON" - "$tmp/activities.csv" "$ACTIVITIES" <<'EOP'
import sys
occasions = ["relation:JP", "relation:LA", "relation:KH", "relation:FR",
             "relation:RU", "relation:CU", "relation:KR", "relation:DE"]
# Each title names a partner country, as staff write them: a search for
# "nhat ban" finds one activity in eight.
partners = ["Nhật Bản", "Lào", "Campuchia", "Pháp", "Nga", "Cu Ba",
            "Hàn Quốc", "Đức"]
with open(sys.argv[1], "w") as f:
    f.write("key,title,start,end,location,organiser,owners,remind,"
            "observance,status,notes\n")
    for i in range(int(sys.argv[2])):
        f.write("b%d,Giao lưu hữu nghị Việt Nam – %s %d,%d-%02d-%02d,,"
                "Nha Trang,Hội hữu nghị,o%d@example.org;p%d@example.org,"
                "7d,%s,%s,Ghi chú %d\n" % (i, partners[i % 8], i,
                2024 + i % 2, i % 12 + 1,
                i % 28 + 1, i % 17, i % 5,
                occasions[i % 8] if i % 2 else "",
                ("planned", "confirmed", "done")[i % 3], i))
EOP
# Owners are the union's own people: recipients who follow nothing.
for o in $(seq 0 16 | sed 's/^/o/') $(seq 0 4 | sed 's/^/p/'); do
	"$KYNIEM" recipient add --email "$o@example.org" --name "$o" \
	    --follow none >/dev/null
done
"$KYNIEM" import "$tmp/activities.csv" >/dev/null
BENCHPW='a password for the benchmark'
printf '%s\n' "$BENCHPW" >"$tmp/pw"
chmod 600 "$tmp/pw"
"$KYNIEM" user add bench@example.org --name "Đo tốc độ" --role admin \
    --password-file "$tmp/pw" >/dev/null

kport=$(port)
kbase="http://127.0.0.1:$kport"
"$KYNIEM" --today $TODAY serve --listen "127.0.0.1:$kport" \
    >/dev/null 2>"$tmp/kyniem.log" &
kpid=$!
wait_up "$kbase/healthz"

# Log in as a browser would: the login form's token, then the POST.
curl -s -c "$tmp/jar" -o "$tmp/login.html" "$kbase/app/login"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$tmp/login.html" |
    head -n 1)
code=$(curl -s -b "$tmp/jar" -c "$tmp/jar" -H "Origin: $kbase" -o /dev/null \
    -w '%{http_code}' --data-urlencode email=bench@example.org \
    --data-urlencode "password=$BENCHPW" --data-urlencode "csrf=$csrf" \
    "$kbase/app/login")
session=$(awk '$6 == "kyniem_session" { print $7 }' "$tmp/jar")
[ "$code" = 303 ] && [ -n "$session" ] ||
    { echo "cannot log in (HTTP $code)"; exit 1; }
COOKIE="Cookie: kyniem_session=$session"
# The login wrote to the database (the session, the audit trail), and
# the server rebuilds every feed when the database changes, within
# poll_seconds (2): let that pass before measuring.
sleep 5

# Each page's bytes, as nginx will serve them.
mkdir -p "$tmp/site"
pages=""
n=0
for p in $PAGES; do
	code=$(curl -s -H "$COOKIE" -o "$tmp/page.html" -w '%{http_code}' \
	    "$kbase$p")
	[ "$code" = 200 ] || { echo "$p answers $code"; exit 1; }
	n=$((n + 1))
	mv "$tmp/page.html" "$tmp/site/page$n.html"
	pages="$pages $n:$p"
done
chmod -R a+rX "$tmp/site"

nport=$(port)
mkdir -p "$tmp/nginx/logs"
cat >"$tmp/nginx/nginx.conf" <<EOC
daemon off;
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events { worker_connections 1024; }
http {
	types { text/html html; }
	charset utf-8;
	access_log $tmp/nginx/logs/access.log;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 100000;
	server {
		listen 127.0.0.1:$nport;
		root $tmp/site;
	}
}
EOC
"$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" 2>"$tmp/nginx.err" &
npid=$!
wait_up "http://127.0.0.1:$nport/page1.html"

# ms PERCENT: wrk's latency at PERCENT ("50%") in milliseconds.
ms() {
	awk -v p="$1" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u);
	    sub(/[a-z]+$/, "", v);
	    if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
	    print v }' "$2"
}
# run NAME URL [HEADER]: prints "NAME req/s p50 p99 (ms)", sets NAME_rps
# and NAME_p99.
run() {
	ppid=""
	if [ "${PERF:-}" = 1 ] && [ "$1" = kyniem ]; then
		perf record -q -o "$tmp/perf.data" -p "$kpid" \
		    2>"$tmp/perf.err" &
		ppid=$!
	fi
	wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency ${3:+-H "$3"} "$2" \
	    >"$tmp/$1.wrk"
	if [ -n "$ppid" ]; then
		kill -INT "$ppid"
		wait "$ppid" || true
		perf report -q -i "$tmp/perf.data" --stdio --sort dso,symbol \
		    --percent-limit 1 2>/dev/null | sed 's/^/    perf: /' |
		    head -n 30
	fi
	rps=$(awk '/^Requests\/sec:/ { print $2 }' "$tmp/$1.wrk")
	p50=$(ms 50% "$tmp/$1.wrk")
	p99=$(ms 99% "$tmp/$1.wrk")
	errs=$(awk '/Non-2xx|Socket errors/' "$tmp/$1.wrk")
	printf '  %-7s %10.1f req/s   p50 %7.2f ms   p99 %8.2f ms  %s\n' \
	    "$1" "$rps" "$p50" "$p99" "$errs"
	eval "${1}_rps=$rps ${1}_p99=$p99"
}
met() {	# met BC-CONDITION
	echo "$1" | bc -l | sed 's/1/met/;s/0/missed/'
}
# Every worker thread loads the data once (seconds with 100,000
# activities, and the search's index with it); wrk warms them up, twice,
# and the requests still queued when it stops are let finish, so that
# none of them is counted against the first page measured.
for pass in 1 2; do
	for np in $pages; do
		wrk -t"$THREADS" -c"$CONNS" -d1s -H "$COOKIE" \
		    "$kbase${np#*:}" >/dev/null
	done
done
sleep 2
echo "$ACTIVITIES activities; wrk -t$THREADS -c$CONNS -d$DURATION, logged in"
for np in $pages; do
	n=${np%%:*} p=${np#*:}
	echo "$p ($(wc -c <"$tmp/site/page$n.html") bytes; nginx: the same" \
	    "bytes as a static file):"
	run kyniem "$kbase$p" "$COOKIE"
	run nginx "http://127.0.0.1:$nport/page$n.html"
	ratio=$(echo "$kyniem_rps / $nginx_rps" | bc -l)
	printf '  ratio: kyniem/nginx %.2f (target 0.5: %s); kyniem p99 ' \
	    "$ratio" "$(met "$ratio >= 0.5")"
	printf '%.2f ms (target 20 ms: %s)\n' "$kyniem_p99" \
	    "$(met "$kyniem_p99 < 20")"
done

# The feed server against nginx: wrk with 100 connections for 10 s against
# /calendars/all.ics from `kyniem serve` (in memory) and from nginx serving
# the same bytes exported by `kyniem export` (sendfile from disk), both on
# loopback in this run with two workers each.  Prints requests per second,
# p99 latency and the ratio (target: at least 0.8 of nginx's rate, p99
# under 10 ms).
set -eu
BUILD=${BUILD:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
KYNIEM="$PWD/$BUILD/kyniem"
DURATION=${DURATION:-10s}
for t in wrk nginx; do
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

TODAY=2024-06-01
printf '[database]\npath = %s/kyniem.db\n' "$tmp" >"$tmp/kyniem.conf"
export KYNIEM_CONFIG="$tmp/kyniem.conf"
"$KYNIEM" init --calendars calendars >/dev/null
"$KYNIEM" --today $TODAY export --out "$tmp/site" >/dev/null
# nginx serves the gzip variant from a precompressed file (gzip_static),
# as kyniem serves the one it compressed once per build.
gzip -k -9 "$tmp/site/calendars/all.ics"
chmod -R a+rX "$tmp/site"

kport=$(port)
"$KYNIEM" --today $TODAY serve --listen "127.0.0.1:$kport" \
    >/dev/null 2>"$tmp/kyniem.log" &
kpid=$!
nport=$(port)
mkdir -p "$tmp/nginx/logs"
cat >"$tmp/nginx/nginx.conf" <<EOC
daemon off;
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events { worker_connections 1024; }
http {
	types { text/calendar ics; }
	charset utf-8;
	charset_types text/calendar;
	access_log $tmp/nginx/logs/access.log;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	sendfile on;
	gzip_static on;
	gzip_vary on;
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
wait_up "http://127.0.0.1:$kport/calendars/all.ics"
wait_up "http://127.0.0.1:$nport/calendars/all.ics"
curl -s "http://127.0.0.1:$kport/calendars/all.ics" -o "$tmp/k.ics"
curl -s "http://127.0.0.1:$nport/calendars/all.ics" -o "$tmp/n.ics"
cmp -s "$tmp/k.ics" "$tmp/n.ics" || { echo "the two all.ics differ"; exit 1; }
echo "all.ics: $(wc -c <"$tmp/k.ics") bytes; wrk -t2 -c100 -d$DURATION"

# run NAME PORT [HEADER]: prints "NAME req/s p99(ms)".
run() {
	wrk -t2 -c100 -d"$DURATION" --latency ${3:+-H "$3"} \
	    "http://127.0.0.1:$2/calendars/all.ics" >"$tmp/$1.wrk"
	rps=$(awk '/^Requests\/sec:/ { print $2 }' "$tmp/$1.wrk")
	p99=$(awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u);
	    sub(/[a-z]+$/, "", v);
	    if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
	    print v }' "$tmp/$1.wrk")
	errs=$(awk '/Non-2xx|Socket errors/' "$tmp/$1.wrk")
	printf '  %-7s %10.1f req/s   p99 %8.2f ms  %s\n' "$1" "$rps" "$p99" \
	    "$errs"
	eval "${1}_rps=$rps ${1}_p99=$p99"
}
verdict() {
	ratio=$(echo "$kyniem_rps / $nginx_rps" | bc -l)
	printf '  ratio: kyniem/nginx %.2f (target 0.8: %s); kyniem p99 ' \
	    "$ratio" \
	    "$(echo "$ratio >= 0.8" | bc -l | sed 's/1/met/;s/0/missed/')"
	printf '%.2f ms (target 10 ms: %s)\n' "$kyniem_p99" \
	    "$(echo "$kyniem_p99 < 10" | bc -l | sed 's/1/met/;s/0/missed/')"
}
echo "identity (uncompressed, ~950 KB a response):"
run kyniem "$kport"
run nginx "$nport"
verdict
curl -s -H 'Accept-Encoding: gzip' -o "$tmp/k.gz" \
    "http://127.0.0.1:$kport/calendars/all.ics"
echo "gzip (Accept-Encoding: gzip, as calendar clients send; $(wc -c \
    <"$tmp/k.gz") bytes a response):"
run kyniem "$kport" "Accept-Encoding: gzip"
run nginx "$nport" "Accept-Encoding: gzip"
verdict

# config/nginx-kyniem.conf in front of a real kyniem serve: nginx -t
# accepts it, HTTP redirects to HTTPS, feeds come through HTTPS byte for
# byte (plain and gzip), are cached (served while kyniem is down), private
# feeds are never cached, and methods other than GET/HEAD get 405.
. "$SRC/tests/lib.sh"
normal_only "checks the nginx example; the requests behind it are t6002's"
. "$SRC/tests/integration/serverlib.sh"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || skip_all "nginx not installed"
command -v openssl >/dev/null || skip_all "openssl not installed"
NGINX_PID=""
stop_all() {
	[ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
	[ -n "$NGINX_PID" ] && wait "$NGINX_PID" 2>/dev/null
	stop_server
}
trap stop_all EXIT INT TERM

initdb
cat >>"$T/kyniem.conf" <<'EOC'
[feed secret]
title = Secret
token = s3cret
EOC
start_server 2023-06-01

# The example, with test ports, paths and a self-signed certificate.
name=lich.example.org
http=$(free_port)
https=$(free_port)
n="$T/nginx"
mkdir -p "$n/tmp" "$n/cache" "$n/www"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$name" \
    -keyout "$n/key.pem" -out "$n/cert.pem" >/dev/null 2>&1 ||
    die "openssl failed"
sed -e "s|^\([[:space:]]*\)listen 80;|\1listen 127.0.0.1:$http;|" \
    -e "s|^\([[:space:]]*\)listen 443 ssl http2;|\1listen 127.0.0.1:$https ssl http2;|" \
    -e '/listen \[::\]:/d' \
    -e "s|/etc/letsencrypt/live/$name/fullchain.pem|$n/cert.pem|" \
    -e "s|/etc/letsencrypt/live/$name/privkey.pem|$n/key.pem|" \
    -e "s|/var/cache/nginx/kyniem|$n/cache|" \
    -e "s|/var/www/html|$n/www|" \
    -e "s|/var/log/nginx/kyniem.access.log|$n/kyniem.access.log|" \
    -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$PORT;|" \
    "$SRC/config/nginx-kyniem.conf" >"$n/site.conf"
# Every line the test had to change was found.
for pat in "127.0.0.1:$http;" "127.0.0.1:$https ssl" "$n/cert.pem" \
    "$n/key.pem" "$n/cache" "127.0.0.1:$PORT;" "$n/kyniem.access.log"; do
	expect "the example adapted: $pat" grep -qF "$pat" "$n/site.conf"
done
user=""
[ "$(id -u)" -eq 0 ] && user="user root root;"
cat >"$n/nginx.conf" <<EOC
$user
daemon off;
worker_processes 1;
pid $n/nginx.pid;
error_log $n/error.log warn;
events { worker_connections 64; }
http {
	access_log $n/access.log;
	client_body_temp_path $n/tmp/body;
	proxy_temp_path $n/tmp/proxy;
	fastcgi_temp_path $n/tmp/fastcgi;
	uwsgi_temp_path $n/tmp/uwsgi;
	scgi_temp_path $n/tmp/scgi;
	include $n/site.conf;
}
EOC
expect "nginx -t accepts the example" \
    "$NGINX" -t -p "$n" -c "$n/nginx.conf" >"$n/t.log" 2>&1
cat "$n/t.log"
"$NGINX" -p "$n" -c "$n/nginx.conf" 2>>"$n/error.log" &
NGINX_PID=$!
c() { curl -s -k --resolve "$name:$https:127.0.0.1" \
    --resolve "$name:$http:127.0.0.1" "$@"; }
i=0
until c -o /dev/null "https://$name:$https/healthz"; do
	i=$((i + 1))
	[ $i -lt 50 ] || { cat "$n/error.log"; die "nginx not up"; }
	sleep 0.1
done

expect "http redirects to https" [ "$(c -o /dev/null \
    -w '%{http_code} %{redirect_url}' "http://$name:$http/calendars/all.ics")" \
    = "301 https://$name/calendars/all.ics" ]

curl -s -o "$T/direct.ics" "$BASE/calendars/all.ics"
curl -s --compressed -o "$T/direct-gz.ics" "$BASE/calendars/all.ics"
cache() {	# cache URL OUT [curl options]: X-Cache-Status of a GET
	_u=$1 _o=$2
	shift 2
	c -D "$T/h" -o "$_o" "$@" "$_u" >/dev/null
	tr -d '\r' <"$T/h" | sed -n 's/^[Xx]-[Cc]ache-[Ss]tatus: //p'
}
u="https://$name:$https/calendars/all.ics"
expect "the first fetch is a MISS" [ "$(cache "$u" "$T/p1.ics")" = MISS ]
expect_grep '^strict-transport-security: max-age' "$T/h"
expect "the second fetch is a HIT" [ "$(cache "$u" "$T/p2.ics")" = HIT ]
expect "the proxied feed is the feed (MISS)" cmp -s "$T/direct.ics" "$T/p1.ics"
expect "the proxied feed is the feed (HIT)" cmp -s "$T/direct.ics" "$T/p2.ics"
expect "gzip: a MISS first" \
    [ "$(cache "$u" "$T/g1.ics" --compressed)" = MISS ]
expect_grep '^content-encoding: gzip' "$T/h"
expect "gzip: then a HIT" [ "$(cache "$u" "$T/g2.ics" --compressed)" = HIT ]
expect "the gzip body inflates to the feed" cmp -s "$T/direct.ics" "$T/g2.ics"
expect "the gzip variant is kyniem's" cmp -s "$T/direct-gz.ics" "$T/g2.ics"
echo "all.ics through nginx: $(wc -c <"$T/p2.ics") bytes, cached plain and gzip"

# A private feed: served with its token, never stored.
s="https://$name:$https/calendars/secret.ics?token=s3cret"
expect "the private feed: a MISS" [ "$(cache "$s" "$T/s1.ics")" = MISS ]
expect "the private feed: a MISS again, never cached" \
    [ "$(cache "$s" "$T/s2.ics")" = MISS ]
expect_grep 'BEGIN:VCALENDAR' "$T/s2.ics"
expect "the private feed without its token: 404" [ "$(c -o /dev/null \
    -w '%{http_code}' "https://$name:$https/calendars/secret.ics")" = 404 ]
expect "POST refused: 405" \
    [ "$(c -o /dev/null -w '%{http_code}' -X POST -d x "$u")" = 405 ]
# The example's access log leaves query strings (tokens) out.
expect_grep '"GET /calendars/secret.ics HTTP' "$n/kyniem.access.log"
expect_no_grep s3cret "$n/kyniem.access.log"

# kyniem down (a restart): the cache still answers.
expect_clean_stop
expect "served from the cache while kyniem is down" \
    [ "$(cache "$u" "$T/p3.ics")" = HIT ]
expect "the cached copy is the feed" cmp -s "$T/direct.ics" "$T/p3.ics"
echo "served from the cache while kyniem was down"

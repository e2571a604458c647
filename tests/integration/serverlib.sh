# Sourced by the t6* server tests after lib.sh: start_server and
# stop_server for `kyniem serve` on a free loopback port (PORT, BASE), and
# the trap that kills it when the test ends.
SERVER_PID=""
SERVER_STATUS=""
# stop_server: SIGTERM and wait; the exit status in SERVER_STATUS.
stop_server() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null || true
		SERVER_STATUS=0
		wait "$SERVER_PID" 2>/dev/null || SERVER_STATUS=$?
		SERVER_PID=""
	fi
}
trap stop_server EXIT INT TERM

# expect_clean_stop: stop the server; one check that it exits 0 (under
# the sanitizers, that nothing was found at exit either: no leak).
expect_clean_stop() {
	stop_server
	expect "the server stops cleanly on SIGTERM (exit ${SERVER_STATUS:-?})" \
	    [ "$SERVER_STATUS" = 0 ]
}

# start_server TODAY [NOW]: start and wait (20 s at most) until it says
# it listens, then check that /healthz is 200.  NOW (YYYY-MM-DDTHH:MM,
# Vietnam time) pins the clock too, which otherwise starts at 08:00 of
# TODAY; either moves on with the real one.  The wait watches serve.out
# for "kyniem: serving" (a grep a poll, where asking /healthz would be a
# curl: a server under ASan takes a second or two to build its feeds).
start_server() {
	[ -n "${PORT:-}" ] || PORT=$(free_port)
	BASE="http://127.0.0.1:$PORT"
	_up=$(_serving)
	"$KYNIEM" --today "$1" ${2:+--now "$2"} serve \
	    --listen "127.0.0.1:$PORT" \
	    >>"$T/serve.out" 2>>"$T/serve.err" &
	SERVER_PID=$!
	_i=0
	while [ "$(_serving)" -le "$_up" ]; do
		_i=$((_i + 1))
		[ $_i -lt 400 ] || { cat "$T/serve.err"; die "server not up"; }
		kill -0 "$SERVER_PID" 2>/dev/null ||
		    { cat "$T/serve.err"; die "server exited"; }
		sleep 0.05
	done
	_code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")
	[ "$_code" = 200 ] ||
	    { cat "$T/serve.err"; die "server up, but /healthz says $_code"; }
}

# _serving: how many times a server said it listens, in serve.out.
_serving() {
	[ -f "$T/serve.out" ] || { echo 0; return; }
	grep -c '^kyniem: serving ' "$T/serve.out" || true
}

# code URL [CURL OPTIONS...]: the status code of a GET.
code() {
	_u=$1
	shift
	curl -s -o /dev/null -w '%{http_code}' "$@" "$_u"
}

# fetch URL FILE [CURL OPTIONS...]: GET into FILE, print the status code.
fetch() {
	_u=$1 _f=$2
	shift 2
	curl -s -o "$_f" -w '%{http_code}' "$@" "$_u"
}

# Sourced by the t7* web application tests after lib.sh and serverlib.sh:
# three accounts and a curl cookie jar per account.
#   web_users              admin@, editor@ and viewer@example.org, password $PW
#   web_login WHO [PW]     log in (prints the status; cookies in $T/WHO.jar)
#   web_get WHO PATH FILE  GET with WHO's cookies (prints the status)
#   web_post WHO PATH FIELD=VALUE...  POST a form with WHO's CSRF token and
#                          this site's Origin (prints the status; the body
#                          in $T/post.html, the headers in $T/post.hdr)
#   raw_post WHO PATH CSRF ORIGIN SITE FIELD=VALUE...  the same POST with
#                          the token and headers an attack chooses
# WHO "anon" has a jar too (no login).
PW='correct horse battery staple'

web_users() {
	printf '%s\n' "$PW" >"$T/pw"
	chmod 600 "$T/pw"
	for _r in admin editor viewer; do
		"$KYNIEM" user add "$_r@example.org" --name "Cán bộ $_r" \
		    --role $_r --password-file "$T/pw" >/dev/null ||
		    die "kyniem user add $_r failed"
	done
}

# csrf_of FILE: the csrf field of the first form in FILE.
csrf_of() {
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$1" | head -n 1
}

web_get() {
	curl -s -b "$T/$1.jar" -c "$T/$1.jar" -o "$3" -w '%{http_code}' \
	    "$BASE$2"
}

# web_csrf WHO: the token of WHO's session (from the account page), or
# of the login form for anon.
web_csrf() {
	if [ "$1" = anon ]; then
		web_get anon /app/login "$T/csrf.html" >/dev/null
	else
		web_get "$1" /app/account "$T/csrf.html" >/dev/null
	fi
	csrf_of "$T/csrf.html"
}

web_login() {
	_who=$1 _pw=${2:-$PW}
	rm -f "$T/$_who.jar"
	web_get "$_who" /app/login "$T/login.html" >/dev/null
	curl -s -b "$T/$_who.jar" -c "$T/$_who.jar" -H "Origin: $BASE" \
	    -D "$T/login.hdr" -o "$T/login.out" -w '%{http_code}' \
	    --data-urlencode "email=$_who@example.org" \
	    --data-urlencode "password=$_pw" \
	    --data-urlencode "csrf=$(csrf_of "$T/login.html")" "$BASE/app/login"
}

# raw_post WHO PATH CSRF ORIGIN SITE FIELD=VALUE...: a POST with WHO's
# cookies, the csrf field CSRF, the headers Origin: ORIGIN and
# Sec-Fetch-Site: SITE ("-": no such field or header); prints the status,
# the body in $T/post.html and the headers in $T/post.hdr.
raw_post() {
	_who=$1 _path=$2 _csrf=$3 _origin=$4 _site=$5
	shift 5
	_n=$#
	while [ "$_n" -gt 0 ]; do
		set -- "$@" --data-urlencode "$1"
		shift
		_n=$((_n - 1))
	done
	[ "$_csrf" = - ] || set -- "$@" --data-urlencode "csrf=$_csrf"
	[ "$_origin" = - ] || set -- "$@" -H "Origin: $_origin"
	[ "$_site" = - ] || set -- "$@" -H "Sec-Fetch-Site: $_site"
	curl -s -b "$T/$_who.jar" -c "$T/$_who.jar" -D "$T/post.hdr" \
	    -o "$T/post.html" -w '%{http_code}' "$@" "$BASE$_path"
}

web_post() {
	_wp_who=$1 _wp_path=$2
	shift 2
	raw_post "$_wp_who" "$_wp_path" "$(web_csrf "$_wp_who")" "$BASE" - "$@"
}

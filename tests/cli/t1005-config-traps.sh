# Traps in configuration and data (issue 12): each gives a clear error
# naming the file, line or path, exits 1 and creates nothing.
. "$SRC/tests/lib.sh"
initdb

# A directory, or a file nobody may read, is no config.
mkdir "$T/confdir"
test_must_fail_with --status=1 "config '$T/confdir' is not a regular file" \
    "$KYNIEM" --config "$T/confdir" list

# A mistyped database path is not an empty database: only init creates.
printf '[database]\npath = %s/typo/kyniem.db\n' "$T" >"$T/typo.conf"
test_must_fail_with --status=1 "no database at '$T/typo/kyniem.db'" \
    "$KYNIEM" --config "$T/typo.conf" list
test_must_fail_with --status=1 "run 'kyniem init'" \
    "$KYNIEM" --config "$T/typo.conf" serve --listen 127.0.0.1:0
expect "no database directory was created" [ ! -e "$T/typo" ]
expect "init does create it" "$KYNIEM" --config "$T/typo.conf" init \
    --calendars "$SRC/calendars" >/dev/null
expect "init created the database" [ -s "$T/typo/kyniem.db" ]

# Lines inih would split (a long value injecting a key), duplicates.
cp "$T/kyniem.conf" "$T/c.conf"
long=$(printf 'x%.0s' $(seq 1 250))
printf '[organisation]\nname = %s\n' "$long" >>"$T/c.conf"
test_must_fail_with --status=1 "c.conf:4: line longer than" \
    "$KYNIEM" --config "$T/c.conf" list
cp "$T/kyniem.conf" "$T/c.conf"
printf '[server]\nlisten = 127.0.0.1:1\nlisten = 127.0.0.1:2\n' >>"$T/c.conf"
test_must_fail_with --status=1 \
    "c.conf:5: duplicate key 'listen' in [server] (first on line 4)" \
    "$KYNIEM" --config "$T/c.conf" list
cp "$T/kyniem.conf" "$T/c.conf"
printf '[server]\nlisten = 127.0.0.1:1\n[database]\npath = /x\n' >>"$T/c.conf"
test_must_fail_with --status=1 "duplicate section [database]" \
    "$KYNIEM" --config "$T/c.conf" list

# Regression: offsets = soon silently disabled every reminder.
cp "$T/kyniem.conf" "$T/c.conf"
printf '[reminders]\noffsets = soon\n' >>"$T/c.conf"
test_must_fail_with --status=1 \
    "c.conf:4: offsets must be a list like 30d,7d,1d" \
    "$KYNIEM" --config "$T/c.conf" list

# Who may write the config and read the password.
cp "$T/kyniem.conf" "$T/c.conf"
chmod 666 "$T/c.conf"
test_must_fail_with --status=1 \
    "is writable by others (mode 0666): run 'chmod go-w $T/c.conf'" \
    "$KYNIEM" --config "$T/c.conf" list
chmod 644 "$T/c.conf"
printf 'hunter2\n' >"$T/pw"
chmod 644 "$T/pw"
printf '[smtp]\nurl = smtp://127.0.0.1:25\nfrom = k@example.org\nusername = k\npassword_file = %s\n' \
    "$T/pw" >>"$T/c.conf"
test_must_fail_with --status=1 "run 'chmod o-rwx,g-w $T/pw'" \
    "$KYNIEM" --config "$T/c.conf" list
chmod 600 "$T/pw"
expect "a 0600 password file is fine" "$KYNIEM" --config "$T/c.conf" list \
    >/dev/null

# Plain text with a password only to this machine; no credentials in
# the URL, and none in the message either.
cp "$T/kyniem.conf" "$T/c.conf"
printf '[smtp]\nurl = smtp://mail.example.org:25\nfrom = k@example.org\nstarttls = off\nusername = k\npassword_file = %s\n' \
    "$T/pw" >>"$T/c.conf"
test_must_fail_with --status=1 \
    "starttls = off would send the password in clear text to 'mail.example.org'" \
    "$KYNIEM" --config "$T/c.conf" list
cp "$T/kyniem.conf" "$T/c.conf"
printf '[smtp]\nurl = smtp://bob:hunter2@mail.example.org:587\nfrom = k@example.org\n' \
    >>"$T/c.conf"
test_must_fail_with --status=1 \
    "url 'smtp://***@mail.example.org:587' holds credentials" \
    "$KYNIEM" --config "$T/c.conf" list
expect_no_grep hunter2 "$T/err"
cp "$T/kyniem.conf" "$T/c.conf"
printf '[smtp]\nurl = http://mail.example.org\nfrom = k@example.org\n' >>"$T/c.conf"
test_must_fail_with --status=1 \
    "[smtp] url 'http://mail.example.org' is not smtp://HOST[:PORT]" \
    "$KYNIEM" --config "$T/c.conf" list
# A cluster member's url: https, no credentials (the token is the
# secret), plain http only to this machine; the message hides the user.
member_url() {	# member_url URL: c.conf with that member url
	cp "$T/kyniem.conf" "$T/c.conf"
	printf '[organisation]\nid = khanh-hoa\n[cluster]\nname = Cụm 3\nmembers = khanh-hoa, gia-lai\n[cluster-member gia-lai]\nurl = %s\n' \
	    "$1" >>"$T/c.conf"
}
member_url 'https://bob:s3cret@gl.example.org/records'
test_must_fail_with --status=1 \
    "[cluster-member gia-lai] url 'https://***@gl.example.org/records' holds credentials: put the secret in token" \
    "$KYNIEM" --config "$T/c.conf" list
expect_no_grep s3cret "$T/err"
member_url 'ftp://gl.example.org/'
test_must_fail_with --status=1 \
    "[cluster-member gia-lai] url 'ftp://gl.example.org/' is not https://HOST/..." \
    "$KYNIEM" --config "$T/c.conf" list
member_url 'http://gl.example.org/'
test_must_fail_with --status=1 \
    "url 'http://gl.example.org/': only a server on this machine may go without TLS" \
    "$KYNIEM" --config "$T/c.conf" list
for ok in 'http://127.0.0.1:8080/' 'https://gl.example.org/'; do
	member_url "$ok"
	expect "member url $ok is fine" "$KYNIEM" --config "$T/c.conf" list \
	    >/dev/null
done
cp "$T/kyniem.conf" "$T/c.conf"
printf '[server]\ntrusted_proxies = 127.0.0.1, proxy.lan\n' >>"$T/c.conf"
test_must_fail_with --status=1 \
    "trusted_proxies: 'proxy.lan' is not an IPv4 or IPv6 address" \
    "$KYNIEM" --config "$T/c.conf" list
exit 0

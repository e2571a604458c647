# Sourced by the t5* remind tests after tests/lib.sh: a real SMTP server
# (python3-aiosmtpd, tests/integration/smtpd.py) on a loopback port,
# recording what arrives in $MAIL.  The server is stopped on exit.
MAIL="$T/mail"
SMTPD_PID=
SMTP_PORT=$(free_port)
mkdir -p "$MAIL"

# smtp_conf: append the [smtp] section for this plain local relay to the
# test's config (starttls = off is allowed for a local relay only).
smtp_conf() {
	cat >>"$T/kyniem.conf" <<EOC
[smtp]
url = smtp://127.0.0.1:$SMTP_PORT
from = kyniem@example.org
starttls = off
timeout = 5
EOC
}

# start_smtpd [smtpd.py options]: start and wait until it listens.
start_smtpd() {
	rm -f "$MAIL/ready"
	"$PYTHON" "$SRC/tests/integration/smtpd.py" --port "$SMTP_PORT" \
	    --dir "$MAIL" "$@" >>"$T/smtpd.log" 2>&1 &
	SMTPD_PID=$!
	i=0
	while [ ! -f "$MAIL/ready" ]; do
		i=$((i + 1))
		[ $i -gt 100 ] && { cat "$T/smtpd.log"; die "smtpd did not start"; }
		kill -0 "$SMTPD_PID" 2>/dev/null ||
		    { cat "$T/smtpd.log"; die "smtpd exited"; }
		sleep 0.1
	done
}

stop_smtpd() {
	if [ -n "$SMTPD_PID" ]; then
		kill "$SMTPD_PID" 2>/dev/null || true
		wait "$SMTPD_PID" 2>/dev/null || true
		SMTPD_PID=
	fi
}
trap stop_smtpd EXIT

# The messages that arrived, one summary line each (see mailcheck.py).
arrived() { "$PYTHON" "$SRC/tests/integration/mailcheck.py" "$MAIL"; }

# count_arrived: how many messages arrived.
count_arrived() { ls "$MAIL" | grep -c '^msg-.*\.eml$' || true; }

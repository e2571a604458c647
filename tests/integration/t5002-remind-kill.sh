# kyniem remind killed (SIGKILL) in the middle of a batch against a slow
# SMTP server and started again: every reminder arrives, none is skipped,
# and at most the one message in flight arrives twice, with the same
# Message-ID.  Then repeated runs send nothing more.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
smtp_conf
K() { "$KYNIEM" --today 2023-10-01 "$@"; }
owners=
for i in 1 2 3 4 5 6 7 8; do owners="$owners --owner u$i@example.org"; done
# shellcheck disable=SC2086
K activity add --title 'Gặp mặt kỷ niệm Quốc khánh Campuchia' \
    --start 2023-11-09T09:00 $owners --remind 30d >/dev/null ||
    fail "activity add"

start_smtpd --delay 0.3
# The binary itself in the background (not a shell function, whose
# subshell would take the SIGKILL instead).
"$KYNIEM" --today 2023-10-01 remind --now 2023-10-11T07:00 >"$T/run1" 2>&1 &
pid=$!
# Wait until a few messages went through, then kill it mid-batch.
i=0
while [ "$(count_arrived)" -lt 3 ]; do
	i=$((i + 1))
	[ $i -gt 100 ] && die "no progress"
	sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
before=$(count_arrived)
[ "$before" -lt 8 ] || fail "the batch finished before the kill"
echo "$before messages arrived before the kill"
K outbox >"$T/outbox1"
[ "$(grep -c '^pending' "$T/outbox1")" -ge 1 ] || fail "nothing pending"

stop_smtpd
start_smtpd
K remind --now 2023-10-11T07:05 >"$T/run2" 2>&1 || fail "remind run 2"
expect_grep '0 queued, [45] sent, 0 to retry, 0 failed, 0 waiting' "$T/run2"
K remind --now 2023-10-12T07:00 >"$T/run3" 2>&1 || fail "remind run 3"
expect_grep '0 queued, 0 sent, 0 to retry, 0 failed' "$T/run3"

arrived >"$T/arrived" || fail "malformed message"
ids=$(cut -f2 "$T/arrived" | sort -u | wc -l)
total=$(wc -l <"$T/arrived")
[ "$ids" -eq 8 ] || fail "$ids distinct messages, 8 expected"
[ "$(cut -f1 "$T/arrived" | sort -u | wc -l)" -eq 8 ] ||
    fail "not every owner got the reminder"
[ "$total" -le 9 ] || fail "$total deliveries: more than one resend"
# A resend is the same message (same Message-ID, same bytes).
dups=$(cut -f2 "$T/arrived" | sort | uniq -d)
if [ -n "$dups" ]; then
	echo "resent after the kill: $dups"
	n=$(grep -l "^Message-ID: $dups" "$MAIL"/msg-*.eml | xargs md5sum |
	    cut -d' ' -f1 | sort -u | wc -l)
	[ "$n" -eq 1 ] || fail "the resend differs from the first copy"
fi
K outbox >"$T/outbox"
[ "$(grep -c '^sent' "$T/outbox")" -eq 8 ] || fail "not all sent"
exit 0

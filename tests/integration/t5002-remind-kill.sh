# kyniem remind killed (SIGKILL) in the middle of a batch against a slow
# SMTP server and started again: every reminder arrives, none is skipped,
# and at most the one message in flight arrives twice, with the same
# Message-ID.  Then repeated runs send nothing more.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
smtp_conf
TODAY=2023-10-01
owners=
for i in 1 2 3 4 5 6 7 8; do
	owners="$owners --owner u$i@example.org"
	known_owners "u$i@example.org"
done
# shellcheck disable=SC2086
K activity add --title 'Gặp mặt kỷ niệm Quốc khánh Campuchia' \
    --start 2023-11-09T09:00 $owners --remind 30d >/dev/null ||
    die "activity add"

start_smtpd --delay 0.3
# The binary itself in the background (not a shell function, whose
# subshell would take the SIGKILL instead).
"$KYNIEM" --today 2023-10-01 --now 2023-10-11T07:00 remind >"$T/run1" 2>&1 &
pid=$!
# Wait until a few messages went through, then kill it mid-batch.
i=0
while [ "$(count_arrived)" -lt 3 ]; do
	i=$((i + 1))
	[ $i -gt 100 ] && die "no progress"
	sleep 0.05
done
kill -9 "$pid"
rc=0
wait "$pid" 2>/dev/null || rc=$?
# Killed, not ended on its own (a crash would hide behind the kill).
expect "remind died of the SIGKILL (exit $rc)" [ "$rc" -eq 137 ]
before=$(count_arrived)
expect "the batch was cut short: $before of 8 arrived" [ "$before" -lt 8 ]
K outbox >"$T/outbox1"
expect_grep '^pending' "$T/outbox1"

stop_smtpd
start_smtpd
expect "remind run 2" K --now 2023-10-11T07:05 remind >"$T/run2" 2>&1
expect_grep '0 queued, [45] sent, 0 to retry, 0 failed, 0 waiting' "$T/run2"
expect "remind run 3" K --now 2023-10-12T07:00 remind >"$T/run3" 2>&1
expect_grep '0 queued, 0 sent, 0 to retry, 0 failed' "$T/run3"

expect "well-formed messages" arrived >"$T/arrived"
ids=$(cut -f2 "$T/arrived" | sort -u | wc -l)
total=$(wc -l <"$T/arrived")
expect "8 distinct messages (got $ids)" [ "$ids" -eq 8 ]
expect "every owner got the reminder" \
    [ "$(cut -f1 "$T/arrived" | sort -u | wc -l)" -eq 8 ]
expect "at most one resend: $total deliveries" [ "$total" -le 9 ]
# A resend is the same message (same Message-ID, same bytes).
dups=$(cut -f2 "$T/arrived" | sort | uniq -d)
if [ -n "$dups" ]; then
	echo "resent after the kill: $dups"
	n=$(grep -l "^Message-ID: $dups" "$MAIL"/msg-*.eml | xargs md5sum |
	    cut -d' ' -f1 | sort -u | wc -l)
	expect "the resend is the first copy, byte for byte" [ "$n" -eq 1 ]
fi
K outbox >"$T/outbox"
expect "all 8 sent" [ "$(grep -c '^sent' "$T/outbox")" -eq 8 ]
exit 0

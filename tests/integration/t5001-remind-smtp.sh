# kyniem remind against a real SMTP server (aiosmtpd, plain, starttls =
# off for this local relay): activity reminders to owners and a digest of
# the milestones ahead to followers arrive once with a decodable
# Vietnamese Subject and a text/calendar part named after the event, the
# union as its ORGANIZER; a recipient added later gets one digest of all
# that is ahead (dates d/m/yyyy, in date order, links to the web
# application's forms, no command line) and then only what is new; a 451
# is retried by the next run and then delivered; a 550 is marked failed
# and never retried; a second run sends nothing; with the server down
# nothing is lost.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
smtp_conf
cat >>"$T/kyniem.conf" <<EOC
[organisation]
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
email = lhhn@khanhhoa.example
[server]
base_url = https://kyniem.example/
EOC
cat >"$T/rules" <<'EOC'
later@example.org 451,250
reject@example.org 550
EOC
start_smtpd --rules "$T/rules"

TODAY=2023-07-01
known_owners an@example.org later@example.org reject@example.org \
    dan@example.org
title='Giao lưu bóng chuyền sinh viên Lào – Campuchia'
K activity add --title "$title" --start 2023-07-08T09:00 \
    --location 'Trường Bunpimay' --owner an@example.org \
    --owner later@example.org --owner reject@example.org --remind 7d \
    >"$T/id" || die "activity add"
K recipient add --email binh@example.org --name 'Trần Bình' \
    --follow country:JP || die "recipient add"

# Run 1: an and binh get theirs, later is deferred, reject refused.
expect "remind run 1" K --now 2023-07-01T07:00 remind >"$T/run1" 2>"$T/err1"
expect_grep '4 queued, 2 sent, 1 to retry, 1 failed' "$T/run1"
expect_grep "550 5.1.1 mailbox unavailable" "$T/err1"
n=$(count_arrived)
expect "run 1: 2 messages arrived (got $n)" [ "$n" -eq 2 ]

# Run 2 right after: nothing is sent (later waits for its backoff).
expect "remind run 2" K --now 2023-07-01T07:01 remind >"$T/run2" 2>&1
expect_grep '0 queued, 0 sent, 0 to retry, 0 failed' "$T/run2"
n=$(count_arrived)
expect "run 2 sent nothing: still 2 messages (got $n)" [ "$n" -eq 2 ]

# Run 3 after the backoff: the 451 address now gets 250.
expect "remind run 3" K --now 2023-07-01T08:00 remind >"$T/run3" 2>&1
expect_grep '0 queued, 1 sent, 0 to retry, 0 failed' "$T/run3"
expect "the 550 address was tried once, not again" \
    [ "$(grep -c 'RCPT reject@example.org' "$MAIL/log")" -eq 1 ]
K outbox --failed >"$T/failed"
expect_grep 'failed	reject@example.org.*550 5.1.1 mailbox unavailable' \
    "$T/failed"
expect "one failed row" [ "$(wc -l <"$T/failed")" -eq 1 ]

expect "well-formed messages" arrived >"$T/arrived"
cat "$T/arrived"
expect "3 messages arrived" [ "$(wc -l <"$T/arrived")" -eq 3 ]
expect "to an, binh and later" \
    [ "$(cut -f1 "$T/arrived" | sort | tr '\n' ' ')" = \
    "an@example.org binh@example.org later@example.org " ]
expect "distinct Message-IDs" \
    [ "$(cut -f2 "$T/arrived" | sort -u | wc -l)" -eq 3 ]
expect_grep "^an@example.org	<.*>	Nhắc việc: $title (8/7/2023 09:00)	PUBLISH	$title	20230708T090000\$" "$T/arrived"
# The sender's Vietnamese name survives RFC 2047 in From.
expect "the From display name survives RFC 2047" \
    "$PYTHON" - "$MAIL"/msg-0001.eml <<'EOP'
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(),
                             policy=email.policy.default)
name = " ".join(m["From"].addresses[0].display_name.split())
assert name == "Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa", name
EOP
expect_grep "^binh@example.org	<.*>	Sắp đến: Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023)	PUBLISH	Kỷ niệm 50 năm .*	20230921\$" "$T/arrived"
# What an owner reads: the attachment named after the activity, the
# union as ORGANIZER, the occasion's title, a link, no command.
parts() {	# parts TO FILE: what the message to TO says
	for f in "$MAIL"/msg-*.eml; do
		grep -q "^To: .*<$1>" "$f" && "$PYTHON" \
		    "$SRC/tests/integration/mailparts.py" "$f" >"$2" && return
	done
	fail "no message to $1"
}
parts an@example.org "$T/an.txt"
expect_grep "^filename: $title.ics\$" "$T/an.txt"
expect_grep '^organizer: mailto:lhhn@khanhhoa.example$' "$T/an.txt"
expect_grep '^Xem hoạt động: https://kyniem.example/app/activities/1$' "$T/an.txt"
expect_no_grep 'kyniem \|event.ics' "$T/an.txt"
parts binh@example.org "$T/binh.txt"
expect_grep '^filename: Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023).ics$' "$T/binh.txt"
expect_grep '^- 21/9/2023 (còn 82 ngày): Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023) \[đại lễ\]$' "$T/binh.txt"
expect_grep '^  Lên kế hoạch hoạt động: https://kyniem.example/app/activities/new?observance=relation%3AJP$' "$T/binh.txt"
expect_no_grep 'kyniem activity\|--observance' "$T/binh.txt"

# A recipient added later, following every milestone: one digest of all
# that is ahead, in date order, then nothing until something is new.
K recipient add --email chi@example.org --name 'Lê Chi' \
    --follow milestones || die "recipient add chi"
expect "remind run 3b" K --now 2023-07-01T08:30 remind >"$T/run3b" 2>&1
expect_grep '^1 queued, 1 sent, 0 to retry, 0 failed' "$T/run3b"
parts chi@example.org "$T/chi.txt"
expect_grep '^subject: Sắp đến: [0-9]* ngày kỷ niệm năm chẵn, năm tròn$' "$T/chi.txt"
expect_grep '^filename: Các ngày kỷ niệm sắp đến.ics$' "$T/chi.txt"
sed -n '/^--- text\/plain/,/^--- text\/html/p' "$T/chi.txt" |
    sed -n 's/^- \([0-9/]*\)[ :].*/\1/p' >"$T/chi.dates"
expect "the digest lists $(wc -l <"$T/chi.dates") milestones" \
    [ "$(wc -l <"$T/chi.dates")" -ge 10 ]
expect "in date order, d/m/yyyy" "$PYTHON" - "$T/chi.dates" <<'EOP'
import datetime, sys
ds = []
for line in open(sys.argv[1]):
    parts = [int(x) for x in line.strip().split("/")]
    if len(parts) == 2:		# known to the month: its 1st
        parts = [1] + parts
    ds.append(datetime.date(parts[2], parts[1], parts[0]))
assert ds == sorted(ds), ds
EOP
expect_grep '^- 21/9/2023 (còn 82 ngày): Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản' "$T/chi.txt"
expect_grep '^- 25/7/2023 (còn 24 ngày): Kỷ niệm 10 năm quan hệ Đối tác Toàn diện Việt Nam – Hoa Kỳ (25/7/2013 – 25/7/2023) \[năm tròn\]$' "$T/chi.txt"
expect "remind run 3c, later that day" K --now 2023-07-01T08:45 remind \
    >"$T/run3c" 2>&1
expect_grep '^0 queued, 0 sent, 0 to retry, 0 failed' "$T/run3c"

# The server goes down: nothing is lost, it all arrives once it is back.
stop_smtpd
K activity add --title 'Họp mặt' --start 2023-07-03 --owner dan@example.org \
    --remind 2d >/dev/null || die "activity add 2"
# The relay unreachable is a failure a monitoring check sees (exit 1).
test_must_fail --status=1 K --now 2023-07-01T09:00 remind >"$T/run4" \
    2>"$T/err4"
expect_grep '1 queued, 0 sent, 1 to retry' "$T/run4"
expect_grep 'the mail relay could not be reached or used; 1 message left' \
    "$T/err4"
K outbox >"$T/outbox4"
expect_grep '^pending	dan@example.org' "$T/outbox4"
start_smtpd
expect "remind run 5" K --now 2023-07-01T10:00 remind >"$T/run5" 2>&1
expect_grep '0 queued, 1 sent' "$T/run5"
# The next day a milestone enters chi's 90 days: a digest of it alone.
expect "remind run 6" K --now 2023-07-02T10:00 remind >"$T/run6" 2>&1
expect_grep '^1 queued, 1 sent, 0 to retry, 0 failed' "$T/run6"
f=$(grep -l '^To: .*<chi@example.org>' "$MAIL"/msg-*.eml | tail -n 1)
"$PYTHON" "$SRC/tests/integration/mailparts.py" "$f" >"$T/chi2.txt"
sed -n 's/^- [0-9/]* ([^)]*): //p' "$T/chi.txt" | sort -u >"$T/chi1.items"
sed -n 's/^- [0-9/]* ([^)]*): //p' "$T/chi2.txt" | sort -u >"$T/chi2.items"
expect "the second digest has what is new: $(wc -l <"$T/chi2.items")" \
    [ -s "$T/chi2.items" ]
expect "and nothing of the first" [ -z "$(comm -12 "$T/chi1.items" \
    "$T/chi2.items")" ]
expect "remind run 7" K --now 2023-07-02T10:30 remind >"$T/run7" 2>&1
expect_grep '^0 queued, 0 sent, 0 to retry, 0 failed' "$T/run7"
expect "well-formed messages" arrived >"$T/arrived"
expect "6 messages arrived" [ "$(wc -l <"$T/arrived")" -eq 6 ]
expect "no message arrived twice" \
    [ "$(cut -f2 "$T/arrived" | sort -u | wc -l)" -eq 6 ]
expect_grep '^dan@example.org	.*	Họp mặt	20230703$' "$T/arrived"
exit 0

# Exactly once under concurrency (issue 12): two `kyniem remind` runs at
# the same moment (a manual run during the 07:00 timer), 50 times over
# against the real SMTP test server, deliver every message once.  And a
# long import does not make `remind` or `activity add` fail with
# "database is locked".
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/smtplib.sh"
initdb
smtp_conf
start_smtpd
TODAY=2023-10-01

# The sanitizer build runs the same code ten times slower: 10 rounds.
default_rounds=50
[ "$KYNIEM_BUILD" != san ] || default_rounds=10
rounds=${KYNIEM_CONCURRENT_ROUNDS:-$default_rounds}
r=0
while [ "$r" -lt "$rounds" ]; do
	r=$((r + 1))
	known_owners "a$r@example.org" "b$r@example.org" "c$r@example.org"
	K activity add --title "Gặp mặt $r" --start 2023-10-08T09:00 \
	    --owner "a$r@example.org" --owner "b$r@example.org" \
	    --owner "c$r@example.org" --remind 7d >/dev/null ||
	    fail "activity add $r"
	"$KYNIEM" --today 2023-10-01 --now 2023-10-01T07:00 remind \
	    >"$T/one.$r" 2>&1 &
	p1=$!
	"$KYNIEM" --today 2023-10-01 --now 2023-10-01T07:00 remind \
	    >"$T/two.$r" 2>&1 &
	p2=$!
	wait "$p1" || { cat "$T/one.$r"; fail "round $r: run 1 failed"; }
	wait "$p2" || { cat "$T/two.$r"; fail "round $r: run 2 failed"; }
	n=$(count_arrived)
	[ "$n" -eq $((3 * r)) ] || fail "round $r: $n messages, want $((3 * r))"
done
expect "every round: both runs succeeded, 3 new messages" \
    [ "$(grep -c '^FAIL' "$CHECKS")" -eq 0 ]
expect "well-formed messages" arrived >"$T/arrived"
expect "$((3 * rounds)) distinct Message-IDs" \
    [ "$(cut -f2 "$T/arrived" | sort -u | wc -l)" -eq $((3 * rounds)) ]
expect "$((3 * rounds)) recipients, one message each" \
    [ "$(cut -f1 "$T/arrived" | sort -u | wc -l)" -eq $((3 * rounds)) ]
echo "$rounds rounds of two concurrent runs: $((3 * rounds)) messages, each once"

# A long import holds the write lock; writers wait for it.
"$PYTHON" - "$T/big.csv" <<'EOP'
import sys
with open(sys.argv[1], "w") as f:
    f.write("key,title,start,end,location,organiser,owners,remind,"
            "observance,status,notes\n")
    for i in range(5000):
        f.write("big-%d,Hoạt động %d,2024-%02d-%02d,,Nha Trang,,"
                ",7d,,planned,\n" % (i, i, i % 12 + 1, i % 28 + 1))
EOP
K import "$T/big.csv" >"$T/import.out" 2>&1 &
pi=$!
expect "activity add during an import" K activity add \
    --title 'Trong lúc nhập' --start 2024-01-02 >"$T/add.out" 2>&1
expect "remind during an import" K --now 2023-10-01T08:00 remind \
    --dry-run >"$T/dry.out" 2>&1
expect "the import" wait "$pi"
expect_grep '^5000 rows read, 5000 added or changed, 0 with errors$' \
    "$T/import.out"
expect_no_grep 'database is locked' "$T/add.out"
expect_no_grep 'database is locked' "$T/dry.out"
exit 0

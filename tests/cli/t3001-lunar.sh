# kyniem lunar: Gregorian to lunar (today by default), --to-solar, JSON
# output and errors naming the bad input.
. "$SRC/tests/lib.sh"
mkconf

lunar_text() {
	"$KYNIEM" --today=2024-02-10 lunar &&
	"$KYNIEM" lunar 1985-01-21 &&
	"$KYNIEM" lunar 2007-02-17 &&
	"$KYNIEM" lunar 2023-03-22 &&
	"$KYNIEM" lunar --to-solar 10/3/2024 &&
	"$KYNIEM" lunar --to-solar 15/8/2024 &&
	"$KYNIEM" lunar --to-solar 1/11/2033/leap
}
expect "kyniem lunar succeeds" lunar_text >"$T/text.out" 2>&1
cat >"$T/text.exp" <<'EOC'
2024-02-10: 1/1/2024 âm lịch (Giáp Thìn)
1985-01-21: 1/1/1985 âm lịch (Ất Sửu)
2007-02-17: 1/1/2007 âm lịch (Đinh Hợi)
2023-03-22: 1/2/2023 âm lịch, tháng nhuận (Quý Mão)
10/3/2024 âm lịch (Giáp Thìn): 2024-04-18
15/8/2024 âm lịch (Giáp Thìn): 2024-09-17
1/11/2033 âm lịch, tháng nhuận (Quý Sửu): 2033-12-22
EOC
expect_diff "$T/text.exp" "$T/text.out"

# JSON: valid, with the documented fields.
expect "lunar --format json" \
    "$KYNIEM" --today=2025-07-25 lunar --format json >"$T/a.json"
expect "lunar --to-solar --format json" \
    "$KYNIEM" lunar --to-solar 1/6/2025/leap --format json >"$T/b.json"
for f in a b; do
	expect "$f.json is JSON" "$PYTHON" -m json.tool "$T/$f.json" >/dev/null
done
expect "the JSON fields" "$PYTHON" - "$T/a.json" "$T/b.json" <<'EOC'
import json, sys
want = {"day": 1, "month": 6, "year": 2025, "leap": True,
        "can_chi": "Ất Tỵ", "gregorian": "2025-07-25"}
for path in sys.argv[1:]:
    got = json.load(open(path, encoding="utf-8"))
    if got != want:
        sys.exit("%s: %r" % (path, got))
EOC

# Errors: exit 1 for a date that does not exist, 2 for a malformed one;
# the message names the input, and nothing goes to stdout.
lunar_fails() {	# STATUS INPUT [--to-solar]
	test_must_fail_with --status="$1" "'$2'" "$KYNIEM" lunar ${3:-} "$2"
	expect "nothing on stdout for '$2'" [ ! -s "$T/out" ]
}
lunar_fails 1 30/12/2024 --to-solar
expect_grep "no such lunar date '30/12/2024'" "$T/err"
lunar_fails 1 1/4/2024/leap --to-solar
lunar_fails 1 1/1/2300 --to-solar
lunar_fails 2 3/x/2024 --to-solar
lunar_fails 2 2023-02-29
lunar_fails 1 1799-12-31
exit 0

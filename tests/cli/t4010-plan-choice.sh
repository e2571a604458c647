#!/bin/sh
# kyniem plan YEAR --include KEY / --exclude KEY / --reset KEY: staff's
# choices for section 1.1, kept for that year in the database (plan_choice)
# with an audit entry each; a bad key or one with no date in the year is
# an error that changes nothing.
. "$SRC/tests/lib.sh"
initdb

# s11 FILE: the bullets of section II.1.1, the plan's milestones;
# others FILE: the CSV's rows of the milestones it leaves out ("PL").
s11() {
	awk '/^#### 1\.1\./ { on = 1; next } /^#### 1\.2\./ { on = 0 }
	    on && /^- /' "$1"
}
others() {
	"$KYNIEM" --today 2023-12-20 plan 2024 --format csv |
	    awk -F, '$9 ~ /^"?PL/ { print $2 }'
}
# choices: the plan_choice table, one "year key choice who" a line.
choices() {
	"$PYTHON" -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for r in db.execute("SELECT year, observance_key, choice, who FROM plan_choice ORDER BY 1, 2"):
    print(*r)
' "$T/kyniem.db"
}
M='Tổ chức các hoạt động kỷ niệm'
SE="$M 55 năm thiết lập quan hệ ngoại giao Việt Nam – Thụy Điển (11/1/1969 – 11/1/2024)\\."
MT="$M 50 năm thiết lập quan hệ ngoại giao Việt Nam – Malta (14/1/1974 – 14/1/2024)\\."
SA="$M 25 năm thiết lập quan hệ ngoại giao Việt Nam – Ả Rập Xê Út (21/10/1999 – 21/10/2024)\\."
me=$(id -un)

expect "plan 2024" "$KYNIEM" --today 2023-12-20 plan 2024 >"$T/p0.md"
s11 "$T/p0.md" >"$T/s0"
others >"$T/o0"
expect "1.1 names 6 by rank ($(wc -l <"$T/s0"))" [ "$(wc -l <"$T/s0")" -eq 6 ]
expect_grep "^- $MT\$" "$T/s0"
expect_grep "^relation:SE\$" "$T/o0"
expect_grep "^relation:SA\$" "$T/o0"
expect_no_grep "Thụy Điển (11/1" "$T/s0"

# Sweden in, Malta out: the next best (Saudi Arabia, 25 years) takes
# Malta's place; Sweden comes on top of the six.
expect "plan 2024 --include relation:SE --exclude relation:MT" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --include relation:SE \
    --exclude relation:MT >"$T/p1.md"
s11 "$T/p1.md" >"$T/s1"
others >"$T/o1"
expect "1.1 names 7 ($(wc -l <"$T/s1"))" [ "$(wc -l <"$T/s1")" -eq 7 ]
expect_grep "^- $SE\$" "$T/s1"
expect_grep "^- $SA\$" "$T/s1"
expect_grep "^relation:MT\$" "$T/o1"
expect_no_grep "^relation:SE\$" "$T/o1"
expect_no_grep "Malta" "$T/s1"
choices >"$T/c1"
printf '2024 relation:MT exclude cli:%s\n2024 relation:SE include cli:%s\n' \
    "$me" "$me" >"$T/want"
expect_diff "$T/want" "$T/c1"
"$KYNIEM" audit --limit 2 >"$T/audit"
expect_grep "cli:$me	plan.include	plan:2024:relation:SE	- -> {\"choice\":\"include\"}" "$T/audit"
expect_grep "cli:$me	plan.exclude	plan:2024:relation:MT	- -> {\"choice\":\"exclude\"}" "$T/audit"

# The choice is kept: the next plan of 2024 (and its docx and CSV) has
# it; other years do not.
"$KYNIEM" --today 2023-12-20 plan 2024 >"$T/p2.md"
expect "the next plan keeps the choices" cmp -s "$T/p1.md" "$T/p2.md"
"$KYNIEM" --today 2023-12-20 plan 2024 --format csv | tr -d '\r' >"$T/p2.csv"
expect_grep '^2024-01-11,relation:SE,relation,SE,55,round,day,confirmed,"1.1, 3",' "$T/p2.csv"
expect_grep '^2024-01-14,relation:MT,relation,MT,50,jubilee,day,confirmed,"PL, 3",' "$T/p2.csv"
"$KYNIEM" --today 2028-12-20 plan 2029 --format csv | tr -d '\r' >"$T/p29.csv"
expect_grep '^2029-01-11,relation:SE,relation,SE,60,decade,day,confirmed,"PL, 3",' "$T/p29.csv"

# An occasion another section takes moves to 1.1: Laos's national day.
expect "plan 2024 --include national-day:LA" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --include national-day:LA \
    >"$T/p3.md"
s11 "$T/p3.md" >"$T/s3"
expect_grep '^- Tổ chức các hoạt động nhân dịp Quốc khánh Lào (2/12/2024)\.$' "$T/s3"

# Bad keys change nothing, whatever comes before them.
test_must_fail --status=1 "$KYNIEM" --today 2023-12-20 plan 2024 \
    --reset relation:SE --include relation:XX >"$T/out" 2>"$T/err"
expect_grep "no observance has the key 'relation:XX'" "$T/err"
expect "nothing written on stdout" [ ! -s "$T/out" ]
test_must_fail --status=1 "$KYNIEM" --today 2023-12-20 plan 1960 \
    --include relation:SE >/dev/null 2>"$T/err"
expect_grep "'relation:SE' has no date in 1960" "$T/err"
choices >"$T/c2"
printf '2024 national-day:LA include cli:%s\n' "$me" >>"$T/want"
sort -o "$T/want" "$T/want"
expect_diff "$T/want" "$T/c2"

# --reset forgets: Sweden is back in the appendix.
expect "plan 2024 --reset relation:SE --reset relation:MT --reset national-day:LA" \
    "$KYNIEM" --today 2023-12-20 plan 2024 --reset relation:SE \
    --reset relation:MT --reset national-day:LA >"$T/p4.md"
expect "the plan is the first one again" cmp -s "$T/p0.md" "$T/p4.md"
choices >"$T/c4"
expect "no choices left" [ ! -s "$T/c4" ]
"$KYNIEM" audit --limit 1 >"$T/audit"
expect_grep "plan.reset	plan:2024:national-day:LA	{\"choice\":\"include\"} -> -" "$T/audit"

test_must_fail_with --status=2 "option '--include' requires an argument" \
    "$KYNIEM" plan 2024 --include
expect_audit_json
exit 0

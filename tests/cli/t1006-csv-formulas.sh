# A title that is a spreadsheet formula never runs as one: every CSV
# output (anniversaries, upcoming, list, plan) writes it with a leading
# apostrophe inside quotes, which Excel and LibreOffice show as text.
# Markdown output keeps raw HTML out.
. "$SRC/tests/lib.sh"
initdb
TODAY=2024-01-01

cat >"$T/evil.csv" <<'EOC'
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
evil_formula,local,03-15,,1,,=HYPERLINK(X),=HYPERLINK(X),,test
evil_plus,local,03-16,,1,,+cmd,@SUM(A1),,test
EOC
expect "formula rows import" K import "$T/evil.csv" >/dev/null
expect "a formula activity" K activity add \
    --title '=1+2 <script>alert(1)</script>' --start 2024-03-15 >/dev/null

K anniversaries 2024 --format csv >"$T/a.csv"
K upcoming --days 120 --format csv >"$T/u.csv"
K list --format csv >"$T/l.csv"
K plan 2024 --format csv >"$T/p.csv"
for f in a u l p; do
	# No cell of any row starts with = + - @ (after an optional quote).
	if tr -d '\r' <"$T/$f.csv" | "$PYTHON" -c '
import csv, sys
bad = [c for row in csv.reader(sys.stdin) for c in row
       if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
sys.exit(1 if bad else 0)'; then
		pass "no formula cell in $f.csv"
	else
		grep -n 'HYPERLINK\|SUM\|cmd\|=1' "$T/$f.csv" | head
		fail "$f.csv has a formula cell"
	fi
done
expect_grep "\"'=HYPERLINK(X) (15/3/2024)\"" "$T/a.csv"
expect_grep "\"'@SUM(A1) (16/3/2024)\"" "$T/u.csv"
expect_grep "\"'=1+2 <script>alert(1)</script>\"" "$T/p.csv"
K plan 2024 --format md >"$T/p.md"
expect_no_grep '<script>' "$T/p.md"
expect_grep '\\<script\\>alert(1)\\</script\\>' "$T/p.md"
exit 0

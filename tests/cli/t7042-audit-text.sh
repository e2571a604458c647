# `kyniem audit` prints Vietnamese as it reads, not as \xE1\xBB... (issue
# 21), and still nothing that could drive or fool a terminal: C0 and C1
# controls (ESC, CSI), DEL, line breaks, the line separators and the
# bidirectional controls are escaped, a byte that is not UTF-8 too, so
# each entry stays one line.
. "$SRC/tests/lib.sh"
initdb
# What the web application records: an activity's title.
sqlite3 "$T/kyniem.db" "INSERT INTO audit (at, who, action, object, after)
    VALUES (1700000000, 'lan@example.org', 'activity.edit', 'activity:1',
    '{\"title\":\"Tổ chức gặp mặt hữu nghị Việt – Lào\"}')" || die "sqlite3"
expect "kyniem audit runs" "$KYNIEM" audit >"$T/audit"
expect_grep '	lan@example.org	activity.edit	activity:1	- -> {"title":"Tổ chức gặp mặt hữu nghị Việt – Lào"}$' \
    "$T/audit"
expect_no_grep '\\x' "$T/audit"

# A row with everything a terminal must not see raw (written by hand:
# the application's own inputs refuse most of it).
who=$(printf 'x\033[2J\302\233y\342\200\256gpj\177\\')
obj=$(printf 'a\nb\342\200\250c\357')
sqlite3 "$T/kyniem.db" "INSERT INTO audit (at, who, action, object)
    VALUES (1700000000, '$who', 'test', CAST(X'$(printf '%s' "$obj" |
    od -An -tx1 | tr -d ' \n')' AS TEXT))" || die "sqlite3"
expect "kyniem audit runs" "$KYNIEM" audit --limit 1 >"$T/audit2"
expect_grep '	x\\x1B\[2J\\u009By\\u202Egpj\\x7F\\\\	test	a\\x0Ab\\u2028c\\xEF	- -> -$' \
    "$T/audit2"
expect "one line for the entry" [ "$(wc -l <"$T/audit2")" -eq 1 ]
for bytes in '\033' '\302\233' '\342\200\256' '\177' '\342\200\250'; do
	expect "no raw $bytes" [ "$(grep -c "$(printf "$bytes")" \
	    "$T/audit2")" -eq 0 ]
done

# Every --format json of the command line (anniversaries, upcoming,
# list, list --edited, contact list) is JSON that Python reads, one record
# a line, with the same rows and values as the CSV form; text the
# database holds with quotes, backslashes, tabs, controls and bytes that
# are not UTF-8 comes out escaped, and still reads.
. "$SRC/tests/lib.sh"
initdb
TODAY=2024-01-01

# The CSV and the JSON of one listing: the same rows, in the same order,
# the same values (JSON null where the CSV cell is empty); the JSON is
# "[", one record a line, "]".
same_rows() {	# NAME ARGS...
	_n=$1
	shift
	K "$@" --format csv >"$T/$_n.csv" || fail "$_n --format csv"
	K "$@" --format json >"$T/$_n.json" || fail "$_n --format json"
	expect "$_n: the JSON has the CSV's rows" "$PYTHON" - "$T/$_n.csv" \
	    "$T/$_n.json" <<'EOP'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
text = open(sys.argv[2], encoding="utf-8").read()
got = json.loads(text)
assert rows and len(got) == len(rows), (len(got), len(rows))
lines = text.split("\n")
assert lines[0] == "[" and lines[-2:] == ["]", ""], lines[:1] + lines[-2:]
assert len(lines) == len(rows) + 3, len(lines)
for line in lines[1:-2]:
    assert line.startswith(" {") and line.rstrip(",").endswith("}"), line
def cell(v):
    if v is None:
        return ""
    if v is True or v is False:
        return None	# no CSV column says it
    return str(v)
for r, j in zip(rows, got):
    for k, v in r.items():
        if k in j and cell(j[k]) is not None:
            assert cell(j[k]) == v, (k, j[k], v)
EOP
}
same_rows anniversaries anniversaries 2024
same_rows upcoming upcoming --days 365 --lang en
same_rows list list
same_rows contacts contact list

# The fields of each, in their order.
expect "the fields of each listing" "$PYTHON" - "$T" <<'EOP'
import json, sys
want = {
    "anniversaries": ["date", "key", "kind", "country", "n", "milestone",
                      "precision", "confidence", "title"],
    "list": ["key", "kind", "country", "date", "base_year", "dated",
             "precision", "confidence"],
    "contacts": ["key", "country", "kind", "city", "name_vi", "name_en",
                 "address", "email", "website", "head_title_vi",
                 "head_title_en", "confidence", "source", "note", "origin"],
}
for name, keys in want.items():
    for r in json.load(open("%s/%s.json" % (sys.argv[1], name))):
        assert list(r) == keys, (name, r)
rows = json.load(open(sys.argv[1] + "/list.json"))
assert any(r["base_year"] is None for r in rows)
assert any(isinstance(r["base_year"], int) for r in rows)
assert {r["dated"] for r in rows} == {True, False}
EOP

# An empty listing is "[]".
K list --country XX --format json >"$T/empty.json"
printf '[]\n' | expect_diff - "$T/empty.json"
K list --edited --format json >"$T/edited0.json"
printf '[]\n' | expect_diff - "$T/edited0.json"

# Corrections as the database may hold them (written here by hand: the
# forms refuse most of this): a quote, a backslash, a tab, a line break,
# U+0001, DEL, Vietnamese, U+2028 and two bytes that are not UTF-8.
src=$(printf 'Công văn "số 12"\\\t\n\001\177 – x\342\200\250y\377\341\272')
hex=$(printf '%s' "$src" | od -An -tx1 | tr -d ' \n')
sqlite3 "$T/kyniem.db" "INSERT INTO corrections VALUES ('relation:JP',
    '1973-09-22', 1973, CAST(X'$hex' AS TEXT), 'recalled', 'why', 0,
    'ed@example.org', 1700000000)" || die "sqlite3"
K list --edited --format json >"$T/edited.json"
expect "the correction's source reads back, broken bytes as U+FFFD" \
    "$PYTHON" - "$T/edited.json" <<'EOP'
import json, sys
raw = open(sys.argv[1], "rb").read()
rows = json.loads(raw.decode("utf-8"))
assert len(rows) == 1, rows
want = 'Công văn "số 12"\\\t\n\x01\x7f – x\u2028y\ufffd\ufffd'
assert rows[0]["source"] == want, ascii(rows[0]["source"])
assert rows[0]["key"] == "relation:JP" and rows[0]["date"] == "1973-09-22"
# RFC 8785's escapes, and nothing raw below U+0020.
line = raw.split(b"\n")[1]
assert b'\\"s\xe1\xbb\x91 12\\"\\\\\\t\\n\\u0001\x7f' in line, line
assert not any(c < 0x20 for c in line), line
EOP
exit 0

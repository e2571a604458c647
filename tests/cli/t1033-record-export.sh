# kyniem record export YEAR: each of the four 2023 fixtures (members and
# activities as each union's report gives them) exported and signed; the
# record is valid against doc/record-format.md's JSON Schema
# (python3-jsonschema), its signature verifies with python3-nacl over
# canonical bytes computed outside kyniem, and it states what the union's
# report states: its done activities (each with the sentence kyniem's
# report prints for it, where the report does not list it in short), its own delegations, letters and NGO aid, and
# the milestones expected.json lists.  Written twice at one instant it is
# the same bytes.  Without a key it is written unsigned (and says so);
# without [organisation] id, or for a year to come, it is refused.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/recordlib.sh"
SCHEMA="$SRC/doc/record.schema.json"
TODAY=2024-01-05

for u in khanh-hoa gia-lai quang-binh dak-lak; do
	mkdir "$T/$u"
	printf '[database]\npath = %s/%s/kyniem.db\n[organisation]\nid = %s\nname = Liên hiệp %s\n' \
	    "$T" "$u" "$u" "$u" >"$T/$u.conf"
	Ku() { "$KYNIEM" --config "$T/$u.conf" --today $TODAY "$@"; }
	Ku init --calendars "$SRC/calendars" >/dev/null 2>&1 || die "init $u"
	Ku import "$DATA/seeds/$u-2023/members.csv" \
	    "$DATA/seeds/$u-2023/activities.csv" >/dev/null || die "import $u"
	Ku key init >/dev/null || die "key init $u"
	key=$(Ku key show | awk '{print $NF}')
	expect "$u: record export" Ku record export 2023 --out "$T/$u.json"
	expect "$u: valid against the JSON Schema" \
	    tool validate "$SCHEMA" "$T/$u.json"
	expect "$u: the signature verifies with its key (python3-nacl)" \
	    tool verify "$T/$u.json" "$key"
	Ku report 2023 --format html >"$T/$u-report.html" 2>/dev/null || fail "$u: report"
	"$PYTHON" - "$T/$u.json" "$DATA/seeds/$u-2023/expected.json" \
	    "$T/$u-report.html" >"$T/$u.diff" <<'EOP' || fail "$u: compare"
import html.parser, json, sys
class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
    def handle_data(self, d):
        self.parts.append(d)
r = json.load(open(sys.argv[1], encoding="utf-8"))
e = json.load(open(sys.argv[2], encoding="utf-8"))
t = Text()
t.feed(open(sys.argv[3], encoding="utf-8").read())
report = " ".join("".join(t.parts).split())
bad = []
def want(ok, what):
    if not ok:
        bad.append(what)
fs, c = e["fixture_stats"], r["counts"]
want(r["union"]["id"] == e["union"]["id"], "union id")
want(r["year"] == 2023, "year")
want(c["activities"] == fs["by_status"]["done"], "done activities %d, want %d"
     % (c["activities"], fs["by_status"]["done"]))
want(len(r["activities"]) == fs["by_status"]["done"], "activities listed")
own = fs["union_own_done"]
for field, key in (("delegations_out", "delegation-out"),
                   ("delegations_in", "delegation-in")):
    stated = e["counts"].get(field)
    want(c[field] == (stated if stated is not None else own[key]),
         "%s %d" % (field, c[field]))
want(c["letters"]["total"] == own["letter"], "letters %d" % c["letters"]["total"])
want(sum(c["letters"]["by_occasion"].values()) == c["letters"]["total"],
     "letters by occasion add up")
aid = {a["currency"]: a["amount"] for a in c["ngo_aid"]}
for cur, amount in e["ngo_aid"].get("total_by_currency", {}).items():
    want(aid.get(cur) == amount, "aid %s %s" % (cur, aid.get(cur)))
marked = {m["observance"] for m in r["milestones"]}
for m in e["milestones"]:
    want(m["observance"] in marked, "milestone %s" % m["observance"])
keys = {a["key"] for a in r["activities"]}
for m in r["milestones"]:
    want(set(m["activities"]) <= keys, "milestone activities are listed")
undated = set(fs.get("undated_keys", []))
for a in r["activities"]:
    want(a["dated"] == (a["key"] not in undated), "dated of " + a["key"])
    # Letters and conferences the report lists together, in short.
    if a["category"] not in ("letter", "conference"):
        want(" ".join(a["sentence"].rstrip(".").split()) in report,
             "sentence in the report: " + a["sentence"][:60])
    if a["member"] is not None:
        want(bool(a["member"]["name"]), "member name of " + a["key"])
want(r["next_year"]["year"] == 2024, "next year")
if bad:
    print("\n".join(bad))
EOP
	if [ -s "$T/$u.diff" ]; then
		cat "$T/$u.diff"
		fail "$u: the record states what the report states"
	else
		pass "$u: the record states what the report states"
	fi
done

# The same instant, the same bytes.
K() { "$KYNIEM" --config "$T/khanh-hoa.conf" --today $TODAY "$@"; }
K record export 2023 --out "$T/again.json" || fail "export again"
expect "an export is deterministic" cmp -s "$T/khanh-hoa.json" "$T/again.json"
K record export 2023 >"$T/stdout.json" || fail "export to stdout"
expect "stdout is the same record" cmp -s "$T/khanh-hoa.json" "$T/stdout.json"
expect_grep '"generated_at":"2024-01-05T08:00:00+07:00"' "$T/stdout.json"

# Unsigned without a key, and said.
mv "$T/khanh-hoa/kyniem.db.key" "$T/key.aside"
K record export 2023 --out "$T/unsigned.json" 2>"$T/err" ||
    fail "export without a key"
expect_grep "no signing key at '$T/khanh-hoa/kyniem.db.key': the record is not signed" \
    "$T/err"
expect_no_grep '"signature"' "$T/unsigned.json"
expect "the unsigned record is valid too" \
    tool validate "$SCHEMA" "$T/unsigned.json"

# Refused: a year to come, and a union without an id.
test_must_fail_with --status=1 "no record of 2025: it is 2024-01-05" \
    K record export 2025
sed -i '/^id = /d' "$T/khanh-hoa.conf"
test_must_fail_with --status=1 "set [organisation] id" K record export 2023
test_must_fail --status=2 K record export
test_must_fail --status=2 K record frobnicate 2023
exit 0

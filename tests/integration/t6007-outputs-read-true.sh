# Everything a user reads, generated and searched: the feeds in Vietnamese
# and English, the index pages, the plans (md, html, csv and the docx's
# text) of two years, anniversaries and upcoming in text, CSV and JSON in
# both languages, show, and the reminder mail as it arrives through a real
# SMTP server (text, HTML and the attached calendars).  None holds a path
# of the repository or of the reference data, "given in brief" or "URL
# not recorded", and every "…" ends a whole word of the source it cuts
# (or stands alone for a blank to fill in).
. "$SRC/tests/lib.sh"
normal_only "what the outputs say, not how they are made: plan, anniversaries, upcoming, show and remind run under ASan in t2001, t4001-t4004 and t5001"
. "$SRC/tests/integration/smtplib.sh"
"$PYTHON" -c 'import docx' 2>/dev/null || skip_all "python3-docx not installed"
TODAY=2023-07-01
initdb
smtp_conf
cat >>"$T/kyniem.conf" <<EOC
[organisation]
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
province = Khánh Hòa
email = lhhn@khanhhoa.example
focus_countries = LA, KH, CU, RU, CN, JP, KR, DE, FR, IT
[server]
base_url = https://kyniem.example
EOC
O="$T/outputs"
mkdir -p "$O"

known_owners an@example.org
K activity add --title 'Gặp mặt nhân Quốc khánh Lào' --start 2023-07-05 \
    --observance national-day:LA --owner an@example.org --remind 7d \
    >/dev/null || die "activity add"
K recipient add --email binh@example.org --name 'Trần Bình' \
    --follow milestones >/dev/null || die "recipient add"

# The site: feeds (vi, en), index pages, plans.
K export --out "$O/site" >/dev/null || die "export"
# Feeds unfolded (FILE.ics.txt), as a reader sees their lines.
find "$O/site" -name '*.ics' >"$T/feeds"
"$PYTHON" - "$T/feeds" <<'PY'
import sys
for f in open(sys.argv[1]).read().split():
    s = open(f, encoding="utf-8", newline="").read()
    open(f + ".txt", "w", encoding="utf-8").write(
        s.replace("\r\n ", "").replace("\r\n", "\n"))
PY
for y in 2023 2024; do
	for lang in vi en; do
		for fmt in md html csv; do
			K plan $y --lang $lang --format $fmt \
			    >"$O/plan-$y-$lang.$fmt" || fail "plan $y $fmt"
		done
		K plan $y --lang $lang --format docx --out "$O/plan.docx" ||
		    fail "plan $y docx"
		"$PYTHON" - "$O/plan.docx" >"$O/plan-$y-$lang.docx.txt" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.text)
for t in d.tables:
    for r in t.rows:
        print("\t".join(c.text for c in r.cells))
PY
		for fmt in text csv json; do
			K anniversaries $y --lang $lang --format $fmt \
			    >"$O/ann-$y-$lang.$fmt" || fail "anniversaries $y"
		done
	done
done
K upcoming --days 365 >"$O/upcoming.txt"
K upcoming --days 365 --lang en --format json >"$O/upcoming.json"
# show: the rows with a note, a partial date or a doubt, and one in ten
# of the others.
K list --format csv | tail -n +2 | cut -d, -f1 >"$T/keys"
{ awk 'NR % 10 == 1' "$T/keys"
  printf '%s\n' relation:CD relation:WS relation:BJ relation:GE relation:AD \
      partnership:TH:strategic fidel_castro_visit tet lao_new_year \
      dong_sy_nguyen_birth national-day:GB; } | sort -u >"$T/show-keys"
while read -r key; do
	K show "$key" >>"$O/show.txt"
	K show "$key" --lang en >>"$O/show-en.txt"
done <"$T/show-keys"
expect "show printed every row asked for" [ -s "$O/show.txt" ]

# The mail, as it arrives.
start_smtpd
expect "remind" K --now 2023-07-01T07:00 remind >"$T/remind.out" 2>&1
expect "mail arrived: $(count_arrived)" [ "$(count_arrived)" -ge 2 ]
for f in "$MAIL"/msg-*.eml; do
	"$PYTHON" "$SRC/tests/integration/mailparts.py" "$f" \
	    >"$O/$(basename "$f").txt" || fail "cannot read $f"
	"$PYTHON" - "$f" >"$O/$(basename "$f").ics.txt" <<'PY'
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(),
                             policy=email.policy.default)
for p in m.walk():
    if p.get_content_type() == "text/calendar":
        s = p.get_payload(decode=True).decode("utf-8")
        sys.stdout.write(s.replace("\r\n ", "").replace("\r\n", "\n"))
PY
done

find "$O" -type f ! -name '*.ics' ! -name '*.docx' ! -name '*.eml' \
    >"$T/files"
echo "$(wc -l <"$T/files") outputs searched"
expect "outputs of every kind: $(wc -l <"$T/files")" \
    [ "$(wc -l <"$T/files")" -gt 360 ]
# What must never be there.
for bad in '/work/' 'shared/data' 'shared/seeds' 'calendars/[a-z-]*\.csv' \
    'gen-calendars' 'evidence-log' 'src/[a-z_]*\.c' 'given in brief' \
    'URL not recorded' 'event\.ics'; do
	xargs grep -l -i -e "$bad" <"$T/files" >"$T/hits" || true
	expect "no output holds '$bad': $(head -n 3 "$T/hits" | tr '\n' ' ')" \
	    [ ! -s "$T/hits" ]
done
# A cut source ends a whole word: what precedes "…" is where the source
# has a space, a comma or its end.
expect "no text is cut in the middle of a word" "$PYTHON" - "$SRC/calendars" \
    "$T/files" <<'PY'
import csv, glob, os, re, sys
texts = set()
for f in glob.glob(os.path.join(sys.argv[1], "**", "*.csv"), recursive=True):
    for row in csv.DictReader(open(f, encoding="utf-8", newline="")):
        for v in row.values():
            if v:
                texts.add(v)
def whole(prefix):
    for t in texts:
        if t.startswith(prefix) and (len(t) == len(prefix) or
                                     not t[len(prefix)].isalnum()):
            return True
    return False
bad, cuts = [], 0
for path in open(sys.argv[2], encoding="utf-8").read().split():
    text = open(path, encoding="utf-8", errors="replace").read()
    for m in re.finditer(r"([^\n]*?)…", text):
        before = m.group(1)
        if before == "" or not before[-1].isalnum():
            continue		# a blank to fill in: "Hoạt động dự kiến: …"
        cuts += 1
        src = re.split(r"(?:Nguồn|Source): ", before)[-1]
        src = src.replace("\\;", ";").replace("\\,", ",")
        if not whole(src):
            bad.append((os.path.basename(path), before[-60:]))
print(cuts, "cut sources checked")
assert not bad, bad[:5]
PY
expect "the mail's calendars name the union" \
    grep -q '^ORGANIZER;CN=Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa:mailto:lhhn@khanhhoa.example$' "$O"/msg-*.ics.txt
exit 0

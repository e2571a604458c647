# Member organisations and what the report and the plan take of an
# activity beyond its record: `kyniem member` adds, edits, lists and
# removes members (each change in the audit trail; a member activities
# are credited to stays), an activity's --member, --amount and
# --currency (aid, NGO work only), --budget and --report-text, their bad
# values named by field, the activity's writes audited, and the members
# and activities files of a seed fixture imported, exported and imported
# back unchanged.
. "$SRC/tests/lib.sh"
initdb
TODAY=2023-07-01
S="$DATA/seeds/khanh-hoa-2023"

# Members by hand.
expect "member add" K member add vn-lao --name 'Hội hữu nghị Việt Nam – Lào tỉnh' \
    --kind bilateral
expect "member add, kind other by default" K member add so-du-lich \
    --name 'Sở Du lịch'
K member list >"$T/list"
expect_diff - "$T/list" <<'EOC'
vn-lao	bilateral	Hội hữu nghị Việt Nam – Lào tỉnh
so-du-lich	other	Sở Du lịch
EOC
test_must_fail_with --status=1 "key: there is a member 'vn-lao' already; edit it" \
    K member add vn-lao --name X
test_must_fail_with --status=1 \
    "key: must be lower-case letters a-z, digits and '-', like vn-lao, not 'Vn_Lao'" \
    K member add Vn_Lao --name X
test_must_fail_with --status=1 \
    "kind: must be bilateral, multilateral or other, not 'friend'" \
    K member add vn-nga --name X --kind friend
test_must_fail_with --status=1 "name: a value is required" \
    K member add vn-nga --name ''
test_must_fail --status=2 K member add vn-nga 2>"$T/err"
expect_grep '^usage: kyniem .*member add KEY --name NAME' "$T/err"
test_must_fail_with --status=1 "key: there is no member 'vn-nga'" \
    K member edit vn-nga --name X
expect "nothing was added by the refusals" [ "$(K member list | wc -l)" -eq 2 ]
expect "member edit" K member edit vn-lao --kind multilateral
K member list --format csv >"$T/list.csv"
expect_grep '^vn-lao,Hội hữu nghị Việt Nam – Lào tỉnh,multilateral' "$T/list.csv"

# An activity credited to a member, with a budget and its own sentence.
id=$(K activity add --title 'Gặp mặt nhân dịp Tết Bunpimay' \
    --start 2023-04-14 --category annual --member vn-lao \
    --budget 25000000 --report-text 'Hội tổ chức gặp mặt lưu học sinh Lào.') ||
    die "activity add --member"
K activity show "$id" >"$T/show"
expect_grep '^member      vn-lao$' "$T/show"
expect_grep '^budget      25000000 VND$' "$T/show"
expect_grep '^report_text Hội tổ chức gặp mặt lưu học sinh Lào\.$' "$T/show"
test_must_fail_with --status=1 "member: unknown member 'vn-nga'" \
    K activity add --title X --start 2023-02-01 --member vn-nga
# Aid: NGO work, an amount in a currency (stored in capitals).
ngo=$(K activity add --title 'Vận động tài trợ' --start 2023-03-01 \
    --category ngo --amount 149814 --currency usd) || die "activity add --amount"
K activity show "$ngo" >"$T/show"
expect_grep '^amount      149814 USD$' "$T/show"
test_must_fail_with --status=1 \
    "currency: an amount needs its currency and a currency its amount: give both or neither" \
    K activity add --title X --start 2023-02-01 --category ngo --amount 5
test_must_fail_with --status=1 \
    "amount: only an activity of category ngo records the aid it mobilised" \
    K activity add --title X --start 2023-02-01 --category other \
    --amount 5 --currency EUR
test_must_fail_with --status=1 \
    "amount: must be a whole number of units without separators, like 149814, not '149.814'" \
    K activity add --title X --start 2023-02-01 --category ngo \
    --amount 149.814 --currency USD
test_must_fail_with --status=1 \
    "budget: must be a whole number of đồng without separators, like 25000000, not '25 triệu'" \
    K activity edit "$id" --budget '25 triệu'
expect "two activities, no more" [ "$(K activity list | wc -l)" -eq 2 ]
# Clearing the member and the sentence.
K activity edit "$id" --member '' --report-text '' >/dev/null
K activity show "$id" >"$T/show"
expect_no_grep '^member' "$T/show"
expect_no_grep '^report_text' "$T/show"
expect_grep '^budget      25000000 VND$' "$T/show"

# A member that activities are credited to stays.
K activity edit "$id" --member so-du-lich >/dev/null
test_must_fail_with --status=1 \
    "member 'so-du-lich' is credited with 1 activity" K member remove so-du-lich
expect "member remove" K member remove vn-lao
test_must_fail_with --status=1 "no member 'vn-lao'" K member remove vn-lao
K audit >"$T/audit"
for a in 'member.add	member:vn-lao' 'member.edit	member:vn-lao' \
    'member.remove	member:vn-lao' 'member.add	member:so-du-lich'; do
	expect_grep "	$a	" "$T/audit"
done
expect_grep '	member.edit	member:vn-lao	{"key":"vn-lao","name":"Hội hữu nghị Việt Nam – Lào tỉnh","kind":"bilateral"} -> {"key":"vn-lao","name":"Hội hữu nghị Việt Nam – Lào tỉnh","kind":"multilateral"}$' \
    "$T/audit"
# The activities' writes from the command line are in it too, with what
# changed.
expect_grep "	activity.create	activity:$id	- -> {.*\"member\":\"vn-lao\",\"amount\":0,\"currency\":\"\",\"budget\":25000000,\"report_text\":\"Hội tổ chức gặp mặt lưu học sinh Lào.\"" \
    "$T/audit"
expect_grep "	activity.edit	activity:$id	{.*\"member\":\"vn-lao\".*} -> {.*\"member\":\"\",.*\"report_text\":\"\"" \
    "$T/audit"
expect_grep "	activity.create	activity:$ngo	- -> {.*\"amount\":149814,\"currency\":\"USD\"" \
    "$T/audit"
expect "a refused edit is not audited" [ "$(grep -c "	activity.edit	activity:$id	" \
    "$T/audit")" -eq 2 ]
expect "the refused removal is not audited" \
    [ "$(grep -c 'member.remove' "$T/audit")" -eq 1 ]
expect_audit_json

# A seed fixture's files: the members, then the activities naming them.
mv "$T/kyniem.db" "$T/hand.db"
initdb
K import "$S/members.csv" "$S/activities.csv" >"$T/import" ||
    die "the Khánh Hòa fixture does not import"
expect_grep '^92 rows read, 92 added or changed, 0 with errors$' "$T/import"
K member list --format csv | tr -d '\r' >"$T/members.csv"
expect_diff "$S/members.csv" "$T/members.csv"
K activity list --csv >"$T/export.csv"
expect "the export has the header" [ "$(head -n 1 "$T/export.csv" |
    tr -d '\r')" = "$(head -n 1 "$S/activities.csv")" ]
expect_grep '^kh23-pcpnn-van-dong,.*,ngo,FR CH,.*,,,,149814,USD,,,no' "$T/export.csv"
expect_grep '^kh23-vn-kh-stung-treng,.*,vn-campuchia,,,25000000,,no' "$T/export.csv"
# Imported again: nothing changes; into a fresh database: the same file.
K import "$S/members.csv" "$S/activities.csv" >"$T/import2"
expect_grep '^92 rows read, 0 added or changed, 0 with errors$' "$T/import2"
mv "$T/kyniem.db" "$T/first.db"
initdb
K import "$T/members.csv" "$T/export.csv" >/dev/null || die "import of the export"
K activity list --csv >"$T/export2.csv"
expect_diff "$T/export.csv" "$T/export2.csv"
# An import leaves what the application recorded when its column is
# empty; a file of the previous header (public after result) imports.
K activity list --csv | grep '^kh23-pcpnn-van-dong,' >/dev/null ||
    die "no NGO row"
printf '%s\n%s\n' \
    'key,title,start,end,location,organiser,owners,remind,observance,status,notes,category,countries,partner,participants,result,public' \
    'kh23-pcpnn-van-dong,Vận động tài trợ,2023-01-01,2023-11-30,,,,,,done,,ngo,,,,,yes' \
    >"$T/v3.csv"
K import "$T/v3.csv" >/dev/null || die "the previous header"
K activity list --csv | grep '^kh23-pcpnn-van-dong,' >"$T/row"
expect_grep ',149814,USD,,,yes' "$T/row"

# Bad rows are named by file, line and field; nothing of the file is
# written.
printf 'key,name,kind\nvn-lao,Hội Việt – Lào,bilateral\nvn nga,Hội Việt – Nga,other\nvn-duc,,other\n' \
    >"$T/bad-members.csv"
test_must_fail --status=1 K import "$T/bad-members.csv" >"$T/out" 2>&1
expect_grep "bad-members.csv:3: key: must be lower-case letters" "$T/out"
expect_grep "bad-members.csv:4: name: a value is required" "$T/out"
expect "no member of the bad file" [ -z "$(K member list | grep vn-lao)" ]
sed 's/,vn-campuchia,/,vn-nowhere,/' "$S/activities.csv" >"$T/bad-acts.csv"
test_must_fail --status=1 K import "$T/bad-acts.csv" >"$T/out" 2>&1
expect_grep "bad-acts.csv:[0-9]*: member: unknown member 'vn-nowhere'" "$T/out"

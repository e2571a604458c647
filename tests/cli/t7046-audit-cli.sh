# Every write from the command line is in `kyniem audit`, by "cli:" and
# the Unix user (id -un), with what changed: init's files, import (CSV
# and .ics), activity add/edit/cancel, recipient add/edit/remove, user
# add/disable/enable/reset, member add/edit/remove, text set, plan
# --include, letters sent and restore.
# And the row goes with the change or neither is written: on a copy of
# the database whose audit table refuses rows (a trigger), each of those
# commands fails (exit 1) saying which action could not be recorded and
# that nothing was changed, and the database is byte for byte the same
# dump as before (restore writes no .before-restore either).
. "$SRC/tests/lib.sh"
initdb
known_owners an@example.org binh@example.org
TODAY=2024-05-01
WHO="cli:$(id -un)"
PW='một mật khẩu dài'

# newest PATTERN: one check that the newest entry is by $WHO and, after
# who, matches PATTERN (grep BRE: ACTION, OBJECT, BEFORE -> AFTER).
newest() {
	"$KYNIEM" audit --limit 1 >"$T/newest" || die "kyniem audit"
	expect_grep "^[0-9T:-]*	$WHO	$1" "$T/newest"
}

# dump DB FILE: every table and row of DB, as SQL.
dump() {
	"$PYTHON" -c 'import sqlite3, sys
for line in sqlite3.connect(sys.argv[1]).iterdump():
    print(line)' "$1" >"$2" || die "dump $1"
}

# init: one row per calendars/ file, each with its counts.
"$KYNIEM" audit --limit 1000 >"$T/init"
n=$(ls "$SRC"/calendars/*.csv "$SRC"/calendars/local/*.csv | wc -l)
expect "init's $n files are in the trail ($(grep -c "	$WHO	import	" \
    "$T/init"))" [ "$(grep -c "	$WHO	import	" "$T/init")" -eq "$n" ]
expect_grep "	$WHO	import	file:$SRC/calendars/countries.csv	- -> {\"kind\":\"csv\",\"rows\":[1-9][0-9]*,\"changed\":[1-9][0-9]*,\"undated\":0}\$" \
    "$T/init"

# import: a CSV and an .ics file.
K import "$DATA/activities.csv" >/dev/null || die "import activities.csv"
newest "import	file:$DATA/activities.csv	- -> {\"kind\":\"csv\",\"rows\":2,\"changed\":2,\"undated\":0}\$"
K import "$DATA/activities.ics" >/dev/null || die "import activities.ics"
newest "import	file:$DATA/activities.ics	- -> {\"kind\":\"ics\",\"rows\":2,\"changed\":2,\"undated\":0}\$"
# The same file again changes nothing, and says so.
K import "$DATA/activities.csv" >/dev/null || die "import again"
newest "import	file:$DATA/activities.csv	- -> {\"kind\":\"csv\",\"rows\":2,\"changed\":0,\"undated\":0}\$"

# activity add, edit, cancel; an edit that changes nothing adds no row.
id=$(K activity add --title 'Gặp mặt hữu nghị' --start 2024-06-01) ||
    die "activity add"
newest "activity.create	activity:$id	- -> {\"title\":\"Gặp mặt hữu nghị\",\"start\":\"2024-06-01\",.*\"status\":\"planned\""
expect "activity edit" K activity edit "$id" --location 'Hà Nội'
newest "activity.edit	activity:$id	{.*\"location\":\"\".*} -> {.*\"location\":\"Hà Nội\".*}\$"
expect "activity cancel" K activity cancel "$id"
newest "activity.cancel	activity:$id	{.*\"status\":\"planned\".*} -> {.*\"status\":\"cancelled\".*}\$"
K activity edit "$id" --location 'Hà Nội' >"$T/same" || die "edit again"
expect_grep "^$id unchanged\$" "$T/same"
newest "activity.cancel	activity:$id	"

# recipient add (a new address, then the same one changed), remove.
expect "recipient add" K recipient add --email lan@example.org --name Lan
newest 'recipient.add	recipient:lan@example.org	- -> {"email":"lan@example.org","name":"Lan","lang":"vi","follows":"milestones"}$'
expect "recipient add again" K recipient add --email lan@example.org \
    --name 'Lan Anh' --lang en
newest 'recipient.edit	recipient:lan@example.org	{"email":"lan@example.org","name":"Lan","lang":"vi",.*} -> {"email":"lan@example.org","name":"Lan Anh","lang":"en",.*}$'
expect "recipient remove" K recipient remove lan@example.org
newest 'recipient.remove	recipient:lan@example.org	{"email":"lan@example.org","name":"Lan Anh",.*} -> -$'

# user add (with a password file, and with a link), disable, enable,
# reset; no password and no link in the trail.
printf '%s\n' "$PW" >"$T/pw"
chmod 600 "$T/pw"
expect "user add" K user add hoa@example.org --name 'Hoa' --role editor \
    --password-file "$T/pw"
newest 'user.add	user:hoa@example.org	- -> {"email":"hoa@example.org","name":"Hoa","role":"editor","disabled":false}$'
K user add mai@example.org --name Mai --role viewer >"$T/link" ||
    die "user add with a link"
newest 'user.add	user:mai@example.org	- -> {"email":"mai@example.org","name":"Mai","role":"viewer","disabled":false}$'
expect "user disable" K user disable hoa@example.org
newest 'user.disable	user:hoa@example.org	{.*"disabled":false} -> {.*"disabled":true}$'
expect "user enable" K user enable hoa@example.org
newest 'user.enable	user:hoa@example.org	{.*"disabled":true} -> {.*"disabled":false}$'
K user reset mai@example.org >"$T/link2" || die "user reset"
newest 'user.reset	user:mai@example.org	- -> -$'
"$KYNIEM" audit --limit 1000 >"$T/all"
for l in "$T/link" "$T/link2"; do
	tok=$(sed -n 's/.*token=//p' "$l")
	expect "a link was printed ($l)" [ -n "$tok" ]
	expect_no_grep "$tok" "$T/all"
done
expect_no_grep "$PW" "$T/all"

# member add, text set.
expect "member add" K member add vn-lao --name 'Hội hữu nghị Việt Nam – Lào'
newest 'member.add	member:vn-lao	- -> {.*"name":"Hội hữu nghị Việt Nam – Lào".*}$'
echo 'Bối cảnh năm 2024.' >"$T/context"
expect "text set" K text set report 2024 context --file "$T/context"
newest 'text.set	text:report:2024:context	'

# plan --include, letters sent.
expect "plan --include" K plan 2024 --include relation:SE --out "$T/plan.md"
newest 'plan.include	plan:2024:relation:SE	- -> {"choice":"include"}$'
K letters sent national-day:LA 2024 >"$T/sent" || die "letters sent"
newest "letter.sent	activity:$(cut -f1 "$T/sent")	- -> {\"title\":\"Gửi thư chúc mừng .*\"status\":\"done\",.*\"category\":\"letter\",\"countries\":\"LA\""

# restore: the row is in the restored database.
K --now 2024-05-01T09:30 backup --out "$T/b.kyb" >/dev/null || die "backup"
expect "restore" K restore "$T/b.kyb" >/dev/null
newest "backup.restore	$T/b.kyb	- -> {\"file\":\"$T/b.kyb\",\"taken\":\"2024-05-01T09:30\",\"encrypted\":false,\"schema\":[0-9]*}\$"
expect "restore keeps the database as it was" \
    [ -f "$T/kyniem.db.before-restore" ]
rm -f "$T/kyniem.db.before-restore"

# The same writes on a copy whose audit table refuses every row.
"$PYTHON" -c 'import sqlite3, sys
src = sqlite3.connect(sys.argv[1])
dst = sqlite3.connect(sys.argv[2])
src.backup(dst)
dst.execute("""CREATE TRIGGER refuse BEFORE INSERT ON audit
    BEGIN SELECT RAISE(ABORT, '"'"'audit refused'"'"'); END""")
dst.commit()' "$T/kyniem.db" "$T/refused.db" || die "the refusing copy"
sed "s|$T/kyniem.db|$T/refused.db|" "$T/kyniem.conf" >"$T/refused.conf"
export KYNIEM_CONFIG="$T/refused.conf"
# Its backup carries the trigger: restoring it refuses too.
K backup --out "$T/refused.kyb" >/dev/null || die "backup of the copy"
id2=$(K activity list | head -n 1 | cut -f1)

# refused ACTION COMMAND...: COMMAND fails (1), says ACTION was not
# recorded and nothing changed, and the database dumps the same.
refused() {
	_action=$1
	shift
	dump "$T/refused.db" "$T/before.sql"
	test_must_fail_with --status=1 \
	    "cannot write '$_action' to the audit trail: audit refused; nothing was changed" \
	    "$@"
	dump "$T/refused.db" "$T/after.sql"
	expect_diff "$T/before.sql" "$T/after.sql"
}
refused activity.create K activity add --title 'Không ghi' --start 2024-07-01
refused activity.edit K activity edit "$id2" --location 'Không ghi'
refused activity.cancel K activity cancel "$id2"
refused recipient.add K recipient add --email lan@example.org --name Lan
refused recipient.edit K recipient add --email an@example.org --name 'An 2'
refused recipient.remove K recipient remove an@example.org
refused user.add K user add lam@example.org --name Lam --role editor \
    --password-file "$T/pw"
refused user.add K user add lam@example.org --name Lam --role editor
refused user.disable K user disable hoa@example.org
refused user.enable K user enable hoa@example.org
refused user.reset K user reset hoa@example.org
refused plan.include K plan 2024 --include relation:MT --out "$T/plan2.md"
expect "no plan was written" [ ! -e "$T/plan2.md" ]
refused letter.sent K letters sent national-day:KH 2024
printf '%s\n' 'key,title,start,end,location,organiser,owners,remind,observance,status,notes' \
    'moi-1,Hoạt động mới,2024-08-01,,,,,,,,' >"$T/more.csv"
refused member.add K member add vn-cam --name 'Hội hữu nghị Việt Nam – Campuchia'
refused member.edit K member edit vn-lao --name 'Hội khác'
refused member.remove K member remove vn-lao
echo 'Không được ghi.' >"$T/context2"
refused text.set K text set report 2024 context --file "$T/context2"
refused import K import "$T/more.csv"
expect_grep "more.csv: 1 error; nothing from this file was written" "$T/err"
refused import K import "$DATA/recurring-google.ics"
refused backup.restore K restore "$T/refused.kyb"
expect "a refused restore keeps no .before-restore" \
    [ ! -e "$T/refused.db.before-restore" ]
# The copy still works for what writes nothing.
expect "the copy still reads" K activity show "$id2"

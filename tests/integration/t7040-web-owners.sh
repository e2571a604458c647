# Owners are the union's own people (issue 21): an editor cannot make the
# server mail anyone.  1,000 outside addresses as owners, one outside
# address, or more owners than [activities] max_owners are refused on the
# web form (422, the field marked, nothing saved, nothing queued), on the
# command line and in CSV and .ics imports (FILE:LINE naming the field,
# nothing written); an admin adds the address as a recipient first, and
# then it is accepted.  A re-import keeps the owners an activity already
# had; `kyniem remind` mails no owner from outside even when the database
# holds one (a row written before the rule).
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[activities]
max_owners = 3
EOC
web_users
start_server 2023-08-20
TODAY=2023-08-20
for w in admin editor; do
	[ "$(web_login $w)" = 303 ] || die "$w cannot log in"
done

# The form says whom owners may be, and how many.
web_get editor /app/activities/new "$T/new.html" >/dev/null
expect_grep 'Người được chọn (nhiều nhất 3 người) nhận thư nhắc việc' \
    "$T/new.html"
expect_grep '<input type="checkbox" name="owner" value="editor@example.org" checked> Cán bộ editor' \
    "$T/new.html"
expect_no_grep 'href="/app/recipients"' "$T/new.html"
web_get admin /app/activities/new "$T/new-admin.html" >/dev/null
expect_grep 'href="/app/recipients">Thêm người nhận</a>' "$T/new-admin.html"

# 1,000 outside addresses: refused, the field marked, nothing saved.
many=$(awk 'BEGIN { for (i = 1; i <= 1000; i++)
    printf "%sx%d@evil.example", (i > 1 ? "," : ""), i }')
expect "1,000 outside owners are refused (422)" [ "$(web_post editor \
    /app/activities title='Thư rác' start=2023-09-01 "owners=$many")" = 422 ]
expect_grep 'Nhiều nhất 3 người phụ trách nhận thư nhắc' "$T/post.html"
expect_grep '<fieldset class="field picks invalid" id="f-owners"><legend>Người phụ trách</legend><p class="error" id="e-owners">' \
    "$T/post.html"
# One outside address: refused, and the editor is told whom to ask.
expect "an outside owner is refused (422)" [ "$(web_post editor \
    /app/activities title='Giao lưu' start=2023-09-01 \
    'owners=editor@example.org, lan@partner.example')" = 422 ]
expect_grep '“lan@partner.example” không phải người dùng hay người nhận của hội' \
    "$T/post.html"
expect_grep 'quản trị viên cần thêm địa chỉ này vào danh sách người nhận trước' \
    "$T/post.html"
# An admin is refused the same, with the link to the recipients page
# under the field.
expect "an admin's outside owner is refused too (422)" [ "$(web_post \
    admin /app/activities title='Giao lưu' start=2023-09-01 \
    'owners=lan@partner.example')" = 422 ]
expect_grep 'id="e-owners">“lan@partner.example” không phải người dùng' \
    "$T/post.html"
expect_grep 'href="/app/recipients">Thêm người nhận</a>' "$T/post.html"
expect "nothing was saved" [ -z "$(K activity list)" ]
expect "nothing is queued" K --now 2023-08-20T07:00 remind --dry-run \
    >"$T/dry0"
expect_grep '^dry run: 0 queued' "$T/dry0"

# The admin adds the address as a recipient who follows nothing: the
# same owner is accepted.
expect "the admin adds a recipient (303)" [ "$(web_post admin \
    /app/recipients email=lan@partner.example name='Lan' lang=vi \
    follows=none)" = 303 ]
expect "the owner is accepted now (303)" [ "$(web_post editor \
    /app/activities title='Giao lưu' start=2023-09-01 \
    'owners=editor@example.org, LAN@Partner.Example')" = 303 ]
id=$(K activity list | cut -f1)
K activity show "$id" >"$T/show"
expect_grep '^owners      editor@example.org$' "$T/show"
expect_grep '^            LAN@partner.example$' "$T/show"
# Four known owners are one too many.
K recipient add --email b@example.org --name B --follow none
K recipient add --email c@example.org --name C --follow none
expect "four owners are refused (422)" [ "$(web_post editor \
    "/app/activities/$id" title='Giao lưu' start=2023-09-01 \
    'owners=editor@example.org lan@partner.example b@example.org c@example.org')" = 422 ]
expect_grep 'Nhiều nhất 3 người phụ trách' "$T/post.html"
# In English too.
web_get editor '/app/lang/en?next=%2Fapp%2F' "$T/lang.html" >/dev/null
web_post editor /app/activities title=X start=2023-09-01 \
    owners=z@evil.example >/dev/null
expect_grep 'id="e-owners">&#39;z@evil.example&#39; is neither an account nor a recipient' \
    "$T/post.html"
web_get editor '/app/lang/vi?next=%2Fapp%2F' "$T/lang.html" >/dev/null

# The command line.
test_must_fail --status=1 K activity add --title X --start 2023-09-01 \
    --owner z@evil.example 2>"$T/err"
expect_grep "owners: 'z@evil.example' is neither an account nor a recipient; an administrator adds it as a recipient first" \
    "$T/err"
test_must_fail --status=1 K activity add --title X --start 2023-09-01 \
    --owner a1@example.org --owner editor@example.org --owner b@example.org \
    --owner c@example.org 2>"$T/err"
expect_grep 'owners: at most 3 addresses get an activity.s reminders, not 4 (\[activities\] max_owners)' \
    "$T/err"

# CSV: the line and the field, and nothing from the file written.
cat >"$T/acts.csv" <<'EOC'
key,title,start,end,location,organiser,owners,remind,observance,status,notes
ok-1,Họp,2023-09-02,,,,editor@example.org,,,,
bad-1,Họp,2023-09-03,,,,editor@example.org;z@evil.example,,,,
EOC
test_must_fail --status=1 K import "$T/acts.csv" 2>"$T/err"
expect_grep "acts.csv:3: owners: 'z@evil.example' is neither an account nor a recipient" \
    "$T/err"
expect "the import wrote nothing" [ "$(K activity list | wc -l)" -eq 1 ]
# .ics: attendees as owners, the same rule.
cat >"$T/ev.ics" <<'EOC'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:ev-1@test
DTSTAMP:20230801T000000Z
DTSTART;VALUE=DATE:20230905
SUMMARY:Hội thảo
ATTENDEE:mailto:z@evil.example
END:VEVENT
END:VCALENDAR
EOC
test_must_fail --status=1 K import --attendees-as-owners "$T/ev.ics" \
    2>"$T/err"
expect_grep "ev.ics:4: owners: 'z@evil.example' is neither an account nor a recipient" \
    "$T/err"
# An owner the activity had stays over a re-import of its export, even
# after the recipient left.
K activity list --csv >"$T/export.csv"
K recipient remove lan@partner.example
expect "the export imports back" K import "$T/export.csv"

# A row that broke the rule before it existed: remind mails no outsider.
sqlite3 "$T/kyniem.db" "INSERT INTO activity_owners (activity, pos, email)
    VALUES ($id, 9, 'legacy@evil.example')" || die "sqlite3"
expect "remind --dry-run runs" K --now 2023-08-30T07:00 remind --dry-run \
    >"$T/dry1" 2>"$T/dry1.err"
expect_grep "would queue activity:.* to editor@example.org" "$T/dry1"
expect_no_grep 'evil.example' "$T/dry1"
expect_grep "no reminder to 'legacy@evil.example', which is neither an account nor a recipient" \
    "$T/dry1.err"
expect_clean_stop

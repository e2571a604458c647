# Delete and undo (issue 23): an editor deletes an activity, which leaves
# every list, the dashboard, the search and the CSV but stays on
# "Đã xóa" for 30 days, restorable with its id and owners; an admin
# deletes and restores a contact (a re-import does not bring a deleted
# one back); a corrected date goes back to the shipped row.  Each is one
# audit row, and an activity's and an occasion's page show their own
# history to editors, not to viewers.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
TODAY=2024-02-20
initdb
web_users
"$KYNIEM" --today $TODAY activity add --title 'Gặp mặt hữu nghị Việt Nam – Samoa' \
    --start 2024-03-14 --observance relation:WS --owner editor@example.org \
    >"$T/act.id" || die "activity add"
ID=$(cat "$T/act.id")
start_server $TODAY
for who in viewer editor admin; do
	[ "$(web_login $who)" = 303 ] || die "the $who cannot log in"
done
q() { sqlite3 "$T/kyniem.db" "$1"; }

# The page offers the deletion to editors, not to viewers.
web_get editor "/app/activities/$ID" "$T/a0.html" >/dev/null
expect_grep "action=\"/app/activities/$ID/delete\"" "$T/a0.html"
web_get viewer "/app/activities/$ID" "$T/v0.html" >/dev/null
expect_no_grep '/delete"' "$T/v0.html"
expect "a viewer may not delete (403)" \
    [ "$(web_post viewer "/app/activities/$ID/delete")" = 403 ]

# Deleted: to its own page, which says so and offers to restore it.
expect "the editor deletes it (303)" \
    [ "$(web_post editor "/app/activities/$ID/delete")" = 303 ]
expect_grep "Location: /app/activities/$ID" "$T/post.hdr"
web_get editor "/app/activities/$ID" "$T/a1.html" >/dev/null
expect_grep 'Đã xóa hoạt động; có thể khôi phục trong 30 ngày.' "$T/a1.html"
expect_grep 'Hoạt động này đã bị xóa:' "$T/a1.html"
expect_grep "action=\"/app/activities/$ID/restore\"" "$T/a1.html"
expect_no_grep "action=\"/app/activities/$ID/delete\"" "$T/a1.html"
# Gone from the lists, the dashboard, the search and the CSV.
web_get editor '/app/activities?year=2024' "$T/l1.html" >/dev/null
expect_no_grep 'Gặp mặt hữu nghị Việt Nam – Samoa' "$T/l1.html"
web_get editor '/app/?show=all' "$T/h1.html" >/dev/null
expect_no_grep 'Gặp mặt hữu nghị' "$T/h1.html"
web_get editor '/app/search?q=gap+mat+samoa' "$T/s1.html" >/dev/null
expect_grep '<h2 id="acts">Hoạt động (0)</h2>' "$T/s1.html"
"$KYNIEM" activity list --year 2024 --csv >"$T/export1.csv" ||
    fail "kyniem activity list --csv"
expect_no_grep 'Gặp mặt hữu nghị' "$T/export1.csv"
# Nothing changes it while deleted; deleting again is a 404.
expect "a deleted activity cannot be edited (409)" \
    [ "$(web_post editor "/app/activities/$ID/cancel")" = 409 ]
expect_grep 'đã bị xóa' "$T/post.html"
expect "deleting it again is a 404" \
    [ "$(web_post editor "/app/activities/$ID/delete")" = 404 ]
# On "Đã xóa", with who and when.
web_get editor /app/trash "$T/t1.html" >/dev/null
expect_grep "<a href=\"/app/activities/$ID\">Gặp mặt hữu nghị Việt Nam – Samoa</a>" \
    "$T/t1.html"
expect_grep '<td>editor@example.org</td>' "$T/t1.html"
expect "a viewer has no Đã xóa page (403)" \
    [ "$(web_get viewer /app/trash "$T/tv.html")" = 403 ]

# Restored: the same id, owners and occasion.
expect "the editor restores it (303)" \
    [ "$(web_post editor "/app/activities/$ID/restore")" = 303 ]
web_get editor "/app/activities/$ID" "$T/a2.html" >/dev/null
expect_grep 'Đã khôi phục hoạt động.' "$T/a2.html"
expect_no_grep 'Hoạt động này đã bị xóa' "$T/a2.html"
expect_grep 'editor@example.org' "$T/a2.html"
web_get editor '/app/activities?year=2024' "$T/l2.html" >/dev/null
expect_grep 'Gặp mặt hữu nghị Việt Nam – Samoa' "$T/l2.html"
"$KYNIEM" activity list --year 2024 --csv >"$T/export2.csv" ||
    fail "kyniem activity list --csv"
expect_grep 'Gặp mặt hữu nghị Việt Nam – Samoa' "$T/export2.csv"
expect "restoring it again is a 404" \
    [ "$(web_post editor "/app/activities/$ID/restore")" = 404 ]
# The history: deleted, then restored, newest first; none for viewers.
expect_grep '<h2 id="history">Lịch sử thay đổi</h2>' "$T/a2.html"
sed -n '/id="history"/,$p' "$T/a2.html" | grep -o 'Khôi phục hoạt động\|Xóa hoạt động' \
    >"$T/hist" || true
expect "the history lists the restoration, then the deletion" \
    [ "$(tr '\n' ' ' <"$T/hist")" = 'Khôi phục hoạt động Xóa hoạt động ' ]
# An edit is told field by field, in words: no offset code, no key.
expect "an edit of the reminders and the category (303)" [ "$(web_post \
    editor "/app/activities/$ID" remind=7d,1d was_remind= \
    category=anniversary was_category=)" = 303 ]
web_get editor "/app/activities/$ID" "$T/a3.html" >/dev/null
expect_grep 'Sửa hoạt động<br><span class="muted">Nhắc trước:</span> <span class="muted">—</span> → 7 ngày, 1 ngày trước<br><span class="muted">Loại hoạt động:</span> <span class="muted">—</span> → Hoạt động kỷ niệm' \
    "$T/a3.html"
sed -n '/id="history"/,$p' "$T/a3.html" >"$T/hist3"
expect_no_grep '7d\|relation:WS\|anniversary' "$T/hist3"
web_get viewer "/app/activities/$ID" "$T/v2.html" >/dev/null
expect_no_grep 'id="history"' "$T/v2.html"
expect "one audit row each" [ "$(q "SELECT group_concat(action || ' ' ||
    who, ';') FROM audit WHERE object = 'activity:$ID' AND action IN
    ('activity.delete', 'activity.restore')")" = \
    "activity.delete editor@example.org;activity.restore editor@example.org" ]

# 30 days on, a deleted activity is gone for good (the next deletion
# purges it): restoring is a 404.
web_post editor "/app/activities/$ID/delete" >/dev/null
q "UPDATE activity_trash SET at = at - 31 * 86400"
"$KYNIEM" --today $TODAY activity add --title 'Thử nghiệm' --start 2024-03-01 \
    >"$T/act2.id" || die "activity add"
expect "a second deletion (303)" \
    [ "$(web_post editor "/app/activities/$(cat "$T/act2.id")/delete")" = 303 ]
expect "the old one is gone from the database" \
    [ "$(q "SELECT count(*) FROM activities WHERE id = $ID")" = 0 ]
expect "and cannot be restored (404)" \
    [ "$(web_post editor "/app/activities/$ID/restore")" = 404 ]

# A contact: admins delete it from its edit page and restore it.
K='embassy:WS'
q "SELECT key FROM contacts WHERE key = '$K'" | grep -q . ||
    K=$(q "SELECT key FROM contacts ORDER BY key LIMIT 1")
KQ=$(printf '%s' "$K" | sed 's/:/%3A/g')
NAME=$(q "SELECT name_vi FROM contacts WHERE key = '$K'")
web_get admin "/app/contacts/edit?key=$KQ" "$T/c0.html" >/dev/null
expect_grep "action=\"/app/contacts/delete?key=$KQ\"" "$T/c0.html"
expect "an editor may not delete a contact (403)" \
    [ "$(web_post editor "/app/contacts/delete?key=$KQ")" = 403 ]
expect "the admin deletes the contact (303)" \
    [ "$(web_post admin "/app/contacts/delete?key=$KQ")" = 303 ]
web_get admin '/app/contacts' "$T/c1.html" >/dev/null
expect_grep 'Đã xóa cơ quan khỏi danh bạ' "$T/c1.html"
web_get admin "/app/contacts?country=$(q "SELECT country FROM contacts WHERE key = '$K'")" \
    "$T/c1c.html" >/dev/null
expect_no_grep ">$NAME<" "$T/c1c.html"
# A re-import of the shipped calendars does not bring it back.
"$KYNIEM" init --calendars "$SRC/calendars" >/dev/null 2>&1 || fail "kyniem init"
"$KYNIEM" contact list >"$T/contacts.txt" 2>&1 || fail "kyniem contact list"
expect_no_grep "^$K " "$T/contacts.txt"
web_get admin /app/trash "$T/t2.html" >/dev/null
expect_grep "$NAME <span class=\"muted\">danh bạ</span>" "$T/t2.html"
expect "the admin restores it (303)" \
    [ "$(web_post admin "/app/contacts/restore?key=$KQ")" = 303 ]
"$KYNIEM" contact list >"$T/contacts2.txt" 2>&1 || fail "kyniem contact list"
expect_grep "^$K " "$T/contacts2.txt"
expect "contact rows in the audit trail" [ "$(q "SELECT group_concat(action,
    ' ') FROM audit WHERE object = 'contact:$K'")" = \
    'contact.delete contact.restore' ]

# A correction undone: Samoa's relation known to the month, corrected to
# the day, then the shipped row again.
# (The calendar's day, when picked, wins over the text field.)
expect "the correction is saved (303)" [ "$(web_post editor \
    /app/occasions/relation:WS/correct date_day=1994-03-14 date=1994-03 \
    source=Kiểm_thử confidence=confirmed note=)" = 303 ]
"$KYNIEM" list --edited >"$T/edited0"
expect_grep '^relation:WS *1994-03-14 ' "$T/edited0"
web_get editor /app/occasions/relation:WS "$T/o1.html" >/dev/null
expect_grep 'đã được chỉnh sửa tại đơn vị' "$T/o1.html"
expect_grep 'action="/app/occasions/relation%3AWS/reset"' "$T/o1.html"
web_get viewer /app/occasions/relation:WS "$T/ov1.html" >/dev/null
expect_no_grep '/reset"' "$T/ov1.html"
expect_no_grep 'id="history"' "$T/ov1.html"
expect "the shipped row is restored (303)" \
    [ "$(web_post editor /app/occasions/relation:WS/reset)" = 303 ]
web_get editor /app/occasions/relation:WS "$T/o2.html" >/dev/null
expect_grep 'Đã khôi phục ngày và nguồn của dữ liệu gốc.' "$T/o2.html"
expect_no_grep 'đã được chỉnh sửa tại đơn vị' "$T/o2.html"
"$KYNIEM" list --edited >"$T/edited"
expect "no correction is left" [ ! -s "$T/edited" ]
sed -n '/id="history"/,$p' "$T/o2.html" | grep -o 'Khôi phục dữ liệu gốc\|Chỉnh sửa ngày' \
    >"$T/ohist" || true
expect "the occasion's history: restored, then corrected" \
    [ "$(tr '\n' ' ' <"$T/ohist")" = 'Khôi phục dữ liệu gốc Chỉnh sửa ngày ' ]
expect_grep 'editor@example.org' "$T/o2.html"
expect "restoring with no correction changes nothing (303)" \
    [ "$(web_post editor /app/occasions/relation:WS/reset)" = 303 ]
expect "one reset in the audit trail" [ "$(q "SELECT count(*) FROM audit
    WHERE action = 'observance.reset'")" = 1 ]
expect_clean_stop

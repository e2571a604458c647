# A change and its audit row are one write: with a trigger that refuses
# every audit row added to the running server's database, each write of
# the web application (activities created, edited, cancelled and done,
# a contact, a correction, a plan choice, letters sent, an import, a
# member, recipients, accounts, an outbox retry, a password, a logout, a login)
# answers an error page (503, "nothing was saved"), not a crash, and the
# data is what it was; a backup is not handed out unrecorded.  The log
# names each refused action.  Once the trigger is gone the same server
# writes again, its rows in the trail.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
known_owners an@example.org
web_users
TODAY=2024-05-01
K user add link@example.org --name Link --role viewer >"$T/link" ||
    die "user add with a link"
tok=$(sed -n 's|^http.*/app/password?token=||p' "$T/link")
[ -n "$tok" ] || die "no link in: $(cat "$T/link")"
"$KYNIEM" backup >/dev/null || die "kyniem backup"

# sql STATEMENT [ARG...]: run one statement on the database (python3's
# sqlite3) and print the first column of each row.
sql() {
	"$PYTHON" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2], sys.argv[3:]):
    print(row[0])
c.commit()' "$T/kyniem.db" "$@"
}
# A failed message to retry.
sql "INSERT INTO outbox (reminder, recipient, message_id, subject, message,
    state, attempts, next_try, last_error, created) VALUES ('test:1',
    'an@example.org', '<1@test>', 'Nhắc lịch', 'Subject: x', 'failed', 1, 0,
    '550 no such user', 0)" || die "an outbox row"
vid=$(sql "SELECT id FROM users WHERE email = 'viewer@example.org'")

start_server "$TODAY"
link="$BASE/app/password?token=$tok"
for who in admin editor viewer; do
	[ "$(web_login $who)" = 303 ] || die "$who cannot log in"
done
expect "an activity is created (303)" [ "$(web_post editor /app/activities \
    title='Gặp mặt hữu nghị' start=2024-06-01)" = 303 ]
id=$(K activity list | cut -f1)

# snapshot FILE: every table but the sessions' and the throttle's (a
# page view moves a session's last-seen time), as SQL.
snapshot() {
	"$PYTHON" -c 'import sqlite3, sys
skip = ("sessions", "login_failures")
for line in sqlite3.connect(sys.argv[1]).iterdump():
    if not any(("\"%s\"" % t) in line.split(" VALUES")[0] for t in skip):
        print(line)' "$T/kyniem.db" >"$1" || die "snapshot"
}
sessions() { sql "SELECT count(*) FROM sessions"; }

sql "CREATE TRIGGER refuse BEFORE INSERT ON audit
    BEGIN SELECT RAISE(ABORT, 'audit refused'); END" ||
    die "the trigger"
snapshot "$T/before.sql"
n=$(sessions)

# refused WHAT STATUS: one check that the answer was STATUS, that it is
# the error page saying nothing was saved, and that the data did not
# change.
refused() {
	expect "$1 is refused ($2)" [ "$2" = 503 ]
	expect_grep '<p class="error" role="alert">Không lưu được thay đổi: cơ sở dữ liệu báo lỗi nên chưa có gì được ghi.' \
	    "$T/post.html"
	snapshot "$T/after.sql"
	expect_diff "$T/before.sql" "$T/after.sql"
}
refused "a new activity" "$(web_post editor /app/activities \
    title='Không được ghi' start=2024-07-01)"
refused "an edit" "$(web_post editor "/app/activities/$id" \
    title='Gặp mặt hữu nghị' start=2024-06-01 location='Hà Nội')"
refused "a cancellation" "$(web_post editor "/app/activities/$id/cancel")"
refused "a result" "$(web_post editor "/app/activities/$id/done" \
    result=Tốt participants=30 confirm=1)"
refused "a contact's edit" "$(web_post admin \
    '/app/contacts/edit?key=embassy%3ALA' 'address=Số 40 Quang Trung' \
    'head_title_vi=Ngài Đại sứ' 'head_title_en=His Excellency' \
    'source=https://example.org/la')"
refused "a correction" "$(web_post editor \
    /app/occasions/relation:WS/correct date=1994-03-14 source=x \
    confidence=confirmed)"
refused "a plan choice" \
    "$(web_post editor /app/documents/2024/relation:SE/include)"
refused "letters sent" \
    "$(web_post editor '/app/letters/sent?key=national-day%3AKH&year=2024')"
head -n 1 "$DATA/activities.csv" >"$T/act.csv"
printf '%s\n' 'moi-1,Hoạt động mới,2024-08-01,,,,an@example.org,,,,' >>"$T/act.csv"
refused "an import" "$(curl -s -b "$T/admin.jar" -c "$T/admin.jar" \
    -H "Origin: $BASE" -o "$T/post.html" -w '%{http_code}' \
    -F "csrf=$(web_csrf admin)" -F "file=@$T/act.csv" "$BASE/app/import")"
refused "a new member" "$(web_post editor /app/members key=vn-lao \
    name='Hội hữu nghị Việt Nam – Lào' kind=bilateral)"
refused "a new recipient" "$(web_post admin /app/recipients \
    email=lan@example.org name=Lan lang=vi follows=milestones)"
refused "a recipient's edit" "$(web_post admin \
    '/app/recipients/edit?email=an%40example.org' name='An Nguyễn' lang=en \
    follows=none)"
refused "a recipient's removal" \
    "$(web_post admin '/app/recipients/remove?email=an%40example.org')"
refused "a new account" "$(web_post admin /app/users email=lam@example.org \
    name=Lam role=editor)"
refused "a role" "$(web_post admin "/app/users/$vid/role" role=editor)"
refused "a disabled account" "$(web_post admin "/app/users/$vid/disable")"
refused "an enabled account" "$(web_post admin "/app/users/$vid/enable")"
refused "a reset" "$(web_post admin "/app/users/$vid/reset")"
expect_no_grep 'token=' "$T/post.html"
refused "a retry" "$(web_post admin /app/outbox/1/retry)"
refused "a new password" "$(web_post viewer /app/account/password \
    "current=$PW" password='một mật khẩu mới' password2='một mật khẩu mới')"
rm -f "$T/anon.jar"
curl -s -c "$T/anon.jar" -o "$T/pw.html" "$link"
refused "a password by link" "$(curl -s -b "$T/anon.jar" -c "$T/anon.jar" \
    -H "Origin: $BASE" -o "$T/post.html" -w '%{http_code}' \
    --data-urlencode "token=${link#*token=}" \
    --data-urlencode 'password=một mật khẩu mới' \
    --data-urlencode 'password2=một mật khẩu mới' \
    --data-urlencode "csrf=$(csrf_of "$T/pw.html")" "$BASE/app/password")"
expect "the link still works" \
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$link")" = 200 ]
refused "a logout" "$(web_post viewer /app/logout)"
expect "the viewer is still logged in" \
    [ "$(web_get viewer /app/ "$T/home.html")" = 200 ]
refused "a login" "$(web_login viewer && cp "$T/login.out" "$T/post.html")"
expect "no session was opened ($(sessions))" [ "$(sessions)" = "$n" ]
expect "the backup is not handed out (503)" \
    [ "$(web_get admin /app/backup/latest "$T/backup")" = 503 ]
expect_grep 'Không ghi được nhật ký thay đổi nên không tải được bản sao lưu' \
    "$T/backup"
for a in activity.create activity.edit activity.cancel activity.done \
    contact.edit observance.correct plan.include letter.sent import \
    member.add recipient.add recipient.edit recipient.remove user.add user.role \
    user.disable user.enable user.reset outbox.retry user.password \
    session.logout session.login backup.download; do
	expect_grep "cannot write '$a' to the audit trail: audit refused" \
	    "$T/serve.err"
done
expect "the server is up" [ "$(code "$BASE/healthz")" = 200 ]

# Without the trigger, the same server writes, and the trail has it.
sql "DROP TRIGGER refuse" || die "drop the trigger"
expect "an activity is created again (303)" [ "$(web_post editor \
    /app/activities title='Được ghi' start=2024-07-01)" = 303 ]
"$KYNIEM" audit --limit 1 >"$T/audit"
expect_grep '	editor@example.org	activity.create	activity:[0-9]*	- -> {"title":"Được ghi",' \
    "$T/audit"
expect "the viewer's old password still logs in" [ "$(web_login viewer)" = 303 ]
expect_clean_stop

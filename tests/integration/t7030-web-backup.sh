# The "Sao lưu" page on a real server: admins see the newest backup's
# time, size and whether it is encrypted, every copy kept, and download
# the newest (byte for byte, audited); editors, viewers and strangers are
# refused the page and the download.  The dashboard warns admins, and
# only admins, when there is no backup or the newest is more than two
# days old.  A restore while the server runs ends the sessions and is in
# the audit trail.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

initdb
web_users
B="$T/backups"
start_server 2025-04-10 2025-04-10T09:00
for w in admin editor viewer; do
	[ "$(web_login $w)" = 303 ] || die "$w cannot log in"
done

# No backup yet.
expect "the admin's dashboard opens" \
    [ "$(web_get admin /app/ "$T/home0.html")" = 200 ]
expect_grep '<div class="errors" role="alert"><p>Chưa có bản sao lưu nào của cơ sở dữ liệu. <a href="/app/backup">Xem trang Sao lưu</a>' \
    "$T/home0.html"
expect_grep 'href="/app/backup"[^>]*>Sao lưu</a>' "$T/home0.html"
expect "the editor's dashboard opens" \
    [ "$(web_get editor /app/ "$T/home-ed.html")" = 200 ]
expect_grep '<h1>Tổng quan</h1>' "$T/home-ed.html"
expect_no_grep 'bản sao lưu' "$T/home-ed.html"
expect_no_grep 'href="/app/backup"' "$T/home-ed.html"
expect "the page opens for an admin" \
    [ "$(web_get admin /app/backup "$T/page0.html")" = 200 ]
expect_grep '<h1>Sao lưu</h1>' "$T/page0.html"
expect_grep 'Chưa có bản sao lưu nào. Hãy báo cho người quản trị' \
    "$T/page0.html"
expect "no backup to download: 404" \
    [ "$(web_get admin /app/backup/latest "$T/none")" = 404 ]

# An old backup: the dashboard warns, with its time.
"$KYNIEM" --now 2025-04-07T08:00 backup >/dev/null || die "kyniem backup"
web_get admin /app/ "$T/home1.html" >/dev/null
expect_grep 'Bản sao lưu mới nhất đã cũ hơn hai ngày: 7/4/2025 08:00. <a href="/app/backup">' \
    "$T/home1.html"
web_get admin /app/backup "$T/page1.html" >/dev/null
expect_grep 'Bản sao lưu này đã cũ hơn hai ngày' "$T/page1.html"

# A fresh one (made after the old): no warning; the page describes it.
"$KYNIEM" --now 2025-04-10T08:30 backup >/dev/null || die "kyniem backup"
newest="$B/kyniem-2025-04-10-083000.kyb"
web_get admin /app/ "$T/home2.html" >/dev/null
expect_grep '<h1>Tổng quan</h1>' "$T/home2.html"
expect_no_grep 'class="errors"' "$T/home2.html"
web_get admin /app/backup "$T/page2.html" >/dev/null
expect_grep '<dt>Thời điểm</dt><dd>10/4/2025 08:30</dd>' "$T/page2.html"
kb=$(( ($(stat -c %s "$newest") + 512) / 1024 ))
expect_grep "<dt>Dung lượng</dt><dd>$kb KB</dd>" "$T/page2.html"
expect_grep '<dt>Mã hóa</dt><dd>Không</dd>' "$T/page2.html"
expect_grep '<code>kyniem-2025-04-10-083000.kyb</code>' "$T/page2.html"
expect_grep 'href="/app/backup/latest" download>Tải về bản mới nhất' \
    "$T/page2.html"
expect "two copies listed" [ "$(grep -c '^<tr><td class="date">' \
    "$T/page2.html")" = 2 ]
expect_no_grep 'cũ hơn hai ngày' "$T/page2.html"

# The download: the newest file, byte for byte, and in the audit trail.
expect "an admin downloads the newest backup" [ "$(curl -s \
    -b "$T/admin.jar" -D "$T/dl.hdr" -o "$T/dl.kyb" -w '%{http_code}' \
    "$BASE/app/backup/latest")" = 200 ]
expect_grep '^Content-Type: application/octet-stream' "$T/dl.hdr"
expect_grep '^Content-Disposition: attachment; filename="kyniem-2025-04-10-083000.kyb"' \
    "$T/dl.hdr"
expect "the download is the newest file" cmp -s "$newest" "$T/dl.kyb"
expect "and restores" "$KYNIEM" restore --check "$T/dl.kyb" >/dev/null
"$KYNIEM" audit >"$T/audit"
expect_grep '	admin@example.org	backup.download	kyniem-2025-04-10-083000.kyb	' \
    "$T/audit"

# Editors, viewers and strangers: refused, and given no bytes of it.
for w in editor viewer; do
	for p in /app/backup /app/backup/latest; do
		expect "$w: GET $p is 403" \
		    [ "$(web_get $w "$p" "$T/r.html")" = 403 ]
		expect "$w gets no backup from $p" \
		    [ "$(head -c 8 "$T/r.html")" != KYNIEMBK ]
	done
done
expect_grep 'không có quyền' "$T/r.html"
for p in /app/backup /app/backup/latest; do
	expect "a stranger is sent to the login from $p" \
	    [ "$(web_get anon "$p" "$T/r.html")" = 303 ]
	expect "a stranger gets no backup from $p" \
	    [ "$(head -c 8 "$T/r.html")" != KYNIEMBK ]
done
"$KYNIEM" audit >"$T/audit2"
expect "only the admin's download is in the trail" \
    [ "$(grep -c 'backup.download' "$T/audit2")" = 1 ]

# An encrypted backup, in English.
umask 077
head -c 32 /dev/urandom | base64 >"$T/key"
cp "$T/kyniem.conf" "$T/enc.conf"
printf '[backup]\nkey_file = %s/key\n' "$T" >>"$T/enc.conf"
"$KYNIEM" --config "$T/enc.conf" --now 2025-04-10T08:45 backup >/dev/null ||
    die "an encrypted backup"
web_get admin '/app/lang/en?next=/app/backup' "$T/lang.html" >/dev/null
web_get admin /app/backup "$T/page3.html" >/dev/null
expect_grep '<h1>Backups</h1>' "$T/page3.html"
expect_grep '<dt>Taken</dt><dd>10 Apr 2025 08:45</dd>' "$T/page3.html"
expect_grep '<dt>Encrypted</dt><dd>Yes</dd>' "$T/page3.html"
expect_grep 'Download the newest backup' "$T/page3.html"
curl -s -b "$T/admin.jar" -o "$T/dl2.kyb" "$BASE/app/backup/latest"
expect "the encrypted download is the newest file" \
    cmp -s "$B/kyniem-2025-04-10-084500.kyb" "$T/dl2.kyb"
test_must_fail --status=1 "$KYNIEM" restore --check "$T/dl2.kyb" 2>"$T/err"
expect_grep "is encrypted: set \[backup\] key_file" "$T/err"
expect "it opens with its key" "$KYNIEM" --config "$T/enc.conf" \
    restore --check "$T/dl2.kyb" >/dev/null

# A restore while the server runs ends every session (one ended since the
# backup must not come back); the admin logs in again and finds it in the
# audit trail.
# (The 08:30 copy gave way to the 08:45 one, the day's newest: its
# download is restored.)
"$KYNIEM" restore "$T/dl.kyb" >"$T/restore.out" || fail "kyniem restore"
expect_grep '^sessions	0$' "$T/restore.out"
expect "after a restore the admin's session is over" \
    [ "$(web_get admin /app/backup "$T/r.html")" = 303 ]
expect "the admin logs in again" [ "$(web_login admin)" = 303 ]
web_get admin /app/audit "$T/audit.html" >/dev/null
expect_grep '<td>Khôi phục bản sao lưu</td><td>[^<]*/dl.kyb<' \
    "$T/audit.html"
expect_clean_stop

# The import page: a multipart upload imported as `kyniem import` does.
# A good activities CSV adds its rows and the page says how many; a CSV
# with bad rows shows "NAME:LINE: reason" (markup of the file escaped)
# and writes nothing; .ics files import, their attendees owners when
# asked, a bad one refused by line; a calendars/ CSV adds an observance;
# the uploaded name is cleaned; no file is a 422, over 8 MiB a 413; each
# import is in the audit trail.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
known_owners an@example.org binh@example.org
web_users
start_server 2023-08-20
[ "$(web_login admin)" = 303 ] || die "admin cannot log in"

# web_upload WHO FILE [FILENAME [FIELD=VALUE]]: POST FILE to /app/import
# as the form does (status printed; body in $T/post.html, headers in
# $T/post.hdr).
web_upload() {
	_csrf=$(web_csrf "$1")
	curl -s -b "$T/$1.jar" -c "$T/$1.jar" -H "Origin: $BASE" \
	    -D "$T/post.hdr" -o "$T/post.html" -w '%{http_code}' \
	    -F "csrf=$_csrf" -F "file=@$2;filename=${3:-$(basename "$2")}" \
	    ${4:+-F "$4"} "$BASE/app/import"
}
TODAY=2023-08-20

expect "the import page opens" \
    [ "$(web_get admin /app/import "$T/form.html")" = 200 ]
expect_grep 'enctype="multipart/form-data"' "$T/form.html"
expect_grep '<label for="f-file">' "$T/form.html"

# A good CSV.
cp "$DATA/activities.csv" "$T/hoạt động.csv"
expect "a good CSV is imported (303)" \
    [ "$(web_upload admin "$T/hoạt động.csv")" = 303 ]
loc=$(sed -n 's/^Location: //p' "$T/post.hdr" | tr -d '\r')
expect "to the import page ($loc)" [ "$loc" = /app/import ]
web_get admin "$loc" "$T/done.html" >/dev/null
expect_grep '<p class="flash" role="status">Đã nhập dữ liệu.</p>' "$T/done.html"
expect_grep 'Tệp hoạt động.csv: đã đọc 2 dòng, thêm mới hoặc thay đổi 2 dòng' \
    "$T/done.html"
# The summary came from the session, once: the page again has none.
web_get admin "$loc" "$T/done2.html" >/dev/null
expect_no_grep 'class="flash"\|đã đọc' "$T/done2.html"
# A forged one in the URL (the server's old form) shows nothing.
web_get admin '/app/import?msg=imported&file=HACKED.csv&rows=99999&changed=99999&undated=0' \
    "$T/forged.html" >/dev/null
expect_no_grep 'HACKED\|99999\|class="flash"\|Đã nhập' "$T/forged.html"
expect_grep '<h1>Nhập dữ liệu</h1>' "$T/forged.html"
K activity list | cut -f2- >"$T/acts1"
expect_grep '^2023-11-09T09:00	confirmed	internal	Gặp mặt kỷ niệm 70 năm Quốc khánh Campuchia$' \
    "$T/acts1"
expect "two activities" [ "$(wc -l <"$T/acts1")" -eq 2 ]

# Bad rows: every one by line, the file's markup escaped, nothing written.
cat >"$T/bad.csv" <<'EOC'
key,title,start,end,location,organiser,owners,remind,observance,status,notes
ok-1,<script>alert(1)</script>,2023-10-01,,,,,,,,
bad-1,Bad date,2023-02-31,,,,,,,,
bad-2,Bad key,2023-10-02,,,,,,<script>x</script>,,
EOC
expect "a CSV with bad rows is refused (422)" \
    [ "$(web_upload admin "$T/bad.csv" 'kế hoạch.csv')" = 422 ]
# In Vietnamese on the Vietnamese page (issue 23), in English on the
# English one and on the command line.
expect_grep '<li><code>kế hoạch.csv:3: cột start: Ngày bắt đầu phải có dạng' \
    "$T/post.html"
expect_grep '<li><code>kế hoạch.csv:4: cột observance: Không có dịp kỷ niệm với mã “&lt;script&gt;x&lt;/script&gt;”.</code></li>' \
    "$T/post.html"
expect_grep '<li><code>kế hoạch.csv: 2 lỗi; không dòng nào của tệp này được ghi</code></li>' \
    "$T/post.html"
expect_no_grep 'must be\|unknown \|[0-9] error\|nothing from\|class="error">[A-Za-z]' \
    "$T/post.html"
expect_grep 'không dòng nào được ghi' "$T/post.html"
curl -s -b "$T/admin.jar" -c "$T/admin.jar" -o /dev/null "$BASE/app/lang/en"
web_upload admin "$T/bad.csv" 'kế hoạch.csv' >/dev/null
expect_grep '<li><code>kế hoạch.csv:3: start: must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time), not &#39;2023-02-31&#39;</code></li>' \
    "$T/post.html"
expect_grep '<li><code>kế hoạch.csv: 2 errors; nothing from this file was written</code></li>' \
    "$T/post.html"
curl -s -b "$T/admin.jar" -c "$T/admin.jar" -o /dev/null "$BASE/app/lang/vi"
expect_no_grep '<script>' "$T/post.html"
# A broken file as a spreadsheet may make one: a stray quote, a title
# past 300 characters, a row short of columns; all said in Vietnamese.
long=$(printf 'x%.0s' $(seq 1 301))
{
	printf 'key,title,start,end,location,organiser,owners,remind,observance,status,notes\n'
	printf 'q-1,Gặp "mặt",2023-10-01,,,,,,,,\n'
	printf 'q-2,%s,2023-10-01,,,,,,,,\n' "$long"
	printf 'q-3,Thiếu cột,2023-10-01\n'
} >"$T/broken.csv"
expect "a broken CSV is refused (422)" \
    [ "$(web_upload admin "$T/broken.csv" 'broken.csv')" = 422 ]
expect_grep '<li><code>broken.csv:2: dấu ngoặc kép nằm giữa một ô không mở bằng dấu ngoặc kép</code></li>' \
    "$T/post.html"
expect_grep '<li><code>broken.csv:3: cột title: ' "$T/post.html"
expect_grep '<li><code>broken.csv:4: dòng có 3 cột, cần 11 cột' "$T/post.html"
expect_grep '<li><code>broken.csv: 3 lỗi; không dòng nào của tệp này được ghi</code></li>' \
    "$T/post.html"
sed -n '/<ul>/,/<\/ul>/p' "$T/post.html" | sed -e 's/<[^>]*>//g' \
    -e 's/key,title,start,end,location,organiser,owners,remind,observance,status,notes//' \
    >"$T/broken.txt"
expect_no_grep 'quote\|longer\|expected\|fields\|error\|written\|characters' \
    "$T/broken.txt"
K activity list | cut -f2- >"$T/acts2"
expect_diff "$T/acts1" "$T/acts2"

# A good row whose title is markup: imported, and shown escaped.
sed '/^bad-/d' "$T/bad.csv" >"$T/xss.csv"
expect "a row with markup in its title is imported" \
    [ "$(web_upload admin "$T/xss.csv")" = 303 ]
K activity list >"$T/acts3"
expect_grep '	<script>alert(1)</script>$' "$T/acts3"
web_get admin /app/audit "$T/audit.html" >/dev/null
expect_grep '<td>Tệp xss.csv</td><td><table class="diff">' "$T/audit.html"

# .ics files: the attendees become owners when asked; a bad file by line.
expect "an .ics file is imported (303)" [ "$(web_upload admin \
    "$DATA/activities.ics" invitation.ICS attendees=1)" = 303 ]
expect_grep '^Location: /app/import' "$T/post.hdr"
web_get admin /app/import "$T/done3.html" >/dev/null
expect_grep 'Tệp invitation.ICS: đã đọc 2 dòng, thêm mới hoặc thay đổi 2 dòng' \
    "$T/done3.html"
id=$(K activity list | grep 'Giao lưu bóng chuyền' | cut -f1)
expect "the .ics activity is there (id $id)" [ -n "$id" ]
K activity show "$id" >"$T/show"
expect_grep '^owners      an@example.org$' "$T/show"
expect_grep '^location    Trường Bunpimay, Nha Trang$' "$T/show"
expect "a bad .ics file is refused (422)" \
    [ "$(web_upload admin "$DATA/activities-bad.ics")" = 422 ]
expect_grep '<li><code>activities-bad.ics:9: sự kiện (VEVENT) thiếu UID</code></li>' \
    "$T/post.html"
expect_grep '<li><code>activities-bad.ics:19: UID &#39;ok-1&#39; bị trùng</code></li>' \
    "$T/post.html"
sed -n '/<ul>/,/<\/ul>/p' "$T/post.html" | sed -e 's/<[^>]*>//g' >"$T/ics.txt"
expect_no_grep 'without\|duplicate\|error\|nothing from' "$T/ics.txt"
# More of what a calendar export may hold, each said in Vietnamese: a
# rule more frequent than daily, an end before the start, a title past
# 300 characters, a file cut before its end; in English on the English
# page.
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n'
	printf 'BEGIN:VEVENT\r\nUID:h-1\r\nSUMMARY:Họp\r\nDTSTART:20231001T080000\r\nRRULE:FREQ=HOURLY;COUNT=3\r\nEND:VEVENT\r\n'
	printf 'BEGIN:VEVENT\r\nUID:e-1\r\nSUMMARY:Ngược\r\nDTSTART;VALUE=DATE:20231005\r\nDTEND;VALUE=DATE:20231001\r\nEND:VEVENT\r\n'
	printf 'BEGIN:VEVENT\r\nUID:l-1\r\nSUMMARY:%s\r\nDTSTART;VALUE=DATE:20231006\r\nEND:VEVENT\r\n' "$long"
	printf 'END:VCALENDAR\r\n'
} >"$T/broken.ics"
expect "a broken .ics file is refused (422)" \
    [ "$(web_upload admin "$T/broken.ics" 'lịch.ics')" = 422 ]
expect_grep '<li><code>lịch.ics:4: sự kiện lặp lại &#39;Họp&#39;: lặp lại dày hơn mỗi ngày (FREQ=HOURLY)' \
    "$T/post.html"
expect_grep '<li><code>lịch.ics:10: DTEND trước DTSTART</code></li>' \
    "$T/post.html"
expect_grep '<li><code>lịch.ics:16: mục title: Dài quá' "$T/post.html"
expect_grep '<li><code>lịch.ics: 3 lỗi; không sự kiện nào của tệp này được ghi</code></li>' \
    "$T/post.html"
sed -n '/<ul>/,/<\/ul>/p' "$T/post.html" | sed -e 's/<[^>]*>//g' >"$T/ics.txt"
expect_no_grep 'repeats\|before\|longer\|must\|error\|written\|characters' \
    "$T/ics.txt"
head -c 200 "$DATA/activities.ics" >"$T/cut.ics"
expect "a cut .ics file is refused (422)" \
    [ "$(web_upload admin "$T/cut.ics")" = 422 ]
expect_grep '<li><code>cut.ics:[0-9]*: \(tệp kết thúc trước END:VCALENDAR\|BEGIN:VEVENT chưa được đóng\)' \
    "$T/post.html"
curl -s -b "$T/admin.jar" -c "$T/admin.jar" -o /dev/null "$BASE/app/lang/en"
web_upload admin "$T/broken.ics" 'lịch.ics' >/dev/null
expect_grep '<li><code>lịch.ics:10: DTEND is before DTSTART</code></li>' \
    "$T/post.html"
expect_grep '<li><code>lịch.ics: 3 errors; nothing from this file was written</code></li>' \
    "$T/post.html"
curl -s -b "$T/admin.jar" -c "$T/admin.jar" -o /dev/null "$BASE/app/lang/vi"
K activity list >"$T/acts4"
expect_no_grep 'hợp lệ' "$T/acts4"

# A calendars/ file: a local observance.
cat >"$T/local.csv" <<'EOC'
key,kind,date,base_year,days,country,name_en,name_vi,tags,source
le_hoi_thu,local,10-05,1990,1,,Autumn fair,Hội chợ mùa thu,,Sở Văn hóa
EOC
expect "a calendars CSV is imported" \
    [ "$(web_upload admin "$T/local.csv")" = 303 ]
K list --format csv >"$T/list"
expect_grep '^le_hoi_thu,' "$T/list"

# The uploaded name: its last segment, no ':' (it would read as a line),
# no markup; the messages and the trail use it.
printf 'no,such,header\n' >"$T/x.csv"
expect "an unknown header is refused (422)" [ "$(web_upload admin \
    "$T/x.csv" '../../etc/a:b<i>.csv')" = 422 ]
expect_grep '<li><code>a_b_i_.csv:1: dòng tiêu đề không phải của loại tệp nào' \
    "$T/post.html"

# A spreadsheet's activities, columns in its own order: an unknown column
# is named in Vietnamese (escaped), a missing required one too.
printf 'start,key,title,<b>ghi chú</b>\n2026-10-01,w-col,A,x\n' >"$T/col.csv"
expect "an unknown column is refused (422)" [ "$(web_upload admin \
    "$T/col.csv" 'col.csv')" = 422 ]
expect_grep "col.csv:1: cột &#39;&lt;b&gt;ghi chú&lt;/b&gt;&#39; không phải cột của loại tệp này" \
    "$T/post.html"
expect_no_grep 'unknown or repeated column' "$T/post.html"
printf 'key,title\nw-col,A\n' >"$T/col2.csv"
expect "a missing column is refused (422)" [ "$(web_upload admin \
    "$T/col2.csv" 'col2.csv')" = 422 ]
expect_grep "col2.csv:1: thiếu cột &#39;start&#39;" "$T/post.html"
K activity list --csv >"$T/acts"
expect_no_grep '^w-col,' "$T/acts"
expect "no file is a 422" [ "$(web_post admin /app/import)" = 422 ]
expect_grep 'Hãy chọn một tệp CSV hoặc .ics' "$T/post.html"
head -c 9000000 /dev/zero | tr '\0' a >"$T/big.csv"
expect "over 8 MiB is a 413" [ "$(web_upload admin "$T/big.csv")" = 413 ]
expect_grep 'Dữ liệu gửi lên quá lớn' "$T/post.html"
K activity list >"$T/acts5"
expect_diff "$T/acts4" "$T/acts5"

"$KYNIEM" audit >"$T/audit"
expect_grep '	admin@example.org	import	file:hoạt động.csv	- -> {"kind":"csv","rows":2,"changed":2,"undated":0}' \
    "$T/audit"
expect_grep '	admin@example.org	import	file:invitation.ICS	- -> {"kind":"ics","rows":2,"changed":2,"undated":0}' \
    "$T/audit"
expect "refused files are not in the trail" \
    [ "$(grep -c '	admin@example.org	import	' "$T/audit")" -eq 4 ]
expect_audit_json
expect_clean_stop

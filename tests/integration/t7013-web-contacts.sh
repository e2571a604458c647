# Danh bạ on a real server: every account reads the contacts, only admins
# edit (address, email, forms of address, source) through the web layer,
# which `kyniem contact show` then reports as edited and a re-import of
# the unchanged calendars/ row keeps; bad values are refused per field
# with nothing written; a POST without the CSRF token is refused; each
# edit is in the audit trail; a contacts CSV uploaded on the import page
# adds its rows, a bad one is refused by line.  No table header of any
# page fetched holds escaped markup (the admin's once showed
# "&lt;th&gt;Thao tác&lt;/th&gt;" above the contacts).
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
web_users
start_server 2024-11-01
for w in admin editor viewer; do
	[ "$(web_login $w)" = 303 ] || die "$w cannot log in"
done
TODAY=2024-11-01
EDIT='/app/contacts/edit?key=embassy%3ALA'
# The table headers of a page, each <thead> and what it holds, one a line.
theads() {
	tr '\n' ' ' <"$1" | sed 's|</thead>|&\n|g' |
	    sed -n 's|.*\(<thead>.*</thead>\).*|\1|p'
}

expect "a viewer reads the contacts" \
    [ "$(web_get viewer /app/contacts "$T/v.html")" = 200 ]
expect_grep 'Đại sứ quán Lào tại Việt Nam' "$T/v.html"
expect_grep 'Tổng Lãnh sự quán Campuchia tại Thành phố Hồ Chí Minh' "$T/v.html"
expect_grep 'href="/app/letters" aria-current="page">Thư chúc mừng</a>' "$T/v.html"
expect_no_grep '/app/contacts/edit' "$T/v.html"
theads "$T/v.html" >"$T/v.thead"
expect_grep '<th>Người đứng đầu</th>' "$T/v.thead"
expect_no_grep 'Thao tác' "$T/v.thead"
expect "a viewer may not open the edit form (403)" \
    [ "$(web_get viewer "$EDIT" "$T/v403.html")" = 403 ]
expect "an editor may not edit (403)" [ "$(web_post editor "$EDIT" \
    'address=x' 'source=y')" = 403 ]
expect "the country filter" \
    [ "$(web_get viewer '/app/contacts?country=KH' "$T/kh.html")" = 200 ]
expect_no_grep 'Đại sứ quán Lào' "$T/kh.html"
expect_grep 'Đại sứ quán Campuchia' "$T/kh.html"

expect "an admin sees the edit links" \
    [ "$(web_get admin /app/contacts "$T/a.html")" = 200 ]
expect_grep 'href="/app/contacts/edit?key=embassy%3ALA"' "$T/a.html"
theads "$T/a.html" >"$T/a.thead"
expect_grep '<th>Thao tác</th></tr></thead>' "$T/a.thead"
expect_no_grep '&lt;' "$T/a.thead"
expect "the edit form opens" [ "$(web_get admin "$EDIT" "$T/f.html")" = 200 ]
expect_grep 'name="csrf"' "$T/f.html"
expect_grep 'id="f-head_title_vi" name="head_title_vi".* value="Ngài Đại sứ"' \
    "$T/f.html"

ADDR='Số 40 Quang Trung, phường Cửa Nam, Thành phố Hà Nội'
SRC_TXT='https://example.org/lao-embassy (checked 2026-11-30)'
expect "a bad email is refused (422)" [ "$(web_post admin "$EDIT" \
    "address=$ADDR" 'email=not an address' 'head_title_vi=Ngài Đại sứ' \
    'head_title_en=His Excellency the Ambassador' "source=$SRC_TXT")" = 422 ]
expect_grep 'class="field invalid"><label for="f-email">' "$T/post.html"
expect "an empty source is refused (422)" [ "$(web_post admin "$EDIT" \
    "address=$ADDR" 'source=')" = 422 ]
expect_grep '<label for="f-source">' "$T/post.html"
K contact show embassy:LA >"$T/show0"
expect_grep '^origin  *imported$' "$T/show0"

# Without the token: refused, nothing written.
code=$(curl -s -b "$T/admin.jar" -H "Origin: $BASE" -o /dev/null \
    -w '%{http_code}' --data-urlencode "address=$ADDR" \
    --data-urlencode "source=$SRC_TXT" "$BASE$EDIT")
expect "a POST without the CSRF token is refused (403, got $code)" \
    [ "$code" = 403 ]

expect "a good edit is saved (303)" [ "$(web_post admin "$EDIT" \
    "address=$ADDR" 'email=embalao@example.org' \
    'head_title_vi=Ngài Đại sứ Đặc mệnh toàn quyền' \
    'head_title_en=His Excellency the Ambassador' "source=$SRC_TXT")" = 303 ]
expect_grep '^Location: /app/contacts' "$T/post.hdr"
web_get admin /app/contacts "$T/saved.html" >/dev/null
expect_grep '<p class="flash" role="status">Đã lưu.</p>' "$T/saved.html"
K contact show embassy:LA >"$T/show1"
expect_grep "^address  *$ADDR\$" "$T/show1"
expect_grep '^email  *embalao@example.org$' "$T/show1"
expect_grep '^head_title_vi  *Ngài Đại sứ Đặc mệnh toàn quyền$' "$T/show1"
expect_grep '^origin  *edited' "$T/show1"
web_get viewer /app/contacts "$T/v2.html" >/dev/null
expect_grep "$ADDR" "$T/v2.html"
expect_grep 'Đã sửa trên web' "$T/v2.html"
K audit >"$T/audit"
expect_grep 'contact.edit.*contact:embassy:LA' "$T/audit"
expect "only the good edit is audited" \
    [ "$(grep -c 'contact.edit' "$T/audit")" -eq 1 ]

# A re-import of the unchanged calendars/ file keeps the edit.
web_upload() {
	_csrf=$(web_csrf "$1")
	curl -s -b "$T/$1.jar" -c "$T/$1.jar" -H "Origin: $BASE" \
	    -D "$T/post.hdr" -o "$T/post.html" -w '%{http_code}' \
	    -F "csrf=$_csrf" -F "file=@$2;filename=$(basename "$2")" \
	    "$BASE/app/import"
}
expect "calendars/contacts.csv uploads again (303)" \
    [ "$(web_upload admin "$SRC/calendars/contacts.csv")" = 303 ]
K contact show embassy:LA >"$T/show2"
expect_diff "$T/show1" "$T/show2"

# A contacts CSV with a new association; a bad one by line.
head -n 1 "$SRC/calendars/contacts.csv" >"$T/assoc.csv"
printf '%s\n' 'association:viet-lao-kh,LA,association,Nha Trang,Hội Hữu nghị Việt Nam – Lào tỉnh Khánh Hòa,Khanh Hoa Vietnam-Laos Friendship Association,,,,Ông Chủ tịch,Mr President,confirmed,https://example.org/hhn,' >>"$T/assoc.csv"
expect "the import page names the contacts header" \
    [ "$(web_get admin /app/import "$T/imp.html")" = 200 ]
expect_grep '<code>key,country,kind,city,name_vi,name_en' "$T/imp.html"
expect "a contacts CSV is imported (303)" \
    [ "$(web_upload admin "$T/assoc.csv")" = 303 ]
K contact list --country LA >"$T/la"
expect_grep '^association:viet-lao-kh ' "$T/la"
head -n 1 "$SRC/calendars/contacts.csv" >"$T/bad.csv"
printf '%s\n' 'embassy:ZZ,LA,embassy,Hà Nội,X,X,,not-mail,,,,confirmed,s,' >>"$T/bad.csv"
expect "a bad contacts CSV is refused (422)" \
    [ "$(web_upload admin "$T/bad.csv")" = 422 ]
expect_grep '<li><code>bad.csv:2: ' "$T/post.html"
K contact list >"$T/all"
expect_no_grep 'embassy:ZZ' "$T/all"

# Every page this script fetched: its table headers are markup.
for f in "$T"/*.html; do
	theads "$f" | sed "s|^|$(basename "$f"): |"
done >"$T/theads"
expect_grep '^a.html: <thead>' "$T/theads"
expect_no_grep '&lt;' "$T/theads"
expect_audit_json
expect_clean_stop

# Thư chúc mừng on a real server: the year's letters by occasion with
# their addressees and state (Cambodia's national day due on 15/10/2024),
# each draft downloadable as .docx (python3-docx opens it) and Markdown,
# the same bytes as `kyniem letters` writes; the options of `kyniem
# letters` (a country outside the focus list, a language) and all the
# letters shown in one .docx; only editors mark an occasion's letters
# sent, with the CSRF token: the activity is recorded and audited, and
# the page then says sent.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
"$PYTHON" -c 'import docx' 2>/dev/null || skip_all "python3-docx not installed"
initdb
cat >>"$T/kyniem.conf" <<EOC
[organisation]
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
name_en = Khanh Hoa Union of Friendship Organisations
focus_countries = LA, KH
[letters]
contacts = embassy:KH, cg:KH:ho-chi-minh, embassy:LA
english = embassy:KH
template_vi = $SRC/config/letter.vi.txt
template_en = $SRC/config/letter.en.txt
EOC
web_users
start_server 2024-10-15
for w in editor viewer; do
	[ "$(web_login $w)" = 303 ] || die "$w cannot log in"
done
TODAY=2024-10-15

expect "a viewer reads the letters" \
    [ "$(web_get viewer '/app/letters?year=2024' "$T/v.html")" = 200 ]
expect_grep 'href="/app/letters" aria-current="page">Thư chúc mừng</a>' "$T/v.html"
expect_grep '<td>9/11/2024</td><td>Kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024)<ul class="addressees"><li>Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền Vương quốc Campuchia tại Việt Nam <a href="/app/letters/2024-national-day_KH-embassy_KH-vi.docx">Word</a> · <a href="/app/letters/2024-national-day_KH-embassy_KH-vi.md">Markdown</a></li>' \
    "$T/v.html"
expect_grep '<li>The Ambassador Extraordinary and Plenipotentiary of the Kingdom of Cambodia to Viet Nam (English)' "$T/v.html"
expect_grep 'Kỷ niệm 49 năm Quốc khánh Cộng hòa Dân chủ Nhân dân Lào' "$T/v.html"
expect "Cambodia's is due" [ "$(grep -c '<td>Cần gửi' "$T/v.html")" -eq 1 ]
expect "Laos's is not yet" \
    [ "$(grep -c '<td>Chưa đến hạn' "$T/v.html")" -eq 1 ]
expect "no relation letter in 2024 (57 and 62 years are no milestones)" \
    [ "$(grep -c 'quan hệ ngoại giao Việt Nam' "$T/v.html")" -eq 0 ]
expect_grep '<option value="JP">Nhật Bản (JP)</option>' "$T/v.html"
expect_grep 'href="/app/letters/2024-letters.docx">Tất cả thư chúc mừng năm 2024 — Word</a>' "$T/v.html"
expect_no_grep '/app/letters/sent' "$T/v.html"
expect_grep 'href="/app/contacts"' "$T/v.html"
expect_grep '<p class="range">Các thư đến hạn trong 60 ngày tới, từ 15/10/2024 đến 14/12/2024. <a href="/app/letters?when=all">Xem cả năm, kể cả các thư đã qua</a></p>' "$T/v.html"
# Past 14/12 (60 days): a letter of 2025 comes in only when the window
# reaches it; the whole of 2023 is a year of its own.
web_get viewer '/app/letters?year=2023' "$T/v23.html" >/dev/null
expect_grep '<p class="range">Các thư của cả năm 2023.</p>' "$T/v23.html"
expect_grep '<td>9/11/2023</td>' "$T/v23.html"

# Downloads: the same bytes as the command line's drafts.
K letters 2024 --format docx --out "$T/cli/" >/dev/null
K letters 2024 --out "$T/cli/" >/dev/null
N=2024-national-day_KH-embassy_KH-vi
code=$(curl -s -b "$T/viewer.jar" -D "$T/dl.hdr" -o "$T/dl.docx" \
    -w '%{http_code}' "$BASE/app/letters/$N.docx")
expect "the docx downloads (200, got $code)" [ "$code" = 200 ]
expect_grep '^Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document' "$T/dl.hdr"
expect_grep "^Content-Disposition: attachment; filename=\"$N.docx\"" "$T/dl.hdr"
expect "as kyniem letters writes it" cmp "$T/cli/$N.docx" "$T/dl.docx"
expect "python3-docx opens it" "$PYTHON" -c '
import sys, docx
p = [x.text for x in docx.Document(sys.argv[1]).paragraphs]
assert "Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền Vương quốc Campuchia tại Việt Nam" in p, p
' "$T/dl.docx"
expect "the md downloads" \
    [ "$(web_get viewer "/app/letters/$N.md" "$T/dl.md")" = 200 ]
expect_diff "$T/cli/$N.md" "$T/dl.md"
expect "an unknown letter is a 404" \
    [ "$(web_get viewer /app/letters/2024-nothing.docx "$T/404.html")" = 404 ]
expect "a bad name is a 404" \
    [ "$(web_get viewer /app/letters/x.pdf "$T/404b.html")" = 404 ]

# The options: Japan (no focus country, no contact of [letters]) in
# English, one draft and all of them in one .docx.
expect "Japan's letters in English" [ "$(web_get viewer \
    '/app/letters?year=2024&country=JP&lang=en&when=all' "$T/jp.html")" = 200 ]
expect_grep '<li>The Ambassador Extraordinary and Plenipotentiary of Japan to Viet Nam (English) <a href="/app/letters/2024-national-day_JP-embassy_JP-en.docx?country=JP&amp;lang=en">Word</a>' "$T/jp.html"
expect_grep '<option value="all" selected>' "$T/jp.html"
expect_grep '<a href="/app/letters?country=JP&amp;lang=en&amp;when=next">Chỉ xem 60 ngày tới</a>' "$T/jp.html"
# The page starts at the next 60 days: Japan's day (23/2) is past, so
# none; the link shows the whole year.
web_get viewer '/app/letters?country=JP&lang=en' "$T/jp60.html" >/dev/null
expect_grep '<p>Không có thư nào đến hạn trong 60 ngày tới.</p>' "$T/jp60.html"
expect_grep 'từ 15/10/2024 đến 14/12/2024.' "$T/jp60.html"
expect_grep '<a href="/app/letters?country=JP&amp;lang=en&amp;when=all">Xem cả năm, kể cả các thư đã qua</a>' "$T/jp60.html"
expect_no_grep 'Viet Nam (English) <a' "$T/jp60.html"
expect_grep '<option value="JP" selected>' "$T/jp.html"
expect_grep '<option value="en" selected>' "$T/jp.html"
expect_no_grep 'Kính gửi' "$T/jp.html"
K letters 2024 --country JP --lang en --format docx --out "$T/jp/" \
    >/dev/null || die "letters JP en"
J=2024-national-day_JP-embassy_JP-en
code=$(curl -s -b "$T/viewer.jar" -o "$T/jp.docx" -w '%{http_code}' \
    "$BASE/app/letters/$J.docx?country=JP&lang=en")
expect "Japan's English draft downloads (200, got $code)" [ "$code" = 200 ]
expect "as kyniem letters writes it" cmp "$T/jp/$J.docx" "$T/jp.docx"
code=$(curl -s -b "$T/viewer.jar" -D "$T/all.hdr" -o "$T/all.docx" \
    -w '%{http_code}' "$BASE/app/letters/2024-letters.docx?country=JP&lang=en")
expect "all of them in one .docx (200, got $code)" [ "$code" = 200 ]
expect_grep '^Content-Disposition: attachment; filename="2024-letters.docx"' "$T/all.hdr"
K letters 2024 --country JP --lang en --out "$T/jp-all.docx" ||
    die "letters JP en in one file"
expect "the same as kyniem letters --out F.docx" cmp "$T/jp-all.docx" "$T/all.docx"
expect "three letters, a section each" "$PYTHON" -c '
import sys, docx
d = docx.Document(sys.argv[1])
p = [x.text for x in d.paragraphs]
assert len(d.sections) == 3, len(d.sections)
assert p.count("Your Excellency,") == 1 and p.count("Dear Consul General,") == 2, p
' "$T/all.docx"
expect "an unknown country is a 404" [ "$(web_get viewer \
    '/app/letters?year=2024&country=XX' "$T/xx.html")" = 404 ]
expect "a country without a mission says so" [ "$(web_get viewer \
    '/app/letters?year=2024&country=BT' "$T/bt.html")" = 200 ]
expect_grep 'Danh bạ chưa có cơ quan đại diện nào của nước này.' "$T/bt.html"

# Marking sent: editors only, with the token.
SENT='/app/letters/sent?key=national-day%3AKH&year=2024'
expect "a viewer may not mark sent (403)" \
    [ "$(web_post viewer "$SENT")" = 403 ]
code=$(curl -s -b "$T/editor.jar" -H "Origin: $BASE" -o /dev/null \
    -w '%{http_code}' -d '' "$BASE$SENT")
expect "without the CSRF token: 403 (got $code)" [ "$code" = 403 ]
expect "nothing recorded" [ -z "$(K activity list)" ]
web_get editor '/app/letters?year=2024' "$T/e.html" >/dev/null
expect_grep 'action="/app/letters/sent?key=national-day%3AKH&amp;year=2024"' "$T/e.html"
# Marking asks first, without JavaScript: the real button is inside.
expect_grep '<details class="confirm"><summary>Đánh dấu đã gửi</summary><p>Ghi nhận đã gửi thư chúc mừng Kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024)?</p><form class="inline" method="post" action="/app/letters/sent?key=national-day%3AKH&amp;year=2024">' "$T/e.html"
expect_grep '<button type="submit">Xác nhận đã gửi</button></form></details>' "$T/e.html"
expect "an editor marks it sent (303)" [ "$(web_post editor "$SENT")" = 303 ]
expect_grep '^Location: /app/letters?year=2024' "$T/post.hdr"
K activity list >"$T/acts"
expect "one activity" [ "$(wc -l <"$T/acts")" -eq 1 ]
expect_grep 'Gửi thư chúc mừng kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024)' "$T/acts"
K audit >"$T/audit"
expect_grep 'letter.sent' "$T/audit"
web_get viewer '/app/letters?year=2024' "$T/v2.html" >/dev/null
expect "the page says sent" [ "$(grep -c '<td>Đã gửi' "$T/v2.html")" -eq 1 ]
# Undo: editors only; the activity is cancelled with its audit row, the
# page says due again; marking again makes the same activity done.
UNSENT='/app/letters/unsent?key=national-day%3AKH&year=2024'
web_get editor '/app/letters?year=2024' "$T/e2.html" >/dev/null
expect_grep 'action="/app/letters/unsent?key=national-day%3AKH&amp;year=2024"><input type="hidden" name="csrf" value="[^"]*"><button type="submit" class="secondary">Hủy đánh dấu</button>' "$T/e2.html"
expect "a viewer may not undo (403)" [ "$(web_post viewer "$UNSENT")" = 403 ]
expect "an editor undoes it (303)" [ "$(web_post editor "$UNSENT")" = 303 ]
expect_grep '^Location: /app/letters?year=2024' "$T/post.hdr"
K activity list >"$T/acts2"
expect_grep '^1	2024-10-15	cancelled	' "$T/acts2"
K audit >"$T/audit2"
expect_grep '^2024-10-15T08:00	editor@example.org	letter.unsent	activity:1	{.*"status":"done".*} -> {.*"status":"cancelled"' "$T/audit2"
web_get viewer '/app/letters?year=2024' "$T/v2u.html" >/dev/null
expect "the page says due again" \
    [ "$(grep -c '<td>Cần gửi' "$T/v2u.html")" -eq 1 ]
expect "undoing twice is a 404" [ "$(web_post editor "$UNSENT")" = 404 ]
expect "marked again (303)" [ "$(web_post editor "$SENT")" = 303 ]
K activity list >"$T/acts3"
expect "still one activity, done" sh -c '[ "$(wc -l <"$1")" -eq 1 ] &&
    grep -q "^1	2024-10-15	done	" "$1"' _ "$T/acts3"
expect "audited twice as sent" \
    [ "$(K audit | grep -c '	letter.sent	activity:1	')" -eq 2 ]
# From the whole year's list, back to the whole year's list.
web_get editor '/app/letters?year=2024&when=all' "$T/e4.html" >/dev/null
expect_grep 'action="/app/letters/unsent?key=national-day%3AKH&amp;year=2024&amp;when=all"' "$T/e4.html"
expect "undone from the whole year (303)" \
    [ "$(web_post editor "$UNSENT&when=all")" = 303 ]
expect_grep '^Location: /app/letters?year=2024&when=all' "$T/post.hdr"
expect "marked again from the whole year (303)" \
    [ "$(web_post editor "$SENT&when=all")" = 303 ]
expect_grep '^Location: /app/letters?year=2024&when=all' "$T/post.hdr"
# A letter activity entered by hand (category letter) counts as sent.
K activity add --title 'Thư gửi Đại sứ quán Lào' --start 2024-11-28 \
    --observance national-day:LA --category letter --status done \
    >/dev/null || die "activity add"
web_get viewer '/app/letters?year=2024' "$T/v3.html" >/dev/null
expect "Laos's too, entered by hand" \
    [ "$(grep -c '<td>Đã gửi' "$T/v3.html")" -eq 2 ]
expect "an unknown occasion is a 404" [ "$(web_post editor \
    '/app/letters/sent?key=national-day%3AXX&year=2024')" = 404 ]
expect "a letter entered by hand is not undone here (404)" [ "$(web_post \
    editor '/app/letters/unsent?key=national-day%3ALA&year=2024')" = 404 ]
web_get editor '/app/letters?year=2024' "$T/e3.html" >/dev/null
expect_no_grep 'unsent?key=national-day%3ALA' "$T/e3.html"
# In English, the occasions in English.
web_get viewer '/app/lang/en?next=%2Fapp%2Fletters' "$T/lang.html" >/dev/null
web_get viewer '/app/letters?year=2024' "$T/en.html" >/dev/null
expect_grep '<td>9 Nov 2024</td><td>71st anniversary of the National Day of the Kingdom of Cambodia (9 Nov 1953 – 9 Nov 2024)<ul class="addressees">' "$T/en.html"
expect_grep '<p class="range">The letters due in the next 60 days, from 15 Oct 2024 to 14 Dec 2024. <a href="/app/letters?when=all">The whole year, past letters too</a></p>' "$T/en.html"
expect_audit_json
expect_clean_stop

# Without the union's English name: the Vietnamese letters and a word
# why there are no English ones; English only asked, no letters.
sed -i '/^name_en = /d' "$T/kyniem.conf"
start_server 2024-10-15
web_get viewer '/app/letters?year=2024' "$T/noen.html" >/dev/null
expect_grep 'role="alert">No English letters: set the union&#39;s English name (name_en in \[organisation\] of the configuration).' "$T/noen.html"
expect_grep '<li>Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền Vương quốc Campuchia tại Việt Nam <a' "$T/noen.html"
expect_no_grep '(English)' "$T/noen.html"
web_get viewer '/app/letters?year=2024&lang=en' "$T/noen-en.html" >/dev/null
expect_grep "<p>English letters need the union&#39;s English name: set name_en in \[organisation\] of the configuration.</p>" "$T/noen-en.html"
expect_no_grep 'Kính gửi' "$T/noen-en.html"
expect_no_grep 'role="alert"' "$T/noen-en.html"
expect_clean_stop

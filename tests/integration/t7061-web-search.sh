# Tìm kiếm (issue 23): one box in every page's header, /app/search?q=
# over activities, occasions, countries and contacts, blind to marks and
# case ("nhat ban" finds "Nhật Bản"), each group paged (50 rows) with the
# query kept, what was typed escaped; viewers search too, anonymous
# visitors log in first.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
web_users
known_owners an@example.org binh@example.org
"$KYNIEM" import "$DATA/activities.csv" >/dev/null || die "import"
# 60 activities of one name, for the pages.
awk 'BEGIN {
	print "key,title,start,end,location,organiser,owners,remind," \
	    "observance,status,notes"
	for (i = 1; i <= 60; i++)
		printf "gl%d,Giao lưu văn hóa số %d,2023-10-%02d,,,,,,,,\n", \
		    i, i, i % 28 + 1
}' >"$T/many.csv"
"$KYNIEM" import "$T/many.csv" >/dev/null || die "import many"
start_server 2023-08-20
[ "$(web_login viewer)" = 303 ] || die "the viewer cannot log in"

search() {	# search QUERY(url-encoded) FILE: the status
	web_get viewer "/app/search?q=$1" "$2"
}

# The box is in every page's header.
web_get viewer /app/ "$T/home.html" >/dev/null
expect_grep '<form class="search" role="search" method="get" action="/app/search">' \
    "$T/home.html"
expect_grep '<input type="search" id="q" name="q" value=""' "$T/home.html"

# Without marks, in capitals, with marks: the same rows.
expect "a search answers 200" [ "$(search 'nhat+ban' "$T/a.html")" = 200 ]
search 'NH%E1%BA%ACT%20B%E1%BA%A2N' "$T/b.html" >/dev/null	# NHẬT BẢN
search 'Nh%E1%BA%ADt+B%E1%BA%A3n' "$T/c.html" >/dev/null	# Nhật Bản
for f in a b c; do
	expect_grep '<a href="/app/activities/[0-9]*">Triển lãm ảnh 50 năm quan hệ Việt Nam – Nhật Bản</a>' \
	    "$T/$f.html"
	expect_grep '<a href="/app/occasions/relation:JP">Thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản</a>' \
	    "$T/$f.html"
	expect_grep '<strong>Nhật Bản</strong>: <a href="/app/activities?year=&amp;country=JP">' \
	    "$T/$f.html"
	expect_grep '>Đại sứ quán Nhật Bản tại Việt Nam</a>' "$T/$f.html"
done
expect_grep '<h2 id="acts">Hoạt động (1)</h2>' "$T/a.html"
expect_grep 'value="nhat ban"' "$T/a.html"
# Words start words: "ban" is not found inside "urban", and every word
# must be there.
search 'campuchia+gap' "$T/d.html" >/dev/null
expect_grep '>Gặp mặt kỷ niệm 70 năm Quốc khánh Campuchia</a>' "$T/d.html"
expect_no_grep 'Triển lãm ảnh' "$T/d.html"
search 'yersin' "$T/y.html" >/dev/null
expect_grep 'occasions/yersin_birth">' "$T/y.html"
expect_grep 'occasions/yersin_death">' "$T/y.html"
search 'zzzkhongco' "$T/none.html" >/dev/null
expect_grep '<h2 id="acts">Hoạt động (0)</h2>' "$T/none.html"
expect_grep '<h2 id="occasions">Dịp kỷ niệm (0)</h2>' "$T/none.html"

# Paged, the query kept.
search 'giao+luu+van+hoa' "$T/p1.html" >/dev/null
expect_grep '<h2 id="acts">Hoạt động (60)</h2>' "$T/p1.html"
expect "50 activities on the first page" \
    [ "$(grep -c '<tr class="status-' "$T/p1.html")" -eq 50 ]
expect_grep 'Trang 1/2 (60 dòng)' "$T/p1.html"
expect_grep '<a rel="next" href="/app/search?q=giao%20luu%20van%20hoa&amp;page=2">' \
    "$T/p1.html"
search 'giao+luu+van+hoa&page=2' "$T/p2.html" >/dev/null
expect "10 on the second" \
    [ "$(grep -c '<tr class="status-' "$T/p2.html")" -eq 10 ]

# What was typed is escaped, in the page and in the box.
search '%3Cscript%3Ealert(1)%3C%2Fscript%3E%22' "$T/x.html" >/dev/null
expect_no_grep '<script>alert' "$T/x.html"
expect_grep '<strong>&lt;script&gt;alert(1)&lt;/script&gt;&quot;</strong>' \
    "$T/x.html"
expect_grep 'value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;"' "$T/x.html"
# Not UTF-8, or too long: said, and nothing searched.
expect "a query that is not UTF-8 answers 200" \
    [ "$(search '%FF%FE' "$T/bad.html")" = 200 ]
expect_grep 'Nội dung tìm kiếm không hợp lệ' "$T/bad.html"
long=$(printf 'a%.0s' $(seq 1 201))
search "$long" "$T/long.html" >/dev/null
expect_grep 'dài quá 200 ký tự' "$T/long.html"
# No query: how to search.
search '' "$T/empty.html" >/dev/null
expect_grep '&quot;nhat ban&quot; tìm thấy &quot;Nhật Bản&quot;' "$T/empty.html"

# In English; anonymous visitors log in first.
curl -s -b "$T/viewer.jar" -c "$T/viewer.jar" -o /dev/null "$BASE/app/lang/en"
search 'nhat+ban' "$T/en.html" >/dev/null
expect_grep '<h2 id="occasions">Occasions (5)</h2>' "$T/en.html"
expect "an anonymous search leads to the login (303)" \
    [ "$(web_get anon '/app/search?q=x' "$T/anon.html")" = 303 ]
expect_clean_stop

# The activity form's pickers (issue 23): what the date and time inputs,
# the owners' and reminders' boxes, the occasion named in Vietnamese
# (without marks too) and the countries chosen by name post is what the
# CLI would have been given; an unknown occasion name is refused in
# words; the prefilled "Lên kế hoạch" form carries the category and the
# country, and shows no key or ISO code.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
TODAY=2023-08-20
initdb
web_users
start_server $TODAY
[ "$(web_login editor)" = 303 ] || die "the editor cannot log in"

# The prefilled form: the occasion's name, the country picked, the
# category, the owner ticked; no key, code or offset shown.
web_get editor '/app/activities/new?observance=relation:JP&date=2023-09-21' \
    "$T/new.html" >/dev/null
expect_grep 'name="observance" list="occasions" value="Thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản"' \
    "$T/new.html"
expect_grep '<input type="date" id="f-start" name="start_date" value="2023-09-21" required>' \
    "$T/new.html"
expect_grep '<option value="JP" selected>Nhật Bản</option>' "$T/new.html"
expect_grep '<option value="anniversary" selected>Hoạt động kỷ niệm</option>' \
    "$T/new.html"
expect_grep 'name="owner" value="editor@example.org" checked' "$T/new.html"
expect_grep 'name="remind_pick" value="30d" checked> 30 ngày trước' \
    "$T/new.html"
expect_grep '<option value="Quốc khánh Lào">' "$T/new.html"
# What a person reads of the form: the text outside tags and values.
sed -e 's/<[^>]*>/ /g' "$T/new.html" >"$T/new.txt"
expect_no_grep 'relation:\|national-day:\|Mã ISO\|YYYY\|Mã dịp' "$T/new.txt"

# Posted as the pickers post it.
expect "the picked form is saved (303)" [ "$(web_post editor /app/activities \
    title='Gặp mặt hữu nghị' start_date=2023-09-21 start_time=09:30 \
    end_date= end_time= 'observance=thiet lap quan he ngoai giao viet nam - nhat ban' \
    owners_box=1 owner=editor@example.org owner=admin@example.org \
    remind_box=1 remind_pick=7d remind_pick=1d remind_other=2h \
    countries_box=1 country=JP country=LA category=anniversary \
    location= organiser= notes= partner= participants= result=)" = 303 ]
id=$(K activity list | cut -f1)
K activity show "$id" >"$T/show"
expect_grep '^start *2023-09-21T09:30$' "$T/show"
expect_grep '^observance *relation:JP$' "$T/show"
expect_grep '^owners *editor@example.org$' "$T/show"
expect_grep '^ *admin@example.org$' "$T/show"
expect_grep '^remind *7d,1d,2h$' "$T/show"
expect_grep '^countries *JP LA$' "$T/show"
# Its page in words.
web_get editor "/app/activities/$id" "$T/page.html" >/dev/null
expect_grep '<dt>Nhắc việc</dt><dd>7 ngày, 1 ngày, 2 giờ trước</dd>' "$T/page.html"
expect_grep '<dt>Nước đối tác</dt><dd>Nhật Bản, Lào</dd>' "$T/page.html"
# The edit form shows them back in the pickers.
web_get editor "/app/activities/$id/edit" "$T/edit.html" >/dev/null
expect_grep 'name="start_time" value="09:30"' "$T/edit.html"
expect_grep 'name="remind_pick" value="30d">' "$T/edit.html"
expect_grep 'name="remind_pick" value="7d" checked>' "$T/edit.html"
expect_grep 'name="remind_other" value="2h"' "$T/edit.html"
expect_grep '<option value="LA" selected>Lào</option>' "$T/edit.html"

# An occasion no one has: refused, nothing saved.
expect "an unknown occasion is refused (422)" [ "$(web_post editor \
    /app/activities title='Thử' start_date=2023-09-22 \
    'observance=Ngày không có thật')" = 422 ]
expect_grep 'id="e-observance"' "$T/post.html"
expect "still one activity" [ "$(K activity list | wc -l)" -eq 1 ]

# The list filters by a country chosen by name and names an occasion
# without a country by its words, never by its key.
K activity add --title 'Gặp mặt nhân ngày sinh Yersin' --start 2023-09-22 \
    --observance yersin_birth >/dev/null || die "kyniem activity add"
web_get editor '/app/activities?country=LA' "$T/list.html" >/dev/null
expect_grep '<option value="LA" selected>Lào</option>' "$T/list.html"
expect_grep '>Gặp mặt hữu nghị</a>' "$T/list.html"
expect_no_grep 'Gặp mặt nhân ngày sinh Yersin' "$T/list.html"
web_get editor '/app/activities' "$T/list.html" >/dev/null
expect_grep '>Ngày sinh bác sĩ Alexandre Yersin</a></td></tr>' "$T/list.html"
sed -e 's/<[^>]*>/ /g' "$T/list.html" >"$T/list.txt"
expect_no_grep 'yersin_birth\|mã 2 chữ' "$T/list.txt"
expect_clean_stop

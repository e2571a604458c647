# The result form changes only what the person changed (issue 21): a
# done activity offers "Sửa kết quả" with the recorded values, not "Đánh
# dấu đã thực hiện" again, and no "Hủy hoạt động" (a POST to cancel it is
# a 409); submitting it empty or unchanged wipes nothing; clearing a
# recorded result or count, and marking done an activity whose day has
# not come, ask first on a page of their own whose form posts again with
# confirm=1 (no JavaScript).  The edit form carries the values it was
# made with: a partial post wipes nothing, and a field changed meanwhile
# by someone else keeps their value.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
web_users
start_server 2023-08-20
TODAY=2023-08-20
[ "$(web_login editor)" = 303 ] || die "editor cannot log in"
RESULT='Tổ chức thành công, 40 hội viên tham dự'
id=$(K activity add --title 'Gặp mặt hữu nghị' --start 2023-08-10 \
    --location 'Hội trường' --status done --result "$RESULT" \
    --participants 40) || die "activity add"

# The done activity's page.
expect "the page opens" \
    [ "$(web_get editor "/app/activities/$id" "$T/page.html")" = 200 ]
expect_grep '<h2>Kết quả</h2>' "$T/page.html"
expect_grep '<button type="submit">Sửa kết quả</button>' "$T/page.html"
expect_no_grep 'Đánh dấu đã thực hiện' "$T/page.html"
expect_no_grep 'Hủy hoạt động' "$T/page.html"
expect_grep "<textarea rows=\"4\" id=\"f-result\" name=\"result\"[^>]*>$RESULT</textarea>" \
    "$T/page.html"
expect_grep 'name="participants"[^>]* value="40"' "$T/page.html"
expect_grep "name=\"was_result\" value=\"$RESULT\"" "$T/page.html"
test_must_fail_code() {	# a cancel must be refused
	[ "$(web_post editor "/app/activities/$id/cancel" x=1)" = 409 ]
}
expect "cancelling a done activity is refused (409)" test_must_fail_code
K activity show "$id" >"$T/show"
expect_grep '^status      done$' "$T/show"

# Empty, or as the form shows it: nothing changes.
expect "an empty post changes nothing (303)" \
    [ "$(web_post editor "/app/activities/$id/done")" = 303 ]
expect "the form as shown changes nothing (303)" [ "$(web_post editor \
    "/app/activities/$id/done" "result=$RESULT" "was_result=$RESULT" \
    participants=40 was_participants=40)" = 303 ]
K activity show "$id" >"$T/show"
expect_grep "^result      $RESULT\$" "$T/show"
expect_grep '^participants 40$' "$T/show"
expect_grep '^revision    1$' "$T/show"

# Clearing what was recorded asks first; nothing is saved until then.
expect "clearing the result asks first (200)" [ "$(web_post editor \
    "/app/activities/$id/done" result= "was_result=$RESULT" \
    participants= was_participants=40)" = 200 ]
cp "$T/post.html" "$T/confirm.html"
expect_grep '<h1>Xác nhận thay đổi</h1>' "$T/confirm.html"
expect_grep "Kết quả đã ghi sẽ bị xóa: <q>$RESULT</q>" "$T/confirm.html"
expect_grep 'Số người tham dự đã ghi sẽ bị xóa (40).' "$T/confirm.html"
expect_grep "<form method=\"post\" action=\"/app/activities/$id/done\">" \
    "$T/confirm.html"
expect_grep '<input type="hidden" name="result" value="">' "$T/confirm.html"
expect_grep "<input type=\"hidden\" name=\"was_result\" value=\"$RESULT\">" \
    "$T/confirm.html"
expect_grep '<input type="hidden" name="confirm" value="1">' "$T/confirm.html"
K activity show "$id" >"$T/show"
expect_grep "^result      $RESULT\$" "$T/show"
expect "confirmed, it is cleared (303)" [ "$(web_post editor \
    "/app/activities/$id/done" result= "was_result=$RESULT" \
    participants= was_participants=40 confirm=1)" = 303 ]
K activity show "$id" >"$T/show"
expect_no_grep '^result' "$T/show"
expect_no_grep '^participants' "$T/show"

# Marking done before the activity's day asks first.
id2=$(K activity add --title 'Triển lãm ảnh' --start 2023-09-05 \
    --location 'Nhà văn hóa') || die "activity add 2"
web_get editor "/app/activities/$id2" "$T/page2.html" >/dev/null
expect_grep '<h2>Ghi nhận kết quả</h2>' "$T/page2.html"
expect_grep '<button type="submit">Đánh dấu đã thực hiện</button>' \
    "$T/page2.html"
expect_grep 'Hủy hoạt động' "$T/page2.html"
expect "done before its day asks first (200)" [ "$(web_post editor \
    "/app/activities/$id2/done" result=Tốt was_result= participants=12 \
    was_participants=)" = 200 ]
expect_grep 'Hoạt động bắt đầu ngày 5/9/2023, sau hôm nay 20/8/2023.' \
    "$T/post.html"
K activity show "$id2" >"$T/show"
expect_grep '^status      planned$' "$T/show"
expect "confirmed, it is done (303)" [ "$(web_post editor \
    "/app/activities/$id2/done" result=Tốt was_result= participants=12 \
    was_participants= confirm=1)" = 303 ]
K activity show "$id2" >"$T/show"
expect_grep '^status      done$' "$T/show"
expect_grep '^participants 12$' "$T/show"
# The edit form's status asks the same.
id3=$(K activity add --title 'Hội thảo' --start 2023-10-01) ||
    die "activity add 3"
expect "done on the edit form before its day asks first (200)" \
    [ "$(web_post editor "/app/activities/$id3" status=done \
    was_status=planned)" = 200 ]
expect_grep 'Hoạt động bắt đầu ngày 1/10/2023' "$T/post.html"
expect_grep '<input type="hidden" name="status" value="done">' "$T/post.html"

# The edit form: a partial post wipes nothing; a field someone changed
# meanwhile keeps their value.
web_get editor "/app/activities/$id2/edit" "$T/edit.html" >/dev/null
expect_grep '<input type="hidden" name="was_location" value="Nhà văn hóa">' \
    "$T/edit.html"
K activity edit "$id2" --location 'Nhà thi đấu' >/dev/null
expect "a post of the title alone is saved (303)" [ "$(web_post editor \
    "/app/activities/$id2" 'title=Triển lãm ảnh hữu nghị' \
    'was_title=Triển lãm ảnh' 'location=Nhà văn hóa' \
    'was_location=Nhà văn hóa')" = 303 ]
K activity show "$id2" >"$T/show"
expect_grep '^title       Triển lãm ảnh hữu nghị$' "$T/show"
expect_grep '^location    Nhà thi đấu$' "$T/show"
expect_grep '^result      Tốt$' "$T/show"
expect_grep '^status      done$' "$T/show"

# The dates go together: a new start keeps the end as the form showed it.
id4=$(K activity add --title 'Liên hoan' --start 2023-10-01 \
    --end 2023-10-03) || die "activity add 4"
expect "a new start is saved (303)" [ "$(web_post editor \
    "/app/activities/$id4" start=2023-10-02 was_start=2023-10-01 \
    end=2023-10-03 was_end=2023-10-03 title=Liên hoan \
    was_title=Liên hoan)" = 303 ]
K activity show "$id4" >"$T/show"
expect_grep '^start       2023-10-02$' "$T/show"
expect_grep '^end         2023-10-03$' "$T/show"

# In English.
web_get editor '/app/lang/en?next=%2Fapp%2F' "$T/lang.html" >/dev/null
web_get editor "/app/activities/$id2" "$T/page-en.html" >/dev/null
expect_grep '<button type="submit">Edit the result</button>' \
    "$T/page-en.html"
web_post editor "/app/activities/$id3/done" result=x was_result= \
    >/dev/null
expect_grep 'The activity begins on 1 Oct 2023, after today 20 Aug 2023. Has it really taken place?' \
    "$T/post.html"
expect_clean_stop

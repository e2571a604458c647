#!/bin/sh
# The parts staff write, on the web (/app/texts/DOC/YEAR): one form per
# narrative section, its textarea named by the key, posted with the CSRF
# token; every save a version with an audit entry, the same texts as
# `kyniem text`; a new year's section starts from last year's text and
# says so until saved; a refused text is shown again with its reason and
# writes nothing; earlier versions come back with a button; the page
# lists what is not written and previews the whole document, and the
# report downloads without a placeholder (with ?draft=1, one line naming
# what is missing).  Viewers read, editors write.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"

initdb
cat >>"$T/kyniem.conf" <<'EOC'
[organisation]
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
short_name = Liên hiệp Hữu nghị
province = Khánh Hòa
EOC
TODAY=2024-12-10
TX="$DATA/seeds/khanh-hoa-2023/texts"
K text set report 2023 context --file "$TX/context.txt" >/dev/null ||
    die "text set report 2023 context"
web_users
start_server $TODAY

# versions DOC YEAR KEY: the number of versions the year has.
versions() {
	K text history "$1" "$2" "$3" 2>/dev/null | wc -l | tr -d ' '
}

expect "the viewer logs in" [ "$(web_login viewer)" = 303 ]
expect "the editor logs in" [ "$(web_login editor)" = 303 ]

# The documents page links to the texts, with what is missing.
expect "the documents page (200)" \
    [ "$(web_get viewer /app/documents "$T/docs.html")" = 200 ]
expect_grep '<td><a href="/app/texts/report/2024">Phần cán bộ viết</a> <span class="muted">(3 mục chưa viết)</span></td>' \
    "$T/docs.html"
expect_grep '<td><a href="/app/texts/plan/2024">Phần cán bộ viết</a> <span class="muted">(4 mục chưa viết)</span></td>' \
    "$T/docs.html"
expect_grep '<a href="/app/texts/plan/2025">Phần cán bộ viết</a>' \
    "$T/docs.html"
expect_grep 'href="/app/documents/report-2024.docx?draft=1" download>' \
    "$T/docs.html"

# A viewer reads: 2024's context is 2023's, marked as inherited; no form.
expect "the viewer's texts of the 2024 report (200)" \
    [ "$(web_get viewer /app/texts/report/2024 "$T/v.html")" = 200 ]
expect_grep '<h1>Báo cáo tổng kết năm 2024: phần cán bộ viết</h1>' "$T/v.html"
expect_grep '<section class="card narrative" id="s-context" aria-labelledby="h-s-context"><h2 id="h-s-context">Bối cảnh tình hình</h2>' \
    "$T/v.html"
expect_grep '<p class="state"><strong class="inherited">Kế thừa từ năm 2023</strong> — chưa sửa cho năm này' \
    "$T/v.html"
expect_grep '<p class="pre">Năm 2023 có ý nghĩa bản lề quan trọng' "$T/v.html"
expect_no_grep '<textarea' "$T/v.html"
expect_grep '<li><a href="#s-assessment">Kết quả đạt được</a></li>' "$T/v.html"
expect_no_grep '<li><a href="#s-context">' "$T/v.html"
expect_no_grep '<li><a href="#s-lessons">' "$T/v.html"
expect_grep '<h2 id="preview">Xem trước toàn văn</h2>' "$T/v.html"
expect_grep '<details class="fold"><summary><h3>I. Bối cảnh tình hình</h3></summary>' "$T/v.html"
expect "a viewer may not save (403)" \
    [ "$(web_post viewer /app/texts/report/2024 context=x)" = 403 ]

# The editor's form: the textarea named by the key, the inherited text in
# it, the CSRF token.
expect "the editor's texts of the 2024 report (200)" \
    [ "$(web_get editor /app/texts/report/2024 "$T/e.html")" = 200 ]
expect_grep '<form method="post" action="/app/texts/report/2024#s-context"><input type="hidden" name="csrf" value="[^"]*"><div class="field"><label for="f-context">Nội dung</label><textarea rows="4" id="f-context" name="context" aria-describedby="h-context">Năm 2023 có ý nghĩa' \
    "$T/e.html"
expect_grep '<p class="hint" id="h-context">Tình hình thế giới, trong nước và của địa phương trong năm; thuận lợi và khó khăn của công tác đối ngoại nhân dân (mục I). Mỗi dòng là một đoạn' \
    "$T/e.html"
expect_grep 'name="assessment"' "$T/e.html"
expect_grep 'name="lessons"' "$T/e.html"

# Save: a version of 2024, audited, what `kyniem text show` prints; the
# markup typed is text, escaped on the page and in the preview.
printf 'Năm 2024 <b>khép lại</b> nhiệm kỳ.\r\n\r\n- Thuận lợi: A & B;\r\n+ chi tiết\r\n' \
    >"$T/context"
expect "the editor saves the context (303)" \
    [ "$(web_post editor /app/texts/report/2024 "context@$T/context")" = 303 ]
expect_grep '^Location: /app/texts/report/2024#s-context' "$T/post.hdr"
printf 'Năm 2024 <b>khép lại</b> nhiệm kỳ.\n\n- Thuận lợi: A & B;\n+ chi tiết\n' \
    >"$T/want"
K text show report 2024 context >"$T/shown" 2>"$T/err" ||
    fail "text show report 2024 context"
expect_diff "$T/want" "$T/shown"
expect_no_grep inherited "$T/err"
"$KYNIEM" audit --limit 1 >"$T/audit"
expect_grep '	editor@example.org	text.set	text:report:2024:context	- -> {"version":1,"chars":66}' \
    "$T/audit"
expect "the page again (200)" \
    [ "$(web_get editor /app/texts/report/2024 "$T/e2.html")" = 200 ]
expect_grep '<p class="flash" role="status">Đã lưu mục này.</p>' "$T/e2.html"
expect_grep '<p class="state">Bản 1, lưu lúc [0-9/]* [0-9:]* bởi editor@example.org</p>' \
    "$T/e2.html"
expect_no_grep 'Kế thừa từ năm 2023</strong>' "$T/e2.html"
expect_grep 'name="context" aria-describedby="h-context">Năm 2024 &lt;b&gt;khép lại&lt;/b&gt; nhiệm kỳ\.$' \
    "$T/e2.html"
expect_grep '<p>Năm 2024 &lt;b&gt;khép lại&lt;/b&gt; nhiệm kỳ\.</p>' "$T/e2.html"
expect_grep '<li>Thuận lợi: A &amp; B;' "$T/e2.html"
expect_no_grep '<b>khép' "$T/e2.html"

# The same text again: nothing written, and said so.
expect "the same text again (303)" \
    [ "$(web_post editor /app/texts/report/2024 "context@$T/want")" = 303 ]
expect "still one version" [ "$(versions report 2024 context)" = 1 ]
web_get editor /app/texts/report/2024 "$T/e3.html" >/dev/null
expect_grep 'Không có thay đổi: nội dung đã như vậy.' "$T/e3.html"

# Refused: a control character; the page again with the reason and the
# typed text; nothing written.
printf 'Dòng một\001\n' >"$T/bad"
expect "a control character is refused (422)" \
    [ "$(web_post editor /app/texts/report/2024 "assessment@$T/bad")" = 422 ]
expect_grep '<p class="errors" role="alert">Chưa lưu được: hãy sửa mục được đánh dấu dưới đây.</p>' \
    "$T/post.html"
expect_grep '<div class="field invalid"><label for="f-assessment">Nội dung</label><p class="error" id="e-assessment">Có ký tự điều khiển không được phép ở mục này.</p>' \
    "$T/post.html"
expect_grep 'aria-invalid="true">Dòng một' "$T/post.html"
expect "nothing written" [ "$(versions report 2024 assessment)" = 0 ]
"$PYTHON" -c 'print("ệ" * 20001)' >"$T/long"
expect "a text too long is refused (422)" \
    [ "$(web_post editor /app/texts/report/2024 "assessment@$T/long")" = 422 ]
expect_grep 'Dài quá giới hạn 20000 ký tự.' "$T/post.html"
expect "still nothing written" [ "$(versions report 2024 assessment)" = 0 ]
expect "a form with no section (400)" \
    [ "$(web_post editor /app/texts/report/2024 budget=x)" = 400 ]
expect "an unknown document (404)" \
    [ "$(web_post editor /app/texts/memo/2024 context=x)" = 404 ]
expect "a year out of range (404)" \
    [ "$(web_get editor /app/texts/report/3000 "$T/404.html")" = 404 ]
expect "no CSRF token (403)" [ "$(raw_post editor /app/texts/report/2024 \
    - "$BASE" - context=x)" = 403 ]
expect "another origin (403)" [ "$(raw_post editor /app/texts/report/2024 \
    "$(web_csrf editor)" http://evil.example - context=x)" = 403 ]
expect "still one version of the context" \
    [ "$(versions report 2024 context)" = 1 ]

# A second version, then the first brought back with its button.
expect "a second version (303)" \
    [ "$(web_post editor /app/texts/report/2024 'context=Bản hai.')" = 303 ]
web_get editor /app/texts/report/2024 "$T/e4.html" >/dev/null
expect_grep '<summary>Các bản đã lưu (2)</summary>' "$T/e4.html"
expect_grep 'action="/app/texts/report/2024/restore?key=context&amp;version=1"><input type="hidden" name="csrf" value="[^"]*"><button type="submit" class="secondary">Khôi phục bản 1</button>' \
    "$T/e4.html"
expect_no_grep 'restore?key=context&amp;version=2"' "$T/e4.html"
expect "a viewer may not restore (403)" [ "$(web_post viewer \
    '/app/texts/report/2024/restore?key=context&version=1')" = 403 ]
expect "the editor restores version 1 (303)" [ "$(web_post editor \
    '/app/texts/report/2024/restore?key=context&version=1')" = 303 ]
K text show report 2024 context >"$T/shown" 2>/dev/null || fail "show"
expect_diff "$T/want" "$T/shown"
"$KYNIEM" audit --limit 1 >"$T/audit"
expect_grep '	editor@example.org	text.restore	text:report:2024:context	{"version":2} -> {"version":3,"chars":66,"restored":1}' \
    "$T/audit"
web_get editor /app/texts/report/2024 "$T/e5.html" >/dev/null
expect_grep 'Đã khôi phục bản cũ thành bản mới nhất.' "$T/e5.html"
expect_grep '<span class="muted">(khôi phục bản 1)</span>' "$T/e5.html"
expect "no version 9 (404)" [ "$(web_post editor \
    '/app/texts/report/2024/restore?key=context&version=9')" = 404 ]
expect "no section budget in a report (404)" [ "$(web_post editor \
    '/app/texts/report/2024/restore?key=budget&version=1')" = 404 ]
expect "three versions" [ "$(versions report 2024 context)" = 3 ]

# A long version shows its beginning in the history, the whole of it in
# the form.
"$PYTHON" -c 'print("ệ" * 400)' >"$T/lessons"
expect "a long lessons text (303)" [ "$(web_post editor \
    /app/texts/report/2024 "lessons@$T/lessons")" = 303 ]
expect "a short one after it (303)" [ "$(web_post editor \
    /app/texts/report/2024 'lessons=Ngắn.')" = 303 ]
web_get editor /app/texts/report/2024 "$T/e7.html" >/dev/null
expect "the history shows 300 characters of it" "$PYTHON" -c '
import sys
page = open(sys.argv[1], encoding="utf-8").read()
assert "<span class=\"pre\">" + "ệ" * 300 + "…</span>" in page
assert "ệ" * 301 not in page
' "$T/e7.html"

# The report with sections missing: none of them, no placeholder; the
# draft names them in one line; once all are written, no line at all.
expect "the report's Markdown (200)" [ "$(web_get viewer \
    /app/documents/report-2024.md "$T/r.md")" = 200 ]
expect_no_grep 'Cần bổ sung' "$T/r.md"
expect_no_grep 'Dự thảo' "$T/r.md"
expect_grep '^### 1\. Kết quả đạt được$' "$T/r.md"
expect_no_grep 'Trong năm 2023 với điều kiện nhân sự' "$T/r.md"
expect "the draft (200)" [ "$(web_get viewer \
    '/app/documents/report-2024.md?draft=1' "$T/d.md")" = 200 ]
expect_grep '^_Dự thảo – chưa viết: Kết quả đạt được; Một số khó khăn, hạn chế; Đề xuất, kiến nghị\._$' \
    "$T/d.md"
for k in assessment difficulties; do
	expect "the editor saves $k (303)" [ "$(web_post editor \
	    /app/texts/report/2024 "$k@$TX/$k.txt")" = 303 ]
done
expect "proposals left out on purpose (303)" [ "$(web_post editor \
    /app/texts/report/2024 proposals=)" = 303 ]
web_get editor /app/texts/report/2024 "$T/e6.html" >/dev/null
expect_grep '<p class="flash" id="missing">Đã viết đủ các mục.</p>' "$T/e6.html"
expect_grep '<p class="state">Bản 1, lưu lúc [0-9/]* [0-9:]* bởi editor@example.org — để trống: mục này không có trong tài liệu</p>' \
    "$T/e6.html"
web_get viewer '/app/documents/report-2024.md?draft=1' "$T/d2.md" >/dev/null
expect_no_grep 'Dự thảo' "$T/d2.md"
expect_grep '^### 2\. Một số khó khăn, hạn chế$' "$T/d2.md"
expect_no_grep 'Đề xuất' "$T/d2.md"
K report 2024 >"$T/cli.md" 2>"$T/cli.err" || fail "kyniem report 2024"
expect_diff "$T/cli.md" "$T/d2.md"
expect_no_grep 'not written' "$T/cli.err"
web_get viewer /app/documents "$T/docs2.html" >/dev/null
expect_no_grep '/app/texts/report/2024">Phần cán bộ viết</a> <span' \
    "$T/docs2.html"

# The plan's and the cluster's sections have pages of their own.
expect "the plan's texts (200)" \
    [ "$(web_get editor /app/texts/plan/2025 "$T/p.html")" = 200 ]
expect_grep '<h2 id="h-s-purpose">Mục đích</h2>' "$T/p.html"
expect_grep '<h2 id="h-s-budget">Kinh phí</h2>' "$T/p.html"
expect_grep '<h2 id="preview">Xem trước toàn văn</h2>' "$T/p.html"
expect "the editor saves the plan's budget (303)" [ "$(web_post editor \
    /app/texts/plan/2025 'budget=Kinh phí từ ngân sách tỉnh.')" = 303 ]
K text show plan 2025 budget >"$T/shown" 2>/dev/null || fail "show budget"
expect_grep '^Kinh phí từ ngân sách tỉnh\.$' "$T/shown"
# The plan downloads as a draft too, naming what is still missing, and
# without ?draft=1 it says nothing of it; its appendix has no sections.
expect_grep 'href="/app/documents/plan-2025.docx?draft=1" download>' \
    "$T/docs.html"
expect_no_grep 'plan-appendix-2024.docx?draft=1' "$T/docs.html"
expect "the plan's draft (200)" [ "$(web_get viewer \
    '/app/documents/plan-2025.md?draft=1' "$T/pd.md")" = 200 ]
expect_grep '^_Dự thảo – chưa viết: Mục đích; Yêu cầu; Tổ chức thực hiện\._$' \
    "$T/pd.md"
expect_grep '^Kinh phí từ ngân sách tỉnh\.$' "$T/pd.md"
K plan 2025 --draft >"$T/pd-cli.md" 2>/dev/null || fail "plan 2025 --draft"
expect_diff "$T/pd-cli.md" "$T/pd.md"
expect "the plan without ?draft (200)" [ "$(web_get viewer \
    /app/documents/plan-2025.md "$T/p.md")" = 200 ]
expect_no_grep 'Dự thảo' "$T/p.md"
expect_grep '^Kinh phí từ ngân sách tỉnh\.$' "$T/p.md"
expect "the cluster's texts (200)" \
    [ "$(web_get editor /app/texts/cluster/2024 "$T/c.html")" = 200 ]
expect_grep '<h2 id="h-s-direction">Phương hướng hoạt động năm sau</h2>' \
    "$T/c.html"
expect_no_grep 'id="preview"' "$T/c.html"

# In English.
web_get editor /app/lang/en "$T/lang.html" >/dev/null
expect "the English page (200)" \
    [ "$(web_get editor /app/texts/report/2025 "$T/en.html")" = 200 ]
expect_grep '<strong class="inherited">Inherited from 2024</strong>' \
    "$T/en.html"
expect_clean_stop

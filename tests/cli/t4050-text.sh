#!/bin/sh
# kyniem text sections|set|show|history|restore: the narrative sections of
# the report, the plan and the cluster's report, per year, every version
# kept and audited; a new year starts from last year's text (and says so);
# bad input names the document, year and key and writes nothing.
. "$SRC/tests/lib.sh"
initdb
TODAY=2024-12-01
me=$(id -un)

# versions DOC YEAR KEY: how many versions the year has.
versions() {
	K text history "$1" "$2" "$3" >"$T/h" || die "history $*"
	wc -l <"$T/h" | tr -d ' '
}

# The sections, key first, then the heading.
expect "text sections report" K text sections report >"$T/sections"
cat >"$T/want" <<'EOF'
intro	Mở đầu
context	Bối cảnh tình hình
assessment	Kết quả đạt được
difficulties	Một số khó khăn, hạn chế
lessons	Bài học kinh nghiệm
proposals	Đề xuất, kiến nghị
direction	Phương hướng hoạt động năm sau
EOF
expect_diff "$T/want" "$T/sections"
expect "text sections plan" K text sections plan >"$T/sections"
expect_grep '^purpose	Mục đích$' "$T/sections"
expect_grep '^organisation	Tổ chức thực hiện$' "$T/sections"
expect_grep '^budget	Kinh phí$' "$T/sections"
expect "text sections cluster --lang en" K text sections cluster \
    --lang en >"$T/sections"
expect_grep '^direction	Direction for next year$' "$T/sections"
test_must_fail_with "no document 'letter' has sections (there are: report, plan, cluster)" \
    K text sections letter
test_must_fail_with --status=2 "text sections report|plan|cluster" K text
test_must_fail_with --status=2 "unknown text command 'write'" K text write

# set from a file: what show prints is the text, line ends made LF and
# the trailing blank lines dropped.
printf 'Năm 2023 là năm bản lề.\r\n\r\n- Kinh tế phục hồi;\r\n- Đối ngoại sôi động.\r\n\r\n' \
    >"$T/context"
expect "text set report 2023 context --file" K text set report 2023 context \
    --file "$T/context" >"$T/out"
expect_grep '^report 2023 context: version 1$' "$T/out"
printf 'Năm 2023 là năm bản lề.\n\n- Kinh tế phục hồi;\n- Đối ngoại sôi động.\n' \
    >"$T/want"
expect "text show report 2023 context" K text show report 2023 context \
    >"$T/shown" 2>"$T/err"
expect_diff "$T/want" "$T/shown"
expect_no_grep 'inherited' "$T/err"

# 2024 starts from 2023's text, and says so; a round trip through
# stdin makes it 2024's own.
expect "text show report 2024 context (inherited)" K text show report \
    2024 context >"$T/shown" 2>"$T/err"
expect_diff "$T/want" "$T/shown"
expect_grep 'report 2024 context: inherited from 2023, not edited for 2024' \
    "$T/err"
expect "no version of 2024 yet" [ "$(versions report 2024 context)" -eq 0 ]
expect "text set report 2024 context --file - (the same text)" \
    K text set report 2024 context --file - <"$T/shown"
K text show report 2024 context >/dev/null 2>"$T/err" || fail "show 2024"
expect_no_grep 'inherited' "$T/err"

# The same text again: nothing written.
expect "text set again" K text set report 2023 context --file "$T/context" \
    >"$T/out" 2>"$T/err"
expect_grep 'report 2023 context: unchanged (the same as version 1)' \
    "$T/err"
expect "still one version" [ "$(versions report 2023 context)" -eq 1 ]

# Versions, history and restore.
echo 'Bản thứ hai.' | K text set report 2023 context --file - >/dev/null ||
    die "second version"
echo 'Bản thứ ba.' | K text set report 2023 context --file - >/dev/null ||
    die "third version"
expect "text history" K text history report 2023 context >"$T/hist"
expect "three versions" [ "$(wc -l <"$T/hist")" -eq 3 ]
expect_grep "^3	2024-12-01T[0-9:]*	cli:$me	11 chars	-	Bản thứ ba\.$" \
    "$T/hist"
expect_grep "^1	2024-12-01T[0-9:]*	cli:$me	66 chars	-	Năm 2023 là năm bản lề\.$" \
    "$T/hist"
expect "text restore report 2023 context 1" K text restore report 2023 \
    context 1 >"$T/out"
expect_grep '^report 2023 context: version 4$' "$T/out"
K text show report 2023 context >"$T/shown" || fail "show after restore"
expect_diff "$T/want" "$T/shown"
K text history report 2023 context >"$T/hist"
expect_grep "^4	.*	restored 1	Năm 2023" "$T/hist"
"$KYNIEM" audit --limit 10 >"$T/audit"
expect_grep "cli:$me	text.restore	text:report:2023:context	{\"version\":3} -> {\"version\":4,\"chars\":66,\"restored\":1}" \
    "$T/audit"
expect_grep "cli:$me	text.set	text:report:2023:context	- -> {\"version\":1,\"chars\":66}" \
    "$T/audit"
expect_grep "cli:$me	text.set	text:report:2024:context	- -> {\"version\":1,\"chars\":66}" \
    "$T/audit"
test_must_fail_with "report 2023 context: no version 9 of this section" \
    K text restore report 2023 context 9
test_must_fail_with "report 2023 context: 'x' is not a version number" \
    K text restore report 2023 context x

# Emptied for 2025: nothing to show, and 2026 inherits nothing.
expect "text set report 2025 context (empty)" K text set report 2025 \
    context --file /dev/null >"$T/out"
expect_grep 'version 1 (empty: the section is left out)' "$T/out"
test_must_fail_with "report 2026 context: emptied in 2025" \
    K text show report 2026 context
test_must_fail_with "report 2022 context: not written (in 2022 or an earlier year)" \
    K text show report 2022 context
expect "history of a year with none" K text history report 2022 context \
    >"$T/out" 2>"$T/err"
expect_grep 'report 2022 context: no version written in 2022' "$T/err"

# Bad input: named, and nothing written.
n=$(versions report 2023 context)
printf 'a\001b\n' >"$T/ctl"
test_must_fail_with "report 2023 context: contains a control character" \
    K text set report 2023 context --file "$T/ctl"
printf 'Ph\355 \n' >"$T/latin1"
test_must_fail_with "report 2023 context: holds bytes that are not valid UTF-8" \
    K text set report 2023 context --file "$T/latin1"
printf 'a\000b' >"$T/nul"
test_must_fail_with "report 2023 context: 'standard input' contains a NUL byte" \
    K text set report 2023 context --file - <"$T/nul"
"$PYTHON" -c 'print("ệ" * 20001)' >"$T/long"
test_must_fail_with "report 2023 context: longer than the limit of 20000 characters" \
    K text set report 2023 context --file "$T/long"
"$PYTHON" -c 'print("a" * 100000)' >"$T/huge"
test_must_fail_with "report 2023 context: 'standard input' is longer than the limit of 20000 characters" \
    K text set report 2023 context --file - <"$T/huge"
test_must_fail_with "report 2023 context: cannot read '$T/none'" \
    K text set report 2023 context --file "$T/none"
test_must_fail_with "report 2023 context: cannot read '$T'" \
    K text set report 2023 context --file "$T"
test_must_fail_with "report 2023: no section 'budget' ('kyniem text sections report' lists them)" \
    K text set report 2023 budget --file "$T/context"
test_must_fail_with "no document 'memo' has sections" \
    K text set memo 2023 context --file "$T/context"
test_must_fail_with "plan: '20x4' is not a year from 1800 to 2199" \
    K text show plan 20x4 purpose
test_must_fail --status=2 K text set report 2023 context
test_must_fail --status=2 K text show report 2023
expect "nothing written by the refusals" \
    [ "$(versions report 2023 context)" -eq "$n" ]
"$KYNIEM" audit --limit 1 >"$T/audit"
expect_grep 'text:report:2025:context' "$T/audit"

# A text with the characters a terminal must not obey: history shows
# its first line escaped, show gives it back as written.
printf 'Dòng \033[31mđỏ\n' >"$T/esc"
test_must_fail_with "contains a control character" \
    K text set plan 2024 purpose --file "$T/esc"
printf 'Mục đích:\tphục vụ\n- Một\n' >"$T/tab"
expect "a tab is kept" K text set plan 2024 purpose --file "$T/tab"
K text show plan 2024 purpose >"$T/shown"
expect_diff "$T/tab" "$T/shown"
expect_audit_json

# The plan: the sections not written named on stderr, and by --draft
# in one line on its first page (2024's purpose is inherited: written);
# once written, neither.
K plan 2026 --draft >"$T/plan.md" 2>"$T/err" || fail "plan 2026 --draft"
expect_grep "plan 2026: sections not written: requirements, organisation, budget ('kyniem text set plan 2026 KEY --file FILE' writes one)" \
    "$T/err"
expect_grep '^_Dự thảo – chưa viết: Yêu cầu; Tổ chức thực hiện; Kinh phí\._$' \
    "$T/plan.md"
expect_grep '^Mục đích:	phục vụ$' "$T/plan.md"
for k in purpose requirements organisation budget; do
	echo "Văn bản $k." | K text set plan 2026 $k --file - >/dev/null ||
	    die "text set plan 2026 $k"
done
K plan 2026 --draft >"$T/plan.md" 2>"$T/err" || fail "plan 2026 --draft"
expect_no_grep 'not written' "$T/err"
expect_no_grep 'Dự thảo' "$T/plan.md"
expect_grep '^Văn bản budget\.$' "$T/plan.md"

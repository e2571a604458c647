# kyniem import: a file is known by its required columns, in any order,
# as a spreadsheet exports them; an activities file needs only key, title
# and start, and a column left out keeps what is recorded.  An unknown or
# missing column is named as FILE:1, and nothing of the file is written.
. "$SRC/tests/lib.sh"
initdb

# Columns in another order, a notes column among them.
cat >"$T/order.csv" <<'EOC'
start,notes,title,key,location
2026-10-01,ghi chú đầu,Gặp mặt hữu nghị,col-1,Hội trường tỉnh
EOC
"$KYNIEM" import "$T/order.csv" >"$T/out"
expect_grep "1 added or changed" "$T/out"
"$KYNIEM" activity list --csv >"$T/list"
expect_grep '^col-1,Gặp mặt hữu nghị,2026-10-01,.*,Hội trường tỉnh,' "$T/list"
expect_grep 'ghi chú đầu' "$T/list"

# Only key, title and start: the location and notes recorded stay.
cat >"$T/min.csv" <<'EOC'
key,title,start
col-1,Gặp mặt hữu nghị (sửa),2026-10-01
EOC
"$KYNIEM" import "$T/min.csv" >"$T/out"
expect_grep "1 added or changed" "$T/out"
"$KYNIEM" activity list --csv >"$T/list"
expect_grep '^col-1,Gặp mặt hữu nghị (sửa),2026-10-01,.*,Hội trường tỉnh,' \
    "$T/list"
expect_grep 'ghi chú đầu' "$T/list"
cp "$T/list" "$T/before"

# An unknown column is named, with the line; nothing is written.
cat >"$T/unknown.csv" <<'EOC'
key,title,start,ghi_chu
col-2,Khác,2026-11-01,x
EOC
test_must_fail --status=1 "$KYNIEM" import "$T/unknown.csv" 2>"$T/err"
expect_grep "unknown.csv:1: unknown or repeated column 'ghi_chu'" "$T/err"

# A column named twice is refused too.
printf 'key,title,start,title\ncol-2,A,2026-11-01,B\n' >"$T/twice.csv"
test_must_fail --status=1 "$KYNIEM" import "$T/twice.csv" 2>"$T/err"
expect_grep "twice.csv:1: unknown or repeated column 'title'" "$T/err"

# A required column missing: named, with the ones the kind requires.
cat >"$T/nostart.csv" <<'EOC'
title,key,location
Khác,col-3,Hà Nội
EOC
test_must_fail --status=1 "$KYNIEM" import "$T/nostart.csv" 2>"$T/err"
expect_grep "nostart.csv:1: missing column 'start' (this kind of file requires key,title,start)" \
    "$T/err"

# Another kind of file, its columns reordered, is known by them.
cat >"$T/members.csv" <<'EOC'
kind,name,key
other,Hội hữu nghị thử,vn-thu
EOC
"$KYNIEM" import "$T/members.csv" >"$T/out"
expect_grep "1 added or changed" "$T/out"
# ... and one of its columns missing is named.
printf 'name,key\nHội,vn-thu2\n' >"$T/members2.csv"
test_must_fail --status=1 "$KYNIEM" import "$T/members2.csv" 2>"$T/err"
expect_grep "members2.csv:1: missing column 'kind'" "$T/err"

# Nothing half-written: a bad row after a good one writes neither.
cat >"$T/half.csv" <<'EOC'
title,start,key
Mới,2026-12-01,col-4
Hỏng,2026-13-45,col-5
EOC
test_must_fail --status=1 "$KYNIEM" import "$T/half.csv" 2>"$T/err"
expect_grep "half.csv:3: " "$T/err"
expect_grep "nothing from this file was written" "$T/err"
"$KYNIEM" activity list --csv >"$T/after"
expect_diff "$T/before" "$T/after"

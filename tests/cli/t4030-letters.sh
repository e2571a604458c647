# kyniem letters: the 2024 letters for Laos's and Cambodia's national days
# go to the missions [letters] contacts chooses (the embassies in Hà Nội,
# the consulates general in Thành phố Hồ Chí Minh), with the number of
# years and the dates the rules engine gives, both header blocks, the
# union's signature block, an English letter for the contact [letters]
# english names; Markdown and .docx (read back with python3-docx) say the
# same; several .docx go one file per letter into a directory; a bad
# template is refused by file and line with nothing written; `letters
# sent` records one activity however often it is run.
. "$SRC/tests/lib.sh"
"$PYTHON" -c 'import docx' 2>/dev/null || skip_all "python3-docx not installed"
initdb
cat >>"$T/kyniem.conf" <<EOC
[organisation]
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
name_en = Khanh Hoa Union of Friendship Organisations
province = Khánh Hòa
signer = Nguyễn Văn A
focus_countries = LA, KH
[letters]
contacts = embassy:LA, cg:LA:ho-chi-minh, embassy:KH, cg:KH:ho-chi-minh
english = embassy:KH
template_vi = $SRC/config/letter.vi.txt
template_en = $SRC/config/letter.en.txt
EOC
TODAY=2024-10-15

expect "the letters of Laos's national day 2024" \
    K letters 2024 --occasion national-day:LA >"$T/la.md"
expect_grep '^Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền nước Cộng hòa Dân chủ Nhân dân Lào tại Việt Nam$' "$T/la.md"
expect_grep '^Kính gửi: Ngài Tổng Lãnh sự nước Cộng hòa Dân chủ Nhân dân Lào tại Thành phố Hồ Chí Minh$' "$T/la.md"
expect_grep '^Nhân dịp kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào (2/12/1975 – 2/12/2024), thay mặt Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa,' "$T/la.md"
expect_grep '^V/v chúc mừng kỷ niệm 49 năm Quốc khánh' "$T/la.md"
expect "two letters (Đà Nẵng is not chosen)" \
    [ "$(grep -c '^Kính gửi:' "$T/la.md")" -eq 2 ]
expect_no_grep 'Đà Nẵng' "$T/la.md"
expect "both header blocks in each letter" [ "$(grep -c \
    '^\*\*LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ\*\*' "$T/la.md")" \
    -eq 2 ] && [ "$(grep -c '^\*\*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\*\*' \
    "$T/la.md")" -eq 2 ] && [ "$(grep -c \
    '^\*\*Độc lập - Tự do - Hạnh phúc\*\*' "$T/la.md")" -eq 2 ]
expect_grep '^\*\*Nguyễn Văn A\*\*$' "$T/la.md"
expect_grep '^- Lưu: VT.' "$T/la.md"

expect "the letters of Cambodia's national day 2024" \
    K letters 2024 --country KH --occasion national-day:KH >"$T/kh.md"
expect_grep '^Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền Vương quốc Campuchia tại Việt Nam$' "$T/kh.md"
expect_grep '^Kính gửi: Ngài Tổng Lãnh sự Vương quốc Campuchia tại Thành phố Hồ Chí Minh$' "$T/kh.md"
expect_grep '^Nhân dịp kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024),' "$T/kh.md"
expect_grep '^To: His/Her Excellency the Ambassador Extraordinary and Plenipotentiary of the Kingdom of Cambodia to Viet Nam$' "$T/kh.md"
expect_grep '^On the occasion of the 71st anniversary of the National Day of the Kingdom of Cambodia (9 Nov 1953 – 9 Nov 2024), on behalf of Khanh Hoa Union of Friendship Organisations,' "$T/kh.md"
expect_grep '^\*\*SOCIALIST REPUBLIC OF VIET NAM\*\*' "$T/kh.md"
expect "three letters: two Vietnamese, one English" \
    [ "$(grep -c '^Kính gửi:' "$T/kh.md")" -eq 2 ] && \
    [ "$(grep -c '^To:' "$T/kh.md")" -eq 1 ]

# The year: relation anniversaries too, in date order.
K letters 2024 >"$T/all.md"
expect_grep '^Nhân dịp kỷ niệm 57 năm thiết lập quan hệ ngoại giao Việt Nam – Campuchia (24/6/1967 – 24/6/2024)' "$T/all.md"
expect_grep '^Nhân dịp kỷ niệm 62 năm thiết lập quan hệ ngoại giao Việt Nam – Lào (5/9/1962 – 5/9/2024)' "$T/all.md"
expect "the year's letters in date order" [ "$(sed -n \
    's/^Nhân dịp kỷ niệm \([0-9]*\) năm.*/\1/p' "$T/all.md" | uniq |
    tr '\n' ' ')" = "57 62 71 49 " ]

# .docx, one file per letter, saying what the Markdown says.
expect "docx into a directory" \
    K letters 2024 --format docx --out "$T/docx/" >"$T/docx.list"
expect "md into a directory" K letters 2024 --out "$T/md/" >"$T/md.list"
expect "one file per letter (10: 2 + 2 for Laos, 3 + 3 for Cambodia)" \
    [ "$(ls "$T/docx" | wc -l)" -eq 10 ] && [ "$(ls "$T/md" | wc -l)" -eq 10 ]
expect_grep "^$T/docx/2024-national-day_LA-embassy_LA-vi.docx\$" "$T/docx.list"
expect_grep "^$T/docx/2024-national-day_KH-embassy_KH-en.docx\$" "$T/docx.list"
for f in "$T"/docx/*.docx; do
	b=$(basename "$f" .docx)
	expect "$b: md and docx say the same" \
	    "$PYTHON" "$SRC/tests/integration/doccmp.py" "$T/md/$b.md" "$f"
done
expect "the docx carries the blocks and the salutation" "$PYTHON" - \
    "$T/docx/2024-national-day_LA-cg_LA_ho-chi-minh-vi.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
paras = [p.text for p in d.paragraphs]
assert any("LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ\nTỈNH KHÁNH HÒA" in c for c in cells), cells
assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" in c for c in cells), cells
assert "Kính gửi: Ngài Tổng Lãnh sự nước Cộng hòa Dân chủ Nhân dân Lào tại Thành phố Hồ Chí Minh" in paras, paras
assert any(p.startswith("Nhân dịp kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào (2/12/1975 – 2/12/2024)") for p in paras), paras
PY
test_must_fail K letters 2024 --format docx --out "$T/one.docx" 2>"$T/one.err"
expect_grep 'a .docx holds one; give --out a directory' "$T/one.err"
expect "no file left" [ ! -e "$T/one.docx" ]

# A bad template: file and line named, nothing written.
sed 's/{occasion}, thay mặt/{occasoin}, thay mặt/' "$SRC/config/letter.vi.txt" \
    >"$T/bad.vi.txt"
line=$(grep -n 'occasoin' "$T/bad.vi.txt" | head -n 1 | cut -d: -f1)
sed "s|^template_vi = .*|template_vi = $T/bad.vi.txt|" "$T/kyniem.conf" \
    >"$T/bad.conf"
test_must_fail "$KYNIEM" --config "$T/bad.conf" letters 2024 \
    --out "$T/bad.md" 2>"$T/bad.err"
expect_grep "bad.vi.txt:$line: unknown placeholder '{occasoin}'" "$T/bad.err"
expect "nothing written" [ ! -e "$T/bad.md" ]
printf '[salutation]\nKính gửi: {mission_head\n[body]\nx\n' >"$T/brace.txt"
sed "s|^template_vi = .*|template_vi = $T/brace.txt|" "$T/kyniem.conf" \
    >"$T/brace.conf"
test_must_fail "$KYNIEM" --config "$T/brace.conf" letters 2024 2>"$T/brace.err"
expect_grep "brace.txt:2: '{' without '}'" "$T/brace.err"

# Marking sent: one activity, linked, done, however often.
expect "letters sent" K letters sent national-day:LA 2024 >"$T/sent1"
expect "letters sent again" K letters sent national-day:LA 2024 >"$T/sent2"
expect_diff "$T/sent1" "$T/sent2"
K activity list >"$T/acts"
expect "one activity" [ "$(wc -l <"$T/acts")" -eq 1 ]
expect_grep 'Gửi thư chúc mừng kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào (2/12/1975 – 2/12/2024)' "$T/acts"
K activity show "$(cut -f1 "$T/sent1")" >"$T/show"
expect_grep '^observance  *national-day:LA$' "$T/show"
expect_grep '^status  *done$' "$T/show"
expect_grep '^category  *letter$' "$T/show"
expect_grep '^countries  *LA$' "$T/show"
expect_grep '^partner  *Đại sứ quán Lào tại Việt Nam; Tổng Lãnh sự quán Lào tại Thành phố Hồ Chí Minh$' "$T/show"
test_must_fail K letters sent national-day:LA 2024 --country KH 2>"$T/cc.err"
expect_grep 'not an occasion of the country KH' "$T/cc.err"
test_must_fail K letters sent national-day:XX 2024 2>"$T/xx.err"
expect_grep "'national-day:XX' has no occasion in 2024" "$T/xx.err"
expect "the year-end report" K report 2024 >"$T/report.md"
# One letter to each of the two missions.
expect_grep '^- Quốc khánh Lào: 02 thư$' "$T/report.md"

# The letters' words from calendars/: relationship-phrases.csv and
# letter-titles.csv are imported by init; a bad row is named by file and
# line, and nothing of the file is written.
cat >"$T/phrases.csv" <<'EOC'
country,since,phrase_vi,phrase_en,confidence,source,note
LA,2030,quan hệ thử,the test,confirmed,a source,
XX,,quan hệ thử,the test,confirmed,a source,
LA,2014-13,quan hệ thử,the test,confirmed,a source,
LA,,hữu nghị,the test,confirmed,a source,
LA,,quan hệ thử,test,confirmed,a source,
LA,,quan hệ thử,the test,recalled,,
LA,2030,quan hệ thử,the test,confirmed,a source,
EOC
test_must_fail K import "$T/phrases.csv" >"$T/phrases.out" 2>"$T/phrases.err"
expect_grep "phrases.csv:3: unknown country code 'XX'" "$T/phrases.err"
expect_grep "phrases.csv:4: since '2014-13' must be YYYY-MM-DD, YYYY-MM, YYYY or empty" "$T/phrases.err"
expect_grep "phrases.csv:5: phrase_vi must begin with 'quan hệ '" "$T/phrases.err"
expect_grep "phrases.csv:6: phrase_en must begin with 'the '" "$T/phrases.err"
expect_grep "phrases.csv:7: confidence must be confirmed or single-source, not 'recalled'" "$T/phrases.err"
expect_grep "phrases.csv:8: duplicate key 'LA/2030' (first on line 2)" "$T/phrases.err"
expect_grep "phrases.csv: 6 errors; nothing from this file was written" "$T/phrases.err"
printf 'country,letter_vi,letter_en,source\nBT,Ngày x,the x,a source\nJP,Ngày x,x,a source\n' \
    >"$T/titles.csv"
test_must_fail K import "$T/titles.csv" 2>"$T/titles.err"
expect_grep "titles.csv:3: letter_en must begin with 'the '" "$T/titles.err"

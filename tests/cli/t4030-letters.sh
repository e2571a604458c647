# kyniem letters, read as the union's leader who signs them: the 2024
# letters for Laos's, Cambodia's and Japan's national days in Vietnamese
# and (Japan, Cambodia) English, with "Quốc khánh" capitalised, Japan's
# day named as Vietnam's messages name it, each country's relationship in
# the words of the official statements (calendars/relationship-phrases
# .csv), the diplomatic English forms of address, and no note, mark or
# stamp; relation letters only in milestone years unless [letters]
# relations = all; --country for a country outside the focus list, an
# unknown one refused by name with no file; several letters in one .docx
# (one a section) or a directory; the shipped templates when a config has
# none of its own; a bad template or phrases file refused by file and
# line; `letters sent` records one activity however often it is run.
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

# no_notes FILE: none of what stays inside kyniem reaches a letter.
no_notes() {
	for w in 'Lưu ý' 'chưa xác minh' 'unverified' 'điểm' 'kyniem' \
	    'Dự thảo' 'Cần bổ sung' 'His/Her' 'quốc khánh' 'national Day' \
	    'Note:'; do
		expect_no_grep "$w" "$1"
	done
}

# Laos: the embassy and the consulate general in Thành phố Hồ Chí Minh.
expect "the letters of Laos's national day 2024" \
    K letters 2024 --occasion national-day:LA >"$T/la.md"
expect_grep '^V/v chúc mừng kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào$' "$T/la.md"
expect_grep '^Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền nước Cộng hòa Dân chủ Nhân dân Lào tại Việt Nam$' "$T/la.md"
expect_grep '^Kính gửi: Ngài Tổng Lãnh sự nước Cộng hòa Dân chủ Nhân dân Lào tại Thành phố Hồ Chí Minh$' "$T/la.md"
expect_grep '^Nhân dịp kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào (2/12/1975 – 2/12/2024), thay mặt Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa, chúng tôi trân trọng gửi tới Ngài Đại sứ và toàn thể cán bộ, nhân viên Đại sứ quán Lào tại Việt Nam lời chúc mừng nồng nhiệt nhất.$' "$T/la.md"
expect_grep '^Chúng tôi vui mừng nhận thấy quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện giữa Việt Nam và Lào không ngừng được củng cố và phát triển.' "$T/la.md"
expect_grep 'chúc nước Cộng hòa Dân chủ Nhân dân Lào ngày càng phồn vinh, thịnh vượng.$' "$T/la.md"
expect "two letters (Đà Nẵng is not chosen)" \
    [ "$(grep -c '^Kính gửi:' "$T/la.md")" -eq 2 ]
expect_no_grep 'Đà Nẵng' "$T/la.md"
expect "the union's block in each letter" [ "$(grep -c \
    '^\*\*LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ\*\*' "$T/la.md")" -eq 2 ]
expect "the motto in each letter" [ "$(grep -c \
    '^\*\*Độc lập - Tự do - Hạnh phúc\*\*' "$T/la.md")" -eq 2 ]
expect_grep '^\*\*Nguyễn Văn A\*\*$' "$T/la.md"
expect_grep '^- Như trên;$' "$T/la.md"
expect_grep '^- Lưu: VT.' "$T/la.md"
no_notes "$T/la.md"

# Cambodia, in Vietnamese and (the embassy) in English.
expect "the letters of Cambodia's national day 2024" \
    K letters 2024 --country KH --occasion national-day:KH >"$T/kh.md"
expect_grep '^V/v chúc mừng kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia$' "$T/kh.md"
expect_grep '^Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền Vương quốc Campuchia tại Việt Nam$' "$T/kh.md"
expect_grep '^Kính gửi: Ngài Tổng Lãnh sự Vương quốc Campuchia tại Thành phố Hồ Chí Minh$' "$T/kh.md"
expect_grep '^Nhân dịp kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024),' "$T/kh.md"
expect_grep 'quan hệ láng giềng tốt đẹp, hữu nghị truyền thống, hợp tác toàn diện, bền vững lâu dài giữa Việt Nam và Campuchia' "$T/kh.md"
expect_grep '^Re: 71st anniversary of the National Day of the Kingdom of Cambodia$' "$T/kh.md"
expect_grep '^The Ambassador Extraordinary and Plenipotentiary of the Kingdom of Cambodia to Viet Nam$' "$T/kh.md"
expect_grep '^Your Excellency,$' "$T/kh.md"
expect_grep '^On the occasion of the 71st anniversary of the National Day of the Kingdom of Cambodia (9 November 1953 – 9 November 2024), on behalf of the Khanh Hoa Union of Friendship Organisations, we have the honour to extend to you and the staff of the Royal Embassy of Cambodia in Viet Nam our warmest congratulations.$' "$T/kh.md"
expect_grep 'the good neighbourliness, traditional friendship, comprehensive cooperation and long-term sustainability between Viet Nam and Cambodia' "$T/kh.md"
expect_grep '^\*\*SOCIALIST REPUBLIC OF VIET NAM\*\*' "$T/kh.md"
expect_grep '^\*\*Recipients:\*\*$' "$T/kh.md"
expect_grep '^- As above;$' "$T/kh.md"
expect_grep '^- Filed: Office.$' "$T/kh.md"
expect "two Vietnamese letters" [ "$(grep -c '^Kính gửi:' "$T/kh.md")" -eq 2 ]
expect "one English letter" [ "$(grep -c '^Re:' "$T/kh.md")" -eq 1 ]
no_notes "$T/kh.md"

# Japan is no focus country and [letters] contacts names none of its
# missions: --country JP writes to all of them.
expect "Japan's letters by --country" K letters 2024 --country JP >"$T/jp.md"
expect_grep '^V/v chúc mừng Quốc khánh Nhật Bản$' "$T/jp.md"
expect_grep '^Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền Nhật Bản tại Việt Nam$' "$T/jp.md"
expect_grep '^Kính gửi: Ngài Tổng Lãnh sự Nhật Bản tại Đà Nẵng$' "$T/jp.md"
expect_grep '^Kính gửi: Ngài Tổng Lãnh sự Nhật Bản tại Thành phố Hồ Chí Minh$' "$T/jp.md"
expect_grep '^Nhân dịp kỷ niệm Ngày sinh Nhà vua Nhật Bản, đồng thời là Quốc khánh Nhật Bản (23/2/2024), thay mặt' "$T/jp.md"
expect_grep 'quan hệ Đối tác chiến lược toàn diện vì Hòa bình và Thịnh vượng tại châu Á và trên thế giới giữa Việt Nam và Nhật Bản' "$T/jp.md"
expect "three letters, the 51st year of relations not one" \
    [ "$(grep -c '^Kính gửi:' "$T/jp.md")" -eq 3 ]
expect_no_grep '51 năm' "$T/jp.md"
no_notes "$T/jp.md"
expect "Japan's letters in English" \
    K letters 2024 --country JP --lang en >"$T/jp-en.md"
expect_grep '^Re: National Day of Japan$' "$T/jp-en.md"
# Left for the date of signing as English letters are: day and month
# blank, the year known; the Vietnamese letters keep "ngày … tháng … năm …".
expect_grep '^_Khanh Hoa, … 2024_$' "$T/jp-en.md"
expect_no_grep '… … …' "$T/jp-en.md"
expect_grep '^_Khánh Hòa, ngày … tháng … năm …_$' "$T/jp.md"
expect_grep '^The Ambassador Extraordinary and Plenipotentiary of Japan to Viet Nam$' "$T/jp-en.md"
expect_grep '^The Consul General of Japan in Ho Chi Minh City$' "$T/jp-en.md"
expect_grep '^Dear Consul General,$' "$T/jp-en.md"
expect_grep '^On the occasion of the Birthday of His Majesty the Emperor of Japan, the National Day of Japan (23 February 2024), on behalf of the Khanh Hoa Union of Friendship Organisations,' "$T/jp-en.md"
expect_grep 'the Comprehensive Strategic Partnership for Peace and Prosperity in Asia and the World between Viet Nam and Japan' "$T/jp-en.md"
expect_grep 'and for the prosperity of Japan.$' "$T/jp-en.md"
expect_no_grep '^Kính gửi' "$T/jp-en.md"
no_notes "$T/jp-en.md"
# Before 27/11/2023 Japan and Viet Nam were strategic partners.
expect "Japan's letters of 2023" K letters 2023 --country JP --lang en \
    --occasion national-day:JP >"$T/jp-2023.md"
expect_grep 'the Extensive Strategic Partnership for Peace and Prosperity in Asia between Viet Nam and Japan' "$T/jp-2023.md"
# 2023, Japan's 50th year of relations (the Khánh Hòa report's first).
expect "the 50th year of relations with Japan" K letters 2023 --country JP \
    --occasion relation:JP >"$T/jp-50.md"
expect_grep '^V/v chúc mừng kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản$' "$T/jp-50.md"
expect_grep '^Nhân dịp kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023),' "$T/jp-50.md"
K letters 2023 --country JP --occasion relation:JP --lang en >"$T/jp-50-en.md" ||
    die "letters 2023 JP en"
expect_grep '^Re: 50th anniversary of the establishment of diplomatic relations between Viet Nam and Japan$' "$T/jp-50-en.md"
expect_grep '^On the occasion of the 50th anniversary of the establishment of diplomatic relations between Viet Nam and Japan (21 September 1973 – 21 September 2023),' "$T/jp-50-en.md"
expect_grep 'grow steadily over the past 50 years' "$T/jp-50-en.md"

# English gives some countries their article.
expect "the United States' letters in English" K letters 2025 --country US \
    --lang en >"$T/us.md"
expect_grep '^Re: 30th anniversary of the establishment of diplomatic relations between Viet Nam and the United States$' "$T/us.md"
expect_grep 'Sustainable Development between Viet Nam and the United States continue to grow' "$T/us.md"
expect_grep '^The Ambassador Extraordinary and Plenipotentiary of the United States of America to Viet Nam$' "$T/us.md"

# A head known by name: the contact as staff edited it.
K contact list --country JP --format csv >"$T/jp-contacts.csv" ||
    die "contact list"
head -n 1 "$T/jp-contacts.csv" >"$T/ito.csv"
grep '^embassy:JP,' "$T/jp-contacts.csv" | "$PYTHON" -c '
import csv, sys
r = next(csv.reader(sys.stdin))
r[9], r[10] = "Ngài ITO Naoki", "His Excellency Mr ITO Naoki"
csv.writer(sys.stdout, lineterminator="\n").writerow(r)' >>"$T/ito.csv"
K import "$T/ito.csv" >/dev/null || die "import the named head"
expect "letters to a head known by name" K letters 2024 --country JP \
    --occasion national-day:JP --lang vi --lang en >"$T/ito.md"
expect_grep '^Kính gửi: Ngài ITO Naoki, Đại sứ Đặc mệnh toàn quyền Nhật Bản tại Việt Nam$' "$T/ito.md"
expect_grep 'gửi tới Ngài Đại sứ và toàn thể cán bộ' "$T/ito.md"
expect_grep '^His Excellency Mr ITO Naoki, Ambassador Extraordinary and Plenipotentiary of Japan to Viet Nam$' "$T/ito.md"

# The year: national days every year, relations in milestone years.
K letters 2024 >"$T/all.md"
expect "2024: Cambodia's and Laos's national days, no relation (57, 62 years)" \
    [ "$(sed -n 's/^Nhân dịp kỷ niệm \([0-9]*\) năm.*/\1/p' "$T/all.md" |
    uniq | tr '\n' ' ')" = "71 49 " ]
expect_no_grep 'thiết lập quan hệ' "$T/all.md"
K letters 2022 >"$T/2022.md"
expect_grep '^V/v chúc mừng kỷ niệm 60 năm thiết lập quan hệ ngoại giao Việt Nam – Lào$' "$T/2022.md"
expect_grep '^Nhân dịp kỷ niệm 60 năm thiết lập quan hệ ngoại giao Việt Nam – Lào (5/9/1962 – 5/9/2022),' "$T/2022.md"
expect_grep '^Chúng tôi vui mừng nhận thấy trong 60 năm qua, quan hệ giữa hai nước không ngừng được củng cố và phát triển,' "$T/2022.md"
expect_grep 'góp phần vun đắp quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện giữa Việt Nam và Lào.$' "$T/2022.md"
expect_grep '^V/v chúc mừng kỷ niệm 55 năm thiết lập quan hệ ngoại giao Việt Nam – Campuchia$' "$T/2022.md"
sed 's/^english = .*/&\nrelations = all/' "$T/kyniem.conf" >"$T/all.conf"
"$KYNIEM" --config "$T/all.conf" --today $TODAY letters 2024 >"$T/all-rel.md" ||
    die "relations = all"
expect "relations = all: every year's (57, 62) too, in date order" [ "$(sed -n \
    's/^Nhân dịp kỷ niệm \([0-9]*\) năm.*/\1/p' "$T/all-rel.md" | uniq |
    tr '\n' ' ')" = "57 62 71 49 " ]
sed 's/^english = .*/&\nrelations = some/' "$T/kyniem.conf" >"$T/bad-rel.conf"
test_must_fail "$KYNIEM" --config "$T/bad-rel.conf" letters 2024 \
    2>"$T/bad-rel.err"
expect_grep "relations must be milestones or all, not 'some'" "$T/bad-rel.err"

# An unknown country is named and nothing is written; so is a country
# without a mission.
test_must_fail --status=1 K letters 2024 --country XX --out "$T/xx.docx" \
    2>"$T/xx.err"
expect_grep "unknown country code 'XX'" "$T/xx.err"
expect "no file for XX" [ ! -e "$T/xx.docx" ]
test_must_fail --status=1 K letters 2024 --country BT --out "$T/bt.md" \
    2>"$T/bt.err"
expect_grep "no mission of the country BT among the contacts" "$T/bt.err"
expect "no file for BT" [ ! -e "$T/bt.md" ]
test_must_fail --status=1 K letters 2024 --occasion national-day:JP \
    --out "$T/none.md" 2>"$T/none.err"
expect_grep "no letters in 2024" "$T/none.err"
expect "no empty file" [ ! -e "$T/none.md" ]
test_must_fail --status=2 K letters 2024 --lang fr 2>"$T/fr.err"
expect_grep "\-\-lang must be vi or en, not 'fr'" "$T/fr.err"

# .docx, one file per letter, saying what the Markdown says.
expect "docx into a directory" \
    K letters 2024 --format docx --out "$T/docx/" >"$T/docx.list"
expect "md into a directory" K letters 2024 --out "$T/md/" >"$T/md.list"
expect "one .docx per letter (5: 2 for Laos, 2 + 1 for Cambodia)" \
    [ "$(ls "$T/docx" | wc -l)" -eq 5 ]
expect "one .md per letter" [ "$(ls "$T/md" | wc -l)" -eq 5 ]
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
assert any("V/v chúc mừng kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào" in c for c in cells), cells
assert "Kính gửi: Ngài Tổng Lãnh sự nước Cộng hòa Dân chủ Nhân dân Lào tại Thành phố Hồ Chí Minh" in paras, paras
assert any(p.startswith("Nhân dịp kỷ niệm 49 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào (2/12/1975 – 2/12/2024)") for p in paras), paras
PY

# Several letters in one .docx (its extension is its format): one
# section each, every letter's words; a failure leaves no file.
expect "all of the year's letters in one .docx" \
    K letters 2024 --out "$T/all.docx"
expect "one section a letter, each letter whole" "$PYTHON" - \
    "$T/all.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
paras = [p.text for p in d.paragraphs]
assert len(d.sections) == 5, len(d.sections)
for s in d.sections:
    assert s.different_first_page_header_footer, "page 1 of a letter numbered"
assert sum(p.startswith("Kính gửi:") for p in paras) == 4, paras
assert sum(p == "Your Excellency," for p in paras) == 1, paras
assert sum(p == "Trân trọng!" for p in paras) == 4, paras
cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
assert sum("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in c for c in cells) == 4, cells
assert sum("SOCIALIST REPUBLIC OF VIET NAM" in c for c in cells) == 1, cells
PY
sed "s|^template_vi = .*|template_vi = $T/missing.vi.txt|" "$T/kyniem.conf" \
    >"$T/missing.conf"
test_must_fail "$KYNIEM" --config "$T/missing.conf" --today $TODAY letters \
    2024 --out "$T/fail.docx" 2>"$T/missing.err"
expect_grep "cannot read the letter template '$T/missing.vi.txt'" "$T/missing.err"
expect "no .docx after a failure" [ ! -e "$T/fail.docx" ]
printf 'old' >"$T/keep.docx"
test_must_fail "$KYNIEM" --config "$T/missing.conf" --today $TODAY letters \
    2024 --out "$T/keep.docx" 2>/dev/null
expect "a file there before is left as it was" [ "$(cat "$T/keep.docx")" = old ]

# A bad template: file and line named, nothing written.
sed 's/{occasion}, thay mặt/{occasoin}, thay mặt/' "$SRC/config/letter.vi.txt" \
    >"$T/bad.vi.txt"
line=$(grep -n 'occasoin' "$T/bad.vi.txt" | head -n 1 | cut -d: -f1)
sed "s|^template_vi = .*|template_vi = $T/bad.vi.txt|" "$T/kyniem.conf" \
    >"$T/bad.conf"
test_must_fail "$KYNIEM" --config "$T/bad.conf" letters 2024 \
    --out "$T/bad.md" 2>"$T/bad.err"
expect_grep "bad.vi.txt:$line: unknown placeholder '{occasoin}'; known: {occasion} {years} {date} {year} {country} {state} {mission} {head} {mission_head} {org} {province} {subject} {relationship} {dear}" "$T/bad.err"
expect "nothing written" [ ! -e "$T/bad.md" ]
printf '[salutation]\nKính gửi: {mission_head\n[body]\nx\n' >"$T/brace.txt"
sed "s|^template_vi = .*|template_vi = $T/brace.txt|" "$T/kyniem.conf" \
    >"$T/brace.conf"
test_must_fail "$KYNIEM" --config "$T/brace.conf" letters 2024 2>"$T/brace.err"
expect_grep "brace.txt:2: '{' without '}'" "$T/brace.err"

# A config of one's own without templates: the shipped wording; a
# letter.vi.txt beside the config is the union's own.
mkdir -p "$T/own"
grep -v '^template_' "$T/kyniem.conf" >"$T/own/kyniem.conf"
expect "letters with the shipped templates" "$KYNIEM" --config \
    "$T/own/kyniem.conf" --today $TODAY letters 2024 >"$T/own.md"
K letters 2024 >"$T/shipped.md"
expect_diff "$T/shipped.md" "$T/own.md"
sed 's/lời chúc mừng nồng nhiệt nhất/lời chúc mừng nồng nhiệt/' \
    "$SRC/config/letter.vi.txt" >"$T/own/letter.vi.txt"
"$KYNIEM" --config "$T/own/kyniem.conf" --today $TODAY letters 2024 \
    >"$T/own2.md" || die "letters with a template beside the config"
expect_grep 'lời chúc mừng nồng nhiệt\.$' "$T/own2.md"
expect_grep '^Re: 71st anniversary' "$T/own2.md"

# English letters need the union's English name.
grep -v '^name_en' "$T/kyniem.conf" >"$T/noen.conf"
test_must_fail --status=1 "$KYNIEM" --config "$T/noen.conf" --today $TODAY \
    letters 2024 --country JP --lang en --out "$T/noen.docx" 2>"$T/noen.err"
expect_grep "English letters need the union's English name: set name_en in \[organisation\]" "$T/noen.err"
expect "no file without the English name" [ ! -e "$T/noen.docx" ]
expect "Vietnamese letters need no English name" "$KYNIEM" --config \
    "$T/noen.conf" --today $TODAY letters 2024 --country JP --lang vi

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
test_must_fail K letters sent national-day:XX 2024 2>"$T/xx2.err"
expect_grep "'national-day:XX' has no occasion in 2024" "$T/xx2.err"
expect "the year-end report" K report 2024 >"$T/report.md"
# One letter to each of the two missions.
expect_grep '^- Quốc khánh Lào: 02 thư\.$' "$T/report.md"

# The letters' words from calendars/: relationship-phrases.csv and
# letter-titles.csv are imported by init; a bad row is named by file and
# line, and nothing of the file is written.
cat >"$T/phrases.csv" <<'EOC'
country,since,phrase_vi,phrase_en,confidence,source,note
LA,2024-01,quan hệ thử,the test,confirmed,a source,
XX,,quan hệ thử,the test,confirmed,a source,
LA,2014-13,quan hệ thử,the test,confirmed,a source,
LA,,hữu nghị,the test,confirmed,a source,
LA,,quan hệ thử,test,confirmed,a source,
LA,,quan hệ thử,the test,recalled,,
LA,2024-01,quan hệ thử,the test,confirmed,a source,
EOC
test_must_fail K import "$T/phrases.csv" >"$T/phrases.out" 2>"$T/phrases.err"
expect_grep "phrases.csv:3: unknown country code 'XX'" "$T/phrases.err"
expect_grep "phrases.csv:4: since '2014-13' must be YYYY-MM-DD, YYYY-MM, YYYY or empty" "$T/phrases.err"
expect_grep "phrases.csv:5: phrase_vi must begin with 'quan hệ '" "$T/phrases.err"
expect_grep "phrases.csv:6: phrase_en must begin with 'the '" "$T/phrases.err"
expect_grep "phrases.csv:7: confidence must be confirmed or single-source, not 'recalled'" "$T/phrases.err"
expect_grep "phrases.csv:8: duplicate key 'LA/2024-01' (first on line 2)" "$T/phrases.err"
expect_grep "phrases.csv: 6 errors; nothing from this file was written" "$T/phrases.err"
K letters 2024 --occasion national-day:LA >"$T/la-after.md"
expect_no_grep 'quan hệ thử' "$T/la-after.md"
printf 'country,letter_vi,letter_en,source\nBT,Ngày x,the x,a source\nJP,Ngày x,x,a source\n' \
    >"$T/titles.csv"
test_must_fail K import "$T/titles.csv" 2>"$T/titles.err"
expect_grep "titles.csv:3: letter_en must begin with 'the '" "$T/titles.err"
# A country the database knows without a national day has no title.
sqlite3 "$T/kyniem.db" "INSERT INTO countries (code, name_en, name_vi,
    source, modified) VALUES ('ZZ', 'Zed', 'Dét', 'test', 0)" ||
    die "sqlite3"
printf 'country,letter_vi,letter_en,source\nZZ,Ngày x,the x,a source\n' \
    >"$T/titles2.csv"
test_must_fail_with --status=1 "titles2.csv:2: no national day for 'ZZ'" \
    K import "$T/titles2.csv"
# A union's own wording, from a date on, is what the letters say then.
printf 'country,since,phrase_vi,phrase_en,confidence,source,note\nLA,2024-12-01,quan hệ thử nghiệm,the trial,single-source,a source,\n' \
    >"$T/own-phrase.csv"
K import "$T/own-phrase.csv" >/dev/null || die "import a phrase"
K letters 2024 --occasion national-day:LA >"$T/la-own.md"
expect_grep 'nhận thấy quan hệ thử nghiệm giữa Việt Nam và Lào' "$T/la-own.md"
"$KYNIEM" --config "$T/all.conf" --today $TODAY letters 2024 \
    --occasion relation:LA >"$T/la-rel.md" || die "the relation letters"
expect_grep 'trong 62 năm qua, quan hệ giữa hai nước' "$T/la-rel.md"
expect_grep 'vun đắp quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt và hợp tác toàn diện giữa Việt Nam và Lào.$' "$T/la-rel.md"
expect_no_grep 'quan hệ thử nghiệm' "$T/la-rel.md"

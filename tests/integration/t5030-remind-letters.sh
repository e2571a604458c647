# The digest of `kyniem remind` through a real SMTP server (aiosmtpd)
# lists the congratulation letters due within 30 days: Cambodia's
# national day on 9/11/2024 seen from 15/10/2024, its missions named, a
# link to mark it sent, each draft attached as a .docx that python3-docx
# opens (the Vietnamese and the English one); Laos's national day, 48 days
# ahead, is not listed yet.  Once `kyniem letters sent` recorded it, a new
# recipient's digest no longer lists it; later Laos's comes due and is
# listed alone.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/smtplib.sh"
"$PYTHON" -c 'import docx' 2>/dev/null || skip_all "python3-docx not installed"
initdb
smtp_conf
cat >>"$T/kyniem.conf" <<EOC
[organisation]
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
name_en = Khanh Hoa Union of Friendship Organisations
focus_countries = LA, KH
[server]
base_url = https://kyniem.example/
[letters]
contacts = embassy:KH, cg:KH:ho-chi-minh, embassy:LA
english = embassy:KH
template_vi = $SRC/config/letter.vi.txt
template_en = $SRC/config/letter.en.txt
EOC
start_smtpd
TODAY=2024-10-15
K recipient add --email lan@example.org --name 'Nguyễn Thị Lan' \
    --follow country:KH >/dev/null || die "recipient add"

# check_mail TO WANT...: the one message to TO; its parts as mailparts
# would print them in $T/TO.txt, its .docx attachments saved under
# $T/TO/ and listed in $T/TO.files.
check_mail() {
	"$PYTHON" - "$MAIL" "$1" "$T" <<'PY'
import email, email.policy, glob, os, sys
mail, to, t = sys.argv[1:4]
found = []
for path in sorted(glob.glob(os.path.join(mail, "msg-*.eml"))):
    with open(path, "rb") as f:
        msg = email.message_from_bytes(f.read(), policy=email.policy.default)
    if to in str(msg["To"]):
        found.append(msg)
if len(found) != 1:
    sys.exit("%d messages to %s" % (len(found), to))
msg = found[0]
out = os.path.join(t, to)
os.makedirs(out, exist_ok=True)
names = []
with open(out + ".txt", "w", encoding="utf-8") as txt:
    txt.write("subject: %s\n" % msg["Subject"])
    for part in msg.walk():
        ct = part.get_content_type()
        if ct in ("text/plain", "text/html"):
            txt.write("--- %s\n%s" % (ct, part.get_content()))
        elif ct.endswith("wordprocessingml.document"):
            name = part.get_filename()
            with open(os.path.join(out, name), "wb") as f:
                f.write(part.get_payload(decode=True))
            names.append(name)
with open(out + ".files", "w") as f:
    f.write("".join(n + "\n" for n in names))
PY
}

expect "remind run 1" K --now 2024-10-15T07:00 remind >"$T/run1" 2>"$T/err1"
expect_grep '1 queued, 1 sent' "$T/run1"
expect "the digest to lan arrived" check_mail lan@example.org
expect_grep '^subject: Sắp đến: .*thư chúc mừng Kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024)' \
    "$T/lan@example.org.txt"
expect_grep '^Thư chúc mừng cần gửi (bản nháp đính kèm):' "$T/lan@example.org.txt"
expect_grep '^- 9/11/2024 (còn 25 ngày): Kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024)$' \
    "$T/lan@example.org.txt"
expect_grep '^  Gửi: Ngài Đại sứ Đặc mệnh toàn quyền Vương quốc Campuchia tại Việt Nam (2024-national-day_KH-embassy_KH-vi.docx)$' \
    "$T/lan@example.org.txt"
expect_grep '^  Gửi: Ngài Tổng Lãnh sự Vương quốc Campuchia tại Thành phố Hồ Chí Minh (2024-national-day_KH-cg_KH_ho-chi-minh-vi.docx)$' \
    "$T/lan@example.org.txt"
expect_grep '^  Đánh dấu đã gửi: https://kyniem.example/app/letters?year=2024$' \
    "$T/lan@example.org.txt"
expect_grep '<a href="https://kyniem.example/app/letters?year=2024">Đánh dấu đã gửi</a>' \
    "$T/lan@example.org.txt"
expect_no_grep 'Lào' "$T/lan@example.org.txt"
printf '%s\n' 2024-national-day_KH-embassy_KH-vi.docx \
    2024-national-day_KH-embassy_KH-en.docx \
    2024-national-day_KH-cg_KH_ho-chi-minh-vi.docx >"$T/want.files"
expect_diff "$T/want.files" "$T/lan@example.org.files"
expect "the attached drafts open with python3-docx and say it" "$PYTHON" - \
    "$T/lan@example.org" <<'PY'
import os, sys, docx
d = sys.argv[1]
def paras(name):
    doc = docx.Document(os.path.join(d, name))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return [p.text for p in doc.paragraphs], cells
p, cells = paras("2024-national-day_KH-embassy_KH-vi.docx")
assert "Kính gửi: Ngài Đại sứ Đặc mệnh toàn quyền Vương quốc Campuchia tại Việt Nam" in p, p
assert any(x.startswith("Nhân dịp kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia (9/11/1953 – 9/11/2024)") for x in p), p
assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in c for c in cells), cells
p, cells = paras("2024-national-day_KH-embassy_KH-en.docx")
assert any(x.startswith("On the occasion of the 71st anniversary of the National Day of the Kingdom of Cambodia") for x in p), p
assert any("SOCIALIST REPUBLIC OF VIET NAM" in c for c in cells), cells
PY
expect "the attachment equals the draft of kyniem letters" \
    K letters 2024 --occasion national-day:KH --format docx --out "$T/drafts/"
expect "byte for byte" cmp "$T/drafts/2024-national-day_KH-embassy_KH-vi.docx" \
    "$T/lan@example.org/2024-national-day_KH-embassy_KH-vi.docx"

# A recipient added now would be told; marked sent, the letter is not
# listed any more.
K recipient add --email hoa@example.org --name 'Lê Hoa' \
    --follow country:KH >/dev/null || die "recipient add hoa"
expect "dry run before marking" K --now 2024-10-15T07:05 remind --dry-run \
    >"$T/dry1" 2>&1
expect_grep 'would queue digest:.* to hoa@example.org: Sắp đến: .*thư chúc mừng Kỷ niệm 71 năm Quốc khánh Vương quốc Campuchia' \
    "$T/dry1"
expect "letters sent" K letters sent national-day:KH 2024 >/dev/null
expect "remind run 2" K --now 2024-10-15T07:10 remind >"$T/run2" 2>&1
expect_no_grep 'to hoa@example.org' "$T/run2"
expect "nothing more arrived" [ "$(count_arrived)" -eq 1 ]

# Later, Laos's national day comes within 30 days: listed alone.
expect "remind run 3 (5/11/2024)" "$KYNIEM" --today 2024-11-05 \
    --now 2024-11-05T07:00 remind >"$T/run3" 2>&1
expect "two digests (lan, hoa)" [ "$(count_arrived)" -eq 3 ]
rm -rf "$T/lan@example.org"
mkdir -p "$T/old" && mv "$MAIL"/msg-*.eml "$T/old/" 2>/dev/null
ls "$T/old" | sort | tail -n 2 | while read -r f; do cp "$T/old/$f" "$MAIL/"; done
expect "the second digest to lan" check_mail lan@example.org
expect_grep '^- 2/12/2024 (còn 27 ngày): Kỷ niệm 49 năm Quốc khánh Cộng hòa Dân chủ Nhân dân Lào (2/12/1975 – 2/12/2024)$' \
    "$T/lan@example.org.txt"
expect_no_grep 'Campuchia' "$T/lan@example.org.txt"
printf '%s\n' 2024-national-day_LA-embassy_LA-vi.docx >"$T/want3.files"
expect_diff "$T/want3.files" "$T/lan@example.org.files"

# Without the union's English name the digest still lists the letters,
# with the Vietnamese drafts, and says why the English ones are missing.
grep -v '^name_en' "$T/kyniem.conf" >"$T/noen.conf"
K recipient add --email minh@example.org --name 'Trần Minh' \
    --follow country:LA >/dev/null || die "recipient add minh"
expect "a dry run without name_en" "$KYNIEM" --config "$T/noen.conf" \
    --today 2024-11-05 --now 2024-11-05T08:00 remind --dry-run \
    >"$T/dry-noen" 2>&1
expect_grep 'the English drafts are left out of the digests: set name_en in \[organisation\]' "$T/dry-noen"
expect_grep 'would queue digest:.* to minh@example.org: Sắp đến: .*thư chúc mừng Kỷ niệm 49 năm Quốc khánh' "$T/dry-noen"

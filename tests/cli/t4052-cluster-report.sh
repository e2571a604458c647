# kyniem cluster report YEAR from records other tools wrote (the v1
# fixture and two records made from it): the members' table with each
# member's figures as its record states them and their total, each
# member's milestone activities in its own sentences, the milestone two
# members marked and the one two members plan, the members that have not
# reported (by [cluster-member] name, and the head by its own name), the
# next head, the narrative sections staff wrote (kyniem text) and a note
# for those not written; in English too; a .docx python3-docx reads.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/recordlib.sh"
initdb
"$KYNIEM" key init >/dev/null || die "key init"
cat >>"$T/kyniem.conf" <<EOF
[organisation]
id = khanh-hoa
name = Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa
name_en = Khanh Hoa Union of Friendship Organisations
[cluster]
name = Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3
members = khanh-hoa, gia-lai, dak-lak, quang-binh
next_head = dak-lak
[cluster-member quang-binh]
name = Liên hiệp các tổ chức hữu nghị tỉnh Quảng Bình
EOF

# Two records: Gia Lai's and one made from it for Đắk Lắk, both marking
# the 50th of Viet Nam - Japan and planning the 70th of Viet Nam - Laos.
"$PYTHON" - "$FIX" "$T" <<'EOP' || die "make the records"
import json, sys
fix, t = sys.argv[1], sys.argv[2]
jp = {"observance": "relation:JP", "title": "Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023)",
      "date": "2023-09-21", "years": 50}
la = {"observance": "relation:LA", "title": "Kỷ niệm 62 năm thiết lập quan hệ ngoại giao Việt Nam – Lào (5/9/1962 – 5/9/2024)",
      "date": "2024-09-05", "years": 62}
def act(key, sentence):
    return {"key": key, "title": sentence[:-1], "sentence": sentence,
            "start": "2023-09-21", "end": "2023-09-21", "dated": True,
            "place": None, "category": "anniversary", "observance": "relation:JP",
            "countries": ["JP"], "partners": None, "participants": 120,
            "result": None, "member": None, "amount": None, "budget": None,
            "milestone": True}
gl = json.load(open(fix, encoding="utf-8"))
gl["activities"].append(act("gl23-jp", "Gặp mặt kỷ niệm 50 năm quan hệ Việt Nam – Nhật Bản tại Pleiku (21/9/2023)."))
gl["counts"]["activities"] = 3
gl["counts"]["participants"] = {"people": 120, "activities": 1}
gl["milestones"] = [dict(jp, activities=["gl23-jp"])]
gl["next_year"]["milestones"] = [la]
dl = json.loads(json.dumps(gl))
dl["union"] = {"id": "dak-lak", "name": "Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk", "province": "Đắk Lắk"}
dl["activities"] = [act("dl23-jp", "Tọa đàm 50 năm quan hệ ngoại giao Việt Nam – Nhật Bản tại Buôn Ma Thuột (21/9/2023).")]
dl["counts"] = {"activities": 71, "delegations_out": 2, "delegations_in": 3,
                "letters": {"total": 12, "by_occasion": {"national-day": 12}},
                "participants": {"people": 6000, "activities": 4},
                "countries": ["JP", "KH", "LA"],
                "ngo_aid": [{"currency": "USD", "amount": 149814}]}
dl["milestones"] = [dict(jp, activities=["dl23-jp"])]
for name, doc in (("gl", gl), ("dl", dl)):
    with open("%s/%s.json" % (t, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
EOP
"$KYNIEM" --today 2024-01-10 cluster import "$T/gl.json" "$T/dl.json" \
    >/dev/null || die "cluster import"
printf 'Năm 2023, tình hình thế giới có nhiều biến động.\n\nCác Liên hiệp trong Cụm phối hợp chặt chẽ.\n' \
    >"$T/context.txt"
"$KYNIEM" text set cluster 2023 context --file "$T/context.txt" >/dev/null ||
    die "text set"

TODAY=2024-01-12
K cluster report 2023 >"$T/report.md" 2>"$T/report.err" ||
    fail "cluster report"
expect_grep '^\*\*Tổng kết hoạt động năm 2023 của Cụm Liên hiệp các tổ chức hữu nghị địa phương số 3\*\*$' \
    "$T/report.md"
expect_grep '^_Khánh Hòa, ngày 12 tháng 01 năm 2024_$\|^_Ngày 12 tháng 01 năm 2024_$' \
    "$T/report.md"
expect_grep '^Năm 2023, tình hình thế giới có nhiều biến động\.$' "$T/report.md"
expect_grep '^Các Liên hiệp trong Cụm phối hợp chặt chẽ\.$' "$T/report.md"
expect_grep '^| 1 | Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai | 3 | 1 | 0 | 0 | 120 |  |$' \
    "$T/report.md"
expect_grep '^| 2 | Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk | 71 | 2 | 3 | 12 | 6.000 | 149.814 USD |$' \
    "$T/report.md"
expect_grep '^|  | Tổng cộng | 74 | 3 | 3 | 12 | 6.120 | 149.814 USD |$' \
    "$T/report.md"
expect_grep '^#### a) Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai$' "$T/report.md"
expect_grep '^- Gặp mặt kỷ niệm 50 năm quan hệ Việt Nam – Nhật Bản tại Pleiku (21/9/2023)\.$' \
    "$T/report.md"
expect_grep '^- Tọa đàm 50 năm quan hệ ngoại giao Việt Nam – Nhật Bản tại Buôn Ma Thuột (21/9/2023)\.$' \
    "$T/report.md"
expect_grep '^- Kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản (21/9/1973 – 21/9/2023): Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai, Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk\.$' \
    "$T/report.md"
expect_grep '^Đến ngày 12/1/2024, chưa nhận được báo cáo năm 2023 của: Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa; Liên hiệp các tổ chức hữu nghị tỉnh Quảng Bình\.$' \
    "$T/report.md"
expect_grep '^- Kỷ niệm 62 năm thiết lập quan hệ ngoại giao Việt Nam – Lào (5/9/1962 – 5/9/2024): Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai, Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk\.$' \
    "$T/report.md"
expect_grep '^Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk làm Cụm trưởng năm 2024\.$' \
    "$T/report.md"
# The sections not written are named on stderr and left out, heading
# and all, the others numbered on: no note for staff in the document.
expect_grep "cluster report 2023: sections not written: assessment, proposals, direction ('kyniem text set cluster 2023 KEY --file FILE' writes one)" \
    "$T/report.err"
expect_no_grep 'Cần bổ sung\|kyniem\|Đánh giá chung\|Đề xuất, kiến nghị' \
    "$T/report.md"
expect_grep '^## I\. Bối cảnh tình hình$' "$T/report.md"
expect_grep '^## II\. Kết quả hoạt động$' "$T/report.md"
expect_grep '^## III\. Phương hướng hoạt động năm 2024$' "$T/report.md"
printf 'Các thành viên hoàn thành kế hoạch năm.\n' >"$T/assessment.txt"
"$KYNIEM" text set cluster 2023 assessment --file "$T/assessment.txt" \
    >/dev/null || die "text set assessment"
K cluster report 2023 >"$T/report2.md" 2>"$T/report2.err" ||
    fail "cluster report, assessment written"
expect_grep '^## III\. Đánh giá chung$' "$T/report2.md"
expect_grep '^Các thành viên hoàn thành kế hoạch năm\.$' "$T/report2.md"
expect_grep '^## IV\. Phương hướng hoạt động năm 2024$' "$T/report2.md"
expect_grep 'sections not written: proposals, direction ' "$T/report2.err"

K cluster report 2023 --lang en >"$T/report-en.md" || fail "--lang en"
expect_grep '^| 2 | Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk | 71 | 2 | 3 | 12 | 6,000 | 149,814 USD |$' \
    "$T/report-en.md"
expect_grep '^## IV. Direction for 2024$' "$T/report-en.md"

K cluster report 2023 --format docx --out "$T/report.docx" ||
    fail "--format docx"
"$PYTHON" - "$T/report.docx" >"$T/docx.txt" <<'EOP' || fail "python3-docx reads it"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.text)
for t in d.tables:
    for r in t.rows:
        print(" | ".join(c.text for c in r.cells))
EOP
expect_grep '^2 | Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk | 71 | 2 | 3 | 12 | 6.000 | 149.814 USD$' \
    "$T/docx.txt"
expect_grep 'Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk làm Cụm trưởng năm 2024\.' \
    "$T/docx.txt"
test_must_fail --status=2 K cluster report 2023 --format csv
test_must_fail --status=2 K cluster report
exit 0

# kyniem import holds one record or event of a file at a time, never the
# file: with its data segment limited to 24 MB (RLIMIT_DATA: the heap and
# private mappings), it imports a 4.7 MB .ics of 2,000 events of 100
# properties each (libical's tree of the whole file took over 40 MB) and a
# 16 MB CSV (held whole and copied twice: 48 MB), and both are all there.
# The peak memory of 86,000 activities is in bench/import.sh.
. "$SRC/tests/lib.sh"
initdb
limit=$((24 * 1024))
# ASan's shadow memory cannot live under the limit: the sanitizer build
# imports the same files without it.
[ "$KYNIEM_BUILD" = san ] && limit=unlimited
TODAY=2024-06-01
limited() { (ulimit -d "$limit" && exec "$@"); }

"$PYTHON" - "$T" <<'EOP'
import sys
d = sys.argv[1]
with open(d + "/props.ics", "w") as f:
    f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kyniem tests//EN\r\n")
    for i in range(2000):
        f.write("BEGIN:VEVENT\r\nUID:p%d@example.org\r\n"
                "SUMMARY:Sự kiện %d\r\nDTSTART;VALUE=DATE:2024%02d%02d\r\n"
                % (i, i, i % 9 + 1, i % 28 + 1))
        f.write("".join("X-NOTE-%d:ghi chú %d\r\n" % (j, j)
                        for j in range(100)))
        f.write("END:VEVENT\r\n")
    f.write("END:VCALENDAR\r\n")
with open(d + "/blank.csv", "w") as f:
    f.write("key,title,start,end,location,organiser,owners,remind,"
            "observance,status,notes\n")
    f.write("blank-1,Giao lưu,2024-05-01,,,,,,,planned,\n")
    f.write("\n" * (16 * 1024 * 1024))
    f.write("blank-2,Gặp mặt,2024-05-02,,,,,,,planned,\n")
EOP

expect "2,000 events import under a $limit KB data limit" \
    limited "$KYNIEM" --today 2024-06-01 import "$T/props.ics" >"$T/out"
expect_grep '^2000 rows read, 2000 added or changed, 0 with errors$' "$T/out"
expect "a 16 MB CSV imports under a $limit KB data limit" \
    limited "$KYNIEM" --today 2024-06-01 import "$T/blank.csv" >"$T/out"
expect_grep '^2 rows read, 2 added or changed, 0 with errors$' "$T/out"
K activity list | cut -f2- >"$T/list"
expect "2,002 activities" [ "$(wc -l <"$T/list")" -eq 2002 ]
expect_grep '^2024-05-02	planned	.*Gặp mặt$' "$T/list"
expect_grep '^2024-09-10	planned	.*Sự kiện 1997$' "$T/list"

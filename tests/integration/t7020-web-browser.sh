# The web application end to end in Chromium (tests/node/web-e2e.mjs,
# through puppeteer-core): a staff member plans the dashboard's top item
# and saves the prefilled form unchanged, plans a milestone from "Cần lên
# kế hoạch" with the 7- and 1-day reminder boxes and sees it; the login
# works without JavaScript; every page (the parts staff write of the
# report and the plan too) is shot at 390 px and 1280 px
# (the PNGs are in the test's directory), passes axe-core, weighs under
# 100 KB and asks nothing of another server.  Then outside the browser:
# the activity is in activities.ics as python3-icalendar and ical.js read
# it, and `kyniem remind --dry-run` has its 7-day and 1-day reminders.
. "$SRC/tests/lib.sh"
normal_only "the browser's view of the pages; their routes run under ASan in t7001-t7013"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
. "$SRC/tests/integration/feedlib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || skip_all "chromium not installed"
need_node_modules puppeteer-core/package.json axe-core/axe.min.js

TODAY=2023-08-20
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[server]
poll_seconds = 1
EOC
cat >>"$T/kyniem.conf" <<EOC
[organisation]
province = Khánh Hòa
focus_countries = LA, KH
[letters]
english = embassy:KH
template_vi = $SRC/config/letter.vi.txt
template_en = $SRC/config/letter.en.txt
EOC
web_users
# Texts for the report's page: one inherited from 2022, one with two
# versions (a form, the marking, a history with a restore button).
printf 'Bối cảnh năm 2022.\n- Một ý.\n' >"$T/context"
"$KYNIEM" --today $TODAY text set report 2022 context --file "$T/context" \
    >/dev/null || die "kyniem text set"
for v in 'Bản một.' 'Bản hai.'; do
	echo "$v" | "$KYNIEM" --today $TODAY text set report 2023 assessment \
	    --file - >/dev/null || die "kyniem text set"
done
# A backup for the Sao lưu page to describe.
"$KYNIEM" --today $TODAY backup >/dev/null || die "kyniem backup"
start_server $TODAY

rc=0
E2E_BASE=$BASE E2E_OUT=$T E2E_CHROMIUM=$CHROMIUM \
    E2E_EDITOR=editor@example.org E2E_ADMIN=admin@example.org \
    E2E_PASSWORD=$PW "$NODE" "$SRC/tests/node/web-e2e.mjs" \
    >"$T/e2e.out" 2>&1 || rc=$?
cat "$T/e2e.out"
[ -f "$T/e2e.checks" ] || die "web-e2e.mjs recorded nothing (exit $rc)"
while read -r result what; do
	case $result in
	ok) pass "$what" ;;
	*) fail "$what" ;;
	esac
done <"$T/e2e.checks"
expect "web-e2e.mjs ran to its end (exit $rc)" [ "$rc" = 0 ]
[ -s "$T/e2e.activity" ] || die "no activity was planned in the browser"
ID=$(sed -n 1p "$T/e2e.activity")
TITLE=$(sed -n 2p "$T/e2e.activity")
echo "$(find "$T" -maxdepth 1 -name '*.png' | wc -l) screenshots in $T"

# The activity as the CLI sees it.
"$KYNIEM" activity show "$ID" >"$T/show" || die "kyniem activity show failed"
expect_grep "7d,1d" "$T/show"
expect_grep "relation:JP" "$T/show"
expect_grep "2023-09-21" "$T/show"

# The feed (rebuilt within poll_seconds of the change), read by both
# parsers.
i=0
until fetch "$BASE/calendars/activities.ics" "$T/activities.ics" \
    >/dev/null && unfold "$T/activities.ics" >"$T/activities.txt" &&
    grep -q "^SUMMARY:$TITLE" "$T/activities.txt"; do
	i=$((i + 1))
	[ $i -lt 100 ] || die "the activity never reached activities.ics"
	sleep 0.1
done
check_feed "$T/activities.ics" activities.ics 1
expect_grep '^DTSTART;VALUE=DATE:20230921' "$T/activities.txt"
"$PYTHON" - "$T/activities.ics" >"$T/py.txt" <<'PY' || fail "python3-icalendar"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for ev in cal.walk("VEVENT"):
    print(ev.decoded("DTSTART").isoformat(), str(ev.get("SUMMARY")))
PY
expect_grep "^2023-09-21 $TITLE\$" "$T/py.txt"
"$NODE" --input-type=module - "$NODE_DIR" "$T/activities.ics" >"$T/js.txt" \
    <<'JS' || fail "ical.js"
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [dir, file] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(`${dir}/node_modules/ical.js/dist/ical.js`).href)).default;
const comp = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
for (const v of comp.getAllSubcomponents('vevent')) {
	const ev = new ICAL.Event(v);
	console.log(ev.startDate.toString(), ev.summary);
}
JS
expect_grep "^2023-09-21 $TITLE\$" "$T/js.txt"

# The reminders: 7 days before, then 1 day before, to the owner.
"$KYNIEM" --today 2023-09-14 remind --dry-run >"$T/remind-14" 2>&1 ||
    fail "kyniem remind --dry-run on 2023-09-14"
expect_grep ":7d to editor@example.org: Nhắc việc: $TITLE" "$T/remind-14"
expect_no_grep ':1d to' "$T/remind-14"
"$KYNIEM" --today 2023-09-20 remind --dry-run >"$T/remind-20" 2>&1 ||
    fail "kyniem remind --dry-run on 2023-09-20"
expect_grep ":1d to editor@example.org: Nhắc việc: $TITLE" "$T/remind-20"
"$KYNIEM" --today 2023-09-13 remind --dry-run >"$T/remind-13" 2>&1 ||
    fail "kyniem remind --dry-run on 2023-09-13"
expect_grep 'dry run: ' "$T/remind-13"
# (The top item planned first, Yersin's 160th on 22/9, was then recorded
# done: a done activity is reminded of no more.)
expect_no_grep 'Nhắc việc: Tổ chức kỷ niệm 160 năm ngày sinh' "$T/remind-13"
K activity list >"$T/acts"
expect_grep '	done	.*Tổ chức kỷ niệm 160 năm ngày sinh' "$T/acts"
expect_no_grep "Nhắc việc: $TITLE" "$T/remind-13"
expect_clean_stop

# With a token on the activities feed, nothing it hides is public
# elsewhere: /plan/YEAR.* list every activity, so they need the same
# token; the index pages and every public feed leave the activity out.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[feed activities]
activities = yes
token = pr1vate-plans
EOC
"$KYNIEM" --today 2023-12-20 activity add --title 'Gặp mặt kín Zeta' \
    --start 2024-03-08 --location 'Phòng họp kín' >/dev/null ||
    fail "activity add"
start_server 2023-12-20

for ext in md html docx; do
	[ "$(code "$BASE/plan/2024.$ext")" = 404 ] ||
	    fail "/plan/2024.$ext without the token"
	[ "$(fetch "$BASE/plan/2024.$ext?token=pr1vate-plans" "$T/p.$ext")" = \
	    200 ] || fail "/plan/2024.$ext with the token"
done
expect_grep 'Gặp mặt kín Zeta' "$T/p.md"
[ "$(code "$BASE/plan/2024.html?token=wrong")" = 404 ] || fail "wrong token"
# Every public document: the index pages and the public feeds.
fetch "$BASE/" "$T/index.html" >/dev/null
fetch "$BASE/index.en.html" "$T/index.en.html" >/dev/null
for f in all milestones national-days lunar-festivals country/JP; do
	[ "$(fetch "$BASE/calendars/$f.ics" "$T/feed.ics")" = 200 ] ||
	    fail "$f.ics"
	grep -q 'Zeta' "$T/feed.ics" && fail "$f.ics shows the activity"
done
grep -q 'Zeta\|kín' "$T/index.html" "$T/index.en.html" &&
    fail "the index shows the activity"
[ "$(code "$BASE/calendars/activities.ics")" = 404 ] ||
    fail "activities.ics without its token"
exit 0

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
    die "activity add"
start_server 2023-12-20

for ext in md html docx; do
	expect "/plan/2024.$ext without the token: 404" \
	    [ "$(code "$BASE/plan/2024.$ext")" = 404 ]
	expect "/plan/2024.$ext with the token: 200" [ "$(fetch \
	    "$BASE/plan/2024.$ext?token=pr1vate-plans" "$T/p.$ext")" = 200 ]
done
expect_grep 'Gặp mặt kín Zeta' "$T/p.md"
expect "a wrong token: 404" [ "$(code "$BASE/plan/2024.html?token=wrong")" = 404 ]
# Every public document: the index pages and the public feeds.
fetch "$BASE/" "$T/index.html" >/dev/null
fetch "$BASE/index.en.html" "$T/index.en.html" >/dev/null
for f in all milestones national-days lunar-festivals country/JP; do
	expect "$f.ics: 200" [ "$(fetch "$BASE/calendars/$f.ics" \
	    "$T/feed.$(echo "$f" | tr / -).ics")" = 200 ]
	expect_no_grep 'Zeta' "$T/feed.$(echo "$f" | tr / -).ics"
done
expect_no_grep 'Zeta\|kín' "$T/index.html"
expect_no_grep 'Zeta\|kín' "$T/index.en.html"
expect "activities.ics without its token: 404" \
    [ "$(code "$BASE/calendars/activities.ics")" = 404 ]
exit 0

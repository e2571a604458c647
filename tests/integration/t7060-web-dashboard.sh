# The dashboard ranked for this union (issue 23): "Cần lên kế hoạch" lists
# the milestones to plan best first by the plan's ranking (rank.c), the
# province's own dates (Yersin's for Khánh Hòa) and focus countries
# first, the top [web] dashboard_items (8) with "Xem tất cả" for the
# rest; "90 ngày tới" shows milestones, focus countries and the union's
# own dates, every other national day behind a filter.
. "$SRC/tests/lib.sh"
. "$SRC/tests/integration/serverlib.sh"
. "$SRC/tests/integration/weblib.sh"
initdb
cat >>"$T/kyniem.conf" <<'EOC'
[organisation]
province = Khánh Hòa
focus_countries = LA, KH
EOC
web_users
start_server 2023-08-20
[ "$(web_login editor)" = 303 ] || die "the editor cannot log in"

# The keys of the occasions "Cần lên kế hoạch" links to, in order.
plan_keys() {
	sed -n '/id="plan"/,/<\/section>/p' "$1" |
	    sed -n 's|.*<li>.*<a href="/app/occasions/\([^"]*\)">.*|\1|p'
}
# The keys of the occasions of "90 ngày tới".
next_keys() {
	sed -n '/id="next"/,$p' "$1" |
	    sed -n 's|.*<a href="/app/occasions/\([^"]*\)">.*|\1|p'
}

expect "the dashboard answers" [ "$(web_get editor /app/ "$T/home.html")" = 200 ]
plan_keys "$T/home.html" >"$T/plan.keys"
expect "8 milestones to plan ($(wc -l <"$T/plan.keys"))" \
    [ "$(wc -l <"$T/plan.keys")" -eq 8 ]
# Yersin's 160th birthday (22/9/2023) is Khánh Hòa's own, then Cambodia's
# 70th National Day (a focus country) and the 50th anniversaries.
expect "Yersin's 160th birthday first ($(head -n 1 "$T/plan.keys"))" \
    [ "$(sed -n 1p "$T/plan.keys")" = yersin_birth ]
expect "Cambodia's National Day second ($(sed -n 2p "$T/plan.keys"))" \
    [ "$(sed -n 2p "$T/plan.keys")" = national-day:KH ]
expect_grep '^relation:JP$' "$T/plan.keys"
expect_grep 'Địa phương' "$T/home.html"
# Far countries' national days are not among the top.
expect_no_grep 'national-day:SZ\|national-day:TV\|national-day:KN' \
    "$T/plan.keys"
expect_grep '<a href="/app/?all=1">Xem tất cả (30)</a>' "$T/home.html"

# All of them, still best first.
web_get editor '/app/?all=1' "$T/all.html" >/dev/null
plan_keys "$T/all.html" >"$T/all.keys"
expect "all 30 milestones to plan ($(wc -l <"$T/all.keys"))" \
    [ "$(wc -l <"$T/all.keys")" -eq 30 ]
expect "the same order at the top" \
    [ "$(head -n 8 "$T/all.keys")" = "$(cat "$T/plan.keys")" ]
expect_grep '^national-day:SZ$' "$T/all.keys"
expect_no_grep 'Xem tất cả' "$T/all.html"

# The next 90 days: the milestones and focus countries; a national day
# of no milestone (Brazil's 201st, 7/9) only behind the filter.
next_keys "$T/home.html" >"$T/next.keys"
expect_grep '^relation:JP$' "$T/next.keys"
expect_grep '^national-day:SZ$' "$T/next.keys"		# 55th, round
expect_no_grep '^national-day:BR$' "$T/next.keys"
expect_grep 'href="/app/?show=all">Hiện mọi ngày (thêm [0-9]* ngày' \
    "$T/home.html"
web_get editor '/app/?show=all' "$T/show.html" >/dev/null
next_keys "$T/show.html" >"$T/show.keys"
expect_grep '^national-day:BR$' "$T/show.keys"
expect_grep '<a href="/app/">Chỉ hiện năm chẵn' "$T/show.html"
# In English.
curl -s -b "$T/editor.jar" -c "$T/editor.jar" -o /dev/null "$BASE/app/lang/en"
web_get editor /app/ "$T/en.html" >/dev/null
expect_grep '>See all (30)</a>' "$T/en.html"
expect_grep 'Show every date' "$T/en.html"
expect_grep '>Local</span>' "$T/en.html"
stop_server

# Another union, three items: no province, no local date first.
cat >>"$T/kyniem.conf" <<'EOC'
[web]
dashboard_items = 3
EOC
sed -i 's/^province = .*/province = Đắk Lắk/' "$T/kyniem.conf"
start_server 2023-08-20
[ "$(web_login editor)" = 303 ] || die "the editor cannot log in again"
web_get editor /app/ "$T/three.html" >/dev/null
plan_keys "$T/three.html" >"$T/three.keys"
expect "3 milestones to plan ($(wc -l <"$T/three.keys"))" \
    [ "$(wc -l <"$T/three.keys")" -eq 3 ]
expect_no_grep '^yersin_birth$' "$T/three.keys"
expect "Cambodia first for Đắk Lắk ($(head -n 1 "$T/three.keys"))" \
    [ "$(sed -n 1p "$T/three.keys")" = national-day:KH ]
expect_grep 'Xem tất cả (30)' "$T/three.html"
expect_clean_stop

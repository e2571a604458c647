# kyniem --version prints the version of debian/changelog's first line,
# the one place it is kept, exits 0 and needs neither a config nor a
# database; --help names the option.
. "$SRC/tests/lib.sh"
want=$(sed -n '1s/^kyniem (\([^)]*\)).*/kyniem \1/p' "$SRC/debian/changelog")
[ -n "$want" ] || fail "no version in debian/changelog"
KYNIEM_CONFIG=/nonexistent "$KYNIEM" --version >"$T/out" 2>"$T/err" ||
    fail "kyniem --version exits $?"
echo "$want" | expect_diff - "$T/out"
[ ! -s "$T/err" ] || { cat "$T/err"; fail "kyniem --version writes to stderr"; }
"$KYNIEM" --help >"$T/help"
expect_grep '^usage: kyniem \[--version\] ' "$T/help"

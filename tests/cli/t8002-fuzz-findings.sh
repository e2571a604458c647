# Inputs the fuzzers found that crashed kyniem, as plain CLI cases: a
# bare [feed] section (its keys used to be written at struct config_feed
# offsets into struct config, then freed).
. "$SRC/tests/lib.sh"
mkconf
cat >>"$T/kyniem.conf" <<'EOC'
[feed]
countries = LA
token = s3cret
EOC
test_must_fail --status=1 "$KYNIEM" --today=2024-01-01 lunar 2024-02-10 \
    >"$T/out" 2>"$T/err"
expect_grep "kyniem.conf:4: unknown key 'countries' in \[feed\]" "$T/err"
expect_grep "kyniem.conf:5: unknown key 'token' in \[feed\]" "$T/err"
